"""Deadline arithmetic: the parameters live in the rule files, the counting lives here.

Each computed deadline comes with a note in both languages that says how it
was counted, so a reader can check it against the memo by hand.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Callable, Mapping, NamedTuple

from .decision import trusted
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


@lru_cache(maxsize=512)
def _holidays(year: int, lang: str) -> Mapping[date, str]:
    """The year's public holidays with their names in `lang`, built once per year and language."""
    table = holidays_in(year)
    return {day: names[0] if lang == "nb" else names[1] for day, names in table.items()}


@lru_cache(maxsize=None)
def _field_words(field: str) -> dict[str, str]:
    """A date field's label as it stands inside a sentence, in both languages ("første møtedag")."""
    label = field_specs("meeting")[field]
    return {"nb": label.nb[0].lower() + label.nb[1:], "en": label.en[0].lower() + label.en[1:]}


@lru_cache(maxsize=8192)
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


def previous_working_day(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def _text(make: Callable[[str], str]) -> tuple[str, str]:
    """One part of a note, in bokmål and English (a `Text` only once the parts are joined)."""
    return make("nb"), make("en")


class Counted(NamedTuple):
    """A deadline as data: the date it falls on, or the window it will fall in while it waits.

    `due` is the deadline when it is known. While it waits for a date
    (`waits_for`, e.g. the official minutes), `due` is None and the deadline
    falls between `earliest` and `latest`, the outer limit; it is never open
    for ever. For a fixed deadline all three dates are the same.
    """

    due: date | None
    earliest: date | None
    latest: date | None
    waits_for: str | None
    note: Text | None


def compute(rule: MeetingDeadline | DateInYear | None, values: Mapping[str, Any], words: Text | None = None) -> Counted | None:
    """The deadline for these facts, with a note that says how it was counted (after `words`, the rule
    file's own words for the deadline, when given)."""
    if rule is None:
        return None
    due, earliest, latest, waits_for, parts = _count(rule, values)
    return Counted(due, earliest, latest, waits_for, _note(parts, words))


#: (due, earliest, latest, waits for, the parts of the note)
_Counting = tuple[date | None, date | None, date | None, str | None, list[tuple[str, str]]]


def _count(rule: MeetingDeadline | DateInYear, values: Mapping[str, Any]) -> _Counting:
    if isinstance(rule, DateInYear):
        month, day = map(int, rule.date_in_year.split("-"))
        return _fixed(*_adjust(date(values["year"], month, day), rule.non_working_day, []))
    start: date = values[rule.from_]
    parts = [_counted_from(rule.from_, rule.days_before, rule.days_after or 0, start)]
    if rule.days_before is not None:
        return _fixed(*_adjust(start - _days_of(rule.days_before), rule.non_working_day, parts))
    due = start + _days_of(rule.days_after or 0)
    if rule.later_of is None:
        return _fixed(*_adjust(due, rule.non_working_day, parts))
    limit = start + _days_of(rule.wait_at_most_days) if rule.wait_at_most_days else None
    later: date | None = values.get(rule.later_of)
    if later is not None:
        if limit is not None and later > limit:
            parts.append(_came_too_late(later, limit))
            due = limit
        elif later > due:
            parts.append(_came_later(later))
            due = later
        return _fixed(*_adjust(due, rule.non_working_day, parts))
    waiting = rule.pending_when is not None and values.get(rule.pending_when) is not False
    if not waiting:
        return _fixed(*_adjust(due, rule.non_working_day, parts))
    earliest = _move(due, rule.non_working_day)
    latest = _move(limit, rule.non_working_day) if limit is not None else None
    known = values.get(rule.pending_when) is True if rule.pending_when else False
    parts.append(_waiting(earliest, latest, known))
    return None, earliest, latest, rule.later_of, parts


# The parts of a note, each made once for the dates it names: the same dates come back meeting after meeting,
# and putting the words together costs more than counting the days.


@lru_cache(maxsize=4096)
def _counted_from(field: str, days_before: int | None, days_after: int, start: date) -> tuple[str, str]:
    """How a deadline is counted from a date of the facts: "14 dager etter siste møtedag (30. mars 2027)"."""
    words, nb_date, en_date = _field_words(field), format_date(start, "nb"), format_date(start, "en")
    if days_before is not None:
        return (f"{_days(days_before, 'nb')} før {words['nb']} ({nb_date})",
                f"{_days(days_before, 'en')} before {words['en']} ({en_date})")
    if days_after:
        return (f"{_days(days_after, 'nb')} etter {words['nb']} ({nb_date})",
                f"{_days(days_after, 'en')} after {words['en']} ({en_date})")
    return f"{words['nb']} ({nb_date})", f"{words['en']} ({en_date})"


@lru_cache(maxsize=4096)
def _came_too_late(later: date, limit: date) -> tuple[str, str]:
    return _text(
        lambda l: f"det offisielle referatet kom {format_date(later, l)}, etter den ytre grensen "
        f"{format_date(limit, l)}; fristen var da, og referatet ettersendes"
        if l == "nb" else
        f"the official minutes came on {format_date(later, l)}, after the outer limit "
        f"{format_date(limit, l)}; the deadline was then, and the minutes follow"
    )


@lru_cache(maxsize=4096)
def _came_later(later: date) -> tuple[str, str]:
    return _text(
        lambda l: f"det offisielle referatet foreligger senere, {format_date(later, l)}"
        if l == "nb" else f"the official minutes are available later, on {format_date(later, l)}"
    )


@lru_cache(maxsize=4096)
def _waiting(earliest: date, latest: date | None, known: bool) -> tuple[str, str]:
    """While the deadline waits for the official minutes: expected (`known`), or not known to come."""
    outer = (
        (lambda l: f", men senest {format_date(latest, l)} (ytre grense for «innen rimelig tid»)" if l == "nb"
         else f", but at the latest {format_date(latest, l)} (the outer limit of 'within reasonable time')")
        if latest is not None else (lambda l: "")
    )
    if known:
        return _text(
            lambda l: (f"venter på offisielt referat: fristen er når det foreligger, men tidligst "
                       f"{format_date(earliest, l)}" if l == "nb" else
                       f"waiting for official minutes: the deadline is when they are available, "
                       f"but not before {format_date(earliest, l)}") + outer(l)
        )
    return _text(
        lambda l: (f"avhenger av om det kommer offisielt referat: {format_date(earliest, l)} uten referat; "
                   f"med referat når det foreligger" if l == "nb" else
                   f"depends on whether official minutes come: {format_date(earliest, l)} without them; "
                   f"with them when they are available") + outer(l)
    )


def _days(n: int, lang: str) -> str:
    if lang == "nb":
        return "1 dag" if n == 1 else f"{n} dager"
    return "1 day" if n == 1 else f"{n} days"


def _fixed(due: date, parts: list[tuple[str, str]]) -> _Counting:
    return due, due, due, None, parts


def _move(day: date, policy: str) -> date:
    if policy == "next_working_day":
        return next_working_day(day)
    if policy == "previous_working_day":
        return previous_working_day(day)
    return day


def _adjust(due: date, policy: str, parts: list[tuple[str, str]]) -> tuple[date, list[tuple[str, str]]]:
    moved, part = _working_day(due, policy)
    if part is not None:
        parts.append(part)
    return moved, parts


@lru_cache(maxsize=4096)
def _working_day(due: date, policy: str) -> tuple[date, tuple[str, str] | None]:
    """The deadline on `due` under `policy` for a day off, and the part of the note that says why it moved
    (or stands); None when `due` is a working day."""
    if is_working_day(due):
        return due, None
    if policy == "keep":
        last = previous_working_day(due)
        return due, _text(
            lambda l: f"{format_date(due, l)} ({_why_not_working(due, l)}) er ikke en arbeidsdag; fristen står, "
            f"så i praksis er siste arbeidsdag {format_date(last, l)}"
            if l == "nb"
            else f"{format_date(due, l)} ({_why_not_working(due, l)}) is not a working day; the deadline stands, "
            f"so in practice the last working day is {format_date(last, l)}"
        )
    moved = _move(due, policy)
    return moved, _text(
        lambda l: f"{format_date(due, l)} ({_why_not_working(due, l)}) er ikke en arbeidsdag, "
        f"så fristen flyttes til {format_date(moved, l)}"
        if l == "nb"
        else f"{format_date(due, l)} ({_why_not_working(due, l)}) is not a working day, "
        f"so the deadline moves to {format_date(moved, l)}"
    )


def _note(parts: list[tuple[str, str]], words: Text | None) -> Text | None:
    """The parts of a note as one `Text`, each language joined by "; ", after `words` and a colon."""
    if not parts:
        return None
    return _joined(tuple(parts), words.nb if words is not None else None, words.en if words is not None else None)


@lru_cache(maxsize=8192)
def _joined(parts: tuple[tuple[str, str], ...], nb_words: str | None, en_words: str | None) -> Text:
    """One note for each set of parts and words, shared by every deadline counted alike (a `Text` is frozen)."""
    nb, en = "; ".join(p[0] for p in parts), "; ".join(p[1] for p in parts)
    if nb_words is not None and en_words is not None:
        nb, en = f"{nb_words}: {nb}", f"{en_words}: {en}"
    return trusted(Text, {"nb": nb, "en": en}, shared_keys=True)  # our own strings: not validated


@lru_cache(maxsize=None)
def _days_of(n: int) -> timedelta:
    """`timedelta(days=n)`, made once for each `n` the rule files use."""
    return timedelta(days=n)
