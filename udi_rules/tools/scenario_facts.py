"""Facts in the scenarios' own Norwegian sentences, both ways.

`verify --write-scenario` says an example meeting with the «Gitt» sentences
of `steps.py`; `diff` reads the «Gitt» sentences of `features/` back into
facts, to evaluate each scenario with the old and the new rules. The
meanings are those of the step definitions the test suite runs (a test
checks that they agree).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from ..deadlines import format_date
from .fact_space import ORDINARY

MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember"]

#: Sentences that change who is in the Norwegian delegation: (members to add, members to remove).
DELEGATION: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Justisdepartementet deltar ikke": ((), ("JD",)),
    "Justisdepartementet deltar": (("JD",), ()),
    "UDI deltar alene": ((), ("JD", "UD", "OTHER_MINISTRY", "POLICE", "OTHER_AGENCY")),
    "UDI deltar sammen med et departement": (("OTHER_MINISTRY",), ()),
    "Utenriksdepartementet deltar": (("UD",), ()),
    "politiet deltar": (("POLICE",), ()),
    "en annen etat deltar": (("OTHER_AGENCY",), ()),
}

FLAGS: dict[str, dict[str, Any]] = {
    "møtet er på ledernivå": {"meeting_level": "leader"},
    "møtet er på ekspertnivå": {"meeting_level": "expert"},
    "en leder fra UDI deltar": {"udi_leader_attends": True},
    "ingen leder fra UDI deltar": {"udi_leader_attends": False},
    "agendaen er på strategisk nivå": {"agenda_level": "strategic"},
    "agendaen er på operativt nivå": {"agenda_level": "operational"},
    "tolkning av regelverk eller praksis skal diskuteres": {"interpretation_on_agenda": True},
    "innkallingen varsler mulige lovendringer i Norge": {"invitation_signals_law_change": True},
    "innkallingen varsler budsjettmessige konsekvenser": {"invitation_signals_budget_consequences": True},
    "innkallingen varsler politisk sensitive saker": {"invitation_signals_political_sensitivity": True},
    "innkallingen varsler ingen slike saker": {
        "invitation_signals_law_change": False,
        "invitation_signals_budget_consequences": False,
        "invitation_signals_political_sensitivity": False,
    },
    "UDIs bidrag krever prinsipielle og strategiske avklaringer": {"contribution_needs_principled_clarification": True},
    "en lovendring i EU eller Schengen er under arbeid": {"eu_schengen_legal_change_pending": True},
    "spørsmål av prinsipiell karakter ble drøftet": {"principled_questions_discussed": True},
    "ingen spørsmål av prinsipiell karakter ble drøftet": {"principled_questions_discussed": False},
    "sekretariatet utarbeider offisielt referat": {"official_minutes_expected": True},
    "det kommer ikke noe offisielt referat": {"official_minutes_expected": False, "official_minutes_available_on": None},
    "referatet er ikke kommet ennå": {"official_minutes_available_on": None},
}

#: «det er ukjent om …»: the fact it leaves unknown.
UNKNOWN = {
    "spørsmål av prinsipiell karakter blir drøftet": "principled_questions_discussed",
    "det kommer offisielt referat": "official_minutes_expected",
    "en leder fra UDI deltar": "udi_leader_attends",
    "AUA kjenner til henvendelsen": "aua_already_informed",
}
_BEFORE = ["agenda_level", "interpretation_on_agenda", "meeting_level", "delegation", "udi_leader_attends",
           "invitation_signals_law_change", "invitation_signals_budget_consequences",
           "invitation_signals_political_sensitivity", "contribution_needs_principled_clarification",
           "eu_schengen_legal_change_pending"]
_AFTER = ["principled_questions_discussed", "official_minutes_expected", "official_minutes_available_on"]
_PARTICIPANT_SENTENCE = {add[0]: s for s, (add, _) in DELEGATION.items() if add}


def norwegian_date(text: str) -> date:
    """'3. mars 2027' → date(2027, 3, 3)."""
    day, month, year = text.strip().rstrip(".").split()
    return date(int(year), MONTHS.index(month) + 1, int(day.rstrip(".")))


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _meeting(forum: str, first: date, last: date) -> dict[str, Any]:
    facts = dict(ORDINARY["meeting"], forum=forum, first_day=first, last_day=last)
    return facts


# --- sentences → facts ------------------------------------------------------------------


class Unreadable(ValueError):
    """A «Gitt» sentence that says no fact (the scenario is then left out of `diff`)."""


def read_given(sentences: list[str]) -> tuple[str, dict[str, Any]]:
    """The fact kind and facts the «Gitt» sentences (without keyword) of one scenario build up."""
    kind, facts = "meeting", {}
    for sentence in sentences:
        if m := re.fullmatch(r"et møte i (?P<forum>\S+) som avsluttes (?P<day>.+)", sentence):
            day = norwegian_date(m["day"])
            facts.update(_meeting(m["forum"], day, day))
        elif m := re.fullmatch(r"et møte i (?P<forum>\S+) fra (?P<first>.+) til (?P<last>.+)", sentence):
            facts.update(_meeting(m["forum"], norwegian_date(m["first"]), norwegian_date(m["last"])))
        elif m := re.fullmatch(r"et møte i (?P<forum>\S+)", sentence):
            facts.update(_meeting(m["forum"], date(2027, 3, 3), date(2027, 3, 3)))
        elif m := re.fullmatch(r"året (?P<year>\d+)", sentence):
            kind = "year"
            facts.update(year=int(m["year"]))
        elif sentence == "internmeldingen er opphevet":
            facts.update(memo_in_force=False)
        elif sentence in DELEGATION:
            add, remove = DELEGATION[sentence]
            members = [x for x in facts.get("delegation") or ["UDI"] if x not in remove]
            facts["delegation"] = sorted(set(members) | set(add))
        elif sentence == "det er ukjent hvem som deltar fra Norge":
            facts["delegation"] = None
        elif sentence in FLAGS:
            facts.update(FLAGS[sentence])
        elif sentence == "det som skjer i og etter møtet, er ikke kjent ennå":
            facts.update(dict.fromkeys(_AFTER))
        elif sentence == "saksbehandleren vet bare hva som står i innkallingen":
            facts.update(dict.fromkeys(_BEFORE + _AFTER))
        elif (m := re.fullmatch(r"det er ukjent om (?P<what>.+)", sentence)) and m["what"] in UNKNOWN:
            facts[UNKNOWN[m["what"]]] = None
        elif m := re.fullmatch(r"forumet er (?P<name>.+)", sentence):
            facts["forum"] = m["name"]
        elif m := re.fullmatch(r"det offisielle referatet foreligger (?P<day>.+)", sentence):
            facts.update(official_minutes_expected=True, official_minutes_available_on=norwegian_date(m["day"]))
        elif m := re.fullmatch(r"ansvarlig avdeling er (?P<department>.+)", sentence):
            facts["responsible_department"] = m["department"]
        elif m := re.fullmatch(r"en henvendelse om å bidra internasjonalt til (?P<department>\S+)", sentence):
            kind = "request"
            facts.update(received_by=m["department"], departments_concerned=[], aua_already_informed=False)
        elif sentence == "AUA kjenner allerede til henvendelsen":
            facts["aua_already_informed"] = True
        elif m := re.fullmatch(r"(møtet|henvendelsen) berører arbeidet i (?P<departments>.+)", sentence):
            facts["departments_concerned"] = [d.strip() for d in re.split(r",| og ", m["departments"]) if d.strip()]
        elif m := re.fullmatch(r"temaet er «(?P<topic>.+)»", sentence):
            facts["topic"] = m["topic"]
        else:
            raise Unreadable(sentence)
    return kind, {k: v.isoformat() if isinstance(v, date) else v for k, v in facts.items()}


def read_features(features: Path) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(file:line, scenario name, kind, facts) for every scenario (and outline row) in `features`
    whose «Gitt» sentences all say facts."""
    from gherkin.parser import Parser
    from gherkin.token_scanner import TokenScanner

    from .scenarios import _display, _rows, _scenarios

    out = []
    for path in sorted(features.glob("*.feature")):
        document = Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))
        feature = document.get("feature")
        if not feature:
            continue
        backgrounds = [c["background"] for c in feature["children"] if "background" in c]
        for scenario in _scenarios(feature):
            steps = [s for b in backgrounds for s in b["steps"]] + list(scenario["steps"])
            for row, line in _rows(scenario):
                given = []
                for step in steps:
                    if step["keywordType"] == "Action":
                        break
                    text = step["text"]
                    for name, value in row.items():
                        text = text.replace(f"<{name}>", value)
                    given.append(text)
                try:
                    kind, facts = read_given(given)
                except (Unreadable, ValueError):
                    continue
                where = f"{_display(path)}:{line or scenario['location']['line']}"
                out.append((where, scenario["name"], kind, facts))
    return out


