"""The engine fires every matching rule, once, in rulebook order, and survives its own failures.

Most tests use small fixture rulebooks in `tests/fixtures/engine/` so that
they pin the engine's behaviour, not the memo's rules, which grow; the
default rulebook is only asked about the 4.1 rules.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

import udi_rules.compile as compile_module
import udi_rules.durable_engine as durable_engine
from engine_support import (
    CountingDurable,
    FIXTURES,
    ROOT,
    catalogue_texts,
    direct,
    fixture_rulebook,
    fixture_texts,
    meeting,
    wide_rulebook,
)
from udi_rules import Decision, EngineError, InvalidFacts, Meeting, Reason, Rulebook, RulebookError
from udi_rules.compile import MAX_WIDTH_PER_CHUNK
from udi_rules.durable_engine import DurableEngine
from udi_rules.validate import check_texts

GOLDEN = ROOT / "tests" / "golden" / "engine-golden.json"
ALLOWED = {"$and", "$or", "$neq", "$gt", "$gte", "$lt", "$lte", "$ex", "$nex"}


@pytest.fixture(scope="module")
def basic() -> Rulebook:
    return fixture_rulebook("basic")


def fired(rulebook: Rulebook, facts: dict[str, Any]) -> list[str]:
    return rulebook.evaluate(facts).rule_ids


# --- every matching rule fires, once ----------------------------------------------


def test_every_rule_that_matches_a_meeting_fires(basic):
    facts = meeting(meeting_level="leader", invitation_signals_law_change=True, principled_questions_discussed=True)

    assert fired(basic, facts) == [
        "a-escalated-letter",
        "b-leader",
        "c-signals",
        "d-minutes-not-early",
        "e-minutes-date-unknown",
        "h-escalate",
        "i-any-derived",
    ]


def test_a_meeting_that_matches_no_rule_gives_a_decision_without_conclusions(basic):
    facts = meeting(
        forum="IGC", official_minutes_expected=True, official_minutes_available_on="2027-03-05"
    )

    decision = basic.evaluate(facts)

    assert decision.conclusions == ()
    assert decision.derived == ()


def test_a_rule_that_needs_a_derived_fact_fires_and_its_reason_names_the_deriving_rule(basic):
    decision = basic.evaluate(meeting(forum="IGC", principled_questions_discussed=True))

    assert "h-escalate" in decision.rule_ids
    assert decision.by_rule("h-escalate").reasons[0] == Reason(derived="flagged", derived_by=["f-principled"])
    assert [(d.id, list(d.derived_by)) for d in decision.derived] == [
        ("flagged", ["f-principled"]),
        ("escalated", ["h-escalate"]),
    ]


def test_a_chain_of_derived_facts_runs_to_its_end_within_one_evaluation(basic):
    decision = basic.evaluate(meeting(forum="EMN"))

    assert decision.by_rule("a-escalated-letter").reasons == (Reason(derived="escalated", derived_by=("h-escalate",)),)


def test_a_fact_derived_by_two_rules_names_both(basic):
    decision = basic.evaluate(meeting(forum="EMN", principled_questions_discussed=True))

    flagged = next(d for d in decision.derived if d.id == "flagged")
    assert list(flagged.derived_by) == ["f-principled", "g-forum"]
    assert [d.rule_id for d in flagged.derivations] == ["f-principled", "g-forum"]
    assert decision.by_rule("h-escalate").reasons[0].derived_by == ("f-principled", "g-forum")


def test_an_any_with_every_branch_true_gives_one_conclusion(basic):
    facts = meeting(
        invitation_signals_law_change=True,
        invitation_signals_budget_consequences=True,
        invitation_signals_political_sensitivity=True,
    )

    decision = basic.evaluate(facts)

    assert decision.rule_ids.count("c-signals") == 1
    assert decision.by_rule("c-signals").reasons == (
        Reason(field="invitation_signals_law_change", operator="eq", expected=True, actual=True),
    )


def test_an_any_of_a_derived_fact_and_a_test_gives_one_conclusion_when_both_hold(basic):
    decision = basic.evaluate(meeting(forum="EMN", meeting_level="leader"))

    assert decision.rule_ids.count("i-any-derived") == 1
    assert len(decision.conclusions) == len(set(decision.rule_ids))


@pytest.mark.parametrize(
    ("available_on", "not_early", "unknown"),
    [
        ("absent", True, True),
        (None, True, True),
        ("2027-03-05", False, False),
        ("2027-03-10", False, False),
        ("2027-03-11", True, False),
    ],
)
def test_a_negated_test_on_an_optional_date_treats_absence_as_the_direct_evaluator_does(
    basic, available_on, not_early, unknown
):
    facts = meeting(official_minutes_expected=True)
    if available_on != "absent":
        facts["official_minutes_available_on"] = available_on
    values = Meeting.model_validate(facts, context={"catalogue": basic.catalogue}).__dict__

    engine = fired(basic, facts)
    expected, _ = direct(basic.checked, values)

    assert ("d-minutes-not-early" in engine, "e-minutes-date-unknown" in engine) == (not_early, unknown)
    assert engine == expected


# --- order ---------------------------------------------------------------------------


def test_conclusions_come_in_rulebook_order_not_in_firing_order(basic):
    decision = basic.evaluate(meeting(meeting_level="leader"))

    # a-escalated-letter fires last (it waits for two derived facts) but comes first in the file
    assert decision.rule_ids[0] == "a-escalated-letter"
    assert decision.rule_ids == [r for r in basic.rule_ids if r in set(decision.rule_ids)]


@pytest.mark.parametrize("joined", [False, True], ids=["inlined", "joined"])
def test_rules_that_derived_a_fact_are_listed_in_rulebook_order_not_in_firing_order(joined):
    decision = wide_rulebook(joined=joined).evaluate(meeting(forum="EMN"))

    early = next(d for d in decision.derived if d.id == "early")
    # x-early-too fires first (the meeting reaches its chunk before `late` reaches a-uses-late's)
    assert list(early.derived_by) == ["a-uses-late", "x-early-too"]
    assert decision.by_rule("y-uses-early").reasons[0].derived_by == ("a-uses-late", "x-early-too")


# --- several durable rulesets --------------------------------------------------------


def test_a_wide_rulebook_is_spread_over_several_durable_rulesets():
    compiled = wide_rulebook().compiled

    chunks = compiled.chunks("meeting")
    assert len(chunks) >= 2
    assert "a-uses-late" in chunks[0]["rules"]
    assert {"x-early-too", "y-uses-early", "z-derives-late"} <= set(chunks[-1]["rules"])


def test_every_rule_of_a_wide_rulebook_fires_when_more_rules_match_than_one_ruleset_holds():
    rulebook = wide_rulebook()

    decision = rulebook.evaluate(meeting(forum="EMN"))

    pads = [r for r in decision.rule_ids if r.startswith("pad-")]
    assert len(pads) == 60 > MAX_WIDTH_PER_CHUNK
    assert decision.rule_ids == ["a-uses-late", *pads, "y-uses-early"]


@pytest.mark.parametrize("joined", [False, True], ids=["inlined", "joined"])
def test_derived_facts_chain_across_rulesets_back_and_forth_within_one_evaluation(joined):
    decision = wide_rulebook(joined=joined).evaluate(meeting(forum="EMN"))

    assert [(d.id, list(d.derived_by)) for d in decision.derived] == [
        ("late", ["z-derives-late"]),
        ("early", ["a-uses-late", "x-early-too"]),
    ]
    assert decision.by_rule("a-uses-late").reasons[0].derived_by == ("z-derives-late",)


@pytest.mark.parametrize("joined", [False, True], ids=["inlined", "joined"])
def test_without_the_fact_that_starts_the_chain_no_rule_of_the_chain_fires(joined):
    decision = wide_rulebook(joined=joined).evaluate(meeting(forum="IGC"))

    assert decision.derived == ()
    assert all(r.startswith("pad-") for r in decision.rule_ids)


# --- derived facts written into the conditions that need them -------------------------


def _counting_asserts(monkeypatch) -> list[str]:
    """Every fact durable-rules is asked to match from now on, in order."""
    real = durable_engine._dre
    asserted: list[str] = []

    class Counting:
        def __getattr__(self, name: str) -> Any:
            if name != "assert_fact":
                return getattr(real, name)

            def assert_fact(handle: int, message: str) -> Any:
                asserted.append(message)
                return real.assert_fact(handle, message)

            return assert_fact

    monkeypatch.setattr(durable_engine, "_dre", Counting())
    return asserted


def test_the_shipped_rules_ask_durable_rules_to_match_one_fact_per_meeting(rulebook, monkeypatch):
    assert not any(chunk.uses for chunks in rulebook._engine._chunks.values() for chunk in chunks)
    asserted = _counting_asserts(monkeypatch)

    decision = rulebook.evaluate(meeting(forum="EMN", principled_questions_discussed=True))

    assert [d.id for d in decision.derived] == ["udi_attends_alone", "ministry_of_justice_absent", "minutes_to_ministry"]
    assert "4.1-brev-til-departementet" in decision.rule_ids  # it needs minutes_to_ministry
    assert len(asserted) == 1, asserted


def test_written_in_or_joined_a_derived_fact_gives_the_same_decisions(basic, monkeypatch):
    joined = fixture_rulebook("basic", joined=True)
    for changes in ({"forum": "EMN"}, {"forum": "EMN", "principled_questions_discussed": True},
                    {"meeting_level": "leader"}, {"forum": "IGC", "invitation_signals_law_change": True}):
        asserted = _counting_asserts(monkeypatch)
        inlined_decision = basic.evaluate(meeting(**changes))
        inlined_asserts = len(asserted)
        joined_decision = joined.evaluate(meeting(**changes))
        monkeypatch.undo()

        assert inlined_decision == joined_decision
        assert inlined_asserts == 1
        assert len(asserted) - inlined_asserts == 1 + len(joined_decision.derived)  # the meeting, each derived fact


def _derivation_rules(*rules: tuple[str, Any, str]) -> str:
    facts = "".join(f"  - id: {n}\n    description: {{nb: {n}, en: {n}}}\n" for n in ("x", "y", "z"))
    body = "".join(
        f"  - id: {rule_id}\n    title: {{nb: {rule_id}, en: {rule_id}}}\n    citation: {{section: \"4.1\", quote: q}}\n"
        + (f"    when: {json.dumps(when)}\n" if when is not None else "")
        + f"    then: {then}\n"
        for rule_id, when, then in rules
    )
    return (
        "duties:\n  - id: note\n    title: {nb: Merk, en: Note}\n    holder: participant\n"
        "    action: {nb: Merk deg dette., en: Take note of this.}\n"
        f"derived_facts:\n{facts}rules:\n{body}"
    )


NOTE = "{kind: information, duty: note}"
CANNOT_BE_WRITTEN_IN = {
    "derived by a rule without condition": [
        ("a-uses", {"all": [{"derived": "x"}, {"forum": "EMN"}]}, NOTE),
        ("b-always", None, "{derive: [x]}"),
    ],
    "derived in a cycle": [
        ("a-uses", {"derived": "x"}, NOTE),
        ("b-starts", {"forum": "EMN"}, "{derive: [y]}"),
        ("c-cycle", {"any": [{"derived": "y"}, {"derived": "z"}]}, "{derive: [x]}"),
        ("d-cycle", {"all": [{"derived": "x"}, {"meeting_level": "leader"}]}, "{derive: [z]}"),
    ],
    "too wide once written in": [
        ("a-uses", {"derived": "x"}, NOTE),
        *[(f"b{i:02d}", {"first_day": {"gt": f"2027-01-{i + 1:02d}"}}, "{derive: [x]}") for i in range(25)],
        *[(f"c{i:02d}", {"last_day": {"gt": f"2027-01-{i + 1:02d}"}}, "{derive: [x]}") for i in range(25)],
    ],
}


@pytest.mark.parametrize("case", sorted(CANNOT_BE_WRITTEN_IN))
def test_a_derived_fact_that_cannot_be_written_in_is_joined_and_answers_as_the_rules_say(case):
    rulebook = Rulebook(check_texts({**catalogue_texts(), "d/rules.yaml": _derivation_rules(*CANNOT_BE_WRITTEN_IN[case])}))
    try:
        assert any(chunk.uses for chunk in rulebook._engine._chunks["meeting"])
        for changes in ({"forum": "EMN"}, {"forum": "EMN", "meeting_level": "leader"}, {"forum": "NU"},
                        {"first_day": "2027-01-02", "last_day": "2027-01-02"}):
            facts = meeting(**changes)
            values = Meeting.model_validate(facts, context={"catalogue": rulebook.catalogue}).__dict__
            decision = rulebook.evaluate(facts)
            expected, derived = direct(rulebook.checked, values)

            assert decision.rule_ids == expected, changes
            assert {d.id: list(d.derived_by) for d in decision.derived} == derived, changes
    finally:
        rulebook.close()


# --- the default rulebook: the 4.1 rules ------------------------------------------------

RULES_41 = [
    "4.1-intern-rapport",
    "4.1-vurder-nytte",
    "4.1-vurder-egne-moter",
    "4.1-intern-rapport-vedlegg",
    "4.1-brev-til-departementet",
    "4.1-brev-vedlegg",
]


def conclusions_41(decision: Decision) -> list[str]:
    return [r for r in decision.rule_ids if r in RULES_41]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, ["4.1-intern-rapport", "4.1-vurder-nytte", "4.1-vurder-egne-moter", "4.1-brev-til-departementet"]),
        ({"forum": "IGC"}, ["4.1-intern-rapport", "4.1-vurder-nytte", "4.1-vurder-egne-moter"]),
        (
            {"forum": "NU", "meeting_level": "leader", "official_minutes_expected": True,
             "official_minutes_available_on": "2027-03-10"},
            RULES_41,
        ),
        (
            {"forum": "EMN", "delegation": ["ASA", "JD"]},
            ["4.1-intern-rapport", "4.1-vurder-nytte", "4.1-vurder-egne-moter"],
        ),
        (
            {
                "forum": "IGC",
                "principled_questions_discussed": True,
                "delegation": ["UDI", "Justisdepartementet"],
            },
            ["4.1-intern-rapport", "4.1-vurder-nytte", "4.1-vurder-egne-moter", "4.1-brev-til-departementet"],
        ),
    ],
)
def test_the_default_rulebook_draws_the_4_1_conclusions_of_the_memo(rulebook, changes, expected):
    assert conclusions_41(rulebook.evaluate(meeting(**changes))) == expected


def test_minutes_to_the_ministry_are_derived_once_with_both_reasons_when_both_rules_hold(rulebook):
    decision = rulebook.evaluate(meeting(forum="EMN", principled_questions_discussed=True))

    minutes = next(d for d in decision.derived if d.id == "minutes_to_ministry")
    assert list(minutes.derived_by) == ["4.1-departementet-forum", "4.1-departementet-prinsipielt"]
    assert decision.rule_ids.count("4.1-brev-til-departementet") == 1


# --- inputs ----------------------------------------------------------------------


def test_a_meeting_model_and_the_same_meeting_as_a_dict_give_equal_decisions(rulebook, basic):
    facts = meeting(official_minutes_expected=True, departments_concerned=["opa", "ASA"], forum="emn")

    for book in (rulebook, basic):
        from_dict = book.evaluate(facts)
        from_model = book.evaluate(Meeting(**facts))
        assert from_model.model_dump() == from_dict.model_dump()


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"forum": "NU", "meeting_level": "leader", "official_minutes_expected": True},
        {"official_minutes_expected": True, "official_minutes_available_on": "2027-03-28"},
        {"principled_questions_discussed": True, "departments_concerned": ["OPA", "RMA"], "delegation": None},
        {"forum": "IGC", "delegation": ["JD", "UDI"], "topic": "Tolkning «§ 28» 🎉"},
        {"forum": "Salzburgforum", "agenda_level": None, "official_minutes_expected": None},
    ],
)
def test_a_decision_survives_a_json_round_trip(rulebook, basic, changes):
    for book in (rulebook, basic, wide_rulebook()):
        decision = book.evaluate(meeting(**changes))

        text = decision.model_dump_json()

        assert Decision.model_validate_json(text) == decision
        assert Decision.model_validate_json(text).model_dump_json() == text


def test_decisions_share_conclusions_that_no_caller_can_change(basic):
    first = basic.evaluate(meeting(forum="EMN"))
    letter = first.by_rule("a-escalated-letter")
    with pytest.raises(AttributeError):
        letter.attachments.clear()  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        letter.rule_id = "other"  # type: ignore[misc]

    second = basic.evaluate(meeting(forum="EMN"))

    # equal facts where it matters: built once (a conclusion whose title holds the free-text topic is not shared)
    assert sum(a is b for a, b in zip(first.conclusions, second.conclusions)) == len(first.conclusions) - 1
    assert second.by_rule("a-escalated-letter") == letter
    assert len(letter.attachments) == 1
    assert [p.id for p in letter.recipients] == ["ministry", "responsible_department"]


def test_parties_and_deadlines_are_filled_in_for_each_meeting(basic):
    asa = basic.evaluate(meeting(forum="EMN", responsible_department="ASA", last_day="2027-03-03"))
    opa = basic.evaluate(meeting(forum="EASO", responsible_department="OPA", first_day="2027-04-01", last_day="2027-04-02"))

    letter_asa, letter_opa = asa.by_rule("a-escalated-letter"), opa.by_rule("a-escalated-letter")
    assert letter_asa.holder.name.en == "the director of ASA"
    assert letter_opa.holder.name.en == "the director of OPA"
    assert letter_asa.document_title == "Brev – EMN – Nasjonale kontaktpunkter"
    assert letter_opa.document_title == "Brev – EUAA – Nasjonale kontaktpunkter"
    assert letter_asa.deadline == date(2027, 3, 17)
    assert letter_opa.deadline == date(2027, 4, 16)


def test_a_bad_input_raises_invalid_facts_naming_the_field(basic):
    with pytest.raises(InvalidFacts) as raised:
        basic.evaluate(meeting(first_day="2027-02-30", forun="EMN"))

    assert sorted(raised.value.fields) == ["first_day", "forun"]
    assert "first_day" in str(raised.value)


def test_a_meeting_the_model_rules_out_raises_invalid_facts_naming_the_field(basic):
    with pytest.raises(InvalidFacts) as raised:
        basic.evaluate(meeting(official_minutes_expected=False, official_minutes_available_on="2027-03-20"))

    assert raised.value.fields == ["official_minutes_expected"]


def test_evaluate_many_with_one_bad_input_raises_with_its_index_and_evaluates_nothing(basic, monkeypatch):
    runs = []
    for name in ("run", "run_many"):
        real = getattr(DurableEngine, name)
        monkeypatch.setattr(DurableEngine, name, lambda self, *a, real=real: runs.append(a) or real(self, *a))
    items = [meeting(), meeting(forum="IGC"), meeting(forum=""), meeting()]

    with pytest.raises(InvalidFacts) as raised:
        basic.evaluate_many(items)

    assert raised.value.index == 2
    assert raised.value.fields == ["forum"]
    assert "#2" in str(raised.value)
    assert runs == []


def test_evaluate_many_gives_the_decisions_of_evaluate_in_input_order(basic):
    items = [meeting(forum=f) for f in ("EMN", "IGC", "NU", "EASO")]

    assert basic.evaluate_many(items) == [basic.evaluate(item) for item in items]


# --- threads, failures and the engine's life --------------------------------------------


def test_building_a_rulebook_and_evaluating_starts_no_threads():
    before = threading.active_count()

    rulebook = Rulebook(check_texts(fixture_texts("basic")))
    rulebook.evaluate(meeting())
    rulebook.evaluate_many([meeting(forum="IGC"), meeting(meeting_level="leader")])

    assert threading.active_count() == before
    rulebook.close()


class FailingDurable:
    """durable_rules_engine, except that the `nth` call of `operation` raises the engine's error."""

    def __init__(self, operation: str, nth: int, code: int = 303, times: int = 1):
        self.real = durable_engine._dre
        self.operation, self.nth, self.code, self.times = operation, nth, code, times
        self.calls = 0

    def __getattr__(self, name: str) -> Any:
        real = getattr(self.real, name)
        if name != self.operation:
            return real

        def call(*args: Any) -> Any:
            self.calls += 1
            if self.nth <= self.calls < self.nth + self.times:
                raise self.real.error(f"Could not {name}, error code: {self.code}")
            return real(*args)

        return call


