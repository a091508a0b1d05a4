"""The texts of the rule files → a checked rulebook, or every problem at once.

`rule_files` finds and reads the files and imports this module only when
they are not in the checked-rulebook cache.

Three passes, each reporting as much as it can:
1. each file is read as strict YAML (`yaml_source`);
2. each entry is checked against its schema (`model`), entry by entry, so a
   broken rule does not hide the problems of its neighbours (what pydantic
   reports is put in the editor's words by `schema_errors`);
3. references are resolved across files: fields against the fact
   vocabulary, forums, departments, roles, duties, derived facts,
   provisions, and citation quotes against the memo's text.

One mistake gives one diagnostic: a reference to a definition that is
itself reported broken (or sits in a file that could not be read) is not
reported again as unknown.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from pydantic import BaseModel, TypeAdapter, ValidationError

from .catalogue import Catalogue
from .conditions import All, Any_, Derived, Expr, Not, Test, walk
from .errors import Diagnostic, DiagnosticSink, Location
from .facts import FACT_MODELS, PARTICIPANTS, FieldSpec, field_specs, resolve_participant
from .model import (
    PLACEHOLDER,
    RESERVED,
    SECTION_MODELS,
    AllOf,
    AnyOf,
    DateInYear,
    DerivedRef,
    MeetingDeadline,
    NotOf,
    Operators,
    Rule,
)
from .prose import PlaceholderError, fill
from .rule_files import CheckedRule, CheckedRulebook
from .schema_errors import ENTRY_WORDS, entry_diagnostics, nearest, show, suggest
from .source_map import SourceMap, YamlProblems

ROLE_PLACEHOLDERS = {"responsible_department", "forum", "specialist_department", "received_by"}
TITLE_PLACEHOLDERS = {"forum", "topic", "responsible_department"}


@dataclass
class _Entry:
    section: str
    item: BaseModel
    path: tuple[str | int, ...]
    source: SourceMap

    def at(self, *more: str | int, key: bool = False) -> Location:
        return self.source.location(self.path + more, key=key)


_ADAPTERS = {name: TypeAdapter(model) for name, model in SECTION_MODELS.items()}


def check_texts(
    texts: dict[str, str],
    *,
    memo: str | None = None,
    unread: Iterable[Diagnostic] = (),
    digest_names: dict[str, str] | None = None,
) -> CheckedRulebook:
    """Check rule files given as {file name: YAML text}.

    `unread` are diagnostics for files that could not be read; any name may
    have been defined in them, so no reference is reported unknown.
    `digest_names` gives each file's name inside its rules folder, for the
    digest; without it the names in `texts` are used.
    """
    sink = DiagnosticSink()
    entries: list[_Entry] = []
    missing = _Missing()
    sink.extend(unread)
    missing.everything = bool(sink.items)
    for name in sorted(texts):
        entries.extend(_read_file(name, texts[name], sink, missing))
    catalogue, rules = _resolve(entries, memo, sink, missing)
    sink.raise_if_any()
    return CheckedRulebook(catalogue, rules, sorted(texts), rulebook_digest(texts, digest_names))


def rulebook_digest(texts: dict[str, str], names: dict[str, str] | None = None) -> str:
    """A short hash of the rule files' names (inside the rules folder) and content, and nothing else."""
    named = {(names or {}).get(name, name): text for name, text in texts.items()}
    digest = hashlib.sha256()
    for name in sorted(named):
        digest.update(name.encode() + b"\0" + named[name].encode() + b"\0")
    return digest.hexdigest()[:16]


# --- pass 1 and 2: files and entries ---------------------------------------------


@dataclass
class _Missing:
    """Names whose definition is already reported broken, so a reference to one is not reported again."""

    names: dict[str, set[str]] = field(default_factory=dict)  # section → ids (and forum aliases), casefolded
    sections: set[str] = field(default_factory=set)  # sections of which a whole part could not be read
    everything: bool = False  # a file could not be read at all: any name may be defined in it

    def add(self, section: str, item: Any) -> None:
        if not isinstance(item, dict):
            return
        names = [item.get("id")] + (item.get("aliases") if isinstance(item.get("aliases"), list) else [])
        self.names.setdefault(section, set()).update(n.casefold() for n in names if isinstance(n, str))

    def excuses(self, section: str, name: str) -> bool:
        return self.everything or section in self.sections or name.casefold() in self.names.get(section, set())


