"""A rule's condition in words a policy reader uses, not YAML.

`explain` shows it; a generated document can too. Values are named the way
the catalogue names them (a forum by its name, a date as «3. mars 2027»).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..catalogue import Catalogue
from ..conditions import All, Any_, Derived, Expr, Not, Test
from ..deadlines import format_date
from ..facts import VALUE_LABELS, field_specs

_WORDS = {
    "nb": {
        "always": "alltid (regelen har ingen betingelse)",
        "all": "alle disse gjelder:",
        "any": "minst én av disse gjelder:",
        "not": "dette gjelder ikke:",
        "yes": "ja",
        "no": "nei",
        "empty": "(tom)",
        "in": "en av",
        "contains": "inneholder",
        "gt": "etter/over",
        "gte": "fra og med",
        "lt": "før/under",
        "lte": "til og med",
        "derived": "avledet",
        "or": "eller",
    },
    "en": {
        "always": "always (the rule has no condition)",
        "all": "all of these hold:",
        "any": "at least one of these holds:",
        "not": "this does not hold:",
        "yes": "yes",
        "no": "no",
        "empty": "(empty)",
        "in": "one of",
        "contains": "contains",
        "gt": "after/above",
        "gte": "from",
        "lt": "before/below",
        "lte": "up to",
        "derived": "derived",
        "or": "or",
    },
}


def condition_lines(expr: Expr | None, kind: str, catalogue: Catalogue, lang: str = "nb") -> list[str]:
    """The condition as indented lines, one test per line; a top-level `all` is just the list."""
    words = _WORDS[lang]
    if expr is None:
        return [words["always"]]
    items = expr.items if isinstance(expr, All) else (expr,)
    lines: list[str] = []
    for item in items:
        lines.extend(_lines(item, kind, catalogue, lang, ""))
    return lines


def _lines(expr: Expr, kind: str, catalogue: Catalogue, lang: str, indent: str) -> list[str]:
    words = _WORDS[lang]
    if isinstance(expr, (All, Any_)):
        head = words["all"] if isinstance(expr, All) else words["any"]
        out = [f"{indent}- {head}"]
        for item in expr.items:
            out.extend(_lines(item, kind, catalogue, lang, indent + "  "))
        return out
    if isinstance(expr, Not):
        return [f"{indent}- {words['not']}", *_lines(expr.item, kind, catalogue, lang, indent + "  ")]
    return [f"{indent}- {test_words(expr, kind, catalogue, lang)}"]


def test_words(expr: Test | Derived, kind: str, catalogue: Catalogue, lang: str = "nb") -> str:
    """One test: «Justisdepartementet deltar: nei», «forum: en av EMN, EUAA»."""
    words = _WORDS[lang]
    if isinstance(expr, Derived):
        fact = catalogue.derived_facts.get(expr.name)
        text = fact.description(lang) if fact else expr.name
        return f"{text} ({words['derived']}: `{expr.name}`)"
    spec = field_specs(kind).get(expr.field)
    label = (spec.nb if lang == "nb" else spec.en).split(" (")[0] if spec else expr.field
    if expr.op == "eq":
        return f"{label}: {value_words(expr.value, catalogue, lang)}"
    if expr.op == "in":
        return f"{label}: {words['in']} {', '.join(value_words(v, catalogue, lang) for v in expr.value)}"
    return f"{label}: {words[expr.op]} {value_words(expr.value, catalogue, lang)}"


def value_words(value: Any, catalogue: Catalogue, lang: str = "nb") -> str:
    words = _WORDS[lang]
    if value is True:
        return words["yes"]
    if value is False:
        return words["no"]
    if value is None:
        return words["empty"]
    if isinstance(value, (list, tuple, frozenset, set)):
        return ", ".join(value_words(v, catalogue, lang) for v in value) or words["empty"]
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, str):
        if value in catalogue.forums:
            return catalogue.forums[value].name(lang)
        if value in catalogue.departments:
            return f"{value} ({catalogue.departments[value].name(lang)})"
        if value in VALUE_LABELS:
            return VALUE_LABELS[value][0 if lang == "nb" else 1]
    return str(value)


__all__ = ["condition_lines", "test_words", "value_words"]
