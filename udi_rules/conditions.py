"""Checked conditions, and their direct evaluation in Python.

`validate.py` turns a rule's `when` into this small typed tree, with values
already converted to the field's type (dates are dates, forums are ids).
The compiler translates the tree for durable-rules; the functions here
evaluate it directly, which is how a decision explains *why* a rule applied
and how the property test checks the engine.
"""

from __future__ import annotations

import operator
import threading
from dataclasses import dataclass
from itertools import combinations, islice, product
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence, Union

from .decision import Reason, trusted
from .facts import open_fields

OPEN = open_fields()


@dataclass(frozen=True)
class Test:
    """`field <op> value`; op is eq, in, gt, gte, lt, lte or contains."""

    field: str
    op: str
    value: Any


@dataclass(frozen=True)
class All:
    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Any_:
    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Not:
    item: Expr


@dataclass(frozen=True)
class Derived:
    name: str


Expr = Union[Test, All, Any_, Not, Derived]

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


def test_holds(test: Test, actual: Any) -> bool:
    """One test against one value. A comparison with a missing value is false."""
    if test.op == "eq":
        return bool(actual == test.value)
    if test.op == "in":
        return actual in test.value
    if test.op == "contains":
        return actual is not None and test.value in actual
    if actual is None:
        return False
    return _COMPARE[test.op](actual, test.value)


def holds(expr: Expr | None, values: Mapping[str, Any], derived: Mapping[str, Any]) -> bool:
    """Whether the condition holds for the fact values and the derived facts."""
    if expr is None:
        return True
    if isinstance(expr, Test):
        return test_holds(expr, values.get(expr.field))
    if isinstance(expr, All):
        return all(holds(item, values, derived) for item in expr.items)
    if isinstance(expr, Any_):
        return any(holds(item, values, derived) for item in expr.items)
    if isinstance(expr, Not):
        return not holds(expr.item, values, derived)
    return expr.name in derived


def reasons(
    expr: Expr | None,
    values: Mapping[str, Any],
    derived_by: Mapping[str, list[str]],
    *,
    positive: bool = True,
) -> list[Reason]:
    """The tests that make `expr` come out `positive`, with the values that did it.

    For `any` that holds, the first branch that holds; for `all` that fails,
    the first part that fails; for a derived fact, the rules that derived it.
    """
    if expr is None:
        return []
    if isinstance(expr, Test):
        return [_test_reason(expr, values.get(expr.field), positive)]
    if isinstance(expr, Derived):
        return [_derived_reason(expr.name, tuple(derived_by.get(expr.name, ())), positive)]
    if isinstance(expr, Not):
        return reasons(expr.item, values, derived_by, positive=not positive)
    wants_every = isinstance(expr, All) == positive
    if wants_every:
        return [r for item in expr.items for r in reasons(item, values, derived_by, positive=positive)]
    for item in expr.items:
        if holds(item, values, derived_by) == positive:
            return reasons(item, values, derived_by, positive=positive)
    return []


#: Reasons made so far, by what they say: a reason is frozen and the same for every decision it explains.
_reasons: dict[tuple[Any, ...], Reason] = {}
_REASONS_KEPT = 8192


def _test_reason(expr: Test, actual: Any, positive: bool) -> Reason:
    # The types are in the key, so that `true` and `1` stay two reasons.
    key = (expr.field, expr.op, hashable(expr.value), type(expr.value), hashable(actual), type(actual), positive)
    found = _reasons.get(key)
    if found is None:
        found = trusted(
            Reason,
            {
                "field": expr.field,
                "operator": expr.op,
                "expected": _plain(expr.value),
                "actual": _plain(actual),
                "negated": not positive,
                "derived": None,
                "derived_by": (),
            },
            shared_keys=True,
        )
        bounded_put(_reasons, key, found, _REASONS_KEPT)
    return found


def _derived_reason(name: str, derived_by: tuple[str, ...], positive: bool) -> Reason:
    key = (name, derived_by, positive)
    found = _reasons.get(key)
    if found is None:
        found = trusted(
            Reason,
            {
                "field": None,
                "operator": None,
                "expected": None,
                "actual": None,
                "negated": not positive,
                "derived": name,
                "derived_by": derived_by,
            },
            shared_keys=True,
        )
        bounded_put(_reasons, key, found, _REASONS_KEPT)
    return found


def bounded_put(cache: dict[Any, Any], key: Any, value: Any, size: int) -> None:
    """Store `value`; a full `cache` first forgets its oldest quarter (dicts keep insertion order)."""
    if len(cache) >= size:
        try:
            for old in list(islice(cache, size // 4)):
                cache.pop(old, None)
        except RuntimeError:  # another thread changed it meanwhile: start afresh
            cache.clear()
    cache[key] = value


def hashable(value: Any) -> Any:
    """`value` as part of a dict key: lists and sets as tuples (in their order, as `_plain` keeps it)."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(value)
    return value


def walk(expr: Expr | None) -> Iterator[Expr]:
    """Every node of the tree, parents first."""
    if expr is None:
        return
    yield expr
    if isinstance(expr, (All, Any_)):
        for item in expr.items:
            yield from walk(item)
    elif isinstance(expr, Not):
        yield from walk(expr.item)


def _plain(value: Any) -> Any:
    """A JSON-friendly copy of a fact or test value."""
    if isinstance(value, (tuple, list, frozenset, set)):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


# --- three values: true, false, unknown -----------------------------------------------
#
# A fact left unknown is None. `holds3` is Kleene's logic: a condition is
# True when it holds whatever the unknown answers are, literal by literal,
# which is exactly what the engine fires (compile.py leaves unknown values
# out and never matches a missing property). `Residual` goes further: it
# tries every answer to the questions a rule depends on, so a rule that
# holds under every answer applies, and one that holds under some is
# reported with the answers that make it apply.


def test_holds3(test: Test, actual: Any) -> bool | None:
    """One test against one value; None when the value is unknown (an open field left empty)."""
    if actual is None and test.field in OPEN:
        return None
    return test_holds(test, actual)


def holds3(expr: Expr | None, values: Mapping[str, Any], derived: Mapping[str, bool | None]) -> bool | None:
    """Kleene's three-valued value of a condition; `derived` maps a derived fact to True or None."""
    if expr is None:
        return True
    if isinstance(expr, Test):
        return test_holds3(expr, values.get(expr.field))
    if isinstance(expr, Derived):
        return derived.get(expr.name, False)
    if isinstance(expr, Not):
        inner = holds3(expr.item, values, derived)
        return None if inner is None else not inner
    found: list[bool | None] = [holds3(item, values, derived) for item in expr.items]
    if isinstance(expr, All):
        return False if False in found else None if None in found else True
    return True if True in found else None if None in found else False


def why_not(
    expr: Expr | None, values: Mapping[str, Any], derived: Mapping[str, bool | None], *, positive: bool = True
) -> list[Reason]:
    """The tests that are certainly false and keep `expr` from holding (what `reasons` is for a rule that held)."""
    if expr is None:
        return []
    value = holds3(expr, values, derived)
    if value is not (not positive):
        return []
    if isinstance(expr, Test):
        return reasons(expr, values, {}, positive=positive)
    if isinstance(expr, Derived):
        return reasons(expr, values, {}, positive=positive)
    if isinstance(expr, Not):
        return why_not(expr.item, values, derived, positive=not positive)
    wants_every = isinstance(expr, Any_) == positive
    if wants_every:
        return [r for item in expr.items for r in why_not(item, values, derived, positive=positive)]
    for item in expr.items:
        found = why_not(item, values, derived, positive=positive)
        if found:
            return found
    return []


@dataclass(frozen=True)
class Answer:
    """One answer to an open question: `field` (and for a list, one `option` in it) takes `value`."""

    field: str
    option: str | None
    value: Any


Variable = tuple[str, Union[str, None]]


@dataclass(frozen=True)
class Residual:
    """What is left of a rule once the known facts are in.

    `outcome` is True (holds under every answer), False (under none) or None
    (under some). For None, `questions` are the fields whose answers decide
    it and `applies_if` the smallest sets of answers under which it holds,
    each alone enough.
    """

    outcome: bool | None
    questions: tuple[str, ...] = ()
    applies_if: tuple[tuple[Answer, ...], ...] = ()


#: Completions tried for one rule at the most; past it the rule is reported as open on all its questions.
MAX_COMPLETIONS = 4096


class Completions:
    """Tries the answers to a rule's open questions, derived facts followed through the rules that derive them."""

    def __init__(self, derivations: Derivations, domains: Mapping[str, tuple[Any, ...]]):
        self.derivations = derivations
        self.domains = domains
        self._local = threading.local()

    def variables(self, expr: Expr | None, values: Mapping[str, Any]) -> list[Variable]:
        """The unknown facts a condition reads, in order; a list field gives one variable per option tested."""
        found: dict[Variable, None] = {}
        for test in self.derivations.tests_read(expr):
            if test.field in OPEN and values.get(test.field) is None:
                found[(test.field, test.value if test.op == "contains" else None)] = None
        return list(found)

    def residual(self, expr: Expr | None, values: Mapping[str, Any]) -> Residual:
        variables = self.variables(expr, values)
        domains = [self._domain(v) for v in variables]
        size = 1
        for domain in domains:
            size *= len(domain)
        if not variables or size > MAX_COMPLETIONS:
            outcome = self._holds(expr, values, {}) if not variables else None
            questions = tuple(dict.fromkeys(f for f, _ in variables))
            return Residual(outcome, questions if outcome is None else ())
        table: dict[tuple[Any, ...], bool] = {}
        for combo in product(*domains):
            table[combo] = self._holds(expr, values, dict(zip(variables, combo)))
        results = set(table.values())
        if len(results) == 1:
            return Residual(results.pop())
        decisive = [i for i in range(len(variables)) if _matters(table, domains, i)]
        implicants = _implicants(table, domains, decisive)
        answers = tuple(
            tuple(Answer(variables[i][0], variables[i][1], value) for i, value in implicant)
            for implicant in implicants
        )
        questions = tuple(dict.fromkeys(variables[i][0] for i in decisive))
        return Residual(None, questions, answers)

    def _domain(self, variable: Variable) -> tuple[Any, ...]:
        field, option = variable
        return (True, False) if option is not None else self.domains.get(field, (True, False))

    def _holds(self, expr: Expr | None, values: Mapping[str, Any], answers: Mapping[Variable, Any]) -> bool:
        """Whether `expr` holds for these values and answers, the derived facts it needs worked out first.

        They are worked out group by group, each after those it needs (`Derivations.groups`), a group
        of facts that lead to each other until nothing more follows (the least fixpoint: a derivation
        that loops back adds nothing). Never by following the chain down, which took a stack frame per
        fact and ran out of them on a chain of a few hundred. What the groups came to for these values
        and answers is kept for the next rule tried on the same values, in this thread (`_worked_out`).
        """
        truth, done = self._worked_out(values, answers)

        def holds(expr: Expr | None) -> bool:
            if expr is None:
                return True
            if isinstance(expr, Test):
                actual = values.get(expr.field)
                if actual is None and expr.field in OPEN:
                    if expr.op == "contains":
                        return bool(answers.get((expr.field, expr.value), False))
                    actual = answers.get((expr.field, None))
                return test_holds(expr, actual)
            if isinstance(expr, Derived):
                return truth.get(expr.name, False)
            if isinstance(expr, Not):
                return not holds(expr.item)
            if isinstance(expr, All):
                return all(holds(item) for item in expr.items)
            return any(holds(item) for item in expr.items)

        derived_by, group_of, group_needs = self.derivations.derived_by, self.derivations.group_of, self.derivations.group_needs
        for root in {group_of[n.name] for n in walk(expr) if isinstance(n, Derived) and n.name in group_of}:
            # The groups `root` needs that are not done yet, depth first with a stack of its own, then `root`.
            stack = [(root, iter(group_needs[root]))]
            while stack:
                group, pending = stack[-1]
                for needed in pending:
                    if needed not in done:
                        stack.append((needed, iter(group_needs[needed])))
                        break
                else:
                    stack.pop()
                    if group in done:
                        continue
                    changed = True
                    while changed:
                        changed = False
                        for name in group:
                            if not truth.get(name) and any(holds(inner) for inner in derived_by.get(name, ())):
                                truth[name] = changed = True
                    done.add(group)
        return holds(expr)

    def _worked_out(self, values: Mapping[str, Any], answers: Mapping[Variable, Any]) -> tuple[dict[str, bool], set[Any]]:
        """The derived facts worked out so far for `values` (the very mapping: a decision's values) and these
        answers, and the groups done. Kept per thread, for the last values only: the rules of one decision
        share them, which makes a chain of facts cost its length once instead of once a rule."""
        local = self._local
        if getattr(local, "values", None) is not values or len(local.by_answers) > MAX_COMPLETIONS:
            local.values, local.by_answers = values, {}
        key = frozenset(answers.items())
        found = local.by_answers.get(key)
        if found is None:
            found = local.by_answers[key] = ({}, set())
        return found


class Derivations:
    """How the derived facts of a rulebook follow from each other, worked out once.

    `groups` holds the facts in groups that lead to each other (a cycle, or one fact alone), each
    group after every group its facts need; `behind` holds, for each fact, every test behind it (in
    the conditions of the rules that derive it, and behind the facts those name), in order, each
    once. Everything that walks through derived facts uses these, so a chain of facts is walked once,
    without a stack frame per fact: a rule file may chain thousands.
    """

    def __init__(self, derived_by: Mapping[str, Sequence[Expr | None]]):
        self.derived_by = derived_by
        self.needs = {
            name: tuple(dict.fromkeys(n.name for e in exprs for n in walk(e) if isinstance(n, Derived)))
            for name, exprs in derived_by.items()
        }
        self.groups = derivation_groups(self.needs)
        self.group_of = {name: group for group in self.groups for name in group}
        #: For each group, the other groups its facts need directly.
        self.group_needs = {
            group: tuple(dict.fromkeys(self.group_of[m] for name in group for m in self.needs.get(name, ()) if m not in group))
            for group in self.groups
        }
        self.behind: dict[str, tuple[Test, ...]] = {}
        for group in self.groups:
            found: dict[Test, None] = {}
            for name in sorted(group):
                for expr in derived_by.get(name, ()):
                    for node in walk(expr):
                        if isinstance(node, Test):
                            found[node] = None
                        elif isinstance(node, Derived) and node.name not in group:
                            found.update(dict.fromkeys(self.behind.get(node.name, ())))
            self.behind.update(dict.fromkeys(group, tuple(found)))

    def tests_read(self, expr: Expr | None) -> tuple[Test, ...]:
        """Every test a condition reads, its own and those behind the derived facts it names, in order, each once."""
        found: dict[Test, None] = {}
        for node in walk(expr):
            if isinstance(node, Test):
                found[node] = None
            elif isinstance(node, Derived):
                found.update(dict.fromkeys(self.behind.get(node.name, ())))
        return tuple(found)


def derivation_groups(needs: Mapping[str, Iterable[str]]) -> list[frozenset[str]]:
    """The nodes of the graph `needs` (each node: the nodes it needs) in groups that lead to each other,
    each group after every group it needs (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[frozenset[str]] = []
    for root in needs:
        if root in index:
            continue
        work = [(root, iter(needs.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            name, pending = work[-1]
            for other in pending:
                if other not in index:
                    index[other] = low[other] = len(index)
                    stack.append(other)
                    on_stack.add(other)
                    work.append((other, iter(needs.get(other, ()))))
                    break
                if other in on_stack:
                    low[name] = min(low[name], index[other])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[name])
                if low[name] == index[name]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == name:
                            break
                    groups.append(frozenset(group))
    return groups


def _matters(table: Mapping[tuple[Any, ...], bool], domains: list[tuple[Any, ...]], i: int) -> bool:
    """Whether changing answer `i` alone ever changes the outcome."""
    for combo, outcome in table.items():
        for other in domains[i]:
            if other != combo[i] and table[combo[:i] + (other,) + combo[i + 1:]] != outcome:
                return True
    return False


def _implicants(
    table: Mapping[tuple[Any, ...], bool], domains: list[tuple[Any, ...]], decisive: list[int]
) -> list[tuple[tuple[int, Any], ...]]:
    """The smallest partial answers (over the decisive questions) that make the rule hold, covering every case."""
    own = [domains[i] for i in decisive]
    # A set of full answers (over the decisive questions) is a bit mask over them, in `product` order; the
    # answers a partial answer allows are the AND of the masks of its parts.
    rows = list(product(*own))
    true_rows = {tuple(combo[i] for i in decisive) for combo, outcome in table.items() if outcome}
    true_mask = sum(1 << n for n, row in enumerate(rows) if row in true_rows)
    part_masks = [
        {value: sum(1 << n for n, row in enumerate(rows) if row[p] == value) for value in domain}
        for p, domain in enumerate(own)
    ]

    def covers(cube: tuple[tuple[int, Any], ...]) -> int:
        """Every full answer the partial answer `cube` allows."""
        mask = (1 << len(rows)) - 1
        for p, value in cube:
            mask &= part_masks[p][value]
        return mask

    primes: list[tuple[tuple[int, Any], ...]] = []
    for size in range(1, len(decisive) + 1):
        for positions in combinations(range(len(decisive)), size):
            for values in product(*[own[p] for p in positions]):
                cube = tuple(zip(positions, values))
                fixed = dict(cube)
                if any(all(fixed.get(p) == v for p, v in prime) for prime in primes):
                    continue  # a smaller cube already covers it
                if not covers(cube) & ~true_mask:
                    primes.append(cube)
    # Keep a small cover: take the cube that covers most of what is left, until every true row is covered.
    masks = {prime: covers(prime) for prime in primes}
    left, chosen = true_mask, []
    while left:
        best = max(primes, key=lambda c: ((left & masks[c]).bit_count(), -len(c)))
        chosen.append(best)
        left &= ~masks[best]
    chosen.sort(key=lambda c: [p for p, _ in c])
    return [tuple((decisive[p], v) for p, v in cube) for cube in chosen]
