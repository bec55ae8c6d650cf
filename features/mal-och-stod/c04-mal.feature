# language: sv
@C4
Egenskap: Mål som speglar uppdraget
  Som HR-partner
  vill jag att målen passar hur arbetet faktiskt görs
  för att individuella mål inte ska motverka samarbetet där arbetet kräver det.

  In English: where the work needs collaboration (60 or more) individual goals give way to group goals; where it needs little (below 40) individual goals may stay. Group goals build on a group that works and a manager who dares to let go of control: in structuring they come later, with no step; otherwise the group-goals step comes after the manager's own steps. Goals never change the mode.

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
    Och fem medarbetare har svarat och ser gruppen som chefen gör

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

    Scenario: Samarbetande arbete med individuella mål är en varning, och gruppmålen tas fram tillsammans
      Givet att arbetet kräver mycket samarbete
      Och gruppen har individuella mål
      När bedömningen görs
      Så tar bedömningen upp "Samarbetande arbete, individuella mål" som en varning
      Och bedömningen föreslår "Inför gruppmål"
      Och det leds av chefen och gruppen
      Och det ska vara klart inom 60 dagar

  Regel: Gruppmål bygger på en chef som vågar släppa kontrollen, så de kommer efter chefens egna steg

    Scenariomall: I det strukturerande läget kommer gruppmålen senare
      Givet att gruppens funktionsnivå är <funktionsnivå> av 100
      Och gruppen har individuella mål
      När bedömningen görs
      Så blir läget <läge>
      Och bedömningen <senare> "Gruppmålen kommer senare"
      Och bedömningen <nu> "Samarbetande arbete, individuella mål"
      Och bedömningen <föreslår> "Inför gruppmål"

      Exempel:
        | funktionsnivå | läge           | senare       | nu           | föreslår      |
        | 30            | strukturerande | tar upp      | tar inte upp | föreslår inte |
        | 50            | coachande      | tar inte upp | tar upp      | föreslår      |
        | 80            | medledarskap   | tar inte upp | tar upp      | föreslår      |

    Scenario: Att gruppmålen kommer senare är en upplysning utan något steg
      Givet en grupp med låg funktionsnivå
      Och gruppen har individuella mål
      När bedömningen görs
      Så tar bedömningen upp "Gruppmålen kommer senare" som en upplysning
      Och bedömningen föreslår inte "Inför gruppmål"

    Scenariomall: Chefens steg kommer före gruppmålen
      Givet att <chefen>
      Och gruppen har individuella mål
      När bedömningen görs
      Så blir läget coachande
      Och "<chefens steg>" kommer före "Inför gruppmål"

      Exempel:
        | chefen                                    | chefens steg                            |
        | gruppens funktionsnivå är 50 av 100       | Följ upp genom lärande och återkoppling |
        | chefen inte är redo att släppa kontrollen | Öva på att släppa kontrollen            |

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
