"""The register: a folder of case files (or one CSV) evaluated at once into one table of duties.

A unit keeps one YAML file per meeting in a shared folder or a repository.
The register reads them all, evaluates each as of one day, and gives one
table sorted by deadline that can be filtered by holder, department, forum
and status. A broken file is reported with its file, line and field, and
the rest of the register is still evaluated.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Literal

from pydantic import ValidationError

from ..errors import Diagnostic, InvalidFacts, Location, did_you_mean
from ..facts import Meeting
from ..rulebook import Rulebook
from .case import MEETING_EVENTS, Case, CaseError, YearRecord, load_case
from .status import STATUS_TEXT, CaseStatus, DutyStatus, case_status
from .year import year_status

CASE_SUFFIXES = (".yaml", ".yml", ".json")
#: CSV columns that are events: the column holds the day it happened.
CSV_EVENTS = ("request_received", "participation_cleared", "ministry_consulted", "premeeting_held", "meeting_held",
              "udi_withdrew", "minutes_received", "report_filed", "letter_sent")


@dataclass
class Register:
    """Every duty of every case as of one day, and the files that could not be read."""

    as_of: date
    cases: list[CaseStatus] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def duties(self) -> list[DutyStatus]:
        """All duties, sorted by deadline (undated last), then by case."""
        rows = [d for case in self.cases for d in case.duties]
        return sorted(rows, key=lambda d: (d.deadline or date.max, d.case_id, d.rule_id))

    def select(self, *, holder: str | None = None, department: str | None = None, forum: str | None = None,
               status: Iterable[str] | None = None) -> list[DutyStatus]:
        """The duties that match every filter given (names compared without case, holder by part of its name)."""
        wanted = set(status or ())
        unknown = wanted - set(STATUS_TEXT)
        if unknown:
            raise ValueError(f"ukjent status {sorted(unknown)} [unknown status]; kjente [known]: {', '.join(STATUS_TEXT)}")
        out = []
        for d in self.duties:
            if holder and not _matches(holder, d.holder.id, d.holder.name.nb, d.holder.name.en):
                continue
            if department and (d.department or "").casefold() != department.casefold():
                continue
            if forum and (d.forum or "").casefold() != forum.casefold():
                continue
            if wanted and d.status not in wanted:
                continue
            out.append(d)
        return out


def _matches(wanted: str, *names: str) -> bool:
    w = wanted.casefold()
    return any(w == n.casefold() or w in n.casefold() for n in names)


def read_folder(folder: str | Path) -> tuple[list[tuple[str, Case | YearRecord]], list[Diagnostic]]:
    """Every case file in the folder (and below), read; the broken ones as diagnostics."""
    folder = Path(folder)
    items: list[tuple[str, Case | YearRecord]] = []
    problems: list[Diagnostic] = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in CASE_SUFFIXES and p.is_file()):
        try:
            items.append((str(path), load_case(path)))
        except CaseError as error:
            problems.extend(error.diagnostics)
    return items, problems


def read_csv(path: str | Path) -> tuple[list[tuple[str, Case | YearRecord]], list[Diagnostic]]:
    """Cases from one CSV: a row per meeting, the meeting's fields and one date column per event.

    Lists (delegation, departments_concerned) are separated by `;`; true/false
    are `ja`/`nei` or `true`/`false`; an empty cell is unknown.
    """
    path = Path(path)
    items: list[tuple[str, Case | YearRecord]] = []
    problems: list[Diagnostic] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        known = {"id", *Meeting.model_fields, *CSV_EVENTS}
        for i, name in enumerate(columns):
            if name not in known:
                hint = did_you_mean(name, sorted(known))
                problems.append(Diagnostic("unknown-column", f"ukjent kolonne `{name}`", f"unknown column `{name}`",
                                           Location(str(path), 1, i + 1), *hint))
        if problems:
            return items, problems
        for row_no, row in enumerate(reader, start=2):
            facts: dict[str, Any] = {}
            events: list[dict[str, Any]] = []
            for name, value in row.items():
                value = (value or "").strip()
                if not value or name == "id":
                    continue
                if name in CSV_EVENTS:
                    events.append({"event": name, "date": value})
                else:
                    facts[name] = _cell(name, value)
            case_id = row.get("id") or f"{path.stem}-{row_no}"
            bad: list[tuple[str, str, str]] = []
            meeting = None
            try:
                meeting = Meeting.model_validate(facts)
            except ValidationError as error:
                bad += [(str(e["loc"][0]) if e["loc"] else "", e["msg"], e["type"]) for e in error.errors(include_url=False)]
            parsed = []
            for e in events:
                try:
                    parsed.append(MEETING_EVENTS[e["event"]].model_validate(e))
                except ValidationError as error:
                    bad += [(e["event"], x["msg"], x["type"]) for x in error.errors(include_url=False)]
            for name, message, kind in bad:
                nb, en = _CELL_MESSAGES.get(kind, (message, message))
                col = columns.index(name) + 1 if name in columns else 0
                problems.append(Diagnostic("invalid-cell", f"rad {row_no}, `{name}`: {nb}", f"row {row_no}, `{name}`: {en}",
                                           Location(str(path), row_no, col)))
            if bad or meeting is None:
                continue
            try:
                case = Case(id=case_id, meeting=meeting, events=parsed)
            except ValidationError as error:
                for item in error.errors(include_url=False):
                    text = str(item.get("ctx", {}).get("error", item["msg"]))
                    where, _, said = text.partition(": ")
                    index = int(where.split(".")[1]) if where.startswith("events.") else -1
                    name = parsed[index].event if 0 <= index < len(parsed) else ""
                    nb, _, en = said.partition(" [")
                    col = columns.index(name) + 1 if name in columns else 0
                    problems.append(Diagnostic("event-order", f"rad {row_no}, `{name}`: {nb}",
                                               f"row {row_no}, `{name}`: {en.rstrip(']')}",
                                               Location(str(path), row_no, col)))
                continue
            items.append((f"{path}:{row_no}", case))
    return items, problems


_CELL_MESSAGES = {
    "date_from_datetime_parsing": ("er ikke en dato (ÅÅÅÅ-MM-DD)", "is not a date (YYYY-MM-DD)"),
    "date_parsing": ("er ikke en dato (ÅÅÅÅ-MM-DD)", "is not a date (YYYY-MM-DD)"),
    "missing": ("mangler", "is missing"),
    "bool_parsing": ("skal være ja eller nei", "must be ja (yes) or nei (no)"),
    "bool_type": ("skal være ja eller nei", "must be ja (yes) or nei (no)"),
    "literal_error": ("er ikke et av de tillatte valgene", "is not one of the allowed choices"),
}


def _cell(name: str, value: str) -> Any:
    spec = Meeting.model_fields[name].json_schema_extra or {}
    kind = spec.get("udi_type") if isinstance(spec, dict) else None
    if kind in ("departments", "participants"):
        return [v.strip() for v in value.split(";") if v.strip()]
    if kind == "bool":
        lowered = value.casefold()
        return {"ja": True, "true": True, "nei": False, "false": False}.get(lowered, value)
    return value


def evaluate_register(items: list[tuple[str, Case | YearRecord]], as_of: date, rulebook: Rulebook | None = None,
                      problems: list[Diagnostic] | None = None) -> Register:
    """Each case as of `as_of`; a case whose facts the rulebook refuses is a problem, not the end of the register."""
    rulebook = rulebook or Rulebook.default()
    register = Register(as_of=as_of, problems=list(problems or []))
    for source, item in items:
        try:
            if isinstance(item, YearRecord):
                register.cases.append(year_status(item, as_of, rulebook, keep_decision=False))
            else:
                register.cases.append(case_status(item, as_of, rulebook, keep_decision=False))
        except InvalidFacts as error:
            row = re.fullmatch(r"(.+\.csv):(\d+)", source)  # a CSV row: `file.csv:row`
            where = Location(row.group(1), int(row.group(2))) if row else Location(source)
            for p in error.problems:
                register.problems.append(Diagnostic("invalid-facts", f"`{p.field}`: {p.nb}", f"`{p.field}`: {p.en}", where))
    return register


def load_register(source: str | Path, as_of: date, rulebook: Rulebook | None = None) -> Register:
    """A folder of case files, or one CSV file, evaluated as of `as_of`."""
    source = Path(source)
    items, problems = read_csv(source) if source.suffix == ".csv" else read_folder(source)
    return evaluate_register(items, as_of, rulebook, problems)


# --- output -----------------------------------------------------------------------------------

Format = Literal["text", "json", "csv"]
CSV_COLUMNS = ("deadline", "status", "days_left", "holder", "department", "forum", "topic", "case", "rule_id",
               "section", "action", "done_on", "findings")


def as_text(duties: list[DutyStatus], lang: Literal["nb", "en"] = "nb") -> str:
    """One line per duty: what must be done next."""
    return "\n".join(f"{d.case_id}: {d.line(lang)}" for d in duties)


def as_rows(duties: list[DutyStatus]) -> list[dict[str, Any]]:
    return [
        {"deadline": d.deadline.isoformat() if d.deadline else "", "status": d.status,
         "days_left": "" if d.days_left is None else d.days_left, "holder": d.holder.name.nb,
         "department": d.department or "", "forum": d.forum or "", "topic": d.topic or "", "case": d.case_id,
         "rule_id": d.rule_id, "section": d.section, "action": d.action.nb,
         "done_on": d.done_on.isoformat() if d.done_on else "",
         "findings": " | ".join(f.message.nb for f in d.findings)}
        for d in duties
    ]


def as_csv(duties: list[DutyStatus]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(as_rows(duties))
    return out.getvalue()


def as_json(register: Register, duties: list[DutyStatus]) -> str:
    return json.dumps({
        "as_of": register.as_of.isoformat(),
        "duties": [d.model_dump(mode="json") for d in duties],
        "problems": [p.to_dict() for p in register.problems],
    }, ensure_ascii=False, indent=2)
