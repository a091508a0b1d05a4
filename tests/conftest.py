"""Shared fixtures (the default rulebook; the ordinary meeting to vary is `engine_support.meeting`),
and the message a scenario writer gets for a sentence no step understands."""

from __future__ import annotations

from typing import Any

import pytest

from udi_rules import Rulebook
from udi_rules.tools.steps import KEYWORD_OF_TYPE, nearest


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return Rulebook.default()


def pytest_bdd_step_func_lookup_error(request: Any, feature: Any, scenario: Any, step: Any, exception: Exception) -> None:
    """An unknown step fails with the nearest allowed sentences, in Norwegian (English in brackets)."""
    written = f"{step.keyword.strip()} {step.name}"
    lines = [
        f"{feature.rel_filename}:{step.line_number}: ukjent steg «{written}» i scenarioet «{scenario.name}» "
        f"[unknown step]",
        "nærmeste tillatte setninger [nearest allowed sentences]:",
    ]
    for allowed in nearest(step.name, KEYWORD_OF_TYPE.get(step.type)):
        lines.append(f"  {allowed.text}")
        lines.append(f"      f.eks. [e.g.] {allowed.example}")
    lines.append("alle tillatte setninger: `udi-rules steps` [every allowed sentence]")
    pytest.fail("\n".join(lines), pytrace=False)