@pytest.mark.parametrize(
    ("operation", "nth"),
    [
        ("assert_fact", 1),  # the meeting itself
        ("assert_fact", 2),  # the derived fact, in the middle of the agenda
        ("start_action_for_state", 1),
        ("complete_and_start_action", 2),
    ],
)
def test_a_failure_inside_durable_raises_engine_error_and_the_next_evaluation_is_right(monkeypatch, operation, nth):
    basic = fixture_rulebook("basic", joined=True)  # its derived facts are asserted: the second fact is one
    facts = meeting(forum="EMN", principled_questions_discussed=True)
    expected = basic.evaluate(facts)
    monkeypatch.setattr(durable_engine, "_dre", FailingDurable(operation, nth))

    with pytest.raises(EngineError, match="error code: 303"):
        basic.evaluate(facts)

    assert basic.evaluate(facts) == expected  # a session left behind would make this assert "seen before"
    monkeypatch.undo()
    assert basic.evaluate(facts) == expected


@pytest.mark.parametrize(
    ("operation", "nth"),
    [
        ("assert_fact", 1),
        ("start_action_for_state", 1),
        ("complete_and_start_action", 2),
        ("retract_fact", 1),  # the answer was found, but the session still holds the fact
    ],
)
def test_a_failure_in_the_kept_session_raises_engine_error_and_the_next_evaluation_is_right(
    basic, monkeypatch, operation, nth
):
    facts = meeting(forum="EMN", principled_questions_discussed=True)
    expected = basic.evaluate(facts)
    monkeypatch.setattr(durable_engine, "_dre", FailingDurable(operation, nth))

    with pytest.raises(EngineError, match="error code: 303"):
        basic.evaluate(facts)

    assert basic.evaluate(facts) == expected  # the session was deleted: no "seen before", no stale fact
    monkeypatch.undo()
    assert basic.evaluate(facts) == expected


