"""The decision: every conclusion the rules draw for one set of facts, with reasons.

Plain pydantic models, so a service can `model_dump_json()` a decision and
read it back. Conclusions come in rulebook order (file name, then position),
never in the order the engine happened to fire them.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, SerializerFunctionWrapHandler, model_serializer

from .model import ConclusionKind, Text

_M = TypeVar("_M", bound=BaseModel)
_FIELDS_SET: dict[type, set[str]] = {}
_set = object.__setattr__


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


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


class _DecisionData(_Frozen):
    """The fields of a decision (`Decision` adds working out its explanation when it is first read).

    Its serialiser is the one a decision's own `model_dump` and `model_dump_json` use (`_use_fields_serializer`).
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


class Decision(_DecisionData):
    """All conclusions for one set of facts. No conclusions means no rule applies.

    Sequences are tuples, and the conclusions, derivations and exclusions in them are shared with other
    decisions on equal facts: a decision is cheap to keep and cannot be changed by a caller.

    What only explains the decision (`derived` with its derivations, `not_applying`, `names`) is
    worked out the first time it is read, or when the decision is serialised, compared, copied or
    pickled; until then the decision holds what it needs to work it out. The values are the same
    either way, so a caller never sees the difference except in time and memory.
    """

    #: How to work out the explanation fields not filled in yet: a tuple whose first item, called with the
    #: decision and the tuple, gives their values (None once they are filled in). Decisions alike share the
    #: private dict that holds it, so it is replaced, never changed.
    _explain: Any = PrivateAttr(None)

    def _explained(self) -> Decision:
        """Fill in the explanation fields if they are still to be worked out; idempotent and thread-safe
        (two threads may both work them out; they get equal values and the first one stays)."""
        private = self.__pydantic_private__
        explain = private.get("_explain") if private else None
        if explain is not None:
            found, worked_out = self.__dict__, explain[0](self, explain)
            # A new dict in the order the fields are declared (the JSON follows it), then the mark that it is done.
            _set(self, "__dict__", {name: found[name] if name in found else worked_out[name] for name in _DECISION_FIELDS})
            _set(self, "__pydantic_private__", {"_explain": None})  # a new dict: the old one is shared
        return self

    def __getattr__(self, name: str) -> Any:
        if name in EXPLANATION_FIELDS:
            return self._explained().__dict__[name]
        return super().__getattr__(name)

    # For a decision inside a caller's own model or a TypeAdapter, which pydantic-core serialises from the
    # schema. No return annotation, so that the JSON Schema in serialisation mode stays the one of the fields.
    @model_serializer(mode="wrap")
    def _serialize(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        return handler(self._explained())

    def model_dump(self, **options: Any) -> dict[str, Any]:  # type: ignore[override]
        _use_fields_serializer()
        return super(Decision, self._explained()).model_dump(**options)

    def model_dump_json(self, **options: Any) -> str:  # type: ignore[override]
        _use_fields_serializer()
        return super(Decision, self._explained()).model_dump_json(**options)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Decision):
            other._explained()
        return super(Decision, self._explained()).__eq__(other)

    __hash__ = None  # type: ignore[assignment]  # a decision holds dicts (the facts): never hashable

    def __repr_args__(self) -> Any:
        return super(Decision, self._explained()).__repr_args__()

    def __iter__(self) -> Any:
        return super(Decision, self._explained()).__iter__()

    def __copy__(self) -> Decision:
        return super(Decision, self._explained()).__copy__()

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Decision:
        return super(Decision, self._explained()).__deepcopy__(memo)

    def __getstate__(self) -> dict[Any, Any]:
        return super(Decision, self._explained()).__getstate__()

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


#: The fields of a `Decision` that only explain it, worked out when first read.
EXPLANATION_FIELDS = frozenset({"derived", "not_applying", "names"})
_DECISION_FIELDS = tuple(Decision.model_fields)
_fields_serializer: Any = None


def _use_fields_serializer() -> None:
    """Have `Decision` serialise with the serialiser of its fields, built the first time a decision is written.

    A decision's own model_dump and model_dump_json explain it first and then need no wrapping serialiser, which
    would have pydantic-core build the whole decision as Python objects before it writes JSON (twice the time).
    Built here rather than at import, where the schemas of a decision would be a tenth of what start-up costs;
    set again whenever pydantic has since built `Decision`'s own (on the first validation of a decision).
    """
    global _fields_serializer
    if _fields_serializer is None:
        _DecisionData.model_rebuild()  # builds the deferred schema; a no-op once built
        _fields_serializer = _DecisionData.__pydantic_serializer__
    if Decision.__dict__.get("__pydantic_serializer__") is not _fields_serializer:
        Decision.__pydantic_serializer__ = _fields_serializer


def trusted(
    cls: type[_M], values: dict[str, Any], private: dict[str, Any] | None = None, *, shared_keys: bool = False
) -> _M:
    """An instance made from `values` the library built itself, without validation.

    What `cls.model_construct(**values)` does, minus its loop over aliases and
    defaults: `values` must hold every field, already of the right type, in
    the order the model declares them (the JSON follows that order). A
    decision is built from a few dozen of these per evaluation, and
    validation would more than double its cost. The engine tests compare
    every kind of decision with its validated copy, field by field.

    `shared_keys` sets the fields one by one instead, so that the instance's
    dict shares its keys with its class (CPython's key-sharing dicts hold only
    the values: 256 instead of 832 bytes for a `Conclusion`). Worth it for
    the objects kept by the ten thousand; `values.copy()` of such a dict
    shares them too.
    """
    model = cls.__new__(cls)
    if shared_keys:
        for name, value in values.items():
            _set(model, name, value)
    else:
        _set(model, "__dict__", values)
    fields = _FIELDS_SET.get(cls)
    if fields is None:  # one set per model class, shared: frozen models never change theirs
        fields = _FIELDS_SET[cls] = set(cls.model_fields)
    _set(model, "__pydantic_fields_set__", fields)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", private)
    return model
