"""`udi-rules verify`: what the rulebook does over the whole space of facts, before anyone asks.

Tests show what the rules do for the meetings someone thought of; this
walks every class of meeting, request and year the rules can tell apart
(`fact_space.py`) and reports what a policy owner must decide:

    never-applies      a rule that applies to no meeting at all
    duplicate          a rule whose conclusion another rule always draws as well
    kind-conflict      one duty concluded as two kinds at once («skal» and «skal vurderes»): the rule
                       language has no negated duty, so this is the contradiction it can express
    two-deadlines      one document (same template or title) due on two dates
    two-holders        one document held by two different roles
    duty-unused        a duty no rule concludes, or only rules that never apply
    derived-unused     a derived fact no rule reads
    derived-underived  a derived fact no rule derives
    provision-orphan   a provision with no rule and no `not_a_rule` reason
    accepted-stale     an acceptance in verify-accepted.yaml that matches no finding

Each finding has the place in the rule files, a message in bokmål and
English and, where facts can show it, an example that the real engine
evaluates to show it. What the owner has decided to keep is written in
`rules/verify-accepted.yaml` with the reason, and no longer reported.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError

from ..conditions import Derived, walk
from ..deadlines import Counted, format_date
from ..errors import Diagnostic, Location, RulebookError
from ..model import Text
from ..rulebook import Rulebook
from ..rule_files import NOT_RULE_FILES, CheckedRule, CheckedRulebook
from ..source_map import YamlProblems
from ..yaml_source import load_yaml
from .fact_space import FactSpace, Judge, Point
from .scenario_facts import say_given

ACCEPTED_FILE = next(iter(NOT_RULE_FILES))
CODES = ("never-applies", "duplicate", "kind-conflict", "two-deadlines", "two-holders", "duty-unused",
         "derived-unused", "derived-underived", "provision-orphan", "accepted-stale")
KIND_WORDS = {"duty": "en plikt", "assess": "en vurderingsplikt", "main_rule": "en hovedregel",
              "starting_point": "et utgangspunkt", "information": "til orientering"}
_KIND_EN = {"duty": "a duty", "assess": "a duty to consider", "main_rule": "a main rule",
            "starting_point": "a starting point", "information": "for information"}


@dataclass
class Finding:
    """One thing the policy owner must decide, with where it is written and a meeting that shows it."""

    code: str
    subject: str
    location: Location
    nb: str
    en: str
    rules: tuple[str, ...] = ()
    fact_kind: str | None = None
    example: dict[str, Any] | None = None
    then: list[str] = field(default_factory=list)  # «Så» sentences the example shows
    accepted: Text | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "subject": self.subject, "file": self.location.file, "line": self.location.line,
            "col": self.location.col, "message": {"nb": self.nb, "en": self.en}, "rules": list(self.rules),
            "fact_kind": self.fact_kind, "example": self.example, "shows": self.then,
            "accepted": self.accepted.model_dump() if self.accepted else None,
        }


@dataclass
class Report:
    findings: list[Finding]
    accepted: list[Finding]
    classes: int
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.findings

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "findings": [f.to_dict() for f in self.findings],
                "accepted": [f.to_dict() for f in self.accepted], "classes": self.classes,
                "seconds": round(self.seconds, 3)}


# --- the accepted findings ------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Acceptance(_Strict):
    """A finding the policy owner keeps on purpose, and why."""

    finding: Literal[CODES[:-1]] = Field(description="funnets kode / the finding's code")  # type: ignore[valid-type]
    subject: Annotated[str, Strict(), Field(min_length=1)] = Field(description="regel, plikt, faktum eller bestemmelse")
    reason: Text = Field(description="hvorfor det er slik med vilje / why it is so on purpose")


class AcceptedFile(_Strict):
    accepted: list[Acceptance] = Field(default_factory=list)


def load_accepted(rules: Path) -> tuple[list[Acceptance], list[Location]]:
    """The acceptances in `verify-accepted.yaml` beside the rule files (none if there is no such file).

    Raises:
        RulebookError: the file is not valid, with file:line:col.
    """
    path = (rules if rules.is_dir() else rules.parent) / ACCEPTED_FILE
    if not path.is_file():
        return [], []
    name = str(path)
    try:
        loaded = load_yaml(path.read_text(encoding="utf-8"), name)
    except YamlProblems as problems:
        raise RulebookError(problems.diagnostics) from None
    try:
        model = AcceptedFile.model_validate(loaded.data if loaded.data is not None else {})
    except ValidationError as error:
        diagnostics = []
        for e in error.errors(include_url=False):
            where = loaded.source.location(tuple(e["loc"]))
            place = ".".join(str(p) for p in e["loc"])
            diagnostics.append(Diagnostic(
                "accepted-invalid", f"ugyldig godkjenning `{place}`: {e['msg']}",
                f"invalid acceptance `{place}`: {e['msg']}", where,
                "hver godkjenning har `finding`, `subject` og `reason` med nb og en",
                "each acceptance has `finding`, `subject` and `reason` with nb and en",
            ))
        raise RulebookError(diagnostics) from None
    places = [loaded.source.location(("accepted", i)) for i in range(len(model.accepted))]
    return model.accepted, places


# --- the checks ---------------------------------------------------------------------------


class Verifier:
    """Walks the fact space of one rulebook and collects the findings."""

    def __init__(self, book: CheckedRulebook):
        self.book = book
        self.space = FactSpace([book])
        self.judge = Judge(book)
        self.classes = 0
        self._places = _catalogue_places(book)
        self._rulebook: Rulebook | None = None

    def run(self) -> list[Finding]:
        found: list[Finding] = []
        applying: dict[str, bool] = {}
        for checked in self.book.rules:
            finding = self._never_applies(checked)
            applying[checked.rule.id] = finding is None
            if finding:
                found.append(finding)
        found += self._pairs(applying)
        found += self._catalogue(applying)
        return found

    def _points(self, rules: list[CheckedRule]) -> list[Point]:
        kind = rules[0].rule.applies_to
        fields: dict[str, None] = {}
        group: dict[int, CheckedRule] = {}
        for checked in rules:
            fields.update(dict.fromkeys(self.space.reads(checked, self.book)))
            group.update({id(c): c for c in self.space.group(checked, self.book)})
        points = list(self.space.points(kind, fields, group.values()))
        self.classes += len(points)
        return points

    def _never_applies(self, checked: CheckedRule) -> Finding | None:
        points = self._points([checked])
        outcomes = [self.judge.outcome(checked, p.values) for p in points]
        if True in outcomes:
            return None
        rule = checked.rule
        example = points[outcomes.index(None)] if None in outcomes else points[0] if points else None
        may = None in outcomes
        return Finding(
            "never-applies", rule.id, checked.location,
            f"regelen `{rule.id}` gjelder aldri, uansett fakta" + (" (den kan bare «kanskje» gjelde)" if may else ""),
            f"the rule `{rule.id}` never applies, whatever the facts" + (" (it can only 'maybe' apply)" if may else ""),
            (rule.id,), rule.applies_to, example.facts if example else None,
            [f"kan «{rule.title.nb}» gjelde" if may else f"gjelder ikke «{rule.title.nb}»"],
        )

    def _pairs(self, applying: dict[str, bool]) -> list[Finding]:
        found: list[Finding] = []
        rules = [c for c in self.book.rules if applying[c.rule.id]]
        duties = self.book.catalogue.duties
        for a, b in combinations(rules, 2):
            if a.rule.applies_to != b.rule.applies_to:
                continue
            ta, tb = a.rule.then, b.rule.then
            same_duty = ta.duty is not None and ta.duty == tb.duty
            same_derive = bool(ta.derive) and sorted(ta.derive) == sorted(tb.derive)
            da, db = duties.get(ta.duty or ""), duties.get(tb.duty or "")
            same_document = (
                da is not None and db is not None and da.id != db.id
                and ((da.template is not None and da.template == db.template)
                     or (da.document_title is not None and da.document_title == db.document_title))
            )
            if not (same_duty or same_derive or same_document):
                continue
            points = self._points([a, b])
            seen = [(self.judge.seen(a.rule.id, p.values), self.judge.seen(b.rule.id, p.values), p) for p in points]
            both = [(sa, sb, p) for sa, sb, p in seen if sa.outcome is True and sb.outcome is True]
            if (same_duty and ta.kind == tb.kind) or same_derive:
                found += self._duplicates(a, b, seen)
            elif same_duty:
                if both:
                    sa, sb, p = both[0]
                    found.append(Finding(
                        "kind-conflict", b.rule.id, b.location,
                        f"`{a.rule.id}` gjør `{ta.duty}` til {KIND_WORDS[ta.kind or '']}, men `{b.rule.id}` til "
                        f"{KIND_WORDS[tb.kind or '']}, for samme møte",
                        f"`{a.rule.id}` makes `{ta.duty}` {_KIND_EN[ta.kind or '']}, but `{b.rule.id}` "
                        f"{_KIND_EN[tb.kind or '']}, for the same meeting",
                        (a.rule.id, b.rule.id), a.rule.applies_to, p.facts,
                        [f"gjelder «{a.rule.title.nb}»", f"konklusjonen er {KIND_WORDS[ta.kind or '']}",
                         f"gjelder «{b.rule.title.nb}»", f"konklusjonen er {KIND_WORDS[tb.kind or '']}"],
                    ))
            if same_document and both:
                found += self._document(a, b, both)
        return found

    def _duplicates(self, a: CheckedRule, b: CheckedRule, seen: list[tuple[Any, Any, Point]]) -> list[Finding]:
        a_in_b = all(sb.outcome is True for sa, sb, _ in seen if sa.outcome is True)
        b_in_a = all(sa.outcome is True for sa, sb, _ in seen if sb.outcome is True)
        if not (a_in_b or b_in_a):
            return []
        # The one that adds nothing is reported; of two that always go together, the later one.
        redundant, other = (b, a) if b_in_a else (a, b)
        example = next(p for sa, sb, p in seen if sa.outcome is True and sb.outcome is True)
        what = redundant.rule.then.duty or ", ".join(redundant.rule.then.derive)
        return [Finding(
            "duplicate", redundant.rule.id, redundant.location,
            f"regelen `{redundant.rule.id}` gir `{what}` bare når `{other.rule.id}` også gir den; den tilfører ingenting",
            f"the rule `{redundant.rule.id}` gives `{what}` only when `{other.rule.id}` gives it too; it adds nothing",
            (redundant.rule.id, other.rule.id), a.rule.applies_to, example.facts,
            [f"gjelder «{other.rule.title.nb}»", f"gjelder «{redundant.rule.title.nb}»"],
        )]

    def _document(self, a: CheckedRule, b: CheckedRule, both: list[tuple[Any, Any, Point]]) -> list[Finding]:
        found = []
        ta, tb = a.rule.then, b.rule.then
        holders = next(((sa, sb, p) for sa, sb, p in both if sa.holder != sb.holder), None)
        if holders:
            sa, sb, p = holders
            found.append(Finding(
                "two-holders", b.rule.id, b.location,
                f"samme dokument har to som har plikten: `{sa.holder}` etter `{a.rule.id}` og `{sb.holder}` etter "
                f"`{b.rule.id}`",
                f"one document has two holders: `{sa.holder}` under `{a.rule.id}` and `{sb.holder}` under "
                f"`{b.rule.id}`",
                (a.rule.id, b.rule.id), a.rule.applies_to, p.facts,
                [f"gjelder «{a.rule.title.nb}»", f"gjelder «{b.rule.title.nb}»"],
            ))
        dates = next(((sa, sb, p) for sa, sb, p in both if _dates(sa.deadline) != _dates(sb.deadline)), None)
        if dates:
            sa, sb, p = dates
            found.append(Finding(
                "two-deadlines", b.rule.id, b.location,
                f"samme dokument har to frister: {_say(sa.deadline, 'nb')} etter `{a.rule.id}` (`{ta.duty}`) og "
                f"{_say(sb.deadline, 'nb')} etter `{b.rule.id}` (`{tb.duty}`)",
                f"one document has two deadlines: {_say(sa.deadline, 'en')} under `{a.rule.id}` (`{ta.duty}`) and "
                f"{_say(sb.deadline, 'en')} under `{b.rule.id}` (`{tb.duty}`)",
                (a.rule.id, b.rule.id), a.rule.applies_to, p.facts,
                [f"gjelder «{a.rule.title.nb}»", _deadline_step(sa.deadline),
                 f"gjelder «{b.rule.title.nb}»", _deadline_step(sb.deadline)],
            ))
        return found

    def _catalogue(self, applying: dict[str, bool]) -> list[Finding]:
        found = []
        catalogue = self.book.catalogue
        concluded = {c.rule.then.duty for c in self.book.rules}
        produced = {c.rule.then.duty for c in self.book.rules if applying[c.rule.id]}
        for duty in catalogue.duties:
            where = self._places.get(("duties", duty), Location(self.book.files[0]))
            if duty not in concluded:
                found.append(Finding(
                    "duty-unused", duty, where, f"ingen regel gir plikten `{duty}`", f"no rule concludes the duty `{duty}`",
                ))
            elif duty not in produced:
                found.append(Finding(
                    "duty-unused", duty, where,
                    f"plikten `{duty}` gis bare av regler som aldri gjelder",
                    f"the duty `{duty}` is concluded only by rules that never apply",
                ))
        read = {n.name for c in self.book.rules for n in walk(c.expr) if isinstance(n, Derived)}
        derived = {name for c in self.book.rules for name in c.rule.then.derive}
        for name in catalogue.derived_facts:
            where = self._places.get(("derived_facts", name), Location(self.book.files[0]))
            if name not in derived:
                found.append(Finding(
                    "derived-underived", name, where,
                    f"ingen regel utleder faktumet `{name}`", f"no rule derives the fact `{name}`",
                ))
            if name not in read:
                finding = Finding(
                    "derived-unused", name, where,
                    f"ingen regel bruker det avledede faktumet `{name}`", f"no rule uses the derived fact `{name}`",
                )
                deriver = next((c for c in self.book.rules if name in c.rule.then.derive and applying[c.rule.id]), None)
                if deriver is not None:  # a meeting where it is derived, and nothing follows from it
                    point = next(p for p in self._points([deriver]) if self.judge.outcome(deriver, p.values) is True)
                    finding.rules, finding.fact_kind, finding.example = (deriver.rule.id,), deriver.rule.applies_to, point.facts
                    finding.then = [f"gjelder «{deriver.rule.title.nb}»"]
                found.append(finding)
        encoded = set()
        for checked in self.book.rules:
            if checked.rule.citation.provision:
                encoded.add(checked.rule.citation.provision)
            if checked.rule.then.duty in catalogue.duties:
                encoded.update(catalogue.duties[checked.rule.then.duty].provisions)
        for provision in catalogue.provisions.values():
            if provision.not_a_rule is None and provision.id not in encoded:
                found.append(Finding(
                    "provision-orphan", provision.id,
                    self._places.get(("provisions", provision.id), Location(self.book.files[0])),
                    f"bestemmelsen `{provision.id}` har ingen regel og ingen grunn (`not_a_rule`)",
                    f"the provision `{provision.id}` has no rule and no reason (`not_a_rule`)",
                ))
        return found


def verify(path: Path) -> Report:
    """Verify the rule files under `path`, with the acceptances beside them.

    Raises:
        RulebookError: the rule files (or the acceptances) are invalid.
    """
    from ..rule_files import load_rulebook

    started = time.perf_counter()
    book = load_rulebook(path)
    acceptances, places = load_accepted(path)
    verifier = Verifier(book)
    found = verifier.run()
    open_findings, accepted = [], []
    used: set[int] = set()
    for finding in found:
        match = next((i for i, a in enumerate(acceptances)
                      if a.finding == finding.code and a.subject == finding.subject), None)
        if match is None:
            open_findings.append(finding)
        else:
            used.add(match)
            finding.accepted = acceptances[match].reason
            accepted.append(finding)
    for i, acceptance in enumerate(acceptances):
        if i not in used:
            open_findings.append(Finding(
                "accepted-stale", acceptance.subject, places[i],
                f"godkjenningen av `{acceptance.finding}` for `{acceptance.subject}` passer ikke lenger med noe funn; "
                "fjern den",
                f"the acceptance of `{acceptance.finding}` for `{acceptance.subject}` no longer matches a finding; "
                "remove it",
            ))
    open_findings.sort(key=lambda f: (f.location, f.code))
    return Report(open_findings, accepted, verifier.classes, time.perf_counter() - started)


# --- output -------------------------------------------------------------------------------


def render(report: Report, lang: str) -> str:
    """The report as text: one finding a paragraph, with its example meeting."""
    lines = []
    for f in report.findings:
        message = {"nb": f.nb, "en": f.en}.get(lang, f"{f.nb} [{f.en}]")
        lines.append(f"{f.location}: {f.code}: {message}")
        if f.example is not None:
            label = {"nb": "eksempel", "en": "example"}.get(lang, "eksempel [example]")
            lines.append(f"    {label}: {json.dumps(f.example, ensure_ascii=False)}")
    count, accepted = len(report.findings), len(report.accepted)
    nb = f"{count} funn, {accepted} godtatt, {report.classes} klasser av fakta på {report.seconds:.1f} s"
    en = f"{count} finding(s), {accepted} accepted, {report.classes} classes of facts in {report.seconds:.1f} s"
    lines.append({"nb": nb, "en": en}.get(lang, f"{nb} [{en}]") if count else
                 {"nb": "ok: " + nb, "en": "ok: " + en}.get(lang, f"ok: {nb} [{en}]"))
    return "\n".join(lines) + "\n"


def write_scenarios(report: Report, folder: Path, book_path: Path) -> list[Path]:
    """Each finding with an example as a Norwegian scenario (`# language: no`) the policy owner can run
    and decide on; the «Så» lines say what the rules do today."""
    folder.mkdir(parents=True, exist_ok=True)
    rulebook = Rulebook.load(book_path)
    written = []
    for number, f in enumerate(report.findings, 1):
        if f.example is None or f.fact_kind is None:
            continue
        forum = f.example.get("forum")
        found = rulebook.catalogue.find_forum(forum) if isinstance(forum, str) else None
        name = None
        if found is not None:
            entry = rulebook.catalogue.forums[found]
            name = entry.aliases[0] if entry.aliases else found
        given, unsaid = say_given(f.fact_kind, f.example, name)
        then = f.then or ["gjelder ingen regler"]
        lines = [
            "# language: no",
            f"# Funn fra `udi-rules verify` [finding]: {f.code} · {f.location}",
            f"# {f.nb}",
            f"# [{f.en}]",
            "# Stegene «Så» viser hva reglene gjør i dag; eieren av regelen avgjør om det er riktig.",
            "# [The «Så» steps show what the rules do today; the rule's owner decides whether it is right.]",
            f"Egenskap: Funn {f.code} for {f.subject}",
            "",
            f"  Scenario: {f.nb[0].upper()}{f.nb[1:]}",
        ]
        if unsaid:
            lines.insert(6, "# Fakta ingen stegsetning sier (legg dem til for hånd) [facts no step says]: "
                            + ", ".join(unsaid))
        lines += [f"    {'Gitt' if i == 0 else 'Og'} {s}" for i, s in enumerate(given)]
        lines.append("    Når reglene vurderes")
        lines += [f"    {'Så' if i == 0 else 'Og'} {s}" for i, s in enumerate(then)]
        path = folder / f"{number:02d}-{_slug(f.code + '-' + f.subject)}.feature"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    return written


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.\-]+", "-", text.lower()).strip("-")


def _dates(deadline: Counted | None) -> tuple[Any, ...] | None:
    return (deadline.due, deadline.earliest, deadline.latest) if deadline else None


def _say(deadline: Counted | None, lang: str) -> str:
    if deadline is None:
        return "ingen frist" if lang == "nb" else "no deadline"
    if deadline.due is not None:
        return format_date(deadline.due, lang)
    low = format_date(deadline.earliest, lang) if deadline.earliest else "?"
    high = format_date(deadline.latest, lang) if deadline.latest else "?"
    return f"tidligst {low}, senest {high}" if lang == "nb" else f"not before {low}, at the latest {high}"


def _deadline_step(deadline: Counted | None) -> str:
    if deadline is None:
        return "internmeldingen setter ingen frist"
    if deadline.due is not None:
        return f"fristen er {format_date(deadline.due, 'nb')}"
    if deadline.earliest and deadline.latest:
        return f"fristen er tidligst {format_date(deadline.earliest, 'nb')} og senest {format_date(deadline.latest, 'nb')}"
    return "fristen venter på det offisielle referatet"


def _catalogue_places(book: CheckedRulebook) -> dict[tuple[str, str], Location]:
    """Where each duty, derived fact and provision is written, read again from the rule files."""
    places: dict[tuple[str, str], Location] = {}
    for name in book.files:
        try:
            loaded = load_yaml(Path(name).read_text(encoding="utf-8"), name)
        except (OSError, YamlProblems):
            continue
        data = loaded.data if isinstance(loaded.data, dict) else {}
        for section in ("duties", "derived_facts", "provisions"):
            for i, item in enumerate(data.get(section) or []):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    places.setdefault((section, item["id"]), loaded.source.location((section, i)))
    return places


__all__ = ["Acceptance", "Finding", "Report", "Verifier", "load_accepted", "render", "verify", "write_scenarios"]
