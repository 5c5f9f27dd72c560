# Discord: slash commands and the bot's own interface strings. en-US is the source locale.
#
# Command and option names (cmd-*): lower case, no spaces, at most 32 letters, digits, - or _
# (Discord rejects anything else). Descriptions (.description): 1 to 100 characters.
# Discord always sends the en-US names back, so the en-US names must match the code: do not
# rename them here. Choice labels (cmd-*-<choice>) are free text of at most 100 characters.

## Slash commands
cmd-ask = ask
    .description = Ask a question about Antony Blinken’s visit to China
cmd-ask-question = question
    .description = Your question, in any of seven languages
cmd-summary = summary
    .description = A summary of the visit
cmd-summary-length = length
    .description = Short (key points) or full (every topic)
cmd-summary-length-short = Short (key points)
cmd-summary-length-full = Full (every topic)
cmd-facts = facts
    .description = The topics I can answer
cmd-facts-list = list
    .description = List the topics I can answer
cmd-facts-show = show
    .description = Show what I know about one topic
cmd-facts-show-id = id
    .description = The topic to show
cmd-language = language
    .description = Choose the language of my answers
cmd-language-locale = locale
    .description = The language of my answers, or automatic
cmd-language-locale-auto = Automatic (the language of the question)
cmd-help = help
    .description = How to use attache

## Help
help-intro = Ask me a question about Antony Blinken’s visit to China, in any of seven languages: English, 简体中文, 繁體中文, Español, Français, Deutsch or 日本語.
help-commands = Commands
help-moderator-commands = Moderator commands
help-channels = In a server, mention me or reply to one of my messages to ask me there. You can also write to me directly.
help-outro = I answer only from the news brief about the visit. When the brief does not cover a question, I will tell you so rather than guess.

## Answers
# The footer under an answer; $question is cut to fit.
answer-footer = You asked: { $question }
facts-show-hint = Use { $command } to read one topic.
feedback-already = You have already rated this answer.

## Moderator commands: Manage Server by default (or the server's moderator role), servers only
cmd-reload = reload
    .description = Reload the fact base and the translations now (moderators)
cmd-unanswered = unanswered
    .description = Questions I could not answer, grouped (moderators)
cmd-unanswered-days = days
    .description = The last N days (default 7)
cmd-stats = stats
    .description = Questions, answers and feedback over a period (moderators)
cmd-stats-days = days
    .description = The last N days (default 7)
cmd-settings = settings
    .description = This server’s attache settings (moderators)
cmd-settings-show = show
    .description = Show this server’s settings
cmd-settings-enable-channel = enable-channel
    .description = Answer questions in a channel without being mentioned
cmd-settings-enable-channel-channel = channel
    .description = The channel
cmd-settings-disable-channel = disable-channel
    .description = Stop answering unprompted in a channel
cmd-settings-disable-channel-channel = channel
    .description = The channel
cmd-settings-language = language
    .description = The server’s default answer language
cmd-settings-language-locale = locale
    .description = A language, or automatic (the server’s Discord language)
cmd-settings-language-locale-auto = Automatic (the server’s Discord language)
cmd-settings-moderator-role = moderator-role
    .description = The role that may use the moderator commands
cmd-settings-moderator-role-role = role
    .description = The role; leave out for Manage Server only
cmd-settings-log-channel = log-channel
    .description = Where to report reloads
cmd-settings-log-channel-channel = channel
    .description = The channel; leave out to stop the reports
