//! Turning folded text into the terms the index stores and the matcher compares: stemmed words
//! without stop words, CJK character pairs, and single Han characters.

use crate::lang::{to_simplified, Lang};
use crate::normalise::{fold, is_han, is_kana, tokens, Token, MAX_QUERY_TOKENS};
use rust_stemmers::Stemmer;
use std::sync::OnceLock;

/// How a term was made; each class weighs differently because each carries a different amount of
/// meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A word of an alphabetic script.
    Word,
    /// A pair of CJK characters with at least one Han or katakana character.
    Pair,
    /// A pair of hiragana only: mostly grammar (です, ます, のは).
    KanaPair,
    /// A single Han character.
    Han,
}

impl Class {
    /// The share of a term's IDF weight that its class keeps.
    ///
    /// Single Han characters are ambiguous on their own and overlap the pairs they come from, so they
    /// count half; hiragana pairs are mostly particles and endings.
    pub fn factor(self) -> f32 {
        match self {
            Class::Word | Class::Pair => 1.0,
            Class::Han => 0.5,
            Class::KanaPair => 0.3,
        }
    }
}

/// A term of a phrasing or a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The key looked up in the index: a stem, a character pair or a character.
    pub key: String,
    /// The word as written (folded), for words; equal to `key` otherwise.
    pub raw: String,
    /// How it was made.
    pub class: Class,
}

/// Words that carry no meaning for matching in any of the Latin-script languages. Question words
/// (when, who, wann, quand, cuándo...) are deliberately absent: they tell facts apart.
const STOP_WORDS: &[&str] = &[
    // English
    "a",
    "an",
    "the",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "do",
    "does",
    "did",
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "as",
    "and",
    "or",
    "but",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "he",
    "she",
    "they",
    "them",
    "his",
    "her",
    "their",
    "i",
    "me",
    "my",
    "you",
    "your",
    "we",
    "our",
    "can",
    "could",
    "would",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "please",
    "tell",
    "know",
    "just",
    "so",
    "very",
    "really",
    "also",
    "then",
    "than",
    "has",
    "have",
    "had",
    "hey",
    "hi",
    "hello",
    "ok",
    "okay",
    "s",
    "t",
    "any",
    "some",
    "thing",
    "things",
    "about",
    "actually",
    "exactly",
    "kind",
    "sort",
    "explain",
    "let",
    "lets",
    "wonder",
    "wondering",
    "curious",
    "want",
    "d",
    "ll",
    "re",
    "ve",
    "m",
    "anyone",
    "someone",
    "pls",
    "plz",
    "im",
    "whats",
    "whos",
    "wheres",
    "hows",
    "dont",
    "doesnt",
    // Spanish
    "el",
    "la",
    "los",
    "las",
    "un",
    "una",
    "unos",
    "unas",
    "del",
    "al",
    "y",
    "o",
    "es",
    "son",
    "ser",
    "fue",
    "era",
    "esta",
    "estan",
    "esto",
    "este",
    "ese",
    "esa",
    "se",
    "su",
    "sus",
    "le",
    "les",
    "lo",
    "me",
    "te",
    "nos",
    "por",
    "para",
    "con",
    "muy",
    "mas",
    "ya",
    "hay",
    "puedes",
    "puede",
    "podrias",
    "dime",
    "decir",
    "sabes",
    "favor",
    "usted",
    "tu",
    "mi",
    "yo",
    "que",
    // French
    "le",
    "les",
    "l",
    "une",
    "des",
    "de",
    "du",
    "au",
    "aux",
    "et",
    "ou",
    "en",
    "est",
    "sont",
    "etre",
    "c",
    "ce",
    "cet",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "sa",
    "son",
    "ses",
    "leur",
    "leurs",
    "qu",
    "ne",
    "pas",
    "par",
    "avec",
    "dans",
    "sur",
    "tres",
    "vous",
    "je",
    "moi",
    "nous",
    "peux",
    "pouvez",
    "dire",
    "dis",
    "savez",
    "sais",
    "plait",
    "svp",
    "donc",
    "alors",
    "j",
    "n",
    // German
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einen",
    "einem",
    "einer",
    "ist",
    "sind",
    "war",
    "waren",
    "sein",
    "hat",
    "haben",
    "und",
    "oder",
    "zu",
    "von",
    "im",
    "am",
    "an",
    "auf",
    "aus",
    "es",
    "er",
    "sie",
    "ihr",
    "ich",
    "du",
    "wir",
    "mir",
    "mich",
    "sich",
    "nicht",
    "noch",
    "auch",
    "schon",
    "sehr",
    "bitte",
    "kannst",
    "konnen",
    "konnten",
    "sagen",
    "sag",
    "weisst",
    "wissen",
    "mal",
    "denn",
    "doch",
    "eigentlich",
    "gibt",
    "geht",
];