def test_a_ruleset_that_joins_on_nothing_keeps_its_session_and_retracts_each_fact(basic, monkeypatch):
    """Making a session is half of what durable-rules does per fact; an emptied one serves the next."""
    counting = CountingDurable()
    monkeypatch.setattr(durable_engine, "_dre", counting)
    facts = [meeting(forum="EMN"), meeting(forum="EMN"), meeting(forum="GDISC", principled_questions_discussed=True)]

    decisions = [basic.evaluate(f) for f in facts]

    assert counting.calls.get("delete_state", 0) == 0
    assert counting.calls["retract_fact"] == counting.calls["assert_fact"] == 3
    monkeypatch.undo()
    assert decisions == [fixture_rulebook("basic", joined=True).evaluate(f) for f in facts]


def test_a_fact_left_in_the_kept_session_does_not_make_the_next_evaluation_fail(basic):
    """Should the session still hold the fact (a retract that did nothing), the session is made anew."""
    facts = meeting(forum="EMN")
    expected = basic.evaluate(facts)
    values = Meeting.model_validate(facts, context={"catalogue": basic.catalogue}).rule_values()
    message = durable_engine._message(basic.compiled.encode("meeting", values), named=True)
    dre, handle = durable_engine._dre, basic._engine._chunks["meeting"][0].handle
    code, offset = dre.assert_fact(handle, message)  # an evaluation whose retract did nothing: its rules have fired
    assert code != 2
    payload = (dre.start_action_for_state(handle, offset) or (None, None))[1]
    while payload:
        payload = dre.complete_and_start_action(handle, offset)

    assert basic.evaluate(facts) == expected


