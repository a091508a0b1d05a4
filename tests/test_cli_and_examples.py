"""The command line and the examples do what the README says they do."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from udi_rules.tools.cli import CRASHED, FACTS_INVALID, OK, RULES_INVALID, main

ROOT = Path(__file__).resolve().parent.parent
INVITATION = ROOT / "examples" / "moete-emn-innkalling.yaml"
AFTER = ROOT / "examples" / "moete-emn-etter.yaml"
REQUEST = ROOT / "examples" / "henvendelse-rma.yaml"


def _after_meeting(tmp_path: Path) -> Path:
    """The example meeting with the answers known after it, as one facts file."""
    path = tmp_path / "moete.yaml"
    path.write_text(INVITATION.read_text(encoding="utf-8") + AFTER.read_text(encoding="utf-8"), encoding="utf-8")
    return path


EXAMPLE_TEXT = INVITATION.read_text(encoding="utf-8") + AFTER.read_text(encoding="utf-8")


def test_the_embedding_example_shows_the_meeting_at_the_invitation_and_after_it():
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "embed_in_service.py"), str(INVITATION), str(AFTER)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    at_invitation, after = result.stdout.split("=== Etter møtet / after the meeting ===")
    assert "Kan gjelde, avhengig av svar som ennå ikke er kjent" in at_invitation
    assert "Åpne spørsmål:" in at_invitation and "Åpne spørsmål:" not in after.split("{")[0]
    assert "Avdelingsdirektøren sender referat til departementet" in after
    assert '"status": 200' in result.stdout and '"open_questions"' in result.stdout
    assert "did you mean `EMN`?" in result.stdout  # a misspelt forum is accepted with a warning
    assert '"status": 422' in result.stdout and '"field": "last_day"' in result.stdout


def test_check_accepts_the_shipped_rules(capsys):
    assert main(["check"]) == OK
    assert capsys.readouterr().out.startswith("ok: ")


def test_check_reports_broken_rules_with_place_and_exit_code_1(tmp_path, capsys):
    (tmp_path / "brudd.yaml").write_text("rules:\n  - id: x\n    titel: feil\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == RULES_INVALID
    err = capsys.readouterr().err
    assert f"{tmp_path / 'brudd.yaml'}:3:5: ukjent felt `titel`" in err or "brudd.yaml:3:5: ukjent felt `titel`" in err
    assert "mente du `title`?" in err


def test_evaluate_prints_the_explanation_in_english(tmp_path, capsys):
    assert main(["evaluate", str(_after_meeting(tmp_path)), "--lang", "en"]) == OK
    out = capsys.readouterr().out
    assert "The department director sends minutes to the ministry" in out
    assert "Because:" in out


def test_evaluate_as_json_is_a_decision(tmp_path, capsys):
    assert main(["evaluate", str(_after_meeting(tmp_path)), "--format", "json"]) == OK
    decision = json.loads(capsys.readouterr().out)
    assert decision["fact_kind"] == "meeting"
    assert "4.1-brev-til-departementet" in [c["rule_id"] for c in decision["conclusions"]]


def test_evaluate_names_the_wrong_field_and_exits_2(tmp_path, capsys):
    facts = tmp_path / "moete.yaml"
    facts.write_text(EXAMPLE_TEXT.replace("last_day: 2027-03-03", "last_day: 2027-02-30"), encoding="utf-8")
    assert main(["evaluate", str(facts)]) == FACTS_INVALID
    assert "last_day: er ikke en dato" in capsys.readouterr().err


def test_evaluate_accepts_an_unknown_forum_and_warns_with_the_nearest_name(tmp_path, capsys):
    facts = tmp_path / "moete.yaml"
    facts.write_text(EXAMPLE_TEXT.replace("forum: EMN", "forum: EMM"), encoding="utf-8")
    assert main(["evaluate", str(facts)]) == OK
    assert "forumet `EMM` står ikke i katalogen" in capsys.readouterr().out


def test_evaluate_a_request_that_is_not_a_meeting(capsys):
    assert main(["evaluate", str(REQUEST), "--kind", "request", "--format", "json"]) == OK
    decision = json.loads(capsys.readouterr().out)
    assert decision["fact_kind"] == "request"
    assert [c["rule_id"] for c in decision["conclusions"]] == ["3.1-orienter-aua", "3.1-orienter-fagavdelingene"]


def test_evaluate_reports_yaml_errors_in_the_facts_file_with_place(tmp_path, capsys):
    facts = tmp_path / "moete.yaml"
    facts.write_text("forum: EMN\nforum: EASO\n", encoding="utf-8")
    assert main(["evaluate", str(facts)]) == FACTS_INVALID
    assert "moete.yaml:2:1:" in capsys.readouterr().err


def test_evaluate_a_missing_file_is_an_input_error(tmp_path):
    assert main(["evaluate", str(tmp_path / "finnes-ikke.yaml")]) == FACTS_INVALID


def test_an_unexpected_failure_is_exit_code_3(monkeypatch, capsys):
    import udi_rules.tools.cli as cli

    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli.Rulebook, "check", explode)
    assert main(["check", "rules"]) == CRASHED
    assert "RuntimeError: boom" in capsys.readouterr().err


def test_a_year_file_is_evaluated_as_a_year(tmp_path, capsys):
    facts = tmp_path / "aar.yaml"
    facts.write_text("year: 2027\n", encoding="utf-8")
    assert main(["evaluate", str(facts), "--format", "json"]) == OK
    assert json.loads(capsys.readouterr().out)["fact_kind"] == "year"
