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
from typing import Any, Mapping

from pydantic import BaseModel, ValidationError

from .catalogue import Catalogue
from .conditions import reasons
from .deadlines import compute
from .decision import CitationOut, Conclusion, Decision, DerivedFactOut, Party, Reason
from .errors import FactProblem, InvalidFacts, did_you_mean
from .facts import FACT_MODELS, Facts
from .model import PLACEHOLDER, Text
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
    """The parts of a conclusion that do not depend on the facts, built once."""

    checked: CheckedRule
    static: dict[str, Any]
    holder: str
    sender: str | None
    recipients: tuple[str, ...]
    copies: tuple[str, ...]


class DecisionBuilder:
    """Turns the rules that fired into a decision with reasons."""

    def __init__(self, book: CheckedRulebook):
        self.book = book
        self.catalogue = book.catalogue
        self.templates: list[_Template] = []
        self.by_id: dict[str, CheckedRule] = {}
        for checked in book.rules:
            self.by_id[checked.rule.id] = checked
            then = checked.rule.then
            if then.duty is None or then.kind is None:
                continue
            duty = self.catalogue.duties[then.duty]
            citation = checked.rule.citation
            static = {
                "rule_id": checked.rule.id,
                "kind": then.kind,
                "title": checked.rule.title,
                "duty_id": duty.id,
                "duty_title": duty.title,
                "action": duty.action,
                "document_type": duty.document_type,
                "template": duty.template,
                "attachments": list(duty.attachments),
                "citation": CitationOut(section=citation.section, quote=citation.quote, provision=citation.provision),
                "interpretation": checked.rule.interpretation,
            }
            self.templates.append(
                _Template(checked, static, duty.holder, duty.sender, tuple(duty.recipients), tuple(duty.copies))
            )
        self._parties: dict[str, Party] = {
            role.id: Party(id=role.id, name=role.name) for role in self.catalogue.roles.values()
        }

    def build(self, facts: Facts, fired: set[str], derived: Mapping[str, list[str]]) -> Decision:
        values = dict(facts)
        by = {name: derived[name] for name in derived}
        conclusions = []
        for template in self.templates:
            rule = template.checked.rule
            if rule.id not in fired:
                continue
            duty = self.catalogue.duties[rule.then.duty]  # type: ignore[index]
            deadline, note = compute(duty.deadline, values)
            conclusions.append(
                Conclusion.model_construct(
                    **template.static,
                    holder=self._party(template.holder, values),
                    sender=self._party(template.sender, values) if template.sender else None,
                    recipients=[self._party(r, values) for r in template.recipients],
                    copies=[self._party(r, values) for r in template.copies],
                    document_title=self._fill(duty.document_title, values) if duty.document_title else None,
                    deadline=deadline,
                    deadline_note=note if note is None or duty.deadline_text is None else _join(duty.deadline_text, note),
                    reasons=reasons(template.checked.expr, values, by),
                )
            )
        derived_out = [
            DerivedFactOut.model_construct(
                id=name,
                description=fact.description,
                derived_by=list(derived[name]),
                reasons={rid: reasons(self.by_id[rid].expr, values, by) for rid in derived[name]},
            )
            for name, fact in self.catalogue.derived_facts.items()
            if name in derived
        ]
        return Decision.model_construct(
            fact_kind=facts.kind,
            facts=facts.model_dump(mode="json"),
            conclusions=conclusions,
            derived=derived_out,
            rulebook=self.book.digest,
        )

    def _party(self, role_id: str, values: Mapping[str, Any]) -> Party:
        party = self._parties[role_id]
        if "{" not in party.name.nb and "{" not in party.name.en:
            return party
        return Party(id=party.id, name=Text(nb=self._fill(party.name.nb, values), en=self._fill(party.name.en, values)))

    def _fill(self, pattern: str, values: Mapping[str, Any]) -> str:
        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            value = values.get(name)
            if name == "forum" and value in self.catalogue.forums:
                forum = self.catalogue.forums[value]
                return forum.aliases[0] if forum.aliases else forum.name.nb
            return str(value) if value is not None else ""

        return PLACEHOLDER.sub(replace, pattern)


def _join(words: Text, note: Text) -> Text:
    return Text(nb=f"{words.nb} ({note.nb})", en=f"{words.en} ({note.en})")


__all__ = ["DecisionBuilder", "Reason", "validate_facts"]
