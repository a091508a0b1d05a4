"""Steps for the standing duties of a year (sections 2.1–2.3 and 4.2–4.4).

"Gitt året 2027" is in `step_defs.py`; the kind of conclusion and "no deadline"
are in `steps_participation.py`, whether a deadline moved in `steps_reporting.py`.
These add whether the memo is in force, what a duty's task mentions, and a check
of the scenario's own calendar (which weekday a date is).
"""

from __future__ import annotations

from pytest_bdd import given, parsers, then

from step_defs import Case, _conclusion, norwegian_date

WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]


@given("internmeldingen er opphevet")
def year_memo_repealed(case: Case) -> None:
    case.set(memo_in_force=False)


@then(parsers.parse("oppgaven nevner «{text}»"))
def year_action_mentions(case: Case, text: str) -> None:
    action = _conclusion(case).action.nb
    assert text in action, action


@then(parsers.re(r"(?P<day>\d{1,2}\. [a-zæøå]+ \d{4}) er en (?P<weekday>" + "|".join(WEEKDAYS) + r")$"))
def year_day_is_weekday(day: str, weekday: str) -> None:
    """Checks the scenario's own calendar, so a scenario cannot claim the wrong weekday."""
    actual = WEEKDAYS[norwegian_date(day).weekday()]
    assert actual == weekday, f"{day} is a {actual}"


@then(parsers.parse("fristen har ingen dato, men sier «{text}»"))
def deadline_in_words_only(case: Case, text: str) -> None:
    conclusion = _conclusion(case)
    assert conclusion.deadline is None and conclusion.deadline_detail is None
    assert conclusion.deadline_note is not None and text in conclusion.deadline_note.nb, conclusion.deadline_note


@then(parsers.parse("i praksis er siste arbeidsdag {day}"))
def practical_last_working_day(case: Case, day: str) -> None:
    norwegian_date(day)
    note = _conclusion(case).deadline_note
    assert note is not None and f"i praksis er siste arbeidsdag {day}" in note.nb, note
