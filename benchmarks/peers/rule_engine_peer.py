"""The meeting rules as rule-engine (zeroSteiner) expressions, one compiled `Rule` per memo rule."""

from __future__ import annotations

from typing import Any

DISTRIBUTION = "rule-engine"

_ALONE = "not ('JD' in delegation or 'UD' in delegation or 'OTHER_MINISTRY' in delegation)"
_SIGNALS = (
    "(invitation_signals_law_change or invitation_signals_budget_consequences"
    " or invitation_signals_political_sensitivity)"
)
_TO_MINISTRY = (
    "((not 'JD' in delegation)"
    " and (forum in ['schengen', 'council-working-party-schengen', 'mixed-committee', 'euaa', 'emn']"
    "      or (forum in ['gdisc', 'nu'] and meeting_level == 'leader'))"
    ") or principled_questions_discussed"
)

#: (rule id, condition) in rulebook order
RULES = [
    ("3.1-vurder-konkret", "true"),
    ("3.1-aua-strategisk", "agenda_level == 'strategic'"),
    ("3.1-fagavdeling-operativt", "agenda_level == 'operational' or interpretation_on_agenda"),
    ("3.1-klarering", "true"),
    ("3.1-kostnad-gevinst", "true"),
    ("3.1-vektlegg-bidrag", "true"),
    ("3.1-velg-deltaker", "true"),
    ("3.2-ledernivaa", "true"),
    ("3.2-forankring-uten-leder", "not udi_leader_attends"),
    ("3.2-kontakt-aua", "contribution_needs_principled_clarification and responsible_department != 'AUA'"),
    ("3.2-involver-tidlig", "true"),
    ("3.2-involver-for-eu-schengen", "eu_schengen_legal_change_pending"),
    ("3.2-vurder-formote", "true"),
    ("3.2-vurder-veivalgsnotat", "true"),
    ("3.2-konsulter-departementet", f"{_ALONE} and {_SIGNALS}"),
    ("4.1-intern-rapport", "true"),
    ("4.1-vurder-nytte", "true"),
    ("4.1-vurder-egne-moter", "true"),
    ("4.1-intern-rapport-vedlegg", "official_minutes_exist"),
    ("4.1-brev-til-departementet", _TO_MINISTRY),
    ("4.1-brev-vedlegg", f"({_TO_MINISTRY}) and official_minutes_exist"),
]


def build():
    import rule_engine

    compiled = [(rule_id, rule_engine.Rule(text)) for rule_id, text in RULES]

    def conclude(facts: dict[str, Any]) -> list[str]:
        return [rule_id for rule_id, rule in compiled if rule.matches(facts)]

    return conclude
