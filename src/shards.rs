//! How a process shares the bot's Discord shards with the rest of a fleet: Discord's recommended
//! count, a fixed count, or a range of a larger total (`--shard-range 0-3 --shard-total 16`).
//!
//! serenity's `start_shard_range(a..b, n)` starts shards `a` through `b` *inclusive* (it computes
//! `b - a + 1` shards), unlike a Rust range; [`ShardPlan::serenity_range`] makes that conversion in
//! one place. Direct messages always arrive on shard 0: the process that runs it answers DMs.

/// Which shards this process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShardPlan {
    /// Discord's recommended count, all in this process.
    #[default]
    Auto,
    /// This many shards, all in this process.
    Count(u32),
    /// Shards `first..=last` of `total`.
    Range {
        /// The first shard, counted from 0.
        first: u32,
        /// The last shard, inclusive.
        last: u32,
        /// The fleet's total.
        total: u32,
    },
}

/// A shard plan that cannot work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShardError {
    /// Not `auto` or a positive number.
    #[error("--shards takes `auto` or a number of shards, not `{0}`")]
    BadCount(String),
    /// Not `A-B`.
    #[error("--shard-range takes FIRST-LAST (for example 0-3), not `{0}`")]
    BadRange(String),
    /// A range without a total.
    #[error("--shard-range needs --shard-total (the number of shards of the whole fleet)")]
    NoTotal,
    /// Outside the total, or reversed.
    #[error("shards {first}-{last} do not fit in a total of {total} (shards are numbered 0 to {max})", max = total.saturating_sub(1))]
    OutOfRange {
        /// First.
        first: u32,
        /// Last.
        last: u32,
        /// Total.
        total: u32,
    },
}

impl ShardPlan {
    /// Reads `--shards`, `--shard-range` and `--shard-total`. A range wins over a count.
    pub fn from_args(
        shards: Option<&str>,
        range: Option<&str>,
        total: Option<u32>,
    ) -> Result<Self, ShardError> {
        if let Some(r) = range {
            let (a, b) = r
                .split_once('-')
                .ok_or_else(|| ShardError::BadRange(r.into()))?;
            let parse = |s: &str| {
                s.trim()
                    .parse::<u32>()
                    .map_err(|_| ShardError::BadRange(r.into()))
            };
            let (first, last) = (parse(a)?, parse(b)?);
            let total = total.ok_or(ShardError::NoTotal)?;
            if first > last || last >= total {
                return Err(ShardError::OutOfRange { first, last, total });
            }
            return Ok(ShardPlan::Range { first, last, total });
        }
        match shards.map(str::trim) {
            None | Some("auto") => Ok(ShardPlan::Auto),
            Some(n) => match n.parse::<u32>() {
                Ok(n) if n > 0 => Ok(ShardPlan::Count(n)),
                _ => Err(ShardError::BadCount(n.into())),
            },
        }
    }

    /// The arguments of serenity's `start_shard_range` (whose end is inclusive), for a range plan.
    pub fn serenity_range(&self) -> Option<(std::ops::Range<u32>, u32)> {
        match *self {
            ShardPlan::Range { first, last, total } => Some((first..last, total)),
            _ => None,
        }
    }

    /// The shards this plan runs, when known without asking Discord.
    pub fn shards(&self) -> Option<Vec<u32>> {
        match *self {
            ShardPlan::Auto => None,
            ShardPlan::Count(n) => Some((0..n).collect()),
            ShardPlan::Range { first, last, .. } => Some((first..=last).collect()),
        }
    }
}

/// Splits `total` shards over `processes` processes as evenly as possible: the plans to give each.
pub fn fleet(processes: u32, total: u32) -> Vec<ShardPlan> {
    let processes = processes.clamp(1, total.max(1));
    let (base, extra) = (total / processes, total % processes);
    let mut first = 0;
    (0..processes)
        .map(|i| {
            let n = base + u32::from(i < extra);
            let plan = ShardPlan::Range {
                first,
                last: first + n - 1,
                total,
            };
            first += n;
            plan
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serenity 0.12.5's `start_connection` does with `start_shard_range(range, total)`.
    fn serenity_starts(range: std::ops::Range<u32>) -> Vec<u32> {
        let init = range.end - range.start + 1;
        (range.start..range.start + init).collect()
    }

    #[test]
    fn a_fleet_covers_every_shard_exactly_once_as_serenity_starts_them() {
        for total in 1..=40 {
            for processes in 1..=8 {
                let mut seen = vec![0u32; total as usize];
                for plan in fleet(processes, total) {
                    let (range, t) = plan.serenity_range().unwrap();
                    assert_eq!(t, total);
                    let started = serenity_starts(range);
                    assert_eq!(Some(started.clone()), plan.shards(), "{plan:?}");
                    for s in started {
                        seen[s as usize] += 1;
                    }
                }
                assert!(
                    seen.iter().all(|&n| n == 1),
                    "{processes} processes, {total} shards: {seen:?}"
                );
            }
        }
    }

    #[test]
    fn arguments_parse_and_nonsense_is_refused() {
        assert_eq!(ShardPlan::from_args(None, None, None), Ok(ShardPlan::Auto));
        assert_eq!(
            ShardPlan::from_args(Some("auto"), None, None),
            Ok(ShardPlan::Auto)
        );
        assert_eq!(
            ShardPlan::from_args(Some("4"), None, None),
            Ok(ShardPlan::Count(4))
        );
        assert_eq!(
            ShardPlan::from_args(None, Some("0-3"), Some(16)),
            Ok(ShardPlan::Range {
                first: 0,
                last: 3,
                total: 16
            })
        );
        assert_eq!(
            ShardPlan::from_args(None, Some("0-3"), Some(16))
                .unwrap()
                .serenity_range(),
            Some((0..3, 16)),
            "serenity's end is inclusive"
        );
        assert!(matches!(
            ShardPlan::from_args(Some("0"), None, None),
            Err(ShardError::BadCount(_))
        ));
        assert_eq!(
            ShardPlan::from_args(None, Some("0-3"), None),
            Err(ShardError::NoTotal)
        );
        assert!(matches!(
            ShardPlan::from_args(None, Some("3-0"), Some(4)),
            Err(ShardError::OutOfRange { .. })
        ));
        assert!(matches!(
            ShardPlan::from_args(None, Some("0-4"), Some(4)),
            Err(ShardError::OutOfRange { .. })
        ));
        assert!(matches!(
            ShardPlan::from_args(None, Some("x"), Some(4)),
            Err(ShardError::BadRange(_))
        ));
    }

    #[test]
    fn shard_zero_is_in_exactly_one_process() {
        let with_zero = fleet(3, 16)
            .iter()
            .filter(|p| p.shards().unwrap().contains(&0))
            .count();
        assert_eq!(with_zero, 1, "DMs arrive on shard 0 only");
    }
}
