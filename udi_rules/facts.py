"""The fact vocabulary: what the rules may ask about a meeting or a year.

Each fact kind is a pydantic model. Every field carries a description in
bokmål and English and a `udi_type` that tells the rule checker and the
compiler what a condition on it may look like. Forums and departments are
resolved against the rulebook's catalogue, passed as validation context.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationInfo, field_validator, model_validator

from .catalogue import Catalogue

FieldType = Literal["bool", "enum", "date", "int", "text", "forum", "department", "departments"]

StrictBool = Annotated[bool, Strict()]
StrictStr = Annotated[str, Strict()]


def fact_field(udi_type: FieldType, nb: str, en: str, **kwargs: Any) -> Any:
    """A model field with its rule type and both descriptions."""
    extra = {"udi_type": udi_type, "description_nb": nb, "description_en": en}
    return Field(description=f"{nb} / {en}", json_schema_extra=extra, **kwargs)


class Facts(BaseModel):
    """Common base: strict, frozen, and knows its kind name."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: ClassVar[str]

    @staticmethod
    def _catalogue(info: ValidationInfo) -> Catalogue | None:
        context = info.context or {}
        return context.get("catalogue")


class Meeting(Facts):
    """One meeting in an international forum, as UDI knows it."""

    kind: ClassVar[str] = "meeting"

    forum: StrictStr = fact_field(
        "forum",
        "Forumet møtet holdes i (id eller navn fra forumkatalogen, f.eks. EMN eller EASO)",
        "The forum the meeting is held in (id or name from the forum catalogue, e.g. EMN or EASO)",
    )
    topic: StrictStr = fact_field(
        "text", "Tema for møtet", "The meeting's topic", min_length=1, max_length=500
    )
    first_day: date = fact_field("date", "Møtets første dag", "The first day of the meeting")
    last_day: date = fact_field("date", "Møtets siste dag", "The last day of the meeting")
    agenda_level: Literal["strategic", "operational"] = fact_field(
        "enum",
        "Agendaens nivå (overordnet/strategisk eller operativt)",
        "The agenda's level (overall/strategic or operational)",
    )
    interpretation_on_agenda: StrictBool = fact_field(
        "bool",
        "Tolkning av regelverk og/eller praksis skal diskuteres",
        "Interpretation of regulations and/or practice is on the agenda",
        default=False,
    )
    meeting_level: Literal["leader", "expert"] = fact_field(
        "enum",
        "Møtets nivå i forumet (ledernivå eller ekspertnivå)",
        "The meeting's level in the forum (leader level or expert level)",
    )
    udi_attends_alone: StrictBool = fact_field(
        "bool",
        "UDI er den eneste norske deltakeren (ingen departementer eller andre etater i delegasjonen)",
        "UDI is the only Norwegian participant (no ministry or other agency in the delegation)",
    )
    ministry_of_justice_attends: StrictBool = fact_field(
        "bool",
        "Justisdepartementet deltar i møtet",
        "The Ministry of Justice takes part in the meeting",
    )
    invitation_signals_law_change: StrictBool = fact_field(
        "bool",
        "Innkallingen indikerer saker som kan medføre lovendringer i Norge",
        "The invitation signals matters that may lead to changes of Norwegian law",
        default=False,
    )
    invitation_signals_budget_consequences: StrictBool = fact_field(
        "bool",
        "Innkallingen indikerer saker med budsjettmessige konsekvenser",
        "The invitation signals matters with budget consequences",
        default=False,
    )
    invitation_signals_political_sensitivity: StrictBool = fact_field(
        "bool",
        "Innkallingen indikerer saker som ellers er politisk sensitive",
        "The invitation signals matters that are otherwise politically sensitive",
        default=False,
    )
    udi_leader_attends: StrictBool = fact_field(
        "bool",
        "En leder fra UDI er med i delegasjonen",
        "A UDI leader is in the delegation",
    )
    contribution_needs_principled_clarification: StrictBool = fact_field(
        "bool",
        "UDIs bidrag krever prinsipielle og strategiske avklaringer",
        "UDI's contribution needs principled and strategic clarification",
        default=False,
    )
    eu_schengen_legal_change_pending: StrictBool = fact_field(
        "bool",
        "En lovendring/et direktiv i EU eller Schengen som berører regelverk eller oppgaveløsning er under arbeid",
        "An EU or Schengen law change/directive affecting regulations or tasks is in the pipeline",
        default=False,
    )
    principled_questions_discussed: StrictBool = fact_field(
        "bool",
        "Spørsmål av prinsipiell karakter ble drøftet i møtet",
        "Questions of principle were discussed in the meeting",
        default=False,
    )
    official_minutes_expected: StrictBool = fact_field(
        "bool",
        "Organisasjonens sekretariat e.l. utarbeider offisielt referat",
        "The organisation's secretariat or similar produces official minutes",
        default=False,
    )
    official_minutes_available_on: date | None = fact_field(
        "date",
        "Datoen det offisielle referatet foreligger (tom hvis ukjent ennå)",
        "The date the official minutes are available (empty if not yet known)",
        default=None,
    )
    responsible_department: StrictStr = fact_field(
        "department",
        "Avdelingen som er ansvarlig for deltakelsen (f.eks. AUA, ASA, OPA, RMA)",
        "The department responsible for the participation (e.g. AUA, ASA, OPA, RMA)",
    )
    invitation_received_by: StrictStr | None = fact_field(
        "department",
        "Avdelingen som mottok henvendelsen om å bidra internasjonalt (tom hvis AUA selv eller ukjent)",
        "The department that received the request to contribute internationally (empty if AUA itself or unknown)",
        default=None,
    )
    departments_concerned: list[StrictStr] = fact_field(
        "departments",
        "Fagavdelingene hvis arbeid møtet berører",
        "The specialist departments whose work the meeting concerns",
        default_factory=list,
    )

    @field_validator("forum")
    @classmethod
    def _known_forum(cls, value: str, info: ValidationInfo) -> str:
        catalogue = cls._catalogue(info)
        return catalogue.resolve_forum(value) if catalogue else value

    @field_validator("responsible_department", "invitation_received_by")
    @classmethod
    def _known_department(cls, value: str | None, info: ValidationInfo) -> str | None:
        catalogue = cls._catalogue(info)
        return catalogue.resolve_department(value) if catalogue and value is not None else value

    @field_validator("departments_concerned")
    @classmethod
    def _known_departments(cls, value: list[str], info: ValidationInfo) -> list[str]:
        catalogue = cls._catalogue(info)
        if catalogue:
            value = [catalogue.resolve_department(v) for v in value]
        return sorted(set(value))

    @model_validator(mode="after")
    def _consistent(self) -> Meeting:
        if self.last_day < self.first_day:
            raise ValueError("last_day: siste dag er før første dag [the last day is before the first day]")
        if self.udi_attends_alone and self.ministry_of_justice_attends:
            raise ValueError(
                "udi_attends_alone: UDI kan ikke delta alene når Justisdepartementet deltar "
                "[UDI cannot attend alone when the Ministry of Justice attends]"
            )
        if self.official_minutes_available_on is not None:
            if not self.official_minutes_expected:
                raise ValueError(
                    "official_minutes_expected: en dato for offisielt referat er oppgitt, "
                    "så offisielt referat må være forventet "
                    "[a date for official minutes is given, so official minutes must be expected]"
                )
            if self.official_minutes_available_on < self.first_day:
                raise ValueError(
                    "official_minutes_available_on: referatet kan ikke foreligge før møtet "
                    "[the minutes cannot be available before the meeting]"
                )
        return self


