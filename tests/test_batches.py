"""`evaluate_many` on durable-rules, answering exactly as one evaluation per meeting.

Rules that join on derived facts go in batches with `cap`: the batch rulesets
join derived facts on each fact's index, and a batch whose sentinels miss a
fact is run again fact by fact. Rules that join on nothing (the shipped ones)
go one fact at a time through the session their ruleset keeps, which costs
less. These tests hold both to `evaluate` on many meetings of every kind, at
batch boundaries, with the fall-back forced, on threads, and on failure (no
partial answer).
"""

from __future__ import annotations

from typing import Any

import pytest

from udi_rules import EngineError, Meeting, Request, Rulebook
from udi_rules import durable_engine
from udi_rules.durable_engine import BATCH, DurableEngine
from udi_rules.rulebook import default_rules_path

from engine_support import CountingDurable, at_once, joined_if, meeting, request, sample_meetings


@pytest.fixture(scope="module", params=[False, True], ids=["inlined", "joined"])
def book(request: pytest.FixtureRequest) -> Rulebook:
    """The shipped rulebook, with its derived facts written into the conditions that need them (as it runs),
    and with them asserted and joined on each fact's index (the path of facts that cannot be written in)."""
    return joined_if(request.param, lambda: Rulebook.load(default_rules_path(), engine="durable"))


@pytest.fixture(scope="module")
def joined_book() -> Rulebook:
    """The shipped rulebook with its derived facts joined on: the rulebook that goes in batches."""
    return joined_if(True, lambda: Rulebook.load(default_rules_path(), engine="durable"))


def answers(decisions: list[Any]) -> list[dict[str, Any]]:
    return [d.model_dump(mode="json") for d in decisions]


def test_a_batch_answers_as_one_evaluation_per_meeting(book: Rulebook) -> None:
    meetings = sample_meetings(2 * BATCH + 37, seed=2013)  # two full batches and a part of one
    assert answers(book.evaluate_many(meetings)) == answers([book.evaluate(m) for m in meetings])


def test_the_engine_gives_each_fact_its_own_answer_across_batch_boundaries(book: Rulebook) -> None:
    engine: DurableEngine = book._engine
    meetings = [Meeting.model_validate(m, context={"catalogue": book.catalogue}) for m in sample_meetings(BATCH + 3, seed=5)]
    facts = [book.compiled.encode("meeting", m.rule_values()) for m in meetings]
    many = engine.run_many("meeting", facts)
    one_by_one = [engine.run("meeting", fact) for fact in facts]
    assert [(fired, {k: sorted(v) for k, v in derived.items()}) for fired, derived in many] == [
        (fired, {k: sorted(v) for k, v in derived.items()}) for fired, derived in one_by_one
    ]
    assert any(derived for _, derived in many), "the sample must derive facts, or what they join on is not tested"


def test_mixed_kinds_and_unknown_facts_keep_their_order(book: Rulebook) -> None:
    items: list[Any] = [
        meeting(forum="EMN"),
        Request.model_validate(request(), context={"catalogue": book.catalogue}),
        {"forum": "Schengen", "topic": "Ukjent", "first_day": "2027-05-03", "last_day": "2027-05-04",
         "responsible_department": "RMA"},
        meeting(forum="GDISC", meeting_level="leader", principled_questions_discussed=True),
        Request.model_validate(request(aua_already_informed=True), context={"catalogue": book.catalogue}),
    ]
    assert answers(book.evaluate_many(items)) == answers([book.evaluate(item) for item in items])


def test_a_batch_the_sentinels_doubt_is_run_again_fact_by_fact(joined_book: Rulebook, monkeypatch: pytest.MonkeyPatch) -> None:
    """As when durable's 32-bit message hash makes two facts of a batch one: the answer stays exact."""
    book = joined_book
    meetings = sample_meetings(BATCH + 10, seed=77)
    book.evaluate_many(meetings[:2])  # the batch rulesets built (and warmed up with a batch of one)
    expected = answers([book.evaluate(m) for m in meetings])
    real = DurableEngine._assert_batch
    doubted: list[int] = []

    def once_doubtful(self: DurableEngine, chunk: Any, messages: list[str], start: int, *rest: Any) -> Any:
        found = real(self, chunk, messages, start, *rest)
        if start == 0 and not doubted:
            doubted.append(len(messages))
            return None
        return found

    single: list[int] = []
    real_run = DurableEngine.run
    monkeypatch.setattr(DurableEngine, "_assert_batch", once_doubtful)
    monkeypatch.setattr(DurableEngine, "run", lambda self, *a: single.append(1) or real_run(self, *a))
    assert answers(book.evaluate_many(meetings)) == expected
    assert doubted == [BATCH] and len(single) == BATCH  # the first batch again, one by one; the rest as a batch


