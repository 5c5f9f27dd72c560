//! Pure functions from the core's answers to Discord messages: embeds, buttons, limits, mentions.
//!
//! Everything here builds a plain [`Out`] first, [`Out::fit`] cuts it to Discord's limits (long text
//! ends with "…", never a rejected request), and the `to_*` methods turn it into serenity or poise
//! builders that always carry an `allowed_mentions` allowing nothing.

use crate::answer::{Outcome, Reply, Suggestion};
use crate::engine::Snapshot;
use crate::i18n::{FluentArgs, Locales};
use crate::summary::{Length, Summary};
use poise::serenity_prelude as serenity;

/// Message content.
pub const CONTENT_MAX: usize = 2000;
/// Embed title.
pub const TITLE_MAX: usize = 256;
/// Embed description.
pub const DESCRIPTION_MAX: usize = 4096;
/// Fields per embed.
pub const FIELDS_MAX: usize = 25;
/// Field name.
pub const FIELD_NAME_MAX: usize = 256;
/// Field value.
pub const FIELD_VALUE_MAX: usize = 1024;
/// Embed footer.
pub const FOOTER_MAX: usize = 2048;
/// All text of all embeds of one message.
pub const EMBED_TOTAL_MAX: usize = 6000;
/// Embeds per message.
pub const EMBEDS_MAX: usize = 10;
/// Button label.
pub const LABEL_MAX: usize = 80;
/// Component custom id.
pub const CUSTOM_ID_MAX: usize = 100;
/// Buttons per row.
pub const ROW_MAX: usize = 5;
/// Rows per message.
pub const ROWS_MAX: usize = 5;
/// How much of the question an answer's footer repeats.
pub const FOOTER_QUESTION_MAX: usize = 200;

/// The embeds' colour.
pub const COLOUR: u32 = 0x2b_6c_b0;

/// The prefix of every custom id the bot makes.
pub const CUSTOM_ID_PREFIX: &str = "attache";

/// The length Discord counts, conservatively: UTF-16 code units (never fewer than characters).
pub fn len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Cuts `s` to at most `max` (by [`len`]), ending with "…" when something was cut; prefers to cut at
/// a space when one is near.
pub fn cut(s: &str, max: usize) -> String {
    if len(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let budget = max - 1; // "…" is one unit
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let l = c.len_utf16();
        if used + l > budget {
            break;
        }
        used += l;
        end = i + c.len_utf8();
    }
    let mut head = &s[..end];
    if let Some(sp) = head.rfind(char::is_whitespace) {
        if sp > 0 && head[sp..].chars().count() <= 16 {
            head = &head[..sp];
        }
    }
    format!("{}…", head.trim_end())
}

/// Splits `s` into pieces of at most `max` each, at line breaks when possible, else at spaces, else
/// anywhere. Nothing is lost.
pub fn split(s: &str, max: usize) -> Vec<String> {
    assert!(max > 0);
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        if len(rest) <= max {
            out.push(rest.to_string());
            break;
        }
        let mut used = 0;
        let mut end = 0;
        for (i, c) in rest.char_indices() {
            if used + c.len_utf16() > max {
                break;
            }
            used += c.len_utf16();
            end = i + c.len_utf8();
        }
        let head = &rest[..end];
        let at = head
            .rfind('\n')
            .filter(|&i| i > 0)
            .or_else(|| head.rfind(char::is_whitespace).filter(|&i| i > 0))
            .unwrap_or(end);
        out.push(rest[..at].trim_end().to_string());
        rest = rest[at..].trim_start();
    }
    out
}

/// An embed field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Its name.
    pub name: String,
    /// Its text.
    pub value: String,
}

/// An embed, before limits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embed {
    /// Title.
    pub title: Option<String>,
    /// Main text.
    pub description: Option<String>,
    /// Fields.
    pub fields: Vec<Field>,
    /// Footer.
    pub footer: Option<String>,
}

impl Embed {
    /// The characters Discord counts towards [`EMBED_TOTAL_MAX`].
    pub fn total(&self) -> usize {
        self.title.as_deref().map_or(0, len)
            + self.description.as_deref().map_or(0, len)
            + self.footer.as_deref().map_or(0, len)
            + self
                .fields
                .iter()
                .map(|f| len(&f.name) + len(&f.value))
                .sum::<usize>()
    }

