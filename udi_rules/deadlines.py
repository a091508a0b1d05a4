"""Deadline arithmetic: the parameters live in the rule files, the counting lives here.

Each computed deadline comes with a note in both languages that says how it
was counted, so a reader can check it against the memo by hand.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Callable, Mapping

from .facts import field_specs
from .model import DateInYear, MeetingDeadline, Text
from .public_holidays import holidays_in

_MONTHS = {
    "nb": ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
_WEEKEND = {"nb": ("lørdag", "søndag"), "en": ("Saturday", "Sunday")}


def _holidays(year: int, lang: str) -> Mapping[date, str]:
    """The year's public holidays with their names in `lang` (the table is built once per year)."""
    table = holidays_in(year)
    return {day: names[0] if lang == "nb" else names[1] for day, names in table.items()}


def format_date(day: date, lang: str) -> str:
    """'30. mars 2027' in bokmål, '30 March 2027' in English."""
    month = _MONTHS[lang][day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "nb" else f"{day.day} {month} {day.year}"


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a Norwegian public holiday."""
    return day.weekday() < 5 and day not in holidays_in(day.year)


def next_working_day(day: date) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def _why_not_working(day: date, lang: str) -> str:
    name = _holidays(day.year, lang).get(day)
    if name:
        return name.lower() if lang == "nb" else name
    return _WEEKEND[lang][day.weekday() - 5]


def _text(make: Callable[[str], str]) -> Text:
    return Text(nb=make("nb"), en=make("en"))


def compute(rule: MeetingDeadline | DateInYear | None, values: Mapping[str, Any]) -> tuple[date | None, Text | None]:
    """The deadline for these facts, and a note that says how it was counted."""
    if rule is None:
        return None, None
    if isinstance(rule, DateInYear):
        month, day = map(int, rule.date_in_year.split("-"))
        due = date(values["year"], month, day)
        return _adjust(due, rule.non_working_day, [])
    start: date = values[rule.from_]
    due = start + timedelta(days=rule.days_after)
    label = field_specs("meeting")[rule.from_]
    words = {"nb": label.nb[0].lower() + label.nb[1:], "en": label.en[0].lower() + label.en[1:]}
    if rule.days_after:
        parts = [_text(lambda l: (f"{rule.days_after} dager etter {words[l]}" if l == "nb"
                                  else f"{rule.days_after} days after {words[l]}")
                       + f" ({format_date(start, l)})")]
    else:
        parts = [_text(lambda l: f"{words[l]} ({format_date(start, l)})")]
    if rule.later_of is not None:
        later: date | None = values.get(rule.later_of)
        waiting = rule.pending_when is not None and bool(values.get(rule.pending_when))
        if later is None and waiting:
            earliest = next_working_day(due) if rule.non_working_day == "next_working_day" else due
            parts.append(
                _text(
                    lambda l: f"venter på offisielt referat: fristen er når det foreligger, men tidligst "
                    f"{format_date(earliest, l)}"
                    if l == "nb"
                    else f"waiting for official minutes: the deadline is when they are available, "
                    f"but not before {format_date(earliest, l)}"
                )
            )
            return None, _join(parts)
        if later is not None and later > due:
            parts.append(
                _text(
                    lambda l: f"det offisielle referatet foreligger senere, {format_date(later, l)}"
                    if l == "nb"
                    else f"the official minutes are available later, on {format_date(later, l)}"
                )
            )
            due = later
    return _adjust(due, rule.non_working_day, parts)


def _adjust(due: date, policy: str, parts: list[Text]) -> tuple[date, Text | None]:
    if policy == "keep" or is_working_day(due):
        return due, _join(parts)
    moved = next_working_day(due)
    parts.append(
        _text(
            lambda l: f"{format_date(due, l)} ({_why_not_working(due, l)}) er ikke en arbeidsdag, "
            f"så fristen flyttes til {format_date(moved, l)}"
            if l == "nb"
            else f"{format_date(due, l)} ({_why_not_working(due, l)}) is not a working day, "
            f"so the deadline moves to {format_date(moved, l)}"
        )
    )
    return moved, _join(parts)


def _join(parts: list[Text]) -> Text | None:
    if not parts:
        return None
    return Text(nb="; ".join(p.nb for p in parts), en="; ".join(p.en for p in parts))
