"""Derived facts in groups that lead to each other, each after the groups it needs, and the tests behind each
fact (`conditions.Derivations`): the order every walk through derived facts relies on."""

from __future__ import annotations

from udi_rules import conditions  # by module: pytest would collect `Test` imported by name
from udi_rules.conditions import All, Any_, Derivations, Derived

FORUM = conditions.Test("forum", "eq", "emn")
LEADER = conditions.Test("meeting_level", "eq", "leader")
SIGNAL = conditions.Test("invitation_signals_law_change", "eq", True)


def test_a_cycle_is_one_group_and_comes_after_the_facts_it_needs():
    derived_by = {
        "a": [Derived("b")],
        "b": [All((Derived("c"), LEADER))],
        "c": [Any_((Derived("a"), Derived("d")))],
        "d": [FORUM],
        "e": [Any_((Derived("e"), SIGNAL))],
    }

    groups = Derivations(derived_by).groups

    assert sorted(map(sorted, groups)) == [["a", "b", "c"], ["d"], ["e"]]
    assert groups.index(frozenset({"d"})) < groups.index(frozenset({"a", "b", "c"}))


def test_a_chain_of_five_thousand_facts_is_grouped_without_running_out_of_stack():
    derived_by = {f"x{i}": [All((Derived(f"x{i - 1}"), LEADER))] for i in range(1, 5000)} | {"x0": [FORUM]}

    groups = Derivations(derived_by).groups

    assert groups == [frozenset({f"x{i}"}) for i in range(5000)]
    assert Derivations(derived_by).behind["x4999"] == (FORUM, LEADER)  # the chain first: x4998 comes before LEADER


def test_the_tests_behind_a_fact_come_in_the_order_its_rules_read_them_each_once():
    derived_by = {"top": [All((SIGNAL, Derived("mid"))), LEADER], "mid": [Any_((FORUM, LEADER))]}

    assert Derivations(derived_by).behind == {"mid": (FORUM, LEADER), "top": (SIGNAL, FORUM, LEADER)}
