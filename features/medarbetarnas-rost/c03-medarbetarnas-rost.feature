# language: sv
@C3
Egenskap: Medarbetarnas röst
  Som medarbetare
  vill jag kunna svara anonymt på frågorna om gruppen
  för att min bild ska räknas utan att någon kan se vad just jag har svarat.

  In English: members' anonymous answers count only once at least three answered; then the more cautious view counts, a gap of 25 points or more is talked through together, and below the threshold nothing about them is shown.

  Medarbetarna svarar på gruppens frågor: funktionsnivå, kompetens, samarbetsbehov och tecknen på
  faserna. Chefens egen beredskap och organisationens stöd är chefens att besvara. Medarbetarnas
  bild av en fråga är mittvärdet (medianen) av deras svar. Chefens bild nedan är gruppen som i
  övrigt är redo.

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

  Regel: Medarbetarnas svar räknas först när minst tre har svarat

    Scenariomall: Anonymitetsgränsen är tre svarande
      Givet att <svarande> medarbetare har svarat och ser gruppens funktionsnivå som 50 av 100
      När bedömningen görs
      Så <används> medarbetarnas svar
      Och läget blir <läge>

      Exempel:
        | svarande | används      | läge         |
        | 2        | används inte | medledarskap |
        | 3        | används      | coachande    |

    Scenario: Under gränsen visas ingenting om medarbetarnas svar
      Givet att två medarbetare har svarat och ser gruppens funktionsnivå som 20 av 100
      När bedömningen görs
      Så används inte medarbetarnas svar
      Och bedömningen visar inget om medarbetarnas svar utom att 2 har svarat
      Och gruppens funktionsnivå räknas som 80 av 100
      Och bedömningen tar upp "För få medarbetarsvar" som en upplysning

    Scenario: Medarbetarnas bild är mittvärdet av deras svar, inte någon enskilds svar
      Givet att fyra medarbetare har svarat och ser gruppens funktionsnivå som 40, 50, 70 och 90 av 100
      När bedömningen görs
      Så används medarbetarnas svar
      Och bedömningen visar medarbetarnas bild av gruppens funktionsnivå som 60 av 100
      Och gruppens funktionsnivå räknas som 60 av 100

  Regel: Den försiktigare bilden räknas

    Scenariomall: Den svagare bilden av gruppen räknas, vems den än är
      Givet att <vad> är <chefen> av 100
      Och fyra medarbetare har svarat och ser <vad> som <medarbetarna> av 100
      När bedömningen görs
      Så räknas <vad> som <räknas> av 100
      Och läget blir <läge>

      Exempel:
        | vad                    | chefen | medarbetarna | räknas | läge         |
        | gruppens funktionsnivå | 80     | 50           | 50     | coachande    |
        | gruppens funktionsnivå | 60     | 90           | 60     | coachande    |
        | gruppens funktionsnivå | 70     | 90           | 70     | medledarskap |
        | gruppens kompetens     | 80     | 30           | 30     | coachande    |

    Scenario: För samarbetsbehovet är den försiktigare bilden den som ser mer samarbete
      Givet att arbetet kräver lite samarbete
      Och gruppen har individuella mål
      Och fyra medarbetare har svarat och ser arbetets samarbetsbehov som 70 av 100
      När bedömningen görs
      Så räknas arbetets samarbetsbehov som 70 av 100
      Och bedömningen föreslår "Inför gruppmål"
      Och bedömningen tar inte upp "Individuella mål kan vara kvar"

    Scenario: Fasen är den tidigare av chefens och medarbetarnas
      Givet att fyra medarbetare har svarat och ser gruppen i fas 2
      När bedömningen görs
      Så bedöms gruppen vara i fas 2
      Och läget blir coachande

  Regel: En skillnad på 25 poäng eller mer tas upp och pratas igenom tillsammans

    Scenariomall: Skillnaden mellan chefens och medarbetarnas bild tas upp från 25 poäng
      Givet att gruppens funktionsnivå är <chefen> av 100
      Och fyra medarbetare har svarat och ser gruppens funktionsnivå som <medarbetarna> av 100
      När bedömningen görs
      Så räknas gruppens funktionsnivå som <räknas> av 100
      Och bedömningen <tar upp> "Olika bilder av gruppen"
      Och bedömningen <föreslår> "Prata igenom skillnaden tillsammans"

      Exempel:
        | chefen | medarbetarna | räknas | tar upp      | föreslår      |
        | 80     | 60           | 60     | tar inte upp | föreslår inte |
        | 80     | 55           | 55     | tar upp      | föreslår      |
        | 70     | 90           | 70     | tar inte upp | föreslår inte |
        | 70     | 95           | 70     | tar upp      | föreslår      |

    Scenario: När medarbetarna ser gruppen som chefen gör finns ingen skillnad att ta upp
      Givet att fyra medarbetare har svarat och ser gruppen som chefen gör
      När bedömningen görs
      Så används medarbetarnas svar
      Och läget blir medledarskap
      Och bedömningen tar inte upp "Olika bilder av gruppen"
