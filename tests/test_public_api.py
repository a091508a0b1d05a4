"""The public surface a service imports is small and pinned."""

import udi_rules


def test_public_names_are_pinned():
    assert udi_rules.__all__ == [
        "Conclusion",
        "Decision",
        "Diagnostic",
        "EngineError",
        "FactProblem",
        "InvalidFacts",
        "Meeting",
        "PlanningYear",
        "Question",
        "Reason",
        "Request",
        "Rulebook",
        "RulebookError",
        "UdiRulesError",
    ]
    assert udi_rules.__all__ == sorted(udi_rules.__all__)
    for name in udi_rules.__all__:
        assert hasattr(udi_rules, name)
