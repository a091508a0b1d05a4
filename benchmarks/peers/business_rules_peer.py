"""The meeting rules for business-rules (venmo): JSON-like conditions over declared variables, one action."""

from __future__ import annotations

from typing import Any

DISTRIBUTION = "business-rules"


def _is(name: str, value: bool = True) -> dict[str, Any]:
    return {"name": name, "operator": "is_true" if value else "is_false", "value": value}


def _eq(name: str, value: str) -> dict[str, Any]:
    return {"name": name, "operator": "equal_to", "value": value}


_ALONE = {"name": "delegation", "operator": "shares_no_elements_with", "value": ["JD", "UD", "OTHER_MINISTRY"]}
_JD_ABSENT = {"name": "delegation", "operator": "shares_no_elements_with", "value": ["JD"]}
_TO_MINISTRY = {"any": [
    {"all": [
        _JD_ABSENT,
        {"any": [
            {"any": [_eq("forum", f) for f in
                     ("schengen", "council-working-party-schengen", "mixed-committee", "euaa", "emn")]},
            {"all": [{"any": [_eq("forum", "gdisc"), _eq("forum", "nu")]}, _eq("meeting_level", "leader")]},
        ]},
    ]},
    _is("principled_questions_discussed"),
]}
#: business-rules wants at least one condition: a meeting always has a forum.
ALWAYS: dict[str, Any] = {"all": [{"name": "forum", "operator": "non_empty", "value": None}]}

#: (rule id, conditions) in rulebook order
CONDITIONS: list[tuple[str, dict[str, Any]]] = [
    ("3.1-vurder-konkret", ALWAYS),
    ("3.1-aua-strategisk", {"all": [_eq("agenda_level", "strategic")]}),
    ("3.1-fagavdeling-operativt", {"any": [_eq("agenda_level", "operational"), _is("interpretation_on_agenda")]}),
    ("3.1-klarering", ALWAYS),
    ("3.1-kostnad-gevinst", ALWAYS),
    ("3.1-vektlegg-bidrag", ALWAYS),
    ("3.1-velg-deltaker", ALWAYS),
    ("3.2-ledernivaa", ALWAYS),
    ("3.2-forankring-uten-leder", {"all": [_is("udi_leader_attends", False)]}),
    ("3.2-kontakt-aua", {"all": [
        _is("contribution_needs_principled_clarification"),
        # business-rules has no "not" and no "not equal to": a regex says "anything but AUA"
        {"name": "responsible_department", "operator": "matches_regex", "value": "^(?!AUA$)"},
    ]}),
    ("3.2-involver-tidlig", ALWAYS),
    ("3.2-involver-for-eu-schengen", {"all": [_is("eu_schengen_legal_change_pending")]}),
    ("3.2-vurder-formote", ALWAYS),
    ("3.2-vurder-veivalgsnotat", ALWAYS),
    ("3.2-konsulter-departementet", {"all": [_ALONE, {"any": [
        _is("invitation_signals_law_change"),
        _is("invitation_signals_budget_consequences"),
        _is("invitation_signals_political_sensitivity"),
    ]}]}),
    ("4.1-intern-rapport", ALWAYS),
    ("4.1-vurder-nytte", ALWAYS),
    ("4.1-vurder-egne-moter", ALWAYS),
    ("4.1-intern-rapport-vedlegg", {"all": [_is("official_minutes_exist")]}),
    ("4.1-brev-til-departementet", _TO_MINISTRY),
    ("4.1-brev-vedlegg", {"all": [_TO_MINISTRY, _is("official_minutes_exist")]}),
]
RULES = [{"conditions": c, "actions": [{"name": "conclude", "params": {"rule": r}}]} for r, c in CONDITIONS]


def build():
    from business_rules import run_all
    from business_rules.actions import BaseActions, rule_action
    from business_rules.fields import FIELD_TEXT
    from business_rules.variables import (
        BaseVariables, boolean_rule_variable, select_multiple_rule_variable, string_rule_variable,
    )

    class MeetingVariables(BaseVariables):
        def __init__(self, facts: dict[str, Any]):
            self.facts = facts

    def string(name: str):
        return string_rule_variable(label=name)(lambda self: self.facts[name])

    def boolean(name: str):
        return boolean_rule_variable(label=name)(lambda self: self.facts[name])

    for name in ("forum", "agenda_level", "meeting_level", "responsible_department"):
        setattr(MeetingVariables, name, string(name))
    for name in ("interpretation_on_agenda", "udi_leader_attends", "contribution_needs_principled_clarification",
                 "eu_schengen_legal_change_pending", "principled_questions_discussed", "official_minutes_exist",
                 "invitation_signals_law_change", "invitation_signals_budget_consequences",
                 "invitation_signals_political_sensitivity"):
        setattr(MeetingVariables, name, boolean(name))
    MeetingVariables.delegation = select_multiple_rule_variable(label="delegation")(
        lambda self: self.facts["delegation"])

    class Conclusions(BaseActions):
        def __init__(self) -> None:
            self.rule_ids: list[str] = []

        @rule_action(params={"rule": FIELD_TEXT})
        def conclude(self, rule: str) -> None:
            self.rule_ids.append(rule)

    def conclude(facts: dict[str, Any]) -> list[str]:
        actions = Conclusions()
        run_all(RULES, MeetingVariables(facts), actions, stop_on_first_trigger=False)
        return actions.rule_ids

    return conclude
