# language: no
Egenskap: Rapportering fra møter i internasjonale fora (punkt 4.1)
  Den som deltar i et møte i et internasjonalt forum, skal rapportere internt.
  For noen fora skal referatet også til departementet.

  Scenario: Et EMN-møte uten Justisdepartementet rapporteres til departementet
    Gitt et møte i EMN som avsluttes 3. mars 2027
    Og Justisdepartementet deltar ikke
    Når reglene vurderes
    Så gjelder «Avdelingsdirektøren sender referat til departementet»
    Og fristen er 17. mars 2027
    Og avsender er avdelingsdirektøren i ASA
    Og den sendes til departementet
    Og kopi går til AUA ved Internasjonal enhet («IGS» i WebSak)
    Og dokumenttypen er «Brev ut»
    Og malen er «UDIs rapportering fra møte – internasjonale fora»
