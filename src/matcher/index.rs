//! The immutable index the matcher searches: built once per fact base by [`IndexBuilder`], then
//! shared read-only by every question.

use super::analyse::{
    analyse, analyse_folded, analyse_into, stem, Class, Slot, SlotSink, QUESTION_WORD_BOOST,
};
use crate::knowledge::FactBase;
use crate::knowledge::Synonyms;
use crate::lang::Lang;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash, rustc's hasher: a rotate, xor and multiply per 8 bytes. The index's maps are keyed by
/// short strings (terms, typo deletions) and hashed millions of times while loading and a few dozen
/// times per question; SipHash cost about a fifth of a load. Its protection against chosen keys is
/// not needed: keys are inserted from the curated fact files only, questions only look them up.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

/// The multiplier of FxHash.
const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Index of a term in the vocabulary.
pub type TermId = u32;

/// A slot of a phrasing: its weight, and where the terms that cover it (with how fully) are in
/// the index's array of every slot's terms (`Index::slots_with_terms` reads them).
///
/// Every slot of every phrasing lives in one array of the index, and their terms in another: a
/// `Vec` of terms per slot and of slots per phrasing was about 3 million small allocations for
/// 10,000 facts, most of the time and memory of loading them. 12 bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhrasingSlot {
    /// IDF weight of the slot.
    pub weight: f32,
    /// Its first term in `Index::slot_terms`.
    pub(crate) terms_start: u32,
    /// Its number of terms: a word's stem, its synonym group and other stems, or a CJK character
    /// and the pairs around it, never more than a handful.
    pub(crate) terms_len: u16,
    /// A question word.
    pub question: bool,
}

impl PhrasingSlot {
    /// The slot's terms among every slot's terms (`Index::slot_terms`).
    fn terms_in<'a>(&self, all: &'a [(TermId, f32)]) -> &'a [(TermId, f32)] {
        let start = self.terms_start as usize;
        &all[start..start + usize::from(self.terms_len)]
    }
}

/// One phrasing of one fact: its slots are a range of the index's array of every phrasing's slots
/// (see `PhrasingSlot`; `Index::slots_of` reads them). 20 bytes.
///
/// Its distinct terms are not kept: the per-fact tables (`Index::fact_bits`) say which phrasings
/// use a term, and are made from a list of each phrasing's terms dropped once they are.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrasing {
    /// Index of the fact in the fact base.
    pub fact: u32,
    /// The sum of its slot weights.
    pub weight: f32,
    /// Its slots: `Index::slots[slots_start..slots_end]`, in the order of the text.
    pub(crate) slots_start: u32,
    /// See `slots_start`.
    pub(crate) slots_end: u32,
    /// The language it is written in.
    pub lang: Lang,
}

impl Phrasing {
    /// Its slots among every phrasing's slots (`Index::slots`).
    fn slots_in<'a>(&self, all: &'a [PhrasingSlot]) -> &'a [PhrasingSlot] {
        &all[self.slots_start as usize..self.slots_end as usize]
    }
}

/// The distinct terms of each phrasing, in the order of their first use in it: those of phrasing
/// `p` are `terms[ends[p - 1]..ends[p]]` (from 0 for the first). Made while building the index
/// for its per-fact tables (which set a bit and count once per term, in any order), then dropped:
/// nothing reads them while scoring.
#[derive(Debug, PartialEq)]
struct PhrasingTerms {
    ends: Vec<u32>,
    terms: Vec<TermId>,
}

impl PhrasingTerms {
    /// The terms of every phrasing of `phrasings` (whose slots are in `slots`, their terms in
    /// `slot_terms`, below `n_terms`), made for ranges of phrasings on every core and joined.
    fn new(
        phrasings: &[Phrasing],
        slots: &[PhrasingSlot],
        slot_terms: &[(TermId, f32)],
        n_terms: usize,
    ) -> Self {
        let parts = crate::knowledge::par_ranges(phrasings.len(), |range| {
            let mut part = PhrasingTerms {
                ends: Vec::with_capacity(range.len()),
                terms: Vec::new(),
            };
            // By term, the last phrasing (its number in the range + 1) that listed it: each
            // phrasing's repeats are dropped as they come, instead of sorting its terms and
            // deduplicating them (a sort per phrasing, long for CJK ones, was most of this).
            let mut listed = vec![0u32; n_terms];
            for (stamp, p) in (1u32..).zip(&phrasings[range]) {
                for s in p.slots_in(slots) {
                    for &(id, _) in s.terms_in(slot_terms) {
                        if std::mem::replace(&mut listed[id as usize], stamp) != stamp {
                            part.terms.push(id);
                        }
                    }
                }
                part.ends.push(part.terms.len() as u32);
            }
            part
        });
        let mut all = PhrasingTerms {
            ends: Vec::with_capacity(phrasings.len()),
            terms: Vec::with_capacity(parts.iter().map(|p| p.terms.len()).sum()),
        };
        for part in parts {
            let at = all.terms.len() as u32;
            all.ends.extend(part.ends.iter().map(|e| e + at));
            all.terms.extend(part.terms);
        }
        all
    }

    /// The terms of phrasing number `p`.
    fn of(&self, p: usize) -> &[TermId] {
        let start = p.checked_sub(1).map_or(0, |q| self.ends[q] as usize);
        &self.terms[start..self.ends[p] as usize]
    }
}

/// Words of this many characters or more get typo tolerance of one edit.
pub const FUZZY_MIN_LEN: usize = 4;
/// Words of this many characters or more get typo tolerance of two edits.
pub const FUZZY_TWO_EDITS_LEN: usize = 8;

/// How many edits a word of `len` characters may be away from a known word.
pub fn max_edits(len: usize) -> usize {
    if len >= FUZZY_TWO_EDITS_LEN {
        2
    } else if len >= FUZZY_MIN_LEN {
        1
    } else {
        0
    }
}

/// The searchable form of a fact base.
#[derive(Debug, Default)]
pub struct Index {
    pub(crate) vocab: FastMap<String, TermId>,
    pub(crate) keys: Vec<String>,
    pub(crate) idf: Vec<f32>,
    pub(crate) langs: Vec<u8>,
    pub(crate) fact_postings: Vec<Vec<u32>>,
    /// Per term, beside its `fact_postings`, how typical it is of each of those facts: the share of
    /// the fact's phrasings that use it, relative to the fact where it is most typical (0 for a
    /// fact where only a keyword uses it). Beside the postings, not a list of its own, so that the
    /// scorer's walk reads each posting's typicality at the same index instead of merging two
    /// lists.
    pub(crate) posting_typ: Vec<Vec<f32>>,
    /// The typo (deletion) index: the [`deletion_key`] of every deletion of every word of
    /// `words`, to the range of `delete_words` listing those words (ascending). Keys are hashes,
    /// not strings: a `String` per deletion (~37,000 on the real base) was a large share of
    /// building the index; [`Index::typo_words`] checks each word found against the deletion
    /// itself, so a hash collision never adds a word.
    pub(crate) deletes: FastMap<u64, (u32, u32)>,
    /// The word numbers (in `words`) of the deletion index's ranges.
    pub(crate) delete_words: Vec<u32>,
    /// Every word the deletion index knows, as written (stems and raw forms), with its term.
    pub(crate) words: Vec<(String, TermId)>,
    pub(crate) phrasings: Vec<Phrasing>,
    /// The slots of every phrasing, phrasing after phrasing (see [`PhrasingSlot`]).
    pub(crate) slots: Vec<PhrasingSlot>,
    /// The terms of every slot, slot after slot, with their cover (1.0 for the word or pair
    /// itself), in the order analysis gave them: the first decides the slot's weight.
    pub(crate) slot_terms: Vec<(TermId, f32)>,
    /// The phrasings of each fact, by fact: those of fact `f` are
    /// `fact_phrasing_ids[fact_phrasing_start[f]..fact_phrasing_start[f + 1]]`, in phrasing order.
    /// The scorer visits the phrasings of the facts that can still make the answer, and no others.
    pub(crate) fact_phrasing_start: Vec<u32>,
    /// See `fact_phrasing_start`.
    pub(crate) fact_phrasing_ids: Vec<u32>,
    /// The distinct terms of each fact (its phrasings' and keywords'), sorted: those of fact `f` are
    /// `fact_terms[fact_term_start[f]..fact_term_start[f + 1]]`.
    pub(crate) fact_term_start: Vec<usize>,
    /// See `fact_term_start`.
    pub(crate) fact_terms: Vec<TermId>,
    /// For each term of `fact_terms`, its typicality for its fact (as in `posting_typ`; 0 for a
    /// keyword's term that no phrasing uses).
    pub(crate) fact_typ: Vec<f32>,
    /// For each term of `fact_terms`, which of its fact's phrasings (bit `i` for the `i`-th of
    /// [`Index::phrasings_of`]) use it: `words` 64-bit words per term, where `words` is the
    /// fact's number of phrasings divided by 64, rounded up; those of fact `f` start at
    /// `fact_bits_start[f]`. The scorer finds a fact's phrasings that share a term with the
    /// question with one bisection per question term, without any posting list.
    pub(crate) fact_bits_start: Vec<usize>,
    /// See `fact_bits_start`.
    pub(crate) fact_bits: Vec<u64>,
    pub(crate) fact_ids: Vec<String>,
    pub(crate) synonyms: Synonyms,
    pub(crate) unknown_idf: f32,
    pub(crate) max_idf: f32,
}

