//! Turning folded text into the slots the index stores and the matcher compares.
//!
//! A slot is one unit of meaning that must be covered: a word (stop words dropped, stemmed, mapped to
//! its synonym group), or one character of Chinese or Japanese text. A CJK character is covered
//! fully when one of the character pairs it belongs to matches, and partly when only the character
//! itself does; this makes coverage independent of where words begin and end in unspaced text.

use super::index::FastMap;
use crate::knowledge::Synonyms;
use crate::lang::{to_simplified, Lang};
use crate::normalise::{fold, is_han, is_kana, token_refs, TokenRef, MAX_QUERY_TOKENS};
use rust_stemmers::Stemmer;
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::OnceLock;

/// How a slot was made; each class weighs differently because each carries a different amount of
/// meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A word of an alphabetic script.
    Word,
    /// A Han or katakana character.
    Cjk,
    /// A hiragana character: mostly grammar (particles, endings), though いつ and なぜ are words.
    Hiragana,
}

impl Class {
    /// The share of a slot's IDF weight that its class keeps.
    pub fn factor(self) -> f32 {
        match self {
            Class::Word | Class::Cjk => 1.0,
            Class::Hiragana => HIRAGANA_FACTOR,
        }
    }
}

/// Hiragana carries grammar far more often than content, so it weighs this share of a Han character.
pub const HIRAGANA_FACTOR: f32 = 0.3;

/// A CJK character matched alone (not as part of a matching pair) covers its slot this much: the
/// same character in another word often means something else (会 in 会见 "meet" and 会 "will").
pub const SINGLE_CHARACTER_COVER: f32 = 0.6;

/// Question words weigh this many times their IDF weight: they name the kind of answer wanted (when,
/// who, where, why), which is often all that separates two facts ("Wann findet der Besuch statt?"
/// from "Wo findet der Besuch statt?").
pub const QUESTION_WORD_BOOST: f32 = 2.0;

/// Question words of the Latin-script languages, folded. French "où" folds to "ou", the same as "or":
/// "where" is by far the more useful reading in a question.
const QUESTION_WORDS: &[&str] = &[
    "when", "who", "whom", "where", "why", "which", "how", "cuando", "quien", "quienes", "donde",
    "adonde", "porque", "cual", "ou", "cuales", "cuanto", "cuantos", "cuanta", "quand", "qui",
    "pourquoi", "quel", "quelle", "quels", "quelles", "combien", "wann", "wer", "wen", "wem", "wo",
    "wohin", "warum", "wieso", "weshalb", "welche", "welcher", "welches", "welchen",
];

/// Question words of Chinese and Japanese, as character pairs (Simplified).
const CJK_QUESTION_PAIRS: &[&str] = &[
    "时候", "何时", "哪天", "几号", "多久", "几天", "哪里", "哪儿", "去哪", "哪些", "为什", "为何",
    "何故", "いつ", "なぜ", "どこ", "だれ", "どな", "なた", "どう", "何日", "何故",
];

// Every entry is a pair: slots see two characters at a time.
const _: () = {
    let mut i = 0;
    while i < CJK_QUESTION_PAIRS.len() {
        assert!(
            CJK_QUESTION_PAIRS[i].len() == 6,
            "CJK question words are pairs of 3-byte characters"
        );
        i += 1;
    }
};

/// The bytes of a 6-byte pair as one number.
const fn pack_pair(b: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < 6 {
        k = (k << 8) | b[i] as u64;
        i += 1;
    }
    k
}

/// [`CJK_QUESTION_PAIRS`] as numbers: each slot's pairs are compared with all of them, and one
/// integer comparison each is far cheaper than a `memcmp` call each.
const QUESTION_PAIR_KEYS: [u64; CJK_QUESTION_PAIRS.len()] = {
    let mut keys = [0u64; CJK_QUESTION_PAIRS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = pack_pair(CJK_QUESTION_PAIRS[i].as_bytes());
        i += 1;
    }
    keys
};

/// True when a CJK pair (Simplified) is a question word.
pub fn is_question_pair(pair: &str) -> bool {
    pair.len() == 6 && QUESTION_PAIR_KEYS.contains(&pack_pair(pair.as_bytes()))
}

/// Question words of Chinese and Japanese that stand alone (those [`is_question_char`] is
/// tested against).
#[cfg(test)]
const CJK_QUESTION_CHARS: &str = "谁誰";

