"""Helpers for the engine tests: fixture rulebooks and meetings to vary.

The fixture rulebooks live in `tests/fixtures/engine/<name>/`. Unless a
fixture brings its own catalogue, it is loaded with the real
`rules/forums.yaml` and `rules/organisation.yaml`, so its facts use the same
forums and departments as the memo's rules.
"""

from __future__ import annotations

import random
import threading
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Callable, Mapping

from udi_rules import Rulebook
from udi_rules import compile as compile_module
from udi_rules.conditions import holds, holds3
from udi_rules.facts import field_specs
from udi_rules.tools.fact_space import ORDINARY
from udi_rules.rule_files import CheckedRulebook
from udi_rules.validate import check_texts

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "engine"
CATALOGUE_FILES = ("forums.yaml", "organisation.yaml")


def meeting(**changes: Any) -> dict[str, Any]:
    """An ordinary EMN expert meeting with every fact known: UDI (ASA) alone, a UDI leader present,
    no signals, no questions of principle, no official minutes. Override what a test needs."""
    base: dict[str, Any] = {
        "forum": "EMN",
        "topic": "Nasjonale kontaktpunkter",
        "first_day": "2027-03-02",
        "last_day": "2027-03-03",
        "responsible_department": "ASA",
        **KNOWN_ORDINARY,
    }
    base.update(changes)
    return base


#: The answers of an ordinary meeting to every question a case officer may leave open (the same ordinary
#: meeting `udi-rules verify` and `diff` start from).
KNOWN_ORDINARY: dict[str, Any] = {
    k: v for k, v in ORDINARY["meeting"].items()
    if k not in ("forum", "topic", "first_day", "last_day", "responsible_department")
}


def request(**changes: Any) -> dict[str, Any]:
    """A request to ASA that concerns ASA and OPA, of which AUA does not know yet."""
    base: dict[str, Any] = {
        "received_by": "ASA",
        "about": "Bidrag til EUAA-rapport",
        "departments_concerned": ["ASA", "OPA"],
        "aua_already_informed": False,
    }
    base.update(changes)
    return base


#: The yes/no questions `sample_meetings` varies freely (a leader and the minutes are drawn on their own).
OPTIONAL_FLAGS = tuple(
    spec.name for spec in field_specs("meeting").values()
    if spec.type == "bool" and spec.question and not spec.computed_from
    and spec.name not in ("udi_leader_attends", "official_minutes_expected")
)


def sample_meetings(count: int, seed: int = 2011) -> list[dict[str, Any]]:
    """`count` different valid meetings, the same for the same seed: every forum, department and flag varies.

    The one place that knows how to make many meetings; engine comparisons
    and the start-up benchmark draw from it.
    """
    catalogue = check_texts(catalogue_texts()).catalogue
    forums = sorted(catalogue.forums)
    departments = sorted(catalogue.departments)
    pick = random.Random(seed)
    out = []
    for _ in range(count):
        first = date(2026, 1, 1) + timedelta(days=pick.randrange(3 * 365))
        facts = meeting(
            forum=pick.choice(forums),
            topic=pick.choice(["Budsjett", "Tolkning", "Asylprosedyrer", "Annet"]),
            first_day=first.isoformat(),
            last_day=(first + timedelta(days=pick.randrange(5))).isoformat(),
            agenda_level=pick.choice(["strategic", "operational", None]),
            meeting_level=pick.choice(["leader", "expert", None]),
            delegation=pick.choice([["ASA"], ["UDI", "JD"], ["UD", "POLICE"], ["OTHER_AGENCY"], None]),
            udi_leader_attends=pick.choice([True, False, None]),
            responsible_department=pick.choice(departments),
        )
        for name in OPTIONAL_FLAGS:
            facts[name] = pick.choice([True, False, False, None])
        if pick.random() < 0.5:
            facts["official_minutes_expected"] = pick.choice([True, None])
            if facts["official_minutes_expected"] and pick.random() < 0.5:
                facts["official_minutes_available_on"] = (first + timedelta(days=pick.randrange(60))).isoformat()
        if pick.random() < 0.5:
            facts["departments_concerned"] = pick.sample(departments, pick.randrange(len(departments) + 1))
        out.append(facts)
    return out


def catalogue_texts() -> dict[str, str]:
    """The real forum and organisation files, as {file name: text}."""
    return {f"rules/{name}": (ROOT / "rules" / name).read_text(encoding="utf-8") for name in CATALOGUE_FILES}


