"""What one rule says, for `udi-rules explain`: as data (JSON) and as text in bokmål or English.

The data is built once (`describe`), with both languages in it; `render`
picks one. The scenarios come from the `features/` folder beside the rules
when there is one (a source checkout), and are said to be missing otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..conditions import Derived, walk
from ..facts import field_specs
from ..model import DateInYear, Duty, MeetingDeadline, Text
from ..prose import date_words
from ..rule_files import CheckedRule, CheckedRulebook
from .scenarios import Mention, features_beside, mentions
from .words import condition_lines

_KIND = {
    "duty": ("Plikt (skal)", "Duty (must)"),
    "assess": ("Vurderingsplikt (skal vurderes)", "Duty to assess (must consider)"),
    "main_rule": ("Hovedregel (som hovedregel)", "Main rule (as a main rule)"),
    "starting_point": ("Utgangspunkt (som utgangspunkt)", "Starting point (as a starting point)"),
    "information": ("Til orientering", "For information"),
}
_APPLIES_TO = {"meeting": ("et møte", "a meeting"), "year": ("et planleggingsår", "a planning year")}

_LABELS = {
    "nb": {
        "rule": "Regel", "file": "Fil", "applies_to": "Gjelder", "kind": "Konklusjon", "when": "Når",
        "citation": "Hjemmel", "section": "punkt", "provision": "bestemmelse", "interpretation": "Tolkning",
        "duty": "Plikt", "holder": "Hvem", "action": "Hva", "deadline": "Frist", "deadline_text": "Frist i ord",
        "document_type": "Dokumenttype", "template": "Mal", "document_title": "Tittel", "sender": "Avsender",
        "recipients": "Sendes til", "copies": "Kopi til", "attachments": "Vedlegg", "derives": "Utleder",
        "scenarios": "Scenarioer", "derived_by": "utledes av", "used_by": "brukes av", "applies": "gjelder", "not_applies": "gjelder ikke", "row": "eksempelrad",
        "no_scenarios": "ingen scenarioer nevner regelen",
        "no_features": "fant ingen features-mappe ved siden av reglene, så ingen scenarioer",
        "none": "ingen",
    },
    "en": {
        "rule": "Rule", "file": "File", "applies_to": "Applies to", "kind": "Conclusion", "when": "When",
        "citation": "Source", "section": "section", "provision": "provision", "interpretation": "Interpretation",
        "duty": "Duty", "holder": "Who", "action": "What", "deadline": "Deadline", "deadline_text": "Deadline in words",
        "document_type": "Document type", "template": "Template", "document_title": "Title", "sender": "Sender",
        "recipients": "Send to", "copies": "Copy to", "attachments": "Attachments", "derives": "Derives",
        "scenarios": "Scenarios", "derived_by": "derived by", "used_by": "used by", "applies": "applies", "not_applies": "does not apply", "row": "example row",
        "no_scenarios": "no scenario names the rule",
        "no_features": "found no features folder beside the rules, so no scenarios",
        "none": "none",
    },
}


def describe(
    checked_rule: CheckedRule, book: CheckedRulebook, rules_path: Path, said: list[Mention] | None = None
) -> dict[str, Any]:
    """Everything a reader needs to know about one rule, in both languages, as JSON-able data.

    `said` is every scenario mention, when the caller has read `features/` already.
    """
    rule, catalogue = checked_rule.rule, book.catalogue
    kind = rule.applies_to
    provision = catalogue.provisions.get(rule.citation.provision or "")
    out: dict[str, Any] = {
        "id": rule.id,
        "title": _text(rule.title),
        "location": str(checked_rule.location),
        "applies_to": kind,
        "kind": rule.then.kind,
        "condition": {lang: condition_lines(checked_rule.expr, kind, catalogue, lang) for lang in ("nb", "en")},
        "citation": {
            "section": rule.citation.section,
            "provision": rule.citation.provision,
            "quote": rule.citation.quote,
            "provision_text": provision.quote if provision else None,
        },
        "interpretation": _text(rule.interpretation) if rule.interpretation else None,
        "duty": describe_duty(catalogue.duties[rule.then.duty], kind, catalogue) if rule.then.duty else None,
        "derives": [
            {"id": name, "description": _text(catalogue.derived_facts[name].description)}
            for name in rule.then.derive if name in catalogue.derived_facts
        ],
    }
    used = {name for name in rule.then.derive}
    needs = {node.name for node in walk(checked_rule.expr) if isinstance(node, Derived)}
    out["derived_by"] = {
        name: [r.rule.id for r in book.rules if name in r.rule.then.derive] for name in sorted(needs)
    }
    out["used_by"] = {
        name: [r.rule.id for r in book.rules if any(isinstance(n, Derived) and n.name == name for n in walk(r.expr))]
        for name in sorted(used)
    }
    features = features_beside(rules_path)
    if said is None:
        said = mentions(features) if features else []
    found = [m for m in said if m.title == rule.title.nb]
    out["scenarios"] = {"folder": str(features) if features else None, "mentions": [m.to_dict() for m in found]}
    return out


def _text(text: Text) -> dict[str, str]:
    return {"nb": text.nb, "en": text.en}


def describe_duty(duty: Duty, kind: str, catalogue: Any) -> dict[str, Any]:
    """A duty from the catalogue as JSON-able data: holder, action, deadline in words, recipients, template."""
    def party(role: str | None) -> dict[str, Any] | None:
        if role is None:
            return None
        found = catalogue.roles.get(role)
        return {"id": role, "name": _text(found.name) if found else {"nb": role, "en": role}}

    return {
        "id": duty.id,
        "title": _text(duty.title),
        "holder": party(duty.holder),
        "action": _text(duty.action),
        "deadline": duty.deadline.model_dump(by_alias=True) if duty.deadline else None,
        "deadline_words": _deadline_words(duty.deadline, kind) if duty.deadline else None,
        "deadline_text": _text(duty.deadline_text) if duty.deadline_text else None,
        "document_type": duty.document_type,
        "template": duty.template,
        "document_title": duty.document_title,
        "sender": party(duty.sender),
        "recipients": [party(r) for r in duty.recipients],
        "copies": [party(r) for r in duty.copies],
        "attachments": [_text(a) for a in duty.attachments],
        "provisions": list(duty.provisions),
    }


def _deadline_words(deadline: MeetingDeadline | DateInYear, kind: str) -> dict[str, str]:
    """The deadline's parameters in words: «14 dager etter Møtets siste dag; ...»."""
    specs = field_specs(kind)

    def label(name: str, lang: str) -> str:
        spec = specs.get(name)
        if spec is None:
            return f"`{name}`"
        return (spec.nb if lang == "nb" else spec.en).split(" (")[0].lower() + f" (`{name}`)"

    words = {}
    for lang in ("nb", "en"):
        if isinstance(deadline, DateInYear):
            day = date_words(deadline.date_in_year, lang)
            parts = [f"{day} hvert år (`date_in_year`)" if lang == "nb" else f"{day} each year (`date_in_year`)"]
        else:
            parts = [
                f"{deadline.days_after} dager etter {label(deadline.from_, lang)}" if lang == "nb"
                else f"{deadline.days_after} days after {label(deadline.from_, lang)}"
            ]
            if deadline.later_of:
                parts.append(
                    f"eller etter {label(deadline.later_of, lang)} om den er senere" if lang == "nb"
                    else f"or after {label(deadline.later_of, lang)} when that is later"
                )
            if deadline.pending_when:
                parts.append(
                    f"venter så lenge {label(deadline.pending_when, lang)} er ja" if lang == "nb"
                    else f"waits while {label(deadline.pending_when, lang)} is yes"
                )
        if deadline.non_working_day == "next_working_day":
            parts.append(
                "flyttes til neste arbeidsdag når den faller på helg eller helligdag" if lang == "nb"
                else "moved to the next working day when it falls on a weekend or public holiday"
            )
        words[lang] = "; ".join(parts)
    return words