impl Index {
    /// The number of facts indexed.
    pub fn facts(&self) -> usize {
        self.fact_ids.len()
    }

    /// The id of fact number `i`.
    pub fn fact_id(&self, i: u32) -> &str {
        &self.fact_ids[i as usize]
    }

    /// The number of phrasings indexed.
    pub fn phrasings(&self) -> usize {
        self.phrasings.len()
    }

    /// The number of distinct terms.
    pub fn vocabulary(&self) -> usize {
        self.keys.len()
    }

    /// Which languages' phrasings use this folded word (a bit set of [`Lang::bit`]).
    pub fn word_langs(&self, word: &str) -> u8 {
        self.vocab.get(word).map_or(0, |&t| self.langs[t as usize])
    }

    /// The numbers of fact `f`'s phrasings, in order.
    pub(crate) fn phrasings_of(&self, f: usize) -> &[u32] {
        let (from, to) = (
            self.fact_phrasing_start[f] as usize,
            self.fact_phrasing_start[f + 1] as usize,
        );
        &self.fact_phrasing_ids[from..to]
    }

    /// The slots of phrasing `p`, in the order of its text.
    pub(crate) fn slots_of(&self, p: &Phrasing) -> &[PhrasingSlot] {
        p.slots_in(&self.slots)
    }

    /// The slots of phrasing `p`, in order, each with the terms covering it and their cover (1.0
    /// for the word or pair itself), in the order analysis gave them. A phrasing's slots' terms
    /// follow one another: each slot's are cut from the rest of them, one bounds check a slot
    /// where indexing `slot_terms` by each slot's range makes two.
    pub(crate) fn slots_with_terms<'a>(
        &'a self,
        p: &Phrasing,
    ) -> impl Iterator<Item = (&'a PhrasingSlot, &'a [(TermId, f32)])> + 'a {
        let slots = self.slots_of(p);
        let mut rest: &[(TermId, f32)] = match (slots.first(), slots.last()) {
            (Some(first), Some(last)) => {
                &self.slot_terms[first.terms_start as usize
                    ..last.terms_start as usize + usize::from(last.terms_len)]
            }
            _ => &[],
        };
        slots.iter().map(move |s| {
            let (own, after) = rest.split_at(usize::from(s.terms_len));
            rest = after;
            (s, own)
        })
    }

    /// The term id of a key, exactly.
    pub fn term(&self, key: &str) -> Option<TermId> {
        self.vocab.get(key).copied()
    }

    /// The words of the deletion index (with their terms) that `d` is a deletion of (see
    /// [`deletions`], with each word's own number of edits), in word order: exactly the words a
    /// deletion index keyed by strings would list under `d`.
    pub(crate) fn typo_words<'a>(
        &'a self,
        d: &'a str,
    ) -> impl Iterator<Item = &'a (String, TermId)> + 'a {
        let range = self
            .deletes
            .get(&deletion_key(d))
            .map_or(0..0, |&(start, len)| {
                start as usize..start as usize + len as usize
            });
        self.delete_words[range]
            .iter()
            .map(|&w| &self.words[w as usize])
            .filter(move |(word, _)| is_deletion(d, word))
    }
}

/// The key of a deletion string in the deletion index: FxHash of its bytes and length, its high
/// half folded into the low one. `deletes` hashes the key with FxHash again, whose low bits (the
/// bucket) come from the key's low bits only, and FxHash's own low bits from the first bytes only.
pub(crate) fn deletion_key(d: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(d.as_bytes());
    h.write_usize(d.len());
    let x = h.finish();
    x ^ (x >> 32)
}

/// True when [`deletions`]`(word, max_edits(word's length).max(1))` holds `d`: `d` is `word`
/// itself, or a non-empty subsequence of it at most that many characters shorter.
fn is_deletion(d: &str, word: &str) -> bool {
    let (nd, nw) = (d.chars().count(), word.chars().count());
    if nd > nw || nw - nd > max_edits(nw).max(1) {
        return false;
    }
    if nd == nw {
        return d == word;
    }
    if nd == 0 {
        return false;
    }
    let mut rest = word.chars();
    d.chars().all(|c| rest.any(|x| x == c))
}

/// The [`deletion_key`]s of every string of [`deletions`]`(word, edits)`, sorted, without repeats.
fn deletion_keys(word: &str, edits: usize) -> Vec<u64> {
    let mut out = Vec::new();
    for_each_deletion(word, edits, &mut |d| out.push(deletion_key(d)));
    out.sort_unstable();
    out.dedup();
    out
}

/// Calls `f` with the word itself, then with every string left by deleting from 1 to `edits` of
/// its characters (keeping at least one): the strings of [`deletions`], perhaps in another order
/// and with repeats (deleting either of two equal neighbours). Each set of positions is visited
/// once, copied into one reused buffer: no `String` per deletion nor a set to deduplicate them.
pub(super) fn for_each_deletion(word: &str, edits: usize, f: &mut impl FnMut(&str)) {
    fn go(
        word: &str,
        bounds: &[(usize, usize)],
        from: usize,
        left: usize,
        cut: &mut Vec<usize>,
        buf: &mut String,
        f: &mut impl FnMut(&str),
    ) {
        // As in `deletions`: a single character is not shortened further.
        if left == 0 || bounds.len() - cut.len() <= 1 {
            return;
        }
        for i in from..bounds.len() {
            cut.push(i);
            buf.clear();
            let mut at = 0;
            for &c in cut.iter() {
                buf.push_str(&word[at..bounds[c].0]);
                at = bounds[c].1;
            }
            buf.push_str(&word[at..]);
            f(buf);
            go(word, bounds, i + 1, left - 1, cut, buf, f);
            cut.pop();
        }
    }
    f(word);
    let bounds: Vec<(usize, usize)> = word
        .char_indices()
        .map(|(i, c)| (i, i + c.len_utf8()))
        .collect();
    let mut buf = String::with_capacity(word.len());
    let mut cut = Vec::with_capacity(edits);
    go(word, &bounds, 0, edits, &mut cut, &mut buf, f);
}

/// A phrasing as the builder holds it: its fact, its language and the end of its slots in
/// [`FlatPhrasings::slots`] (they start where the previous phrasing's end).
type BuiltPhrasing = (u32, Lang, u32);

/// Phrasings as the builder holds them: flat, as the [`Index`] will (no `Vec` per phrasing or
/// slot), the slots not yet weighed (that needs every fact's terms).
#[derive(Debug, Default)]
struct FlatPhrasings {
    phrasings: Vec<BuiltPhrasing>,
    /// The slots of every phrasing, in order, their weights 0.
    slots: Vec<PhrasingSlot>,
    /// The terms of every slot, in order, with their cover.
    slot_terms: Vec<(TermId, f32)>,
}

impl FlatPhrasings {
    /// Starts a slot whose terms are the next `slot_terms` pushed.
    fn slot_start(&self) -> usize {
        self.slot_terms.len()
    }

    /// Ends the slot started at `start` (see [`FlatPhrasings::slot_start`]).
    fn end_slot(&mut self, start: usize, question: bool) {
        let len = u16::try_from(self.slot_terms.len() - start)
            .expect("a slot has a handful of terms, not 65,536");
        self.slots.push(PhrasingSlot {
            weight: 0.0,
            terms_start: start as u32,
            terms_len: len,
            question,
        });
    }

    /// Ends a phrasing of fact `fact` in `lang` made of the slots since the previous one's.
    fn end_phrasing(&mut self, fact: u32, lang: Lang) {
        self.phrasings.push((fact, lang, self.slots.len() as u32));
    }

    /// Appends `other`'s phrasings after these (moved, not copied, if there are none yet).
    fn append(&mut self, other: FlatPhrasings) {
        if self.phrasings.is_empty() && self.slots.is_empty() && self.slot_terms.is_empty() {
            *self = other;
            return;
        }
        let (slots, terms) = (self.slots.len() as u32, self.slot_terms.len() as u32);
        self.phrasings.extend(
            other
                .phrasings
                .into_iter()
                .map(|(fact, lang, end)| (fact, lang, end + slots)),
        );
        self.slots.extend(other.slots.into_iter().map(|mut s| {
            s.terms_start += terms;
            s
        }));
        self.slot_terms.extend(other.slot_terms);
    }
}

/// The Latin-script languages a keyword is read in (it has no language of its own).
const KEYWORD_LANGS: [Lang; 4] = [Lang::En, Lang::Es, Lang::Fr, Lang::De];

