"""The public entry point: a loaded, checked, compiled rulebook that evaluates facts.

A `Rulebook` is immutable after loading and safe to share between threads;
build it once at start-up (durable-rules does not give back all the memory
of a ruleset, so rebuilding per request would leak).
"""

from __future__ import annotations

import threading
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

from .catalogue import Catalogue
from .compile import CompiledRuleset, compile_rulebook
from .decision import Decision
from .durable_engine import DurableEngine
from .evaluate import DecisionBuilder, validate_facts
from .facts import Facts
from .validate import CheckedRulebook, load_rulebook

_default: Rulebook | None = None
_default_lock = threading.Lock()


def default_rules_path() -> Path:
    """Where the rules that ship with the library are.

    A wheel carries them inside the package (`udi_rules/_rules`); a source
    checkout or an editable install reads `rules/` beside the package.
    """
    packaged = resources.files("udi_rules") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


class Rulebook:
    """IM 2011-013 as rules, ready to evaluate meetings and years."""

    def __init__(self, checked: CheckedRulebook):
        self._checked = checked
        self.compiled: CompiledRuleset = compile_rulebook(checked)
        self._builder = DecisionBuilder(checked)
        self._engine = DurableEngine(self.compiled)

    @classmethod
    def load(cls, path: str | Path) -> Rulebook:
        """Load every rule file under `path`.

        Raises:
            RulebookError: listing every problem in every file, sorted by place.
        """
        return cls(load_rulebook(path))

    @classmethod
    def default(cls) -> Rulebook:
        """The rulebook that ships with the library, loaded once per process."""
        global _default
        with _default_lock:
            if _default is None:
                _default = cls.load(default_rules_path())
            return _default

    @property
    def digest(self) -> str:
        """A short hash of the rule files' content: which rules made a decision."""
        return self._checked.digest

    @property
    def catalogue(self) -> Catalogue:
        return self._checked.catalogue

    @cached_property
    def rule_ids(self) -> list[str]:
        return [r.rule.id for r in self._checked.rules]

    @property
    def checked(self) -> CheckedRulebook:
        return self._checked

    def evaluate(self, facts: Facts | Mapping[str, Any], *, kind: str | None = None) -> Decision:
        """Every conclusion the rules draw for one meeting (or year).

        Args:
            facts: a `Meeting`, a `Request`, a `PlanningYear`, or a plain dict of one.
                Facts left out (or `None`) are unknown: the decision then lists the
                conclusions that may apply (`conditional`) and the open `questions`.
            kind: the fact kind of a dict: "meeting" (default), "request" or "year".

        Raises:
            InvalidFacts: the facts are wrong; nothing was evaluated.
            EngineError: the engine refused the facts; nothing is returned.
        """
        model = validate_facts(facts, kind, self.catalogue)
        return self._decide(model)

    def evaluate_many(self, items: Iterable[Facts | Mapping[str, Any]], *, kind: str | None = None) -> list[Decision]:
        """Decisions for many inputs, all or nothing.

        Every input is validated before any is evaluated, so one bad input
        raises `InvalidFacts` (with its index) and no decision is returned.
        """
        models = [validate_facts(item, kind, self.catalogue, index=i) for i, item in enumerate(items)]
        return [self._decide(model) for model in models]

    def _decide(self, model: Facts) -> Decision:
        fired, derived = self._engine.run(model.kind, self.compiled.encode(model.kind, model.rule_values()))
        return self._builder.build(model, fired, derived)

    def close(self) -> None:
        """Release the engine's rulesets; evaluating afterwards raises `EngineError`."""
        self._engine.close()
