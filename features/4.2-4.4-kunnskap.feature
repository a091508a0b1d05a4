# language: no
Egenskap: Kunnskapsbase, område på intranettet og kompetanseheving (punkt 4.2–4.4)
  Koordinatorene holder en kunnskapsbase for sitt felt og samarbeider med UDI-skolen om
  kompetanseheving; AUA ved Internasjonal enhet vedlikeholder området på intranettet.
  Dette er løpende plikter som gjelder hvert år internmeldingen gjelder, uten fast frist.

  @tolkning
  Scenario: Koordinatoren har ansvaret for hele kunnskapsbasen, også oversikten i «Dokumenter i WebSak»
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «Koordinatoren etablerer og vedlikeholder en kunnskapsbase for sitt felt»
    Og plikten ligger hos koordinatorene for fagområder og internasjonale fora
    Og konklusjonen er en plikt
    Og oppgaven nevner «F-disk/AUA/Kunnskapsbase»
    Og oppgaven nevner «Dokumenter i WebSak»
    Og oppgaven nevner «enkelt for ansatte å finne informasjon»
    Og internmeldingen setter ingen frist

  @tolkning
  Scenario: AUA ved Internasjonal enhet vedlikeholder området for internasjonalt arbeid på intranettet
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «AUA ved Internasjonal enhet vedlikeholder intranettområdet for UDIs internasjonale arbeid»
    Og plikten ligger hos AUA ved Internasjonal enhet («IGS» i WebSak)
    Og konklusjonen er en plikt
    Og oppgaven nevner «Kunnskapsbasen/Internasjonalt arbeid»
    Og internmeldingen setter ingen frist

  Scenario: Koordinatoren samarbeider med UDI-skolen om kompetanseheving for saksbehandlerne
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «Koordinatoren samarbeider med UDI-skolen om kompetanseheving for saksbehandlerne»
    Og plikten ligger hos koordinatorene for fagområder og internasjonale fora
    Og konklusjonen er en plikt
    Og oppgaven nevner «saksbehandlere i UDI»
    Og internmeldingen setter ingen frist

  Scenariomal: Pliktene gjelder også i 2011, fra internmeldingen ble gitt
    Gitt året 2011
    Når reglene vurderes
    Så gjelder «<regel>»

    Eksempler:
      | regel                                                                                     |
      | Koordinatoren etablerer og vedlikeholder en kunnskapsbase for sitt felt                   |
      | AUA ved Internasjonal enhet vedlikeholder intranettområdet for UDIs internasjonale arbeid |
      | Koordinatoren samarbeider med UDI-skolen om kompetanseheving for saksbehandlerne          |

  Scenariomal: Når internmeldingen er opphevet, gjelder ingen av pliktene
    Gitt året 2027
    Og internmeldingen er opphevet
    Når reglene vurderes
    Så gjelder ikke «<regel>»

    Eksempler:
      | regel                                                                                     |
      | Koordinatoren etablerer og vedlikeholder en kunnskapsbase for sitt felt                   |
      | AUA ved Internasjonal enhet vedlikeholder intranettområdet for UDIs internasjonale arbeid |
      | Koordinatoren samarbeider med UDI-skolen om kompetanseheving for saksbehandlerne          |
