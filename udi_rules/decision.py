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
_FIELDS_SET: dict[type, set[str]] = {}
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
    derived_by: tuple[str, ...] = ()


class Party(_Frozen):
    """A role, named for this particular set of facts."""

    id: str
    name: Text


class CitationOut(_Frozen):
    section: str
    quote: str
    provision: str | None = None


class Deadline(_Frozen):
    """A deadline as data. While it waits (`waits_for`), it falls between `earliest` and `latest`."""

    due: date | None = None
    earliest: date | None = None
    latest: date | None = None
    waits_for: str | None = None


class AnswerOut(_Frozen):
    """One answer to an open question under which a conditional conclusion applies."""

    field: str
    option: str | None = None
    value: Any
    text: Text


class Conclusion(_Frozen):
    """What one rule says for these facts.

    Conclusions are frozen and built once for each combination of the facts they depend on, so
    decisions share them: every sequence in one is a tuple.

    A conclusion in `Decision.conditional` applies only under some answers to
    the open questions: `applies_if` lists the alternatives (any one is
    enough; within one, all answers must hold) and `condition` says it in words.
    """

    rule_id: str
    kind: ConclusionKind
    title: Text
    duty_id: str
    duty_title: Text
    holder: Party
    action: Text
    deadline: date | None = None
    deadline_note: Text | None = None
    deadline_detail: Deadline | None = None
    document_type: str | None = None
    template: str | None = None
    document_title: str | None = None
    sender: Party | None = None
    recipients: tuple[Party, ...] = ()
    copies: tuple[Party, ...] = ()
    attachments: tuple[Text, ...] = ()
    citation: CitationOut
    interpretation: Text | None = None
    reasons: tuple[Reason, ...] = ()
    questions: tuple[str, ...] = ()
    applies_if: tuple[tuple[AnswerOut, ...], ...] = ()
    condition: Text | None = None


class Question(_Frozen):
    """A fact still unknown whose answer decides a conclusion or a deadline."""

    field: str
    question: Text
    phase: Literal["invitation", "after"]
    decides: tuple[str, ...] = Field(description="the rules whose conclusion or deadline depends on the answer")


class Excluded(_Frozen):
    """A rule that does not apply, and the facts that keep it out."""

    rule_id: str
    title: Text
    reasons: tuple[Reason, ...] = ()


class FactWarning(_Frozen):
    """Something in the facts a reader should check; the decision was still made."""

    code: str
    field: str
    value: str
    message: Text


class MemoOut(_Frozen):
    id: str
    title: str
    version: str
    version_date: str


class Derivation(_Frozen):
    """One rule that derived a fact: what it is, where the memo says it, and why it held."""

    rule_id: str
    title: Text
    citation: CitationOut
    interpretation: Text | None = None
    reasons: tuple[Reason, ...] = ()


class DerivedFactOut(_Frozen):
    """A fact the rules derived on the way, and which rules derived it (rulebook order)."""

    id: str
    description: Text
    derived_by: tuple[str, ...]
    derivations: tuple[Derivation, ...] = ()


class Decision(_Frozen):
    """All conclusions for one set of facts. No conclusions means no rule applies.

    Sequences are tuples, and the conclusions, derivations and exclusions in them are shared with other
    decisions on equal facts: a decision is cheap to keep and cannot be changed by a caller.
    """

    fact_kind: Literal["meeting", "request", "year"]
    facts: dict[str, Any]
    conclusions: tuple[Conclusion, ...]
    conditional: tuple[Conclusion, ...] = Field(
        (), description="conclusions that apply only under some answers to the open questions"
    )
    questions: tuple[Question, ...] = Field(
        (), description="the open questions, each once, in the order a case officer answers them"
    )
    derived: tuple[DerivedFactOut, ...] = ()
    not_applying: tuple[Excluded, ...] = ()
    warnings: tuple[FactWarning, ...] = ()
    names: dict[str, Text] = Field(
        default_factory=dict, description="display names of the catalogue ids in `facts` (forums, departments)"
    )
    rulebook: str = Field(description="the rulebook's content digest")
    memo: MemoOut | None = Field(None, description="the version of the memo the rulebook encodes")
    library_version: str = Field("", description="the version of udi_rules that made the decision")

    @property
    def rule_ids(self) -> list[str]:
        return [c.rule_id for c in self.conclusions]

    def by_rule(self, rule_id: str) -> Conclusion:
        """The conclusion of a rule, applying or conditional."""
        for conclusion in (*self.conclusions, *self.conditional):
            if conclusion.rule_id == rule_id:
                return conclusion
        raise KeyError(rule_id)

    def why_not(self, rule_id: str, lang: Literal["nb", "en"] = "nb") -> str:
        """Why a rule does not apply (or only may), in bokmål or English.

        Raises:
            KeyError: no rule of this fact kind has that id.
        """
        from .explain import why_not_text

        return why_not_text(self, rule_id, lang)

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
    fields = _FIELDS_SET.get(cls)
    if fields is None:  # one set per model class, shared: frozen models never change theirs
        fields = _FIELDS_SET[cls] = set(cls.model_fields)
    _set(model, "__pydantic_fields_set__", fields)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model