def test_a_failing_batch_returns_nothing(joined_book: Rulebook, monkeypatch: pytest.MonkeyPatch) -> None:
    book = joined_book

    def refuse(handle: int, text: str) -> Any:
        raise durable_engine._dre.error("Could not assert facts, error code: 303")

    monkeypatch.setattr(durable_engine._dre, "assert_facts", refuse)
    with pytest.raises(EngineError, match="refused the facts"):
        book.evaluate_many(sample_meetings(5, seed=1))
    monkeypatch.undo()
    meetings = sample_meetings(5, seed=1)  # the session was deleted: the next batch starts clean
    assert answers(book.evaluate_many(meetings)) == answers([book.evaluate(m) for m in meetings])


def test_rules_that_join_on_nothing_go_one_fact_at_a_time_through_the_kept_session(monkeypatch: pytest.MonkeyPatch) -> None:
    book = Rulebook.load(default_rules_path(), engine="durable")
    assert set(book._engine._kept) == set(book._engine._chunks)  # every kind keeps its session
    counting = CountingDurable()
    meetings = sample_meetings(BATCH + 5, seed=3)
    monkeypatch.setattr(durable_engine, "_dre", counting)
    found = answers(book.evaluate_many(meetings))
    monkeypatch.undo()

    calls = {name: n for name, n in counting.calls.items() if name.startswith(("assert", "delete", "retract"))}
    assert calls == {"assert_fact": BATCH + 5, "retract_fact": BATCH + 5}  # no batch, no new session
    assert found == answers([book.evaluate(m) for m in meetings])
    book.close()


def test_the_kept_session_takes_a_batch_of_facts_for_each_hold_of_the_lock() -> None:
    """Taking the lock and a session for each fact cost about a tenth of what durable-rules does for it."""
    book = Rulebook.load(default_rules_path(), engine="durable")
    engine = book._engine
    held = []

    class CountingLock:
        def __init__(self, lock: Any) -> None:
            self.lock = lock

        def __enter__(self) -> None:
            held.append(1)
            self.lock.__enter__()

        def __exit__(self, *exc: Any) -> None:
            self.lock.__exit__(*exc)

    engine._lock = CountingLock(engine._lock)
    meetings = sample_meetings(2 * BATCH + 1, seed=4)
    found = answers(book.evaluate_many(meetings))

    assert len(held) == 3
    assert found == answers([book.evaluate(m) for m in meetings])
    book.close()


def test_a_failure_in_the_middle_of_many_returns_nothing_and_the_next_call_is_right(
    book: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    meetings = sample_meetings(2 * BATCH, seed=8)
    expected = answers([book.evaluate(m) for m in meetings])
    real = durable_engine._dre
    seen = [0]

    class FailingLate:
        def __getattr__(self, name: str) -> Any:
            found = getattr(real, name)
            if name not in ("assert_fact", "assert_facts"):
                return found

            def call(*args: Any) -> Any:
                seen[0] += 1
                if seen[0] == 2:  # the second fact (or batch) in
                    raise real.error("Could not assert, error code: 303")
                return found(*args)

            return call

    monkeypatch.setattr(durable_engine, "_dre", FailingLate())
    with pytest.raises(EngineError, match="303"):
        book.evaluate_many(meetings)
    monkeypatch.undo()

    assert answers(book.evaluate_many(meetings)) == expected


def test_threads_sharing_a_rulebook_get_their_own_batches(book: Rulebook) -> None:
    work = [sample_meetings(BATCH + 20, seed=s) for s in range(6)]
    expected = [answers([book.evaluate(m) for m in meetings]) for meetings in work]
    found = at_once([lambda meetings=meetings: answers(book.evaluate_many(meetings)) for meetings in work])

    assert found == expected


def test_a_closed_rulebook_refuses_a_batch() -> None:
    book = Rulebook.load(default_rules_path(), engine="durable")
    book.close()
    with pytest.raises(EngineError, match="closed"):
        book.evaluate_many([meeting(), meeting(forum="IGC")])


def test_rules_with_one_condition_are_one_durable_rule_standing_for_each(book: Rulebook) -> None:
    """The shipped rules that hold for every meeting cost one action, and each still fires by name."""
    engine: DurableEngine = book._engine
    compiled = {name for kind in book.compiled.kinds() for chunk in book.compiled.chunks(kind) for name in chunk["rules"]}
    members = [m for group in engine._members.values() for m in group]
    assert sorted(members) == sorted(compiled)  # each compiled rule stands in exactly one durable rule
    assert len(engine._members) < len(compiled)
    always = next(group for group in engine._members.values() if "3.1-vurder-konkret" in group)
    assert len(always) > 1
    fired, _ = engine.run("meeting", {"t": "meeting"})
    assert {book.compiled.rule_of[m] for m in always} <= fired
