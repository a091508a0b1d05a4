"""Rule files → a checked rulebook, or every problem at once.

Three passes, each reporting as much as it can:
1. each file is read as strict YAML (`yaml_source`);
2. each entry is checked against its schema (`model`), entry by entry, so a
   broken rule does not hide the problems of its neighbours;
3. references are resolved across files: fields against the fact
   vocabulary, forums, departments, roles, duties, derived facts,
   provisions, and citation quotes against the memo's text.
"""

from __future__ import annotations

import hashlib
import re
import typing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel, TypeAdapter, ValidationError

from .catalogue import Catalogue
from .conditions import All, Any_, Derived, Expr, Not, Test
from .errors import Diagnostic, DiagnosticSink, Location, did_you_mean
from .facts import FACT_MODELS, FieldSpec, field_specs
from .model import (
    PLACEHOLDER,
    SECTION_MODELS,
    AllOf,
    AnyOf,
    DateInYear,
    DerivedRef,
    FieldTests,
    MeetingDeadline,
    NotOf,
    Operators,
    Rule,
    RuleFile,
    _condition_tag,
)
from .yaml_source import SourceMap, YamlProblems, load_yaml

MEMO_FILE = "IM-2011-013.txt"
ROLE_PLACEHOLDERS = {"responsible_department", "forum"}
TITLE_PLACEHOLDERS = {"forum", "topic", "responsible_department"}


@dataclass(frozen=True)
class CheckedRule:
    """A rule that passed every check, with its condition as a typed tree."""

    rule: Rule
    expr: Expr | None
    location: Location
    order: int


@dataclass
class CheckedRulebook:
    catalogue: Catalogue
    rules: list[CheckedRule]
    files: list[str]
    digest: str
    memo: str | None = None
    locations: dict[tuple[str, str], Location] = field(default_factory=dict)


@dataclass
class _Entry:
    section: str
    item: BaseModel
    path: tuple[str | int, ...]
    source: SourceMap

    def at(self, *more: str | int, key: bool = False) -> Location:
        return self.source.location(self.path + more, key=key)


_ADAPTERS = {name: TypeAdapter(model) for name, model in SECTION_MODELS.items()}


def load_rulebook(path: str | Path) -> CheckedRulebook:
    """Read and check every `*.yaml` under `path` (a folder or one file).

    Raises:
        RulebookError: with every diagnostic, sorted by place.
    """
    root = Path(path)
    if root.is_dir():
        files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        memo_path = root / MEMO_FILE
    else:
        files = [root] if root.exists() else []
        memo_path = root.with_name(MEMO_FILE)
    if not files:
        raise_missing(root)
    texts = {_display(p): p.read_text(encoding="utf-8") for p in files}
    memo = memo_path.read_text(encoding="utf-8") if memo_path.is_file() else None
    return check_texts(texts, memo=memo)


def raise_missing(root: Path) -> None:
    from .errors import RulebookError

    raise RulebookError(
        [
            Diagnostic(
                "no-rule-files",
                "fant ingen regelfiler (*.yaml)",
                "found no rule files (*.yaml)",
                Location(str(root)),
            )
        ]
    )


def check_texts(texts: dict[str, str], *, memo: str | None = None) -> CheckedRulebook:
    """Check rule files given as {file name: YAML text}."""
    sink = DiagnosticSink()
    entries: list[_Entry] = []
    for name, text in texts.items():
        entries.extend(_read_file(name, text, sink))
    catalogue, rules, locations = _resolve(entries, memo, sink)
    sink.raise_if_any()
    digest = hashlib.sha256()
    for name in sorted(texts):
        digest.update(name.encode() + b"\0" + texts[name].encode() + b"\0")
    return CheckedRulebook(catalogue, rules, sorted(texts), digest.hexdigest()[:16], memo, locations)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --- pass 1 and 2: files and entries ---------------------------------------------


