"""For any valid meeting, durable-rules, the python engine and a direct evaluation of the same conditions agree.

The direct side is `udi_rules.conditions.holds` on the parsed conditions,
with derived facts chased to a fixpoint in plain Python
(`engine_support.direct`); the engine side is `Rulebook.evaluate`, which
runs the compiled rules in durable-rules, and the same with
`engine="python"`, whose whole decision must be equal. Meetings are drawn over every
field, with only the combinations the model accepts.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from engine_support import catalogue_texts, direct, direct3, fixture_rulebook, meeting, wide_rulebook
from udi_rules import Meeting, PlanningYear, Rulebook
from udi_rules.evaluate import DecisionBuilder
from udi_rules.facts import field_specs
from udi_rules.validate import check_texts

CATALOGUE = check_texts(catalogue_texts()).catalogue
FORUM_NAMES = sorted(
    {name for f in CATALOGUE.forums.values() for name in (f.id, f.name.nb, f.name.en, *f.aliases)}
    | {f.id.upper() for f in CATALOGUE.forums.values()}
)
DEPARTMENTS = sorted(CATALOGUE.departments)
DEPARTMENT_NAMES = DEPARTMENTS + [d.lower() for d in DEPARTMENTS]
# the dates the fixture rules compare with, and their neighbours
EDGES = [date(2027, 1, 31), date(2027, 3, 3), date(2027, 6, 30), date(2027, 7, 1), date(2027, 8, 31), date(2027, 12, 1)]
EDGE_DAYS = [d + timedelta(days=k) for d in EDGES for k in (-1, 0, 1)]

#: The yes/no questions of a meeting (the minutes are drawn on their own, below).
OPEN_BOOLS = [
    spec.name for spec in field_specs("meeting").values()
    if spec.type == "bool" and spec.question and not spec.computed_from and spec.name != "official_minutes_expected"
]
MEMBERS = ["UDI", "JD", "Justisdepartementet", "UD", "OTHER_MINISTRY", "politiet", "OTHER_AGENCY", *DEPARTMENTS]
ABSENT = object()


def days(low: date, high: date) -> st.SearchStrategy[date]:
    return st.one_of(st.dates(low, high), st.sampled_from([d for d in EDGE_DAYS if low <= d <= high] or [low]))


@st.composite
def meetings(draw: st.DrawFn, *, known: bool = False) -> dict[str, Any]:
    """A meeting as a service would send it: names in any known spelling, and unless `known`,
    any of the open facts left out (unknown) or given as null."""

    def maybe(value: Any) -> Any:
        return value if known else draw(st.sampled_from([value, value, ABSENT, None]))

    first = draw(days(date(2026, 1, 1), date(2028, 12, 31)))
    last = first + timedelta(days=draw(st.integers(0, 4)))
    facts: dict[str, Any] = {
        "forum": draw(st.one_of(st.sampled_from(FORUM_NAMES), st.sampled_from(["Salzburg", "EMM", "Europol"]))),
        "topic": draw(st.one_of(st.sampled_from(["Budsjett", "Tolkning", "Annet"]), st.text(min_size=1, max_size=30).filter(str.strip))),
        "first_day": draw(st.sampled_from([first, first.isoformat()])),
        "last_day": last.isoformat(),
        "responsible_department": draw(st.sampled_from(DEPARTMENT_NAMES)),
        "agenda_level": maybe(draw(st.sampled_from(["strategic", "operational"]))),
        "meeting_level": maybe(draw(st.sampled_from(["leader", "expert"]))),
        "delegation": maybe(draw(st.lists(st.sampled_from(MEMBERS), max_size=5))),
    }
    for name in OPEN_BOOLS:
        facts[name] = maybe(draw(st.booleans()))
    expected = maybe(draw(st.booleans()))
    facts["official_minutes_expected"] = expected
    if expected is not False and draw(st.booleans()):
        facts["official_minutes_available_on"] = draw(days(first, first + timedelta(days=200)))
    if draw(st.booleans()):
        facts["departments_concerned"] = draw(st.lists(st.sampled_from(DEPARTMENT_NAMES), max_size=6))
    return {k: v for k, v in facts.items() if v is not ABSENT}


def rulebook_named(name: str, engine: str = "durable") -> Rulebook:
    if name == "default":
        return Rulebook.default(engine=engine)
    return wide_rulebook(engine) if name == "wide" else fixture_rulebook(name, engine=engine)


def check_agreement(name: str, facts: dict[str, Any]) -> None:
    """What the engine fires is what the direct three-valued evaluation says certainly holds, and the python
    engine gives the same decision as durable-rules."""
    book = rulebook_named(name)
    model = Meeting.model_validate(facts, context={"catalogue": book.catalogue})
    values = model.rule_values()
    fired, derived = book._engine.run("meeting", book.compiled.encode("meeting", values))

    conclusions, certain = direct3(book.checked, values)

    assert sorted(fired, key=book.rule_ids.index) == conclusions
    assert {name: sorted(rules) for name, rules in derived.items()} == {n: sorted(r) for n, r in certain.items()}
    decision = book.evaluate(facts)
    if not model.unknown():
        assert decision.rule_ids == direct(book.checked, values)[0]
    assert rulebook_named(name, "python").evaluate(facts) == decision


@pytest.mark.parametrize("name", ["default", "property", "basic", "wide"])
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts=meetings())
@example(facts=meeting())
@example(facts=meeting(official_minutes_expected=True, official_minutes_available_on="2027-07-01"))
@example(facts=meeting(delegation=None, departments_concerned=["rma", "ASA", "asa"]))
@example(facts=meeting(forum="nu", meeting_level="leader", delegation=["UD", "POLICE"]))
def test_both_engines_and_the_direct_evaluation_agree_on_every_conclusion(name, facts):
    check_agreement(name, facts)


@settings(max_examples=50, deadline=None)
@given(facts=meetings())
def test_a_meeting_model_gives_the_decision_of_its_dict(facts):
    book = fixture_rulebook("property")

    assert book.evaluate(Meeting(**facts)).model_dump() == book.evaluate(facts).model_dump()


@pytest.mark.parametrize("name", ["default", "wide"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(meetings(), min_size=2, max_size=130))
def test_a_batch_gives_each_meeting_its_own_decision(name, batch):
    """`evaluate_many` (durable batches with `cap`, joins on each fact's index) is `evaluate` meeting by meeting."""
    book = rulebook_named(name)

    many = book.evaluate_many(batch)

    assert [d.model_dump() for d in many] == [book.evaluate(facts).model_dump() for facts in batch]


@pytest.mark.parametrize("name", ["default", "property"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=st.lists(meetings(), min_size=1, max_size=12), facts=meetings())
@example(  # a derived fact that may follow, after one that certainly does not: two different reasons not to apply
    history=[meeting(forum="emn", delegation=["UDI", "JD"], official_minutes_expected=False)],
    facts=meeting(forum="emn", delegation=None, principled_questions_discussed=None, official_minutes_expected=False),
)
def test_a_decision_does_not_depend_on_what_the_rulebook_decided_before(name, history, facts):
    """The parts a rulebook keeps and shares between decisions are found again only where they fit: after
    any meetings before it, a meeting gets the decision a rulebook that has decided nothing gives it."""
    book = rulebook_named(name)
    for earlier in history:
        book.evaluate(earlier)
    decision = book.evaluate(facts)
    model = Meeting.model_validate(facts, context={"catalogue": book.catalogue})
    fired, derived = book._run("meeting", model.rule_values())

    fresh = DecisionBuilder(book.checked).build(model, fired, derived)

    assert decision.model_dump(mode="json") == fresh.model_dump(mode="json")


def test_both_engines_and_the_direct_evaluation_agree_for_every_planning_year():
    book = Rulebook.default()
    python = Rulebook.default(engine="python")

    for year in range(2011, 2101):
        decision = book.evaluate({"year": year}, kind="year")
        conclusions, derived = direct(book.checked, PlanningYear(year=year).__dict__, kind="year")
        assert (decision.rule_ids, {d.id: list(d.derived_by) for d in decision.derived}) == (conclusions, derived), year
        assert book.evaluate(PlanningYear(year=year)) == decision
        assert python.evaluate({"year": year}, kind="year") == decision
