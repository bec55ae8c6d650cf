# language: sv
@C3
Egenskap: Ett stegvis införande
  Som HR-partner
  vill jag att medledarskap införs ett steg i taget och tillsammans med gruppen
  för att varje steg ska bära innan nästa tas, och ingen grupp ska få allt på en gång.

  In English: the rollout goes prepare → pilot → expand → sustain, at most one stage beyond where the group stands, never beyond what the mode allows, possibly a stage back. A big launch is a blocker on the launch plan, not on the group: the rollout gets no further than the pilot, and HR turns the plan into a stepwise introduction first of all, within 30 days. An undecided plan is decided stepwise with HR and the group.

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
    Och fem medarbetare har svarat och ser gruppen som chefen gör

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

  Regel: En stor lansering är ett hinder i införandeplanen, och införandet kommer inte längre än till pilot

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

    Scenario: Hindret gäller planen, inte gruppens pilot
      Givet att planen är en stor lansering
      När bedömningen görs
      Så tar bedömningen upp "Införandeplanen: en stor lansering" som ett hinder
      Och det rekommenderade steget blir pilot
      Och bedömningen föreslår "Gör om planen till ett stegvis införande"

    Scenario: HR gör om planen, och det kommer först av allt
      Givet att planen är en stor lansering
      Och gruppens funktionsnivå är 50 av 100
      När bedömningen görs
      Så är första steget "Gör om planen till ett stegvis införande"
      Och det leds av HR
      Och det ska vara klart inom 30 dagar
      Och "Gör om planen till ett stegvis införande" kommer före "Stärk gruppens funktionsnivå"

  Regel: Ett införande som inte är bestämt bestäms stegvis, tillsammans med HR och gruppen

    Scenariomall: Bara en stor lansering håller tillbaka införandet
      Givet att <plan>
      När bedömningen görs
      Så blir det rekommenderade steget <rekommenderat>
      Och bedömningen <tar upp> "Införandeplanen: inte bestämd"

      Exempel:
        | plan                        | rekommenderat | tar upp      |
        | införandet sker stegvis     | bredda        | tar inte upp |
        | införandet inte är bestämt  | bredda        | tar upp      |
        | planen är en stor lansering | pilot         | tar inte upp |

    Scenario: Ett införande som ännu inte är bestämt är en upplysning och ett beslut att fatta
      Givet att införandet inte är bestämt
      När bedömningen görs
      Så tar bedömningen upp "Införandeplanen: inte bestämd" som en upplysning
      Och bedömningen tar inte upp "Införandeplanen: en stor lansering"
      Och bedömningen föreslår "Bestäm ett stegvis införande tillsammans med HR och gruppen"
      Och det leds av chefen
      Och det ska vara klart inom 30 dagar
