//! Text normalisation: the one place where raw user text becomes something the matcher can compare.
//!
//! `question -> cap -> fold -> tokens`. Folding is Unicode NFKC (full-width forms become ASCII),
//! lower case, Latin accents removed (`é -> e`, `ß -> ss`), punctuation turned into spaces, and a
//! few multi-word names collapsed into one token (`united states -> us`). Tokens are words for
//! alphabetic scripts and character pairs for Chinese and Japanese, which have no spaces.

use std::sync::OnceLock;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Questions longer than this many characters are cut before any matching.
///
/// Levenshtein is O(n·m); capping keeps a 4000-character message as cheap as a short one.
/// 500 characters is about five long sentences, more than any real question.
pub const MAX_QUESTION_CHARS: usize = 500;

/// At most this many tokens of a question are scored (a cap on top of the character cap, for CJK text
/// where every character pair is a token).
pub const MAX_QUERY_TOKENS: usize = 64;

/// Multi-word names and abbreviations folded to one token, applied to folded text on word boundaries.
/// Left: folded words; right: the token they become.
const PHRASE_ALIASES: &[(&str, &str)] = &[
    ("united states of america", "us"),
    ("united states", "us"),
    ("u s a", "us"),
    ("u s", "us"),
    ("usa", "us"),
    ("estados unidos", "us"),
    ("ee uu", "us"),
    ("eeuu", "us"),
    ("etats unis", "us"),
    ("vereinigten staaten", "us"),
    ("vereinigte staaten", "us"),
    ("anthony", "antony"),
    ("por que", "porque"),
    ("por qué", "porque"),
];

/// Cuts `text` to at most [`MAX_QUESTION_CHARS`] characters, on a character boundary.
pub fn cap(text: &str) -> &str {
    match text.char_indices().nth(MAX_QUESTION_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// The writing system a piece of text is mostly in, as far as matching and language detection care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters (and anything else alphabetic).
    Latin,
    /// Chinese characters with no kana.
    Han,
    /// Japanese: at least one hiragana or katakana character.
    Kana,
    /// No letters at all.
    None,
}

/// True for Chinese characters (CJK unified ideographs and their extensions).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// True for hiragana and katakana (including the long-vowel mark and half-width forms after NFKC).
pub fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x309F | 0x30A0..=0x30FF | 0x31F0..=0x31FF)
}

/// True for characters that are matched as character pairs rather than words.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_kana(c)
}

/// The script of `text`: kana anywhere means Japanese; otherwise Han if there are more Han
/// characters than Latin letters.
pub fn script_of(text: &str) -> Script {
    if text.is_ascii() {
        // No kana nor Han; the alphabetic characters are the ASCII letters.
        return if text.bytes().any(|b| b.is_ascii_alphabetic()) {
            Script::Latin
        } else {
            Script::None
        };
    }
    let (mut han, mut kana, mut latin) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if is_kana(c) {
            kana += 1;
        } else if is_han(c) {
            han += 1;
        } else if c.is_alphabetic() {
            latin += 1;
        }
    }
    if kana > 0 {
        Script::Kana
    } else if han > 0 && han * 2 >= latin.min(han * 4) {
        Script::Han
    } else if latin > 0 {
        Script::Latin
    } else if han > 0 {
        Script::Han
    } else {
        Script::None
    }
}

/// Folds text for comparison: NFKC, lower case, Latin accents off, punctuation to spaces,
/// white space collapsed, and [`PHRASE_ALIASES`] applied. CJK characters are kept as they are.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        // NFKC leaves ASCII as it is, and its lower case is one character: skip the normaliser,
        // most of the cost of folding an English question or phrasing.
        push_folded_ascii(&mut out, text);
    } else if text.chars().all(|c| nfkc_alone(c).is_some()) {
        // Characters NFKC maps one by one (CJK text with full-width punctuation, accented
        // Latin): without the normaliser, or its check.
        push_lowered(&mut out, text.chars().filter_map(nfkc_alone));
    } else if unicode_normalization::is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        // Already in NFKC (most CJK and accented text): the normaliser would give the same
        // characters back, at several times the cost of this check.
        push_lowered(&mut out, text.chars());
    } else {
        push_lowered(&mut out, text.nfkc());
    }
    // Folding leaves no white space but single spaces. Most text has no word that could start
    // an alias: its words joined by single spaces are then `out` without a leading or trailing
    // space, with no `Vec` of words and no second `String`.
    if !any_word_may_start_alias(&out) {
        if out.ends_with(' ') {
            out.pop();
        }
        if out.starts_with(' ') {
            out.remove(0);
        }
        return out;
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    apply_aliases(&words)
}

