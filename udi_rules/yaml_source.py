"""Strict YAML 1.2 loading with a source map.

PyYAML speaks YAML 1.1, where `NO` (Norway's country code), `yes`, `on` and
`off` become booleans and `2027-03-03` becomes a date. Rule files are written
by people, so only the YAML 1.2 core schema is resolved here: `true`/`false`,
null, integers and floats. Everything else stays text, and the fields' types
decide what text means. Duplicate keys, custom tags, merge keys (`<<`),
aliases that loop and several documents in one file are errors. Every value
keeps the line and column it came from.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import Diagnostic, Location
from .rule_files import MAX_CHARS
from .source_map import LoadedYaml, Path, SourceMap, YamlProblems

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


#: Nesting levels of lists and mappings. PyYAML composes recursively and overflows
#: Python's stack at about 350 levels; a rule needs perhaps ten.
MAX_DEPTH = 64
#: Lists, mappings and values one file may hold as written, before aliases are expanded.
MAX_NODES = 50_000


class _TooBig(Exception):
    """Raised from inside the composer, which has no other way to stop early."""

    def __init__(self, what: str, mark: yaml.Mark):
        self.what = what
        self.mark = mark


class _CoreSchemaLoader(yaml.SafeLoader):
    """SafeLoader that resolves plain scalars by the YAML 1.2 core schema only.

    It also stops composing at `MAX_DEPTH` levels and `MAX_NODES` nodes, so a
    hostile file ends in a diagnostic instead of a `RecursionError` or minutes
    of work.
    """

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        self._nodes += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooBig("depth", self.peek_event().start_mark)
            if self._nodes > MAX_NODES:
                raise _TooBig("nodes", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_CoreSchemaLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _CORE_SCHEMA:
    _CoreSchemaLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
_SCALAR_PATTERNS = {tag: re.compile(pattern) for tag, pattern, _ in _CORE_SCHEMA}

_CoreSchemaCLoader: Any = None
if getattr(yaml, "__with_libyaml__", False):

    class _CoreSchemaCLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """libyaml's parser (15 times faster) with the same resolvers, so the same nodes."""

    _CoreSchemaCLoader.yaml_implicit_resolvers = _CoreSchemaLoader.yaml_implicit_resolvers

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


def load_yaml(text: str, file: str) -> LoadedYaml:
    """Parse one YAML document into plain data and its source map.

    Raises:
        YamlProblems: syntax errors, duplicate keys, tags, several documents.
    """
    if len(text) > MAX_CHARS:
        raise YamlProblems([_too_long(text, file)])
    nodes = _compose_with_libyaml(text)
    try:
        if nodes is None:
            nodes = list(yaml.compose_all(text, Loader=_CoreSchemaLoader))
    except _TooBig as exc:
        raise YamlProblems([_too_big(exc, file)]) from None
    except RecursionError:  # a deep structure the depth bound did not see; never expected
        raise YamlProblems([_too_big(_TooBig("depth", yaml.Mark(file, 0, 0, 0, None, None)), file)]) from None
    except yaml.MarkedYAMLError as exc:
        raise YamlProblems([_syntax_diagnostic(exc, file)]) from None
    except yaml.reader.ReaderError as exc:
        raise YamlProblems([_reader_diagnostic(exc, text, file)]) from None
    except yaml.YAMLError as exc:  # errors without a mark
        raise YamlProblems(
            [Diagnostic("yaml-syntax", f"ugyldig YAML: {exc}", f"invalid YAML: {exc}", Location(file, 1, 1))]
        ) from None
    source = SourceMap(file)
    if len(nodes) > 1:
        raise YamlProblems([_several_documents(text, file)])
    if not nodes or nodes[0] is None:
        return LoadedYaml(None, source)
    builder = _Builder(source)
    data = builder.build(nodes[0], ())
    if builder.problems:
        raise YamlProblems(builder.problems)
    return LoadedYaml(data, source)


def _nb(number: int) -> str:
    """A number as bokmål writes it: 262 144."""
    return f"{number:,}".replace(",", "\u00a0")


