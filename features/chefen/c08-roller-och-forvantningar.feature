# language: sv
@C8
Egenskap: Roller och förväntningar justeras
  Som medarbetare
  vill jag veta vad som ändras och vad som är kvar när ansvaret delas
  för att ingenting gammalt ska kastas bort i ett svep och ingen ska bli osäker på sin roll.

  In English: nothing old is thrown away wholesale; once the group is on its way or ready, roles and expectations are agreed anew.

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
