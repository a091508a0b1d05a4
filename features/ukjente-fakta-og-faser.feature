# language: no
Egenskap: Fakta som ennå ikke er kjent, og et møte fra innkalling til etter møtet
  En saksbehandler spør ofte før alt er kjent. Et felt som står tomt, betyr «ukjent», aldri «nei»:
  beslutningen viser da hva som gjelder uansett, hva som kan gjelde avhengig av svarene som
  mangler, og spørsmålene som avgjør det, i den rekkefølgen de normalt besvares. Samme møte
  vurderes igjen når svarene er kjent. Et forum som ikke står i katalogen, godtas med en advarsel.

  Scenario: Ved innkallingen er det som skjer i og etter møtet, ukjent
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Justisdepartementet deltar ikke
    Og det som skjer i og etter møtet, er ikke kjent ennå
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen er tidligst 17. mars 2027 og senest 14. april 2027
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og kan «Offisielt referat legges ved det interne notatet» gjelde
    Og et åpent spørsmål er «Utarbeider sekretariatet et offisielt referat fra møtet?»
    Og et åpent spørsmål er «Foreligger det offisielle referatet, og når kom det?»

  Scenario: Etter møtet er svarene kjent, og fristene har datoer
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Justisdepartementet deltar ikke
    Og ingen spørsmål av prinsipiell karakter ble drøftet
    Og det kommer ikke noe offisielt referat
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen er 17. mars 2027
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er 17. mars 2027
    Og gjelder ikke «Offisielt referat legges ved det interne notatet»
    Og ingen spørsmål er åpne

  Scenario: Et møte utenfor forumlisten kan likevel gi brev til departementet hvis prinsipielle spørsmål drøftes
    Gitt et møte i IGC som avsluttes 3. mars 2027
    Og det er ukjent om spørsmål av prinsipiell karakter blir drøftet
    Når reglene vurderes
    Så kan «Avdelingsdirektøren sender referat til departementet» gjelde
    Og den gjelder hvis spørsmål av prinsipiell karakter blir drøftet
    Og hvorfor ikke «Avdelingsdirektøren sender referat til departementet»: kan gjelde
    Og et åpent spørsmål er «Ble spørsmål av prinsipiell karakter drøftet i møtet?»

  Scenario: Når saksbehandleren bare kjenner innkallingen, kommer spørsmålene i den rekkefølgen de besvares
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og saksbehandleren vet bare hva som står i innkallingen
    Når reglene vurderes
    Så kan «Departementet konsulteres før møter der UDI deltar alene og innkallingen varsler følsomme saker» gjelde
    Og spørsmålene kommer i denne rekkefølgen: agenda_level, interpretation_on_agenda, delegation, udi_leader_attends, invitation_signals_law_change, invitation_signals_budget_consequences, invitation_signals_political_sensitivity, contribution_needs_principled_clarification, eu_schengen_legal_change_pending, principled_questions_discussed, official_minutes_expected, official_minutes_exist

  Scenario: Et forum som ikke står i katalogen, får de alminnelige pliktene og en advarsel
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og forumet er Salzburg Froum
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og gjelder «Ansvarlig fagavdeling klarerer deltakelsen i samråd med AUA ved Internasjonal enhet»
    Og gjelder ikke «Møter i Schengen, EASO, EMN, GDISC (ledernivå) og NU (ledernivå) uten Justisdepartementet rapporteres til departementet»
    Og beslutningen advarer om «Salzburg Froum» og foreslår «Salzburg Forum»

  Scenario: En skrivefeil i et forum på listen gir en advarsel, fordi den endrer utfallet
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og forumet er EMM
    Og Justisdepartementet deltar ikke
    Når reglene vurderes
    Så gjelder ikke «Avdelingsdirektøren sender referat til departementet»
    Og beslutningen advarer om «EMM» og foreslår «EMN»