    /// Cuts every part to its limit, then the whole to `budget` (at most [`EMBED_TOTAL_MAX`]):
    /// first the last fields go, then the description is cut.
    pub fn fit(mut self, budget: usize) -> Embed {
        let nonempty = |s: String| if s.trim().is_empty() { None } else { Some(s) };
        self.title = self.title.map(|t| cut(&t, TITLE_MAX)).and_then(nonempty);
        self.description = self
            .description
            .map(|d| cut(&d, DESCRIPTION_MAX))
            .and_then(nonempty);
        self.footer = self.footer.map(|f| cut(&f, FOOTER_MAX)).and_then(nonempty);
        self.fields.truncate(FIELDS_MAX);
        for f in &mut self.fields {
            f.name = cut(&f.name, FIELD_NAME_MAX);
            if f.name.trim().is_empty() {
                f.name = "\u{200b}".into();
            }
            f.value = cut(&f.value, FIELD_VALUE_MAX);
            if f.value.trim().is_empty() {
                f.value = "\u{200b}".into();
            }
        }
        let budget = budget.min(EMBED_TOTAL_MAX);
        let mut dropped = false;
        while self.total() > budget && !self.fields.is_empty() {
            self.fields.pop();
            dropped = true;
        }
        if dropped && self.total() < budget {
            if let Some(last) = self.fields.last_mut() {
                if len(&last.value) < FIELD_VALUE_MAX {
                    last.value.push('…');
                }
            }
        }
        if self.total() > budget {
            let others = self.total() - self.description.as_deref().map_or(0, len);
            let room = budget.saturating_sub(others);
            self.description = self
                .description
                .map(|d| cut(&d, room))
                .filter(|d| !d.is_empty());
        }
        if self.total() > budget {
            self.footer = None;
        }
        if self.total() > budget {
            let room = budget.saturating_sub(self.description.as_deref().map_or(0, len));
            self.title = self.title.map(|t| cut(&t, room)).filter(|t| !t.is_empty());
        }
        self
    }

    /// The serenity builder.
    pub fn to_serenity(&self) -> serenity::CreateEmbed {
        let mut e = serenity::CreateEmbed::new().colour(COLOUR);
        if let Some(t) = &self.title {
            e = e.title(t);
        }
        if let Some(d) = &self.description {
            e = e.description(d);
        }
        for f in &self.fields {
            e = e.field(&f.name, &f.value, false);
        }
        if let Some(f) = &self.footer {
            e = e.footer(serenity::CreateEmbedFooter::new(f));
        }
        e
    }
}

/// A button's look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Blurple: the suggested next step.
    Primary,
    /// Grey.
    Secondary,
}

/// A button that sends a component interaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    /// `attache:<action>:<fact>[:<key>]`.
    pub custom_id: String,
    /// Its text.
    pub label: Option<String>,
    /// A Unicode emoji.
    pub emoji: Option<String>,
    /// Its look.
    pub style: Style,
}

/// A whole reply, before limits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Out {
    /// Plain text.
    pub content: Option<String>,
    /// Embeds.
    pub embeds: Vec<Embed>,
    /// Rows of buttons.
    pub rows: Vec<Vec<Button>>,
    /// Only the user who asked sees it (interactions only).
    pub ephemeral: bool,
}

/// `allowed_mentions` that allow nothing: no `@everyone`, no role, no user, not even the person
/// replied to.
pub fn no_mentions() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new()
        .everyone(false)
        .all_users(false)
        .all_roles(false)
        .replied_user(false)
}

impl Out {
    /// A plain text notice.
    pub fn notice(text: impl Into<String>, ephemeral: bool) -> Out {
        Out {
            content: Some(text.into()),
            ephemeral,
            ..Out::default()
        }
    }