def _read_file(name: str, text: str, sink: DiagnosticSink, missing: _Missing) -> list[_Entry]:
    from .yaml_source import load_yaml  # PyYAML only once a file is parsed: a rulebook from the cache needs none

    try:
        loaded = load_yaml(text, name)
    except YamlProblems as problems:
        sink.extend(problems.diagnostics)
        missing.everything = True
        return []
    data, source = loaded.data, loaded.source
    if data is None:
        sink.add(
            Diagnostic(
                "empty-file",
                "filen er tom",
                "the file is empty",
                Location(name, 1, 1),
                "skriv minst én seksjon, f.eks. `rules:`, eller slett filen",
                "write at least one section, such as `rules:`, or delete the file",
            )
        )
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
        missing.everything = True
        return []
    entries = []
    for section, items in data.items():
        if section not in SECTION_MODELS:
            nb, en = suggest(section, SECTION_MODELS)
            meant = nearest(section, SECTION_MODELS)
            if meant is None:
                missing.sections.update(SECTION_MODELS)
            elif isinstance(items, list):
                for item in items:
                    missing.add(meant, item)
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
                    *(("er seksjonen tom, fjern den", "if the section is empty, remove it") if items is None else ()),
                )
            )
            missing.sections.add(section)
            continue
        for index, item in enumerate(items):
            path = (section, index)
            try:
                model = _ADAPTERS[section].validate_python(item)
            except ValidationError as error:
                sink.extend(entry_diagnostics(error, item, path, source, SECTION_MODELS[section]))
                missing.add(section, item)
                continue
            entries.append(_Entry(section, model, path, source))
    return entries


# --- from pydantic's errors to diagnostics --------------------------------------


# --- pass 3: references across files -----------------------------------------------


def _resolve(
    entries: list[_Entry], memo: str | None, sink: DiagnosticSink, missing: _Missing
) -> tuple[Catalogue, list[CheckedRule]]:
    catalogue = Catalogue()
    seen: dict[tuple[str, str], Location] = {}
    kept: list[_Entry] = []
    for entry in entries:
        key = (entry.section, str(getattr(entry.item, "id")))
        if key in seen:
            first = seen[key]
            what_nb, what_en = ENTRY_WORDS[entry.section]
            sink.add(
                Diagnostic(
                    "duplicate-id",
                    f"id-en `{key[1]}` er brukt før: {what_nb} på {first} har samme id",
                    f"the id `{key[1]}` is taken: {what_en} at {first} has the same id",
                    entry.at("id"),
                    "gi en av dem en annen id; hver id brukes bare én gang",
                    "give one of them another id; each id is used only once",
                )
            )
            continue
        seen[key] = entry.at("id")
        kept.append(entry)
        if entry.section != "rules":
            getattr(catalogue, entry.section)[key[1]] = entry.item
    catalogue.index_forums()
    _fill_prose(kept, catalogue, sink)
    _check_forum_names(kept, catalogue, sink)
    _check_memo(kept, sink)
    _check_department_count(kept, sink)
    for entry in kept:
        if entry.section == "roles":
            _check_role_name(entry, sink)
    memo_words = _normalise(memo) if memo else None
    for entry in kept:
        if entry.section == "duties":
            _check_duty(entry, catalogue, missing, sink)
        if entry.section == "provisions" and memo_words is not None:
            _check_quote(entry, entry.item.quote, memo_words, ("quote",), sink)  # type: ignore[attr-defined]
    rules = []
    for order, entry in enumerate(e for e in kept if e.section == "rules"):
        checked = _check_rule(entry, catalogue, memo_words, order, missing, sink)
        if checked:
            rules.append(checked)
    return catalogue, rules


