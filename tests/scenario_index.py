"""Reads features/ the way a policy reader does: which rules each scenario says apply or not.

Scenario outlines are expanded with their examples, so a `<placeholder>` in a
"Så gjelder «...»" line counts once per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gherkin.parser import Parser
from gherkin.token_scanner import TokenScanner

FEATURES = Path(__file__).resolve().parent.parent / "features"
APPLIES = re.compile(r"^gjelder «(?P<title>.+)»$")
NOT_APPLIES = re.compile(r"^gjelder ikke «(?P<title>.+)»$")


@dataclass(frozen=True)
class Claim:
    """One scenario line saying a rule (by title) applies or does not."""

    feature: str
    scenario: str
    title: str
    applies: bool
    tags: frozenset[str]


def claims() -> list[Claim]:
    out: list[Claim] = []
    for path in sorted(FEATURES.glob("*.feature")):
        document = Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))
        feature = document["feature"]
        for scenario in _scenarios(feature):
            tags = frozenset(t["name"].lstrip("@") for t in feature["tags"] + scenario["tags"])
            for row in _rows(scenario):
                for step in scenario["steps"]:
                    text = step["text"]
                    for name, value in row.items():
                        text = text.replace(f"<{name}>", value)
                    for pattern, applies in ((APPLIES, True), (NOT_APPLIES, False)):
                        match = pattern.match(text)
                        if match:
                            out.append(Claim(path.name, scenario["name"], match["title"], applies, tags))
    return out


def _scenarios(feature: dict) -> list[dict]:
    found = []
    for child in feature["children"]:
        if "scenario" in child:
            found.append(child["scenario"])
        elif "rule" in child:
            found.extend(c["scenario"] for c in child["rule"]["children"] if "scenario" in c)
    return found


def _rows(scenario: dict) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for examples in scenario.get("examples", []):
        header = [cell["value"] for cell in examples["tableHeader"]["cells"]]
        rows += [dict(zip(header, (c["value"] for c in body["cells"]))) for body in examples["tableBody"]]
    return rows or [{}]
