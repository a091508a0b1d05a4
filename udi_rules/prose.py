"""Numbers in prose come from the parameters: `{deadline.days_after:weeks}` becomes «to uker».

A deadline's days and dates are written once, in the duty's `deadline`.
Prose that states them (`deadline_text`, a rule's `interpretation` and
title) names the parameter instead, so an edit of the number cannot leave
the prose saying the old one. `fill` replaces the placeholders when the
rules load; a placeholder that names nothing is a located error.

    {deadline.days_after}              14 dager / 14 days
    {deadline.days_after:weeks}        to uker / two weeks (20 dager when not whole weeks)
    {deadline.wait_at_most_days:weeks_and_days}
                                       seks uker (42 dager) / six weeks (42 days)
    {deadline.date_in_year}            1. mai / 1 May
    {internal_report.deadline.days_after}   another duty's parameter, by its id
"""

from __future__ import annotations

import re
from typing import Any, Callable

from .model import DateInYear, MeetingDeadline, Text

PARAMETERS = ("days_after", "days_before", "wait_at_most_days", "date_in_year")
FORMS = ("days", "weeks", "weeks_and_days")
PLACEHOLDER = re.compile(r"\{(?P<body>[^{}\s]*deadline[^{}\s]*)\}")
_BODY = re.compile(r"^(?:(?P<duty>[a-z][a-z0-9_]*)\.)?deadline\.(?P<parameter>[a-z_]+)(?::(?P<form>[a-z_]+))?$")

NUMBER_WORDS = {
    "nb": ("null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
}
MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


class PlaceholderError(ValueError):
    """A placeholder that names no parameter; `nb` and `en` say why."""

    def __init__(self, placeholder: str, nb: str, en: str):
        super().__init__(f"{placeholder}: {nb} [{en}]")
        self.placeholder, self.nb, self.en = placeholder, nb, en


def days_words(days: int, lang: str, form: str = "days") -> str:
    """«14 dager», «to uker», «seks uker (42 dager)»; whole weeks only when the days are whole weeks."""
    unit = ("dag", "dager") if lang == "nb" else ("day", "days")
    plain = f"{days} {unit[0] if days == 1 else unit[1]}"
    if form == "days" or days % 7 or days == 0:
        return plain
    weeks = days // 7
    count = NUMBER_WORDS[lang][weeks] if weeks < len(NUMBER_WORDS[lang]) else str(weeks)
    week_unit = ("uke", "uker") if lang == "nb" else ("week", "weeks")
    text = f"{count} {week_unit[0] if weeks == 1 else week_unit[1]}"
    return f"{text} ({plain})" if form == "weeks_and_days" else text


def date_words(month_day: str, lang: str) -> str:
    """«1. mai» / «1 May» for `05-01`."""
    month, day = (int(part) for part in month_day.split("-"))
    name = MONTHS[lang][month - 1]
    return f"{day}. {name}" if lang == "nb" else f"{day} {name}"


def fill(text: Text, deadline_of: Callable[[str | None], Any]) -> Text:
    """`text` with every placeholder replaced, in both languages.

    `deadline_of(duty_id)` gives that duty's deadline (None for the text's
    own duty); it raises KeyError for an unknown duty.

    Raises:
        PlaceholderError: for the first placeholder that names no parameter.
    """
    if "{" not in text.nb and "{" not in text.en:
        return text
    return Text(nb=_fill_one(text.nb, "nb", deadline_of), en=_fill_one(text.en, "en", deadline_of))


def _fill_one(text: str, lang: str, deadline_of: Callable[[str | None], Any]) -> str:
    return PLACEHOLDER.sub(lambda m: value_words(m["body"], lang, deadline_of), text)


def value_words(body: str, lang: str, deadline_of: Callable[[str | None], Any]) -> str:
    """One placeholder's value in words."""
    match = _BODY.match(body)
    if match is None:
        raise PlaceholderError(
            body, "plassholderen må ha formen `{deadline.parameter}` eller `{plikt.deadline.parameter:form}`",
            "a placeholder has the form `{deadline.parameter}` or `{duty.deadline.parameter:form}`",
        )
    parameter, form = match["parameter"], match["form"] or "days"
    if parameter not in PARAMETERS:
        raise PlaceholderError(
            body, f"ukjent parameter `{parameter}`; kjente er {', '.join(PARAMETERS)}",
            f"unknown parameter `{parameter}`; known ones are {', '.join(PARAMETERS)}",
        )
    if form not in FORMS:
        raise PlaceholderError(
            body, f"ukjent form `{form}`; kjente er {', '.join(FORMS)}", f"unknown form `{form}`; known ones are {', '.join(FORMS)}"
        )
    try:
        deadline = deadline_of(match["duty"])
    except KeyError:
        raise PlaceholderError(body, f"ukjent plikt `{match['duty']}`", f"unknown duty `{match['duty']}`") from None
    value = getattr(deadline, parameter, None) if isinstance(deadline, (MeetingDeadline, DateInYear)) else None
    if value is None:
        whose_nb = f"fristen til plikten `{match['duty']}`" if match["duty"] else "pliktens frist"
        whose_en = f"the deadline of the duty `{match['duty']}`" if match["duty"] else "the duty's deadline"
        raise PlaceholderError(body, f"{whose_nb} har ingen `{parameter}`", f"{whose_en} has no `{parameter}`")
    return date_words(value, lang) if parameter == "date_in_year" else days_words(value, lang, form)


__all__ = ["PlaceholderError", "date_words", "days_words", "fill", "value_words"]
