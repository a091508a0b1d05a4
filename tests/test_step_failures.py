"""A scenario that fails in `make test` says what it expected and what the rules gave."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

WRONG_DEADLINE = """# language: no
Egenskap: En feil frist
  Scenario: Fristen er skrevet feil
    Gitt et møte i IGC som avsluttes 3. mars 2027
    Og det kommer ikke noe offisielt referat
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen er 18. mars 2027
"""


def test_a_failing_step_prints_the_expected_and_the_actual_value(tmp_path: Path):
    tests = tmp_path / "tests"
    tests.mkdir()
    for path in [TESTS / "conftest.py", TESTS / "test_features.py", TESTS / "step_defs.py", TESTS / "engine_support.py",
                 *TESTS.glob("steps_*.py"), *TESTS.glob("*_support.py")]:
        shutil.copy(path, tests / path.name)
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "feil.feature").write_text(WRONG_DEADLINE, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\nbdd_features_base_dir = features\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_features.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "assert datetime.date(2027, 3, 17) == datetime.date(2027, 3, 18)" in result.stdout, result.stdout
