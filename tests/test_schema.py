"""The JSON Schema editors use to complete and check rule files as one types."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest

from udi_rules.facts import FACT_MODELS, field_specs
from udi_rules.schema import rule_file_schema
from udi_rules.yaml_source import load_yaml

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
SCHEMA_FILE = RULES / "udi-rules.schema.json"
BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(rule_file_schema())


def data_of(path: Path) -> Any:
    return load_yaml(path.read_text(encoding="utf-8"), str(path)).data


def test_the_committed_schema_is_the_one_the_models_generate():
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))

    assert committed == rule_file_schema(), (
        "rules/udi-rules.schema.json is out of date with udi_rules/model.py or facts.py; "
        "regenerate it with `make schema`"
    )


def test_the_schema_is_valid_json_schema_2020_12():
    jsonschema.Draft202012Validator.check_schema(rule_file_schema())


@pytest.mark.parametrize("path", sorted(RULES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_rule_file_passes_the_schema(path: Path, validator: jsonschema.Draft202012Validator):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data_of(path))]

    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("path", sorted(RULES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_rule_file_points_its_editor_at_the_schema(path: Path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]

    assert first_line == "# yaml-language-server: $schema=udi-rules.schema.json"


# Mistakes the schema can see without the catalogue or the memo.
SCHEMA_SEES = [
    "ukjent-felt.yaml",
    "punkt-uten-anforselstegn.yaml",
    "sant-usant-ja.yaml",
    "all-og-felt-sammen.yaml",
    "ukjent-test-ne.yaml",
    "liste-som-verdi.yaml",
    "in-uten-liste.yaml",
    "not-med-liste.yaml",
    "tom-betingelse.yaml",
    "test-pa-sant-usant.yaml",
    "ukjent-betingelsesfelt.yaml",
    "mangler-sitat.yaml",
    "mangler-henvisning.yaml",
    "tekst-uten-engelsk.yaml",
    "ugyldig-id.yaml",
    "norsk-kind.yaml",
    "komma-i-tekst.yaml",
    "ukjent-seksjon.yaml",
    "frist-for-motet.yaml",
]


@pytest.mark.parametrize("name", SCHEMA_SEES)
def test_a_broken_rule_file_fails_the_schema(name: str, validator: jsonschema.Draft202012Validator):
    assert list(validator.iter_errors(data_of(BROKEN / name)))


def test_the_schema_fails_a_misspelt_field_where_it_stands(validator: jsonschema.Draft202012Validator):
    error = jsonschema.exceptions.best_match(validator.iter_errors(data_of(BROKEN / "ukjent-felt.yaml")))

    assert list(error.absolute_path) == ["duties", 0]
    assert "'titel'" in error.message


def test_a_condition_offers_every_fact_field_with_its_meaning_in_bokmal_then_english():
    properties = rule_file_schema()["$defs"]["FieldTests"]["properties"]

    seen = set()
    for kind in FACT_MODELS:
        for spec in field_specs(kind).values():
            if spec.name in seen:  # a field two kinds share is described as the first kind has it
                continue
            seen.add(spec.name)
            description = properties[spec.name]["description"]
            assert description.startswith(spec.nb) and spec.en in description
            assert description.index(spec.nb) < description.index(spec.en)


def test_a_condition_field_offers_only_the_tests_its_type_allows(validator: jsonschema.Draft202012Validator):
    def rule_with(when: dict[str, Any]) -> dict[str, Any]:
        rule = {"id": "r", "title": {"nb": "t", "en": "t"}, "citation": {"section": "4.1", "quote": "q"}}
        return {"rules": [{**rule, "when": when, "then": {"derive": ["minutes_to_ministry"]}}]}

    assert validator.is_valid(rule_with({"forum": {"in": ["EMN", "EASO"]}}))
    assert validator.is_valid(rule_with({"year": {"gte": 2027}}))
    assert validator.is_valid(rule_with({"departments_concerned": {"contains": "ASA"}}))
    assert not validator.is_valid(rule_with({"forum": {"gt": "EMN"}}))
    assert not validator.is_valid(rule_with({"udi_leader_attends": {"in": [True]}}))
    assert not validator.is_valid(rule_with({"udi_leader_attends": None}))
    assert validator.is_valid(rule_with({"delegation": {"contains": "JD"}}))
    assert not validator.is_valid(rule_with({"agenda_level": "strategisk"}))
    assert not validator.is_valid(rule_with({"first_day": "3. mars 2027"}))


def descriptions(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                yield value
            else:
                yield from descriptions(value)
    elif isinstance(node, list):
        for value in node:
            yield from descriptions(value)


def test_every_description_gives_bokmal_first_then_english():
    for text in descriptions(rule_file_schema()):
        assert " / " in text, text


def test_an_editor_is_never_offered_null_as_a_default():
    text = json.dumps(rule_file_schema())

    assert '"default": null' not in text
