"""The one door to durable-rules: runs a compiled ruleset on one fact at a time.

This is the only module that imports durable-rules. It drives the C module
directly instead of `durable.engine.Host`, which starts timer threads that
steal actions and can crash (see `shared/notes/durable-rules.md`). The
safety measures, each for a measured failure:

* one fixed session id, created and deleted under a lock for every
  evaluation: never more than one live session per ruleset (the 1024-session
  limit poisons a ruleset), no session-hash collisions, no actions run by
  another thread;
* a catch-all sentinel rule and one warm-up evaluation per ruleset, so that
  deleting a session never frees memory no action has initialised;
* activations collected as a set of rule names: a rule whose `$or` has
  several true branches fires once per branch;
* no Python actions at all, so no exception can be swallowed; derived facts
  are asserted by this loop, which chains them into every chunk of the
  rulebook until nothing new follows (a fixpoint).
"""

from __future__ import annotations

import ctypes
import json
import re
import threading
from typing import Any

import durable_rules_engine as _dre

from .compile import CompiledRuleset
from .errors import EngineError

SESSION = "udi"
SENTINEL = "zz_sentinel"
_names = iter(range(1, 1 << 62))
_tuned = False


def _tune_allocator() -> None:
    """Keep glibc from trimming and regrowing the heap on every session.

    Each session allocates and frees about 140 KB; without this, latency
    flips between two modes depending on heap history.
    """
    global _tuned
    if _tuned:
        return
    _tuned = True
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-1, 64 << 20)  # M_TRIM_THRESHOLD
        libc.mallopt(-2, 16 << 20)  # M_TOP_PAD
    except (OSError, AttributeError):
        pass


class DurableEngine:
    """A compiled ruleset loaded into durable-rules, safe to share between threads."""

    def __init__(self, compiled: CompiledRuleset):
        _tune_allocator()
        self._rule_of = compiled.rule_of
        self._derives = compiled.derives
        self._lock = threading.Lock()
        self._handles: dict[str, list[int]] = {}
        self._derived_json: dict[str, str] = {}
        serial = next(_names)
        for kind in compiled.kinds():
            handles = []
            for chunk in compiled.chunks(kind):
                rules = json.loads(json.dumps(chunk["rules"]))  # the engine must never share our dicts
                rules[SENTINEL] = {"pri": 65535, "all": [{"m": {"t": kind}}]}
                handle = _dre.create_ruleset(f"{chunk['name']}-{serial}", json.dumps(rules, ensure_ascii=False))
                handles.append(handle)
            self._handles[kind] = handles
            self.run(kind, {"t": kind})  # warm-up: the session slot has now run an action
        for names in self._derives.values():
            for name in names:
                self._derived_json[name] = json.dumps({"sid": SESSION, "t": "derived", "name": name})

    def run(self, kind: str, fact: dict[str, Any]) -> tuple[set[str], dict[str, list[str]]]:
        """Every rule that fires for `fact`, and each derived fact with the rules that derived it.

        Raises:
            EngineError: durable-rules refused the fact; the session is gone again.
        """
        handles = self._handles.get(kind, [])
        fact_json = json.dumps(dict(fact, sid=SESSION), ensure_ascii=False)
        fired: set[str] = set()
        derived: dict[str, list[str]] = {}
        with self._lock:
            started: list[int] = []
            try:
                pending = {h: [fact_json] for h in handles}
                while any(pending.values()):
                    for handle in handles:
                        batch, pending[handle] = pending[handle], []
                        for message in batch:
                            if handle not in started:
                                started.append(handle)
                            for name in self._assert(handle, message, fired, derived):
                                for other in handles:
                                    if other != handle:
                                        pending[other].append(self._derived_json[name])
            except (_dre.error, MemoryError) as exc:
                raise EngineError(f"durable-rules refused the fact: {exc} ({_code(exc)})") from exc
            finally:
                for handle in started:
                    try:
                        _dre.delete_state(handle, SESSION)
                    except _dre.error:
                        pass
        return {self._rule_of[n] for n in fired}, derived

    def _assert(self, handle: int, message: str, fired: set[str], derived: dict[str, list[str]]) -> list[str]:
        """Assert one fact and drain the agenda; return derived facts that are new."""
        new: list[str] = []
        _code_, offset = _dre.assert_fact(handle, message)
        result = _dre.start_action_for_state(handle, offset)
        payload = result[1] if result else None
        while payload:
            for name in json.loads(payload):
                if name == SENTINEL:
                    continue
                fired.add(name)
                rule_id = self._rule_of[name]
                for fact in self._derives.get(name, ()):
                    holders = derived.get(fact)
                    if holders is None:
                        derived[fact] = [rule_id]
                        new.append(fact)
                        _dre.assert_fact(handle, self._derived_json[fact])
                    elif rule_id not in holders:
                        holders.append(rule_id)
            payload = _dre.complete_and_start_action(handle, offset)
        return new

    def close(self) -> None:
        """Free the rulesets (durable-rules keeps some memory regardless)."""
        with self._lock:
            for handles in self._handles.values():
                for handle in handles:
                    try:
                        _dre.delete_ruleset(handle)
                    except _dre.error:
                        pass
            self._handles = {}


def _code(exc: BaseException) -> str:
    match = re.search(r"error code: (\d+)", str(exc))
    return f"code {match.group(1)}" if match else type(exc).__name__
