//! Rate limits, as plain bookkeeping over `Instant`s (the caller passes the time, so tests need no
//! clock): a per-user cooldown, and "at most once per fact per channel per period" for unprompted
//! answers. Both forget old entries so that memory stays bounded.

use std::collections::HashMap;
use std::hash::Hash;
use std::time::{Duration, Instant};

/// Entries kept before expired ones are swept.
const SWEEP_AT: usize = 10_000;

/// What a cooldown says about one more request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Go ahead (the request is recorded).
    Go,
    /// Too soon.
    Wait {
        /// Time left.
        remaining: Duration,
        /// True the first time this period: tell the user once, not at every message.
        first: bool,
    },
}

impl Check {
    /// Whole seconds to wait, at least 1 (for the notice).
    pub fn seconds(&self) -> u64 {
        match self {
            Check::Go => 0,
            Check::Wait { remaining, .. } => remaining.as_secs_f64().ceil().max(1.0) as u64,
        }
    }
}

/// A cooldown per key (a user id): one request per period.
#[derive(Debug)]
pub struct Cooldown<K> {
    period: Duration,
    last: HashMap<K, (Instant, bool)>,
}

impl<K: Eq + Hash + Clone> Cooldown<K> {
    /// A cooldown of `period` (zero: never waits).
    pub fn new(period: Duration) -> Self {
        Cooldown {
            period,
            last: HashMap::new(),
        }
    }

    /// Checks a request at `now`, recording it when it may go ahead.
    pub fn check(&mut self, key: K, now: Instant) -> Check {
        if self.period.is_zero() {
            return Check::Go;
        }
        if let Some((at, noticed)) = self.last.get_mut(&key) {
            let elapsed = now.saturating_duration_since(*at);
            if elapsed < self.period {
                let first = !*noticed;
                *noticed = true;
                return Check::Wait {
                    remaining: self.period - elapsed,
                    first,
                };
            }
        }
        if self.last.len() >= SWEEP_AT {
            let period = self.period;
            self.last
                .retain(|_, (at, _)| now.saturating_duration_since(*at) < period);
        }
        self.last.insert(key, (now, false));
        Check::Go
    }

    /// Entries held (for tests).
    pub fn len(&self) -> usize {
        self.last.len()
    }

    /// True when nothing is held.
    pub fn is_empty(&self) -> bool {
        self.last.is_empty()
    }
}

/// At most one unprompted answer per (channel, fact) per period.
#[derive(Debug)]
pub struct PerFact {
    inner: Cooldown<(u64, String)>,
}

impl PerFact {
    /// A limit of one per `period`.
    pub fn new(period: Duration) -> Self {
        PerFact {
            inner: Cooldown::new(period),
        }
    }

    /// True (and recorded) when `fact` may be answered in `channel` at `now`.
    pub fn allow(&mut self, channel: u64, fact: &str, now: Instant) -> bool {
        self.inner.check((channel, fact.to_string()), now) == Check::Go
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_request_within_the_period_waits_and_is_noticed_once() {
        let t = Instant::now();
        let mut c = Cooldown::new(Duration::from_secs(5));
        assert_eq!(c.check(1u64, t), Check::Go);
        let w = c.check(1, t + Duration::from_millis(1500));
        assert_eq!(
            w,
            Check::Wait {
                remaining: Duration::from_millis(3500),
                first: true
            }
        );
        assert_eq!(w.seconds(), 4);
        assert!(matches!(
            c.check(1, t + Duration::from_secs(2)),
            Check::Wait { first: false, .. }
        ));
        assert_eq!(c.check(2, t + Duration::from_secs(2)), Check::Go);
        assert_eq!(c.check(1, t + Duration::from_secs(5)), Check::Go);
    }

    #[test]
    fn zero_never_waits() {
        let t = Instant::now();
        let mut c = Cooldown::new(Duration::ZERO);
        assert_eq!(c.check(1u64, t), Check::Go);
        assert_eq!(c.check(1, t), Check::Go);
        assert!(c.is_empty());
    }

    #[test]
    fn expired_entries_are_swept() {
        let t = Instant::now();
        let mut c = Cooldown::new(Duration::from_secs(1));
        for k in 0..SWEEP_AT as u64 {
            c.check(k, t);
        }
        assert_eq!(c.len(), SWEEP_AT);
        c.check(u64::MAX, t + Duration::from_secs(2));
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn once_per_fact_per_channel() {
        let t = Instant::now();
        let mut p = PerFact::new(Duration::from_secs(60));
        assert!(p.allow(1, "aims", t));
        assert!(!p.allow(1, "aims", t + Duration::from_secs(30)));
        assert!(p.allow(2, "aims", t + Duration::from_secs(30)));
        assert!(p.allow(1, "taiwan", t + Duration::from_secs(30)));
        assert!(p.allow(1, "aims", t + Duration::from_secs(60)));
    }
}
