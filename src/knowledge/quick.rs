//! A reader for the shape fact files are written in, several times faster than the `toml` crate,
//! which stays the reference: anything outside that shape (escapes, literal or multi-line strings,
//! inline tables, other headers, repeated or unknown keys, a syntax error) makes [`fact_file`]
//! give up, and the file is parsed again by `toml`, which also words the errors. Parsing TOML was
//! the largest part of loading 10,000 facts.
//!
//! The shape: comments and blank lines; `[[fact]]` and `[fact.questions]` headers; `key = value`
//! lines with bare or quoted (escape-free) keys; values that are basic strings without escapes or
//! arrays of them, over several lines if need be, with comments and a trailing comma.

use super::load::{FactFile, RawFact};
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;

/// What `toml::from_str::<FactFile>(text)` gives, spans included, or `None` when `text` is not in
/// the shape read here (valid TOML or not).
pub(super) fn fact_file(text: &str) -> Option<FactFile> {
    if text.starts_with('\u{feff}') {
        return None;
    }
    let mut p = Reader {
        text,
        s: text.as_bytes(),
        i: 0,
    };
    let mut facts: Vec<Partial> = Vec::new();
    let mut table = Table::Root;
    loop {
        p.ws();
        match p.peek() {
            None => break,
            Some(b'#' | b'\n' | b'\r') => p.end_of_line()?,
            Some(b'[') => {
                if p.eat("[[fact]]") {
                    facts.push(Partial::default());
                    table = Table::Fact;
                } else if p.eat("[fact.questions]") {
                    let fact = facts.last_mut()?;
                    if fact.questions_opened {
                        return None;
                    }
                    fact.questions_opened = true;
                    table = Table::Questions;
                } else {
                    return None;
                }
                p.end_of_line()?;
            }
            Some(_) => {
                let (span, key) = p.key()?;
                p.ws();
                if !p.eat("=") {
                    return None;
                }
                p.ws();
                let fact = facts.last_mut()?;
                match (table, key.as_str()) {
                    (Table::Root, _) => return None,
                    (Table::Fact, "id") if fact.id.is_none() => {
                        let (span, value) = p.string()?;
                        fact.id = Some(Spanned::new(span, value));
                    }
                    (Table::Fact, "source") if fact.source.is_none() => {
                        fact.source = Some(
                            p.array()?
                                .into_iter()
                                .map(|(span, v)| Spanned::new(span, v))
                                .collect(),
                        );
                    }
                    (Table::Fact, "keywords") if fact.keywords.is_none() => {
                        fact.keywords = Some(p.array()?.into_iter().map(|(_, v)| v).collect());
                    }
                    (Table::Fact, "related") if fact.related.is_none() => {
                        fact.related = Some(p.array()?.into_iter().map(|(_, v)| v).collect());
                    }
                    (Table::Fact, _) => return None,
                    (Table::Questions, _) => {
                        let key = Spanned::new(span, key);
                        if fact.questions.contains_key(&key) {
                            return None;
                        }
                        let list = p.array()?.into_iter().map(|(_, v)| v).collect();
                        fact.questions.insert(key, list);
                    }
                }
                p.end_of_line()?;
            }
        }
    }
    let fact = facts
        .into_iter()
        .map(|f| {
            Some(RawFact {
                id: f.id?,
                source: f.source.unwrap_or_default(),
                questions: f.questions,
                keywords: f.keywords.unwrap_or_default(),
                related: f.related.unwrap_or_default(),
            })
        })
        .collect::<Option<Vec<RawFact>>>()?;
    Some(FactFile { fact })
}

/// The table that keys go to: before any header, a fact's, or its questions'.
#[derive(Clone, Copy)]
enum Table {
    Root,
    Fact,
    Questions,
}

/// A fact as read so far: each key at most once.
#[derive(Default)]
struct Partial {
    id: Option<Spanned<String>>,
    source: Option<Vec<Spanned<String>>>,
    questions: BTreeMap<Spanned<String>, Vec<String>>,
    questions_opened: bool,
    keywords: Option<Vec<String>>,
    related: Option<Vec<String>>,
}

struct Reader<'a> {
    text: &'a str,
    s: &'a [u8],
    i: usize,
}

/// Control characters, which TOML allows in no string or comment (but for tab).
const fn is_control(c: u8) -> bool {
    (c < 0x20 && c != b'\t') || c == 0x7f
}

