"""pydantic's complaints about a rule-file entry, said for the policy editor.

pydantic reports where a value broke the schema in its own terms (`loc`,
`extra_forbidden`, union tags). This module walks that location back through
the author's data and the models, and says what went wrong in plain bokmål
with English beside it: the field as the author wrote it, what was wanted,
and a hint (a did-you-mean that also knows Norwegian words for our names).
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Iterable

from pydantic import BaseModel, RootModel, Tag, ValidationError

from .errors import Diagnostic, Location, did_you_mean, nearest_name
from .facts import FACT_MODELS, field_specs
from .model import OPERATORS, RESERVED, Operators, Text
from .source_map import SourceMap

ENTRY_WORDS = {
    "forums": ("forumet", "the forum"),
    "departments": ("avdelingen", "the department"),
    "roles": ("rollen", "the role"),
    "duties": ("plikten", "the duty"),
    "derived_facts": ("det avledede faktumet", "the derived fact"),
    "provisions": ("bestemmelsen", "the provision"),
    "rules": ("regelen", "the rule"),
    "memo": ("meldingen", "the memo"),
}


# Norwegian words an author may reach for, and the name the rule files use.
_NORWEGIAN = {
    "regler": "rules", "regel": "rules", "plikter": "duties", "fora": "forums", "forumer": "forums",
    "roller": "roles", "avdelinger": "departments", "bestemmelser": "provisions",
    "avledede_fakta": "derived_facts", "avledet": "derived",
    "tittel": "title", "navn": "name", "sitat": "quote", "punkt": "section", "seksjon": "section",
    "bestemmelse": "provision", "hvis": "when", "når": "when", "betingelse": "when", "så": "then", "da": "then",
    "frist": "deadline", "mottakere": "recipients", "mottaker": "recipients", "kopi": "copies",
    "vedlegg": "attachments", "avsender": "sender", "ansvarlig": "holder", "handling": "action",
    "tiltak": "action", "tolkning": "interpretation", "gjelder": "applies_to", "beskrivelse": "description",
    "merknad": "note", "alias": "aliases", "mal": "template", "dokumenttype": "document_type", "fra": "from",
    "utled": "derive", "type": "kind", "art": "kind", "plikt": "duty", "vurder": "assess",
    "vurdering": "assess", "hovedregel": "main_rule", "utgangspunkt": "starting_point",
    "orientering": "information", "informasjon": "information", "møte": "meeting", "år": "year",
    "alle": "all", "minst_én": "any", "minst_en": "any", "en_av": "any", "ikke": "not", "blant": "in",
    "inneholder": "contains", "leder": "leader", "ledernivå": "leader", "ekspert": "expert",
    "ekspertnivå": "expert", "strategisk": "strategic", "operativ": "operational", "operativt": "operational",
}


def suggest(word: object, choices: Iterable[str]) -> tuple[str, str]:
    """A did-you-mean that also knows the Norwegian words for our names."""
    return did_you_mean(word, choices, _NORWEGIAN)


def nearest(word: object, choices: Iterable[str]) -> str | None:
    return nearest_name(word, choices, _NORWEGIAN)


_TYPE_WORDS = {
    "bool_type": ("true eller false", "true or false"),
    "int_type": ("et heltall", "a whole number"),
    "string_type": ("tekst", "text"),
    "list_type": ("en liste", "a list"),
    "dict_type": ("en mapping (`nøkkel: verdi`)", "a mapping (`key: value`)"),
    "model_type": ("en mapping (`nøkkel: verdi`)", "a mapping (`key: value`)"),
    "model_attributes_type": ("en mapping (`nøkkel: verdi`)", "a mapping (`key: value`)"),
    "float_type": ("et tall", "a number"),
}
_LIMITS = {
    "greater_than_equal": ("må være minst {}", "must be at least {}"),
    "less_than_equal": ("kan være høyst {}", "can be at most {}"),
    "string_too_long": ("kan ha høyst {} tegn", "can have at most {} characters"),
}
_SCALAR_TYPES = {"bool_type", "int_type", "float_type", "string_type"}
_NOT_EQUAL = {"ne", "neq", "not_eq", "not_equal", "!=", "<>", "ikke", "ulik", "not", "nin", "not_in"}


@dataclass
class _Problem:
    """pydantic's errors at one place in the data, with what the schema wanted there."""

    details: list[dict[str, Any]]
    path: tuple[str | int, ...]  # in the entry's data
    expected: Any  # the type the schema wanted at `path` (None for an unknown key)
    owner: type[BaseModel] | None  # the model of the mapping that holds `path`

    @property
    def kind(self) -> str:
        return str(self.details[0]["type"])

    @property
    def input(self) -> Any:
        return self.details[0].get("input")


