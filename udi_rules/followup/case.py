"""A meeting's case: its facts plus the dated events that happen to it, read from and written to YAML or JSON.

A case file is what a unit keeps for one meeting (or one request that is
not a meeting): the facts as known at the invitation, then one event per
thing that happens: the participation cleared, the minutes received, the
report filed. A year record keeps the standing duties of a calendar year.
The library keeps no state; a service stores these files itself.

Errors name the file, line, column and field, in bokmål with English beside,
and are collected so one reading reports every problem in the file.
"""

from __future__ import annotations

import json
from datetime import date as Date
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import Diagnostic, Location, UdiRulesError, did_you_mean
from ..facts import EARLIEST, LATEST, Meeting, Request, field_specs
from ..source_map import SourceMap, YamlProblems
from ..yaml_source import load_yaml

Text = Annotated[str, Field(min_length=1, max_length=500)]


class CaseError(UdiRulesError, ValueError):
    """A case file has problems; `diagnostics` lists every one, sorted by place."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.location.file, d.location.line, d.location.col))
        super().__init__("\n".join(map(str, self.diagnostics)))


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    date: Date = Field(description="dagen det skjedde / the day it happened")
    note: Text | None = Field(None, description="fritekst / free text")


class RequestReceived(_Event):
    """The invitation or request came in (3.1)."""

    event: Literal["request_received"]
    by: Text | None = Field(None, description="avdelingen som fikk den / the department that received it")


class ParticipationCleared(_Event):
    """The department cleared the participation with AUA ved Internasjonal enhet (3.1)."""

    event: Literal["participation_cleared"]


class MinistryConsulted(_Event):
    """UDI consulted the ministry before the meeting (3.2)."""

    event: Literal["ministry_consulted"]


class PremeetingHeld(_Event):
    """An internal pre-meeting was held (3.2)."""

    event: Literal["premeeting_held"]


class MeetingHeld(_Event):
    """The meeting took place with UDI present."""

    event: Literal["meeting_held"]


class UdiWithdrew(_Event):
    """UDI withdrew from the meeting: no report or letter is due."""

    event: Literal["udi_withdrew"]


class MinutesReceived(_Event):
    """The secretariat's official minutes arrived (sets `official_minutes_available_on`)."""

    event: Literal["minutes_received"]


class ReportFiled(_Event):
    """The internal report was filed in WebSak (4.1). A field left out was not recorded and is not checked."""

    event: Literal["report_filed"]
    title: Text | None = None
    document_type: Text | None = None
    template: Text | None = None
    recipients: list[Text] | None = None
    copies: list[Text] | None = None
    minutes_attached: bool | None = None


class LetterSent(_Event):
    """The letter to the ministry was sent (4.1). A field left out was not recorded and is not checked."""

    event: Literal["letter_sent"]
    sender: Text | None = None
    document_type: Text | None = None
    template: Text | None = None
    recipients: list[Text] | None = None
    copies: list[Text] | None = None
    attachments: list[Text] | None = None
    minutes_attached: bool | None = None


class FactsLearned(_Event):
    """Facts learned on this day (e.g. after the meeting: questions of principle were discussed)."""

    event: Literal["facts_learned"]
    facts: dict[str, Any]


class DutyDone(_Event):
    """Any duty done on this day, named by its duty id or rule id (for duties without an event of their own)."""

    event: Literal["duty_done"]
    duty: Text


class DirectorsMeetingHeld(_Event):
    """The directors' meeting handled the item on UDI's international work (2.1)."""

    event: Literal["directors_meeting_held"]


class JdMeetingHeld(_Event):
    """The half-yearly meeting with the Ministry of Justice was held (2.2)."""

    event: Literal["jd_meeting_held"]


class UdMeetingHeld(_Event):
    """The half-yearly meeting with the Ministry of Foreign Affairs was held (2.2)."""

    event: Literal["ud_meeting_held"]


class CoordinatorNoteFiled(_Event):
    """A coordinator's annual note on their field was filed (2.3)."""

    event: Literal["coordinator_note_filed"]
    by: Text = Field(description="koordinatoren eller feltet / the coordinator or the field")


class AccountGiven(_Event):
    """The combined account of UDI's international work was given (2.3)."""

    event: Literal["account_given"]


MEETING_EVENTS: dict[str, type[_Event]] = {
    m.model_fields["event"].annotation.__args__[0]: m  # type: ignore[union-attr]
    for m in (RequestReceived, ParticipationCleared, MinistryConsulted, PremeetingHeld, MeetingHeld, UdiWithdrew,
              MinutesReceived, ReportFiled, LetterSent, FactsLearned, DutyDone)
}
YEAR_EVENTS: dict[str, type[_Event]] = {
    m.model_fields["event"].annotation.__args__[0]: m  # type: ignore[union-attr]
    for m in (DirectorsMeetingHeld, JdMeetingHeld, UdMeetingHeld, CoordinatorNoteFiled, AccountGiven, DutyDone)
}
REQUEST_EVENTS = ("request_received", "facts_learned", "duty_done")
#: Events that cannot happen before the meeting has begun.
AFTER_MEETING = ("meeting_held", "minutes_received", "report_filed", "letter_sent")

