//! Sampling the distribution of an uncertain parameter by inverting its distribution
//! function (one uniform number in, one value out, so draws stay reproducible).
//!
//! Uniform and triangular use statrs, whose inverses need only arithmetic and square roots
//! (exact on every platform). The truncated normal uses [`crate::math`]: statrs' normal calls
//! the platform's logarithm, which differs between native and wasm in the last bit, and the
//! worker's draws must equal the native ones.

use crate::catalog::Distribution;
use crate::math::{exp, normal_cdf, normal_quantile};
use statrs::distribution::{ContinuousCDF, Triangular, Uniform};

/// The value at cumulative probability `p` (0 < p < 1).
///
/// The truncated normal maps `p` into the mass between its bounds before inverting, which
/// samples it exactly (no rejection loop, so one uniform number per value).
pub fn quantile(dist: &Distribution, p: f64) -> f64 {
    let p = p.clamp(f64::MIN_POSITIVE, 1.0 - f64::EPSILON);
    match *dist {
        Distribution::Uniform { low, high } => match Uniform::new(low, high) {
            Ok(d) => d.inverse_cdf(p),
            Err(_) => low,
        },
        Distribution::Triangular { low, mode, high } => match Triangular::new(low, high, mode) {
            Ok(d) => d.inverse_cdf(p),
            Err(_) => mode,
        },
        Distribution::Normal {
            mean,
            sd,
            low,
            high,
        } if sd > 0.0 => {
            let (a, b) = (
                normal_cdf((low - mean) / sd),
                normal_cdf((high - mean) / sd),
            );
            (mean + sd * normal_quantile(a + p * (b - a))).clamp(low, high)
        }
        Distribution::Normal {
            mean, low, high, ..
        } => mean.clamp(low, high),
    }
}

/// The lowest and highest values the distribution can take.
pub fn support(dist: &Distribution) -> (f64, f64) {
    match *dist {
        Distribution::Uniform { low, high } | Distribution::Triangular { low, high, .. } => {
            (low, high)
        }
        Distribution::Normal { low, high, .. } => (low, high),
    }
}

/// Mean and variance, exact (for the truncated normal, the standard formulas with the
/// standard normal density φ and distribution Φ at the standardised bounds α and β).
pub fn moments(dist: &Distribution) -> (f64, f64) {
    match *dist {
        Distribution::Uniform { low, high } => ((low + high) / 2.0, (high - low).powi(2) / 12.0),
        Distribution::Triangular { low, mode, high } => (
            (low + mode + high) / 3.0,
            (low * low + mode * mode + high * high - low * mode - low * high - mode * high) / 18.0,
        ),
        Distribution::Normal {
            mean,
            sd,
            low,
            high,
        } => {
            let density = |x: f64| exp(-0.5 * x * x) / (2.0 * std::f64::consts::PI).sqrt();
            let (alpha, beta) = ((low - mean) / sd, (high - mean) / sd);
            let mass = normal_cdf(beta) - normal_cdf(alpha);
            let shift = (density(alpha) - density(beta)) / mass;
            let spread = (alpha * density(alpha) - beta * density(beta)) / mass;
            (mean + sd * shift, sd * sd * (1.0 + spread - shift * shift))
        }
    }
}

/// A short description for people, e.g. "triangular 0.08 – 0.3, most likely 0.15".
pub fn describe(dist: &Distribution) -> String {
    match *dist {
        Distribution::Uniform { low, high } => format!("uniform {low} – {high}"),
        Distribution::Triangular { low, mode, high } => {
            format!("triangular {low} – {high}, most likely {mode}")
        }
        Distribution::Normal {
            mean,
            sd,
            low,
            high,
        } => format!("normal, mean {mean}, s.d. {sd}, cut to {low} – {high}"),
    }
}
