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
from functools import lru_cache
from operator import itemgetter
from typing import Any, Callable, Mapping, Sequence

from pydantic import BaseModel, ValidationError

from ._version import __version__
from .catalogue import Catalogue
from .conditions import (
    Completions,
    Derivations,
    Derived,
    Expr,
    Residual,
    Test,
    bounded_put,
    hashable,
    holds3,
    reasons,
    walk,
    why_not,
)
from .deadlines import compute
from .decision import (
    AnswerOut,
    CitationOut,
    Conclusion,
    Deadline,
    Decision,
    Derivation,
    DerivedFactOut,
    Excluded,
    FactWarning,
    MemoOut,
    Party,
    Question,
    Reason,
    trusted,
)
from .errors import FactProblem, InvalidFacts, did_you_mean
from .facts import FACT_MODELS, PARTICIPANTS, VALUE_LABELS, FieldSpec, Facts, field_specs
from .model import PLACEHOLDER, DateInYear, MeetingDeadline, Text
from .rule_files import CheckedRule, CheckedRulebook


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
    "too_long": ("har for mange elementer (høyst 100)", "has too many items (at most 100)"),
    "string_unicode": ("har ugyldige tegn", "has invalid characters"),
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


#: Entries per cache of a builder (a full one forgets its oldest quarter: `bounded_put`).
_CACHE_SIZE = 4096
#: Dated conclusions kept to be found again; a full cache forgets its oldest quarter.
_DATED_CACHE_SIZE = 32768




