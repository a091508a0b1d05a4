"""`udi-rules` through its real entry point: every command, its JSON, and one exit-code scheme.

0 fine · 1 rules invalid (or findings) · 2 facts invalid · 3 crashed · 64 usage error.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from udi_rules import __version__
from udi_rules.tools.steps import STEPS
from udi_rules.rule_files import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
#: The example meeting as known after it: the answers at the invitation and after the meeting, in one file.
EXAMPLE_TEXT = "".join(
    (ROOT / "examples" / name).read_text(encoding="utf-8") for name in ("moete-emn-innkalling.yaml", "moete-emn-etter.yaml")
)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("examples") / "moete-emn.yaml"
    path.write_text(EXAMPLE_TEXT, encoding="utf-8")
    return path
UDI_RULES = shutil.which("udi-rules", path=str(Path(sys.executable).parent)) or str(ROOT / ".venv" / "bin" / "udi-rules")
RULE = "4.1-brev-til-departementet"


def run(*args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([UDI_RULES, *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def broken_rules(tmp_path: Path) -> Path:
    (tmp_path / "brudd.yaml").write_text("rules:\n  - id: x\n    titel: feil\n", encoding="utf-8")
    return tmp_path


# --- the program as a whole -------------------------------------------------------------


def test_version_names_the_library_and_the_rulebook_digest():
    result = run("--version")

    assert result.returncode == 0
    assert f"udi-rules {__version__}" in result.stdout
    assert load_rulebook(ROOT / "rules").digest in result.stdout


def test_help_is_in_norwegian_and_english_and_gives_the_exit_codes():
    result = run("--help")

    assert result.returncode == 0
    for words in ("sjekk regelfilene", "check the rule files", "forklar", "explain", "64"):
        assert words in result.stdout
    for command in ("check", "evaluate", "explain", "schema", "steps"):
        assert command in result.stdout


@pytest.mark.parametrize(
    "args",
    [("nosuch",), ("check", "--nosuch"), ("evaluate",), ("evaluate", "x.yaml", "--format", "xml"), ("steps", "extra")],
    ids=["unknown command", "unknown option", "missing argument", "bad choice", "extra argument"],
)
def test_a_usage_error_exits_64_never_the_facts_code_2(args):
    result = run(*args)

    assert result.returncode == 64, result.stderr
    assert "feil bruk av kommandoen" in result.stderr and "usage error" in result.stderr


def test_a_crash_exits_3_with_the_traceback():
    code = (
        "import sys\n"
        "from udi_rules.rulebook import Rulebook\n"
        "def boom(*a, **k): raise RuntimeError('boom')\n"
        "Rulebook.check = boom\n"
        "from udi_rules.tools.cli import main\n"
        "sys.exit(main(['check']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)

    assert result.returncode == 3
    assert "RuntimeError: boom" in result.stderr and "Traceback" in result.stderr


@pytest.mark.parametrize("args", [("evaluate", "EXAMPLE"), ("steps",), ("schema",), ("explain", RULE)])
def test_a_reader_that_stops_early_ends_the_program_quietly(args, example):
    args = tuple(str(example) if a == "EXAMPLE" else a for a in args)
    command = " ".join(f"'{a}'" for a in (UDI_RULES, *args)) + " | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, cwd=ROOT, timeout=120)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1


def test_a_pipe_closed_before_the_first_line_is_written_is_not_an_error():
    process = subprocess.Popen([UDI_RULES, "steps"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # nobody will read a single byte
    stderr = process.stderr.read().decode()
    process.wait(timeout=120)

    assert process.returncode == 0
    assert stderr == ""


# --- check ----------------------------------------------------------------------------------


def test_check_says_ok_with_the_digest():
    result = run("check")

    assert result.returncode == 0
    assert result.stdout.startswith("ok: ") and load_rulebook(ROOT / "rules").digest in result.stdout


def test_check_as_json_gives_the_count_and_digest():
    result = run("check", "rules", "--format", "json")
    answer = json.loads(result.stdout)

    assert result.returncode == 0
    assert answer["ok"] is True and answer["rules"] > 20 and len(answer["digest"]) == 16


def test_check_of_broken_rules_exits_1_with_the_place(broken_rules):
    result = run("check", str(broken_rules))

    assert result.returncode == 1
    assert "brudd.yaml:3:5: ukjent felt `titel` [unknown field `titel`]" in result.stderr
    assert "3 feil [error(s)]" in result.stderr


def test_check_in_norwegian_only_leaves_out_the_english(broken_rules):
    result = run("check", str(broken_rules), "--lang", "nb")

    assert "brudd.yaml:3:5: ukjent felt `titel` — mente du `title`?" in result.stderr
    assert "unknown field" not in result.stderr and "[" not in result.stderr


def test_check_of_broken_rules_as_json_lists_the_diagnostics(broken_rules):
    result = run("check", str(broken_rules), "--format", "json")
    answer = json.loads(result.stdout)

    assert result.returncode == 1
    assert answer["ok"] is False
    assert (3, 5, "unknown-field") in [(d["line"], d["col"], d["code"]) for d in answer["diagnostics"]]


# --- evaluate -------------------------------------------------------------------------------


def test_evaluate_prints_the_explained_decision(example):
    result = run("evaluate", str(example))

    assert result.returncode == 0
    assert "Avdelingsdirektøren sender referat til departementet" in result.stdout


def test_evaluate_reads_json_facts_from_standard_input():
    from udi_rules.yaml_source import load_yaml

    facts = load_yaml(EXAMPLE_TEXT, "x").data
    text = json.dumps({k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in facts.items()})
    result = run("evaluate", "-", "--format", "json", stdin=text)

    assert result.returncode == 0, result.stderr
    assert RULE in [c["rule_id"] for c in json.loads(result.stdout)["conclusions"]]


def test_evaluate_in_both_languages_gives_both_explanations(example):
    result = run("evaluate", str(example), "--lang", "both")

    assert "Avdelingsdirektøren sender referat til departementet" in result.stdout
    assert "The department director sends minutes to the ministry" in result.stdout


def test_evaluate_wrong_facts_from_standard_input_exit_2_with_the_field():
    result = run("evaluate", "-", stdin=EXAMPLE_TEXT.replace("last_day: 2027-03-03", "last_day: 2027-02-30"))

    assert result.returncode == 2
    assert "<stdin>: ugyldige fakta" in result.stderr
    assert "last_day: er ikke en dato" in result.stderr


def test_evaluate_an_unknown_forum_from_standard_input_warns_and_exits_0():
    result = run("evaluate", "-", stdin=EXAMPLE_TEXT.replace("forum: EMN", "forum: EMM"))

    assert result.returncode == 0
    assert "forumet `EMM` står ikke i katalogen" in result.stdout and "mente du `EMN`?" in result.stdout


def test_evaluate_wrong_facts_as_json_lists_the_problems():
    result = run("evaluate", "-", "--format", "json", stdin="forum: EMN\n")
    answer = json.loads(result.stdout)

    assert result.returncode == 2
    assert answer["ok"] is False and "first_day" in [p["field"] for p in answer["problems"]]


def test_evaluate_a_missing_file_exits_2(tmp_path):
    result = run("evaluate", str(tmp_path / "finnes-ikke.yaml"))

    assert result.returncode == 2
    assert "kan ikke lese filen" in result.stderr


def test_evaluate_with_broken_rules_exits_1(broken_rules, example):
    result = run("evaluate", str(example), "--rules", str(broken_rules))

    assert result.returncode == 1
    assert "brudd.yaml:3:5" in result.stderr


# --- schema, steps --------------------------------------------------------------------------


def test_schema_prints_the_committed_schema():
    result = run("schema")

    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads((ROOT / "rules" / "udi-rules.schema.json").read_text(encoding="utf-8"))


def test_steps_lists_every_allowed_sentence_with_an_example():
    result = run("steps")

    assert result.returncode == 0
    assert "Gitt et møte i <forum> som avsluttes <dato>" in result.stdout
    assert "f.eks. [e.g.] Gitt et møte i EMN som avsluttes 3. mars 2027" in result.stdout
    assert result.stdout.count("\nSå ") + result.stdout.startswith("Så ") == sum(s.keyword == "Så" for s in STEPS)


def test_steps_as_json_gives_pattern_meaning_and_example():
    result = run("steps", "--format", "json")
    steps = json.loads(result.stdout)

    assert result.returncode == 0
    assert len(steps) == len(STEPS)
    first = steps[0]
    assert first["text"].startswith("Gitt ") and first["description"]["nb"] and first["description"]["en"]
    assert "<" not in first["example"]


# --- explain --------------------------------------------------------------------------------


def test_explain_says_what_a_rule_says_and_where_it_is_pinned():
    result = run("explain", RULE)
    out = result.stdout

    assert result.returncode == 0
    assert "Avdelingsdirektøren sender referat til departementet" in out
    assert "rules/4.1-rapportering.yaml:" in out
    assert "Referat fra møtet skal sendes departementet" in out  # the condition, in words
    assert "Hjemmel: IM 2011-013 punkt 4.1" in out and "«Brevet skal gå fra avdelingsdirektør" in out
    assert "Tolkning:" in out
    assert "14 dager etter møtets siste dag (`last_day`)" in out
    assert "Kopi til: AUA ved Internasjonal enhet" in out
    assert "features/4.1-rapportering.feature:" in out and "@tolkning" in out


def test_explain_as_json_in_english():
    result = run("explain", RULE, "--format", "json", "--lang", "en")
    answer = json.loads(result.stdout)

    assert result.returncode == 0
    assert answer["id"] == RULE and answer["duty"]["deadline"]["days_after"] == 14
    assert answer["citation"]["provision"] and answer["condition"]["en"]
    mentions = answer["scenarios"]["mentions"]
    assert {m["applies"] for m in mentions} == {True, False}


def test_explain_an_unknown_rule_exits_64_and_suggests_the_nearest():
    result = run("explain", RULE[:-1])

    assert result.returncode == 64
    assert f"ukjent regel `{RULE[:-1]}`; mente du `{RULE}`?" in result.stderr


def test_explain_without_a_features_folder_says_none_were_found(tmp_path):
    shutil.copytree(ROOT / "rules", tmp_path / "rules")

    text = run("explain", RULE, "--rules", str(tmp_path / "rules"))
    answer = json.loads(run("explain", RULE, "--rules", str(tmp_path / "rules"), "--format", "json").stdout)

    assert text.returncode == 0
    assert "fant ingen features-mappe" in text.stdout
    assert answer["scenarios"] == {"folder": None, "mentions": []}


def test_evaluate_facts_that_are_not_a_mapping_exit_2():
    result = run("evaluate", "-", stdin="- EMN\n- 2027-03-03\n")

    assert result.returncode == 2
    assert "<stdin>: faktaene må være en mapping av `felt: verdi`" in result.stderr


def test_explain_follows_derived_facts_both_ways():
    uses = json.loads(run("explain", RULE, "--format", "json").stdout)
    derives = json.loads(run("explain", "4.1-departementet-prinsipielt", "--format", "json").stdout)

    assert "4.1-departementet-prinsipielt" in uses["derived_by"]["minutes_to_ministry"]
    assert RULE in derives["used_by"]["minutes_to_ministry"]
