//! `/language locale:`: a user's answer language, kept in the database across restarts.

use super::super::reply::Out;
use super::super::{Context, Error};
use crate::i18n::Locales;
use crate::store::Store;

/// The choices: automatic, or one of the seven locales (labelled with each language's own name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum LocaleChoice {
    /// The language of each question.
    #[name = "auto"]
    Auto,
    /// English.
    #[name = "en-US"]
    EnUs,
    /// Simplified Chinese.
    #[name = "zh-CN"]
    ZhCn,
    /// Traditional Chinese.
    #[name = "zh-TW"]
    ZhTw,
    /// Spanish.
    #[name = "es-ES"]
    EsEs,
    /// French.
    #[name = "fr"]
    Fr,
    /// German.
    #[name = "de"]
    De,
    /// Japanese.
    #[name = "ja"]
    Ja,
}

impl LocaleChoice {
    /// The locale code; `None` for automatic.
    pub fn code(self) -> Option<&'static str> {
        use poise::ChoiceParameter;
        match self {
            LocaleChoice::Auto => None,
            other => Some(other.name()),
        }
    }
}

/// Saves the choice and says so in the chosen language (or, for automatic, the user's).
pub fn apply(
    store: &Store,
    loc: &Locales,
    user: u64,
    choice: LocaleChoice,
    discord_locale: &str,
) -> anyhow::Result<String> {
    match choice.code() {
        Some(code) => {
            let code = loc.negotiate(code).to_string();
            store.set_user_locale(user, Some(&code))?;
            let name = loc.render(&code, "language-name", None);
            Ok(loc.render_with(&code, "lang-set", &[("language", name)]))
        }
        None => {
            store.set_user_locale(user, None)?;
            Ok(loc.render(loc.negotiate(discord_locale), "lang-reset", None))
        }
    }
}

/// Choose the language of my answers
#[poise::command(slash_command)]
pub async fn language(ctx: Context<'_>, locale: LocaleChoice) -> Result<(), Error> {
    let data = ctx.data();
    let snap = data.engine.snapshot();
    let text = apply(
        &data.store,
        &snap.locales,
        ctx.author().id.get(),
        locale,
        ctx.locale().unwrap_or(crate::i18n::SOURCE_LOCALE),
    )?;
    ctx.send(Out::notice(text, true).fit().to_poise()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_is_kept_and_confirmed_in_that_language() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let s =
            crate::engine::Snapshot::load(&dir.join("knowledge"), &dir.join("locales")).unwrap();
        let store = Store::open_in_memory().unwrap();
        let t = apply(&store, &s.locales, 7, LocaleChoice::De, "en-US").unwrap();
        assert!(t.contains("Deutsch"), "{t}");
        assert_eq!(store.user_locale(7).unwrap().as_deref(), Some("de"));
        apply(&store, &s.locales, 7, LocaleChoice::Auto, "fr").unwrap();
        assert_eq!(store.user_locale(7).unwrap(), None);
    }
}
