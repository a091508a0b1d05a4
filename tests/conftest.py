"""Shared fixtures: the default rulebook and a meeting to vary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from udi_rules import Rulebook

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return Rulebook.default()


def meeting(**changes: Any) -> dict[str, Any]:
    """A plain EMN expert meeting with the Ministry of Justice absent; override what a test needs."""
    base: dict[str, Any] = {
        "forum": "EMN",
        "topic": "Nasjonale kontaktpunkter",
        "first_day": "2027-03-02",
        "last_day": "2027-03-03",
        "agenda_level": "operational",
        "meeting_level": "expert",
        "udi_attends_alone": True,
        "ministry_of_justice_attends": False,
        "udi_leader_attends": True,
        "responsible_department": "ASA",
    }
    base.update(changes)
    return base
