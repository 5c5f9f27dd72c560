# Antworten zum Briefing (knowledge/brief.md): Antony Blinkens Besuch in China.
# Dieselben IDs wie en-US. Die Antworten sagen nur, was im Briefing steht.
# Das Briefing schreibt „Anthony“; die Antworten verwenden die richtige Schreibung „Antony Blinken“.

## visit-dates
fact-visit-dates = Antony Blinken wird China vom 18. bis 19. Juni besuchen – ein zweitägiger Besuch.
fact-visit-dates-title = Datum des Besuchs

## visitor
fact-visitor = Nach China reist US-Außenminister Antony Blinken.
fact-visitor-title = Wer reist

## destination
fact-destination = Antony Blinken reist nach China, wo er mit hochrangigen Vertretern der Kommunistischen Partei sprechen soll. Das Briefing beschreibt den Besuch als Auftakt eines Dialogs mit Peking, nennt aber keine Städte, die er besuchen wird.
fact-destination-title = Reiseziel

## counterparts
fact-counterparts = Antony Blinken soll mit hochrangigen Vertretern der Kommunistischen Partei sprechen. Wer genau das ist, sagt das Briefing nicht.
fact-counterparts-title = Gesprächspartner

## aims
fact-aims = Nach eigenen Angaben der USA soll der Besuch offene Kommunikationskanäle fördern, um zur Vermeidung einer militärischen Eskalation beizutragen, und nicht näher genannte Themen von regionaler und globaler Bedeutung behandeln.
fact-aims-title = Ziele des Besuchs

## firsts
fact-firsts = Es ist Antony Blinkens erster offizieller Besuch in China. Zugleich ist es der erste Besuch eines US-Außenministers in China seit fünf Jahren und der erste auf Kabinettsebene seit vier Jahren.
fact-firsts-title = Erstmals seit Jahren

## significance
fact-significance = Der Besuch markiert einen Schlüsselmoment in den Beziehungen zwischen den USA und China unter US-Präsident Joe Biden. Er signalisiert eine Hinwendung zu aktivem diplomatischem Engagement.
fact-significance-title = Bedeutung des Besuchs

## taiwan
fact-taiwan = Die Regierung Biden sucht den Austausch mit China, bevor der taiwanische Präsident die USA besucht. Weitere Einzelheiten zu diesem Besuch nennt das Briefing nicht.
fact-taiwan-title = Zeitpunkt und Taiwan

## outlook-short-term
fact-outlook-short-term = Der Besuch wird sein Ziel, nach Monaten offener Feindseligkeit einen Dialog mit Peking zu eröffnen, wahrscheinlich erreichen. Kurzfristig dürfte er jedoch wenig dazu beitragen, die Beziehungen zwischen den USA und China zu kitten: Der Besuch ist kurz und geht weder Chinas Streitpunkte mit den USA noch die der USA mit China konkret an.
fact-outlook-short-term-title = Kurzfristige Aussichten

## outlook-medium-term
fact-outlook-medium-term = Mittelfristig bereitet der Besuch den Boden für ein breiteres und differenzierteres Gespräch zwischen beiden Ländern und legt Grundlagen für künftige Diskussionen.
fact-outlook-medium-term-title = Mittelfristige Aussichten

## domestic-context
fact-domestic-context = Der Besuch sollte vor dem Hintergrund der innenpolitischen Ziele und Herausforderungen beider Länder gesehen werden: In China hat sich Xi Jinping erst im März eine dritte Amtszeit gesichert, in den USA stellt sich Joe Biden im nächsten Jahr zur Wiederwahl.
fact-domestic-context-title = Innenpolitischer Hintergrund

## xi-third-term
fact-xi-third-term = Chinas Präsident Xi Jinping hat sich erst im März eine dritte Amtszeit gesichert. Möglicherweise verfolgt er eine Außenpolitik, die von innenpolitischen Schwierigkeiten ablenken soll.
fact-xi-third-term-title = Xi Jinpings dritte Amtszeit

## biden-reelection
fact-biden-reelection = US-Präsident Joe Biden stellt sich im nächsten Jahr zur Wiederwahl. Maßnahmen, die den chinesischen Einfluss in Ostasien und in den USA begrenzen, sind sowohl bei Demokraten als auch bei Republikanern beliebt.
fact-biden-reelection-title = Biden vor der Wiederwahl

## red-lines
fact-red-lines = Beide Länder haben Anreize, ihre gegenseitige Feindseligkeit herauszustellen und zugleich einen bewaffneten Konflikt zu vermeiden. Antony Blinkens Treffen wird beiden Seiten zeigen, wo die roten Linien der jeweils anderen liegen.
fact-red-lines-title = Feindseligkeit und rote Linien