def _too_long(text: str, file: str) -> Diagnostic:
    line = text.count("\n", 0, MAX_CHARS) + 1
    return Diagnostic(
        "yaml-too-large",
        f"filen er for stor ({_nb(len(text))} tegn, høyst {_nb(MAX_CHARS)}); den er for lang fra og med denne linjen",
        f"the file is too large ({len(text):,} characters, at most {MAX_CHARS:,}); it is too long from this line on",
        Location(file, line, 1),
        "del reglene over flere filer",
        "split the rules over several files",
    )


def _too_big(exc: _TooBig, file: str) -> Diagnostic:
    where = Location(file, exc.mark.line + 1, exc.mark.column + 1)
    if exc.what == "depth":
        return Diagnostic(
            "yaml-too-deep",
            f"lister og mappinger står mer enn {MAX_DEPTH} nivåer inni hverandre her",
            f"lists and mappings are nested more than {MAX_DEPTH} levels deep here",
            where,
            "gjør strukturen flatere; en regel trenger sjelden mer enn ti nivåer",
            "make the structure flatter; a rule seldom needs more than ten levels",
        )
    return Diagnostic(
        "yaml-too-large",
        f"filen har for mange verdier (over {_nb(MAX_NODES)}); grensen nås her",
        f"the file holds too many values (over {MAX_NODES:,}); the limit is reached here",
        where,
        "del reglene over flere filer",
        "split the rules over several files",
    )


def _compose_with_libyaml(text: str) -> list[Any] | None:
    """The documents as libyaml composes them, or None to leave the text to PyYAML's own parser.

    PyYAML's parser words the problems (the diagnostics here are keyed to its
    messages), so a text libyaml refuses goes there, as does one with a
    control character or a byte-order mark inside (where the two count
    columns differently). libyaml reads a few texts PyYAML refuses, all valid
    YAML 1.2 (a tab or `?` inside a flow scalar); they load as written.
    """
    if _CoreSchemaCLoader is None or "\ufeff" in text or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    try:
        nodes = list(yaml.compose_all(text, Loader=_CoreSchemaCLoader))
    except Exception:  # noqa: BLE001 - whatever libyaml disliked, PyYAML finds and words it
        return None
    return nodes if _within_bounds(nodes) else None  # PyYAML's composer stops at the bound, with its place


def _within_bounds(nodes: list[Any]) -> bool:
    """Whether the documents stay within `MAX_DEPTH` levels and `MAX_NODES` values, aliases counted each time."""
    count = 0
    stack = [(node, 1) for node in nodes if node is not None]
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH or count > MAX_NODES:
            return False
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
    return True


def _several_documents(text: str, file: str) -> Diagnostic:
    events = yaml.parse(text, Loader=_CoreSchemaLoader)
    starts = [e.start_mark for e in events if isinstance(e, yaml.DocumentStartEvent)]
    mark = starts[1]
    return Diagnostic(
        "yaml-documents",
        "`---` deler filen i flere YAML-dokumenter, men en regelfil skal ha bare ett",
        "`---` splits the file into several YAML documents, but a rule file holds only one",
        Location(file, mark.line + 1, mark.column + 1),
        "fjern `---`, eller flytt det som står under, til en egen fil",
        "remove the `---`, or move what follows it to a file of its own",
    )