def render(described: dict[str, Any], lang: str = "nb") -> str:
    """The description as text in one language."""
    words = _LABELS[lang]
    pick = 0 if lang == "nb" else 1
    d = described
    lines = [
        f"{words['rule']} {d['id']}: {d['title'][lang]}",
        f"  {words['file']}: {d['location']}",
        f"  {words['applies_to']}: {_APPLIES_TO[d['applies_to']][pick]}",
    ]
    if d["kind"]:
        lines.append(f"  {words['kind']}: {_KIND[d['kind']][pick]}")
    lines.append(f"  {words['when']}:")
    lines += [f"    {line}" for line in d["condition"][lang]]
    c = d["citation"]
    where = f"IM 2011-013 {words['section']} {c['section']}"
    if c["provision"]:
        where += f" ({words['provision']} {c['provision']})"
    lines.append(f"  {words['citation']}: {where}: «{c['quote']}»")
    if d["interpretation"]:
        lines.append(f"  {words['interpretation']}: {d['interpretation'][lang]}")
    duty = d["duty"]
    if duty:
        lines.append(f"  {words['duty']} `{duty['id']}`: {duty['title'][lang]}")
        lines.append(f"    {words['holder']}: {duty['holder']['name'][lang]} (`{duty['holder']['id']}`)")
        lines.append(f"    {words['action']}: {duty['action'][lang]}")
        if duty["deadline_words"]:
            lines.append(f"    {words['deadline']}: {duty['deadline_words'][lang]}")
        if duty["deadline_text"]:
            lines.append(f"    {words['deadline_text']}: {duty['deadline_text'][lang]}")
        for key in ("document_type", "template", "document_title"):
            if duty[key]:
                lines.append(f"    {words[key]}: {duty[key]}")
        if duty["sender"]:
            lines.append(f"    {words['sender']}: {duty['sender']['name'][lang]}")
        for key in ("recipients", "copies"):
            if duty[key]:
                lines.append(f"    {words[key]}: {', '.join(p['name'][lang] for p in duty[key])}")
        if duty["attachments"]:
            lines.append(f"    {words['attachments']}: {'; '.join(a[lang] for a in duty['attachments'])}")
    for name, rules in d["derived_by"].items():
        lines.append(f"  `{name}` {words['derived_by']}: {', '.join(rules) or words['none']}")
    for fact in d["derives"]:
        users = d["used_by"].get(fact["id"], [])
        lines.append(f"  {words['derives']}: {fact['description'][lang]} (`{fact['id']}`)")
        lines.append(f"    {words['used_by']}: {', '.join(users) or words['none']}")
    scenarios = d["scenarios"]
    if scenarios["folder"] is None:
        lines.append(f"  {words['scenarios']}: {words['no_features']}")
    elif not scenarios["mentions"]:
        lines.append(f"  {words['scenarios']}: {words['no_scenarios']} ({scenarios['folder']})")
    else:
        lines.append(f"  {words['scenarios']} ({len(scenarios['mentions'])}):")
        for m in scenarios["mentions"]:
            verdict = words["applies"] if m["applies"] else words["not_applies"]
            row = f", {words['row']} {m['example']}" if m["example"] else ""
            tags = "".join(f" @{t}" for t in m["tags"])
            lines.append(f"    {m['file']}:{m['line']}: {verdict} — «{m['scenario']}»{row}{tags}")
    return "\n".join(lines) + "\n"


__all__ = ["describe", "describe_duty", "render"]
