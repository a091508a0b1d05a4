"""The soak run behind `make soak`: many evaluations, many threads, fork; memory flat, answers unchanged.

1. `--evaluations` (default 1,000,000) evaluations of the default rulebook,
   a mix of matching meetings (a new topic every time), meetings no rule
   matches and invalid ones, with resident memory sampled at intervals: the
   growth after warm-up must stay under `--tolerance-mb`.
2. `--threads` threads sharing one rulebook, each checking every decision
   against the single-thread answer.
3. Worker pools forked after loading, while another thread evaluates: the
   children's decisions must be the parent's.

    python benchmarks/soak.py [--evaluations 1000000] [--threads 16]

Facts come from `tests/engine_support.meeting`, the one helper that knows
what an ordinary meeting looks like.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from engine_support import meeting  # noqa: E402
from udi_rules import InvalidFacts, Rulebook  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")
MATCHING = [
    meeting(),
    meeting(forum="NU", meeting_level="leader"),
    meeting(forum="EASO", agenda_level="strategic"),
    meeting(forum="IGC", first_day="2027-06-30", last_day="2027-07-01"),
    meeting(forum="Schengen", agenda_level="strategic", meeting_level="leader"),
]
#: Each is refused by validation (an unknown forum is not: the catalogue is open, and the decision warns).
INVALID = [meeting(forum=""), meeting(first_day="2027-13-01"), {"forum": "EMN"}, [], "møte"]


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE / 2**20


def facts_for(i: int) -> Any:
    if i % 10 == 9:
        return INVALID[(i // 10) % len(INVALID)]
    return dict(MATCHING[i % len(MATCHING)], topic=f"Møte nr. {i}")


def soak(book: Rulebook, evaluations: int, tolerance_mb: float) -> bool:
    samples: list[tuple[int, float]] = []
    every = max(evaluations // 20, 1)
    invalid = 0
    started = time.monotonic()
    for i in range(1, evaluations + 1):
        try:
            book.evaluate(facts_for(i))
        except InvalidFacts:
            invalid += 1
        if i % every == 0:
            samples.append((i, resident_mb()))
            print(f"  {i:>9,} evaluations  {samples[-1][1]:7.1f} MB  {time.monotonic() - started:6.0f} s", flush=True)
    base = samples[min(1, len(samples) - 1)][1]  # after warm-up
    growth = max(mb for _, mb in samples) - base
    ok = growth < tolerance_mb and invalid == evaluations // 10
    print(f"soak: {evaluations:,} evaluations, {invalid:,} invalid, memory grew {growth:.1f} MB after warm-up "
          f"(tolerance {tolerance_mb:g}): {'flat' if ok else 'FAILED'}")
    return ok


def threads(book: Rulebook, count: int, each: int) -> bool:
    expected = [book.evaluate(m).model_dump() for m in MATCHING]
    wrong = errors = 0
    lock = threading.Lock()

    def work(offset: int) -> None:
        nonlocal wrong, errors
        for i in range(each):
            k = (i + offset) % len(MATCHING)
            try:
                same = book.evaluate(MATCHING[k]).model_dump() == expected[k]
            except Exception:  # noqa: BLE001 - counted, not raised: every thread must finish
                with lock:
                    errors += 1
                continue
            if not same:
                with lock:
                    wrong += 1

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        pool = [threading.Thread(target=work, args=(n,)) for n in range(count)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
    finally:
        sys.setswitchinterval(switch)
    ok = wrong == errors == 0
    print(f"threads: {count} × {each:,} evaluations on one rulebook, {wrong} wrong, {errors} errors: "
          f"{'same as one thread' if ok else 'FAILED'}")
    return ok


def _rule_ids(facts: dict[str, Any]) -> list[str]:
    return Rulebook.default().evaluate(facts).rule_ids


def forks(book: Rulebook, rounds: int) -> bool:
    expected = [book.evaluate(m).rule_ids for m in MATCHING] * 10
    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            book.evaluate(MATCHING[0])

    thread = threading.Thread(target=busy)
    thread.start()
    bad = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: fork in a threaded process
            for _ in range(rounds):
                with multiprocessing.get_context("fork").Pool(4) as pool:
                    try:
                        answers = pool.map_async(_rule_ids, MATCHING * 10).get(timeout=120)
                    except multiprocessing.TimeoutError:
                        answers = None
                bad += answers != expected
    finally:
        stop.set()
        thread.join()
    print(f"fork: {rounds} worker pools forked while a thread evaluates, {bad} wrong or hung: "
          f"{'correct' if not bad else 'FAILED'}")
    return not bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluations", type=int, default=1_000_000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--per-thread", type=int, default=5_000)
    parser.add_argument("--forks", type=int, default=20)
    parser.add_argument("--tolerance-mb", type=float, default=8.0)
    args = parser.parse_args()
    print(f"soak on Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M')}, "
          f"MALLOC_PERTURB_={os.environ.get('MALLOC_PERTURB_', 'unset')}", flush=True)
    book = Rulebook.default()
    results = [
        soak(book, args.evaluations, args.tolerance_mb),
        threads(book, args.threads, args.per_thread),
        forks(book, args.forks),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
