"""Checked rulebook → a durable-rules ruleset as plain, JSON-serialisable data.

Pure translation; nothing here imports durable-rules. What it absorbs:

* durable-rules has no `not`: negations are pushed down to the leaves
  (`$neq`, `$lte`, ...). An unknown value is left out of the fact, and
  durable-rules never matches a test, plain or negated, on a missing
  property: so the engine fires exactly the rules that hold whatever the
  unknown answers turn out to be, literal by literal (Kleene's "true").
  Which rules *may* apply is worked out in `conditions.py`.
* Facts are encoded the way the tests expect them: dates as day numbers,
  lists of departments or delegation members as one true/false flag per
  catalogue entry, and unknown values left out.
* Every pattern starts with a `t` test (the fact kind), so no rule can match
  the engine's own session state.
* A rule that refers to derived facts gets, in their place, the conditions
  of the rules that derive them, so the engine matches one fact per
  evaluation. Where that cannot be done (a fact under `not`, derived in a
  cycle or by a rule without condition, or a condition that would grow too
  wide), the rule becomes one durable rule per alternative, each joining the
  fact with the derived facts it needs, which the adapter asserts.
* durable-rules keeps pending alpha matches on a fixed stack of 64 and
  crashes the process beyond it; every `$or` branch and every rule that can
  match at once takes a slot. The compiler bounds that width and spreads
  rules over several rulesets ("chunks") that the adapter chains together.
* durable-rules reads an operator it does not know as a property name and
  never matches (`$ne`), or refuses it with a bare code (`$in`). Every
  compiled test is checked against `OPERATORS` and plain equality on a
  scalar, so such a test can never reach the engine.
* durable-rules builds its network with fixed-size tables and fails on
  some overflows with a bare code, and on one (512 tests under one node)
  loops for ever holding the GIL. `Network` models what it would build, so
  no chunk is ever handed over that it cannot build: a rule that cannot fit
  alone is refused with its place, and rules are spread over more chunks
  until each fits (see docs/engine.md).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Iterable, Mapping

from .conditions import All, Any_, Derived, Expr, Not, Test
from .errors import Diagnostic, RulebookError
from .facts import FACT_MODELS, PARTICIPANTS, field_specs
from .rule_files import CheckedRule, CheckedRulebook

#: Alpha-stack slots a chunk may use (durable-rules crashes past 64).
MAX_WIDTH_PER_CHUNK = 48
#: Tests directly under one node of the network. durable-rules keeps them in a
#: 512-slot table and loops for ever once it is full.
MAX_SIBLINGS = 400
#: Absence tests and `$or` joins under one node (durable-rules: 128, then error 107).
MAX_LISTED = 100
#: Patterns ending at one node (durable-rules: 256, then error 108).
MAX_ENDINGS = 200
#: `$and`/`$or` in one pattern: each takes two of the 31 places of a beta node's
#: expression list (durable-rules: error 113 at 16).
MAX_CONNECTIVES = 15
#: Rules (with their alternatives) in one chunk (durable-rules: 4,096 actions, then error 106).
MAX_RULES_PER_CHUNK = 1000
FORMAT_VERSION = 1
#: Write derived facts into the conditions that need them where that fits (see `_inline_derived`). The tests
#: turn it off to run the other path, joins on asserted derived facts, on rules they know.
INLINE_DERIVED = True
#: The operators the compiler may emit: those durable-rules 2.0.28 evaluates as written.
OPERATORS = frozenset({"$and", "$or", "$neq", "$gt", "$gte", "$lt", "$lte", "$ex", "$nex"})


@dataclass(frozen=True)
class CompiledRuleset:
    """The compiled form: plain data the adapter hands to durable-rules."""

    data: dict[str, Any]

    def kinds(self) -> list[str]:
        return list(self.data["kinds"])

    def chunks(self, kind: str) -> list[dict[str, Any]]:
        return self.data["kinds"][kind]["chunks"]

    @property
    def rule_of(self) -> dict[str, str]:
        return self.data["rule_of"]

    @property
    def derives(self) -> dict[str, list[str]]:
        return self.data["derives"]

    def encode(self, kind: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """A fact's values in the form the compiled tests expect, holding only the properties they test
        (what no rule tests would only lengthen the JSON the engine reads and hands back)."""
        out: dict[str, Any] = {"t": kind}
        for name, options in self._plan[kind]:
            value = values.get(name)
            if value is None:
                continue
            if options:
                present = set(value)
                for option, flag in options:
                    out[flag] = option in present
            elif isinstance(value, date):
                out[name] = value.toordinal()
            else:
                out[name] = value
        return out

    @cached_property
    def _plan(self) -> dict[str, tuple[tuple[str, tuple[tuple[str, str], ...]], ...]]:
        """For each kind, the values `encode` writes, in the order of the kind's fields: (field, ()) for a
        value written as it is, (field, ((option, property), ...)) for a list written as one flag per
        option; only what some compiled test reads."""
        plans = {}
        for kind in self.kinds():
            flags, tested = self.data["kinds"][kind]["flags"], self.tested[kind]
            plan = []
            for name in field_specs(kind):  # the computed values too
                if name in flags:
                    options = tuple((o, f"{name}__{o}") for o in flags[name] if f"{name}__{o}" in tested)
                    if options:
                        plan.append((name, options))
                elif name in tested:
                    plan.append((name, ()))
            plans[kind] = tuple(plan)
        return plans

    @cached_property
    def tested(self) -> dict[str, frozenset[str]]:
        """For each fact kind, the fact properties some compiled test reads."""
        found: dict[str, frozenset[str]] = {}
        for kind in self.kinds():
            names: set[str] = set()
            for chunk in self.chunks(kind):
                for rule in chunk["rules"].values():
                    for pattern in rule["all"]:
                        names.update(_properties(pattern.get("m")))
            found[kind] = frozenset(names)
        return found


def _properties(node: Any) -> set[str]:
    """The property names a compiled test reads (keys that are not operators)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("$"):
                found.add(key)
            found |= _properties(value)
    elif isinstance(node, list):
        for item in node:
            found |= _properties(item)
    return found


