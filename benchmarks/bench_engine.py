"""How fast the engine evaluates a meeting, against durable-rules itself and plain Python.

Run: make bench   (or: python benchmarks/bench_engine.py [--rounds 7] [--meetings 3000])

Three ways to answer the same question for a realistic mix of meetings, all in
one process and one run so that the machine's mood is shared:

a. the engine: `Rulebook.evaluate(dict)`, with validation and the decision;
b. durable-rules alone: the same compiled ruleset (`rulebook.compiled`, every
   chunk) through durable's own Python API (`Host` without its timer threads),
   no-op actions, one `assert_fact` and one `delete_state` per meeting and
   chunk. The no-op actions derive nothing, so rules that need a derived fact
   never fire here: b does a little less rule work than a;
c. the meeting rules written by hand as one Python function (3.1, 3.2 and 4.1
   as they are in `rules/` at the time of writing, checked against the engine
   at start-up; a lower bound, not a competitor).

Prints the median µs per evaluation over several rounds, and a/b and a/c.
The goal is a/b ≤ 1.3: with validation and the decision included, the engine
costs at most 30% more than the bare rules cost through durable's own API.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from typing import Any, Callable

from durable import engine as durable_engine

from udi_rules import Meeting, Rulebook

BASE: dict[str, Any] = {
    "forum": "EMN",
    "topic": "Nasjonale kontaktpunkter – vårmøte",
    "first_day": "2027-03-02",
    "last_day": "2027-03-03",
    "responsible_department": "ASA",
    "agenda_level": "operational",
    "interpretation_on_agenda": False,
    "meeting_level": "expert",
    "delegation": ["ASA"],
    "udi_leader_attends": True,
    "invitation_signals_law_change": False,
    "invitation_signals_budget_consequences": False,
    "invitation_signals_political_sensitivity": False,
    "contribution_needs_principled_clarification": False,
    "eu_schengen_legal_change_pending": False,
    "principled_questions_discussed": False,
    "official_minutes_expected": False,
}
#: What is known when the invitation arrives: forum, topic, days and the responsible department.
AT_INVITATION = ("forum", "topic", "first_day", "last_day", "responsible_department")

VARIATIONS: list[dict[str, Any]] = [
    {},
    {"forum": "EASO", "official_minutes_expected": True},
    {"forum": "Schengen", "official_minutes_expected": True, "official_minutes_available_on": "2027-03-24"},
    {"forum": "GDISC", "meeting_level": "leader", "delegation": ["UD", "ASA"], "departments_concerned": ["ASA", "OPA"]},
    {"forum": "GDISC", "meeting_level": "expert"},
    {"forum": "NU", "meeting_level": "leader", "invitation_signals_law_change": True},
    {"forum": "NU", "delegation": ["JD", "ASA"]},
    {"forum": "IGC", "principled_questions_discussed": True, "official_minutes_expected": True},
    {"forum": "UNHCR", "invitation_signals_political_sensitivity": True, "invitation_signals_budget_consequences": True},
    {"forum": "Frontex", "delegation": ["JD", "POLICE"], "responsible_department": "RMA"},
    {"forum": "IOM", "agenda_level": "strategic", "interpretation_on_agenda": True, "udi_leader_attends": False},
    {"forum": "EMN", "delegation": ["JD", "ASA"], "principled_questions_discussed": True},
]

MEETINGS = [dict(BASE, **v) for v in VARIATIONS]
INVITATIONS = [{k: v for k, v in m.items() if k in AT_INVITATION} for m in MEETINGS]


# --- c: the rules by hand ------------------------------------------------------

_FORUM = {"emn": "emn", "easo": "euaa", "euaa": "euaa", "schengen": "schengen", "gdisc": "gdisc", "nu": "nu"}

#: The rules `by_hand` covers: every meeting rule (3.1, 3.2, 4.1) as written in rules/ when this was written.
BY_HAND = {
    "3.1-vurder-konkret", "3.1-aua-strategisk",
    "3.1-fagavdeling-operativt", "3.1-klarering", "3.1-kostnad-gevinst", "3.1-vektlegg-bidrag",
    "3.1-velg-deltaker",
    "3.2-ledernivaa", "3.2-forankring-uten-leder", "3.2-kontakt-aua", "3.2-involver-tidlig",
    "3.2-involver-for-eu-schengen",
    "3.2-vurder-formote", "3.2-vurder-veivalgsnotat", "3.2-konsulter-departementet",
    "4.1-intern-rapport", "4.1-vurder-nytte", "4.1-vurder-egne-moter", "4.1-intern-rapport-vedlegg",
    "4.1-brev-til-departementet", "4.1-brev-vedlegg",
}


def by_hand(m: dict[str, Any]) -> list[str]:
    """3.1, 3.2 and 4.1 of IM 2011-013, written out as plain Python, in rulebook order."""
    forum = _FORUM.get(m["forum"].casefold())
    minutes = m.get("official_minutes_available_on") is not None
    eu_change = m["eu_schengen_legal_change_pending"]
    members = set(m["delegation"])
    alone = not members & {"JD", "UD", "OTHER_MINISTRY"}
    out = ["3.1-vurder-konkret"]
    if m["agenda_level"] == "strategic":
        out.append("3.1-aua-strategisk")
    if m["agenda_level"] == "operational" or m["interpretation_on_agenda"]:
        out.append("3.1-fagavdeling-operativt")
    out += ["3.1-klarering", "3.1-kostnad-gevinst", "3.1-vektlegg-bidrag", "3.1-velg-deltaker"]
    out.append("3.2-ledernivaa")
    if not m["udi_leader_attends"]:
        out.append("3.2-forankring-uten-leder")
    if m["contribution_needs_principled_clarification"] and m["responsible_department"].upper() != "AUA":
        out.append("3.2-kontakt-aua")
    out.append("3.2-involver-tidlig")
    if eu_change:
        out.append("3.2-involver-for-eu-schengen")
    out += ["3.2-vurder-formote", "3.2-vurder-veivalgsnotat"]
    if alone and (
        m["invitation_signals_law_change"]
        or m["invitation_signals_budget_consequences"]
        or m["invitation_signals_political_sensitivity"]
    ):
        out.append("3.2-konsulter-departementet")
    out += ["4.1-intern-rapport", "4.1-vurder-nytte", "4.1-vurder-egne-moter"]
    if minutes:
        out.append("4.1-intern-rapport-vedlegg")
    to_ministry = (
        "JD" not in members
        and (forum in ("schengen", "euaa", "emn") or (forum in ("gdisc", "nu") and m["meeting_level"] == "leader"))
    ) or m["principled_questions_discussed"]
    if to_ministry:
        out.append("4.1-brev-til-departementet")
        if minutes:
            out.append("4.1-brev-vedlegg")
    return out


# --- b: durable-rules through its own API ---------------------------------------


class QuietHost(durable_engine.Host):
    """durable's Host without its timer threads (they steal actions; see the notes)."""

    def _run(self) -> None:
        pass


