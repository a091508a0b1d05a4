"""A decision as text a person reads, in bokmål or English."""

from __future__ import annotations

from datetime import date
from typing import Any

from .decision import Conclusion, Decision, Derivation, Reason
from .deadlines import format_date
from .facts import VALUE_LABELS, field_specs

_KIND_WORDS = {
    "duty": ("Plikt (skal)", "Duty (must)"),
    "assess": ("Vurderingsplikt (skal vurderes)", "Duty to assess (must consider)"),
    "main_rule": ("Hovedregel", "Main rule"),
    "starting_point": ("Utgangspunkt", "Starting point"),
    "information": ("Til orientering", "For information"),
}

_LABELS = {
    "nb": {
        "none": "Ingen regler i internmeldingen gjelder for disse faktaene.",
        "holder": "Hvem",
        "action": "Hva",
        "deadline": "Frist",
        "no_deadline": "ingen fast dato",
        "document_type": "Dokumenttype",
        "template": "Mal",
        "document_title": "Tittel",
        "sender": "Avsender",
        "recipients": "Sendes til",
        "copies": "Kopi til",
        "attachments": "Vedlegg",
        "citation": "Hjemmel",
        "interpretation": "Tolkning",
        "because": "Fordi",
        "derived": "Avledede fakta",
        "rule": "regel",
        "section": "punkt",
        "by": "utledet av",
        "not": "ikke",
        "one_of": "en av",
        "contains": "inneholder",
        "yes": "ja",
        "no": "nei",
        "empty": "(tom)",
        "count": "konklusjon(er)",
        "meeting": "Møte",
        "request": "Henvendelse",
        "year": "År",
        "conditional": "Kan gjelde, avhengig av svar som ennå ikke er kjent",
        "questions": "Åpne spørsmål",
        "decides": "avgjør",
        "warnings": "Advarsler",
        "when": "Gjelder hvis",
        "not_applying": "gjelder ikke",
        "kept_out": "fordi",
        "may_apply": "kan gjelde",
        "applies": "gjelder",
        "no_reason": "ingen enkelt opplysning holder den ute",
        "phase_invitation": "før møtet",
        "not_derived": "følger ikke av fakta",
        "phase_after": "etter møtet",
        "earliest": "tidligst",
        "latest": "senest",
    },
    "en": {
        "none": "No rule of the memo applies to these facts.",
        "holder": "Who",
        "action": "What",
        "deadline": "Deadline",
        "no_deadline": "no fixed date",
        "document_type": "Document type",
        "template": "Template",
        "document_title": "Title",
        "sender": "Sender",
        "recipients": "Send to",
        "copies": "Copy to",
        "attachments": "Attachments",
        "citation": "Source",
        "interpretation": "Interpretation",
        "because": "Because",
        "derived": "Derived facts",
        "rule": "rule",
        "section": "section",
        "by": "derived by",
        "not": "not",
        "one_of": "one of",
        "contains": "contains",
        "yes": "yes",
        "no": "no",
        "empty": "(empty)",
        "count": "conclusion(s)",
        "meeting": "Meeting",
        "request": "Request",
        "year": "Year",
        "conditional": "May apply, depending on answers not known yet",
        "questions": "Open questions",
        "decides": "decides",
        "warnings": "Warnings",
        "when": "Applies if",
        "not_applying": "does not apply",
        "kept_out": "because",
        "may_apply": "may apply",
        "applies": "applies",
        "no_reason": "no single fact keeps it out",
        "phase_invitation": "before the meeting",
        "not_derived": "does not follow from the facts",
        "phase_after": "after the meeting",
        "earliest": "at the earliest",
        "latest": "at the latest",
    },
}

_COMPARE = {
    "nb": {"gt": "etter/over", "gte": "fra og med", "lt": "før/under", "lte": "til og med"},
    "en": {"gt": "after/above", "gte": "from", "lt": "before/below", "lte": "up to"},
}


