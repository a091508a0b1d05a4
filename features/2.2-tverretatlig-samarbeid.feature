# language: no
Egenskap: Tverretatlig samarbeid og forankring i politisk ledelse (punkt 2.2)
  UDI skal møte både Justisdepartementet og Utenriksdepartementet to ganger i året, samarbeide
  tett med UD om tilbaketakelsesavtaler og spesialutsendinger, og ha faste rutiner for å dele
  informasjon med de viktigste samarbeidspartnerne. Et halvårlig møte leses som ett møte i hvert
  kalenderhalvår, senest siste dag i halvåret.
  Scenarier merket @tolkning viser hvordan vi har lest internmeldingen der den gir rom for tolkning.

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

  Scenariomal: Når internmeldingen er opphevet, gjelder ingen av de stående pliktene
    Gitt året 2027
    Og internmeldingen er opphevet
    Når reglene vurderes
    Så gjelder ikke «<regel>»

    Eksempler:
      | regel                                                                              |
      | UDI har møte med Justisdepartementet i første halvår                               |
      | UDI har møte med Justisdepartementet i andre halvår                                |
      | UDI har møte med Utenriksdepartementet i første halvår                             |
      | UDI har møte med Utenriksdepartementet i andre halvår                              |
      | UDI samarbeider særskilt med UD om tilbaketakelsesavtaler og spesialutsendinger    |
      | UDI sikrer gode rutiner for informasjonsutveksling med sentrale samarbeidspartnere |
