# User interface strings for attache. en-US is the source locale; every other locale has
# exactly these ids and the same variables.
# Slash commands (/ask, /summary, ...) and console arguments (short|full) are never translated.

language-name = English

## Answers
decline = I’m sorry, but the brief I work from does not cover that question, so I would rather not guess.
decline-suggestions-intro = Here is what I can tell you about instead:
suggest-intro = I’m not quite sure what you mean. Did you mean one of these?
source-label = From the brief
source-note = Quoted from the original English text of the brief.
answered-in = Answered in { $language }

## Summary
summary-title = Antony Blinken’s visit to China
summary-short-intro = The visit in brief:
summary-section-who = Who
summary-section-when = When
summary-section-where = Where
summary-section-why = Why
summary-section-context = Context
summary-section-outlook = Outlook

## Facts list
facts-title = What I can answer
facts-intro = Ask me about any of these topics:
facts-unknown = I don’t know a topic called { $id }.

## Help
help-title = How to use attache

## Terminal console
chat-welcome = attache: ask me about Antony Blinken’s visit to China. Type /help for commands, /quit to leave.
chat-help =
    Commands:
    /summary [short|full] – a summary of the visit, short or full
    /lang LOCALE – answer in another language (en-US, zh-CN, zh-TW, es-ES, fr, de, ja)
    /facts – the topics I can answer
    /help – this help
    /quit – leave

## Language
lang-set = I will answer in { $language } from now on.
lang-reset = I will answer in the language of your question again.
lang-unknown = I don’t speak { $locale } yet. I can answer in: { $available }.

## Errors and limits
cooldown =
    You’re asking quickly! Please wait { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    } before asking again.
error-generic = Something went wrong on my side. Please try again in a moment.
empty-question = Please ask a question about Antony Blinken’s visit to China.
guild-only = This command only works in a server.
moderator-only = Only moderators can use this command.

## Buttons and feedback
button-source = Show source
button-helpful = Helpful
button-not-helpful = Not helpful
feedback-thanks = Thank you for your feedback!

## Moderation
reload-ok =
    Reloaded: { $facts ->
        [one] { $facts } fact
       *[other] { $facts } facts
    } ({ $changed } changed, { $added } added, { $removed } removed), { $locales ->
        [one] { $locales } locale
       *[other] { $locales } locales
    }.
# Followed by one line per error.
reload-rejected = Reload rejected, the previous fact base keeps serving:
unanswered-title =
    Questions I could not answer ({ $days ->
        [one] last day
       *[other] last { $days } days
    })
unanswered-empty = No unanswered questions in that period.
stats-title =
    Statistics ({ $days ->
        [one] last day
       *[other] last { $days } days
    })
stats-body =
    { $asked ->
        [one] { $asked } question
       *[other] { $asked } questions
    }, { $answered } answered, { $declined } declined, { $up } 👍, { $down } 👎
settings-title = Server settings
settings-saved = Settings saved.

unanswered-footer =
    { $questions ->
        [one] { $questions } question
       *[other] { $questions } questions
    } in { $groups ->
        [one] { $groups } group
       *[other] { $groups } groups
    }; near-duplicates are counted together.
stats-by-fact = By topic
stats-fact =
    { $answered ->
        [one] { $answered } answer
       *[other] { $answered } answers
    }, { $up } 👍, { $down } 👎
stats-no-facts = No topic was answered or rated in this period.
settings-channels = Unprompted answers in
settings-language = Default language
settings-language-auto = Automatic (the server’s Discord language)
settings-moderator-role = Moderator role
settings-moderator-role-none = None: members with Manage Server only
settings-log-channel = Moderator log channel
settings-none = None
settings-intent-off = attache is not running with --message-content, so it cannot read these channels yet.
