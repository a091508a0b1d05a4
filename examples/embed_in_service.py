"""How a Python service embeds udi_rules: load once, evaluate per request, in two phases.

    python examples/embed_in_service.py examples/moete-emn-innkalling.yaml examples/moete-emn-etter.yaml

A case officer first asks when the invitation arrives: what happens in and
after the meeting is not known yet, so the decision lists what applies, what
may apply depending on those answers, and the open questions. After the
meeting the same facts, with the answers added, give the final duties and
deadlines. The script prints both explanations in bokmål, then the JSON a
web handler would return, for a good meeting, a misspelt forum (accepted,
with a warning) and an impossible date (refused, with the field named).
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
    """What a web handler would do with a posted meeting: duties, deadlines and open questions as JSON."""
    try:
        decision = RULEBOOK.evaluate(meeting)
    except InvalidFacts as error:
        return {"status": 422, "problems": [{"field": p.field, "message": p.en} for p in error.problems]}

    def duty(c):
        detail = c.deadline_detail
        return {
            "rule": c.rule_id,
            "kind": c.kind,
            "who": c.holder.name.en,
            "what": c.title.en,
            "deadline": detail.model_dump(mode="json") if detail else None,
            "section": c.citation.section,
            **({"applies_if": c.condition.en} if c.condition else {}),
        }

    return {
        "status": 200,
        "rulebook": decision.rulebook,
        "memo": decision.memo.version if decision.memo else None,
        "duties": [duty(c) for c in decision.conclusions],
        "may_apply": [duty(c) for c in decision.conditional],
        "open_questions": [q.question.en for q in decision.questions],
        "warnings": [w.message.en for w in decision.warnings],
    }


def main(invitation_path: str, after_path: str) -> None:
    # Service input is usually JSON; YAML files are read here with the safe loader.
    # Dates in YAML are read by PyYAML as dates; the library accepts both dates and ISO strings.
    at_invitation = yaml.safe_load(Path(invitation_path).read_text(encoding="utf-8"))
    after_meeting = {**at_invitation, **yaml.safe_load(Path(after_path).read_text(encoding="utf-8"))}

    print("=== Ved innkallingen / at the invitation ===")
    print(RULEBOOK.evaluate(at_invitation).explain("nb"))
    print("=== Etter møtet / after the meeting ===")
    print(RULEBOOK.evaluate(after_meeting).explain("nb"))
    print(json.dumps(handle_request(at_invitation), ensure_ascii=False, indent=2, default=str))
    print(json.dumps(handle_request({**after_meeting, "forum": "EMM"}), ensure_ascii=False, indent=2, default=str))
    print(json.dumps(handle_request({**after_meeting, "last_day": "2027-02-30"}), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    here = Path(__file__).parent
    args = sys.argv[1:] or [str(here / "moete-emn-innkalling.yaml"), str(here / "moete-emn-etter.yaml")]
    main(*args)