def entry_diagnostics(
    error: ValidationError, item: Any, base: tuple[str | int, ...], source: SourceMap, model: type[BaseModel]
) -> list[Diagnostic]:
    problems: dict[tuple[str | int, ...], _Problem] = {}
    for detail in error.errors(include_url=False):
        path, expected, owner = _walk(model, item, detail["loc"])
        if detail["type"] == "missing":
            path = path + (str(detail["loc"][-1]),)  # the place of the field that is not there
        if path in problems:
            problems[path].details.append(detail)
        else:
            problems[path] = _Problem([detail], path, expected, owner)
    # `titel` for `title` is one mistake: say "unknown field, did you mean", not also "missing title".
    typos = {
        (p.path[:-1], nearest(p.path[-1], _field_names(p.owner)))
        for p in problems.values()
        if p.kind == "extra_forbidden" and p.owner is not None
    }
    out = []
    for problem in problems.values():
        if problem.kind == "missing" and (problem.path[:-1], problem.path[-1]) in typos:
            continue
        out.append(_describe(problem, item, base, source))
    return out


def _describe(problem: _Problem, item: Any, base: tuple[str | int, ...], source: SourceMap) -> Diagnostic:
    path = problem.path
    full = base + path
    name = next((str(p) for p in reversed(path) if isinstance(p, str)), str(base[0]))
    kind = problem.kind
    value = problem.input
    shown = show(value, source.texts.get(full))
    given_nb, given_en = ("tom", "empty") if value is None else (f"`{shown}`", f"`{shown}`")
    where = source.location(full)
    in_condition = "when" in path

    if kind == "extra_forbidden":
        if problem.owner is Operators:
            return _unknown_operator(name, path, item, source.location(full, key=True))
        allowed = _field_names(problem.owner)
        nb, en = suggest(name, allowed)
        if not nb and " " in name:
            nb = "er dette resten av en tekst med komma? Sett hele teksten i anførselstegn"
            en = "is this the rest of a text with a comma? Put the whole text in quotes"
        elif not nb and allowed:
            nb, en = f"kjente felt her: {', '.join(allowed)}", f"known fields here: {', '.join(allowed)}"
        where = source.location(full, key=True)
        return Diagnostic("unknown-field", f"ukjent felt `{name}`", f"unknown field `{name}`", where, nb, en)
    if kind == "missing":
        missing = str(path[-1])
        holder_nb, holder_en = _holder_words(path[:-1], base)
        hint_nb, hint_en = _field_hint(problem.owner, missing)
        return Diagnostic(
            "missing-field",
            f"{holder_nb} mangler feltet `{missing}`",
            f"{holder_en} lacks the field `{missing}`",
            source.location(base + path[:-1], key=True),
            hint_nb,
            hint_en,
        )
    if kind == "empty_condition":
        return Diagnostic(
            "empty-condition",
            *split_bilingual(problem.details[0]["msg"]),
            where,
            "skriv betingelsen under `when:`, eller fjern `when:` hvis regelen skal gjelde alltid",
            "write the condition under `when:`, or remove `when:` if the rule is to apply always",
        )
    if kind == "condition":
        return _bad_condition(value, path, where)
    if kind == "field_value":
        if not any(name in field_specs(k) for k in FACT_MODELS):
            choices = [*RESERVED, *(n for k in FACT_MODELS for n in field_specs(k))]
            nb, en = suggest(name, choices)
            where = source.location(full, key=True)
            return Diagnostic("unknown-field", f"ukjent felt `{name}`", f"unknown field `{name}`", where, nb, en)
        return Diagnostic(
            "bad-test",
            f"`{name}` kan ikke ha en liste som verdi",
            f"`{name}` cannot have a list as its value",
            where,
            f"for å teste mot flere verdier, skriv `{name}: {{in: {show(value)}}}`",
            f"to test against several values, write `{name}: {{in: {show(value)}}}`",
        )
    if kind in _SCALAR_TYPES and len(problem.details) > 1:  # a plain value of any kind was expected
        return Diagnostic(
            "wrong-type",
            f"`{name}` skal være en enkel verdi (tekst, tall, dato eller true/false), men er {given_nb}",
            f"`{name}` must be a plain value (text, number, date or true/false), but is {given_en}",
            where,
        )
    if kind in _TYPE_WORDS and not path:
        section = str(base[0])
        return Diagnostic(
            "entry-shape",
            f"hver oppføring under `{section}` skal være en mapping med felt, men denne er {given_nb}",
            f"each entry under `{section}` must be a mapping of fields, but this one is {given_en}",
            where,
            "begynn oppføringen med `- id: ...` og skriv de andre feltene under, like langt inn som `id`",
            "start the entry with `- id: ...` and write the other fields below it, indented as far as `id`",
        )
    if kind in _TYPE_WORDS:
        return _wrong_type(problem, name, value, shown, (given_nb, given_en), where, in_condition)
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", problem.details[0]["ctx"]["expected"])
        nb, en = suggest(value, expected)
        return Diagnostic(
            "unknown-value",
            f"`{shown}` er ikke en tillatt verdi for `{name}`; bruk en av: {', '.join(expected)}",
            f"`{shown}` is not an allowed value for `{name}`; use one of: {', '.join(expected)}",
            where,
            nb,
            en,
        )
    if kind == "string_pattern_mismatch":
        return Diagnostic(
            "bad-format",
            f"`{shown}` har feil form for `{name}`",
            f"`{shown}` has the wrong form for `{name}`",
            where,
            *_pattern_hint(name, value),
        )
    if kind in ("too_short", "string_too_short"):
        return Diagnostic("empty", f"`{name}` kan ikke være tom", f"`{name}` cannot be empty", where)
    if kind in _LIMITS:
        context = problem.details[0]["ctx"]
        limit = next(context[k] for k in ("ge", "le", "max_length") if k in context)
        nb, en = _LIMITS[kind]
        return Diagnostic(
            "out-of-range",
            f"`{name}` er {given_nb}, men {nb.format(limit)}",
            f"`{name}` is {given_en}, but {en.format(limit)}",
            where,
        )
    if kind == "deadline":
        return Diagnostic("bad-deadline", *split_bilingual(problem.details[0]["msg"]), where)
    if kind == "value_error" and problem.expected is Operators:
        return Diagnostic(
            "bad-test",
            f"testen på `{name}` er tom",
            f"the test on `{name}` is empty",
            where,
            f"skriv en verdi (`{name}: ...`) eller en av {', '.join(OPERATORS)}",
            f"write a value (`{name}: ...`) or one of {', '.join(OPERATORS)}",
        )
    if kind == "value_error":
        nb, en = split_bilingual(problem.details[0]["msg"].removeprefix("Value error, "))
        return Diagnostic("invalid-value", nb, en, where)
    message = problem.details[0]["msg"]
    return Diagnostic(
        "invalid", f"ugyldig verdi for `{name}`: {message}", f"invalid value for `{name}`: {message}", where
    )


