# language: sv
@C5
Egenskap: Chefen vågar släppa kontrollen
  Som chef
  vill jag veta om jag är redo att lämna över kontrollen till gruppen
  för att gruppen inte ska få ta mer ansvar än jag är beredd att lämna ifrån mig.

  In English: below 50 on letting go of control the leadership is coaching; once the group is on its way, follow-up is through learning and feedback on the goals, not control.

  Chefens beredskap (0–100) mäter viljan att släppa kontrollen, coacha och facilitera.

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

  Regel: En chef som inte är redo att släppa kontrollen håller gruppen i coachande ledarskap

    Scenariomall: Chefens beredskap avgör om gruppen kan gå hela vägen
      Givet att chefens beredskap att släppa kontrollen är <beredskap> av 100
      När bedömningen görs
      Så blir läget <läge>
      Och det rekommenderade steget blir <steg>

      Exempel:
        | beredskap | läge         | steg   |
        | 45        | coachande    | pilot  |
        | 50        | medledarskap | bredda |

    Scenario: En chef som inte är redo får öva på att släppa kontrollen
      Givet att chefen inte är redo att släppa kontrollen
      När bedömningen görs
      Så tar bedömningen upp "Chefen är inte redo att släppa kontrollen" som en varning
      Och bedömningen föreslår "Öva på att släppa kontrollen"

  Regel: När gruppen är på väg eller redo följer chefen upp genom lärande och återkoppling

    Scenariomall: Uppföljning genom lärande hör till coachande ledarskap och medledarskap
      Givet att gruppens funktionsnivå är <funktionsnivå> av 100
      När bedömningen görs
      Så blir läget <läge>
      Och bedömningen <föreslår> "Följ upp genom lärande och återkoppling"

      Exempel:
        | funktionsnivå | läge           | föreslår      |
        | 30            | strukturerande | föreslår inte |
        | 50            | coachande      | föreslår      |
        | 80            | medledarskap   | föreslår      |
