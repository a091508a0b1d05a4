"""`udi-rules verify` through its real entry point: each kind of finding in a deliberately broken
rulebook (`tests/fixtures/verify/<name>/`), with its place, its example meeting and its scenario,
and the real rulebook clean."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from udi_rules import Rulebook
from udi_rules.tools.steps import STEPS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "verify"
UDI_RULES = shutil.which("udi-rules", path=str(Path(sys.executable).parent)) or str(ROOT / ".venv" / "bin" / "udi-rules")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([UDI_RULES, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def verify_json(*args: str) -> tuple[int, dict]:
    result = run("verify", *args, "--format", "json")
    return result.returncode, json.loads(result.stdout)


#: fixture → (code, subject, file:line of the rule or entry) of every finding it must give.
BROKEN = {
    "aldri": [("duty-unused", "report", "regler.yaml:4"), ("never-applies", "4.1-aldri", "regler.yaml:10")],
    "dobbel": [("duplicate", "4.1-rapport-emn", "regler.yaml:15")],
    "motstrid-art": [("kind-conflict", "4.1-vurder-rapport", "regler.yaml:17")],
    "to-frister": [("two-deadlines", "4.1-rapport-ledere", "regler.yaml:23")],
    "to-innehavere": [("two-holders", "4.1-brev-direktor", "regler.yaml:23")],
    "ubrukt-plikt": [("duty-unused", "forgotten", "regler.yaml:8")],
    "ubrukt-avledet": [
        ("derived-unused", "jd_absent", "regler.yaml:11"),
        ("derived-underived", "leader_meeting", "regler.yaml:13"),
        ("derived-unused", "leader_meeting", "regler.yaml:13"),
    ],
    "bestemmelse-uten-regel": [("provision-orphan", "4.1-2", "regler.yaml:13")],
    "sammenligning": [("duty-unused", "plan", "regler.yaml:10"), ("never-applies", "2.1-for-meldingen", "regler.yaml:22")],
}


def test_dates_and_numbers_split_at_the_bounds_of_every_comparison():
    from datetime import date

    from udi_rules.tools.fact_space import FactSpace
    from udi_rules.rule_files import load_rulebook

    space = FactSpace([load_rulebook(FIXTURES / "sammenligning")])
    assert space.classes("meeting", "first_day") == (date(2027, 5, 31), date(2027, 6, 1), date(2027, 6, 2))
    assert space.classes("year", "year") == (2010, 2011, 2012)


def test_the_real_rulebook_is_clean_over_the_whole_fact_space():
    result = run("verify")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: 0 funn")
    code, report = verify_json()
    assert code == 0 and report["ok"] is True and report["findings"] == []
    assert report["classes"] > 10_000
    assert report["seconds"] < 10, "verify must cover the default rulebook's fact space in under 10 seconds"


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_broken_rulebook_gives_exactly_its_findings_with_place_and_exit_1(name: str):
    code, report = verify_json(f"tests/fixtures/verify/{name}")
    assert code == 1
    assert report["ok"] is False
    found = [(f["code"], f["subject"], f"{Path(f['file']).name}:{f['line']}") for f in report["findings"]]
    assert found == BROKEN[name]
    for finding in report["findings"]:
        assert finding["file"].startswith(f"tests/fixtures/verify/{name}/")
        assert finding["col"] > 0
        assert finding["message"]["nb"] and finding["message"]["en"]


@pytest.mark.parametrize("name", ["aldri", "dobbel", "motstrid-art", "to-frister", "to-innehavere", "ubrukt-avledet"])
def test_the_example_meeting_of_a_finding_evaluates_to_show_it(name: str):
    code, report = verify_json(f"tests/fixtures/verify/{name}")
    finding = next(f for f in report["findings"] if f["example"] is not None)
    decision = Rulebook.load(FIXTURES / name).evaluate(finding["example"], kind=finding["fact_kind"])
    applying = set(decision.rule_ids)
    if finding["code"] == "never-applies":
        assert finding["subject"] not in applying
    elif finding["code"] == "derived-unused":
        assert [d.id for d in decision.derived] == [finding["subject"]]
        assert not any(r.derived for c in decision.conclusions for r in c.reasons)
    else:
        assert set(finding["rules"]) <= applying
        first, second = (decision.by_rule(r) for r in finding["rules"])
        if finding["code"] == "kind-conflict":
            assert first.duty_id == second.duty_id and first.kind != second.kind
        elif finding["code"] == "two-deadlines":
            assert first.template == second.template and first.deadline != second.deadline
        elif finding["code"] == "two-holders":
            assert first.holder.id != second.holder.id
        else:
            assert first.duty_id == second.duty_id


def test_text_output_says_the_place_the_finding_and_the_example_in_norwegian_and_english():
    result = run("verify", "tests/fixtures/verify/dobbel")
    assert result.returncode == 1
    assert "tests/fixtures/verify/dobbel/regler.yaml:15:5: duplicate: regelen `4.1-rapport-emn`" in result.stdout
    assert "[the rule `4.1-rapport-emn` gives `report` only when" in result.stdout
    assert 'eksempel [example]: {"forum": "emn"' in result.stdout
    norwegian = run("verify", "tests/fixtures/verify/dobbel", "--lang", "nb").stdout
    assert "regelen `4.1-rapport-emn`" in norwegian and "[the rule" not in norwegian and "[example]" not in norwegian


def test_an_accepted_finding_is_listed_with_its_reason_and_the_exit_is_0():
    code, report = verify_json("tests/fixtures/verify/godtatt")
    assert code == 0 and report["findings"] == []
    [accepted] = report["accepted"]
    assert accepted["code"] == "duplicate" and accepted["subject"] == "4.1-rapport-emn"
    assert accepted["accepted"]["nb"].startswith("EMN-regelen står med vilje")


def test_an_acceptance_that_matches_no_finding_is_reported_as_stale(tmp_path: Path):
    rules = shutil.copytree(FIXTURES / "godtatt", tmp_path / "regler")
    accepted = rules / "verify-accepted.yaml"
    accepted.write_text(accepted.read_text(encoding="utf-8").replace("4.1-rapport-emn", "4.1-borte"), encoding="utf-8")
    result = run("verify", str(rules), "--format", "json")
    assert result.returncode == 1
    codes = [(f["code"], f["subject"]) for f in json.loads(result.stdout)["findings"]]
    assert codes == [("duplicate", "4.1-rapport-emn"), ("accepted-stale", "4.1-borte")]


def test_an_invalid_acceptance_file_is_a_located_error(tmp_path: Path):
    rules = shutil.copytree(FIXTURES / "dobbel", tmp_path / "regler")
    (rules / "verify-accepted.yaml").write_text(
        "accepted:\n  - finding: duplikat\n    subject: x\n    reason: {nb: fordi}\n", encoding="utf-8"
    )
    result = run("verify", str(rules))
    assert result.returncode == 1
    assert "verify-accepted.yaml:2:" in result.stderr
    assert "ugyldig godkjenning `accepted.0.finding`" in result.stderr
    assert "accepted.0.reason.en" in result.stderr


def test_the_acceptance_file_is_not_read_as_a_rule_file():
    assert Rulebook.load(FIXTURES / "godtatt").rule_ids == ["4.1-rapport", "4.1-rapport-emn"]


def _allowed(line: str) -> bool:
    keyword, _, sentence = line.strip().partition(" ")
    for step in STEPS:
        pattern = re.escape(step.pattern)
        for name, words in step.choices.items():
            pattern = pattern.replace(re.escape(f"<{name}>"), "(" + "|".join(map(re.escape, words)) + ")")
        pattern = re.sub(r"<[^<>]+>", ".+", pattern.replace("\\<", "<").replace("\\>", ">"))
        if re.fullmatch(pattern, sentence):
            return True
    return False


def test_write_scenario_writes_each_finding_as_a_norwegian_scenario_in_the_allowed_sentences(tmp_path: Path):
    result = run("verify", "tests/fixtures/verify/to-frister", "--write-scenario", str(tmp_path), "--lang", "nb")
    assert result.returncode == 1
    [written] = sorted(tmp_path.glob("*.feature"))
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# language: no\n")
    steps = [line.strip() for line in text.splitlines() if re.match(r"\s+(Gitt|Og|Når|Så) ", line)]
    assert steps == [
        "Gitt et møte i IGC som avsluttes 3. mars 2027",
        "Og møtet er på ledernivå",
        "Når reglene vurderes",
        "Så gjelder «Rapport fra hvert møte»",
        "Og fristen er 17. mars 2027",
        "Og gjelder «Rapport fra møter på ledernivå»",
        "Og fristen er 24. mars 2027",
    ]
    assert all(_allowed(s) for s in steps)


def test_a_written_scenario_runs_green_against_the_rules_it_was_written_for(tmp_path: Path):
    features = tmp_path / "features"
    run("verify", "tests/fixtures/verify/dobbel", "--write-scenario", str(features))
    (tmp_path / "test_written.py").write_text(
        "import importlib, sys\n"
        "from pathlib import Path\n"
        f"sys.path.insert(0, {str(ROOT / 'tests')!r})\n"
        "import pytest\n"
        "from pytest_bdd import scenarios\n"
        "from udi_rules import Rulebook\n"
        "from step_defs import *  # noqa\n"
        f"for p in sorted(Path({str(ROOT / 'tests')!r}).glob('steps_*.py')):\n"
        "    globals().update({k: v for k, v in vars(importlib.import_module(p.stem)).items() if not k.startswith('__')})\n"
        "@pytest.fixture\n"
        "def rulebook():\n"
        f"    return Rulebook.load({str(FIXTURES / 'dobbel')!r})\n"
        "scenarios('features')\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
