//! `/summary length:(short|full)`.

use super::super::reply::summary_out;
use super::super::{Context, Error};
use crate::summary::{summary as compose, Length};

/// The length choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum LengthChoice {
    /// Key points.
    #[name = "short"]
    Short,
    /// Every topic.
    #[name = "full"]
    Full,
}

impl From<LengthChoice> for Length {
    fn from(c: LengthChoice) -> Length {
        match c {
            LengthChoice::Short => Length::Short,
            LengthChoice::Full => Length::Full,
        }
    }
}

/// A summary of the visit
#[poise::command(slash_command)]
pub async fn summary(ctx: Context<'_>, length: Option<LengthChoice>) -> Result<(), Error> {
    let data = ctx.data();
    let locale = data.ui_locale(ctx.author().id.get(), ctx.locale());
    let length: Length = length.unwrap_or(LengthChoice::Short).into();
    let s = compose(&data.engine.snapshot(), &locale, length);
    ctx.send(summary_out(&s, length).fit().to_poise()).await?;
    Ok(())
}
