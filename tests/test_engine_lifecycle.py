"""The engine gives its memory back, survives `fork`, and lets no foreign exception out.

These pin the adapter (`durable_engine.py`) on its own; decisions are
compared with the same rulebook's answers in the test process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from typing import Any

import pytest

import udi_rules.durable_engine as durable_engine
from engine_support import meeting
from udi_rules import EngineError, Rulebook
from udi_rules.durable_engine import DurableEngine

PAGE = os.sysconf("SC_PAGE_SIZE")
HANG_LIMIT = 60  # seconds for forked children to finish one evaluation each
MEETINGS = [
    meeting(),
    meeting(forum="NU", meeting_level="leader", official_minutes_expected=True),
    meeting(forum="IGC", principled_questions_discussed=True, departments_concerned=["OPA", "RMA"]),
    meeting(forum="Schengen", invitation_signals_budget_consequences=True, agenda_level="strategic"),
]


class _CountingDurable:
    """durable-rules' C module, counting `delete_ruleset` per handle."""

    def __init__(self, real: Any):
        self.real = real
        self.deleted: list[int] = []

    def delete_ruleset(self, handle: int) -> None:
        self.deleted.append(handle)
        self.real.delete_ruleset(handle)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.fixture
def counting(monkeypatch) -> _CountingDurable:
    spy = _CountingDurable(durable_engine._dre)
    monkeypatch.setattr(durable_engine, "_dre", spy)
    return spy


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


def test_an_engine_dropped_without_close_frees_every_ruleset_once(rulebook, counting):
    engine = DurableEngine(rulebook.compiled)
    handles = list(engine._handles)

    del engine
    gc.collect()

    assert sorted(counting.deleted) == sorted(handles)


def test_an_engine_closed_and_then_dropped_frees_nothing_twice(rulebook, counting):
    engine = DurableEngine(rulebook.compiled)
    handles = list(engine._handles)

    engine.close()
    engine.close()
    del engine
    gc.collect()

    assert sorted(counting.deleted) == sorted(handles)


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads resident memory from /proc")
def test_two_hundred_engines_dropped_without_close_keep_memory_flat(rulebook):
    for _ in range(20):
        DurableEngine(rulebook.compiled)
    before = resident_bytes()

    for _ in range(200):
        DurableEngine(rulebook.compiled)
    gc.collect()

    grown = resident_bytes() - before
    assert grown < 8 << 20, f"200 dropped engines kept {grown / 2**20:.1f} MB (about 420 KB each leaks)"


def test_an_engine_durable_rules_cannot_build_raises_engine_error_and_leaves_nothing(rulebook, counting, monkeypatch):
    compiled = rulebook.compiled
    assert sum(len(compiled.chunks(kind)) for kind in compiled.kinds()) >= 2
    calls = []
    real_create = counting.real.create_ruleset

    def failing_create(name: str, text: str) -> int:
        calls.append(name)
        if len(calls) == 2:
            raise counting.real.error("Could not create ruleset, error code: 113")
        return real_create(name, text)

    monkeypatch.setattr(counting, "create_ruleset", failing_create, raising=False)

    with pytest.raises(EngineError, match="113"):
        DurableEngine(compiled)

    assert len(counting.deleted) == 1


@pytest.mark.parametrize(
    "value",
    ["lone \ud800 surrogate", float("nan"), 2**70, {"deep": [[[[[]]]]]}, "x" * 70_000],
    ids=["surrogate", "nan", "huge-int", "nested", "long-text"],
)
def test_whatever_the_engine_is_handed_it_answers_or_raises_engine_error(rulebook, value):
    engine = rulebook._engine
    fact = rulebook.compiled.encode("meeting", {"forum": "EMN", "topic": value})

    try:
        engine.run("meeting", fact)
    except EngineError as error:
        assert len(str(error)) < 400

    assert engine.run("meeting", rulebook.compiled.encode("meeting", {"forum": "EMN"}))[0] is not None


def test_a_fact_nested_past_the_recursion_limit_raises_engine_error(rulebook):
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]

    with pytest.raises(EngineError):
        rulebook._engine.run("meeting", {"t": "meeting", "topic": deep})


# --- fork ---------------------------------------------------------------------


def _answers(facts: dict[str, Any]) -> list[str]:
    return Rulebook.default().evaluate(facts).rule_ids


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # 3.12+ warns about fork in a threaded process
def test_a_worker_pool_forked_while_another_thread_evaluates_gives_the_right_decisions(rulebook):
    expected = [rulebook.evaluate(m).rule_ids for m in MEETINGS]
    stop = threading.Event()
    busy = 0

    def evaluate_all_the_time() -> None:
        nonlocal busy
        while not stop.is_set():
            rulebook.evaluate(MEETINGS[busy % len(MEETINGS)])
            busy += 1

    worker = threading.Thread(target=evaluate_all_the_time)
    worker.start()
    try:
        for _ in range(3):
            with multiprocessing.get_context("fork").Pool(4) as pool:
                answers = pool.map_async(_answers, MEETINGS * 5).get(timeout=60)
            assert answers == expected * 5
    finally:
        stop.set()
        worker.join()
    assert busy > 0


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_children_forked_in_the_middle_of_evaluations_never_hang(rulebook):
    expected = rulebook.evaluate(MEETINGS[1]).rule_ids
    stop = threading.Event()

    def evaluate_all_the_time() -> None:
        while not stop.is_set():
            rulebook.evaluate(MEETINGS[0])

    threads = [threading.Thread(target=evaluate_all_the_time) for _ in range(2)]
    for thread in threads:
        thread.start()
    children = []
    try:
        for _ in range(30):
            pid = os.fork()
            if pid == 0:  # the child: one evaluation, then out without running the parent's cleanup
                try:
                    ok = rulebook.evaluate(MEETINGS[1]).rule_ids == expected
                finally:
                    os._exit(0 if ok else 1)  # noqa: F821 - ok is bound unless evaluate raised
            children.append(pid)
            time.sleep(0.002)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    deadline = time.monotonic() + HANG_LIMIT
    codes = {}
    while children and time.monotonic() < deadline:
        for pid in list(children):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                codes[pid] = os.waitstatus_to_exitcode(status)
                children.remove(pid)
        time.sleep(0.01)
    for pid in children:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    assert not children, f"{len(children)} of 30 children hung"
    assert set(codes.values()) == {0}
