"""One run, one table: what a meeting costs through udi_rules, its parts, plain Python and the peer engines.

Run: make bench   (or: python -m benchmarks.bench_all [--meetings 3000] [--seed 2013] [--processes 5])

Every row answers the same seeded, fully known meetings (`meetings.generate`)
and is checked against `Rulebook.evaluate` on every one of them: a row that
does not agree says so, and its time means little. The rows are timed call by
call, in blocks of `BLOCK` meetings taken in turns (row after row, block after
block, the order of the rows turning each round), so that a shared machine's
load falls on all of them alike while each row runs warm, as in a service that
calls one engine many times over; compare the ratios more than the
microseconds. (Meeting by meeting, each row would run with the processor's
caches full of the other engines, and zen-engine's binding, which starts two
threads on every call, would slow down the row after it.)

Every row that builds decisions has a rulebook of its own that has decided
other meetings before (`WARM_UP` of another seed) but none of the timed ones:
a decision for a meeting it has not seen, as a service mostly gets. One more
row times the same meetings again, on the rulebook that found the answers.

- `Rulebook.evaluate` (validation and the full decision) and `evaluate_many`;
- the project's durable-rules adapter without decision building, with the
  validation and encoding and without, and the python engine where the
  rulebook offers one (`Rulebook.load(path, engine="python")`);
- the rules by hand (`by_hand.py`) and in each peer engine (`peers/`);
- in fresh processes: import, load, first and steady evaluation, and the memory
  of 10,000 kept decisions with the time of `evaluate_many` over them.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import inspect
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

from udi_rules import Meeting, Rulebook
from udi_rules.rulebook import default_rules_path

from . import peers
from .by_hand import by_hand
from .meetings import concluding_meeting_rules, engine_answer, generate, plain_facts

ROOT = Path(__file__).resolve().parent.parent

#: Meetings in one timed block of a row; the rows take turns block by block.
BLOCK = 100
#: Meetings of another seed each timed rulebook decides before the run: it is warm, but has seen no timed meeting.
WARM_UP = 1000

#: The goals of issue 9, as (label, row or figure, limit).
GOALS = (
    ("evaluate median ≤ 100 µs", "evaluate", 100.0),
    ("evaluate_many of 10,000 ≤ 30 µs per meeting", "many_10000", 30.0),
    ("first evaluation ≤ 2× steady state", "first_over_steady", 2.0),
    ("import + Rulebook.default() ≤ 200 ms (rules from the cache)", "import_and_load_ms", 200.0),
    ("10,000 kept decisions ≤ 50 MiB", "memory_mib", 50.0),
)


@dataclass
class Row:
    """One way of answering the meetings: how to call it, on what, and what it concluded."""

    label: str
    call: Callable[[Any], Any]
    inputs: list[Any]
    answer: Callable[[Any], list[str]] | None  # the call's result → concluding rule ids; None: answers nothing
    samples: list[float] = field(default_factory=list)  # µs per call
    agree: int = 0
    first_disagreement: int | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p99(self) -> float:
        return statistics.quantiles(self.samples, n=100)[98] if len(self.samples) >= 100 else max(self.samples)


def machine() -> str:
    """CPU model, cores, system, Python and the engines' versions: what the figures were measured on."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", load average %.1f" % os.getloadavg()[0] if hasattr(os, "getloadavg") else ""
    versions = []
    for dist in ("udi-rules", "durable-rules", "pydantic", *peers.PEERS):
        try:
            versions.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            pass
    return (
        f"machine: {model}, {os.cpu_count()} cores ({usable} usable){load}; "
        f"{platform.system()} {platform.machine()}; Python {platform.python_version()} ({sys.implementation.name})\n"
        f"versions: {', '.join(versions)}"
    )


def python_engine_rulebook() -> Rulebook | str:
    """The rulebook on the python engine, or why there is none (the selectable engine may not exist yet)."""
    if "engine" not in inspect.signature(Rulebook.load).parameters:
        return "n/a (Rulebook.load has no engine= yet)"
    try:
        return Rulebook.load(default_rules_path(), engine="python")
    except Exception as exc:  # noqa: BLE001 - the row says why, the run goes on
        return f"n/a ({type(exc).__name__}: {exc})"


#: What is known when the invitation arrives; every other fact is unknown (None) then.
AT_INVITATION = ("forum", "topic", "first_day", "last_day", "responsible_department", "departments_concerned")


def adapter_call(rulebook: Rulebook, validate: bool) -> Callable[[Any], Any]:
    """The engine adapter alone: which rules fire, no decision built."""
    context = {"catalogue": rulebook.catalogue}
    if validate:  # `_run` takes the fact's values and encodes them when its engine needs that
        check, run = Meeting.model_validate, rulebook._run
        return lambda m: run("meeting", check(m, context=context).rule_values())
    engine = rulebook._engine
    return lambda fact: engine.run("meeting", fact)


