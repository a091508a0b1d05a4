"""Shared fixtures (the default rulebook; the ordinary meeting to vary is `engine_support.meeting`),
and the message a scenario writer gets for a sentence no step understands."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

# Checked rulebooks are cached in a folder of this run's own (and its child processes'), not the user's.
_OWN_CACHE = None if "UDI_RULES_CACHE" in os.environ else tempfile.mkdtemp(prefix="udi-rules-test-cache-")
if _OWN_CACHE:
    os.environ["UDI_RULES_CACHE"] = _OWN_CACHE

# A failing step shows the expected and the actual value, as a test module's assert does.
pytest.register_assert_rewrite(
    "step_defs", *(path.stem for path in sorted(Path(__file__).parent.glob("steps_*.py")))
)

from udi_rules import Rulebook
from udi_rules.tools.steps import KEYWORD_OF_TYPE, nearest


@pytest.fixture(scope="session", autouse=True)
def _cache_folder_removed_at_the_end() -> Any:
    yield
    if _OWN_CACHE:  # not one a parent run made, which it still uses
        shutil.rmtree(_OWN_CACHE, ignore_errors=True)


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
