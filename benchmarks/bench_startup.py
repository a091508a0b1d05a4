"""What a service pays before its first decision, and whether the first decision costs more than later ones.

Run: make bench-startup   (or: python benchmarks/bench_startup.py [--runs 7])

Each measurement runs in a fresh interpreter, because start-up happens once per
process: the child times `import udi_rules`, `Rulebook.default(engine=...)`,
the first evaluation, the tenth, and the median of 200 more (each a different
meeting, so no cache answers for an earlier one), then the engine alone
(`run` on validated facts, without the decision). The parent prints the median
of each figure over the runs, for both engines with the rules read from the
checked-rulebook cache (a folder of the benchmark's own, filled by one process
first), and for durable-rules with the rules checked afresh (the cache off),
and the ratios the goals are stated in (the package's bytecode is compiled
first, as pip does on install):

* `import udi_rules` + `Rulebook.default()` ≤ 200 ms (wall clock; the CPU time beside it is what
  the process itself spent, which other work on a shared machine inflates less);
* the first evaluation within 2x of a steady-state one (first / median).
"""

from __future__ import annotations

import argparse
import compileall
import json
import marshal
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

CHILD = r"""
import marshal, sys, time
engine = sys.argv[1]
meetings = marshal.loads(sys.stdin.buffer.read())  # the requests are ready before the clock starts (marshal imports nothing)
c0, t0 = time.process_time(), time.perf_counter()
import udi_rules
t1 = time.perf_counter()
book = udi_rules.Rulebook.default(engine=engine)
c2, t2 = time.process_time(), time.perf_counter()
times = []
for meeting in meetings:
    start = time.perf_counter()
    book.evaluate(meeting)
    times.append(time.perf_counter() - start)
models = [udi_rules.Meeting.model_validate(m, context={"catalogue": book.catalogue}) for m in meetings]
run = book._run
alone = []
for model in models:
    start = time.perf_counter()
    run("meeting", model.__dict__)
    alone.append(time.perf_counter() - start)
alone.sort()
steady = sorted(times[10:])
import json
print(json.dumps({
    "engine": book.engine, "import": t1 - t0, "load": t2 - t1, "cpu": c2 - c0, "first": times[0], "tenth": times[9],
    "steady": steady[len(steady) // 2], "run": alone[len(alone) // 2],
}))
"""


def child(engine: str, meetings: bytes, cache: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, engine],
        input=meetings, capture_output=True, check=True, cwd=ROOT,
        env={**os.environ, "PYTHONWARNINGS": "ignore", "UDI_RULES_CACHE": cache},
    )
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh interpreters per engine (default 7)")
    args = parser.parse_args()

    from engine_support import sample_meetings

    compileall.compile_dir(ROOT / "udi_rules", quiet=1)  # as an installed wheel has it, whatever PYTHONDONTWRITEBYTECODE says

    meetings = marshal.dumps(sample_meetings(210, seed=9))
    print(f"udi_rules start-up · {platform.node()} · {platform.machine()} · {os.cpu_count()} CPUs · "
          f"Python {platform.python_version()} · {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC · "
          f"median of {args.runs} fresh processes · load average {os.getloadavg()[0]:.1f} (figures grow with it)")
    rows = {}
    with tempfile.TemporaryDirectory(prefix="udi-rules-bench-cache-") as cache:
        child("durable", meetings, cache)  # fills the cache, as the first process after an install or an edit
        for engine, rules in (("durable", "cached"), ("python", "cached"), ("durable", "checked")):
            runs = [child(engine, meetings, cache if rules == "cached" else "off") for _ in range(args.runs)]
            if runs[0]["engine"] != engine:
                print(f"  {engine}: not available here (the rulebook ran on {runs[0]['engine']}); skipped")
                continue
            rows[engine, rules] = {key: statistics.median(r[key] for r in runs) for key in runs[0] if key != "engine"}

    print(f"  {'engine':<8} {'rules':<8} {'import':>9} {'load':>9} {'import+load':>12} {'(cpu)':>9} {'1st eval':>10} "
          f"{'10th':>9} {'median':>9} {'1st/median':>11} {'engine run':>11}")
    for (engine, rules), row in rows.items():
        print(f"  {engine:<8} {rules:<8} {row['import'] * 1e3:>6.1f} ms {row['load'] * 1e3:>6.1f} ms "
              f"{(row['import'] + row['load']) * 1e3:>9.1f} ms {row['cpu'] * 1e3:>6.1f} ms {row['first'] * 1e6:>7.0f} µs "
              f"{row['tenth'] * 1e6:>6.0f} µs {row['steady'] * 1e6:>6.0f} µs {row['first'] / row['steady']:>10.2f}x "
              f"{row['run'] * 1e6:>8.1f} µs")
    print("  rules: `cached` read from the checked-rulebook cache (every process but the first after an install or an "
          "edit),\n         `checked` parsed and checked afresh (UDI_RULES_CACHE=off)")
    if ("python", "cached") in rows:
        python, durable = rows["python", "cached"], rows["durable", "cached"]
        print(f"  python engine / durable: {python['steady'] / durable['steady']:.2f}x per evaluation, "
              f"{python['run'] / durable['run']:.2f}x for the engine run alone")
    cached = [row for (_, rules), row in rows.items() if rules == "cached"]
    goals_met = all(r["import"] + r["load"] <= 0.200 and r["first"] <= 2 * r["steady"] for r in cached)
    print(f"  goals (import+load ≤ 200 ms with the rules cached, 1st ≤ 2x median): {'met' if goals_met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"  ({time.perf_counter() - started:.0f} s)")
    sys.exit(code)