def compile_rulebook(book: CheckedRulebook) -> CompiledRuleset:
    """Translate every checked rule; raise if one cannot be run safely."""
    departments = sorted(book.catalogue.departments)
    kinds: dict[str, Any] = {}
    rule_of: dict[str, str] = {}
    derives: dict[str, list[str]] = {}
    problems: list[Diagnostic] = []
    for kind in FACT_MODELS:
        members = departments + [p for p in PARTICIPANTS if p not in departments]
        flags = {
            s.name: departments if s.type == "departments" else members
            for s in field_specs(kind).values()
            if s.type in ("departments", "participants")
        }
        compiled: list[tuple[int, dict[str, Any]]] = []
        deriving = _deriving_conditions(book, kind)
        for checked in (r for r in book.rules if r.rule.applies_to == kind):
            inlined = _inline_derived(checked.expr, deriving) if INLINE_DERIVED and checked.expr is not None else None
            found = _compiled_rule(checked, kind, inlined) if inlined is not None and inlined != checked.expr else None
            if found is None or isinstance(found, Diagnostic):  # the joins, and their diagnostic if they fail too
                found = _compiled_rule(checked, kind, checked.expr)
            if isinstance(found, Diagnostic):
                problems.append(found)
                continue
            compiled.append(_recorded(checked, *found, rule_of, derives))
        kinds[kind] = {"flags": flags, "chunks": _chunk(kind, compiled)}
    if problems:
        raise RulebookError(problems)
    return CompiledRuleset(
        {
            "format": FORMAT_VERSION,
            "rulebook": book.digest,
            "kinds": kinds,
            "rule_of": rule_of,
            "derives": derives,
        }
    )


def _compiled_rule(checked: CheckedRule, kind: str, expr: Expr | None) -> tuple[int, dict[str, Any]] | Diagnostic:
    """The durable rules for `checked` with condition `expr`, and their width; or why they cannot run safely."""
    alternatives = _count_alternatives(expr)
    if alternatives > MAX_WIDTH_PER_CHUNK:  # counted before building: the product can be astronomical
        return _too_wide(checked, alternatives)
    try:
        rules = _compile_rule(checked.rule.id, expr, kind)
    except _NotCompilable as exc:
        return _unsafe(checked, [str(exc)])
    unsafe = sorted({p for rule in rules.values() for p in _unsafe_tests(rule)})
    if unsafe:
        return _unsafe(checked, unsafe)
    width = sum(_width(r) for r in rules.values())
    if width > MAX_WIDTH_PER_CHUNK:
        return _too_wide(checked, width)
    overflow = _overflow(rules)
    if overflow:
        return _too_big(checked, *overflow)
    return width, rules


