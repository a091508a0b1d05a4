"""A decision explains itself in bokmål and in English: what, who, when, where in the memo, and why."""

from __future__ import annotations

import pytest
from engine_support import meeting

from udi_rules import Rulebook


@pytest.fixture(scope="module")
def decision(rulebook: Rulebook):
    return rulebook.evaluate(
        meeting(forum="EUAA", last_day="2027-03-03", official_minutes_expected=True, udi_leader_attends=False)
    )


def test_bokmal_explanation_names_duty_holder_deadline_citation_and_reasons(decision):
    text = decision.explain("nb")
    assert "[Plikt (skal)] Avdelingsdirektøren sender referat til departementet" in text
    assert "Hvem: avdelingsdirektøren i ASA" in text
    assert "Frist: ingen fast dato — to uker etter at møtet er avholdt" in text
    assert "venter på offisielt referat" in text
    assert "Hjemmel: IM 2011-013 punkt 4.1: «Brevet skal gå fra avdelingsdirektør" in text
    assert "Fordi:" in text
    assert "Referat fra møtet skal sendes departementet (utledet av regel 4.1-departementet-forum)" in text
    assert "utledet av regel 4.1-departementet-forum: Møter i Schengen, EASO, EMN" in text
    assert "Forumet møtet holdes i: EUAA (en av Schengen, Rådsarbeidsgruppe i Schengen-format, Blandet komité, EUAA, EMN)" in text


def test_english_explanation_says_the_same_in_english(decision):
    text = decision.explain("en")
    assert "[Duty (must)] The department director sends minutes to the ministry" in text
    assert "Who: the director of ASA" in text
    assert "waiting for official minutes" in text
    assert "Source: IM 2011-013 section 4.1" in text
    assert "Because:" in text
    assert "Minutes of the meeting must be sent to the ministry (derived by rule 4.1-departementet-forum)" in text
    assert text.startswith("Meeting: EUAA – Nasjonale kontaktpunkter (2 March 2027–3 March 2027)")


def test_the_branch_of_an_any_that_held_is_the_reason_given(rulebook: Rulebook):
    decision = rulebook.evaluate(meeting(forum="GDISC", meeting_level="leader"))
    derived = next(d for d in decision.derived if d.id == "minutes_to_ministry")
    (derivation,) = derived.derivations
    assert derivation.rule_id == "4.1-departementet-forum" and derivation.citation.provision == "4.1-9"
    reasons = derivation.reasons
    assert [(r.derived, r.field, r.operator, r.actual) for r in reasons] == [
        ("ministry_of_justice_absent", None, None, None),
        (None, "forum", "in", "gdisc"),
        (None, "meeting_level", "eq", "leader"),
    ]
    assert reasons[0].derived_by == ("4.1-jd-deltar-ikke",)


def test_reasons_carry_the_fact_values_that_made_the_rule_apply(rulebook: Rulebook):
    decision = rulebook.evaluate(meeting(official_minutes_expected=True, official_minutes_available_on="2027-03-10"))
    attached = decision.by_rule("4.1-intern-rapport-vedlegg")
    assert [(r.field, r.actual) for r in attached.reasons] == [("official_minutes_exist", True)]


def test_why_not_names_the_fact_that_keeps_a_rule_out_in_both_languages(rulebook: Rulebook):
    decision = rulebook.evaluate(meeting(forum="IGC", delegation=["UDI", "JD"]))
    assert decision.why_not("4.1-departementet-forum", "nb") == (
        "4.1-departementet-forum gjelder ikke fordi: Justisdepartementet deltar ikke i møtet — følger ikke av fakta"
    )
    assert decision.why_not("4.1-jd-deltar-ikke", "en") == (
        "4.1-jd-deltar-ikke does not apply because: "
        "Who from Norway takes part: the Ministry of Justice and Public Security, UDI — not "
        "(contains the Ministry of Justice and Public Security)"
    )
    assert decision.why_not("4.1-intern-rapport").endswith("gjelder")
    with pytest.raises(KeyError):
        decision.why_not("finnes-ikke")


def test_why_not_of_a_conditional_rule_gives_the_answers_it_waits_for(rulebook: Rulebook):
    decision = rulebook.evaluate(meeting(principled_questions_discussed=None, forum="IGC"))
    assert decision.why_not("4.1-brev-til-departementet") == (
        "4.1-brev-til-departementet kan gjelde: gjelder hvis spørsmål av prinsipiell karakter blir drøftet"
    )


def test_a_decision_with_no_conclusions_says_so_in_both_languages(rulebook: Rulebook):
    from udi_rules.decision import Decision

    empty = Decision(fact_kind="meeting", facts=meeting(), conclusions=[], rulebook=rulebook.digest)
    assert "Ingen regler i internmeldingen gjelder" in empty.explain("nb")
    assert "No rule of the memo applies" in empty.explain("en")


def test_an_unknown_language_is_refused(decision):
    with pytest.raises(ValueError):
        decision.explain("sv")  # type: ignore[arg-type]
