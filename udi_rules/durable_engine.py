"""The one door to durable-rules: runs a compiled ruleset on one fact at a time.

This is the only module that imports durable-rules. It drives the C module
directly instead of `durable.engine.Host`, which starts timer threads that
steal actions and can crash (docs/engine.md has the measurements behind
every point below). The safety measures, each for a measured failure:

* one fixed session id per ruleset, used under a lock: never more than one
  live session per ruleset (the 1024-session limit poisons a ruleset), no
  session-hash collisions, no actions run by another thread. A ruleset that
  joins on no derived fact keeps its session, each fact retracted once its
  agenda is drained (a new session costs durable-rules as much as the fact);
  the others delete it after every evaluation. Any failure deletes it;
* a catch-all sentinel rule and one warm-up evaluation per ruleset, so that
  deleting a session never frees memory no action has initialised;
* activations collected as a set of rule names: a rule whose `$or` has
  several true branches fires once per branch;
* no Python actions at all, so no exception can be swallowed; derived facts
  the compiler could not write into the conditions that need them are
  asserted by this loop, which chains them into every chunk of the rulebook
  that uses them until nothing new follows (a fixpoint);
* any failure inside an evaluation becomes an `EngineError` after the
  session is deleted. A session that cannot be deleted would leak its facts
  into the next evaluation, so the next evaluation deletes it first, and
  refuses to run while that still fails;
* an engine dropped without `close()` frees its rulesets when it is
  collected (each holds some hundred KB of C memory), and never twice;
* `fork` waits until no thread is inside an evaluation (the engines' locks
  are taken around it), so a child never inherits a lock held for ever by a
  thread that does not exist in it, nor a half-finished session;
* many facts (`run_many`) go in batches of `BATCH` into a second set of
  rulesets built on first use: every rule there has `cap`, so that one
  action lists every fact it matched, every fact carries its index, and
  joins on derived facts join on it. A batch whose sentinels did not see
  every fact it asserted (a duplicate, or durable's 32-bit message hash
  colliding) is run again fact by fact, so a batch answers exactly as one
  evaluation per fact would.
"""

from __future__ import annotations

import ctypes
import json
import math
import os
import re
import threading
import weakref
from typing import Any

import durable_rules_engine as _dre
import orjson

from .compile import CompiledRuleset
from .errors import EngineError

SESSION = "udi"
#: The catch-all rule's name; `#` cannot start a rule id, so no rule can take it.
SENTINEL = "#sentinel"
#: In the batch rulesets: the catch-all rule for derived facts, and the property that holds a fact's index.
DERIVED_SENTINEL = "#derived"
INDEX = "#i"
#: The name of the one fact an evaluation asserts (`_message`).
FACT_ID = "fact"
#: Facts per session in `run_many`: few enough that durable's 32-bit message hashes seldom collide
#: (and a batch where they did is run again fact by fact), many enough that its actions are few.
BATCH = 100
_INDEX_IN_PAYLOAD = re.compile(r'"#i":\s*(\d+)')
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


class _Chunk:
    """One durable ruleset: its handle and the derived facts its rules join on."""

    __slots__ = ("handle", "uses")

    def __init__(self, handle: int, uses: frozenset[str]):
        self.handle = handle
        self.uses = uses


def _free(handles: list[int]) -> None:
    """Delete every ruleset in `handles` with the session it keeps, once: the list is emptied as it goes.
    (Deleting a ruleset leaves its sessions' memory behind.)"""
    while handles:
        handle = handles.pop()
        try:
            _dre.delete_state(handle, SESSION)
        except Exception:  # noqa: BLE001 - no session (code 309), or none that can be deleted
            pass
        try:
            _dre.delete_ruleset(handle)
        except Exception:  # noqa: BLE001 - nothing more can be done for this one
            pass


_live: "weakref.WeakSet[DurableEngine]" = weakref.WeakSet()
_held: list[threading.Lock] = []


def _before_fork() -> None:
    """Wait until no thread evaluates, and keep it so until the fork is done."""
    for engine in sorted(list(_live), key=id):
        engine._lock.acquire()
        _held.append(engine._lock)


