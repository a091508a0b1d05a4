"""JSON Schema of a rule file, so an editor can complete and check as one types.

Generated from the pydantic models in `model.py` and the catalogue of the
rulebook (by default the one that ships). A condition under `when` lists the
fact fields of `facts.py` by name, with what each one means in bokmål and
English, and the tests each field allows; so an editor offers
`udi_leader_attends` and knows that it takes `true` or `false`.
Wherever a rule file names something from the catalogue (a forum in a
condition, a duty in `then`, a role as holder or recipient, a department, a
derived fact, a provision, a date field of a deadline) the schema lists the
names there with what they mean, so an editor completes `EMN` and flags a
misspelt duty; `defaultSnippets` give a new rule and a new duty.
Generating it needs no rule engine, only the checked rule files.
The YAML files point at it with `# yaml-language-server: $schema=...`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from .catalogue import Catalogue
from .facts import FACT_MODELS, VALUE_LABELS, FieldSpec, field_specs
from .model import CONCLUSION_KINDS, SECTION_MODELS, RuleFile
from .rule_files import load_rulebook
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


def shipped_rules_path() -> Path:
    """Where the rules that ship with the library are; the place `Rulebook.default()` reads.

    Found here as well as in `rulebook.py` so that the schema is made without
    importing the engine; a test keeps the two the same.
    """
    packaged = resources.files("udi_rules") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


def rule_file_schema(rules: str | Path | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one YAML file in `rules/`.

    Args:
        rules: the rule files whose catalogue the schema lists; the shipped ones by default.

    Returns:
        A JSON-able dict; `make schema` writes it to `rules/udi-rules.schema.json`.

    Raises:
        RulebookError: the rule files have problems, so there is no catalogue to list.
    """
    catalogue = load_rulebook(rules if rules is not None else shipped_rules_path()).catalogue
    models = [(m, "validation") for m in (RuleFile, *SECTION_MODELS.values())]
    _, top = models_json_schema(models, ref_template="#/$defs/{model}", schema_generator=_NoFieldTitles)
    defs: dict[str, Any] = top["$defs"]
    file_schema = defs.pop(RuleFile.__name__)
    for prop in file_schema["properties"].values():
        prop.pop("default", None)
        prop["items"] = {"$ref": f"#/$defs/{prop.pop('udi_item')}"}
    defs.update(_catalogue_names(catalogue))
    defs["FieldTests"] = _field_tests(defs["Operators"]["properties"])
    _refer_to_catalogue(defs)
    defs["Rule"]["defaultSnippets"] = [_rule_snippet(catalogue)]
    defs["Duty"]["defaultSnippets"] = [_duty_snippet(catalogue)]
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
        "enum": _enum_schema(spec.choices),
        "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"},
        "int": {"type": "integer"},
        "forum": {"$ref": "#/$defs/ForumName"},
        "department": {"$ref": "#/$defs/DepartmentId"},
        "departments": {"$ref": "#/$defs/DepartmentId"},
    }.get(spec.type, {"type": "string", "minLength": 1})
    if not spec.nullable or spec.question is not None:  # an open field's empty value means unknown: not testable
        return base
    if "enum" in base:
        return {**base, "enum": [*base["enum"], None]}
    if "$ref" in base:
        return {"anyOf": [base, {"type": "null"}]}
    return {**base, "type": [base["type"], "null"]}


def _enum_schema(choices: tuple[str, ...]) -> dict[str, Any]:
    schema: dict[str, Any] = {"enum": list(choices)}
    if all(choice in VALUE_LABELS for choice in choices):
        schema["markdownEnumDescriptions"] = [" / ".join(VALUE_LABELS[c]) for c in choices]
    return schema


def _not_null(schema: dict[str, Any]) -> dict[str, Any]:
    if isinstance(schema.get("type"), list):
        return {**schema, "type": schema["type"][0]}
    if "enum" in schema:
        return {**schema, "enum": [v for v in schema["enum"] if v is not None]}
    if "anyOf" in schema:
        return schema["anyOf"][0]
    return schema


# --- the catalogue's names, where a rule file refers to them -----------------------------


def _names(nb: str, en: str, entries: list[tuple[str, str]]) -> dict[str, Any]:
    """`enum` of the names, with what each one is as the editor's description of it."""
    return {
        "description": f"{nb} / {en}",
        "enum": [name for name, _ in entries],
        "markdownEnumDescriptions": [about for _, about in entries],
    }