# --- facts → sentences ------------------------------------------------------------------


def say_given(kind: str, facts: Mapping[str, Any], forum_name: str | None = None) -> tuple[list[str], list[str]]:
    """«Gitt»/«Og» sentences (without keyword) that build these facts from the ordinary case, and the
    facts no sentence can say (the scenario writer adds them by hand)."""
    said: list[str] = []
    unsaid: list[str] = []
    if kind == "year":
        said.append(f"året {facts.get('year', 2027)}")
        if facts.get("memo_in_force") is False:
            said.append("internmeldingen er opphevet")
        return said, unsaid
    if kind == "request":
        said.append(f"en henvendelse om å bidra internasjonalt til {facts['received_by']}")
        if facts.get("aua_already_informed") is True:
            said.append("AUA kjenner allerede til henvendelsen")
        elif facts.get("aua_already_informed") is None:
            said.append("det er ukjent om AUA kjenner til henvendelsen")
        if facts.get("departments_concerned"):
            said.append(f"henvendelsen berører arbeidet i {_and(facts['departments_concerned'])}")
        return said, unsaid
    base = ORDINARY["meeting"]
    forum = forum_name or str(facts["forum"])
    first, last = _date(facts["first_day"]), _date(facts["last_day"])
    if re.fullmatch(r"\S+", forum):
        head_forum, extra = forum, None
    else:
        head_forum, extra = "IGC", forum
    if first == last:
        said.append(f"et møte i {head_forum} som avsluttes {format_date(last, 'nb')}")
    else:
        said.append(f"et møte i {head_forum} fra {format_date(first, 'nb')} til {format_date(last, 'nb')}")
    if extra:
        said.append(f"forumet er {extra}")
    if facts.get("topic", base["topic"]) != base["topic"]:
        said.append(f"temaet er «{facts['topic']}»")
    if facts.get("responsible_department", "ASA") != "ASA":
        said.append(f"ansvarlig avdeling er {facts['responsible_department']}")
    delegation = facts.get("delegation", base["delegation"])
    if delegation is None:
        said.append("det er ukjent hvem som deltar fra Norge")
    else:
        for member in delegation:
            if member in _PARTICIPANT_SENTENCE:
                said.append(_PARTICIPANT_SENTENCE[member])
            elif member not in base["delegation"]:
                unsaid.append(f"delegation: {member}")
    if facts.get("departments_concerned"):
        said.append(f"møtet berører arbeidet i {_and(facts['departments_concerned'])}")
    minutes_on = facts.get("official_minutes_available_on")
    for name, value in facts.items():
        if name in ("forum", "topic", "first_day", "last_day", "responsible_department", "delegation",
                    "departments_concerned", "official_minutes_available_on"):
            continue
        if value == base.get(name) or (name == "official_minutes_expected" and minutes_on and value is True):
            continue
        if name == "official_minutes_expected" and minutes_on:
            unsaid.append(f"{name}: {'ukjent' if value is None else value}")  # «foreligger» says it is expected
            continue
        if value is None:
            what = next((w for w, f in UNKNOWN.items() if f == name), None)
            (said if what else unsaid).append(f"det er ukjent om {what}" if what else f"{name}: ukjent")
            continue
        sentence = next((s for s, change in FLAGS.items() if change == {name: value}), None)
        (said if sentence else unsaid).append(sentence or f"{name}: {value}")
    if minutes_on:
        said.append(f"det offisielle referatet foreligger {format_date(_date(minutes_on), 'nb')}")
    return said, unsaid


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


__all__ = ["DELEGATION", "FLAGS", "UNKNOWN", "Unreadable", "read_features", "read_given", "say_given"]
