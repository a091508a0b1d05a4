"""Deadlines are counted from the rule files' parameters, in calendar days, moved off Norwegian holidays."""

from __future__ import annotations

from datetime import date

import pytest

from udi_rules.deadlines import compute, is_working_day, next_working_day
from udi_rules.model import DateInYear, MeetingDeadline

TWO_WEEKS = MeetingDeadline.model_validate(
    {
        "days_after": 14,
        "from": "last_day",
        "later_of": "official_minutes_available_on",
        "pending_when": "official_minutes_expected",
        "non_working_day": "next_working_day",
    }
)


def values(last: date, expected: bool = False, available: date | None = None) -> dict:
    return {"last_day": last, "official_minutes_expected": expected, "official_minutes_available_on": available}


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2027, 3, 3), True),    # a Wednesday
        (date(2027, 3, 6), False),   # a Saturday
        (date(2027, 3, 26), False),  # Good Friday
        (date(2027, 3, 29), False),  # Easter Monday
        (date(2027, 5, 17), False),  # Constitution Day
        (date(2027, 12, 24), True),  # Christmas Eve is not a public holiday
    ],
)
def test_working_days_follow_the_norwegian_calendar(day, working):
    assert is_working_day(day) is working


def test_two_weeks_run_from_the_last_day():
    assert compute(TWO_WEEKS, values(date(2027, 3, 3)))[0] == date(2027, 3, 17)


def test_later_official_minutes_move_the_deadline_to_their_day():
    due, note = compute(TWO_WEEKS, values(date(2027, 3, 3), True, date(2027, 3, 24)))
    assert due == date(2027, 3, 24)
    assert note is not None and "24. mars 2027" in note.nb and "24 March 2027" in note.en


def test_earlier_official_minutes_do_not_shorten_the_two_weeks():
    assert compute(TWO_WEEKS, values(date(2027, 3, 3), True, date(2027, 3, 5)))[0] == date(2027, 3, 17)


def test_expected_minutes_that_are_not_yet_there_leave_the_deadline_open():
    due, note = compute(TWO_WEEKS, values(date(2027, 3, 3), True, None))
    assert due is None
    assert note is not None and "venter på offisielt referat" in note.nb and "waiting" in note.en
    assert "tidligst 17. mars 2027" in note.nb


def test_a_deadline_on_a_holiday_moves_to_the_next_working_day():
    # 12 March 2027 + 14 days = Good Friday 26 March; then Easter weekend and Easter Monday.
    due, note = compute(TWO_WEEKS, values(date(2027, 3, 12)))
    assert due == date(2027, 3, 30)
    assert note is not None and "26. mars 2027 (langfredag) er ikke en arbeidsdag" in note.nb
    assert "26 March 2027 (Good Friday) is not a working day" in note.en


def test_keep_leaves_a_weekend_deadline_where_it_falls():
    keep = TWO_WEEKS.model_copy(update={"non_working_day": "keep"})
    assert compute(keep, values(date(2027, 3, 12)))[0] == date(2027, 3, 26)


def test_a_date_in_the_year_falls_in_the_facts_year():
    assert compute(DateInYear(date_in_year="05-01"), {"year": 2027})[0] == date(2027, 5, 1)
    moved = DateInYear(date_in_year="05-01", non_working_day="next_working_day")
    assert compute(moved, {"year": 2027})[0] == date(2027, 5, 3)


def test_next_working_day_of_a_working_day_is_itself():
    assert next_working_day(date(2027, 3, 3)) == date(2027, 3, 3)


def test_the_earliest_date_of_a_waiting_deadline_is_itself_moved_off_holidays():
    # 22 April 2027 + 14 days = Ascension Day, 6 May.
    due, note = compute(TWO_WEEKS, values(date(2027, 4, 22), True, None))
    assert due is None and note is not None and "tidligst 7. mai 2027" in note.nb
