"""The schema knows the catalogue: an editor completes forum, duty and role names and flags misspelt ones."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from udi_rules.schema import rule_file_schema, shipped_rules_path
from udi_rules.rule_files import load_rulebook
from udi_rules.yaml_source import load_yaml

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return rule_file_schema()


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def catalogue():
    return load_rulebook(RULES).catalogue


def a_rule(**changes: Any) -> dict[str, Any]:
    rule = {
        "id": "4.1-ny-regel",
        "title": {"nb": "Ny regel", "en": "New rule"},
        "citation": {"section": "4.1", "provision": "4.1-1", "quote": "sitat"},
        "when": {"forum": "EMN"},
        "then": {"kind": "duty", "duty": "ministry_report_letter"},
    }
    rule.update(changes)
    return {"rules": [rule]}


def errors(validator: jsonschema.Draft202012Validator, data: Any) -> list[jsonschema.ValidationError]:
    return list(validator.iter_errors(data))


def test_a_rule_naming_a_known_forum_and_duty_passes_the_schema(validator):
    assert errors(validator, a_rule()) == []
    assert errors(validator, a_rule(when={"forum": {"in": ["euaa", "EASO", "Schengen"]}})) == []


def test_a_misspelt_duty_is_flagged_where_it_stands_with_the_known_duties_offered(validator):
    found = errors(validator, a_rule(then={"kind": "duty", "duty": "ministry_report_leter"}))

    best = jsonschema.exceptions.best_match(found)

    assert [list(e.absolute_path) for e in found] == [["rules", 0, "then", "duty"]]
    assert "'ministry_report_leter' is not one of" in best.message and "'ministry_report_letter'" in best.message


def test_a_misspelt_forum_role_provision_or_derived_fact_is_flagged(validator):
    assert errors(validator, a_rule(when={"forum": "EMM"}))
    assert errors(validator, a_rule(when={"derived": "minutes_to_minstry"}))
    assert errors(validator, a_rule(citation={"section": "4.1", "provision": "4.1-99", "quote": "q"}))
    assert errors(validator, a_rule(when={"responsible_department": "ASB"}))
    duty = {"id": "ny", "title": {"nb": "t", "en": "t"}, "holder": "department_directr", "action": {"nb": "a", "en": "a"}}
    assert errors(validator, {"duties": [duty]})
    assert errors(validator, {"duties": [{**duty, "holder": "department_director", "recipients": ["minstry"]}]})
    assert not errors(validator, {"duties": [{**duty, "holder": "department_director", "recipients": ["ministry"]}]})


def test_a_new_duty_or_forum_may_take_any_id_where_it_is_defined(validator):
    duty = {"id": "helt-ny-plikt", "title": {"nb": "t", "en": "t"}, "holder": "department_director",
            "action": {"nb": "a", "en": "a"}}
    forum = {"id": "nytt-forum", "name": {"nb": "Nytt forum", "en": "New forum"}}

    assert not errors(validator, {"duties": [duty], "forums": [forum]})


def enumerated(schema: dict[str, Any], name: str) -> dict[str, str]:
    definition = schema["$defs"][name]
    assert len(definition["enum"]) == len(definition["markdownEnumDescriptions"])
    return dict(zip(definition["enum"], definition["markdownEnumDescriptions"]))


def test_the_schema_lists_every_forum_with_its_aliases_and_names(schema, catalogue):
    forums = enumerated(schema, "ForumName")

    for forum in catalogue.forums.values():
        for name in (forum.id, *forum.aliases):
            assert forum.name.nb in forums[name] and forum.name.en in forums[name]


def test_the_schema_lists_every_duty_role_department_derived_fact_and_provision(schema, catalogue):
    assert enumerated(schema, "DutyId") == {d.id: f"{d.title.nb} / {d.title.en}" for d in catalogue.duties.values()}
    assert enumerated(schema, "RoleId") == {r.id: f"{r.name.nb} / {r.name.en}" for r in catalogue.roles.values()}
    assert set(enumerated(schema, "DepartmentId")) == set(catalogue.departments)
    assert set(enumerated(schema, "DerivedFactId")) == set(catalogue.derived_facts)
    assert set(enumerated(schema, "ProvisionId")) == set(catalogue.provisions)


def test_every_place_a_rule_file_names_the_catalogue_points_at_its_list(schema):
    defs = schema["$defs"]
    text = json.dumps(defs)

    assert defs["Then"]["properties"]["duty"]["$ref"] == "#/$defs/DutyId"
    assert defs["DerivedRef"]["properties"]["derived"]["$ref"] == "#/$defs/DerivedFactId"
    assert defs["Duty"]["properties"]["holder"]["$ref"] == "#/$defs/RoleId"
    assert defs["Duty"]["properties"]["copies"]["items"] == {"$ref": "#/$defs/RoleId"}
    assert defs["MeetingDeadline"]["properties"]["from"]["$ref"] == "#/$defs/DateField"
    assert defs["FieldTests"]["properties"]["forum"]["anyOf"][0] == {"$ref": "#/$defs/ForumName"}
    contains = defs["FieldTests"]["properties"]["departments_concerned"]["properties"]["contains"]
    assert contains["$ref"] == "#/$defs/DepartmentId"
    for name in ("ForumName", "DutyId", "RoleId", "DepartmentId", "DerivedFactId", "ProvisionId"):
        assert f'"#/$defs/{name}"' in text


def test_a_condition_on_a_choice_field_describes_each_choice(schema):
    agenda = schema["$defs"]["FieldTests"]["properties"]["agenda_level"]["anyOf"][0]

    assert agenda["enum"] == ["strategic", "operational"]
    assert agenda["markdownEnumDescriptions"][0].startswith("overordnet, strategisk nivå / ")


def filled(snippet: str) -> str:
    """A snippet as the editor inserts it when the writer accepts every default."""
    text = re.sub(r"\$\{\d+\|([^,|]+)[^|]*\|\}", r"\1", snippet)
    return re.sub(r"\$\{\d+:([^}]*)\}", r"\1", text)


@pytest.mark.parametrize("section, definition", [("rules", "Rule"), ("duties", "Duty")])
def test_the_snippet_for_a_new_entry_passes_the_schema_as_inserted(schema, validator, section, definition):
    snippets = schema["$defs"][definition]["defaultSnippets"]
    assert snippets and all(" / " in s["label"] for s in snippets)
    for snippet in snippets:
        entry = load_yaml(filled(snippet["bodyText"]), "snippet.yaml").data

        assert errors(validator, {section: [entry]}) == []


def test_the_schema_lists_the_catalogue_of_the_rules_it_is_made_for(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    forums = rules / "forums.yaml"
    forums.write_text(
        forums.read_text(encoding="utf-8")
        + "\n  - id: testforum\n    name: {nb: Testforumet, en: The test forum}\n    aliases: [TF]\n",
        encoding="utf-8",
    )

    names = enumerated(rule_file_schema(rules), "ForumName")

    assert "testforum" in names and "TF" in names
    assert "TF" not in enumerated(rule_file_schema(), "ForumName")


def test_the_schema_reads_the_rules_rulebook_default_reads():
    from udi_rules.rulebook import default_rules_path

    assert shipped_rules_path() == default_rules_path()


def test_making_the_schema_never_calls_the_rule_engine():
    # Importing `udi_rules` still imports durable-rules (the package's __init__ does);
    # an engine whose every call fails shows the schema is made without it.
    blocked = (
        "import sys, types\n"
        "engine = types.ModuleType('durable_rules_engine')\n"
        "def refuse(name): raise AssertionError(f'the schema called durable-rules: {name}')\n"
        "engine.__getattr__ = refuse\n"
        "sys.modules['durable_rules_engine'] = engine\n"
        "from udi_rules.schema import rule_file_schema\n"
        "print(len(rule_file_schema()['$defs']['DutyId']['enum']))\n"
    )
    result = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True, timeout=60, cwd=ROOT)

    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 10


def test_the_repository_tells_the_editor_to_use_the_schema_and_the_yaml_extension():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))

    globs = settings["yaml.schemas"]["./rules/udi-rules.schema.json"]
    assert "rules/*.yaml" in globs
    assert (ROOT / "rules" / "udi-rules.schema.json").is_file()
    assert "redhat.vscode-yaml" in extensions["recommendations"]
