"""What the fuzz tests draw, and what every outcome must satisfy.

Shared by the short runs in `tests/test_fuzz.py` and the long ones in
`benchmarks/fuzz.py`. Conditions are drawn from the fact vocabulary
(`facts.field_specs`) as it stands, so they follow it when it changes;
facts for evaluation start from `engine_support.meeting`, the one place
that knows what an ordinary meeting looks like.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from engine_support import ROOT, catalogue_texts, direct, meeting
from udi_rules import Decision, InvalidFacts, Rulebook, RulebookError
from udi_rules.facts import FACT_MODELS, field_specs
from udi_rules.validate import check_texts

CATALOGUE = check_texts(catalogue_texts()).catalogue
FORUMS = sorted(CATALOGUE.forums)
DEPARTMENTS = sorted(CATALOGUE.departments)
SHIPPED = {p.name: p.read_bytes() for p in sorted((ROOT / "rules").glob("*.yaml"))}
QUOTE = "UDI"  # a quote that is in the memo, for rules that should load

DUTY = """duties:
  - id: fuzz_note
    title: {nb: Merk, en: Note}
    holder: participant
    action: {nb: Merk deg dette., en: Take note of this.}
"""

# --- rule files that should load: random conditions over the vocabulary -------------------


def _values(spec: Any) -> st.SearchStrategy[Any]:
    kind = spec.type
    if kind == "bool":
        return st.booleans()
    if kind == "enum":
        return st.sampled_from(spec.choices)
    if kind == "date":
        return st.dates(date(2020, 1, 1), date(2035, 12, 31)).map(date.isoformat)
    if kind == "int":
        return st.integers(2000, 2200)
    if kind == "forum":
        return st.sampled_from(FORUMS)
    if kind in ("department", "departments"):
        return st.sampled_from(DEPARTMENTS)
    return st.sampled_from(["Budsjett", "Tolkning", "Annet", "Asylprosedyrer", "Nasjonale kontaktpunkter"])


@st.composite
def tests_on(draw: st.DrawFn, kind: str = "meeting") -> dict[str, Any]:
    """One test on one field, as a rule file writes it."""
    spec = draw(st.sampled_from(sorted(field_specs(kind).values(), key=lambda s: s.name)))
    values = _values(spec)
    if spec.type == "departments":
        return {spec.name: {"contains": draw(values)}}
    if spec.type == "bool":
        return {spec.name: draw(values)}
    ops = ["eq"] if spec.type == "bool" else ["eq", "in"]
    if spec.type in ("date", "int"):
        ops += ["gt", "gte", "lt", "lte"]
    op = draw(st.sampled_from(ops))
    if op == "eq":
        return {spec.name: draw(values)}
    if op == "in":
        if draw(st.integers(0, 9)) == 0:  # a long list, near and past what durable-rules can hold
            return {spec.name: {"in": _many(spec, draw(st.integers(300, 700)))}}
        return {spec.name: {"in": draw(st.lists(values, min_size=1, max_size=12))}}
    return {spec.name: {op: draw(values)}}


def _many(spec: Any, count: int) -> list[Any]:
    """`count` distinct values of a field (fewer where the field has fewer)."""
    if spec.type == "date":
        return days_from(date(2027, 1, 1), count)
    if spec.type == "int":
        return list(range(2000, 2000 + count))
    if spec.type == "enum":
        return list(spec.choices)
    if spec.type == "forum":
        return FORUMS
    if spec.type in ("department", "departments"):
        return DEPARTMENTS
    return [f"Tema {k}" for k in range(count)]


def conditions(derived: list[str], kind: str = "meeting") -> st.SearchStrategy[dict[str, Any]]:
    leaves = tests_on(kind)
    if derived:
        leaves = st.one_of(leaves, st.sampled_from(derived).map(lambda name: {"derived": name}))
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=20).map(lambda items: {"all": items}),
            st.lists(inner, min_size=1, max_size=20).map(lambda items: {"any": items}),
            inner.map(lambda item: {"not": item}),
        ),
        max_leaves=20,
    )


@st.composite
def rule_files(draw: st.DrawFn) -> dict[str, str]:
    """A catalogue and one file of random rules over the meeting's fields, with derived facts."""
    derived = [f"x{i}" for i in range(draw(st.integers(0, 4)))]
    rules = []
    for i in range(draw(st.integers(1, 30))):
        when = draw(conditions(derived))
        derive = draw(st.lists(st.sampled_from(derived), max_size=2, unique=True)) if derived else []
        then = {"kind": "information", "duty": "fuzz_note"}
        if derive and draw(st.booleans()):
            then = {"derive": derive}
        rules.append(
            {
                "id": f"r{i:03d}",
                "title": {"nb": f"Regel {i}", "en": f"Rule {i}"},
                "citation": {"section": "4.1", "quote": QUOTE},
                "when": when,
                "then": then,
            }
        )
    facts = [{"id": name, "description": {"nb": name, "en": name}} for name in derived]
    body = {"rules": rules, **({"derived_facts": facts} if facts else {})}
    return {**catalogue_texts(), "fuzz/rules.yaml": DUTY + json.dumps(body, ensure_ascii=False)}


