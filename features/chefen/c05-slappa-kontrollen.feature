# language: sv
@C5
Egenskap: Chefen vågar släppa kontrollen
  Som chef
  vill jag veta om jag är redo att lämna över kontrollen till gruppen, också som gruppen ser det
  för att gruppen inte ska få ta mer ansvar än jag är beredd att lämna ifrån mig.

  In English: below 50 on letting go of control the leadership is coaching; the manager's readiness is the more cautious of the manager's own view and the members' view of how the manager leads, and a gap of 25 points or more between them is raised with a step to ask the group for feedback; once the group is on its way, follow-up is through learning and feedback on the goals, not control.

  Chefens beredskap (0–100) mäter viljan att släppa kontrollen, coacha och facilitera. Chefen
  svarar på tre egna frågor; medarbetarna svarar anonymt på tre frågor om vad chefen gör, till
  exempel om beslut som gruppen har fattat får stå. Tre frågor ger poäng i steg om 8,3: till
  exempel 41,7, 50, 58,3, 75 och 83,3. "Chefen är redo" är 83,3. Medarbetarnas bild är det
  lägre mittvärdet av deras svar, avrundat till hela femtal: 41,7 blir 40 och 58,3 blir 60.

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

  Regel: En chef som inte är redo att släppa kontrollen håller gruppen i coachande ledarskap

    Scenariomall: Chefens beredskap avgör om gruppen kan gå hela vägen
      Givet att chefens beredskap att släppa kontrollen är <beredskap> av 100
      När bedömningen görs
      Så blir läget <läge>
      Och det rekommenderade steget blir <steg>

      Exempel:
        | beredskap | läge         | steg   |
        | 41,7      | coachande    | pilot  |
        | 50        | medledarskap | bredda |

    Scenario: En chef som inte är redo får öva på att släppa kontrollen
      Givet att chefen inte är redo att släppa kontrollen
      När bedömningen görs
      Så tar bedömningen upp "Chefen är inte redo att släppa kontrollen" som en varning
      Och bedömningen föreslår "Öva på att släppa kontrollen"
      Och det leds av chefen

  Regel: Gruppens bild av hur chefen leder räknas också, och den försiktigare bilden gäller

    Scenariomall: Chefens beredskap är den lägre av chefens egen bild och gruppens
      Givet att chefens beredskap att släppa kontrollen är <chefen> av 100
      Och medarbetarna ser chefens beredskap att släppa kontrollen som <medarbetarna> av 100
      När bedömningen görs
      Så räknas chefens beredskap att släppa kontrollen som <räknas> av 100
      Och läget blir <läge>

      Exempel:
        | chefen | medarbetarna | räknas | läge         |
        | 83,3   | 41,7         | 40     | coachande    |
        | 83,3   | 50           | 50     | medledarskap |
        | 41,7   | 75           | 41,7   | coachande    |

    Scenario: Bedömningen visar chefens och gruppens bild av chefen sida vid sida
      Givet att medarbetarna ser chefens beredskap att släppa kontrollen som 58,3 av 100
      När bedömningen görs
      Så visar bedömningen chefens beredskap att släppa kontrollen sida vid sida: chefens bild 83,3 och medarbetarnas 60

  Regel: Ser gruppen chefens ledarskap 25 poäng eller mer annorlunda än chefen själv tas det upp

    Scenariomall: Från 25 poäng skillnad ber chefen gruppen om återkoppling
      Givet att chefens beredskap att släppa kontrollen är <chefen> av 100
      Och fyra medarbetare har svarat och ser chefens beredskap att släppa kontrollen som <medarbetarna> av 100
      När bedömningen görs
      Så räknas chefens beredskap att släppa kontrollen som <räknas> av 100
      Och läget blir medledarskap
      Och bedömningen <tar upp> "Gruppen ser ditt ledarskap på ett annat sätt"
      Och bedömningen <föreslår> "Be gruppen om återkoppling på hur du leder"

      Exempel:
        | chefen | medarbetarna              | räknas | tar upp      | föreslår      |
        | 83,3   | 66,7                      | 65     | tar inte upp | föreslår inte |
        | 75     | 58,3, 58,3, 66,7 och 66,7 | 60     | tar inte upp | föreslår inte |
        | 75     | 50, 50, 58,3 och 58,3     | 50     | tar upp      | föreslår      |
        | 83,3   | 58,3                      | 60     | tar inte upp | föreslår inte |
        | 83,3   | 50                        | 50     | tar upp      | föreslår      |

    Scenario: Att gruppen ser chefen annorlunda är en varning och ett samtal som chefen tar
      Givet att medarbetarna ser chefens beredskap att släppa kontrollen som 50 av 100
      När bedömningen görs
      Så tar bedömningen upp "Gruppen ser ditt ledarskap på ett annat sätt" som en varning
      Och bedömningen föreslår "Be gruppen om återkoppling på hur du leder"
      Och det leds av chefen
      Och det ska vara klart inom 30 dagar

    Scenario: När gruppen ser chefen som chefen själv gör finns ingen skillnad att ta upp
      Givet att fem medarbetare har svarat och ser gruppen som chefen gör
      När bedömningen görs
      Så blir läget medledarskap
      Och bedömningen tar inte upp "Gruppen ser ditt ledarskap på ett annat sätt"

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
