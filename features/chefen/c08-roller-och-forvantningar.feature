# language: sv
@C8
Egenskap: Roller och förväntningar justeras
  Som medarbetare
  vill jag veta vad som ändras och vad som är kvar när ansvaret delas
  för att ingenting gammalt ska kastas bort i ett svep och ingen ska bli osäker på sin roll.

  In English: nothing old is thrown away wholesale; once the group is on its way or ready, roles and expectations are agreed anew, and after a reorganisation or with many newcomers the manager and the group clarify roles with the newcomers first, within 30 days.

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

  Regel: När läget är coachande eller medledarskap stäms roller och förväntningar av

    Scenariomall: Roller och förväntningar stäms av när ansvaret börjar delas
      Givet att gruppens funktionsnivå är <funktionsnivå> av 100
      När bedömningen görs
      Så blir läget <läge>
      Och bedömningen <föreslår> "Stäm av roller och förväntningar"

      Exempel:
        | funktionsnivå | läge           | föreslår      |
        | 30            | strukturerande | föreslår inte |
        | 50            | coachande      | föreslår      |
        | 80            | medledarskap   | föreslår      |

  Regel: Efter en omorganisation eller när många är nya klargörs rollerna med de nya först

    Scenariomall: De nya kommer först när gruppen har börjat om
      Givet att <andel nya> procent av gruppen är nya sedan sex månader
      När bedömningen görs
      Så bedöms gruppen vara i fas <fas>
      Och bedömningen <föreslår> "Klargör roller och förväntningar, med de nya först"

      Exempel:
        | andel nya | fas | föreslår      |
        | 40        | 4   | föreslår inte |
        | 50        | 1   | föreslår      |

    Scenario: Efter en omorganisation klargör chefen och gruppen rollerna med de nya först, inom 30 dagar
      Givet att gruppen har omorganiserats nyligen
      När bedömningen görs
      Så blir läget coachande
      Och bedömningen föreslår "Klargör roller och förväntningar, med de nya först"
      Och det leds av chefen och gruppen
      Och det ska vara klart inom 30 dagar

    Scenario: Att börja med de nya gäller också en grupp som ännu inte har börjat införandet
      Givet att gruppen har omorganiserats nyligen
      Och gruppen i dag är i steget förbereda
      När bedömningen görs
      Så blir det rekommenderade steget förbereda
      Och bedömningen föreslår "Klargör roller och förväntningar, med de nya först"