def _explained(decision: Any) -> Any:
    """The decision with what only explains it read, so that it is worked out (it is left until first read)."""
    decision.not_applying
    return decision


def _as_sent(decision: Any) -> str:
    return decision.model_dump_json()


def warmed(rulebook: Rulebook, warm_up: list[dict[str, Any]]) -> Rulebook:
    """`rulebook` after deciding `warm_up`: its code and caches warm, the timed meetings still new to it."""
    rulebook.evaluate_many(warm_up)
    return rulebook


def build_rows(
    rulebook: Rulebook, meetings: list[dict[str, Any]], facts: list[dict[str, Any]], warm_up: list[dict[str, Any]]
) -> tuple[list[Row], list[str]]:
    """Every row that can run here; and the rows that cannot, with the reason.

    `rulebook` found the answers (it has seen every meeting once); each row that builds decisions gets a
    rulebook of its own, warmed on `warm_up`.
    """
    order = concluding_meeting_rules(rulebook)
    concluding = set(order)

    def fired(result: tuple[set[str], Any]) -> list[str]:
        return [r for r in order if r in result[0]]

    def concluded(decision: Any) -> list[str]:
        return [c.rule_id for c in decision.conclusions]

    context = {"catalogue": rulebook.catalogue}
    encoded = [rulebook.compiled.encode("meeting", Meeting.model_validate(m, context=context).rule_values())
               for m in meetings]

    def fresh() -> Rulebook:
        return warmed(Rulebook.load(default_rules_path()), warm_up)

    explaining, sending, at_invitation = fresh(), fresh(), fresh()
    rows = [
        Row("Rulebook.evaluate (validation + decision)", fresh().evaluate, meetings, concluded),
        Row("Rulebook.evaluate, explanation read too", lambda m: _explained(explaining.evaluate(m)), meetings,
            concluded, note="derived, not_applying and names worked out"),
        Row("Rulebook.evaluate + model_dump_json", lambda m: _as_sent(sending.evaluate(m)), meetings, None,
            note="the decision as a service sends it"),
        Row("Rulebook.evaluate, the same meetings again", rulebook.evaluate, meetings, concluded,
            note="on the rulebook that found the answers"),
        Row("durable adapter: validate + encode + run", adapter_call(rulebook, True), meetings, fired),
        Row("durable adapter: run only (encoded fact)", adapter_call(rulebook, False), encoded, fired),
        Row("Rulebook.evaluate at the invitation (facts unknown)", at_invitation.evaluate,
            [{k: m[k] for k in AT_INVITATION if k in m} for m in meetings], None,
            note="conditional conclusions and open questions found"),
    ]
    missing = []
    python_book = python_engine_rulebook()
    if isinstance(python_book, Rulebook):
        warmed(python_book, warm_up)
        rows.append(Row("Rulebook.evaluate, engine=\"python\"", python_book.evaluate, meetings, concluded))
        try:  # the python engine's adapter may not have the durable adapter's shape; then only its evaluate runs
            call = adapter_call(python_book, True)
            fired(call(meetings[0]))
            rows.append(Row("python engine: validate + encode + run", call, meetings, fired))
        except Exception as exc:  # noqa: BLE001
            missing.append(f"python engine without the decision: n/a ({type(exc).__name__}: {exc})")
    else:
        missing.append(f"python engine: {python_book}")
    rows.append(Row("by hand (plain Python)", by_hand, facts, list))
    for label in peers.PEERS:
        try:
            version, conclude = peers.load(label)
        except ImportError as exc:
            missing.append(f"{label}: not installed ({exc.name}); `make bench` installs it in .venv-bench")
            continue
        rows.append(Row(f"{label} {version}", conclude, facts, list, note="rules only, facts prepared"))
        if label == "zen-engine":
            from .peers.zen_peer import build_empty

            rows.append(Row("zen-engine, empty graph", build_empty(), facts, None, note="the binding's cost per call"))
    assert concluding  # a rulebook without meeting rules would make every row agree on nothing
    return rows, missing


def run_in_turns(rows: list[Row], answers: list[list[str]], block: int = BLOCK) -> None:
    """Time every row on every meeting, call by call, the rows taking turns a block of meetings at a time (the
    first row of a round moves on by one each round); count where each row agrees with the engine."""
    clock = time.perf_counter_ns
    for turn, first in enumerate(range(0, len(answers), block)):
        shift = turn % len(rows)
        for row in rows[shift:] + rows[:shift]:
            call, inputs, samples = row.call, row.inputs, row.samples
            results = []
            for i in range(first, min(first + block, len(answers))):
                x = inputs[i]
                start = clock()
                result = call(x)
                samples.append((clock() - start) / 1000)
                results.append(result)
            if row.answer is None:
                continue
            for i, result in enumerate(results, first):
                if row.answer(result) == answers[i]:
                    row.agree += 1
                elif row.first_disagreement is None:
                    row.first_disagreement = i