    /// Cuts everything to Discord's limits.
    pub fn fit(mut self) -> Out {
        self.content = self
            .content
            .map(|c| cut(&c, CONTENT_MAX))
            .filter(|c| !c.trim().is_empty());
        self.embeds.truncate(EMBEDS_MAX);
        let mut budget = EMBED_TOTAL_MAX;
        let mut fitted = Vec::new();
        for e in self.embeds {
            if budget == 0 {
                break;
            }
            let e = e.fit(budget);
            budget = budget.saturating_sub(e.total());
            if e.total() > 0 {
                fitted.push(e);
            }
        }
        self.embeds = fitted;
        self.rows = self
            .rows
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .filter(|b| len(&b.custom_id) <= CUSTOM_ID_MAX)
                    .filter(|b| b.label.is_some() || b.emoji.is_some())
                    .map(|mut b| {
                        b.label = b
                            .label
                            .map(|l| cut(&l, LABEL_MAX))
                            .filter(|l| !l.is_empty());
                        b
                    })
                    .take(ROW_MAX)
                    .collect::<Vec<_>>()
            })
            .filter(|row| !row.is_empty())
            .take(ROWS_MAX)
            .collect();
        if self.content.is_none() && self.embeds.is_empty() {
            self.content = Some("…".into());
        }
        self
    }

    fn components(&self) -> Vec<serenity::CreateActionRow> {
        self.rows
            .iter()
            .map(|row| {
                serenity::CreateActionRow::Buttons(
                    row.iter()
                        .map(|b| {
                            let mut c =
                                serenity::CreateButton::new(&b.custom_id).style(match b.style {
                                    Style::Primary => serenity::ButtonStyle::Primary,
                                    Style::Secondary => serenity::ButtonStyle::Secondary,
                                });
                            if let Some(l) = &b.label {
                                c = c.label(l);
                            }
                            if let Some(e) = &b.emoji {
                                c = c.emoji(serenity::ReactionType::Unicode(e.clone()));
                            }
                            c
                        })
                        .collect(),
                )
            })
            .collect()
    }

    /// For a slash command (poise).
    pub fn to_poise(&self) -> poise::CreateReply {
        let mut r = poise::CreateReply::default()
            .ephemeral(self.ephemeral)
            .allowed_mentions(no_mentions())
            .components(self.components());
        if let Some(c) = &self.content {
            r = r.content(c);
        }
        for e in &self.embeds {
            r = r.embed(e.to_serenity());
        }
        r
    }

    /// A channel message; with `reply_to`, a reply to that message (that does not ping its author).
    pub fn to_message(
        &self,
        reply_to: Option<(serenity::ChannelId, serenity::MessageId)>,
    ) -> serenity::CreateMessage {
        let mut m = serenity::CreateMessage::new()
            .allowed_mentions(no_mentions())
            .embeds(self.embeds.iter().map(Embed::to_serenity).collect());
        if !self.rows.is_empty() {
            m = m.components(self.components());
        }
        if let Some(c) = &self.content {
            m = m.content(c);
        }
        if let Some((channel, message)) = reply_to {
            m = m.reference_message(
                serenity::MessageReference::new(serenity::MessageReferenceKind::Default, channel)
                    .message_id(message)
                    .fail_if_not_exists(false),
            );
        }
        m
    }

    /// An interaction response message (buttons).
    pub fn to_interaction(&self) -> serenity::CreateInteractionResponseMessage {
        let mut m = serenity::CreateInteractionResponseMessage::new()
            .ephemeral(self.ephemeral)
            .allowed_mentions(no_mentions())
            .embeds(self.embeds.iter().map(Embed::to_serenity).collect());
        if !self.rows.is_empty() {
            m = m.components(self.components());
        }
        if let Some(c) = &self.content {
            m = m.content(c);
        }
        m
    }
}

/// What a button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show the brief's passage the answer rests on.
    Source,
    /// 👍
    Helpful,
    /// 👎
    NotHelpful,
    /// Answer this fact (a suggestion).
    Fact,
}

impl Action {
    fn code(self) -> &'static str {
        match self {
            Action::Source => "src",
            Action::Helpful => "up",
            Action::NotHelpful => "down",
            Action::Fact => "fact",
        }
    }
}

/// The custom id of a button: `attache:<action>:<fact>[:<key>]`.
pub fn custom_id(action: Action, fact: &str, key: Option<&str>) -> String {
    match key {
        Some(k) => format!("{CUSTOM_ID_PREFIX}:{}:{fact}:{k}", action.code()),
        None => format!("{CUSTOM_ID_PREFIX}:{}:{fact}", action.code()),
    }
}

/// Reads a custom id made by [`custom_id`]: the action, the fact and the key.
pub fn parse_custom_id(id: &str) -> Option<(Action, &str, Option<&str>)> {
    let mut parts = id.split(':');
    if parts.next()? != CUSTOM_ID_PREFIX {
        return None;
    }
    let action = match parts.next()? {
        "src" => Action::Source,
        "up" => Action::Helpful,
        "down" => Action::NotHelpful,
        "fact" => Action::Fact,
        _ => return None,
    };
    let fact = parts.next().filter(|f| !f.is_empty())?;
    let key = parts.next();
    Some((action, fact, key))
}

