"""`udi-rules diff OLD NEW`: which meetings an edit of the rules changes, before it is approved.

The impact is measured three ways: over every class of the fact space the
two rulebooks can tell apart (`fact_space.py`, with the values both
versions test), over the scenarios in `features/`, and over the example
facts in `examples/`. A change is a meeting whose conclusion from a rule
appears, disappears, becomes conditional, or gets another kind, duty,
holder or deadline. Each changed rule is summarised with a few example
meetings, said in the scenarios' own sentences, with both dates where a
deadline moved.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any, Mapping

from ..deadlines import Counted, format_date
from ..decision import Conclusion, Decision
from ..errors import InvalidFacts
from ..model import PLACEHOLDER
from ..rulebook import Rulebook
from ..rule_files import CheckedRule, CheckedRulebook, load_rulebook
from ..source_map import YamlProblems
from ..yaml_source import load_yaml
from .fact_space import FactSpace, Judge, Seen
from .scenario_facts import read_features, say_given

#: Example meetings shown per changed rule; scenarios shown per rule in text and in Markdown.
EXAMPLES_PER_RULE = 3
CASES_SHOWN = 3
MARKDOWN_CASES = 10
#: Changed meetings considered per rule and kind of change when choosing the examples.
CANDIDATES = 60


class GitError(Exception):
    """The revision could not be read from git (said in bokmål and English)."""

    def __init__(self, nb: str, en: str):
        super().__init__(f"{nb} [{en}]")
        self.nb, self.en = nb, en


@dataclass
class Example:
    """One meeting whose conclusion changed, with what it was and what it becomes."""

    facts: dict[str, Any]
    said: list[str]
    old: dict[str, Any]
    new: dict[str, Any]
    change: str
    unsaid: int = 0  # facts no scenario sentence can say

    def to_dict(self) -> dict[str, Any]:
        return {"facts": self.facts, "said": self.said, "change": self.change, "old": self.old, "new": self.new}


@dataclass
class RuleImpact:
    rule_id: str
    title: str
    location: str
    classes: int
    changed: int = 0
    changes: dict[str, int] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"rule_id": self.rule_id, "title": self.title, "location": self.location, "classes": self.classes,
                "changed": self.changed, "changes": self.changes, "examples": [e.to_dict() for e in self.examples]}


@dataclass
class CaseImpact:
    """A scenario or an example file whose decision changes."""

    where: str
    name: str
    rules: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"where": self.where, "name": self.name, "rules": self.rules}


@dataclass
class Impact:
    old: str
    new: str
    rules: list[RuleImpact]
    scenarios: list[CaseImpact]
    examples: list[CaseImpact]
    classes: int
    scenarios_read: int
    examples_read: int

    @property
    def changed(self) -> bool:
        return bool(self.rules or self.scenarios or self.examples)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old, "new": self.new, "changed": self.changed, "classes": self.classes,
            "rules": [r.to_dict() for r in self.rules],
            "scenarios": [s.to_dict() for s in self.scenarios], "scenarios_read": self.scenarios_read,
            "examples": [e.to_dict() for e in self.examples], "examples_read": self.examples_read,
        }


# --- the fact space -----------------------------------------------------------------------


CHANGE_WORDS = {
    "gained": ("gjelder nå", "now applies"),
    "lost": ("gjelder ikke lenger", "no longer applies"),
    "conditional": ("gjelder nå bare under visse svar, eller omvendt", "now applies only under some answers, or back"),
    "deadline": ("ny frist", "new deadline"),
    "holder": ("ny innehaver av plikten", "new holder of the duty"),
    "kind": ("ny art eller plikt", "new kind or duty"),
}


def _state(seen: Seen | None, book: CheckedRulebook, facts: Mapping[str, Any]) -> dict[str, Any]:
    if seen is None or seen.outcome is False:
        return {"applies": False}
    role = book.catalogue.roles.get(seen.holder or "")
    holder = None
    if role is not None:
        holder = PLACEHOLDER.sub(lambda m: str(facts.get(m.group(1)) or m.group(0)), role.name.nb)
    return {
        "applies": True if seen.outcome else "maybe",
        "kind": seen.kind, "duty": seen.duty, "derive": list(seen.derive), "holder": holder,
        "deadline": _deadline_dict(seen.deadline),
    }


def _deadline_dict(counted: Counted | None) -> dict[str, Any] | None:
    if counted is None:
        return None
    return {k: v.isoformat() if isinstance(v, date) else None
            for k, v in (("due", counted.due), ("earliest", counted.earliest), ("latest", counted.latest))}


def _change(old: Seen | None, new: Seen | None) -> str:
    was = old is not None and old.outcome is not False
    now = new is not None and new.outcome is not False
    if not was:
        return "gained"
    if not now:
        return "lost"
    assert old is not None and new is not None
    if old.outcome != new.outcome:
        return "conditional"
    if (old.kind, old.duty, old.derive) != (new.kind, new.duty, new.derive):
        return "kind"
    if old.holder != new.holder:
        return "holder"
    return "deadline"


def space_impact(old_book: CheckedRulebook, new_book: CheckedRulebook) -> tuple[list[RuleImpact], int]:
    """Per rule, the classes of facts whose conclusion differs between the two rulebooks."""
    space = FactSpace([new_book, old_book])
    judges = {"old": Judge(old_book), "new": Judge(new_book)}
    old_rules = {c.rule.id: c for c in old_book.rules}
    new_rules = {c.rule.id: c for c in new_book.rules}
    order = list(new_rules) + [r for r in old_rules if r not in new_rules]
    impacts, total = [], 0
    for rule_id in order:
        versions: list[tuple[CheckedRule, CheckedRulebook]] = [
            (book_rules[rule_id], book) for book_rules, book in ((old_rules, old_book), (new_rules, new_book))
            if rule_id in book_rules
        ]
        kinds = {c.rule.applies_to for c, _ in versions}
        impact: RuleImpact | None = None
        candidates: dict[str, list[Example]] = {}
        for kind in sorted(kinds):
            fields: dict[str, None] = {}
            group: dict[int, CheckedRule] = {}
            for checked, book in versions:
                if checked.rule.applies_to == kind:
                    fields.update(dict.fromkeys(space.reads(checked, book)))
                    group.update({id(c): c for c in space.group(checked, book)})
            shown = versions[-1][0]
            if impact is None:
                impact = RuleImpact(rule_id, shown.rule.title.nb, str(shown.location), 0)
            for point in space.points(kind, fields, group.values()):
                impact.classes += 1
                total += 1
                old = judges["old"].seen(rule_id, point.values) if _of(old_rules, rule_id, kind) else None
                new = judges["new"].seen(rule_id, point.values) if _of(new_rules, rule_id, kind) else None
                if (old.key() if old else (False,)) == (new.key() if new else (False,)):
                    continue
                change = _change(old, new)
                impact.changed += 1
                impact.changes[change] = impact.changes.get(change, 0) + 1
                kept = candidates.setdefault(change, [])
                if len(kept) < CANDIDATES:
                    said, unsaid = say_given(kind, point.facts, _forum_name(new_book, point.facts))
                    kept.append(Example(point.facts, said + unsaid, _state(old, old_book, point.facts),
                                        _state(new, new_book, point.facts), change, len(unsaid)))
        if impact is not None and impact.changed:
            for kept in candidates.values():  # the plainest meetings first: all said in sentences, few of them
                kept.sort(key=lambda e: (e.unsaid, len(e.said)))
            # A few examples, taking each kind of change in turn, so every kind is shown at least once.
            rounds = [e for i in range(EXAMPLES_PER_RULE) for kept in candidates.values() if i < len(kept)
                      for e in (kept[i],)]
            impact.examples = rounds[:max(EXAMPLES_PER_RULE, len(candidates))]
            impacts.append(impact)
    return impacts, total


def _of(rules: Mapping[str, CheckedRule], rule_id: str, kind: str) -> bool:
    return rule_id in rules and rules[rule_id].rule.applies_to == kind


def _forum_name(book: CheckedRulebook, facts: Mapping[str, Any]) -> str | None:
    forum = facts.get("forum")
    found = book.catalogue.find_forum(forum) if isinstance(forum, str) else None
    if found is None:
        return None
    entry = book.catalogue.forums[found]
    return entry.aliases[0] if entry.aliases else found


# --- scenarios and examples ----------------------------------------------------------------


def _conclusions(decision: Decision) -> dict[str, dict[str, Any]]:
    out = {}
    for group, items in (("applies", decision.conclusions), ("maybe", decision.conditional)):
        for c in items:
            out[c.rule_id] = _conclusion_state(c, True if group == "applies" else "maybe")
    return out


def _conclusion_state(c: Conclusion, applies: Any) -> dict[str, Any]:
    detail = c.deadline_detail
    return {
        "applies": applies, "kind": c.kind, "duty": c.duty_id, "holder": c.holder.name.nb,
        "deadline": None if detail is None else {
            "due": detail.due.isoformat() if detail.due else None,
            "earliest": detail.earliest.isoformat() if detail.earliest else None,
            "latest": detail.latest.isoformat() if detail.latest else None,
        },
    }


def case_impact(old: Rulebook, new: Rulebook, cases: list[tuple[str, str, str, dict[str, Any]]]) -> tuple[list[CaseImpact], int]:
    """The cases (scenarios or example files) whose decision differs, rule by rule."""
    found, read = [], 0
    for where, name, kind, facts in cases:
        try:
            before, after = old.evaluate(facts, kind=kind), new.evaluate(facts, kind=kind)
        except InvalidFacts:
            continue
        read += 1
        a, b = _conclusions(before), _conclusions(after)
        titles = {c.rule_id: c.title.nb for c in (*after.conclusions, *after.conditional,
                                                   *before.conclusions, *before.conditional)}
        rules = [
            {"rule_id": r, "title": titles[r], "old": a.get(r, {"applies": False}), "new": b.get(r, {"applies": False})}
            for r in dict.fromkeys([*a, *b]) if a.get(r) != b.get(r)
        ]
        if rules:
            found.append(CaseImpact(where, name, rules))
    return found, read


def read_examples(folder: Path) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(file, name, kind, facts) for every example file; a file with only later answers (no `forum`,
    `received_by` or `year`) is added to the meetings whose file name starts the same way."""
    whole, partial = [], []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = load_yaml(path.read_text(encoding="utf-8"), str(path)).data
        except (OSError, YamlProblems):
            continue
        if not isinstance(data, dict):
            continue
        kind = "request" if "received_by" in data else "year" if "year" in data and "forum" not in data else "meeting"
        (whole if any(k in data for k in ("forum", "received_by", "year")) else partial).append((path, kind, data))
    out = []
    for path, kind, data in whole:
        out.append((_shown(path), path.name, kind, data))
        stem = path.stem.rsplit("-", 1)[0]
        for later, _, more in partial:
            if kind == "meeting" and later.stem.rsplit("-", 1)[0] == stem:
                out.append((f"{_shown(path)} + {later.name}", f"{path.name} + {later.name}", kind, {**data, **more}))
    return out


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --- the whole comparison ------------------------------------------------------------------


