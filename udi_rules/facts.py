"""The fact vocabulary: what the rules may ask about a meeting, a request or a year.

Each fact kind is a pydantic model. Every field carries a description in
bokmål and English and a `udi_type` that tells the rule checker and the
compiler what a condition on it may look like.

A case officer seldom knows everything when they ask. Every fact that may
not be known yet is optional, and left out (or `null`) it means *unknown*,
never "no": the decision then shows the conclusions that may apply and the
questions that decide them. Such fields carry the question a case officer
answers (`question_nb`/`question_en`) and the phase in which the answer is
normally known: `invitation` (planning: the invitation, the delegation, the
agenda) or `after` (what was discussed, the minutes).

Forums, departments and delegation members are resolved against the
rulebook's catalogue, passed as validation context. A name the catalogue
does not know is kept as written: the decision carries a warning with the
nearest known name, since a typo of a listed forum changes the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, ValidationInfo, model_validator

from .catalogue import Catalogue

FieldType = Literal["bool", "enum", "date", "int", "text", "forum", "department", "departments", "participants"]
Phase = Literal["invitation", "after"]

StrictBool = Annotated[bool, Strict()]
StrictStr = Annotated[str, Strict(), Field(max_length=500)]
#: Dates the memo can be about; outside this range date arithmetic has no meaning here.
EARLIEST, LATEST = date(2000, 1, 1), date(2200, 12, 31)
#: Longest list a fact may hold (departments, delegation members).
MAX_ITEMS = 100


def fact_field(
    udi_type: FieldType,
    nb: str,
    en: str,
    *,
    question: tuple[str, str] | None = None,
    phase: Phase | None = None,
    said: tuple[str, str, str, str] | None = None,
    **kwargs: Any,
) -> Any:
    """A model field with its rule type, both descriptions and, for facts that may be unknown, the question.

    `said` is how a condition on the field reads in a sentence:
    (bokmål when true, bokmål when false, English when true, English when false).
    """
    extra: dict[str, Any] = {"udi_type": udi_type, "description_nb": nb, "description_en": en}
    if question:
        extra.update(question_nb=question[0], question_en=question[1], phase=phase or "invitation")
    if said:
        extra["said"] = list(said)
    return Field(description=f"{nb} / {en}", json_schema_extra=extra, **kwargs)


#: Who besides UDI may be in the Norwegian delegation, with the names facts may use for them.
PARTICIPANTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "UDI": ("UDI", "UDI", ("Utlendingsdirektoratet",)),
    "JD": (
        "Justis- og beredskapsdepartementet",
        "the Ministry of Justice and Public Security",
        ("Justisdepartementet", "JBD", "Ministry of Justice"),
    ),
    "UD": ("Utenriksdepartementet", "the Ministry of Foreign Affairs", ("Ministry of Foreign Affairs", "MFA")),
    "OTHER_MINISTRY": ("et annet departement", "another ministry", ("annet departement", "other ministry")),
    "POLICE": ("politiet", "the police", ("politiet", "Politidirektoratet", "POD", "PU", "police")),
    "OTHER_AGENCY": ("en annen etat", "another agency", ("annen etat", "other agency")),
}
_PARTICIPANT_NAMES = {
    name.casefold(): key for key, (_, _, aliases) in PARTICIPANTS.items() for name in (key, *aliases)
}


def _no_surrogates(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("teksten har ugyldige tegn [the text has invalid characters]") from None
    return value


def _none_yet() -> list[str]:
    """An empty list. A Python function, not `list`: pydantic reads a builtin's signature with `tokenize`, whose
    first use compiles regular expressions worth a few milliseconds of start-up."""
    return []


def _in_range(value: date | None) -> date | None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValueError(
            f"datoen må ligge mellom {EARLIEST.year} og {LATEST.year} "
            f"[the date must lie between {EARLIEST.year} and {LATEST.year}]"
        )
    return value


def _text(value: str) -> str:
    value = value.strip()
    return value if value.isascii() else _no_surrogates(value)  # only text beyond ASCII can hold a surrogate


def _catalogue(info: ValidationInfo) -> Catalogue | None:
    return (info.context or {}).get("catalogue")


def _department(value: str, info: ValidationInfo) -> str:
    """A department's id when the catalogue knows the name (any case); else the name as written."""
    catalogue = _catalogue(info)
    return (catalogue.find_department(value) or value) if catalogue else value


