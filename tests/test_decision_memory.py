"""A kept decision is small: its parts are shared, and what is its own holds only values.

The memory goal (10,000 kept decisions) is measured by `make bench`; these tests pin
the mechanisms it rests on, so that a change that undoes one fails here first.
"""

from __future__ import annotations

import sys

from udi_rules import Rulebook

from engine_support import meeting


def test_meetings_on_the_same_dates_share_their_conclusions() -> None:
    book = Rulebook.default()
    one = book.evaluate(meeting(topic="Første tema"))
    other = book.evaluate(meeting(topic="Annet tema"))
    assert [c.rule_id for c in one.conclusions] == [c.rule_id for c in other.conclusions]
    shared = [a is b for a, b in zip(one.conclusions, other.conclusions)]
    assert sum(shared) >= len(shared) - 2  # all but those whose document title holds the topic


def test_a_conclusion_of_its_own_dates_holds_only_values() -> None:
    """A meeting on new dates gets dated copies; their dicts share their keys with the class (CPython)."""
    book = Rulebook.default()
    decision = book.evaluate(meeting(first_day="2031-09-15", last_day="2031-09-16"))
    for conclusion in decision.conclusions:
        assert sys.getsizeof(conclusion.__dict__) < sys.getsizeof(dict(conclusion.__dict__)) / 2, conclusion.rule_id
        assert list(conclusion.__dict__) == list(type(conclusion).model_fields)  # the JSON's order


def test_department_names_in_the_facts_are_the_catalogues_own() -> None:
    book = Rulebook.default()
    first = book.evaluate(meeting(responsible_department="asa"))
    second = book.evaluate(meeting(responsible_department="Asa"))
    assert first.facts["responsible_department"] == "ASA"
    assert first.facts["responsible_department"] is second.facts["responsible_department"]
