"""What only explains a decision is worked out when it is first read, and nobody can tell but the clock.

`derived`, `not_applying` and `names` are left out of a new decision and filled in
on first reading, or when the decision is serialised, compared, copied or pickled.
These tests hold every way in to the same values, in the same field order, as a
decision that was explained at once.
"""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest
from pydantic import BaseModel

from udi_rules import Decision, Rulebook
from udi_rules.decision import EXPLANATION_FIELDS

from engine_support import at_once, meeting, request, sample_meetings

FIELDS = list(Decision.model_fields)


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return Rulebook.default()


def explained_at_once(book: Rulebook, facts: dict[str, Any], kind: str = "meeting") -> dict[str, Any]:
    decision = book.evaluate(facts, kind=kind)
    for name in EXPLANATION_FIELDS:  # read first: the decision fills them in
        getattr(decision, name)
    return decision.model_dump(mode="json")


CASES = [
    ("meeting", meeting(forum="EMN", principled_questions_discussed=True)),
    ("meeting", meeting(forum="Frontex", delegation=["UDI", "POLICE"])),
    ("meeting", {k: v for k, v in meeting(forum="Schengen").items() if k == "forum" or k.endswith("day") or k in ("topic", "responsible_department")}),
    ("meeting", meeting(forum="Ukjent forum")),
    ("request", request()),
]


def test_a_new_decision_leaves_the_explanation_to_be_worked_out(book: Rulebook) -> None:
    decision = book.evaluate(meeting(forum="EMN"))
    assert EXPLANATION_FIELDS.isdisjoint(decision.__dict__)
    assert decision.not_applying  # read: filled in
    assert EXPLANATION_FIELDS <= set(decision.__dict__)
    assert list(decision.__dict__) == FIELDS


@pytest.mark.parametrize("kind,facts", CASES)
def test_every_way_in_gives_the_same_decision(book: Rulebook, kind: str, facts: dict[str, Any]) -> None:
    expected = explained_at_once(book, facts, kind)
    assert list(expected) == FIELDS

    assert book.evaluate(facts, kind=kind).model_dump(mode="json") == expected
    assert json.loads(book.evaluate(facts, kind=kind).model_dump_json()) == expected
    assert pickle.loads(pickle.dumps(book.evaluate(facts, kind=kind))).model_dump(mode="json") == expected
    assert copy.deepcopy(book.evaluate(facts, kind=kind)).model_dump(mode="json") == expected
    assert copy.copy(book.evaluate(facts, kind=kind)).model_dump(mode="json") == expected
    assert dict(book.evaluate(facts, kind=kind))["not_applying"] == book.evaluate(facts, kind=kind).not_applying
    assert "not_applying=" in repr(book.evaluate(facts, kind=kind))

    class Response(BaseModel):  # a service's own model with a decision in it: serialised by pydantic-core
        decision: Decision

    nested = json.loads(Response(decision=book.evaluate(facts, kind=kind)).model_dump_json())
    assert nested["decision"] == expected


@pytest.mark.parametrize("kind,facts", CASES)
def test_decisions_compare_equal_whether_explained_or_not(book: Rulebook, kind: str, facts: dict[str, Any]) -> None:
    fresh, other = book.evaluate(facts, kind=kind), book.evaluate(facts, kind=kind)
    other.names
    assert fresh == other and other == fresh
    assert Decision.model_validate_json(book.evaluate(facts, kind=kind).model_dump_json()) == book.evaluate(facts, kind=kind)
    changed = {**facts, "topic": "Et annet tema"} if kind == "meeting" else {**facts, "about": "Et annet tema"}
    assert book.evaluate(facts, kind=kind) != book.evaluate(changed, kind=kind)


def test_explanations_of_many_meetings_match_their_own_evaluation(book: Rulebook) -> None:
    meetings = sample_meetings(60, seed=1311)
    many = book.evaluate_many(meetings)
    for facts, decision in zip(meetings, many):
        assert decision.model_dump(mode="json") == explained_at_once(book, facts)


def test_threads_reading_one_new_decision_see_one_explanation(book: Rulebook) -> None:
    decisions = [book.evaluate(facts) for facts in sample_meetings(20, seed=7)]
    expected = [explained_at_once(book, facts) for facts in sample_meetings(20, seed=7)]
    seen = at_once([lambda: [d.model_dump(mode="json") for d in decisions]] * 8)

    assert len(seen) == 8
    assert all(found == expected for found in seen)


def test_the_json_schema_is_the_one_of_the_fields() -> None:
    """The wrapping serialiser must not hide the fields from a schema in serialisation mode (FastAPI uses it)."""
    assert Decision.model_json_schema(mode="serialization") == Decision.model_json_schema(mode="validation")


def test_a_decision_writes_itself_with_the_fields_serialiser_even_after_one_is_validated(book: Rulebook) -> None:
    # Decision's own serialiser would wrap the fields' one (twice the time for model_dump_json). The fields' one
    # is put in its place on the first write, and again after pydantic has built Decision's own (on the first
    # validation of a decision).
    from pydantic_core import SchemaSerializer

    from udi_rules.decision import _DecisionData

    decision = book.evaluate(meeting())
    written = decision.model_dump_json()
    Decision.model_validate_json(written)
    Decision.model_validate(decision.model_dump())
    assert decision.model_dump_json() == written

    assert isinstance(Decision.__pydantic_serializer__, SchemaSerializer)
    assert Decision.__pydantic_serializer__ is _DecisionData.__pydantic_serializer__