def render(decision: Decision, lang: str = "nb") -> str:
    if lang not in _LABELS:
        raise ValueError(f"lang must be 'nb' or 'en', not {lang!r}")
    words = _LABELS[lang]
    lines = [_heading(decision, lang), ""]
    if decision.warnings:
        lines.append(f"{words['warnings']}:")
        lines.extend(f"  ! {w.message(lang)}" for w in decision.warnings)
        lines.append("")
    if not decision.conclusions:
        lines.append(words["none"])
    else:
        lines.append(f"{len(decision.conclusions)} {words['count']}:")
    for number, conclusion in enumerate(decision.conclusions, 1):
        lines.append("")
        lines.extend(_conclusion(number, conclusion, decision, lang))
    if decision.conditional:
        lines += ["", f"{words['conditional']} ({len(decision.conditional)}):"]
        start = len(decision.conclusions) + 1
        for number, conclusion in enumerate(decision.conditional, start):
            lines.append("")
            lines.extend(_conclusion(number, conclusion, decision, lang))
    if decision.questions:
        lines += ["", f"{words['questions']}:"]
        for number, question in enumerate(decision.questions, 1):
            phase = words["phase_" + question.phase]
            lines.append(f"  {number}. {question.question(lang)} ({phase}; {words['decides']} {', '.join(question.decides)})")
    if decision.derived:
        lines += ["", f"{words['derived']}:"]
        for fact in decision.derived:
            lines.append(f"  - {fact.description(lang)}")
            for d in fact.derivations:
                lines.append(f"    {words['by']} {words['rule']} {d.rule_id}: {d.title(lang)}")
                lines.extend(_grounds(d, decision, lang, "      "))
    return "\n".join(lines) + "\n"


def _heading(decision: Decision, lang: str) -> str:
    facts = decision.facts
    words = _LABELS[lang]
    memo = "IM 2011-013" + (f" ({decision.memo.version})" if decision.memo else "")
    if decision.fact_kind == "year":
        return f"{words['year']} {facts['year']} · {memo} · {decision.rulebook}"
    if decision.fact_kind == "request":
        about = f" – {facts['about']}" if facts.get("about") else ""
        to = "til" if lang == "nb" else "to"
        return f"{words['request']} {to} {facts['received_by']}{about} · {memo} · {decision.rulebook}"
    first, last = (date.fromisoformat(facts[k]) for k in ("first_day", "last_day"))
    days = format_date(first, lang) if first == last else f"{format_date(first, lang)}–{format_date(last, lang)}"
    forum = _value(facts["forum"], lang, decision)
    return f"{words['meeting']}: {forum} – {facts['topic']} ({days}) · {memo} · {decision.rulebook}"


def _conclusion(number: int, c: Conclusion, decision: Decision, lang: str) -> list[str]:
    words = _LABELS[lang]
    modality = _KIND_WORDS[c.kind][0 if lang == "nb" else 1]
    out = [f"{number}. [{modality}] {c.title(lang)}  ({words['rule']} {c.rule_id})"]
    if c.condition is not None:
        out.append(f"   {words['when']}: {c.condition(lang).removeprefix('gjelder hvis ').removeprefix('applies if ')}")
    out.append(f"   {words['holder']}: {c.holder.name(lang)}")
    out.append(f"   {words['action']}: {c.action(lang)}")
    if c.deadline or c.deadline_note:
        when = format_date(c.deadline, lang) if c.deadline else words["no_deadline"]
        note = f" — {c.deadline_note(lang)}" if c.deadline_note else ""
        out.append(f"   {words['deadline']}: {when}{note}")
    for key in ("document_type", "template", "document_title"):
        value = getattr(c, key)
        if value:
            out.append(f"   {words[key]}: {value}")
    if c.sender:
        out.append(f"   {words['sender']}: {c.sender.name(lang)}")
    for key in ("recipients", "copies"):
        parties = getattr(c, key)
        if parties:
            out.append(f"   {words[key]}: {', '.join(p.name(lang) for p in parties)}")
    if c.attachments:
        out.append(f"   {words['attachments']}: {'; '.join(a(lang) for a in c.attachments)}")
    out.extend(_grounds(c, decision, lang, "   "))
    return out


