"""Deadlines and standing duties as an iCalendar file, for the calendar the organisation already uses.

Each duty with a date becomes an all-day event on its deadline. The UID
is made from the case and the rule, never from the date or the status, so
a re-export after a deadline moved updates the event instead of adding a
second one. Text is in bokmål.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event

from .. import __version__
from .status import STATUS_TEXT, DutyStatus

DOMAIN = "udi-rules.followup"


def uid(duty: DutyStatus) -> str:
    """A stable id for the duty of one case: the same on every export."""
    digest = hashlib.sha256(f"{duty.case_id}\x00{duty.rule_id}".encode()).hexdigest()[:24]
    return f"{digest}@{DOMAIN}"


def to_ical(duties: list[DutyStatus], *, stamp: datetime | None = None) -> bytes:
    """The duties with a deadline as all-day events; `stamp` fixes DTSTAMP (for reproducible files)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//udi_rules {__version__}//IM 2011-013 oppfølging//NO")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Internasjonale møter – frister")
    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    for duty in sorted(duties, key=lambda d: (d.deadline or date.max, d.case_id, d.rule_id)):
        if duty.deadline is None or duty.status == "no_longer_applies":
            continue
        event = Event()
        event.add("uid", uid(duty))
        event.add("dtstamp", stamp)
        event.add("dtstart", duty.deadline)
        event.add("dtend", duty.deadline + timedelta(days=1))
        where = " – ".join(x for x in (duty.forum, duty.topic) if x)
        event.add("summary", f"Frist: {duty.title.nb}" + (f" ({where})" if where else ""))
        lines = [
            f"Hvem: {duty.holder.name.nb}",
            f"Hva: {duty.action.nb}",
            f"Status: {STATUS_TEXT[duty.status][0]}",
            f"IM 2011-013 punkt {duty.section}: «{duty.quote}»",
        ]
        if duty.deadline_note:
            lines.append(f"Fristen: {duty.deadline_note.nb}")
        event.add("description", "\n".join(lines))
        event.add("categories", [f"IM 2011-013 {duty.section}", STATUS_TEXT[duty.status][0]])
        calendar.add_component(event)
    return calendar.to_ical()