/// The first bytes of [`PHRASE_ALIASES`]' patterns.
const ALIAS_FIRST_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < PHRASE_ALIASES.len() {
        t[PHRASE_ALIASES[i].0.as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

/// `text.split(' ').any(may_start_alias)`, looking at a word only when its first byte starts
/// some alias: splitting every folded phrasing into words was a sixth of folding.
fn any_word_may_start_alias(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut start = 0;
    loop {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(bytes.len(), |p| start + p);
        if bytes
            .get(start)
            .is_some_and(|&b| ALIAS_FIRST_BYTES[b as usize])
            && may_start_alias(&text[start..end])
        {
            return true;
        }
        if end == bytes.len() {
            return false;
        }
        start = end + 1;
    }
}

/// True when `word` is the first word of some [`PHRASE_ALIASES`] pattern (the test
/// [`apply_aliases`] starts with); the first byte rules out most words without comparing strings.
fn may_start_alias(word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    PHRASE_ALIASES.iter().any(|(from, _)| {
        from.as_bytes()[0] == first
            && from.starts_with(word)
            && (from.len() == word.len() || from.as_bytes()[word.len()] == b' ')
    })
}

/// The NFKC form of `c` when it is one character that no neighbour changes (`c` composes with
/// nothing and nothing composes with it), else `None`: ASCII, Latin-1 letters, CJK ideographs,
/// kana, the ideographic space, comma and full stop, and full-width ASCII (`？` is `?`). Text
/// made of these alone is in NFKC once each is replaced; most CJK phrasings are such text, but
/// their full-width punctuation sent them through the normaliser.
fn nfkc_alone(c: char) -> Option<char> {
    match c as u32 {
        0..=0x7f | 0xc0..=0xff | 0x3001 | 0x3002 => Some(c),
        0x3041..=0x3096 | 0x30a1..=0x30fa | 0x30fc | 0x4e00..=0x9fff => Some(c),
        0x3000 => Some(' '),
        0xff01..=0xff5e => char::from_u32(c as u32 - 0xfee0),
        _ => None,
    }
}

/// [`push_folded`] of each character of ASCII `text`, lower-cased, into `out` (empty or ASCII):
/// no character is CJK, so none needs a space before it, and no look back at the last character
/// pushed is needed.
fn push_folded_ascii(out: &mut String, text: &str) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b.to_ascii_lowercase()));
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
}

/// Pushes CJK character `c`. CJK characters stand alone so that runs are easy to find; spaces
/// are added around them only where they meet Latin text.
fn push_cjk(out: &mut String, c: char) {
    if out
        .chars()
        .last()
        .is_some_and(|p| !is_cjk(p) && p.is_alphanumeric())
    {
        out.push(' ');
    }
    out.push(c);
}

fn push_folded(out: &mut String, c: char) {
    if c.is_alphanumeric() {
        if (c as u32) < 0x250 && !c.is_ascii() {
            match c {
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ø' => out.push('o'),
                'đ' => out.push('d'),
                'ł' => out.push('l'),
                _ => {
                    // Decompose and keep only the base letters: é -> e, ñ -> n, ü -> u.
                    for d in std::iter::once(c).nfd() {
                        if !('\u{300}'..='\u{36f}').contains(&d) {
                            out.push(d);
                        }
                    }
                }
            }
        } else if is_cjk(c) {
            push_cjk(out, c);
        } else {
            if out.chars().last().is_some_and(is_cjk) {
                out.push(' ');
            }
            out.push(c);
        }
    } else if c == '\u{30fc}' {
        // The katakana long-vowel mark is part of a word (ケーキ), not punctuation.
        out.push(c);
    } else if !out.ends_with(' ') {
        out.push(' ');
    }
}

