"""Warnings for `udi-rules check`: what the tests would tell policy staff, before they run them.

The rule files can be valid and still leave something undone that the
test suite insists on: a rule no scenario shows applying (or not applying),
an interpretation no `@tolkning` scenario pins, a provision neither encoded
nor marked `not_a_rule`, and prose that states a number differently from the
parameter that holds it («to uker» while `days_after` is 21). Each warning
is a `Diagnostic` at the place the editor must change (`file:line:col`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..conditions import Derived, walk
from ..errors import Diagnostic, Location
from ..model import DateInYear, MeetingDeadline
from ..prose import MONTHS, NUMBER_WORDS, days_words
from ..rule_files import CheckedRulebook
from ..source_map import SourceMap, YamlProblems
from ..yaml_source import load_yaml
from .scenarios import Mention, features_beside, mentions

_NUMBER = "|".join(sorted({w for words in NUMBER_WORDS.values() for w in words[1:]} | {"en", "ett", "syv"}, key=len, reverse=True))
DURATION = re.compile(
    rf"(?<![\w-])(?P<n>\d+|{_NUMBER})[ -]+(?P<unit>(?:kalender)?(?:uke|dag)|(?:calendar[ -])?(?:week|day))\w*",
    re.IGNORECASE,
)
_MONTH_NB = "|".join(MONTHS["nb"])
_MONTH_EN = "|".join(MONTHS["en"])
DEADLINE_DATE = re.compile(
    rf"\b(?:innen|by) (?:(?P<d1>\d{{1,2}})\. (?P<m1>{_MONTH_NB})|(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH_EN}))(?! \d{{4}})(?!\w)"
)
QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"")


@dataclass(frozen=True)
class _Place:
    source: SourceMap
    path: tuple[str | int, ...]
    text: str  # the file's text, to find a phrase inside a long value

    def at(self, *more: str | int) -> Location:
        return self.source.location(self.path + more)


def rulebook_warnings(rules: Path, book: CheckedRulebook, features: Path | None = None) -> list[Diagnostic]:
    """Every warning for the rulebook at `rules`, sorted by place.

    The scenario warnings need the `features/` folder beside the rules (or
    `features`); without one they are left out. For one file out of a
    folder, what needs the whole rulebook (provisions, scenarios naming
    rules of other files) is left out too.
    """
    places = _places(book.files)
    whole = rules.is_dir()
    found: list[Diagnostic] = []
    features = features or features_beside(rules)
    if features is not None:
        found += _scenario_warnings(book, mentions(features), places, whole)
    if whole:
        found += _provision_warnings(book, places)
    found += _number_warnings(book, places)
    return sorted(found, key=lambda d: (d.location, d.code))


# --- scenarios ---------------------------------------------------------------------


def _scenario_warnings(
    book: CheckedRulebook, said: list[Mention], places: dict[tuple[str, str], _Place], whole: bool
) -> list[Diagnostic]:
    by_title = {r.rule.title.nb: r.rule.id for r in book.rules}
    outcomes: dict[str, set[bool]] = {r.rule.id: set() for r in book.rules}
    pinned: set[str] = set()
    out = []
    for m in said:
        rule_id = by_title.get(m.title)
        if rule_id is None:
            if not whole:
                continue
            out.append(Diagnostic(
                "scenario-unknown-rule",
                f"scenarioet «{m.scenario}» nevner en regel som ikke finnes: «{m.title}»",
                f"the scenario «{m.scenario}» names a rule that does not exist: «{m.title}»",
                Location(m.file, m.line, 1),
                "skriv regelens norske tittel nøyaktig slik den står i regelfilen",
                "write the rule's Norwegian title exactly as the rule file has it",
            ))
            continue
        outcomes[rule_id].add(m.applies)
        if "tolkning" in m.tags:
            pinned.add(rule_id)
    for checked in book.rules:
        rule = checked.rule
        place = places.get(("rules", rule.id))
        where = place.at("id") if place else checked.location
        title = f"«{rule.title.nb}»"
        if True not in outcomes[rule.id]:
            out.append(Diagnostic(
                "no-scenario-applies",
                f"ingen scenario viser at regelen `{rule.id}` gjelder",
                f"no scenario shows the rule `{rule.id}` applying",
                where,
                f"skriv et scenario i features/ med «Så gjelder {title}»",
                f"write a scenario in features/ with «Så gjelder {title}»",
            ))
        if False not in outcomes[rule.id]:
            out.append(Diagnostic(
                "no-scenario-not-applies",
                f"ingen scenario viser at regelen `{rule.id}` ikke gjelder",
                f"no scenario shows the rule `{rule.id}` not applying",
                where,
                f"skriv et scenario i features/ med «Så gjelder ikke {title}»",
                f"write a scenario in features/ with «Så gjelder ikke {title}»",
            ))
        if rule.interpretation is not None and rule.id not in pinned:
            out.append(Diagnostic(
                "interpretation-not-pinned",
                f"tolkningen i regelen `{rule.id}` er ikke festet av et scenario merket @tolkning",
                f"the interpretation in the rule `{rule.id}` is not pinned by a scenario tagged @tolkning",
                place.at("interpretation") if place else checked.location,
                "skriv et scenario som viser tolkningen, merket @tolkning, som sier at regelen gjelder eller ikke",
                "write a scenario that shows the reading, tagged @tolkning, saying the rule applies or does not",
            ))
    return out


# --- provisions --------------------------------------------------------------------


def encoded_provisions(book: CheckedRulebook) -> dict[str, list[str]]:
    """Provision id → the rules that encode it (by citing it, or through the duty they conclude)."""
    out: dict[str, list[str]] = {}
    for checked in book.rules:
        rule = checked.rule
        cited = [rule.citation.provision] if rule.citation.provision else []
        if rule.then.duty and rule.then.duty in book.catalogue.duties:
            cited += book.catalogue.duties[rule.then.duty].provisions
        for provision in dict.fromkeys(cited):
            out.setdefault(provision, []).append(rule.id)
    return out


def _provision_warnings(book: CheckedRulebook, places: dict[tuple[str, str], _Place]) -> list[Diagnostic]:
    encoded = encoded_provisions(book)
    out = []
    for provision in book.catalogue.provisions.values():
        place = places.get(("provisions", provision.id))
        where = place.at("id") if place else Location(provision.id)
        if provision.not_a_rule is None and provision.id not in encoded:
            out.append(Diagnostic(
                "provision-not-encoded",
                f"bestemmelsen `{provision.id}` er verken kodet i en regel eller merket `not_a_rule`",
                f"the provision `{provision.id}` is neither encoded by a rule nor marked `not_a_rule`",
                where,
                "la en regel vise til den (`citation: {provision: ...}`) eller skriv `not_a_rule:` med grunnen",
                "let a rule cite it (`citation: {provision: ...}`) or write `not_a_rule:` with the reason",
            ))
        elif provision.not_a_rule is not None and provision.id in encoded:
            rules = ", ".join(encoded[provision.id])
            out.append(Diagnostic(
                "provision-both",
                f"bestemmelsen `{provision.id}` er merket `not_a_rule`, men kodes av {rules}",
                f"the provision `{provision.id}` is marked `not_a_rule`, but {rules} encode(s) it",
                place.at("not_a_rule") if place else where,
                "fjern `not_a_rule`, eller la reglene vise til en annen bestemmelse",
                "remove `not_a_rule`, or let the rules cite another provision",
            ))
    return out


# --- numbers in prose --------------------------------------------------------------


def _number_warnings(book: CheckedRulebook, places: dict[tuple[str, str], _Place]) -> list[Diagnostic]:
    duties = book.catalogue.duties
    dates = {d.deadline.date_in_year for d in duties.values() if isinstance(d.deadline, DateInYear)}
    out: list[Diagnostic] = []
    for duty in duties.values():
        place = places.get(("duties", duty.id))
        for name in ("title", "deadline_text"):
            out += _check_text(getattr(duty, name), name, [duty.id], duties, dates, place)
    graph = _Users(book)
    for checked in book.rules:
        rule = checked.rule
        related = [rule.then.duty] if rule.then.duty else _duties_using(book, rule.then.derive, graph)
        place = places.get(("rules", rule.id))
        for name in ("title", "interpretation"):
            out += _check_text(getattr(rule, name), name, related, duties, dates, place)
    return out


def _duties_using(book: CheckedRulebook, facts: Iterable[str], graph: _Users) -> list[str]:
    """The duties of the rules that use these derived facts, following derived facts further (each rule once,
    depth first in rulebook order; with a stack of its own, as a chain of facts may be thousands long)."""
    out: list[str] = []
    visited: set[int] = set()
    stack = [iter(graph.using(facts))]
    while stack:
        for i in stack[-1]:
            if i in visited:
                continue
            visited.add(i)
            duty = book.rules[i].rule.then.duty
            if duty:
                out.append(duty)
            stack.append(iter(graph.after[i]))
            break
        else:
            stack.pop()
    return list(dict.fromkeys(out))


class _Users:
    """Which rules use which derived facts, by their place in the rulebook: `after[i]` are the rules that use
    what rule i derives."""

    def __init__(self, book: CheckedRulebook):
        self.of: dict[str, list[int]] = {}
        for i, checked in enumerate(book.rules):
            for name in dict.fromkeys(n.name for n in walk(checked.expr) if isinstance(n, Derived)):
                self.of.setdefault(name, []).append(i)
        self.after = [self.using(checked.rule.then.derive) for checked in book.rules]

    def using(self, facts: Iterable[str]) -> list[int]:
        return sorted({i for name in facts for i in self.of.get(name, ())})


def _check_text(
    text: Any, field: str, related: list[str], duties: dict[str, Any], dates: set[str], place: _Place | None
) -> list[Diagnostic]:
    if text is None or place is None:
        return []
    parameters = {
        (duty, name): getattr(duties[duty].deadline, name)
        for duty in related if duty in duties and isinstance(duties[duty].deadline, MeetingDeadline)
        for name in ("days_after", "days_before", "wait_at_most_days")
        if getattr(duties[duty].deadline, name) is not None
    }
    out = []
    for lang in ("nb", "en"):
        plain = QUOTED.sub(lambda m: " " * len(m.group()), getattr(text, lang))
        if parameters:
            for match in DURATION.finditer(plain):
                days = _days(match["n"], match["unit"])
                if days is None or days in parameters.values():
                    continue
                out.append(_number_warning(match.group(), f"{days_words(days, 'nb')}", f"{days_words(days, 'en')}",
                                           parameters, lang, field, place))
        for match in DEADLINE_DATE.finditer(plain):
            day, month = (match["d1"], match["m1"]) if match["d1"] else (match["d2"], match["m2"])
            month_day = f"{MONTHS[lang].index(month) + 1:02d}-{int(day):02d}"
            if dates and month_day not in dates:
                known = ", ".join(sorted(dates))
                out.append(Diagnostic(
                    "prose-number",
                    f"teksten sier «{match.group()}», men ingen frist i regelboka er den datoen (`date_in_year`: {known})",
                    f"the text says «{match.group()}», but no deadline in the rulebook is that date (`date_in_year`: {known})",
                    _phrase_at(place, field, lang, match.group()),
                    "skriv `{deadline.date_in_year}` (eller `{plikt.deadline.date_in_year}`) i stedet for datoen",
                    "write `{deadline.date_in_year}` (or `{duty.deadline.date_in_year}`) instead of the date",
                ))
    return out


def _number_warning(
    phrase: str, nb_days: str, en_days: str, parameters: dict[tuple[str, str], int], lang: str, field: str, place: _Place
) -> Diagnostic:
    nb = "; ".join(f"`{duty}` {name} er {days_words(v, 'nb')}" for (duty, name), v in parameters.items())
    en = "; ".join(f"`{duty}` {name} is {days_words(v, 'en')}" for (duty, name), v in parameters.items())
    name = next(iter(parameters))[1]
    return Diagnostic(
        "prose-number",
        f"teksten sier «{phrase}» ({nb_days}), men fristens parametre sier noe annet: {nb}",
        f"the text says «{phrase}» ({en_days}), but the deadline's parameters say otherwise: {en}",
        _phrase_at(place, field, lang, phrase),
        f"skriv plassholderen, f.eks. `{{deadline.{name}:weeks}}`, i stedet for tallet, så følger teksten parameteren",
        f"write the placeholder, e.g. `{{deadline.{name}:weeks}}`, instead of the number, so the text follows the parameter",
    )


def _days(number: str, unit: str) -> int | None:
    word = number.lower()
    if word.isdigit():
        n = int(word)
    else:
        n = next((words.index(word) for words in NUMBER_WORDS.values() if word in words), None)
        if n is None:
            n = {"en": 1, "ett": 1, "syv": 7}.get(word)
        if n is None:
            return None
    return n * 7 if unit.lower().endswith(("uke", "week")) else n


def _phrase_at(place: _Place, field: str, lang: str, phrase: str) -> Location:
    """The phrase's own line and column when it is written out in the file, else the value's place."""
    start = place.at(field, lang)
    lines = place.text.splitlines()
    pattern = re.compile(r"\s+".join(re.escape(word) for word in phrase.split()))
    for number in range(max(start.line, 1), min(start.line + 30, len(lines)) + 1):
        line = lines[number - 1]
        found = pattern.search(line, start.col - 1 if number == start.line else 0)
        if found:
            return Location(start.file, number, found.start() + 1)
    return start


# --- where things stand ------------------------------------------------------------


def _places(files: Iterable[str]) -> dict[tuple[str, str], _Place]:
    """(section, id) → the entry's place, read again from the files with their source map."""
    out: dict[tuple[str, str], _Place] = {}
    for name in files:
        try:
            text = Path(name).read_text(encoding="utf-8")
            loaded = load_yaml(text, name)
        except (OSError, UnicodeDecodeError, YamlProblems):
            continue
        if not isinstance(loaded.data, dict):
            continue
        for section, items in loaded.data.items():
            for index, item in enumerate(items if isinstance(items, list) else []):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    out.setdefault((section, item["id"]), _Place(loaded.source, (section, index), text))
    return out


__all__ = ["encoded_provisions", "rulebook_warnings"]