/// The bytes that end a basic string without escapes or rule it out: its closing quote, a
/// backslash (an escape) and the control characters ([`is_control`]).
const STRING_STOPS: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = c == b'"' as usize || c == b'\\' as usize || is_control(c as u8);
        c += 1;
    }
    t
};

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// Steps over `word` if it comes next.
    fn eat(&mut self, word: &str) -> bool {
        let found = self.s[self.i..].starts_with(word.as_bytes());
        if found {
            self.i += word.len();
        }
        found
    }

    /// Spaces and tabs.
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }

    /// From `#` up to (not over) the end of the line.
    fn comment(&mut self) -> Option<()> {
        self.i += 1;
        while let Some(c) = self.peek() {
            if c == b'\n' || c == b'\r' {
                break;
            }
            if is_control(c) {
                return None;
            }
            self.i += 1;
        }
        Some(())
    }

    /// A line break, `\n` or `\r\n`, if one comes next (`None` if a lone `\r` does).
    fn newline(&mut self) -> Option<bool> {
        match self.peek() {
            Some(b'\n') => self.i += 1,
            Some(b'\r') if self.s.get(self.i + 1) == Some(&b'\n') => self.i += 2,
            Some(b'\r') => return None,
            _ => return Some(false),
        }
        Some(true)
    }

    /// Spaces, an optional comment, and the end of the line or of the text.
    fn end_of_line(&mut self) -> Option<()> {
        self.ws();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        (self.newline()? || self.peek().is_none()).then_some(())
    }

    /// Spaces, comments and line breaks, as allowed between the items of an array.
    fn blank(&mut self) -> Option<()> {
        loop {
            self.ws();
            if self.peek() == Some(b'#') {
                self.comment()?;
            }
            if !self.newline()? {
                return Some(());
            }
        }
    }

    /// A basic string without escapes: its span (quotes included) and its text.
    fn string(&mut self) -> Option<(Range<usize>, String)> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.i;
        let from = start + 1;
        // One search for the first byte that ends the string or rules it out, a table lookup
        // per byte, rather than a `peek` (with its bounds check) and a match per byte: strings
        // are most of the bytes of a fact file (its phrasings).
        let len = self.s[from..]
            .iter()
            .position(|&c| STRING_STOPS[usize::from(c)])?;
        if self.s[from + len] != b'"' {
            return None;
        }
        self.i = from + len;
        let value = self.text[from..self.i].to_string();
        self.i += 1;
        Some((start..self.i, value))
    }

    /// An array of such strings.
    fn array(&mut self) -> Option<Vec<(Range<usize>, String)>> {
        if !self.eat("[") {
            return None;
        }
        let mut out = Vec::new();
        loop {
            self.blank()?;
            if self.eat("]") {
                return Some(out);
            }
            out.push(self.string()?);
            self.blank()?;
            if self.eat("]") {
                return Some(out);
            }
            if !self.eat(",") {
                return None;
            }
        }
    }

    /// A bare key, or a quoted one without escapes: its span and its name.
    fn key(&mut self) -> Option<(Range<usize>, String)> {
        if self.peek() == Some(b'"') {
            return self.string();
        }
        let start = self.i;
        while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
        {
            self.i += 1;
        }
        (self.i > start).then(|| (start..self.i, self.text[start..self.i].to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fact_file`'s reading, or `None`; the spans written out, since `Spanned` compares values only.
    fn quick(text: &str) -> Option<String> {
        fact_file(text).map(|f| show(&f))
    }

    fn show(f: &FactFile) -> String {
        let spanned = |s: &Spanned<String>| format!("{:?}@{:?}", s.get_ref(), s.span());
        f.fact
            .iter()
            .map(|r| {
                format!(
                    "id {} source [{}] questions [{}] keywords {:?} related {:?}\n",
                    spanned(&r.id),
                    r.source.iter().map(spanned).collect::<Vec<_>>().join(", "),
                    r.questions
                        .iter()
                        .map(|(k, v)| format!("{} {v:?}", spanned(k)))
                        .collect::<Vec<_>>()
                        .join(", "),
                    r.keywords,
                    r.related
                )
            })
            .collect()
    }

    /// Whenever the quick reader reads a text, `toml` reads the same, spans included.
    fn agrees(text: &str) -> bool {
        let Some(q) = quick(text) else {
            return false;
        };
        let reference = toml::from_str::<FactFile>(text)
            .unwrap_or_else(|e| panic!("the quick reader read what toml refuses ({e}):\n{text}"));
        assert_eq!(q, show(&reference), "{text}");
        true
    }

    fn real_files() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        let files = crate::knowledge::files_with_ext(&root, "toml").expect("knowledge/ listed");
        files
            .iter()
            .filter(|f| !f.ends_with(crate::knowledge::SYNONYMS_FILE))
            .map(|f| std::fs::read_to_string(f).expect("a fact file"))
            .collect()
    }

    #[test]
    fn the_real_and_synthetic_fact_files_are_read_as_toml_reads_them() {
        let (_dir, s) = crate::synth::generate_for_test(50);
        let synthetic = crate::knowledge::files_with_ext(&s.knowledge, "toml").expect("listed");
        let mut texts = real_files();
        texts.extend(
            synthetic
                .iter()
                .filter(|f| !f.ends_with(crate::knowledge::SYNONYMS_FILE))
                .map(|f| std::fs::read_to_string(f).expect("a fact file")),
        );
        assert!(texts.len() > 10);
        for text in &texts {
            // Every one of them, as written and with Windows line breaks.
            assert!(agrees(text), "not read quickly:\n{text}");
            assert!(agrees(&text.replace('\n', "\r\n")));
        }
    }

    #[test]
    fn what_is_read_is_what_toml_reads() {
        let cases = [
            "",
            "# only a comment\n",
            "[[fact]]\nid = \"a\"",
            "[[fact]]\n  id=\"a\" # c\n\n[fact.questions]\n\"en\" = [ ]\nde = [\"x\",]\n",
            "[[fact]]\nid = \"a\"\nsource = [ # c\n  \"x\" , # d\n\n \"y\"\n]\n",
            "[[fact]]\nid = \"ü 访问\"\n[[fact]]\nid = \"\"\nrelated = [\"\"]\n",
            "\t[[fact]]\t\n\tid\t=\t\"a\"\t\n",
            "[[fact]]\n\"id\" = \"a\"\n[fact.questions]\n\"zh-CN\" = [\"你好\"]\nja = []\n",
        ];
        for text in cases {
            assert!(agrees(text), "not read quickly: {text:?}");
        }
    }

    #[test]
    fn what_is_not_in_the_shape_is_left_to_toml() {
        let cases = [
            "\u{feff}[[fact]]\nid = \"a\"\n",
            "[[fact]]\nid = \"a\\\"b\"\n",
            "[[fact]]\nid = 'a'\n",
            "[[fact]]\nid = \"\"\"a\"\"\"\n",
            "[[fact]]\nid = \"a\"\nid = \"b\"\n",
            "[[fact]]\nid = \"a\"\n\"id\" = \"b\"\n",
            "[[fact]]\nid = \"a\"\n[fact.questions]\nen = []\n\"en\" = []\n",
            "[[fact]]\nid = \"a\"\n[fact.questions]\n[fact.questions]\n",
            "[[fact]]\nid = \"a\"\ncolor = \"red\"\n",
            "[[fact]]\nid = \"a\"\nquestions = { en = [] }\n",
            "[[fact]]\nid = \"a\"\nsource = \"x\"\n",
            "[[fact]]\nid = [\"a\"]\n",
            "[[fact]]\nsource = []\n",
            "id = \"a\"\n",
            "[fact.questions]\nen = []\n",
            "[ [fact] ]\nid = \"a\"\n",
            "[[fact]]\nid = \"a\"\nsource = [\"x\" \"y\"]\n",
            "[[fact]]\nid = \"a\"\nsource = [,]\n",
            "[[fact]]\nid = \"a\"\nsource = [\"x\"\n",
            "[[fact]]\nid = \"a\" \"b\"\n",
            "[[fact]]\nid = \"a\r\"\n",
            "[[fact]]\nid = \"a\"\r# x\n",
            "[[fact]]\nid = \"a\" # \u{1}\n",
            "[[fact]]\nfact.id = \"a\"\n",
            "[[fact]]\nid = \"a\"\nsource = [\"x\", 1]\n",
        ];
        for text in cases {
            assert_eq!(quick(text), None, "{text:?}");
        }
    }

    /// Real fact files with random small damage: whatever the quick reader still reads, `toml`
    /// reads the same way; what it does not read is left to `toml`.
    #[test]
    fn damaged_files_are_read_as_toml_reads_them_or_left_to_it() {
        let texts = real_files();
        let pieces = [
            "\"",
            "\\",
            "[",
            "]",
            ",",
            "=",
            "#",
            "\n",
            "\r",
            "\r\n",
            "\t",
            " ",
            ".",
            "'",
            "a",
            "{",
            "é",
            "\u{1}",
            "\u{7f}",
            "\u{85}",
            "[[fact]]\n",
            "[fact.questions]\n",
            "id = \"z\"\n",
            "en = [\"q\"]\n",
            "\"\"",
            "-",
            "_",
        ];
        let mut rng = crate::synth::Rng::new(7, 0);
        let (mut read, mut left) = (0, 0);
        for round in 0..3000 {
            let mut text = texts[round % texts.len()].clone();
            for _ in 0..1 + rng.below(3) {
                let mut at = rng.below(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + rng.below(3)).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let piece = if rng.below(4) == 0 {
                    ""
                } else {
                    pieces[rng.below(pieces.len())]
                };
                text.replace_range(at..end, piece);
            }
            if agrees(&text) {
                read += 1;
            } else {
                left += 1;
            }
        }
        // Both sides exercised.
        eprintln!("read {read}, left {left}");
        assert!(read > 300 && left > 300, "read {read}, left {left}");
    }
}
