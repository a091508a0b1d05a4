"""Short fuzz runs: any rule file ends in a rulebook or located diagnostics; any facts in a decision or InvalidFacts.

The long runs of the same properties are `make fuzz` (benchmarks/fuzz.py),
each input in a child process under a time and memory limit.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine_support import catalogue_texts, meeting
from fuzz_support import (
    agree_with_direct,
    any_rule_file,
    facts_outcome,
    load_outcome,
    meetings_with_junk,
    rule_files,
)
from udi_rules import Rulebook, RulebookError

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 25))  # `make fuzz` raises it
SHORT = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)


@SHORT
@given(content=any_rule_file())
def test_any_rule_file_ends_in_a_rulebook_or_located_diagnostics(content: bytes):
    load_outcome({**catalogue_texts(), "fuzz.yaml": content})


@settings(SHORT, max_examples=EXAMPLES * 2 // 5)
@given(files=rule_files(), changes=st.lists(st.tuples(st.sampled_from(["forum", "topic"]), st.sampled_from(["NU", "EMN", "Budsjett"])), max_size=2))
def test_random_rules_that_load_answer_as_the_direct_evaluation(files: dict[str, str], changes: list[Any]):
    outcome = load_outcome(files, evaluate=False)

    if isinstance(outcome, Rulebook):
        try:
            for facts in (meeting(), meeting(**dict(changes))):
                agree_with_direct(outcome, facts)
        finally:
            outcome.close()
    else:
        assert isinstance(outcome, RulebookError)


@settings(SHORT, max_examples=EXAMPLES * 5)
@given(value=meetings_with_junk(), kind=st.sampled_from([None, "meeting", "year"]))
def test_any_json_value_as_facts_ends_in_a_decision_or_invalid_facts(rulebook, value: Any, kind: str | None):
    facts_outcome(rulebook, value, kind)
