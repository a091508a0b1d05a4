"""Start-up: importing costs next to nothing, and the first evaluation imports and builds nothing a later one would not.

Each test runs in a fresh interpreter, because what matters is what a new
process loads. The times themselves are measured by `make bench-startup`.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap

from engine_support import ROOT, meeting


def fresh(script: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, cwd=ROOT, timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_importing_the_package_loads_neither_pydantic_nor_yaml_nor_an_engine():
    report = fresh(
        """
        import json, sys
        import udi_rules
        print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in
              {"udi_rules", "pydantic", "yaml", "durable", "durable_rules_engine", "holidays"})))
        """
    )

    assert report == ["udi_rules", "udi_rules._version"]  # the version is a one-line module of its own


def test_the_public_names_are_there_when_asked_for():
    report = fresh(
        """
        import json, udi_rules
        print(json.dumps({name: getattr(udi_rules, name).__module__ for name in udi_rules.__all__}))
        """
    )

    assert report["Rulebook"] == "udi_rules.rulebook"
    assert report["Meeting"] == "udi_rules.facts"
    assert set(report) == set(__import__("udi_rules").__all__)


def test_the_first_evaluation_imports_nothing_and_the_holidays_package_is_never_loaded():
    report = fresh(
        f"""
        import json, sys
        from udi_rules import Rulebook
        book = Rulebook.default()
        before = set(sys.modules)
        decision = book.evaluate({meeting()!r})
        print(json.dumps({{"new": sorted(set(sys.modules) - before), "holidays": "holidays" in sys.modules,
                          "deadlines": [str(c.deadline) for c in decision.conclusions if c.deadline]}}))
        """
    )

    assert report["new"] == []
    assert report["holidays"] is False
    assert report["deadlines"]


def test_checking_rule_files_never_imports_durable_rules():
    report = fresh(
        """
        import contextlib, io, json, sys
        from udi_rules import Rulebook
        from udi_rules.tools.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            codes = [main(["check", "rules"]), main(["schema"])]
        Rulebook.check("rules")
        print(json.dumps({"codes": codes, "durable": sorted(m for m in sys.modules if "durable" in m)}))
        """
    )

    assert report == {"codes": [0, 0], "durable": []}


def test_loading_builds_this_years_holiday_table_before_the_first_request():
    report = fresh(
        """
        import json
        from datetime import date
        from udi_rules import Rulebook
        from udi_rules.public_holidays import holidays_in
        Rulebook.default()
        before = holidays_in.cache_info()
        holidays_in(date.today().year)
        after = holidays_in.cache_info()
        print(json.dumps({"hits": after.hits - before.hits, "misses": after.misses - before.misses}))
        """
    )

    assert report == {"hits": 1, "misses": 0}


def test_only_the_rulebook_imports_the_durable_engine_and_only_the_durable_engine_imports_durable_rules():
    importers: dict[str, set[str]] = {}
    for path in sorted((ROOT / "udi_rules").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module or ''}.{a.name}".lstrip(".") for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                for target in ("durable_engine", "durable_rules_engine", "durable"):
                    if name.split(".")[-1] == target or name.split(".")[0] == target:
                        importers.setdefault(target, set()).add(path.name)

    assert importers == {"durable_engine": {"rulebook.py"}, "durable_rules_engine": {"durable_engine.py"}}


def test_a_rulebook_from_the_cache_needs_neither_yaml_nor_the_checker_nor_the_schemas_of_a_decision_until_one_is_written():
    script = f"""
        import json, sys
        from pydantic import BaseModel
        from udi_rules import Rulebook, model
        from udi_rules.decision import Decision
        book = Rulebook.default()
        rule_file_schemas = sorted(name for name, value in vars(model).items() if isinstance(value, type)
                                   and issubclass(value, BaseModel) and value.__module__ == model.__name__
                                   and value.__pydantic_complete__)
        checker = sorted(name for name in ("udi_rules.validate", "udi_rules.schema_errors", "udi_rules.source_map")
                         if name in sys.modules)
        loaded = {{"yaml": "yaml" in sys.modules, "decision schemas": Decision.__pydantic_complete__,
                  "rule file schemas": rule_file_schemas, "checker": checker}}
        decision = book.evaluate({meeting()!r})
        written = json.loads(decision.model_dump_json())
        print(json.dumps({{**loaded, "written": written["conclusions"][0]["rule_id"],
                          "read back": Decision.model_validate_json(decision.model_dump_json()) == decision}}))
        """
    fresh(script)  # fills the cache if this run has not yet
    report = fresh(script)

    assert report["yaml"] is False
    assert report["decision schemas"] is False
    assert report["rule file schemas"] == ["Text"]  # what a party's name is made of, in every decision
    assert report["checker"] == []
    assert report["written"] and report["read back"] is True


def test_loading_leaves_the_young_generations_of_the_garbage_collector_empty():
    # Otherwise the first evaluations collect what loading left there (a gen-0 collection cost 140 µs, half as
    # much again as an evaluation); loading does it instead, and never a full collection.
    report = fresh(
        """
        import gc, json
        from udi_rules import Rulebook
        full = gc.get_stats()[2]["collections"]
        Rulebook.default()
        print(json.dumps({"young": gc.get_count()[0], "full": gc.get_stats()[2]["collections"] - full}))
        """
    )

    assert report["young"] < 50
    assert report["full"] == 0
