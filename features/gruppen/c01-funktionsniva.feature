# language: sv
@C1
Egenskap: Gruppens funktionsnivå
  Som HR-partner
  vill jag att medledarskap bara föreslås för grupper som fungerar
  för att ansvar inte ska lämnas över till en grupp som saknar trygghet och tillit.

  In English: co-leadership needs a group that works; below 40 the answer is "not now" and safety and trust come first within 30 days, from 40 up to 64 the leadership is coaching.

  Funktionsnivån (0–100) samlar trygghet, tillit, konstruktiv konflikthantering, gemensamma mål och
  gemensamma beslut. Läget är det lägsta som någon regel tillåter; här ändras bara funktionsnivån.

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

  Regel: Under 40 är svaret "inte nu", från 40 till och med 64 blir ledarskapet coachande

    Scenariomall: Funktionsnivån avgör hur långt gruppen kan gå
      Givet att gruppens funktionsnivå är <funktionsnivå> av 100
      När bedömningen görs
      Så blir läget <läge>
      Och det rekommenderade steget blir <steg>

      Exempel:
        | funktionsnivå | läge           | steg      |
        | 35            | strukturerande | förbereda |
        | 40            | coachande      | pilot     |
        | 60            | coachande      | pilot     |
        | 65            | medledarskap   | bredda    |

  Regel: En låg funktionsnivå är ett hinder, en måttlig en varning, och båda säger vad som ska byggas

    Scenario: En låg funktionsnivå är ett hinder: trygghet, tillit och spelregler först
      Givet en grupp med låg funktionsnivå
      När bedömningen görs
      Så tar bedömningen upp "Låg funktionsnivå" som ett hinder
      Och bedömningen föreslår "Bygg trygghet och tillit i gruppen"
      Och bedömningen föreslår "Sätt spelregler för samarbetet"

    Scenario: Tryggheten byggs först, av chefen och inom 30 dagar
      Givet en grupp med låg funktionsnivå
      När bedömningen görs
      Så är första steget "Bygg trygghet och tillit i gruppen"
      Och det leds av chefen
      Och det ska vara klart inom 30 dagar
      Och "Sätt spelregler för samarbetet" kommer före "Gör en plan för vad som ska byggas först"

    Scenario: En måttlig funktionsnivå är en varning och något att stärka tillsammans
      Givet en grupp med måttlig funktionsnivå
      När bedömningen görs
      Så tar bedömningen upp "Måttlig funktionsnivå" som en varning
      Och bedömningen tar inte upp "Låg funktionsnivå"
      Och bedömningen föreslår "Stärk gruppens funktionsnivå"
      Och det leds av chefen och gruppen

    Scenario: En hög funktionsnivå hindrar ingenting
      Givet en grupp med hög funktionsnivå
      När bedömningen görs
      Så blir läget medledarskap
      Och bedömningen tar inte upp "Låg funktionsnivå"
      Och bedömningen tar inte upp "Måttlig funktionsnivå"
