"""The Norwegian step vocabulary that binds `features/*.feature` to the rulebook.

A handful of patterns serve every scenario: "Gitt" sets up a meeting (or a
year) in plain words, "Når reglene vurderes" evaluates it, and "Så gjelder
«tittel»" finds a rule by its Norwegian title, so a scenario reads like the
memo and still names exactly one rule. Rule coverage is read from these
lines by `test_scenario_coverage.py`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from engine_support import meeting

from udi_rules import Conclusion, Decision, Rulebook
from udi_rules.tools.scenario_facts import DELEGATION as _DELEGATION
from udi_rules.tools.scenario_facts import FLAGS as _FLAGS

MONTHS = [
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
]


def norwegian_date(text: str) -> date:
    """'3. mars 2027' → date(2027, 3, 3)."""
    match = re.fullmatch(r"\s*(\d{1,2})\.\s+([a-zæøå]+)\s+(\d{4})\s*", text)
    if not match or match.group(2) not in MONTHS:
        raise ValueError(f"not a Norwegian date: {text!r} (write e.g. '3. mars 2027')")
    return date(int(match.group(3)), MONTHS.index(match.group(2)) + 1, int(match.group(1)))


def rule_id_for_title(rulebook: Rulebook, title: str) -> str:
    """The id of the rule whose bokmål title is `title`; fails loudly on no match."""
    matches = [r.rule.id for r in rulebook.checked.rules if r.rule.title.nb == title]
    assert matches, f"no rule has the title «{title}»"
    assert len(matches) == 1, f"several rules have the title «{title}»: {matches}"
    return matches[0]


class Case:
    """The facts a scenario builds up, and the decision once evaluated."""

    def __init__(self) -> None:
        self.kind = "meeting"
        self.facts: dict[str, Any] = {}
        self.decision: Decision | None = None
        self.current: Conclusion | None = None

    def set(self, **values: Any) -> None:
        self.facts.update(values)
        self.decision = None


def _meeting(forum: str, first: date, last: date) -> dict[str, Any]:
    # What a scenario does not mention is the ordinary case: an operational
    # expert meeting, UDI alone, a UDI leader present, ASA responsible.
    return meeting(forum=forum, topic="Tema for møtet", first_day=first, last_day=last)


@pytest.fixture
def case() -> Case:
    return Case()


# --- Gitt: the meeting ---------------------------------------------------------------

@given(parsers.re(r"et møte i (?P<forum>\S+) som avsluttes (?P<day>.+)$"))
def one_day_meeting(case: Case, forum: str, day: str) -> None:
    d = norwegian_date(day)
    case.set(**_meeting(forum, d, d))


@given(parsers.re(r"et møte i (?P<forum>\S+) fra (?P<first>.+) til (?P<last>.+)$"))
def multi_day_meeting(case: Case, forum: str, first: str, last: str) -> None:
    case.set(**_meeting(forum, norwegian_date(first), norwegian_date(last)))


@given(parsers.re(r"et møte i (?P<forum>\S+)$"))
def some_meeting(case: Case, forum: str) -> None:
    case.set(**_meeting(forum, date(2027, 3, 3), date(2027, 3, 3)))


@given(parsers.parse("året {year:d}"))
def planning_year(case: Case, year: int) -> None:
    case.kind = "year"
    case.set(year=year)


# The sentences and the facts they set are one table, shared with `udi-rules diff` and `verify`.


@given(parsers.re(r"(?P<sentence>" + "|".join(re.escape(k) for k in _DELEGATION) + r")$"))
def delegation_in_words(case: Case, sentence: str) -> None:
    add, remove = _DELEGATION[sentence]
    members = [m for m in case.facts.get("delegation") or ["UDI"] if m not in remove]
    case.set(delegation=sorted(set(members) | set(add)))


@given("det er ukjent hvem som deltar fra Norge")
def delegation_unknown(case: Case) -> None:
    case.set(delegation=None)


@given(parsers.re(r"(?P<sentence>" + "|".join(re.escape(k) for k in _FLAGS) + r")$"))
def a_fact_in_words(case: Case, sentence: str) -> None:
    case.set(**_FLAGS[sentence])


@given(parsers.parse("det offisielle referatet foreligger {day}"))
def minutes_available(case: Case, day: str) -> None:
    case.set(official_minutes_expected=True, official_minutes_available_on=norwegian_date(day))


@given(parsers.parse("ansvarlig avdeling er {department}"))
def responsible(case: Case, department: str) -> None:
    case.set(responsible_department=department)


@given(parsers.re(r"en henvendelse om å bidra internasjonalt til (?P<department>\S+)$"))
def a_request(case: Case, department: str) -> None:
    case.kind = "request"
    case.set(received_by=department, departments_concerned=[], aua_already_informed=False)


@given("AUA kjenner allerede til henvendelsen")
def aua_knows(case: Case) -> None:
    case.set(aua_already_informed=True)



@given(parsers.re(r"(møtet|henvendelsen) berører arbeidet i (?P<departments>.+)$"))
def concerned(case: Case, departments: str) -> None:
    names = [d.strip() for d in re.split(r",| og ", departments) if d.strip()]
    case.set(departments_concerned=names)


@given(parsers.parse("temaet er «{topic}»"))
def topic(case: Case, topic: str) -> None:
    case.set(topic=topic)


# --- Når ---------------------------------------------------------------------------

@when("reglene vurderes")
def evaluate(case: Case, rulebook: Rulebook) -> None:
    case.decision = rulebook.evaluate(case.facts, kind=case.kind)


# --- Så ------------------------------------------------------------------------------

def _decision(case: Case) -> Decision:
    assert case.decision is not None, "the scenario needs «Når reglene vurderes» first"
    return case.decision


def _fired(decision: Decision) -> set[str]:
    return set(decision.rule_ids) | {rule for d in decision.derived for rule in d.derived_by}


@then(parsers.parse("gjelder «{title}»"))
def rule_applies(case: Case, rulebook: Rulebook, title: str) -> None:
    rule_id = rule_id_for_title(rulebook, title)
    decision = _decision(case)
    assert rule_id in _fired(decision), f"«{title}» ({rule_id}) did not apply:\n{decision.explain('nb')}"
    case.current = next((c for c in decision.conclusions if c.rule_id == rule_id), None)


@then(parsers.parse("gjelder ikke «{title}»"))
def rule_does_not_apply(case: Case, rulebook: Rulebook, title: str) -> None:
    rule_id = rule_id_for_title(rulebook, title)
    decision = _decision(case)
    assert rule_id not in _fired(decision), f"«{title}» ({rule_id}) applied:\n{decision.explain('nb')}"
    case.current = None  # a following «Og ...» must not check an earlier conclusion


@then("gjelder ingen regler")
def nothing_applies(case: Case) -> None:
    decision = _decision(case)
    assert not decision.conclusions and not decision.derived, decision.explain("nb")


def _conclusion(case: Case) -> Conclusion:
    assert case.current is not None, "«Og ...» about a conclusion must follow «Så gjelder «tittel»» with a conclusion"
    return case.current


@then(parsers.re(r"fristen er (?P<day>\d{1,2}\. [a-zæøå]+ \d{4})$"))
def deadline_is(case: Case, day: str) -> None:
    assert _conclusion(case).deadline == norwegian_date(day)


@then("fristen venter på det offisielle referatet")
def deadline_waits(case: Case) -> None:
    conclusion = _conclusion(case)
    assert conclusion.deadline is None and conclusion.deadline_note is not None
    assert "venter på offisielt referat" in conclusion.deadline_note.nb


@then(parsers.parse("plikten ligger hos {holder}"))
def holder_is(case: Case, holder: str) -> None:
    assert _conclusion(case).holder.name.nb == holder


@then(parsers.parse("avsender er {sender}"))
def sender_is(case: Case, sender: str) -> None:
    conclusion = _conclusion(case)
    assert conclusion.sender is not None and conclusion.sender.name.nb == sender


@then(parsers.parse("den sendes til {recipients}"))
def recipients_are(case: Case, recipients: str) -> None:
    assert _listed([p.name.nb for p in _conclusion(case).recipients]) == recipients


@then(parsers.parse("kopi går til {copies}"))
def copies_are(case: Case, copies: str) -> None:
    assert _listed([p.name.nb for p in _conclusion(case).copies]) == copies


@then(parsers.parse("dokumenttypen er «{value}»"))
def document_type_is(case: Case, value: str) -> None:
    assert _conclusion(case).document_type == value


@then(parsers.parse("malen er «{value}»"))
def template_is(case: Case, value: str) -> None:
    assert _conclusion(case).template == value


@then(parsers.parse("tittelen er «{value}»"))
def title_is(case: Case, value: str) -> None:
    assert _conclusion(case).document_title == value


@then(parsers.parse("vedlegget er {attachment}"))
def attachment_is(case: Case, attachment: str) -> None:
    assert attachment in [a.nb for a in _conclusion(case).attachments]


@then(parsers.parse("begrunnelsen nevner «{text}»"))
def explanation_mentions(case: Case, text: str) -> None:
    assert text in _decision(case).explain("nb")


def _listed(names: list[str]) -> str:
    """['A', 'B', 'C'] → 'A, B og C', the way a scenario lists them.

    Comparing the rendered list (instead of splitting the scenario's text)
    keeps names that themselves contain "og" or commas intact.
    """
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]
