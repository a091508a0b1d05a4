"""`udi-rules`: check rule files, evaluate a meeting, explain a rule, list the scenario steps.

A thin layer over the public API, on click. Every command ends with one of
these exit codes, and nothing else:

    0   fine (also when the reader closed the pipe early, as `| head` does)
    1   the rule files are invalid, or a check found problems
    2   the facts are invalid (unreadable, not YAML/JSON, or wrong fields)
    3   the program crashed: a bug; the traceback is printed
    64  the command was used wrongly: unknown option or command, missing
        argument, unknown rule id, a docs folder that cannot be written
        (64 is EX_USAGE of sysexits.h; it is not 2, so a script can tell a
        typo in the command from wrong facts)
    130 interrupted (Ctrl-C)

Text goes to standard output; diagnostics and errors to standard error;
with `--format json` the answer (also a failed one) is JSON on standard output.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any, Callable, Sequence

import click

from .. import __version__
from ..errors import Diagnostic, InvalidFacts, RulebookError
from ..rulebook import Rulebook, default_rules_path
from ..source_map import YamlProblems
from ..yaml_source import load_yaml
from ..followup import commands as followup_commands
from . import steps as step_vocabulary

OK, RULES_INVALID, FACTS_INVALID, CRASHED, USAGE, INTERRUPTED = 0, 1, 2, 3, 64, 130
FINDINGS = RULES_INVALID

LANGS = ("nb", "en")
_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="utdata som tekst eller JSON / output as text or JSON",
)
_RULES_OPTION = click.option(
    "--rules", "rules", type=click.Path(path_type=Path), default=None,
    help="mappe (eller fil) med regelfiler; standard: reglene som følger med / "
    "folder (or file) of rule files; default: the shipped rules",
)


_HELP = click.help_option("-h", "--help", help="vis denne hjelpen / show this help")


def _lang_option(default: str) -> Callable[[Any], Any]:
    return click.option(
        "--lang", type=click.Choice(["nb", "en", "both"]), default=default, show_default=True,
        help="språk: bokmål, engelsk eller begge / language: bokmål, English or both",
    )


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from ..rule_files import load_rulebook

    path = default_rules_path()
    try:
        digest = load_rulebook(path).digest
    except RulebookError:
        click.echo(f"udi-rules {__version__} · regelbok [rulebook]: regelfilene har feil [the rule files have errors] ({path})")
        ctx.exit(RULES_INVALID)
    click.echo(f"udi-rules {__version__} · regelbok [rulebook] {digest} ({path})")
    ctx.exit(OK)


class _PipeClosed(Exception):
    """The reader closed standard output; raised past click, which would turn it into exit code 1."""


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as error:
            raise _PipeClosed() from error


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
    help="vis versjon og regelbokens fingeravtrykk / show the version and the rulebook digest",
)
@_HELP
def cli() -> None:
    """IM 2011-013 som regler: sjekk regelfilene, vurder et møte, forklar en regel.

    IM 2011-013 as rules: check the rule files, evaluate a meeting, explain a rule.

    \b
    Avslutningskoder [exit codes]:
      0   i orden [fine]
      1   regelfilene har feil [the rule files are invalid]
      2   faktaene har feil [the facts are invalid]
      3   programfeil [crashed]
      64  feil bruk av kommandoen [usage error]
      130 avbrutt [interrupted]
    """


# --- check ---------------------------------------------------------------------------


@cli.command()
@_HELP
@click.argument("rules", required=False, type=click.Path(path_type=Path))
@_FORMAT
@_lang_option("both")
@click.option(
    "--strict", is_flag=True,
    help="advarsler gir også avslutningskode 1 / warnings also give exit code 1",
)
def check(rules: Path | None, fmt: str, lang: str, strict: bool) -> int:
    """Sjekk regelfilene / check the rule files.

    RULES er en mappe eller en fil; standard er reglene som følger med. Feil gir
    avslutningskode 1. Advarsler sier det testene ville sagt (en regel uten scenario
    der den gjelder eller ikke gjelder, en tolkning uten @tolkning-scenario, en
    bestemmelse som verken er kodet eller merket, et tall i teksten som ikke er
    parameterens); de gir kode 0, eller 1 med --strict.

    RULES is a folder or a file; the default is the shipped rules. Errors give exit
    code 1. Warnings say what the tests would say (a rule with no scenario where it
    applies or does not, an interpretation with no @tolkning scenario, a provision
    neither encoded nor marked, a number in prose that is not its parameter's); they
    give code 0, or 1 with --strict.
    """
    from .lint import rulebook_warnings

    path = rules or default_rules_path()
    try:
        checked = Rulebook.check(path)
    except RulebookError as error:
        return _rules_invalid(error, fmt, lang)
    warnings = rulebook_warnings(path, checked)
    code = FINDINGS if strict and warnings else OK
    if fmt == "json":
        _echo_json(
            {"ok": code == OK, "rules": len(checked.rules), "files": checked.files, "digest": checked.digest,
             "warnings": [w.to_dict() for w in warnings]},
            indent=None,
        )
        return code
    count, files = len(checked.rules), len(checked.files)
    _echo(
        lang,
        f"ok: {count} regler i {files} filer · {checked.digest}",
        f"ok: {count} rules in {files} files · {checked.digest}",
        both=f"ok: {count} regler i {files} filer [rules in files] · {checked.digest}",
    )
    for w in warnings:
        text = {"nb": f"advarsel: {w.nb}" + (f" — {w.hint_nb}" if w.hint_nb else ""),
                "en": f"warning: {w.en}" + (f" — {w.hint_en}" if w.hint_en else "")}
        both = f"advarsel [warning]: {w.nb} [{w.en}]" + (f" — {w.hint_nb} [{w.hint_en}]" if w.hint_nb else "")
        _echo(lang, f"{w.location}: {text['nb']}", f"{w.location}: {text['en']}", both=f"{w.location}: {both}", err=True)
    if warnings:
        n = len(warnings)
        _echo(lang, f"{n} advarsler", f"{n} warning(s)", both=f"{n} advarsler [warning(s)]", err=True)
    return code


# --- evaluate -------------------------------------------------------------------------


@cli.command()
@_HELP
@click.argument("facts")
@_RULES_OPTION
@click.option(
    "--kind", type=click.Choice(["meeting", "request", "year"]), default=None,
    help="faktatype; standard: en henvendelse når filen har `received_by`, et år når den har `year`, "
    "og ellers et møte / fact kind; default: a request when the file has `received_by`, a year when it has "
    "`year`, else a meeting",
)
@_FORMAT
@_lang_option("nb")
def evaluate(facts: str, rules: Path | None, kind: str | None, fmt: str, lang: str) -> int:
    """Vurder et møte, en henvendelse eller et år / evaluate a meeting, a request or a year.

    FACTS er en YAML- eller JSON-fil, eller - for standard inn.

    FACTS is a YAML or JSON file, or - for standard input.
    """
    name = "<stdin>" if facts == "-" else facts
    try:
        text = sys.stdin.read() if facts == "-" else Path(facts).read_text(encoding="utf-8")
        data = load_yaml(text, name).data
    except OSError as error:
        reason = error.strerror or str(error)
        return _facts_unreadable(name, f"kan ikke lese filen: {reason}", f"cannot read the file: {reason}", fmt, lang)
    except UnicodeDecodeError:
        return _facts_unreadable(name, "filen er ikke UTF-8", "the file is not UTF-8", fmt, lang)
    except YamlProblems as problems:
        return _facts_invalid_yaml(problems.diagnostics, fmt, lang)
    if data is not None and not isinstance(data, dict):
        return _facts_unreadable(
            name, "faktaene må være en mapping av `felt: verdi`", "the facts must be a mapping of `field: value`", fmt, lang
        )
    kind = kind or _kind_of(data)
    try:
        rulebook = Rulebook.load(rules) if rules else Rulebook.default()
    except RulebookError as error:
        return _rules_invalid(error, fmt, lang)
    try:
        decision = rulebook.evaluate(data if isinstance(data, dict) else {}, kind=kind)
    except InvalidFacts as error:
        if fmt == "json":
            problems = [{"field": p.field, "message": {"nb": p.nb, "en": p.en}} for p in error.problems]
            _echo_json({"ok": False, "problems": problems})
        else:
            head, *problems = _problem_lines(error, lang)
            click.echo("\n".join([f"{name}: {head}", *problems]), err=True)
        return FACTS_INVALID
    if fmt == "json":
        click.echo(decision.model_dump_json(indent=2))
    else:
        click.echo("\n".join(decision.explain(one) for one in _langs(lang)), nl=False)
    return OK


def _problem_lines(error: InvalidFacts, lang: str) -> list[str]:
    if lang == "both":
        return str(error).splitlines()
    head = "ugyldige fakta" if lang == "nb" else "invalid facts"
    return [head, *(f"  {p.field}: {p.nb if lang == 'nb' else p.en}" for p in error.problems)]


def _facts_unreadable(name: str, nb: str, en: str, fmt: str, lang: str) -> int:
    if fmt == "json":
        _echo_json({"ok": False, "problems": [{"field": None, "file": name, "message": {"nb": nb, "en": en}}]})
    else:
        _echo(lang, f"{name}: {nb}", f"{name}: {en}", both=f"{name}: {nb} [{en}]", err=True)
    return FACTS_INVALID


def _facts_invalid_yaml(diagnostics: Sequence[Diagnostic], fmt: str, lang: str) -> int:
    _report(diagnostics, fmt, lang)
    return FACTS_INVALID


# --- schema ---------------------------------------------------------------------------


@cli.command()
@_HELP
@_RULES_OPTION
def schema(rules: Path | None) -> int:
    """Skriv JSON Schema for regelfilene / print the rule files' JSON Schema.

    Skjemaet kjenner katalogens fora, plikter, roller, avdelinger, avledede fakta og
    bestemmelser; `make schema` skriver det til rules/udi-rules.schema.json.

    The schema knows the catalogue's forums, duties, roles, departments, derived facts and
    provisions; `make schema` writes it to rules/udi-rules.schema.json.
    """
    from ..schema import rule_file_schema

    try:
        generated = rule_file_schema(rules) if rules else rule_file_schema()
    except RulebookError as error:
        return _rules_invalid(error, "text", "both")
    click.echo(json.dumps(generated, ensure_ascii=False, indent=2))
    return OK


# --- explain --------------------------------------------------------------------------


@cli.command()
@_HELP
@click.argument("rule_id")
@_RULES_OPTION
@_FORMAT
@_lang_option("nb")
def explain(rule_id: str, rules: Path | None, fmt: str, lang: str) -> int:
    """Forklar hva en regel sier / explain what a rule says.

    Tittel, betingelsen i ord, hjemmel og sitat, tolkning, plikten med hvem og frist,
    og scenarioene i features/ som nevner regelen.

    Title, the condition in words, citation and quote, interpretation, the duty with
    holder and deadline, and the scenarios in features/ that name the rule.
    """
    from ..rule_files import load_rulebook
    from .explain_rule import describe, render

    path = rules or default_rules_path()
    try:
        checked = load_rulebook(path)
    except RulebookError as error:
        return _rules_invalid(error, fmt, lang)
    found = next((r for r in checked.rules if r.rule.id == rule_id), None)
    if found is None:
        from ..errors import did_you_mean

        nb, en = did_you_mean(rule_id, [r.rule.id for r in checked.rules])
        message = {"nb": f"ukjent regel `{rule_id}`; {nb}".rstrip("; "), "en": f"unknown rule `{rule_id}`; {en}".rstrip("; ")}
        if fmt == "json":
            _echo_json({"ok": False, "message": message})
        else:
            _echo(lang, message["nb"], message["en"], both=f"{message['nb']} [{message['en']}]", err=True)
        return USAGE
    described = describe(found, checked, path)
    if fmt == "json":
        _echo_json(described)
    else:
        click.echo("\n".join(render(described, one) for one in _langs(lang)), nl=False)
    return OK


# --- docs -----------------------------------------------------------------------------


@cli.command()
@_HELP
@click.argument("out", type=click.Path(path_type=Path, file_okay=False))
@_RULES_OPTION
@_FORMAT
def docs(out: Path, rules: Path | None, fmt: str) -> int:
    """Skriv regelboka som nettsted / write the rulebook as a web site.

    Internmeldingens punkter i rekkefølge med reglene som koder dem, dekningen,
    fora, plikter og stegsetninger, og et søkefelt; virker uten nett (file://).
    Åpne OUT/index.html.

    The memo's sections in order with the rules that encode them, the coverage,
    forums, duties and step sentences, and a search box; works offline (file://).
    Open OUT/index.html.
    """
    from .docs_site import build

    try:
        written = build(rules or default_rules_path(), out)
    except RulebookError as error:
        return _rules_invalid(error, fmt, "both")
    except OSError as error:
        reason = error.strerror or str(error)
        message = {"nb": f"{out}: kan ikke skrive nettstedet: {reason}", "en": f"{out}: cannot write the site: {reason}"}
        if fmt == "json":
            _echo_json({"ok": False, "message": message})
        else:
            click.echo(f"{message['nb']} [{message['en']}]", err=True)
        return USAGE
    if fmt == "json":
        _echo_json({"ok": True, **written})
    else:
        click.echo(
            f"skrev [wrote] {len(written['files'])} filer [files] til [to] {out}: {written['rules']} regler [rules], "
            f"{written['provisions']} bestemmelser [provisions], {len(written['sections'])} punkter [sections] · "
            f"åpne [open] {out / 'index.html'}"
        )
    return OK


# --- steps ----------------------------------------------------------------------------


@cli.command()
@_HELP
@_FORMAT
@_lang_option("both")
def steps(fmt: str, lang: str) -> int:
    """De tillatte stegsetningene i scenarioene / the allowed step sentences of the scenarios.

    Skriv «Og» for å fortsette med samme slags steg. [Write «Og» to go on with the same kind of step.]
    """
    if fmt == "json":
        _echo_json([s.to_dict() for s in step_vocabulary.STEPS])
        return OK
    for keyword in ("Gitt", "Når", "Så"):
        for step in (s for s in step_vocabulary.STEPS if s.keyword == keyword):
            click.echo(step.text)
            for one in _langs(lang):
                click.echo(f"    {step.nb if one == 'nb' else step.en}")
            choices = "; ".join(f"<{name}>: {' | '.join(words)}" for name, words in step.choices.items())
            if choices:
                click.echo(f"    {choices}")
            click.echo(f"    {'f.eks.' if lang == 'nb' else 'e.g.' if lang == 'en' else 'f.eks. [e.g.]'} {step.example}")
    return OK


# --- verify ---------------------------------------------------------------------------


@cli.command()
@_HELP
@click.argument("rules", required=False, type=click.Path(path_type=Path))
@_FORMAT
@_lang_option("both")
@click.option(
    "--write-scenario", "scenario_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="skriv hvert funn som et norsk scenario i denne mappen / write each finding as a Norwegian scenario here",
)
def verify(rules: Path | None, fmt: str, lang: str, scenario_dir: Path | None) -> int:
    """Verifiser regelboka over hele faktarommet / verify the rulebook over the whole fact space.

    Regler som aldri gjelder, regler en annen regel alltid gjentar, motstridende konklusjoner
    (art, frist, hvem), plikter og avledede fakta ingen regel bruker, bestemmelser uten regel og
    grunn. Hvert funn har et eksempelmøte. Godtatte funn står i verify-accepted.yaml. Avslutter
    med 0 uten funn og 1 med funn.

    Rules that never apply, rules another rule always repeats, conflicting conclusions (kind,
    deadline, holder), duties and derived facts no rule uses, provisions with neither rule nor
    reason. Each finding has an example meeting. Accepted findings are in verify-accepted.yaml.
    Exits 0 without findings and 1 with findings.
    """
    from .verify import render, verify as run_verify, write_scenarios

    path = rules or default_rules_path()
    try:
        report = run_verify(path)
    except RulebookError as error:
        return _rules_invalid(error, fmt, lang)
    written = write_scenarios(report, scenario_dir, path) if scenario_dir is not None else []
    if fmt == "json":
        _echo_json({**report.to_dict(), "scenarios": [str(p) for p in written]})
    else:
        click.echo(render(report, lang), nl=False)
        for p in written:
            _echo(lang, f"skrev {p}", f"wrote {p}", both=f"skrev [wrote] {p}")
    return OK if report.ok else FINDINGS


# --- diff -----------------------------------------------------------------------------


@cli.command()
@_HELP
@click.argument("folders", nargs=-1, metavar="[OLD] [NEW]", type=click.Path(path_type=Path))
@click.option("--git", "revision", default=None, metavar="REV",
              help="sammenlign regelmappen ved en git-revisjon med arbeidskopien / "
              "compare the rules folder at a git revision with the working tree")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True,
              help="utdata som tekst, JSON eller Markdown (til en gjennomgang) / output as text, JSON or Markdown")
@_lang_option("nb")
@click.option("--features", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="scenarioene; standard: features/ ved siden av NEW / the scenarios; default: features/ beside NEW")
@click.option("--examples", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="eksempelfaktaene; standard: examples/ ved siden av NEW / the example facts; default: beside NEW")
def diff(folders: tuple[Path, ...], revision: str | None, fmt: str, lang: str, features: Path | None,
         examples: Path | None) -> int:
    """Hvilke møter en endring av reglene endrer / which meetings an edit of the rules changes.

    \b
    udi-rules diff OLD NEW       to regelmapper [two rule folders]
    udi-rules diff --git REV     rules/ ved REV mot arbeidskopien [rules/ at REV against the working tree]
    udi-rules diff --git REV NEW

    Over hele faktarommet, scenarioene i features/ og eksemplene i examples/: møtene som får en
    annen konklusjon, innehaver eller frist, per regel med noen eksempelmøter (og begge datoene
    når en frist flyttes). Avslutter med 0 også når noe endres; se «changed» i JSON.

    Over the whole fact space, the scenarios and the examples: the meetings that get another
    conclusion, holder or deadline, per rule with a few example meetings (and both dates when a
    deadline moves). Exits 0 also when something changes; see "changed" in the JSON.
    """
    from . import diff as impact_of
    from .scenarios import features_beside

    wanted = 1 if revision else 2
    if len(folders) > wanted or (not revision and len(folders) != 2):
        raise click.UsageError(
            "skriv OLD og NEW, eller --git REV [NEW] [give OLD and NEW, or --git REV [NEW]]"
        )
    new = folders[-1] if folders else default_rules_path()
    beside = [new, *folders[:-1], default_rules_path()]  # NEW's checkout first, then OLD's, then this one
    if features is None:
        features = next((f for f in map(features_beside, beside) if f is not None), None)
    if examples is None:
        found = [(p if p.is_dir() else p.parent).parent / "examples" for p in beside]
        examples = next((p for p in found if p.is_dir()), None)
    try:
        if revision:
            impact = impact_of.git_diff(revision, new, features=features, examples=examples)
        else:
            impact = impact_of.diff(folders[0], new, features=features, examples=examples)
    except impact_of.GitError as error:
        _echo(lang, error.nb, error.en, both=str(error), err=True)
        return USAGE
    except RulebookError as error:
        return _rules_invalid(error, "json" if fmt == "json" else "text", lang)
    if fmt == "json":
        click.echo(impact_of.render_json(impact))
    elif fmt == "markdown":
        click.echo(impact_of.render_markdown(impact), nl=False)
    else:
        click.echo(impact_of.render_text(impact, lang), nl=False)
    return OK


# --- status, register, calendar: follow-up over time (udi_rules.followup) ---------------

for _command in followup_commands.COMMANDS:
    cli.add_command(_command)


# --- shared ---------------------------------------------------------------------------


def _langs(lang: str) -> tuple[str, ...]:
    return LANGS if lang == "both" else (lang,)


def _echo(lang: str, nb: str, en: str, *, both: str, err: bool = False) -> None:
    click.echo({"nb": nb, "en": en}.get(lang, both), err=err)


def _echo_json(data: Any, indent: int | None = 2) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=indent))


def _rules_invalid(error: RulebookError, fmt: str, lang: str) -> int:
    _report(error.diagnostics, fmt, lang)
    return RULES_INVALID


def _report(diagnostics: Sequence[Diagnostic], fmt: str, lang: str) -> None:
    if fmt == "json":
        _echo_json({"ok": False, "diagnostics": [d.to_dict() for d in diagnostics]})
        return
    for d in diagnostics:
        if lang == "both":
            click.echo(str(d), err=True)
        else:
            text, hint = (d.nb, d.hint_nb) if lang == "nb" else (d.en, d.hint_en)
            click.echo(f"{d.location}: {text}" + (f" — {hint}" if hint else ""), err=True)
    count = len(diagnostics)
    _echo(lang, f"{count} feil", f"{count} error(s)", both=f"{count} feil [error(s)]", err=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="udi-rules", standalone_mode=False)
        sys.stdout.flush()
    except click.UsageError as error:
        error.show()
        click.echo("feil bruk av kommandoen; se `udi-rules --help` [usage error; see `udi-rules --help`]", err=True)
        return USAGE
    except click.ClickException as error:
        error.show()
        return USAGE
    except (BrokenPipeError, _PipeClosed):
        return _pipe_closed()
    except (KeyboardInterrupt, click.Abort):
        click.echo("avbrutt [interrupted]", err=True)
        return INTERRUPTED
    except Exception:  # the one place a crash is turned into an exit code
        traceback.print_exc()
        return CRASHED
    return code if isinstance(code, int) else OK


def _pipe_closed() -> int:
    """The reader stopped reading (`| head`): end quietly, without the interpreter's complaint at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (a test's capture)
        pass
    return OK


if __name__ == "__main__":
    sys.exit(main())


def _kind_of(data: object) -> str:
    """The fact kind a facts file holds, from the fields only that kind has."""
    if isinstance(data, dict) and "forum" not in data:
        if "received_by" in data:
            return "request"
        if "year" in data:
            return "year"
    return "meeting"
