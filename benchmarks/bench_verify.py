"""How long `udi-rules verify` takes over the whole fact space of the default rulebook.

Run: make bench   (or: python benchmarks/bench_verify.py [--rounds 3])

The goal is under 10 seconds on the project's machine. Prints, for each
round, the seconds and the classes of facts walked (per rule group and per
pair of rules that conclude the same duty or document), then the median,
and how many combinations the whole product space would have had, per fact
kind, had it been walked field by field instead of group by group.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from udi_rules.facts import field_specs
from udi_rules.rulebook import default_rules_path
from udi_rules.tools.fact_space import FactSpace
from udi_rules.tools.verify import verify
from udi_rules.rule_files import load_rulebook

GOAL_SECONDS = 10.0


def whole_space(path: Path) -> dict[str, int]:
    """The number of combinations of classes of every field some rule reads, per fact kind."""
    book = load_rulebook(path)
    space = FactSpace([book])
    sizes: dict[str, int] = {}
    for checked in book.rules:
        kind = checked.rule.applies_to
        sizes.setdefault(kind, 0)
    for kind in sizes:
        fields = {f for c in book.rules if c.rule.applies_to == kind for f in space.reads(c, book)}
        sizes[kind] = space.size(kind, [f for f in field_specs(kind) if f in fields])
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("rules", nargs="?", type=Path, default=default_rules_path())
    args = parser.parse_args(argv)
    times = []
    for round_ in range(1, args.rounds + 1):
        started = time.perf_counter()
        report = verify(args.rules)
        seconds = time.perf_counter() - started
        times.append(seconds)
        print(f"round {round_}: {seconds:.2f} s, {report.classes} classes of facts, "
              f"{len(report.findings)} finding(s), {len(report.accepted)} accepted")
    median = statistics.median(times)
    sizes = whole_space(args.rules)
    print(f"verify: median {median:.2f} s over {args.rounds} round(s) (goal < {GOAL_SECONDS:.0f} s), "
          f"{report.classes} classes walked")
    print("the whole product space it covers: "
          + ", ".join(f"{kind} {size:,} combinations".replace(",", " ") for kind, size in sizes.items()))
    return 0 if median < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
