# language: sv
@C9
Egenskap: Stödet runt gruppen
  Som HR-partner
  vill jag se om organisationen runt gruppen bär medledarskap
  för att en grupp inte ska få mandat som mål, stuprör eller brist på stöd uppifrån tar tillbaka.

  In English: co-leadership needs mission-based goals, mandates that can be delegated, support from above and collaboration without silos; below 40 the leadership is coaching, and clarifying mandates and goals upward is a step for senior management, not for the manager alone.

  Organisationens stöd (0–100) besvaras av chefen: mål som speglar uppdraget, mandat som går att
  delegera, stöd uppifrån och samarbete utan stuprör.

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

  Regel: Under 40 blir ledarskapet coachande

    Scenariomall: Stödet runt gruppen avgör om den kan gå hela vägen
      Givet att organisationens stöd är <stöd> av 100
      När bedömningen görs
      Så blir läget <läge>

      Exempel:
        | stöd | läge         |
        | 35   | coachande    |
        | 40   | medledarskap |

    Scenario: Svagt stöd tas om hand av ledningen, inte av chefen ensam
      Givet att organisationen ger svagt stöd
      När bedömningen görs
      Så tar bedömningen upp "Svagt stöd från organisationen" som en varning
      Och bedömningen föreslår "Klargör mandat och mål uppåt"
      Och det leds av ledningen
      Och det ska vara klart inom 60 dagar

    Scenario: När stödet är det svagaste kommer ledningens steg först
      Givet att organisationens stöd är 35 av 100
      När bedömningen görs
      Så blir gruppens beredskap 35 av 100
      Och gruppen begränsas av organisationens stöd
      Och första steget är "Klargör mandat och mål uppåt"