def _grounds(item: Conclusion | Derivation, decision: Decision, lang: str, indent: str) -> list[str]:
    """Where in the memo a rule stands, how we read it, and why it held."""
    words = _LABELS[lang]
    citation = item.citation
    out = [f"{indent}{words['citation']}: IM 2011-013 {words['section']} {citation.section}: «{citation.quote}»"]
    if item.interpretation:
        out.append(f"{indent}{words['interpretation']}: {item.interpretation(lang)}")
    if item.reasons:
        out.append(f"{indent}{words['because']}:")
        out.extend(f"{indent}  - {reason_text(r, decision, lang)}" for r in item.reasons)
    return out


def reason_text(reason: Reason, decision: Decision, lang: str) -> str:
    """One reason as a sentence fragment: the condition and the value that met it."""
    words = _LABELS[lang]
    if reason.derived:
        label = next((d.description(lang) for d in decision.derived if d.id == reason.derived), None)
        if label is None:
            label = decision.names[reason.derived](lang) if reason.derived in decision.names else reason.derived
        if reason.negated or not reason.derived_by:
            return f"{label} — {words['not_derived']}"
        return f"{label} ({words['by']} {words['rule']} {', '.join(reason.derived_by)})"
    spec = field_specs(decision.fact_kind)[reason.field or ""]
    label = (spec.nb if lang == "nb" else spec.en).split(" (")[0]  # the parenthesis helps input, not reading
    actual = _value(reason.actual, lang, decision)
    op = reason.operator
    if op == "eq":
        test = ""
    elif op == "in":
        test = f" ({words['one_of']} {', '.join(_value(v, lang, decision) for v in reason.expected)})"
    elif op == "contains":
        test = f" ({words['contains']} {_value(reason.expected, lang, decision)})"
    else:
        test = f" ({_COMPARE[lang][op or 'gt']} {_value(reason.expected, lang, decision)})"
    if reason.negated:
        expected = "" if op != "eq" else f" {_value(reason.expected, lang, decision)}"
        return f"{label}: {actual} — {words['not']}{expected}{test}"
    return f"{label}: {actual}{test}"


def _value(value: Any, lang: str, decision: Decision | None = None) -> str:
    words = _LABELS[lang]
    if value is True:
        return words["yes"]
    if value is False:
        return words["no"]
    if value is None:
        return words["empty"]
    if isinstance(value, list):
        return ", ".join(_value(v, lang, decision) for v in value) or words["empty"]
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, str):
        if decision is not None and value in decision.names:
            return decision.names[value](lang)
        if value in VALUE_LABELS:
            return VALUE_LABELS[value][0 if lang == "nb" else 1]
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return format_date(date.fromisoformat(value), lang)
            except ValueError:
                pass
    return str(value)


def why_not_text(decision: Decision, rule_id: str, lang: str = "nb") -> str:
    """Why a rule does not apply, or only may: the facts that keep it out, or the answers it waits for."""
    words = _LABELS[lang]
    for c in decision.conditional:
        if c.rule_id == rule_id:
            condition = c.condition(lang) if c.condition else ""
            return f"{rule_id} {words['may_apply']}: {condition}"
    for c in decision.conclusions:
        if c.rule_id == rule_id:
            return f"{rule_id} {words['applies']}"
    for fact in decision.derived:
        if rule_id in fact.derived_by:
            return f"{rule_id} {words['applies']}"
    for excluded in decision.not_applying:
        if excluded.rule_id == rule_id:
            if not excluded.reasons:
                return f"{rule_id} {words['not_applying']}: {words['no_reason']}"
            why = "; ".join(reason_text(r, decision, lang) for r in excluded.reasons)
            return f"{rule_id} {words['not_applying']} {words['kept_out']}: {why}"
    raise KeyError(rule_id)
