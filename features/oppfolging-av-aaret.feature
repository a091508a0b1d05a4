# language: no
Egenskap: Årets stående plikter fra januar til desember (punkt 2.1–2.3)
  Et års oppføring sier hva som er holdt, levert og gitt, og når. Møtene med Justisdepartementet og
  Utenriksdepartementet teller for halvåret de ble holdt i. Koordinatorenes notater skal være levert innen
  1. mai; plikten er gjort når det siste er levert. Direktørmøtets sak og den samlede redegjørelsen har ingen
  dato i internmeldingen, men er forfalt når året er omme.

  Bakgrunn:
    Gitt årets oppfølging for 2027 med koordinatorene Schengen, EMN og Retur

  Scenario: I januar er første halvårs møter åpne og andre halvårs ikke aktuelle ennå
    Når status tas 15. januar 2027
    Så er «UDI har møte med Justisdepartementet i første halvår» åpen
    Og er «UDI har møte med Justisdepartementet i andre halvår» ikke aktuell ennå
    Og er «Koordinatoren legger et kort årlig notat om feltet i WebSak innen 1. mai» åpen
    Og mangler notatet fra Schengen, EMN og Retur

  Scenario: Året følges fra januar til desember
    Gitt møtet med Justisdepartementet ble holdt 11. mars 2027
    Og koordinatoren for Schengen leverte notatet sitt 20. april 2027
    Og koordinatoren for EMN leverte notatet sitt 28. april 2027
    Og koordinatoren for Retur leverte notatet sitt 6. mai 2027
    Og direktørmøtet behandlet saken om det internasjonale arbeidet 15. juni 2027
    Og den samlede redegjørelsen ble gitt 15. juni 2027
    Og møtet med Utenriksdepartementet ble holdt 2. juli 2027
    Og møtet med Justisdepartementet ble holdt 5. oktober 2027
    Når status tas 30. april 2027
    Så er «UDI har møte med Justisdepartementet i første halvår» gjort i tide
    Og er «Koordinatoren legger et kort årlig notat om feltet i WebSak innen 1. mai» åpen
    Og mangler notatet fra Retur
    Når status tas 2. mai 2027
    Så er «Koordinatoren legger et kort årlig notat om feltet i WebSak innen 1. mai» forfalt
    Når status tas 31. desember 2027
    Så er «Koordinatoren legger et kort årlig notat om feltet i WebSak innen 1. mai» gjort for sent
    Og er «UDI har møte med Utenriksdepartementet i første halvår» forfalt
    Og er «UDI har møte med Utenriksdepartementet i andre halvår» gjort i tide
    Og er «UDI har møte med Justisdepartementet i andre halvår» gjort i tide
    Og er «Direktørmøtet behandler UDIs internasjonale arbeid én gang i året» gjort i tide

  Scenario: En samlet redegjørelse som ikke er gitt når året er omme, er forfalt
    Når status tas 31. desember 2027
    Så er «Koordinatorenes notater gir grunnlag for en samlet redegjørelse i direktørmøtet og til departementet» åpen
    Når status tas 1. januar 2028
    Så er «Koordinatorenes notater gir grunnlag for en samlet redegjørelse i direktørmøtet og til departementet» forfalt
