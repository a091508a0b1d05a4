"""Two engines, one answer: durable-rules by default, the python engine by choice or when durable-rules is missing."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from engine_support import ROOT, fixture_texts, meeting, sample_meetings
from udi_rules import EngineError, Meeting, Rulebook
from udi_rules.python_engine import PythonEngine
from udi_rules.rulebook import ENGINES, resolve_engine
from udi_rules.validate import check_texts

#: Run first in a child interpreter: durable-rules cannot be imported there, as on a machine without a compiler.
WITHOUT_DURABLE = "import sys; sys.modules['durable_rules_engine'] = None; sys.modules['durable'] = None\n"

CHILD = WITHOUT_DURABLE + textwrap.dedent(
    """
    import contextlib, io, json, warnings
    from udi_rules import EngineError, Meeting, Rulebook
    from udi_rules.tools.cli import main

    report = {}
    with contextlib.redirect_stdout(io.StringIO()) as out:
        report["check"] = main(["check", "rules"])
        report["schema"] = main(["schema"])
    report["checked"] = len(Rulebook.check("rules").rules)
    report["durable_imported"] = "udi_rules.durable_engine" in sys.modules
    try:
        Rulebook.default(engine="durable")
    except EngineError as error:
        report["asked_for_durable"] = str(error)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = Rulebook.default()
        again = Rulebook.load("rules")
    report["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
    report["engines"] = [book.engine, again.engine]
    report["decisions"] = [book.evaluate(m).model_dump(mode="json") for m in json.load(sys.stdin)]
    print(json.dumps(report))
    """
)


def test_the_default_engine_is_durable_rules():
    assert ENGINES[0] == "durable"
    assert Rulebook.default().engine == "durable"
    assert resolve_engine(None) == "durable"


def test_the_python_engine_gives_durables_decision_for_every_generated_meeting():
    durable, python = Rulebook.default(), Rulebook.default(engine="python")
    assert python.engine == "python" and python is not durable

    for facts in sample_meetings(300):
        assert python.evaluate(facts) == durable.evaluate(facts), facts


def test_a_rulebook_can_be_loaded_for_the_python_engine_by_path():
    book = Rulebook.load(ROOT / "rules", engine="python")

    assert book.engine == "python"
    assert book.evaluate(meeting()).rule_ids == Rulebook.default().evaluate(meeting()).rule_ids


def test_an_unknown_engine_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown engine `drools`"):
        Rulebook.load(ROOT / "rules", engine="drools")


def test_a_closed_python_engine_refuses_to_evaluate():
    book = Rulebook(check_texts(fixture_texts("basic")), engine="python")
    book.close()

    with pytest.raises(EngineError, match="closed"):
        book.evaluate(meeting())


def test_the_python_engine_counts_a_rule_that_only_derives_as_fired_as_durable_does():
    book = Rulebook.default()
    model = Meeting.model_validate(meeting(), context={"catalogue": book.catalogue})

    fired, derived = PythonEngine(book.checked).run("meeting", model.__dict__)

    assert derived and {rule for holders in derived.values() for rule in holders} <= fired
    durable_fired, durable_derived = book._run("meeting", model.__dict__)
    assert fired == durable_fired
    assert {name: sorted(rules) for name, rules in derived.items()} == {
        name: sorted(rules) for name, rules in durable_derived.items()
    }


@pytest.mark.slow
def test_without_durable_rules_checking_works_and_evaluating_warns_once_and_decides_as_durable_does():
    meetings = sample_meetings(200, seed=13)
    done = subprocess.run(
        [sys.executable, "-c", CHILD], input=json.dumps(meetings), capture_output=True, text=True,
        cwd=ROOT, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)

    assert report["check"] == 0 and report["schema"] == 0 and report["checked"] == len(Rulebook.default().rule_ids)
    assert report["durable_imported"] is False
    assert "durable-rules cannot be imported" in report["asked_for_durable"]
    assert "pip install --no-cache-dir --force-reinstall durable-rules==2.0.28" in report["asked_for_durable"]
    assert len(report["warnings"]) == 1
    assert report["warnings"][0].startswith("RuntimeWarning: durable-rules kan ikke importeres")
    assert "CPPFLAGS=-DPyEval_CallObject=PyObject_CallObject" in report["warnings"][0]
    assert report["engines"] == ["python", "python"]
    durable = Rulebook.default()
    assert report["decisions"] == [durable.evaluate(m).model_dump(mode="json") for m in meetings]
