# language: no
Egenskap: Koordineringsansvar (punkt 2.3)
  UDI har egne koordinatorer for viktige fagområder og internasjonale fora. Hver koordinator har
  et løpende ansvar for sitt felt gjennom hele året: å samordne UDIs deltakelse, holde kontakt med
  departementet og bygge nettverk, dele kunnskap med fagavdelingene og analysegruppa, holde
  rettskildene i RVP oppdatert og vurdere tiltak for kompetanse og forskning. Disse pliktene har
  ingen fast frist. En gang i året skriver koordinatoren i tillegg et kort notat om feltet til
  ledelsen innen 1. mai, og notatene brukes i en samlet redegjørelse om UDIs internasjonale arbeid.
  Scenarier merket @tolkning viser hvordan vi har lest internmeldingen der den gir rom for tolkning.

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
  Scenariomal: Fristen «innen 1. mai» står, og beslutningen sier hvilken arbeidsdag som i praksis er den siste
    Gitt året <år>
    Når reglene vurderes
    Så gjelder «Koordinatoren legger et kort årlig notat om feltet i WebSak innen 1. mai»
    Og plikten ligger hos koordinatorene for fagområder og internasjonale fora
    Og den sendes til UDIs ledelse
    Og 1. mai <år> er en <ukedag>
    Og fristen er 1. mai <år>
    Og fristen flyttes ikke
    Og i praksis er siste arbeidsdag <siste>

    Eksempler: 1. mai er arbeidernes dag, en offentlig høytidsdag
      | år   | ukedag  | siste          |
      | 2012 | tirsdag | 30. april 2012 |
      | 2025 | torsdag | 30. april 2025 |
      | 2026 | fredag  | 30. april 2026 |
      | 2027 | lørdag  | 30. april 2027 |
      | 2028 | mandag  | 28. april 2028 |

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