MeetingEvent = Annotated[
    Union[RequestReceived, ParticipationCleared, MinistryConsulted, PremeetingHeld, MeetingHeld, UdiWithdrew,
          MinutesReceived, ReportFiled, LetterSent, FactsLearned, DutyDone],
    Field(discriminator="event"),
]
YearEvent = Annotated[
    Union[DirectorsMeetingHeld, JdMeetingHeld, UdMeetingHeld, CoordinatorNoteFiled, AccountGiven, DutyDone],
    Field(discriminator="event"),
]


class Case(BaseModel):
    """One meeting (or one request) and what has happened to it, in the order it happened."""

    model_config = ConfigDict(extra="forbid")
    id: Text | None = None
    meeting: Meeting | None = None
    request: Request | None = None
    events: list[MeetingEvent] = Field(default_factory=list)

    @property
    def kind(self) -> str:
        return "meeting" if self.meeting is not None else "request"

    def facts(self) -> dict[str, Any]:
        """The facts as given in the case, unknown ones left out."""
        facts = self.meeting if self.meeting is not None else self.request
        assert facts is not None
        return facts.model_dump(exclude_none=True)

    @model_validator(mode="after")
    def _whole(self) -> Case:
        """A case built in code is held to what a case file is: one meeting or request, events in possible order."""
        if (self.meeting is None) == (self.request is None):
            raise ValueError("saken skal ha enten `meeting` eller `request` [the case must have either `meeting` or "
                             "`request`]")
        for i, event in enumerate(self.events):
            if self.request is not None and event.event not in REQUEST_EVENTS:
                raise ValueError(f"events.{i}: hendelsen `{event.event}` hører til et møte [belongs to a meeting]")
            if self.meeting is not None:
                for _, nb, en, _ in order_problems(event, self.meeting):
                    raise ValueError(f"events.{i}.date: {nb} [{en}]")
        return self

    def events_until(self, day: Date) -> list[Any]:
        """The events known on `day` (those dated that day or before), in date order."""
        return sorted((e for e in self.events if e.date <= day), key=lambda e: e.date)


class YearRecord(BaseModel):
    """A calendar year's record of the standing duties (2.1-2.3): what was held, filed and given, and when."""

    model_config = ConfigDict(extra="forbid")
    id: Text | None = None
    year: int = Field(ge=2011, le=2100)
    coordinators: list[Text] = Field(default_factory=list, description="koordinatorene som skal levere notat")
    events: list[YearEvent] = Field(default_factory=list)

    def events_until(self, day: Date) -> list[Any]:
        return sorted((e for e in self.events if e.date <= day), key=lambda e: e.date)


# --- reading ------------------------------------------------------------------------------