/// How a share of [`IndexBuilder::from_facts`] first used one of its keys.
#[derive(Debug, Clone, Copy)]
enum First {
    /// As a key of a slot of this class.
    Key(Class),
    /// As the raw form of a word, whose stem is this local id.
    Raw(u32),
}

/// One thread's share of [`IndexBuilder::from_facts`]: its facts' phrasings and keywords,
/// analysed, with their keys interned into a vocabulary of the share's own (local ids, in the order
/// of first use), flat: no `String` or `Vec` per key or slot.
#[derive(Debug, Default)]
struct LocalPart {
    /// Key text to local id, for keys of up to 7 bytes but those of `cjk` and `pairs` (most
    /// words) by [`pack_bytes`] and [`mix`]: no string hashed or compared.
    short: FastMap<u64, u32>,
    /// Key text to local id, for longer keys.
    long: FastMap<Box<str>, u32>,
    /// Local id + 1 (0: none yet) of each character of [`CJK_TABLE_START`]`..`[`CJK_TABLE_END`]
    /// (kana and the common CJK ideographs), by code point: a third of the keys interned are
    /// one such character, read without hashing. Empty until the first is interned.
    cjk: Vec<u32>,
    /// Key (by [`cjk_pair_key`]) to local id, for pairs of two characters of `cjk`: 8 bytes an
    /// entry rather than the 16 of `short`, and tens of thousands of them (most of the keys of
    /// a share), so that more of the map stays in cache (its probes, cache misses, were most of
    /// interning).
    pairs: FastMap<u32, u32>,
    /// The last key interned through `pairs` and its local id: each pair is interned twice in
    /// a row, after one character and before the next.
    last_pair: Option<(u32, u32)>,
    /// The last key interned through `short` (by [`pack_bytes`], unmixed) and its local id: a
    /// word's stem is often the word as written, interned right after it.
    last_short: Option<(u64, u32)>,
    /// The text of every local id, one after the other: local id `i` ends at `text_ends[i]`.
    text: String,
    /// See `text`.
    text_ends: Vec<u32>,
    /// By local id: how it was first used.
    first: Vec<First>,
    /// By local id: the languages whose phrasings use it ([`Lang::bit`]s; keywords set none).
    langs: Vec<u8>,
    /// The end (in `entries`) of each fact's entries.
    fact_ends: Vec<u32>,
    /// A phrasing (with its language) or one reading of a keyword (`None`), and the end of its
    /// slots in `slots`.
    entries: Vec<(Option<Lang>, u32)>,
    /// A slot: a question word or not, and the end of its keys in `keys`.
    slots: Vec<(bool, u32)>,
    /// Slot keys: local id and cover.
    keys: Vec<(u32, f32)>,
}

/// Receives the slots of one entry of a [`LocalPart`].
struct PartSink<'a> {
    part: &'a mut LocalPart,
    lang: Option<Lang>,
}

impl LocalPart {
    /// Starts an entry (a phrasing in `lang`, or a keyword's reading if `None`).
    fn entry(&mut self, lang: Option<Lang>) -> PartSink<'_> {
        self.entries.push((lang, self.slots.len() as u32));
        PartSink { part: self, lang }
    }

    fn intern(&mut self, text: &str, first: First, lang: Option<Lang>) -> u32 {
        let next = self.first.len() as u32;
        let id = match *text.as_bytes() {
            [a0 @ 0xE3..=0xE9, a1, a2] => {
                let c = cjk_table_index(a0, a1, a2);
                if self.cjk.is_empty() {
                    self.cjk = vec![0; CJK_TABLE_END - CJK_TABLE_START];
                }
                match self.cjk[c] {
                    0 => {
                        self.cjk[c] = next + 1;
                        next
                    }
                    plus_one => plus_one - 1,
                }
            }
            [a0 @ 0xE3..=0xE9, a1, a2, b0 @ 0xE3..=0xE9, b1, b2] => {
                let pair = cjk_pair_key(cjk_table_index(a0, a1, a2), cjk_table_index(b0, b1, b2));
                match self.last_pair {
                    Some((last, id)) if last == pair => id,
                    _ => {
                        let id = *self.pairs.entry(pair).or_insert(next);
                        self.last_pair = Some((pair, id));
                        id
                    }
                }
            }
            _ => self.intern_other(text, next),
        };
        if id == next {
            self.first.push(first);
            self.langs.push(0);
            self.text.push_str(text);
            self.text_ends.push(self.text.len() as u32);
        }
        if let Some(l) = lang {
            self.langs[id as usize] |= l.bit();
        }
        id
    }

    /// The local id of a key that is neither one CJK character of the table nor a pair of them
    /// (see [`LocalPart::intern`]), `next` if it is new.
    fn intern_other(&mut self, text: &str, next: u32) -> u32 {
        if let Some(bytes) = pack_bytes(text) {
            match self.last_short {
                Some((last, id)) if last == bytes => id,
                _ => {
                    let id = *self.short.entry(mix(bytes)).or_insert(next);
                    self.last_short = Some((bytes, id));
                    id
                }
            }
        } else {
            match self.long.get(text) {
                Some(&id) => id,
                None => {
                    self.long.insert(text.into(), next);
                    next
                }
            }
        }
    }

    /// The share's facts in term ids (`resolved`, from [`IndexBuilder::merge_vocabulary`]), the
    /// first numbered `first_fact`: its phrasings as the builder holds them, and each fact's terms
    /// (each once, in no order; `n_terms` is the size of the vocabulary).
    fn translate(
        &self,
        resolved: &[TermId],
        first_fact: u32,
        n_terms: usize,
    ) -> (FlatPhrasings, Vec<Vec<TermId>>) {
        // Sized for every entry's slots and keys, keywords' included (a few more than needed).
        let mut out = FlatPhrasings {
            phrasings: Vec::new(),
            slots: Vec::with_capacity(self.slots.len()),
            slot_terms: Vec::with_capacity(self.keys.len()),
        };
        let mut fact_terms = Vec::with_capacity(self.fact_ends.len());
        let (mut entry, mut slot, mut key) = (0usize, 0usize, 0usize);
        // By term, the last fact (of this share) that listed it: each fact's terms are listed
        // once here rather than once per use (three times as many, sorted and deduplicated by
        // `build` at a tenth of its cost).
        let mut listed = vec![u32::MAX; n_terms];
        for (f, &fact_end) in self.fact_ends.iter().enumerate() {
            let mut terms = Vec::new();
            while entry < fact_end as usize {
                let (lang, _) = self.entries[entry];
                let slots_end = self
                    .entries
                    .get(entry + 1)
                    .map_or(self.slots.len(), |e| e.1 as usize);
                while slot < slots_end {
                    let (question, keys_end) = self.slots[slot];
                    let start = out.slot_start();
                    for &(local, cover) in &self.keys[key..keys_end as usize] {
                        let id = resolved[local as usize];
                        if std::mem::replace(&mut listed[id as usize], f as u32) != f as u32 {
                            terms.push(id);
                        }
                        // A keyword's reading adds to its fact's terms only.
                        if lang.is_some() {
                            out.slot_terms.push((id, cover));
                        }
                    }
                    if lang.is_some() {
                        out.end_slot(start, question);
                    }
                    key = keys_end as usize;
                    slot += 1;
                }
                if let Some(lang) = lang {
                    out.end_phrasing(first_fact + f as u32, lang);
                }
                entry += 1;
            }
            fact_terms.push(terms);
        }
        (out, fact_terms)
    }
}

/// The first code point [`LocalPart`] interns by table: the CJK symbols and punctuation, then
/// kana, CJK extension A and the unified ideographs, all written in 3 bytes.
const CJK_TABLE_START: usize = 0x3000;
/// The end (exclusive) of the code points [`LocalPart`] interns by table.
const CJK_TABLE_END: usize = 0xA000;

/// The place in [`LocalPart`]'s character table of the character written `b0 b1 b2` in UTF-8,
/// `b0` from 0xE3 to 0xE9: exactly the characters of [`CJK_TABLE_START`]`..`[`CJK_TABLE_END`].
fn cjk_table_index(b0: u8, b1: u8, b2: u8) -> usize {
    let c = (usize::from(b0 & 0x0F) << 12) | (usize::from(b1 & 0x3F) << 6) | usize::from(b2 & 0x3F);
    c - CJK_TABLE_START
}

/// The key in [`LocalPart`]'s map of pairs of the pair of table characters `a` then `b` (their
/// [`cjk_table_index`]es, 15 bits each), mixed: a bijection of the two places (MurmurHash3's
/// 32-bit finaliser), so that no two pairs share a key, and so that FxHash's single multiply
/// (whose low bits, which pick the bucket, come from the low bits of the key only) spreads pairs
/// that end in the same character.
fn cjk_pair_key(a: usize, b: usize) -> u32 {
    let mut x = ((a << 15) | b) as u32;
    x ^= x >> 16;
    x = x.wrapping_mul(0x85eb_ca6b);
    x ^= x >> 13;
    x = x.wrapping_mul(0xc2b2_ae35);
    x ^= x >> 16;
    x
}

