# language: no
Egenskap: Område på UDIs intranett (punkt 4.3)
  UDIs internasjonale arbeid har en egen side på intranettet, og Internasjonal enhet i AUA har
  ansvaret for å holde den oppdatert. Dette er en løpende plikt uten fast frist, som gjelder hvert
  år internmeldingen gjelder, også i 2011.
  Scenarier merket @tolkning viser hvordan vi har lest internmeldingen der den gir rom for tolkning.

  @tolkning
  Scenario: AUA ved Internasjonal enhet vedlikeholder området for internasjonalt arbeid på intranettet
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «AUA ved Internasjonal enhet vedlikeholder intranettområdet for UDIs internasjonale arbeid»
    Og plikten ligger hos AUA ved Internasjonal enhet («IGS» i WebSak)
    Og konklusjonen er en plikt
    Og oppgaven nevner «Kunnskapsbasen/Internasjonalt arbeid»
    Og internmeldingen setter ingen frist

  Scenariomal: Pliktene gjelder også i 2011, fra internmeldingen ble gitt
    Gitt året 2011
    Når reglene vurderes
    Så gjelder «<regel>»

    Eksempler:
      | regel                                                                                     |
      | AUA ved Internasjonal enhet vedlikeholder intranettområdet for UDIs internasjonale arbeid |

  Scenariomal: Når internmeldingen er opphevet, gjelder ingen av pliktene
    Gitt året 2027
    Og internmeldingen er opphevet
    Når reglene vurderes
    Så gjelder ikke «<regel>»

    Eksempler:
      | regel                                                                                     |
      | AUA ved Internasjonal enhet vedlikeholder intranettområdet for UDIs internasjonale arbeid |
