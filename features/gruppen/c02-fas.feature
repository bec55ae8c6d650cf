# language: sv
@C2
Egenskap: Gruppens fas
  Som chef
  vill jag veta i vilken fas min grupp är
  för att kunna ge det ledarskap gruppen behöver just nu.

  In English: a group that by its own signs is in phase 1 needs another leadership for now (structuring: direction, goals, roles and safety first); phase 2 gets coaching; a reorganisation or at least half the group new takes the group back to phase 1, where it gets coaching, the rollout stays at today's stage, the newcomers come first and the assessment is redone within 90 days. An unclear phase profile, a large group and an unusually early mature phase are pointed out without changing the mode.

  Faserna följer Wheelans modell: 1 tillhörighet och trygghet, 2 opposition och konflikt, 3 tillit
  och struktur, 4 arbete och produktivitet. Gruppen är i den fas vars tecken är starkast; är två
  lika starka gäller den tidigare. Är tecknen på två faser som inte ligger bredvid varandra (till
  exempel 1 och 4) nästan lika starka, högst 10 poäng isär, är fasbilden oklar.

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

  Regel: Gruppen är i den fas vars tecken är starkast, och vid lika i den tidigare

    Scenariomall: De starkaste tecknen avgör fasen
      Givet att tecknen på fas 1, 2, 3 och 4 är <fas 1>, <fas 2>, <fas 3> och <fas 4> av 100
      När bedömningen görs
      Så bedöms gruppen vara i fas <fas>

      Exempel:
        | fas 1 | fas 2 | fas 3 | fas 4 | fas |
        | 80    | 20    | 20    | 20    | 1   |
        | 20    | 80    | 20    | 20    | 2   |
        | 20    | 20    | 80    | 20    | 3   |
        | 20    | 20    | 20    | 80    | 4   |
        | 20    | 60    | 60    | 40    | 2   |
        | 30    | 30    | 70    | 70    | 3   |

  Regel: En grupp som av egna tecken är i fas 1 behöver ett annat ledarskap, åtminstone under fasen

    Scenariomall: Fasen avgör hur långt gruppen kan gå
      Givet att gruppen är i fas <fas>
      När bedömningen görs
      Så blir läget <läge>
      Och det rekommenderade steget blir <steg>

      Exempel:
        | fas | läge           | steg      |
        | 1   | strukturerande | förbereda |
        | 2   | coachande      | pilot     |
        | 3   | medledarskap   | bredda    |
        | 4   | medledarskap   | bredda    |

    Scenario: I fas 1 är svaret "inte nu": riktning, mål, roller och trygghet först
      Givet att gruppen är i fas 1
      När bedömningen görs
      Så blir läget strukturerande
      Och bedömningen tar upp "Fas 1: gruppen behöver riktning först" som ett hinder
      Och bedömningen tar upp "Inte nu – grunden först"
      Och bedömningen föreslår "Gör rollerna tydliga och det tryggt att bidra"
      Och bedömningen ska göras om inom 90 dagar

    Scenario: I fas 1 ger chefen riktning och mål inom 30 dagar
      Givet att gruppen är i fas 1
      När bedömningen görs
      Så är första steget "Ge gruppen tydlig riktning och tydliga mål"
      Och det leds av chefen
      Och det ska vara klart inom 30 dagar

  Regel: I fas 2 blir ledarskapet coachande: gruppen får hjälp genom konflikten

    Scenario: En grupp i fas 2 får hjälp genom konflikten och makten delas i små steg
      Givet att gruppen är i fas 2
      När bedömningen görs
      Så blir läget coachande
      Och bedömningen tar upp "Fas 2: gruppen är mitt i konflikten" som en varning
      Och bedömningen föreslår "Hjälp gruppen genom konflikten"
      Och bedömningen föreslår "Dela makten i små steg"
      Och det leds av chefen och gruppen

    Scenario: I ett "inte nu" får gruppen hjälp genom konflikten men ingen makt ännu
      Givet att gruppen är i fas 2
      Och en grupp med låg funktionsnivå
      När bedömningen görs
      Så blir läget strukturerande
      Och bedömningen föreslår "Hjälp gruppen genom konflikten"
      Och bedömningen föreslår inte "Dela makten i små steg"

  Regel: En omorganisation, eller att minst hälften av gruppen är ny, för gruppen tillbaka till fas 1 och införandet står still

    Scenariomall: Från hälften nya medlemmar börjar gruppen om i fas 1
      Givet att <andel nya> procent av gruppen är nya sedan sex månader
      När bedömningen görs
      Så bedöms gruppen vara i fas <fas>
      Och läget blir <läge>
      Och det rekommenderade steget blir <steg>

      Exempel:
        | andel nya | fas | läge         | steg   |
        | 40        | 4   | medledarskap | bredda |
        | 50        | 1   | coachande    | pilot  |
        | 100       | 1   | coachande    | pilot  |

    Scenariomall: Efter en omorganisation går införandet inte vidare från där gruppen står i dag
      Givet att gruppen har omorganiserats nyligen
      Och gruppen i dag är i steget <i dag>
      När bedömningen görs
      Så blir läget coachande
      Och det rekommenderade steget blir <rekommenderat>

      Exempel:
        | i dag        | rekommenderat |
        | förbereda    | förbereda     |
        | pilot        | pilot         |
        | bredda       | pilot         |
        | upprätthålla | pilot         |

    Scenario: Efter en omorganisation börjar gruppen om i fas 1, vad svaren än säger
      Givet att gruppen har omorganiserats nyligen
      När bedömningen görs
      Så bedöms gruppen vara i fas 1
      Och läget blir coachande
      Och bedömningen tar upp "Tillbaka till fas 1 efter en förändring" som en varning
      Och bedömningen tar inte upp "Fas 1: gruppen behöver riktning först"
      Och bedömningen föreslår "Klargör roller och förväntningar, med de nya först"
      Och bedömningen ska göras om inom 90 dagar

    Scenario: Många nya medlemmar gör att bedömningen ska göras om inom 90 dagar
      Givet att 60 procent av gruppen är nya sedan sex månader
      När bedömningen görs
      Så tar bedömningen upp "Tillbaka till fas 1 efter en förändring" som en varning
      Och bedömningen föreslår "Klargör roller och förväntningar, med de nya först"
      Och bedömningen ska göras om inom 90 dagar

    Scenario: En grupp som av egna tecken är i fas 1 har inte glidit tillbaka
      Givet att gruppen är i fas 1
      När bedömningen görs
      Så bedöms gruppen vara i fas 1
      Och bedömningen tar inte upp "Tillbaka till fas 1 efter en förändring"
      Och bedömningen föreslår inte "Klargör roller och förväntningar, med de nya först"

  Regel: Är tecknen nästan lika starka på två faser långt ifrån varandra är fasbilden oklar

    Scenariomall: Högst 10 poäng mellan två faser som inte ligger bredvid varandra gör fasbilden oklar
      Givet att tecknen på fas 1, 2, 3 och 4 är <fas 1>, <fas 2>, <fas 3> och <fas 4> av 100
      När bedömningen görs
      Så bedöms gruppen vara i fas <fas>
      Och läget blir <läge>
      Och bedömningen <tar upp> "Oklar fasbild"

      Exempel:
        | fas 1 | fas 2 | fas 3 | fas 4 | fas | läge           | tar upp      |
        | 70    | 20    | 20    | 80    | 4   | medledarskap   | tar upp      |
        | 65    | 20    | 20    | 80    | 4   | medledarskap   | tar inte upp |
        | 20    | 75    | 20    | 80    | 4   | medledarskap   | tar upp      |
        | 20    | 20    | 75    | 80    | 4   | medledarskap   | tar inte upp |
        | 80    | 20    | 20    | 80    | 1   | strukturerande | tar upp      |

    Scenario: En oklar fasbild gås igenom tillsammans med gruppen, utan att läget ändras
      Givet att tecknen på fas 1, 2, 3 och 4 är 75, 20, 20 och 80 av 100
      När bedömningen görs
      Så blir läget medledarskap
      Och bedömningen tar upp "Oklar fasbild" som en upplysning
      Och bedömningen föreslår "Gå igenom fasbilden tillsammans med gruppen"
      Och det leds av chefen och gruppen

  Regel: En grupp på tio eller fler når mer sällan arbetsfasen och delar medledarskapet i mindre grupper

    Scenariomall: Från tio personer är gruppen stor
      Givet att gruppen är <personer> personer
      När bedömningen görs
      Så blir läget medledarskap
      Och bedömningen <tar upp> "En stor grupp"
      Och bedömningen <föreslår> "Dela in arbetet i mindre grupper per beslutsområde"

      Exempel:
        | personer | tar upp      | föreslår      |
        | 9        | tar inte upp | föreslår inte |
        | 10       | tar upp      | föreslår      |
        | 12       | tar upp      | föreslår      |

    Scenario: En stor grupp delar ut medledarskapet per beslutsområde
      Givet att gruppen är 12 personer
      När bedömningen görs
      Så tar bedömningen upp "En stor grupp" som en upplysning
      Och bedömningen föreslår "Dela in arbetet i mindre grupper per beslutsområde"
      Och det leds av chefen och gruppen

  Regel: En grupp som varit tillsammans i mindre än tre månader är sällan redan i fas 3 eller 4

    Scenariomall: Fas 3 eller 4 före tre månader tillsammans stäms av med gruppen
      Givet att gruppen har arbetat tillsammans i <månader> månader
      Och gruppen är i fas <fas>
      När bedömningen görs
      Så blir läget <läge>
      Och bedömningen <tar upp> "Tidigt för en så mogen fas"

      Exempel:
        | månader | fas | läge         | tar upp      |
        | 2       | 4   | medledarskap | tar upp      |
        | 3       | 4   | medledarskap | tar inte upp |
        | 2       | 3   | medledarskap | tar upp      |
        | 2       | 2   | coachande    | tar inte upp |

    Scenario: Att gruppen är tidigt mogen är en upplysning, inget hinder
      Givet att gruppen har arbetat tillsammans i 2 månader
      När bedömningen görs
      Så blir läget medledarskap
      Och bedömningen tar upp "Tidigt för en så mogen fas" som en upplysning
