//! Endogenous take-up of peer production (models/README.md §4, "Take-up"): how much of what
//! the phase in force can make is peer-produced this year, from last year's state, so that
//! the year keeps one unknown.
//!
//! Take-up follows a Bass curve (Bass 1969) toward the ceiling public support allows (`p2p`):
//! a hazard of innovation plus imitation, scaled by what drives adoption — the cost advantage
//! of peer-produced goods, which learning widens (Wright's law: unit cost falls by the
//! learning rate with each doubling of cumulative commons output), and the time people have
//! outside market work, which joblessness or a Basic Income frees for the commons.

use super::economy::{CommonsTech, Economy};
use super::flows::State;
use crate::catalog::PHASES;

/// The Bass coefficient of innovation: the hazard of adopting with no one else having done
/// so (an assumption at the low end of published estimates, about 0.01–0.03 a year: Sultan,
/// Farley & Lehmann 1990).
pub const INNOVATION: f64 = 0.01;

/// The drivers' combined factor stays within these bounds (a reading of the drivers far from
/// the base year's should not make adoption jump or stop outright).
const DRIVERS: (f64, f64) = (0.0, 3.0);

/// Unit cost never falls below this share of the table's (materials and machines still cost).
const COST_FLOOR: f64 = 0.25;

/// The commons technology of year `t`: the phase in force (the economy's envelope at full
/// take-up) scaled by this year's take-up, and its unit cost after learning.
pub fn commons_of_year(e: &Economy, t: usize, s: &State) -> CommonsTech {
    let envelope = e.commons[t];
    if envelope.phase < 0.0 || e.take_up_ceiling <= 0.0 {
        return CommonsTech::none();
    }
    // Learning: cumulative output relative to the scale at which the table's costs hold.
    let learning = if e.learning_exponent > 0.0 && e.learning_scale > 0.0 {
        crate::math::pow(
            1.0 + s.commons_cumulative / e.learning_scale,
            -e.learning_exponent,
        )
    } else {
        1.0
    };
    let unit_cost = (envelope.unit_cost * learning.max(COST_FLOOR)).min(1.0);
    // The drivers, from last year: the cost gap against the table's, and the time outside
    // market work against the base year's.
    // The gap is measured against the phase table's own (before `commons_cost`), so dearer
    // commons goods are taken up slower and learning speeds take-up.
    let gap = |kappa: f64| (1.0 - kappa).max(0.0);
    let table = PHASES[envelope.phase as usize].unit_cost.value;
    let last_cost = if s.take_up > 0.0 {
        s.commons_unit_cost
    } else {
        envelope.unit_cost
    };
    let cost_factor = if gap(table) > 0.0 {
        gap(last_cost) / gap(table)
    } else {
        0.0
    };
    let time_factor = if e.time_available0 > 0.0 {
        s.time_available / e.time_available0
    } else {
        1.0
    };
    let drivers = (cost_factor * time_factor).clamp(DRIVERS.0, DRIVERS.1);
    let ceiling = e.take_up_ceiling;
    let last = s.take_up.clamp(0.0, ceiling);
    let hazard = (INNOVATION + e.imitation * last / ceiling) * drivers;
    let take_up = (last + hazard * (ceiling - last)).clamp(0.0, ceiling);
    let mut categories = envelope.categories;
    categories.iter_mut().for_each(|c| *c *= take_up);
    CommonsTech {
        share: envelope.share * take_up,
        categories,
        unit_cost,
        take_up,
        ..envelope
    }
}
