//! The production-phase schedule: which phase is in force each year (what each phase can make
//! of each category of the basket is in `PhaseSpec::ceiling`; take-up is take_up.rs).

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
