"""Norwegian public holidays («helligdager»), computed, one table per year.

The holidays act (lov 26. april 1947 nr. 1) names fixed days and days counted
from Easter; nothing else moves them, so a year's table is a few lines of
arithmetic. Computing it here, instead of asking the `holidays` package,
keeps its 280 modules out of the first deadline (they cost 60-80 ms there).
The names are the ones that package uses, and a test checks date and name
against it for every year from 2011 to 2100.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Mapping

#: (month, day, nb, en); 1 May and 17 May are holidays from 1947.
_FIXED = (
    (1, 1, "Første nyttårsdag", "New Year's Day"),
    (5, 1, "Arbeidernes dag", "Labor Day"),
    (5, 17, "Grunnlovsdag", "Constitution Day"),
    (12, 25, "Første juledag", "Christmas Day"),
    (12, 26, "Andre juledag", "Second Day of Christmas"),
)
#: (days after Easter Sunday, nb, en)
_FROM_EASTER = (
    (-3, "Skjærtorsdag", "Maundy Thursday"),
    (-2, "Langfredag", "Good Friday"),
    (0, "Første påskedag", "Easter Sunday"),
    (1, "Andre påskedag", "Easter Monday"),
    (39, "Kristi himmelfartsdag", "Ascension Day"),
    (49, "Første pinsedag", "Pentecost"),
    (50, "Andre pinsedag", "Pentecost Monday"),
)
_SINCE_1947 = {(5, 1), (5, 17)}


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=512)
def holidays_in(year: int) -> Mapping[date, tuple[str, str]]:
    """The public holidays of `year`: date → (name in bokmål, name in English).

    Two holidays on one day (17 May on Whit Monday) share it, their names
    joined by "; " in alphabetical order, as the `holidays` package does.
    """
    names: dict[date, list[tuple[str, str]]] = {}
    for month, day, nb, en in _FIXED:
        if (month, day) not in _SINCE_1947 or year >= 1947:
            names.setdefault(date(year, month, day), []).append((nb, en))
    easter = easter_sunday(year)
    for offset, nb, en in _FROM_EASTER:
        names.setdefault(easter + timedelta(days=offset), []).append((nb, en))  # 19 March to 14 June
    return {
        day: ("; ".join(sorted(nb for nb, _ in both)), "; ".join(sorted(en for _, en in both)))
        for day, both in sorted(names.items())
    }
