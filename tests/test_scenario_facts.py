"""The scenarios' «Gitt» sentences mean the same to `verify --write-scenario` and `diff` as to the test suite."""

from __future__ import annotations

from pathlib import Path

import step_defs
import steps_unknown

from udi_rules import Rulebook
from udi_rules.evaluate import validate_facts
from udi_rules.tools.fact_space import ORDINARY, FactSpace
from udi_rules.tools.scenario_facts import UNKNOWN, read_features, read_given, say_given
from udi_rules.tools.scenarios import _rows, _scenarios

ROOT = Path(__file__).resolve().parent.parent


def test_the_sentences_mean_what_the_step_definitions_do():
    assert ORDINARY["meeting"]["topic"] == step_defs._meeting("IGC", None, None)["topic"]
    assert set(UNKNOWN) == {"spørsmål av prinsipiell karakter blir drøftet", "det kommer offisielt referat",
                            "en leder fra UDI deltar", "AUA kjenner til henvendelsen"}
    assert steps_unknown._AFTER == ["principled_questions_discussed", "official_minutes_expected",
                                    "official_minutes_available_on"]


def test_every_scenario_in_features_is_read_into_facts_the_rules_accept(rulebook: Rulebook):
    from gherkin.parser import Parser
    from gherkin.token_scanner import TokenScanner

    rows = 0
    for path in sorted((ROOT / "features").glob("*.feature")):
        if path.name.startswith("oppfolging"):  # follow-up scenarios start from a case file, not from facts
            continue
        feature = Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))["feature"]
        rows += sum(len(_rows(s)) for s in _scenarios(feature))
    read = read_features(ROOT / "features")
    assert len(read) == rows
    assert not any("oppfolging" in where for where, *_ in read)
    for where, _, kind, facts in read:
        validate_facts(facts, kind, rulebook.catalogue)


def test_an_example_meeting_said_in_sentences_reads_back_as_the_same_meeting(rulebook: Rulebook):
    book = rulebook.checked
    space = FactSpace([book])
    checked = {c.rule.id: c for c in book.rules}
    said_back = 0
    for rule_id in ("4.1-brev-vedlegg", "3.2-konsulter-departementet", "3.1-orienter-fagavdelingene"):
        rule = checked[rule_id]
        kind = rule.rule.applies_to
        for point in space.points(kind, space.reads(rule, book), space.group(rule, book)):
            name = rulebook.catalogue.forums[rulebook.catalogue.find_forum(point.facts["forum"])].aliases[0] \
                if kind == "meeting" else None
            sentences, unsaid = say_given(kind, point.facts, name)
            if unsaid:
                continue
            kind_back, facts_back = read_given(sentences)
            assert kind_back == kind
            original = validate_facts(point.facts, kind, rulebook.catalogue).rule_values()
            back = validate_facts(facts_back, kind, rulebook.catalogue).rule_values()
            assert {k: v for k, v in back.items() if k != "topic"} == {k: v for k, v in original.items() if k != "topic"}, sentences
            said_back += 1
    assert said_back > 1000


def test_the_fact_space_judges_each_rule_as_the_engine_decides_it(rulebook: Rulebook):
    """What verify and diff say a rule does in a class is what `Rulebook.evaluate` gives for its example."""
    from udi_rules.tools.fact_space import Judge

    book = rulebook.checked
    space, judge = FactSpace([book]), Judge(book)
    compared = 0
    for rule in book.rules:
        kind = rule.rule.applies_to
        points = list(space.points(kind, space.reads(rule, book), space.group(rule, book)))
        for point in points[:: max(1, len(points) // 40)]:
            seen = judge.seen(rule.rule.id, point.values)
            decision = rulebook.evaluate(point.facts, kind=kind)
            if rule.rule.then.duty is None:
                derived = {r for d in decision.derived for r in d.derived_by}
                assert (seen.outcome is True) == (rule.rule.id in derived), (rule.rule.id, point.facts)
                continue
            applies = {c.rule_id: c for c in decision.conclusions}
            maybe = {c.rule_id: c for c in decision.conditional}
            expected = True if rule.rule.id in applies else None if rule.rule.id in maybe else False
            assert seen.outcome == expected, (rule.rule.id, point.facts)
            conclusion = applies.get(rule.rule.id) or maybe.get(rule.rule.id)
            if conclusion is not None and conclusion.deadline_detail is not None:
                detail = conclusion.deadline_detail
                assert seen.deadline is not None
                assert (seen.deadline.due, seen.deadline.earliest, seen.deadline.latest) == (
                    detail.due, detail.earliest, detail.latest)
            compared += 1
    assert compared > 400