class PlanningYear(Facts):
    """A calendar year, for the standing duties that recur every year."""

    kind: ClassVar[str] = "year"

    year: Annotated[int, Strict()] = fact_field(
        "int", "Året pliktene gjelder for", "The year the duties are for", ge=2011, le=2100
    )
    memo_in_force: StrictBool = fact_field(
        "bool",
        "IM 2011-013 gjelder for året (er ikke opphevet eller erstattet)",
        "IM 2011-013 is in force for the year (has not been repealed or replaced)",
        default=True,
    )


FACT_MODELS: dict[str, type[Facts]] = {m.kind: m for m in (Meeting, PlanningYear)}

#: How the fixed values of the vocabulary read in text, in bokmål and English.
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "strategic": ("overordnet, strategisk nivå", "overall, strategic level"),
    "operational": ("operativt nivå", "operational level"),
    "leader": ("ledernivå", "leader level"),
    "expert": ("ekspertnivå", "expert level"),
}


@dataclass(frozen=True)
class FieldSpec:
    """What a rule may ask about one field of a fact kind."""

    name: str
    kind: str
    type: FieldType
    nullable: bool
    choices: tuple[str, ...]
    nb: str
    en: str


def field_specs(kind: str) -> dict[str, FieldSpec]:
    """The fields of a fact kind, as the rule checker and compiler see them."""
    return _SPECS[kind]


def _build_specs(model: type[Facts]) -> dict[str, FieldSpec]:
    specs: dict[str, FieldSpec] = {}
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra
        assert isinstance(extra, dict)
        choices: tuple[str, ...] = ()
        args = getattr(info.annotation, "__args__", ())
        if extra["udi_type"] == "enum":
            choices = tuple(args)
        specs[name] = FieldSpec(
            name=name,
            kind=model.kind,
            type=extra["udi_type"],  # type: ignore[arg-type]
            nullable=type(None) in args,
            choices=choices,
            nb=str(extra["description_nb"]),
            en=str(extra["description_en"]),
        )
    return specs


_SPECS = {kind: _build_specs(model) for kind, model in FACT_MODELS.items()}
