"""The long fuzz run behind `make fuzz`: the properties of tests/test_fuzz.py with many more examples.

The run is a child process under a memory limit and a time limit, with
`MALLOC_PERTURB_` set so that uninitialised memory in durable-rules' C core
shows as a crash, and with a traceback dump of every thread if one test
is still running a minute before the time limit (durable-rules holds the
GIL when it loops, so nothing inside the process could stop it; the dump
says where it stood).

    python benchmarks/fuzz.py [--examples 5000] [--minutes 60]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMORY_LIMIT = 3 << 30


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000, help="examples per property (default 5000)")
    parser.add_argument("--minutes", type=float, default=60, help="time limit for the whole run (default 60)")
    args = parser.parse_args()

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    env = {**os.environ, "FUZZ_EXAMPLES": str(args.examples), "MALLOC_PERTURB_": "165"}
    report = ROOT / "build" / "fuzz.xml"  # every failure with its falsifying example, kept after the terminal scrolls
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
               "-o", f"faulthandler_timeout={max(60, int(args.minutes * 60) - 60)}", f"--junitxml={report}",
               "tests/test_fuzz.py", "tests/test_hostile_rules.py"]
    print(f"fuzz: {args.examples} examples per property, at most {args.minutes:g} min, "
          f"{MEMORY_LIMIT >> 30} GiB, MALLOC_PERTURB_=165", flush=True)
    started = time.monotonic()
    try:
        code = subprocess.run(command, cwd=ROOT, env=env, preexec_fn=limit, timeout=args.minutes * 60).returncode
    except subprocess.TimeoutExpired:
        print(f"fuzz: FAILED, still running after {args.minutes:g} min (a hang?)")
        return 1
    took = time.monotonic() - started
    print(f"fuzz: {'clean' if code == 0 else 'FAILED'} in {took:.0f} s; the report: {report.relative_to(ROOT)}")
    return code


if __name__ == "__main__":
    sys.exit(main())
