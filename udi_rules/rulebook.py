"""The public entry point: a loaded, checked, compiled rulebook that evaluates facts.

A `Rulebook` is immutable after loading and safe to share between threads;
build it once at start-up (durable-rules does not give back all the memory
of a ruleset, so rebuilding per request would leak).

Two engines give the same answers: durable-rules (`"durable"`, the default)
and the checked conditions evaluated in Python (`"python"`). This is the only
module that imports `durable_engine`, and only when it builds a durable
engine, so checking rule files never needs durable-rules. When durable-rules
cannot be imported and no engine was asked for, the rulebook uses the Python
engine and says so once per process in a `RuntimeWarning`.
"""

from __future__ import annotations

import gc
import threading
import warnings
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .catalogue import Catalogue
from .compile import CompiledRuleset, compile_rulebook
from .decision import Decision
from .errors import EngineError, InvalidFacts
from .evaluate import DecisionBuilder, validate_facts
from .facts import FACT_MODELS, Facts, field_specs
from .public_holidays import holidays_in
from .python_engine import PythonEngine
from .rule_files import CheckedRulebook, load_rulebook

#: The engines a rulebook can run on; the first is the default.
ENGINES = ("durable", "python")
INSTALL_DURABLE = (
    "installer den med en C-kompilator (gcc eller clang) [install it with a C compiler (gcc or clang)]: "
    "CPPFLAGS=-DPyEval_CallObject=PyObject_CallObject pip install --no-cache-dir --force-reinstall "
    "durable-rules==2.0.28 (CPPFLAGS trengs på Python 3.13 [CPPFLAGS is needed on Python 3.13])"
)

_defaults: dict[str, Rulebook] = {}
_default_lock = threading.Lock()
_durable: Any = None  # the DurableEngine class once imported, or the ImportError that stopped it
_warned = False

Run = Callable[[str, Mapping[str, Any]], tuple[set[str], dict[str, list[str]]]]