fn suggestion_buttons(suggestions: &[Suggestion], style: Style) -> Vec<Button> {
    suggestions
        .iter()
        .map(|s| Button {
            custom_id: custom_id(Action::Fact, &s.id, None),
            label: Some(s.title.clone()),
            emoji: None,
            style,
        })
        .collect()
}

/// The footer repeating the question.
pub fn question_footer(loc: &Locales, locale: &str, question: &str) -> Option<String> {
    let q = question.trim();
    if q.is_empty() {
        return None;
    }
    let q = cut(
        &q.split_whitespace().collect::<Vec<_>>().join(" "),
        FOOTER_QUESTION_MAX,
    );
    Some(loc.render_with(locale, "answer-footer", &[("question", q)]))
}

/// The message for a reply of the core: for an answer, the fact's title, the answer, the brief's
/// sentence(s) it rests on, buttons "Show source", 👍 and 👎, and related topics; for "did you mean"
/// and declines, the text with the suggestions as buttons. `key` ties the feedback buttons to the
/// question (see `Data::remember`).
pub fn reply_out(loc: &Locales, reply: &Reply, key: Option<&str>) -> Out {
    let locale = reply.locale.as_str();
    let footer = question_footer(loc, locale, &reply.question);
    match (reply.outcome, reply.fact.as_deref()) {
        (Outcome::Answer, Some(fact)) => {
            let label = loc.render(locale, "source-label", None);
            let fields = reply
                .source
                .iter()
                .map(|q| Field {
                    name: label.clone(),
                    value: format!("> “{q}”"),
                })
                .collect();
            let mut rows = vec![vec![
                Button {
                    custom_id: custom_id(Action::Source, fact, None),
                    label: Some(loc.render(locale, "button-source", None)),
                    emoji: None,
                    style: Style::Secondary,
                },
                Button {
                    custom_id: custom_id(Action::Helpful, fact, key),
                    label: None,
                    emoji: Some("👍".into()),
                    style: Style::Secondary,
                },
                Button {
                    custom_id: custom_id(Action::NotHelpful, fact, key),
                    label: None,
                    emoji: Some("👎".into()),
                    style: Style::Secondary,
                },
            ]];
            if !reply.suggestions.is_empty() {
                rows.push(suggestion_buttons(&reply.suggestions, Style::Secondary));
            }
            Out {
                content: None,
                embeds: vec![Embed {
                    title: reply.title.clone(),
                    description: Some(reply.text.clone()),
                    fields,
                    footer,
                }],
                rows,
                ephemeral: false,
            }
        }
        _ => {
            let rows = if reply.suggestions.is_empty() {
                vec![]
            } else {
                let style = if reply.outcome == Outcome::Suggest {
                    Style::Primary
                } else {
                    Style::Secondary
                };
                vec![suggestion_buttons(&reply.suggestions, style)]
            };
            Out {
                content: None,
                embeds: vec![Embed {
                    title: None,
                    description: Some(reply.text.clone()),
                    fields: vec![],
                    footer,
                }],
                rows,
                ephemeral: false,
            }
        }
    }
}

/// A reply for one fact, as if a question had matched it exactly (for `/facts show` and suggestion
/// buttons). `None` for an unknown id.
pub fn fact_reply(snap: &Snapshot, id: &str, locale: &str) -> Option<Reply> {
    let fact = snap.facts.get(id)?;
    let loc = &snap.locales;
    let locale = loc.negotiate(locale).to_string();
    let title = |i: &str| loc.render(&locale, &format!("fact-{i}-title"), None);
    Some(Reply {
        question: String::new(),
        outcome: Outcome::Answer,
        fact: Some(fact.id.clone()),
        score: 1.0,
        question_lang: locale.parse().unwrap_or(crate::lang::Lang::En),
        text: loc.render(&locale, &format!("fact-{id}"), None),
        title: Some(title(id)),
        source: fact.source.clone(),
        suggestions: fact
            .related
            .iter()
            .filter(|r| snap.facts.get(r).is_some())
            .take(crate::answer::MAX_SUGGESTIONS)
            .map(|r| Suggestion {
                id: r.clone(),
                title: title(r),
            })
            .collect(),
        locale,
    })
}