def test_the_fact_of_an_evaluation_is_named_so_durable_rules_need_not_hash_it():
    """durable-rules names an unnamed fact by hashing all its values, on assert and again on retract."""
    named = durable_engine._message({"t": "meeting", "forum": "emn"}, named=True)
    assert named == '{"sid":"udi","id":"fact","t":"meeting","forum":"emn"}'
    assert durable_engine._message({"t": "meeting"}) == '{"sid":"udi","t":"meeting"}'
    assert json.loads(durable_engine._message({"t": "meeting", "id": 7}, named=True)) == {"t": "meeting", "id": 7, "sid": "udi"}
    assert json.loads(durable_engine._message({}, named=True)) == {"sid": "udi", "id": "fact"}


def test_a_thousand_failures_leave_no_session_behind(basic, monkeypatch):
    facts = meeting(forum="EMN")
    expected = basic.evaluate(facts)
    failing = FailingDurable("complete_and_start_action", 1, times=1100)
    monkeypatch.setattr(durable_engine, "_dre", failing)

    for _ in range(1100):  # durable-rules allows 1024 live sessions per ruleset
        with pytest.raises(EngineError):
            basic.evaluate(facts)

    assert basic.evaluate(facts) == expected


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({f"p{i}": i for i in range(300)}, 302),  # too many properties for one fact
        ({"big": 1e20}, 204),  # a float durable cannot parse
    ],
)
def test_a_fact_durable_refuses_raises_engine_error_and_the_engine_stays_usable(basic, extra, code):
    engine = DurableEngine(basic.compiled)
    good = basic.compiled.encode("meeting", Meeting.model_validate(meeting(), context={"catalogue": basic.catalogue}).__dict__)
    expected = engine.run("meeting", good)

    with pytest.raises(EngineError, match=f"code {code}"):
        engine.run("meeting", {**good, **extra})

    assert engine.run("meeting", good) == expected
    engine.close()