def _holder_words(path: tuple[str | int, ...], base: tuple[str | int, ...]) -> tuple[str, str]:
    """What lacks a field: `citation`, or "the rule" for an entry itself."""
    names = [p for p in path if isinstance(p, str)]
    if names:
        return f"`{names[-1]}`", f"`{names[-1]}`"
    return ENTRY_WORDS[str(base[0])]


def _field_hint(owner: type[BaseModel] | None, name: str) -> tuple[str, str]:
    if owner is Text:
        return (
            "skriv teksten både på bokmål og engelsk: `{nb: ..., en: ...}`",
            "write the text in both bokmål and English: `{nb: ..., en: ...}`",
        )
    info = _field_info(owner, name)
    if info is None or not info.description:
        return f"legg til `{name}:`", f"add `{name}:`"
    nb, _, en = info.description.partition(" / ")
    return f"legg til `{name}:` ({nb})", f"add `{name}:` ({en or nb})"


def _wrong_type(
    problem: _Problem,
    name: str,
    value: Any,
    shown: str,
    given: tuple[str, str],
    where: Location,
    in_condition: bool,
) -> Diagnostic:
    kind = problem.kind
    if _strip(problem.expected) is Text:
        return Diagnostic(
            "wrong-type",
            f"`{name}` skal ha teksten på bokmål og engelsk, men er `{shown}`",
            f"`{name}` must hold the text in bokmål and English, but is `{shown}`",
            where,
            f"skriv `{name}: {{nb: ..., en: ...}}`",
            f"write `{name}: {{nb: ..., en: ...}}`",
        )
    want_nb, want_en = _TYPE_WORDS[kind]
    hint_nb = hint_en = ""
    if kind == "string_type" and isinstance(value, (int, float)) and not isinstance(value, bool):
        hint_nb, hint_en = f'sett verdien i anførselstegn: "{shown}"', f'put the value in quotes: "{shown}"'
    elif kind == "list_type" and not isinstance(value, (dict, list)) and value is not None:
        written = f"{name}: [{shown}]"
        if name == "in" and in_condition and len(problem.path) > 1:
            written = f"{problem.path[-2]}: {{in: [{shown}]}}"
        hint_nb, hint_en = f"skriv `{written}`", f"write `{written}`"
    return Diagnostic(
        "wrong-type",
        f"`{name}` skal være {want_nb}, men er {given[0]}",
        f"`{name}` must be {want_en}, but is {given[1]}",
        where,
        hint_nb,
        hint_en,
    )


