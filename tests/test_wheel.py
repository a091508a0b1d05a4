"""The wheel carries the rules: installed on its own, it loads the default rulebook and decides.

Builds the wheel from this tree, installs it without dependencies into a
fresh virtualenv that borrows this interpreter's site-packages (durable-rules,
pydantic, PyYAML, holidays) through a `.pth` file, and runs a script from
outside the repository. A `.pth` line only adds a directory to `sys.path`
(the `.pth` files inside it are not read), so the editable install of the
development environment cannot leak in: `udi_rules` must come from the wheel.
"""

from __future__ import annotations

import importlib.util
import json
import site
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from engine_support import ROOT
from udi_rules.rule_files import load_rulebook

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    import udi_rules
    from udi_rules import Rulebook
    from udi_rules.rulebook import default_rules_path

    venv = Path(sys.argv[1]).resolve()
    assert Path(udi_rules.__file__).resolve().is_relative_to(venv), udi_rules.__file__
    rules = default_rules_path().resolve()
    assert rules.is_relative_to(venv) and rules.name == "_rules", rules
    book = Rulebook.default()
    decision = book.evaluate({
        "forum": "EMN", "topic": "Nasjonale kontaktpunkter", "first_day": "2027-03-02", "last_day": "2027-03-03",
        "agenda_level": "operational", "meeting_level": "expert", "delegation": ["UDI"],
        "udi_leader_attends": True, "responsible_department": "ASA",
    })
    from udi_rules.tools.docs_site import build  # its templates are package data
    site = build(rules, Path(sys.argv[2]))
    from datetime import date
    from udi_rules.followup.html import render_html
    from udi_rules.followup.register import Register
    page = render_html(Register(as_of=date(2027, 3, 10)), [])
    print(json.dumps({
        "docs": site["files"],
        "page": "<!DOCTYPE html>" in page and 'id="im-4-1"' in page,
        "module": udi_rules.__file__,
        "files": sorted(p.name for p in rules.iterdir()),
        "rules": book.rule_ids,
        "conclusions": decision.rule_ids,
        "explained": bool(decision.explain("nb")),
    }))
    """
)


def run(*args: str | Path, cwd: Path) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, f"{' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_the_wheel_installed_alone_loads_its_own_rules_and_evaluates_a_meeting(tmp_path):
    isolation = ["--no-build-isolation"] if importlib.util.find_spec("hatchling") else []
    run(sys.executable, "-m", "pip", "wheel", ROOT, "--no-deps", *isolation, "-w", tmp_path / "dist", "-q", cwd=tmp_path)
    (wheel,) = (tmp_path / "dist").glob("udi_rules-*.whl")
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel, cwd=tmp_path)
    purelib = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path).strip())
    borrowed = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib"), *site.getsitepackages()}
    (purelib / "_borrowed_dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n", encoding="utf-8")
    (tmp_path / "check.py").write_text(SCRIPT, encoding="utf-8")

    report = json.loads(run(python, "-I", tmp_path / "check.py", venv, tmp_path / "site", cwd=tmp_path))

    assert Path(report["module"]).resolve().is_relative_to(venv.resolve())
    assert "IM-2011-013.txt" in report["files"]
    assert sorted(p.name for p in (ROOT / "rules").glob("*.yaml")) == [f for f in report["files"] if f.endswith(".yaml")]
    assert report["rules"] == [r.rule.id for r in load_rulebook(ROOT / "rules").rules]
    assert {"4.1-intern-rapport", "4.1-vurder-nytte", "4.1-brev-til-departementet"} <= set(report["conclusions"])
    assert report["explained"]
    assert {"index.html", "style.css", "sok-indeks.js"} <= set(report["docs"])
    assert 'id="regel-4.1-intern-rapport"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert report["page"], "the register page's template and the memo's text ship in the wheel"