def test_a_fact_that_is_not_json_raises_engine_error(basic):
    engine = DurableEngine(basic.compiled)

    with pytest.raises(EngineError, match="JSON"):
        engine.run("meeting", {"t": "meeting", "when": object()})
    with pytest.raises(EngineError, match="JSON"):
        engine.run("meeting", {"t": "meeting", "x": float("nan")})
    engine.close()


@pytest.fixture(scope="module")
def joined_basic() -> Rulebook:
    """`basic` with its derived facts asserted and joined on: a session per evaluation, deleted after it."""
    return fixture_rulebook("basic", joined=True)


def test_a_session_that_could_not_be_deleted_is_deleted_before_the_next_evaluation(joined_basic, monkeypatch):
    basic = joined_basic
    facts = meeting(forum="EMN")
    expected = basic.evaluate(facts)
    monkeypatch.setattr(durable_engine, "_dre", FailingDurable("delete_state", 1, code=307))

    assert basic.evaluate(facts) == expected  # the answer was complete; only the clean-up failed
    assert basic.evaluate(facts) == expected  # ... and this one first deletes what was left


def test_the_engine_refuses_to_evaluate_while_an_old_session_cannot_be_deleted(joined_basic, monkeypatch):
    basic = joined_basic
    facts = meeting(forum="EMN")
    expected = basic.evaluate(facts)
    monkeypatch.setattr(durable_engine, "_dre", FailingDurable("delete_state", 1, code=307, times=3))

    basic.evaluate(facts)
    with pytest.raises(EngineError, match="previous session"):
        basic.evaluate(facts)
    with pytest.raises(EngineError, match="previous session"):
        basic.evaluate(facts)

    assert basic.evaluate(facts) == expected


