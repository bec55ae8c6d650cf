# language: sv
@C6
Egenskap: Chefens faciliterande roll
  Som chef
  vill jag veta vad jag kan delegera, vilka mandat gruppen kan få och vilka hinder jag ska röja
  för att min roll ska bli att coacha, förenkla och möjliggöra i stället för att styra.

  In English: once the group is on its way or ready, the manager draws a delegation map with the group and makes mandates clear and obstacles go away.

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

  Regel: När läget är coachande eller medledarskap blir chefens roll att facilitera

    Scenariomall: Delegering, mandat och hinder hör till coachande ledarskap och medledarskap
      Givet att gruppens funktionsnivå är <funktionsnivå> av 100
      När bedömningen görs
      Så blir läget <läge>
      Och bedömningen <föreslår> "Gör en delegeringskarta tillsammans med gruppen"
      Och bedömningen <föreslår> "Tydliggör mandaten och röj undan hindren"

      Exempel:
        | funktionsnivå | läge           | föreslår      |
        | 30            | strukturerande | föreslår inte |
        | 50            | coachande      | föreslår      |
        | 80            | medledarskap   | föreslår      |

    Scenario: Också en chef som ännu inte är redo att släppa kontrollen börjar kartlägga vad som kan delegeras
      Givet att chefen inte är redo att släppa kontrollen
      När bedömningen görs
      Så blir läget coachande
      Och bedömningen föreslår "Gör en delegeringskarta tillsammans med gruppen"
