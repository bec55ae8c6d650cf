# language: sv
@C3
Egenskap: Ett stegvis införande
  Som HR-partner
  vill jag att medledarskap införs ett steg i taget och tillsammans med gruppen
  för att varje steg ska bära innan nästa tas, och ingen grupp ska få allt på en gång.

  In English: the rollout goes prepare → pilot → expand → sustain, at most one step beyond where the group stands, never beyond what the mode allows, possibly a step back; a big launch never gets past the pilot.

  Stegen är förbereda, pilot, bredda och upprätthålla. En grupp som inte har börjat står i steget
  förbereda. Det strukturerande läget tillåter högst förbereda, det coachande högst pilot och
  medledarskap alla steg.

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

  Regel: Gruppen går högst ett steg längre än där den står i dag

    Scenariomall: En grupp som är redo tar ett steg i taget
      Givet att gruppen i dag är i steget <i dag>
      När bedömningen görs
      Så blir läget medledarskap
      Och det rekommenderade steget blir <rekommenderat>

      Exempel:
        | i dag        | rekommenderat |
        | förbereda    | pilot         |
        | pilot        | bredda        |
        | bredda       | upprätthålla  |
        | upprätthålla | upprätthålla  |

  Regel: Läget sätter en gräns, och då kan gruppen behöva ta ett steg tillbaka

    Scenariomall: Läget avgör hur långt införandet får gå
      Givet att gruppens funktionsnivå är <funktionsnivå> av 100
      Och gruppen i dag är i steget <i dag>
      När bedömningen görs
      Så blir läget <läge>
      Och det rekommenderade steget blir <rekommenderat>

      Exempel:
        | funktionsnivå | i dag        | läge           | rekommenderat |
        | 30            | förbereda    | strukturerande | förbereda     |
        | 30            | bredda       | strukturerande | förbereda     |
        | 50            | förbereda    | coachande      | pilot         |
        | 50            | upprätthålla | coachande      | pilot         |
        | 80            | bredda       | medledarskap   | upprätthålla  |

  Regel: En stor lansering kommer aldrig längre än till pilot

    Scenariomall: En stor lansering stannar vid pilot, hur långt gruppen än har kommit
      Givet att planen är en stor lansering
      Och gruppen i dag är i steget <i dag>
      När bedömningen görs
      Så blir läget medledarskap
      Och det rekommenderade steget blir <rekommenderat>

      Exempel:
        | i dag        | rekommenderat |
        | förbereda    | pilot         |
        | pilot        | pilot         |
        | upprätthålla | pilot         |

    Scenario: En stor lansering är ett hinder som ska bytas mot ett stegvis samskapande
      Givet att planen är en stor lansering
      När bedömningen görs
      Så tar bedömningen upp "Planerad som en stor lansering" som ett hinder
      Och bedömningen föreslår "Byt den stora lanseringen mot ett stegvis samskapande"

    Scenario: Ett införande som ännu inte är bestämt är inget hinder
      Givet att införandet inte är bestämt
      När bedömningen görs
      Så tar bedömningen inte upp "Planerad som en stor lansering"
      Och det rekommenderade steget blir bredda