def _recorded(
    checked: CheckedRule, width: int, rules: dict[str, Any], rule_of: dict[str, str], derives: dict[str, list[str]]
) -> tuple[int, dict[str, Any]]:
    """`(width, rules)`, once `rule_of` and `derives` know the durable rules of `checked`."""
    for name in rules:
        rule_of[name] = checked.rule.id
        if checked.rule.then.derive:
            derives[name] = list(checked.rule.then.derive)
    return width, rules


def _chunk(kind: str, compiled: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Rules in order, a new chunk whenever the next rule would overfill the current one."""
    chunks: list[dict[str, Any]] = []
    used = MAX_WIDTH_PER_CHUNK + 1
    network = Network()
    for width, rules in compiled:
        fits = used + width <= MAX_WIDTH_PER_CHUNK
        fits = fits and len(chunks[-1]["rules"]) + len(rules) <= MAX_RULES_PER_CHUNK
        if fits:
            mark = network.mark()
            network.add(rules)
            if network.overflow():
                network.undo(mark)
                fits = False
        if not fits:
            chunks.append({"name": f"udi-{kind}-{len(chunks)}", "rules": {}})
            used = 0
            network = Network()
            network.add({"sentinel": {"all": [{"m": {"t": kind}}]}})  # the adapter adds one to every chunk
            network.add(rules)
        chunks[-1]["rules"].update(rules)
        used += width
    return chunks


def _too_wide(checked: CheckedRule, width: int) -> Diagnostic:
    return Diagnostic(
        "rule-too-wide",
        f"betingelsen har for mange alternativer som kan gjelde samtidig ({width}, høyst {MAX_WIDTH_PER_CHUNK})",
        f"the condition has too many alternatives that can hold at once ({width}, at most {MAX_WIDTH_PER_CHUNK})",
        checked.location,
        "del regelen i flere regler",
        "split the rule into several rules",
    )


def _too_big(checked: CheckedRule, what: str, count: int, most: int) -> Diagnostic:
    if what == "connectives":
        return Diagnostic(
            "rule-too-complex",
            f"betingelsen har for mange `all`/`any`/`not`-ledd i seg ({count}, høyst {most})",
            f"the condition holds too many `all`/`any`/`not` parts ({count}, at most {most})",
            checked.location,
            "gjør betingelsen flatere, eller del regelen i flere regler",
            "make the condition flatter, or split the rule into several rules",
        )
    return Diagnostic(
        "rule-too-large",
        f"betingelsen har for mange verdier å sammenligne med på ett sted ({count}, høyst {most})",
        f"the condition has too many values to compare with at one point ({count}, at most {most})",
        checked.location,
        "del lange `in:`-lister over flere regler",
        "split long `in:` lists over several rules",
    )


def _unsafe(checked: CheckedRule, tests: list[str]) -> Diagnostic:
    shown = ", ".join(tests)
    return Diagnostic(
        "engine-cannot-run",
        f"regelen ble oversatt til tester regelmotoren ikke kan kjøre trygt: {shown}",
        f"the rule compiled to tests the rule engine cannot run safely: {shown}",
        checked.location,
        "dette er en feil i udi_rules; meld den med regelen",
        "this is a bug in udi_rules; report it with the rule",
    )


def _unsafe_tests(rule: dict[str, Any]) -> Iterable[str]:
    """Tests in a compiled rule that durable-rules would ignore, misread or refuse."""
    for pattern in rule["all"]:
        for node in pattern.values():
            yield from _unsafe_node(node)


def _unsafe_node(node: Any) -> Iterable[str]:
    if not isinstance(node, dict) or len(node) != 1:
        yield f"`{node!r}` (one test per mapping)"
        return
    (key, value), = node.items()
    if key in ("$and", "$or"):
        if not isinstance(value, list) or not value:
            yield f"`{key}` without tests"
            return
        for item in value:
            yield from _unsafe_node(item)
    elif key.startswith("$"):
        if key not in OPERATORS:
            yield f"`{key}`"
        elif not isinstance(value, dict) or len(value) != 1:
            yield f"`{key}: {value!r}` (one field per test)"
        else:
            (name, operand), = value.items()
            yield from _unsafe_value(f"{key} {name}", operand)
    else:
        yield from _unsafe_value(key, value)


def _unsafe_value(where: str, value: Any) -> Iterable[str]:
    """Plain scalars only: durable compares floats oddly and refuses exponents, lists and objects."""
    if isinstance(value, (bool, str)):
        return
    if isinstance(value, int) and -(2**63) <= value < 2**63:
        return
    yield f"`{where}: {value!r}` (not a text, a true/false or a whole number)"


# --- one rule ---------------------------------------------------------------


def _deriving_conditions(book: CheckedRulebook, kind: str) -> dict[str, tuple[Expr, ...]]:
    """The conditions that derive each fact that can stand in for it in a condition of `kind`: facts
    derived only by rules of `kind`, each with a condition."""
    found: dict[str, list[Expr | None]] = {}
    for checked in book.rules:
        for name in checked.rule.then.derive:
            found.setdefault(name, []).append(checked.expr if checked.rule.applies_to == kind else None)
    return {name: tuple(e for e in exprs if e is not None) for name, exprs in found.items() if None not in exprs}


def _inline_derived(expr: Expr, deriving: Mapping[str, tuple[Expr, ...]]) -> Expr:
    """`expr` with each derived fact it needs replaced by the conditions that derive it (any of them).

    In the engine both say the same: a rule that derives a fact fires exactly when its condition
    holds, and a test holds only on a known value, in both places. The rule then needs nothing
    asserted in the middle of an evaluation, where each derived fact costs the engine a fact to
    match and an action. Left as they are: a fact under `not` (the compiler refuses it, as before),
    a fact derived in a cycle, or by a rule without a condition or of another fact kind. A chain
    of facts each derived by several rules multiplies at every step, and a long chain nests deep:
    past `MAX_INLINED_NODES` or `MAX_INLINED_DEPTH` the whole condition is left as it is.
    """
    budget = [MAX_INLINED_NODES]
    try:
        return _inlined(expr, deriving, frozenset(), budget, 0)
    except _TooLarge:
        return expr


#: Nodes a condition may grow to with its derived facts written in (the shipped rules need 13 at most), and
#: how deep it may nest (a long chain of facts, each derived from the one before, nests one level a fact).
MAX_INLINED_NODES = 2000
MAX_INLINED_DEPTH = 64


class _TooLarge(Exception):
    pass


def _inlined(
    expr: Expr, deriving: Mapping[str, tuple[Expr, ...]], seen: frozenset[str], budget: list[int], depth: int
) -> Expr:
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_INLINED_DEPTH:
        raise _TooLarge
    if isinstance(expr, Derived):
        alternatives = deriving.get(expr.name)
        if not alternatives or expr.name in seen:
            return expr
        inner = tuple(_inlined(a, deriving, seen | {expr.name}, budget, depth + 1) for a in alternatives)
        return inner[0] if len(inner) == 1 else Any_(inner)
    if isinstance(expr, All):
        return All(tuple(_inlined(i, deriving, seen, budget, depth + 1) for i in expr.items))
    if isinstance(expr, Any_):
        return Any_(tuple(_inlined(i, deriving, seen, budget, depth + 1) for i in expr.items))
    return expr


def _compile_rule(rule_id: str, expr: Expr | None, kind: str) -> dict[str, dict[str, Any]]:
    """One durable rule per alternative of derived facts the condition needs."""
    alternatives = _split(expr)
    out = {}
    for n, (fact_expr, needed) in enumerate(alternatives):
        tests = [{"t": kind}]
        if fact_expr is not None:
            tests.extend(_and_items(_to_durable(fact_expr, kind, negated=False)))
        patterns: list[dict[str, Any]] = [{"m": tests[0] if len(tests) == 1 else {"$and": tests}}]
        for i, name in enumerate(sorted(needed)):
            patterns.append({f"d{i}": {"$and": [{"t": "derived"}, {"name": name}]}})
        name = rule_id if len(alternatives) == 1 else f"{rule_id}#{n}"
        out[name] = {"all": patterns}
    return out


def _split(expr: Expr | None) -> list[tuple[Expr | None, frozenset[str]]]:
    """Separate a condition into (test on the fact, derived facts needed) alternatives."""
    if expr is None:
        return [(None, frozenset())]
    if not _mentions_derived(expr):
        return [(expr, frozenset())]
    if isinstance(expr, Derived):
        return [(None, frozenset({expr.name}))]
    if isinstance(expr, Any_):
        return [alt for item in expr.items for alt in _split(item)]
    if not isinstance(expr, All):
        raise _NotCompilable("`not` around a derived fact")
    combined: list[tuple[Expr | None, frozenset[str]]] = [(None, frozenset())]
    for item in expr.items:
        combined = [
            (_conjoin(left, right), need_l | need_r)
            for left, need_l in combined
            for right, need_r in _split(item)
        ]
    return combined


class _NotCompilable(Exception):
    """A checked condition in a shape validation should have ruled out."""


def _count_alternatives(expr: Expr | None) -> int:
    """How many durable rules `_split` would make, counted without making them."""
    if expr is None or not _mentions_derived(expr):
        return 1
    if isinstance(expr, Any_):
        return sum(_count_alternatives(item) for item in expr.items)
    if isinstance(expr, All):
        return math.prod(_count_alternatives(item) for item in expr.items)
    return 1


def _mentions_derived(expr: Expr) -> bool:
    if isinstance(expr, Derived):
        return True
    if isinstance(expr, (All, Any_)):
        return any(_mentions_derived(i) for i in expr.items)
    if isinstance(expr, Not):
        return _mentions_derived(expr.item)
    return False


def _conjoin(left: Expr | None, right: Expr | None) -> Expr | None:
    if left is None or right is None:
        return left if right is None else right
    return All((left, right))


def _and_items(node: dict[str, Any]) -> list[dict[str, Any]]:
    return node["$and"] if set(node) == {"$and"} else [node]


def _to_durable(expr: Expr, kind: str, *, negated: bool) -> dict[str, Any]:
    if isinstance(expr, Not):
        return _to_durable(expr.item, kind, negated=not negated)
    if isinstance(expr, (All, Any_)):
        conjunction = isinstance(expr, All) != negated
        parts = [_to_durable(item, kind, negated=negated) for item in expr.items]
        if len(parts) == 1:
            return parts[0]
        if conjunction:
            return {"$and": [p for part in parts for p in _and_items(part)]}
        return {"$or": parts}
    assert isinstance(expr, Test)
    spec = field_specs(kind)[expr.field]
    return _test(expr, negated, known_or_empty=spec.nullable and spec.question is None)


_INVERSE = {"gt": "$lte", "gte": "$lt", "lt": "$gte", "lte": "$gt"}


def _test(test: Test, negated: bool, *, known_or_empty: bool) -> dict[str, Any]:
    """One leaf. On an open field it holds, plain or negated, only when the value is known.

    A field that is `known_or_empty` (optional, but with no question: an empty
    value is a value, such as minutes not yet available) keeps two-valued
    logic: a negated test also holds when it is empty, and `null` may be tested.
    """
    name = test.field
    if test.op == "contains":
        return {f"{name}__{test.value}": not negated}
    absent = {"$nex": {name: 1}}
    if test.op in ("eq", "in"):
        values = test.value if test.op == "in" else (test.value,)
        if negated:
            present = [{"$neq": {name: _encode(v)}} for v in values if v is not None]
            if None in values:
                return _all([{"$ex": {name: 1}}, *present])
            return _any([absent, _all(present)]) if known_or_empty else _all(present)
        return _any([absent if v is None else {name: _encode(v)} for v in values])
    if negated:
        inverse = {_INVERSE[test.op]: {name: _encode(test.value)}}
        return _any([absent, inverse]) if known_or_empty else inverse
    return {"$" + test.op: {name: _encode(test.value)}}


def _all(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {"$and": parts}


def _any(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return parts[0] if len(parts) == 1 else {"$or": parts}


def _encode(value: Any) -> Any:
    return value.toordinal() if isinstance(value, date) else value


# --- what durable-rules builds ----------------------------------------------------


class Network:
    """A count of what durable-rules 2.0.28 builds for one ruleset, to refuse what it cannot.

    It mirrors `createAlpha`/`findAlpha`/`linkAlpha` (rete.c): a pattern is a
    path of tests from the root; a test equal to one already under the same
    node (same field, operator and value) is shared; every `$or` makes a
    fresh join node that each branch's last test points to; each pattern's
    last node gets one ending. Sharing is counted only where durable-rules
    certainly shares, so the counts are never lower than the real ones.
    """

    def __init__(self) -> None:
        self.children: dict[int, set[tuple[str, str, str]]] = {}
        self.listed: dict[int, int] = {}
        self.endings: dict[int, int] = {}
        self.ids: dict[tuple[int, tuple[str, str, str]], int] = {}
        self.log: list[tuple[str, Any]] = []
        self.nodes = 1  # 0 is the root

    def mark(self) -> int:
        return len(self.log)

    def undo(self, mark: int) -> None:
        """Forget everything added since `mark`."""
        while len(self.log) > mark:
            what, key = self.log.pop()
            if what == "child":
                parent, test = key
                self.children.get(parent, set()).discard(test)
                del self.ids[key]
            else:
                table = self.listed if what == "listed" else self.endings
                table[key] -= 1

    def add(self, rules: Mapping[str, Any]) -> None:
        for rule in rules.values():
            for pattern in rule["all"]:
                self._count("endings", self._alpha(0, next(iter(pattern.values()))))

    def overflow(self) -> tuple[str, int, int] | None:
        """The first table that would overflow: (what, count, most), or None."""
        for what, counts, most in (
            ("siblings", (len(c) for c in self.children.values()), MAX_SIBLINGS),
            ("listed", self.listed.values(), MAX_LISTED),
            ("endings", self.endings.values(), MAX_ENDINGS),
        ):
            worst = max(counts, default=0)
            if worst > most:
                return what, worst, most
        return None

    def _count(self, what: str, node: int) -> None:
        table = self.listed if what == "listed" else self.endings
        table[node] = table.get(node, 0) + 1
        self.log.append((what, node))

    def _new(self) -> int:
        self.nodes += 1
        return self.nodes - 1

    def _alpha(self, parent: int, node: dict[str, Any]) -> int:
        (key, value), = node.items()
        if key == "$and":
            for item in value:
                parent = self._alpha(parent, item)
            return parent
        if key == "$or":
            join = self._new()
            for item in value:
                self._count("listed", self._alpha(parent, item))
            return join
        if key.startswith("$"):
            (name, operand), = value.items()
        else:
            name, operand, key = key, value, "$eq"
        test = (name, key, json.dumps(operand))
        found = self.ids.get((parent, test))
        if found is not None:
            return found
        child = self._new()
        self.ids[(parent, test)] = child
        self.log.append(("child", (parent, test)))
        if key == "$nex":  # absence tests sit in the short list, not the table
            self._count("listed", parent)
        else:
            self.children.setdefault(parent, set()).add(test)
        return child


def _overflow(rules: dict[str, dict[str, Any]]) -> tuple[str, int, int] | None:
    """Why one rule (with its alternatives) cannot be built even alone, or None."""
    for rule in rules.values():
        for pattern in rule["all"]:
            connectives = _connectives(next(iter(pattern.values())))
            if connectives > MAX_CONNECTIVES:
                return "connectives", connectives, MAX_CONNECTIVES
    network = Network()
    network.add(rules)
    return network.overflow()


def _connectives(node: dict[str, Any]) -> int:
    (key, value), = node.items()
    if key in ("$and", "$or"):
        return 1 + sum(_connectives(item) for item in value)
    return 0


# --- alpha width --------------------------------------------------------------


def _width(rule: dict[str, Any]) -> int:
    """Alpha-stack slots one rule can take when everything it tests holds."""
    return sum(_node_width(next(iter(p.values()))) for p in rule["all"])


def _node_width(node: dict[str, Any]) -> int:
    if "$and" in node:
        return math.prod(_node_width(n) for n in node["$and"])
    if "$or" in node:
        branches = node["$or"]
        if _exclusive(branches):
            return 1
        return sum(_node_width(n) for n in branches)
    return 1


def _exclusive(branches: Iterable[dict[str, Any]]) -> bool:
    """Equality tests on one field (or its absence): at most one can hold."""
    fields = set()
    for branch in branches:
        if len(branch) != 1:
            return False
        key, value = next(iter(branch.items()))
        if key == "$nex":
            fields.add(next(iter(value)))
        elif key.startswith("$"):
            return False
        else:
            fields.add(key)
    return len(fields) == 1
