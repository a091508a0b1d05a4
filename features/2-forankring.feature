# language: no
Egenskap: Forankring og oppfølging av UDIs internasjonale arbeid (punkt 2.1–2.3)
  Noen plikter gjelder hvert år, ikke for ett bestemt møte: direktørmøtets årlige sak,
  AUAs møter med avdelingene, de halvårlige møtene med Justisdepartementet og
  Utenriksdepartementet, og koordinatorenes ansvar. Reglene vurderes for ett kalenderår om gangen.
  Internmeldingen er datert 27. juni 2011. Plikter som gjentar seg hvert år eller hvert halvår,
  gjelder fra det første hele året eller halvåret internmeldingen gjaldt; løpende plikter gjelder
  fra 2011.

  @tolkning
  Scenario: Direktørmøtet behandler UDIs internasjonale arbeid innen årets utgang
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «Direktørmøtet behandler UDIs internasjonale arbeid én gang i året»
    Og plikten ligger hos direktørmøtet
    Og konklusjonen er en plikt
    Og fristen er 31. desember 2027

  @tolkning
  Scenario: En frist ved årets utgang flyttes ikke til neste år, selv om 31. desember er en søndag
    Gitt året 2028
    Når reglene vurderes
    Så gjelder «Direktørmøtet behandler UDIs internasjonale arbeid én gang i året»
    Og 31. desember 2028 er en søndag
    Og fristen er 31. desember 2028
    Og fristen flyttes ikke
    Og gjelder «UDI har møte med Justisdepartementet i andre halvår»
    Og fristen er 31. desember 2028
    Og fristen flyttes ikke

  @tolkning
  Scenario: AUA tar initiativ til møter med avdelingene gjennom hele året, uten frist
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «AUA tar løpende initiativ til møter med aktuelle avdelinger»
    Og plikten ligger hos Analyse- og utviklingsavdelingen (AUA)
    Og konklusjonen er en plikt
    Og internmeldingen setter ingen frist

  @tolkning
  Scenariomal: Halvårlige møter betyr ett møte i hvert kalenderhalvår
    Gitt året <år>
    Når reglene vurderes
    Så gjelder «UDI har møte med <departement> i <halvår>»
    Og plikten ligger hos UDI
    Og konklusjonen er en plikt
    Og fristen er <frist>
    Og fristen flyttes ikke

    Eksempler: Fristen er siste dag i halvåret
      | år   | departement           | halvår        | frist             |
      | 2027 | Justisdepartementet   | første halvår | 30. juni 2027     |
      | 2027 | Justisdepartementet   | andre halvår  | 31. desember 2027 |
      | 2027 | Utenriksdepartementet | første halvår | 30. juni 2027     |
      | 2027 | Utenriksdepartementet | andre halvår  | 31. desember 2027 |
      | 2012 | Justisdepartementet   | første halvår | 30. juni 2012     |

  @tolkning
  Scenariomal: Et møte i første halvår må holdes innen 30. juni, også når 30. juni er en lørdag
    Gitt året 2029
    Når reglene vurderes
    Så gjelder «UDI har møte med <departement> i første halvår»
    Og 30. juni 2029 er en lørdag
    Og fristen er 30. juni 2029
    Og fristen flyttes ikke

    Eksempler:
      | departement           |
      | Justisdepartementet   |
      | Utenriksdepartementet |

  @tolkning
  Scenario: I 2011 gjaldt internmeldingen først fra 27. juni
    Gitt året 2011
    Når reglene vurderes
    Så gjelder ikke «Direktørmøtet behandler UDIs internasjonale arbeid én gang i året»
    Og gjelder ikke «UDI har møte med Justisdepartementet i første halvår»
    Og gjelder ikke «UDI har møte med Utenriksdepartementet i første halvår»
    Og gjelder ikke «Koordinatoren legger et kort årlig notat om feltet i WebSak innen 1. mai»
    Og gjelder ikke «Koordinatorenes notater gir grunnlag for en samlet redegjørelse i direktørmøtet og til departementet»
    Og gjelder «UDI har møte med Justisdepartementet i andre halvår»
    Og fristen er 31. desember 2011
    Og gjelder «UDI har møte med Utenriksdepartementet i andre halvår»
    Og fristen er 31. desember 2011
    Og gjelder «AUA tar løpende initiativ til møter med aktuelle avdelinger»
    Og gjelder «Koordinatoren koordinerer UDIs deltakelse i internasjonale aktiviteter på sitt felt»

  Scenariomal: UDI samarbeider fast med departementene og sentrale aktører
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «<regel>»
    Og plikten ligger hos UDI
    Og konklusjonen er en plikt
    Og oppgaven nevner «<nevner>»
    Og internmeldingen setter ingen frist

    Eksempler:
      | regel                                                                              | nevner                      |
      | UDI samarbeider særskilt med UD om tilbaketakelsesavtaler og spesialutsendinger    | tilbaketakelsesavtaler      |
      | UDI sikrer gode rutiner for informasjonsutveksling med sentrale samarbeidspartnere | IMDIs integreringsrådgivere |
      | UDI sikrer gode rutiner for informasjonsutveksling med sentrale samarbeidspartnere | FN-delegasjonen i Genève    |
      | UDI sikrer gode rutiner for informasjonsutveksling med sentrale samarbeidspartnere | Landinfo                    |

  Scenariomal: Koordinatorene har løpende ansvar på sitt felt
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «<regel>»
    Og plikten ligger hos koordinatorene for fagområder og internasjonale fora
    Og konklusjonen er <konklusjon>
    Og internmeldingen setter ingen frist

    Eksempler:
      | regel                                                                                      | konklusjon         |
      | Koordinatoren koordinerer UDIs deltakelse i internasjonale aktiviteter på sitt felt        | en plikt           |
      | Koordinatoren holder dialog med departementet og bygger nettverk på sitt felt              | en plikt           |
      | Koordinatoren vedlikeholder oversikt over temaer for informasjonsutveksling om praksis     | en plikt           |
      | Koordinatoren bidrar til kompetanseheving og informasjonsutveksling overfor fagavdelingene | en plikt           |
      | Koordinatoren vurderer kompetansehevingstiltak i samarbeid med UDI-skolen                  | en vurderingsplikt |
      | Koordinatoren påser at internasjonale rettskilder i RVP er oppdatert                       | en plikt           |
      | Koordinatoren informerer UDIs analysegruppe om forhold av betydning for deres arbeid       | en plikt           |
      | Koordinatoren vurderer aktuelle områder for forskning med UDIs FoU-koordinator             | en vurderingsplikt |

  @tolkning
  Scenario: Koordinatoren skal bidra til kompetanseheving, vurdere tiltak og samarbeide med UDI-skolen
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «Koordinatoren bidrar til kompetanseheving og informasjonsutveksling overfor fagavdelingene»
    Og konklusjonen er en plikt
    Og gjelder «Koordinatoren vurderer kompetansehevingstiltak i samarbeid med UDI-skolen»
    Og konklusjonen er en vurderingsplikt
    Og gjelder «Koordinatoren samarbeider med UDI-skolen om kompetanseheving for saksbehandlerne»
    Og konklusjonen er en plikt

  Scenario: Koordinatoren informerer analysegruppa
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «Koordinatoren informerer UDIs analysegruppe om forhold av betydning for deres arbeid»
    Og den sendes til UDIs analysegruppe
    Og oppgaven nevner «nyhetsbrev»

  @tolkning
  Scenariomal: Fristen «innen 1. mai» faller alltid på en helligdag og flyttes til neste arbeidsdag
    Gitt året <år>
    Når reglene vurderes
    Så gjelder «Koordinatoren legger et kort årlig notat om feltet i WebSak innen 1. mai»
    Og plikten ligger hos koordinatorene for fagområder og internasjonale fora
    Og den sendes til UDIs ledelse
    Og 1. mai <år> er en <ukedag>
    Og fristen flyttes fra 1. mai <år> fordi den dagen ikke er en arbeidsdag
    Og fristen er <frist>

    Eksempler: 1. mai er arbeidernes dag, en offentlig høytidsdag
      | år   | ukedag  | frist       |
      | 2012 | tirsdag | 2. mai 2012 |
      | 2025 | torsdag | 2. mai 2025 |
      | 2026 | fredag  | 4. mai 2026 |
      | 2027 | lørdag  | 3. mai 2027 |
      | 2028 | mandag  | 2. mai 2028 |

  @tolkning
  Scenario: Notatene gir grunnlag for en samlet redegjørelse, som internmeldingen ikke gir egen frist
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «Koordinatorenes notater gir grunnlag for en samlet redegjørelse i direktørmøtet og til departementet»
    Og plikten ligger hos UDI
    Og den sendes til direktørmøtet og departementet
    Og oppgaven nevner «første tertialrapport»
    Og internmeldingen setter ingen frist

  Scenariomal: Når internmeldingen er opphevet, gjelder ingen av de stående pliktene
    Gitt året 2027
    Og internmeldingen er opphevet
    Når reglene vurderes
    Så gjelder ikke «<regel>»

    Eksempler:
      | regel                                                                                                |
      | Direktørmøtet behandler UDIs internasjonale arbeid én gang i året                                    |
      | AUA tar løpende initiativ til møter med aktuelle avdelinger                                          |
      | UDI har møte med Justisdepartementet i første halvår                                                 |
      | UDI har møte med Justisdepartementet i andre halvår                                                  |
      | UDI har møte med Utenriksdepartementet i første halvår                                               |
      | UDI har møte med Utenriksdepartementet i andre halvår                                                |
      | UDI samarbeider særskilt med UD om tilbaketakelsesavtaler og spesialutsendinger                      |
      | UDI sikrer gode rutiner for informasjonsutveksling med sentrale samarbeidspartnere                   |
      | Koordinatoren koordinerer UDIs deltakelse i internasjonale aktiviteter på sitt felt                  |
      | Koordinatoren holder dialog med departementet og bygger nettverk på sitt felt                        |
      | Koordinatoren vedlikeholder oversikt over temaer for informasjonsutveksling om praksis               |
      | Koordinatoren bidrar til kompetanseheving og informasjonsutveksling overfor fagavdelingene           |
      | Koordinatoren vurderer kompetansehevingstiltak i samarbeid med UDI-skolen                            |
      | Koordinatoren påser at internasjonale rettskilder i RVP er oppdatert                                 |
      | Koordinatoren legger et kort årlig notat om feltet i WebSak innen 1. mai                             |
      | Koordinatorenes notater gir grunnlag for en samlet redegjørelse i direktørmøtet og til departementet |
      | Koordinatoren informerer UDIs analysegruppe om forhold av betydning for deres arbeid                 |
      | Koordinatoren vurderer aktuelle områder for forskning med UDIs FoU-koordinator                       |

  Scenario: For et år der internmeldingen ikke gjelder, gjelder ingen regler
    Gitt året 2030
    Og internmeldingen er opphevet
    Når reglene vurderes
    Så gjelder ingen regler
