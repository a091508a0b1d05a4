"""The year: the standing duties of 2.1-2.3 and 4.2-4.4 as of a date, from a year's record.

The rulebook decides the duties of the year (`{"year": Y}`, kind "year");
the record says what was held, filed and given, and when. A half-year's
meeting counts for the half-year it was held in. A duty the memo dates only
by the year (the directors' item, the combined account) is late once the
year is over; a continuous duty without any date stays open.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..decision import Conclusion
from ..explain import reason_text
from ..rulebook import Rulebook
from .case import YearRecord
from .status import CaseStatus, DutyStatus, Status, slim, sorted_duties

#: Which event does which standing duty, and in which part of the year it counts (month, day from; to).
DONE_BY: dict[str, tuple[str, tuple[int, int], tuple[int, int]]] = {
    "directors_meeting_annual_item": ("directors_meeting_held", (1, 1), (12, 31)),
    "moj_meeting_first_half": ("jd_meeting_held", (1, 1), (6, 30)),
    "moj_meeting_second_half": ("jd_meeting_held", (7, 1), (12, 31)),
    "mfa_meeting_first_half": ("ud_meeting_held", (1, 1), (6, 30)),
    "mfa_meeting_second_half": ("ud_meeting_held", (7, 1), (12, 31)),
    "annual_field_note": ("coordinator_note_filed", (1, 1), (12, 31)),
    "combined_account": ("account_given", (1, 1), (12, 31)),
}


def year_status(record: YearRecord, as_of: date, rulebook: Rulebook | None = None, *,
                keep_decision: bool = True) -> CaseStatus:
    """The standing duties of the record's year and their status on `as_of`."""
    rulebook = rulebook or Rulebook.default()
    decision = rulebook.evaluate({"year": record.year}, kind="year")
    events = record.events_until(as_of)
    case_id = record.id or f"aar-{record.year}"
    duties = [slim(_status(case_id, c, record, events, as_of).model_copy(update={
        "reasons": [reason_text(r, decision, "nb") for r in c.reasons], "interpretation": c.interpretation}))
        for c in decision.conclusions]
    return CaseStatus(case_id=case_id, kind="year", as_of=as_of, facts={"year": record.year},
                      duties=sorted_duties(duties), decision=decision if keep_decision else None)


def _status(case_id: str, c: Conclusion, record: YearRecord, events: list[Any], as_of: date) -> DutyStatus:
    year = record.year
    done_on: date | None = None
    opens_on: date | None = None
    missing: list[str] = []
    generic = [e.date for e in events if e.event == "duty_done" and e.duty in (c.duty_id, c.rule_id)]
    rule = DONE_BY.get(c.duty_id)
    if rule is not None:
        name, start, end = rule
        first, last = date(year, *start), date(year, *end)
        opens_on = first if first > date(year, 1, 1) else None
        hits = [e for e in events if e.event == name and (name == "coordinator_note_filed" or first <= e.date <= last)]
        if name == "coordinator_note_filed" and record.coordinators:
            by = {e.by.casefold(): e.date for e in reversed(hits)}
            missing = [who for who in record.coordinators if who.casefold() not in by]
            done_on = None if missing else max(by[w.casefold()] for w in record.coordinators)
        elif hits:
            done_on = hits[0].date
    if generic and done_on is None:
        done_on = generic[0]
    deadline = c.deadline
    if deadline is None and rule is not None:
        deadline_end = date(year, 12, 31)  # dated by the year only: late once the year is over
    else:
        deadline_end = deadline
    status: Status
    days_left = (deadline - as_of).days if deadline else None
    if done_on is not None:
        status = "done_late" if deadline and done_on > deadline else "done_on_time"
        days_left = None
    elif opens_on and as_of < opens_on:
        status = "not_yet_due"
    elif deadline_end is not None and as_of > deadline_end:
        status = "overdue"
    else:
        status = "open"
    return DutyStatus(
        case_id=case_id, rule_id=c.rule_id, duty_id=c.duty_id, kind=c.kind, title=c.title, holder=c.holder,
        action=c.action, status=status, deadline=deadline, deadline_note=c.deadline_note, opens_on=opens_on,
        days_left=days_left, done_on=done_on, section=c.citation.section, quote=c.citation.quote,
        provision=c.citation.provision, missing=missing, topic=f"året {year}",
    )
