# language: sv
@C3
Egenskap: Medarbetarnas röst
  Som medarbetare
  vill jag kunna svara anonymt på frågorna om gruppen och om hur chefen leder
  för att medledarskap ska bestämmas tillsammans med oss och min bild ska räknas utan att någon kan se vad just jag har svarat.

  In English: co-leadership is decided with the group: until at least three members have answered, nothing of theirs is shown or used and the leadership is at most coaching, with a step to let the group answer; from three, the more cautious view counts, a gap of 25 points or more is talked through together, and a manager who gave almost the same answer everywhere answers again with the group, without the mode changing. The members' view is their lower median in whole steps of 5 between 10 and 90, and how many answered is shown exactly only from five, so that no one's answer can be worked out by comparing two rounds.

  Medarbetarna svarar på gruppens frågor: funktionsnivå, kompetens, samarbetsbehov och tecknen på
  faserna, och på tre frågor om hur chefen leder. Organisationens stöd är chefens att besvara.
  Medarbetarnas bild av en fråga är det lägre mittvärdet av deras svar (med ett jämnt antal
  svarande det försiktigare av de två mittersta), avrundat till hela femtal och aldrig under 10
  eller över 90: "10" betyder 10 eller lägre, "90" 90 eller högre. Det är den bilden som visas och
  räknas. Chefens bild nedan är gruppen som i övrigt är redo.

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

  Regel: Medledarskap bestäms tillsammans med gruppen: minst tre medarbetare behöver ha svarat

    Scenariomall: Utan tre medarbetares svar blir ledarskapet högst coachande
      Givet att <svarande> medarbetare har svarat
      När bedömningen görs
      Så <används> medarbetarnas svar
      Och läget blir <läge>
      Och det rekommenderade steget blir <steg>

      Exempel:
        | svarande | används      | läge         | steg   |
        | ingen    | används inte | coachande    | pilot  |
        | 2        | används inte | coachande    | pilot  |
        | 3        | används      | medledarskap | bredda |

    Scenario: En chef ensam når aldrig medledarskap, utan låter gruppen svara
      Givet att ingen medarbetare har svarat
      När bedömningen görs
      Så blir läget coachande
      Och bedömningen tar upp "Gruppens röst saknas" som en varning
      Och bedömningen föreslår "Låt gruppen svara anonymt"
      Och det leds av chefen
      Och det ska vara klart inom 30 dagar

    Scenario: Under gränsen visas ingenting om medarbetarnas svar
      Givet att två medarbetare har svarat och ser gruppens funktionsnivå som 20 av 100
      När bedömningen görs
      Så används inte medarbetarnas svar
      Och bedömningen visar inget om medarbetarnas svar utom att färre än 3 har svarat
      Och gruppens funktionsnivå räknas som 80 av 100
      Och bedömningen tar upp "Gruppens röst saknas" som en varning

    Scenario: Från tre svarande är gruppens röst med
      Givet att 3 medarbetare har svarat
      När bedömningen görs
      Så blir läget medledarskap
      Och bedömningen tar inte upp "Gruppens röst saknas"
      Och bedömningen föreslår inte "Låt gruppen svara anonymt"

    Scenario: Medarbetarnas bild är det försiktigare mittvärdet av deras svar
      Givet att fyra medarbetare har svarat och ser gruppens funktionsnivå som 40, 50, 70 och 90 av 100
      När bedömningen görs
      Så används medarbetarnas svar
      Och bedömningen visar medarbetarnas bild av gruppens funktionsnivå som 50 av 100
      Och gruppens funktionsnivå räknas som 50 av 100

  Regel: Ingen enskilds svar kan räknas fram: bilden visas i hela femtal och antalet exakt först från fem

    Scenariomall: Medarbetarnas bild avrundas till hela femtal och stannar mellan 10 och 90
      Givet att fyra medarbetare har svarat och ser <vad> som <medarbetarna> av 100
      När bedömningen görs
      Så visar bedömningen medarbetarnas bild av <vad> som <visas> av 100

      Exempel:
        | vad                                     | medarbetarna      | visas |
        | chefens beredskap att släppa kontrollen | 58,3              | 60    |
        | chefens beredskap att släppa kontrollen | 41,7              | 40    |
        | gruppens funktionsnivå                  | 55, 55, 60 och 60 | 55    |
        | gruppens funktionsnivå                  | 95                | 90    |
        | gruppens funktionsnivå                  | 0                 | 10    |

    Scenariomall: Hur många som har svarat visas exakt först från fem
      Givet att <svarande> medarbetare har svarat
      När bedömningen görs
      Så visar bedömningen att <visas> har svarat

      Exempel:
        | svarande | visas      |
        | ingen    | färre än 3 |
        | 2        | färre än 3 |
        | 3        | 3–4        |
        | 4        | 3–4        |
        | 5        | 5          |
        | 7        | 7          |

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

    Scenario: Bedömningen visar chefens och medarbetarnas bild sida vid sida
      Givet att fyra medarbetare har svarat och ser gruppens funktionsnivå som 55 av 100
      När bedömningen görs
      Så visar bedömningen gruppens funktionsnivå sida vid sida: chefens bild 80 och medarbetarnas 55

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
      Och bedömningen <tar upp> "Du och medarbetarna ser gruppen olika"
      Och bedömningen <föreslår> "Prata igenom skillnaden tillsammans"

      Exempel:
        | chefen | medarbetarna      | räknas | tar upp      | föreslår      |
        | 80     | 60                | 60     | tar inte upp | föreslår inte |
        | 80     | 55, 55, 60 och 60 | 55     | tar upp      | föreslår      |
        | 80     | 55                | 55     | tar upp      | föreslår      |
        | 70     | 90                | 70     | tar inte upp | föreslår inte |
        | 65     | 95                | 65     | tar upp      | föreslår      |
        | 70     | 95                | 70     | tar inte upp | föreslår inte |

    Scenario: Skillnaden pratas igenom av chefen och gruppen tillsammans
      Givet att fyra medarbetare har svarat och ser gruppens funktionsnivå som 50 av 100
      När bedömningen görs
      Så tar bedömningen upp "Du och medarbetarna ser gruppen olika" som en varning
      Och bedömningen föreslår "Prata igenom skillnaden tillsammans"
      Och det leds av chefen och gruppen

    Scenario: När medarbetarna ser gruppen som chefen gör finns ingen skillnad att ta upp
      Givet att fyra medarbetare har svarat och ser gruppen som chefen gör
      När bedömningen görs
      Så används medarbetarnas svar
      Och läget blir medledarskap
      Och bedömningen tar inte upp "Du och medarbetarna ser gruppen olika"

  Regel: Nästan samma svar överallt ger ingen säker bild: svara igen tillsammans med gruppen, men läget sänks inte

    Scenariomall: Från 90 procent samma svar tas det upp, och läget är detsamma
      Givet att chefen har gett samma svar på <samma> av 43 frågor
      När bedömningen görs
      Så blir läget medledarskap
      Och bedömningen <tar upp> "Nästan samma svar överallt"
      Och bedömningen <föreslår> "Svara på frågorna igen tillsammans med gruppen"

      Exempel:
        | samma | tar upp      | föreslår      |
        | 38    | tar inte upp | föreslår inte |
        | 39    | tar upp      | föreslår      |
        | 42    | tar upp      | föreslår      |

    Scenario: En chef som har svarat samma sak på nästan allt svarar igen tillsammans med gruppen
      Givet att chefen har svarat samma sak på nästan alla frågor
      När bedömningen görs
      Så blir läget medledarskap
      Och bedömningen tar upp "Nästan samma svar överallt" som en varning
      Och bedömningen föreslår "Svara på frågorna igen tillsammans med gruppen"
      Och det leds av chefen och gruppen
      Och det ska vara klart inom 30 dagar
