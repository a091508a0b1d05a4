"""The compiler's model of durable-rules' tables (`compile.Network`) matches what durable-rules builds.

At each bound the model accepts, durable-rules builds the ruleset; one past
it, the model refuses. Random rulesets the model accepts all build. The
builds run in a child process under a time limit, since the one overflow
that matters most makes durable-rules loop for ever holding the GIL.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from typing import Any

from udi_rules.compile import (
    MAX_CONNECTIVES,
    MAX_ENDINGS,
    MAX_LISTED,
    MAX_SIBLINGS,
    Network,
    _connectives,
)

BUILD = r"""
import json, sys
import durable_rules_engine as dre
for i, line in enumerate(sys.stdin):
    try:
        dre.delete_ruleset(dre.create_ruleset(f"limit-{i}", line))
        print("ok", flush=True)
    except Exception as error:
        print(f"error {error}", flush=True)
"""
SENTINEL = {"pri": 65535, "all": [{"m": {"t": "meeting"}}]}


def build_all(rulesets: list[dict[str, Any]]) -> list[str]:
    """durable-rules' verdict on each ruleset: "ok" or its error."""
    child = subprocess.run(
        [sys.executable, "-c", BUILD],
        input="".join(json.dumps(r) + "\n" for r in rulesets),
        capture_output=True,
        text=True,
        timeout=60,
    )
    return child.stdout.splitlines()


def ruleset(*patterns: dict[str, Any]) -> dict[str, Any]:
    rules: dict[str, Any] = {f"r{i}": {"all": [{"m": {"$and": [{"t": "meeting"}, p]}}]} for i, p in enumerate(patterns)}
    return {**rules, "#sentinel": SENTINEL}


def model_accepts(rules: dict[str, Any]) -> bool:
    network = Network()
    network.add(rules)
    connectives = max(_connectives(r["all"][0]["m"]) for r in rules.values())
    return network.overflow() is None and connectives <= MAX_CONNECTIVES


def siblings(count: int) -> dict[str, Any]:
    return ruleset(*({"topic": f"tema {i}"} for i in range(count)))


def listed(count: int) -> dict[str, Any]:
    return ruleset(*({"$or": [{"forum": "EMN"}, {"topic": f"tema {i}"}]} for i in range(count)))


def endings(count: int) -> dict[str, Any]:
    return ruleset(*({"forum": "EMN"} for _ in range(count)))


def connectives(count: int) -> dict[str, Any]:
    pairs = [{"$and": [{"topic": f"a{i}"}, {"meeting_level": "expert"}]} for i in range(count - 2)]
    return ruleset({"$or": pairs})  # with the outer `$and`: count connectives


EDGES = {"siblings": (siblings, MAX_SIBLINGS), "listed": (listed, MAX_LISTED),
         "endings": (endings, MAX_ENDINGS), "connectives": (connectives, MAX_CONNECTIVES)}


def test_at_each_bound_the_model_accepts_and_durable_rules_builds_and_one_past_it_the_model_refuses():
    at_bound = {name: make(most) for name, (make, most) in EDGES.items()}

    assert {name: model_accepts(r) for name, r in at_bound.items()} == dict.fromkeys(EDGES, True)
    assert {name: model_accepts(make(most + 1)) for name, (make, most) in EDGES.items()} == dict.fromkeys(EDGES, False)
    assert build_all(list(at_bound.values())) == ["ok"] * len(EDGES)


def test_random_rulesets_the_model_accepts_all_build_in_durable_rules():
    rnd = random.Random(20261203)

    def test() -> dict[str, Any]:
        field = rnd.choice("abcdefgh")
        value = rnd.randrange(rnd.choice([3, 50, 1000]))
        roll = rnd.random()
        if roll < 0.1:
            return {"$nex": {field: 1}}
        if roll < 0.3:
            return {rnd.choice(["$gt", "$lt", "$neq"]): {field: value}}
        return {field: value}

    def tree(depth: int) -> dict[str, Any]:
        if depth == 0 or rnd.random() < 0.3:
            return test()
        width = rnd.choice([3, 8, 60]) if depth == 1 else rnd.choice([2, 3])
        return {rnd.choice(["$and", "$or"]): [tree(depth - 1) for _ in range(rnd.randint(1, width))]}

    accepted = []
    while len(accepted) < 60:
        rules = ruleset(*(tree(rnd.randint(0, 3)) for _ in range(rnd.choice([1, 5, 30, 120]))))
        if model_accepts(rules):
            accepted.append(rules)

    assert build_all(accepted) == ["ok"] * len(accepted)
