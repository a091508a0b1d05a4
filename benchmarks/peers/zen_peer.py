"""The meeting rules as a GoRules JDM decision table (`zen_meeting_rules.json`), run by zen-engine.

One table with the collect hit policy, one row per rule (two for the `any`
of 3.1-fagavdeling-operativt, written so that they never both hold); the
derived facts are input columns whose field is an expression over the facts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

DISTRIBUTION = "zen-engine"
JDM = Path(__file__).with_name("zen_meeting_rules.json")


def build():
    import zen

    decision = zen.ZenEngine().create_decision(JDM.read_text(encoding="utf-8"))

    def conclude(facts: dict[str, Any]) -> list[str]:
        return [row["rule"] for row in decision.evaluate(facts)["result"]]

    return conclude


#: A graph with nothing between input and output: what one `evaluate` call through the binding costs by itself.
EMPTY_GRAPH = {
    "contentType": "application/vnd.gorules.decision",
    "nodes": [
        {"id": "meeting", "type": "inputNode", "name": "Meeting", "position": {"x": 0, "y": 0}},
        {"id": "conclusions", "type": "outputNode", "name": "Conclusions", "position": {"x": 300, "y": 0}},
    ],
    "edges": [{"id": "e1", "sourceId": "meeting", "targetId": "conclusions", "type": "edge"}],
}


def build_empty():
    """`evaluate` on the empty graph: zen's fixed cost per call from Python (it starts threads on every call)."""
    import json

    import zen

    decision = zen.ZenEngine().create_decision(json.dumps(EMPTY_GRAPH))
    return decision.evaluate
