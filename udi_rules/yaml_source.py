"""Strict YAML 1.2 loading with a source map.

PyYAML speaks YAML 1.1, where `NO` (Norway's country code), `yes`, `on` and
`off` become booleans and `2027-03-03` becomes a date. Rule files are written
by people, so only the YAML 1.2 core schema is resolved here: `true`/`false`,
null, integers and floats. Everything else stays text, and the fields' types
decide what text means. Duplicate keys, custom tags and several documents in
one file are errors. Every value keeps the line and column it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Diagnostic, Location

Path = tuple[str | int, ...]

_CORE_SCHEMA = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
]


class _CoreSchemaLoader(yaml.SafeLoader):
    """SafeLoader that resolves plain scalars by the YAML 1.2 core schema only."""


_CoreSchemaLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _CORE_SCHEMA:
    _CoreSchemaLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a loaded document stands."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

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


def load_yaml(text: str, file: str) -> LoadedYaml:
    """Parse one YAML document into plain data and its source map.

    Raises:
        YamlProblems: syntax errors, duplicate keys, tags, several documents.
    """
    try:
        nodes = list(yaml.compose_all(text, Loader=_CoreSchemaLoader))
    except yaml.MarkedYAMLError as exc:
        raise YamlProblems([_syntax_diagnostic(exc, file)]) from None
    except yaml.YAMLError as exc:  # errors without a mark
        raise YamlProblems(
            [Diagnostic("yaml-syntax", f"ugyldig YAML: {exc}", f"invalid YAML: {exc}", Location(file, 1, 1))]
        ) from None
    source = SourceMap(file)
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        raise YamlProblems(
            [
                Diagnostic(
                    "yaml-documents",
                    "filen har flere YAML-dokumenter (`---`); bruk ett dokument per fil",
                    "the file holds several YAML documents (`---`); use one document per file",
                    Location(file, mark.line + 1, mark.column + 1),
                )
            ]
        )
    if not nodes or nodes[0] is None:
        return LoadedYaml(None, source)
    problems: list[Diagnostic] = []
    data = _build(nodes[0], (), source, problems)
    if problems:
        raise YamlProblems(problems)
    return LoadedYaml(data, source)


def _place(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(node: yaml.Node, path: Path, source: SourceMap, problems: list[Diagnostic]) -> Any:
    source.values[path] = _place(node)
    if node.tag not in _STANDARD_TAGS:
        problems.append(
            Diagnostic(
                "yaml-tag",
                f"YAML-taggen `{node.tag}` er ikke tillatt i regelfiler",
                f"the YAML tag `{node.tag}` is not allowed in rule files",
                Location(source.file, *_place(node)),
                "fjern taggen",
                "remove the tag",
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    Diagnostic(
                        "yaml-key",
                        "en nøkkel må være en enkel verdi",
                        "a key must be a plain value",
                        Location(source.file, *_place(key_node)),
                    )
                )
                continue
            key = _scalar(key_node)
            key = key if isinstance(key, str) else str(key_node.value)
            if key in first_seen:
                problems.append(
                    Diagnostic(
                        "yaml-duplicate-key",
                        f"nøkkelen `{key}` står to ganger (først på linje {first_seen[key]})",
                        f"the key `{key}` appears twice (first on line {first_seen[key]})",
                        Location(source.file, *_place(key_node)),
                        "slett eller slå sammen den ene",
                        "remove or merge one of them",
                    )
                )
                continue
            first_seen[key] = key_node.start_mark.line + 1
            source.keys[path + (key,)] = _place(key_node)
            result[key] = _build(value_node, path + (key,), source, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), source, problems) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    tag = node.tag
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:int":
        if value.startswith(("0o", "0x")):
            return int(value, 0)
        return int(value, 10)
    if tag == "tag:yaml.org,2002:float":
        lowered = value.lower()
        if lowered.endswith("inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        if lowered.endswith("nan"):
            return float("nan")
        return float(value)
    return value


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, file: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or str(exc)
    hint_nb = hint_en = ""
    if "\\t" in problem or "\t" in problem:
        hint_nb, hint_en = "bruk mellomrom til innrykk, ikke tabulator", "indent with spaces, not tabs"
    elif "mapping values are not allowed" in problem:
        hint_nb = "sett verdier med kolon i anførselstegn, og sjekk innrykket"
        hint_en = "quote values that contain a colon, and check the indentation"
    return Diagnostic(
        "yaml-syntax",
        f"filen er ikke gyldig YAML: {problem}",
        f"the file is not valid YAML: {problem}",
        Location(file, line, col),
        hint_nb,
        hint_en,
    )
