"""Shared fixtures: the default rulebook (the ordinary meeting to vary is `engine_support.meeting`)."""

from __future__ import annotations

import pytest

from udi_rules import Rulebook


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return Rulebook.default()
