//! The production-phase schedule: which phase is in force each year (what each phase can make
//! of each category of the basket is in `PhaseSpec::ceiling`), and how take-up spreads.

use crate::catalog::{PhaseSpec, PHASES};

/// The phase in force in calendar `year`: the highest-numbered phase whose start year has
/// come (so a phase scheduled after a later one is skipped), or `None` (market only).
/// `starts[k]` is phase k's start year; 0 means "off".
pub fn in_force(starts: [f64; 4], year: i32) -> Option<&'static PhaseSpec> {
    (0..4)
        .rev()
        .find(|&k| starts[k] > 0.0 && starts[k] <= year as f64)
        .map(|k| &PHASES[k])
}

/// The first year any phase is in force, if any.
pub fn first_start(starts: [f64; 4]) -> Option<f64> {
    starts
        .iter()
        .copied()
        .filter(|s| *s > 0.0)
        .min_by(|a, b| a.total_cmp(b))
}

/// Logistic diffusion of peer production from the first phase's start toward `target` at the
/// last year, normalised so the path starts at 0 and ends exactly at `target`. `speed` is the
/// logistic rate per year: small values give a nearly straight line, large ones an S-curve.
pub fn diffusion(target: f64, speed: f64, start: f64, end: f64, year: f64) -> f64 {
    if target <= 0.0 || year < start || end <= start {
        return 0.0;
    }
    let mid = 0.5 * (start + end);
    let logistic = |t: f64| 1.0 / (1.0 + crate::math::exp(-speed * (t - mid)));
    let (l0, l1) = (logistic(start), logistic(end));
    let share = (logistic(year.min(end)) - l0) / (l1 - l0);
    target * share.clamp(0.0, 1.0)
}
