# language: no
Egenskap: Planlegging av deltakelse (punkt 3.1)
  Henvendelser om å bidra internasjonalt skal meldes til AUA, og AUA orienterer fagavdelingene
  de berører. Om UDI skal delta, vurderes konkret ut fra hva som skal diskuteres eller avgjøres,
  ut fra kostnad og gevinst og ut fra hva UDI kan bidra med. Ansvarlig fagavdeling klarerer
  deltakelsen i samråd med AUA ved Internasjonal enhet og velger møtedeltaker ut fra
  kompetanse og kontinuitet. Som utgangspunkt deltar AUA på strategisk nivå og fagavdelingene
  der de har operativt ansvar.

  Regel: Avdelingen som får en henvendelse, orienterer AUA (3.1-2)

    Scenario: En henvendelse til Oppholdsavdelingen meldes til AUA
      Gitt en henvendelse om å bidra internasjonalt til OPA
      Når reglene vurderes
      Så gjelder «Avdelingen som får en henvendelse om å bidra internasjonalt, orienterer AUA»
      Og konklusjonen er en plikt
      Og plikten ligger hos OPA (avdelingen som fikk henvendelsen)
      Og mottakeren er Analyse- og utviklingsavdelingen (AUA)

    @tolkning
    Scenariomal: Bare andre avdelinger enn AUA skal orientere AUA
      Gitt en henvendelse om å bidra internasjonalt til <avdeling>
      Når reglene vurderes
      Så <svar> «Avdelingen som får en henvendelse om å bidra internasjonalt, orienterer AUA»

      Eksempler:
        | avdeling | svar         |
        | ASA      | gjelder      |
        | OPA      | gjelder      |
        | RMA      | gjelder      |
        | AUA      | gjelder ikke |

    @tolkning
    Scenario: En henvendelse som ikke er et møte, meldes også til AUA
      Gitt en henvendelse om å bidra internasjonalt til RMA
      Og henvendelsen berører arbeidet i RMA
      Når reglene vurderes
      Så gjelder «Avdelingen som får en henvendelse om å bidra internasjonalt, orienterer AUA»
      Og gjelder ikke «AUA orienterer fagavdelingene som en henvendelse om internasjonal deltakelse berører»

    @tolkning
    Scenario: Uten henvendelse er det ingen å melde, også for et møte
      Gitt et møte i EMN
      Når reglene vurderes
      Så gjelder ikke «Avdelingen som får en henvendelse om å bidra internasjonalt, orienterer AUA»
      Og gjelder ikke «AUA orienterer fagavdelingene som en henvendelse om internasjonal deltakelse berører»

    @tolkning
    Scenario: Kjenner AUA allerede til henvendelsen, er AUA orientert
      Gitt en henvendelse om å bidra internasjonalt til ASA
      Og AUA kjenner allerede til henvendelsen
      Når reglene vurderes
      Så gjelder ikke «Avdelingen som får en henvendelse om å bidra internasjonalt, orienterer AUA»

    Scenario: Er det ukjent om AUA kjenner til henvendelsen, kan plikten gjelde
      Gitt en henvendelse om å bidra internasjonalt til ASA
      Og det er ukjent om AUA kjenner til henvendelsen
      Når reglene vurderes
      Så kan «Avdelingen som får en henvendelse om å bidra internasjonalt, orienterer AUA» gjelde
      Og den gjelder hvis AUA kjenner ikke til henvendelsen
      Og et åpent spørsmål er «Kjenner AUA allerede til henvendelsen?»

    @tolkning
    Scenario: Internmeldingen setter ingen frist for å orientere AUA
      Gitt en henvendelse om å bidra internasjonalt til ASA
      Når reglene vurderes
      Så gjelder «Avdelingen som får en henvendelse om å bidra internasjonalt, orienterer AUA»
      Og internmeldingen setter ingen frist

  Regel: AUA orienterer fagavdelingene som henvendelsen berører (3.1-3)

    Scenario: AUA orienterer Asylavdelingen og Region- og mottaksavdelingen
      Gitt en henvendelse om å bidra internasjonalt til AUA
      Og henvendelsen berører arbeidet i ASA og RMA
      Når reglene vurderes
      Så gjelder «AUA orienterer fagavdelingene som en henvendelse om internasjonal deltakelse berører»
      Og konklusjonen er en plikt
      Og plikten ligger hos Analyse- og utviklingsavdelingen (AUA)
      Og den sendes til fagavdelingene som berøres
      Og internmeldingen setter ingen frist

    Scenario: En henvendelse som ikke berører noen fagavdeling, gir ingen orientering
      Gitt en henvendelse om å bidra internasjonalt til AUA
      Når reglene vurderes
      Så gjelder ikke «AUA orienterer fagavdelingene som en henvendelse om internasjonal deltakelse berører»

    @tolkning
    Scenario: AUA selv er ikke en fagavdeling som skal orienteres
      Gitt en henvendelse om å bidra internasjonalt til ASA
      Og henvendelsen berører arbeidet i AUA
      Når reglene vurderes
      Så gjelder ikke «AUA orienterer fagavdelingene som en henvendelse om internasjonal deltakelse berører»

    @tolkning
    Scenario: Også når en fagavdeling fikk henvendelsen, orienterer AUA de berørte fagavdelingene
      Gitt en henvendelse om å bidra internasjonalt til OPA
      Og henvendelsen berører arbeidet i OPA og ASA
      Når reglene vurderes
      Så gjelder «Avdelingen som får en henvendelse om å bidra internasjonalt, orienterer AUA»
      Og gjelder «AUA orienterer fagavdelingene som en henvendelse om internasjonal deltakelse berører»
      Og den sendes til fagavdelingene som berøres

    @tolkning
    Scenariomal: En fagavdeling som selv fikk henvendelsen, trenger ikke orienteres om den
      Gitt en henvendelse om å bidra internasjonalt til <mottok>
      Og henvendelsen berører arbeidet i <berører>
      Når reglene vurderes
      Så <svar> «AUA orienterer fagavdelingene som en henvendelse om internasjonal deltakelse berører»

      Eksempler:
        | mottok | berører    | svar         |
        | OPA    | OPA        | gjelder ikke |
        | OPA    | OPA og RMA | gjelder      |
        | ASA    | RMA        | gjelder      |
        | RMA    | RMA og AUA | gjelder ikke |

  Regel: Hvem som deltar, følger som utgangspunkt agendaens nivå (3.1-5 og 3.1-6)

    Scenario: AUA deltar som utgangspunkt når temaene er strategiske
      Gitt et møte i GDISC som avsluttes 14. april 2027
      Og agendaen er på strategisk nivå
      Når reglene vurderes
      Så gjelder «AUA deltar som utgangspunkt når temaene er på overordnet, strategisk nivå»
      Og konklusjonen er et utgangspunkt
      Og plikten ligger hos Analyse- og utviklingsavdelingen (AUA)
      Og gjelder ikke «Fagavdelingene deltar der de har operativt ansvar for spørsmålene, særlig når tolkning av regelverk eller praksis diskuteres»

    @tolkning
    Scenario: Fagavdelingens deltakelse er et utgangspunkt når spørsmålene er operative
      Gitt et møte i EMN
      Og agendaen er på operativt nivå
      Når reglene vurderes
      Så gjelder «Fagavdelingene deltar der de har operativt ansvar for spørsmålene, særlig når tolkning av regelverk eller praksis diskuteres»
      Og konklusjonen er et utgangspunkt
      Og plikten ligger hos fagavdelingene/-enhetene med operativt ansvar for spørsmålene (ASA, OPA, RMA mv.)
      Og gjelder ikke «AUA deltar som utgangspunkt når temaene er på overordnet, strategisk nivå»

    @tolkning
    Scenariomal: Nivået leses av agendaen for det enkelte møtet, ikke av forumet
      Gitt et møte i <forum>
      Og agendaen er på <nivå> nivå
      Når reglene vurderes
      Så <aua> «AUA deltar som utgangspunkt når temaene er på overordnet, strategisk nivå»
      Og <fagavdeling> «Fagavdelingene deltar der de har operativt ansvar for spørsmålene, særlig når tolkning av regelverk eller praksis diskuteres»

      Eksempler:
        | forum  | nivå       | aua          | fagavdeling  |
        | GDISC  | strategisk | gjelder      | gjelder ikke |
        | GDISC  | operativt  | gjelder ikke | gjelder      |
        | EMN    | strategisk | gjelder      | gjelder ikke |
        | EMN    | operativt  | gjelder ikke | gjelder      |

    @tolkning
    Scenario: Skal tolkning av regelverk diskuteres på et strategisk møte, deltar både AUA og fagavdelingen
      Gitt et møte i IGC
      Og agendaen er på strategisk nivå
      Og tolkning av regelverk eller praksis skal diskuteres
      Når reglene vurderes
      Så gjelder «AUA deltar som utgangspunkt når temaene er på overordnet, strategisk nivå»
      Og gjelder «Fagavdelingene deltar der de har operativt ansvar for spørsmålene, særlig når tolkning av regelverk eller praksis diskuteres»

  Regel: Ansvarlig fagavdeling klarerer og vurderer deltakelsen (3.1-4, 3.1-7 til 3.1-10)

    Scenario: Klareringen skjer i samråd med AUA ved Internasjonal enhet
      Gitt et møte i UNHCR som avsluttes 8. juni 2027
      Og ansvarlig avdeling er RMA
      Når reglene vurderes
      Så gjelder «Ansvarlig fagavdeling klarerer deltakelsen i samråd med AUA ved Internasjonal enhet»
      Og konklusjonen er en plikt
      Og plikten ligger hos RMA (ansvarlig fagavdeling)
      Og den sendes til AUA ved Internasjonal enhet («IGS» i WebSak)
      Og det må skje i forkant av møtet, senest 7. juni 2027

    @tolkning
    Scenario: Er AUA selv ansvarlig, klarerer AUA i samråd med sin Internasjonal enhet
      Gitt et møte i GDISC
      Og ansvarlig avdeling er AUA
      Og agendaen er på strategisk nivå
      Når reglene vurderes
      Så gjelder «Ansvarlig fagavdeling klarerer deltakelsen i samråd med AUA ved Internasjonal enhet»
      Og plikten ligger hos AUA (ansvarlig fagavdeling)
      Og den sendes til AUA ved Internasjonal enhet («IGS» i WebSak)

    @tolkning
    Scenariomal: Vurderingene før et møte ligger hos ansvarlig fagavdeling, som klarerer deltakelsen
      Gitt et møte i IGC som avsluttes 21. september 2027
      Og ansvarlig avdeling er OPA
      Når reglene vurderes
      Så gjelder «<regel>»
      Og konklusjonen er <art>
      Og plikten ligger hos OPA (ansvarlig fagavdeling)

      Eksempler:
        | regel                                                                        | art                |
        | Deltakelsen vurderes konkret ut fra hva som skal diskuteres eller avgjøres   | en vurderingsplikt |
        | Deltakelsen vurderes ut fra kostnader og forventet gevinst for UDI           | en vurderingsplikt |
        | Det UDIs deltakelse kan bidra med til formålet med aktiviteten, vektlegges   | en plikt           |
        | Kompetanse og kontinuitet vurderes når møtedeltakeren velges ut              | en vurderingsplikt |

    Scenariomal: Klarering og vurderinger gjelder hvert møte, ikke årets faste oppgaver
      Gitt året 2027
      Når reglene vurderes
      Så gjelder ikke «<regel>»

      Eksempler:
        | regel                                                                                |
        | Deltakelsen vurderes konkret ut fra hva som skal diskuteres eller avgjøres           |
        | Ansvarlig fagavdeling klarerer deltakelsen i samråd med AUA ved Internasjonal enhet  |
        | Deltakelsen vurderes ut fra kostnader og forventet gevinst for UDI                   |
        | Det UDIs deltakelse kan bidra med til formålet med aktiviteten, vektlegges           |
        | Kompetanse og kontinuitet vurderes når møtedeltakeren velges ut                      |