class DecisionBuilder:
    """Turns the rules that fired into a decision with reasons.

    Everything that depends only on the rulebook is prepared once. A
    conclusion (with its parties, deadline and reasons) depends on a few
    fact values; it is built once for each combination of them and shared
    by every decision with those values. Only frozen objects are shared.

    The engine fires the rules that hold whatever the unknown facts turn out
    to be. For the others, when facts are unknown, the builder tries the
    answers to the questions each depends on (`conditions.Completions`):
    a rule that holds under every answer applies, one that holds under some
    is a conditional conclusion with the answers that make it apply.
    """

    def __init__(self, book: CheckedRulebook):
        self.book = book
        self.catalogue = book.catalogue
        self.templates: list[_Template] = []
        self.by_id: dict[str, CheckedRule] = {}
        self.order: dict[str, int] = {}
        self.rules_of: dict[str, list[CheckedRule]] = {}
        derived_by: dict[str, list[Expr | None]] = {}
        for checked in book.rules:
            self.by_id[checked.rule.id] = checked
            self.order[checked.rule.id] = len(self.order)
            self.rules_of.setdefault(checked.rule.applies_to, []).append(checked)
            then = checked.rule.then
            for name in then.derive:
                derived_by.setdefault(name, []).append(checked.expr)
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
        self._template_of = {t.rule_id: t for t in self.templates}
        # The duties whose deadline waits for an answer (the date official minutes came), and that answer's field.
        self._pending_when = {
            t.rule_id: t.deadline.pending_when for t in self.templates if getattr(t.deadline, "pending_when", None)
        }
        self._derived_by = derived_by
        self._domains = {
            kind: {
                spec.name: spec.choices if spec.type == "enum" else (True, False)
                for spec in field_specs(kind).values()
                if spec.type in ("enum", "bool")
            }
            for kind in FACT_MODELS
        }
        derivations = Derivations(derived_by)  # worked out once, shared by the kinds' completions
        self._completions = {kind: Completions(derivations, self._domains[kind]) for kind in FACT_MODELS}
        self._rule_ids = {kind: tuple(c.rule.id for c in rules) for kind, rules in self.rules_of.items()}
        self._list_fields = {
            kind: tuple(f for f, spec in field_specs(kind).items() if spec.type in ("departments", "participants"))
            for kind in FACT_MODELS
        }
        self._questioned = {kind: tuple(f for f, spec in field_specs(kind).items() if spec.question) for kind in FACT_MODELS}
        self._parties: dict[str, Party] = {
            role.id: Party(id=role.id, name=role.name) for role in self.catalogue.roles.values()
        }
        self._role_fields = {
            role.id: tuple(
                sorted({f for p in PLACEHOLDER.findall(role.name.nb + role.name.en) for f in _PLACEHOLDER_READS.get(p, (p,))})
            )
            for role in self.catalogue.roles.values()
        }
        self._forum_names = {
            forum.id: Text(nb=forum.aliases[0], en=forum.aliases[0]) if forum.aliases else forum.name
            for forum in self.catalogue.forums.values()
        }
        memo = next(iter(self.catalogue.memo.values()), None)
        self._memo = (
            trusted(
                MemoOut,
                {"id": memo.id, "title": memo.title, "version": memo.version, "version_date": memo.version_date},
            )
            if memo is not None
            else None
        )
        self._filled: dict[tuple[Any, ...], Party] = {}
        self._residuals: dict[tuple[Any, ...], Residual] = {}
        self._deadlines: dict[tuple[Any, ...], tuple[date | None, Text | None, Deadline | None]] = {}
        # Duties with equal deadline rules and words count their deadlines alike: one number for each such pair.
        kinds: dict[tuple[Any, Any], int] = {}
        self._deadline_kinds = {
            t.rule_id: kinds.setdefault((t.deadline, t.deadline_text), len(kinds)) for t in self.templates
        }
        self._reads = {
            rule_id: tuple(dict.fromkeys(t.field for t in derivations.tests_read(c.expr))) for rule_id, c in self.by_id.items()
        }
        # What a conclusion depends on: the fields its condition reads (through derived facts) and the fields
        # its parties, deadline and title are filled from. Equal values give an equal conclusion, so it is
        # built once and shared between decisions (every part of it is frozen).
        self._title_fields = {
            t.rule_id: tuple(f for p in PLACEHOLDER.findall(t.document_title or "") for f in _PLACEHOLDER_READS.get(p, (p,)))
            for t in self.templates
        }
        # A conclusion whose condition reads a date its deadline counts from is keyed on it; for the others
        # the deadline is filled in per meeting (`_titled`), so the rest of the conclusion is shared.
        self._reads_deadline_fields = {
            t.rule_id for t in self.templates if set(t.deadline_fields) & set(self._reads[t.rule_id])
        }
        filled_from = {  # the fields its parties, its deadline (when the condition reads them) and its title read
            t.rule_id: (
                *(f for role in (t.holder, t.sender, *t.recipients, *t.copies) if role for f in self._role_fields[role]),
                *(t.deadline_fields if t.rule_id in self._reads_deadline_fields else ()),
                *(f for f in self._title_fields[t.rule_id] if f != "topic"),
            )
            for t in self.templates
        }
        self._depends = {
            t.rule_id: tuple(dict.fromkeys((*self._reads[t.rule_id], *filled_from[t.rule_id]))) for t in self.templates
        }
        # Per rule: the fields its condition tests itself, and the derived facts it names; per derived fact,
        # the rules that may derive it.
        tested = {
            rule_id: tuple(dict.fromkeys(n.field for n in walk(c.expr) if isinstance(n, Test)))
            for rule_id, c in self.by_id.items()
        }
        self._tests_of = {rule_id: _getter(tested[rule_id], c.rule.applies_to) for rule_id, c in self.by_id.items()}
        self._derived_in = {
            rule_id: tuple(dict.fromkeys(n.name for n in walk(c.expr) if isinstance(n, Derived)))
            for rule_id, c in self.by_id.items()
        }
        deriving: dict[str, list[str]] = {}
        for c in book.rules:
            for name in dict.fromkeys(c.rule.then.derive):
                deriving.setdefault(name, []).append(c.rule.id)
        self._deriving = {name: tuple(deriving.get(name, ())) for name in self.catalogue.derived_facts}
        self._shared: dict[tuple[Any, ...], Any] = {}
        # The conclusion of a rule that applies, without what changes from meeting to meeting, by the rule and
        # the values of what it depends on; and each dated copy of one, by that key and its deadline's key.
        self._applies: dict[tuple[Any, ...], Conclusion] = {}
        kind_of = {t.rule_id: self.by_id[t.rule_id].rule.applies_to for t in self.templates}
        # The key of a conclusion that applies: the fields its condition tests itself, and for each derived fact
        # it names the rules that derived it (what its reasons show); not the fields behind those facts.
        applies_of = {
            t.rule_id: _getter(
                tuple(dict.fromkeys((*tested[t.rule_id], *filled_from[t.rule_id]))),
                kind_of[t.rule_id],
            )
            for t in self.templates
        }
        self._deadline_fields_of = {t.rule_id: _getter(t.deadline_fields, kind_of[t.rule_id]) for t in self.templates}
        self._dated: dict[tuple[Any, ...], Conclusion] = {}
        # Per rule: how a conclusion differs from meeting to meeting (`_titled`): its deadline (dates vary) and a
        # document title that holds the free-text topic.
        self._per_meeting = {
            t.rule_id: (
                t.deadline is not None and t.rule_id not in self._reads_deadline_fields,
                t.document_title is not None and "topic" in self._title_fields[t.rule_id],
            )
            for t in self.templates
        }
        # What `_applying` needs of each rule with a conclusion, in one tuple: the key of its shared conclusion
        # (a getter and the derived facts it names), its template, the kind of its deadline when that changes
        # from meeting to meeting (else None), and whether its document title holds the topic.
        self._plans = {
            t.rule_id: (
                applies_of[t.rule_id],
                self._derived_in[t.rule_id],
                t,
                self._deadline_kinds[t.rule_id] if self._per_meeting[t.rule_id][0] else None,
                self._per_meeting[t.rule_id][1],
            )
            for t in self.templates
        }
        # The fields whose unknown value leaves a deadline waiting (a question): known, no deadline waits.
        self._pending_fields = {
            kind: tuple(dict.fromkeys(p for r, p in self._pending_when.items() if self.by_id[r].rule.applies_to == kind))
            for kind in FACT_MODELS
        }

    def build(
        self, facts: Facts, fired: set[str], derived: Mapping[str, list[str]], values: Mapping[str, Any] | None = None
    ) -> Decision:
        """The decision for `facts`, given the rules that fired and the facts they derived (and the facts'
        `rule_values()`, when the caller has them already).

        What only explains the decision (derivations, exclusions, display names) is left for
        `explanation` to work out when a caller first reads it.
        """
        if values is None:
            values = facts.rule_values()
        kind = facts.kind
        keys = self._hashable_values(kind, values)
        order = self.order.__getitem__
        by = {
            name: (holders[0],) if len(holders) == 1 else tuple(sorted(holders, key=order))
            for name, holders in derived.items()
        }
        open_facts = None in map(values.get, self._questioned[kind])
        maybe: dict[str, Residual] = {}
        if not open_facts:  # the engine has the whole answer
            rule_ids = self._rule_ids.get(kind, ())
            applies = [r for r in rule_ids if r in fired]
            excluded = [r for r in rule_ids if r not in fired]
        else:
            certain: dict[str, bool | None] = self._derived3(kind, values, {name: True for name in by})
            applies, excluded = [], []
            for checked in self.rules_of.get(kind, []):
                rule_id = checked.rule.id
                residual = None if rule_id in fired else self._residual(checked, values, certain)
                if residual is None or residual.outcome is True:
                    applies.append(rule_id)
                elif residual.outcome is None:
                    maybe[rule_id] = residual
                else:
                    excluded.append(rule_id)
        templates = self._template_of
        conclusions = self._applying(applies, keys, values, by)
        conditional = [
            self._titled(
                self._once(
                    ("conditional", r, *map(keys.get, self._depends[r])),
                    lambda r=r: self._conditional(templates[r], values, by, maybe[r], kind),
                ),
                templates[r],
                values,
            )
            for r in maybe
            if r in templates
        ]
        # How to explain the decision later, and from what, in its private dict: one for all decisions alike
        # (`Decision._explained` replaces it, never changes it).
        later = ("explain", tuple(by.items()), tuple(excluded))
        private = self._shared.get(later)
        if private is None:
            private = {"_explain": (self.explanation, *later[1:])}
            bounded_put(self._shared, later, private, _CACHE_SIZE)
        return trusted(
            Decision,
            {
                "fact_kind": kind,
                "facts": facts.__pydantic_serializer__.to_python(facts, mode="json"),  # model_dump, minus its wrapper
                "conclusions": tuple(conclusions),
                "conditional": tuple(conditional),
                "questions": self._questions(kind, values, conclusions, conditional),
                "warnings": self._warnings(facts),
                "rulebook": self.book.digest,
                "memo": self._memo,
                "library_version": __version__,
            },
            private,
            shared_keys=True,
        )

    def explanation(self, decision: Decision, later: tuple[Any, ...]) -> dict[str, Any]:
        """The fields of `decision` that explain it: derived facts with their derivations, the rules that
        do not apply with the facts that keep them out, and the display names of what these mention.

        `later` is what `build` kept for this: the derived facts with the rules that derived them, and the
        rules that do not apply. The facts are validated again from the decision (they came out of
        validation, so they pass unchanged).
        """
        _, by_items, excluded = later
        by = dict(by_items)
        kind = decision.fact_kind
        facts = validate_facts(decision.facts, kind, self.catalogue)
        values = facts.rule_values()
        keys = self._hashable_values(kind, values)
        certain: dict[str, bool | None] = {name: True for name in by}
        if None in map(values.get, self._questioned[kind]):
            certain = self._derived3(kind, values, certain)
        # Keyed, like a conclusion, on the fields the condition tests itself and on what is known of the derived
        # facts it names (why_not reads whether they hold: True, None for may, False; a derivation shows the
        # rules that derived them).
        tests_of, names = self._tests_of, self._derived_in
        not_applying = tuple(
            self._once(
                ("excluded", rule_id, tests_of[rule_id](keys), *(certain.get(n, False) for n in names[rule_id])),
                lambda c=self.by_id[rule_id]: trusted(
                    Excluded,
                    {"rule_id": c.rule.id, "title": c.rule.title, "reasons": tuple(why_not(c.expr, values, certain))},
                ),
            )
            for rule_id in excluded
        )
        derived_out = tuple(
            self._once(
                (
                    "derived",
                    name,
                    by[name],
                    *(tests_of[r](keys) for r in self._deriving[name]),
                    *(by.get(n) for r in self._deriving[name] for n in names[r]),
                ),
                lambda name=name, fact=fact: trusted(
                    DerivedFactOut,
                    {
                        "id": name,
                        "description": fact.description,
                        "derived_by": tuple(by[name]),
                        "derivations": tuple(self._derivation(rid, values, by) for rid in by[name]),
                    },
                ),
            )
            for name, fact in self.catalogue.derived_facts.items()
            if name in by
        )
        return {
            "derived": derived_out,
            "not_applying": not_applying,
            "names": self._names(values, decision.conclusions, derived_out, not_applying),
        }

    def _applying(
        self, applies: list[str], keys: Mapping[str, Any], values: Mapping[str, Any], by: Mapping[str, Sequence[str]]
    ) -> list[Conclusion]:
        """The conclusions of the rules that apply, for these facts.

        The part of a conclusion that stays the same for equal values of what its rule depends on is built
        once and shared. A dated copy of it is found again by that key and its deadline's (one flat tuple: a
        kept key costs less), so that meetings on the same dates share it too. Many duties count their
        deadline alike, so each kind of deadline is counted once per decision. A document title with the
        free-text topic is never found again. (One loop with the rulebook's plan for each rule in hand: this
        runs for every rule that applies to every meeting.)
        """
        plans, shared_of, dated_of = self._plans, self._applies, self._dated
        counted_of: dict[int, tuple[tuple[Any, ...], tuple[date | None, Text | None, Deadline | None]]] = {}
        out = []
        for rule_id in applies:
            plan = plans.get(rule_id)
            if plan is None:  # a rule that only derives facts
                continue
            key_of, names, t, deadline_kind, titled = plan
            key = (rule_id, key_of(keys), *map(by.get, names)) if names else (rule_id, key_of(keys))
            shared = shared_of.get(key)
            if shared is None:
                shared = self._conclusion(t, values, by)
                bounded_put(shared_of, key, shared, _CACHE_SIZE)
            if deadline_kind is None:  # no deadline that changes from meeting to meeting
                out.append(self._titled(shared, t, values) if titled else shared)
                continue
            counted = counted_of.get(deadline_kind)
            if counted is None:
                counted = counted_of[deadline_kind] = self._deadline_keyed(t, values)
            deadline_key, triple = counted
            if titled:
                out.append(self._titled(shared, t, values, triple))
                continue
            dated_key = key + deadline_key
            found = dated_of.get(dated_key)
            if found is None:
                fields = shared.__dict__.copy()  # shares its keys with the class's, as the original does
                fields["deadline"], fields["deadline_note"], fields["deadline_detail"] = triple
                found = trusted(Conclusion, fields)
                bounded_put(dated_of, dated_key, found, _DATED_CACHE_SIZE)
            out.append(found)
        return out

    def _hashable_values(self, kind: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """`values` with its lists as tuples, to be part of cache keys."""
        keys = dict(values)
        for name in self._list_fields[kind]:
            value = keys.get(name)
            if value is not None:
                keys[name] = tuple(value)
        return keys

    def _once(self, key: tuple[Any, ...], make: Any) -> Any:
        """`make()`, built once for each `key` (what it is, and the values it depends on) and shared after that."""
        found = self._shared.get(key)
        if found is None:
            found = make()
            bounded_put(self._shared, key, found, _CACHE_SIZE)
        return found

    def _titled(
        self,
        conclusion: Conclusion,
        t: _Template,
        values: Mapping[str, Any],
        deadline: tuple[date | None, Text | None, Deadline | None] | None = None,
    ) -> Conclusion:
        """The shared conclusion with what changes from meeting to meeting filled in (see `_per_meeting`);
        `deadline` when the caller has counted it already."""
        has_deadline, titled = self._per_meeting[t.rule_id]
        if not (has_deadline or titled):
            return conclusion
        fields = conclusion.__dict__.copy()  # shares its keys with the class's, as the original does
        if has_deadline:
            fields["deadline"], fields["deadline_note"], fields["deadline_detail"] = deadline or self._deadline(t, values)
        if titled:
            fields["document_title"] = self._fill(t.document_title, values)
        return trusted(Conclusion, fields)

    # --- facts not known yet ---------------------------------------------------------

    def _derived3(self, kind: str, values: Mapping[str, Any], certain: dict[str, bool | None]) -> dict[str, bool | None]:
        """Derived facts that may follow (None) besides those that do (True), to a fixpoint."""
        out = dict(certain)
        changed = True
        while changed:
            changed = False
            for checked in self.rules_of.get(kind, []):
                for name in checked.rule.then.derive:
                    if out.get(name) is True:
                        continue
                    value = holds3(checked.expr, values, out)
                    if value is True or (value is None and name not in out):
                        out[name] = value
                        changed = True
        return out

    def _residual(self, checked: CheckedRule, values: Mapping[str, Any], certain: Mapping[str, bool | None]) -> Residual:
        if holds3(checked.expr, values, certain) is False:
            return Residual(False)
        rule_id = checked.rule.id
        key = (rule_id, *(hashable(values.get(f)) for f in self._reads[rule_id]))
        found = self._residuals.get(key)
        if found is None:
            found = self._completions[checked.rule.applies_to].residual(checked.expr, values)
            bounded_put(self._residuals, key, found, _CACHE_SIZE)
        return found

    def _conditional(
        self, t: _Template, values: Mapping[str, Any], by: Mapping[str, Sequence[str]], residual: Residual, kind: str
    ) -> Conclusion:
        conclusion = self._conclusion(t, values, by)
        known = tuple(r for r in conclusion.reasons if r.derived is not None or values.get(r.field or "") is not None)
        specs = field_specs(kind)
        alternatives = tuple(
            tuple(
                trusted(
                    AnswerOut,
                    {
                        "field": a.field,
                        "option": a.option,
                        "value": a.value,
                        "text": answer_text(specs[a.field], a.option, a.value),
                    },
                )
                for a in alternative
            )
            for alternative in residual.applies_if
        )
        condition = _condition_text(alternatives, [specs[q] for q in residual.questions])
        return conclusion.model_copy(
            update={
                "questions": residual.questions,
                "applies_if": alternatives,
                "condition": condition,
                "reasons": known,
            }
        )

    def _questions(
        self, kind: str, values: Mapping[str, Any], conclusions: list[Conclusion], conditional: list[Conclusion]
    ) -> tuple[Question, ...]:
        if not conditional and None not in map(values.get, self._pending_fields[kind]):
            return ()  # nothing is conditional, and no deadline waits for an answer
        decides: dict[str, list[str]] = {}
        for c in conditional:
            for field in c.questions:
                decides.setdefault(field, []).append(c.rule_id)
        pending_when = self._pending_when
        for c in (*conclusions, *conditional):
            pending = pending_when.get(c.rule_id)
            if pending and values.get(pending) is None and c.deadline_detail is not None and c.deadline_detail.due is None:
                decides.setdefault(pending, []).append(c.rule_id)
        if not decides:
            return ()
        key = ("questions", kind, *((name, *rules) for name, rules in decides.items()))
        return self._once(key, lambda: self._make_questions(kind, decides))

    def _make_questions(self, kind: str, decides: Mapping[str, Sequence[str]]) -> tuple[Question, ...]:
        out = []
        for name, spec in field_specs(kind).items():
            if name in decides and spec.question:
                rules = sorted(set(decides[name]), key=self.order.__getitem__)
                out.append(
                    trusted(
                        Question,
                        {
                            "field": name,
                            "question": Text(nb=spec.question[0], en=spec.question[1]),
                            "phase": spec.phase or "invitation",
                            "decides": tuple(rules),
                        },
                    )
                )
        return tuple(out)

    def _warnings(self, facts: Facts) -> tuple[FactWarning, ...]:
        unresolved = tuple(facts.unresolved_names(self.catalogue))
        if not unresolved:
            return ()
        return self._once(("warnings", *unresolved), lambda: self._make_warnings(unresolved))

    def _make_warnings(self, unresolved: tuple[tuple[str, str], ...]) -> tuple[FactWarning, ...]:
        out = []
        for field, name in unresolved:
            if field == "forum":
                nb, en = self.catalogue.forum_hint(name)
                what = ("forumet", "the forum", "bare de alminnelige reglene i 3.1, 3.2 og 4.1 gjelder",
                        "only the general rules of 3.1, 3.2 and 4.1 apply")
            elif field == "delegation":
                nb, en = did_you_mean(name, [*self.catalogue.departments, *PARTICIPANTS])
                what = ("deltakeren", "the participant", "regnes ikke som departement eller UDI-avdeling",
                        "is not counted as a ministry or a UDI department")
            else:
                nb, en = self.catalogue.department_hint(name)
                what = ("avdelingen", "the department", "navnet brukes som skrevet", "the name is used as written")
            message = Text(
                nb=f"{what[0]} `{name}` står ikke i katalogen; {what[2]}" + (f"; {nb}" if nb else ""),
                en=f"{what[1]} `{name}` is not in the catalogue; {what[3]}" + (f"; {en}" if en else ""),
            )
            out.append(
                trusted(FactWarning, {"code": f"unknown-{field}", "field": field, "value": name, "message": message})
            )
        return tuple(out)

    def _derivation(self, rule_id: str, values: Mapping[str, Any], by: Mapping[str, Sequence[str]]) -> Derivation:
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
                "reasons": tuple(reasons(checked.expr, values, by)),
            },
        )

    def _names(
        self,
        values: Mapping[str, Any],
        conclusions: list[Conclusion],
        derived: list[DerivedFactOut],
        excluded: list[Excluded],
    ) -> dict[str, Text]:
        """Display names of what the decision mentions: forums (the first alias, e.g. `EUAA` for `euaa`)
        and derived facts that did not follow (their description)."""
        ids = {values.get("forum")}
        reason_lists = [c.reasons for c in conclusions] + [d.reasons for f in derived for d in f.derivations]
        reason_lists += [e.reasons for e in excluded]
        facts = set()
        for found in reason_lists:
            for reason in found:
                if reason.field == "forum":
                    ids.update(reason.expected if isinstance(reason.expected, list) else [reason.expected])
                elif reason.derived is not None:
                    facts.add(reason.derived)
        names = {i: self._forum_names[i] for i in sorted(ids - {None}, key=str) if i in self._forum_names}
        for name in sorted(facts):
            if name in self.catalogue.derived_facts:
                names[name] = self.catalogue.derived_facts[name].description
        return names

    def _conclusion(self, t: _Template, values: Mapping[str, Any], by: Mapping[str, Sequence[str]]) -> Conclusion:
        deadline, note, detail = self._deadline(t, values)
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
                "deadline_detail": detail,
                "document_type": t.document_type,
                "template": t.template,
                "document_title": self._fill(t.document_title, values) if t.document_title else None,
                "sender": self._party(t.sender, values) if t.sender else None,
                "recipients": tuple(self._party(r, values) for r in t.recipients),
                "copies": tuple(self._party(r, values) for r in t.copies),
                "attachments": t.attachments,
                "citation": t.citation,
                "interpretation": t.interpretation,
                "reasons": tuple(reasons(t.expr, values, by)),
                "questions": (),
                "applies_if": (),
                "condition": None,
            },
            shared_keys=True,
        )

    def _deadline(self, template: _Template, values: Mapping[str, Any]) -> tuple[date | None, Text | None, Deadline | None]:
        """(date, note, detail) of a duty's deadline: the rule file's words in front of how it was counted."""
        return self._deadline_keyed(template, values)[1]

    def _deadline_keyed(
        self, template: _Template, values: Mapping[str, Any]
    ) -> tuple[tuple[Any, ...], tuple[date | None, Text | None, Deadline | None]]:
        """The key a duty's deadline is counted by, and the deadline (as `_deadline`).

        Many duties share one deadline rule (everything due before the meeting), so the counting
        is done once per rule, words and dates it reads.
        """
        if template.deadline is None:
            return (), (None, template.deadline_text, None)
        key = (self._deadline_kinds[template.rule_id], self._deadline_fields_of[template.rule_id](values))
        found = self._deadlines.get(key)
        if found is None:
            counted = compute(template.deadline, values, template.deadline_text)
            assert counted is not None
            detail = _deadline_detail(counted.due, counted.earliest, counted.latest, counted.waits_for)
            found = (counted.due, counted.note, detail)
            bounded_put(self._deadlines, key, found, _CACHE_SIZE)
        return key, found

    def _party(self, role_id: str, values: Mapping[str, Any]) -> Party:
        fields = self._role_fields[role_id]
        if not fields:
            return self._parties[role_id]
        key = (role_id, *(hashable(values.get(f)) for f in fields))
        filled = self._filled.get(key)
        if filled is None:
            party = self._parties[role_id]
            name = trusted(Text, {"nb": self._fill(party.name.nb, values), "en": self._fill(party.name.en, values)})
            filled = Party(id=party.id, name=name)
            bounded_put(self._filled, key, filled, _CACHE_SIZE)
        return filled

    def _fill(self, pattern: str, values: Mapping[str, Any]) -> str:
        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name == "specialist_department":
                return _specialist_department(values)
            value = values.get(name)
            if name == "forum" and value in self.catalogue.forums:
                forum = self.catalogue.forums[value]
                return forum.aliases[0] if forum.aliases else forum.name.nb
            return str(value) if value is not None else ""

        return PLACEHOLDER.sub(replace, pattern)


