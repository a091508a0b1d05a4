"""How fast the register evaluates a unit's folder of case files, and how much memory it takes.

Run: make bench-register   (or: python benchmarks/bench_register.py [--cases 10000] [--as-of 2027-07-01])

Writes that many generated case files (one YAML per meeting, a plausible
mix of forums, events, minutes and reports over a year) to a temporary
folder, then measures the two stages a unit leader waits for:

1. reading: every file through the strict YAML loader and the case model;
2. evaluating: every case as of one day, into one table of duties.

Prints cases per second for each stage and the whole, the number of duties,
and the process's peak memory (maximum resident set size).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from followup_support import write_register  # noqa: E402

from udi_rules import Rulebook  # noqa: E402
from udi_rules.followup.register import evaluate_register, read_folder  # noqa: E402


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux gives KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--as-of", default="2027-07-01")
    args = parser.parse_args()
    rulebook = Rulebook.default()
    rulebook.evaluate({"forum": "EMN", "topic": "t", "first_day": "2027-03-02", "last_day": "2027-03-02",
                       "responsible_department": "ASA"})
    base = peak_mib()
    with tempfile.TemporaryDirectory() as folder:
        write_register(Path(folder), args.cases)
        t0 = time.perf_counter()
        items, problems = read_folder(folder)
        t1 = time.perf_counter()
        register = evaluate_register(items, date.fromisoformat(args.as_of), rulebook, problems)
        t2 = time.perf_counter()
    duties = register.duties
    assert len(register.cases) == args.cases and not register.problems, register.problems[:3]
    n = args.cases
    print(f"register: {n} cases, {len(duties)} duties, as of {args.as_of}")
    print(f"  read      {t1 - t0:7.2f} s  {n / (t1 - t0):8.0f} cases/s")
    print(f"  evaluate  {t2 - t1:7.2f} s  {n / (t2 - t1):8.0f} cases/s")
    print(f"  total     {t2 - t0:7.2f} s  {n / (t2 - t0):8.0f} cases/s")
    print(f"  peak memory (max RSS) {peak_mib():.0f} MiB (after start-up {base:.0f} MiB)")


if __name__ == "__main__":
    main()