def _after_fork() -> None:
    while _held:
        _held.pop().release()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_parent=_after_fork, after_in_child=_after_fork)


class DurableEngine:
    """A compiled ruleset loaded into durable-rules, safe to share between threads (and across fork).

    Raises:
        EngineError: durable-rules could not build a ruleset (the compiler
            should have refused it first; nothing is left behind).
    """

    def __init__(self, compiled: CompiledRuleset):
        _tune_allocator()
        self._rule_of = compiled.rule_of
        #: The compiled rules behind each durable rule: rules with the same condition are one durable rule.
        self._members: dict[str, tuple[str, ...]] = {}
        #: What each durable rule's firing means: the rule ids behind it, and the (derived fact, rule id) it adds.
        self._outcome_of: dict[str, tuple[frozenset[str], tuple[tuple[str, str], ...]]] = {}
        self._derives = {name: tuple(facts) for name, facts in compiled.derives.items()}
        self._lock = threading.Lock()
        self._closed = False
        self._stale: list[_Chunk] = []  # sessions a failed delete left behind
        self._chunks: dict[str, list[_Chunk]] = {}
        #: For each kind whose rules are one ruleset that joins on no derived fact: that ruleset, which keeps its
        #: session between facts (`_drain`).
        self._kept: dict[str, _Chunk] = {}
        self._compiled = compiled
        self._batch_chunks: dict[str, list[_Chunk]] = {}  # built by the first `run_many` of each kind
        self._derived_json = {
            name: json.dumps({"sid": SESSION, "t": "derived", "name": name})
            for names in self._derives.values()
            for name in names
        }
        self._handles: list[int] = []
        self._finalizer = weakref.finalize(self, _free, self._handles)
        self._finalizer.atexit = False  # at exit the process gives the memory back anyway
        serial = next(_names)
        try:
            for kind in compiled.kinds():
                chunks = []
                for chunk in compiled.chunks(kind):
                    rules = self._grouped(chunk["rules"])
                    rules[SENTINEL] = {"pri": 65535, "all": [{"m": {"t": kind}}]}
                    text = json.dumps(rules, ensure_ascii=False)
                    handle = _dre.create_ruleset(f"{chunk['name']}-{serial}", text)
                    self._handles.append(handle)
                    chunks.append(_Chunk(handle, frozenset(_derived_used(chunk["rules"]))))
                self._chunks[kind] = chunks
                if len(chunks) == 1 and not chunks[0].uses:
                    self._kept[kind] = chunks[0]
                self.run(kind, {"t": kind})  # warm-up: the session slot has now run an action
        except Exception as exc:
            self._finalizer()
            self._closed = True
            if isinstance(exc, EngineError):
                raise
            raise EngineError(f"durable-rules could not build the rules: {type(exc).__name__}: {exc} ({_code(exc)})") from exc
        _live.add(self)

    def run(self, kind: str, fact: dict[str, Any]) -> tuple[set[str], dict[str, list[str]]]:
        """Every rule that fires for `fact`, and each derived fact with the rules that derived it.

        The rules that derived a fact are listed in the order they fired;
        callers that show them put them in rulebook order.

        Raises:
            EngineError: durable-rules refused the fact or failed; the session is gone again.
        """
        message = _message(fact, named=True)
        if kind in self._kept:  # the common case: one ruleset, nothing to assert on the way
            return self._drain_each(kind, [message])[0]
        fired: set[str] = set()
        derived: dict[str, list[str]] = {}
        with self._lock:
            if self._closed:
                raise EngineError("the rulebook is closed")
            chunks = self._chunks.get(kind)
            if not chunks:
                return fired, derived
            with _Session(self, "the fact") as started:
                if len(chunks) == 1:  # no derived fact has another chunk to go to
                    started.append(chunks[0])
                    self._assert(chunks[0], message, fired, derived)
                    return {self._rule_of[n] for n in fired}, derived
                pending = {chunk: [message] for chunk in chunks}
                while any(pending.values()):
                    for chunk in chunks:
                        batch, pending[chunk] = pending[chunk], []
                        if batch and chunk not in started:
                            started.append(chunk)
                        for text in batch:
                            for name in self._assert(chunk, text, fired, derived):
                                for other in chunks:
                                    if other is not chunk and name in other.uses:
                                        pending[other].append(self._derived_json[name])
        return {self._rule_of[n] for n in fired}, derived

    def run_many(self, kind: str, facts: list[dict[str, Any]]) -> list[tuple[set[str], dict[str, list[str]]]]:
        """What `run` gives for each of `facts`, in their order, evaluated `BATCH` at a time where that pays.

        It pays where each evaluation would need a session of its own (rules that join on derived facts).
        A ruleset that joins on nothing keeps its session between facts, and one fact at a time through it
        costs less than a batch (whose actions list up to `BATCH` facts each, to be read back): there the
        facts go through one by one, `BATCH` of them for each hold of the lock.

        Raises:
            EngineError: as `run`; then nothing is returned for any fact.
        """
        if kind in self._kept:
            out = []
            for start in range(0, len(facts), BATCH):  # the lock is let go between them, for other threads
                out.extend(self._drain_each(kind, [_message(fact, named=True) for fact in facts[start : start + BATCH]]))
            return out
        messages = [_message({**fact, INDEX: i}) for i, fact in enumerate(facts)]
        out: list[tuple[set[str], dict[str, list[str]]]] = []
        for start in range(0, len(facts), BATCH):
            batch = messages[start : start + BATCH]
            with self._lock:
                found = self._run_batch(kind, batch, start)
            if found is None:  # the sentinels missed a fact: this batch again, one fact at a time
                found = [self.run(kind, fact) for fact in facts[start : start + BATCH]]
            out.extend(found)
        return out

    def _drain_each(self, kind: str, messages: list[str]) -> list[tuple[set[str], dict[str, list[str]]]]:
        """What `run` gives for each message, through the kept session of `kind`, under one hold of the lock.

        Raises:
            EngineError: as `run`; then nothing is returned for any message.
        """
        with self._lock:
            kept = self._kept.get(kind)
            if self._closed or kept is None:
                raise EngineError("the rulebook is closed")
            out = []
            with _Session(self, "the fact") as started:
                drain, outcome, handle = self._drain, self._outcome, kept.handle
                for message in messages:
                    try:
                        names = drain(handle, message)
                    except BaseException:
                        started.append(kept)  # whatever the session holds now goes with it
                        raise
                    out.append(outcome(names))
            return out

    def _run_batch(self, kind: str, messages: list[str], start: int) -> list[tuple[set[str], dict[str, list[str]]]] | None:
        """One batch through the batch rulesets (the lock is held); None if a sentinel missed a fact."""
        if self._closed:
            raise EngineError("the rulebook is closed")
        chunks = self._batch_chunks.get(kind)
        if chunks is None:
            chunks = self._batch_chunks[kind] = self._build_batch_chunks(kind)
        fired: list[set[str]] = [set() for _ in messages]
        derived: list[dict[str, list[str]]] = [{} for _ in messages]
        if not chunks:
            return list(zip(fired, derived))
        complete = True
        with _Session(self, "the facts") as started:
            pending: dict[_Chunk, list[str]] = {chunk: list(messages) for chunk in chunks}
            while any(pending.values()):
                for chunk in chunks:
                    batch, pending[chunk] = pending[chunk], []
                    if not batch:
                        continue
                    if chunk not in started:
                        started.append(chunk)
                    new = self._assert_batch(chunk, batch, start, fired, derived)
                    if new is None:
                        complete = False
                        break
                    for i, name in new:
                        text = _message({"t": "derived", "name": name, INDEX: start + i})
                        for other in chunks:
                            if name in other.uses:
                                pending[other].append(text)
                if not complete:
                    break
        if not complete:
            return None
        return [({self._rule_of[n] for n in names}, found) for names, found in zip(fired, derived)]

    def _assert_batch(
        self, chunk: _Chunk, messages: list[str], start: int, fired: list[set[str]], derived: list[dict[str, list[str]]]
    ) -> list[tuple[int, str]] | None:
        """Assert facts together and drain the agenda; return the derived facts that are new, as (index, name),
        or None when the sentinels did not see every fact asserted."""
        handle = chunk.handle
        code, offset = _dre.assert_facts(handle, "[" + ",".join(messages) + "]")
        if code == 2:  # one of them was taken for a fact seen before
            return None
        expected = len(messages)
        seen = 0
        new: list[tuple[int, str]] = []
        result = _dre.start_action_for_state(handle, offset)
        payload = result[1] if result else None
        while payload:
            # A payload is `{"<rule>":[{"m":{...,"#i":N},...},...]}`; rule names never contain a quote.
            # Each fact in it holds its index once, and a JSON string cannot hold `"#i":` unescaped.
            name = payload[2 : payload.index('"', 2)]
            found = _INDEX_IN_PAYLOAD.findall(payload)
            if name == SENTINEL or name == DERIVED_SENTINEL:
                seen += len(found)
            else:
                members = self._members[name]
                for i in {int(i) - start for i in found}:
                    new.extend((i, fact) for fact in self._fire(members, fired[i], derived[i]))
            payload = _dre.complete_and_start_action(handle, offset)
        return new if seen == expected else None

    def _build_batch_chunks(self, kind: str) -> list[_Chunk]:
        """The rulesets of `kind` for batches: `cap` on every rule, joins on the fact's index, sentinels for
        facts and derived facts; each warmed up with one fact. The lock is held."""
        chunks = []
        try:
            for chunk in self._compiled.chunks(kind):
                rules = self._grouped(chunk["rules"])
                for rule in rules.values():
                    rule["cap"] = BATCH
                    for pattern in rule["all"]:
                        (name, node), = pattern.items()
                        if name != "m":  # a derived fact: of the same fact as the one `m` matched
                            node["$and"].append({INDEX: {"m": INDEX}})
                rules[SENTINEL] = {"pri": 65535, "cap": BATCH, "all": [{"m": {"t": kind}}]}
                rules[DERIVED_SENTINEL] = {"pri": 65535, "cap": BATCH, "all": [{"m": {"t": "derived"}}]}
                handle = _dre.create_ruleset(f"{chunk['name']}-batch-{next(_names)}", json.dumps(rules, ensure_ascii=False))
                self._handles.append(handle)
                chunks.append(_Chunk(handle, frozenset(_derived_used(chunk["rules"]))))
        except Exception as exc:
            raise EngineError(f"durable-rules could not build the rules for batches: {type(exc).__name__}: {_short(exc)} ({_code(exc)})") from exc
        warm_up = [_message({"t": kind, INDEX: 0})]
        for chunk in chunks:  # the session slot runs an action before any session is deleted
            try:
                self._assert_batch(chunk, warm_up, 0, [set()], [{}])
            finally:
                self._delete([chunk])
        return chunks

    def _drain(self, handle: int, message: str) -> list[str]:
        """Assert one fact into a ruleset that joins on no derived fact, drain its agenda and retract it
        again; return the durable rules that fired, in the order they fired (a rule whose `$or` holds twice
        is there twice).

        The session stays for the next fact: an empty session again once the fact is retracted, and
        making a new one costs durable-rules as much as the rest of the evaluation (it clears some
        hundred KB). The caller deletes it if anything here fails.
        """
        code, offset = _dre.assert_fact(handle, message)
        if code == 2:  # the session still held this fact (it cannot, once retracted): start a new one
            _dre.delete_state(handle, SESSION)
            offset = _put(handle, message)
        names = []
        result = _dre.start_action_for_state(handle, offset)
        payload = result[1] if result else None
        while payload:
            names.append(payload[2 : payload.index('"', 2)])  # `{"<rule>":{...}}`; no rule name holds a quote
            payload = _dre.complete_and_start_action(handle, offset)
        # durable-rules finds a fact to retract by its session and id alone: a named fact need not be read again
        _dre.retract_fact(handle, _NAMED_FACT if message.startswith(_NAMED_PREFIX) else message)
        return names

    def _outcome(self, names: list[str]) -> tuple[set[str], dict[str, list[str]]]:
        """The rules and derived facts (as `run` gives them) of the durable rules `names` that fired."""
        fired: set[str] = set()
        derived: dict[str, list[str]] = {}
        outcome_of = self._outcome_of
        for name in names:
            found = outcome_of.get(name)
            if found is None:  # the sentinel
                continue
            rules, derives = found
            fired |= rules
            for fact, rule_id in derives:
                holders = derived.get(fact)
                if holders is None:
                    derived[fact] = [rule_id]
                elif rule_id not in holders:
                    holders.append(rule_id)
        return fired, derived

    def _assert(self, chunk: _Chunk, message: str, fired: set[str], derived: dict[str, list[str]]) -> list[str]:
        """Assert one fact and drain the agenda; return derived facts that are new."""
        handle = chunk.handle
        new: list[str] = []
        offset = _put(handle, message)
        result = _dre.start_action_for_state(handle, offset)
        payload = result[1] if result else None
        while payload:
            # A payload is `{"<rule>":{...}}`; rule names never contain a quote.
            name = payload[2 : payload.index('"', 2)]
            for fact in self._fire(self._members.get(name, ()), fired, derived):  # no members: the sentinel
                new.append(fact)
                if fact in chunk.uses:
                    _put(handle, self._derived_json[fact])
            payload = _dre.complete_and_start_action(handle, offset)
        return new

    def _fire(self, members: tuple[str, ...], fired: set[str], derived: dict[str, list[str]]) -> list[str]:
        """Record that the compiled rules `members` fired for one fact; return the derived facts that are new."""
        new = []
        for member in members:
            if member in fired:
                continue
            fired.add(member)
            rule_id = self._rule_of[member]
            for fact in self._derives.get(member, ()):
                holders = derived.get(fact)
                if holders is None:
                    derived[fact] = [rule_id]
                    new.append(fact)
                elif rule_id not in holders:
                    holders.append(rule_id)
        return new

    def _grouped(self, rules: dict[str, Any]) -> dict[str, Any]:
        """A chunk's rules as durable rules, one for each distinct condition (a copy: the engine must never
        share our dicts); `_members` learns which compiled rules each stands for.

        Twelve of the shipped meeting rules hold for every meeting: as one durable rule they cost one
        action per meeting instead of twelve.
        """
        groups: dict[str, list[str]] = {}
        for name, rule in rules.items():
            groups.setdefault(json.dumps(rule, sort_keys=True), []).append(name)
        out: dict[str, Any] = {}
        for body, names in groups.items():
            # A rule id cannot start with `#`, so `#=<first rule>` names no rule and no sentinel.
            durable_name = names[0] if len(names) == 1 else f"#={names[0]}"
            self._members[durable_name] = tuple(names)
            self._outcome_of[durable_name] = (
                frozenset(self._rule_of[n] for n in names),
                tuple((fact, self._rule_of[n]) for n in names for fact in self._derives.get(n, ())),
            )
            out[durable_name] = json.loads(body)
        return out

    def _delete(self, chunks: list[_Chunk]) -> None:
        """Delete the session in each chunk; remember those where that failed."""
        stale = []
        for chunk in chunks:
            try:
                _dre.delete_state(chunk.handle, SESSION)
            except _dre.error as exc:
                if _code(exc) != "code 309":  # 309: no such session (the fact was refused before it began)
                    stale.append(chunk)
            except Exception:  # noqa: BLE001 - whatever it was, the session may still hold facts
                stale.append(chunk)
        self._stale = stale

    def close(self) -> None:
        """Free the rulesets (durable-rules keeps some memory regardless); closing twice is harmless."""
        with self._lock:
            self._finalizer()
            self._chunks = {}
            self._kept = {}
            self._closed = True