def _departments(value: list[str], info: ValidationInfo) -> list[str]:
    return sorted({_department(_text(v), info) for v in value})


def _forum(value: str, info: ValidationInfo) -> str:
    catalogue = _catalogue(info)
    return (catalogue.find_forum(value) or value) if catalogue else value


def _delegation(value: list[str] | None, info: ValidationInfo) -> list[str] | None:
    return None if value is None else sorted({resolve_participant(_text(v), _catalogue(info)) for v in value})


Text_ = Annotated[StrictStr, AfterValidator(_text)]
ForumName = Annotated[StrictStr, AfterValidator(_text), AfterValidator(_forum)]
DepartmentName = Annotated[StrictStr, AfterValidator(_text), AfterValidator(_department)]
DepartmentList = Annotated[list[StrictStr], Field(max_length=MAX_ITEMS), AfterValidator(_departments)]
Day = Annotated[date, AfterValidator(_in_range)]


class Facts(BaseModel):
    """Common base: strict, frozen, and knows its kind name."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    kind: ClassVar[str]

    def rule_values(self) -> dict[str, Any]:
        """The values rules test: the fields, plus the ones computed from them."""
        return self.__dict__

    def unknown(self) -> list[str]:
        """The fields left unknown that a case officer may still answer, in question order."""
        specs = field_specs(self.kind)
        values = self.rule_values()
        return [name for name, spec in specs.items() if spec.question and values.get(name) is None]

    def unresolved_names(self, catalogue: Catalogue) -> list[tuple[str, str]]:
        """(field, name) for every forum or department name the catalogue does not know."""
        return []


class Meeting(Facts):
    """One meeting in an international forum, as UDI knows it at the time of asking."""

    kind: ClassVar[str] = "meeting"

    forum: ForumName = fact_field(
        "forum",
        "Forumet møtet holdes i (id eller navn fra forumkatalogen, f.eks. EMN, eller et annet forums navn)",
        "The forum the meeting is held in (id or name from the forum catalogue, e.g. EMN, or another forum's name)",
        min_length=1,
    )
    topic: Text_ = fact_field("text", "Tema for møtet", "The meeting's topic", min_length=1)
    first_day: Day = fact_field("date", "Møtets første dag", "The first day of the meeting")
    last_day: Day = fact_field("date", "Møtets siste dag", "The last day of the meeting")
    responsible_department: DepartmentName = fact_field(
        "department",
        "Avdelingen som er ansvarlig for deltakelsen (f.eks. AUA, ASA, OPA, RMA)",
        "The department responsible for the participation (e.g. AUA, ASA, OPA, RMA)",
        min_length=1,
    )
    departments_concerned: DepartmentList = fact_field(
        "departments",
        "Fagavdelingene hvis fagfelt møtet gjelder",
        "The specialist departments whose field the meeting concerns",
        default_factory=_none_yet,
    )
    agenda_level: Literal["strategic", "operational"] | None = fact_field(
        "enum",
        "Agendaens nivå (overordnet/strategisk eller operativt)",
        "The agenda's level (overall/strategic or operational)",
        question=("Er agendaen på overordnet, strategisk nivå eller på operativt nivå?",
                  "Is the agenda at an overall, strategic level or at an operational level?"),
        default=None,
    )
    interpretation_on_agenda: StrictBool | None = fact_field(
        "bool",
        "Tolkning av regelverk og/eller praksis skal diskuteres",
        "Interpretation of regulations and/or practice is on the agenda",
        question=("Skal tolkning av regelverk eller praksis diskuteres?",
                  "Is interpretation of regulations or practice to be discussed?"),
        said=("tolkning av regelverk eller praksis skal diskuteres",
              "tolkning av regelverk eller praksis skal ikke diskuteres",
              "interpretation of regulations or practice is to be discussed",
              "interpretation of regulations or practice is not to be discussed"),
        default=None,
    )
    meeting_level: Literal["leader", "expert"] | None = fact_field(
        "enum",
        "Møtets nivå i forumet (ledernivå eller ekspertnivå)",
        "The meeting's level in the forum (leader level or expert level)",
        question=("Er møtet på ledernivå eller ekspertnivå i forumet?",
                  "Is the meeting at leader level or expert level in the forum?"),
        default=None,
    )
    delegation: Annotated[
        Annotated[list[StrictStr], Field(max_length=MAX_ITEMS)] | None, AfterValidator(_delegation)
    ] = fact_field(
        "participants",
        "Hvem fra Norge som deltar (UDI og UDIs avdelinger, JD, UD, annet departement, politiet, annen etat)",
        "Who from Norway takes part (UDI and its departments, JD, UD, another ministry, the police, another agency)",
        question=("Hvem fra Norge deltar i møtet (UDI, departementer, politiet, andre etater)?",
                  "Who from Norway takes part in the meeting (UDI, ministries, the police, other agencies)?"),
        default=None,
    )
    udi_leader_attends: StrictBool | None = fact_field(
        "bool",
        "En leder fra UDI er med i delegasjonen",
        "A UDI leader is in the delegation",
        question=("Er en leder fra UDI med i delegasjonen?", "Is a UDI leader in the delegation?"),
        said=("en leder fra UDI deltar", "ingen leder fra UDI deltar",
              "a UDI leader takes part", "no UDI leader takes part"),
        default=None,
    )
    invitation_signals_law_change: StrictBool | None = fact_field(
        "bool",
        "Innkallingen indikerer saker som kan medføre lovendringer i Norge",
        "The invitation signals matters that may lead to changes of Norwegian law",
        question=("Varsler innkallingen saker som kan føre til lovendringer i Norge?",
                  "Does the invitation signal matters that may lead to changes of Norwegian law?"),
        said=("innkallingen varsler mulige lovendringer i Norge", "innkallingen varsler ingen lovendringer",
              "the invitation signals possible changes of Norwegian law", "the invitation signals no law changes"),
        default=None,
    )
    invitation_signals_budget_consequences: StrictBool | None = fact_field(
        "bool",
        "Innkallingen indikerer saker med budsjettmessige konsekvenser",
        "The invitation signals matters with budget consequences",
        question=("Varsler innkallingen saker med budsjettmessige konsekvenser?",
                  "Does the invitation signal matters with budget consequences?"),
        said=("innkallingen varsler budsjettmessige konsekvenser", "innkallingen varsler ingen budsjettkonsekvenser",
              "the invitation signals budget consequences", "the invitation signals no budget consequences"),
        default=None,
    )
    invitation_signals_political_sensitivity: StrictBool | None = fact_field(
        "bool",
        "Innkallingen indikerer saker som ellers er politisk sensitive",
        "The invitation signals matters that are otherwise politically sensitive",
        question=("Varsler innkallingen saker som ellers er politisk sensitive?",
                  "Does the invitation signal matters that are otherwise politically sensitive?"),
        said=("innkallingen varsler politisk sensitive saker", "innkallingen varsler ingen politisk sensitive saker",
              "the invitation signals politically sensitive matters",
              "the invitation signals no politically sensitive matters"),
        default=None,
    )
    contribution_needs_principled_clarification: StrictBool | None = fact_field(
        "bool",
        "UDIs bidrag krever prinsipielle og strategiske avklaringer",
        "UDI's contribution needs principled and strategic clarification",
        question=("Krever UDIs bidrag prinsipielle og strategiske avklaringer?",
                  "Does UDI's contribution need principled and strategic clarification?"),
        said=("UDIs bidrag krever prinsipielle og strategiske avklaringer",
              "UDIs bidrag krever ingen prinsipielle avklaringer",
              "UDI's contribution needs principled and strategic clarification",
              "UDI's contribution needs no principled clarification"),
        default=None,
    )
    eu_schengen_legal_change_pending: StrictBool | None = fact_field(
        "bool",
        "En lovendring/et direktiv i EU eller Schengen som berører regelverk eller oppgaveløsning er under arbeid",
        "An EU or Schengen law change/directive affecting regulations or tasks is in the pipeline",
        question=("Er en lovendring eller et direktiv i EU eller Schengen som berører UDI under arbeid?",
                  "Is an EU or Schengen law change or directive affecting UDI in the pipeline?"),
        said=("en lovendring i EU eller Schengen er under arbeid", "ingen lovendring i EU eller Schengen er under arbeid",
              "an EU or Schengen legal change is in the pipeline", "no EU or Schengen legal change is in the pipeline"),
        default=None,
    )
    principled_questions_discussed: StrictBool | None = fact_field(
        "bool",
        "Spørsmål av prinsipiell karakter blir eller ble drøftet i møtet",
        "Questions of principle are or were discussed in the meeting",
        question=("Ble spørsmål av prinsipiell karakter drøftet i møtet?",
                  "Were questions of principle discussed in the meeting?"),
        phase="after",
        said=("spørsmål av prinsipiell karakter blir drøftet", "ingen spørsmål av prinsipiell karakter blir drøftet",
              "questions of principle are discussed", "no questions of principle are discussed"),
        default=None,
    )
    official_minutes_expected: StrictBool | None = fact_field(
        "bool",
        "Organisasjonens sekretariat e.l. utarbeider offisielt referat",
        "The organisation's secretariat or similar produces official minutes",
        question=("Utarbeider sekretariatet et offisielt referat fra møtet?",
                  "Does the secretariat produce official minutes of the meeting?"),
        phase="after",
        said=("sekretariatet utarbeider offisielt referat", "det kommer ikke noe offisielt referat",
              "the secretariat produces official minutes", "no official minutes will come"),
        default=None,
    )
    official_minutes_available_on: Day | None = fact_field(
        "date",
        "Datoen det offisielle referatet forelå (tom så lenge det ikke foreligger)",
        "The date the official minutes became available (empty while they are not)",
        default=None,
    )

    @model_validator(mode="after")
    def _consistent(self) -> Meeting:
        if self.last_day < self.first_day:
            raise ValueError("last_day: siste dag er før første dag [the last day is before the first day]")
        if self.official_minutes_available_on is not None:
            if self.official_minutes_expected is False:
                raise ValueError(
                    "official_minutes_expected: en dato for offisielt referat er oppgitt, "
                    "så offisielt referat kan ikke være utelukket "
                    "[a date for official minutes is given, so official minutes cannot be ruled out]"
                )
            if self.official_minutes_available_on < self.first_day:
                raise ValueError(
                    "official_minutes_available_on: referatet kan ikke foreligge før møtet "
                    "[the minutes cannot be available before the meeting]"
                )
        return self

    def rule_values(self) -> dict[str, Any]:
        values = dict(self.__dict__)
        if self.official_minutes_available_on is not None:
            values["official_minutes_exist"] = True
        elif self.official_minutes_expected is False:
            values["official_minutes_exist"] = False
        else:
            values["official_minutes_exist"] = None
        return values

    def unresolved_names(self, catalogue: Catalogue) -> list[tuple[str, str]]:
        found = []
        if self.forum not in catalogue.forums:
            found.append(("forum", self.forum))
        for name in (self.responsible_department, *self.departments_concerned):
            if name not in catalogue.departments:
                found.append(("department", name))
        for name in self.delegation or ():
            if name not in PARTICIPANTS and name not in catalogue.departments:
                found.append(("delegation", name))
        return found


class Request(Facts):
    """A request to UDI to contribute internationally (3.1), which need not be a meeting."""

    kind: ClassVar[str] = "request"

    received_by: DepartmentName = fact_field(
        "department",
        "Avdelingen som fikk henvendelsen (f.eks. ASA eller AUA)",
        "The department that received the request (e.g. ASA or AUA)",
        min_length=1,
    )
    received_on: Day | None = fact_field(
        "date", "Datoen henvendelsen kom", "The date the request came", default=None
    )
    about: Text_ | None = fact_field(
        "text", "Hva henvendelsen gjelder", "What the request is about", default=None
    )
    departments_concerned: DepartmentList = fact_field(
        "departments",
        "Fagavdelingene hvis arbeid henvendelsen berører",
        "The specialist departments whose work the request concerns",
        default_factory=_none_yet,
    )
    aua_already_informed: StrictBool | None = fact_field(
        "bool",
        "AUA kjenner allerede til henvendelsen (f.eks. fikk den i kopi)",
        "AUA already knows of the request (e.g. was copied in)",
        question=("Kjenner AUA allerede til henvendelsen?", "Does AUA already know of the request?"),
        said=("AUA kjenner allerede til henvendelsen", "AUA kjenner ikke til henvendelsen",
              "AUA already knows of the request", "AUA does not know of the request"),
        default=None,
    )

    def unresolved_names(self, catalogue: Catalogue) -> list[tuple[str, str]]:
        return [("department", n) for n in (self.received_by, *self.departments_concerned)
                if n not in catalogue.departments]


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


def resolve_participant(name: str, catalogue: Catalogue | None) -> str:
    """A delegation member's id: a UDI department, UDI, a ministry, the police, another agency; else as written."""
    if catalogue is not None:
        department = catalogue.find_department(name)
        if department is not None:
            return department
    return _PARTICIPANT_NAMES.get(name.casefold(), name)


