"""The computed Norwegian holiday table is the `holidays` package's, date for date and name for name."""

from __future__ import annotations

from datetime import date

import holidays
import pytest

from udi_rules.deadlines import _holidays, _why_not_working
from udi_rules.public_holidays import easter_sunday, holidays_in

YEARS = range(2011, 2101)


@pytest.mark.parametrize(("lang", "language"), [("nb", "no"), ("en", "en_US")])
def test_every_holiday_from_2011_to_2100_has_the_date_and_name_the_holidays_package_gives(lang, language):
    package = holidays.country_holidays("NO", years=list(YEARS), observed=False, language=language)
    expected = {day: name for day, name in package.items()}

    computed = {day: name for year in YEARS for day, name in _holidays(year, lang).items()}

    assert computed == expected


def test_easter_sunday_falls_on_the_known_dates():
    assert [easter_sunday(y) for y in (2011, 2019, 2024, 2027, 2038, 2285)] == [
        date(2011, 4, 24), date(2019, 4, 21), date(2024, 3, 31), date(2027, 3, 28), date(2038, 4, 25), date(2285, 3, 22),
    ]


def test_labour_day_and_constitution_day_are_holidays_only_from_1947():
    assert date(1946, 5, 17) not in holidays_in(1946)
    assert date(1947, 5, 17) in holidays_in(1947) and date(1947, 5, 1) in holidays_in(1947)


def test_a_year_at_the_edge_of_the_calendar_has_its_table():
    assert date(9999, 12, 26) in holidays_in(9999)
    assert easter_sunday(1) in holidays_in(1)


def test_constitution_day_on_whit_monday_names_both_holidays():
    assert _why_not_working(date(2027, 5, 17), "nb") == "andre pinsedag; grunnlovsdag"
    assert _why_not_working(date(2027, 5, 17), "en") == "Constitution Day; Pentecost Monday"
