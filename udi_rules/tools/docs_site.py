"""`udi-rules docs OUT`: the rulebook as a static site beside the memo, in bokmål with English alongside.

The memo's sections come in order (headings from `IM-2011-013.txt`); under
each stand its provisions (the quotes `provisions.yaml` holds, never the
memo's whole text), the rules that encode them with their condition in
words, duty, interpretation and scenarios, and the provisions that are not
rules with the reason. Beside it: a coverage matrix, the forum, duty and
step catalogues, and a search box that works offline (`file://`): the index
is a generated script, the search a few lines of inline JavaScript.

Pages are Jinja2 templates shipped as package data (`templates/`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from .. import __version__
from ..model import DateInYear
from ..rule_files import MEMO_FILE, CheckedRulebook, load_rulebook
from . import steps as step_vocabulary
from .explain_rule import describe, describe_duty
from .lint import encoded_provisions
from .scenarios import Mention, features_beside, mentions

PAGES = {
    "index.html": ("Internmeldingen og reglene", "The memo and the rules"),
    "dekning.html": ("Dekning", "Coverage"),
    "fora.html": ("Fora", "Forums"),
    "plikter.html": ("Plikter og avledede fakta", "Duties and derived facts"),
    "steg.html": ("Stegsetninger", "Step sentences"),
}
STATIC = ("style.css",)
NOT_A_RULE = {
    "purpose": ("formål", "purpose"),
    "organisation": ("fakta om organiseringen", "facts about the organisation"),
    "exhortation": ("generell oppfordring", "general exhortation"),
    "reference": ("henvisning", "reference"),
}
KIND = {
    "duty": ("skal", "must"),
    "assess": ("skal vurderes", "must be considered"),
    "main_rule": ("som hovedregel", "as a main rule"),
    "starting_point": ("som utgangspunkt", "as a starting point"),
    "information": ("til orientering", "for information"),
    None: ("utleder fakta", "derives facts"),
}
_HEADING = re.compile(r"^(?P<number>[1-4](?:\.[1-9])?)\.? (?P<title>[A-ZÆØÅ].{2,100})$")


@dataclass(frozen=True)
class Section:
    """A numbered section of the memo: «4.1 Rapportering fra møter i internasjonale fora»."""

    number: str
    title: str

    @property
    def anchor(self) -> str:
        return f"punkt-{self.number}"


def memo_sections(text: str) -> list[Section]:
    """The memo's sections in order, from its headings.

    The memo lists its headings twice (contents, then body); the body's
    are kept, in the order they first appear.
    """
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADING.match(line.strip())
        if match and not match["title"].endswith((".", ",", ":")):
            found[match["number"]] = match["title"].strip()
    return [Section(number, title) for number, title in found.items()]


def build(rules: Path, out: Path, features: Path | None = None) -> dict[str, Any]:
    """Write the site for the rulebook at `rules` into `out`; returns what was written.

    Raises:
        RulebookError: the rule files are invalid.
    """
    book = load_rulebook(rules)
    memo_path = (rules if rules.is_dir() else rules.parent) / MEMO_FILE
    sections = memo_sections(memo_path.read_text(encoding="utf-8")) if memo_path.is_file() else []
    features = features or features_beside(rules)
    said = mentions(features) if features else []
    data = _site_data(book, rules, sections, said, features)
    environment = _environment(frozenset(book.catalogue.derived_facts))
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for page, title in PAGES.items():
        html = environment.get_template(page + ".j2").render(page=page, page_title=title, pages=PAGES, **data)
        (out / page).write_text(html, encoding="utf-8")
        written.append(page)
    for name in STATIC:
        (out / name).write_text(_template_text(name), encoding="utf-8")
        written.append(name)
    index = "window.UDI_SOK = " + json.dumps(_search_index(data), ensure_ascii=False) + ";\n"
    (out / "sok-indeks.js").write_text(index, encoding="utf-8")
    written.append("sok-indeks.js")
    return {
        "out": str(out),
        "files": written,
        "sections": [s.number for s in sections],
        "rules": len(book.rules),
        "provisions": len(book.catalogue.provisions),
        "scenarios": len({(m.file, m.scenario) for m in said}),
        "digest": book.digest,
    }


# --- the data the templates show ---------------------------------------------------


def _site_data(
    book: CheckedRulebook, rules: Path, sections: list[Section], said: list[Mention], features: Path | None
) -> dict[str, Any]:
    catalogue = book.catalogue
    described = [describe(r, book, rules, said) for r in book.rules]
    base = (rules if rules.is_dir() else rules.parent).resolve().parent
    for d in described:
        d["location"] = _relative(d["location"], base)
        for m in d["scenarios"]["mentions"]:
            m["file"] = _relative(m["file"], base)
        d["kind_words"] = KIND[d["kind"]]
        d["scenario_names"] = _scenario_names(d["scenarios"]["mentions"])
    encoded = encoded_provisions(book)
    rules_of_section: dict[str, list[dict[str, Any]]] = {}
    for d in described:
        rules_of_section.setdefault(d["citation"]["section"], []).append(d)
    by_id = {d["id"]: d for d in described}
    provisions = []
    for p in catalogue.provisions.values():
        rule_ids = encoded.get(p.id, [])
        provisions.append({
            "id": p.id,
            "section": p.section,
            "quote": p.quote,
            "not_a_rule": NOT_A_RULE[p.not_a_rule] if p.not_a_rule else None,
            "note": p.note,
            "rules": [{"id": r, "title": by_id[r]["title"]} for r in rule_ids],
            "scenarios": sorted({name for r in rule_ids for name in by_id[r]["scenario_names"]}),
        })
    known = {s.number for s in sections}
    extra = sorted(({p["section"] for p in provisions} | set(rules_of_section)) - known)
    all_sections = sections + [Section(number, "") for number in extra]
    duties = []
    for duty in catalogue.duties.values():
        kind = "year" if isinstance(duty.deadline, DateInYear) else "meeting"
        duties.append({
            "id": duty.id,
            "detail": describe_duty(duty, kind, catalogue),
            "title": {"nb": duty.title.nb, "en": duty.title.en},
            "rules": [d for d in described if d["duty"] and d["duty"]["id"] == duty.id],
        })
    derived = [
        {
            "id": fact.id,
            "description": fact.description,
            "by": [r.rule.id for r in book.rules if fact.id in r.rule.then.derive],
            "used_by": sorted({u for d in described for name, users in d["used_by"].items() if name == fact.id for u in users}),
        }
        for fact in catalogue.derived_facts.values()
    ]
    forums = [
        {
            "id": f.id, "name": f.name, "aliases": f.aliases, "note": f.note,
            "counts_as": [{"id": c, "name": catalogue.forums[c].name if c in catalogue.forums else None} for c in f.counts_as],
            "covered_by": [g for g in catalogue.covered_by(f.id) if g != f.id],
        }
        for f in catalogue.forums.values()
    ]
    memo = next(iter(catalogue.memo.values()), None)
    return {
        "sections": [
            {
                "number": s.number, "title": s.title, "anchor": s.anchor,
                "level": 1 if "." not in s.number else 2,
                "provisions": [p for p in provisions if p["section"] == s.number],
                "rules": rules_of_section.get(s.number, []),
            }
            for s in all_sections
        ],
        "provisions": provisions,
        "rules": described,
        "duties": duties,
        "derived": derived,
        "forums": forums,
        "steps": [s.to_dict() | {"nb": s.nb, "en": s.en} for s in step_vocabulary.STEPS],
        "memo": memo,
        "digest": book.digest,
        "version": __version__,
        "features": str(features) if features else None,
        "counts": {
            "rules": len(described),
            "provisions": len(provisions),
            "encoded": sum(1 for p in provisions if p["rules"]),
            "not_a_rule": sum(1 for p in provisions if p["not_a_rule"]),
        },
    }


def _relative(place: str, base: Path) -> str:
    """`rules/x.yaml:3:5` as seen from the checkout, wherever the command ran (no machine's paths in the site)."""
    file, sep, rest = place.partition(":")
    try:
        return Path(file).resolve().relative_to(base).as_posix() + sep + rest
    except ValueError:
        return place


def _scenario_names(found: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(m["scenario"] for m in found))


def _search_index(data: dict[str, Any]) -> list[dict[str, str]]:
    """What the search box searches: every section, provision, rule, duty, forum and step sentence."""
    out = []
    for s in data["sections"]:
        out.append({"t": f"{s['number']} {s['title']}", "k": "punkt", "u": f"index.html#{s['anchor']}"})
    for p in data["provisions"]:
        out.append({"t": f"{p['id']}: {p['quote']}", "k": "bestemmelse", "u": f"index.html#bestemmelse-{p['id']}"})
    for r in data["rules"]:
        text = " ".join([r["title"]["nb"], r["title"]["en"], r["citation"]["quote"], *(r["interpretation"] or {}).values()])
        out.append({"t": f"{r['id']}: {r['title']['nb']}", "k": "regel", "u": f"index.html#regel-{r['id']}", "x": text})
    for d in data["duties"]:
        out.append({"t": f"{d['id']}: {d['title']['nb']}", "k": "plikt", "u": f"plikter.html#plikt-{d['id']}",
                    "x": d["title"]["en"]})
    for f in data["forums"]:
        out.append({"t": f"{f['name'].nb}", "k": "forum", "u": f"fora.html#forum-{f['id']}",
                    "x": " ".join([f["id"], f["name"].en, *f["aliases"]])})
    for i, s in enumerate(data["steps"]):
        out.append({"t": s["text"], "k": "steg", "u": f"steg.html#steg-{i + 1}", "x": s["nb"] + " " + s["en"]})
    return out


# --- templates -------------------------------------------------------------------


def _template_text(name: str) -> str:
    return resources.files("udi_rules.tools").joinpath("templates", name).read_text(encoding="utf-8")


def _code(facts: frozenset[str]) -> Any:
    """A filter: escape the text and show `name` as code, linked to its page when it is a derived fact."""

    def name(match: re.Match[str]) -> str:
        code = f"<code>{match[1]}</code>"
        return f'<a href="plikter.html#faktum-{match[1]}">{code}</a>' if match[1] in facts else code

    return lambda text: markupsafe.Markup(re.sub(r"`([^`]+)`", name, str(markupsafe.escape(text))))


def _environment(facts: frozenset[str] = frozenset()) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FunctionLoader(_template_text),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["code"] = _code(facts)
    return environment


__all__ = ["Section", "build", "memo_sections"]