def test_a_kept_session_whose_failure_could_not_be_deleted_is_deleted_before_the_next_evaluation(basic, monkeypatch):
    facts = meeting(forum="EMN")
    expected = basic.evaluate(facts)
    failing = FailingDurable("complete_and_start_action", 1)
    monkeypatch.setattr(durable_engine, "_dre", failing)
    deleting = FailingDurable("delete_state", 1, code=307)
    deleting.real = failing  # the evaluation fails, and so does deleting its session
    monkeypatch.setattr(durable_engine, "_dre", deleting)

    with pytest.raises(EngineError):
        basic.evaluate(facts)
    assert basic._engine._stale  # remembered
    assert basic.evaluate(facts) == expected  # deleted first, then a new session


def test_a_closed_rulebook_refuses_to_evaluate_instead_of_finding_nothing():
    rulebook = Rulebook(check_texts(fixture_texts("basic")))
    rulebook.close()

    with pytest.raises(EngineError, match="closed"):
        rulebook.evaluate(meeting())


def test_a_rule_may_have_the_id_the_engine_once_used_for_its_sentinel():
    text = (FIXTURES / "basic" / "rules.yaml").read_text(encoding="utf-8").replace("id: b-leader", "id: zz_sentinel")
    rulebook = Rulebook(check_texts({**catalogue_texts(), "sentinel/rules.yaml": text}))

    assert "zz_sentinel" in rulebook.evaluate(meeting(meeting_level="leader")).rule_ids
    rulebook.close()


