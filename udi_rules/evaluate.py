"""Facts in, decision out: validation of the input and assembly of the decision.

The combining policy, in one place: every rule whose condition holds
contributes its conclusion; derived facts are chased to a fixpoint first, so
a rule that needs one sees it; no rule overrides another; conclusions come in
rulebook order (file name, then position in the file). When no rule applies,
the decision has no conclusions, which means the memo asks nothing of the
facts given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from pydantic import BaseModel, ValidationError

from .catalogue import Catalogue
from .conditions import Expr, reasons
from .deadlines import compute
from .decision import CitationOut, Conclusion, Decision, Derivation, DerivedFactOut, Party, Reason, trusted
from .errors import FactProblem, InvalidFacts, did_you_mean
from .facts import FACT_MODELS, Facts
from .model import PLACEHOLDER, DateInYear, MeetingDeadline, Text
from .validate import CheckedRule, CheckedRulebook


def validate_facts(
    facts: Facts | Mapping[str, Any], kind: str | None, catalogue: Catalogue, *, index: int | None = None
) -> Facts:
    """Check input facts against the vocabulary and the catalogue.

    Raises:
        InvalidFacts: naming every field that is wrong.
    """
    if isinstance(facts, Facts):
        kind = kind or facts.kind
        data: Any = facts.model_dump()
    else:
        kind = kind or "meeting"
        data = facts
    model = FACT_MODELS.get(kind)
    if model is None:
        raise InvalidFacts(str(kind), [FactProblem("kind", "ukjent faktatype", "unknown fact kind", kind)])
    if not isinstance(data, Mapping):
        raise InvalidFacts(
            kind,
            [FactProblem("", "fakta må være en mapping", "facts must be a mapping", type(data).__name__)],
            index=index,
        )
    try:
        return model.model_validate(data, context={"catalogue": catalogue})
    except ValidationError as error:
        raise InvalidFacts(kind, [_problem(e, model) for e in error.errors(include_url=False)], index=index) from None


_FACT_MESSAGES = {
    "missing": ("mangler", "is missing"),
    "bool_type": ("skal være true eller false", "must be true or false"),
    "string_type": ("skal være tekst", "must be text"),
    "int_type": ("skal være et heltall", "must be a whole number"),
    "list_type": ("skal være en liste", "must be a list"),
    "date_type": ("skal være en dato (ÅÅÅÅ-MM-DD)", "must be a date (YYYY-MM-DD)"),
    "date_parsing": ("er ikke en dato (ÅÅÅÅ-MM-DD)", "is not a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": ("er ikke en dato (ÅÅÅÅ-MM-DD)", "is not a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": ("skal være en dato uten klokkeslett", "must be a date without a time"),
    "string_too_short": ("kan ikke være tom", "cannot be empty"),
    "string_too_long": ("er for lang", "is too long"),
    "greater_than_equal": ("er for liten", "is too small"),
    "less_than_equal": ("er for stor", "is too large"),
}


def _problem(error: Mapping[str, Any], model: type[BaseModel]) -> FactProblem:
    loc = [str(part) for part in error["loc"]]
    kind, value = error["type"], error.get("input")
    if kind == "value_error":
        message = error["msg"].removeprefix("Value error, ")
        match = re.match(r"^([a-z_]+): (.*)$", message, re.S)
        if match and not loc:
            loc, message = [match.group(1)], match.group(2)
        nb, bracket, en = message.rpartition(" [")
        if not bracket:
            nb, en = message, message + "]"
        return FactProblem(".".join(loc), nb, en[:-1], None if not loc else value)
    if kind == "extra_forbidden":
        hint_nb, hint_en = did_you_mean(loc[-1], model.model_fields)
        return FactProblem(
            ".".join(loc), f"ukjent felt {hint_nb}".strip(), f"unknown field {hint_en}".strip(), value
        )
    if kind == "literal_error":
        expected = error["ctx"]["expected"]
        return FactProblem(".".join(loc), f"må være en av {expected}", f"must be one of {expected}", value)
    nb, en = _FACT_MESSAGES.get(kind, (error["msg"], error["msg"]))
    return FactProblem(".".join(loc), nb, en, value)


@dataclass(frozen=True)
class _Template:
    """The parts of a conclusion that do not depend on the facts, built once per rule."""

    rule_id: str
    kind: str
    title: Text
    duty_id: str
    duty_title: Text
    action: Text
    document_type: str | None
    template: str | None
    citation: CitationOut
    interpretation: Text | None
    attachments: tuple[Text, ...]
    expr: Expr | None
    holder: str
    sender: str | None
    recipients: tuple[str, ...]
    copies: tuple[str, ...]
    document_title: str | None
    deadline: MeetingDeadline | DateInYear | None
    deadline_fields: tuple[str, ...]
    deadline_text: Text | None


#: Entries per cache of a builder; a full cache is cleared (deadline keys hold dates).
_CACHE_SIZE = 4096


class DecisionBuilder:
    """Turns the rules that fired into a decision with reasons.

    Everything that depends only on the rulebook is prepared once; parties
    and deadlines, which depend on a few fact values, are cached by those
    values. Only immutable objects are shared between decisions.
    """

    def __init__(self, book: CheckedRulebook):
        self.book = book
        self.catalogue = book.catalogue
        self.templates: list[_Template] = []
        self.by_id: dict[str, CheckedRule] = {}
        self.order: dict[str, int] = {}
        for checked in book.rules:
            self.by_id[checked.rule.id] = checked
            self.order[checked.rule.id] = len(self.order)
            then = checked.rule.then
            if then.duty is None or then.kind is None:
                continue
            duty = self.catalogue.duties[then.duty]
            citation = checked.rule.citation
            self.templates.append(
                _Template(
                    rule_id=checked.rule.id,
                    kind=then.kind,
                    title=checked.rule.title,
                    duty_id=duty.id,
                    duty_title=duty.title,
                    action=duty.action,
                    document_type=duty.document_type,
                    template=duty.template,
                    citation=trusted(
                        CitationOut,
                        {"section": citation.section, "quote": citation.quote, "provision": citation.provision},
                    ),
                    interpretation=checked.rule.interpretation,
                    attachments=tuple(duty.attachments),
                    expr=checked.expr,
                    holder=duty.holder,
                    sender=duty.sender,
                    recipients=tuple(duty.recipients),
                    copies=tuple(duty.copies),
                    document_title=duty.document_title,
                    deadline=duty.deadline,
                    deadline_fields=_deadline_fields(duty.deadline),
                    deadline_text=duty.deadline_text,
                )
            )
        self._parties: dict[str, Party] = {
            role.id: Party(id=role.id, name=role.name) for role in self.catalogue.roles.values()
        }
        self._role_fields = {
            role.id: tuple(sorted(set(PLACEHOLDER.findall(role.name.nb + role.name.en))))
            for role in self.catalogue.roles.values()
        }
        self._forum_names = {
            forum.id: Text(nb=forum.aliases[0], en=forum.aliases[0]) if forum.aliases else forum.name
            for forum in self.catalogue.forums.values()
        }
        self._filled: dict[tuple[Any, ...], Party] = {}
        self._deadlines: dict[tuple[Any, ...], tuple[date | None, Text | None]] = {}

    def build(self, facts: Facts, fired: set[str], derived: Mapping[str, list[str]]) -> Decision:
        """The decision for `facts`, given the rules that fired and the facts they derived."""
        values = facts.__dict__
        by = {name: sorted(holders, key=self.order.__getitem__) for name, holders in derived.items()}
        conclusions = [self._conclusion(t, values, by) for t in self.templates if t.rule_id in fired]
        derived_out = [
            trusted(
                DerivedFactOut,
                {
                    "id": name,
                    "description": fact.description,
                    "derived_by": list(by[name]),
                    "derivations": [self._derivation(rid, values, by) for rid in by[name]],
                },
            )
            for name, fact in self.catalogue.derived_facts.items()
            if name in by
        ]
        return trusted(
            Decision,
            {
                "fact_kind": facts.kind,
                "facts": facts.model_dump(mode="json"),
                "conclusions": conclusions,
                "derived": derived_out,
                "names": self._names(values, conclusions, derived_out),
                "rulebook": self.book.digest,
            },
        )

    def _derivation(self, rule_id: str, values: Mapping[str, Any], by: Mapping[str, list[str]]) -> Derivation:
        checked = self.by_id[rule_id]
        citation = checked.rule.citation
        return trusted(
            Derivation,
            {
                "rule_id": rule_id,
                "title": checked.rule.title,
                "citation": trusted(
                    CitationOut,
                    {"section": citation.section, "quote": citation.quote, "provision": citation.provision},
                ),
                "interpretation": checked.rule.interpretation,
                "reasons": reasons(checked.expr, values, by),
            },
        )

    def _names(
        self, values: Mapping[str, Any], conclusions: list[Conclusion], derived: list[DerivedFactOut]
    ) -> dict[str, Text]:
        """Display names (the first alias, e.g. `EUAA` for `euaa`) of the forums the decision mentions."""
        ids = {values.get("forum")}
        reason_lists = [c.reasons for c in conclusions] + [d.reasons for f in derived for d in f.derivations]
        for found in reason_lists:
            for reason in found:
                if reason.field == "forum":
                    ids.update(reason.expected if isinstance(reason.expected, list) else [reason.expected])
        return {forum_id: self._forum_names[forum_id] for forum_id in sorted(ids - {None}) if forum_id in self._forum_names}

    def _conclusion(self, t: _Template, values: Mapping[str, Any], by: Mapping[str, list[str]]) -> Conclusion:
        deadline, note = self._deadline(t, values)
        return trusted(  # the fields in the order `Conclusion` declares them, as validation would
            Conclusion,
            {
                "rule_id": t.rule_id,
                "kind": t.kind,
                "title": t.title,
                "duty_id": t.duty_id,
                "duty_title": t.duty_title,
                "holder": self._party(t.holder, values),
                "action": t.action,
                "deadline": deadline,
                "deadline_note": note,
                "document_type": t.document_type,
                "template": t.template,
                "document_title": self._fill(t.document_title, values) if t.document_title else None,
                "sender": self._party(t.sender, values) if t.sender else None,
                "recipients": [self._party(r, values) for r in t.recipients],
                "copies": [self._party(r, values) for r in t.copies],
                "attachments": list(t.attachments),
                "citation": t.citation,
                "interpretation": t.interpretation,
                "reasons": reasons(t.expr, values, by),
            },
        )

    def _deadline(self, template: _Template, values: Mapping[str, Any]) -> tuple[date | None, Text | None]:
        if template.deadline is None:
            return None, None
        key = (template.duty_id, *(values.get(f) for f in template.deadline_fields))
        found = self._deadlines.get(key)
        if found is None:
            deadline, note = compute(template.deadline, values)
            if note is not None and template.deadline_text is not None:
                note = _join(template.deadline_text, note)
            found = (deadline, note)
            if len(self._deadlines) >= _CACHE_SIZE:
                self._deadlines.clear()
            self._deadlines[key] = found
        return found

    def _party(self, role_id: str, values: Mapping[str, Any]) -> Party:
        fields = self._role_fields[role_id]
        if not fields:
            return self._parties[role_id]
        key = (role_id, *(values.get(f) for f in fields))
        filled = self._filled.get(key)
        if filled is None:
            party = self._parties[role_id]
            name = Text(nb=self._fill(party.name.nb, values), en=self._fill(party.name.en, values))
            filled = Party(id=party.id, name=name)
            if len(self._filled) >= _CACHE_SIZE:
                self._filled.clear()
            self._filled[key] = filled
        return filled

    def _fill(self, pattern: str, values: Mapping[str, Any]) -> str:
        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            value = values.get(name)
            if name == "forum" and value in self.catalogue.forums:
                forum = self.catalogue.forums[value]
                return forum.aliases[0] if forum.aliases else forum.name.nb
            return str(value) if value is not None else ""

        return PLACEHOLDER.sub(replace, pattern)


def _deadline_fields(rule: MeetingDeadline | DateInYear | None) -> tuple[str, ...]:
    """The fact fields `deadlines.compute` reads for this deadline."""
    if rule is None:
        return ()
    if isinstance(rule, DateInYear):
        return ("year",)
    return tuple(f for f in (rule.from_, rule.later_of, rule.pending_when) if f is not None)


def _join(words: Text, note: Text) -> Text:
    return Text(nb=f"{words.nb}: {note.nb}", en=f"{words.en}: {note.en}")


__all__ = ["DecisionBuilder", "Reason", "validate_facts"]
