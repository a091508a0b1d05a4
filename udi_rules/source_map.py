"""What a parsed rule file is: plain data, where each value stands, or the problems that stopped it.

Kept apart from `yaml_source`, which parses, so that code holding a source map
(and a rulebook read from the cache, which holds none) does not import PyYAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import Diagnostic, Location

Path = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a loaded document stands."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    texts: dict[Path, str] = field(default_factory=dict)
    """The text as written, for plain scalars that became numbers (`3.10`, not 3.1)."""

    def location(self, path: Path, *, key: bool = False) -> Location:
        """The place of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return Location(self.file, *table[probe])
            if key and probe in self.values:
                return Location(self.file, *self.values[probe])
            probe = probe[:-1]
        return Location(self.file, *self.values.get((), (1, 1)))


@dataclass
class LoadedYaml:
    data: Any
    source: SourceMap


class YamlProblems(Exception):
    """The text could not become data; the diagnostics say where and why."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(map(str, diagnostics)))