def _read_file(name: str, text: str, sink: DiagnosticSink) -> list[_Entry]:
    try:
        loaded = load_yaml(text, name)
    except YamlProblems as problems:
        sink.extend(problems.diagnostics)
        return []
    data, source = loaded.data, loaded.source
    if data is None:
        sink.add(Diagnostic("empty-file", "filen er tom", "the file is empty", Location(name, 1, 1)))
        return []
    if not isinstance(data, dict):
        sink.add(
            Diagnostic(
                "file-shape",
                "filen må være en mapping med seksjoner som `rules:` eller `duties:`",
                "the file must be a mapping with sections such as `rules:` or `duties:`",
                source.location(()),
            )
        )
        return []
    entries = []
    for section, items in data.items():
        if section not in SECTION_MODELS:
            nb, en = did_you_mean(section, SECTION_MODELS)
            sink.add(
                Diagnostic(
                    "unknown-section",
                    f"ukjent seksjon `{section}`; kjente seksjoner er {', '.join(SECTION_MODELS)}",
                    f"unknown section `{section}`; known sections are {', '.join(SECTION_MODELS)}",
                    source.location((section,), key=True),
                    nb,
                    en,
                )
            )
            continue
        if not isinstance(items, list):
            sink.add(
                Diagnostic(
                    "section-shape",
                    f"`{section}` skal være en liste (hver oppføring begynner med `- `)",
                    f"`{section}` must be a list (each entry starts with `- `)",
                    source.location((section,)),
                )
            )
            continue
        for index, item in enumerate(items):
            path = (section, index)
            try:
                model = _ADAPTERS[section].validate_python(item)
            except ValidationError as error:
                sink.extend(_pydantic_diagnostics(error, item, path, source, SECTION_MODELS[section]))
                continue
            entries.append(_Entry(section, model, path, source))
    return entries


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


def _pydantic_diagnostics(
    error: ValidationError, item: Any, base: tuple[str | int, ...], source: SourceMap, model: type[BaseModel]
) -> list[Diagnostic]:
    grouped: dict[tuple[str | int, ...], list[dict[str, Any]]] = {}
    for detail in error.errors(include_url=False):
        path = _data_path(item, detail["loc"])
        if detail["type"] == "extra_forbidden":
            path = path + (detail["loc"][-1],) if path != tuple(detail["loc"]) else path
        grouped.setdefault(path, []).append(detail)
    out = []
    for path, details in grouped.items():
        out.append(_one_diagnostic(details, item, path, base, source, model))
    return out