def default_rules_path() -> Path:
    """Where the rules that ship with the library are.

    A wheel carries them inside the package (`udi_rules/_rules`); a source
    checkout or an editable install reads `rules/` beside the package.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def _durable_engine_class() -> Any:
    """`DurableEngine`, imported on first use; raises the ImportError of durable-rules each time it fails."""
    global _durable
    if _durable is None:
        try:
            from .durable_engine import DurableEngine
        except ImportError as error:
            _durable = error
        else:
            _durable = DurableEngine
    if isinstance(_durable, ImportError):
        raise _durable
    return _durable


def resolve_engine(engine: str | None) -> str:
    """The engine a rulebook asked for `engine` runs on.

    Raises:
        ValueError: `engine` is not one of `ENGINES` (or None).
        EngineError: `"durable"` was asked for and durable-rules cannot be imported.
    """
    global _warned
    if engine not in (None, *ENGINES):
        raise ValueError(f"ukjent motor `{engine}`, velg en av {ENGINES} [unknown engine `{engine}`, choose one of {ENGINES}]")
    if engine == "python":
        return engine
    try:
        _durable_engine_class()
    except ImportError as error:
        if engine == "durable":
            raise EngineError(
                f"durable-rules kan ikke importeres ({error}) [durable-rules cannot be imported ({error})]; "
                f"{INSTALL_DURABLE}; eller bruk engine=\"python\" [or use engine=\"python\"]"
            ) from error
        if not _warned:
            warnings.warn(
                f"durable-rules kan ikke importeres ({error}), så reglene kjøres av Python-motoren, som gir de "
                f"samme svarene [durable-rules cannot be imported ({error}), so the rules run on the python engine, "
                f"which gives the same answers]. For durable-rules: {INSTALL_DURABLE}. engine=\"python\" velger "
                f"Python-motoren uten denne advarselen [engine=\"python\" chooses it without this warning].",
                RuntimeWarning,
                stacklevel=3,
            )
            _warned = True  # after the warning: where warnings are errors, every fallback raises
        return "python"
    return "durable"


class Rulebook:
    """IM 2011-013 as rules, ready to evaluate meetings and years.

    `engine` says which engine it runs on: "durable" or "python".
    """

    def __init__(self, checked: CheckedRulebook, *, engine: str | None = None):
        """Compile `checked` and start the engine (`"durable"`, `"python"`, or None for the default).

        Raises:
            RulebookError: a rule the compiler refuses (on either engine, so both accept the same rules).
            EngineError: `engine="durable"` and durable-rules cannot be imported.
        """
        self._checked = checked
        self.compiled: CompiledRuleset = compile_rulebook(checked)
        self._builder = DecisionBuilder(checked)
        self.engine = resolve_engine(engine)
        self._engine: Any
        if self.engine == "python":
            self._engine = PythonEngine(checked)
            self._run: Run = self._engine.run
        else:
            self._engine = durable = _durable_engine_class()(self.compiled)
            encode = self.compiled.encode
            self._run = lambda kind, values: durable.run(kind, encode(kind, values))
        self._warm_up()

    @classmethod
    def load(cls, path: str | Path, *, engine: str | None = None) -> Rulebook:
        """Load every rule file under `path`, to run on `engine` (see `ENGINES`; None: durable-rules).

        Raises:
            RulebookError: listing every problem in every file, sorted by place.
            EngineError: `engine="durable"` and durable-rules cannot be imported.
        """
        return cls(load_rulebook(path), engine=engine)

    @classmethod
    def check(cls, path: str | Path) -> CheckedRulebook:
        """Check the rule files under `path` as `load` does, without starting an engine.

        Raises:
            RulebookError: listing every problem in every file, sorted by place.
        """
        checked = load_rulebook(path)
        compile_rulebook(checked)
        return checked

    @classmethod
    def default(cls, *, engine: str | None = None) -> Rulebook:
        """The rulebook that ships with the library, loaded once per process and engine."""
        name = resolve_engine(engine)
        with _default_lock:
            if name not in _defaults:
                _defaults[name] = cls.load(default_rules_path(), engine=name)
            return _defaults[name]

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
        On durable-rules, the facts of each kind go to the engine together
        (`DurableEngine.run_many`: in batches where those pay); the
        decisions are those `evaluate` gives, in input order.

        Raises:
            InvalidFacts: an input is wrong (its index is in the error); nothing was evaluated.
            EngineError: the engine failed; no decision is returned.
        """
        models: list[Any] = [validate_facts(item, kind, self.catalogue, index=i) for i, item in enumerate(items)]
        if self.engine != "durable" or len(models) < 2:
            return [self._decide(model) for model in models]
        from .durable_engine import BATCH

        encode, build = self.compiled.encode, self._builder.build
        decisions: list[Decision] = []
        for start in range(0, len(models), BATCH):  # a window at a time, its facts let go once decided
            window = models[start : start + BATCH]
            values = [model.rule_values() for model in window]
            by_kind: dict[str, list[int]] = {}
            for i, model in enumerate(window):
                by_kind.setdefault(model.kind, []).append(i)
            answers: list[Any] = [None] * len(window)
            for fact_kind, indices in by_kind.items():
                found = self._engine.run_many(fact_kind, [encode(fact_kind, values[i]) for i in indices])
                for i, answer in zip(indices, found):
                    answers[i] = answer
            decisions.extend(
                build(model, fired, derived, known) for model, (fired, derived), known in zip(window, answers, values)
            )
            models[start : start + BATCH] = [None] * len(window)
        return decisions

    def _decide(self, model: Facts) -> Decision:
        values = model.rule_values()
        fired, derived = self._run(model.kind, values)
        return self._builder.build(model, fired, derived, values)

    def _warm_up(self) -> None:
        """Evaluate made-up facts of each kind once, dated today.

        Without it a first evaluation costs two to three times a later one:
        its code paths run cold and its year's holiday table is built. Doing
        that here, while loading (with the holiday tables from last year to
        two years ahead), keeps it out of a service's first request. Made-up
        facts the model refuses are mended (a true/false flipped, an optional
        value left out) or given up; the decisions are thrown away.
        """
        today = date.today()
        for year in range(today.year - 1, today.year + 3):  # the years meetings and their deadlines fall in
            holidays_in(year)
        for kind in FACT_MODELS:
            for values in _made_up_facts(kind, self.catalogue, today):
                for _ in range(4):
                    try:
                        self.evaluate(values, kind=kind)
                        break
                    except InvalidFacts as error:
                        for problem in error.problems:
                            name = problem.field.split(".")[0]
                            if isinstance(values.get(name), bool):
                                values[name] = not values[name]
                            else:
                                values.pop(name, None)
        # Loading leaves the young generations of the garbage collector full of the rulebook's new objects: collect
        # them now (a fraction of a millisecond) rather than in the first evaluations. Only the young generations,
        # which Python would collect a few allocations later anyway; never a full collection.
        gc.collect(1)

    def close(self) -> None:
        """Release the engine's rulesets; evaluating afterwards raises `EngineError`."""
        self._engine.close()


def _made_up_facts(kind: str, catalogue: Catalogue, today: date) -> list[dict[str, Any]]:
    """Facts of `kind` for the warm-up, dated today: flags false and true, optional values left out and given,
    and the choices, forums and departments taken in turn."""
    forums, departments = sorted(catalogue.forums), sorted(catalogue.departments)
    made_up = []
    for turn, (flag, optional) in enumerate(_WARM_UP_TURNS):
        values: dict[str, Any] = {}
        for spec in field_specs(kind).values():
            if spec.computed_from or (spec.nullable and not optional):
                continue
            value = {
                "bool": flag,
                "enum": spec.choices[turn % len(spec.choices)] if spec.choices else None,
                "date": today.isoformat(),
                "int": today.year,
                "text": "-",
                "forum": forums[turn % len(forums)] if forums else None,
                "department": departments[turn % len(departments)] if departments else None,
                "departments": departments[: turn % 3] if flag else [],
                "participants": ["UDI", *departments[: turn % 2]] + (["JD"] if flag else []),
            }.get(spec.type)
            if value is not None:
                values[spec.name] = value
        if values not in made_up:
            made_up.append(values)
    return made_up


#: (every flag, optional values given) for each made-up fact of the warm-up
_WARM_UP_TURNS = ((False, False), (True, False), (True, True), (False, True), (True, False), (False, False))