/// True for a Chinese or Japanese question word that stands alone (谁, 誰): `str::contains`
/// with a `char` pattern cost a sixth of making a CJK slot.
fn is_question_char(c: char) -> bool {
    matches!(c, '谁' | '誰')
}

/// One unit of a phrasing or a question that matching must cover.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// Index keys that cover this slot, with how fully each covers it. The first key decides the
    /// slot's weight.
    pub keys: Vec<(String, f32)>,
    /// The word as written (folded), for typo matching; the character for CJK slots.
    pub raw: String,
    /// How it was made.
    pub class: Class,
    /// A question word (see [`QUESTION_WORD_BOOST`]).
    pub question: bool,
}

/// Words that carry no meaning for matching in any of the Latin-script languages. Question words
/// (when, who, wann, quand, cuándo...) are deliberately absent: they tell facts apart. So is German
/// "war" (was): English "war" matters more; nor English "but", which is French for "aim".
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
    "dont",
    "doesnt",
    "u",
    "ur",
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

/// Casual spellings folded to the word they stand for before anything else.
const WORD_ALIASES: &[(&str, &str)] = &[
    ("whos", "who"),
    ("whats", "what"),
    ("wheres", "where"),
    ("whens", "when"),
    ("hows", "how"),
    ("whys", "why"),
    ("wat", "what"),
    ("waht", "what"),
    ("teh", "the"),
    ("hte", "the"),
    ("adn", "and"),
    ("wut", "what"),
    ("yr", "year"),
    ("yrs", "years"),
    ("govt", "government"),
    ("prez", "president"),
    ("sec", "secretary"),
];

/// Characters that are grammar, not content, in Chinese and Japanese; they make no slots.
const STOP_CJK: &str = "的了吗嗎呢吧啊是在有和与與及这這那个個么麼也都就我你他她它们們请請嘛哦呀のはがをにでともかねよへや";

/// What [`WORD_ALIASES`] folds `w` to, if anything. A map: a scan of the list for every word of
/// every phrasing compared strings of the same length one after the other, as did the scan of
/// [`QUESTION_WORDS`] ([`is_question_word`]); the two were a tenth of analysing Latin text.
fn word_alias(w: &str) -> Option<&'static str> {
    type Map = FastMap<&'static str, &'static str>;
    static MAP: OnceLock<Map> = OnceLock::new();
    // The first entry of a word listed twice wins, as in the scan.
    let map = MAP.get_or_init(|| {
        let mut m = Map::default();
        for &(from, to) in WORD_ALIASES.iter().rev() {
            m.insert(from, to);
        }
        m
    });
    map.get(w).copied()
}

/// True for a word of [`QUESTION_WORDS`].
fn is_question_word(w: &str) -> bool {
    type Set = std::collections::HashSet<
        &'static str,
        std::hash::BuildHasherDefault<super::index::FxHasher>,
    >;
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| QUESTION_WORDS.iter().copied().collect())
        .contains(w)
}

fn is_stop_word(w: &str) -> bool {
    static SET: OnceLock<
        std::collections::HashSet<
            &'static str,
            std::hash::BuildHasherDefault<super::index::FxHasher>,
        >,
    > = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
        .contains(w)
}

/// A thread's stem cache holds at most this many words per language before it is emptied: a
/// serving bot reads words from anyone, and must not grow without bound.
const STEM_CACHE_MAX: usize = 1 << 16;

thread_local! {
    /// Stems already computed on this thread, per language (by [`Lang::bit`] position). The same
    /// few thousand words recur in every phrasing and question, and a Snowball stem costs far
    /// more than a hash lookup.
    static STEMS: RefCell<Vec<FastMap<Box<str>, Box<str>>>> = const { RefCell::new(Vec::new()) };
}

/// The Snowball stem of `word` in `lang`, or the word itself for languages without a stemmer.
pub fn stem(lang: Lang, word: &str) -> String {
    with_stem(lang, word, str::to_string)
}

