"""Steps for facts not known yet: what may apply, under which answers, and the open questions.

A case officer asks before the meeting with much unknown; these steps read
the decision the way they do: "kan «tittel» gjelde" finds a conditional
conclusion, "den gjelder hvis ..." checks the answers it waits for, and
"et åpent spørsmål er «...»" checks the list of questions.
"""

from __future__ import annotations

from pytest_bdd import given, parsers, then

from step_defs import Case, _decision, norwegian_date, rule_id_for_title

from udi_rules import Rulebook
from udi_rules.facts import field_specs

_OPEN = [spec for spec in field_specs("meeting").values() if spec.question and not spec.computed_from]
_BEFORE = [spec.name for spec in _OPEN if spec.phase == "invitation"]
_AFTER = [spec.name for spec in _OPEN if spec.phase == "after"] + ["official_minutes_available_on"]


@given("det som skjer i og etter møtet, er ikke kjent ennå")
def after_unknown(case: Case) -> None:
    case.set(**dict.fromkeys(_AFTER))


@given("saksbehandleren vet bare hva som står i innkallingen")
def only_the_invitation(case: Case) -> None:
    case.set(**dict.fromkeys(_BEFORE + _AFTER))


@given(parsers.re(r"det er ukjent om (?P<what>.+)$"))
def unknown_fact(case: Case, what: str) -> None:
    fields = {
        "spørsmål av prinsipiell karakter blir drøftet": "principled_questions_discussed",
        "det kommer offisielt referat": "official_minutes_expected",
        "en leder fra UDI deltar": "udi_leader_attends",
        "AUA kjenner til henvendelsen": "aua_already_informed",
    }
    assert what in fields, f"no fact is known as «{what}»; known: {sorted(fields)}"
    case.set(**{fields[what]: None})


@given(parsers.parse("forumet er {name}"))
def forum_named(case: Case, name: str) -> None:
    case.set(forum=name)


@then(parsers.parse("kan «{title}» gjelde"))
def may_apply(case: Case, rulebook: Rulebook, title: str) -> None:
    rule_id = rule_id_for_title(rulebook, title)
    decision = _decision(case)
    found = next((c for c in decision.conditional if c.rule_id == rule_id), None)
    assert found is not None, f"«{title}» ({rule_id}) is not conditional:\n{decision.explain('nb')}"
    case.current = found


@then(parsers.parse("den gjelder hvis {condition}"))
def applies_if(case: Case, condition: str) -> None:
    current = case.current
    assert current is not None and current.condition is not None, "«den gjelder hvis» follows «kan «...» gjelde»"
    assert current.condition.nb == f"gjelder hvis {condition}", current.condition.nb


@then(parsers.parse("et åpent spørsmål er «{question}»"))
def open_question(case: Case, question: str) -> None:
    asked = [q.question.nb for q in _decision(case).questions]
    assert question in asked, asked


@then("ingen spørsmål er åpne")
def no_open_questions(case: Case) -> None:
    decision = _decision(case)
    assert not decision.questions and not decision.conditional, decision.explain("nb")


@then(parsers.parse("spørsmålene kommer i denne rekkefølgen: {fields}"))
def questions_in_order(case: Case, fields: str) -> None:
    assert [q.field for q in _decision(case).questions] == [f.strip() for f in fields.split(",")]


@then(parsers.parse("beslutningen advarer om «{name}» og foreslår «{suggestion}»"))
def warns(case: Case, name: str, suggestion: str) -> None:
    warnings = _decision(case).warnings
    assert any(w.value == name and f"`{suggestion}`" in w.message.nb for w in warnings), warnings


@then("beslutningen har ingen advarsler")
def no_warnings(case: Case) -> None:
    assert _decision(case).warnings == ()


@then(parsers.re(r"fristen er tidligst (?P<first>\d{1,2}\. [a-zæøå]+ \d{4}) og senest (?P<last>\d{1,2}\. [a-zæøå]+ \d{4})$"))
def deadline_window(case: Case, first: str, last: str) -> None:
    current = case.current
    assert current is not None and current.deadline_detail is not None
    detail = current.deadline_detail
    assert detail.due is None, f"the deadline is fixed: {detail.due}"
    assert (detail.earliest, detail.latest) == (norwegian_date(first), norwegian_date(last)), detail


@then(parsers.parse("hvorfor ikke «{title}»: {text}"))
def why_not_says(case: Case, rulebook: Rulebook, title: str, text: str) -> None:
    rule_id = rule_id_for_title(rulebook, title)
    said = _decision(case).why_not(rule_id, "nb")
    assert text in said, said
