"""Steps for section 4.1: how a reporting deadline was counted, in words a policy reader uses.

`step_defs.py` checks the date a deadline lands on; these steps also say *why*:
which day two weeks after the meeting is (so a scenario cannot claim a
holiday that is not one), and whether the deadline was moved off a day that
is not a working day.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

import holidays
from pytest_bdd import parsers, then

from step_defs import Case, _conclusion, norwegian_date

from udi_rules.deadlines import is_working_day

WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MOVED = "så fristen flyttes til"


@lru_cache(maxsize=16)
def _holiday_names(year: int) -> dict:
    """Norwegian public holidays of a year, by date, with their Norwegian names in lower case."""
    days = holidays.country_holidays("NO", years=year, observed=False, language="no")
    return {day: {n.strip().lower() for n in name.split(";")} for day, name in days.items()}


def _describes(day, part: str) -> bool:
    """Whether one word or phrase truly describes the day: a weekday, a public holiday, or a working day."""
    part = part.strip().lower()
    if part in WEEKDAYS:
        return WEEKDAYS[day.weekday()] == part
    if part == "en vanlig arbeidsdag":
        return is_working_day(day)
    if part == "julaften":
        return (day.month, day.day) == (12, 24)
    if part == "nyttårsaften":
        return (day.month, day.day) == (12, 31)
    return part in _holiday_names(day.year).get(day, set())


@then(parsers.re(r"to uker etter møtet er (?P<day>\d{1,2}\. [a-zæøå]+ \d{4}), som er (?P<what>.+)$"))
def two_weeks_after_is(case: Case, day: str, what: str) -> None:
    """Checks the scenario's own calendar: 14 days after the last day, and what kind of day that is."""
    expected = norwegian_date(day)
    last_day = case.facts["last_day"]
    assert last_day + timedelta(days=14) == expected, f"two weeks after {last_day} is {last_day + timedelta(days=14)}"
    parts = [p for p in re.split(r",\s*|\s+og\s+", what) if p.strip()]
    wrong = [p for p in parts if not _describes(expected, p)]
    assert not wrong, f"{expected} ({WEEKDAYS[expected.weekday()]}) is not: {wrong}"


@then(parsers.parse("fristen flyttes fra {day} fordi den dagen ikke er en arbeidsdag"))
def deadline_moved_from(case: Case, day: str) -> None:
    note = _conclusion(case).deadline_note
    norwegian_date(day)  # the scenario names a real date
    assert note is not None and MOVED in note.nb, note
    assert f"{day} (" in note.nb and "er ikke en arbeidsdag" in note.nb, note


@then("fristen flyttes ikke")
def deadline_not_moved(case: Case) -> None:
    conclusion = _conclusion(case)
    assert conclusion.deadline is not None, "the deadline is waiting, not a date"
    assert conclusion.deadline_note is None or MOVED not in conclusion.deadline_note.nb, conclusion.deadline_note