def _place(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_MAX_VALUES = 100_000  # aliases can multiply a small text into a huge one ("billion laughs")


class _Builder:
    """Turns composed nodes into plain data, filling the source map and collecting problems."""

    def __init__(self, source: SourceMap):
        self.source = source
        self.problems: list[Diagnostic] = []
        self.open: set[int] = set()  # nodes being built: an alias back into one of them is a loop
        self.count = 0

    def problem(self, code: str, nb: str, en: str, node: yaml.Node, hint_nb: str = "", hint_en: str = "") -> None:
        self.problems.append(Diagnostic(code, nb, en, Location(self.source.file, *_place(node)), hint_nb, hint_en))

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.source.values[path] = _place(node)
        self.count += 1
        if self.count > _MAX_VALUES:
            if self.count == _MAX_VALUES + 1:
                self.problem(
                    "yaml-too-large",
                    f"filen blir for stor (over {_MAX_VALUES} verdier) når ankrene (`*`) er satt inn",
                    f"the file grows too large (over {_MAX_VALUES} values) once its aliases (`*`) are expanded",
                    node,
                    "skriv verdiene ut i stedet for å gjenta ankre",
                    "write the values out instead of repeating aliases",
                )
            return None
        if node.tag not in _STANDARD_TAGS:
            tag = _short_tag(node.tag)
            self.problem(
                "yaml-tag",
                f"taggen `{tag}` er ikke tillatt i regelfiler",
                f"the tag `{tag}` is not allowed in rule files",
                node,
                "fjern taggen; skriv verdien som vanlig tekst, tall, liste eller mapping",
                "remove the tag; write the value as plain text, a number, a list or a mapping",
            )
            return None
        if not _tag_fits(node):
            tag = _short_tag(node.tag)
            self.problem(
                "yaml-tag",
                f"taggen `{tag}` passer ikke til verdien som står etter den",
                f"the tag `{tag}` does not fit the value after it",
                node,
                "fjern taggen",
                "remove the tag",
            )
            return None
        if id(node) in self.open:
            self.problem(
                "yaml-alias-loop",
                "dette ankeret (`&`) brukes inne i seg selv (med `*`), så verdien ville aldri ta slutt",
                "this anchor (`&`) is used inside itself (with `*`), so the value would never end",
                node,
            )
            return None
        if isinstance(node, yaml.ScalarNode):
            value = _scalar(node)
            if not isinstance(value, str) and not node.style and value is not None:  # plain: None, or '' from libyaml
                self.source.texts[path] = node.value
            return value
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        source = self.source
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            plain = isinstance(key_node, yaml.ScalarNode) and key_node.tag in _STANDARD_TAGS and _tag_fits(key_node)
            if not plain:
                self.problem(
                    "yaml-key",
                    "en nøkkel må være et enkelt ord eller en tekst, uten tagg og ikke en liste eller mapping",
                    "a key must be a single word or text, without a tag and not a list or a mapping",
                    key_node,
                )
                continue
            key = _scalar(key_node)
            key = key if isinstance(key, str) else str(key_node.value)
            if key == "<<" and not key_node.style:
                self.problem(
                    "yaml-merge-key",
                    "`<<` (å slå sammen mappinger) støttes ikke i regelfiler",
                    "`<<` (merging mappings) is not supported in rule files",
                    key_node,
                    "skriv feltene ut der de skal stå",
                    "write the fields out where they belong",
                )
                continue
            if key in first_seen:
                self.problem(
                    "yaml-duplicate-key",
                    f"nøkkelen `{key}` står to ganger i samme mapping (første gang på linje {first_seen[key]})",
                    f"the key `{key}` appears twice in the same mapping (first on line {first_seen[key]})",
                    key_node,
                    "slett den ene, eller slå dem sammen",
                    "remove one of them, or merge them",
                )
                continue
            first_seen[key] = key_node.start_mark.line + 1
            source.keys[path + (key,)] = _place(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result


def _short_tag(tag: str) -> str:
    """A tag as the author wrote it: `!!python/object`, not its long form."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def _tag_fits(node: yaml.Node) -> bool:
    """Whether a standard tag written by hand (`!!int abc`, `!!map [1]`) fits its node."""
    if isinstance(node, yaml.MappingNode):
        return node.tag == "tag:yaml.org,2002:map"
    if isinstance(node, yaml.SequenceNode):
        return node.tag == "tag:yaml.org,2002:seq"
    pattern = _SCALAR_PATTERNS.get(node.tag)
    return node.tag == "tag:yaml.org,2002:str" or (pattern is not None and bool(pattern.match(node.value)))

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
    problem = exc.problem or str(exc)
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    nb, en = f"filen er ikke gyldig YAML: {problem}", f"the file is not valid YAML: {problem}"
    hint_nb = hint_en = ""
    for pattern, in_context, words in _SYNTAX_WORDS:
        found = re.search(pattern, problem)
        if found and in_context in context:
            nb, en, hint_nb, hint_en = (w.format(*found.groups()) for w in words)
            if in_context and exc.context_mark:
                mark = exc.context_mark  # where the quote or bracket was opened
            break
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Diagnostic("yaml-syntax", nb, en, Location(file, line, col), hint_nb, hint_en)


# (pattern in PyYAML's problem, text its context must hold, (nb, en, hint nb, hint en))
_SYNTAX_WORDS: list[tuple[str, str, tuple[str, str, str, str]]] = [
    (
        r"found character '\\t' that cannot start any token",
        "",
        (
            "en tabulator (tab) står i innrykket",
            "a tab character stands in the indentation",
            "bruk mellomrom til innrykk, ikke tabulator",
            "indent with spaces, not tabs",
        ),
    ),
    (
        r"found character '(.)' that cannot start any token",
        "",
        (
            "en verdi kan ikke begynne med tegnet «{0}»",
            "a value cannot start with the character «{0}»",
            'sett verdien i anførselstegn: "..."',
            'put the value in quotes: "..."',
        ),
    ),
    (
        r"found unexpected end of stream",
        "quoted scalar",
        (
            "anførselstegnet som åpnes her, blir aldri lukket",
            "the quote opened here is never closed",
            "legg til det avsluttende anførselstegnet; står det en apostrof inne i teksten, "
            "bruk doble anførselstegn rundt den",
            "add the closing quote; if the text holds an apostrophe, put double quotes around it",
        ),
    ),
    (
        r"expected ',' or '\}'",
        "flow mapping",
        (
            "krøllparentesen `{{` som åpnes her, blir ikke lukket riktig",
            "the brace `{{` opened here is not closed properly",
            "sjekk at den har en `}}` på slutten, og sett tekst med komma eller kolon i anførselstegn",
            "check that it has a `}}` at the end, and quote text that holds a comma or a colon",
        ),
    ),
    (
        r"expected ',' or '\]'",
        "flow sequence",
        (
            "hakeparentesen `[` som åpnes her, blir ikke lukket riktig",
            "the bracket `[` opened here is not closed properly",
            "sjekk at den har en `]` på slutten, og sett tekst med komma i anførselstegn",
            "check that it has a `]` at the end, and quote text that holds a comma",
        ),
    ),
    (
        r"mapping values are not allowed here",
        "",
        (
            "et kolon (`:`) står der det ikke kan stå",
            "a colon (`:`) stands where it cannot",
            "sett tekst som inneholder «: » i anførselstegn, og sjekk innrykket",
            'put text that holds ": " in quotes, and check the indentation',
        ),
    ),
    (
        r"expected <block end>, but found '<scalar>'",
        "",
        (
            "det står tekst etter en verdi som allerede er avsluttet",
            "there is text after a value that has already ended",
            "sett hele verdien i anførselstegn; står det en apostrof inne i teksten, bruk doble anførselstegn",
            "put the whole value in quotes; if the text holds an apostrophe, use double quotes",
        ),
    ),
    (
        r"expected <block end>|did not find expected (key|'-' indicator)|could not find expected ':'",
        "",
        (
            "innrykket stemmer ikke med linjene over",
            "the indentation does not match the lines above",
            "linjer på samme nivå skal stå like langt inn, "
            "og hver linje skal være `nøkkel: verdi` eller `- verdi`",
            "lines on the same level start in the same column, and each is `key: value` or `- value`",
        ),
    ),
    (
        r"found undefined alias '(.*)'",
        "",
        (
            "`*{0}` viser til et anker (`&{0}`) som ikke finnes; en verdi kan ikke begynne med `*`",
            "`*{0}` refers to an anchor (`&{0}`) that does not exist; a value cannot start with `*`",
            'sett verdien i anførselstegn: "..."',
            'put the value in quotes: "..."',
        ),
    ),
]


def _reader_diagnostic(exc: yaml.reader.ReaderError, text: str, file: str) -> Diagnostic:
    before = text[: max(exc.position, 0)]
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    code = f"U+{ord(char):04X}"
    return Diagnostic(
        "yaml-syntax",
        f"filen har et usynlig kontrolltegn ({code}) som ikke kan stå i en regelfil",
        f"the file holds an invisible control character ({code}) that cannot be in a rule file",
        Location(file, line, col),
        "slett tegnet; det kommer ofte med når tekst limes inn fra et annet program",
        "delete the character; it often comes along when text is pasted from another program",
    )
