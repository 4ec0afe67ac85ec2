//! Godley & Lavoie's model SIM, the simplest stock-flow consistent economy.
//!
//! Kept as a named entry point because it is the oracle the full engine must reproduce
//! (see `models/reference/`) and a tiny, instantly understood demonstration.

/// National income `Y` of model SIM for `periods` periods, starting from zero stocks, with
/// government spending `government_spending` from the second period on, tax rate 0.2 and
/// propensities to consume 0.6 (income) and 0.4 (wealth), as in Godley & Lavoie (2007), ch. 3.
pub fn income_path(government_spending: f64, periods: usize) -> Vec<f64> {
    const THETA: f64 = 0.2;
    const ALPHA1: f64 = 0.6;
    const ALPHA2: f64 = 0.4;
    let mut money = 0.0;
    let mut path = Vec::with_capacity(periods);
    for period in 0..periods {
        let g = if period == 0 { 0.0 } else { government_spending };
        // Y = C + G, C = α1 (1−θ) Y + α2 H₋₁  ⇒  Y = (G + α2 H₋₁) / (1 − α1 (1−θ))
        let income = (g + ALPHA2 * money) / (1.0 - ALPHA1 * (1.0 - THETA));
        let disposable = (1.0 - THETA) * income;
        let consumption = ALPHA1 * disposable + ALPHA2 * money;
        money += disposable - consumption;
        path.push(income);
    }
    path
}
