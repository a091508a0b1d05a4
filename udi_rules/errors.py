"""Diagnostics and the exception tree.

Every problem a person can cause is a `Diagnostic`: a place, a message in
bokmål with English beside it, and an optional hint. Problems are collected
and raised once, sorted by place, so an editor sees all of them in one go.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file; line and column count from 1."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}"
        return self.file


@dataclass(frozen=True)
class Diagnostic:
    """One problem, said for the person who made it (nb first, en beside)."""

    code: str
    nb: str
    en: str
    location: Location
    hint_nb: str = ""
    hint_en: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.nb} [{self.en}]"
        if self.hint_nb:
            text += f" — {self.hint_nb} [{self.hint_en}]"
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "file": self.location.file,
            "line": self.location.line,
            "col": self.location.col,
            "message": {"nb": self.nb, "en": self.en},
            "hint": {"nb": self.hint_nb, "en": self.hint_en} if self.hint_nb else None,
        }


def nearest_name(word: object, choices: Iterable[str], synonyms: Mapping[str, str] | None = None) -> str | None:
    """The known name nearest to `word` (any case), or None when none is near enough.

    `synonyms` maps other words for a name (such as Norwegian ones) to it.
    """
    if not isinstance(word, str):
        return None
    options = list(choices)
    known = (synonyms or {}).get(word.casefold().replace(" ", "_"))
    if known in options:
        return known
    lowered = {c.lower(): c for c in options}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def did_you_mean(
    word: object, choices: Iterable[str], synonyms: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """The nearest known name as a (nb, en) hint, or two empty strings."""
    best = nearest_name(word, choices, synonyms)
    if best is None:
        return "", ""
    return f"mente du `{best}`?", f"did you mean `{best}`?"


class UdiRulesError(Exception):
    """Base class of every error this library raises on purpose."""


class RulebookError(UdiRulesError):
    """The rule files have problems; `diagnostics` lists every one, sorted by place."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics = sorted(
            diagnostics, key=lambda d: (d.location.file, d.location.line, d.location.col, d.code)
        )
        count = len(self.diagnostics)
        head = f"{count} feil i regelfilene [{count} error(s) in the rule files]"
        super().__init__("\n".join([head, *map(str, self.diagnostics)]))


@dataclass(frozen=True)
class FactProblem:
    """One problem with input facts: the field (dotted path) and what is wrong."""

    field: str
    nb: str
    en: str
    value: object = None

    def __str__(self) -> str:
        return f"{self.field}: {self.nb} [{self.en}]"


class InvalidFacts(UdiRulesError, ValueError):
    """Input facts failed validation; nothing was evaluated."""

    def __init__(self, kind: str, problems: Sequence[FactProblem], *, index: int | None = None):
        self.kind = kind
        self.index = index
        self.problems = list(problems)
        where = kind if index is None else f"{kind} #{index}"
        lines = [f"ugyldige fakta for {where} [invalid facts for {where}]"]
        lines += [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))

    @property
    def fields(self) -> list[str]:
        return [p.field for p in self.problems]


class EngineError(UdiRulesError):
    """The rule engine failed on an input; the evaluation was abandoned whole."""


@dataclass
class DiagnosticSink:
    """Collects diagnostics while a stage runs."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    def raise_if_any(self) -> None:
        if self.items:
            raise RulebookError(self.items)