# --- rule files no one means to write -------------------------------------------------------

KEYS = ["id", "title", "nb", "en", "when", "then", "all", "any", "not", "derived", "in", "gt", "lte",
        "contains", "kind", "duty", "derive", "citation", "section", "quote", "forum", "topic", "rules",
        "duties", "roles", "forums", "departments", "provisions", "derived_facts", "first_day",
        "tіtle", "whеn", "ruIes", "rules\u200b"]  # the last four look right and are not (Cyrillic, I for l, a zero-width space)
NASTY = ["\x00", "\t", "\ufeff", "\u202e", "&a ", "*a", "<<: ", "!!python/object ", "? ", "- ", ": ", "{", "[", "}",
         "]", "'", '"', "#", "|", ">", "---\n", "...\n", "%YAML 1.1\n", "\r", "\x85", "\u2028", "é", "\U0001f600"]

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=6), st.dictionaries(st.text(max_size=10), inner, max_size=6)),
    max_leaves=30,
)
rule_data = st.recursive(
    st.one_of(json_scalars, st.sampled_from(KEYS)),
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)),
    max_leaves=40,
)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A shipped rule file with a few random edits: cut, doubled, swapped or inserted text, odd bytes."""
    data = bytearray(draw(st.sampled_from(sorted(SHIPPED.items())))[1])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.integers(0, 5))
        if action == 0:
            data[at : at + draw(st.integers(1, 200))] = b""
        elif action == 1:
            data[at:at] = data[at : at + draw(st.integers(1, 400))] * draw(st.integers(1, 4))
        elif action == 2:
            data[at:at] = draw(st.sampled_from(NASTY + KEYS)).encode()
        elif action == 3:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == 4:
            data[at:at] = b"\n" + b" " * draw(st.integers(0, 12))
        else:
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@st.composite
def hostile(draw: st.DrawFn) -> bytes:
    """Files built to hurt a loader: alias bombs, deep nesting, huge files."""
    shape = draw(st.sampled_from(["bomb", "deep-block", "deep-flow", "wide", "long-line", "nul", "keys"]))
    if shape == "bomb":
        width, levels = draw(st.integers(2, 12)), draw(st.integers(2, 9))
        lines = ["a0: &a0 [x, y]"] + [f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(width))}]" for i in range(1, levels)]
        return ("\n".join(lines) + f"\nrules: *a{levels - 1}\n").encode()
    if shape == "deep-block":
        depth = draw(st.integers(50, 3000))
        return ("rules:\n" + "".join("  " * i + "- a:\n" for i in range(1, depth))).encode()
    if shape == "deep-flow":
        depth = draw(st.integers(50, 10_000))
        close = draw(st.booleans())
        return ("rules: " + "[{a: " * depth + ("1" + "}]" * depth if close else "")).encode()
    if shape == "wide":
        count = draw(st.integers(10_000, 200_000))
        return ("rules:\n" + "  - {id: a}\n" * count).encode()
    if shape == "long-line":
        return b"rules: " + b"x" * draw(st.integers(100_000, 3_000_000))
    if shape == "nul":
        return SHIPPED["4.1-rapportering.yaml"].replace(b"title", b"ti\x00tle", 1)
    return yaml.safe_dump(draw(rule_data), allow_unicode=True).encode()


def any_rule_file() -> st.SearchStrategy[bytes]:
    return st.one_of(
        mutated(),
        hostile(),
        rule_data.map(lambda data: yaml.safe_dump(data, allow_unicode=True).encode()),
        st.binary(max_size=300),
    )


# --- what every outcome must satisfy ------------------------------------------------------------


def load_outcome(files: dict[str, bytes | str], *, evaluate: bool = True) -> Rulebook | RulebookError:
    """Load `files` from a fresh folder; the rulebook, or the RulebookError with every diagnostic located.

    Anything else (another exception, a diagnostic without a place) fails.
    """
    folder = Path(tempfile.mkdtemp(prefix="udi-fuzz-"))
    try:
        for name, content in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode() if isinstance(content, str) else content)
        try:
            book = Rulebook.load(folder)
        except RulebookError as error:
            assert error.diagnostics
            for found in error.diagnostics:
                assert found.location.line >= 1 and found.location.col >= 1, str(found)
                assert found.location.file.endswith((".yaml", ".yml", ".txt")) or Path(found.location.file).is_dir(), str(found)
                assert found.nb and found.en, str(found)
            return error
        if evaluate:
            try:
                book.evaluate(meeting())
            except InvalidFacts:
                pass  # a catalogue without the ordinary meeting's forum or department
        return book
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def agree_with_direct(book: Rulebook, facts: dict[str, Any]) -> None:
    """The engine's conclusions are those of the direct evaluation."""
    try:
        decision = book.evaluate(facts)
    except InvalidFacts:
        return
    model = FACT_MODELS["meeting"].model_validate(facts, context={"catalogue": book.catalogue})
    conclusions, derived = direct(book.checked, model.__dict__)
    assert decision.rule_ids == conclusions
    assert {d.id: d.derived_by for d in decision.derived} == derived


