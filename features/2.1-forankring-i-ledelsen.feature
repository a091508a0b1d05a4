# language: no
Egenskap: Forankring i UDIs ledelse (punkt 2.1)
  Ledelsen skal være kjent med og med på UDIs internasjonale arbeid. Direktørmøtet tar opp
  arbeidet som egen sak hvert år, og AUA sørger gjennom hele året for møter med de avdelingene
  det angår. Reglene vurderes for ett kalenderår om gangen. Internmeldingen gir ingen dato for
  saken i direktørmøtet; den hører sammen med den samlede redegjørelsen i punkt 2.3.
  De to siste scenariene her gjelder hele punkt 2: at reglene ikke regner med noe startår, og at
  ingen regler gjelder når internmeldingen er opphevet.
  Scenarier merket @tolkning viser hvordan vi har lest internmeldingen der den gir rom for tolkning.

  @tolkning
  Scenario: Direktørmøtet behandler saken når den samlede redegjørelsen legges fram, uten egen dato
    Gitt året 2027
    Når reglene vurderes
    Så gjelder «Direktørmøtet behandler UDIs internasjonale arbeid én gang i året»
    Og plikten ligger hos direktørmøtet
    Og konklusjonen er en plikt
    Og fristen har ingen dato, men sier «når den samlede redegjørelsen (punkt 2.3) legges fram»

  @tolkning
  Scenario: En frist ved årets utgang flyttes ikke til neste år, selv om 31. desember er en søndag
    Gitt året 2028
    Når reglene vurderes
    Så gjelder «UDI har møte med Justisdepartementet i andre halvår»
    Og 31. desember 2028 er en søndag
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

  Scenariomal: Når internmeldingen er opphevet, gjelder ingen av de stående pliktene
    Gitt året 2027
    Og internmeldingen er opphevet
    Når reglene vurderes
    Så gjelder ikke «<regel>»

    Eksempler:
      | regel                                                             |
      | Direktørmøtet behandler UDIs internasjonale arbeid én gang i året |
      | AUA tar løpende initiativ til møter med aktuelle avdelinger       |

  @tolkning
  Scenario: Reglene regner ikke med noe startår som teksten ikke gir
    Gitt året 2012
    Når reglene vurderes
    Så gjelder «Direktørmøtet behandler UDIs internasjonale arbeid én gang i året»
    Og gjelder «UDI har møte med Justisdepartementet i første halvår»
    Og gjelder «Koordinatoren legger et kort årlig notat om feltet i WebSak innen 1. mai»
    Og gjelder «Koordinatorenes notater gir grunnlag for en samlet redegjørelse i direktørmøtet og til departementet»
    Og gjelder «AUA tar løpende initiativ til møter med aktuelle avdelinger»

  Scenario: For et år der internmeldingen ikke gjelder, gjelder ingen regler
    Gitt året 2030
    Og internmeldingen er opphevet
    Når reglene vurderes
    Så gjelder ingen regler