/// Calls `f` with [`stem`]`(lang, word)`, borrowed from the thread's cache: the index builder
/// interns stems without a `String` each. `f` must not stem (the cache is borrowed meanwhile).
pub(crate) fn with_stem<R>(lang: Lang, word: &str, f: impl FnOnce(&str) -> R) -> R {
    if lang.stemmer().is_none() {
        return f(word);
    }
    let slot = lang.bit().trailing_zeros() as usize;
    STEMS.with(|cell| {
        let mut caches = cell.borrow_mut();
        if caches.len() <= slot {
            caches.resize_with(slot + 1, FastMap::default);
        }
        let cache = &mut caches[slot];
        if let Some(s) = cache.get(word) {
            return f(s);
        }
        let s = stem_uncached(lang, word);
        if cache.len() >= STEM_CACHE_MAX {
            cache.clear();
        }
        cache.insert(word.into(), s.as_str().into());
        f(&s)
    })
}

fn stem_uncached(lang: Lang, word: &str) -> String {
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

/// Analyses text written in `lang` into slots, in order.
pub fn analyse(text: &str, lang: Lang, synonyms: &Synonyms) -> Vec<Slot> {
    analyse_folded(&fold(text), lang, synonyms)
}

/// Receives the slots of an analysis in order, with their keys as borrowed text (see [`Slot`]
/// for what each part means): the index builder interns keys without a `String` per key (a CJK
/// character's slot was five allocations).
pub(crate) trait SlotSink {
    /// One slot.
    fn slot(&mut self, keys: &[(&str, f32)], raw: &str, class: Class, question: bool);
}

impl SlotSink for Vec<Slot> {
    fn slot(&mut self, keys: &[(&str, f32)], raw: &str, class: Class, question: bool) {
        self.push(Slot {
            keys: keys.iter().map(|&(k, c)| (k.to_string(), c)).collect(),
            raw: raw.to_string(),
            class,
            question,
        });
    }
}

/// [`analyse`] for text already folded. At most [`MAX_QUERY_TOKENS`] words and character pairs are read.
pub fn analyse_folded(folded: &str, lang: Lang, synonyms: &Synonyms) -> Vec<Slot> {
    let simplified = simplify(folded);
    // At most a slot per word or CJK character: sized once instead of grown.
    let mut slots = Vec::with_capacity(
        simplified
            .split_whitespace()
            .map(|w| if w.is_ascii() { 1 } else { w.chars().count() })
            .sum::<usize>()
            .min(2 * MAX_QUERY_TOKENS),
    );
    analyse_simplified(&simplified, lang, synonyms, &mut slots);
    slots
}

/// [`analyse_folded`], giving the slots to `sink` instead of collecting them.
pub(crate) fn analyse_into(
    folded: &str,
    lang: Lang,
    synonyms: &Synonyms,
    sink: &mut impl SlotSink,
) {
    analyse_simplified(&simplify(folded), lang, synonyms, sink);
}

/// Folded text with its CJK characters in their Simplified form. Only CJK characters have one:
/// ASCII text (most phrasings) is kept as it is.
fn simplify(folded: &str) -> Cow<'_, str> {
    if folded.is_ascii() {
        Cow::Borrowed(folded)
    } else {
        let mut s = String::with_capacity(folded.len());
        s.extend(folded.chars().map(to_simplified));
        Cow::Owned(s)
    }
}

fn analyse_simplified<S: SlotSink>(
    simplified: &str,
    lang: Lang,
    synonyms: &Synonyms,
    sink: &mut S,
) {
    let stem_lang = if lang.stemmer().is_some() {
        lang
    } else {
        Lang::En
    };
    if simplified.is_ascii() {
        // No CJK characters: the tokens are the words, found without `token_refs`' search for
        // CJK characters in every word (a fifth of analysing a Latin-script phrasing).
        for w in ascii_words(simplified).take(MAX_QUERY_TOKENS) {
            word_slot(w, stem_lang, synonyms, sink);
        }
        return;
    }
    // Sized once: a run has at most as many characters as the text has bytes (it grew from
    // empty in every CJK phrasing, a few reallocations each).
    let mut run: Vec<char> = Vec::with_capacity(simplified.len());
    let flush = |run: &mut Vec<char>, sink: &mut S| {
        if !run.is_empty() {
            cjk_slots(run, synonyms, sink);
            run.clear();
        }
    };
    for token in token_refs(simplified).take(MAX_QUERY_TOKENS) {
        match token {
            TokenRef::Word(w) => {
                flush(&mut run, sink);
                word_slot(w, stem_lang, synonyms, sink);
            }
            TokenRef::Gram(a, b) => {
                // Pairs overlap: rebuild the run of characters they came from.
                match b {
                    Some(b) if run.last() == Some(&a) => run.push(b),
                    _ => {
                        flush(&mut run, sink);
                        run.push(a);
                        run.extend(b);
                    }
                }
            }
        }
    }
    flush(&mut run, sink);
}