def time_many(rulebook: Rulebook, meetings: list[dict[str, Any]], answers: list[list[str]], *,
              loop: bool = False) -> tuple[float, bool]:
    """µs per meeting of one `evaluate_many` over all the meetings (or, with `loop`, of one loop of `evaluate`
    that keeps its decisions, as `evaluate_many` does), and whether it agrees in input order."""
    gc.collect()
    start = time.perf_counter()
    decisions = [rulebook.evaluate(m) for m in meetings] if loop else rulebook.evaluate_many(meetings)
    elapsed = time.perf_counter() - start
    same = [[c.rule_id for c in d.conclusions] for d in decisions] == answers
    return elapsed / len(meetings) * 1e6, same


def many_against_loop(meetings: list[dict[str, Any]], answers: list[list[str]], warm_up: list[dict[str, Any]],
                      rounds: int = 2) -> tuple[float, float, bool]:
    """µs per meeting of `evaluate_many` and of a loop of `evaluate`, each the mean of `rounds` timings taken
    in turns, each on a fresh rulebook warmed alike; and whether every one agreed."""
    many, loop, same = [], [], True
    for _ in range(rounds):
        for times, as_loop in ((many, False), (loop, True)):
            us, agreed = time_many(warmed(Rulebook.load(default_rules_path()), warm_up), meetings, answers, loop=as_loop)
            times.append(us)
            same = same and agreed
    return statistics.mean(many), statistics.mean(loop), same


_STARTUP = r"""
import json, statistics, sys, time
meetings = json.load(sys.stdin)
t0 = time.perf_counter()
import udi_rules
t1 = time.perf_counter()
rulebook = udi_rules.Rulebook.default()
t2 = time.perf_counter()
rulebook.evaluate(meetings[0])
t3 = time.perf_counter()
for m in meetings[1:11]:
    rulebook.evaluate(m)
steady = []
for m in meetings[11:]:
    s = time.perf_counter(); rulebook.evaluate(m); steady.append(time.perf_counter() - s)
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "first": t3 - t2, "steady": statistics.median(steady)}))
"""

_KEPT = r"""
import gc, json, os, sys, time
meetings = json.load(sys.stdin)
from udi_rules import Rulebook
rulebook = Rulebook.default()
rulebook.evaluate_many(meetings[:200])
page = os.sysconf("SC_PAGE_SIZE")
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * page
gc.collect()
before, objects = rss(), len(gc.get_objects())
start = time.perf_counter()
kept = rulebook.evaluate_many(meetings)
elapsed = time.perf_counter() - start
gc.collect()
tracked = (len(gc.get_objects()) - objects) / len(kept)
unread = rss() - before
for decision in kept:  # what only explains a decision is worked out on first reading: read it all
    decision.not_applying
gc.collect()
print(json.dumps({"rss_delta": unread, "rss_explained": rss() - before, "tracked": tracked,
                  "many_us": elapsed / len(meetings) * 1e6}))
"""