def _catalogue_names(catalogue: Catalogue) -> dict[str, Any]:
    forums = []
    for forum in catalogue.forums.values():
        about = f"{forum.name.nb} / {forum.name.en}"
        forums.append((forum.id, about))
        forums += [(alias, f"{about} (`{forum.id}`)") for alias in forum.aliases]
    fields: dict[str, FieldSpec] = {}
    for kind in FACT_MODELS:
        for spec in field_specs(kind).values():
            fields.setdefault(spec.name, spec)

    def field_names(kind: str) -> list[tuple[str, str]]:
        return [(f.name, f"{f.nb} / {f.en}") for f in fields.values() if f.type == kind]

    return {
        "ForumName": _names("Et forum i forumkatalogen (id eller alias)", "A forum in the forum catalogue (id or alias)", forums),
        "DepartmentId": _names(
            "En avdeling i UDI", "A department of UDI",
            [(d.id, f"{d.name.nb} / {d.name.en}") for d in catalogue.departments.values()],
        ),
        "RoleId": _names(
            "En rolle fra `roles`", "A role from `roles`",
            [(r.id, f"{r.name.nb} / {r.name.en}") for r in catalogue.roles.values()],
        ),
        "DutyId": _names(
            "En plikt fra `duties`", "A duty from `duties`",
            [(d.id, f"{d.title.nb} / {d.title.en}") for d in catalogue.duties.values()],
        ),
        "DerivedFactId": _names(
            "Et avledet faktum fra `derived_facts`", "A derived fact from `derived_facts`",
            [(f.id, f"{f.description.nb} / {f.description.en}") for f in catalogue.derived_facts.values()],
        ),
        "ProvisionId": _names(
            "En bestemmelse fra `provisions`", "A provision from `provisions`",
            [(p.id, f"punkt [section] {p.section}: «{_short(p.quote)}»") for p in catalogue.provisions.values()],
        ),
        "DateField": _names("Et datofelt i faktaene", "A date field of the facts", field_names("date")),
        "YesNoField": _names("Et sant/usant-felt i faktaene", "A true/false field of the facts", field_names("bool")),
    }


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_REFERENCES = {
    ("Then", "duty"): "DutyId",
    ("Then", "derive"): "DerivedFactId",
    ("DerivedRef", "derived"): "DerivedFactId",
    ("Citation", "provision"): "ProvisionId",
    ("Duty", "holder"): "RoleId",
    ("Duty", "sender"): "RoleId",
    ("Duty", "recipients"): "RoleId",
    ("Duty", "copies"): "RoleId",
    ("Duty", "provisions"): "ProvisionId",
    ("MeetingDeadline", "from"): "DateField",
    ("MeetingDeadline", "later_of"): "DateField",
    ("MeetingDeadline", "pending_when"): "YesNoField",
}


def _refer_to_catalogue(defs: dict[str, Any]) -> None:
    """Points each place a rule file names something from the catalogue at the list of those names."""
    for (model, field), names in _REFERENCES.items():
        prop = defs[model]["properties"][field]
        ref = {"$ref": f"#/$defs/{names}"}
        if "items" in prop:
            prop["items"] = ref
        else:
            # Left out means none; a written `null` would say nothing, so the editor offers only names
            # (and says "not one of [...]" rather than "not valid under any of the given schemas").
            for key in ("anyOf", "type", "pattern", "maxLength", "minLength"):
                prop.pop(key, None)
            prop.update(ref)


# --- snippets for a new entry -------------------------------------------------------------


def _rule_snippet(catalogue: Catalogue) -> dict[str, Any]:
    duty = next(iter(catalogue.duties), "plikt-id")
    provision = next(iter(catalogue.provisions), "4.1-1")
    section = provision.split("-")[0]
    kinds = ",".join(CONCLUSION_KINDS)
    return {
        "label": "ny regel / new rule",
        "description": "En regel med tittel, hjemmel, betingelse og plikt / A rule with title, citation, condition and duty",
        "bodyText": "\n".join([
            "id: ${1:%s-ny-regel}" % section,
            "title:",
            "  nb: ${2:Tittel på bokmål}",
            "  en: ${3:Title in English}",
            "citation:",
            '  section: "${4:%s}"' % section,
            "  provision: ${5:%s}" % provision,
            "  quote: ${6:ordrett sitat fra internmeldingen}",
            "when:",
            "  ${7:udi_leader_attends}: ${8:false}",
            "then:",
            "  kind: ${9|%s|}" % kinds,
            "  duty: ${10:%s}" % duty,
        ]),
    }


def _duty_snippet(catalogue: Catalogue) -> dict[str, Any]:
    role = next(iter(catalogue.roles), "rolle-id")
    return {
        "label": "ny plikt / new duty",
        "description": "En plikt med hvem, hva og frist / A duty with holder, action and deadline",
        "bodyText": "\n".join([
            "id: ${1:ny-plikt}",
            "title:",
            "  nb: ${2:Tittel på bokmål}",
            "  en: ${3:Title in English}",
            "holder: ${4:%s}" % role,
            "action:",
            "  nb: ${5:Hva som skal gjøres.}",
            "  en: ${6:What to do.}",
            "deadline:",
            "  days_after: ${7:14}",
            "  from: ${8:last_day}",
            "  non_working_day: ${9|next_working_day,keep|}",
        ]),
    }


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


__all__ = ["rule_file_schema", "shipped_rules_path"]
