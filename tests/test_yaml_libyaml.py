"""libyaml reads the rule files fast and to the same data, places and diagnostics as PyYAML's own parser."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from engine_support import ROOT
from udi_rules import yaml_source
from udi_rules.source_map import YamlProblems
from udi_rules.yaml_source import load_yaml

pytestmark = pytest.mark.skipif(yaml_source._CoreSchemaCLoader is None, reason="PyYAML was built without libyaml")

FILES = sorted(
    [*ROOT.glob("rules/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml"), *ROOT.glob("examples/*.yaml")]
)
SMALL = [p for p in FILES if p.stat().st_size < 3000]
#: what an editor's slip puts into a file
SLIPS = list(":-\"'\t[]{}&*!|>#%@`,? \n\\") + ["æ", "\u00a0", "\x85", "\u2028", "\x07"]


def outcome(text: str, *, libyaml: bool, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as patch:
        if not libyaml:
            patch.setattr(yaml_source, "_CoreSchemaCLoader", None)
        try:
            loaded = load_yaml(text, "f.yaml")
        except YamlProblems as problems:
            return [str(d) for d in problems.diagnostics]
    source = loaded.source
    # an empty value (`{a: , b}`) is placed a column apart by the two; it is null either way
    places = {path: place for path, place in source.values.items() if value_at(loaded.data, path) is not None}
    return loaded.data, places, source.keys, source.texts


def value_at(data: object, path: tuple) -> object:
    for step in path:
        data = data[step]  # type: ignore[index]
    return data


def mutated(text: str, pick: random.Random) -> str:
    for _ in range(pick.randint(1, 3)):
        at = pick.randrange(len(text) + 1)
        slip = pick.choice(SLIPS)
        text = pick.choice([text[:at] + slip + text[at:], text[:at] + text[at + 1 :], text[:at] + slip + text[at + 1 :]])
    return text


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_of_the_project_loads_the_same_through_libyaml_and_pyyaml(path: Path, monkeypatch):
    text = path.read_text(encoding="utf-8")

    assert outcome(text, libyaml=True, monkeypatch=monkeypatch) == outcome(text, libyaml=False, monkeypatch=monkeypatch)


def test_a_text_pyyaml_reads_gives_the_same_data_and_places_through_libyaml(monkeypatch):
    pick = random.Random(2011)
    compared = 0
    for _ in range(200):
        text = mutated(pick.choice(SMALL).read_text(encoding="utf-8"), pick)
        expected = outcome(text, libyaml=False, monkeypatch=monkeypatch)
        got = outcome(text, libyaml=True, monkeypatch=monkeypatch)
        if pyyaml_composes(text) or yaml_source._compose_with_libyaml(text) is None:
            assert got == expected, text
            compared += 1
        # else: valid YAML 1.2 that PyYAML refuses (a tab or `?` in a flow scalar): libyaml reads it as written
    assert compared > 160


def pyyaml_composes(text: str) -> bool:
    try:
        list(yaml.compose_all(text, Loader=yaml_source._CoreSchemaLoader))
    except yaml.YAMLError:
        return False
    return True


def test_a_byte_order_mark_or_control_character_inside_the_text_is_left_to_pyyaml():
    assert yaml_source._compose_with_libyaml("a: b\ufeffc\n") is None
    assert yaml_source._compose_with_libyaml("a: b\x07\n") is None
    assert yaml_source._compose_with_libyaml("a: [b\n") is None
    assert yaml_source._compose_with_libyaml("a: b\n") is not None