FACT_MODELS: dict[str, type[Facts]] = {m.kind: m for m in (Meeting, Request, PlanningYear)}

#: How the fixed values of the vocabulary read in text, in bokmål and English.
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "strategic": ("overordnet, strategisk nivå", "overall, strategic level"),
    "operational": ("operativt nivå", "operational level"),
    "leader": ("ledernivå", "leader level"),
    "expert": ("ekspertnivå", "expert level"),
    **{key: (nb, en) for key, (nb, en, _) in PARTICIPANTS.items() if key != "UDI"},
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
    question: tuple[str, str] | None = None
    phase: Phase | None = None
    said: tuple[str, str, str, str] | None = None
    computed_from: tuple[str, ...] = ()


#: Values computed from the fields (`Facts.rule_values`), which rules may test like fields.
COMPUTED: dict[str, list[FieldSpec]] = {
    "meeting": [
        FieldSpec(
            name="official_minutes_exist",
            kind="meeting",
            type="bool",
            nullable=True,
            choices=(),
            nb="Det foreligger et offisielt referat fra sekretariatet",
            en="Official minutes from the secretariat exist",
            question=("Foreligger det offisielle referatet, og når kom det?",
                      "Are the official minutes available, and when did they come?"),
            phase="after",
            said=("det offisielle referatet foreligger", "det kommer ikke noe offisielt referat",
                  "the official minutes are available", "no official minutes will come"),
            computed_from=("official_minutes_expected", "official_minutes_available_on"),
        )
    ]
}


