"""udi_rules: UDI's internal memo IM 2011-013 as declarative rules.

The path of a rule, one module per stage:

    YAML text        yaml_source.py   strict YAML 1.2, with a source map
    → rule model     model.py         the schema of a rule file
    → checked        validate.py      fields, forums, duties..., every diagnostic
                     schema_errors.py schema errors in the policy editor's words
    → compiled       compile.py       plain durable-rules JSON, no engine import
    → evaluated      durable_engine.py   the only door to durable-rules
    → decision       evaluate.py, decision.py   conclusions with reasons; with facts
                     left unknown, what may apply and the questions that decide it
    → explanation    explain.py       text in bokmål or English

    >>> from udi_rules import Rulebook
    >>> decision = Rulebook.default().evaluate({...})        # doctest: +SKIP
    >>> print(decision.explain("nb"))                        # doctest: +SKIP
"""

from .decision import Conclusion, Decision, Question, Reason
from .errors import Diagnostic, EngineError, FactProblem, InvalidFacts, RulebookError, UdiRulesError
from .facts import Meeting, PlanningYear, Request
from .rulebook import Rulebook

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
