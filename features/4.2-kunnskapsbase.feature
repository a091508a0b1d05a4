# language: no
Egenskap: Kunnskapsbase (punkt 4.2)
  Hver koordinator bygger opp og holder ved like en samling med informasjon om sitt felt, slik at
  ansatte lett finner det de trenger. Dette er en løpende plikt uten fast frist, som gjelder hvert
  år internmeldingen gjelder, også i 2011. Punkt 2.3 viser til den samme plikten.
  Scenarier merket @tolkning viser hvordan vi har lest internmeldingen der den gir rom for tolkning.

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

  Scenariomal: Pliktene gjelder også i 2011, fra internmeldingen ble gitt
    Gitt året 2011
    Når reglene vurderes
    Så gjelder «<regel>»

    Eksempler:
      | regel                                                                   |
      | Koordinatoren etablerer og vedlikeholder en kunnskapsbase for sitt felt |

  Scenariomal: Når internmeldingen er opphevet, gjelder ingen av pliktene
    Gitt året 2027
    Og internmeldingen er opphevet
    Når reglene vurderes
    Så gjelder ikke «<regel>»

    Eksempler:
      | regel                                                                   |
      | Koordinatoren etablerer og vedlikeholder en kunnskapsbase for sitt felt |
