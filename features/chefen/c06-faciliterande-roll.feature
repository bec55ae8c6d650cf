# language: sv
@C6
Egenskap: Chefens faciliterande roll
  Som chef
  vill jag veta vad jag kan delegera, vilka mandat gruppen kan få och vilka hinder jag ska röja
  för att min roll ska bli att coacha, förenkla och möjliggöra i stället för att styra.

  In English: once the group is on its way or ready, the manager's steps fit the rollout stage: while preparing or piloting, a delegation map with the group and a start in a small area; when the way of working expands or is sustained, mandates are widened area by area and obstacles removed.

  Stegen följer det rekommenderade steget i införandet: i förbereda och pilot börjar gruppen i ett
  litet, avgränsat område; i bredda och upprätthålla vidgas mandaten ett område i taget.

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

  Regel: I förbereda och pilot börjar gruppen i ett avgränsat område, i bredda och upprätthålla vidgas mandaten

    Scenariomall: Chefens steg passar steget i införandet
      Givet att gruppen i dag är i steget <i dag>
      När bedömningen görs
      Så blir läget medledarskap
      Och det rekommenderade steget blir <rekommenderat>
      Och bedömningen <börja litet> "Gör en delegeringskarta och börja i ett litet område"
      Och bedömningen <vidga> "Vidga mandaten och röj undan hindren"

      Exempel:
        | i dag        | rekommenderat | börja litet   | vidga         |
        | förbereda    | pilot         | föreslår      | föreslår inte |
        | pilot        | bredda        | föreslår inte | föreslår      |
        | bredda       | upprätthålla  | föreslår inte | föreslår      |
        | upprätthålla | upprätthålla  | föreslår inte | föreslår      |

    Scenario: I piloten gör chefen och gruppen delegeringskartan tillsammans
      Givet att gruppen i dag är i steget förbereda
      När bedömningen görs
      Så föreslår bedömningen "Gör en delegeringskarta och börja i ett litet område"
      Och det leds av chefen och gruppen

    Scenario: När arbetssättet breddas vidgar chefen och gruppen mandaten område för område
      Givet att gruppen i dag är i steget bredda
      När bedömningen görs
      Så föreslår bedömningen "Vidga mandaten och röj undan hindren"
      Och det leds av chefen och gruppen
      Och det ska vara klart inom 90 dagar

  Regel: Den faciliterande rollen hör till coachande ledarskap och medledarskap

    Scenariomall: Delegering och mandat hör till coachande ledarskap och medledarskap
      Givet att gruppens funktionsnivå är <funktionsnivå> av 100
      När bedömningen görs
      Så blir läget <läge>
      Och det rekommenderade steget blir <rekommenderat>
      Och bedömningen <börja litet> "Gör en delegeringskarta och börja i ett litet område"
      Och bedömningen <vidga> "Vidga mandaten och röj undan hindren"

      Exempel:
        | funktionsnivå | läge           | rekommenderat | börja litet   | vidga         |
        | 30            | strukturerande | förbereda     | föreslår inte | föreslår inte |
        | 50            | coachande      | pilot         | föreslår      | föreslår inte |
        | 80            | medledarskap   | bredda        | föreslår inte | föreslår      |

    Scenario: Också en chef som ännu inte är redo att släppa kontrollen börjar kartlägga vad som kan delegeras
      Givet att chefen inte är redo att släppa kontrollen
      När bedömningen görs
      Så blir läget coachande
      Och bedömningen föreslår "Gör en delegeringskarta och börja i ett litet område"
      Och bedömningen föreslår inte "Vidga mandaten och röj undan hindren"
