"""The decision: every conclusion the rules draw for one set of facts, with reasons.

Plain pydantic models, so a service can `model_dump_json()` a decision and
read it back. Conclusions come in rulebook order (file name, then position),
never in the order the engine happened to fire them.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .model import ConclusionKind, Text

_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Reason(_Frozen):
    """One condition that held, with the fact value that made it hold.

    `negated` means the test did *not* hold and that is why the rule applied
    (it stood under a `not`).
    """

    field: str | None = None
    operator: str | None = None
    expected: Any = None
    actual: Any = None
    negated: bool = False
    derived: str | None = None
    derived_by: list[str] = Field(default_factory=list)


class Party(_Frozen):
    """A role, named for this particular set of facts."""

    id: str
    name: Text


class CitationOut(_Frozen):
    section: str
    quote: str
    provision: str | None = None


class Conclusion(_Frozen):
    """What one rule says for these facts."""

    rule_id: str
    kind: ConclusionKind
    title: Text
    duty_id: str
    duty_title: Text
    holder: Party
    action: Text
    deadline: date | None = None
    deadline_note: Text | None = None
    document_type: str | None = None
    template: str | None = None
    document_title: str | None = None
    sender: Party | None = None
    recipients: list[Party] = Field(default_factory=list)
    copies: list[Party] = Field(default_factory=list)
    attachments: list[Text] = Field(default_factory=list)
    citation: CitationOut
    interpretation: Text | None = None
    reasons: list[Reason] = Field(default_factory=list)


class Derivation(_Frozen):
    """One rule that derived a fact: what it is, where the memo says it, and why it held."""

    rule_id: str
    title: Text
    citation: CitationOut
    interpretation: Text | None = None
    reasons: list[Reason] = Field(default_factory=list)


class DerivedFactOut(_Frozen):
    """A fact the rules derived on the way, and which rules derived it (rulebook order)."""

    id: str
    description: Text
    derived_by: list[str]
    derivations: list[Derivation] = Field(default_factory=list)


class Decision(_Frozen):
    """All conclusions for one set of facts. No conclusions means no rule applies."""

    fact_kind: Literal["meeting", "year"]
    facts: dict[str, Any]
    conclusions: list[Conclusion]
    derived: list[DerivedFactOut] = Field(default_factory=list)
    names: dict[str, Text] = Field(
        default_factory=dict, description="display names of the catalogue ids in `facts` (forums, departments)"
    )
    rulebook: str = Field(description="the rulebook's content digest")

    @property
    def rule_ids(self) -> list[str]:
        return [c.rule_id for c in self.conclusions]

    def by_rule(self, rule_id: str) -> Conclusion:
        for conclusion in self.conclusions:
            if conclusion.rule_id == rule_id:
                return conclusion
        raise KeyError(rule_id)

    def explain(self, lang: Literal["nb", "en"] = "nb") -> str:
        """The decision as readable text, in bokmål or English."""
        from .explain import render

        return render(self, lang)


def trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """An instance made from `values` the library built itself, without validation.

    What `cls.model_construct(**values)` does, minus its loop over aliases and
    defaults: `values` must hold every field, already of the right type, in
    the order the model declares them (the JSON follows that order). A
    decision is built from a few dozen of these per evaluation, and
    validation would more than double its cost. The engine tests compare
    every kind of decision with its validated copy, field by field.
    """
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(values))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model