#: How every message starts: the one session's id (see `_message`).
_SESSION_FIELD = '{"sid":' + json.dumps(SESSION) + ","
#: How the message of the fact named `FACT_ID` starts, and all durable-rules needs to retract it.
_NAMED_PREFIX = _SESSION_FIELD + '"id":' + json.dumps(FACT_ID) + ","
_NAMED_FACT = _NAMED_PREFIX[:-1] + "}"


class _Session:
    """One evaluation's session, the engine's lock held: a session an earlier failure left is deleted first;
    every failure inside becomes an `EngineError`; the session is deleted in each chunk the caller added to
    the list `with` gives it, whatever happened. (A class: cheaper than a generator, once per evaluation.)"""

    __slots__ = ("engine", "what", "started")

    def __init__(self, engine: DurableEngine, what: str):
        self.engine = engine
        self.what = what
        self.started: list[_Chunk] = []

    def __enter__(self) -> list[_Chunk]:
        engine = self.engine
        if engine._stale:
            engine._delete(engine._stale)
            if engine._stale:
                raise EngineError("durable-rules could not delete the previous session; nothing was evaluated")
        return self.started

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: Any) -> None:
        self.engine._delete(self.started)
        if exc is None or isinstance(exc, EngineError) or not isinstance(exc, Exception):
            return
        if isinstance(exc, (_dre.error, MemoryError)):
            raise EngineError(f"durable-rules refused {self.what}: {_short(exc)} ({_code(exc)})") from exc
        raise EngineError(f"the rule engine failed: {type(exc).__name__}: {_short(exc)}") from exc


