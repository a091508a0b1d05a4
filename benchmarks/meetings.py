"""The meetings every engine in the benchmark answers, and the answer they must agree on.

Seeded, so that two runs (and two machines) compare the same meetings. Every
meeting is valid and fully known: no fact a case officer may leave open is
left out, so the engine's `conclusions` are the whole answer and a peer engine
that knows nothing of unknown facts can be held to it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from udi_rules import Meeting, Rulebook

#: Forum names as a case officer writes them: catalogue ids, aliases, and now and then a forum the catalogue lacks.
FORUMS = (
    "EMN", "EASO", "EUAA", "Schengen", "GDISC", "NU", "IGC", "UNHCR", "Frontex", "IOM",
    "Mixed Committee", "Visa Working Party", "eu-LISA", "Europarådet", "Salzburgforumet",
)
UNKNOWN_FORUMS = ("Bilateralt møte med Sverige", "OECD migrasjonskomité")
DEPARTMENTS = ("ASA", "AUA", "OPA", "RMA")
PARTICIPANTS = DEPARTMENTS + ("UDI", "JD", "UD", "OTHER_MINISTRY", "POLICE", "OTHER_AGENCY")
SIGNALS = (
    "invitation_signals_law_change",
    "invitation_signals_budget_consequences",
    "invitation_signals_political_sensitivity",
)


def generate(count: int = 3000, seed: int = 2013) -> list[dict[str, Any]]:
    """`count` random valid meetings with every fact known, the same for the same seed."""
    rng = random.Random(seed)
    start = date(2027, 1, 1)
    out = []
    for i in range(count):
        first = start + timedelta(days=rng.randrange(730))
        last = first + timedelta(days=rng.choice((0, 0, 1, 1, 2, 4)))
        forum = rng.choice(UNKNOWN_FORUMS) if rng.random() < 0.02 else rng.choice(FORUMS)
        minutes = rng.random() < 0.4
        meeting: dict[str, Any] = {
            "forum": forum,
            "topic": f"Møte {i}",
            "first_day": first.isoformat(),
            "last_day": last.isoformat(),
            "responsible_department": rng.choice(DEPARTMENTS),
            "agenda_level": rng.choice(("strategic", "operational")),
            "interpretation_on_agenda": rng.random() < 0.3,
            "meeting_level": rng.choice(("leader", "expert")),
            "delegation": rng.sample(PARTICIPANTS, rng.randint(1, 4)),
            "udi_leader_attends": rng.random() < 0.5,
            "contribution_needs_principled_clarification": rng.random() < 0.2,
            "eu_schengen_legal_change_pending": rng.random() < 0.2,
            "principled_questions_discussed": rng.random() < 0.2,
            "official_minutes_expected": minutes,
        }
        for signal in SIGNALS:
            meeting[signal] = rng.random() < 0.15
        if minutes:
            meeting["official_minutes_available_on"] = (last + timedelta(days=rng.randint(1, 60))).isoformat()
        out.append(meeting)
    return out


def concluding_meeting_rules(rulebook: Rulebook) -> list[str]:
    """The meeting rules that conclude something (not only derive a fact), in rulebook order."""
    return [r.rule.id for r in rulebook.checked.rules if r.rule.applies_to == "meeting" and r.rule.then.kind]


def engine_answer(rulebook: Rulebook, meeting: dict[str, Any]) -> list[str]:
    """The rule ids of the engine's conclusions, in rulebook order; a fully known meeting has no conditional ones."""
    decision = rulebook.evaluate(meeting)
    if decision.conditional or decision.questions:
        raise ValueError(f"not a fully known meeting: {meeting['topic']}")
    return [c.rule_id for c in decision.conclusions]


def plain_facts(rulebook: Rulebook, meeting: dict[str, Any]) -> dict[str, Any]:
    """The meeting as a peer engine gets it: validated, names resolved, dates as text, minutes as a flag.

    What the library does before its rules run (validation, resolving aliases
    like EASO → euaa) is done here, once, outside the timing: the peers are
    timed on the rules alone.
    """
    values = Meeting.model_validate(meeting, context={"catalogue": rulebook.catalogue}).rule_values()
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items() if v is not None}
