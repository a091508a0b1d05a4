"""JSON Schema of a rule file, so an editor can complete and check as one types.

Generated from the pydantic models in `model.py`. A condition under `when`
lists the fact fields of `facts.py` by name, with what each one means in
bokmål and English, and the tests each field allows; so an editor offers
`ministry_of_justice_attends` and knows that it takes `true` or `false`.
The YAML files point at it with `# yaml-language-server: $schema=...`.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from .facts import FACT_MODELS, FieldSpec, field_specs
from .model import SECTION_MODELS, RuleFile
from .validate import OPERATORS_BY_TYPE

# Bokmål for the models' docstrings, which give the English.
_MODEL_NB = {
    "AllOf": ("Alle betingelsene i listen må gjelde", "All the conditions in the list must hold"),
    "AnyOf": ("Minst én av betingelsene i listen må gjelde", "At least one condition in the list must hold"),
    "NotOf": ("Betingelsen må ikke gjelde", "The condition must not hold"),
    "DerivedRef": ("Et avledet faktum må gjelde", "A derived fact must hold"),
    "Text": "Den samme teksten på bokmål og engelsk",
    "Forum": "Et internasjonalt forum UDI deltar i",
    "Department": "En avdeling i UDI",
    "Role": "En som har en plikt eller mottar et dokument",
    "MeetingDeadline": "En frist regnet i dager fra (eller før) en dato i faktaene",
    "DateInYear": "En frist på en fast dag i året, f.eks. 1. mai",
    "Duty": "Hva en konklusjon betyr i praksis, definert én gang og vist til med id",
    "DerivedFact": "Et faktum som regler utleder og andre regler kan bygge på",
    "Provision": "Én bestemmelse i internmeldingen: et kulepunkt eller en normativ setning",
    "Citation": "Hvor i internmeldingen en regel kommer fra",
    "Then": "Hva som følger når en regel gjelder",
    "Rule": "Én regel: når faktaene sier dette, sier internmeldingen det",
    "Memo": "Hvilken versjon av internmeldingen reglene koder; hver beslutning oppgir den",
}

_KIND_NB = {
    "meeting": ("et møte", "a meeting"),
    "request": ("en henvendelse", "a request"),
    "year": ("et planleggingsår", "a planning year"),
}


def rule_file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one YAML file in `rules/`.

    Returns:
        A JSON-able dict; `make schema` writes it to `rules/udi-rules.schema.json`.
    """
    models = [(m, "validation") for m in (RuleFile, *SECTION_MODELS.values())]
    _, top = models_json_schema(models, ref_template="#/$defs/{model}", schema_generator=_NoFieldTitles)
    defs: dict[str, Any] = top["$defs"]
    file_schema = defs.pop(RuleFile.__name__)
    for prop in file_schema["properties"].values():
        prop.pop("default", None)
        prop["items"] = {"$ref": f"#/$defs/{prop.pop('udi_item')}"}
    defs["FieldTests"] = _field_tests(defs["Operators"]["properties"])
    for name, definition in defs.items():
        _describe_model(name, definition)
        for prop in definition.get("properties", {}).values():
            if prop.get("default", ...) is None:
                del prop["default"]  # an editor would offer to write `null`
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Regelfil for IM 2011-013 / Rule file for IM 2011-013",
        "description": (
            "Én fil i rules/: regler, plikter, fora, roller, avdelinger, avledede fakta og bestemmelser / "
            "One file in rules/: rules, duties, forums, roles, departments, derived facts and provisions"
        ),
        "type": "object",
        "additionalProperties": False,
        "properties": file_schema["properties"],
    }
    schema["$defs"] = {name: defs[name] for name in sorted(_reachable(schema, defs))}
    return schema


class _NoFieldTitles(GenerateJsonSchema):
    """Leaves out the titles pydantic makes from field names ("Days After"): the descriptions say more."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def _describe_model(name: str, schema: dict[str, Any]) -> None:
    words = _MODEL_NB.get(name)
    if isinstance(words, tuple):
        schema["description"] = f"{words[0]} / {words[1]}"
    elif words and "description" in schema:
        english = schema["description"].split("\n\n")[0].replace("\n", " ").rstrip(".")
        schema["description"] = f"{words} / {english}"


def _field_tests(operators: dict[str, Any]) -> dict[str, Any]:
    """`field: value` conditions, one property per fact field, with the tests its type allows."""
    properties = {}
    for kind in FACT_MODELS:
        for spec in field_specs(kind).values():
            properties.setdefault(spec.name, _field_test(spec, operators))
    return {
        "description": (
            "`felt: verdi` eller `felt: {test: verdi}`; står flere felt i samme mapping, må alle gjelde / "
            "`field: value` or `field: {test: value}`; several fields in one mapping must all hold"
        ),
        "type": "object",
        "minProperties": 1,
        "additionalProperties": False,
        "properties": properties,
    }


def _field_test(spec: FieldSpec, operators: dict[str, Any]) -> dict[str, Any]:
    allowed = OPERATORS_BY_TYPE[spec.type]
    value = _value_schema(spec)
    tests: dict[str, Any] = {}
    for op in allowed:
        if op == "eq":
            continue
        schema = {"type": "array", "minItems": 1, "items": value} if op == "in" else _not_null(value)
        tests[op] = {"description": operators[op]["description"], **schema}
    options = [] if "eq" not in allowed else [value]
    if tests:
        options.append({"type": "object", "minProperties": 1, "additionalProperties": False, "properties": tests})
    kind_nb, kind_en = _KIND_NB[spec.kind]
    description = f"{spec.nb} / {spec.en}"
    if spec.kind != "meeting":
        description = f"{spec.nb} (gjelder {kind_nb}) / {spec.en} (for {kind_en}: `applies_to: {spec.kind}`)"
    return {"description": description, **(options[0] if len(options) == 1 else {"anyOf": options})}


def _value_schema(spec: FieldSpec) -> dict[str, Any]:
    base: dict[str, Any] = {
        "bool": {"type": "boolean"},
        "enum": {"enum": list(spec.choices)},
        "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"},
        "int": {"type": "integer"},
    }.get(spec.type, {"type": "string", "minLength": 1})
    if not spec.nullable or spec.question is not None:  # an open field's empty value means unknown: not testable
        return base
    if "enum" in base:
        return {"enum": [*base["enum"], None]}
    return {**base, "type": [base["type"], "null"]}


def _not_null(schema: dict[str, Any]) -> dict[str, Any]:
    if isinstance(schema.get("type"), list):
        return {**schema, "type": schema["type"][0]}
    if "enum" in schema:
        return {"enum": [v for v in schema["enum"] if v is not None]}
    return schema


def _reachable(node: Any, defs: dict[str, Any], seen: set[str] | None = None) -> set[str]:
    """The names of the definitions `node` refers to, directly or through others."""
    seen = set() if seen is None else seen
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        name = ref.removeprefix("#/$defs/")
        if ref and name not in seen:
            seen.add(name)
            _reachable(defs[name], defs, seen)
        for key, value in node.items():
            if key != "$defs":
                _reachable(value, defs, seen)
    elif isinstance(node, list):
        for value in node:
            _reachable(value, defs, seen)
    return seen


__all__ = ["rule_file_schema"]
