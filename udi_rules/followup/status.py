"""A case's status as of a date: the facts as known that day, and each duty's state.

The events dated on or before the day update the facts (the minutes
received set `official_minutes_available_on`; facts learned are added), the
rulebook decides on those facts, and each conclusion gets a status. The
deadlines come from the decision, so an event that moves one (minutes that
arrive after two weeks) moves it here too, and a deadline still waiting for
the minutes counts against its outer limit.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..decision import Conclusion, Decision, Party
from ..deadlines import format_date
from ..explain import reason_text
from ..model import Text
from ..rulebook import Rulebook
from .case import Case, FactsLearned, LetterSent, MinutesReceived, ReportFiled, UdiWithdrew
from .form import Finding, check_letter, check_report

Status = Literal["not_yet_due", "open", "done_on_time", "done_late", "overdue", "no_longer_applies", "may_become_due"]

STATUS_TEXT: dict[str, tuple[str, str]] = {
    "overdue": ("forfalt", "overdue"),
    "open": ("åpen", "open"),
    "not_yet_due": ("ikke aktuell ennå", "not yet due"),
    "may_become_due": ("kan bli aktuell", "may become due"),
    "done_late": ("gjort for sent", "done late"),
    "done_on_time": ("gjort i tide", "done on time"),
    "no_longer_applies": ("gjelder ikke lenger", "no longer applies"),
}
#: The order a reader wants: what is late first, what is settled last.
STATUS_ORDER = {name: i for i, name in enumerate(STATUS_TEXT)}

#: Which event does which duty (any duty can also be marked with `duty_done`).
DONE_BY: dict[str, str] = {
    "clear_participation": "participation_cleared",
    "consult_ministry_before_meeting": "ministry_consulted",
    "consider_internal_premeeting": "premeeting_held",
    "internal_report": "report_filed",
    "ministry_report_letter": "letter_sent",
}
#: Duties done by a document when the minutes went with it.
ATTACHED_TO: dict[str, str] = {
    "internal_report_minutes_attached": "report_filed",
    "ministry_letter_minutes_attached": "letter_sent",
}


class DutyStatus(BaseModel):
    """One duty of one case (or year) and where it stands on the day asked about."""

    model_config = ConfigDict(frozen=True)
    case_id: str
    rule_id: str
    duty_id: str
    kind: str
    title: Text
    holder: Party
    action: Text
    status: Status
    deadline: date | None = None
    deadline_window: tuple[date, date] | None = Field(
        None, description="mens fristen venter på referatet: tidligst og senest / while it waits: earliest, latest")
    deadline_note: Text | None = None
    opens_on: date | None = None
    days_left: int | None = None
    done_on: date | None = None
    findings: list[Finding] = Field(default_factory=list)
    condition: Text | None = None
    questions: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list, description="hvem som ennå ikke har levert / who has not delivered yet")
    reasons: list[str] = Field(default_factory=list, description="hvorfor plikten gjelder, på bokmål / why the duty applies")
    interpretation: Text | None = None
    section: str
    quote: str
    provision: str | None = None
    forum: str | None = None
    topic: str | None = None
    department: str | None = None

    def line(self, lang: Literal["nb", "en"] = "nb") -> str:
        """One line: what must be done next, by whom and by when."""
        nb = lang == "nb"
        when = (format_date(self.deadline, lang) if self.deadline else ("ingen frist" if nb else "no deadline"))
        if self.deadline_window:
            when = (f"når referatet kommer, senest {format_date(self.deadline_window[1], lang)}" if nb
                    else f"when the minutes come, at the latest {format_date(self.deadline_window[1], lang)}")
        state = STATUS_TEXT[self.status][0 if nb else 1]
        if self.status == "open" and self.days_left is not None:
            state += f", {self.days_left} dager igjen" if nb else f", {self.days_left} days left"
        if self.status == "overdue" and self.days_left is not None:
            state += f", {-self.days_left} dager over fristen" if nb else f", {-self.days_left} days past the deadline"
        if self.done_on:
            state += f" ({format_date(self.done_on, lang)})"
        if self.missing:
            state += f", mangler fra {', '.join(self.missing)}" if nb else f", missing from {', '.join(self.missing)}"
        if self.findings:
            state += f", {len(self.findings)} avvik fra formen" if nb else f", {len(self.findings)} deviation(s) from the form"
        where = " – ".join(x for x in (self.forum, self.topic) if x)
        action = (self.action.nb if nb else self.action.en).split(". ")[0].rstrip(".")
        holder = self.holder.name.nb if nb else self.holder.name.en
        return f"{when} · {holder} · {action} [{where}, {self.section}] – {state}"


#: One set of field names shared by every DutyStatus: pydantic keeps a set per instance (2 KB for 26 fields),
#: which was half the memory of a register of 10,000 cases. Safe: the models are frozen, and copies copy the set.
_ALL_FIELDS: set[str] = set(DutyStatus.model_fields)


def slim(duty: DutyStatus) -> DutyStatus:
    """The duty with the shared set of field names (every field counts as set)."""
    object.__setattr__(duty, "__pydantic_fields_set__", _ALL_FIELDS)
    return duty


class CaseStatus(BaseModel):
    """A case as of one day: the facts known then, the duties and their status, the findings."""

    model_config = ConfigDict(frozen=True)
    case_id: str
    kind: str
    as_of: date
    facts: dict[str, Any]
    withdrawn_on: date | None = None
    duties: list[DutyStatus]
    decision: Decision | None = Field(None, exclude=True, description="kept unless the caller let it go (a register)")

    def text(self, lang: Literal["nb", "en"] = "nb", *, full: bool = False) -> str:
        """One line per duty, most pressing first; with `full`, each finding and the explanation too."""
        nb = lang == "nb"
        head = (f"Sak {self.case_id} per {format_date(self.as_of, lang)}" if nb
                else f"Case {self.case_id} as of {format_date(self.as_of, lang)}")
        lines = [head]
        if self.withdrawn_on:
            lines.append(f"UDI trakk seg {format_date(self.withdrawn_on, lang)}: ingen rapport skal skrives" if nb
                         else f"UDI withdrew on {format_date(self.withdrawn_on, lang)}: no report is due")
        for duty in sorted_duties(self.duties):
            lines.append("  " + duty.line(lang))
            for finding in duty.findings if full else ():
                lines.append(f"      avvik: {finding.message.nb} – IM 2011-013 punkt {finding.section}: «{finding.quote}»"
                             if nb else f"      deviation: {finding.message.en} – IM 2011-013 section {finding.section}: «{finding.quote}»")
            if full and duty.condition:
                lines.append("      " + (duty.condition.nb if nb else duty.condition.en))
        if full and self.decision is not None:
            lines += ["", self.decision.explain(lang)]
        return "\n".join(lines)


def sorted_duties(duties: list[DutyStatus]) -> list[DutyStatus]:
    """Most pressing first: by status (overdue first), then by deadline (undated last)."""
    return sorted(duties, key=lambda d: (STATUS_ORDER[d.status], d.deadline or date.max, d.case_id, d.rule_id))


def known_facts(case: Case, as_of: date) -> tuple[dict[str, Any], date | None]:
    """The case's facts as known on `as_of`, and the day UDI withdrew (if it had by then)."""
    facts = case.facts()
    withdrawn = None
    for event in case.events_until(as_of):
        if isinstance(event, MinutesReceived):
            facts["official_minutes_available_on"] = event.date
            facts["official_minutes_expected"] = True
        elif isinstance(event, FactsLearned):
            facts.update(event.facts)
        elif isinstance(event, UdiWithdrew):
            withdrawn = event.date
    return facts, withdrawn


