"""Rule files that `check` once accepted and durable-rules could not build, and files no editor means to write.

Each case is loaded in a child process under a time and memory limit:
durable-rules builds its network holding the GIL, so a load that loops
there cannot be interrupted from inside the process. Every case must end in
a loaded rulebook that gives the right answer, or in located diagnostics.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest

from engine_support import ROOT, meeting

TIME_LIMIT = 60  # seconds per load; a good load takes under two
MEMORY_LIMIT = 1536 << 20  # address space of the child, bytes

CHILD = r"""
import json, sys
from udi_rules import Rulebook, RulebookError
try:
    book = Rulebook.load(sys.argv[1])
except RulebookError as error:
    print(json.dumps({"diagnostics": [[d.code, str(d.location), d.nb, d.en, d.hint_nb] for d in error.diagnostics]}))
else:
    print(json.dumps({"fired": [book.evaluate(f).rule_ids for f in json.loads(sys.argv[2])]}))
"""

DUTY = """duties:
  - id: hostile_note
    title: {nb: Merk, en: Note}
    holder: participant
    action: {nb: Merk deg dette., en: Take note of this.}
"""


def rule(rule_id: str, when: Any, then: str = "{kind: information, duty: hostile_note}") -> str:
    return f"""  - id: {rule_id}
    title: {{nb: Regel {rule_id}, en: Rule {rule_id}}}
    citation: {{section: "4.1", quote: UDI}}
    when: {json.dumps(when, ensure_ascii=False)}
    then: {then}
"""


def rules_file(*rules: str, derived: int | range = 0, duty: bool = True) -> str:
    facts = "".join(
        f"  - id: x{i}\n    description: {{nb: Faktum {i}, en: Fact {i}}}\n"
        for i in (range(derived) if isinstance(derived, int) else derived)
    )
    return (DUTY if duty else "") + (f"derived_facts:\n{facts}" if facts else "") + "rules:\n" + "".join(rules)


def long_chain(length: int, per_file: int = 900) -> dict[str, str | bytes]:
    """`derivation_chain(length, branches=1)` over as many files as a file's size limit asks for."""
    rules = derivation_chain(length, branches=1)
    return {
        f"h{n:02d}.yaml": rules_file(*rules[start : start + per_file], derived=range(start, min(start + per_file, length)),
                                     duty=n == 0)
        for n, start in enumerate(range(0, len(rules), per_file))
    }


@dataclass
class Case:
    files: dict[str, str | bytes]
    facts: list[dict[str, Any]] = field(default_factory=list)
    shipped: bool = False  # the whole of rules/, not just the catalogue, with `files` added


def catalogue(**replace: str) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        name: (ROOT / "rules" / name).read_text(encoding="utf-8") for name in ("forums.yaml", "organisation.yaml")
    }
    files.update(replace)
    return files


def many_departments(count: int) -> str:
    text = (ROOT / "rules" / "organisation.yaml").read_text(encoding="utf-8")
    extra = "".join(f"  - id: D{i:03d}\n    name: {{nb: Avdeling {i}, en: Department {i}}}\n" for i in range(count))
    return text.replace("departments:\n", "departments:\n" + extra, 1)


def derivation_chain(length: int, branches: int = 2) -> list[str]:
    """Rules deriving x0 ... x(length-1), each fact by `branches` rules (one or two) that need the one before;
    `z` needs the last."""
    rules = [rule("r0a", {"forum": "EMN"}, "{derive: [x0]}"), rule("r0b", {"meeting_level": "leader"}, "{derive: [x0]}")]
    for i in range(1, length):
        rules.append(
            rule(f"r{i}a", {"all": [{"derived": f"x{i - 1}"}, {"forum": {"in": ["EMN", "NU"]}}]}, f"{{derive: [x{i}]}}")
        )
        if branches == 2:
            rules.append(
                rule(f"r{i}b", {"all": [{"derived": f"x{i - 1}"}, {"agenda_level": "strategic"}]}, f"{{derive: [x{i}]}}")
            )
    return [*rules, rule("z", {"derived": f"x{length - 1}"})]


def pairs(count: int) -> dict[str, Any]:
    return {"any": [{"all": [{"topic": f"a{i}"}, {"meeting_level": "expert"}]} for i in range(count)]}


