# language: sv
@C10
Egenskap: Hela gruppens kompetens
  Som chef
  vill jag veta om medarbetarna kan och vill ta initiativ och fatta beslut
  för att inte lämna över mer ansvar än gruppen är redo att bära.

  In English: co-leadership draws on members who can and want to take initiative; below 40 the leadership is coaching and responsibility grows in small steps, with support, as the first step of the plan when that is what limits the team.

  Kompetensen (0–100) mäter om medarbetarna kan och vill ta initiativ och fatta beslut inom sitt
  område.

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

    Scenariomall: Kompetensen avgör om gruppen kan ta fullt ansvar
      Givet att gruppens kompetens är <kompetens> av 100
      När bedömningen görs
      Så blir läget <läge>

      Exempel:
        | kompetens | läge         |
        | 35        | coachande    |
        | 40        | medledarskap |

    Scenario: En grupp som ännu inte kan eller vill ta ansvar får det i små steg
      Givet att gruppen har låg kompetens
      När bedömningen görs
      Så tar bedömningen upp "Låg kompetens eller vilja att ta ansvar" som en varning
      Och bedömningen föreslår "Låt ansvaret växa i små steg, med stöd"
      Och det leds av chefen
      Och det ska vara klart inom 60 dagar

    Scenario: När kompetensen är det svagaste kommer dess steg först
      Givet att gruppens kompetens är 35 av 100
      När bedömningen görs
      Så blir gruppens beredskap 35 av 100
      Och gruppen begränsas av gruppens kompetens
      Och första steget är "Låt ansvaret växa i små steg, med stöd"