def _fill_prose(entries: list[_Entry], catalogue: Catalogue, sink: DiagnosticSink) -> None:
    """Write the deadline parameters into the prose that names them (`prose.py`)."""
    for entry in entries:
        if entry.section not in ("duties", "rules"):
            continue
        item: Any = entry.item
        own = item.id if entry.section == "duties" else item.then.duty

        def deadline_of(duty: str | None, own: str | None = own) -> Any:
            name = duty or own
            if name is None or name not in catalogue.duties:
                if duty is None:
                    return None
                raise KeyError(duty)
            return catalogue.duties[name].deadline

        fields = ("title", "deadline_text") if entry.section == "duties" else ("title", "interpretation")
        changes = {}
        for name in fields:
            text = getattr(item, name)
            if text is None:
                continue
            try:
                changes[name] = fill(text, deadline_of)
            except PlaceholderError as error:
                lang = "nb" if "{" + error.placeholder + "}" in text.nb else "en"
                sink.add(
                    Diagnostic(
                        "placeholder",
                        f"plassholderen `{{{error.placeholder}}}` kan ikke fylles ut: {error.nb}",
                        f"the placeholder `{{{error.placeholder}}}` cannot be filled in: {error.en}",
                        entry.at(name, lang),
                    )
                )
        if changes:
            entry.item = item.model_copy(update=changes)
            if entry.section == "duties" and catalogue.duties.get(item.id) is item:
                catalogue.duties[item.id] = entry.item  # type: ignore[assignment]


def _check_memo(entries: list[_Entry], sink: DiagnosticSink) -> None:
    memos = [e for e in entries if e.section == "memo"]
    for extra in memos[1:]:
        sink.add(
            Diagnostic(
                "several-memos",
                "regelboka kan bare kode én versjon av internmeldingen",
                "the rulebook can encode only one version of the memo",
                extra.at(),
                f"behold én oppføring under `memo:` (den første står på {memos[0].at()})",
                f"keep one entry under `memo:` (the first is at {memos[0].at()})",
            )
        )


def _check_forum_names(entries: list[_Entry], catalogue: Catalogue, sink: DiagnosticSink) -> None:
    owner: dict[str, str] = {}
    for entry in entries:
        if entry.section != "forums":
            continue
        forum = entry.item
        for i, other_id in enumerate(forum.counts_as):  # type: ignore[attr-defined]
            if other_id not in catalogue.forums or other_id == forum.id:  # type: ignore[attr-defined]
                sink.add(
                    _unknown("unknown-forum", "forum", "forum", other_id,
                             [f for f in catalogue.forums if f != forum.id], entry.at("counts_as", i))  # type: ignore[attr-defined]
                )
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


#: Properties one fact may have in durable-rules (`t` and the session id included): it
#: refuses a fact with more (error 302), and each department is one property per field
#: that lists departments (`compile.CompiledRuleset.encode`).
MAX_FACT_PROPERTIES = 253


def fact_properties(kind: str, departments: int) -> int:
    """How many properties the compiled form of a `kind` fact can have, `t` and the session id included."""
    width = {"departments": departments, "participants": departments + len(PARTICIPANTS)}
    return 2 + sum(width.get(spec.type, 1) for spec in field_specs(kind).values())


def _check_department_count(entries: list[_Entry], sink: DiagnosticSink) -> None:
    departments = [e for e in entries if e.section == "departments"]
    most = len(departments)
    while most and any(fact_properties(kind, most) > MAX_FACT_PROPERTIES for kind in FACT_MODELS):
        most -= 1
    if len(departments) > most:
        sink.add(
            Diagnostic(
                "too-many-departments",
                f"for mange avdelinger ({len(departments)}, høyst {most}): regelmotoren kan ikke ta imot "
                "et møte med flere, fordi hver avdeling blir et eget felt",
                f"too many departments ({len(departments)}, at most {most}): the rule engine cannot take "
                "a meeting with more, because each department becomes a field of its own",
                departments[most].at("id"),
                "slå sammen eller fjern avdelinger",
                "merge or remove departments",
            )
        )


def _check_role_name(entry: _Entry, sink: DiagnosticSink) -> None:
    """A role's name may only ask for what every meeting has (`ROLE_PLACEHOLDERS`)."""
    for lang in ("nb", "en"):
        for placeholder in PLACEHOLDER.findall(getattr(entry.item.name, lang)):  # type: ignore[attr-defined]
            if placeholder not in ROLE_PLACEHOLDERS:
                sink.add(
                    _unknown(
                        "unknown-placeholder", "plassholder", "placeholder", placeholder,
                        sorted(ROLE_PLACEHOLDERS), entry.at("name", lang),
                    )
                )


