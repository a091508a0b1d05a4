"""Steps for punkt 3.1 and 3.2: the kind of conclusion, and deadlines the memo gives only in words."""

from __future__ import annotations

from pytest_bdd import parsers, then

from step_defs import Case, _conclusion, norwegian_date

_KINDS = {
    "en plikt": "duty",
    "en vurderingsplikt": "assess",
    "en hovedregel": "main_rule",
    "et utgangspunkt": "starting_point",
    "til orientering": "information",
}


@then(parsers.re(r"konklusjonen er (?P<words>" + "|".join(_KINDS) + r")$"))
def conclusion_kind_is(case: Case, words: str) -> None:
    assert _conclusion(case).kind == _KINDS[words]


@then(parsers.parse("det må skje i forkant av møtet, senest {day}"))
def before_the_meeting(case: Case, day: str) -> None:
    conclusion = _conclusion(case)
    assert conclusion.deadline == norwegian_date(day)
    assert conclusion.deadline_note is not None and "i forkant av møtet" in conclusion.deadline_note.nb


@then("internmeldingen setter ingen frist")
def no_deadline(case: Case) -> None:
    conclusion = _conclusion(case)
    assert conclusion.deadline is None and conclusion.deadline_note is None


@then(parsers.parse("mottakeren er {recipient}"))
def only_recipient(case: Case, recipient: str) -> None:
    # One name, not split at "og": "Analyse- og utviklingsavdelingen (AUA)" is a single recipient.
    assert [p.name.nb for p in _conclusion(case).recipients] == [recipient]
