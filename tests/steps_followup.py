"""Steps for following a meeting (or a year) over time: dated events, then the status of each duty on a day.

A scenario builds a case the way a unit keeps it, one event after another,
and asks for the status on a date; the duties are named by their rules'
Norwegian titles, the statuses by the words the register shows.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from step_defs import norwegian_date, rule_id_for_title

from followup_support import case_data
from udi_rules import Rulebook
from udi_rules.followup import read_case
from udi_rules.followup.status import STATUS_TEXT, CaseStatus, DutyStatus
from udi_rules.followup.year import year_status
from udi_rules.followup import case_status

STATUS_WORDS = {nb: key for key, (nb, _) in STATUS_TEXT.items()}
_DATE = r"(?P<dag>\d{1,2}\. [a-zæøå]+ \d{4})"

GOOD_REPORT = {"document_type": "Internt notat (X)", "template": "Intern rapportering fra møte – internasjonale fora",
               "recipients": ["AUA ved Internasjonal enhet", "ASA"], "copies": ["Kari Nordmann"],
               "minutes_attached": True}
REPORT_FAULTS: dict[str, dict[str, Any]] = {
    "en tittel uten forum og tema": {"title": "Referat fra møte"},
    "bare ASA som mottaker": {"recipients": ["ASA"]},
    "uten det offisielle referatet": {"minutes_attached": False},
    "malen «Notat»": {"template": "Notat"},
    "dokumenttypen «Notat»": {"document_type": "Notat"},
    "ingen fagpersoner i kopi": {"copies": []},
}
GOOD_LETTER = {"sender": "avdelingsdirektør", "document_type": "Brev ut",
               "template": "UDIs rapportering fra møte – internasjonale fora", "recipients": ["JD"], "copies": ["IGS"],
               "attachments": ["offisielt referat"]}
LETTER_FAULTS: dict[str, dict[str, Any]] = {
    "som internt notat": {"document_type": "Internt notat (X)"},
    "fra en seniorrådgiver": {"sender": "seniorrådgiver"},
    "uten kopi til AUA": {"copies": []},
    "uten det offisielle referatet": {"attachments": []},
}
LEARNED = {
    "sekretariatet lager offisielt referat": {"official_minutes_expected": True},
    "det ikke kommer noe offisielt referat": {"official_minutes_expected": False},
    "spørsmål av prinsipiell karakter ble drøftet": {"principled_questions_discussed": True},
}
YEAR_EVENTS = {"Justisdepartementet": "jd_meeting_held", "Utenriksdepartementet": "ud_meeting_held"}


class Followed:
    """The case a scenario follows: its data, and the status once asked for."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.status: CaseStatus | None = None
        self.current: DutyStatus | None = None

    def add(self, event: str, day: str, **fields: Any) -> None:
        self.data.setdefault("events", []).append({"event": event, "date": str(norwegian_date(day)), **fields})

    def duty(self, title: str) -> DutyStatus:
        assert self.status is not None, "ask for the status first: «Når status tas <dato>»"
        rule_id = rule_id_for_title(Rulebook.default(), title)
        found = [d for d in self.status.duties if d.rule_id == rule_id]
        assert found, f"«{title}» is not among the duties: {[d.rule_id for d in self.status.duties]}"
        self.current = found[0]
        return found[0]


@pytest.fixture
def sak() -> Followed:
    return Followed()


# --- Gitt: the case and its events ------------------------------------------------------------

@given(parsers.re(r"en sak for et møte i (?P<forum>\S+) fra (?P<first>.+) til (?P<last>\d{1,2}\. [a-zæøå]+ \d{4})$"))
def a_case(sak: Followed, forum: str, first: str, last: str) -> None:
    sak.data = case_data(first_day=str(norwegian_date(first)), last_day=str(norwegian_date(last)), forum=forum)


@given(parsers.re(r"innkallingen kom " + _DATE + "$"))
def request_received(sak: Followed, dag: str) -> None:
    sak.add("request_received", dag, by="ASA")


@given(parsers.re(r"deltakelsen ble klarert " + _DATE + "$"))
def cleared(sak: Followed, dag: str) -> None:
    sak.add("participation_cleared", dag)


@given(parsers.re(r"møtet ble holdt " + _DATE + "$"))
def held(sak: Followed, dag: str) -> None:
    sak.add("meeting_held", dag)


@given(parsers.re(r"UDI trakk seg " + _DATE + "$"))
def withdrew(sak: Followed, dag: str) -> None:
    sak.add("udi_withdrew", dag)


@given(parsers.re(_DATE + r" ble det kjent at (?P<hva>" + "|".join(map(re.escape, LEARNED)) + ")$"))
def learned(sak: Followed, dag: str, hva: str) -> None:
    sak.add("facts_learned", dag, facts=LEARNED[hva])


@given(parsers.re(r"det offisielle referatet kom " + _DATE + "$"))
def minutes(sak: Followed, dag: str) -> None:
    sak.add("minutes_received", dag)


def _title(sak: Followed) -> str:
    meeting = sak.data["meeting"]
    return f"Intern rapportering fra møte – {meeting['forum']} – {meeting['topic']}"


