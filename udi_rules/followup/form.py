"""A filed document against the form the memo sets for it: each deviation its own explained finding.

The expected form comes from the decision's conclusion (document title,
document type, template, sender, recipients, copies, attachments), never
from strings here; each finding quotes the sentence of the memo that sets
the part that deviates, found among the provisions the duty encodes.
A part of the document that the case did not record is not checked.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterable

from pydantic import BaseModel, ConfigDict

from ..catalogue import Catalogue
from ..decision import Conclusion, Party
from ..facts import PARTICIPANTS
from ..model import Text

#: Roles that name people in general ("aktuelle fagpersoner"): any name given satisfies them.
OPEN_ROLES = frozenset({"relevant_specialists", "key_specialists"})


class Finding(BaseModel):
    """One way a filed document deviates from the form the memo sets."""

    model_config = ConfigDict(frozen=True)
    code: str
    field: str
    message: Text
    expected: str | None = None
    actual: str | None = None
    section: str
    quote: str
    provision: str | None = None


def _norm(text: str) -> str:
    text = re.sub(r"\s*[-–—]\s*", " – ", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def _party_names(party: Party, catalogue: Catalogue) -> set[str]:
    """Every way a filed document may name the party: id, names, the department or ministry behind it."""
    names = {party.id, party.name.nb, party.name.en}
    for name in list(names):
        names.add(re.sub(r"\s*\(.*?\)\s*", " ", name))  # "AUA ved Internasjonal enhet («IGS» i WebSak)"
        names.update(re.findall(r"«([^»]+)»", name))    # "IGS"
        names.update(re.findall(r"\(([A-ZÆØÅ]{2,})\)", name))  # "(AUA)"
    for word in re.findall(r"\b[A-ZÆØÅ]{2,}\b", party.name.nb):
        if word in catalogue.departments:
            names.add(word)
    if party.id == "ministry":
        for key in ("JD", "UD", "OTHER_MINISTRY"):
            nb, en, aliases = PARTICIPANTS[key]
            names.update((key, nb, en, *aliases))
    if party.id == "department_director":
        names.update(("avdelingsdirektør", "avdelingsdirektøren", "department director"))
        names.update(f"avdelingsdirektør {d}" for d in re.findall(r"\b[A-ZÆØÅ]{2,}\b", party.name.nb))
    return {_norm(n) for n in names if n.strip()}


def _has(party: Party, given: Iterable[str], catalogue: Catalogue) -> bool:
    if party.id in OPEN_ROLES:
        return any(True for _ in given)
    wanted = _party_names(party, catalogue)
    return any(_norm(g) in wanted for g in given)


class FormCheck:
    """Checks one filed document against one conclusion, quoting the memo for each deviation."""

    def __init__(self, conclusion: Conclusion, catalogue: Catalogue):
        self.conclusion = conclusion
        self.catalogue = catalogue
        duty = catalogue.duties.get(conclusion.duty_id)
        ids = [conclusion.citation.provision, *(getattr(duty, "provisions", None) or [])]
        section = conclusion.citation.section
        ids += [p.id for p in catalogue.provisions.values() if p.section == section]  # then the rest of the section
        self.provisions = [catalogue.provisions[p] for p in dict.fromkeys(ids) if p and p in catalogue.provisions]
        self.findings: list[Finding] = []

    def _quote(self, *keys: str) -> tuple[str, str, str | None]:
        """The memo's sentence that mentions any of `keys` (first match), or the conclusion's own citation."""
        for key in keys:
            for provision in self.provisions:
                if key and _norm(key) in _norm(provision.quote):
                    return provision.section, provision.quote, provision.id
        c = self.conclusion.citation
        return c.section, c.quote, c.provision

    def add(self, code: str, field: str, nb: str, en: str, expected: Any, actual: Any, *keys: str) -> None:
        section, quote, provision = self._quote(*keys)
        self.findings.append(Finding(code=code, field=field, message=Text(nb=nb, en=en),
                                     expected=None if expected is None else str(expected),
                                     actual=None if actual is None else str(actual),
                                     section=section, quote=quote, provision=provision))

    def title(self, actual: str | None) -> None:
        expected = self.conclusion.document_title
        if expected is None or actual is None or _norm(actual) == _norm(expected):
            return
        pattern = expected.split(" – ")[0]
        self.add("title", "title",
                 f"tittelen «{actual}» følger ikke mønsteret internmeldingen setter; den skal være «{expected}»",
                 f"the title «{actual}» does not follow the memo's pattern; it should be «{expected}»",
                 expected, actual, "merkes", pattern)

    def same(self, field: str, actual: str | None, nb: str, en: str) -> None:
        expected = getattr(self.conclusion, field)
        if expected is None or actual is None or _norm(actual) == _norm(expected):
            return
        self.add(field, field, f"{nb} er «{actual}», men skal være «{expected}»",
                 f"{en} is «{actual}» but should be «{expected}»", expected, actual, expected)

    def sender(self, actual: str | None) -> None:
        expected = self.conclusion.sender
        if expected is None or actual is None or _has(expected, [actual], self.catalogue):
            return
        self.add("sender", "sender", f"brevet er sendt fra «{actual}», men skal gå fra {expected.name.nb}",
                 f"the letter is from «{actual}» but should be from {expected.name.en}",
                 expected.name.nb, actual, "avdelingsdirektør", expected.name.nb)

    def parties(self, field: str, actual: list[str] | None) -> None:
        if actual is None:
            return
        for party in getattr(self.conclusion, field):
            if _has(party, actual, self.catalogue):
                continue
            if field == "recipients":
                nb, en = f"mottaker mangler: {party.name.nb}", f"recipient missing: {party.name.en}"
                keys = (re.sub(r"\s*\(.*?\)", "", party.name.nb), "sendes")
            else:
                nb, en = f"ingen kopi til {party.name.nb}", f"no copy to {party.name.en}"
                keys = (re.sub(r"\s*\(.*?\)", "", party.name.nb), "kopi")
            self.add("missing-recipient" if field == "recipients" else "missing-copy", field, nb, en,
                     party.name.nb, ", ".join(actual) or "(ingen)", *keys)

    def minutes(self, attached: bool | None, minutes_on: date | None, filed_on: date, what: tuple[str, str]) -> None:
        """The official minutes must be attached when they were there on the day the document was filed."""
        if attached is not False or minutes_on is None or minutes_on > filed_on:
            return
        self.add("minutes-not-attached", "minutes_attached",
                 f"det offisielle referatet forelå {minutes_on}, men er ikke lagt ved {what[0]}",
                 f"the official minutes were available on {minutes_on} but are not attached to {what[1]}",
                 "vedlagt", "ikke vedlagt", f"vedlegg til {what[0]}", "vedlegg")


def check_report(event: Any, conclusion: Conclusion, catalogue: Catalogue, minutes_on: date | None) -> list[Finding]:
    """The internal report as filed against the memo's form (4.1)."""
    check = FormCheck(conclusion, catalogue)
    check.title(event.title)
    check.same("document_type", event.document_type, "dokumenttypen", "the document type")
    check.same("template", event.template, "malen", "the template")
    check.parties("recipients", event.recipients)
    check.parties("copies", event.copies)
    check.minutes(event.minutes_attached, minutes_on, event.date, ("det interne notatet", "the internal note"))
    return check.findings


def check_letter(event: Any, conclusion: Conclusion, catalogue: Catalogue, minutes_on: date | None) -> list[Finding]:
    """The letter to the ministry as sent against the memo's form (4.1)."""
    check = FormCheck(conclusion, catalogue)
    check.same("document_type", event.document_type, "dokumenttypen", "the document type")
    check.same("template", event.template, "malen", "the template")
    check.sender(event.sender)
    check.parties("recipients", event.recipients)
    check.parties("copies", event.copies)
    attached = event.minutes_attached
    if attached is None and event.attachments is not None:
        attached = any("referat" in a.casefold() or "minutes" in a.casefold() for a in event.attachments)
    check.minutes(attached, minutes_on, event.date, ("brevet", "the letter"))
    return check.findings
