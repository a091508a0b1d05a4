# language: no
Egenskap: Kompetanseheving om internasjonale prosesser (punkt 4.4)
  Koordinatorene skal sammen med UDI-skolen sørge for at saksbehandlerne lærer om internasjonale
  prosesser og fagfelt. Dette er en løpende plikt uten fast frist, som gjelder hvert år
  internmeldingen gjelder, også i 2011. Punkt 2.3 viser til det samme samarbeidet; hvordan det
  henger sammen med koordinatorenes øvrige ansvar for kompetanseheving, står i scenariene for punkt 2.3.

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
      | regel                                                                            |
      | Koordinatoren samarbeider med UDI-skolen om kompetanseheving for saksbehandlerne |

  Scenariomal: Når internmeldingen er opphevet, gjelder ingen av pliktene
    Gitt året 2027
    Og internmeldingen er opphevet
    Når reglene vurderes
    Så gjelder ikke «<regel>»

    Eksempler:
      | regel                                                                            |
      | Koordinatoren samarbeider med UDI-skolen om kompetanseheving for saksbehandlerne |
