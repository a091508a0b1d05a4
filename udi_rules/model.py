"""The rule-file schema: what a YAML file in `rules/` may contain.

These pydantic models check the shape of each entry (names, types, required
fields). Whether a rule makes sense against the fact vocabulary and the
catalogue (known fields, forums, duties) is checked afterwards, in
`validate.py`, where every reference can be traced back to its line.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    Strict,
    Tag,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

Str = Annotated[str, Strict(), Field(min_length=1)]
Id = Annotated[str, Strict(), Field(pattern=r"^[a-z0-9][a-z0-9_.\-]*$", max_length=80)]
Scalar = Union[Annotated[bool, Strict()], Annotated[int, Strict()], Annotated[float, Strict()], Str, None]
Operand = Union[Annotated[bool, Strict()], Annotated[int, Strict()], Annotated[float, Strict()], Str]

CONCLUSION_KINDS = ("duty", "assess", "main_rule", "starting_point", "information")
ConclusionKind = Literal["duty", "assess", "main_rule", "starting_point", "information"]
FactKind = Literal["meeting", "request", "year"]


class Strict_(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Text(Strict_):
    """The same text in bokmål and English."""

    nb: Str = Field(description="teksten på bokmål / the text in bokmål")
    en: Str = Field(description="teksten på engelsk / the text in English")

    def __call__(self, lang: str) -> str:
        return self.nb if lang == "nb" else self.en


# --- conditions -------------------------------------------------------------

RESERVED = ("all", "any", "not", "derived")
OPERATORS = ("in", "gt", "gte", "lt", "lte", "contains")


class Operators(Strict_):
    """Tests other than equality; several in one mapping must all hold."""

    # The default None only stands for "not written": a test written out must have a value.
    in_: list[Scalar] = Field(None, alias="in", min_length=1, description="én av verdiene / one of the values")
    gt: Operand = Field(None, description="større enn / greater than")
    gte: Operand = Field(None, description="større enn eller lik / at least")
    lt: Operand = Field(None, description="mindre enn / less than")
    lte: Operand = Field(None, description="mindre enn eller lik / at most")
    contains: Operand = Field(None, description="listen inneholder / the list contains")

    @model_validator(mode="after")
    def _at_least_one(self) -> Operators:
        if not self.model_fields_set:
            raise ValueError("tom test; bruk en av in, gt, gte, lt, lte, contains [empty test]")
        return self

    def items(self) -> list[tuple[str, Any]]:
        """The operators that were written, in a fixed order."""
        names = {"in_": "in"}
        return [
            (names.get(name, name), getattr(self, name))
            for name in ("in_", "gt", "gte", "lt", "lte", "contains")
            if name in self.model_fields_set
        ]


def _field_value_tag(value: Any) -> str | None:
    if isinstance(value, (Operators, dict)):
        return "test"
    if isinstance(value, list):
        return None
    return "value"


FieldValue = Annotated[
    Union[Annotated[Operators, Tag("test")], Annotated[Scalar, Tag("value")]],
    Discriminator(
        _field_value_tag,
        custom_error_type="field_value",
        custom_error_message=(
            "en test er en enkel verdi eller en mapping med in, gt, gte, lt, lte eller contains "
            "[a test is a plain value or a mapping with in, gt, gte, lt, lte or contains]"
        ),
    ),
]


class FieldTests(RootModel):  # type: ignore[type-arg]  # (RootModel[...] would build its schema at import)
    """`field: value` or `field: {operator: value}`; several fields must all hold."""

    model_config = ConfigDict(defer_build=True)
    root: dict[str, FieldValue]

    @field_validator("root")
    @classmethod
    def _not_empty(cls, value: dict[str, Any]) -> dict[str, Any]:
        if not value:
            raise ValueError("tom betingelse [empty condition]")
        return value


class AllOf(Strict_):
    all: list[Condition] = Field(min_length=1, description="alle må gjelde / all must hold")


class AnyOf(Strict_):
    any: list[Condition] = Field(min_length=1, description="minst én må gjelde / at least one must hold")


class NotOf(Strict_):
    not_: Condition = Field(alias="not", description="må ikke gjelde / must not hold")


class DerivedRef(Strict_):
    derived: Id = Field(description="et avledet faktum som en annen regel har utledet / a derived fact")


def _condition_tag(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return {AllOf: "all", AnyOf: "any", NotOf: "not", DerivedRef: "derived"}.get(type(value), "field")
    if not isinstance(value, dict) or not value:
        return None
    reserved = [k for k in value if k in RESERVED]
    if reserved:
        return reserved[0] if len(value) == 1 else None
    return "field"


Condition = Annotated[
    Union[
        Annotated[AllOf, Tag("all")],
        Annotated[AnyOf, Tag("any")],
        Annotated[NotOf, Tag("not")],
        Annotated[DerivedRef, Tag("derived")],
        Annotated[FieldTests, Tag("field")],
    ],
    Discriminator(
        _condition_tag,
        custom_error_type="condition",
        custom_error_message=(
            "en betingelse er `all`, `any`, `not`, `derived` eller `felt: verdi`, alene i sin mapping "
            "[a condition is `all`, `any`, `not`, `derived` or `field: value`, alone in its mapping]"
        ),
    ),
]

# The recursive condition models resolve `Condition` when first used (every model here defers its build).


# --- catalogue entries ------------------------------------------------------


class Forum(Strict_):
    """An international forum UDI takes part in."""

    id: Id = Field(description="forumets id, små bokstaver / the forum's id, lower case")
    name: Text = Field(description="forumets fulle navn / the forum's full name")
    aliases: list[Str] = Field(default_factory=list, description="andre navn og forkortelser / other names")
    counts_as: list[Id] = Field(
        default_factory=list,
        description="fora en regel om dem også gjelder dette forumet, f.eks. [schengen] / "
        "forums whose rules also cover this one, e.g. [schengen]",
    )
    note: Text | None = Field(None, description="merknad, og lesningen der internmeldingen gir rom / "
                              "note, and the reading where the memo leaves room")


class Department(Strict_):
    """A department (avdeling) of UDI."""

    id: Annotated[str, Strict(), Field(pattern=r"^[A-ZÆØÅ][A-ZÆØÅ0-9]{1,9}$")] = Field(
        description="avdelingens forkortelse, store bokstaver, f.eks. AUA / the department's abbreviation, e.g. AUA"
    )
    name: Text = Field(description="avdelingens navn / the department's name")


class Role(Strict_):
    """Someone who holds a duty or receives a document.

    The name may say `{responsible_department}` or `{forum}`; the decision
    fills them in from the meeting.
    """

    id: Id = Field(description="rollens id / the role's id")
    name: Text = Field(description="rollen i ord / the role in words")


class MeetingDeadline(Strict_):
    """A deadline counted in days from (or before) a date in the facts."""

    days_after: Annotated[int, Strict(), Field(ge=0, le=366)] | None = Field(
        None, description="antall dager etter datoen i `from` / number of days after the date in `from`"
    )
    days_before: Annotated[int, Strict(), Field(ge=1, le=366)] | None = Field(
        None, description="antall dager før datoen i `from` / number of days before the date in `from`"
    )
    from_: Id = Field(alias="from", description="datofeltet fristen regnes fra / the date field it counts from")
    later_of: Id | None = Field(
        None, description="datofelt som flytter fristen når det er senere / a date field that moves it when later"
    )
    pending_when: Id | None = Field(
        None,
        description="sant/usant-felt: fristen venter på `later_of` når dette er sant eller ukjent / "
        "a true/false field: the deadline waits for `later_of` while this is true or unknown",
    )
    wait_at_most_days: Annotated[int, Strict(), Field(ge=1, le=366)] | None = Field(
        None,
        description="ytre grense for ventetiden, i dager etter `from`; deretter er fristen der / "
        "the outer limit of the wait, in days after `from`; after it the deadline is due",
    )
    non_working_day: Literal["keep", "next_working_day", "previous_working_day"] = Field(
        "keep",
        description="helg og helligdag: behold, flytt til neste eller til forrige arbeidsdag / "
        "weekend and public holiday: keep, move to the next or to the previous working day",
    )

    @model_validator(mode="after")
    def _one_direction(self) -> MeetingDeadline:
        if (self.days_after is None) == (self.days_before is None):
            raise ValueError(
                "skriv enten `days_after` eller `days_before` [write either `days_after` or `days_before`]"
            )
        if self.pending_when is not None and self.wait_at_most_days is None:
            raise ValueError(
                "en frist som venter (`pending_when`) trenger en ytre grense, `wait_at_most_days` "
                "[a deadline that waits (`pending_when`) needs an outer limit, `wait_at_most_days`]"
            )
        if self.wait_at_most_days is not None and self.days_after is not None and self.wait_at_most_days < self.days_after:
            raise ValueError(
                "`wait_at_most_days` kan ikke være kortere enn `days_after` "
                "[`wait_at_most_days` cannot be shorter than `days_after`]"
            )
        return self


class DateInYear(Strict_):
    """A deadline on a fixed day of the fact's year, such as 1 May."""

    date_in_year: Annotated[str, Strict(), Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")] = Field(
        description="måned og dag, MM-DD / month and day, MM-DD"
    )
    non_working_day: Literal["keep", "next_working_day"] = Field(
        "keep", description="helg og helligdag: behold eller flytt / weekend and public holiday: keep or move"
    )