/// Pushes `chars` lower-cased and folded ([`push_folded`]).
///
/// Most non-ASCII characters of phrasings are CJK letters or accented Latin letters, for which
/// `to_lowercase`, `is_alphanumeric` (two searches of Unicode tables) and, for accents, a
/// decomposition iterator were most of folding: they take the shortcuts of [`is_cjk_letter`] and
/// [`latin_folded`] instead, which give exactly what `push_folded` would.
fn push_lowered(out: &mut String, chars: impl Iterator<Item = char>) {
    for c in chars {
        if c.is_ascii() {
            // `push_folded` for ASCII: only a CJK character just before needs looking at.
            let c = c.to_ascii_lowercase();
            if c.is_ascii_alphanumeric() {
                if out.as_bytes().last().is_some_and(|&b| b >= 0x80)
                    && out.chars().last().is_some_and(is_cjk)
                {
                    out.push(' ');
                }
                out.push(c);
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        if is_cjk_letter(c) {
            push_cjk(out, c);
            continue;
        }
        if let Some(folded) = latin_folded(c) {
            out.push_str(folded);
            continue;
        }
        for lc in c.to_lowercase() {
            push_folded(out, lc);
        }
    }
}

/// True for the CJK characters that are letters and their own lower case (the common ideographs,
/// hiragana and katakana letters): `push_folded` takes its CJK branch for them.
fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32,
        0x4e00..=0x9fff | 0x3041..=0x3096 | 0x309d..=0x309f | 0x30a1..=0x30fa | 0x30fc..=0x30ff)
}

/// What [`push_lowered`] pushes for a non-ASCII character below U+0250 whose lower case is one
/// letter of that range (`É`, `é`, `ß`), which is then the same whatever precedes it; `None` for
/// any other character. Made once from `push_folded` itself.
fn latin_folded(c: char) -> Option<&'static str> {
    static TABLE: OnceLock<Vec<Option<Box<str>>>> = OnceLock::new();
    let i = (c as u32).checked_sub(0x80)? as usize;
    TABLE
        .get_or_init(|| {
            (0x80..0x250u32)
                .map(|u| {
                    let c = char::from_u32(u)?;
                    let mut lower = c.to_lowercase();
                    let lc = lower.next()?;
                    if lower.next().is_some()
                        || lc.is_ascii()
                        || (lc as u32) >= 0x250
                        || !lc.is_alphanumeric()
                    {
                        return None;
                    }
                    let mut out = String::new();
                    push_folded(&mut out, lc);
                    Some(out.into_boxed_str())
                })
                .collect()
        })
        .get(i)?
        .as_deref()
}

fn apply_aliases(words: &[&str]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    let mut i = 0;
    'words: while i < words.len() {
        let w = words[i];
        for (from, to) in PHRASE_ALIASES {
            // Most words start no alias: check the first word before splitting the alias.
            let starts =
                from.starts_with(w) && (from.len() == w.len() || from.as_bytes()[w.len()] == b' ');
            if !starts {
                continue;
            }
            let n = from.split(' ').count();
            if i + n <= words.len() && from.split(' ').zip(&words[i..i + n]).all(|(a, b)| a == *b) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(to);
                i += n;
                continue 'words;
            }
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(words[i]);
        i += 1;
    }
    out
}

/// One unit of comparison: a word, or a pair of CJK characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Token {
    /// A word of an alphabetic script, folded.
    Word(String),
    /// Two adjacent CJK characters (or one, when it stands alone).
    Gram(String),
}

impl Token {
    /// The token's text.
    pub fn as_str(&self) -> &str {
        match self {
            Token::Word(s) | Token::Gram(s) => s,
        }
    }
}

/// Splits folded text into words and CJK character pairs, in order. Runs of CJK characters give
/// their overlapping pairs; a lone CJK character gives itself.
pub fn tokens(folded: &str) -> Vec<Token> {
    token_refs(folded)
        .map(|t| match t {
            TokenRef::Word(w) => Token::Word(w.to_string()),
            TokenRef::Gram(a, b) => Token::Gram(std::iter::once(a).chain(b).collect()),
        })
        .collect()
}