def case_status(case: Case, as_of: date, rulebook: Rulebook | None = None, *, keep_decision: bool = True) -> CaseStatus:
    """Every duty of the case and its status on `as_of`, with the deadlines counted from the events known then.

    `keep_decision=False` lets the decision go once the statuses are made (a register of thousands of cases).

    Raises:
        InvalidFacts: the facts (with the events applied) are wrong.
    """
    rulebook = rulebook or Rulebook.default()
    facts, withdrawn = known_facts(case, as_of)
    decision = rulebook.evaluate(facts, kind=case.kind)
    events = case.events_until(as_of)
    case_id = case.id or "sak"
    meta = {"forum": facts.get("forum"), "topic": facts.get("topic") or facts.get("about"),
            "department": facts.get("responsible_department") or facts.get("received_by")}
    minutes_on = facts.get("official_minutes_available_on")
    last_day = case.meeting.last_day if case.meeting is not None else None
    duties = []
    for conclusion, conditional in [(c, False) for c in decision.conclusions] + [(c, True) for c in decision.conditional]:
        done_on, findings = _done(conclusion, events, rulebook, minutes_on)
        duties.append(_status(case_id, conclusion, conditional, as_of, done_on, findings, withdrawn, last_day,
                              {**meta, "reasons": [reason_text(r, decision, "nb") for r in conclusion.reasons],
                               "interpretation": conclusion.interpretation}))
    return CaseStatus(case_id=case_id, kind=case.kind, as_of=as_of, facts=facts, withdrawn_on=withdrawn,
                      duties=sorted_duties(duties), decision=decision if keep_decision else None)


