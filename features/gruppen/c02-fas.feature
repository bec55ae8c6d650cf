# language: sv
@C2
Egenskap: Gruppens fas
  Som chef
  vill jag veta i vilken fas min grupp är
  för att kunna ge det ledarskap gruppen behöver just nu.

  In English: a group in stage 1 or 2 gets coaching leadership for now; a reorganisation or at least half the group new takes it back to stage 1 and calls for a new look within 90 days.

  Faserna följer Wheelans modell: 1 tillhörighet och trygghet, 2 opposition och konflikt, 3 tillit
  och struktur, 4 arbete och produktivitet. Gruppen är i den fas vars tecken är starkast; är två
  lika starka gäller den tidigare.

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

  Regel: I fas 1 och 2 blir ledarskapet coachande, åtminstone under fasen

    Scenariomall: Fas 1 och 2 begränsar läget, fas 3 och 4 gör det inte
      Givet att gruppen är i fas <fas>
      När bedömningen görs
      Så blir läget <läge>
      Och det rekommenderade steget blir <steg>

      Exempel:
        | fas | läge         | steg   |
        | 1   | coachande    | pilot  |
        | 2   | coachande    | pilot  |
        | 3   | medledarskap | bredda |
        | 4   | medledarskap | bredda |

    Scenario: En grupp i fas 1 behöver riktning och trygghet
      Givet att gruppen är i fas 1
      När bedömningen görs
      Så tar bedömningen upp "Fas 1: tillhörighet och trygghet" som en varning
      Och bedömningen föreslår "Ge riktning och trygghet"

    Scenario: En grupp i fas 2 behöver hjälp att lösa sina konflikter
      Givet att gruppen är i fas 2
      När bedömningen görs
      Så tar bedömningen upp "Fas 2: opposition och konflikt" som en varning
      Och bedömningen föreslår "Hjälp gruppen att lösa konflikterna"

  Regel: En omorganisation, eller att minst hälften av gruppen är ny, för gruppen tillbaka till fas 1

    Scenariomall: Från hälften nya medlemmar börjar gruppen om i fas 1
      Givet att <andel nya> procent av gruppen är nya sedan sex månader
      När bedömningen görs
      Så bedöms gruppen vara i fas <fas>
      Och läget blir <läge>

      Exempel:
        | andel nya | fas | läge         |
        | 40        | 4   | medledarskap |
        | 50        | 1   | coachande    |
        | 100       | 1   | coachande    |

    Scenario: Efter en omorganisation börjar gruppen om i fas 1, vad svaren än säger
      Givet att gruppen har omorganiserats nyligen
      När bedömningen görs
      Så bedöms gruppen vara i fas 1
      Och läget blir coachande
      Och bedömningen tar upp "Tillbaka till fas 1" som en varning
      Och bedömningen ska göras om inom 90 dagar

    Scenario: Många nya medlemmar gör att bedömningen ska göras om inom 90 dagar
      Givet att 60 procent av gruppen är nya sedan sex månader
      När bedömningen görs
      Så tar bedömningen upp "Tillbaka till fas 1" som en varning
      Och bedömningen ska göras om inom 90 dagar

    Scenario: En grupp som av egna svar är i fas 1 har inte glidit tillbaka
      Givet att gruppen är i fas 1
      När bedömningen görs
      Så bedöms gruppen vara i fas 1
      Och bedömningen tar inte upp "Tillbaka till fas 1"