def open_fields() -> frozenset[str]:
    """Fields whose empty value means *unknown* (they carry a question), of every fact kind."""
    return _OPEN


def field_specs(kind: str) -> dict[str, FieldSpec]:
    """The fields of a fact kind, as the rule checker and compiler see them, in question order."""
    return _SPECS[kind]


def _build_specs(model: type[Facts]) -> dict[str, FieldSpec]:
    specs: dict[str, FieldSpec] = {}
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra
        assert isinstance(extra, dict)
        choices: tuple[str, ...] = ()
        args = getattr(info.annotation, "__args__", ())
        if extra["udi_type"] == "enum":
            literal = next(a for a in args if a is not type(None)) if type(None) in args else info.annotation
            choices = tuple(getattr(literal, "__args__", args))
        question = (str(extra["question_nb"]), str(extra["question_en"])) if "question_nb" in extra else None
        said = extra.get("said")
        specs[name] = FieldSpec(
            name=name,
            kind=model.kind,
            type=extra["udi_type"],  # type: ignore[arg-type]
            nullable=type(None) in args,
            choices=choices,
            nb=str(extra["description_nb"]),
            en=str(extra["description_en"]),
            question=question,
            phase=extra.get("phase"),  # type: ignore[arg-type]
            said=tuple(said) if isinstance(said, list) else None,  # type: ignore[arg-type]
        )
    for spec in COMPUTED.get(model.kind, []):
        specs[spec.name] = spec
    # Questions in the order a case officer answers them: the invitation before what comes after.
    return dict(sorted(specs.items(), key=lambda item: item[1].phase == "after"))


_SPECS = {kind: _build_specs(model) for kind, model in FACT_MODELS.items()}
_OPEN = frozenset(name for specs in _SPECS.values() for name, spec in specs.items() if spec.question)