/// A key of at most 7 bytes as a number, unmixed: its bytes, little-endian, and its length in
/// the top byte (which no key of 7 bytes or fewer reaches), so that no two texts share one.
///
/// The bytes are read as two overlapping little-endian loads (the first and the last 4 or 2
/// bytes) rather than copied into a buffer: that copy was a `memcpy` call per key, and reading
/// the buffer back right after its bytewise writes stalled on store forwarding (a fifth of
/// interning a key).
fn pack_bytes(text: &str) -> Option<u64> {
    let b = text.as_bytes();
    let n = b.len();
    let two = |at: usize| u64::from(u16::from_le_bytes([b[at], b[at + 1]]));
    let four = |at: usize| u64::from(u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]));
    let bytes = match n {
        0 => 0,
        1 => u64::from(b[0]),
        // The two reads overlap unless n is 4 or 2: the shared bytes land where they are either
        // way.
        2..=3 => two(0) | (two(n - 2) << (8 * (n - 2))),
        4..=7 => four(0) | (four(n - 4) << (8 * (n - 4))),
        _ => return None,
    };
    Some(bytes | ((n as u64) << 56))
}

/// A [`pack_bytes`] number mixed, as [`LocalPart`]'s map is keyed.
///
/// FxHash multiplies once, so the low bits of its hash (which pick the bucket) come from the low
/// bits of the key only, here the first two bytes: every CJK character starts with one of a few
/// byte pairs, and unmixed keys piled into a few buckets. The mix (MurmurHash3's finaliser) is a
/// bijection, so distinct texts still have distinct numbers.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

impl SlotSink for PartSink<'_> {
    fn slot(&mut self, keys: &[(&str, f32)], raw: &str, class: Class, question: bool) {
        let part = &mut *self.part;
        let mut last = 0;
        for &(text, cover) in keys {
            last = part.intern(text, First::Key(class), self.lang);
            part.keys.push((last, cover));
        }
        if class == Class::Word {
            // As `add_slots`: the word as written leads to its stem's term.
            part.intern(raw, First::Raw(last), self.lang);
        }
        part.slots.push((question, part.keys.len() as u32));
    }
}

/// Collects phrasings and keywords, then [`IndexBuilder::build`]s an immutable [`Index`].
#[derive(Debug, Default)]
pub struct IndexBuilder {
    vocab: FastMap<String, TermId>,
    keys: Vec<String>,
    classes: Vec<Class>,
    langs: Vec<u8>,
    fact_ids: Vec<String>,
    fact_terms: Vec<Vec<TermId>>,
    phrasings: FlatPhrasings,
    synonyms: Synonyms,
}

impl IndexBuilder {
    /// An empty builder with no synonyms.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty builder that reads text with these synonym groups.
    pub fn with_synonyms(synonyms: Synonyms) -> Self {
        IndexBuilder {
            synonyms,
            ..Self::default()
        }
    }

    /// A builder holding every fact of `base`: its phrasings in every language and its keywords.
    ///
    /// The same builder as adding each fact's phrasings and keywords one after the other (the
    /// same term ids), made on every core: each thread analyses a contiguous share of the facts
    /// and interns their keys into a vocabulary of its own; the shares' vocabularies are then
    /// merged in fact order, which assigns each new term the id a sequential build would have.
    pub fn from_facts(base: &FactBase) -> Self {
        let mut b = Self::with_synonyms(base.synonyms.clone());
        let synonyms = &b.synonyms;
        // Validation folded every phrasing already (the collision check): use those, once each.
        let folded = base.folded.take();
        let parts = crate::knowledge::par_ranges(base.facts.len(), |range| {
            let mut part = LocalPart::default();
            for i in range {
                let fact = &base.facts[i];
                let pre = folded.get(i).map_or(&[][..], Vec::as_slice);
                let phrasings = fact
                    .questions
                    .iter()
                    .flat_map(|(&lang, phrasings)| phrasings.iter().map(move |p| (lang, p)));
                for (j, (lang, p)) in phrasings.enumerate() {
                    let mut sink = part.entry(Some(lang));
                    match pre.get(j) {
                        Some((hash, f)) if *hash == crate::knowledge::text_hash(p) => {
                            analyse_into(f, lang, synonyms, &mut sink)
                        }
                        _ => analyse_into(&crate::normalise::fold(p), lang, synonyms, &mut sink),
                    }
                }
                for k in &fact.keywords {
                    // As `add_keyword`: folded once, read in every Latin-script language.
                    let f = crate::normalise::fold(k);
                    for lang in KEYWORD_LANGS {
                        analyse_into(&f, lang, synonyms, &mut part.entry(None));
                    }
                }
                part.fact_ends.push(part.entries.len() as u32);
            }
            part
        });
        // Global ids for each share's keys, in order (the only sequential step: a lookup per
        // distinct key of a share), then each share's phrasings in global ids, on every core.
        let mut resolved = Vec::with_capacity(parts.len());
        for part in &parts {
            resolved.push(b.merge_vocabulary(part));
        }
        let n_terms = b.keys.len();
        let jobs: Vec<(&LocalPart, &[TermId])> = parts
            .iter()
            .zip(resolved.iter().map(Vec::as_slice))
            .collect();
        let mut first_fact = 0u32;
        let firsts: Vec<u32> = parts
            .iter()
            .map(|p| {
                let f = first_fact;
                first_fact += p.fact_ends.len() as u32;
                f
            })
            .collect();
        let built = crate::knowledge::par_ranges_min(jobs.len(), 1, |range| {
            range
                .map(|k| jobs[k].0.translate(jobs[k].1, firsts[k], n_terms))
                .collect::<Vec<_>>()
        });
        drop(parts);
        for fact in &base.facts {
            b.add_fact(&fact.id);
        }
        let mut fact = 0;
        for (phrasings, fact_terms) in built.into_iter().flatten() {
            b.phrasings.append(phrasings);
            for terms in fact_terms {
                b.fact_terms[fact] = terms;
                fact += 1;
            }
        }
        b
    }

    /// Adds `part`'s keys to the vocabulary as a sequential build would have, in the order it
    /// first used them; returns the term id of each of its local ids.
    fn merge_vocabulary(&mut self, part: &LocalPart) -> Vec<TermId> {
        let mut resolved = Vec::with_capacity(part.first.len());
        let mut start = 0;
        for (local, &end) in part.text_ends.iter().enumerate() {
            let text = &part.text[start..end as usize];
            start = end as usize;
            // A key not yet in the vocabulary is first used in this share, where its first use
            // decides what it becomes: a new term, or the raw form of a word standing for its
            // stem's term (as `add_slots` does). The stem came first, so it has its id already.
            let id = match self.vocab.get(text) {
                Some(&id) => id,
                None => {
                    let id = match part.first[local] {
                        First::Key(class) => {
                            let id = self.keys.len() as TermId;
                            self.keys.push(text.to_string());
                            self.classes.push(class);
                            self.langs.push(0);
                            id
                        }
                        First::Raw(stem) => resolved[stem as usize],
                    };
                    self.vocab.insert(text.to_string(), id);
                    id
                }
            };
            self.langs[id as usize] |= part.langs[local];
            resolved.push(id);
        }
        resolved
    }

    /// Adds a fact and returns its number.
    pub fn add_fact(&mut self, id: &str) -> u32 {
        self.fact_ids.push(id.to_string());
        self.fact_terms.push(Vec::new());
        (self.fact_ids.len() - 1) as u32
    }

    fn intern(&mut self, key: &str, class: Class, lang: Option<Lang>) -> TermId {
        let id = match self.vocab.get(key) {
            Some(&id) => id,
            None => {
                let id = self.keys.len() as TermId;
                self.vocab.insert(key.to_string(), id);
                self.keys.push(key.to_string());
                self.classes.push(class);
                self.langs.push(0);
                id
            }
        };
        if let Some(l) = lang {
            self.langs[id as usize] |= l.bit();
        }
        id
    }

    /// Interns the slots' keys and appends the slots to `phrasings` (unweighed), their terms to
    /// its `slot_terms`; the caller ends the phrasing, or drops them (a keyword's).
    fn add_slots(&mut self, slots: &[Slot], lang: Option<Lang>) {
        for slot in slots {
            let start = self.phrasings.slot_start();
            for (key, cover) in &slot.keys {
                // Single CJK characters and pairs are interned with the slot's class so that their
                // weight follows it.
                let id = self.intern(key, slot.class, lang);
                self.phrasings.slot_terms.push((id, *cover));
            }
            if slot.class == Class::Word {
                // The word as written leads to the same term as its stem, so that a question stemmed
                // in another language still finds it.
                let stem_id = self.phrasings.slot_terms[start..]
                    .last()
                    .map(|t| t.0)
                    .expect("a word slot has a key");
                let raw_id = match self.vocab.get(slot.raw.as_str()) {
                    Some(&id) => id,
                    None => {
                        self.vocab.insert(slot.raw.clone(), stem_id);
                        stem_id
                    }
                };
                if let Some(l) = lang {
                    self.langs[raw_id as usize] |= l.bit();
                }
            }
            self.phrasings.end_slot(start, slot.question);
        }
    }