def _unknown_operator(name: str, path: tuple[str | int, ...], item: Any, where: Location) -> Diagnostic:
    field_name = str(path[-2])
    operand = show(_value_at(item, path))
    operators = ", ".join(OPERATORS)
    if name.casefold() in _NOT_EQUAL:
        if operand.startswith("["):
            operand = f"{{in: {operand}}}"
        hint = (
            f"for «ikke lik», skriv `not: {{{field_name}: {operand}}}`",
            f"for “not equal”, write `not: {{{field_name}: {operand}}}`",
        )
    else:
        hint = suggest(name, OPERATORS)
        if not hint[0]:
            hint = (f"bruk en av: {operators}", f"use one of: {operators}")
    return Diagnostic(
        "unknown-operator",
        f"ukjent test `{name}` på `{field_name}`; en test er en av {operators}",
        f"unknown test `{name}` on `{field_name}`; a test is one of {operators}",
        where,
        *hint,
    )


def _bad_condition(value: Any, path: tuple[str | int, ...], where: Location) -> Diagnostic:
    code = "bad-condition"
    if isinstance(value, list):
        if path and path[-1] == "not":
            return Diagnostic(
                code,
                "`not` tar én betingelse, ikke en liste",
                "`not` takes one condition, not a list",
                where,
                "for «ingen av disse», skriv `not: {any: [...]}`",
                "for “none of these”, write `not: {any: [...]}`",
            )
        return Diagnostic(
            code,
            "en betingelse skal være en mapping (`felt: verdi`), ikke en liste",
            "a condition must be a mapping (`field: value`), not a list",
            where,
            "skriv `all:` (alle må gjelde) eller `any:` (minst én må gjelde) over listen",
            "write `all:` (all must hold) or `any:` (at least one must hold) above the list",
        )
    if isinstance(value, dict) and not value:
        return Diagnostic(code, "betingelsen er tom", "the condition is empty", where)
    if isinstance(value, dict):
        reserved = [k for k in value if k in RESERVED]
        others = [k for k in value if k not in RESERVED]
        together = " og ".join(f"`{k}`" for k in reserved + others[:1])
        together_en = " and ".join(f"`{k}`" for k in reserved + others[:1])
        if reserved[0] == "all" and len(reserved) == 1:
            hint = (
                f"flytt `{others[0]}` inn i listen under `all`, som et eget punkt (`- {others[0]}: ...`)",
                f"move `{others[0]}` into the list under `all`, as an item of its own (`- {others[0]}: ...`)",
            )
        else:
            hint = (
                "skriv `all:` og sett hver av dem som et eget punkt i listen under",
                "write `all:` and put each of them as an item of its own in the list below it",
            )
        return Diagnostic(
            code,
            f"{together} kan ikke stå i samme mapping",
            f"{together_en} cannot stand in the same mapping",
            where,
            *hint,
        )
    return Diagnostic(
        code,
        f"en betingelse skal være `felt: verdi`, `all`, `any`, `not` eller `derived`, men er `{show(value)}`",
        f"a condition must be `field: value`, `all`, `any`, `not` or `derived`, but is `{show(value)}`",
        where,
    )


