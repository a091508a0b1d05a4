"""`udi-rules`: check rule files, evaluate a meeting, print the JSON Schema.

A thin layer over the public API. Exit codes tell the cases apart:
0 fine, 1 the rule files are invalid, 2 the facts are invalid, 3 crashed.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path
from typing import Sequence

from .errors import Diagnostic, InvalidFacts, RulebookError
from .rulebook import Rulebook, default_rules_path
from .yaml_source import YamlProblems, load_yaml

OK, RULES_INVALID, FACTS_INVALID, CRASHED = 0, 1, 2, 3


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="udi-rules", description="IM 2011-013 som regler / as rules")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="sjekk regelfilene / check the rule files")
    check.add_argument("rules", nargs="?", type=Path, default=None)
    check.add_argument("--format", choices=("text", "json"), default="text")

    evaluate = commands.add_parser("evaluate", help="vurder et møte eller et år / evaluate a meeting or a year")
    evaluate.add_argument("facts", type=Path, help="YAML- eller JSON-fil med fakta / a YAML or JSON file of facts")
    evaluate.add_argument("--rules", type=Path, default=None)
    evaluate.add_argument("--kind", choices=("meeting", "year"), default=None)
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    evaluate.add_argument("--lang", choices=("nb", "en"), default="nb")

    commands.add_parser("schema", help="skriv JSON Schema for regelfilene / print the rule files' JSON Schema")

    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "evaluate":
            return _evaluate(args)
        from .schema import rule_file_schema

        print(json.dumps(rule_file_schema(), ensure_ascii=False, indent=2))
        return OK
    except RulebookError as error:
        _report(error.diagnostics, args)
        return RULES_INVALID
    except Exception:  # the one place a crash is turned into an exit code
        traceback.print_exc()
        return CRASHED


def _check(args: argparse.Namespace) -> int:
    checked = Rulebook.check(args.rules or default_rules_path())  # no engine: checking needs no durable-rules
    if args.format == "json":
        print(json.dumps({"ok": True, "rules": len(checked.rules), "files": checked.files, "digest": checked.digest}))
    else:
        print(f"ok: {len(checked.rules)} regler i {len(checked.files)} filer [rules in files] · {checked.digest}")
    return OK


def _evaluate(args: argparse.Namespace) -> int:
    try:
        text = args.facts.read_text(encoding="utf-8")
        data = load_yaml(text, str(args.facts)).data
    except OSError as error:
        print(f"{args.facts}: kan ikke lese filen [cannot read the file]: {error.strerror}", file=sys.stderr)
        return FACTS_INVALID
    except YamlProblems as problems:
        _report(problems.diagnostics, args)
        return FACTS_INVALID
    kind = args.kind or ("year" if isinstance(data, dict) and "year" in data and "forum" not in data else "meeting")
    rulebook = Rulebook.load(args.rules) if args.rules else Rulebook.default()
    try:
        decision = rulebook.evaluate(data if isinstance(data, dict) else {}, kind=kind)
    except InvalidFacts as error:
        if args.format == "json":
            problems = [{"field": p.field, "message": {"nb": p.nb, "en": p.en}} for p in error.problems]
            print(json.dumps({"ok": False, "problems": problems}, ensure_ascii=False, indent=2))
        else:
            print(f"{args.facts}: {error}", file=sys.stderr)
        return FACTS_INVALID
    if args.format == "json":
        print(decision.model_dump_json(indent=2))
    else:
        print(decision.explain(args.lang), end="")
    return OK


def _report(diagnostics: Sequence[Diagnostic], args: argparse.Namespace) -> None:
    if getattr(args, "format", "text") == "json":
        print(json.dumps({"ok": False, "diagnostics": [d.to_dict() for d in diagnostics]}, ensure_ascii=False, indent=2))
        return
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)
    print(f"{len(diagnostics)} feil [error(s)]", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
