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
        "wait_at_most_days": 42,
        "non_working_day": "next_working_day",
    }
)
BEFORE_THE_MEETING = MeetingDeadline.model_validate(
    {"days_before": 1, "from": "first_day", "non_working_day": "previous_working_day"}
)


def values(last: date, expected: bool | None = False, available: date | None = None) -> dict:
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
    assert compute(TWO_WEEKS, values(date(2027, 3, 3))).due == date(2027, 3, 17)


def test_later_official_minutes_move_the_deadline_to_their_day():
    counted = compute(TWO_WEEKS, values(date(2027, 3, 3), True, date(2027, 3, 24)))
    due, note = counted.due, counted.note
    assert due == date(2027, 3, 24)
    assert note is not None and "24. mars 2027" in note.nb and "24 March 2027" in note.en


def test_earlier_official_minutes_do_not_shorten_the_two_weeks():
    assert compute(TWO_WEEKS, values(date(2027, 3, 3), True, date(2027, 3, 5))).due == date(2027, 3, 17)


def test_expected_minutes_that_are_not_yet_there_make_the_deadline_wait_within_an_outer_limit():
    counted = compute(TWO_WEEKS, values(date(2027, 3, 3), True, None))
    assert counted.due is None
    assert (counted.earliest, counted.latest) == (date(2027, 3, 17), date(2027, 4, 14))
    assert counted.waits_for == "official_minutes_available_on"
    note = counted.note
    assert note is not None and "venter på offisielt referat" in note.nb and "waiting" in note.en
    assert "tidligst 17. mars 2027" in note.nb and "senest 14. april 2027" in note.nb


def test_minutes_that_come_after_the_outer_limit_leave_the_deadline_at_the_limit():
    counted = compute(TWO_WEEKS, values(date(2027, 3, 3), True, date(2027, 5, 20)))
    assert counted.due == date(2027, 4, 14)
    assert "etter den ytre grensen" in counted.note.nb and "ettersendes" in counted.note.nb


def test_unknown_whether_minutes_come_gives_a_window_not_a_date():
    counted = compute(TWO_WEEKS, values(date(2027, 3, 3), None, None))
    assert counted.due is None and counted.latest == date(2027, 4, 14)
    assert "avhenger av om det kommer offisielt referat" in counted.note.nb


def test_a_duty_before_the_meeting_is_due_the_last_working_day_before_it():
    # 1 March 2027 is a Monday: the working day before is Friday 26 February.
    counted = compute(BEFORE_THE_MEETING, {"first_day": date(2027, 3, 1)})
    assert counted.due == date(2027, 2, 26)
    assert "flyttes til 26. februar 2027" in counted.note.nb


def test_a_deadline_that_waits_must_have_an_outer_limit():
    with pytest.raises(ValueError, match="wait_at_most_days"):
        MeetingDeadline.model_validate(
            {"days_after": 14, "from": "last_day", "later_of": "official_minutes_available_on",
             "pending_when": "official_minutes_expected"}
        )


def test_a_deadline_on_a_holiday_moves_to_the_next_working_day():
    # 12 March 2027 + 14 days = Good Friday 26 March; then Easter weekend and Easter Monday.
    counted = compute(TWO_WEEKS, values(date(2027, 3, 12)))
    due, note = counted.due, counted.note
    assert due == date(2027, 3, 30)
    assert note is not None and "26. mars 2027 (langfredag) er ikke en arbeidsdag" in note.nb
    assert "26 March 2027 (Good Friday) is not a working day" in note.en


def test_keep_leaves_a_weekend_deadline_where_it_falls():
    keep = TWO_WEEKS.model_copy(update={"non_working_day": "keep"})
    counted = compute(keep, values(date(2027, 3, 12)))
    assert counted.due == date(2027, 3, 26)
    assert "fristen står, så i praksis er siste arbeidsdag 24. mars 2027" in counted.note.nb


def test_a_date_in_the_year_falls_in_the_facts_year():
    assert compute(DateInYear(date_in_year="05-01"), {"year": 2027}).due == date(2027, 5, 1)
    moved = DateInYear(date_in_year="05-01", non_working_day="next_working_day")
    assert compute(moved, {"year": 2027}).due == date(2027, 5, 3)


def test_next_working_day_of_a_working_day_is_itself():
    assert next_working_day(date(2027, 3, 3)) == date(2027, 3, 3)


def test_the_earliest_date_of_a_waiting_deadline_is_itself_moved_off_holidays():
    # 22 April 2027 + 14 days = Ascension Day, 6 May.
    counted = compute(TWO_WEEKS, values(date(2027, 4, 22), True, None))
    assert counted.due is None and "tidligst 7. mai 2027" in counted.note.nb