def facts_outcome(book: Rulebook, value: Any, kind: str | None = None) -> Decision | InvalidFacts:
    """Any JSON value as facts (of `kind`): a decision, or InvalidFacts with a short message."""
    try:
        return book.evaluate(value, kind=kind)
    except InvalidFacts as error:
        assert len(str(error)) < 20_000, "an error message should not carry the whole input"
        return error


@st.composite
def meetings_with_junk(draw: st.DrawFn) -> Any:
    """An ordinary meeting with fields changed to, added as or left out for any JSON value; or any JSON value."""
    if draw(st.booleans()):
        return draw(json_values)
    if draw(st.integers(0, 4)) == 0:
        return {"year": draw(st.one_of(st.integers(2000, 2200), json_values)), **draw(st.dictionaries(st.sampled_from(sorted(field_specs("year"))), json_values, max_size=2))}
    facts = meeting()
    names = sorted(field_specs("meeting")) + ["sid", "t", "id", "$s", ""]
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(names))
        if draw(st.integers(0, 4)) == 0:
            facts.pop(name, None)
        else:
            facts[name] = draw(st.one_of(json_values, _values(field_specs("meeting")[name]) if name in field_specs("meeting") else json_values))
    return facts


def days_from(start: date, count: int) -> list[str]:
    return [(start + timedelta(days=i)).isoformat() for i in range(count)]
