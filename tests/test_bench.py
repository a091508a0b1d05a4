"""The benchmark compares like with like: its plain-Python and peer-engine rules answer as the engine does.

No timings are asserted here (the machine is shared); `make bench` measures.
The peers are checked when their packages are installed (they are in
`.venv-bench`, not in the test environment).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bench_all, peers  # noqa: E402
from benchmarks.by_hand import by_hand  # noqa: E402
from benchmarks.meetings import concluding_meeting_rules, engine_answer, generate, plain_facts  # noqa: E402

HANDFUL = 60
PEER_IMPORTS = {"zen-engine": "zen", "business-rules": "business_rules", "rule-engine": "rule_engine"}


@pytest.fixture(scope="module")
def handful(rulebook):
    meetings = generate(HANDFUL)
    return [(plain_facts(rulebook, m), engine_answer(rulebook, m)) for m in meetings]


def test_the_same_seed_gives_the_same_meetings_and_a_longer_run_extends_them():
    assert generate(50, seed=7) == generate(50, seed=7)
    assert generate(80)[:50] == generate(50)
    assert generate(50, seed=7) != generate(50, seed=8)


def test_the_handful_lets_every_conditional_rule_both_hold_and_fail(rulebook, handful):
    conditional = {r.rule.id for r in rulebook.checked.rules if r.rule.when is not None}
    held = [set(answer) for _, answer in handful]
    counts = {rule_id: sum(rule_id in h for h in held) for rule_id in concluding_meeting_rules(rulebook)}

    assert {r: c for r, c in counts.items() if r in conditional and not 0 < c < len(held)} == {}
    assert {r: c for r, c in counts.items() if r not in conditional and c != len(held)} == {}


def test_by_hand_concludes_what_the_engine_concludes(handful):
    wrong = [(facts, answer) for facts, answer in handful if by_hand(facts) != answer]

    assert not wrong


@pytest.mark.parametrize("label", sorted(peers.PEERS))
def test_each_peer_writes_exactly_the_concluding_meeting_rules_in_rulebook_order(rulebook, label):
    module = importlib.import_module(f"benchmarks.peers.{peers.PEERS[label]}")
    if label == "zen-engine":
        table = json.loads(module.JDM.read_text(encoding="utf-8"))["nodes"][1]["content"]["rules"]
        written = list(dict.fromkeys(json.loads(row["rule"]) for row in table))
    elif label == "business-rules":
        written = [rule_id for rule_id, _ in module.CONDITIONS]
    else:
        written = [rule_id for rule_id, _ in module.RULES]

    assert written == concluding_meeting_rules(rulebook)


@pytest.mark.parametrize("label", sorted(peers.PEERS))
def test_each_installed_peer_concludes_what_the_engine_concludes(label, handful):
    if importlib.util.find_spec(PEER_IMPORTS[label]) is None:
        pytest.skip(f"{label} is not installed here (make bench installs it in .venv-bench)")
    _, conclude = peers.load(label)
    wrong = [(facts, answer, conclude(facts)) for facts, answer in handful if conclude(facts) != answer]

    assert not wrong


def test_a_row_that_concludes_otherwise_is_counted_as_disagreeing(handful):
    facts = [f for f, _ in handful]
    answers = [a for _, a in handful]
    right = bench_all.Row("by hand", by_hand, facts, list)
    wrong = bench_all.Row("by hand, forgetful", lambda f: by_hand(f)[:-1], facts, list)

    bench_all.run_in_turns([right, wrong], answers, block=3)

    assert (right.agree, right.first_disagreement) == (len(handful), None)
    assert (wrong.agree, wrong.first_disagreement) == (0, 0)
    assert bench_all.agreement(wrong, len(handful)).startswith("DISAGREES 0/")
    assert len(right.samples) == len(handful)


def test_the_adapter_rows_agree_with_the_engine_on_the_handful(rulebook):
    meetings = generate(20)
    answers = [engine_answer(rulebook, m) for m in meetings]
    facts = [plain_facts(rulebook, m) for m in meetings]
    rows, _ = bench_all.build_rows(rulebook, meetings, facts, generate(5, seed=1))
    own = [r for r in rows if r.answer is not None and r.label.startswith(("Rulebook", "durable", "python", "by hand"))]

    bench_all.run_in_turns(own, answers, block=7)

    assert {r.label: r.agree for r in own} == {r.label: len(meetings) for r in own}
    assert {len(r.samples) for r in own} == {len(meetings)}


def test_rows_take_turns_a_block_at_a_time_each_round_starting_one_row_later():
    calls = []
    rows = [bench_all.Row(name, lambda x, name=name: calls.append((name, x)), list(range(6)), None) for name in "abc"]

    bench_all.run_in_turns(rows, [[]] * 6, block=2)

    assert calls == [
        ("a", 0), ("a", 1), ("b", 0), ("b", 1), ("c", 0), ("c", 1),
        ("b", 2), ("b", 3), ("c", 2), ("c", 3), ("a", 2), ("a", 3),
        ("c", 4), ("c", 5), ("a", 4), ("a", 5), ("b", 4), ("b", 5),
    ]


def test_the_goal_row_decides_on_a_rulebook_of_its_own_and_the_again_row_on_the_one_that_found_the_answers(rulebook):
    meetings = generate(3)
    rows, _ = bench_all.build_rows(rulebook, meetings, [plain_facts(rulebook, m) for m in meetings], meetings[:1])
    by_label = {r.label: r for r in rows}

    goal = by_label["Rulebook.evaluate (validation + decision)"].call.__self__
    assert goal is not rulebook and goal.digest == rulebook.digest
    assert by_label["Rulebook.evaluate, the same meetings again"].call.__self__ is rulebook


def _rows_with_load(monkeypatch, rulebook, load):
    monkeypatch.setattr(bench_all.Rulebook, "load", staticmethod(load))
    meetings = generate(3)
    return bench_all.build_rows(rulebook, meetings, [plain_facts(rulebook, m) for m in meetings], meetings[:1])


def test_the_python_engine_rows_appear_once_rulebook_load_takes_an_engine(monkeypatch, rulebook):
    def load(path, engine="durable"):
        return rulebook if engine == "python" else real_load(path)

    real_load = bench_all.Rulebook.load

    rows, missing = _rows_with_load(monkeypatch, rulebook, load)

    assert [r.label for r in rows if "python" in r.label] == [
        'Rulebook.evaluate, engine="python"', "python engine: validate + encode + run"]
    assert not [m for m in missing if m.startswith("python")]


def test_without_a_python_engine_the_table_says_n_a(monkeypatch, rulebook):
    rows, missing = _rows_with_load(monkeypatch, rulebook, lambda path: rulebook)

    assert not [r for r in rows if "python" in r.label]
    assert [m for m in missing if m.startswith("python")] == ["python engine: n/a (Rulebook.load has no engine= yet)"]