def fixture_texts(name: str, *, with_catalogue: bool = True) -> dict[str, str]:
    folder = FIXTURES / name
    texts = {f"{name}/{p.name}": p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml"))}
    return {**catalogue_texts(), **texts} if with_catalogue else texts


@cache
def fixture_rulebook(
    name: str, *, with_catalogue: bool = True, engine: str | None = None, joined: bool = False
) -> Rulebook:
    """A fixture rulebook, built once per test process and engine (durable-rules never gives all of it back).

    `joined`: compiled with every derived fact asserted and joined on, the path the compiler takes for a
    derived fact it cannot write into the conditions that need it.
    """
    return joined_if(joined, lambda: Rulebook(check_texts(fixture_texts(name, with_catalogue=with_catalogue)), engine=engine))


def joined_if(joined: bool, build: Callable[[], Rulebook]) -> Rulebook:
    """`build()`, with derived facts left to joins when `joined` (see `compile.INLINE_DERIVED`)."""
    if not joined:
        return build()
    compile_module.INLINE_DERIVED = False
    try:
        return build()
    finally:
        compile_module.INLINE_DERIVED = True


# --- a rulebook wide enough for several durable rulesets ------------------------

PADDING = 60


def wide_rules_text(padding: int = PADDING) -> str:
    """`padding` rules that all hold for `meeting()`, around a chain of derived facts.

    The chain runs from the last chunk to the first and back: `z-derives-late`
    (last chunk) derives `late`; `a-uses-late` (first chunk) needs `late` and
    derives `early`; `y-uses-early` (last chunk) needs `early`. `x-early-too`
    (last chunk) derives `early` directly, so it fires before `a-uses-late`
    although it comes after it in the rulebook.
    """
    pads = "\n".join(
        f"""  - id: pad-{i:02d}
    title: {{nb: Fyll {i}, en: Padding {i}}}
    citation: {{section: "4.1", quote: pad}}
    when:
      first_day: {{gt: {(date(2000, 1, 1) + timedelta(days=i)).isoformat()}}}
    then: {{kind: information, duty: note}}"""
        for i in range(padding)
    )
    return f"""
duties:
  - id: note
    title: {{nb: Merk, en: Note}}
    holder: participant
    action: {{nb: Merk deg dette., en: Take note of this.}}
derived_facts:
  - id: late
    description: {{nb: Utledet sist, en: Derived last}}
  - id: early
    description: {{nb: Utledet først, en: Derived first}}
rules:
  - id: a-uses-late
    title: {{nb: A, en: A}}
    citation: {{section: "4.1", quote: a}}
    when: {{derived: late}}
    then: {{kind: duty, duty: note, derive: [early]}}
{pads}
  - id: x-early-too
    title: {{nb: X, en: X}}
    citation: {{section: "4.1", quote: x}}
    when: {{forum: EMN}}
    then: {{derive: [early]}}
  - id: y-uses-early
    title: {{nb: Y, en: Y}}
    citation: {{section: "4.1", quote: y}}
    when: {{derived: early}}
    then: {{kind: duty, duty: note}}
  - id: z-derives-late
    title: {{nb: Z, en: Z}}
    citation: {{section: "4.1", quote: z}}
    when: {{forum: EMN}}
    then: {{derive: [late]}}
"""


@cache
def wide_rulebook(engine: str | None = None, joined: bool = False) -> Rulebook:
    return joined_if(
        joined, lambda: Rulebook(check_texts({**catalogue_texts(), "wide/rules.yaml": wide_rules_text()}), engine=engine)
    )


# --- the rules evaluated directly, without the engine ------------------------------


def direct(book: CheckedRulebook, values: Mapping[str, Any], kind: str = "meeting") -> tuple[list[str], dict[str, list[str]]]:
    """The conclusions (rule ids, rulebook order) and derived facts, by `conditions.holds` and a fixpoint.

    Derived facts are added until a pass adds nothing; then every rule with
    a conclusion is checked once more against the final set.
    """
    rules = [r for r in book.rules if r.rule.applies_to == kind]
    derived: dict[str, list[str]] = {}
    changed = True
    while changed:
        changed = False
        for checked in rules:
            if checked.rule.then.derive and holds(checked.expr, values, derived):
                for name in checked.rule.then.derive:
                    holders = derived.setdefault(name, [])
                    if checked.rule.id not in holders:
                        holders.append(checked.rule.id)
                        changed = True
    order = {r.rule.id: i for i, r in enumerate(book.rules)}
    derived = {name: sorted(holders, key=order.__getitem__) for name, holders in derived.items()}
    conclusions = [r.rule.id for r in rules if r.rule.then.duty and holds(r.expr, values, derived)]
    return conclusions, derived


def direct3(book: CheckedRulebook, values: Mapping[str, Any], kind: str = "meeting") -> tuple[list[str], dict[str, list[str]]]:
    """The rules (any kind of conclusion, rulebook order) and derived facts that certainly hold,
    by `conditions.holds3`: unknown facts are neither true nor false."""
    rules = [r for r in book.rules if r.rule.applies_to == kind]
    derived: dict[str, list[str]] = {}
    certain: dict[str, bool | None] = {}
    changed = True
    while changed:
        changed = False
        for checked in rules:
            if checked.rule.then.derive and holds3(checked.expr, values, certain) is True:
                for name in checked.rule.then.derive:
                    certain[name] = True
                    holders = derived.setdefault(name, [])
                    if checked.rule.id not in holders:
                        holders.append(checked.rule.id)
                        changed = True
    fired = [r.rule.id for r in rules if holds3(r.expr, values, certain) is True]
    return fired, derived


def at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Each call in a thread of its own, all let go together; their results in order (an exception in a
    thread is raised here)."""
    start = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(slot: int) -> None:
        try:
            start.wait()
            results[slot] = calls[slot]()
        except BaseException as error:  # noqa: BLE001 - raised again by the caller's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(slot,)) for slot in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


class CountingDurable:
    """durable_rules_engine, counting the calls of each operation."""

    def __init__(self) -> None:
        from udi_rules import durable_engine  # here: the helpers above serve the python engine without durable-rules

        self.real = durable_engine._dre
        self.calls: dict[str, int] = {}

    def __getattr__(self, name: str) -> Any:
        real = getattr(self.real, name)
        if not callable(real) or isinstance(real, type):
            return real

        def call(*args: Any) -> Any:
            self.calls[name] = self.calls.get(name, 0) + 1
            return real(*args)

        return call
