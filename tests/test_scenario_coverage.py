"""Every rule is shown by a scenario where it applies and one where it does not."""

from __future__ import annotations

from pathlib import Path

from step_defs import rule_id_for_title

from udi_rules import Rulebook
from udi_rules.tools.scenarios import Mention, mentions

FEATURES = Path(__file__).resolve().parent.parent / "features"


def claims() -> list[Mention]:
    """Every scenario line in features/ that says a rule applies or does not (outline rows expanded)."""
    return mentions(FEATURES)


def _by_rule(rulebook: Rulebook) -> dict[str, set[bool]]:
    seen: dict[str, set[bool]] = {rule_id: set() for rule_id in rulebook.rule_ids}
    for claim in claims():
        seen[rule_id_for_title(rulebook, claim.title)].add(claim.applies)
    return seen


def test_every_rule_has_a_scenario_where_it_applies(rulebook: Rulebook):
    missing = [rule for rule, outcomes in _by_rule(rulebook).items() if True not in outcomes]
    assert not missing, f"rules no scenario shows applying: {missing}"


def test_every_rule_has_a_scenario_where_it_does_not_apply(rulebook: Rulebook):
    missing = [rule for rule, outcomes in _by_rule(rulebook).items() if False not in outcomes]
    assert not missing, f"rules no scenario shows not applying: {missing}"


def test_every_written_interpretation_is_pinned_by_a_tolkning_scenario(rulebook: Rulebook):
    pinned = {rule_id_for_title(rulebook, c.title) for c in claims() if "tolkning" in c.tags}
    interpreted = {r.rule.id for r in rulebook.checked.rules if r.rule.interpretation is not None}
    assert not interpreted - pinned, f"interpretations with no @tolkning scenario: {sorted(interpreted - pinned)}"


def test_every_scenario_title_names_an_existing_rule(rulebook: Rulebook):
    for claim in claims():
        rule_id_for_title(rulebook, claim.title)  # fails with the unknown title