/// Han characters that are grammar, not content; they make no single-character terms.
const STOP_HAN: &str = "的了吗嗎呢吧啊是在有和与與及这這那个個么麼也都就我你他她它们們请請吗嘛哦呀";

fn is_stop_word(w: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
        .contains(w)
}

/// The Snowball stem of `word` in `lang`, or the word itself for languages without a stemmer.
pub fn stem(lang: Lang, word: &str) -> String {
    static STEMMERS: OnceLock<Vec<(Lang, Stemmer)>> = OnceLock::new();
    let stemmers = STEMMERS.get_or_init(|| {
        Lang::ALL
            .iter()
            .filter_map(|&l| l.stemmer().map(|a| (l, Stemmer::create(a))))
            .collect()
    });
    match stemmers.iter().find(|(l, _)| *l == lang) {
        Some((_, s)) => s.stem(word).into_owned(),
        None => word.to_string(),
    }
}

/// Analyses text written in `lang` into terms, in order, at most [`MAX_QUERY_TOKENS`] words and pairs.
pub fn analyse(text: &str, lang: Lang) -> Vec<Term> {
    analyse_folded(&fold(text), lang)
}

/// [`analyse`] for text already folded.
pub fn analyse_folded(folded: &str, lang: Lang) -> Vec<Term> {
    let simplified: String = folded.chars().map(to_simplified).collect();
    let stem_lang = if lang.stemmer().is_some() {
        lang
    } else {
        Lang::En
    };
    let mut terms = Vec::new();
    for token in tokens(&simplified).into_iter().take(MAX_QUERY_TOKENS) {
        match token {
            Token::Word(w) => {
                if is_stop_word(&w)
                    || (w.chars().count() < 2 && !w.chars().all(|c| c.is_ascii_digit()))
                {
                    continue;
                }
                terms.push(Term {
                    key: stem(stem_lang, &w),
                    raw: w,
                    class: Class::Word,
                });
            }
            Token::Gram(g) => {
                let class = if g
                    .chars()
                    .all(|c| is_kana(c) && !('\u{30a0}'..='\u{30ff}').contains(&c))
                {
                    Class::KanaPair
                } else {
                    Class::Pair
                };
                terms.push(Term {
                    key: g.clone(),
                    raw: g,
                    class,
                });
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for c in simplified.chars() {
        if is_han(c) && !STOP_HAN.contains(c) && seen.insert(c) {
            terms.push(Term {
                key: c.to_string(),
                raw: c.to_string(),
                class: Class::Han,
            });
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, lang: Lang) -> Vec<String> {
        analyse(text, lang).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn stop_words_go_and_words_are_stemmed() {
        assert_eq!(
            keys("When is Blinken visiting China?", Lang::En),
            ["when", "blinken", "visit", "china"]
        );
        assert_eq!(
            keys("Wann besucht Blinken China?", Lang::De),
            ["wann", "besucht", "blink", "china"]
        );
    }

    #[test]
    fn question_words_stay() {
        assert!(keys("Who is he meeting?", Lang::En).contains(&"who".to_string()));
        assert!(keys("Quand a lieu la visite ?", Lang::Fr).contains(&"quand".to_string()));
    }

    #[test]
    fn cjk_gives_pairs_and_content_characters_in_one_form() {
        let zh_tw = keys("訪問是哪天", Lang::ZhTw);
        let zh_cn = keys("访问是哪天", Lang::ZhCn);
        assert_eq!(zh_tw, zh_cn);
        assert!(zh_cn.contains(&"访问".to_string()));
        assert!(zh_cn.contains(&"访".to_string()));
        assert!(
            !zh_cn.contains(&"是".to_string()),
            "grammar characters make no single terms"
        );
    }

    #[test]
    fn hiragana_pairs_are_marked_as_grammar() {
        let terms = analyse("いつですか", Lang::Ja);
        assert!(terms.iter().all(|t| t.class == Class::KanaPair));
        let terms = analyse("ブリンケン", Lang::Ja);
        assert!(terms.iter().all(|t| t.class == Class::Pair));
    }
}
