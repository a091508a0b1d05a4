"""udi_rules: UDI's internal memo IM 2011-013 as declarative rules.

The path of a rule, one module per stage:

    rule files       rule_files.py    found and read; the checked rulebook (or the cache's)
    → YAML text      yaml_source.py   strict YAML 1.2, with a source map
    → rule model     model.py         the schema of a rule file
    → checked        validate.py      fields, forums, duties..., every diagnostic
                     schema_errors.py schema errors in the policy editor's words
    → compiled       compile.py       plain durable-rules JSON, no engine import
    → evaluated      durable_engine.py   the only door to durable-rules (the default engine)
                     python_engine.py    the same conditions evaluated in Python (engine="python")
    → decision       evaluate.py, decision.py   conclusions with reasons; with facts
                     left unknown, what may apply and the questions that decide it
    → explanation    explain.py       text in bokmål or English

`rulebook.py` is the front door: it loads, checks and compiles, and picks the
engine. The names below are imported when first used, so `import udi_rules`
costs next to nothing and a program pays only for what it touches.

    >>> from udi_rules import Rulebook
    >>> decision = Rulebook.default().evaluate({...})        # doctest: +SKIP
    >>> print(decision.explain("nb"))                        # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # typing itself is not imported: it costs more than the rest of `import udi_rules`
if TYPE_CHECKING:
    from typing import Any

    from .decision import Conclusion, Decision, Question, Reason
    from .errors import Diagnostic, EngineError, FactProblem, InvalidFacts, RulebookError, UdiRulesError
    from .facts import Meeting, PlanningYear, Request
    from .rulebook import Rulebook

_MODULE_OF = {
    "Conclusion": "decision",
    "Decision": "decision",
    "Diagnostic": "errors",
    "EngineError": "errors",
    "FactProblem": "errors",
    "InvalidFacts": "errors",
    "Meeting": "facts",
    "PlanningYear": "facts",
    "Question": "decision",
    "Reason": "decision",
    "Request": "facts",
    "Rulebook": "rulebook",
    "RulebookError": "errors",
    "UdiRulesError": "errors",
}

__all__ = [
    "Conclusion",
    "Decision",
    "Diagnostic",
    "EngineError",
    "FactProblem",
    "InvalidFacts",
    "Meeting",
    "PlanningYear",
    "Question",
    "Reason",
    "Request",
    "Rulebook",
    "RulebookError",
    "UdiRulesError",
]
from ._version import __version__  # noqa: E402


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
