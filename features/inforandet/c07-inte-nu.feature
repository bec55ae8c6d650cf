# language: sv
@C7
Egenskap: Svaret kan vara "inte nu"
  Som chef
  vill jag få ett tydligt "inte nu" när gruppen inte är redo, med vad som ska byggas först och när vi tittar igen
  för att ett nej ska bli en plan och inte ett stopp.

  In English: the mode is the lowest any rule allows; structuring means "not now": what to build first, and a new assessment within 90 days. Readiness is the weakest of the four conditions, and the report names the one that limits the team. The next steps are a plan: each has an owner, a time and a sign that it worked, the blockers' steps come first, then the limiting condition's, and "not now" last.

  Varje regel kan sätta ett tak för läget. Läget blir det lägsta taket: strukturerande, coachande
  eller medledarskap. Taket strukturerande kommer av en låg funktionsnivå (under 40) eller av att
  gruppen av egna tecken är i fas 1.

  Beredskapen (0–100) är den svagaste av fyra förutsättningar som alla måste finnas: gruppens
  funktionsnivå, gruppens kompetens, chefens beredskap att släppa kontrollen och organisationens
  stöd. Ett medelvärde skulle dölja just den som håller gruppen tillbaka.

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

  Regel: Det försiktigaste taket avgör läget

    Scenariomall: Läget är det lägsta som någon regel tillåter
      Givet en grupp med <funktionsnivå> funktionsnivå
      Och chefen <chefen> redo att släppa kontrollen
      Och gruppen är i fas <fas>
      När bedömningen görs
      Så blir läget <läge>

      Exempel:
        | funktionsnivå | chefen  | fas | läge           |
        | hög           | är      | 4   | medledarskap   |
        | hög           | är inte | 4   | coachande      |
        | hög           | är inte | 2   | coachande      |
        | hög           | är      | 1   | strukturerande |
        | låg           | är      | 4   | strukturerande |
        | låg           | är inte | 2   | strukturerande |

  Regel: "Inte nu" säger vad som ska byggas först och när ni ska titta igen

    Scenariomall: "Inte nu" hör till det strukturerande läget och inget annat
      Givet att gruppens funktionsnivå är <funktionsnivå> av 100
      När bedömningen görs
      Så blir läget <läge>
      Och bedömningen <tar upp> "Inte nu – grunden först"

      Exempel:
        | funktionsnivå | läge           | tar upp      |
        | 35            | strukturerande | tar upp      |
        | 40            | coachande      | tar inte upp |

    Scenario: En grupp som inte är redo får en plan och en ny bedömning inom 90 dagar
      Givet en grupp med låg funktionsnivå
      När bedömningen görs
      Så blir läget strukturerande
      Och det rekommenderade steget blir förbereda
      Och bedömningen tar upp "Inte nu – grunden först" som en varning
      Och bedömningen föreslår "Gör en plan för vad som ska byggas först"
      Och det leds av chefen
      Och bedömningen ska göras om inom 90 dagar

    Scenario: Ett "inte nu" föreslår inte att dela ut ansvar
      Givet en grupp med låg funktionsnivå
      När bedömningen görs
      Så föreslår bedömningen inte "Gör en delegeringskarta och börja i ett litet område"
      Och bedömningen föreslår inte "Stäm av roller och förväntningar"
      Och bedömningen föreslår inte "Följ upp genom lärande och återkoppling"

  Regel: Beredskapen är den svagaste länken, och bedömningen säger vad som begränsar gruppen

    Scenariomall: Beredskapen är den lägsta av de fyra förutsättningarna
      Givet att <förutsättning> är <poäng> av 100
      När bedömningen görs
      Så blir gruppens beredskap <poäng> av 100
      Och gruppen begränsas av <förutsättning>

      Exempel:
        | förutsättning                           | poäng |
        | gruppens funktionsnivå                  | 50    |
        | gruppens kompetens                      | 45    |
        | chefens beredskap att släppa kontrollen | 50    |
        | organisationens stöd                    | 45    |

    Scenario: En enda svag förutsättning räknas fullt ut, inte som en del av ett medelvärde
      Givet att organisationens stöd är 35 av 100
      När bedömningen görs
      Så blir gruppens beredskap 35 av 100
      Och gruppen begränsas av organisationens stöd
      Och läget blir coachande

    Scenario: När två förutsättningar är lika svaga begränsas gruppen av båda
      Givet att gruppens kompetens är 45 av 100
      Och organisationens stöd är 45 av 100
      När bedömningen görs
      Så blir gruppens beredskap 45 av 100
      Och gruppen begränsas av gruppens kompetens och organisationens stöd

  Regel: Nästa steg är en plan: hindren först, sedan det som begränsar gruppen, och "inte nu" sist

    Scenario: Varje steg har någon som leder det, en tid och ett tecken på att det har fungerat
      Givet en grupp med låg funktionsnivå
      Och gruppens kompetens är 35 av 100
      När bedömningen görs
      Så säger varje steg vem som leder det, inom hur många dagar och hur ni ser att det har fungerat

    Scenario: Hindrens steg kommer först, sedan stegen för det som begränsar gruppen, och planen för "inte nu" sist
      Givet att gruppens funktionsnivå är 35 av 100
      Och gruppens kompetens är 30 av 100
      När bedömningen görs
      Så är första steget "Bygg trygghet och tillit i gruppen"
      Och "Låt ansvaret växa i små steg, med stöd" kommer före "Gör en plan för vad som ska byggas först"
      Och "Sätt spelregler för samarbetet" kommer före "Låt ansvaret växa i små steg, med stöd"