/// The words of ASCII text, as [`token_refs`] gives them: split at what `char::is_whitespace`
/// calls white space in ASCII.
fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| matches!(c, ' ' | '\t'..='\r'))
        .filter(|w| !w.is_empty())
}

/// The slot of a word (none for a stop word or a single letter).
fn word_slot(w: &str, stem_lang: Lang, synonyms: &Synonyms, sink: &mut impl SlotSink) {
    let w: &str = word_alias(w).unwrap_or(w);
    if is_stop_word(w) || (w.chars().count() < 2 && !w.chars().all(|c| c.is_ascii_digit())) {
        return;
    }
    let question = is_question_word(w);
    with_stem(stem_lang, w, |stemmed| {
        match synonyms.group_of(w).or_else(|| synonyms.group_of(stemmed)) {
            Some(group) => sink.slot(&[(group, 1.0), (stemmed, 1.0)], w, Class::Word, question),
            None => sink.slot(&[(stemmed, 1.0)], w, Class::Word, question),
        }
    });
}

/// True for a character of [`STOP_CJK`]: a bisection in its sorted characters, several times
/// cheaper than searching the string for every character of every CJK phrasing.
fn is_stop_cjk(c: char) -> bool {
    static SORTED: OnceLock<Vec<char>> = OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut v: Vec<char> = STOP_CJK.chars().collect();
            v.sort_unstable();
            v
        })
        .binary_search(&c)
        .is_ok()
}

