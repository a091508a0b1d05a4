# language: no
Egenskap: Rapportering fra møter i internasjonale fora (punkt 4.1)
  Den som deltar i et møte i et internasjonalt forum, skal skrive en kort intern rapport,
  vurdere hvem i organisasjonen som kan ha nytte av informasjonen, og vurdere å informere i egne møter.
  Rapporten er et internt notat i WebSak med fast mal og tittel, til AUA ved Internasjonal enhet og
  aktuell fagavdeling (den møtet faglig gjelder), med aktuelle fagpersoner i kopi og et eventuelt offisielt referat som vedlegg.
  Fra møter i Schengen, EASO (nå EUAA), EMN, GDISC (ledernivå) og NU (ledernivå) der Justisdepartementet
  ikke deltar, og fra møter der spørsmål av prinsipiell karakter ble drøftet, skal referatet også sendes
  departementet i et brev fra avdelingsdirektøren.
  Fristen er to uker etter møtet, eventuelt når det offisielle referatet foreligger.
  Scenarier merket @tolkning viser hvordan vi har lest internmeldingen der den gir rom for tolkning.

  # --- Den interne rapporten -----------------------------------------------------------------

  Scenario: Hvert møte gir en kort intern rapport med fast mal, tittel, mottakere og frist
    Gitt et møte i IGC som avsluttes 3. mars 2027
    Og temaet er «Returarbeid»
    Og det kommer ikke noe offisielt referat
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og plikten ligger hos møtedeltakeren
    Og fristen er 17. mars 2027
    Og dokumenttypen er «Internt notat (X)»
    Og malen er «Intern rapportering fra møte – internasjonale fora»
    Og tittelen er «Intern rapportering fra møte – IGC – Returarbeid»
    Og den sendes til AUA ved Internasjonal enhet («IGS» i WebSak) og ASA (aktuell fagavdeling)
    Og kopi går til aktuelle fagpersoner
    Og gjelder «Deltakeren vurderer hvem som har nytte av informasjonen»
    Og plikten ligger hos møtedeltakeren
    Og gjelder «Deltakeren vurderer å informere i egne møter»
    Og plikten ligger hos møtedeltakeren
    Og gjelder ikke «Offisielt referat legges ved det interne notatet»
    Og gjelder ikke «Avdelingsdirektøren sender referat til departementet»

  Scenario: Et offisielt referat fra sekretariatet legges ved det interne notatet
    Gitt et møte i IGC som avsluttes 3. mars 2027
    Og det offisielle referatet foreligger 10. mars 2027
    Når reglene vurderes
    Så gjelder «Offisielt referat legges ved det interne notatet»
    Og plikten ligger hos møtedeltakeren
    Og vedlegget er offisielt referat fra organisasjonens sekretariat
    Og gjelder ikke «Offisielt referat legges ved brevet til departementet»

  Scenario: Rapporteringsplikten knytter seg til møter, ikke til de faste årlige pliktene
    Gitt året 2027
    Når reglene vurderes
    Så gjelder ikke «Det skal skrives en kort intern rapport fra hvert møte»
    Og gjelder ikke «Deltakeren vurderer hvem som har nytte av informasjonen»
    Og gjelder ikke «Deltakeren vurderer å informere i egne møter»

  @tolkning
  Scenario: Rapporten går til fagavdelingen møtet gjelder, og brevet fra den ansvarlige avdelingens direktør
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og ansvarlig avdeling er OPA
    Og Justisdepartementet deltar ikke
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og den sendes til AUA ved Internasjonal enhet («IGS» i WebSak) og OPA (aktuell fagavdeling)
    Og begrunnelsen nevner «fagavdelingen hvis fagfelt møtet gjelder»
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og plikten ligger hos avdelingsdirektøren i OPA
    Og avsender er avdelingsdirektøren i OPA

  @tolkning
  Scenariomal: Når AUA er ansvarlig, går rapporten til fagavdelingen møtet gjelder, ikke til AUA selv
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og ansvarlig avdeling er AUA
    Og møtet berører arbeidet i <berører>
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og den sendes til AUA ved Internasjonal enhet («IGS» i WebSak) og <fagavdeling> (aktuell fagavdeling)

    Eksempler:
      | berører    | fagavdeling |
      | RMA        | RMA         |
      | AUA og ASA | ASA         |
      | ASA og OPA | ASA, OPA    |

  # --- Fristen ---------------------------------------------------------------------------------

  @tolkning
  Scenario: Fristen for et møte over flere dager regnes fra møtets siste dag
    Gitt et møte i EMN fra 1. mars 2027 til 3. mars 2027
    Og Justisdepartementet deltar ikke
    Og det kommer ikke noe offisielt referat
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen er 17. mars 2027
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er 17. mars 2027

  @tolkning
  Scenario: Et offisielt referat som foreligger innen to uker, endrer ikke fristen
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Justisdepartementet deltar ikke
    Og det offisielle referatet foreligger 10. mars 2027
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen er 17. mars 2027
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er 17. mars 2027

  @tolkning
  Scenario: Et offisielt referat som foreligger senere enn to uker, flytter fristen til den dagen
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Justisdepartementet deltar ikke
    Og det offisielle referatet foreligger 24. mars 2027
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen er 24. mars 2027
    Og gjelder «Offisielt referat legges ved det interne notatet»
    Og vedlegget er offisielt referat fra organisasjonens sekretariat
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er 24. mars 2027
    Og gjelder «Offisielt referat legges ved brevet til departementet»
    Og plikten ligger hos avdelingsdirektøren i ASA
    Og vedlegget er offisielt referat fra organisasjonens sekretariat

  @tolkning
  Scenario: Så lenge et ventet offisielt referat ikke foreligger, venter fristen på det
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Justisdepartementet deltar ikke
    Og sekretariatet utarbeider offisielt referat
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen venter på det offisielle referatet
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen venter på det offisielle referatet
    Og fristen er tidligst 17. mars 2027 og senest 14. april 2027
    Og kan «Offisielt referat legges ved det interne notatet» gjelde
    Og den gjelder hvis det offisielle referatet foreligger

  Scenario: Et referat som aldri kommer, holder ikke fristene åpne
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Justisdepartementet deltar ikke
    Og sekretariatet utarbeider offisielt referat
    Og referatet er ikke kommet ennå
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen er tidligst 17. mars 2027 og senest 14. april 2027
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er tidligst 17. mars 2027 og senest 14. april 2027
    Og begrunnelsen nevner «senest 14. april 2027 (ytre grense for «innen rimelig tid»)»

  @tolkning
  Scenario: Kommer referatet aldri innen den ytre grensen, er rapporten og brevet forfalt uten det
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Justisdepartementet deltar ikke
    Og sekretariatet utarbeider offisielt referat
    Og det offisielle referatet foreligger 20. mai 2027
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen er 14. april 2027
    Og begrunnelsen nevner «etter den ytre grensen 14. april 2027; fristen var da, og referatet ettersendes»
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er 14. april 2027
    Og gjelder «Offisielt referat legges ved det interne notatet»
    Og fristen er 20. mai 2027

  @tolkning
  Scenariomal: En frist som faller på en lørdag, søndag eller helligdag, flyttes til neste arbeidsdag
    Gitt et møte i EMN som avsluttes <møteslutt>
    Og Justisdepartementet deltar ikke
    Og det kommer ikke noe offisielt referat
    Når reglene vurderes
    Så to uker etter møtet er <to uker>, som er <dagen>
    Og gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen flyttes fra <to uker> fordi den dagen ikke er en arbeidsdag
    Og fristen er <frist>
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen flyttes fra <to uker> fordi den dagen ikke er en arbeidsdag
    Og fristen er <frist>

    Eksempler:
      | møteslutt       | to uker         | dagen                                  | frist          |
      | 6. mars 2027    | 20. mars 2027   | lørdag                                 | 22. mars 2027  |
      | 7. mars 2027    | 21. mars 2027   | søndag                                 | 22. mars 2027  |
      | 11. mars 2027   | 25. mars 2027   | skjærtorsdag                           | 30. mars 2027  |
      | 15. mars 2027   | 29. mars 2027   | andre påskedag                         | 30. mars 2027  |
      | 22. april 2027  | 6. mai 2027     | kristi himmelfartsdag                  | 7. mai 2027    |
      | 3. mai 2027     | 17. mai 2027    | mandag, grunnlovsdag og andre pinsedag | 18. mai 2027   |

  @tolkning
  Scenario: Fristen venter på et referat som foreligger på en søndag, og flyttes så til mandag
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Justisdepartementet deltar ikke
    Og det offisielle referatet foreligger 21. mars 2027
    Når reglene vurderes
    Så gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen flyttes fra 21. mars 2027 fordi den dagen ikke er en arbeidsdag
    Og fristen er 22. mars 2027
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er 22. mars 2027

  @tolkning
  Scenariomal: En frist på en vanlig arbeidsdag blir stående, også julaften
    Gitt et møte i EMN som avsluttes <møteslutt>
    Og Justisdepartementet deltar ikke
    Og det kommer ikke noe offisielt referat
    Når reglene vurderes
    Så to uker etter møtet er <frist>, som er <dagen>
    Og gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og fristen er <frist>
    Og fristen flyttes ikke
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er <frist>
    Og fristen flyttes ikke

    Eksempler:
      | møteslutt         | frist              | dagen                               |
      | 12. mai 2027      | 26. mai 2027       | onsdag, en vanlig arbeidsdag        |
      | 10. desember 2027 | 24. desember 2027  | fredag, julaften, en vanlig arbeidsdag |

  # --- Referat til departementet ------------------------------------------------------------------

  @tolkning
  Scenario: Justisdepartementet deltar når det er med i den norske delegasjonen
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Justisdepartementet deltar
    Når reglene vurderes
    Så gjelder ikke «Justisdepartementet deltar ikke når det ikke er med i den norske delegasjonen»
    Og gjelder ikke «Møter i Schengen, EASO, EMN, GDISC (ledernivå) og NU (ledernivå) uten Justisdepartementet rapporteres til departementet»

  @tolkning
  Scenario: Uten Justisdepartementet i delegasjonen deltar det ikke, selv om Utenriksdepartementet gjør det
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Utenriksdepartementet deltar
    Når reglene vurderes
    Så gjelder «Justisdepartementet deltar ikke når det ikke er med i den norske delegasjonen»
    Og gjelder «Møter i Schengen, EASO, EMN, GDISC (ledernivå) og NU (ledernivå) uten Justisdepartementet rapporteres til departementet»

  @tolkning
  Scenariomal: Fora som hører inn under Schengen-samarbeidet, regnes som Schengen; EU-byråene gjør det ikke
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og forumet er <forum>
    Og Justisdepartementet deltar ikke
    Når reglene vurderes
    Så <svar> «Møter i Schengen, EASO, EMN, GDISC (ledernivå) og NU (ledernivå) uten Justisdepartementet rapporteres til departementet»
    Og beslutningen har ingen advarsler

    Eksempler:
      | forum                              | svar         |
      | Rådsarbeidsgruppe i Schengen-format | gjelder      |
      | Blandet komité                     | gjelder      |
      | Frontex                            | gjelder ikke |
      | eu-LISA                            | gjelder ikke |
      | Europarådet                        | gjelder ikke |
      | Salzburgforumet                    | gjelder ikke |


  Scenario: Et EMN-møte uten Justisdepartementet rapporteres til departementet
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Justisdepartementet deltar ikke
    Og det kommer ikke noe offisielt referat
    Når reglene vurderes
    Så gjelder «Møter i Schengen, EASO, EMN, GDISC (ledernivå) og NU (ledernivå) uten Justisdepartementet rapporteres til departementet»
    Og gjelder ikke «Møter der prinsipielle spørsmål ble drøftet rapporteres til departementet»
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og plikten ligger hos avdelingsdirektøren i ASA
    Og fristen er 17. mars 2027
    Og avsender er avdelingsdirektøren i ASA
    Og den sendes til departementet
    Og kopi går til AUA ved Internasjonal enhet («IGS» i WebSak)
    Og dokumenttypen er «Brev ut»
    Og malen er «UDIs rapportering fra møte – internasjonale fora»
    Og gjelder ikke «Offisielt referat legges ved brevet til departementet»

  @tolkning
  Scenariomal: Hvilke fora som rapporteres til departementet, med og uten Justisdepartementet
    Gitt et møte i <forum> som avsluttes 3. mars 2027
    Og møtet er på <nivå>
    Og Justisdepartementet <JD>
    Og ingen spørsmål av prinsipiell karakter ble drøftet
    Når reglene vurderes
    Så <utfall> «Møter i Schengen, EASO, EMN, GDISC (ledernivå) og NU (ledernivå) uten Justisdepartementet rapporteres til departementet»
    Og <utfall> «Avdelingsdirektøren sender referat til departementet»
    Og gjelder ikke «Møter der prinsipielle spørsmål ble drøftet rapporteres til departementet»
    Og gjelder «Det skal skrives en kort intern rapport fra hvert møte»

    Eksempler:
      | forum    | nivå        | JD           | utfall       |
      | Schengen | ekspertnivå | deltar ikke  | gjelder      |
      | Schengen | ledernivå   | deltar ikke  | gjelder      |
      | Schengen | ekspertnivå | deltar       | gjelder ikke |
      | EASO     | ekspertnivå | deltar ikke  | gjelder      |
      | EASO     | ledernivå   | deltar       | gjelder ikke |
      | EUAA     | ekspertnivå | deltar ikke  | gjelder      |
      | EUAA     | ekspertnivå | deltar       | gjelder ikke |
      | EMN      | ekspertnivå | deltar ikke  | gjelder      |
      | EMN      | ledernivå   | deltar       | gjelder ikke |
      | GDISC    | ledernivå   | deltar ikke  | gjelder      |
      | GDISC    | ledernivå   | deltar       | gjelder ikke |
      | GDISC    | ekspertnivå | deltar ikke  | gjelder ikke |
      | NU       | ledernivå   | deltar ikke  | gjelder      |
      | NU       | ledernivå   | deltar       | gjelder ikke |
      | NU       | ekspertnivå | deltar ikke  | gjelder ikke |
      | IGC      | ledernivå   | deltar ikke  | gjelder ikke |
      | IGC      | ekspertnivå | deltar ikke  | gjelder ikke |

  @tolkning
  Scenario: Et møte i EUAA omfattes av regelen om EASO
    Gitt et møte i EUAA som avsluttes 3. mars 2027
    Og temaet er «Asylstatistikk»
    Og Justisdepartementet deltar ikke
    Når reglene vurderes
    Så gjelder «Møter i Schengen, EASO, EMN, GDISC (ledernivå) og NU (ledernivå) uten Justisdepartementet rapporteres til departementet»
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er 17. mars 2027
    Og gjelder «Det skal skrives en kort intern rapport fra hvert møte»
    Og tittelen er «Intern rapportering fra møte – EUAA – Asylstatistikk»

  @tolkning
  Scenariomal: «(ledernivå)» avgrenser bare GDISC og NU
    Gitt et møte i <forum> som avsluttes 3. mars 2027
    Og møtet er på ekspertnivå
    Og Justisdepartementet deltar ikke
    Og ingen spørsmål av prinsipiell karakter ble drøftet
    Når reglene vurderes
    Så <utfall> «Møter i Schengen, EASO, EMN, GDISC (ledernivå) og NU (ledernivå) uten Justisdepartementet rapporteres til departementet»
    Og <utfall> «Avdelingsdirektøren sender referat til departementet»

    Eksempler:
      | forum    | utfall       |
      | GDISC    | gjelder ikke |
      | NU       | gjelder ikke |
      | Schengen | gjelder      |
      | EASO     | gjelder      |
      | EMN      | gjelder      |

  @tolkning
  Scenario: Prinsipielle spørsmål rapporteres til departementet også når Justisdepartementet deltok
    Gitt et møte i Schengen som avsluttes 3. mars 2027
    Og Justisdepartementet deltar
    Og spørsmål av prinsipiell karakter ble drøftet
    Og det kommer ikke noe offisielt referat
    Når reglene vurderes
    Så gjelder ikke «Møter i Schengen, EASO, EMN, GDISC (ledernivå) og NU (ledernivå) uten Justisdepartementet rapporteres til departementet»
    Og gjelder «Møter der prinsipielle spørsmål ble drøftet rapporteres til departementet»
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er 17. mars 2027
    Og avsender er avdelingsdirektøren i ASA
    Og den sendes til departementet
    Og kopi går til AUA ved Internasjonal enhet («IGS» i WebSak)
    Og dokumenttypen er «Brev ut»
    Og malen er «UDIs rapportering fra møte – internasjonale fora»

  @tolkning
  Scenario: Prinsipielle spørsmål i et forum utenfor listen gir brev med samme frist og vedlegg
    Gitt et møte i IGC som avsluttes 3. mars 2027
    Og møtet er på ekspertnivå
    Og spørsmål av prinsipiell karakter ble drøftet
    Og det offisielle referatet foreligger 24. mars 2027
    Når reglene vurderes
    Så gjelder «Møter der prinsipielle spørsmål ble drøftet rapporteres til departementet»
    Og gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er 24. mars 2027
    Og gjelder «Offisielt referat legges ved brevet til departementet»
    Og vedlegget er offisielt referat fra organisasjonens sekretariat

  Scenario: Uten prinsipielle spørsmål og med Justisdepartementet til stede går det ikke noe referat til departementet
    Gitt et møte i Schengen som avsluttes 3. mars 2027
    Og Justisdepartementet deltar
    Og ingen spørsmål av prinsipiell karakter ble drøftet
    Og det offisielle referatet foreligger 10. mars 2027
    Når reglene vurderes
    Så gjelder ikke «Møter der prinsipielle spørsmål ble drøftet rapporteres til departementet»
    Og gjelder ikke «Avdelingsdirektøren sender referat til departementet»
    Og gjelder ikke «Offisielt referat legges ved brevet til departementet»
    Og gjelder «Offisielt referat legges ved det interne notatet»