    /// Adds a phrasing of fact `fact` written in `lang`.
    pub fn add_phrasing(&mut self, fact: u32, lang: Lang, text: &str) {
        let slots = analyse(text, lang, &self.synonyms);
        self.add_analysed(fact, lang, &slots);
    }

    /// Adds a phrasing already analysed with [`analyse`].
    fn add_analysed(&mut self, fact: u32, lang: Lang, slots: &[Slot]) {
        let start = self.phrasings.slot_terms.len();
        self.add_slots(slots, Some(lang));
        self.fact_terms[fact as usize]
            .extend(self.phrasings.slot_terms[start..].iter().map(|&(id, _)| id));
        self.phrasings.end_phrasing(fact, lang);
    }

    /// Adds a keyword of fact `fact`: it joins the fact's vocabulary (not a phrasing of its own),
    /// read in every Latin-script language since keywords have no language.
    pub fn add_keyword(&mut self, fact: u32, text: &str) {
        let mut ids = Vec::new();
        // Folded once for the four readings.
        let folded = crate::normalise::fold(text);
        for lang in KEYWORD_LANGS {
            let slots = analyse_folded(&folded, lang, &self.synonyms);
            // Added as a phrasing's slots are, then taken back: only their terms are kept.
            let (slot, term) = (self.phrasings.slots.len(), self.phrasings.slot_terms.len());
            self.add_slots(&slots, None);
            ids.extend(self.phrasings.slot_terms[term..].iter().map(|&(id, _)| id));
            self.phrasings.slots.truncate(slot);
            self.phrasings.slot_terms.truncate(term);
        }
        self.fact_terms[fact as usize].extend(ids);
    }

