"""`udi-rules diff` through its real entry point: what a reviewer reads before approving an edit of the rules."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UDI_RULES = shutil.which("udi-rules", path=str(Path(sys.executable).parent)) or str(ROOT / ".venv" / "bin" / "udi-rules")
REPORTING = "4.1-rapportering.yaml"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([UDI_RULES, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def edited(tmp: Path, change) -> Path:
    rules = shutil.copytree(ROOT / "rules", tmp / "rules")
    path = rules / REPORTING
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return rules


def three_weeks(text: str) -> str:
    """The report and the ministry letter: 14 → 21 days after the meeting (the two duties that wait for minutes)."""
    new, count = re.subn(r"days_after: 14(\n\s+from: last_day\n\s+later_of: official_minutes_available_on\n\s+pending_when)",
                         r"days_after: 21\1", text)
    assert count == 2
    return new


def without_emn(text: str) -> str:
    assert "forum: {in: [Schengen, EASO, EMN]}" in text
    return text.replace("forum: {in: [Schengen, EASO, EMN]}", "forum: {in: [Schengen, EASO]}")


@pytest.fixture(scope="module")
def three_weeks_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return edited(tmp_path_factory.mktemp("21"), three_weeks)


@pytest.fixture(scope="module")
def three_weeks_json(three_weeks_rules: Path) -> dict:
    result = run("diff", "rules", str(three_weeks_rules), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def without_emn_json(tmp_path_factory: pytest.TempPathFactory) -> dict:
    rules = edited(tmp_path_factory.mktemp("emn"), without_emn)
    result = run("diff", "rules", str(rules), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_deadline_of_three_weeks_instead_of_two_names_the_report_and_the_ministry_letter(three_weeks_json: dict):
    assert three_weeks_json["changed"] is True
    assert [r["rule_id"] for r in three_weeks_json["rules"]] == ["4.1-intern-rapport", "4.1-brev-til-departementet"]
    for rule in three_weeks_json["rules"]:
        assert set(rule["changes"]) == {"deadline"}
        assert 0 < rule["changed"] < rule["classes"]
        assert rule["location"].endswith(f"{REPORTING}:{ {'4.1-intern-rapport': 135, '4.1-brev-til-departementet': 264}[rule['rule_id']] }:5")


def test_each_example_meeting_shows_both_dates(three_weeks_json: dict):
    for rule in three_weeks_json["rules"]:
        assert rule["examples"]
        for example in rule["examples"]:
            old, new = example["old"]["deadline"]["due"], example["new"]["deadline"]["due"]
            assert old and new and old < new
        first = rule["examples"][0]
        assert first["facts"]["last_day"] == "2027-03-03"
        assert (first["old"]["deadline"]["due"], first["new"]["deadline"]["due"]) == ("2027-03-17", "2027-03-24")
        assert first["said"][0] .startswith("et møte i ") and first["said"][0].endswith("som avsluttes 3. mars 2027")


def test_the_scenarios_and_the_examples_that_change_are_named(three_weeks_json: dict):
    assert three_weeks_json["scenarios_read"] > 100
    where = {s["where"] for s in three_weeks_json["scenarios"]}
    assert "features/4.1-rapportering.feature:15" in where
    report = next(s for s in three_weeks_json["scenarios"] if s["where"] == "features/4.1-rapportering.feature:15")
    [change] = [r for r in report["rules"] if r["rule_id"] == "4.1-intern-rapport"]
    assert (change["old"]["deadline"]["due"], change["new"]["deadline"]["due"]) == ("2027-03-17", "2027-03-24")
    assert [e["where"] for e in three_weeks_json["examples"]] == ["examples/moete-emn-innkalling.yaml"]


def test_the_text_says_the_rule_and_both_dates_in_norwegian(three_weeks_rules: Path):
    result = run("diff", "rules", str(three_weeks_rules))
    assert result.returncode == 0
    assert "4.1-intern-rapport «Det skal skrives en kort intern rapport fra hvert møte»" in result.stdout
    assert "frist 17. mars 2027 → gjelder, hos møtedeltakeren, frist 24. mars 2027" in result.stdout
    assert "klasser av møter endres (ny frist:" in result.stdout


def test_a_forum_taken_off_the_list_shows_the_lost_ministry_letters(without_emn_json: dict):
    rules = {r["rule_id"]: r for r in without_emn_json["rules"]}
    assert set(rules) == {"4.1-departementet-forum", "4.1-brev-til-departementet", "4.1-brev-vedlegg"}
    letter = rules["4.1-brev-til-departementet"]
    assert letter["changes"]["lost"] > 0
    lost = [e for e in letter["examples"] if e["change"] == "lost"]
    assert lost and all(e["facts"]["forum"] == "emn" for e in lost)
    assert lost[0]["old"]["applies"] is True and lost[0]["new"] == {"applies": False}
    assert lost[0]["old"]["holder"] == "avdelingsdirektøren i ASA"
    scenario = next(s for s in without_emn_json["scenarios"]
                    if s["name"] == "Et EMN-møte uten Justisdepartementet rapporteres til departementet")
    change = next(r for r in scenario["rules"] if r["rule_id"] == "4.1-brev-til-departementet")
    assert change["old"]["applies"] is True and change["new"]["applies"] is False


def test_markdown_for_a_review_has_a_heading_and_a_table_per_rule(tmp_path: Path):
    rules = edited(tmp_path, without_emn)
    result = run("diff", "rules", str(rules), "--format", "markdown", "--features", str(tmp_path / "ingen"))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("## Virkning av regelendringen")
    assert "### `4.1-brev-til-departementet` «Avdelingsdirektøren sender referat til departementet»" in text
    assert "| et møte i EMN som avsluttes 3. mars 2027 | gjelder, hos avdelingsdirektøren i ASA, frist 17. mars 2027 | gjelder ikke |" in text


def test_the_same_rules_change_nothing(tmp_path: Path):
    result = run("diff", "rules", "rules", "--format", "json", "--features", str(tmp_path), "--examples", str(tmp_path))
    assert result.returncode == 0
    impact = json.loads(result.stdout)
    assert impact["changed"] is False and impact["rules"] == [] and impact["classes"] > 10_000
    assert "ingen møter får en annen konklusjon" in run("diff", "rules", "rules", "--features", str(tmp_path)).stdout


def test_git_compares_the_rules_at_a_revision_with_the_working_tree(tmp_path: Path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "rules", repo / "rules")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "rules"], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "regler"], check=True)
    path = repo / "rules" / REPORTING
    path.write_text(three_weeks(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run("diff", "--git", "HEAD", "rules", "--format", "json", "--features", str(tmp_path), cwd=repo)
    assert result.returncode == 0, result.stderr
    impact = json.loads(result.stdout)
    assert impact["old"] == "rules @ HEAD"
    assert [r["rule_id"] for r in impact["rules"]] == ["4.1-intern-rapport", "4.1-brev-til-departementet"]
    bad = run("diff", "--git", "ingen-slik-revisjon", "rules", cwd=repo)
    assert bad.returncode == 64 and "kan ikke lese `rules` ved revisjonen `ingen-slik-revisjon`" in bad.stderr


def test_one_folder_without_git_is_a_usage_error():
    result = run("diff", "rules")
    assert result.returncode == 64
    assert "skriv OLD og NEW" in result.stderr


def test_an_invalid_new_rulebook_is_exit_1_with_its_place(tmp_path: Path):
    rules = edited(tmp_path, lambda text: text.replace("days_after: 14", "days_after: fjorten", 1))
    result = run("diff", "rules", str(rules))
    assert result.returncode == 1
    assert f"{REPORTING}:" in result.stderr