def split_bilingual(message: str) -> tuple[str, str]:
    """Split 'bokmål [English]' into its two halves."""
    match = re.match(r"^(.*?)\s*\[(.*)\](.*)$", message, re.S)
    if not match:
        return message, message
    return match.group(1) + match.group(3), match.group(2) + match.group(3)


def _pattern_hint(name: str, value: Any) -> tuple[str, str]:
    if name in ("id", "holder", "duty", "sender", "derived", "from", "later_of", "pending_when", "derive"):
        suggestion = re.sub(r"[^a-z0-9_.\-]+", "-", str(value).lower().translate(_ASCII)).strip("-_.")
        example = f", f.eks. `{suggestion}`" if suggestion else ""
        example_en = f", e.g. `{suggestion}`" if suggestion else ""
        return (
            f"bruk små bokstaver (a–z), tall, bindestrek, understrek og punktum{example}",
            f"use lower-case letters (a–z), digits, hyphen, underscore and full stop{example_en}",
        )
    if name == "section":
        return 'skriv punktet slik internmeldingen nummererer det, i anførselstegn, f.eks. "4.1"', (
            'write the section as the memo numbers it, in quotes, e.g. "4.1"'
        )
    if name == "date_in_year":
        return "skriv måned og dag som MM-DD, f.eks. 05-01", "write month and day as MM-DD, e.g. 05-01"
    return "", ""


_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "aa"})


def show(value: Any, written: str | None = None) -> str:
    """A value as the author would write it in YAML, shortened."""
    text = written if written is not None else _as_yaml(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _as_yaml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(_as_yaml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_as_yaml(v)}" for k, v in value.items()) + "}"
    return str(value)


def _value_at(item: Any, path: tuple[str | int, ...]) -> Any:
    node = item
    for part in path:
        node = node[part]
    return node


# --- following pydantic's error locations through the models --------------------------


def _walk(model: type[BaseModel], item: Any, loc: tuple[Any, ...]) -> tuple[tuple[str | int, ...], Any, Any]:
    """Follow a pydantic error location through the models and the data.

    A location names union members too (`when → field → forum → test → in`);
    those are skipped. Returns the path in the data, the type the schema
    wanted there, and the model of the mapping that holds it.
    """
    tp: Any = model
    node: Any = item
    path: list[str | int] = []
    owner: Any = None
    parts = list(loc)
    while True:
        tp, skip = _member(tp, parts[0] if parts else None)
        parts = parts[skip:]
        if not parts:
            return tuple(path), tp, owner
        part = parts.pop(0)
        if isinstance(tp, type) and issubclass(tp, RootModel):
            owner, tp = tp, typing.get_args(_strip(tp.model_fields["root"].annotation))[1]
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            info = _field_info(tp, str(part))
            owner, tp = tp, (info.annotation if info else None)
        elif typing.get_origin(tp) is list and isinstance(part, int):
            tp = typing.get_args(tp)[0]
        else:
            tp = None
        present = part in node if isinstance(node, dict) else isinstance(part, int) and 0 <= part < len(node)
        if not isinstance(node, (dict, list)) or not present:
            return tuple(path), tp, owner
        path.append(part)
        node = node[part]


def _member(tp: Any, label: Any) -> tuple[Any, int]:
    """The union member a location label names, and how many labels that took."""
    tp = _strip(tp)
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return tp, 0
    options = [a for a in typing.get_args(tp) if a is not type(None)]
    if len(options) == 1:
        return _member(options[0], label)
    for option in options:
        tags = [m.tag for m in getattr(option, "__metadata__", ()) if isinstance(m, Tag)]
        if tags and tags[0] == label:
            inner, skip = _member(option, None)
            return inner, 1 + skip
    for option in options:  # a plain union: pydantic names the member's schema
        bare = _strip(option)
        if isinstance(bare, type) and issubclass(bare, BaseModel) and bare.__name__ in str(label):
            return bare, 1
    return None, 1


def _strip(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _field_info(model: Any, name: str) -> Any:
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return None
    for field_name, info in model.model_fields.items():
        if name in (field_name, info.alias):
            return info
    return None


def _field_names(model: Any) -> list[str]:
    """The keys a mapping of this model may hold, as the author writes them."""
    if not (isinstance(model, type) and issubclass(model, BaseModel)) or issubclass(model, RootModel):
        return []
    return [info.alias or name for name, info in model.model_fields.items()]