    /// Freezes the builder into an [`Index`]: IDF weights, fact postings, each fact's phrasings and
    /// the typo index.
    pub fn build(mut self) -> Index {
        let n_facts = self.fact_ids.len().max(1) as f32;
        let n_terms = self.keys.len();
        // Each fact's distinct terms, sorted (in place: needed again for the per-fact tables).
        crate::knowledge::par_for_each_mut(&mut self.fact_terms, |terms| {
            terms.sort_unstable();
            terms.dedup();
        });
        let mut fact_postings: Vec<Vec<u32>> = vec![Vec::new(); n_terms];
        for (f, terms) in self.fact_terms.iter().enumerate() {
            for &t in terms {
                fact_postings[t as usize].push(f as u32);
            }
        }
        let idf: Vec<f32> = (0..n_terms)
            .map(|t| {
                let df = fact_postings[t].len().max(1) as f32;
                (1.0 + n_facts / df).ln() * key_factor(&self.keys[t])
            })
            .collect();
        // Each slot weighed, in place: independent per slot, so on every core.
        let FlatPhrasings {
            phrasings: built,
            mut slots,
            slot_terms,
        } = std::mem::take(&mut self.phrasings);
        crate::knowledge::par_for_each_mut(&mut slots, |s| {
            let boost = if s.question { QUESTION_WORD_BOOST } else { 1.0 };
            s.weight = slot_weight(&idf, boost, s.terms_in(&slot_terms));
        });
        // Each phrasing's weight: the sum of its slots', slot after slot as the scorer adds them.
        let mut phrasings = Vec::with_capacity(built.len());
        let mut slots_start = 0;
        for (fact, lang, slots_end) in built {
            phrasings.push(Phrasing {
                fact,
                weight: slots[slots_start as usize..slots_end as usize]
                    .iter()
                    .map(|s| s.weight)
                    .sum(),
                slots_start,
                slots_end,
                lang,
            });
            slots_start = slots_end;
        }
        // Phrasings grouped by fact (a counting sort: stable, so each fact's stay in order).
        let mut fact_phrasing_start = vec![0u32; self.fact_ids.len() + 1];
        for p in &phrasings {
            fact_phrasing_start[p.fact as usize + 1] += 1;
        }
        for f in 0..self.fact_ids.len() {
            fact_phrasing_start[f + 1] += fact_phrasing_start[f];
        }
        let mut fact_phrasing_ids = vec![0u32; phrasings.len()];
        {
            let mut next = fact_phrasing_start.clone();
            for (i, p) in phrasings.iter().enumerate() {
                let slot = &mut next[p.fact as usize];
                fact_phrasing_ids[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        // Each fact's terms, which of its phrasings use each and how many: independent per fact,
        // so made for contiguous ranges of facts on every core and joined in order (was a tenth
        // of loading 10,000 facts on one core).
        let fact_terms_in = std::mem::take(&mut self.fact_terms);
        let tables = FactTables::of(
            &fact_terms_in,
            &fact_phrasing_start,
            &fact_phrasing_ids,
            &PhrasingTerms::new(&phrasings, &slots, &slot_terms, n_terms),
            n_terms,
        );
        drop(fact_terms_in);
        let (posting_typ, fact_typ) = typicality(&tables, &fact_phrasing_start, n_terms);
        let FactTables {
            term_start: fact_term_start,
            terms: fact_terms,
            bits_start: fact_bits_start,
            bits: fact_bits,
            counts: _,
        } = tables;
        let mut words: Vec<(String, TermId)> = self
            .vocab
            .iter()
            .filter(|(key, &id)| {
                self.classes[id as usize] == Class::Word
                    && !key.starts_with('=')
                    && key.chars().count() + 1 >= FUZZY_MIN_LEN
            })
            .map(|(k, &id)| (k.clone(), id))
            .collect();
        words.sort();
        // Making the deletions is most of this; on every core. Then one sort of (key, word)
        // pairs lays every key's words out contiguously, in word order, instead of a `Vec` per key.
        let made = crate::knowledge::par_map(&words, |(key, _)| {
            deletion_keys(key, max_edits(key.chars().count()).max(1))
        });
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(made.iter().map(Vec::len).sum());
        for (w, keys) in made.into_iter().enumerate() {
            pairs.extend(keys.into_iter().map(|k| (k, w as u32)));
        }
        pairs.sort_unstable();
        let mut deletes: FastMap<u64, (u32, u32)> = FastMap::default();
        deletes.reserve(pairs.len() / 2);
        let delete_words: Vec<u32> = pairs.iter().map(|&(_, w)| w).collect();
        let mut start = 0;
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            deletes.insert(run[0].0, (start as u32, run.len() as u32));
            start += run.len();
        }
        Index {
            vocab: self.vocab,
            keys: self.keys,
            idf,
            langs: self.langs,
            fact_postings,
            posting_typ,
            deletes,
            delete_words,
            words,
            phrasings,
            slots,
            slot_terms,
            fact_phrasing_start,
            fact_phrasing_ids,
            fact_term_start,
            fact_terms,
            fact_typ,
            fact_bits_start,
            fact_bits,
            fact_ids: self.fact_ids,
            synonyms: self.synonyms,
            unknown_idf: (1.0 + 2.0 * n_facts).ln(),
            max_idf: (1.0 + n_facts).ln(),
        }
    }
}

/// The per-fact tables of an [`Index`]: each fact's distinct terms (`fact_terms`), which of its
/// phrasings use each (`fact_bits`), and how many.
#[derive(Debug, PartialEq)]
struct FactTables {
    term_start: Vec<usize>,
    terms: Vec<TermId>,
    bits_start: Vec<usize>,
    bits: Vec<u64>,
    /// For each term of `terms`, how many of its fact's phrasings use it.
    counts: Vec<u32>,
}

impl FactTables {
    /// The tables of every fact, made for ranges of facts on every core and joined.
    fn of(
        fact_terms: &[Vec<TermId>],
        phrasing_start: &[u32],
        phrasing_ids: &[u32],
        phrasing_terms: &PhrasingTerms,
        n_terms: usize,
    ) -> Self {
        let parts = crate::knowledge::par_ranges(fact_terms.len(), |range| {
            Self::range(
                range,
                fact_terms,
                phrasing_start,
                phrasing_ids,
                phrasing_terms,
                n_terms,
            )
        });
        Self::join(parts)
    }

    /// The tables of the facts in `facts` alone (starts relative to the range's first fact);
    /// `n_terms` is the size of the vocabulary.
    fn range(
        facts: std::ops::Range<usize>,
        fact_terms: &[Vec<TermId>],
        phrasing_start: &[u32],
        phrasing_ids: &[u32],
        phrasing_terms: &PhrasingTerms,
        n_terms: usize,
    ) -> Self {
        let mut t = FactTables {
            term_start: vec![0],
            terms: Vec::new(),
            bits_start: vec![0],
            bits: Vec::new(),
            counts: Vec::new(),
        };
        // By term, its place among the current fact's terms: a bisection of the fact's terms
        // for every term of every phrasing was most of this. Only the current fact's terms are
        // read, and each phrasing's terms are among them.
        let mut place = vec![0u32; n_terms];
        for f in facts {
            let ids = &phrasing_ids[phrasing_start[f] as usize..phrasing_start[f + 1] as usize];
            let words = ids.len().div_ceil(64);
            // Its keywords' terms too, used by no phrasing (no bit set, a count of 0).
            let terms = &fact_terms[f];
            for (k, &term) in terms.iter().enumerate() {
                place[term as usize] = k as u32;
            }
            let (base, counts) = (t.bits.len(), t.counts.len());
            t.bits.resize(base + terms.len() * words, 0u64);
            t.counts.resize(counts + terms.len(), 0);
            for (local, &p) in ids.iter().enumerate() {
                for &term in phrasing_terms.of(p as usize) {
                    let k = place[term as usize] as usize;
                    debug_assert_eq!(terms[k], term, "a term of the fact");
                    t.bits[base + k * words + local / 64] |= 1u64 << (local % 64);
                    t.counts[counts + k] += 1;
                }
            }
            t.terms.extend_from_slice(terms);
            t.term_start.push(t.terms.len());
            t.bits_start.push(t.bits.len());
        }
        t
    }

    /// Consecutive ranges' tables as one.
    fn join(parts: Vec<FactTables>) -> Self {
        let mut parts = parts.into_iter();
        let mut all = parts.next().expect("at least one range");
        for p in parts {
            let (terms, bits) = (all.terms.len(), all.bits.len());
            all.term_start
                .extend(p.term_start[1..].iter().map(|s| s + terms));
            all.bits_start
                .extend(p.bits_start[1..].iter().map(|s| s + bits));
            all.terms.extend(p.terms);
            all.bits.extend(p.bits);
            all.counts.extend(p.counts);
        }
        all
    }
}

/// [`Index::posting_typ`] and [`Index::fact_typ`] from the per-fact counts of `tables`: for each
/// term, beside its postings, the share of each fact's phrasings that use it, relative to the
/// largest share of the term (0 where only a keyword uses it). The counts were a walk over every
/// term of every phrasing in one sequential loop; the tables' counts leave one entry per term of
/// each fact.
fn typicality(
    tables: &FactTables,
    phrasing_start: &[u32],
    n_terms: usize,
) -> (Vec<Vec<f32>>, Vec<f32>) {
    let facts = tables.term_start.len() - 1;
    let phrasings = |f: usize| (phrasing_start[f + 1] - phrasing_start[f]).max(1) as f32;
    let mut len = vec![0u32; n_terms];
    for &term in &tables.terms {
        len[term as usize] += 1;
    }
    let mut typicality: Vec<Vec<f32>> = len
        .iter()
        .map(|&n| Vec::with_capacity(n as usize))
        .collect();
    // Facts in order, each fact's terms as `fact_postings` lists them: every term's list comes
    // out beside its postings.
    for f in 0..facts {
        let n = phrasings(f);
        let (from, to) = (tables.term_start[f], tables.term_start[f + 1]);
        for (&term, &count) in tables.terms[from..to].iter().zip(&tables.counts[from..to]) {
            typicality[term as usize].push(if count > 0 { count as f32 / n } else { 0.0 });
        }
    }
    let mut max = vec![0f32; n_terms];
    for (list, max) in typicality.iter_mut().zip(&mut max) {
        *max = list.iter().copied().fold(0f32, f32::max);
        if *max > 0.0 {
            for e in list.iter_mut() {
                *e /= *max;
            }
        }
    }
    // The same division as the lists' for each term of each fact (0 for a keyword's term that
    // no phrasing uses).
    let mut fact_typ = Vec::with_capacity(tables.terms.len());
    for f in 0..facts {
        let n = phrasings(f);
        let (from, to) = (tables.term_start[f], tables.term_start[f + 1]);
        fact_typ.extend(
            tables.terms[from..to]
                .iter()
                .zip(&tables.counts[from..to])
                .map(|(&term, &count)| {
                    if count > 0 {
                        count as f32 / n / max[term as usize]
                    } else {
                        0.0
                    }
                }),
        );
    }
    (typicality, fact_typ)
}

/// The weight factor of a term by its text: hiragana-only terms are mostly grammar, except the
/// question words among them (いつ, なぜ, どこ).
pub fn key_factor(key: &str) -> f32 {
    let hiragana = |c: char| ('\u{3040}'..='\u{309f}').contains(&c);
    if key.chars().all(hiragana) && !super::analyse::is_question_pair(key) {
        super::analyse::HIRAGANA_FACTOR
    } else {
        1.0
    }
}

/// A slot weighs what its first term weighs; a question word weighs what its weightiest term does
/// (the pair なぜ, not the common character な), times [`QUESTION_WORD_BOOST`].
pub fn slot_weight(idf: &[f32], boost: f32, terms: &[(TermId, f32)]) -> f32 {
    if boost > 1.0 {
        boost
            * terms
                .iter()
                .map(|&(t, _)| idf[t as usize])
                .fold(0.0, f32::max)
    } else {
        idf[terms[0].0 as usize]
    }
}

/// The word itself and every string made by deleting up to `edits` characters (SymSpell): two words
/// within `edits` edits share at least one of these.
///
/// In the order they are first made, which the typo candidates follow, without repeats. Strings
/// made at different levels differ in length, so repeats are only looked for within a level: from
/// one string, deleting any character of a run of equal ones gives the same result (only the
/// first is kept); across strings of the level, a set (a `Vec::contains` over every deletion was
/// quadratic: ~55 deletions for a 10-letter word with 2 edits).
pub fn deletions(word: &str, edits: usize) -> Vec<String> {
    let mut out = vec![word.to_string()];
    let mut frontier = vec![word.chars().collect::<Vec<char>>()];
    let bytes = word.len();
    for level in 0..edits {
        let last = level + 1 == edits;
        let single = frontier.len() == 1;
        let mut made: std::collections::HashSet<String, BuildHasherDefault<FxHasher>> =
            Default::default();
        let mut next = Vec::new();
        for w in &frontier {
            if w.len() <= 1 {
                continue;
            }
            for i in 0..w.len() {
                if i > 0 && w[i] == w[i - 1] {
                    continue;
                }
                let mut s = String::with_capacity(bytes);
                s.extend(w[..i].iter().chain(&w[i + 1..]));
                if !single && !made.insert(s.clone()) {
                    continue;
                }
                if !last {
                    let mut d = w.clone();
                    d.remove(i);
                    next.push(d);
                }
                out.push(s);
            }
        }
        frontier = next;
    }
    out
}

/// Stems `word` in every Latin-script language but `except`: the keys a word may have if its
/// language was guessed wrong.
pub fn other_stems(word: &str, except: Lang) -> Vec<String> {
    [Lang::En, Lang::Es, Lang::Fr, Lang::De]
        .into_iter()
        .filter(|&l| l != except)
        .map(|l| stem(l, word))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Analysing on every core gives the index of a plain one-phrasing-at-a-time build: the same
    /// terms with the same ids, hence the same scores.
    #[test]
    fn parallel_analysis_builds_the_sequential_index() {
        // Enough facts for every core to take a share.
        let facts = 300;
        let (_dir, s) = crate::synth::generate_for_test(facts);
        let base = crate::knowledge::load_dir(&s.knowledge).expect("a valid synthetic base");
        let mut one_by_one = IndexBuilder::with_synonyms(base.synonyms.clone());
        for fact in &base.facts {
            let f = one_by_one.add_fact(&fact.id);
            for (&lang, phrasings) in &fact.questions {
                for p in phrasings {
                    one_by_one.add_phrasing(f, lang, p);
                }
            }
            for k in &fact.keywords {
                one_by_one.add_keyword(f, k);
            }
        }
        let (parallel, one_by_one) = (IndexBuilder::from_facts(&base).build(), one_by_one.build());
        assert_eq!(parallel.facts(), facts);
        assert_eq!(parallel.phrasings(), one_by_one.phrasings());
        assert_eq!(parallel.vocabulary(), one_by_one.vocabulary());
        // The same terms, ids, languages and weights throughout.
        assert_eq!(parallel.keys, one_by_one.keys);
        assert_eq!(parallel.vocab, one_by_one.vocab);
        assert_eq!(parallel.langs, one_by_one.langs);
        assert_eq!(parallel.idf, one_by_one.idf);
        assert_eq!(parallel.posting_typ, one_by_one.posting_typ);
        assert_eq!(parallel.fact_terms, one_by_one.fact_terms);
        assert_eq!(parallel.fact_typ, one_by_one.fact_typ);
        assert_eq!(parallel.fact_bits, one_by_one.fact_bits);
        assert_eq!(parallel.words, one_by_one.words);
        // The same phrasings, slots and slot terms, weights bit for bit (`PartialEq` on floats
        // would take -0.0 for 0.0).
        let slot_bits = |i: &Index| -> Vec<(u32, u32, u16, bool)> {
            i.slots
                .iter()
                .map(|s| (s.weight.to_bits(), s.terms_start, s.terms_len, s.question))
                .collect()
        };
        let phrasing_bits = |i: &Index| -> Vec<(u32, u32, u32, u32, Lang)> {
            i.phrasings
                .iter()
                .map(|p| {
                    (
                        p.fact,
                        p.weight.to_bits(),
                        p.slots_start,
                        p.slots_end,
                        p.lang,
                    )
                })
                .collect()
        };
        assert_eq!(slot_bits(&parallel), slot_bits(&one_by_one));
        assert_eq!(phrasing_bits(&parallel), phrasing_bits(&one_by_one));
        assert_eq!(parallel.slot_terms, one_by_one.slot_terms);
        for (n, fact) in base.facts.iter().enumerate().step_by(7) {
            for (&lang, phrasings) in &fact.questions {
                let q = crate::normalise::fold(&phrasings[n % phrasings.len()]);
                for word in q.split_whitespace() {
                    assert_eq!(parallel.term(word), one_by_one.term(word), "{word}");
                }
                assert_eq!(parallel.score(&q, lang), one_by_one.score(&q, lang), "{q}");
            }
        }
    }

    /// The per-fact tables made for ranges of facts and joined are those made in one range, and
    /// those of the index, however the facts are split.
    #[test]
    fn fact_tables_joined_from_ranges_are_the_whole() {
        let (_dir, s) = crate::synth::generate_for_test(120);
        let base = crate::knowledge::load_dir(&s.knowledge).expect("a valid synthetic base");
        let index = IndexBuilder::from_facts(&base).build();
        let n = index.facts();
        let fact_terms: Vec<Vec<TermId>> = (0..n)
            .map(|f| {
                index.fact_terms[index.fact_term_start[f]..index.fact_term_start[f + 1]].to_vec()
            })
            .collect();
        let phrasing_terms = PhrasingTerms::new(
            &index.phrasings,
            &index.slots,
            &index.slot_terms,
            index.keys.len(),
        );
        let range = |r: std::ops::Range<usize>| {
            FactTables::range(
                r,
                &fact_terms,
                &index.fact_phrasing_start,
                &index.fact_phrasing_ids,
                &phrasing_terms,
                index.keys.len(),
            )
        };
        let whole = range(0..n);
        assert_eq!(whole.term_start, index.fact_term_start);
        assert_eq!(whole.terms, index.fact_terms);
        assert_eq!(whole.bits_start, index.fact_bits_start);
        assert_eq!(whole.bits, index.fact_bits);
        assert!(whole.counts.iter().any(|&c| c > 1) && whole.bits.iter().any(|&b| b != 0));
        for cuts in [
            vec![0, n],
            vec![0, 1, n],
            vec![0, 37, 38, 90, n],
            vec![0, 0, 60, n, n],
        ] {
            let parts = cuts.windows(2).map(|w| range(w[0]..w[1])).collect();
            assert_eq!(FactTables::join(parts), whole, "{cuts:?}");
        }
    }

    /// Typicality as `build` counted it before: every term of every phrasing of each fact, in a
    /// dense array of counts; each fact's terms then looked up in the lists by bisection.
    fn typicality_reference(index: &Index) -> (Vec<Vec<(u32, f32)>>, Vec<f32>) {
        let n_terms = index.keys.len();
        let mut typicality: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
        let mut count = vec![0u32; n_terms];
        let mut touched: Vec<TermId> = Vec::new();
        let phrasing_terms = PhrasingTerms::new(
            &index.phrasings,
            &index.slots,
            &index.slot_terms,
            index.keys.len(),
        );
        for f in 0..index.facts() {
            let ids = index.phrasings_of(f);
            for &p in ids {
                for &t in phrasing_terms.of(p as usize) {
                    if count[t as usize] == 0 {
                        touched.push(t);
                    }
                    count[t as usize] += 1;
                }
            }
            let n = ids.len().max(1) as f32;
            for &t in &touched {
                typicality[t as usize].push((f as u32, count[t as usize] as f32 / n));
                count[t as usize] = 0;
            }
            touched.clear();
        }
        for list in &mut typicality {
            let max = list.iter().map(|&(_, a)| a).fold(0f32, f32::max);
            if max > 0.0 {
                for e in list.iter_mut() {
                    e.1 /= max;
                }
            }
        }
        let mut fact_typ = Vec::new();
        for f in 0..index.facts() {
            let terms = &index.fact_terms[index.fact_term_start[f]..index.fact_term_start[f + 1]];
            fact_typ.extend(terms.iter().map(|&term| {
                let list = &typicality[term as usize];
                list.binary_search_by_key(&(f as u32), |&(g, _)| g)
                    .map_or(0.0, |i| list[i].1)
            }));
        }
        (typicality, fact_typ)
    }

    /// The real base and a synthetic one of `facts` facts, each with its index.
    fn real_and_synthetic(facts: usize) -> Vec<(crate::knowledge::FactBase, Index)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (_dir, s) = crate::synth::generate_for_test(facts);
        [root.join("knowledge"), s.knowledge.clone()]
            .iter()
            .map(|knowledge| {
                let base = crate::knowledge::load_dir(knowledge).expect("a valid base");
                let index = IndexBuilder::from_facts(&base).build();
                (base, index)
            })
            .collect()
    }

    /// Typicality made from the per-fact tables' counts is that of the old count, bit for bit,
    /// on the real base (keywords used by no phrasing, synonyms) and on a synthetic one.
    #[test]
    fn typicality_from_the_tables_is_the_count() {
        for (_base, index) in real_and_synthetic(200) {
            let (typicality, fact_typ) = typicality_reference(&index);
            assert_eq!(index.posting_typ.len(), typicality.len());
            for (t, want) in typicality.iter().enumerate() {
                // Beside the postings: the reference's list, with 0 for the facts only a keyword
                // gives the term.
                let postings = &index.fact_postings[t];
                let have = &index.posting_typ[t];
                assert_eq!(have.len(), postings.len(), "term {t}");
                let want: Vec<u32> = postings
                    .iter()
                    .map(|&f| {
                        want.binary_search_by_key(&f, |&(g, _)| g)
                            .map_or(0f32, |i| want[i].1)
                            .to_bits()
                    })
                    .collect();
                let have: Vec<u32> = have.iter().map(|a| a.to_bits()).collect();
                assert_eq!(have, want, "term {t}");
                // Every fact of the reference's list is among the postings.
                assert!(typicality[t]
                    .iter()
                    .all(|&(f, _)| postings.binary_search(&f).is_ok()));
            }
            let bits = |l: &[f32]| -> Vec<u32> { l.iter().map(|a| a.to_bits()).collect() };
            assert_eq!(bits(&index.fact_typ), bits(&fact_typ));
            assert!(fact_typ.iter().any(|&a| a > 0.0 && a < 1.0));
        }
    }

    /// A short key as [`LocalPart`]'s map holds it.
    fn pack_short(text: &str) -> Option<u64> {
        pack_bytes(text).map(mix)
    }

    #[test]
    fn short_keys_pack_apart() {
        let keys = ["", "a", "a\0", "ab", "访", "访问", "abcdefg", "\0"];
        let packed: Vec<Option<u64>> = keys.iter().map(|k| pack_short(k)).collect();
        for (i, a) in packed.iter().enumerate() {
            assert!(a.is_some(), "{:?}", keys[i]);
            for b in &packed[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(pack_short("abcdefgh"), None);
    }

    /// The reference [`pack_short`] reads: the bytes copied into a buffer with the length last.
    fn pack_short_reference(text: &str) -> Option<u64> {
        let bytes = text.as_bytes();
        if bytes.len() > 7 {
            return None;
        }
        let mut buf = [0u8; 8];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[7] = bytes.len() as u8;
        let mut x = u64::from_le_bytes(buf);
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^= x >> 33;
        Some(x)
    }

    #[test]
    fn the_fast_paths_intern_as_a_map_of_strings() {
        // CJK characters (table) at and around the table's bounds, pairs, repeats in a row and
        // apart (the last-key memo), words short and long, and the empty key.
        let text =
            "访问访问访问吗 \u{3000}\u{2fff}\u{9fff}\u{a000} \u{3000}\u{9fff}ひらがなカタカナ访 \
                    visit visit visits information informations a ab abcdefg abcdefgh 访问";
        let mut keys: Vec<&str> = Vec::new();
        for w in text.split(' ') {
            keys.push(w);
            let starts: Vec<usize> = w.char_indices().map(|(i, _)| i).chain([w.len()]).collect();
            for k in 0..starts.len().saturating_sub(1) {
                keys.push(&w[starts[k]..starts[k + 1]]);
                if let Some(&end) = starts.get(k + 2) {
                    keys.push(&w[starts[k]..end]);
                    keys.push(&w[starts[k]..end]);
                }
            }
        }
        let mut part = LocalPart::default();
        let mut reference: HashMap<&str, u32> = HashMap::new();
        for (i, &key) in keys.iter().enumerate() {
            let lang = [Some(Lang::ZhCn), None, Some(Lang::En)][i % 3];
            let next = reference.len() as u32;
            let want = *reference.entry(key).or_insert(next);
            assert_eq!(part.intern(key, First::Raw(0), lang), want, "{key:?}");
        }
        assert_eq!(part.first.len(), reference.len());
        let mut start = 0;
        for (id, &end) in part.text_ends.iter().enumerate() {
            let key = &part.text[start..end as usize];
            assert_eq!(reference[key], id as u32, "{key:?}");
            start = end as usize;
        }
        assert!(part.cjk.iter().any(|&id| id != 0), "the table was used");
        assert!(!part.pairs.is_empty(), "the map of pairs was used");
    }

    #[test]
    fn pair_keys_are_distinct() {
        let table = CJK_TABLE_END - CJK_TABLE_START;
        let mut seen = std::collections::HashSet::new();
        for a in (0..table).step_by(251).chain([table - 1]) {
            for b in (0..table).step_by(7).chain([table - 1]) {
                assert!(seen.insert(cjk_pair_key(a, b)), "{a} {b}");
            }
        }
        // The characters at the table's ends, as `intern` reads them.
        assert_eq!(cjk_table_index(0xE3, 0x80, 0x80), 0);
        assert_eq!(cjk_table_index(0xE9, 0xBF, 0xBF), table - 1);
    }

    #[test]
    fn short_keys_pack_as_the_reference() {
        let text = "abcdefghij\u{0}\u{7f}é访问吗ー";
        for start in 0..text.len() {
            for end in start..=text.len() {
                if let Some(key) = text.get(start..end) {
                    assert_eq!(pack_short(key), pack_short_reference(key), "{key:?}");
                }
            }
        }
    }

    #[test]
    fn deletions_cover_one_and_two_edits() {
        let d = deletions("chna", 1);
        assert!(d.contains(&"chna".to_string()));
        assert!(d.contains(&"cna".to_string()));
        let china = deletions("china", 1);
        // "chna" is "china" with one deletion, so they meet.
        assert!(china.contains(&"chna".to_string()));
        assert_eq!(deletions("ab", 2).len(), 3); // ab, b, a: nothing shorter than one letter
    }

    /// The straightforward version `deletions` must agree with, order included.
    fn deletions_reference(word: &str, edits: usize) -> Vec<String> {
        let mut out = vec![word.to_string()];
        let mut frontier = vec![word.chars().collect::<Vec<char>>()];
        for _ in 0..edits {
            let mut next = Vec::new();
            for w in &frontier {
                if w.len() <= 1 {
                    continue;
                }
                for i in 0..w.len() {
                    let mut d = w.clone();
                    d.remove(i);
                    let s: String = d.iter().collect();
                    if !out.contains(&s) {
                        out.push(s);
                        next.push(d);
                    }
                }
            }
            frontier = next;
        }
        out
    }

    /// Words with repeated letters (deletions that coincide), long ones (two edits) and CJK.
    const SAMPLE_WORDS: [&str; 6] = [
        "aab",
        "aaaa",
        "blinken",
        "mississippi",
        "secretary",
        "訪問中国",
    ];

    #[test]
    fn deletions_match_the_reference_in_order() {
        for w in ["", "a", "ab"].into_iter().chain(SAMPLE_WORDS) {
            for e in 0..=3 {
                assert_eq!(deletions(w, e), deletions_reference(w, e), "{w} {e}");
            }
        }
    }

    #[test]
    fn deletion_keys_are_the_keys_of_the_deletions() {
        for w in SAMPLE_WORDS {
            let e = max_edits(w.chars().count()).max(1);
            let mut want: Vec<u64> = deletions(w, e).iter().map(|d| deletion_key(d)).collect();
            want.sort_unstable();
            want.dedup();
            assert_eq!(deletion_keys(w, e), want, "{w}");
            if e != max_edits(w.chars().count()).max(1) {
                continue;
            }
            for d in deletions(w, e) {
                assert!(is_deletion(&d, w), "{d} of {w}");
            }
            for d in deletions(w, e + 1).into_iter().skip(deletions(w, e).len()) {
                assert!(!is_deletion(&d, w), "{d} is too far from {w}");
            }
        }
        assert!(!is_deletion("chian", "china"), "not a subsequence");
    }

    #[test]
    fn edits_grow_with_length() {
        assert_eq!(max_edits(3), 0);
        assert_eq!(max_edits(4), 1);
        assert_eq!(max_edits(7), 1);
        assert_eq!(max_edits(8), 2);
    }

    #[test]
    fn rarer_terms_weigh_more() {
        let mut b = IndexBuilder::new();
        let a = b.add_fact("a");
        let c = b.add_fact("c");
        b.add_phrasing(a, Lang::En, "When is the visit?");
        b.add_phrasing(c, Lang::En, "Why is the visit happening?");
        let idx = b.build();
        let w = |k: &str| idx.idf[idx.term(k).unwrap() as usize];
        assert!(
            w("when") > w("visit"),
            "a term in one fact weighs more than one in every fact"
        );
        assert_eq!(idx.phrasings(), 2);
        assert_eq!(idx.word_langs("visit"), Lang::En.bit());
    }

    /// Each phrasing's range of the flat slots, and each slot's range of the flat terms, hold
    /// what analysing its text gives, in order: its slots' terms (by key), covers, question
    /// words and weights, its weight the sum of theirs, its terms (for the per-fact tables) theirs
    /// each once, in order of first use; the ranges follow one another and cover the arrays. On
    /// the real base (synonyms, CJK, keywords) and a synthetic one.
    #[test]
    fn flat_slots_hold_each_phrasings_analysis() {
        for (base, index) in real_and_synthetic(60) {
            let phrasing_terms = PhrasingTerms::new(
                &index.phrasings,
                &index.slots,
                &index.slot_terms,
                index.keys.len(),
            );
            let (mut p, mut next_slot, mut next_term) = (0usize, 0u32, 0u32);
            for (f, fact) in base.facts.iter().enumerate() {
                for (&lang, texts) in &fact.questions {
                    for text in texts {
                        let phrasing = &index.phrasings[p];
                        assert_eq!((phrasing.fact, phrasing.lang), (f as u32, lang), "{text}");
                        assert_eq!(phrasing.slots_start, next_slot, "{text}");
                        next_slot = phrasing.slots_end;
                        let analysed = analyse(text, lang, &base.synonyms);
                        let slots: Vec<_> = index.slots_with_terms(phrasing).collect();
                        assert_eq!(slots.len(), analysed.len(), "{text}");
                        assert_eq!(index.slots_of(phrasing).len(), slots.len(), "{text}");
                        let mut weights = Vec::new();
                        let mut terms: Vec<TermId> = Vec::new();
                        for (&(slot, slot_terms), want) in slots.iter().zip(&analysed) {
                            assert_eq!(slot.terms_start, next_term, "{text}");
                            next_term += u32::from(slot.terms_len);
                            let want_terms: Vec<(TermId, f32)> = want
                                .keys
                                .iter()
                                .map(|(k, c)| (index.term(k).expect("an indexed key"), *c))
                                .collect();
                            assert_eq!(slot_terms, &want_terms[..], "{text}");
                            assert_eq!(slot.terms_in(&index.slot_terms), slot_terms, "{text}");
                            assert_eq!(slot.question, want.question, "{text}");
                            let boost = if want.question {
                                QUESTION_WORD_BOOST
                            } else {
                                1.0
                            };
                            let w = slot_weight(&index.idf, boost, &want_terms);
                            assert_eq!(slot.weight.to_bits(), w.to_bits(), "{text}");
                            weights.push(w);
                            terms.extend(want_terms.iter().map(|&(t, _)| t));
                        }
                        let weight: f32 = weights.iter().sum();
                        assert_eq!(phrasing.weight.to_bits(), weight.to_bits(), "{text}");
                        // Each once, where first used.
                        let mut once: Vec<TermId> = Vec::new();
                        for t in terms {
                            if !once.contains(&t) {
                                once.push(t);
                            }
                        }
                        assert_eq!(phrasing_terms.of(p), &once[..], "{text}");
                        p += 1;
                    }
                }
            }
            assert_eq!(p, index.phrasings.len());
            assert_eq!(next_slot as usize, index.slots.len());
            assert_eq!(next_term as usize, index.slot_terms.len());
            assert_eq!(phrasing_terms.ends.len(), p);
        }
    }

    /// The sizes the docs give: a slot and a phrasing are most of the index's memory.
    #[test]
    fn slots_and_phrasings_are_compact() {
        assert_eq!(std::mem::size_of::<PhrasingSlot>(), 12);
        assert_eq!(std::mem::size_of::<Phrasing>(), 20);
    }
}
