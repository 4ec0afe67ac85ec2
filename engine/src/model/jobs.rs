//! Who loses work when the market demands fewer hours than households offer.
//!
//! Each group's risk of losing its hours falls linearly with its skill rank: group i loses
//! the share `min(1, k · (1 − r_i))` of the hours it offers, with one intensity `k` a year
//! chosen so that the hours lost add up to the hours not demanded. The least skilled lose
//! most (displacement concentrates on routine, lower-wage tasks: Acemoglu & Restrepo 2022),
//! but joblessness reaches every rank a little, as unemployment spells do; the shares are
//! continuous in the hours demanded, which the year's solver needs.

/// A group's relative risk of losing work: 1 − its skill rank.
pub fn risk(rank: f64) -> f64 {
    1.0 - rank
}

/// Per-year tables for rationing (the hours offered do not change within a year).
#[derive(Debug, Default, Clone)]
pub struct Rationing {
    /// `prefix[m]`: hours offered by the `m` least skilled groups.
    prefix: Vec<f64>,
    /// `suffix[m]`: Σ over groups i ≥ m of hours offered × risk.
    suffix: Vec<f64>,
    risk: Vec<f64>,
}

/// The rationing of one year: the `full` least skilled groups lose all their hours, the
/// others the share `intensity × risk`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layoffs {
    pub full: usize,
    pub intensity: f64,
}

impl Layoffs {
    /// Nobody loses work.
    pub const NONE: Layoffs = Layoffs {
        full: 0,
        intensity: 0.0,
    };

    /// Share of its offered hours group `i` (with risk `risk`) does not work.
    pub fn share(&self, i: usize, risk: f64) -> f64 {
        if i < self.full {
            1.0
        } else {
            (self.intensity * risk).clamp(0.0, 1.0)
        }
    }
}

impl Rationing {
    /// Prepares the tables for groups offering `hours` (poorest skill first, equal sizes).
    pub fn prepare(&mut self, hours: &[f64]) {
        let n = hours.len();
        if self.risk.len() != n {
            self.risk.clear();
            self.risk
                .extend((0..n).map(|i| risk((i as f64 + 0.5) / n as f64)));
        }
        // Both running sums in one pass, one from each end: they do not wait on each other.
        self.prefix.resize(n + 1, 0.0);
        self.suffix.resize(n + 1, 0.0);
        let (prefix, suffix, risk) = (
            &mut self.prefix[..=n],
            &mut self.suffix[..=n],
            &self.risk[..n],
        );
        prefix[0] = 0.0;
        suffix[n] = 0.0;
        let (mut running, mut from_top) = (0.0, 0.0);
        for k in 0..n {
            running += hours[k];
            prefix[k + 1] = running;
            let i = n - 1 - k;
            from_top += hours[i] * risk[i];
            suffix[i] = from_top;
        }
    }

    /// The risk of group `i`.
    pub fn risk_of(&self, i: usize) -> f64 {
        self.risk[i]
    }

    /// The risk of every group.
    pub fn risk(&self) -> &[f64] {
        &self.risk
    }

    /// Total hours offered.
    pub fn offered(&self) -> f64 {
        self.prefix.last().copied().unwrap_or(0.0)
    }

    /// The layoffs that remove exactly `jobless` hours (clamped to what is offered).
    pub fn layoffs(&self, jobless: f64) -> Layoffs {
        let n = self.risk.len();
        let offered = self.offered();
        if jobless.is_nan() || jobless <= 0.0 || offered <= 0.0 {
            return Layoffs::NONE;
        }
        if jobless >= offered {
            return Layoffs {
                full: n,
                intensity: 0.0,
            };
        }
        let intensity = |m: usize| {
            if self.suffix[m] > 0.0 {
                (jobless - self.prefix[m]) / self.suffix[m]
            } else {
                f64::INFINITY
            }
        };
        // Smallest m whose group m is not wholly laid off at the intensity m implies.
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let m = (lo + hi) / 2;
            if intensity(m) * self.risk[m] <= 1.0 {
                hi = m;
            } else {
                lo = m + 1;
            }
        }
        if lo >= n {
            return Layoffs {
                full: n,
                intensity: 0.0,
            };
        }
        Layoffs {
            full: lo,
            intensity: intensity(lo).max(0.0),
        }
    }
}
