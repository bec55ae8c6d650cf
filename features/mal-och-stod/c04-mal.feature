# language: sv
@C4
Egenskap: Mål som speglar uppdraget
  Som HR-partner
  vill jag att målen passar hur arbetet faktiskt görs
  för att individuella mål inte ska motverka samarbetet där arbetet kräver det.

  In English: where the work needs collaboration (60 or more) individual goals give way to group goals; where it needs little (below 40) individual goals may stay. Goals never change the mode.

  Samarbetsbehovet (0–100) mäter hur mycket arbetet kräver samarbete inom gruppen och med andra
  enheter.

  Bakgrund: En grupp som i övrigt är redo för medledarskap
    Givet en grupp med hög funktionsnivå
    Och gruppen har hög kompetens
    Och arbetet kräver mycket samarbete
    Och chefen är redo att släppa kontrollen
    Och organisationen ger gott stöd
    Och gruppen är i fas 4
    Och gruppen har gruppmål
    Och införandet sker stegvis
    Och gruppen är i steget pilot

  Regel: Från ett samarbetsbehov på 60 ersätter gruppmål de individuella målen

    Scenariomall: Gruppmål föreslås där arbetet kräver samarbete och målen är individuella
      Givet att arbetets samarbetsbehov är <samarbetsbehov> av 100
      Och gruppen har <mål>
      När bedömningen görs
      Så blir läget medledarskap
      Och bedömningen <föreslår> "Inför gruppmål"

      Exempel:
        | samarbetsbehov | mål              | föreslår      |
        | 55             | individuella mål | föreslår inte |
        | 60             | individuella mål | föreslår      |
        | 80             | blandade mål     | föreslår inte |
        | 80             | gruppmål         | föreslår inte |

    Scenario: Samarbetande arbete med individuella mål är en varning
      Givet att arbetet kräver mycket samarbete
      Och gruppen har individuella mål
      När bedömningen görs
      Så tar bedömningen upp "Samarbetande arbete, individuella mål" som en varning

  Regel: Under ett samarbetsbehov på 40 kan individuella mål vara kvar

    Scenariomall: Individuella mål kan vara kvar där arbetet kräver lite samarbete
      Givet att arbetets samarbetsbehov är <samarbetsbehov> av 100
      Och gruppen har individuella mål
      När bedömningen görs
      Så blir läget medledarskap
      Och bedömningen <tar upp> "Individuella mål kan vara kvar"
      Och bedömningen föreslår inte "Inför gruppmål"

      Exempel:
        | samarbetsbehov | tar upp      |
        | 35             | tar upp      |
        | 40             | tar inte upp |

    Scenario: Att individuella mål kan vara kvar är en upplysning, inget hinder
      Givet att arbetet kräver lite samarbete
      Och gruppen har individuella mål
      När bedömningen görs
      Så tar bedömningen upp "Individuella mål kan vara kvar" som en upplysning
