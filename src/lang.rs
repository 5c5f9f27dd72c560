//! The languages attache understands, and telling which one a question is written in.
//!
//! Chinese and Japanese are told by script first: kana means Japanese; Han characters are Simplified
//! or Traditional by counting characters that exist in only one of the two forms. Latin-script
//! languages are told by their function words and accents, helped by the fact base's own phrasings
//! (a word that only Spanish phrasings use is evidence for Spanish).

use crate::normalise::{is_han, script_of, Script};
use std::fmt;
use std::str::FromStr;

/// A language of questions (and, through [`Lang::locale`], of answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// German.
    De,
    /// Chinese, Simplified characters.
    ZhCn,
    /// Chinese, Traditional characters.
    ZhTw,
    /// Japanese.
    Ja,
}

impl Lang {
    /// Every supported language, English first.
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::Es,
        Lang::Fr,
        Lang::De,
        Lang::ZhCn,
        Lang::ZhTw,
        Lang::Ja,
    ];

    /// The code used in fact files and evaluation sets (`en`, `zh-CN`, ...).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::Ja => "ja",
        }
    }

    /// The Discord locale answers in this language use (`en-US`, `es-ES`, `fr`, ...).
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::Es => "es-ES",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::Ja => "ja",
        }
    }

    /// A bit of its own, for sets of languages.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// The Latin-script languages, whose words are stemmed.
    pub fn stemmer(self) -> Option<rust_stemmers::Algorithm> {
        use rust_stemmers::Algorithm;
        match self {
            Lang::En => Some(Algorithm::English),
            Lang::Es => Some(Algorithm::Spanish),
            Lang::Fr => Some(Algorithm::French),
            Lang::De => Some(Algorithm::German),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An unknown language code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}` (expected one of en, es, fr, de, zh-CN, zh-TW, ja)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Accepts question codes (`en`, `zh-CN`) and locales (`en-US`, `es-419`, `zh-Hant`), case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase().replace('_', "-");
        let primary = lower.split('-').next().unwrap_or("");
        Ok(match primary {
            "en" => Lang::En,
            "es" => Lang::Es,
            "fr" => Lang::Fr,
            "de" => Lang::De,
            "ja" => Lang::Ja,
            "zh" => {
                let traditional = ["tw", "hk", "mo", "hant"];
                if lower.split('-').skip(1).any(|p| traditional.contains(&p)) {
                    Lang::ZhTw
                } else {
                    Lang::ZhCn
                }
            }
            _ => return Err(UnknownLang(s.to_string())),
        })
    }
}

/// The result of language detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    /// The most likely language.
    pub lang: Lang,
    /// True when the evidence is clear (script, or several words); false for a bare name or a guess.
    pub confident: bool,
}

/// Pairs of Simplified and Traditional forms of common characters, in the same order; only characters
/// whose form differs (台 and 面, written in Taiwan too, are left out so they do not vote).
const SIMPLIFIED: &str = "访问国会这么时对关选总统湾为说与见员长级务领导达来东亚战争军两边红线协发开话沟题区际举连届习党产们气门电车书买卖语认识让谁该还进过运动应样间实现将从众价观变吗里后几华顿谈讨论结响诉计划确冲紧张缓恶历内压难义极势胁预测经济贸韩岛欧罗马乌兰报闻业节钟钱饭热温专学写读听师乐脑网络页图馆医药体态愿并虽却仅尽够岁龄阳广场厅团队赛胜负输赢龙鸟鱼汤饺烧儿";
const TRADITIONAL: &str = "訪問國會這麼時對關選總統灣為說與見員長級務領導達來東亞戰爭軍兩邊紅線協發開話溝題區際舉連屆習黨產們氣門電車書買賣語認識讓誰該還進過運動應樣間實現將從眾價觀變嗎裡後幾華頓談討論結響訴計劃確衝緊張緩惡歷內壓難義極勢脅預測經濟貿韓島歐羅馬烏蘭報聞業節鐘錢飯熱溫專學寫讀聽師樂腦網絡頁圖館醫藥體態願並雖卻僅盡夠歲齡陽廣場廳團隊賽勝負輸贏龍鳥魚湯餃燒兒";

/// Function words that mark a Latin-script language; accents are already folded.
const MARKERS: &[(Lang, &[&str])] = &[
    (
        Lang::En,
        &[
            "the",
            "is",
            "are",
            "was",
            "were",
            "what",
            "when",
            "who",
            "whom",
            "where",
            "why",
            "how",
            "which",
            "does",
            "do",
            "did",
            "will",
            "would",
            "can",
            "could",
            "about",
            "this",
            "that",
            "it",
            "he",
            "his",
            "they",
            "their",
            "going",
            "trip",
            "meet",
            "meeting",
            "of",
            "to",
            "and",
            "with",
            "for",
            "in",
            "on",
            "there",
            "whats",
            "whos",
            "any",
            "visit",
            "visiting",
            "be",
            "has",
            "have",
            "next",
            "year",
            "first",
            "after",
            "goals",
            "purpose",
            "dates",
            "talks",
            "officials",
            "relations",
            "reelection",
            "third",
            "term",
            "think",
            "tell",
            "me",
            "you",
            "wen",
            "wat",
            "waht",
            "teh",
            "abt",
            "long",
            "lines",
            "red",
            "both",
            "sides",
            "want",
            "war",
            "avoid",
            "conflict",
            "president",
            "mean",
            "means",
        ],
    ),
    (
        Lang::Es,
        &[
            "el",
            "los",
            "las",
            "que",
            "es",
            "son",
            "un",
            "una",
            "por",
            "para",
            "con",
            "cuando",
            "quien",
            "quienes",
            "donde",
            "como",
            "cual",
            "cuales",
            "se",
            "su",
            "sus",
            "del",
            "al",
            "lo",
            "visita",
            "viaje",
            "reunion",
            "reune",
            "esta",
            "hay",
            "y",
            "muy",
            "mas",
            "va",
            "viaja",
            "objetivo",
            "objetivos",
            "fechas",
            "dura",
            "cuanto",
            "porque",
            "sera",
            "habla",
            "relaciones",
            "segun",
            "funcionarios",
            "reeleccion",
            "tercer",
            "mandato",
            "ambos",
            "paises",
            "lineas",
            "rojas",
            "quiere",
            "quieren",
            "estados",
            "unidos",
            "secretario",
            "estado",
            "primera",
            "vez",
            "china",
            "pekin",
            "acerca",
            "sobre",
        ],
    ),
    (
        Lang::Fr,
        &[
            "le",
            "les",
            "des",
            "du",
            "une",
            "est",
            "sont",
            "qui",
            "quoi",
            "quand",
            "ou",
            "pourquoi",
            "comment",
            "quel",
            "quelle",
            "quels",
            "quelles",
            "avec",
            "pour",
            "dans",
            "sur",
            "il",
            "elle",
            "ce",
            "cette",
            "ces",
            "au",
            "aux",
            "et",
            "va",
            "visite",
            "voyage",
            "rencontre",
            "qu",
            "l",
            "d",
            "etat",
            "objectifs",
            "dates",
            "rencontrer",
            "lieu",
            "sera",
            "etre",
            "pays",
            "deux",
            "rouges",
            "reelection",
            "troisieme",
            "mandat",
            "relations",
            "secretaire",
            "premiere",
            "fois",
            "chine",
            "pekin",
            "ans",
            "quelle",
            "vont",
            "veut",
            "veulent",
            "eviter",
            "apres",
            "aussi",
            "pas",
            "y",
            "ont",
            "a",
            "se",
        ],
    ),
    (
        Lang::De,
        &[
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einen",
            "ist",
            "sind",
            "wer",
            "wen",
            "wem",
            "was",
            "wann",
            "wo",
            "wohin",
            "warum",
            "wieso",
            "weshalb",
            "wie",
            "welche",
            "welcher",
            "welches",
            "mit",
            "fur",
            "nach",
            "und",
            "oder",
            "er",
            "sie",
            "es",
            "zu",
            "von",
            "im",
            "auf",
            "besuch",
            "besucht",
            "reise",
            "reist",
            "trifft",
            "wird",
            "hat",
            "gibt",
            "nicht",
            "ziele",
            "ziel",
            "lange",
            "dauert",
            "beziehungen",
            "amtszeit",
            "dritte",
            "wiederwahl",
            "beide",
            "seiten",
            "linien",
            "rote",
            "krieg",
            "vermeiden",
            "aussenminister",
            "erste",
            "erster",
            "jahren",
            "staaten",
            "peking",
            "gesprache",
            "soll",
            "will",
            "wollen",
            "worum",
            "geht",
            "bedeutet",
            "uber",
            "zwischen",
            "bei",
        ],
    ),
];

/// Accents (before folding) that point to one language: Spanish ñ ¿ ¡, French ç è ê à, German ä ö ü ß.
fn accent_votes(raw: &str, votes: &mut [f32; 7]) {
    for c in raw.chars().flat_map(char::to_lowercase) {
        match c {
            'ñ' | '¿' | '¡' | 'á' | 'í' | 'ó' | 'ú' => votes[Lang::Es as usize] += 1.5,
            'ç' | 'è' | 'ê' | 'à' | 'â' | 'î' | 'ô' | 'û' | 'œ' | 'ë' | 'ï' => {
                votes[Lang::Fr as usize] += 1.5
            }
            'ä' | 'ö' | 'ü' | 'ß' => votes[Lang::De as usize] += 1.5,
            'é' => {
                votes[Lang::Fr as usize] += 0.75;
                votes[Lang::Es as usize] += 0.5;
            }
            _ => {}
        }
    }
}

/// The first code point of the CJK blocks: every Traditional character [`to_simplified`] maps
/// is at or above it.
const CJK_BLOCKS_START: u32 = 0x2E80;

/// The Simplified form of a Traditional character from the table above, or the character itself.
/// Matching folds both forms together so that Simplified and Traditional phrasings help each other.
pub fn to_simplified(c: char) -> char {
    // Every Traditional character is a CJK ideograph: anything below the CJK blocks (Latin text,
    // kana) maps to itself without a lookup, which is most characters folded.
    if (c as u32) < CJK_BLOCKS_START {
        return c;
    }
    // By code point from the CJK blocks to the last Traditional character, each character's
    // Simplified form: an index instead of a hash lookup per CJK character of every phrasing
    // (a map was most of simplifying them).
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let pairs = simplified_pairs();
        let end = pairs
            .iter()
            .map(|&(t, _)| t as u32 + 1)
            .max()
            .unwrap_or(CJK_BLOCKS_START);
        let mut table: Vec<char> = (CJK_BLOCKS_START..end)
            .map(|u| char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        // In order: a later pair overrides an earlier one, as inserting them into a map did.
        for (t, s) in pairs {
            table[(t as u32 - CJK_BLOCKS_START) as usize] = s;
        }
        table
    });
    table
        .get((c as u32 - CJK_BLOCKS_START) as usize)
        .copied()
        .unwrap_or(c)
}

/// Every (Traditional, Simplified) pair [`to_simplified`] maps, in order (a later one for the
/// same character wins).
fn simplified_pairs() -> Vec<(char, char)> {
    let mut pairs: Vec<(char, char)> = TRADITIONAL.chars().zip(SIMPLIFIED.chars()).collect();
    // Variants outside the detection tables: 台 and 么 are written in Taiwan too.
    pairs.extend([('臺', '台'), ('麽', '么'), ('係', '系')]);
    debug_assert!(pairs.iter().all(|&(t, _)| (t as u32) >= CJK_BLOCKS_START));
    pairs
}

/// Counts Simplified-only and Traditional-only characters in `text`.
pub fn chinese_form_counts(text: &str) -> (usize, usize) {
    // Each character's form, Simplified first where a character is in both lists (as a scan of
    // SIMPLIFIED then TRADITIONAL would find it): one lookup instead of two scans of the lists.
    static FORMS: std::sync::OnceLock<crate::matcher::FastMap<char, bool>> =
        std::sync::OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        let mut m: crate::matcher::FastMap<char, bool> =
            TRADITIONAL.chars().map(|c| (c, false)).collect();
        m.extend(SIMPLIFIED.chars().map(|c| (c, true)));
        m
    });
    let (mut simplified, mut traditional) = (0, 0);
    for c in text.chars().filter(|&c| is_han(c)) {
        match forms.get(&c) {
            Some(true) => simplified += 1,
            Some(false) => traditional += 1,
            None => {}
        }
    }
    (simplified, traditional)
}

/// Detects the language of `raw` (the question as typed).
///
/// `word_langs` tells, for a folded word, which languages' phrasings use it (a bit set from
/// [`Lang::bit`]); pass `|_| 0` to rely on the built-in word lists alone.
pub fn detect(raw: &str, word_langs: &dyn Fn(&str) -> u8) -> Detected {
    detect_inner(raw, None, word_langs)
}

/// [`detect`] for a question already folded: `folded` must be [`crate::normalise::fold`]`(raw)`.
/// Saves folding the question a second time when the caller needs the folded form anyway.
pub fn detect_folded(raw: &str, folded: &str, word_langs: &dyn Fn(&str) -> u8) -> Detected {
    detect_inner(raw, Some(folded), word_langs)
}

fn detect_inner(raw: &str, folded: Option<&str>, word_langs: &dyn Fn(&str) -> u8) -> Detected {
    match script_of(raw) {
        Script::Kana => Detected {
            lang: Lang::Ja,
            confident: true,
        },
        Script::Han => {
            let (s, t) = chinese_form_counts(raw);
            Detected {
                lang: if t > s { Lang::ZhTw } else { Lang::ZhCn },
                confident: true,
            }
        }
        Script::None => Detected {
            lang: Lang::En,
            confident: false,
        },
        Script::Latin => detect_latin(raw, folded, word_langs),
    }
}

/// Votes at or above this total make a Latin-script detection confident: two function words, or
/// one word and an accent. A lone name ("Blinken?") stays unconfident, so the user's locale decides.
pub const CONFIDENT_VOTES: f32 = 2.0;

/// For every word of [`MARKERS`], the languages whose lists hold it, in the order of `MARKERS`
/// (so votes add up in the same order as a scan of the lists): one lookup per question word
/// instead of comparing it with every marker word.
fn marker_langs() -> &'static crate::matcher::FastMap<&'static str, Vec<Lang>> {
    static MAP: std::sync::OnceLock<crate::matcher::FastMap<&'static str, Vec<Lang>>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        // (list number, language): `contains` counted a list once however often it held the word.
        let mut seen: crate::matcher::FastMap<&'static str, Vec<(usize, Lang)>> =
            Default::default();
        for (i, (lang, words)) in MARKERS.iter().enumerate() {
            for &w in *words {
                let lists = seen.entry(w).or_default();
                if lists.last().map(|&(j, _)| j) != Some(i) {
                    lists.push((i, *lang));
                }
            }
        }
        seen.into_iter()
            .map(|(w, lists)| (w, lists.into_iter().map(|(_, l)| l).collect()))
            .collect()
    })
}

fn detect_latin(raw: &str, folded: Option<&str>, word_langs: &dyn Fn(&str) -> u8) -> Detected {
    let mut votes = [0f32; 7];
    // Every accent that votes is outside ASCII, and so is the lower case of every other letter
    // but ASCII ones: ASCII text (most questions) has no vote to find, nor a letter to lower.
    if !raw.is_ascii() {
        accent_votes(raw, &mut votes);
    }
    let owned;
    let folded = match folded {
        Some(f) => f,
        None => {
            owned = crate::normalise::fold(raw);
            owned.as_str()
        }
    };
    for word in folded.split_whitespace() {
        if let Some(langs) = marker_langs().get(word) {
            for &lang in langs {
                votes[lang as usize] += 1.0;
            }
        }
        let mask = word_langs(word);
        let n = mask.count_ones();
        if n > 0 && n < 4 {
            for lang in Lang::ALL {
                if mask & lang.bit() != 0 {
                    votes[lang as usize] += 0.5 / n as f32;
                }
            }
        }
    }
    let mut best = Lang::En;
    let mut best_votes = votes[Lang::En as usize];
    for lang in [Lang::Es, Lang::Fr, Lang::De] {
        if votes[lang as usize] > best_votes {
            best = lang;
            best_votes = votes[lang as usize];
        }
    }
    let second = [Lang::En, Lang::Es, Lang::Fr, Lang::De]
        .iter()
        .filter(|&&l| l != best)
        .map(|&l| votes[l as usize])
        .fold(0f32, f32::max);
    Detected {
        lang: best,
        confident: best_votes >= CONFIDENT_VOTES && best_votes > second,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplified_forms_are_those_of_the_map() {
        // As `to_simplified` read them before its table: a map of the pairs, later ones winning.
        let map: crate::matcher::FastMap<char, char> = simplified_pairs().into_iter().collect();
        assert!(map.len() > 100);
        for u in 0..0x3_1000 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(to_simplified(c), map.get(&c).copied().unwrap_or(c), "{u:x}");
            }
        }
    }

    fn d(s: &str) -> Lang {
        detect(s, &|_| 0).lang
    }

    /// The lookup counts as scanning the lists did, Simplified first: every character of both
    /// lists, alone and all together, and text mixing them with others.
    #[test]
    fn chinese_forms_are_counted_as_the_lists_say() {
        let scan = |text: &str| {
            let (mut s, mut t) = (0, 0);
            for c in text.chars().filter(|&c| is_han(c)) {
                if SIMPLIFIED.contains(c) {
                    s += 1;
                } else if TRADITIONAL.contains(c) {
                    t += 1;
                }
            }
            (s, t)
        };
        for c in SIMPLIFIED.chars().chain(TRADITIONAL.chars()) {
            let text = c.to_string();
            assert_eq!(chinese_form_counts(&text), scan(&text), "{c}");
        }
        for text in [
            SIMPLIFIED,
            TRADITIONAL,
            "台灣總統叫什麼名字？",
            "布林肯什么时候访问中国?",
            "Blinken 訪問 china",
        ] {
            assert_eq!(chinese_form_counts(text), scan(text), "{text}");
        }
    }

    #[test]
    fn scripts_decide_cjk() {
        assert_eq!(d("訪問はいつですか？"), Lang::Ja);
        assert_eq!(d("访问日期是什么时候？"), Lang::ZhCn);
        assert_eq!(d("訪問日期是哪天？"), Lang::ZhTw);
        assert_eq!(d("台北有什麼好玩的？"), Lang::ZhTw);
        assert_eq!(d("上海有什么好吃的？"), Lang::ZhCn);
    }

    #[test]
    fn latin_languages_by_words_and_accents() {
        assert_eq!(d("When is Blinken visiting China?"), Lang::En);
        assert_eq!(d("¿En qué fechas es la visita?"), Lang::Es);
        assert_eq!(d("À quelle date a lieu la visite ?"), Lang::Fr);
        assert_eq!(d("Wann findet der Besuch statt?"), Lang::De);
        assert_eq!(d("Wen trifft Blinken?"), Lang::De);
        assert_eq!(d("Qui est le secrétaire d'État qui voyage ?"), Lang::Fr);
        assert_eq!(d("quien es el secretario"), Lang::Es);
    }

    #[test]
    fn a_bare_name_is_not_confident() {
        assert!(!detect("Blinken?", &|_| 0).confident);
        assert!(detect("When is the visit?", &|_| 0).confident);
        assert!(detect("訪問はいつですか", &|_| 0).confident);
    }

    #[test]
    fn codes_and_locales_parse() {
        assert_eq!("es-419".parse::<Lang>(), Ok(Lang::Es));
        assert_eq!("zh-TW".parse::<Lang>(), Ok(Lang::ZhTw));
        assert_eq!("zh-Hant-HK".parse::<Lang>(), Ok(Lang::ZhTw));
        assert_eq!("zh".parse::<Lang>(), Ok(Lang::ZhCn));
        assert_eq!("en-GB".parse::<Lang>(), Ok(Lang::En));
        assert!("pt-BR".parse::<Lang>().is_err());
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
            assert_eq!(lang.locale().parse::<Lang>(), Ok(lang));
        }
    }

    #[test]
    fn character_tables_pair_up() {
        assert_eq!(SIMPLIFIED.chars().count(), TRADITIONAL.chars().count());
        assert_eq!(to_simplified('訪'), '访');
        assert_eq!(to_simplified('臺'), '台');
        assert_eq!(to_simplified('a'), 'a');
        assert!(TRADITIONAL.chars().all(|c| (c as u32) >= 0x2E80));
        for c in SIMPLIFIED.chars() {
            assert!(!TRADITIONAL.contains(c), "{c} is in both tables");
        }
    }
}
