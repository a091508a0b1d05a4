"""`udi-rules check` says what the tests would say, as located warnings, before the tests run.

Each test copies the shipped rules and scenarios to a folder of its own,
breaks one thing the way a policy editor might, and runs the real command.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from test_cli import EXAMPLE_TEXT, ROOT, run


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of rules/ with features/ beside it, as in a source checkout."""
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    shutil.copytree(ROOT / "features", tmp_path / "features")
    return tmp_path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def warnings_json(checkout: Path, *more: str) -> tuple[int, list[dict]]:
    result = run("check", "rules", "--format", "json", *more, cwd=checkout)
    return result.returncode, json.loads(result.stdout)["warnings"]


def test_the_shipped_rulebook_gives_no_warnings():
    result = run("check", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["warnings"] == []


def test_a_rule_no_scenario_shows_not_applying_is_a_located_warning_and_strict_makes_it_exit_1(checkout: Path):
    feature = checkout / "features" / "4.3-intranett.feature"
    text = feature.read_text(encoding="utf-8")
    feature.write_text(re.sub(r"gjelder ikke «", "gjelder «", text), encoding="utf-8")
    code, warnings = warnings_json(checkout)
    assert code == 0
    not_shown = [w for w in warnings if w["code"] == "no-scenario-not-applies"]
    assert not_shown, warnings
    rules_file = checkout / "rules" / "4.2-4.4-kunnskap.yaml"
    first = not_shown[0]
    rule_id = re.search(r"`(.+?)`", first["message"]["nb"])[1]
    assert first["file"] == "rules/4.2-4.4-kunnskap.yaml"
    assert first["line"] == line_of(rules_file, f"id: {rule_id}")
    assert first["message"]["nb"] == f"ingen scenario viser at regelen `{rule_id}` ikke gjelder"
    strict = run("check", "rules", "--strict", cwd=checkout)
    assert strict.returncode == 1
    assert "advarsel [warning]: ingen scenario viser" in strict.stderr


def test_a_rule_no_scenario_shows_applying_is_reported(checkout: Path):
    feature = checkout / "features" / "4.3-intranett.feature"
    feature.write_text(re.sub(r"Så gjelder «", "Så gjelder ikke «", feature.read_text(encoding="utf-8")), encoding="utf-8")
    _, warnings = warnings_json(checkout)
    assert any(w["code"] == "no-scenario-applies" for w in warnings)


def test_an_interpretation_without_a_tolkning_scenario_is_reported_at_the_interpretation(checkout: Path):
    for feature in (checkout / "features").glob("*.feature"):
        feature.write_text(feature.read_text(encoding="utf-8").replace("@tolkning", "@lesning"), encoding="utf-8")
    _, warnings = warnings_json(checkout)
    pinned = [w for w in warnings if w["code"] == "interpretation-not-pinned"]
    rules_file = checkout / "rules" / "4.1-rapportering.yaml"
    about = next(w for w in pinned if "`4.1-intern-rapport`" in w["message"]["nb"])
    lines = rules_file.read_text(encoding="utf-8").splitlines()
    assert lines[about["line"] - 1].strip().startswith(("nb:", "interpretation:")), lines[about["line"] - 1]
    assert about["message"]["en"].endswith("is not pinned by a scenario tagged @tolkning")


def test_a_provision_neither_encoded_nor_marked_is_reported_at_its_id(checkout: Path):
    provisions = checkout / "rules" / "provisions.yaml"
    edit(provisions, '  - id: "1-2"\n    section: "1"\n    quote: Internasjonal deltakelse skal komme hele organisasjonen til gode, '
         "ikke bare den enkelte medarbeider.\n    not_a_rule: purpose\n",
         '  - id: "1-2"\n    section: "1"\n    quote: Internasjonal deltakelse skal komme hele organisasjonen til gode, '
         "ikke bare den enkelte medarbeider.\n")
    code, warnings = warnings_json(checkout)
    assert code == 0
    [found] = [w for w in warnings if w["code"] == "provision-not-encoded"]
    assert (found["file"], found["line"]) == ("rules/provisions.yaml", line_of(provisions, 'id: "1-2"'))


def test_prose_that_states_a_number_differently_from_its_parameter_is_reported_where_the_number_stands(checkout: Path):
    rules_file = checkout / "rules" / "4.1-rapportering.yaml"
    edit(rules_file, "days_after: 14", "days_after: 21")
    edit(rules_file, 'nb: "{deadline.days_after:weeks} etter at møtet er avholdt', 'nb: "to uker etter at møtet er avholdt')
    result = run("check", "rules", "--lang", "nb", cwd=checkout)
    assert result.returncode == 0
    line = line_of(rules_file, 'nb: "to uker etter')
    assert f"rules/4.1-rapportering.yaml:{line}:12: advarsel: teksten sier «to uker» (14 dager)" in result.stderr
    assert "days_after er 21 dager" in result.stderr
    assert "[" not in result.stderr.splitlines()[0], "--lang nb is Norwegian only"


def test_changing_the_report_deadline_to_21_days_changes_the_prose_and_check_finds_nothing_contradictory(checkout: Path):
    rules_file = checkout / "rules" / "4.1-rapportering.yaml"
    edit(rules_file, "days_after: 14", "days_after: 21", count=-1)
    code, warnings = warnings_json(checkout)
    assert code == 0
    assert not [w for w in warnings if w["code"] == "prose-number"], warnings
    explained = run("explain", "4.1-intern-rapport", "--rules", "rules", cwd=checkout).stdout
    assert "fristen på tre uker (21 dager)" in explained
    assert "Frist i ord: tre uker etter at møtet er avholdt" in explained
    assert "to uker" not in explained.split("Scenarioer")[0]
    (checkout / "moete.yaml").write_text(EXAMPLE_TEXT, encoding="utf-8")
    before = run("evaluate", "moete.yaml", cwd=checkout).stdout
    after = run("evaluate", "moete.yaml", "--rules", "rules", cwd=checkout).stdout
    assert "to uker etter at møtet er avholdt" in before and "tre uker" not in before
    assert "tre uker etter at møtet er avholdt" in after and "to uker etter at møtet er avholdt" not in after


def test_warnings_speak_english_with_lang_en(checkout: Path):
    edit(checkout / "rules" / "4.1-rapportering.yaml", "days_after: 14", "days_after: 21")
    edit(checkout / "rules" / "4.1-rapportering.yaml", 'en: "{deadline.days_after:weeks} after the meeting', 'en: "two weeks after the meeting')
    result = run("check", "rules", "--lang", "en", cwd=checkout)
    assert "warning: the text says «two weeks» (14 days)" in result.stderr
    assert "1 warning(s)" in result.stderr