@given(parsers.re(r"rapporten ble arkivert " + _DATE + r" i riktig form$"))
def report_right(sak: Followed, dag: str) -> None:
    sak.add("report_filed", dag, title=_title(sak), **GOOD_REPORT)


@given(parsers.re(r"rapporten ble arkivert " + _DATE + r" med (?P<feil>" + "|".join(map(re.escape, REPORT_FAULTS)) + ")$"))
def report_wrong(sak: Followed, dag: str, feil: str) -> None:
    sak.add("report_filed", dag, **{"title": _title(sak), **GOOD_REPORT, **REPORT_FAULTS[feil]})


@given(parsers.re(r"brevet til departementet ble sendt " + _DATE + r" i riktig form$"))
def letter_right(sak: Followed, dag: str) -> None:
    sak.add("letter_sent", dag, **GOOD_LETTER)


@given(parsers.re(r"brevet til departementet ble sendt " + _DATE + r" (?P<feil>"
                  + "|".join(map(re.escape, LETTER_FAULTS)) + ")$"))
def letter_wrong(sak: Followed, dag: str, feil: str) -> None:
    sak.add("letter_sent", dag, **{**GOOD_LETTER, **LETTER_FAULTS[feil]})


# --- Gitt: the year ----------------------------------------------------------------------------

@given(parsers.re(r"årets oppfølging for (?P<aar>\d{4}) med koordinatorene (?P<navn>.+)$"))
def a_year(sak: Followed, aar: str, navn: str) -> None:
    sak.data = {"year": int(aar), "coordinators": [n.strip() for n in re.split(r",\s*|\s+og\s+", navn)]}


@given(parsers.re(r"møtet med (?P<dep>Justisdepartementet|Utenriksdepartementet) ble holdt " + _DATE + "$"))
def ministry_meeting(sak: Followed, dep: str, dag: str) -> None:
    sak.add(YEAR_EVENTS[dep], dag)


@given(parsers.re(r"koordinatoren for (?P<navn>\S+) leverte notatet sitt " + _DATE + "$"))
def note_filed(sak: Followed, navn: str, dag: str) -> None:
    sak.add("coordinator_note_filed", dag, by=navn)


@given(parsers.re(r"direktørmøtet behandlet saken om det internasjonale arbeidet " + _DATE + "$"))
def directors(sak: Followed, dag: str) -> None:
    sak.add("directors_meeting_held", dag)


@given(parsers.re(r"den samlede redegjørelsen ble gitt " + _DATE + "$"))
def account(sak: Followed, dag: str) -> None:
    sak.add("account_given", dag)


# --- Når ----------------------------------------------------------------------------------------

@when(parsers.re(r"status tas " + _DATE + "$"))
def take_status(sak: Followed, dag: str) -> None:
    record = read_case(json.dumps(sak.data, ensure_ascii=False), "scenario.json")
    day = norwegian_date(dag)
    if "year" in sak.data:
        sak.status = year_status(record, day)  # type: ignore[arg-type]
    else:
        sak.status = case_status(record, day)  # type: ignore[arg-type]


# --- Så -------------------------------------------------------------------------------------------

@then(parsers.re(r"er «(?P<tittel>.+)» (?P<status>" + "|".join(map(re.escape, STATUS_WORDS)) + ")$"))
def has_status(sak: Followed, tittel: str, status: str) -> None:
    duty = sak.duty(tittel)
    assert duty.status == STATUS_WORDS[status], f"«{tittel}»: {STATUS_TEXT[duty.status][0]}, not {status}"


@then(parsers.re(r"har den (?P<n>\d+) dager igjen$"))
def days_left(sak: Followed, n: str) -> None:
    assert sak.current is not None and sak.current.days_left == int(n), sak.current


@then(parsers.re(r"fristen for «(?P<tittel>.+)» er " + _DATE + "$"))
def deadline_of(sak: Followed, tittel: str, dag: str) -> None:
    duty = sak.duty(tittel)
    assert duty.deadline == norwegian_date(dag), duty.deadline


@then(parsers.re(r"fristen for «(?P<tittel>.+)» venter på referatet, men er senest " + _DATE + "$"))
def deadline_waits(sak: Followed, tittel: str, dag: str) -> None:
    duty = sak.duty(tittel)
    assert duty.deadline_window is not None and duty.deadline_window[1] == norwegian_date(dag), duty.deadline_window


@then(parsers.re(r"er avviket at (?P<tekst>.+), med internmeldingens ord fra punkt (?P<punkt>[\d.]+)$"))
def finding(sak: Followed, tekst: str, punkt: str) -> None:
    assert sak.current is not None
    assert len(sak.current.findings) == 1, [f.message.nb for f in sak.current.findings]
    [found] = sak.current.findings
    assert tekst in found.message.nb and found.section == punkt and found.quote, found


@then("har den ingen avvik fra formen")
def no_findings(sak: Followed) -> None:
    assert sak.current is not None and sak.current.findings == [], [f.message.nb for f in sak.current.findings]


@then(parsers.re(r"mangler notatet fra (?P<navn>.+)$"))
def missing_note(sak: Followed, navn: str) -> None:
    assert sak.current is not None
    assert sak.current.missing == [n.strip() for n in re.split(r",\s*|\s+og\s+", navn)], sak.current.missing