def _deadline_tag(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return "date_in_year" if isinstance(value, DateInYear) else "days_after"
    if isinstance(value, dict):
        if "date_in_year" in value:
            return "date_in_year"
        if "days_after" in value or "days_before" in value or "from" in value:
            return "days_after"
    return None


Deadline = Annotated[
    Union[Annotated[MeetingDeadline, Tag("days_after")], Annotated[DateInYear, Tag("date_in_year")]],
    Discriminator(
        _deadline_tag,
        custom_error_type="deadline",
        custom_error_message=(
            "en frist har enten `days_after`/`days_before` og `from`, eller `date_in_year` "
            "[a deadline has either `days_after`/`days_before` and `from`, or `date_in_year`]"
        ),
    ),
]


class Duty(Strict_):
    """What a conclusion means in practice, defined once and referred to by id."""

    id: Id = Field(description="pliktens id, som regler viser til / the duty's id, which rules refer to")
    title: Text = Field(description="pliktens tittel / the duty's title")
    holder: Id = Field(description="rollen som har plikten / the role that holds it")
    action: Text = Field(description="hva som skal gjøres / what to do")
    document_type: Str | None = Field(None, description="dokumenttype i WebSak / document type in WebSak")
    template: Str | None = Field(None, description="mal i WebSak / template in WebSak")
    document_title: Str | None = Field(
        None, description="tittel, med {forum} og {topic} / title, with {forum} and {topic}"
    )
    sender: Id | None = Field(None, description="rollen som står som avsender / the role that signs it")
    recipients: list[Id] = Field(default_factory=list, description="mottakere (roller) / recipients (roles)")
    copies: list[Id] = Field(default_factory=list, description="kopimottakere (roller) / copied to (roles)")
    attachments: list[Text] = Field(default_factory=list, description="vedlegg / attachments")
    deadline: Deadline | None = Field(None, description="fristen / the deadline")
    deadline_text: Text | None = Field(None, description="fristen i ord / the deadline in words")
    provisions: list[Str] = Field(
        default_factory=list,
        description="bestemmelsene pliktens detaljer koder (mal, mottakere, frist) / "
        "the provisions its details encode (template, recipients, deadline)",
    )


class DerivedFact(Strict_):
    """A fact that rules derive and other rules can match (forward chaining)."""

    id: Id = Field(description="det avledede faktumets id / the derived fact's id")
    applies_to: FactKind = Field(
        "meeting", description="faktatypen det gjelder / the fact kind it applies to"
    )
    description: Text = Field(description="hva faktumet betyr / what the fact means")


class Provision(Strict_):
    """One provision of the memo: a bullet or a normative sentence."""

    id: Annotated[str, Strict(), Field(pattern=r"^[1-4](\.[1-4])?-[0-9]{1,2}$")] = Field(
        description="punktet og et løpenummer, f.eks. 4.1-3 / the section and a number, e.g. 4.1-3"
    )
    section: Annotated[str, Strict(), Field(pattern=r"^[1-4](\.[1-4])?$")] = Field(
        description='punktet i internmeldingen, i anførselstegn, f.eks. "4.1" / the section of the memo, quoted'
    )
    quote: Str = Field(description="bestemmelsen ordrett fra internmeldingen / the provision word for word")
    not_a_rule: Literal["purpose", "organisation", "exhortation", "reference"] | None = Field(
        None,
        description="hvorfor bestemmelsen ikke er en regel / why the provision is not a rule",
    )
    note: Text | None = Field(None, description="merknad / note")

    @model_validator(mode="after")
    def _section_matches_id(self) -> Provision:
        if not self.id.startswith(self.section + "-"):
            raise ValueError(
                f"id `{self.id}` begynner ikke med seksjonen `{self.section}` "
                f"[id `{self.id}` does not start with the section `{self.section}`]"
            )
        return self


class Memo(Strict_):
    """Which version of the memo the rules encode; every decision names it."""

    id: Str = Field(description="internmeldingens nummer, f.eks. IM 2011-013 / the memo's number")
    title: Str = Field(description="internmeldingens tittel / the memo's title")
    version: Str = Field(description="versjonen reglene koder, f.eks. revidert 11.03.2013 / the version encoded")
    version_date: Annotated[str, Strict(), Field(pattern=r"^\d{4}-\d{2}-\d{2}$")] = Field(
        description="datoen for versjonen, ÅÅÅÅ-MM-DD / the version's date, YYYY-MM-DD"
    )
    note: Text | None = Field(None, description="merknad om versjonen / note on the version")


# --- rules ------------------------------------------------------------------


class Citation(Strict_):
    """Where in the memo a rule comes from."""

    section: Annotated[str, Strict(), Field(pattern=r"^[1-4](\.[1-4])?$")] = Field(
        description='punktet i internmeldingen, i anførselstegn, f.eks. "4.1" / the section of the memo, quoted'
    )
    quote: Str = Field(description="et kort, ordrett sitat fra internmeldingen / a short verbatim quote")
    provision: Str | None = Field(None, description="bestemmelsens id i provisions / the provision's id")


class Then(Strict_):
    """What follows when a rule applies."""

    kind: ConclusionKind | None = Field(
        None,
        description=(
            "duty = skal; assess = skal vurderes; main_rule = som hovedregel; "
            "starting_point = som utgangspunkt; information = til orientering / "
            "duty = must; assess = must be considered; main_rule = as a main rule; "
            "starting_point = as a starting point; information = for information"
        ),
    )
    duty: Id | None = Field(None, description="id i pliktkatalogen / id in the duty catalogue")
    derive: list[Id] = Field(default_factory=list, description="avledede fakta / derived facts")

    @model_validator(mode="after")
    def _something_follows(self) -> Then:
        if self.kind is None and not self.derive:
            raise ValueError("`then` må ha `kind` og `duty`, eller `derive` [`then` needs `kind` and `duty`, or `derive`]")
        if (self.kind is None) != (self.duty is None):
            raise ValueError("`kind` og `duty` hører sammen [`kind` and `duty` go together]")
        return self


class Rule(Strict_):
    """One rule: when the facts say this, the memo says that."""

    id: Id = Field(description="regelens id, f.eks. 4.1-intern-rapport / the rule's id")
    title: Text = Field(description="regelens tittel / the rule's title")
    citation: Citation = Field(
        description="hvor i internmeldingen regelen kommer fra / where in the memo it comes from"
    )
    applies_to: FactKind = Field(
        "meeting",
        description="faktatypen regelen gjelder: meeting (møte), request (henvendelse) eller year (år) / "
        "the fact kind the rule applies to: meeting, request or year",
    )
    when: Condition = Field(  # None only when left out; an empty `when:` is refused below
        None,
        description="betingelsen; uten `when` gjelder regelen alltid / the condition; without `when` it always applies",
    )
    then: Then = Field(description="hva som følger når regelen gjelder / what follows when the rule applies")
    interpretation: Text | None = Field(
        None, description="tolkningen der internmeldingen gir rom / the reading chosen where the memo leaves room"
    )

    @field_validator("when", mode="before")
    @classmethod
    def _when_written_out(cls, value: Any) -> Any:
        # An empty `when:` would make the rule apply always; leaving `when` out says that on purpose.
        if value is None:
            raise PydanticCustomError(
                "empty_condition",
                "`when` er tom, så regelen ville alltid gjelde [`when` is empty, so the rule would always apply]",
            )
        return value


def _section(item: str, description: str) -> Any:
    # Entries are checked one by one (validate.py), so one broken entry does not hide the next.
    return Field(default_factory=list, description=description, json_schema_extra={"udi_item": item})


class RuleFile(Strict_):
    """One YAML file in `rules/`. Any of the sections may appear in any file."""

    forums: list[Any] = _section("Forum", "internasjonale fora / international forums")
    departments: list[Any] = _section("Department", "UDIs avdelinger / UDI's departments")
    roles: list[Any] = _section("Role", "roller / roles")
    duties: list[Any] = _section("Duty", "plikter / duties")
    derived_facts: list[Any] = _section("DerivedFact", "avledede fakta / derived facts")
    provisions: list[Any] = _section("Provision", "internmeldingens bestemmelser / the memo's provisions")
    rules: list[Any] = _section("Rule", "regler / rules")
    memo: list[Any] = _section("Memo", "versjonen av internmeldingen reglene koder (én oppføring) / "
                               "the version of the memo the rules encode (one entry)")


SECTION_MODELS: dict[str, type[BaseModel]] = {
    "forums": Forum,
    "departments": Department,
    "roles": Role,
    "duties": Duty,
    "derived_facts": DerivedFact,
    "provisions": Provision,
    "rules": Rule,
    "memo": Memo,
}

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
