# language: no
Egenskap: Tilrettelegging for strategisk deltakelse (punkt 3.2)
  UDI skal som hovedregel delta på ledernivå. Deltar ingen leder, avklarer deltakeren på forhånd
  hva UDI skal mene. AUA kontaktes ved prinsipielle og strategiske avklaringer, sentrale fagmiljøer
  involveres tidlig – særlig før lovendringer i EU og Schengen – og før møtet vurderes formøte og
  veivalgsnotat. Deltar UDI alene og innkallingen varsler følsomme saker, konsulteres departementet
  i forkant av møtet.

  Regel: Deltakelse på ledernivå, og forankring når ingen leder deltar (3.2-1 og 3.2-2)

    Scenario: Hovedregelen er at UDI deltar på ledernivå
      Gitt et møte i EMN som avsluttes 3. mars 2027
      Og en leder fra UDI deltar
      Når reglene vurderes
      Så gjelder «Deltakelse skal som hovedregel være på ledernivå»
      Og konklusjonen er en hovedregel
      Og plikten ligger hos ASA (ansvarlig fagavdeling)
      Og gjelder ikke «Når ingen leder fra UDI deltar, avklarer deltakeren internt eller med departementet hva UDI skal mene»

    @tolkning
    Scenario: Ledernivå handler om hvem som representerer UDI, så hovedregelen gjelder også ekspertmøter
      Gitt et møte i EMN
      Og møtet er på ekspertnivå
      Når reglene vurderes
      Så gjelder «Deltakelse skal som hovedregel være på ledernivå»

    Scenario: Hovedregelen gjelder møter, ikke årets faste oppgaver
      Gitt året 2027
      Når reglene vurderes
      Så gjelder ikke «Deltakelse skal som hovedregel være på ledernivå»

    Scenario: Uten leder fra UDI avklarer deltakeren hva UDI skal mene og gi uttrykk for
      Gitt et møte i EMN som avsluttes 3. mars 2027
      Og ingen leder fra UDI deltar
      Når reglene vurderes
      Så gjelder «Når ingen leder fra UDI deltar, avklarer deltakeren internt eller med departementet hva UDI skal mene»
      Og konklusjonen er en plikt
      Og plikten ligger hos møtedeltakeren
      Og det må skje i forkant av møtet, senest 2. mars 2027
      Og gjelder «Deltakelse skal som hovedregel være på ledernivå»

    @tolkning
    Scenariomal: Det er UDIs egen leder som teller, ikke møtets nivå i forumet
      Gitt et møte i <forum>
      Og møtet er på <møtenivå>
      Og <leder> fra UDI deltar
      Når reglene vurderes
      Så <svar> «Når ingen leder fra UDI deltar, avklarer deltakeren internt eller med departementet hva UDI skal mene»

      Eksempler:
        | forum | møtenivå    | leder       | svar         |
        | GDISC | ledernivå   | ingen leder | gjelder      |
        | GDISC | ledernivå   | en leder    | gjelder ikke |
        | NU    | ekspertnivå | en leder    | gjelder ikke |
        | NU    | ekspertnivå | ingen leder | gjelder      |

  Regel: AUA kontaktes ved prinsipielle og strategiske avklaringer (3.2-3)

    @tolkning
    Scenario: Deltakeren kontakter AUA når bidraget krever prinsipielle og strategiske avklaringer
      Gitt et møte i EASO som avsluttes 10. mai 2027
      Og ansvarlig avdeling er ASA
      Og UDIs bidrag krever prinsipielle og strategiske avklaringer
      Når reglene vurderes
      Så gjelder «AUA kontaktes når UDIs bidrag krever prinsipielle og strategiske avklaringer»
      Og konklusjonen er en plikt
      Og plikten ligger hos møtedeltakeren
      Og mottakeren er Analyse- og utviklingsavdelingen (AUA)
      Og det må skje i forkant av møtet, senest 7. mai 2027

    Scenario: Uten behov for prinsipielle avklaringer trengs ingen kontakt med AUA
      Gitt et møte i EASO
      Når reglene vurderes
      Så gjelder ikke «AUA kontaktes når UDIs bidrag krever prinsipielle og strategiske avklaringer»

    @tolkning
    Scenario: Er AUA selv ansvarlig for deltakelsen, er AUA allerede med
      Gitt et møte i GDISC
      Og ansvarlig avdeling er AUA
      Og UDIs bidrag krever prinsipielle og strategiske avklaringer
      Når reglene vurderes
      Så gjelder ikke «AUA kontaktes når UDIs bidrag krever prinsipielle og strategiske avklaringer»

  Regel: Sentrale fagmiljøer involveres tidlig, særlig før lovendringer i EU og Schengen (3.2-4 og 3.2-5)

    @tolkning
    Scenario: Sentrale fagenheter og fagpersoner involveres tidlig i hvert møtes prosess
      Gitt et møte i IGC som avsluttes 21. september 2027
      Når reglene vurderes
      Så gjelder «Sentrale fagenheter og fagpersoner involveres tidlig i pågående internasjonale prosesser»
      Og konklusjonen er en plikt
      Og plikten ligger hos møtedeltakeren
      Og mottakeren er sentrale fagenheter og fagpersoner
      Og internmeldingen setter ingen frist

    Scenario: Tidlig involvering gjelder møtene, ikke årets faste oppgaver
      Gitt året 2027
      Når reglene vurderes
      Så gjelder ikke «Sentrale fagenheter og fagpersoner involveres tidlig i pågående internasjonale prosesser»

    @tolkning
    Scenario: Før en lovendring i EU eller Schengen involveres fagmiljøene i forkant; formålet gir ingen egen plikt
      Gitt et møte i Schengen som avsluttes 16. november 2027
      Og en lovendring i EU eller Schengen er under arbeid
      Og møtet berører arbeidet i ASA og OPA
      Når reglene vurderes
      Så gjelder «Sentrale fagenheter og fagpersoner involveres tidlig i pågående internasjonale prosesser»
      Og gjelder «Sentrale fagenheter og fagpersoner involveres særlig i forkant av lovendringer og direktiver i EU og Schengen»
      Og konklusjonen er en plikt
      Og plikten ligger hos møtedeltakeren
      Og mottakeren er sentrale fagenheter og fagpersoner
      Og internmeldingen setter ingen frist
      Og begrunnelsen nevner «Formålet er at avdelingene skal kunne tilpasse retningslinjer og praksis»

    Scenariomal: Uten en lovendring i EU eller Schengen under arbeid gjelder ikke de særlige pliktene
      Gitt et møte i Schengen
      Når reglene vurderes
      Så gjelder ikke «<regel>»

      Eksempler:
        | regel                                                                                                         |
        | Sentrale fagenheter og fagpersoner involveres særlig i forkant av lovendringer og direktiver i EU og Schengen |

  Regel: Formøte og veivalgsnotat vurderes før møtet (3.2-7 og 3.2-8)

    @tolkning
    Scenario: Deltakeren vurderer formøte og veivalgsnotat, også når en leder fra UDI deltar
      Gitt et møte i NU som avsluttes 7. oktober 2027
      Og en leder fra UDI deltar
      Når reglene vurderes
      Så gjelder «Behovet for et internt formøte om status og UDIs strategiske posisjoner vurderes»
      Og konklusjonen er en vurderingsplikt
      Og plikten ligger hos møtedeltakeren
      Og gjelder «Behovet for et veivalgsnotat til ledelsen vurderes»
      Og konklusjonen er en vurderingsplikt
      Og plikten ligger hos møtedeltakeren
      Og den sendes til UDIs ledelse

    Scenariomal: Vurderingen av formøte og veivalgsnotat gjelder møtene, ikke årets faste oppgaver
      Gitt året 2027
      Når reglene vurderes
      Så gjelder ikke «<regel>»

      Eksempler:
        | regel                                                                            |
        | Behovet for et internt formøte om status og UDIs strategiske posisjoner vurderes |
        | Behovet for et veivalgsnotat til ledelsen vurderes                               |

  Regel: Departementet konsulteres før møter der UDI deltar alene og innkallingen varsler følsomme saker (3.2-9)

    @tolkning
    Scenariomal: Ett av de tre varslene i innkallingen er nok, og konsultasjonen skjer før møtet begynner
      Gitt et møte i EMN fra 2. mars 2027 til 4. mars 2027
      Og UDI deltar alene
      Og <varsel>
      Når reglene vurderes
      Så gjelder «Departementet konsulteres før møter der UDI deltar alene og innkallingen varsler følsomme saker»
      Og konklusjonen er en plikt
      Og plikten ligger hos møtedeltakeren
      Og den sendes til departementet
      Og det må skje i forkant av møtet, senest 1. mars 2027

      Eksempler:
        | varsel                                            |
        | innkallingen varsler mulige lovendringer i Norge  |
        | innkallingen varsler budsjettmessige konsekvenser |
        | innkallingen varsler politisk sensitive saker     |

    Scenario: Varsler innkallingen ingen slike saker, trengs ingen konsultasjon
      Gitt et møte i EMN
      Og UDI deltar alene
      Og innkallingen varsler ingen slike saker
      Når reglene vurderes
      Så gjelder ikke «Departementet konsulteres før møter der UDI deltar alene og innkallingen varsler følsomme saker»

    @tolkning
    Scenariomal: Deltar et departement i delegasjonen, deltar ikke UDI alene
      Gitt et møte i <forum>
      Og <delegasjon>
      Og innkallingen varsler politisk sensitive saker
      Når reglene vurderes
      Så gjelder ikke «Departementet konsulteres før møter der UDI deltar alene og innkallingen varsler følsomme saker»

      Eksempler:
        | forum    | delegasjon                           |
        | EMN      | UDI deltar sammen med et departement |
        | Schengen | Justisdepartementet deltar           |
        | IGC      | Utenriksdepartementet deltar         |

    @tolkning
    Scenariomal: Politiet eller en annen etat i delegasjonen gjør ikke at UDI deltar sammen med noen
      Gitt et møte i EMN fra 2. mars 2027 til 4. mars 2027
      Og <delegasjon>
      Og innkallingen varsler budsjettmessige konsekvenser
      Når reglene vurderes
      Så gjelder «UDI deltar alene når ingen departementer er med i den norske delegasjonen»
      Og gjelder «Departementet konsulteres før møter der UDI deltar alene og innkallingen varsler følsomme saker»
      Og begrunnelsen nevner «UDI deltar alene (ingen departementer i den norske delegasjonen) (utledet av regel 3.2-udi-alene)»

      Eksempler:
        | delegasjon          |
        | politiet deltar     |
        | en annen etat deltar |

    Scenario: Med et departement i delegasjonen deltar ikke UDI alene
      Gitt et møte i EMN
      Og Justisdepartementet deltar
      Og politiet deltar
      Når reglene vurderes
      Så gjelder ikke «UDI deltar alene når ingen departementer er med i den norske delegasjonen»
      Og hvorfor ikke «UDI deltar alene når ingen departementer er med i den norske delegasjonen»: Justis- og beredskapsdepartementet

    Scenario: Er det ukjent hvem som deltar, kan konsultasjonen gjelde
      Gitt et møte i EMN fra 2. mars 2027 til 4. mars 2027
      Og det er ukjent hvem som deltar fra Norge
      Og innkallingen varsler politisk sensitive saker
      Når reglene vurderes
      Så kan «Departementet konsulteres før møter der UDI deltar alene og innkallingen varsler følsomme saker» gjelde
      Og den gjelder hvis Justis- og beredskapsdepartementet er ikke med i delegasjonen og Utenriksdepartementet er ikke med i delegasjonen og et annet departement er ikke med i delegasjonen
      Og et åpent spørsmål er «Hvem fra Norge deltar i møtet (UDI, departementer, politiet, andre etater)?»