def _data_path(item: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Follow a pydantic error location through the data, skipping union tags."""
    path: list[str | int] = []
    node = item
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
    return tuple(path)


def _value_at(item: Any, path: tuple[str | int, ...]) -> Any:
    node = item
    for part in path:
        node = node[part]
    return node


def _one_diagnostic(
    details: list[dict[str, Any]],
    item: Any,
    path: tuple[str | int, ...],
    base: tuple[str | int, ...],
    source: SourceMap,
    model: type[BaseModel],
) -> Diagnostic:
    full = base + path
    name = str(path[-1]) if path else base[0]
    types = {d["type"] for d in details}
    first = details[0]
    kind = first["type"]
    in_condition = "when" in path
    if len(types) > 1 and in_condition:
        value = _value_at(item, path)
        hint = ("skriv `{in: [...]}` for å teste mot en liste", "write `{in: [...]}` to test against a list")
        if not isinstance(value, list):
            hint = ("", "")
        return Diagnostic(
            "bad-test",
            f"ugyldig test på `{name}`: bruk en enkel verdi eller en av in, gt, gte, lt, lte, contains",
            f"invalid test on `{name}`: use a plain value or one of in, gt, gte, lt, lte, contains",
            source.location(full),
            *hint,
        )
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, item, path[:-1])
        nb, en = did_you_mean(name, allowed)
        if " " in name and not nb:
            nb = "er dette resten av en tekst med komma? Sett teksten i anførselstegn"
            en = "is this the rest of a text with a comma? Put the text in quotes"
        return Diagnostic(
            "unknown-field",
            f"ukjent felt `{name}`",
            f"unknown field `{name}`",
            source.location(full, key=True),
            nb,
            en,
        )
    if kind == "missing":
        missing = str(first["loc"][-1])
        return Diagnostic(
            "missing-field",
            f"mangler feltet `{missing}`",
            f"the field `{missing}` is missing",
            source.location(full, key=True),
        )
    if kind in _TYPE_WORDS or len(types) > 1:
        want_nb, want_en = _TYPE_WORDS.get(kind, ("en annen type verdi", "another kind of value"))
        given = first.get("input")
        hint_nb = hint_en = ""
        if kind == "string_type" and isinstance(given, (int, float)) and not isinstance(given, bool):
            hint_nb, hint_en = f'sett verdien i anførselstegn: "{given}"', f'put the value in quotes: "{given}"'
        return Diagnostic(
            "wrong-type",
            f"`{name}` skal være {want_nb}, men er `{_show(given)}`",
            f"`{name}` must be {want_en}, but is `{_show(given)}`",
            source.location(full),
            hint_nb,
            hint_en,
        )
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", first["ctx"]["expected"])
        nb, en = did_you_mean(first.get("input"), expected)
        return Diagnostic(
            "unknown-value",
            f"`{_show(first.get('input'))}` er ikke en tillatt verdi for `{name}`; bruk en av: {', '.join(expected)}",
            f"`{_show(first.get('input'))}` is not an allowed value for `{name}`; use one of: {', '.join(expected)}",
            source.location(full),
            nb,
            en,
        )
    if kind == "string_pattern_mismatch":
        return Diagnostic(
            "bad-format",
            f"`{_show(first.get('input'))}` har feil form for `{name}`",
            f"`{_show(first.get('input'))}` has the wrong form for `{name}`",
            source.location(full),
            *_pattern_hint(name),
        )
    if kind in ("too_short", "string_too_short"):
        return Diagnostic(
            "empty",
            f"`{name}` kan ikke være tom",
            f"`{name}` cannot be empty",
            source.location(full),
        )
    if kind in ("condition", "deadline"):
        return Diagnostic("bad-" + kind, *_split(first["msg"]), source.location(full))
    if kind == "value_error":
        message = first["msg"].removeprefix("Value error, ")
        nb, en = _split(message)
        return Diagnostic("invalid-value", nb, en, source.location(full))
    return Diagnostic(
        "invalid",
        f"ugyldig verdi for `{name}`: {first['msg']}",
        f"invalid value for `{name}`: {first['msg']}",
        source.location(full),
    )


def _split(message: str) -> tuple[str, str]:
    """Split 'bokmål [English]' into its two halves."""
    match = re.match(r"^(.*?)\s*\[(.*)\](.*)$", message, re.S)
    if not match:
        return message, message
    return match.group(1) + match.group(3), match.group(2) + match.group(3)


def _pattern_hint(name: str) -> tuple[str, str]:
    if name in ("id", "holder", "duty", "sender", "derived", "from", "later_of", "pending_when"):
        return (
            "bruk små bokstaver, tall, bindestrek, understrek og punktum",
            "use lower-case letters, digits, hyphen, underscore and full stop",
        )
    if name == "section":
        return 'skriv seksjonen i anførselstegn, f.eks. "4.1"', 'write the section in quotes, e.g. "4.1"'
    if name == "date_in_year":
        return "skriv måned og dag som MM-DD, f.eks. 05-01", "write month and day as MM-DD, e.g. 05-01"
    return "", ""


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def _allowed_keys(model: type[BaseModel], item: Any, path: tuple[str | int, ...]) -> list[str]:
    """The keys the schema allows at `path`, for a did-you-mean."""
    current: Any = model
    node = item
    for part in path:
        node = node[part] if isinstance(node, (dict, list)) else None
        current = _descend(current, part, node)
        if current is None:
            return []
    current = _pick_model(current, node)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _descend(tp: Any, part: str | int, node: Any) -> Any:
    tp = _pick_model(tp, node if isinstance(part, str) else None)
    if isinstance(part, int):
        args = typing.get_args(_strip(tp))
        return args[0] if args else None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        for name, info in tp.model_fields.items():
            if part in (name, info.alias):
                return info.annotation
    return None


def _strip(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _pick_model(tp: Any, node: Any) -> Any:
    """Unwrap Annotated/Optional/Union down to the model the data is for."""
    tp = _strip(tp)
    if typing.get_origin(tp) in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        options = [_strip(a) for a in typing.get_args(tp) if a is not type(None)]
        models = [o for o in options if isinstance(o, type) and issubclass(o, BaseModel)]
        if {AllOf, AnyOf, NotOf, DerivedRef} & set(models):
            tag = _condition_tag(node)
            return {"all": AllOf, "any": AnyOf, "not": NotOf, "derived": DerivedRef}.get(tag or "", FieldTests)
        if {MeetingDeadline, DateInYear} & set(models):
            return DateInYear if isinstance(node, dict) and "date_in_year" in node else MeetingDeadline
        if len(models) == 1:
            return models[0]
        return options[0] if options else None
    return tp


# --- pass 3: references across files -----------------------------------------------


def _resolve(
    entries: list[_Entry], memo: str | None, sink: DiagnosticSink
) -> tuple[Catalogue, list[CheckedRule], dict[tuple[str, str], Location]]:
    catalogue = Catalogue()
    seen: dict[tuple[str, str], Location] = {}
    kept: list[_Entry] = []
    for entry in entries:
        key = (entry.section, str(getattr(entry.item, "id")))
        if key in seen:
            first = seen[key]
            sink.add(
                Diagnostic(
                    "duplicate-id",
                    f"id-en `{key[1]}` er allerede brukt i `{entry.section}` ({first})",
                    f"the id `{key[1]}` is already used in `{entry.section}` ({first})",
                    entry.at("id"),
                    "gi den et annet navn",
                    "give it another name",
                )
            )
            continue
        seen[key] = entry.at()
        kept.append(entry)
        if entry.section != "rules":
            getattr(catalogue, entry.section)[key[1]] = entry.item
    catalogue.index_forums()
    _check_forum_names(kept, catalogue, sink)
    memo_words = _normalise(memo) if memo else None
    for entry in kept:
        if entry.section == "duties":
            _check_duty(entry, catalogue, sink)
        if entry.section == "provisions" and memo_words is not None:
            _check_quote(entry, entry.item.quote, memo_words, ("quote",), sink)  # type: ignore[attr-defined]
    rules = []
    for order, entry in enumerate(e for e in kept if e.section == "rules"):
        checked = _check_rule(entry, catalogue, memo_words, order, sink)
        if checked:
            rules.append(checked)
    return catalogue, rules, seen


def _check_forum_names(entries: list[_Entry], catalogue: Catalogue, sink: DiagnosticSink) -> None:
    owner: dict[str, str] = {}
    for entry in entries:
        if entry.section != "forums":
            continue
        forum = entry.item
        for i, alias in enumerate([forum.id, *forum.aliases]):  # type: ignore[attr-defined]
            other = owner.setdefault(alias.casefold(), forum.id)  # type: ignore[attr-defined]
            if other != forum.id:  # type: ignore[attr-defined]
                sink.add(
                    Diagnostic(
                        "ambiguous-forum-name",
                        f"navnet `{alias}` brukes allerede av forumet `{other}`",
                        f"the name `{alias}` is already used by the forum `{other}`",
                        entry.at("aliases", i - 1) if i else entry.at("id"),
                    )
                )


def _unknown(
    code: str, what_nb: str, what_en: str, name: str, choices: Iterable[str], where: Location
) -> Diagnostic:
    nb, en = did_you_mean(name, list(choices))
    return Diagnostic(code, f"ukjent {what_nb} `{name}`", f"unknown {what_en} `{name}`", where, nb, en)


def _check_duty(entry: _Entry, catalogue: Catalogue, sink: DiagnosticSink) -> None:
    duty = entry.item
    roles = catalogue.roles
    for key in ("holder", "sender"):
        value = getattr(duty, key)
        if value is not None and value not in roles:
            sink.add(_unknown("unknown-role", "rolle", "role", value, roles, entry.at(key)))
    for key in ("recipients", "copies"):
        for i, value in enumerate(getattr(duty, key)):
            if value not in roles:
                sink.add(_unknown("unknown-role", "rolle", "role", value, roles, entry.at(key, i)))
    if catalogue.provisions:
        for i, provision in enumerate(duty.provisions):  # type: ignore[attr-defined]
            if provision not in catalogue.provisions:
                sink.add(
                    _unknown(
                        "unknown-provision", "bestemmelse", "provision", provision,
                        catalogue.provisions, entry.at("provisions", i),
                    )
                )
    if duty.document_title:  # type: ignore[attr-defined]
        for placeholder in PLACEHOLDER.findall(duty.document_title):  # type: ignore[attr-defined]
            if placeholder not in TITLE_PLACEHOLDERS:
                sink.add(
                    _unknown(
                        "unknown-placeholder", "plassholder", "placeholder", placeholder,
                        TITLE_PLACEHOLDERS, entry.at("document_title"),
                    )
                )
    deadline = duty.deadline  # type: ignore[attr-defined]
    if isinstance(deadline, MeetingDeadline):
        specs = field_specs("meeting")
        wanted = {"from_": ("from", "date"), "later_of": ("later_of", "date"), "pending_when": ("pending_when", "bool")}
        for attr, (key, kind) in wanted.items():
            value = getattr(deadline, attr)
            if value is None:
                continue
            spec = specs.get(value)
            if spec is None or spec.type != kind:
                fitting = [s.name for s in specs.values() if s.type == kind]
                nb, en = did_you_mean(value, fitting)
                kind_nb = "et datofelt" if kind == "date" else "et sant/usant-felt"
                kind_en = "a date field" if kind == "date" else "a true/false field"
                sink.add(
                    Diagnostic(
                        "bad-deadline-field",
                        f"`{value}` er ikke {kind_nb} for et møte",
                        f"`{value}` is not {kind_en} of a meeting",
                        entry.at("deadline", key),
                        nb,
                        en,
                    )
                )


def _check_rule(
    entry: _Entry, catalogue: Catalogue, memo_words: str | None, order: int, sink: DiagnosticSink
) -> CheckedRule | None:
    rule: Rule = entry.item  # type: ignore[assignment]
    before = len(sink.items)
    then = rule.then
    if then.duty is not None:
        if then.duty not in catalogue.duties:
            sink.add(_unknown("unknown-duty", "plikt", "duty", then.duty, catalogue.duties, entry.at("then", "duty")))
        else:
            deadline = catalogue.duties[then.duty].deadline
            needs = "year" if isinstance(deadline, DateInYear) else "meeting" if deadline else rule.applies_to
            if needs != rule.applies_to:
                sink.add(
                    Diagnostic(
                        "deadline-kind",
                        f"plikten `{then.duty}` har en frist for `{needs}`, men regelen gjelder `{rule.applies_to}`",
                        f"the duty `{then.duty}` has a deadline for `{needs}`, but the rule applies to `{rule.applies_to}`",
                        entry.at("then", "duty"),
                    )
                )
    for i, name in enumerate(then.derive):
        derived = catalogue.derived_facts.get(name)
        if derived is None:
            sink.add(
                _unknown(
                    "unknown-derived", "avledet faktum", "derived fact", name,
                    catalogue.derived_facts, entry.at("then", "derive", i),
                )
            )
        elif derived.applies_to != rule.applies_to:
            sink.add(_kind_mismatch(name, derived.applies_to, rule.applies_to, entry.at("then", "derive", i)))
    citation = rule.citation
    if citation.provision is not None and catalogue.provisions:
        provision = catalogue.provisions.get(citation.provision)
        if provision is None:
            sink.add(
                _unknown(
                    "unknown-provision", "bestemmelse", "provision", citation.provision,
                    catalogue.provisions, entry.at("citation", "provision"),
                )
            )
        elif provision.section != citation.section:
            sink.add(
                Diagnostic(
                    "provision-section",
                    f"bestemmelsen `{provision.id}` står i punkt {provision.section}, ikke {citation.section}",
                    f"the provision `{provision.id}` is in section {provision.section}, not {citation.section}",
                    entry.at("citation", "section"),
                )
            )
    if memo_words is not None:
        _check_quote(entry, citation.quote, memo_words, ("citation", "quote"), sink)
    checker = _ConditionChecker(entry, rule.applies_to, catalogue, sink)
    expr = checker.convert(rule.when, ("when",)) if rule.when is not None else None
    if len(sink.items) > before:
        return None
    return CheckedRule(rule, expr, entry.at(), order)


def _kind_mismatch(name: str, owner: str, wanted: str, where: Location) -> Diagnostic:
    return Diagnostic(
        "wrong-fact-kind",
        f"`{name}` hører til faktatypen `{owner}`, men regelen gjelder `{wanted}`",
        f"`{name}` belongs to the fact kind `{owner}`, but the rule applies to `{wanted}`",
        where,
        "endre `applies_to`, eller bruk et felt fra riktig faktatype",
        "change `applies_to`, or use a field of the right fact kind",
    )


def _normalise(text: str) -> str:
    text = text.replace("\u201d", '"').replace("\u201c", '"').replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def _check_quote(
    entry: _Entry, quote: str, memo_words: str, path: tuple[str, ...], sink: DiagnosticSink
) -> None:
    parts = [p.strip() for p in _normalise(quote).split("…")]
    if all(p and p in memo_words for p in parts if p):
        return
    sink.add(
        Diagnostic(
            "quote-not-in-memo",
            "sitatet finnes ikke ordrett i internmeldingen",
            "the quote is not found word for word in the memo",
            entry.at(*path),
            "kopier teksten fra internmeldingen; bruk … mellom deler",
            "copy the text from the memo; use … between parts",
        )
    )


class _ConditionChecker:
    """Checks one rule's condition against the fact vocabulary and builds its tree."""

    def __init__(self, entry: _Entry, kind: str, catalogue: Catalogue, sink: DiagnosticSink):
        self.entry, self.kind, self.catalogue, self.sink = entry, kind, catalogue, sink
        self.specs = field_specs(kind)

    def convert(self, node: Any, path: tuple[str | int, ...], negated: bool = False) -> Expr | None:
        if isinstance(node, AllOf):
            return All(tuple(self._children(node.all, path + ("all",), negated)))
        if isinstance(node, AnyOf):
            return Any_(tuple(self._children(node.any, path + ("any",), negated)))
        if isinstance(node, NotOf):
            inner = self.convert(node.not_, path + ("not",), not negated)
            return Not(inner) if inner is not None else None
        if isinstance(node, DerivedRef):
            return self._derived(node.derived, path, negated)
        tests: list[Expr] = []
        for name, value in node.root.items():
            tests.extend(self._field(name, value, path + (name,)))
        return tests[0] if len(tests) == 1 else All(tuple(tests))

    def _children(self, items: list[Any], path: tuple[str | int, ...], negated: bool) -> list[Expr]:
        return [e for i, item in enumerate(items) if (e := self.convert(item, path + (i,), negated)) is not None]

    def _at(self, path: tuple[str | int, ...], key: bool = False) -> Location:
        return self.entry.at(*path, key=key)

    def _derived(self, name: str, path: tuple[str | int, ...], negated: bool) -> Expr | None:
        derived = self.catalogue.derived_facts.get(name)
        where = self._at(path + ("derived",))
        if derived is None:
            self.sink.add(
                _unknown("unknown-derived", "avledet faktum", "derived fact", name, self.catalogue.derived_facts, where)
            )
            return None
        if derived.applies_to != self.kind:
            self.sink.add(_kind_mismatch(name, derived.applies_to, self.kind, where))
            return None
        if negated:
            self.sink.add(
                Diagnostic(
                    "negated-derived",
                    f"`not` kan ikke stå over det avledede faktumet `{name}`",
                    f"`not` cannot stand over the derived fact `{name}`",
                    where,
                    "test på feltene det avledes fra i stedet",
                    "test the fields it is derived from instead",
                )
            )
            return None
        return Derived(name)

    def _field(self, name: str, value: Any, path: tuple[str | int, ...]) -> list[Expr]:
        spec = self.specs.get(name)
        if spec is None:
            owner = next((k for k in FACT_MODELS if k != self.kind and name in field_specs(k)), None)
            if owner:
                self.sink.add(_kind_mismatch(name, owner, self.kind, self._at(path, key=True)))
            else:
                self.sink.add(
                    _unknown("unknown-field", "felt", "field", name, self.specs, self._at(path, key=True))
                )
            return []
        if isinstance(value, Operators):
            return [
                test
                for op, operand in value.items()
                if (test := self._test(spec, op, operand, path + (op,))) is not None
            ]
        test = self._test(spec, "eq", value, path)
        return [test] if test is not None else []

    def _test(self, spec: FieldSpec, op: str, operand: Any, path: tuple[str | int, ...]) -> Test | None:
        allowed = _OPERATORS_BY_TYPE[spec.type]
        if op not in allowed:
            self.sink.add(
                Diagnostic(
                    "bad-operator",
                    f"`{op}` kan ikke brukes på `{spec.name}`; bruk {_words(allowed)}",
                    f"`{op}` cannot be used on `{spec.name}`; use {_words(allowed, 'or')}",
                    self._at(path, key=op != "eq"),
                )
            )
            return None
        if op == "in":
            values = [self._value(spec, v, path + (i,)) for i, v in enumerate(operand)]
            if any(v is _BAD for v in values):
                return None
            return Test(spec.name, "in", tuple(dict.fromkeys(values)))
        value = self._value(spec, operand, path, element=op == "contains")
        return None if value is _BAD else Test(spec.name, op, value)

    def _value(self, spec: FieldSpec, value: Any, path: tuple[str | int, ...], element: bool = False) -> Any:
        where = self._at(path)
        if value is None:
            if spec.nullable:
                return None
            return self._bad(where, f"`{spec.name}` kan ikke være tom", f"`{spec.name}` cannot be empty")
        kind = "department" if spec.type == "departments" else spec.type
        if kind == "bool":
            if isinstance(value, bool):
                return value
            return self._bad(
                where,
                f"`{spec.name}` er sant/usant: skriv true eller false, ikke `{_show(value)}`",
                f"`{spec.name}` is true/false: write true or false, not `{_show(value)}`",
            )
        if kind == "int":
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            return self._bad(where, f"`{spec.name}` skal være et heltall", f"`{spec.name}` must be a whole number")
        if not isinstance(value, str):
            return self._bad(
                where,
                f"`{spec.name}` skal være tekst, men er `{_show(value)}`",
                f"`{spec.name}` must be text, but is `{_show(value)}`",
            )
        if kind == "date":
            try:
                return date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else _fail()
            except ValueError:
                return self._bad(
                    where,
                    f"`{value}` er ikke en dato; skriv ÅÅÅÅ-MM-DD",
                    f"`{value}` is not a date; write YYYY-MM-DD",
                )
        if kind == "enum":
            if value in spec.choices:
                return value
            return self._unknown_value(where, spec.name, value, spec.choices)
        if kind == "forum":
            forum = self.catalogue.find_forum(value)
            if forum is None:
                choices = list(self.catalogue.forums) + self.catalogue.forum_aliases()
                self.sink.add(_unknown("unknown-forum", "forum", "forum", value, choices, where))
                return _BAD
            return forum
        if kind == "department":
            department = self.catalogue.find_department(value)
            if department is None:
                self.sink.add(
                    _unknown("unknown-department", "avdeling", "department", value, self.catalogue.departments, where)
                )
                return _BAD
            return department
        return value

    def _unknown_value(self, where: Location, name: str, value: str, choices: tuple[str, ...]) -> Any:
        nb, en = did_you_mean(value, choices)
        self.sink.add(
            Diagnostic(
                "unknown-value",
                f"`{value}` er ikke en tillatt verdi for `{name}`; bruk en av: {', '.join(choices)}",
                f"`{value}` is not an allowed value for `{name}`; use one of: {', '.join(choices)}",
                where,
                nb,
                en,
            )
        )
        return _BAD

    def _bad(self, where: Location, nb: str, en: str) -> Any:
        self.sink.add(Diagnostic("wrong-type", nb, en, where))
        return _BAD


_BAD = object()


def _fail() -> Any:
    raise ValueError


def _words(options: tuple[str, ...], joiner: str = "eller") -> str:
    quoted = [f"`{o}`" for o in options]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" {joiner} " + quoted[-1]


_OPERATORS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "bool": ("eq",),
    "enum": ("eq", "in"),
    "text": ("eq", "in"),
    "forum": ("eq", "in"),
    "department": ("eq", "in"),
    "date": ("eq", "in", "gt", "gte", "lt", "lte"),
    "int": ("eq", "in", "gt", "gte", "lt", "lte"),
    "departments": ("contains",),
}

__all__ = ["CheckedRule", "CheckedRulebook", "check_texts", "load_rulebook", "RuleFile"]
