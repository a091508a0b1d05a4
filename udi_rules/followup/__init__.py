"""Follow-up over time: a meeting's case, its status as of a date, the year, the register, the calendar.

Above the core: these modules use the rulebook and the decision and are
used by nobody in the core. The library keeps no state between calls; a
service stores cases (YAML or JSON) where it keeps its data.

    case file (YAML/JSON)   case.py      facts + dated events, located errors
    → status as of a date   status.py    each duty: not yet due, open, done, late, overdue ...
                            form.py      a filed document against the form the memo sets
    year record             year.py      the standing duties of 2.1-2.3 and 4.2-4.4
    folder or CSV           register.py  one table of duties, text/JSON/CSV
                            html.py      one self-contained HTML page (templates/)
                            calendar.py  iCalendar with stable UIDs
"""

from .case import Case, CaseError, YearRecord, dump_case, load_case, read_case
from .status import CaseStatus, DutyStatus, Finding, case_status
from .year import year_status

__all__ = [
    "Case",
    "CaseError",
    "CaseStatus",
    "DutyStatus",
    "Finding",
    "YearRecord",
    "case_status",
    "dump_case",
    "load_case",
    "read_case",
    "year_status",
]
