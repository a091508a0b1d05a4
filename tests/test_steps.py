"""The list of allowed step sentences (`udi_rules.tools.steps`) is the list the scenarios run with.

The step definitions in `step_defs.py` and `steps_*.py` are read back from
pytest-bdd's own registry, so a step added there without a line in the list
(or a line left in the list after its step is gone) fails here.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

from udi_rules.tools.steps import KEYWORD_OF_TYPE, STEPS, Step, nearest

try:  # Python ≥ 3.11 keeps the regular-expression parser here
    from re import _constants as sre_constants, _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants, sre_parse  # type: ignore[no-redef]

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
STEP_MODULES = ["step_defs", *sorted(p.stem for p in TESTS.glob("steps_*.py"))]


def registered() -> list[StepFunctionContext]:
    """Every step definition the scenarios run with, as pytest-bdd registered it."""
    modules = {importlib.import_module(name).__name__ for name in STEP_MODULES}
    found = [c for c in list(step_function_context_registry.values()) if c.step_func.__module__ in modules]
    unique = {(c.type, c.parser.name, c.step_func.__qualname__): c for c in found}
    return list(unique.values())


def understands(context: StepFunctionContext, step: Step, sentence: str) -> bool:
    return KEYWORD_OF_TYPE.get(context.type or "", step.keyword) == step.keyword and context.parser.is_matching(sentence)


def named(context: StepFunctionContext) -> str:
    pattern = context.parser.name if len(context.parser.name) < 70 else context.parser.name[:67] + "..."
    return f"{context.step_func.__module__}.{context.step_func.__name__} ({pattern!r})"


def fixed_wordings(context: StepFunctionContext) -> dict[str, list[str]]:
    """Named groups of a regex step that are a choice of fixed words: {group: [word, ...]}."""
    regex = getattr(context.parser, "regex", None)
    if regex is None:
        return {}
    names = {index: name for name, index in regex.groupindex.items()}
    found: dict[str, list[str]] = {}

    def visit(items: Any) -> None:
        for op, arg in items:
            if op is sre_constants.SUBPATTERN:
                group, _, _, inner = arg
                words = _alternatives(list(inner))
                if group in names and words is not None:
                    found[names[group]] = words
                visit(inner)
            elif op is sre_constants.BRANCH:
                for branch in arg[1]:
                    visit(branch)

    visit(sre_parse.parse(regex.pattern))
    return found


def _alternatives(items: list) -> list[str] | None:
    """['a', 'bc'] for a pattern that is only `a|bc` (literal words), else None."""
    if len(items) == 1 and items[0][0] is sre_constants.BRANCH:
        branches = items[0][1][1]
    else:
        branches = [items]
    words = []
    for branch in branches:
        if not all(op is sre_constants.LITERAL for op, _ in branch):
            return None
        words.append("".join(chr(c) for _, c in branch))
    return words if len(words) > 1 else None


def test_the_step_definitions_are_found():
    assert len(registered()) >= 30


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.text)
def test_every_listed_sentence_is_understood_by_exactly_one_step_definition(step: Step):
    for sentence in step.sentences():
        matches = [named(c) for c in registered() if understands(c, step, sentence)]

        assert len(matches) == 1, f"«{step.keyword} {sentence}»: {matches or 'no step definition understands it'}"


def test_every_step_definition_is_listed_for_scenario_writers():
    unlisted = [
        named(c) for c in registered()
        if not any(understands(c, step, sentence) for step in STEPS for sentence in step.sentences())
    ]

    assert not unlisted, "add these to udi_rules/tools/steps.py:\n" + "\n".join(unlisted)


def test_every_fixed_wording_a_step_definition_accepts_is_listed():
    missing = []
    for context in registered():
        for group, words in fixed_wordings(context).items():
            listed = {
                context.parser.parse_arguments(sentence)[group]
                for step in STEPS for sentence in step.sentences() if understands(context, step, sentence)
            }
            missing += [f"{named(context)}: «{word}»" for word in words if word not in listed]

    assert not missing, "add these to udi_rules/tools/steps.py:\n" + "\n".join(missing)


def test_the_fixed_wordings_are_read_from_the_step_definitions():
    flags = [c for c in registered() if c.step_func.__name__ == "a_fact_in_words"]

    assert flags and "møtet er på ledernivå" in fixed_wordings(flags[0])["sentence"]


def test_each_listed_step_says_what_it_means_in_both_languages_and_shows_an_example():
    for step in STEPS:
        assert step.nb and step.en and "<" not in step.example and ">" not in step.example, step.text
        assert set(re.findall(r"<([^<>]+)>", step.pattern)) == set(step.values) | set(step.choices), step.text


def test_the_nearest_sentences_to_a_misspelt_step_come_first():
    best = nearest("et møte i EMN som slutter 3. mars 2027", "Gitt")[0]

    assert best.text == "Gitt et møte i <forum> som avsluttes <dato>"
    assert nearest("fristen blir 17. mars 2027", "Så")[0].text == "Så fristen er <dato>"


THROWAWAY_FEATURE = """\
# language: no
Egenskap: Et scenario med en skrivefeil

  Scenario: Møtet slutter i stedet for å avsluttes
    Gitt et møte i EMN som slutter 3. mars 2027
    Når reglene vurderes
    Så gjelder ingen regler
"""


def test_a_scenario_with_an_unknown_step_fails_with_the_nearest_allowed_sentences_in_norwegian(tmp_path: Path):
    (tmp_path / "skrivefeil.feature").write_text(THROWAWAY_FEATURE, encoding="utf-8")
    (tmp_path / "test_skrivefeil.py").write_text(
        "from pytest_bdd import scenarios\nfrom step_defs import *  # noqa: F401,F403\nscenarios('skrivefeil.feature')\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:cacheprovider", "-q", "test_skrivefeil.py"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
        env={"PYTHONPATH": str(TESTS), "PATH": "/usr/bin:/bin"},
    )
    out = result.stdout

    assert result.returncode == 1, out + result.stderr
    assert "skrivefeil.feature:5: ukjent steg «Gitt et møte i EMN som slutter 3. mars 2027»" in out
    assert "nærmeste tillatte setninger" in out
    suggestions = out.split("nærmeste tillatte setninger")[1]
    assert suggestions.index("Gitt et møte i <forum> som avsluttes <dato>") < suggestions.index("f.eks.")
    assert "Traceback" not in out
