"""Helpers for the follow-up tests: a meeting's case file written as text, and generated registers."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from engine_support import KNOWN_ORDINARY


def case_data(first_day: str = "2027-03-02", last_day: str = "2027-03-03", events: list[dict[str, Any]] | None = None,
              **facts: Any) -> dict[str, Any]:
    """An EMN case (ASA, UDI alone, no leader) whose after-meeting facts are unknown until events say them."""
    meeting = {"forum": "EMN", "topic": "Nasjonale kontaktpunkter", "first_day": first_day, "last_day": last_day,
               "responsible_department": "ASA",
               **{k: v for k, v in KNOWN_ORDINARY.items()
                  if k not in ("principled_questions_discussed", "official_minutes_expected")},
               "udi_leader_attends": False}
    meeting.update(facts)
    return {"id": "emn-test", "meeting": meeting, "events": events or []}


def case_text(**kwargs: Any) -> str:
    return yaml.safe_dump(case_data(**kwargs), allow_unicode=True, sort_keys=False)


FORUMS = ["EMN", "EUAA", "GDISC", "IGC", "council-working-party-schengen", "Frontex"]
DEPARTMENTS = ["ASA", "OPA", "RMA", "AUA"]


def generated_case(i: int, rng: random.Random) -> dict[str, Any]:
    """A plausible case: a meeting somewhere in 2027 with some of its events."""
    first = date(2027, 1, 4) + timedelta(days=rng.randrange(0, 340))
    last = first + timedelta(days=rng.choice([0, 1, 2]))
    department = rng.choice(DEPARTMENTS)
    events: list[dict[str, Any]] = [{"event": "request_received", "date": str(first - timedelta(days=40)),
                                     "by": department}]
    if rng.random() < 0.8:
        events.append({"event": "participation_cleared", "date": str(first - timedelta(days=rng.randrange(1, 30)))})
    if rng.random() < 0.1:
        events.append({"event": "udi_withdrew", "date": str(first - timedelta(days=2))})
    else:
        events.append({"event": "meeting_held", "date": str(last)})
        minutes = rng.random() < 0.5
        events.append({"event": "facts_learned", "date": str(last + timedelta(days=1)),
                       "facts": {"principled_questions_discussed": rng.random() < 0.3,
                                 "official_minutes_expected": minutes}})
        if minutes and rng.random() < 0.7:
            events.append({"event": "minutes_received", "date": str(last + timedelta(days=rng.randrange(3, 50)))})
        if rng.random() < 0.7:
            events.append({"event": "report_filed", "date": str(last + timedelta(days=rng.randrange(2, 30))),
                           "title": f"Intern rapportering fra møte – {rng.choice(FORUMS)} – Tema {i}"})
    return {
        "id": f"sak-{i:05d}",
        "meeting": {
            "forum": rng.choice(FORUMS), "topic": f"Tema {i}", "first_day": str(first), "last_day": str(last),
            "responsible_department": department, "agenda_level": rng.choice(["operational", "strategic"]),
            "meeting_level": rng.choice(["expert", "leader"]), "delegation": rng.choice([[department], [department, "JD"]]),
            "udi_leader_attends": rng.random() < 0.5, "interpretation_on_agenda": rng.random() < 0.3,
        },
        "events": events,
    }


def write_register(folder: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        path = folder / f"sak-{i:05d}.yaml"
        path.write_text(yaml.safe_dump(generated_case(i, rng), allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths
