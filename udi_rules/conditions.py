"""Checked conditions, and their direct evaluation in Python.

`validate.py` turns a rule's `when` into this small typed tree, with values
already converted to the field's type (dates are dates, forums are ids).
The compiler translates the tree for durable-rules; the functions here
evaluate it directly, which is how a decision explains *why* a rule applied
and how the property test checks the engine.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Mapping, Union

from .decision import Reason, trusted


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
        return [
            trusted(
                Reason,
                {
                    "field": expr.field,
                    "operator": expr.op,
                    "expected": _plain(expr.value),
                    "actual": _plain(values.get(expr.field)),
                    "negated": not positive,
                    "derived": None,
                    "derived_by": [],
                },
            )
        ]
    if isinstance(expr, Derived):
        return [
            trusted(
                Reason,
                {
                    "field": None,
                    "operator": None,
                    "expected": None,
                    "actual": None,
                    "negated": not positive,
                    "derived": expr.name,
                    "derived_by": list(derived_by.get(expr.name, [])),
                },
            )
        ]
    if isinstance(expr, Not):
        return reasons(expr.item, values, derived_by, positive=not positive)
    wants_every = isinstance(expr, All) == positive
    if wants_every:
        return [r for item in expr.items for r in reasons(item, values, derived_by, positive=positive)]
    for item in expr.items:
        if holds(item, values, derived_by) == positive:
            return reasons(item, values, derived_by, positive=positive)
    return []


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