@lru_cache(maxsize=_CACHE_SIZE)
def _deadline_detail(due: date | None, earliest: date | None, latest: date | None, waits_for: str | None) -> Deadline:
    """A deadline as data, one frozen object for equal dates, shared by every duty and meeting that has them."""
    return trusted(Deadline, {"due": due, "earliest": earliest, "latest": latest, "waits_for": waits_for}, shared_keys=True)


def _getter(fields: tuple[str, ...], kind: str) -> Callable[[Mapping[str, Any]], Any]:
    """What picks the values of `fields` out of a fact's values, to be part of a cache key: an itemgetter
    (the fastest way) when every field is one of the kind's, which a fact's values always hold."""
    if not fields:
        return lambda values: ()
    if set(fields) <= set(field_specs(kind)):
        return itemgetter(*fields)
    return lambda values: tuple(map(values.get, fields))


def _deadline_fields(rule: MeetingDeadline | DateInYear | None) -> tuple[str, ...]:
    """The fact fields `deadlines.compute` reads for this deadline."""
    if rule is None:
        return ()
    if isinstance(rule, DateInYear):
        return ("year",)
    return tuple(f for f in (rule.from_, rule.later_of, rule.pending_when) if f is not None)


#: Placeholders computed from facts, and the fields they read (so a cached name is keyed on them).
_PLACEHOLDER_READS = {"specialist_department": ("departments_concerned", "responsible_department")}