def _unknown(
    code: str, what_nb: str, what_en: str, name: str, choices: Iterable[str], where: Location
) -> Diagnostic:
    """`unknown role `x``, with the nearest name, or the known names when there are few."""
    options = list(choices)
    nb, en = suggest(name, options)
    if not nb and 0 < len(options) <= 20:
        nb, en = f"kjente navn: {', '.join(options)}", f"known names: {', '.join(options)}"
    return Diagnostic(code, f"ukjent {what_nb} `{name}`", f"unknown {what_en} `{name}`", where, nb, en)


def _check_duty(entry: _Entry, catalogue: Catalogue, missing: _Missing, sink: DiagnosticSink) -> None:
    duty = entry.item
    roles = catalogue.roles
    for key in ("holder", "sender"):
        value = getattr(duty, key)
        if value is not None and value not in roles and not missing.excuses("roles", value):
            sink.add(_unknown("unknown-role", "rolle", "role", value, roles, entry.at(key)))
    for key in ("recipients", "copies"):
        for i, value in enumerate(getattr(duty, key)):
            if value not in roles and not missing.excuses("roles", value):
                sink.add(_unknown("unknown-role", "rolle", "role", value, roles, entry.at(key, i)))
    if catalogue.provisions:
        for i, provision in enumerate(duty.provisions):  # type: ignore[attr-defined]
            if provision not in catalogue.provisions and not missing.excuses("provisions", provision):
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
                nb, en = suggest(value, fitting)
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
    entry: _Entry,
    catalogue: Catalogue,
    memo_words: str | None,
    order: int,
    missing: _Missing,
    sink: DiagnosticSink,
) -> CheckedRule | None:
    rule: Rule = entry.item  # type: ignore[assignment]
    before = len(sink.items)
    then = rule.then
    if then.duty is not None:
        if then.duty not in catalogue.duties:
            if not missing.excuses("duties", then.duty):
                sink.add(
                    _unknown("unknown-duty", "plikt", "duty", then.duty, catalogue.duties, entry.at("then", "duty"))
                )
        else:
            deadline = catalogue.duties[then.duty].deadline
            needs = "year" if isinstance(deadline, DateInYear) else "meeting" if deadline else rule.applies_to
            if needs != rule.applies_to:
                needs_nb, needs_en = _KIND_WORDS[needs]
                kind_nb, kind_en = _KIND_WORDS[rule.applies_to]
                sink.add(
                    Diagnostic(
                        "deadline-kind",
                        f"plikten `{then.duty}` har en frist for {needs_nb}, men regelen gjelder {kind_nb}",
                        f"the duty `{then.duty}` has a deadline for {needs_en}, but the rule is about {kind_en}",
                        entry.at("then", "duty"),
                        f"skriv `applies_to: {needs}` i regelen, eller bruk en plikt uten slik frist",
                        f"write `applies_to: {needs}` in the rule, or use a duty without such a deadline",
                    )
                )
    for i, name in enumerate(then.derive):
        derived = catalogue.derived_facts.get(name)
        if derived is None and missing.excuses("derived_facts", name):
            continue
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
        if provision is None and missing.excuses("provisions", citation.provision):
            pass  # the provision itself is reported broken
        elif provision is None:
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
    checker = _ConditionChecker(entry, rule.applies_to, catalogue, missing, sink)
    expr = checker.convert(rule.when, ("when",)) if rule.when is not None else None
    if len(sink.items) > before:
        return None
    return CheckedRule(rule, expr, entry.at(), order)


_KIND_WORDS = {
    "meeting": ("et møte", "a meeting"),
    "request": ("en henvendelse", "a request"),
    "year": ("et planleggingsår", "a planning year"),
}