_MESSAGES = {
    "missing": ("mangler", "is missing"),
    "bool_type": ("skal være true eller false", "must be true or false"),
    "bool_parsing": ("skal være true eller false", "must be true or false"),
    "string_type": ("skal være tekst", "must be text"),
    "int_type": ("skal være et heltall", "must be a whole number"),
    "int_parsing": ("skal være et heltall", "must be a whole number"),
    "list_type": ("skal være en liste", "must be a list"),
    "dict_type": ("skal være en mapping", "must be a mapping"),
    "model_type": ("skal være en mapping", "must be a mapping"),
    "date_type": ("skal være en dato (ÅÅÅÅ-MM-DD)", "must be a date (YYYY-MM-DD)"),
    "date_parsing": ("er ikke en dato (ÅÅÅÅ-MM-DD)", "is not a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": ("er ikke en dato (ÅÅÅÅ-MM-DD)", "is not a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": ("skal være en dato uten klokkeslett", "must be a date without a time"),
    "string_too_short": ("kan ikke være tom", "cannot be empty"),
    "string_too_long": ("er for lang", "is too long"),
    "too_long": ("har for mange elementer", "has too many items"),
    "literal_error": ("er ikke et av de tillatte valgene", "is not one of the allowed choices"),
    "greater_than_equal": ("er for lite", "is too small"),
    "less_than_equal": ("er for stort", "is too large"),
}


class _Reader:
    """Collects located diagnostics while one case file is read."""

    def __init__(self, source: SourceMap):
        self.source = source
        self.problems: list[Diagnostic] = []

    def add(self, code: str, path: tuple[Any, ...], nb: str, en: str, hint: tuple[str, str] = ("", ""),
            *, key: bool = False) -> None:
        where = ".".join(str(p) for p in path) or "(fil)"
        self.problems.append(Diagnostic(code, f"`{where}`: {nb}", f"`{where}`: {en}",
                                        self.source.location(path, key=key), *hint))

    def validation(self, error: ValidationError, prefix: tuple[Any, ...], model: type[BaseModel]) -> None:
        for item in error.errors(include_url=False):
            loc = tuple(item["loc"])
            path = prefix + loc
            kind = item["type"]
            if kind == "extra_forbidden":
                self.add("unknown-field", path, "ukjent felt", "unknown field",
                         did_you_mean(loc[-1], _field_names(model)), key=True)
            elif kind == "value_error":
                text = str(item.get("ctx", {}).get("error", item["msg"]))
                field, _, said = text.partition(": ")
                if said and field in model.model_fields:
                    path = prefix + (field,)
                else:
                    said = text
                nb, _, en = said.partition(" [")
                self.add("invalid-value", path, nb, en.rstrip("]") or nb)
            else:
                nb, en = _MESSAGES.get(kind, (item["msg"], item["msg"]))
                value = item.get("input")
                if kind.startswith("date") and isinstance(value, str):
                    nb, en = f"{nb}: `{value}`", f"{en}: `{value}`"
                self.add(f"invalid-{kind}", path, nb, en)


def _field_names(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def read_case(text: str, file: str) -> Case | YearRecord:
    """A case (or a year record) from YAML or JSON text; `file` names it in errors.

    Raises:
        CaseError: every problem in the text, each with file:line:col and the field.
    """
    try:
        loaded = load_yaml(text, file)
    except YamlProblems as problems:
        raise CaseError(problems.diagnostics) from None
    reader = _Reader(loaded.source)
    data = loaded.data
    if not isinstance(data, dict):
        reader.add("not-a-mapping", (), "en saksfil skal være en mapping med `meeting` (eller `request`) og `events`",
                   "a case file must be a mapping with `meeting` (or `request`) and `events`")
        raise CaseError(reader.problems)
    if "year" in data and "meeting" not in data and "request" not in data:
        record = _read_year(data, reader)
    else:
        record = _read_case(data, reader)
    if reader.problems or record is None:
        raise CaseError(reader.problems)
    if record.id is None:
        record = record.model_copy(update={"id": Path(file).stem})
    return record


def load_case(path: str | Path) -> Case | YearRecord:
    """A case file read from disk (YAML or JSON).

    Raises:
        CaseError: the file cannot be read, or has problems.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CaseError([Diagnostic("unreadable", f"filen kan ikke leses: {error}", f"the file cannot be read: {error}",
                                    Location(str(path)))]) from None
    return read_case(text, str(path))


def dump_case(record: Case | YearRecord, fmt: Literal["yaml", "json"] = "yaml") -> str:
    """The case as YAML or JSON text that `read_case` reads back to an equal case."""
    data = record.model_dump(mode="json", exclude_none=True)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


_CASE_KEYS = ("id", "meeting", "request", "events")
_YEAR_KEYS = ("id", "year", "coordinators", "events")


def _unknown_keys(data: dict[str, Any], allowed: tuple[str, ...], reader: _Reader) -> None:
    for key in data:
        if key not in allowed:
            reader.add("unknown-field", (key,), "ukjent felt i saksfilen", "unknown field in the case file",
                       did_you_mean(key, allowed), key=True)


def _read_events(data: dict[str, Any], reader: _Reader, kinds: dict[str, type[_Event]]) -> list[tuple[int, _Event]]:
    """The valid events, each with its index in the file; the others become diagnostics."""
    raw = data.get("events", [])
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        reader.add("not-a-list", ("events",), "skal være en liste av hendelser", "must be a list of events")
        return []
    events: list[tuple[int, _Event]] = []
    for i, item in enumerate(raw):
        path: tuple[Any, ...] = ("events", i)
        if not isinstance(item, dict):
            reader.add("not-a-mapping", path, "en hendelse skal være en mapping med `event` og `date`",
                       "an event must be a mapping with `event` and `date`")
            continue
        name = item.get("event")
        if name is None:
            reader.add("missing-event", path, "hendelsen mangler `event` (hva som skjedde)",
                       "the event lacks `event` (what happened)")
            continue
        model = kinds.get(name) if isinstance(name, str) else None
        if model is None:
            hint = did_you_mean(name, kinds)
            reader.add("unknown-event", path + ("event",), f"ukjent hendelse `{name}`", f"unknown event `{name}`",
                       hint if hint[0] else (f"kjente hendelser: {', '.join(kinds)}", f"known events: {', '.join(kinds)}"))
            continue
        try:
            event = model.model_validate(item)
        except ValidationError as error:
            reader.validation(error, path, model)
            continue
        if not EARLIEST <= event.date <= LATEST:
            reader.add("date-out-of-range", path + ("date",),
                       f"datoen må ligge mellom {EARLIEST.year} og {LATEST.year}",
                       f"the date must lie between {EARLIEST.year} and {LATEST.year}")
            continue
        events.append((i, event))
    return events


def _read_case(data: dict[str, Any], reader: _Reader) -> Case | None:
    _unknown_keys(data, _CASE_KEYS, reader)
    has_meeting, has_request = data.get("meeting") is not None, data.get("request") is not None
    if has_meeting == has_request:
        reader.add("meeting-or-request", (), "saken skal ha enten `meeting` (et møte) eller `request` (en henvendelse)",
                   "the case must have either `meeting` (a meeting) or `request` (a request)")
        return None
    kind, model = ("meeting", Meeting) if has_meeting else ("request", Request)
    facts = None
    try:
        facts = model.model_validate(data[kind])
    except ValidationError as error:
        reader.validation(error, (kind,), model)
    events = _read_events(data, reader, MEETING_EVENTS)
    if facts is None:
        return None
    for i, event in events:
        path = ("events", i)
        if kind == "request" and event.event not in REQUEST_EVENTS:
            reader.add("event-not-for-request", path + ("event",),
                       f"hendelsen `{event.event}` hører til et møte, ikke en henvendelse",
                       f"the event `{event.event}` belongs to a meeting, not a request",
                       (f"en henvendelse kan ha: {', '.join(REQUEST_EVENTS)}",
                        f"a request may have: {', '.join(REQUEST_EVENTS)}"))
        if isinstance(facts, Meeting):
            _check_order(event, facts, path, reader)
        if isinstance(event, FactsLearned):
            _check_learned(event, facts, path, reader)
    if reader.problems:
        return None
    return Case(id=data.get("id"), **{kind: facts}, events=[e for _, e in events])


def order_problems(event: Any, meeting: Meeting) -> list[tuple[str, str, str, tuple[str, str]]]:
    """What is impossible about when an event happened: (code, nb, en, hint) for each problem.

    A report, a letter, minutes or a held meeting cannot come before the
    meeting began; UDI cannot withdraw after it ended.
    """
    name = event.event
    found = []
    if name in AFTER_MEETING and event.date < meeting.first_day:
        found.append(("event-before-meeting",
                      f"`{name}` er datert {event.date}, før møtet begynte {meeting.first_day}",
                      f"`{name}` is dated {event.date}, before the meeting began on {meeting.first_day}",
                      ("en rapport, et brev, et referat eller et avholdt møte kan ikke komme før møtet",
                       "a report, a letter, minutes or a held meeting cannot come before the meeting")))
    if name == "udi_withdrew" and event.date > meeting.last_day:
        found.append(("withdrew-after-meeting",
                      f"UDI kan ikke trekke seg {event.date}, etter at møtet sluttet {meeting.last_day}",
                      f"UDI cannot withdraw on {event.date}, after the meeting ended on {meeting.last_day}", ("", "")))
    return found


def _check_order(event: _Event, meeting: Meeting, path: tuple[Any, ...], reader: _Reader) -> None:
    for code, nb, en, hint in order_problems(event, meeting):
        reader.add(code, path + ("date",), nb, en, hint)


def _check_learned(event: FactsLearned, facts: Meeting | Request, path: tuple[Any, ...], reader: _Reader) -> None:
    model = type(facts)
    fields = field_specs(facts.kind)
    unknown = [key for key in event.facts if key not in model.model_fields]
    for key in unknown:
        if key not in model.model_fields:
            reader.add("unknown-fact", path + ("facts", key), "ukjent faktum", "unknown fact",
                       did_you_mean(key, [f for f in fields if f in model.model_fields]), key=True)
    if unknown:
        return
    try:
        model.model_validate({**facts.model_dump(exclude_none=True), **event.facts})
    except ValidationError as error:
        reader.validation(error, path + ("facts",), model)


def _read_year(data: dict[str, Any], reader: _Reader) -> YearRecord | None:
    _unknown_keys(data, _YEAR_KEYS, reader)
    events = _read_events(data, reader, YEAR_EVENTS)
    try:
        record = YearRecord.model_validate({k: v for k, v in data.items() if k != "events"})
    except ValidationError as error:
        reader.validation(error, (), YearRecord)
        return None
    for i, event in events:
        if event.date.year != record.year and not isinstance(event, CoordinatorNoteFiled | AccountGiven):
            reader.add("event-outside-year", ("events", i, "date"),
                       f"hendelsen er datert {event.date}, utenfor året {record.year}",
                       f"the event is dated {event.date}, outside the year {record.year}")
    if reader.problems:
        return None
    return record.model_copy(update={"events": [e for _, e in events]})