def _specialist_department(values: Mapping[str, Any]) -> str:
    """"Aktuell fagavdeling": the specialist departments whose field the meeting concerns, never AUA itself."""
    concerned = [d for d in values.get("departments_concerned") or () if d != "AUA"]
    if concerned:
        return ", ".join(concerned)
    responsible = values.get("responsible_department")
    return responsible if responsible and responsible != "AUA" else "ikke oppgitt"


def answer_text(spec: FieldSpec, option: str | None, value: Any) -> Text:
    """One answer as a clause: "spørsmål av prinsipiell karakter blir drøftet", "JD er ikke med i delegasjonen"."""
    if option is not None:
        nb_name, en_name = VALUE_LABELS.get(option, (option, option))
        if spec.type == "participants":
            return Text(
                nb=f"{nb_name} er {'' if value else 'ikke '}med i delegasjonen",
                en=f"{en_name} is {'' if value else 'not '}in the delegation",
            )
        return Text(
            nb=f"{nb_name} er {'' if value else 'ikke '}blant avdelingene som berøres",
            en=f"{en_name} is {'' if value else 'not '}among the departments concerned",
        )
    if spec.said is not None and isinstance(value, bool):
        nb_true, nb_false, en_true, en_false = spec.said
        return Text(nb=nb_true if value else nb_false, en=en_true if value else en_false)
    nb_value, en_value = VALUE_LABELS.get(str(value), (str(value), str(value)))
    label_nb = spec.nb.split(" (")[0]
    label_en = spec.en.split(" (")[0]
    return Text(nb=f"{label_nb[0].lower()}{label_nb[1:]} er {nb_value}", en=f"{label_en[0].lower()}{label_en[1:]} is {en_value}")


