# Discord: Slash-Befehle und Oberflächentexte des Bots (Deutsch, Sie-Form). Dieselben IDs wie en-US.
# Namen: Kleinbuchstaben, keine Leerzeichen, höchstens 32 Zeichen. Beschreibungen: 1 bis 100 Zeichen.

## Slash commands
cmd-ask = frage
    .description = Stellen Sie eine Frage zu Antony Blinkens Besuch in China
cmd-ask-question = frage
    .description = Ihre Frage, in einer von sieben Sprachen
cmd-summary = zusammenfassung
    .description = Eine Zusammenfassung des Besuchs
cmd-summary-length = länge
    .description = Kurz (Kernpunkte) oder vollständig (alle Themen)
cmd-summary-length-short = Kurz (Kernpunkte)
cmd-summary-length-full = Vollständig (alle Themen)
cmd-facts = themen
    .description = Die Themen, zu denen ich antworten kann
cmd-facts-list = liste
    .description = Alle Themen auflisten, zu denen ich antworten kann
cmd-facts-show = anzeigen
    .description = Zeigen, was ich zu einem Thema weiß
cmd-facts-show-id = thema
    .description = Das anzuzeigende Thema
cmd-language = sprache
    .description = Die Sprache meiner Antworten wählen
cmd-language-locale = sprache
    .description = Die Sprache meiner Antworten, oder automatisch
cmd-language-locale-auto = Automatisch (die Sprache der Frage)
cmd-help = hilfe
    .description = So verwenden Sie attache

## Help
help-intro = Stellen Sie mir eine Frage zu Antony Blinkens Besuch in China, in einer von sieben Sprachen: English, 简体中文, 繁體中文, Español, Français, Deutsch oder 日本語.
help-commands = Befehle
help-moderator-commands = Befehle für Moderatoren
help-channels = Auf einem Server erwähnen Sie mich oder antworten auf eine meiner Nachrichten, um mich dort zu fragen. Sie können mir auch direkt schreiben.
help-outro = Ich antworte nur auf Grundlage des Briefings zu dem Besuch. Wenn das Briefing eine Frage nicht behandelt, sage ich Ihnen das, statt zu spekulieren.

## Answers
answer-footer = Ihre Frage: { $question }
facts-show-hint = Mit { $command } lesen Sie ein einzelnes Thema.
feedback-already = Sie haben diese Antwort bereits bewertet.

## Moderator commands
cmd-reload = neu-laden
    .description = Faktenbasis und Übersetzungen jetzt neu laden (Moderatoren)
cmd-unanswered = unbeantwortet
    .description = Fragen, die ich nicht beantworten konnte, gruppiert (Moderatoren)
cmd-unanswered-days = tage
    .description = Die letzten N Tage (Standard: 7)
cmd-stats = statistik
    .description = Fragen, Antworten und Bewertungen eines Zeitraums (Moderatoren)
cmd-stats-days = tage
    .description = Die letzten N Tage (Standard: 7)
cmd-settings = einstellungen
    .description = Die Einstellungen von attache auf diesem Server (Moderatoren)
cmd-settings-show = anzeigen
    .description = Die Einstellungen dieses Servers anzeigen
cmd-settings-enable-channel = kanal-aktivieren
    .description = In einem Kanal Fragen auch ohne Erwähnung beantworten
cmd-settings-enable-channel-channel = kanal
    .description = Der Kanal
cmd-settings-disable-channel = kanal-deaktivieren
    .description = In einem Kanal nicht mehr ohne Erwähnung antworten
cmd-settings-disable-channel-channel = kanal
    .description = Der Kanal
cmd-settings-language = sprache
    .description = Die Standardsprache der Antworten auf diesem Server
cmd-settings-language-locale = sprache
    .description = Eine Sprache, oder automatisch (die Discord-Sprache des Servers)
cmd-settings-language-locale-auto = Automatisch (die Discord-Sprache des Servers)
cmd-settings-moderator-role = moderatorrolle
    .description = Die Rolle, die die Moderationsbefehle verwenden darf
cmd-settings-moderator-role-role = rolle
    .description = Die Rolle; weglassen, damit nur „Server verwalten“ zählt
cmd-settings-log-channel = log-kanal
    .description = Wohin Neuladungen gemeldet werden
cmd-settings-log-channel-channel = kanal
    .description = Der Kanal; weglassen, um keine Meldungen mehr zu senden
