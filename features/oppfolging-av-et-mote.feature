# language: no
Egenskap: Oppfølging av et møte over tid, fra innkalling til arkivert rapport og brev
  En sak er møtet og det som skjer med det, dag for dag. Status per en dato viser hver plikt:
  ikke aktuell ennå, åpen (med dager igjen), gjort i tide, gjort for sent, forfalt, gjelder ikke lenger,
  eller kan bli aktuell når et åpent spørsmål er besvart. En hendelse kan flytte en frist: kommer det
  offisielle referatet senere enn to uker etter møtet, er fristen dagen det kom, men aldri senere enn den
  ytre grensen seks uker etter møtet. Et arkivert dokument sjekkes mot formen internmeldingen setter.
  Møtet er i EMN 2.–3. mars 2027, ASA har ansvaret, og UDI deltar alene uten leder.

  Bakgrunn:
    Gitt en sak for et møte i EMN fra 2. mars 2027 til 3. mars 2027
    Og innkallingen kom 18. januar 2027

  Scenario: Før møtet er klareringen åpen og rapporten ikke aktuell ennå
    Når status tas 20. februar 2027
    Så er «Ansvarlig fagavdeling klarerer deltakelsen i samråd med AUA ved Internasjonal enhet» åpen
    Og har den 9 dager igjen
    Og er «Det skal skrives en kort intern rapport fra hvert møte» ikke aktuell ennå
    Og er «Offisielt referat legges ved det interne notatet» kan bli aktuell

  Scenario: Klarering etter fristen er gjort for sent, og uten klarering er den forfalt
    Gitt deltakelsen ble klarert 2. mars 2027
    Når status tas 2. mars 2027
    Så er «Ansvarlig fagavdeling klarerer deltakelsen i samråd med AUA ved Internasjonal enhet» gjort for sent

  Scenario: Uten klarering er plikten forfalt dagen etter fristen
    Når status tas 2. mars 2027
    Så er «Ansvarlig fagavdeling klarerer deltakelsen i samråd med AUA ved Internasjonal enhet» forfalt

  Scenario: Uten offisielt referat er rapporten åpen i to uker og deretter forfalt
    Gitt deltakelsen ble klarert 10. februar 2027
    Og møtet ble holdt 3. mars 2027
    Og 4. mars 2027 ble det kjent at det ikke kommer noe offisielt referat
    Når status tas 10. mars 2027
    Så er «Ansvarlig fagavdeling klarerer deltakelsen i samråd med AUA ved Internasjonal enhet» gjort i tide
    Og er «Det skal skrives en kort intern rapport fra hvert møte» åpen
    Og har den 7 dager igjen
    Og fristen for «Det skal skrives en kort intern rapport fra hvert møte» er 17. mars 2027

  Scenario: Rapporten er forfalt dagen etter fristen
    Gitt 4. mars 2027 ble det kjent at det ikke kommer noe offisielt referat
    Når status tas 18. mars 2027
    Så er «Det skal skrives en kort intern rapport fra hvert møte» forfalt

  Scenario: Et referat som kommer senere enn to uker etter møtet, flytter fristen
    Gitt 4. mars 2027 ble det kjent at sekretariatet lager offisielt referat
    Og det offisielle referatet kom 24. mars 2027
    Når status tas 20. mars 2027
    Så fristen for «Det skal skrives en kort intern rapport fra hvert møte» venter på referatet, men er senest 14. april 2027
    Og er «Det skal skrives en kort intern rapport fra hvert møte» åpen
    Når status tas 24. mars 2027
    Så fristen for «Det skal skrives en kort intern rapport fra hvert møte» er 24. mars 2027
    Og fristen for «Avdelingsdirektøren sender referat til departementet» er 24. mars 2027

  Scenario: Et referat som aldri kommer, gjør rapporten forfalt etter den ytre grensen
    Gitt 4. mars 2027 ble det kjent at sekretariatet lager offisielt referat
    Når status tas 14. april 2027
    Så er «Det skal skrives en kort intern rapport fra hvert møte» åpen
    Når status tas 15. april 2027
    Så er «Det skal skrives en kort intern rapport fra hvert møte» forfalt
    Og fristen for «Det skal skrives en kort intern rapport fra hvert møte» er 14. april 2027

  Scenario: Fra innkalling til arkivert rapport og brev i riktig form
    Gitt deltakelsen ble klarert 10. februar 2027
    Og møtet ble holdt 3. mars 2027
    Og 4. mars 2027 ble det kjent at sekretariatet lager offisielt referat
    Og det offisielle referatet kom 10. mars 2027
    Og rapporten ble arkivert 12. mars 2027 i riktig form
    Og brevet til departementet ble sendt 15. mars 2027 i riktig form
    Når status tas 20. mars 2027
    Så er «Det skal skrives en kort intern rapport fra hvert møte» gjort i tide
    Og har den ingen avvik fra formen
    Og er «Offisielt referat legges ved det interne notatet» gjort i tide
    Og er «Avdelingsdirektøren sender referat til departementet» gjort i tide
    Og har den ingen avvik fra formen
    Og er «Offisielt referat legges ved brevet til departementet» gjort i tide

  Scenario: En rapport arkivert etter fristen er gjort for sent
    Gitt 4. mars 2027 ble det kjent at det ikke kommer noe offisielt referat
    Og rapporten ble arkivert 19. mars 2027 i riktig form
    Når status tas 20. mars 2027
    Så er «Det skal skrives en kort intern rapport fra hvert møte» gjort for sent

  Scenariomal: Hvert avvik fra formen på rapporten er et eget funn med internmeldingens ord
    Gitt 4. mars 2027 ble det kjent at sekretariatet lager offisielt referat
    Og det offisielle referatet kom 10. mars 2027
    Og rapporten ble arkivert 12. mars 2027 med <feil>
    Når status tas 20. mars 2027
    Så er «Det skal skrives en kort intern rapport fra hvert møte» gjort i tide
    Og er avviket at <avvik>, med internmeldingens ord fra punkt 4.1

    Eksempler:
      | feil                          | avvik                                    |
      | en tittel uten forum og tema  | tittelen «Referat fra møte» følger ikke mønsteret |
      | bare ASA som mottaker         | mottaker mangler: AUA ved Internasjonal enhet |
      | uten det offisielle referatet | men er ikke lagt ved det interne notatet |
      | malen «Notat»                 | malen er «Notat»                         |
      | dokumenttypen «Notat»         | dokumenttypen er «Notat», men skal være «Internt notat (X)» |
      | ingen fagpersoner i kopi      | ingen kopi til aktuelle fagpersoner      |

  Scenariomal: Hvert avvik fra formen på brevet til departementet er et eget funn
    Gitt 4. mars 2027 ble det kjent at sekretariatet lager offisielt referat
    Og det offisielle referatet kom 10. mars 2027
    Og brevet til departementet ble sendt 15. mars 2027 <feil>
    Når status tas 20. mars 2027
    Så er «Avdelingsdirektøren sender referat til departementet» gjort i tide
    Og er avviket at <avvik>, med internmeldingens ord fra punkt 4.1

    Eksempler:
      | feil                          | avvik                                        |
      | som internt notat             | dokumenttypen er «Internt notat (X)», men skal være «Brev ut» |
      | fra en seniorrådgiver         | brevet er sendt fra «seniorrådgiver»         |
      | uten kopi til AUA             | ingen kopi til AUA ved Internasjonal enhet   |
      | uten det offisielle referatet | men er ikke lagt ved brevet                  |

  Scenario: Når UDI trakk seg fra møtet, skal det ikke skrives rapport
    Gitt UDI trakk seg 20. februar 2027
    Når status tas 30. april 2027
    Så er «Det skal skrives en kort intern rapport fra hvert møte» gjelder ikke lenger
    Og er «Ansvarlig fagavdeling klarerer deltakelsen i samråd med AUA ved Internasjonal enhet» gjelder ikke lenger
