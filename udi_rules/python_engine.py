"""The second engine: the checked conditions evaluated directly in Python.

It answers as `DurableEngine` does (the test suite holds both to the same
decisions) and needs no C compiler, so a rulebook still evaluates where
durable-rules cannot be built or imported. The rules run as the combining
policy says: rules that derive facts are applied until nothing new follows
(derived facts only ever add, since validation keeps them out of `not`);
then every other rule is tested once against the final set.
"""

from __future__ import annotations

from typing import Any, Mapping

from .conditions import Expr, holds3
from .errors import EngineError
from .rule_files import CheckedRulebook


class PythonEngine:
    """A checked rulebook evaluated with `conditions.holds3`; immutable, so safe to share between threads.

    Like durable-rules, it fires a rule only when it holds whatever the unknown facts turn out to be
    (Kleene's "true"); what may apply is the decision builder's work.
    """

    def __init__(self, book: CheckedRulebook):
        self._rules: dict[str, tuple[tuple[str, Expr | None, tuple[str, ...]], ...]] = {}
        for checked in book.rules:
            rule = checked.rule
            entry = (rule.id, checked.expr, tuple(rule.then.derive or ()))
            self._rules[rule.applies_to] = (*self._rules.get(rule.applies_to, ()), entry)
        self._closed = False

    def run(self, kind: str, values: Mapping[str, Any]) -> tuple[set[str], dict[str, list[str]]]:
        """Every rule that holds for the fact `values`, and each derived fact with the rules that derived it.

        `values` are a validated fact's values (`Facts.rule_values()`), not the
        engine encoding `CompiledRuleset.encode` makes for durable-rules.
        """
        if self._closed:
            raise EngineError("regelboken er lukket [the rulebook is closed]")
        rules = self._rules.get(kind, ())
        fired: set[str] = set()
        derived: dict[str, list[str]] = {}
        certain: dict[str, bool | None] = {}
        deriving = [r for r in rules if r[2]]
        changed = True
        while changed:
            changed = False
            for rule_id, expr, names in deriving:
                if rule_id not in fired and holds3(expr, values, certain) is True:
                    fired.add(rule_id)
                    changed = True
                    for name in names:
                        derived.setdefault(name, []).append(rule_id)
                        certain[name] = True
        for rule_id, expr, names in rules:
            if not names and holds3(expr, values, certain) is True:
                fired.add(rule_id)
        return fired, derived

    def close(self) -> None:
        """Evaluating afterwards raises `EngineError`, as with durable-rules."""
        self._closed = True
