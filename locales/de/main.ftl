# Oberflächentexte von attache (Deutsch, Sie-Form). Dieselben IDs und Variablen wie en-US.
# Befehle (/ask, /summary …) und Konsolenargumente (short|full) werden nicht übersetzt.

language-name = Deutsch

## Answers
decline = Das tut mir leid, aber das Briefing, auf das ich mich stütze, behandelt diese Frage nicht – daher möchte ich lieber nicht spekulieren.
decline-suggestions-intro = Dazu kann ich Ihnen stattdessen etwas sagen:
suggest-intro = Ich bin nicht ganz sicher, was Sie meinen. Meinten Sie eines dieser Themen?
source-label = Aus dem Briefing
source-note = Das Zitat gibt den englischen Originaltext des Briefings wieder.
answered-in = Antwortsprache: { $language }

## Summary
summary-title = Antony Blinkens Besuch in China
summary-short-intro = Der Besuch in Kürze:
summary-section-who = Wer
summary-section-when = Wann
summary-section-where = Wo
summary-section-why = Warum
summary-section-context = Hintergrund
summary-section-outlook = Ausblick

## Facts list
facts-title = Worauf ich antworten kann
facts-intro = Fragen Sie mich zu einem dieser Themen:
facts-unknown = Ein Thema namens { $id } kenne ich nicht.

## Help
help-title = So verwenden Sie attache

## Terminal console
chat-welcome = attache: Fragen Sie mich zu Antony Blinkens Besuch in China. Geben Sie /help für die Befehle ein, /quit zum Beenden.
chat-help =
    Befehle:
    /summary [short|full] – Zusammenfassung des Besuchs, kurz oder vollständig
    /lang CODE – in einer anderen Sprache antworten (en-US, zh-CN, zh-TW, es-ES, fr, de, ja)
    /facts – Themen, zu denen ich antworten kann
    /help – diese Hilfe
    /quit – beenden

## Language
lang-set = Ab jetzt antworte ich in dieser Sprache: { $language }.
lang-reset = Ich antworte wieder in der Sprache Ihrer Frage.
lang-unknown = { $locale } spreche ich leider noch nicht. Ich kann in diesen Sprachen antworten: { $available }.

## Errors and limits
cooldown =
    Sie fragen aber schnell! Bitte warten Sie { $seconds ->
        [one] { $seconds } Sekunde
       *[other] { $seconds } Sekunden
    }, bevor Sie erneut fragen.
error-generic = Bei mir ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.
empty-question = Bitte stellen Sie eine Frage zu Antony Blinkens Besuch in China.
guild-only = Dieser Befehl funktioniert nur auf einem Server.
moderator-only = Nur Moderatoren können diesen Befehl verwenden.

## Buttons and feedback
button-source = Quelle anzeigen
button-helpful = Hilfreich
button-not-helpful = Nicht hilfreich
feedback-thanks = Vielen Dank für Ihr Feedback!

## Moderation
reload-ok =
    Neu geladen: { $facts ->
        [one] { $facts } Fakt
       *[other] { $facts } Fakten
    } ({ $changed } geändert, { $added } hinzugefügt, { $removed } entfernt), { $locales ->
        [one] { $locales } Sprache
       *[other] { $locales } Sprachen
    }.
# Danach folgt eine Zeile pro Fehler.
reload-rejected = Neuladen abgelehnt, die bisherige Faktenbasis bleibt in Betrieb:
unanswered-title =
    Fragen, die ich nicht beantworten konnte ({ $days ->
        [one] letzter Tag
       *[other] letzte { $days } Tage
    })
unanswered-empty = In diesem Zeitraum gab es keine unbeantworteten Fragen.
stats-title =
    Statistik ({ $days ->
        [one] letzter Tag
       *[other] letzte { $days } Tage
    })
stats-body =
    { $asked ->
        [one] { $asked } Frage
       *[other] { $asked } Fragen
    }, davon { $answered } beantwortet, { $declined } ohne Antwort, { $up } 👍, { $down } 👎
settings-title = Servereinstellungen
settings-saved = Einstellungen gespeichert.

unanswered-footer =
    { $questions ->
        [one] { $questions } Frage
       *[other] { $questions } Fragen
    } in { $groups ->
        [one] { $groups } Gruppe
       *[other] { $groups } Gruppen
    }; fast gleiche Fragen werden zusammengezählt.
stats-by-fact = Nach Thema
stats-fact =
    { $answered ->
        [one] { $answered } Antwort
       *[other] { $answered } Antworten
    }, { $up } 👍, { $down } 👎
stats-no-facts = In diesem Zeitraum wurde kein Thema beantwortet oder bewertet.
settings-channels = Antworten ohne Erwähnung in
settings-language = Standardsprache
settings-language-auto = Automatisch (die Discord-Sprache des Servers)
settings-moderator-role = Moderatorrolle
settings-moderator-role-none = Keine: nur Mitglieder mit „Server verwalten“
settings-log-channel = Moderations-Logkanal
settings-none = Keiner
settings-intent-off = attache läuft nicht mit --message-content und kann diese Kanäle daher noch nicht lesen.
