"""Long runs and many threads: no leak, no stray error, the same decisions on every thread.

These are leak and race checks, not timings: they count errors and compare
decisions and resident memory, never seconds.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from engine_support import at_once, fixture_rulebook, meeting, wide_rulebook
import udi_rules.rulebook as rulebook_module
from udi_rules import InvalidFacts, Rulebook

ROOT = Path(__file__).resolve().parent.parent
PAGE = os.sysconf("SC_PAGE_SIZE")
LEAK_TOLERANCE = 4 << 20  # bytes between the 2,000th and the 10,000th evaluation

MATCHING = [
    meeting(),
    meeting(forum="NU", meeting_level="leader", official_minutes_expected=True),
    meeting(forum="EASO", official_minutes_expected=True, official_minutes_available_on="2027-03-29"),
    meeting(forum="IGC", principled_questions_discussed=True, departments_concerned=["OPA", "RMA"]),
    meeting(forum="GDISC", delegation=["UDI", "JD"], principled_questions_discussed=None),
    meeting(forum="Schengen", invitation_signals_budget_consequences=True, agenda_level="strategic"),
]
NO_RULE = meeting(forum="IGC", official_minutes_expected=True, official_minutes_available_on="2027-03-05")
INVALID = [
    meeting(first_day="2027-13-01"),
    meeting(forum=""),
    meeting(official_minutes_expected=False, official_minutes_available_on="2027-03-20"),
    meeting(topic=""),
    {"forum": "EMN"},
]


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


def inputs(i: int, default: Rulebook, basic: Rulebook) -> tuple[Rulebook, dict[str, Any]]:
    """The i-th evaluation of the mix: mostly matching meetings, some matching nothing, some invalid."""
    if i % 10 == 7:
        return basic, NO_RULE
    if i % 10 == 9:
        return default, INVALID[(i // 10) % len(INVALID)]
    facts = dict(MATCHING[i % len(MATCHING)], topic=f"Møte nr. {i}")  # a new title every time
    return (basic if i % 10 == 3 else default), facts


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads resident memory from /proc")
def test_ten_thousand_mixed_evaluations_raise_only_invalid_facts_and_keep_memory_flat(rulebook):
    basic = fixture_rulebook("basic")
    invalid = conclusions = empty = 0
    marks = {}

    for i in range(1, 10_001):
        book, facts = inputs(i, rulebook, basic)
        try:
            decision = book.evaluate(facts)
        except InvalidFacts:
            invalid += 1
        else:
            conclusions += bool(decision.conclusions)
            empty += not decision.conclusions
        if i in (2_000, 10_000):
            marks[i] = resident_bytes()

    assert invalid == 1_000
    assert empty == 1_000
    assert conclusions == 8_000
    growth = marks[10_000] - marks[2_000]
    assert growth < LEAK_TOLERANCE, f"resident memory grew by {growth / 2**20:.1f} MB over 8,000 evaluations"


@pytest.mark.slow
def test_eight_threads_at_once_give_exactly_the_decisions_of_one_thread(rulebook):
    books = [rulebook, fixture_rulebook("basic"), wide_rulebook()]
    work = [(b, m) for b in books for m in [*MATCHING, NO_RULE]]
    expected = [book.evaluate(facts) for book, facts in work]
    rounds = 15
    results: list[list[Any]] = [[] for _ in range(8)]
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def evaluate(slot: int) -> None:
        try:
            start.wait()
            for r in range(rounds):
                for k in range(len(work)):
                    index = (k + slot + r) % len(work)  # threads meet on different rulebooks
                    book, facts = work[index]
                    results[slot].append((index, book.evaluate(facts)))
                    if k % 7 == slot % 7:
                        with pytest.raises(InvalidFacts):
                            book.evaluate(INVALID[slot % len(INVALID)])
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=evaluate, args=(slot,)) for slot in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)

    assert errors == []
    for slot in range(8):
        assert len(results[slot]) == rounds * len(work)
        for index, decision in results[slot]:
            assert decision == expected[index]


def test_eight_threads_asking_for_the_default_rulebook_at_once_get_the_same_one(monkeypatch):
    monkeypatch.setattr(rulebook_module, "_defaults", {})  # as in a fresh process
    seen = at_once([Rulebook.default] * 8)

    assert len(seen) == 8
    assert all(book is seen[0] for book in seen)


def test_the_soak_runs_invalid_inputs_are_refused() -> None:
    """`make soak` counts its invalid inputs; one that validation accepts makes the run fail for nothing."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.soak import INVALID as SOAK_INVALID

    book = Rulebook.default()
    for facts in SOAK_INVALID:
        with pytest.raises(InvalidFacts):
            book.evaluate(facts)
