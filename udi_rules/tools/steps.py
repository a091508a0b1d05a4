"""The Norwegian sentences a scenario in `features/` may use, for the people who write them.

Each step is written the way a scenario writer writes it, with the parts to
fill in between `<` and `>`, what it means in bokmål and English, and a
filled-in example. `udi-rules steps` lists them; when a scenario uses a
sentence that is not here, the test run names the nearest ones. A test in
`tests/test_steps.py` checks this list against the step definitions the
test suite registers, both ways, so it cannot go stale.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterator, Literal

Keyword = Literal["Gitt", "Når", "Så"]
KEYWORD_OF_TYPE: dict[str, Keyword] = {"given": "Gitt", "when": "Når", "then": "Så"}
_PLACEHOLDER = re.compile(r"<([^<>]+)>")


@dataclass(frozen=True)
class Step:
    """One allowed sentence: `keyword pattern`, with `<placeholders>` to fill in."""

    keyword: Keyword
    pattern: str
    nb: str
    en: str
    values: dict[str, str] = field(default_factory=dict)  # the example's value for each placeholder
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # placeholders that take fixed words

    @property
    def text(self) -> str:
        """The sentence as a scenario writer writes it: `Gitt et møte i <forum> som avsluttes <dato>`."""
        return f"{self.keyword} {self.pattern}"

    @property
    def example(self) -> str:
        return f"{self.keyword} {self.fill()}"

    def fill(self, **values: str) -> str:
        """The pattern with every placeholder filled in (the example's values unless given)."""
        chosen = {**self.values, **{k: v[0] for k, v in self.choices.items()}, **values}
        return _PLACEHOLDER.sub(lambda m: chosen[m.group(1)], self.pattern)

    def sentences(self) -> Iterator[str]:
        """The example, and the pattern once with each of the fixed words (without the keyword)."""
        yield self.fill()
        for name, words in self.choices.items():
            for word in words:
                yield self.fill(**{name: word})

    def to_dict(self) -> dict[str, object]:
        return {
            "keyword": self.keyword,
            "pattern": self.pattern,
            "text": self.text,
            "description": {"nb": self.nb, "en": self.en},
            "example": self.example,
            "choices": {name: list(words) for name, words in self.choices.items()},
        }


def _given(pattern: str, nb: str, en: str, **values: str) -> Step:
    return Step("Gitt", pattern, nb, en, values)


def _then(pattern: str, nb: str, en: str, **values: str) -> Step:
    return Step("Så", pattern, nb, en, values)


def _fact(sentence: str, nb: str, en: str) -> Step:
    return Step("Gitt", sentence, nb, en)


_DATE = "3. mars 2027"
_WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
_KINDS = ("en plikt", "en vurderingsplikt", "en hovedregel", "et utgangspunkt", "til orientering")

STEPS: tuple[Step, ...] = (
    # --- Gitt: the meeting or the year -------------------------------------------------
    Step("Gitt", "et møte i <forum> som avsluttes <dato>",
         "Et vanlig møte på én dag: operativ agenda, ekspertnivå, UDI alene, en leder fra UDI, ASA ansvarlig",
         "An ordinary one-day meeting: operational agenda, expert level, UDI alone, a UDI leader, ASA responsible",
         {"forum": "EMN", "dato": _DATE}),
    Step("Gitt", "et møte i <forum> fra <første dag> til <siste dag>",
         "Et vanlig møte over flere dager", "An ordinary meeting over several days",
         {"forum": "EUAA", "første dag": "2. mars 2027", "siste dag": _DATE}),
    Step("Gitt", "et møte i <forum>", "Et vanlig møte 3. mars 2027, når datoen ikke betyr noe",
         "An ordinary meeting on 3 March 2027, where the date does not matter", {"forum": "GDISC"}),
    Step("Gitt", "året <år>", "Et planleggingsår (for pliktene som gjelder hele året)",
         "A planning year (for the duties that stand for the whole year)", {"år": "2027"}),
    _given("internmeldingen er opphevet", "Internmeldingen gjelder ikke lenger i året",
           "The memo is no longer in force in the year"),
    _fact("Justisdepartementet deltar ikke", "Justisdepartementet deltar ikke i møtet",
          "The Ministry of Justice does not attend"),
    _fact("Justisdepartementet deltar", "Justisdepartementet deltar (og UDI er dermed ikke alene)",
          "The Ministry of Justice attends (so UDI is not alone)"),
    _fact("UDI deltar alene", "UDI deltar uten et departement", "UDI attends without a ministry"),
    _fact("UDI deltar sammen med et departement", "Et annet departement er med i delegasjonen",
          "Another ministry is in the delegation"),
    _fact("Utenriksdepartementet deltar", "Utenriksdepartementet er med i delegasjonen",
          "The Ministry of Foreign Affairs is in the delegation"),
    _fact("politiet deltar", "Politiet er med i delegasjonen", "The police are in the delegation"),
    _fact("en annen etat deltar", "En annen etat er med i delegasjonen", "Another agency is in the delegation"),
    _fact("det er ukjent hvem som deltar fra Norge", "Delegasjonen er ikke kjent ennå",
          "The delegation is not known yet"),
    _fact("det som skjer i og etter møtet, er ikke kjent ennå",
          "Prinsipielle spørsmål og offisielt referat er ukjent, som ved innkallingen",
          "Questions of principle and official minutes are unknown, as at the invitation"),
    _fact("saksbehandleren vet bare hva som står i innkallingen",
          "Alt utenom forum, tema, datoer og ansvarlig avdeling er ukjent",
          "Everything but forum, topic, dates and responsible department is unknown"),
    Step("Gitt", "det er ukjent om <fakta>", "Et faktum er ikke kjent ennå", "A fact is not known yet",
         choices={"fakta": ("spørsmål av prinsipiell karakter blir drøftet", "det kommer offisielt referat",
                            "en leder fra UDI deltar", "AUA kjenner til henvendelsen")}),
    _given("forumet er <forum>", "Forumet møtet holdes i, også et som ikke står i katalogen",
           "The forum of the meeting, also one not in the catalogue", forum="Salzburgforumet"),
    _fact("møtet er på ledernivå", "Møtet er på ledernivå", "The meeting is at leader level"),
    _fact("møtet er på ekspertnivå", "Møtet er på ekspertnivå", "The meeting is at expert level"),
    _fact("en leder fra UDI deltar", "En leder fra UDI deltar", "A leader from UDI attends"),
    _fact("ingen leder fra UDI deltar", "Ingen leder fra UDI deltar", "No leader from UDI attends"),
    _fact("agendaen er på strategisk nivå", "Agendaen er overordnet og strategisk",
          "The agenda is at an overall, strategic level"),
    _fact("agendaen er på operativt nivå", "Agendaen er operativ", "The agenda is operational"),
    _fact("tolkning av regelverk eller praksis skal diskuteres",
          "Tolkning av regelverk eller praksis står på agendaen",
          "Interpretation of regulations or practice is on the agenda"),
    _fact("innkallingen varsler mulige lovendringer i Norge", "Innkallingen varsler mulige lovendringer i Norge",
          "The invitation signals possible changes to Norwegian law"),
    _fact("innkallingen varsler budsjettmessige konsekvenser", "Innkallingen varsler budsjettmessige konsekvenser",
          "The invitation signals budget consequences"),
    _fact("innkallingen varsler politisk sensitive saker", "Innkallingen varsler politisk sensitive saker",
          "The invitation signals politically sensitive matters"),
    _fact("innkallingen varsler ingen slike saker",
          "Innkallingen varsler verken lovendringer, budsjettkonsekvenser eller politisk sensitive saker",
          "The invitation signals no law change, budget consequence or politically sensitive matter"),
    _fact("UDIs bidrag krever prinsipielle og strategiske avklaringer",
          "UDIs bidrag krever prinsipielle og strategiske avklaringer",
          "UDI's contribution needs clarification of principle and strategy"),
    _fact("en lovendring i EU eller Schengen er under arbeid", "En lovendring i EU eller Schengen er under arbeid",
          "A legal change in the EU or Schengen is being prepared"),
    _fact("spørsmål av prinsipiell karakter ble drøftet", "Spørsmål av prinsipiell karakter ble drøftet på møtet",
          "Questions of principle were discussed at the meeting"),
    _fact("ingen spørsmål av prinsipiell karakter ble drøftet", "Ingen spørsmål av prinsipiell karakter ble drøftet",
          "No question of principle was discussed"),
    _fact("sekretariatet utarbeider offisielt referat", "Sekretariatet skriver et offisielt referat",
          "The secretariat writes official minutes"),
    _fact("det kommer ikke noe offisielt referat", "Det kommer ikke noe offisielt referat",
          "There will be no official minutes"),
    _fact("referatet er ikke kommet ennå", "Det offisielle referatet foreligger ikke ennå",
          "The official minutes are not available yet"),
    _given("det offisielle referatet foreligger <dato>", "Dagen det offisielle referatet kom",
           "The day the official minutes arrived", dato="24. mars 2027"),
    _given("ansvarlig avdeling er <avdeling>", "Avdelingen som har ansvaret for møtet",
           "The department responsible for the meeting", avdeling="AUA"),
    _given("en henvendelse om å bidra internasjonalt til <avdeling>",
           "En henvendelse (ikke et møte) som avdelingen fikk; AUA kjenner den ikke ennå",
           "A request (not a meeting) the department received; AUA does not know it yet", avdeling="ASA"),
    _fact("AUA kjenner allerede til henvendelsen", "AUA vet allerede om henvendelsen",
          "AUA already knows of the request"),
    Step("Gitt", "<møtet eller henvendelsen> berører arbeidet i <avdelinger>",
         "Avdelingene møtet eller henvendelsen berører, skilt med komma og «og»",
         "The departments the meeting or request concerns, separated by commas and «og»",
         {"avdelinger": "ASA og AUA"}, {"møtet eller henvendelsen": ("møtet", "henvendelsen")}),
    _given("temaet er «<tema>»", "Møtets tema", "The meeting's topic", tema="Asylprosedyrer"),
    # --- Når -------------------------------------------------------------------------------
    Step("Når", "reglene vurderes", "Reglene vurderes for møtet eller året",
         "The rules are evaluated for the meeting or the year"),
    # --- Så: which rules apply ---------------------------------------------------------------
    _then("gjelder «<tittel>»", "Regelen med denne norske tittelen gjelder; «Og ...» under handler om den",
          "The rule with this Norwegian title applies; «Og ...» below is about it",
          tittel="Avdelingsdirektøren sender referat til departementet"),
    _then("gjelder ikke «<tittel>»", "Regelen med denne norske tittelen gjelder ikke",
          "The rule with this Norwegian title does not apply",
          tittel="Avdelingsdirektøren sender referat til departementet"),
    _then("gjelder ingen regler", "Ingen regel gjelder, og ingenting er avledet",
          "No rule applies and nothing is derived"),
    # --- Så/Og: about the conclusion just named -------------------------------------------------
    _then("fristen er <dato>", "Fristen for konklusjonen", "The conclusion's deadline", dato="17. mars 2027"),
    _then("fristen venter på det offisielle referatet", "Fristen er ikke en dato ennå: den venter på referatet",
          "The deadline is not a date yet: it waits for the official minutes"),
    _then("fristen flyttes fra <dato> fordi den dagen ikke er en arbeidsdag",
          "Fristen ble flyttet fordi dagen ikke er en arbeidsdag",
          "The deadline was moved because the day is not a working day", dato="20. mars 2027"),
    _then("fristen flyttes ikke", "Fristen ble ikke flyttet", "The deadline was not moved"),
    _then("to uker etter møtet er <dato>, som er <slags dag>",
          "Sjekker scenarioets egen kalender: 14 dager etter siste møtedag, og hva slags dag det er "
          "(ukedag, helligdag eller «en vanlig arbeidsdag»)",
          "Checks the scenario's own calendar: 14 days after the last day, and what kind of day it is",
          **{"dato": "29. mars 2027", "slags dag": "andre påskedag"}),
    _then("det må skje i forkant av møtet, senest <dato>", "Fristen er før møtet", "The deadline is before the meeting",
          dato="2. mars 2027"),
    _then("internmeldingen setter ingen frist", "Konklusjonen har ingen frist", "The conclusion has no deadline"),
    _then("fristen er tidligst <dato> og senest <siste dato>",
          "Fristen venter, men faller mellom to datoer (den siste er den ytre grensen)",
          "The deadline waits, but falls between two dates (the last is the outer limit)",
          **{"dato": "17. mars 2027", "siste dato": "14. april 2027"}),
    _then("fristen har ingen dato, men sier «<tekst>»", "Internmeldingen gir ingen dato; fristen står i ord",
          "The memo gives no date; the deadline is in words", tekst="legges fram"),
    _then("i praksis er siste arbeidsdag <dato>",
          "Fristen står på en fridag; beslutningen sier hvilken arbeidsdag som i praksis er den siste",
          "The deadline falls on a day off; the decision says which working day is in practice the last",
          dato="30. april 2027"),
    # --- Så: facts not known yet -------------------------------------------------------------------
    _then("kan «<tittel>» gjelde", "Regelen kan gjelde, avhengig av svar som ennå ikke er kjent",
          "The rule may apply, depending on answers not known yet",
          tittel="Avdelingsdirektøren sender referat til departementet"),
    _then("den gjelder hvis <vilkår>", "Svarene som får den betingede konklusjonen til å gjelde",
          "The answers under which the conditional conclusion applies",
          vilkår="spørsmål av prinsipiell karakter blir drøftet"),
    _then("et åpent spørsmål er «<spørsmål>»", "Spørsmålet står blant de åpne spørsmålene",
          "The question is among the open questions",
          spørsmål="Ble spørsmål av prinsipiell karakter drøftet i møtet?"),
    _then("ingen spørsmål er åpne", "Alt som avgjør noe, er kjent", "Everything that decides anything is known"),
    _then("spørsmålene kommer i denne rekkefølgen: <felt>", "Feltene de åpne spørsmålene gjelder, i rekkefølge",
          "The fields of the open questions, in order", felt="agenda_level, delegation"),
    _then("beslutningen advarer om «<navn>» og foreslår «<forslag>»",
          "Et navn katalogen ikke kjenner, gir en advarsel med nærmeste kjente navn",
          "A name the catalogue does not know gives a warning with the nearest known name",
          navn="EMM", forslag="EMN"),
    _then("beslutningen har ingen advarsler", "Alle navn i faktaene står i katalogen",
          "Every name in the facts is in the catalogue"),
    _then("hvorfor ikke «<tittel>»: <tekst>", "Forklaringen på at regelen ikke gjelder, inneholder teksten",
          "The explanation of why the rule does not apply contains the text",
          tittel="Avdelingsdirektøren sender referat til departementet", tekst="følger ikke av fakta"),
    Step("Så", "konklusjonen er <art>", "Hva slags konklusjon det er (skal, skal vurderes, hovedregel ...)",
         "The kind of conclusion (must, must consider, main rule ...)", choices={"art": _KINDS}),
    _then("plikten ligger hos <rolle>", "Hvem som har plikten (rollens navn)", "Who holds the duty (the role's name)",
          rolle="ASA (ansvarlig fagavdeling)"),
    _then("avsender er <rolle>", "Hvem som står som avsender", "Who signs the document",
          rolle="avdelingsdirektøren i ASA"),
    _then("den sendes til <roller>", "Alle mottakerne, skilt med komma og «og»",
          "Every recipient, separated by commas and «og»", roller="direktørmøtet og departementet"),
    _then("mottakeren er <mottaker>", "Den ene mottakeren", "The one recipient",
          mottaker="Analyse- og utviklingsavdelingen (AUA)"),
    _then("kopi går til <roller>", "Alle kopimottakerne, skilt med komma og «og»",
          "Everyone copied, separated by commas and «og»", roller="AUA ved Internasjonal enhet («IGS» i WebSak)"),
    _then("dokumenttypen er «<dokumenttype>»", "Dokumenttypen i WebSak", "The document type in WebSak",
          dokumenttype="Brev ut"),
    _then("malen er «<mal>»", "Malen i WebSak", "The template in WebSak", mal="UDIs rapportering fra møte – internasjonale fora"),
    _then("tittelen er «<tittel>»", "Dokumentets tittel", "The document's title", tittel="Intern rapportering fra møte – IGC – Returarbeid"),
    _then("vedlegget er <vedlegg>", "Ett av vedleggene", "One of the attachments", vedlegg="offisielt referat fra organisasjonens sekretariat"),
    _then("oppgaven nevner «<tekst>»", "Oppgaven (hva som skal gjøres) inneholder teksten",
          "The task (what to do) contains the text", tekst="saksbehandlere i UDI"),
    _then("begrunnelsen nevner «<tekst>»", "Forklaringen av avgjørelsen inneholder teksten",
          "The decision's explanation contains the text", tekst="avdelingen som er ansvarlig for deltakelsen i møtet"),
    Step("Så", "<dato> er en <ukedag>", "Sjekker scenarioets egen kalender: hvilken ukedag datoen er",
         "Checks the scenario's own calendar: which weekday the date is",
         {"dato": _DATE}, {"ukedag": ("onsdag", *[d for d in _WEEKDAYS if d != "onsdag"])}),
    # --- Oppfølging over tid (udi_rules.followup): en sak, dens hendelser og status per en dato ---------
    _given("en sak for et møte i <forum> fra <første dag> til <siste dag>",
           "En sak for et møte: ASA ansvarlig, UDI alene uten leder; det som skjer etter møtet er ukjent",
           "A case for a meeting: ASA responsible, UDI alone without a leader; what happens after it is unknown",
           **{"forum": "EMN", "første dag": "2. mars 2027", "siste dag": _DATE}),
    _given("innkallingen kom <dato>", "Hendelse: innkallingen kom (til ASA)", "Event: the invitation came (to ASA)",
           dato="18. januar 2027"),
    _given("deltakelsen ble klarert <dato>", "Hendelse: deltakelsen ble klarert med AUA",
           "Event: the participation was cleared with AUA", dato="10. februar 2027"),
    _given("møtet ble holdt <dato>", "Hendelse: møtet ble holdt med UDI til stede",
           "Event: the meeting was held with UDI present", dato=_DATE),
    _given("UDI trakk seg <dato>", "Hendelse: UDI trakk seg fra møtet", "Event: UDI withdrew from the meeting",
           dato="20. februar 2027"),
    Step("Gitt", "<dato> ble det kjent at <fakta>", "Hendelse: noe ble kjent etter møtet",
         "Event: something became known after the meeting", {"dato": "4. mars 2027"},
         {"fakta": ("sekretariatet lager offisielt referat", "det ikke kommer noe offisielt referat",
                    "spørsmål av prinsipiell karakter ble drøftet")}),
    _given("det offisielle referatet kom <dato>", "Hendelse: det offisielle referatet kom",
           "Event: the official minutes arrived", dato="24. mars 2027"),
    _given("rapporten ble arkivert <dato> i riktig form", "Hendelse: rapporten ble arkivert slik internmeldingen sier",
           "Event: the report was filed in the form the memo sets", dato="12. mars 2027"),
    Step("Gitt", "rapporten ble arkivert <dato> med <feil>", "Hendelse: rapporten ble arkivert med ett avvik fra formen",
         "Event: the report was filed with one deviation from the form", {"dato": "12. mars 2027"},
         {"feil": ("en tittel uten forum og tema", "bare ASA som mottaker", "uten det offisielle referatet",
                   "malen «Notat»", "dokumenttypen «Notat»", "ingen fagpersoner i kopi")}),
    _given("brevet til departementet ble sendt <dato> i riktig form",
           "Hendelse: brevet til departementet ble sendt slik internmeldingen sier",
           "Event: the letter to the ministry was sent in the form the memo sets", dato="15. mars 2027"),
    Step("Gitt", "brevet til departementet ble sendt <dato> <feil>",
         "Hendelse: brevet ble sendt med ett avvik fra formen", "Event: the letter was sent with one deviation",
         {"dato": "15. mars 2027"},
         {"feil": ("som internt notat", "fra en seniorrådgiver", "uten kopi til AUA", "uten det offisielle referatet")}),
    _given("årets oppfølging for <år> med koordinatorene <navn>",
           "Et års oppføring for de stående pliktene, med koordinatorene som skal levere notat",
           "A year's record of the standing duties, with the coordinators who must file a note",
           **{"år": "2027", "navn": "Schengen, EMN og Retur"}),
    Step("Gitt", "møtet med <departement> ble holdt <dato>", "Hendelse: det halvårlige møtet med departementet",
         "Event: the half-yearly meeting with the ministry", {"dato": "11. mars 2027"},
         {"departement": ("Justisdepartementet", "Utenriksdepartementet")}),
    _given("koordinatoren for <felt> leverte notatet sitt <dato>", "Hendelse: en koordinator leverte årsnotatet",
           "Event: a coordinator filed the annual note", **{"felt": "Schengen", "dato": "20. april 2027"}),
    _given("direktørmøtet behandlet saken om det internasjonale arbeidet <dato>",
           "Hendelse: direktørmøtet behandlet årets sak", "Event: the directors' meeting handled the year's item",
           dato="15. juni 2027"),
    _given("den samlede redegjørelsen ble gitt <dato>", "Hendelse: den samlede redegjørelsen ble gitt",
           "Event: the combined account was given", dato="15. juni 2027"),
    Step("Når", "status tas <dato>", "Status for saken eller året per datoen", "The case's or year's status as of the date",
         {"dato": "20. mars 2027"}),
    Step("Så", "er «<tittel>» <status>", "Pliktens status per datoen", "The duty's status as of the date",
         {"tittel": "Det skal skrives en kort intern rapport fra hvert møte"},
         {"status": ("forfalt", "åpen", "ikke aktuell ennå", "kan bli aktuell", "gjort for sent", "gjort i tide",
                     "gjelder ikke lenger")}),
    _then("har den <antall> dager igjen", "Dager igjen til fristen for plikten nettopp nevnt",
          "Days left to the deadline of the duty just named", antall="7"),
    _then("fristen for «<tittel>» er <dato>", "Fristen slik hendelsene har satt den",
          "The deadline as the events have set it",
          **{"tittel": "Det skal skrives en kort intern rapport fra hvert møte", "dato": "17. mars 2027"}),
    _then("fristen for «<tittel>» venter på referatet, men er senest <dato>",
          "Fristen venter på det offisielle referatet, med den ytre grensen",
          "The deadline waits for the official minutes, with the outer limit",
          **{"tittel": "Det skal skrives en kort intern rapport fra hvert møte", "dato": "14. april 2027"}),
    _then("er avviket at <tekst>, med internmeldingens ord fra punkt <punkt>",
          "Det ene avviket fra formen, med sitat fra internmeldingen", "The one deviation from the form, quoting the memo",
          **{"tekst": "mottaker mangler: AUA ved Internasjonal enhet", "punkt": "4.1"}),
    _then("har den ingen avvik fra formen", "Dokumentet følger formen internmeldingen setter",
          "The document follows the form the memo sets"),
    _then("mangler notatet fra <navn>", "Koordinatorene som ennå ikke har levert årsnotatet",
          "The coordinators who have not filed their annual note yet", navn="Retur"),
)


def nearest(sentence: str, keyword: str | None = None, n: int = 3) -> list[Step]:
    """The allowed steps closest to a sentence a scenario used, best first.

    Compares with both the pattern (`<forum>`) and the filled-in example, and
    prefers steps of the same keyword (`Gitt`, `Når`, `Så`) when given.
    """
    def score(step: Step) -> float:
        best = max(
            difflib.SequenceMatcher(None, sentence.lower(), candidate.lower()).ratio()
            for candidate in (step.pattern, step.fill())
        )
        return best + (0.1 if keyword in (None, step.keyword) else 0.0)

    return sorted(STEPS, key=score, reverse=True)[:n]


__all__ = ["KEYWORD_OF_TYPE", "STEPS", "Step", "nearest"]
