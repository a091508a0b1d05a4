"""The follow-up commands of `udi-rules`: status, register, calendar. The CLI module only adds them to its group.

Exit codes as in the rest of `udi-rules`: 0 fine, 1 some case files could
not be read (the rest is shown), 2 the case (or the register's source) is
invalid or unreadable.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from ..errors import InvalidFacts
from .case import CaseError, YearRecord, load_case
from .register import as_csv, as_json, as_text, load_register
from .status import STATUS_TEXT, case_status
from .year import year_status

OK, SOME_BROKEN, INVALID = 0, 1, 2

_AS_OF = click.option(
    "--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
    help="datoen status gjelder for (ÅÅÅÅ-MM-DD); standard: i dag / the date of the status; default: today",
)
_LANG = click.option("--lang", type=click.Choice(["nb", "en"]), default="nb", show_default=True,
                     help="språk / language")


def _day(as_of: datetime | None) -> date:
    return as_of.date() if as_of else date.today()


def _fail(diagnostics: list, lang: str) -> int:
    for d in diagnostics:
        text, hint = (d.nb, d.hint_nb) if lang == "nb" else (d.en, d.hint_en)
        click.echo(f"{d.location}: {text}" + (f" — {hint}" if hint else ""), err=True)
    return INVALID


@click.command()
@click.argument("case", type=click.Path(path_type=Path))
@_AS_OF
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="utdata som tekst eller JSON / output as text or JSON")
@click.option("--full", is_flag=True, help="med avvik og hele forklaringen / with findings and the full explanation")
@_LANG
def status(case: Path, as_of: datetime | None, fmt: str, full: bool, lang: str) -> int:
    """Status for en sak per en dato / a case's status as of a date.

    CASE er en saksfil (YAML eller JSON) for et møte, en henvendelse eller et år.
    """
    try:
        record = load_case(case)
    except CaseError as error:
        return _fail(error.diagnostics, lang)
    day = _day(as_of)
    try:
        result = year_status(record, day) if isinstance(record, YearRecord) else case_status(record, day)
    except InvalidFacts as error:
        for p in error.problems:
            click.echo(f"{case}: `{p.field}`: {p.nb if lang == 'nb' else p.en}", err=True)
        return INVALID
    if fmt == "json":
        click.echo(result.model_dump_json(indent=2))
    else:
        click.echo(result.text(lang, full=full))  # type: ignore[arg-type]
    return OK


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@_AS_OF
@click.option("--holder", default=None, help="bare pliktene til denne (id eller del av navnet) / only this holder's duties")
@click.option("--department", default=None, help="bare saker denne avdelingen har ansvaret for / only this department's")
@click.option("--forum", default=None, help="bare møter i dette forumet / only meetings in this forum")
@click.option("--status", "statuses", multiple=True, type=click.Choice(list(STATUS_TEXT)),
              help="bare plikter med denne statusen (kan gjentas) / only duties with this status (repeatable)")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "html"]), default="text", show_default=True,
              help="utdata / output")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="skriv til fil / write to a file")
@_LANG
def register(source: Path, as_of: datetime | None, holder: str | None, department: str | None, forum: str | None,
             statuses: tuple[str, ...], fmt: str, output: Path | None, lang: str) -> int:
    """Alle pliktene i en mappe med saksfiler (eller én CSV) / every duty in a folder of case files (or one CSV).

    Sortert etter frist; én linje per plikt: hva som må gjøres, av hvem og innen når.
    """
    if not source.exists():
        click.echo(f"{source}: finnes ikke [does not exist]", err=True)
        return INVALID
    result = load_register(source, _day(as_of))
    duties = result.select(holder=holder, department=department, forum=forum, status=statuses)
    if fmt == "json":
        text = as_json(result, duties)
    elif fmt == "csv":
        text = as_csv(duties)
    elif fmt == "html":
        from .html import render_html  # Jinja2 only when a page is asked for

        text = render_html(result, duties)
    else:
        text = as_text(duties, lang)  # type: ignore[arg-type]
    if output:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    else:
        click.echo(text)
    if result.problems:
        if fmt != "json":
            _fail(result.problems, lang)
        return SOME_BROKEN
    return OK


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="iCalendar-filen / the .ics file")
@_AS_OF
@click.option("--year", "years", type=click.IntRange(2011, 2100), multiple=True,
              help="ta med årets stående plikter også uten en årsfil i mappen (kan gjentas) / "
              "add the year's standing duties even without a year file in the folder (repeatable)")
@_LANG
def calendar(source: Path, output: Path, as_of: datetime | None, years: tuple[int, ...], lang: str) -> int:
    """Fristene og de stående pliktene som iCalendar / the deadlines and standing duties as iCalendar."""
    if not source.exists():
        click.echo(f"{source}: finnes ikke [does not exist]", err=True)
        return INVALID
    day = _day(as_of)
    result = load_register(source, day)
    recorded = {c.facts.get("year") for c in result.cases if c.kind == "year"}
    for year in years:
        if year not in recorded:
            result.cases.append(year_status(YearRecord(year=year), day, keep_decision=False))
    from .calendar import to_ical  # icalendar only when a calendar is asked for

    output.write_bytes(to_ical(result.duties))
    if result.problems:
        _fail(result.problems, lang)
        return SOME_BROKEN
    return OK


COMMANDS = (status, register, calendar)
__all__ = ["COMMANDS", "calendar", "register", "status"]
