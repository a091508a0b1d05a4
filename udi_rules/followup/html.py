"""The register as one self-contained HTML page a unit leader opens in a browser.

Overdue duties first; each duty links to its explanation on the page and to
its place in the memo, whose text is on the page too, so the file needs
nothing beside it. The template is package data (`templates/`), rendered
with Jinja2 and escaped automatically.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2

from ..deadlines import format_date
from ..rulebook import default_rules_path
from .register import Register
from .status import STATUS_TEXT, DutyStatus, sorted_duties

_HEADING = re.compile(r"^(\d(?:\.\d)?)\.? (\S.*)$")


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda name: (resources.files("udi_rules.followup") / "templates" / name).read_text(encoding="utf-8")
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["datonb"] = lambda d: format_date(d, "nb") if d else "ingen frist"
    return env


def anchor(section: str) -> str:
    """The id of a memo section on the page: `im-4-1` for 4.1."""
    return "im-" + section.replace(".", "-")


@lru_cache(maxsize=1)
def memo_sections() -> list[tuple[str, str, list[str]]]:
    """The memo's text by section (number, heading, paragraphs), the table of contents skipped."""
    text = (default_rules_path() / "IM-2011-013.txt").read_text(encoding="utf-8")
    sections: dict[str, tuple[str, list[str]]] = {}
    current: str | None = None
    for line in text.splitlines():
        found = _HEADING.match(line.strip())
        if found and len(found.group(2)) < 90:
            current = found.group(1)
            sections[current] = (found.group(2), [])  # the body's heading replaces the contents line
            continue
        if line.strip().startswith("Kontakt:"):
            break  # the memo ends with its signature; what follows is the intranet page around it
        if current and line.strip():
            sections[current][1].append(line.strip())
    return [(number, heading, paragraphs) for number, (heading, paragraphs) in sections.items()]


def render_html(register: Register, duties: list[DutyStatus], title: str = "Internasjonale møter – oppfølging") -> str:
    """The page: the duties (overdue first), then each duty's explanation, then the memo's text."""
    ordered = sorted_duties(duties)
    counts: dict[str, int] = {}
    for d in ordered:
        counts[d.status] = counts.get(d.status, 0) + 1
    sections = memo_sections()
    known = {number for number, _, _ in sections}
    rows: list[dict[str, Any]] = []
    for i, d in enumerate(ordered, start=1):
        section = d.section if d.section in known else d.section.split(".")[0]
        rows.append({"n": i, "duty": d, "status_text": STATUS_TEXT[d.status][0], "memo": anchor(section),
                     "line": d.line("nb")})
    template = _environment().get_template("register.html.j2")
    return template.render(
        title=title, as_of=format_date(register.as_of, "nb"), rows=rows, counts=counts, status_text=STATUS_TEXT,
        problems=[str(p) for p in register.problems], sections=[(anchor(n), n, h, p) for n, h, p in sections],
    )
