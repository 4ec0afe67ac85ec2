//! Godley & Lavoie's model SIM, the simplest stock-flow consistent economy, run through the
//! full MAP engine as a special case ([`Economy::sim`]).
//!
//! Kept as a named entry point because it is the oracle the engine must reproduce (see
//! `models/reference/`) and a tiny, instantly understood demonstration.

use super::economy::Economy;
use super::run::simulate;
use crate::catalog::output;

/// Tax rate θ of Godley & Lavoie's SIM.
pub const THETA: f64 = 0.2;
/// Propensity to consume out of disposable income, α1.
pub const ALPHA1: f64 = 0.6;
/// Propensity to consume out of wealth, α2.
pub const ALPHA2: f64 = 0.4;

/// National income `Y` of model SIM for `periods` periods, starting from zero stocks, with
/// government spending `government_spending` from the second period on (Godley & Lavoie
/// 2007, ch. 3, Table 3.4 indexing). Empty if the engine cannot solve it (it always can for
/// finite, non-negative spending).
pub fn income_path(government_spending: f64, periods: usize) -> Vec<f64> {
    let g = if government_spending.is_finite() {
        government_spending.max(0.0)
    } else {
        0.0
    };
    let economy = Economy::sim(periods, g, THETA, ALPHA1, ALPHA2);
    simulate(&economy)
        .map(|path| path.get(output::GDP).to_vec())
        .unwrap_or_default()
}