/// One slot per content character of a CJK run, covered by the pairs around it or by itself.
fn cjk_slots(run: &[char], synonyms: &Synonyms, sink: &mut impl SlotSink) {
    // The run as text, each character and each pair of neighbours a slice of it: a pair covers
    // the characters on both sides of it, and is now made, checked for a synonym group and for
    // a question word once instead of once per character (and with no UTF-8 validation).
    let mut text = String::with_capacity(run.len() * 4);
    let mut starts = Vec::with_capacity(run.len() + 1);
    for &c in run {
        starts.push(text.len());
        text.push(c);
    }
    starts.push(text.len());
    let pairs: Vec<(&str, Option<&str>, bool)> = (0..run.len().saturating_sub(1))
        .map(|j| {
            let p = &text[starts[j]..starts[j + 2]];
            (p, synonyms.group_of(p), is_question_pair(p))
        })
        .collect();
    for (i, &c) in run.iter().enumerate() {
        if is_stop_cjk(c) {
            continue;
        }
        let class = if is_kana(c) && !('\u{30a0}'..='\u{30ff}').contains(&c) {
            Class::Hiragana
        } else if is_han(c) || is_kana(c) {
            Class::Cjk
        } else {
            continue;
        };
        let own = &text[starts[i]..starts[i + 1]];
        // Borrowed, not copied: copying the 40-byte tuples stalled on store forwarding (a
        // quarter of the samples of this function).
        let before = i.checked_sub(1).map(|j| &pairs[j]);
        let after = pairs.get(i);
        // The character, then each pair preceded by its synonym group, if any.
        let mut keys: [(&str, f32); 5] = [("", 0.0); 5];
        keys[0] = (own, SINGLE_CHARACTER_COVER);
        let mut n = 1;
        let mut question = is_question_char(c);
        for &(p, group, is_question) in [before, after].into_iter().flatten() {
            question |= is_question;
            if let Some(group) = group {
                keys[n] = (group, 1.0);
                n += 1;
            }
            keys[n] = (p, 1.0);
            n += 1;
        }
        sink.slot(&keys[..n], own, class, question);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_keys(text: &str, lang: Lang) -> Vec<String> {
        analyse(text, lang, &Synonyms::default())
            .into_iter()
            .map(|s| s.keys.last().unwrap().0.clone())
            .collect()
    }

    #[test]
    fn stop_words_go_and_words_are_stemmed() {
        assert_eq!(
            first_keys("When is Blinken visiting China?", Lang::En),
            ["when", "blinken", "visit", "china"]
        );
        assert_eq!(
            first_keys("Wann besucht Blinken China?", Lang::De),
            ["wann", "besucht", "blink", "china"]
        );
    }

    #[test]
    fn question_words_stay_and_casual_spellings_fold() {
        assert!(first_keys("Who is he meeting?", Lang::En).contains(&"who".to_string()));
        assert!(first_keys("Quand a lieu la visite ?", Lang::Fr).contains(&"quand".to_string()));
        assert_eq!(first_keys("whos going", Lang::En), ["who", "go"]);
    }

    #[test]
    fn cjk_characters_are_slots_covered_by_their_pairs() {
        let slots = analyse("访问是哪天", Lang::ZhCn, &Synonyms::default());
        let raws: Vec<&str> = slots.iter().map(|s| s.raw.as_str()).collect();
        assert_eq!(
            raws,
            ["访", "问", "哪", "天"],
            "是 is grammar and makes no slot"
        );
        let keys: Vec<&str> = slots[1].keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["问", "访问", "问是"]);
        assert_eq!(slots[1].keys[0].1, SINGLE_CHARACTER_COVER);
    }

    #[test]
    fn question_pairs_are_those_listed() {
        let mut chars: Vec<char> = CJK_QUESTION_PAIRS
            .iter()
            .flat_map(|p| p.chars())
            .chain("的了谁誰a1é😀".chars())
            .collect();
        chars.sort_unstable();
        chars.dedup();
        let mut found = 0;
        for &a in &chars {
            for &b in &chars {
                let pair = format!("{a}{b}");
                assert_eq!(
                    is_question_pair(&pair),
                    CJK_QUESTION_PAIRS.contains(&pair.as_str()),
                    "{pair}"
                );
                found += usize::from(is_question_pair(&pair));
            }
        }
        assert_eq!(found, CJK_QUESTION_PAIRS.len() - 1, "何故 is listed twice");
        for text in ["", "时", "ab", "abcdef", "时候时", "时候\0"] {
            assert!(!is_question_pair(text), "{text}");
        }
    }

    #[test]
    fn stop_characters_are_found_by_bisection() {
        for c in STOP_CJK.chars() {
            assert!(is_stop_cjk(c), "{c}");
        }
        for c in "访问中国ブリンケンいつ谁a".chars() {
            assert_eq!(is_stop_cjk(c), STOP_CJK.contains(c), "{c}");
        }
    }

    /// The text of two characters, in `buf` (as `cjk_slots` made each pair before).
    fn pair_str_reference(buf: &mut [u8; 8], a: char, b: char) -> &str {
        let n = a.encode_utf8(&mut buf[..]).len();
        let m = b.encode_utf8(&mut buf[n..]).len();
        std::str::from_utf8(&buf[..n + m]).expect("two characters are UTF-8")
    }

    /// `cjk_slots` as it was: each pair made and looked up for each character it covers.
    fn cjk_slots_reference(run: &[char], synonyms: &Synonyms, sink: &mut impl SlotSink) {
        for (i, &c) in run.iter().enumerate() {
            if is_stop_cjk(c) {
                continue;
            }
            let class = if is_kana(c) && !('\u{30a0}'..='\u{30ff}').contains(&c) {
                Class::Hiragana
            } else if is_han(c) || is_kana(c) {
                Class::Cjk
            } else {
                continue;
            };
            let mut char_buf = [0u8; 4];
            let own = &*c.encode_utf8(&mut char_buf);
            let (mut before_buf, mut after_buf) = ([0u8; 8], [0u8; 8]);
            let before = i
                .checked_sub(1)
                .map(|j| pair_str_reference(&mut before_buf, run[j], c));
            let after = run
                .get(i + 1)
                .map(|&n| pair_str_reference(&mut after_buf, c, n));
            let mut keys: [(&str, f32); 5] = [("", 0.0); 5];
            keys[0] = (own, SINGLE_CHARACTER_COVER);
            let mut n = 1;
            let mut question = CJK_QUESTION_CHARS.contains(c);
            for p in [before, after].into_iter().flatten() {
                question |= is_question_pair(p);
                if let Some(group) = synonyms.group_of(p) {
                    keys[n] = (group, 1.0);
                    n += 1;
                }
                keys[n] = (p, 1.0);
                n += 1;
            }
            sink.slot(&keys[..n], own, class, question);
        }
    }

    /// The CJK runs of a text as `analyse_simplified` hands them to `cjk_slots`.
    fn cjk_runs(text: &str) -> Vec<Vec<char>> {
        let simplified = simplify(&fold(text)).into_owned();
        let mut runs: Vec<Vec<char>> = vec![];
        let mut run: Vec<char> = vec![];
        for token in token_refs(&simplified) {
            match token {
                TokenRef::Word(_) => runs.push(std::mem::take(&mut run)),
                TokenRef::Gram(a, b) => match b {
                    Some(b) if run.last() == Some(&a) => run.push(b),
                    _ => {
                        runs.push(std::mem::take(&mut run));
                        run.push(a);
                        run.extend(b);
                    }
                },
            }
        }
        runs.push(run);
        runs.retain(|r| !r.is_empty());
        runs
    }

    /// Pairs made once per run give the slots of pairs made per character, on every CJK phrasing
    /// of the real base and of a synthetic one, with the real synonyms (CJK pairs among them) and
    /// with groups for some pairs of the text itself.
    #[test]
    fn cjk_slots_are_those_of_the_reference() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (_dir, s) = crate::synth::generate_for_test(60);
        let real = crate::knowledge::load_dir(&root.join("knowledge")).expect("the real base");
        let synth = crate::knowledge::load_dir(&s.knowledge).expect("the synthetic base");
        let texts: Vec<&String> = [&real, &synth]
            .iter()
            .flat_map(|b| &b.facts)
            .flat_map(|f| f.questions.values().flatten())
            .collect();
        let mut own_groups = vec![vec!["访问".to_string(), "会谈".to_string()]];
        for t in texts.iter().step_by(97) {
            let chars: Vec<char> = simplify(&fold(t))
                .chars()
                .filter(|&c| crate::normalise::is_cjk(c))
                .collect();
            if chars.len() >= 4 {
                own_groups.push(vec![
                    chars[0..2].iter().collect(),
                    chars[2..4].iter().collect(),
                ]);
            }
        }
        let own = Synonyms::from_groups(&own_groups);
        assert!(own.groups() > 10, "{}", own.groups());
        let mut runs_seen = 0;
        for synonyms in [&real.synonyms, &own, &Synonyms::default()] {
            for text in texts
                .iter()
                .map(|t| t.as_str())
                .chain(["谁", "な", "访问谁 问", "か。た"])
            {
                for run in cjk_runs(text) {
                    let (mut fast, mut slow): (Vec<Slot>, Vec<Slot>) = (vec![], vec![]);
                    cjk_slots(&run, synonyms, &mut fast);
                    cjk_slots_reference(&run, synonyms, &mut slow);
                    assert_eq!(fast, slow, "{text:?}");
                    runs_seen += 1;
                }
            }
        }
        assert!(runs_seen > 1000, "{runs_seen}");
    }

    /// The maps of aliases and question words answer as the scans of their lists, for every
    /// word of the lists, of the real base's phrasings and of some near misses.
    #[test]
    fn word_maps_are_the_list_scans() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let real = crate::knowledge::load_dir(&root.join("knowledge")).expect("the real base");
        let folded: Vec<String> = real
            .facts
            .iter()
            .flat_map(|f| f.questions.values().flatten())
            .map(|p| fold(p))
            .collect();
        let mut words: Vec<String> = folded
            .iter()
            .flat_map(|p| p.split_whitespace())
            .map(str::to_string)
            .collect();
        for w in QUESTION_WORDS
            .iter()
            .chain(WORD_ALIASES.iter().flat_map(|(a, b)| [a, b]))
            .chain(STOP_WORDS)
        {
            words.extend([
                w.to_string(),
                format!("{w}s"),
                w[1..].to_string(),
                w.to_uppercase(),
            ]);
        }
        words.extend(["".to_string(), "访问".to_string()]);
        let (mut aliases, mut questions) = (0, 0);
        for w in &words {
            let want = WORD_ALIASES
                .iter()
                .find(|(from, _)| *from == w.as_str())
                .map(|(_, to)| *to);
            assert_eq!(word_alias(w), want, "{w}");
            assert_eq!(
                is_question_word(w),
                QUESTION_WORDS.contains(&w.as_str()),
                "{w}"
            );
            aliases += usize::from(want.is_some());
            questions += usize::from(is_question_word(w));
        }
        assert!(
            aliases >= WORD_ALIASES.len() && questions > QUESTION_WORDS.len(),
            "{aliases} {questions}"
        );
    }

    #[test]
    fn question_chars_are_those_listed() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            assert_eq!(is_question_char(c), CJK_QUESTION_CHARS.contains(c), "{c}");
        }
    }

    /// ASCII text's words are its tokens, white space of every kind included, and its slots
    /// those of the general path, on every phrasing of the real and of a synthetic base.
    #[test]
    fn ascii_words_are_the_tokens() {
        for text in [
            "",
            " ",
            "a",
            "when is  the visit",
            " lead\ttab\nnl\x0bvt\x0cff\rcr end ",
            "\x1c\x1funit sep\x1f",
            "x-y_z 12 3",
        ] {
            let want: Vec<&str> = token_refs(text)
                .map(|t| match t {
                    TokenRef::Word(w) => w,
                    TokenRef::Gram(..) => unreachable!("ASCII has no CJK"),
                })
                .collect();
            assert_eq!(ascii_words(text).collect::<Vec<_>>(), want, "{text:?}");
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (_dir, s) = crate::synth::generate_for_test(40);
        let real = crate::knowledge::load_dir(&root.join("knowledge")).expect("the real base");
        let synth = crate::knowledge::load_dir(&s.knowledge).expect("the synthetic base");
        let long = "word ".repeat(3 * MAX_QUERY_TOKENS);
        let mut seen = 0;
        for base in [&real, &synth] {
            for (&lang, phrasings) in base.facts.iter().flat_map(|f| &f.questions) {
                for p in phrasings.iter().map(String::as_str).chain([long.as_str()]) {
                    let folded = fold(p);
                    if !folded.is_ascii() {
                        continue;
                    }
                    let mut general = vec![];
                    analyse_general(&folded, lang, &base.synonyms, &mut general);
                    assert_eq!(
                        analyse_folded(&folded, lang, &base.synonyms),
                        general,
                        "{p}"
                    );
                    seen += 1;
                }
            }
        }
        assert!(seen > 500, "{seen}");
    }

    /// `analyse_simplified`'s path for text with CJK characters, taken by any text.
    fn analyse_general(simplified: &str, lang: Lang, synonyms: &Synonyms, sink: &mut Vec<Slot>) {
        let stem_lang = if lang.stemmer().is_some() {
            lang
        } else {
            Lang::En
        };
        for token in token_refs(simplified).take(MAX_QUERY_TOKENS) {
            match token {
                TokenRef::Word(w) => word_slot(w, stem_lang, synonyms, sink),
                TokenRef::Gram(..) => unreachable!("ASCII text"),
            }
        }
    }

    #[test]
    fn traditional_and_simplified_read_the_same() {
        let a = analyse("訪問是哪天", Lang::ZhTw, &Synonyms::default());
        let b = analyse("访问是哪天", Lang::ZhCn, &Synonyms::default());
        assert_eq!(a, b);
    }

    #[test]
    fn hiragana_weighs_less_than_kanji_and_katakana() {
        let slots = analyse("ブリンケンはいつ", Lang::Ja, &Synonyms::default());
        assert!(slots.iter().any(|s| s.raw == "ブ" && s.class == Class::Cjk));
        assert!(slots
            .iter()
            .any(|s| s.raw == "い" && s.class == Class::Hiragana));
        assert!(
            !slots.iter().any(|s| s.raw == "は"),
            "particles make no slot"
        );
    }

    #[test]
    fn question_words_are_marked_in_every_script() {
        let q = |text: &str, lang| -> Vec<String> {
            analyse(text, lang, &Synonyms::default())
                .into_iter()
                .filter(|s| s.question)
                .map(|s| s.raw)
                .collect()
        };
        assert_eq!(q("Wann findet der Besuch statt?", Lang::De), ["wann"]);
        assert_eq!(q("¿Cuándo es la visita?", Lang::Es), ["cuando"]);
        assert_eq!(q("なぜ行くのですか", Lang::Ja), ["な", "ぜ"]);
        assert_eq!(q("访问是什么时候", Lang::ZhCn), ["时", "候"]);
        assert_eq!(q("他见谁", Lang::ZhCn), ["谁"]);
    }

    #[test]
    fn synonyms_add_their_group_key_first() {
        let syn = Synonyms::from_groups(&[vec![
            "relations".into(),
            "beziehungen".into(),
            "关系".into(),
        ]]);
        let slots = analyse("Beziehungen", Lang::De, &syn);
        assert_eq!(slots[0].keys[0].0, "=relations");
        let slots = analyse("美中关系", Lang::ZhCn, &syn);
        assert!(slots
            .iter()
            .any(|s| s.keys.iter().any(|(k, _)| k == "=relations")));
    }
}