def diff(old: Path, new: Path, *, features: Path | None, examples: Path | None,
         old_label: str | None = None, new_label: str | None = None) -> Impact:
    """The impact of going from the rules in `old` to those in `new`.

    Raises:
        RulebookError: either rulebook is invalid.
    """
    old_book, new_book = load_rulebook(old), load_rulebook(new)
    rules, classes = space_impact(old_book, new_book)
    old_rb, new_rb = Rulebook(old_book), Rulebook(new_book)
    try:
        scenarios, scenarios_read = case_impact(old_rb, new_rb, read_features(features)) if features else ([], 0)
        cases, examples_read = case_impact(old_rb, new_rb, read_examples(examples)) if examples else ([], 0)
    finally:
        old_rb.close()
        new_rb.close()
    return Impact(old_label or str(old), new_label or str(new), rules, scenarios, cases, classes,
                  scenarios_read, examples_read)


def rules_at_revision(revision: str, rules: Path, into: Path) -> Path:
    """Unpack the rules folder as it was at a git revision into `into`; returns the folder.

    Raises:
        GitError: not a git checkout, or no such revision.
    """
    folder = rules.resolve()
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True,
                             check=True).stdout.strip()
        relative = folder.relative_to(Path(top).resolve()).as_posix()
        archive = subprocess.run(["git", "archive", "--format=tar", revision, "--", relative], cwd=top,
                                 capture_output=True, check=True).stdout
    except (OSError, ValueError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", b"") or str(error)
        detail = detail.decode(errors="replace") if isinstance(detail, bytes) else detail
        raise GitError(f"kan ikke lese `{rules}` ved revisjonen `{revision}` fra git: {detail.strip()}",
                       f"cannot read `{rules}` at revision `{revision}` from git: {detail.strip()}") from None
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later refuse paths that leave `into`
            tar.extractall(into, filter="data")
        else:  # pragma: no cover - git archive writes only paths inside the folder
            tar.extractall(into)
    return into / relative


def git_diff(revision: str, new: Path, **kwargs: Any) -> Impact:
    """`diff` of the rules at a git revision against the rules in the working tree."""
    with tempfile.TemporaryDirectory(prefix="udi-rules-diff-") as tmp:
        old = rules_at_revision(revision, new, Path(tmp))
        return diff(old, new, old_label=f"{_shown(new)} @ {revision}", new_label=_shown(new), **kwargs)


# --- output ------------------------------------------------------------------------------


def _say_state(state: Mapping[str, Any], lang: str) -> str:
    if not state.get("applies"):
        return "gjelder ikke" if lang == "nb" else "does not apply"
    words = []
    if state["applies"] == "maybe":
        words.append("kan gjelde" if lang == "nb" else "may apply")
    else:
        words.append("gjelder" if lang == "nb" else "applies")
    if state.get("holder"):
        words.append(("hos " if lang == "nb" else "held by ") + str(state["holder"]))
    deadline = state.get("deadline")
    if deadline:
        if deadline.get("due"):
            words.append(("frist " if lang == "nb" else "due ") + format_date(date.fromisoformat(deadline["due"]), lang))
        elif deadline.get("earliest"):
            low = format_date(date.fromisoformat(deadline["earliest"]), lang)
            high = format_date(date.fromisoformat(deadline["latest"]), lang) if deadline.get("latest") else "?"
            words.append(f"frist tidligst {low}, senest {high}" if lang == "nb" else f"due not before {low}, at the latest {high}")
    return ", ".join(words)


def _arrow(old: Mapping[str, Any], new: Mapping[str, Any], lang: str) -> str:
    return f"{_say_state(old, lang)} → {_say_state(new, lang)}"


def render_text(impact: Impact, lang: str) -> str:
    langs = ("nb", "en") if lang == "both" else (lang,)
    out = []
    for one in langs:
        nb = one == "nb"
        out.append((f"Virkningen av endringen fra {impact.old} til {impact.new}" if nb else
                    f"The impact of the change from {impact.old} to {impact.new}"))
        if not impact.changed:
            out.append(f"  ingen møter får en annen konklusjon ({impact.classes} klasser av fakta, "
                       f"{impact.scenarios_read} scenarioer, {impact.examples_read} eksempler)" if nb else
                       f"  no meeting gets another conclusion ({impact.classes} classes of facts, "
                       f"{impact.scenarios_read} scenarios, {impact.examples_read} examples)")
        for r in impact.rules:
            out.append(f"{r.location}: {r.rule_id} «{r.title}»")
            counts = ", ".join(f"{CHANGE_WORDS[k][0 if nb else 1]}: {v}" for k, v in r.changes.items())
            out.append(f"  {r.changed} av {r.classes} klasser av møter endres ({counts})" if nb else
                       f"  {r.changed} of {r.classes} classes of meetings change ({counts})")
            for e in r.examples:
                out.append(f"  - {'; '.join(e.said)}")
                out.append(f"      {_arrow(e.old, e.new, one)}")
        for title, cases in ((("Scenarioer", "Scenarios"), impact.scenarios), (("Eksempler", "Examples"), impact.examples)):
            for rule_id, items in _by_rule(cases).items():
                out.append(f"{title[0]} der {rule_id} endres: {len(items)}" if nb else
                           f"{title[1]} where {rule_id} changes: {len(items)}")
                for case, change in items[:CASES_SHOWN]:
                    out.append(f"  {case.where} «{case.name}»")
                    out.append(f"      {_arrow(change['old'], change['new'], one)}")
                if len(items) > CASES_SHOWN:
                    more = len(items) - CASES_SHOWN
                    out.append(f"  … og {more} til (se --format json)" if nb else f"  … and {more} more (see --format json)")
        out.append("")
    return "\n".join(out)


def render_markdown(impact: Impact) -> str:
    """For a review: a heading per changed rule, a table of example meetings, then scenarios and examples."""
    out = ["## Virkning av regelendringen [impact of the rule change]", "",
           f"Fra [from] `{impact.old}` til [to] `{impact.new}`: {impact.classes} klasser av fakta, "
           f"{impact.scenarios_read} scenarioer og {impact.examples_read} eksempler vurdert.", ""]
    if not impact.changed:
        out += ["Ingen møter får en annen konklusjon. [No meeting gets another conclusion.]", ""]
    for r in impact.rules:
        counts = ", ".join(f"{CHANGE_WORDS[k][0]}: {v}" for k, v in r.changes.items())
        out += [f"### `{r.rule_id}` «{r.title}»", "", f"`{r.location}` · {r.changed} av {r.classes} klasser endres "
                f"({counts})", "", "| Møtet | Før | Etter |", "| --- | --- | --- |"]
        for e in r.examples:
            out.append(f"| {'; '.join(e.said)} | {_say_state(e.old, 'nb')} | {_say_state(e.new, 'nb')} |")
        out.append("")
    for title, cases in (("Scenarioer i features/", impact.scenarios), ("Eksempler i examples/", impact.examples)):
        for rule_id, items in _by_rule(cases).items():
            out += [f"### {title}: `{rule_id}` endres i {len(items)}", "", "| Hvor | Før | Etter |", "| --- | --- | --- |"]
            for case, change in items[:MARKDOWN_CASES]:
                out.append(f"| `{case.where}` {case.name} | {_say_state(change['old'], 'nb')} | "
                           f"{_say_state(change['new'], 'nb')} |")
            if len(items) > MARKDOWN_CASES:
                out.append(f"| … og {len(items) - MARKDOWN_CASES} til [and more] | | |")
            out.append("")
    return "\n".join(out)


def _by_rule(cases: list[CaseImpact]) -> dict[str, list[tuple[CaseImpact, dict[str, Any]]]]:
    grouped: dict[str, list[tuple[CaseImpact, dict[str, Any]]]] = {}
    for case in cases:
        for change in case.rules:
            grouped.setdefault(change["rule_id"], []).append((case, change))
    return grouped


def render_json(impact: Impact) -> str:
    return json.dumps(impact.to_dict(), ensure_ascii=False, indent=2)


__all__ = ["GitError", "Impact", "diff", "git_diff", "render_json", "render_markdown", "render_text", "rules_at_revision"]