def _kind_mismatch(name: str, owner: str, wanted: str, where: Location) -> Diagnostic:
    owner_nb, owner_en = _KIND_WORDS[owner]
    wanted_nb, wanted_en = _KIND_WORDS[wanted]
    return Diagnostic(
        "wrong-fact-kind",
        f"`{name}` gjelder {owner_nb} (`{owner}`), men regelen gjelder {wanted_nb} (`{wanted}`)",
        f"`{name}` is about {owner_en} (`{owner}`), but the rule is about {wanted_en} (`{wanted}`)",
        where,
        f"skriv `applies_to: {owner}` i regelen, eller bruk et felt for {wanted_nb}",
        f"write `applies_to: {owner}` in the rule, or use a field of {wanted_en}",
    )


def _normalise(text: str) -> str:
    text = text.replace("\u201d", '"').replace("\u201c", '"').replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def _check_quote(
    entry: _Entry, quote: str, memo_words: str, path: tuple[str, ...], sink: DiagnosticSink
) -> None:
    parts = [p.strip() for p in _normalise(quote).split("…")]
    wrong = next((p for p in parts if p and p not in memo_words), None)
    if wrong is None and any(parts):
        return
    passage = _nearest_passage(wrong, memo_words) if wrong else None
    if passage:
        hint = (
            f"nærmest i internmeldingen står: «{passage}»; kopier teksten ordrett",
            f"the nearest text in the memo is: «{passage}»; copy it word for word",
        )
    else:
        hint = (
            "kopier teksten fra internmeldingen; bruk … mellom deler",
            "copy the text from the memo; use … between parts",
        )
    shown = show(wrong or quote)
    sink.add(
        Diagnostic(
            "quote-not-in-memo",
            f"sitatet «{shown}» står ikke ordrett i internmeldingen",
            f"the quote «{shown}» is not in the memo word for word",
            entry.at(*path),
            *hint,
        )
    )


#: Windows of the memo compared closely with a wrong quote, at most.
_CANDIDATES = 40
#: Longer parts are compared word by word: letter by letter costs their length squared.
_LETTERWISE_CHARS = 600


def _nearest_passage(part: str, memo_words: str) -> str | None:
    """The stretch of the memo, as many words long as `part`, that reads most like it.

    The closeness is difflib's ratio (letter by letter, or word by word for a
    long part). Each window's upper bound on it (the letters or words it
    shares with `part`) is counted in one pass over the memo; windows are then
    compared best bound first, and the search stops as soon as no remaining
    bound can beat the best ratio found, so a long or wrong quote costs about
    one reading of the memo instead of one comparison per word of it.
    """
    words = memo_words.split(" ")
    size = min(len(part.split(" ")), len(words))
    letterwise = len(part) <= _LETTERWISE_CHARS
    wanted: Any = part if letterwise else part.split(" ")
    bounds = _window_bounds(words, wanted, size, letterwise)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    best, best_ratio, best_start = None, 0.75, len(bounds)
    for tried, start in enumerate(sorted(range(len(bounds)), key=lambda s: (-bounds[s], s))):
        if bounds[start] < best_ratio or tried == _CANDIDATES:
            break
        window = words[start : start + size]
        matcher.set_seq1(" ".join(window) if letterwise else window)
        ratio = matcher.ratio()
        if ratio > best_ratio or (ratio == best_ratio and start < best_start):
            best, best_ratio, best_start = " ".join(window), ratio, start
    return best


def _window_bounds(words: list[str], wanted: Any, size: int, letterwise: bool) -> list[float]:
    """difflib's `quick_ratio` of every window of `size` words against `wanted`, in one sliding pass."""
    units = [list(w) for w in words] if letterwise else [[w] for w in words]
    need: dict[str, int] = {}
    for unit in (wanted.replace(" ", "") if letterwise else wanted):
        need[unit] = need.get(unit, 0) + 1
    spaces = min(size - 1, wanted.count(" ")) if letterwise else 0  # every window has size - 1 spaces
    have: dict[str, int] = {}
    shared = length = 0
    bounds = []
    for end, unit in enumerate(units):
        for item in unit:
            count = have.get(item, 0)
            if count < need.get(item, 0):
                shared += 1
            have[item] = count + 1
        length += len(unit)
        if end >= size:
            for item in units[end - size]:
                have[item] -= 1
                if have[item] < need.get(item, 0):
                    shared -= 1
            length -= len(units[end - size])
        if end >= size - 1:
            total = length + (size - 1 if letterwise else 0) + len(wanted)
            bounds.append(2.0 * (shared + spaces) / total if total else 1.0)
    return bounds


