"""Numbers in prose are written from the parameters, never typed twice."""

from __future__ import annotations

import pytest

from udi_rules import Rulebook, RulebookError
from udi_rules.prose import date_words, days_words
from udi_rules.validate import check_texts

DUTY = """
duties:
  - id: report
    title: {nb: Rapport, en: Report}
    holder: participant
    action: {nb: Skriv., en: Write.}
    deadline: {days_after: DAYS, from: last_day}
    deadline_text: {nb: "TEXT", en: "within {deadline.days_after}"}
roles:
  - id: participant
    name: {nb: deltakeren, en: the participant}
"""


def _book(days: int = 14, text: str = "{deadline.days_after:weeks} etter møtet"):
    return check_texts({"r.yaml": DUTY.replace("DAYS", str(days)).replace("TEXT", text)})


@pytest.mark.parametrize(
    ("days", "form", "nb", "en"),
    [
        (14, "days", "14 dager", "14 days"),
        (14, "weeks", "to uker", "two weeks"),
        (21, "weeks", "tre uker", "three weeks"),
        (20, "weeks", "20 dager", "20 days"),
        (42, "weeks_and_days", "seks uker (42 dager)", "six weeks (42 days)"),
        (7, "weeks", "én uke", "one week"),
        (1, "days", "1 dag", "1 day"),
    ],
)
def test_days_are_said_in_words_and_in_weeks_only_when_they_are_whole_weeks(days, form, nb, en):
    assert (days_words(days, "nb", form), days_words(days, "en", form)) == (nb, en)


def test_a_date_in_the_year_is_said_as_the_memo_says_it():
    assert (date_words("05-01", "nb"), date_words("05-01", "en")) == ("1. mai", "1 May")


def test_the_deadline_text_follows_the_parameter_when_it_changes():
    assert _book(14).catalogue.duties["report"].deadline_text.nb == "to uker etter møtet"
    changed = _book(21).catalogue.duties["report"].deadline_text
    assert (changed.nb, changed.en) == ("tre uker etter møtet", "within 21 days")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{deadline.days_afer}", "ukjent parameter `days_afer`"),
        ("{deadline.date_in_year}", "pliktens frist har ingen `date_in_year`"),
        ("{deadline.days_after:uker}", "ukjent form `uker`"),
        ("{nothing.deadline.days_after}", "ukjent plikt `nothing`"),
    ],
)
def test_a_placeholder_that_names_nothing_is_a_located_error(text, message):
    with pytest.raises(RulebookError) as caught:
        _book(14, text)
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "placeholder"
    assert message in diagnostic.nb
    assert (diagnostic.location.file, diagnostic.location.line) == ("r.yaml", 8)


def test_the_shipped_prose_states_the_shipped_parameters(rulebook: Rulebook):
    duties = rulebook.catalogue.duties
    assert duties["internal_report"].deadline_text.nb.startswith("to uker etter at møtet er avholdt")
    assert "høyst seks uker etter møtet" in duties["ministry_report_letter"].deadline_text.nb
    assert duties["annual_field_note"].deadline_text.en == "by 1 May"
    interpretation = next(r.rule for r in rulebook.checked.rules if r.rule.id == "4.1-intern-rapport").interpretation
    assert "fristen på to uker (14 dager)" in interpretation.nb and "seks uker (42 dager)" in interpretation.nb
    assert "{" not in interpretation.nb + interpretation.en
