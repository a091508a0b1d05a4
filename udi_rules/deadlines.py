"""Deadline arithmetic: the parameters live in the rule files, the counting lives here."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Mapping

import holidays

from .facts import field_specs
from .model import DateInYear, MeetingDeadline, Text


@lru_cache(maxsize=64)
def _norwegian_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("NO", years=year, observed=False))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a Norwegian public holiday."""
    return day.weekday() < 5 and day not in _norwegian_holidays(day.year)


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def compute(rule: MeetingDeadline | DateInYear | None, values: Mapping[str, Any]) -> tuple[date | None, Text | None]:
    """The deadline for these facts, and a note that says how it was counted."""
    if rule is None:
        return None, None
    if isinstance(rule, DateInYear):
        month, day = map(int, rule.date_in_year.split("-"))
        due = date(values["year"], month, day)
        return _adjust(due, rule.non_working_day, Text(nb=f"{due.isoformat()}", en=f"{due.isoformat()}"))
    start: date = values[rule.from_]
    due = start + timedelta(days=rule.days_after)
    label = field_specs("meeting")[rule.from_]
    if rule.days_after:
        note = Text(
            nb=f"{rule.days_after} dager etter «{label.nb.lower()}» ({start.isoformat()}): {due.isoformat()}",
            en=f"{rule.days_after} days after '{label.en.lower()}' ({start.isoformat()}): {due.isoformat()}",
        )
    else:
        note = Text(nb=f"«{label.nb.lower()}»: {due.isoformat()}", en=f"'{label.en.lower()}': {due.isoformat()}")
    if rule.later_of is not None:
        later: date | None = values.get(rule.later_of)
        waiting = rule.pending_when is not None and bool(values.get(rule.pending_when))
        if later is None and waiting:
            return None, Text(
                nb=note.nb + "; venter på offisielt referat, så fristen er når det foreligger (innen rimelig tid)",
                en=note.en + "; waiting for official minutes, so the deadline is when they are available "
                "(within reasonable time)",
            )
        if later is not None and later > due:
            due = later
            note = Text(
                nb=note.nb + f"; offisielt referat foreligger senere ({later.isoformat()}), så fristen flyttes dit",
                en=note.en + f"; official minutes are available later ({later.isoformat()}), so the deadline moves there",
            )
    return _adjust(due, rule.non_working_day, note)


def _adjust(due: date, policy: str, note: Text) -> tuple[date, Text]:
    if policy == "keep" or is_working_day(due):
        return due, note
    moved = next_working_day(due)
    return moved, Text(
        nb=note.nb + f"; {due.isoformat()} er ikke en arbeidsdag, så fristen flyttes til {moved.isoformat()}",
        en=note.en + f"; {due.isoformat()} is not a working day, so the deadline moves to {moved.isoformat()}",
    )
