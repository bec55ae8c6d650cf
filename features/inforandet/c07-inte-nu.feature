# language: sv
@C7
Egenskap: Svaret kan vara "inte nu"
  Som chef
  vill jag få ett tydligt "inte nu" när gruppen inte är redo, med vad som ska byggas först och när vi tittar igen
  för att ett nej ska bli en plan och inte ett stopp.

  In English: when a rule caps the mode at structuring the answer is "not now": what to build first, and a new assessment within 90 days. The mode is always the lowest any rule allows.

  Varje regel kan sätta ett tak för läget. Läget blir det lägsta taket: strukturerande, coachande
  eller medledarskap. I standardpolicyn är det bara en låg funktionsnivå (under 40) som ger taket
  strukturerande.

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

  Regel: Det försiktigaste taket avgör läget

    Scenariomall: Läget är det lägsta som någon regel tillåter
      Givet att gruppens funktionsnivå är <funktionsnivå> av 100
      Och chefens beredskap att släppa kontrollen är <beredskap> av 100
      Och gruppen är i fas <fas>
      När bedömningen görs
      Så blir läget <läge>

      Exempel:
        | funktionsnivå | beredskap | fas | läge           |
        | 80            | 80        | 4   | medledarskap   |
        | 80            | 30        | 4   | coachande      |
        | 80            | 30        | 2   | coachande      |
        | 30            | 80        | 4   | strukturerande |
        | 30            | 30        | 2   | strukturerande |

  Regel: "Inte nu" säger vad som ska byggas först och när ni ska titta igen

    Scenariomall: "Inte nu" hör till det strukturerande läget och inget annat
      Givet att gruppens funktionsnivå är <funktionsnivå> av 100
      När bedömningen görs
      Så blir läget <läge>
      Och bedömningen <tar upp> "Inte nu"

      Exempel:
        | funktionsnivå | läge           | tar upp      |
        | 35            | strukturerande | tar upp      |
        | 40            | coachande      | tar inte upp |

    Scenario: En grupp som inte är redo får en plan och en ny bedömning inom 90 dagar
      Givet en grupp med låg funktionsnivå
      När bedömningen görs
      Så blir läget strukturerande
      Och det rekommenderade steget blir förbereda
      Och bedömningen tar upp "Inte nu" som en varning
      Och bedömningen föreslår "Gör en plan för vad som ska byggas först"
      Och bedömningen ska göras om inom 90 dagar

    Scenario: Ett "inte nu" föreslår inte att dela ut ansvar
      Givet en grupp med låg funktionsnivå
      När bedömningen görs
      Så föreslår bedömningen inte "Gör en delegeringskarta tillsammans med gruppen"
      Och bedömningen föreslår inte "Stäm av roller och förväntningar"
