"""Which scenarios in `features/` name a rule, read the way a policy reader reads them.

A scenario names a rule by its Norwegian title: «Så gjelder «tittel»» or
«gjelder ikke «tittel»». Outlines are expanded with their examples, so a
`<placeholder>` counts once per row. Needs the Gherkin parser
(`gherkin-official`, which pytest-bdd also uses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

APPLIES = re.compile(r"^gjelder «(?P<title>.+)»$")
NOT_APPLIES = re.compile(r"^gjelder ikke «(?P<title>.+)»$")


@dataclass(frozen=True)
class Mention:
    """One scenario (or outline row) that says a rule, by title, applies or does not."""

    file: str
    line: int
    scenario: str
    title: str
    applies: bool
    tags: tuple[str, ...]
    example: int | None  # the row of an outline's examples, from 1

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file, "line": self.line, "scenario": self.scenario, "title": self.title,
            "applies": self.applies, "tags": list(self.tags), "example": self.example,
        }


def features_beside(rules: Path) -> Path | None:
    """The `features/` folder of the checkout the rules sit in, if there is one."""
    folder = rules if rules.is_dir() else rules.parent
    candidate = folder.parent / "features"
    return candidate if candidate.is_dir() else None


def mentions(features: Path) -> list[Mention]:
    """Every line in every `*.feature` under `features` that says a rule applies or does not."""
    from gherkin.parser import Parser
    from gherkin.token_scanner import TokenScanner

    out: list[Mention] = []
    for path in sorted(features.glob("*.feature")):
        document = Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))
        feature = document.get("feature")
        if not feature:
            continue
        for scenario in _scenarios(feature):
            tags = tuple(t["name"].lstrip("@") for t in feature["tags"] + scenario["tags"])
            rows = _rows(scenario)
            for number, (row, line) in enumerate(rows, 1):
                for step in scenario["steps"]:
                    text = step["text"]
                    for name, value in row.items():
                        text = text.replace(f"<{name}>", value)
                    for pattern, applies in ((APPLIES, True), (NOT_APPLIES, False)):
                        match = pattern.match(text)
                        if match:
                            out.append(Mention(
                                _display(path), line or step["location"]["line"], scenario["name"], match["title"],
                                applies, tags, number if len(rows) > 1 or row else None,
                            ))
    return out


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _scenarios(feature: dict) -> list[dict]:
    found = []
    for child in feature["children"]:
        if "scenario" in child:
            found.append(child["scenario"])
        elif "rule" in child:
            found.extend(c["scenario"] for c in child["rule"]["children"] if "scenario" in c)
    return found


def _rows(scenario: dict) -> list[tuple[dict[str, str], int | None]]:
    """Each example row with its line, or one empty row for a plain scenario."""
    rows: list[tuple[dict[str, str], int | None]] = []
    for examples in scenario.get("examples", []):
        header = [cell["value"] for cell in examples["tableHeader"]["cells"]]
        for body in examples["tableBody"]:
            rows.append((dict(zip(header, (c["value"] for c in body["cells"]))), body["location"]["line"]))
    return rows or [({}, None)]


__all__ = ["Mention", "features_beside", "mentions"]
