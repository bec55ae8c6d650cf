# language: sv
@C9
Egenskap: Stödet runt gruppen
  Som HR-partner
  vill jag se om organisationen runt gruppen bär medledarskap
  för att en grupp inte ska få mandat som mål, stuprör eller brist på stöd uppifrån tar tillbaka.

  In English: co-leadership needs mission-based goals, mandates that can be delegated, support from above and collaboration without silos; below 40 the leadership is coaching.

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

  Regel: Under 40 blir ledarskapet coachande

    Scenariomall: Stödet runt gruppen avgör om den kan gå hela vägen
      Givet att organisationens stöd är <stöd> av 100
      När bedömningen görs
      Så blir läget <läge>

      Exempel:
        | stöd | läge         |
        | 35   | coachande    |
        | 40   | medledarskap |

    Scenario: Svagt stöd tas upp med chefens egen chef
      Givet att organisationen ger svagt stöd
      När bedömningen görs
      Så tar bedömningen upp "Svagt stöd från organisationen" som en varning
      Och bedömningen föreslår "Klargör mandat och mål uppåt"