/// The brief's paragraph that holds `quote`, with the quote in bold; the quote alone when the brief
/// has no such paragraph.
pub fn passage(brief: &str, quote: &str) -> String {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let q = squeeze(quote);
    let para = brief.split("\n\n").map(squeeze).find(|p| p.contains(&q));
    match para {
        Some(p) => p.replacen(&q, &format!("**{q}**"), 1),
        None => format!("“{q}”"),
    }
}

/// "Show source": the passages of the brief an answer rests on, ephemeral.
pub fn source_out(snap: &Snapshot, locale: &str, fact: &str) -> Option<Out> {
    let f = snap.facts.get(fact)?;
    let loc = &snap.locales;
    let passages: Vec<String> = f
        .source
        .iter()
        .map(|q| passage(&snap.facts.brief, q))
        .collect();
    let mut unique: Vec<String> = Vec::new();
    for p in passages {
        if !unique.contains(&p) {
            unique.push(p);
        }
    }
    Some(Out {
        content: None,
        embeds: vec![Embed {
            title: Some(format!(
                "{} · {}",
                loc.render(locale, "source-label", None),
                loc.render(locale, &format!("fact-{fact}-title"), None)
            )),
            description: Some(unique.join("\n\n")),
            fields: vec![],
            footer: Some(loc.render(locale, "source-note", None)),
        }],
        rows: vec![],
        ephemeral: true,
    })
}