def in_fresh_process(script: str, meetings: list[dict[str, Any]], cache: str | None = None) -> dict[str, float]:
    env = {**os.environ, "UDI_RULES_CACHE": cache} if cache is not None else None
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(meetings), capture_output=True,
                          text=True, cwd=ROOT, check=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def startup(meetings: list[dict[str, Any]], processes: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median over `processes` fresh interpreters: import, load, first evaluation, steady evaluation (seconds),
    with the rules read from the checked-rulebook cache (a folder of the benchmark's own, filled by one process
    first), and again with the rules checked afresh (the cache off).

    The library's bytecode is compiled first, as an installed wheel has it: the project is installed editable,
    and where PYTHONDONTWRITEBYTECODE is set (as on the project's machines) every process would otherwise
    compile each changed module again and count that as import time.
    """
    compileall.compile_dir(str(ROOT / "udi_rules"), quiet=1)
    found = []
    with tempfile.TemporaryDirectory(prefix="udi-rules-bench-cache-") as cache:
        in_fresh_process(_STARTUP, meetings[:41], cache)
        for setting in (cache, "off"):
            runs = [in_fresh_process(_STARTUP, meetings[:41], setting) for _ in range(processes)]
            found.append({k: statistics.median(r[k] for r in runs) for k in runs[0]})
    return found[0], found[1]


def agreement(row: Row, total: int) -> str:
    if row.answer is None:
        return "(answers nothing)"
    if row.agree == total:
        return f"agree {row.agree}/{total}"
    return f"DISAGREES {row.agree}/{total} (first: meeting {row.first_disagreement})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=3000)
    parser.add_argument("--kept", type=int, default=10000, help="decisions kept for the memory figure")
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--processes", type=int, default=5, help="fresh processes for the start-up figures")
    args = parser.parse_args(argv)
    began = time.perf_counter()

    print(f"udi_rules benchmark, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(machine())
    all_meetings = generate(max(args.meetings, args.kept), args.seed)
    meetings = all_meetings[: args.meetings]

    warm_up = generate(WARM_UP, args.seed + 1)
    rulebook = Rulebook.default()
    answers = [engine_answer(rulebook, m) for m in meetings]
    facts = [plain_facts(rulebook, m) for m in meetings]
    rows, missing = build_rows(rulebook, meetings, facts, warm_up)
    n = len(meetings)
    print(f"{n:,} random valid, fully known meetings (seed {args.seed}); "
          f"{len(concluding_meeting_rules(rulebook))} concluding meeting rules of {len(rulebook.rule_ids)}; "
          f"rows in turns, {BLOCK} meetings at a time; each deciding row on a rulebook warmed on {WARM_UP:,} "
          f"other meetings\n")

    run_in_turns(rows, answers)
    many_us, loop_us, many_same = many_against_loop(meetings, answers, warm_up)
    kept = in_fresh_process(_KEPT, all_meetings[: args.kept])
    boot, checked = startup(all_meetings, args.processes)

    evaluate, hand = rows[0], next(r for r in rows if r.label.startswith("by hand"))
    width = max(len(r.label) for r in rows) + 2

    def line(label: str, median: float, p99: str, says: str) -> None:
        print(f"{label:<{width}}{median:>10.1f}{p99:>10}{median / hand.median:>11.1f}{evaluate.median / median:>12.2f}"
              f"  {says}")

    print(f"{'per meeting':<{width}}{'median µs':>10}{'p99 µs':>10}{'× by hand':>11}{'evaluate ÷':>12}  "
          f"agreement with evaluate")
    for row in rows:
        line(row.label, row.median, f"{row.p99:.1f}", agreement(row, n) + (f"; {row.note}" if row.note else ""))
    many_agreement = f"agree {n}/{n}" if many_same else "DISAGREES (in content or order)"
    line(f"Rulebook.evaluate_many, {n:,} meetings", many_us, "—", f"{many_agreement}; one call, mean of 2")
    line(f"a loop of Rulebook.evaluate, {n:,} meetings", loop_us, "—", "decisions kept, as evaluate_many; mean of 2")
    line(f"Rulebook.evaluate_many, {args.kept:,} meetings", kept["many_us"], "—", "fresh process; one call, mean")
    for reason in missing:
        print(reason)

    memory = kept["rss_delta"] / 2**20
    first_over = boot["first"] / boot["steady"]
    print(f"\nstart-up (fresh process, median of {args.processes}): import udi_rules {boot['import'] * 1e3:.0f} ms; "
          f"Rulebook.default() {boot['load'] * 1e3:.0f} ms with the rules from the cache, {checked['load'] * 1e3:.0f} ms "
          f"checking them afresh (the first process after an install or an edit, or UDI_RULES_CACHE=off); "
          f"first evaluate {boot['first'] * 1e3:.1f} ms; steady evaluate {boot['steady'] * 1e3:.2f} ms; "
          f"first / steady {first_over:.1f}×")
    print(f"memory: {args.kept:,} kept decisions {memory:.1f} MiB (RSS delta in a fresh process), "
          f"{kept['rss_explained'] / 2**20:.1f} MiB once every one has been explained (read), "
          f"{kept['tracked']:.0f} objects the cyclic collector tracks per decision")

    figures = {
        "evaluate": evaluate.median, "many_10000": kept["many_us"], "first_over_steady": first_over,
        "import_and_load_ms": (boot["import"] + boot["load"]) * 1e3, "memory_mib": memory,
    }
    scale = "" if args.kept == 10000 and args.meetings >= 3000 else " (set for the default sizes)"
    print(f"\ngoals of issue 9{scale}:")
    for label, key, limit in GOALS:
        print(f"  {label}: {'met' if figures[key] <= limit else 'not met'} ({figures[key]:.1f})")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() + children.ru_utime + children.ru_stime
    print(f"(run took {time.perf_counter() - began:.0f} s wall, {cpu:.0f} s CPU: the gap is other work on the machine)")
    return 0 if all(r.agree == n for r in rows if r.answer is not None) and many_same else 1


if __name__ == "__main__":
    sys.exit(main())