# --- the compiled form ----------------------------------------------------------------


def durable_tests(node: Any):
    """Every (key, value) of a compiled condition, operators and leaves alike."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            if key in ("$and", "$or"):
                for item in value:
                    yield from durable_tests(item)
            elif key.startswith("$"):
                yield from durable_tests(value)


@pytest.mark.parametrize("name", ["default", "basic", "golden", "property", "wide"])
def test_the_compiler_emits_only_operators_durable_rules_evaluates_and_plain_equality(rulebook, name):
    book = {
        "default": rulebook,
        "wide": wide_rulebook(),
        "golden": fixture_rulebook("golden", with_catalogue=False),
    }.get(name) or fixture_rulebook(name)

    seen = set()
    for kind in book.compiled.kinds():
        for chunk in book.compiled.chunks(kind):
            for rule in chunk["rules"].values():
                for pattern in rule["all"]:
                    for key, value in durable_tests(next(iter(pattern.values()))):
                        if key.startswith("$"):
                            seen.add(key)
                        else:
                            assert type(value) in (str, int, bool), (rule, key, value)
    assert seen <= ALLOWED
    if name in ("golden", "property"):
        assert {"$and", "$or", "$neq", "$gt", "$lte", "$ex", "$nex"} <= seen  # the fixtures use them all


def test_a_compiled_test_with_an_operator_durable_ignores_is_refused_at_load(monkeypatch):
    real_test = compile_module._test

    def with_ne(test, negated, **kwargs):
        node = real_test(test, negated, **kwargs)
        return {"$ne": node["$neq"]} if "$neq" in node else node

    monkeypatch.setattr(compile_module, "_test", with_ne)
    text = "\n".join(
        [
            "duties: [{id: note, title: {nb: M, en: N}, holder: participant, action: {nb: M, en: N}}]",
            "rules:",
            "  - {id: not-emn, title: {nb: M, en: N}, citation: {section: '4.1', quote: q},",
            "     when: {not: {forum: EMN}}, then: {kind: duty, duty: note}}",
        ]
    )

    with pytest.raises(RulebookError) as raised:
        Rulebook(check_texts({**catalogue_texts(), "ne/rules.yaml": text}))

    assert [d.code for d in raised.value.diagnostics] == ["engine-cannot-run"]
    assert "`$ne`" in raised.value.diagnostics[0].en


def test_the_compiled_fixture_matches_its_golden_file():
    compiled = json.loads(json.dumps(fixture_rulebook("golden", with_catalogue=False).compiled.data))
    if os.environ.get("UDI_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(compiled, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))

    assert compiled == golden, (
        f"the compiled form of tests/fixtures/engine/golden/ differs from {GOLDEN.relative_to(ROOT)}. "
        "If the change is intended, refresh it with "
        "`UDI_UPDATE_GOLDEN=1 python -m pytest tests/test_engine.py -k golden` and review the diff."
    )


def test_the_golden_fixture_evaluates_as_its_rules_say():
    rulebook = fixture_rulebook("golden", with_catalogue=False)
    facts = meeting(
        forum="GDISC",
        meeting_level="leader",
        official_minutes_expected=True,
        official_minutes_available_on="2027-04-02",
        departments_concerned=["ASA"],
        responsible_department="ASA",
    )

    assert rulebook.evaluate(facts).rule_ids == [
        "always",
        "spring-2027",
        "minutes-given-not-on-1-april",
        "minutes-late-or-unknown",
        "concerns-asa-not-opa",
        "flagged-or-signals",
    ]


def test_a_decision_built_without_validation_is_what_pydantic_would_build(basic):
    decision = basic.evaluate(meeting(forum="EMN", principled_questions_discussed=True, official_minutes_expected=True))

    validated = Decision.model_validate(decision.model_dump())

    assert validated == decision
    assert decision.model_dump_json() == validated.model_dump_json()  # the same fields, in the same order
    built_models = [decision, *decision.conclusions, *decision.derived]
    built_models += [r for c in decision.conclusions for r in c.reasons] + [c.citation for c in decision.conclusions]
    for built in built_models:
        assert list(built.__dict__) == list(type(built).model_fields)
        assert built.model_fields_set == set(type(built).model_fields)


@pytest.mark.parametrize("nth", [1, 2])  # the meeting, then the derived fact
def test_a_fact_durable_takes_for_one_seen_before_raises_engine_error_instead_of_losing_it(monkeypatch, nth):
    basic = fixture_rulebook("basic", joined=True)  # its derived facts are asserted: the second fact is one
    facts = meeting(forum="EMN")
    expected = basic.evaluate(facts)
    real = durable_engine._dre
    calls = []

    class SeenBefore(FailingDurable):
        def __getattr__(self, name: str) -> Any:
            if name != "assert_fact":
                return getattr(real, name)

            def assert_fact(handle: int, message: str) -> tuple[int, int]:
                calls.append(message)
                code, offset = real.assert_fact(handle, message)
                return (2 if len(calls) == nth else code), offset

            return assert_fact

    monkeypatch.setattr(durable_engine, "_dre", SeenBefore("assert_fact", nth))

    with pytest.raises(EngineError, match="seen before"):
        basic.evaluate(facts)

    assert basic.evaluate(facts) == expected