/// `/summary`: the short summary's key points in the description; the full one's sections as fields
/// (a section longer than a field goes on in the next field).
pub fn summary_out(s: &Summary, length: Length) -> Out {
    let bullets = |points: &[String]| {
        points
            .iter()
            .map(|p| format!("• {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let embed = match length {
        Length::Short => {
            let sec = s.sections.first();
            Embed {
                title: Some(s.title.clone()),
                description: sec.map(|sec| format!("{}\n{}", sec.heading, bullets(&sec.points))),
                fields: vec![],
                footer: None,
            }
        }
        Length::Full => {
            let mut fields = Vec::new();
            for sec in &s.sections {
                for (i, piece) in split(&bullets(&sec.points), FIELD_VALUE_MAX)
                    .into_iter()
                    .enumerate()
                {
                    fields.push(Field {
                        name: if i == 0 {
                            sec.heading.clone()
                        } else {
                            format!("{} (…)", sec.heading)
                        },
                        value: piece,
                    });
                }
            }
            Embed {
                title: Some(s.title.clone()),
                description: None,
                fields,
                footer: None,
            }
        }
    };
    Out {
        embeds: vec![embed],
        ..Out::default()
    }
}

/// `/facts list`: every topic with its id.
pub fn facts_out(snap: &Snapshot, locale: &str, show_command: &str) -> Out {
    let loc = &snap.locales;
    let mut lines = vec![loc.render(locale, "facts-intro", None)];
    for f in &snap.facts.facts {
        lines.push(format!(
            "• {} (`{}`)",
            loc.render(locale, &format!("fact-{}-title", f.id), None),
            f.id
        ));
    }
    Out {
        embeds: vec![Embed {
            title: Some(loc.render(locale, "facts-title", None)),
            description: Some(lines.join("\n")),
            fields: vec![],
            footer: Some(loc.render_with(
                locale,
                "facts-show-hint",
                &[("command", show_command.to_string())],
            )),
        }],
        ..Out::default()
    }
}

/// `/help`: what the bot does, its commands (`/name – description`, in the user's language) and how
/// to ask in channels.
pub fn help_out(
    loc: &Locales,
    locale: &str,
    commands: &[(String, String)],
    moderator_commands: &[(String, String)],
) -> Out {
    let list = |commands: &[(String, String)]| {
        commands
            .iter()
            .map(|(n, d)| format!("{n} – {d}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut fields = vec![Field {
        name: loc.render(locale, "help-commands", None),
        value: list(commands),
    }];
    if !moderator_commands.is_empty() {
        fields.push(Field {
            name: loc.render(locale, "help-moderator-commands", None),
            value: list(moderator_commands),
        });
    }
    fields.push(Field {
        name: "\u{200b}".into(),
        value: loc.render(locale, "help-channels", None),
    });
    Out {
        embeds: vec![Embed {
            title: Some(loc.render(locale, "help-title", None)),
            description: Some(format!(
                "{}\n\n{}",
                loc.render(locale, "help-intro", None),
                loc.render(locale, "help-outro", None)
            )),
            fields,
            footer: None,
        }],
        ephemeral: true,
        ..Out::default()
    }
}

/// The localized cooldown notice.
pub fn cooldown_text(loc: &Locales, locale: &str, seconds: u64) -> String {
    let mut args = FluentArgs::new();
    args.set("seconds", seconds as i64);
    loc.render(locale, "cooldown", Some(&args))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::answer::{answer, Hints};
    use serde_json::Value;

    fn snap() -> Snapshot {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        Snapshot::load(&dir.join("knowledge"), &dir.join("locales")).unwrap()
    }

    /// Checks every Discord limit on a serialized message, the way the e2e tests do.
    pub(crate) fn assert_within_limits(v: &Value) {
        let l = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
        assert!(l(&v["content"]) <= CONTENT_MAX, "content too long");
        let embeds = v["embeds"].as_array().cloned().unwrap_or_default();
        assert!(embeds.len() <= EMBEDS_MAX);
        let mut total = 0;
        for e in &embeds {
            assert!(l(&e["title"]) <= TITLE_MAX);
            assert!(l(&e["description"]) <= DESCRIPTION_MAX);
            assert!(l(&e["footer"]["text"]) <= FOOTER_MAX);
            total += l(&e["title"]) + l(&e["description"]) + l(&e["footer"]["text"]);
            let fields = e["fields"].as_array().cloned().unwrap_or_default();
            assert!(fields.len() <= FIELDS_MAX);
            for f in &fields {
                assert!((1..=FIELD_NAME_MAX).contains(&l(&f["name"])));
                assert!((1..=FIELD_VALUE_MAX).contains(&l(&f["value"])));
                total += l(&f["name"]) + l(&f["value"]);
            }
        }
        assert!(total <= EMBED_TOTAL_MAX, "embeds total {total}");
        assert_eq!(v["allowed_mentions"]["parse"], Value::Array(vec![]));
    }

    #[test]
    fn cut_and_split_respect_limits() {
        assert_eq!(cut("short", 10), "short");
        let c = cut("one two three four", 10);
        assert!(len(&c) <= 10 && c.ends_with('…'), "{c}");
        assert_eq!(cut("abcdef", 4), "abc…");
        // Characters outside the BMP count twice, and are never split.
        let e = cut(&"😀".repeat(10), 5);
        assert_eq!(e, "😀😀…");
        let long = "word ".repeat(1000);
        let parts = split(&long, 1024);
        assert!(parts.iter().all(|p| len(p) <= 1024));
        assert_eq!(parts.join(" ").split_whitespace().count(), 1000);
        let cjk = "布".repeat(3000);
        let parts = split(&cjk, 1024);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.concat(), cjk);
    }

    #[test]
    fn embeds_are_cut_to_every_limit() {
        let e = Embed {
            title: Some("t".repeat(300)),
            description: Some("d ".repeat(3000)),
            fields: (0..30)
                .map(|i| Field {
                    name: format!("n{i}"),
                    value: "v".repeat(2000),
                })
                .collect(),
            footer: Some("f".repeat(3000)),
        };
        let out = Out {
            embeds: vec![e],
            content: Some("c".repeat(2500)),
            ..Out::default()
        }
        .fit();
        let v = serde_json::to_value(out.to_message(None)).unwrap();
        assert_within_limits(&v);
        assert!(out.embeds[0].total() <= EMBED_TOTAL_MAX);
        assert!(out.embeds[0].fields.len() < 25);
    }

    #[test]
    fn custom_ids_round_trip() {
        let id = custom_id(Action::NotHelpful, "visit-dates", Some("1f"));
        assert_eq!(
            parse_custom_id(&id),
            Some((Action::NotHelpful, "visit-dates", Some("1f")))
        );
        assert_eq!(
            parse_custom_id("attache:src:aims"),
            Some((Action::Source, "aims", None))
        );
        assert_eq!(parse_custom_id("other:src:aims"), None);
        assert_eq!(parse_custom_id("attache:nope:aims"), None);
    }

    #[test]
    fn an_answer_has_source_buttons_and_no_mentions() {
        let s = snap();
        let f = s.facts.get("visit-dates").unwrap();
        let q = f.questions.values().next().unwrap()[0].clone();
        let r = answer(&s, &format!("@everyone <@&123> {q}"), &Hints::default());
        let r = if r.outcome == Outcome::Answer {
            r
        } else {
            fact_reply(&s, "visit-dates", "en-US").unwrap()
        };
        let out = reply_out(&s.locales, &r, Some("k1")).fit();
        let v = serde_json::to_value(out.to_message(None)).unwrap();
        assert_within_limits(&v);
        assert_eq!(v["allowed_mentions"]["users"], Value::Array(vec![]));
        assert_eq!(v["allowed_mentions"]["roles"], Value::Array(vec![]));
        assert_eq!(v["allowed_mentions"]["replied_user"], Value::Bool(false));
        let text = v.to_string();
        assert!(text.contains(&r.source[0].replace('"', "\\\"")), "{text}");
        let buttons = &v["components"][0]["components"];
        assert_eq!(buttons[0]["label"], "Show source");
        assert_eq!(buttons[1]["emoji"]["name"], "👍");
        assert_eq!(buttons[2]["emoji"]["name"], "👎");
        assert_eq!(
            buttons[2]["custom_id"],
            format!("attache:down:{}:k1", r.fact.as_deref().unwrap())
        );
    }

    #[test]
    fn a_decline_offers_suggestions_as_buttons() {
        let s = snap();
        let r = answer(
            &s,
            "what will the weather be on mars next week",
            &Hints::default(),
        );
        assert_eq!(r.outcome, Outcome::Decline);
        let out = reply_out(&s.locales, &r, None).fit();
        assert_eq!(out.rows[0].len(), r.suggestions.len());
        assert!(out.rows[0][0].custom_id.starts_with("attache:fact:"));
        let v = serde_json::to_value(out.to_interaction()).unwrap();
        assert_eq!(v["allowed_mentions"]["parse"], Value::Array(vec![]));
    }

    #[test]
    fn long_questions_are_cut_in_the_footer() {
        let s = snap();
        let q = "why ".repeat(1000);
        let f = question_footer(&s.locales, "en-US", &q).unwrap();
        assert!(len(&f) < 300 && f.contains('…'));
    }

    #[test]
    fn summaries_fit_in_every_locale() {
        let s = snap();
        for code in s.locales.codes() {
            for length in [Length::Short, Length::Full] {
                let sum = crate::summary::summary(&s, code, length);
                let out = summary_out(&sum, length).fit();
                let v = serde_json::to_value(out.to_message(None)).unwrap();
                assert_within_limits(&v);
                if length == Length::Full {
                    let n: usize = sum.sections.iter().map(|x| x.points.len()).sum();
                    let shown = v.to_string().matches('•').count();
                    assert_eq!(shown, n, "{code}: every point is shown");
                }
            }
        }
    }

    #[test]
    fn source_passages_bold_the_quote() {
        let p = passage(
            "First para.\n\nThe visit is set to\nhappen soon. More.",
            "set to happen",
        );
        assert_eq!(p, "The visit is **set to happen** soon. More.");
        let s = snap();
        let out = source_out(&s, "de", "visit-dates").unwrap().fit();
        assert!(out.ephemeral);
        assert!(out.embeds[0].description.as_ref().unwrap().contains("**"));
    }

    #[test]
    fn facts_and_help_fit() {
        let s = snap();
        for code in s.locales.codes() {
            let out = facts_out(&s, code, "/facts show").fit();
            assert_within_limits(&serde_json::to_value(out.to_message(None)).unwrap());
            let cmds = crate::discord::commands::command_lines(&s.locales, code);
            let mods = crate::discord::commands::moderator_lines(&s.locales, code);
            let out = help_out(&s.locales, code, &cmds, &[]).fit();
            assert_within_limits(&serde_json::to_value(out.to_message(None)).unwrap());
            assert_eq!(
                out.embeds[0].fields.len(),
                2,
                "members see no moderator section"
            );
            let out = help_out(&s.locales, code, &cmds, &mods).fit();
            assert_within_limits(&serde_json::to_value(out.to_message(None)).unwrap());
            let moderators = &out.embeds[0].fields[1];
            assert_eq!(
                moderators.name,
                s.locales.render(code, "help-moderator-commands", None)
            );
            for (name, _) in &mods {
                assert!(moderators.value.contains(name.as_str()), "{code}: {name}");
            }
        }
    }

    #[test]
    fn cooldown_notice_is_plural_aware() {
        let s = snap();
        assert!(cooldown_text(&s.locales, "en-US", 1).contains("1 second "));
        assert!(cooldown_text(&s.locales, "en-US", 4).contains("4 seconds"));
    }
}