CASES: dict[str, Case] = {
    "one-rule-600-topics": Case(
        {"h.yaml": rules_file(rule("r", {"topic": {"in": [f"tema {i}" for i in range(600)]}}))}
    ),
    "one-rule-600-dates": Case(
        {"h.yaml": rules_file(rule("r", {"first_day": {"in": [f"2027-{1 + i // 28:02d}-{1 + i % 28:02d}" for i in range(336)] + [f"2028-{1 + i // 28:02d}-{1 + i % 28:02d}" for i in range(264)]}}))}
    ),
    "48-rules-of-11-topics": Case(
        {"h.yaml": rules_file(*(rule(f"r{r:02d}", {"topic": {"in": [f"tema {r}-{i}" for i in range(11)]}}) for r in range(48)))},
        [meeting(topic="tema 47-10"), meeting(topic="tema 0-0"), meeting(topic="tema 48-0")],
    ),
    "shipped-rules-and-500-topics": Case(
        {"zz-h.yaml": rules_file(*(rule(f"r{r:02d}", {"topic": {"in": [f"tema {r}-{i}" for i in range(10)]}}) for r in range(50)))},
        [meeting(topic="tema 49-9")],
        shipped=True,
    ),
    "any-of-14-all-pairs": Case({"h.yaml": rules_file(rule("r", pairs(14)))}),
    "any-of-13-all-pairs": Case(
        {"h.yaml": rules_file(rule("r", pairs(13)))},
        [meeting(topic="a12"), meeting(topic="a12", meeting_level="leader")],
    ),
    "not-not-derived": Case(
        {
            "h.yaml": rules_file(
                rule("a-needs", {"not": {"not": {"derived": "x0"}}}),
                rule("b-derives", {"forum": "EMN"}, "{derive: [x0]}"),
                derived=1,
            )
        },
        [meeting(forum="EMN"), meeting(forum="NU")],
    ),
    "not-all-with-not-derived": Case(
        {
            "h.yaml": rules_file(
                rule("a-needs", {"not": {"all": [{"not": {"derived": "x0"}}, {"forum": "NU"}]}}),
                rule("b-derives", {"forum": "EMN"}, "{derive: [x0]}"),
                derived=1,
            )
        },
        [meeting(forum="EMN"), meeting(forum="NU"), meeting(forum="IGC")],
    ),
    "all-of-20-any-over-derived": Case(
        {"h.yaml": rules_file(rule("r", {"all": [{"any": [{"derived": f"x{2 * i}"}, {"derived": f"x{2 * i + 1}"}]} for i in range(20)]}), derived=40)}
    ),
    # x0 is derived by two rules, x1 by two rules that each need x0, and so on to x19: each walk through the
    # chain that follows every path took 2**20 steps (the load's warm-up ran for minutes).
    "chain-of-20-derived-facts-each-from-two-rules": Case(
        {"h.yaml": rules_file(*derivation_chain(20), derived=20)},
        [meeting(forum="EMN"), meeting(forum="IGC"), meeting(forum="NU", meeting_level="leader")],
    ),
    # x0 ... x299, each derived from the one before: written in, `z` would nest 300 levels deep.
    "chain-of-300-derived-facts": Case(
        {"h.yaml": rules_file(*derivation_chain(300, branches=1), derived=300)},
        [meeting(forum="EMN"), meeting(forum="IGC")],
    ),
    # 1,800 facts in one chain over two files, and a meeting that leaves the start of the chain open: the open
    # answers were tried by following the chain down, a stack frame a fact (RecursionError in `evaluate`).
    "chain-of-1800-derived-facts": Case(
        long_chain(1800),
        [meeting(forum="EMN"), {k: v for k, v in meeting(forum="NU").items() if k != "meeting_level"}],
    ),
    "240-departments": Case(catalogue(**{"organisation.yaml": many_departments(236)})),
    "role-with-unknown-placeholder": Case(
        catalogue(
            **{
                "organisation.yaml": (ROOT / "rules" / "organisation.yaml")
                .read_text(encoding="utf-8")
                .replace("{nb: \"{received_by} (avdelingen som fikk henvendelsen)\"",
                         "{nb: \"{invitation_received_by} (avdelingen som fikk henvendelsen)\"", 1)
            }
        )
    ),
    "yaml-400-levels-deep": Case({"h.yaml": "rules:\n" + "".join("  " * i + "-\n" for i in range(1, 400))}),
    "latin-1-file": Case({"h.yaml": rules_file(rule("r", {"topic": "blåbær"})).encode("latin-1")}),
    "utf-16-file": Case({"h.yaml": rules_file(rule("r", {"topic": "blåbær"})).encode("utf-16")}),
    "50-mb-of-small-entries": Case({"h.yaml": "rules:\n" + "  - {id: a}\n" * 4_500_000}),
}