def _noop(c: Any) -> None:
    pass


def durable_alone(rulebook: Rulebook) -> Callable[[dict[str, Any]], None]:
    """One meeting through every compiled chunk via `Host.assert_fact` + `delete_state`."""
    host = QuietHost()
    names = []
    for i, chunk in enumerate(rulebook.compiled.chunks("meeting")):
        rules = copy.deepcopy(chunk["rules"])
        for rule in rules.values():
            rule["run"] = _noop
        rules["zz_sentinel"] = {"pri": 65535, "all": [{"m": {"t": "meeting"}}], "run": _noop}
        name = f"bench-{i}"
        host.set_rulesets({name: rules})
        names.append(name)
        host.assert_fact(name, {"sid": "b", "t": "meeting"})  # warm-up: the slot has run an action
        host.delete_state(name, "b")

    def run(fact: dict[str, Any]) -> None:
        for name in names:
            try:
                host.assert_fact(name, fact)
            finally:
                host.delete_state(name, "b")

    return run


def encoded(rulebook: Rulebook, meeting: dict[str, Any]) -> dict[str, Any]:
    """The meeting as the compiled tests expect it, so that b sees what a sees."""
    model = Meeting.model_validate(meeting, context={"catalogue": rulebook.catalogue})
    return dict(rulebook.compiled.encode("meeting", model.rule_values()), sid="b")


# --- timing ---------------------------------------------------------------------


def per_call_us(fn: Callable[[Any], Any], inputs: list[Any], count: int) -> float:
    n = len(inputs)
    start = time.perf_counter()
    for i in range(count):
        fn(inputs[i % n])
    return (time.perf_counter() - start) / count * 1e6


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--meetings", type=int, default=3000, help="evaluations per round and variant")
    args = parser.parse_args(argv)

    rulebook = Rulebook.default()
    stale = [m for m in MEETINGS if [r for r in rulebook.evaluate(m).rule_ids if r in BY_HAND] != by_hand(m)]
    if stale:  # then c is not the same rules any more, and a/c means little
        print(f"WARNING: by_hand() disagrees with rules/ for {len(stale)} meeting(s); update it", file=sys.stderr)
    concluding = {r.rule.id for r in rulebook.checked.rules if r.rule.applies_to == "meeting" and r.rule.then.kind}
    uncovered = concluding - BY_HAND  # derive-only rules are folded into the rules that use their fact
    if uncovered:
        print(f"WARNING: by_hand() does not cover the meeting rules {sorted(uncovered)}", file=sys.stderr)
    facts = [encoded(rulebook, m) for m in MEETINGS]
    durable_run = durable_alone(rulebook)

    variants: dict[str, tuple[Callable[[Any], Any], list[Any]]] = {
        "a engine  (Rulebook.evaluate)": (rulebook.evaluate, MEETINGS),
        "b durable (Host.assert_fact + delete_state)": (durable_run, facts),
        "c by hand (plain Python)": (by_hand, MEETINGS),
        "d engine, at the invitation (facts unknown)": (rulebook.evaluate, INVITATIONS),
    }
    times: dict[str, list[float]] = {k: [] for k in variants}
    for fn, inputs in variants.values():
        per_call_us(fn, inputs, 500)  # warm caches
    for _ in range(args.rounds):
        for name, (fn, inputs) in variants.items():  # interleaved, so drift hits all three alike
            times[name].append(per_call_us(fn, inputs, args.meetings))

    print(f"Python {sys.version.split()[0]}, {len(MEETINGS)} kinds of meeting, "
          f"{args.rounds} rounds × {args.meetings} evaluations, "
          f"{len(rulebook.compiled.chunks('meeting'))} chunk(s), {len(rulebook.rule_ids)} rules")
    medians = {}
    for name, values in times.items():
        medians[name] = statistics.median(values)
        spread = f"{min(values):.1f}–{max(values):.1f}"
        print(f"  {name:<46} {medians[name]:8.1f} µs/evaluation   (rounds: {spread})")
    a, b, c, d = medians.values()
    print(f"  a/b = {a / b:.2f}   (goal ≤ 1.3)")
    print(f"  a/c = {a / c:.1f}")
    print(f"  d/a = {d / a:.2f}   (what finding the conditional conclusions and open questions costs)")


if __name__ == "__main__":
    main()
