"""The tools sit on top of the core: nothing in `udi_rules/*.py` imports `udi_rules.tools`."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "udi_rules"


def imports(source: str) -> set[str]:
    """Every module a source file imports, relative ones with their leading dots (`.tools.steps`)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.add(base)
            names.update(f"{base.rstrip('.')}.{alias.name}" if node.module else base + alias.name for alias in node.names)
    return names


def reaches_tools(name: str) -> bool:
    return any(name == root or name.startswith(root + ".") for root in (".tools", "udi_rules.tools"))


def test_no_core_module_imports_the_tools():
    offenders = {
        path.name: sorted(filter(reaches_tools, imports(path.read_text(encoding="utf-8"))))
        for path in sorted(PACKAGE.glob("*.py"))
    }

    assert not {name: found for name, found in offenders.items() if found}


def test_the_check_sees_each_way_of_importing_the_tools():
    for source in ("from .tools.steps import STEPS", "from . import tools", "import udi_rules.tools.cli",
                   "from udi_rules.tools import steps"):
        assert any(map(reaches_tools, imports(source))), source
    assert not any(map(reaches_tools, imports("from .toolsmith import x\nfrom . import facts")))