EXPECTED_CODES = {
    "one-rule-600-topics": ["rule-too-large"],
    "one-rule-600-dates": ["rule-too-large"],
    "any-of-14-all-pairs": ["rule-too-complex"],
    "all-of-20-any-over-derived": ["rule-too-wide"],
    "240-departments": ["too-many-departments"],
    "role-with-unknown-placeholder": ["unknown-placeholder"],
    "yaml-400-levels-deep": ["yaml-too-deep"],
    "latin-1-file": ["not-utf8"],
    "utf-16-file": ["not-utf8"],
    "50-mb-of-small-entries": ["yaml-too-large"],
}

EXPECTED_FIRED = {
    "48-rules-of-11-topics": [["r47"], ["r00"], []],
    "any-of-13-all-pairs": [["r"], []],
    "not-not-derived": [["a-needs"], []],
    "not-all-with-not-derived": [["a-needs"], [], ["a-needs"]],
    "chain-of-20-derived-facts-each-from-two-rules": [["z"], [], ["z"]],
    "chain-of-300-derived-facts": [["z"], []],
    "chain-of-1800-derived-facts": [["z"], []],
}


def _limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def write_case(case: Case, folder: Path) -> None:
    if case.shipped:
        shutil.copytree(ROOT / "rules", folder)
    else:
        folder.mkdir()
        for name, content in catalogue().items():
            (folder / name).write_text(str(content), encoding="utf-8")
    for name, content in case.files.items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content, encoding="utf-8")


@pytest.fixture(scope="module")
def children(tmp_path_factory) -> dict[str, Callable[[], dict[str, Any]]]:
    """Start every case at once (the machine has few cores, the cases mostly wait on imports)."""
    base = tmp_path_factory.mktemp("hostile")
    started = {}
    for name, case in CASES.items():
        write_case(case, base / name)
        started[name] = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(base / name), json.dumps(case.facts)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_limit_child,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )

    def result(name: str) -> dict[str, Any]:
        child = started[name]
        try:
            out, err = child.communicate(timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            pytest.fail(f"loading {name} did not end within {TIME_LIMIT} s")
        assert child.returncode == 0, f"{name} crashed ({child.returncode}):\n{err[-3000:]}"
        return json.loads(out)

    yield {name: (lambda name=name: result(name)) for name in CASES}
    for child in started.values():
        if child.poll() is None:
            child.kill()
            child.wait()


@pytest.mark.parametrize("name", sorted(EXPECTED_CODES))
def test_a_rule_file_durable_rules_cannot_take_is_refused_with_its_place(children, name):
    result = children[name]()

    assert "diagnostics" in result, f"{name} loaded: {result}"
    codes = [code for code, *_ in result["diagnostics"]]
    assert codes == EXPECTED_CODES[name]
    for code, location, nb, en, hint in result["diagnostics"]:
        path, line, col = location.rsplit(":", 2)
        assert path.endswith(".yaml") and int(line) >= 1 and int(col) >= 1, location
        assert nb and en and hint


@pytest.mark.parametrize("name", sorted(EXPECTED_FIRED))
def test_a_rule_file_at_the_edge_of_durable_rules_loads_and_answers_right(children, name):
    result = children[name]()

    assert result == {"fired": EXPECTED_FIRED[name]}


def test_the_shipped_rules_with_500_more_topics_load_and_answer_right(children):
    result = children["shipped-rules-and-500-topics"]()

    assert "r49" in result["fired"][0]


def test_check_reads_a_chain_of_1800_derived_facts_within_its_time(tmp_path):
    # `udi-rules check` followed the chain to find the duties a rule's prose may speak of: a stack frame a fact.
    write_case(Case(long_chain(1800)), tmp_path / "chain")
    udi_rules = shutil.which("udi-rules", path=str(Path(sys.executable).parent))
    command = [udi_rules] if udi_rules else [sys.executable, "-m", "udi_rules.tools.cli"]

    done = subprocess.run([*command, "check", str(tmp_path / "chain")], capture_output=True, text=True, timeout=TIME_LIMIT)

    assert done.returncode == 0, done.stderr[-3000:]
    assert "1802" in done.stdout