def _message(fact: dict[str, Any], named: bool = False) -> str:
    """A fact as the JSON text durable-rules reads, in the session `SESSION`.

    `named` gives the fact the name `FACT_ID`. durable-rules names a fact
    without one by a hash of all its values, worked out on assert and again
    on retract, and retracting it means parsing it again; a named one is
    retracted by its name alone (`_NAMED_FACT`). The one fact of an
    evaluation, retracted before the next, needs no more than a fixed name:
    36,000 fewer instructions an evaluation (647,000 before, callgrind).

    Raises:
        EngineError: the fact cannot be written as JSON (a lone surrogate, a number out of range, ...).
    """
    try:
        for value in fact.values():  # orjson writes NaN and infinity as null: refuse them as json would
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(f"{value} is not a JSON number")
        if not fact or "sid" in fact or "id" in fact:  # (a fact's own `id` is what durable-rules goes by)
            ids = {"sid": SESSION, "id": FACT_ID} if named and "id" not in fact else {"sid": SESSION}
            return orjson.dumps({**fact, **ids}).decode()
        return (_NAMED_PREFIX if named else _SESSION_FIELD) + orjson.dumps(fact).decode()[1:]
    except Exception as exc:  # noqa: BLE001 - whatever the value was, it is refused whole
        raise EngineError(f"the fact cannot be written as JSON: {type(exc).__name__}: {_short(exc)}") from exc


def _put(handle: int, message: str) -> int:
    """Assert a fact into the session; return the session's offset for the agenda calls."""
    code, offset = _dre.assert_fact(handle, message)  # 0 handled, 1 no rule matched (fine), 2 seen before
    if code == 2:  # each fact enters a session once: a stale session, or durable's 32-bit message hash collided
        raise EngineError("durable-rules took a fact for one it had seen before; nothing was evaluated")
    return offset


def _derived_used(rules: dict[str, Any]) -> set[str]:
    """The derived facts the rules of one chunk join on."""
    used = set()
    for rule in rules.values():
        for pattern in rule["all"]:
            (name, node), = pattern.items()
            if name != "m":
                used.update(t["name"] for t in node["$and"] if "name" in t)
    return used


def _short(exc: BaseException) -> str:
    """An exception's text, cut so that a huge input never makes a huge message."""
    text = str(exc)
    return text if len(text) <= 200 else text[:197] + "..."


def _code(exc: BaseException) -> str:
    match = re.search(r"error code: (\d+)", str(exc))
    return f"code {match.group(1)}" if match else type(exc).__name__
