"""How a Python service embeds udi_rules: load once, evaluate per request.

    python examples/embed_in_service.py examples/moete-emn.yaml

prints the explained decision in bokmål, then the deadlines as JSON, the
way a service would hand them on.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from udi_rules import InvalidFacts, Rulebook

# Built once at start-up: loading checks and compiles every rule file, and the
# rulebook is then safe to share between request threads.
RULEBOOK = Rulebook.default()


def handle_request(meeting: dict) -> dict:
    """What a web handler would do with a posted meeting: duties and deadlines as JSON."""
    try:
        decision = RULEBOOK.evaluate(meeting)
    except InvalidFacts as error:
        return {"status": 422, "problems": [{"field": p.field, "message": p.en} for p in error.problems]}
    duties = [
        {
            "rule": c.rule_id,
            "kind": c.kind,
            "who": c.holder.name.en,
            "what": c.title.en,
            "deadline": c.deadline.isoformat() if c.deadline else None,
            "section": c.citation.section,
        }
        for c in decision.conclusions
    ]
    return {"status": 200, "rulebook": decision.rulebook, "duties": duties}


def main(path: str) -> None:
    # Service input is usually JSON; a YAML file is read here with the safe loader.
    meeting = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    # Dates in the example file are read by PyYAML as dates; the library accepts both dates and ISO strings.
    print(RULEBOOK.evaluate(meeting).explain("nb"))
    print(json.dumps(handle_request(meeting), ensure_ascii=False, indent=2))
    print(json.dumps(handle_request({**meeting, "forum": "EMM"}), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).with_name("moete-emn.yaml")))