def _condition_text(alternatives: list[list[AnswerOut]], questions: list[FieldSpec]) -> Text:
    """"gjelder hvis A og B, eller hvis C" for the alternatives of a conditional conclusion."""
    if not alternatives:
        shown_nb = "; ".join(q.question[0] for q in questions if q.question)
        shown_en = "; ".join(q.question[1] for q in questions if q.question)
        return Text(nb=f"avhenger av svaret på: {shown_nb}", en=f"depends on the answer to: {shown_en}")
    # Answers every alternative shares are said once: "A og B, og C eller D" rather than "A og B og C, eller A og B og D".
    common = [a for a in alternatives[0] if all(a in alt for alt in alternatives[1:])] if len(alternatives) > 1 else []
    rest = [[a for a in alt if a not in common] for alt in alternatives]
    parts = []
    for lang, both, either in (("nb", " og ", " eller "), ("en", " and ", " or ")):
        head = both.join(a.text(lang) for a in common)
        tail = either.join(both.join(a.text(lang) for a in alt) for alt in rest if alt)
        parts.append(f"{head},{both}{tail}" if head and tail else head or tail)
    return Text(nb=f"gjelder hvis {parts[0]}", en=f"applies if {parts[1]}")


__all__ = ["DecisionBuilder", "Reason", "validate_facts"]