def _done(conclusion: Conclusion, events: list[Any], rulebook: Rulebook,
          minutes_on: date | None) -> tuple[date | None, list[Finding]]:
    """The day the duty was done (by the first event that does it) and the findings on the document."""
    duty = conclusion.duty_id
    for event in events:
        name = event.event
        if name == "duty_done" and event.duty in (duty, conclusion.rule_id):
            return event.date, []
        if DONE_BY.get(duty) == name:
            if isinstance(event, ReportFiled):
                return event.date, check_report(event, conclusion, rulebook.catalogue, minutes_on)
            if isinstance(event, LetterSent):
                return event.date, check_letter(event, conclusion, rulebook.catalogue, minutes_on)
            return event.date, []
        if ATTACHED_TO.get(duty) == name and _minutes_went_with(event):
            return event.date, []
    return None, []


def _minutes_went_with(event: Any) -> bool:
    if getattr(event, "minutes_attached", None):
        return True
    return any("referat" in a.casefold() or "minutes" in a.casefold() for a in getattr(event, "attachments", None) or [])


def _status(case_id: str, c: Conclusion, conditional: bool, as_of: date, done_on: date | None,
            findings: list[Finding], withdrawn: date | None, last_day: date | None, meta: dict[str, Any]) -> DutyStatus:
    detail = c.deadline_detail
    deadline = c.deadline
    window = None
    if detail is not None and detail.due is None and detail.latest is not None:
        deadline = detail.latest  # waiting for the minutes: the outer limit is when it is late
        window = (detail.earliest or detail.latest, detail.latest)
    # A duty counted from after the meeting cannot be done before the meeting is over.
    opens_on = last_day if (last_day and detail and detail.earliest and detail.earliest > last_day) else None
    days_left = (deadline - as_of).days if deadline else None
    status: Status
    if done_on is not None:
        status = "done_late" if deadline and done_on > deadline else "done_on_time"
        days_left = None
    elif withdrawn is not None:
        status = "no_longer_applies"
        days_left = None
    elif conditional:
        status = "may_become_due"
    elif opens_on and as_of < opens_on:
        status = "not_yet_due"
    elif deadline is not None and as_of > deadline:
        status = "overdue"
    else:
        status = "open"
    return slim(DutyStatus(
        case_id=case_id, rule_id=c.rule_id, duty_id=c.duty_id, kind=c.kind, title=c.title, holder=c.holder,
        action=c.action, status=status, deadline=deadline, deadline_window=window, deadline_note=c.deadline_note,
        opens_on=opens_on, days_left=days_left, done_on=done_on, findings=findings, condition=c.condition,
        questions=c.questions, section=c.citation.section, quote=c.citation.quote, provision=c.citation.provision,
        **meta,
    ))