/// A [`Token`] borrowed from the folded text: a word as a slice, a pair (or a lone character) as
/// characters. Analysing a question or a phrasing reads every token once, so allocating a `String`
/// per token (and a `Vec<char>` per word) was a large share of analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRef<'a> {
    /// A word of an alphabetic script, folded.
    Word(&'a str),
    /// Two adjacent CJK characters, or one standing alone (`None` second).
    Gram(char, Option<char>),
}

/// The tokens of [`tokens`], in the same order, without allocating.
pub fn token_refs(folded: &str) -> TokenRefs<'_> {
    TokenRefs {
        pieces: folded.split_whitespace(),
        rest: "",
        prev_cjk: None,
    }
}

/// Iterator of [`token_refs`].
#[derive(Debug, Clone)]
pub struct TokenRefs<'a> {
    pieces: std::str::SplitWhitespace<'a>,
    /// What is left of the current piece.
    rest: &'a str,
    /// The last character of the CJK pair just given, while its run goes on.
    prev_cjk: Option<char>,
}

impl<'a> Iterator for TokenRefs<'a> {
    type Item = TokenRef<'a>;

    fn next(&mut self) -> Option<TokenRef<'a>> {
        loop {
            if let Some(p) = self.prev_cjk {
                match self.rest.chars().next() {
                    Some(c) if is_cjk(c) => {
                        self.rest = &self.rest[c.len_utf8()..];
                        self.prev_cjk = Some(c);
                        return Some(TokenRef::Gram(p, Some(c)));
                    }
                    _ => self.prev_cjk = None,
                }
            }
            let Some(c) = self.rest.chars().next() else {
                self.rest = self.pieces.next()?;
                continue;
            };
            if is_cjk(c) {
                let after = &self.rest[c.len_utf8()..];
                match after.chars().next() {
                    Some(n) if is_cjk(n) => {
                        self.rest = &after[n.len_utf8()..];
                        self.prev_cjk = Some(n);
                        return Some(TokenRef::Gram(c, Some(n)));
                    }
                    _ => {
                        self.rest = after;
                        return Some(TokenRef::Gram(c, None));
                    }
                }
            }
            let end = self
                .rest
                .char_indices()
                .find(|&(_, c)| is_cjk(c))
                .map_or(self.rest.len(), |(i, _)| i);
            let (word, rest) = self.rest.split_at(end);
            self.rest = rest;
            return Some(TokenRef::Word(word));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII loop gives what `push_folded` does for every ASCII character, alone and between
    /// letters, digits, spaces and punctuation.
    #[test]
    fn ascii_folding_is_push_folded() {
        let slow = |text: &str| {
            let mut out = String::new();
            for c in text.chars() {
                push_folded(&mut out, c.to_ascii_lowercase());
            }
            out
        };
        for b in 0u8..128 {
            let c = char::from(b);
            for around in ["", "a", "Z", "7", " ", "?", "  ", "-x-"] {
                for text in [
                    format!("{c}"),
                    format!("{around}{c}{around}"),
                    format!("{c}{around}{c}"),
                ] {
                    let mut fast = String::new();
                    push_folded_ascii(&mut fast, &text);
                    assert_eq!(fast, slow(&text), "{text:?}");
                }
            }
        }
        let mut fast = String::new();
        push_folded_ascii(&mut fast, "When is Blinken's VISIT to China?  (2024)");
        assert_eq!(fast, slow("When is Blinken's VISIT to China?  (2024)"));
    }

    /// `push_lowered` as it was: every non-ASCII character lower-cased and given to
    /// `push_folded`.
    fn push_lowered_reference(out: &mut String, chars: impl Iterator<Item = char>) {
        for c in chars {
            for lc in c.to_lowercase() {
                push_folded(out, lc);
            }
        }
    }

    /// The shortcuts of `push_lowered` give what `push_folded` does, for every character that
    /// takes one, after anything (nothing, a space, Latin, digits, CJK) and before anything.
    #[test]
    fn lowered_shortcuts_are_push_folded() {
        let befores = ["", " ", "a", "7", "é", "访", "か", "ー", "a访"];
        let afters = ["", " ", "b", "访", "é", "？"];
        let mut taken = 0;
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            if !c.is_ascii() && !is_cjk_letter(c) && latin_folded(c).is_none() {
                continue;
            }
            taken += 1;
            for before in befores {
                for after in afters {
                    let text = format!("{before}{c}{after}");
                    let (mut fast, mut slow) = (String::new(), String::new());
                    push_lowered(&mut fast, text.chars());
                    push_lowered_reference(&mut slow, text.chars());
                    assert_eq!(fast, slow, "{text:?}");
                }
            }
        }
        assert!(taken > 20_000, "{taken}");
        assert_eq!(latin_folded('É'), Some("e"));
        assert_eq!(latin_folded('ß'), Some("ss"));
        assert_eq!(latin_folded('¿'), None, "not a letter");
        assert_eq!(latin_folded('İ'), None, "two characters in lower case");
        assert_eq!(latin_folded('ɐ'), None, "not below U+0250");
        // Whole phrasings of every language, folded both ways.
        for text in [
            "¿Cuándo VISITA Blinken China?",
            "Qui est le secrétaire d'État ?",
            "Wann ist der Besuch? Straße ÄÖÜ",
            "布林肯什么时候访问中国？",
            "ブリンケンはいつ中国を訪問しますか？",
            "訪問China是哪天",
            "Øresund Łódź Đakovo Œuvre",
        ] {
            let (mut fast, mut slow) = (String::new(), String::new());
            push_lowered(&mut fast, text.chars());
            push_lowered_reference(&mut slow, text.chars());
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    /// The byte scan for words that may start an alias is the split it replaces, on edge cases
    /// and on every phrasing of the real base, folded.
    #[test]
    fn alias_scan_is_the_split() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let real = crate::knowledge::load_dir(&root.join("knowledge")).expect("the real base");
        let mut texts: Vec<String> = [
            "",
            " ",
            "  ",
            "u",
            "us",
            "u s",
            "x u",
            "x  united",
            "unit",
            "por",
            "porque",
            "e",
            " ee",
            "访 usa",
            "a b c",
            "vereinigte",
            "anthonyx",
            "xanthony",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.extend(
            real.facts
                .iter()
                .flat_map(|f| f.questions.values().flatten())
                .map(|p| fold(p)),
        );
        let mut found = 0;
        for t in &texts {
            let want = t.split(' ').any(may_start_alias);
            assert_eq!(any_word_may_start_alias(t), want, "{t:?}");
            found += usize::from(want);
        }
        assert!(found > 0 && found < texts.len(), "{found}");
    }

    #[test]
    fn cap_cuts_on_characters_not_bytes() {
        let long = "访".repeat(MAX_QUESTION_CHARS + 10);
        assert_eq!(cap(&long).chars().count(), MAX_QUESTION_CHARS);
        assert_eq!(cap("short"), "short");
    }

    #[test]
    fn fold_removes_case_accents_punctuation_and_width() {
        assert_eq!(
            fold("¿Cuándo VISITA Blinken China?"),
            "cuando visita blinken china"
        );
        assert_eq!(
            fold("Wann ist der Besuch? Straße"),
            "wann ist der besuch strasse"
        );
        assert_eq!(fold("ＢＬＩＮＫＥＮ？"), "blinken");
        assert_eq!(
            fold("Qui est le secrétaire d'État ?"),
            "qui est le secretaire d etat"
        );
    }

    /// `nfkc_alone` is what the normaliser does, for each such character alone and next to any
    /// other of them or to a combining mark.
    #[test]
    fn characters_normalised_alone_are_what_nfkc_makes() {
        let alone: Vec<char> = (0..=0x10ffffu32)
            .filter_map(char::from_u32)
            .filter(|&c| nfkc_alone(c).is_some())
            .collect();
        let nfkc = |s: &str| s.nfkc().collect::<String>();
        let mapped = |s: &str| s.chars().filter_map(nfkc_alone).collect::<String>();
        for &c in &alone {
            for s in [
                c.to_string(),
                format!("a{c}"),
                format!("{c}a"),
                format!("か{c}"),
                format!("{c}か"),
                format!("{c}？{c}"),
            ] {
                assert_eq!(mapped(&s), nfkc(&s), "{s:?}");
            }
        }
        // Every pair of a sample of them (about 350).
        let sample: Vec<char> = alone.iter().copied().step_by(61).collect();
        for &a in &sample {
            for &b in &sample {
                let s = format!("{a}{b}");
                assert_eq!(mapped(&s), nfkc(&s), "{s:?}");
            }
        }
        // A combining mark is not alone: text with one takes the normaliser.
        assert_eq!(nfkc_alone('\u{3099}'), None);
        assert_eq!(nfkc_alone('\u{301}'), None);
        assert_eq!(fold("か\u{3099}？"), "が");
        assert_eq!(fold("e\u{301}ｔｅ"), "ete");
    }

    /// Text with no alias skips `apply_aliases`: the same words, joined by single spaces.
    #[test]
    fn fold_without_aliases_is_its_words_joined() {
        for (text, want) in [
            ("", ""),
            ("?!", ""),
            ("  ¿Cuándo?  ", "cuando"),
            ("...Blinken, visit!", "blinken visit"),
            ("访问China?", "访问 china"),
            ("China访问。", "china 访问"),
            ("「ブリンケン」はいつ？", "ブリンケン はいつ"),
            ("Who visits the United States?", "who visits the us"),
            ("por qué viene", "porque viene"),
            ("usa? u.s.a!", "us us"),
        ] {
            let folded = fold(text);
            assert_eq!(folded, want, "{text:?}");
            let words: Vec<&str> = folded.split_whitespace().collect();
            assert_eq!(folded, apply_aliases(&words), "{text:?}");
        }
    }

    #[test]
    fn fold_keeps_japanese_voiced_kana() {
        // Stripping combining marks must not turn が into か.
        assert_eq!(fold("ブリンケンが"), "ブリンケンが");
    }

    #[test]
    fn aliases_collapse_country_names() {
        assert_eq!(fold("visit the United States"), "visit the us");
        assert_eq!(fold("U.S. policy"), "us policy");
        assert_eq!(fold("Anthony Blinken"), "antony blinken");
        assert_eq!(fold("Anthony"), "antony");
        assert_eq!(fold("los Estados Unidos"), "los us");
    }

    #[test]
    fn tokens_are_words_and_cjk_pairs() {
        let t = tokens(&fold("访问日期 Blinken?"));
        assert_eq!(
            t,
            vec![
                Token::Gram("访问".into()),
                Token::Gram("问日".into()),
                Token::Gram("日期".into()),
                Token::Word("blinken".into()),
            ]
        );
        assert_eq!(tokens("谁"), vec![Token::Gram("谁".into())]);
    }

    /// The tokenizer before [`token_refs`], which `tokens` must still agree with.
    fn tokens_reference(folded: &str) -> Vec<Token> {
        let mut out = Vec::new();
        for piece in folded.split_whitespace() {
            let chars: Vec<char> = piece.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                if is_cjk(chars[i]) {
                    let start = i;
                    while i < chars.len() && is_cjk(chars[i]) {
                        i += 1;
                    }
                    let run = &chars[start..i];
                    if run.len() == 1 {
                        out.push(Token::Gram(run[0].to_string()));
                    } else {
                        for pair in run.windows(2) {
                            out.push(Token::Gram(pair.iter().collect()));
                        }
                    }
                } else {
                    let start = i;
                    while i < chars.len() && !is_cjk(chars[i]) {
                        i += 1;
                    }
                    out.push(Token::Word(chars[start..i].iter().collect()));
                }
            }
        }
        out
    }

    #[test]
    fn token_refs_agree_with_the_reference() {
        for text in [
            "",
            "   ",
            "访问日期 blinken",
            "谁",
            "a访b问题c 访 访问 问题",
            "ブリンケンはいつ来ますか x",
            "abc访问def日期gh 期 x谁y",
            "訪問中国 2024年6月18日",
        ] {
            let folded = fold(text);
            assert_eq!(tokens(&folded), tokens_reference(&folded), "{text}");
        }
    }

    #[test]
    fn script_is_told_by_characters() {
        assert_eq!(script_of("訪問はいつですか"), Script::Kana);
        assert_eq!(script_of("访问日期是什么时候"), Script::Han);
        assert_eq!(script_of("When is the visit"), Script::Latin);
        assert_eq!(script_of("布林肯 Blinken 什么时候来"), Script::Han);
        assert_eq!(script_of("???"), Script::None);
    }
}
