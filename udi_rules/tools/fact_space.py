"""The space of facts the rules can tell apart, split into finitely many classes.

A condition only compares a field with the values written in the rules, so
two meetings that agree on every such comparison get the same conclusions.
Each field therefore splits into a few classes: every tested value and
"another value"; true, false and, for a fact that may be unknown, unknown;
a list field into each tested option present or absent; a date into the
boundaries of every comparison and deadline and the days between.

The whole space is the product of those classes and far too large to walk,
but rules only meet through the fields they share and the derived facts
they pass on. So the space is walked per rule, over the fields the rule
reads itself or through the rules that derive what it needs (its group),
and per pair of rules that conclude the same duty or document. Every class
of the whole space falls into exactly one class of each group, so nothing a
rule can do is missed. A rule's outcome in a class is decided as the
decision builder decides it: by the engine's Kleene logic on what is known,
and `conditions.Completions` for what is left unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import product
from typing import Any, Iterable, Iterator, Mapping, Sequence

from ..conditions import Completions, Derivations, Derived, Expr, Test, holds3, test_holds, walk
from ..deadlines import Counted, compute
from ..errors import InvalidFacts
from ..evaluate import validate_facts
from ..facts import FACT_MODELS, FieldSpec, field_specs
from ..model import DateInYear, MeetingDeadline
from ..rule_files import CheckedRule, CheckedRulebook

#: What a scenario does not mention is the ordinary case (the scenario steps' «et møte i … som avsluttes …»):
#: an operational expert meeting, UDI (ASA) alone, a UDI leader present, no signals, no minutes.
ORDINARY: dict[str, dict[str, Any]] = {
    "meeting": {
        "forum": "IGC",
        "topic": "Tema for møtet",
        "first_day": date(2027, 3, 3),
        "last_day": date(2027, 3, 3),
        "responsible_department": "ASA",
        "agenda_level": "operational",
        "interpretation_on_agenda": False,
        "meeting_level": "expert",
        "delegation": ["ASA"],
        "udi_leader_attends": True,
        "invitation_signals_law_change": False,
        "invitation_signals_budget_consequences": False,
        "invitation_signals_political_sensitivity": False,
        "contribution_needs_principled_clarification": False,
        "eu_schengen_legal_change_pending": False,
        "principled_questions_discussed": False,
        "official_minutes_expected": False,
    },
    "request": {"received_by": "ASA", "departments_concerned": [], "aua_already_informed": False},
    "year": {"year": 2027, "memo_in_force": True},
}

#: The days a deadline is counted from: one week, Wednesday 3 March 2027 first (the scenarios' day),
#: so deadlines land on every weekday, on a weekend and, two and three weeks on, on the Easter holidays.
ANCHORS = tuple(date(2027, 3, d) for d in (3, 4, 5, 6, 7, 1, 2))
#: The members a delegation has besides the options the rules test (UDI's own department).
LIST_BASE = {"delegation": ("ASA",), "departments_concerned": ()}


@dataclass(frozen=True)
class After:
    """A date `days` after the date in `field` of the same facts (the minutes `days` after the meeting)."""

    field: str
    days: int

    def __repr__(self) -> str:
        return f"{self.field}+{self.days}"


@dataclass(frozen=True)
class Point:
    """One class of the space: the representative value of each field in a group, and the facts it makes."""

    kind: str
    choice: tuple[tuple[str, Any], ...]
    facts: dict[str, Any]  # a valid facts dict (JSON-able values), ready for `Rulebook.evaluate`
    values: dict[str, Any]  # what the rules test: `Facts.rule_values()`


@dataclass(frozen=True)
class Seen:
    """What one rule concludes in one class: whether it applies (True), may apply (None) or not (False)."""

    outcome: bool | None
    kind: str | None
    duty: str | None
    derive: tuple[str, ...]
    holder: str | None
    deadline: Counted | None

    def key(self) -> tuple[Any, ...]:
        """What a reader of the decision sees change: applies or not, the duty, its holder and its dates."""
        dates = (self.deadline.due, self.deadline.earliest, self.deadline.latest) if self.deadline else None
        if self.outcome is False:
            return (False,)
        return (self.outcome, self.kind, self.duty, self.derive, self.holder, dates)


class FactSpace:
    """The classes of every field the rules read, for one rulebook or several compared (`diff`)."""

    def __init__(self, books: Sequence[CheckedRulebook]):
        self.books = list(books)
        self.catalogue = books[0].catalogue
        self._tests: dict[tuple[str, str], list[Test]] = {}
        self._deadline_roles: dict[str, set[str]] = {}  # date field → "from" / "later_of"
        self._offsets: dict[str, set[int]] = {}  # later_of field → days after `from` that matter
        self._later_from: dict[str, str] = {}
        # How each book's derived facts follow from each other, by book and kind, worked out once for `reads`.
        self._derivations = {
            (id(book), kind): _derivations(_derivers(book, kind)) for book in self.books for kind in FACT_MODELS
        }
        for book in self.books:
            for checked in book.rules:
                for node in walk(checked.expr):
                    if isinstance(node, Test):
                        self._tests.setdefault((checked.rule.applies_to, node.field), []).append(node)
            for duty in book.catalogue.duties.values():
                self._note_deadline(duty.deadline)

    def _note_deadline(self, deadline: MeetingDeadline | DateInYear | None) -> None:
        if not isinstance(deadline, MeetingDeadline):
            return
        self._deadline_roles.setdefault(deadline.from_, set()).add("from")
        if deadline.later_of:
            self._deadline_roles.setdefault(deadline.later_of, set()).add("later_of")
            self._later_from[deadline.later_of] = deadline.from_
            marks = self._offsets.setdefault(deadline.later_of, {0})
            marks.update(n for n in (deadline.days_after, deadline.wait_at_most_days) if n is not None)

    # --- the classes of one field ----------------------------------------------------

    def classes(self, kind: str, name: str, rules: Iterable[CheckedRule] | None = None) -> tuple[Any, ...]:
        """One representative value per class of the field; None stands for unknown (or absent).

        With `rules`, only their tests split the field (the classes of a group); else every rule's.
        The ordinary value comes first, so the first classes of a group are the plainest meetings.
        """
        found = self._classes(kind, name, rules)
        ordinary = ORDINARY[kind].get(name, _MISSING)
        return tuple(sorted(found, key=lambda value: value != ordinary))

    def _classes(self, kind: str, name: str, rules: Iterable[CheckedRule] | None) -> tuple[Any, ...]:
        spec = field_specs(kind)[name]
        if rules is None:
            tests = self._tests.get((kind, name), [])
        else:
            tests = _dedupe(n for c in rules for n in walk(c.expr) if isinstance(n, Test) and n.field == name)
        unknown: tuple[Any, ...] = (None,) if spec.nullable or spec.question else ()
        tested = _dedupe(v for t in tests if t.op in ("eq", "in") for v in (t.value if t.op == "in" else (t.value,)))
        # Tested values that pass and fail the same tests are one class: keep the first of each.
        signatures: dict[tuple[bool, ...], Any] = {}
        for value in tested:
            signatures.setdefault(tuple(test_holds(t, value) for t in tests), value)
        tested = list(signatures.values())
        if spec.type == "bool":
            return (True, False, *unknown)
        if spec.type == "enum":
            return (*spec.choices, *unknown)
        if spec.type in ("departments", "participants"):
            options = _dedupe(t.value for t in tests if t.op == "contains")
            base = LIST_BASE.get(name, ())
            subsets = [
                sorted(set(base) | {o for o, present in zip(options, flags) if present})
                for flags in product((False, True), repeat=len(options))
            ]
            return (*subsets, *unknown)
        if spec.type in ("forum", "department", "text"):
            return (*tested, self._another(kind, spec, tested), *unknown)
        if spec.type == "date":
            roles = self._deadline_roles.get(name, set())
            if "later_of" in roles:
                marks = sorted(self._offsets[name])
                days = set(marks) | {(a + b) // 2 for a, b in zip(marks, marks[1:])} | {marks[-1] + 7}
                return (*(After(self._later_from[name], d) for d in sorted(days)), *unknown)
            points = _boundaries(tests, lambda v, n: v + timedelta(days=n))
            if "from" in roles:
                points = _dedupe([*ANCHORS, *points])
            return (*(points or (ORDINARY[kind].get(name, ANCHORS[0]),)), *unknown)
        if spec.type == "int":
            points = _boundaries(tests, lambda v, n: v + n)
            return (*(points or (ORDINARY[kind].get(name, 2027),)), *unknown)
        return (ORDINARY[kind].get(name), *unknown)

    def _another(self, kind: str, spec: FieldSpec, tested: Sequence[Any]) -> Any:
        """A value no rule tests: a known forum or department nobody names, else a name of our own."""
        if spec.type == "forum":
            pool = list(self.catalogue.forums)
            fallback = "annet-forum"
        elif spec.type == "department":
            pool = list(self.catalogue.departments)
            fallback = "XYZ"
        else:
            pool, fallback = [], "annen verdi"
        ordinary = ORDINARY[kind].get(spec.name)
        pool = ([ordinary] if isinstance(ordinary, str) else []) + pool
        return next((p for p in pool if p not in tested and (spec.type != "forum" or p.lower() not in tested)), fallback)

    # --- what a rule reads -----------------------------------------------------------

    def group(self, checked: CheckedRule, book: CheckedRulebook) -> list[CheckedRule]:
        """The rule and every rule that derives a fact it needs, directly or further back."""
        derivers = _derivers(book, checked.rule.applies_to)
        found = {id(checked): checked}
        todo = [checked]
        while todo:
            for node in walk(todo.pop().expr):
                if isinstance(node, Derived):
                    for inner in derivers.get(node.name, ()):
                        if id(inner) not in found:
                            found[id(inner)] = inner
                            todo.append(inner)
        return list(found.values())

    def reads(self, checked: CheckedRule, book: CheckedRulebook) -> tuple[str, ...]:
        """The input fields a rule's conclusion depends on: its condition, through the rules that
        derive what it needs, and its duty's deadline (`book` is one of the space's books)."""
        kind = checked.rule.applies_to
        specs = field_specs(kind)
        found: dict[str, None] = {}
        for name in _condition_fields(checked.expr, self._derivations[(id(book), kind)]):
            for field in specs[name].computed_from or (name,):
                found[field] = None
        duty = book.catalogue.duties.get(checked.rule.then.duty or "")
        if duty is not None and isinstance(duty.deadline, MeetingDeadline):
            for field in (duty.deadline.from_, duty.deadline.later_of, duty.deadline.pending_when):
                if field:
                    found[field] = None
        return tuple(f for f in specs if f in found)

    # --- the classes of a group --------------------------------------------------------

    def points(self, kind: str, fields: Iterable[str], rules: Iterable[CheckedRule] | None = None) -> Iterator[Point]:
        """Every class over these fields (others as in the ordinary case), valid facts only.

        With `rules` (a group), only their tests split the fields."""
        names = list(dict.fromkeys(fields))
        group = list(rules) if rules is not None else None
        for combo in product(*(self.classes(kind, n, group) for n in names)):
            choice = tuple(zip(names, combo))
            facts = self.facts(kind, dict(choice))
            try:
                model = validate_facts(facts, kind, self.catalogue)
            except InvalidFacts:
                continue  # e.g. minutes available although none will come
            yield Point(kind, choice, facts, model.rule_values())

    def facts(self, kind: str, chosen: Mapping[str, Any]) -> dict[str, Any]:
        """The ordinary facts with the chosen classes in, as a JSON-able dict."""
        facts = dict(ORDINARY[kind])
        facts.update({k: v for k, v in chosen.items() if not isinstance(v, After)})
        if kind == "meeting":
            if "first_day" in chosen and "last_day" not in chosen:
                facts["last_day"] = facts["first_day"]
            elif "last_day" in chosen and "first_day" not in chosen:
                facts["first_day"] = facts["last_day"]
        for name, value in chosen.items():
            if isinstance(value, After):
                facts[name] = facts[value.field] + timedelta(days=value.days)
                if name == "official_minutes_available_on" and "official_minutes_expected" not in chosen:
                    facts["official_minutes_expected"] = True
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in facts.items()}

    def size(self, kind: str, fields: Iterable[str], rules: Iterable[CheckedRule] | None = None) -> int:
        """How many combinations of classes the fields have (before invalid ones are left out)."""
        group = list(rules) if rules is not None else None
        total = 1
        for name in dict.fromkeys(fields):
            total *= len(self.classes(kind, name, group))
        return total


class Judge:
    """What each rule of one rulebook concludes in a class, decided as the decision builder decides it."""

    def __init__(self, book: CheckedRulebook):
        self.book = book
        self.rules = {c.rule.id: c for c in book.rules}
        self._derivers = {kind: _derivers(book, kind) for kind in FACT_MODELS}
        domains = {
            kind: {s.name: s.choices if s.type == "enum" else (True, False)
                   for s in field_specs(kind).values() if s.type in ("enum", "bool")}
            for kind in FACT_MODELS
        }
        derivations = {kind: _derivations(self._derivers[kind]) for kind in FACT_MODELS}
        self._completions = {kind: Completions(derivations[kind], domains[kind]) for kind in FACT_MODELS}
        self._reads = {c.rule.id: tuple(_condition_fields(c.expr, derivations[c.rule.applies_to])) for c in book.rules}
        self._outcomes: dict[tuple[Any, ...], bool | None] = {}

    def outcome(self, checked: CheckedRule, values: Mapping[str, Any]) -> bool | None:
        """True when the rule applies, None when it may (unknown facts decide), False when it does not."""
        key = (checked.rule.id, *(_hashable(values.get(f)) for f in self._reads[checked.rule.id]))
        found = self._outcomes.get(key, _MISSING)
        if found is _MISSING:
            found = self._outcomes[key] = self._outcome(checked, values)
        return found  # type: ignore[return-value]

    def _outcome(self, checked: CheckedRule, values: Mapping[str, Any]) -> bool | None:
        kind = checked.rule.applies_to
        certain = self._derived(kind, values)
        if holds3(checked.expr, values, certain) is True:
            return True
        specs = field_specs(kind)
        if not any(spec.question and values.get(name) is None for name, spec in specs.items()):
            return False
        if holds3(checked.expr, values, self._derived(kind, values, maybe=True)) is False:
            return False
        return self._completions[kind].residual(checked.expr, values).outcome

    def seen(self, rule_id: str, values: Mapping[str, Any]) -> Seen:
        checked = self.rules[rule_id]
        outcome = self.outcome(checked, values)
        then = checked.rule.then
        duty = self.book.catalogue.duties.get(then.duty or "")
        deadline = compute(duty.deadline, values) if duty is not None and outcome is not False else None
        return Seen(outcome, then.kind, then.duty, tuple(then.derive), duty.holder if duty else None, deadline)

    def _derived(self, kind: str, values: Mapping[str, Any], *, maybe: bool = False) -> dict[str, bool | None]:
        """The derived facts that follow (True) and, with `maybe`, may follow (None), to a fixpoint."""
        out: dict[str, bool | None] = {}
        changed = True
        while changed:
            changed = False
            for name, rules in self._derivers[kind].items():
                if out.get(name) is True:
                    continue
                for checked in rules:
                    value = holds3(checked.expr, values, out)
                    if value is True or (maybe and value is None and name not in out):
                        out[name] = value
                        changed = True
                        if value is True:
                            break
        return out


_MISSING = object()


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _derivers(book: CheckedRulebook, kind: str) -> dict[str, list[CheckedRule]]:
    found: dict[str, list[CheckedRule]] = {}
    for checked in book.rules:
        if checked.rule.applies_to == kind:
            for name in checked.rule.then.derive:
                found.setdefault(name, []).append(checked)
    return found


def _derivations(derivers: Mapping[str, list[CheckedRule]]) -> Derivations:
    return Derivations({name: [c.expr for c in rules] for name, rules in derivers.items()})


def _condition_fields(expr: Expr | None, derivations: Derivations) -> list[str]:
    """The fields a condition reads, through the rules that derive the facts it needs."""
    return list(dict.fromkeys(t.field for t in derivations.tests_read(expr)))


def _boundaries(tests: Sequence[Test], plus: Any) -> list[Any]:
    """For comparisons `gt/gte/lt/lte v`: each v, the value on either side, and one beyond the ends."""
    marks = sorted({t.value for t in tests if t.op in ("gt", "gte", "lt", "lte")})
    points: list[Any] = []
    for v in marks:
        points.extend((plus(v, -1), v, plus(v, 1)))
    return _dedupe(sorted(points))


def _dedupe(items: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


__all__ = ["ANCHORS", "ORDINARY", "After", "FactSpace", "Judge", "Point", "Seen"]