class _ConditionChecker:
    """Checks one rule's condition against the fact vocabulary and builds its tree."""

    def __init__(self, entry: _Entry, kind: str, catalogue: Catalogue, missing: _Missing, sink: DiagnosticSink):
        self.entry, self.kind, self.catalogue, self.missing, self.sink = entry, kind, catalogue, missing, sink
        self.specs = field_specs(kind)

    def convert(self, node: Any, path: tuple[str | int, ...], negated: bool = False) -> Expr | None:
        if isinstance(node, AllOf):
            return All(tuple(self._children(node.all, path + ("all",), negated)))
        if isinstance(node, AnyOf):
            return Any_(tuple(self._children(node.any, path + ("any",), negated)))
        if isinstance(node, NotOf):
            inner = self.convert(node.not_, path + ("not",), not negated)
            return _negate(inner) if inner is not None else None
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
            if not self.missing.excuses("derived_facts", name):
                self.sink.add(
                    _unknown(
                        "unknown-derived", "avledet faktum", "derived fact", name, self.catalogue.derived_facts, where
                    )
                )
            return None
        if derived.applies_to != self.kind:
            self.sink.add(_kind_mismatch(name, derived.applies_to, self.kind, where))
            return None
        if negated:
            self.sink.add(
                Diagnostic(
                    "negated-derived",
                    f"`not` kan ikke brukes på det avledede faktumet `{name}`; et avledet faktum kan bare kreves",
                    f"`not` cannot be used on the derived fact `{name}`; a derived fact can only be required",
                    where,
                    "test på feltene det avledes fra i stedet, f.eks. `not: {any: [...]}`",
                    "test the fields it is derived from instead, e.g. `not: {any: [...]}`",
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
                nb, en = suggest(name, [*self.specs, *RESERVED])
                self.sink.add(
                    Diagnostic(
                        "unknown-field",
                        f"ukjent felt `{name}` for {_KIND_WORDS[self.kind][0]}",
                        f"unknown field `{name}` for {_KIND_WORDS[self.kind][1]}",
                        self._at(path, key=True),
                        nb,
                        en,
                    )
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
        allowed = OPERATORS_BY_TYPE[spec.type]
        if op not in allowed:
            tests = [o for o in allowed if o != "eq"]
            plain = f"`{spec.name}: true` eller `false`" if spec.type == "bool" else f"`{spec.name}: ...`"
            plain_en = plain.replace("eller", "or")
            use_nb = [f"en enkel verdi ({plain})"] if "eq" in allowed else []
            use_en = [f"a plain value ({plain_en})"] if "eq" in allowed else []
            self.sink.add(
                Diagnostic(
                    "bad-operator",
                    *(
                        (f"`{op}` kan ikke brukes på `{spec.name}`", f"`{op}` cannot be used on `{spec.name}`")
                        if op != "eq"
                        else (
                            f"`{spec.name}` kan ikke testes med en enkel verdi",
                            f"`{spec.name}` cannot be tested with a plain value",
                        )
                    ),
                    self._at(path, key=op != "eq"),
                    "bruk " + _words((*use_nb, *(f"`{o}`" for o in tests))),
                    "use " + _words((*use_en, *(f"`{o}`" for o in tests)), "or"),
                )
            )
            return None
        if op == "in":
            values = [self._value(spec, v, path + (i,)) for i, v in enumerate(operand)]
            if any(v is _BAD for v in values):
                return None
            return Test(spec.name, "in", self._covering(spec, values))
        value = self._value(spec, operand, path, element=op == "contains")
        if value is _BAD:
            return None
        if op == "eq" and spec.type == "forum" and len(covering := self._covering(spec, [value])) > 1:
            return Test(spec.name, "in", covering)
        return Test(spec.name, op, value)

    def _covering(self, spec: FieldSpec, values: list[Any]) -> tuple[Any, ...]:
        """The values, each forum followed by the forums that count as it (`counts_as` in the catalogue)."""
        if spec.type == "forum":
            values = [member for v in values for member in self.catalogue.covered_by(v)]
        return tuple(dict.fromkeys(values))

    def _value(self, spec: FieldSpec, value: Any, path: tuple[str | int, ...], element: bool = False) -> Any:
        where = self._at(path)
        if value is None:
            if spec.nullable and spec.question is None:
                return None
            return self._bad(
                where,
                f"`{spec.name}` kan ikke testes mot en tom verdi: et tomt felt betyr at svaret er ukjent",
                f"`{spec.name}` cannot be tested against an empty value: an empty field means the answer is unknown",
                "test på en kjent verdi; beslutningen viser selv hva som gjelder når svaret er ukjent",
                "test a known value; the decision itself shows what applies while the answer is unknown",
            )
        kind = "department" if spec.type == "departments" else spec.type
        if kind == "bool":
            if isinstance(value, bool):
                return value
            return self._bad(
                where,
                f"`{spec.name}` er sant/usant: skriv true eller false, ikke `{show(value)}`",
                f"`{spec.name}` is true/false: write true or false, not `{show(value)}`",
                "skriv `true` for ja og `false` for nei",
                "write `true` for yes and `false` for no",
            )
        if kind == "int":
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            return self._bad(
                where,
                f"`{spec.name}` skal være et heltall, men er `{show(value)}`",
                f"`{spec.name}` must be a whole number, but is `{show(value)}`",
            )
        if not isinstance(value, str):
            return self._bad(
                where,
                f"`{spec.name}` skal være tekst, men er `{show(value)}`",
                f"`{spec.name}` must be text, but is `{show(value)}`",
            )
        if kind == "date":
            try:
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                    return date.fromisoformat(value)
            except ValueError:
                pass
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
                if not self.missing.excuses("forums", value):
                    self.sink.add(_unknown("unknown-forum", "forum", "forum", value, choices, where))
                return _BAD
            return forum
        if kind == "participants":
            member = resolve_participant(value, self.catalogue)
            if member in PARTICIPANTS or member in self.catalogue.departments:
                return member
            choices = (*self.catalogue.departments, *PARTICIPANTS)
            return self._unknown_value(where, spec.name, value, choices)
        if kind == "department":
            department = self.catalogue.find_department(value)
            if department is None:
                if not self.missing.excuses("departments", value):
                    self.sink.add(
                        _unknown(
                            "unknown-department", "avdeling", "department", value, self.catalogue.departments, where
                        )
                    )
                return _BAD
            return department
        return value

    def _unknown_value(self, where: Location, name: str, value: str, choices: tuple[str, ...]) -> Any:
        nb, en = suggest(value, choices)
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

    def _bad(self, where: Location, nb: str, en: str, hint_nb: str = "", hint_en: str = "") -> Any:
        self.sink.add(Diagnostic("wrong-type", nb, en, where, hint_nb, hint_en))
        return _BAD


_BAD = object()


def _negate(expr: Expr) -> Expr:
    """`not expr`, without double negation, and pushed inside `all`/`any` that hold derived facts.

    A derived fact can only be required, never negated (that is reported
    where it is written); so after this, `not` never has a derived fact
    under it, which is the form the compiler splits into durable rules.
    """
    if isinstance(expr, Not):
        return expr.item
    if isinstance(expr, (All, Any_)) and any(isinstance(e, Derived) for e in walk(expr)):
        flipped = tuple(_negate(item) for item in expr.items)
        return Any_(flipped) if isinstance(expr, All) else All(flipped)
    return Not(expr)


def _words(options: tuple[str, ...], joiner: str = "eller") -> str:
    return options[0] if len(options) == 1 else ", ".join(options[:-1]) + f" {joiner} " + options[-1]


OPERATORS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "bool": ("eq",),
    "enum": ("eq", "in"),
    "text": ("eq", "in"),
    "forum": ("eq", "in"),
    "department": ("eq", "in"),
    "date": ("eq", "in", "gt", "gte", "lt", "lte"),
    "int": ("eq", "in", "gt", "gte", "lt", "lte"),
    "departments": ("contains",),
    "participants": ("contains",),
}

__all__ = ["check_texts"]
