//! The households of a region: `n` equal-sized groups (quantiles of the adult population),
//! each placed at the *mean of its quantile bin* rather than at the bin's midpoint, because
//! midpoints understate heavy-tailed inequality (see `models/README.md`, "Households").

use crate::math::{normal_cdf, normal_quantile, pow};

/// Why a region's figures cannot give a population.
#[derive(Debug, Clone, PartialEq)]
pub enum PopulationError {
    /// Fewer groups than the wealth brackets need (one household in the top 1 %).
    TooFewGroups(usize),
    /// A bracket share is negative, not finite, or the shares do not add up to one.
    BadShares(String),
    /// Mean wealth is not positive and finite.
    BadMean(f64),
}

impl std::fmt::Display for PopulationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooFewGroups(n) => write!(f, "{n} household groups are too few (need 100)"),
            Self::BadShares(why) => write!(f, "wealth shares: {why}"),
            Self::BadMean(m) => write!(f, "mean wealth {m} is not a positive number"),
        }
    }
}

/// The lognormal σ whose Gini is `gini`: G = 2Φ(σ/√2) − 1, inverted. The Gini is kept
/// inside (0, 0.99) so that σ stays finite.
pub fn sigma_from_gini(gini: f64) -> f64 {
    let g = if gini.is_finite() {
        gini.clamp(1e-6, 0.99)
    } else {
        0.3
    };
    std::f64::consts::SQRT_2 * normal_quantile((g + 1.0) / 2.0)
}

/// Bin means of a lognormal(σ) distribution split into `n` equal quantile bins, scaled to
/// mean 1 (poorest first). Bin i's mean is n·[Φ(z_{i+1} − σ) − Φ(z_i − σ)]·e^{σ²/2}, with
/// z_i = Φ⁻¹(i/n); the upper half uses the survival function to keep tail precision.
pub fn lognormal_bin_means(n: usize, sigma: f64) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    // Φ and Φ⁻¹ from crate::math, not statrs: the households must be bit-identical natively
    // and in wasm (statrs calls the platform's logarithm).
    let z = |i: usize| -> f64 {
        if i == 0 {
            f64::NEG_INFINITY
        } else if i == n {
            f64::INFINITY
        } else {
            normal_quantile(i as f64 / n as f64)
        }
    };
    let mass = |lo: f64, hi: f64| -> f64 {
        if lo - sigma > 0.0 {
            normal_cdf(sigma - lo) - normal_cdf(sigma - hi)
        } else {
            normal_cdf(hi - sigma) - normal_cdf(lo - sigma)
        }
    };
    let mut means: Vec<f64> = (0..n).map(|i| n as f64 * mass(z(i), z(i + 1))).collect();
    let total: f64 = means.iter().sum();
    if total > 0.0 {
        let scale = n as f64 / total;
        means.iter_mut().for_each(|m| *m *= scale);
    }
    means
}

/// Shares of total wealth held by four brackets of adults, as fractions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WealthShares {
    /// Poorest 50 %.
    pub bottom50: f64,
    /// Next 40 % (the 50th to 90th percentiles).
    pub middle40: f64,
    /// Richest 10 % (including the top 1 %).
    pub top10: f64,
    /// Richest 1 %.
    pub top1: f64,
}

/// Wealth of each of `n` groups (poorest first), with mean `mean`, reproducing the bracket
/// shares exactly. Inside the bottom three brackets wealth rises linearly with rank and is
/// continuous across bracket edges; the top 1 % is a Pareto tail starting where the 90–99 %
/// bracket ends, with the exponent that gives its share. Each bracket is finally rescaled to
/// its exact share, so rounding of bracket edges at odd `n` cannot shift the shares.
pub fn wealth_levels(
    n: usize,
    shares: &WealthShares,
    mean: f64,
) -> Result<Vec<f64>, PopulationError> {
    if n < 100 {
        return Err(PopulationError::TooFewGroups(n));
    }
    if !(mean.is_finite() && mean > 0.0) {
        return Err(PopulationError::BadMean(mean));
    }
    let s = shares;
    let all = [s.bottom50, s.middle40, s.top10, s.top1];
    if all.iter().any(|x| !x.is_finite() || *x < 0.0) {
        return Err(PopulationError::BadShares(
            "each share must be a number ≥ 0".into(),
        ));
    }
    let sum = s.bottom50 + s.middle40 + s.top10;
    if (sum - 1.0).abs() > 0.005 {
        return Err(PopulationError::BadShares(format!(
            "bottom 50 + middle 40 + top 10 = {sum:.4}, not 1"
        )));
    }
    if s.top1 > s.top10 {
        return Err(PopulationError::BadShares("top 1 % above top 10 %".into()));
    }
    // Brackets as (first rank, end rank, share of total wealth).
    let edge = |q: f64| ((q * n as f64).round() as usize).clamp(1, n - 1);
    let (e50, e90, e99) = (edge(0.5), edge(0.9), edge(0.99));
    let brackets = [
        (0, e50, s.bottom50 / sum),
        (e50, e90, s.middle40 / sum),
        (e90, e99, (s.top10 - s.top1) / sum),
        (e99, n, s.top1 / sum),
    ];
    let total = mean * n as f64;
    let mut levels = Vec::with_capacity(n);
    let mut lo = 0.0_f64;
    for (index, &(first, end, share)) in brackets.iter().enumerate() {
        let k = end - first;
        let bracket_mean = share * total / k as f64;
        let start = lo.min(bracket_mean);
        let is_tail = index == brackets.len() - 1;
        let ratio = if start > 0.0 {
            bracket_mean / start
        } else {
            0.0
        };
        let from = levels.len();
        if is_tail && ratio > 1.0 {
            pareto_bin_means(k, start, ratio, &mut levels);
        } else {
            let end_level = 2.0 * bracket_mean - start;
            for j in 0..k {
                let u = (j as f64 + 0.5) / k as f64;
                levels.push(start + (end_level - start) * u);
            }
            lo = end_level;
        }
        let got: f64 = levels[from..].iter().sum();
        if got > 0.0 {
            let scale = share * total / got;
            levels[from..].iter_mut().for_each(|x| *x *= scale);
        }
    }
    Ok(levels)
}

/// Appends the bin means of `k` equal quantile bins of a Pareto distribution with minimum
/// `start` and mean `start·ratio` (exponent a = ratio/(ratio − 1)).
fn pareto_bin_means(k: usize, start: f64, ratio: f64, out: &mut Vec<f64>) {
    let a = ratio / (ratio - 1.0);
    let power = 1.0 - 1.0 / a;
    let survival = |u: f64| pow((1.0 - u).max(0.0), power);
    for j in 0..k {
        let (u0, u1) = (j as f64 / k as f64, (j + 1) as f64 / k as f64);
        out.push(start * ratio * k as f64 * (survival(u0) - survival(u1)));
    }
}
