//! The labour market of a year and the price feedback (models/README.md §3a–3b), as pure
//! functions of the year's predetermined state: the real wage, the hours people offer, and
//! the central bank's real interest rate. Everything here is set before the year's
//! consumption is solved, so the solver keeps one unknown a year.

use super::economy::{LabourMarket, WageAnchor};
use crate::math;

/// Inflation the central bank aims at, a year (the steady path's inflation).
pub const INFLATION_TARGET: f64 = 0.02;
/// Rise of the real interest rate per point of inflation above target: a Taylor rule's 1.5
/// on inflation, less the point of inflation itself (Taylor 1993).
pub const TAYLOR_RESPONSE: f64 = 0.5;
/// Highest real interest rate the central bank sets: about the US peak of the early 1980s
/// (federal funds near 19 % with inflation near 10 %, 1981).
pub const MAX_REAL_RATE: f64 = 0.10;
/// Points of inflation per point of unemployment below its equilibrium rate: the US price
/// Phillips curve 1961–2018 (Hooper, Mishkin & Sufi 2020, "Prospects for inflation in a high
/// pressure economy", Research in Economics 74(1)).
pub const PHILLIPS_SLOPE: f64 = 0.14;
/// Elasticity of pay to unemployment in the bargaining view (the wage curve: Blanchflower &
/// Oswald 1994; the meta-analysis of Nijkamp & Poot 2005 finds 0.07).
pub const WAGE_CURVE: f64 = 0.1;

/// The wage per efficiency hour at which firms, producing `expected_output` with labour's
/// task share `1 − alpha`, employ `employable` efficiency hours (per adult): the task model's
/// labour demand `(1 − α) Y / w` solved for `w`.
pub fn clearing_wage(alpha: f64, expected_output: f64, employable: f64) -> f64 {
    if employable > 0.0 {
        (1.0 - alpha) * expected_output / employable
    } else {
        f64::INFINITY
    }
}

/// The bargaining view's wage: the base-year wage grown with total factor productivity
/// `tfp`, lowered along the wage curve when last year's unemployment was above its
/// equilibrium rate (raised when below).
pub fn bargained_wage(lm: &LabourMarket, tfp: f64, unemployment: f64) -> f64 {
    let ratio = unemployment.max(1e-4) / lm.equilibrium.max(1e-4);
    lm.wage0 * tfp * math::pow(ratio, -WAGE_CURVE)
}

/// This year's wage: last year's, grown at the trend rate, plus the share `flexibility` of
/// the (log) gap between the anchor and that. On a steady path the anchor grows at the trend
/// rate too, so the wage stays on it.
pub fn next_wage(previous: f64, trend_step: f64, anchor: f64, flexibility: f64) -> f64 {
    let on_trend = previous * trend_step;
    if !(anchor > 0.0 && anchor.is_finite() && on_trend > 0.0) {
        return on_trend;
    }
    on_trend * math::exp(flexibility * math::ln(anchor / on_trend))
}

/// The anchor of year t's wage.
pub fn anchor(
    lm: &LabourMarket,
    alpha: f64,
    expected_output: f64,
    employable: f64,
    tfp: f64,
    unemployment_prev: f64,
) -> f64 {
    match lm.anchor {
        WageAnchor::Clearing => clearing_wage(alpha, expected_output, employable),
        WageAnchor::Tfp => bargained_wage(lm, tfp, unemployment_prev),
    }
}

/// The substitution effect on hours: the net wage relative to its trend and to the base
/// year's, raised to the elasticity. Trend growth itself leaves hours unchanged (balanced
/// growth: its income and substitution effects cancel).
pub fn substitution(
    wage: f64,
    wage_on_trend: f64,
    tax_known: f64,
    tax0: f64,
    elasticity: f64,
) -> f64 {
    let net = (wage / wage_on_trend) * (1.0 - tax_known) / (1.0 - tax0);
    if elasticity == 0.0 || !(net > 0.0 && net.is_finite()) {
        return if net > 0.0 || elasticity == 0.0 {
            1.0
        } else {
            0.0
        };
    }
    math::pow(net, elasticity)
}

/// Hours a household offers: the substitution effect times the income effect of the Basic
/// Income `basic_income` for someone who would earn `full_time_pay` (models/README.md §2).
pub fn hours(substitution: f64, hours_eta: f64, basic_income: f64, full_time_pay: f64) -> f64 {
    let income = if basic_income > 0.0 {
        (1.0 - hours_eta * basic_income / (basic_income + full_time_pay)).max(0.0)
    } else {
        1.0
    };
    substitution * income
}

/// The income effect of a Basic Income `basic_income` on the hours of someone who would earn
/// `full_time_pay`: the share of their hours they keep (1 without a Basic Income), as in
/// [`hours`] (which keeps its own copy: the solver's loop is faster with it written out).
pub fn income_effect(hours_eta: f64, basic_income: f64, full_time_pay: f64) -> f64 {
    if basic_income > 0.0 {
        (1.0 - hours_eta * basic_income / (basic_income + full_time_pay)).max(0.0)
    } else {
        1.0
    }
}

/// The real interest rate of a year: the central bank's rate on target, raised by
/// [`TAYLOR_RESPONSE`] per point of last year's inflation above target (lowered below it),
/// between 0 and [`MAX_REAL_RATE`].
pub fn real_rate(base: f64, inflation_prev: f64) -> f64 {
    (base + TAYLOR_RESPONSE * (inflation_prev - INFLATION_TARGET)).clamp(0.0, MAX_REAL_RATE)
}

/// Inflation pressure: the target, plus the demand beyond the ceiling as a share of it (the
/// price rise that would ration it), plus the Phillips-curve term for unemployment below its
/// equilibrium rate (minus, above it).
pub fn inflation(excess: f64, ceiling: f64, unemployment: f64, equilibrium: f64) -> f64 {
    let demand_pull = if ceiling > 0.0 {
        excess.max(0.0) / ceiling
    } else {
        0.0
    };
    INFLATION_TARGET + demand_pull + PHILLIPS_SLOPE * (equilibrium - unemployment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wage_stays_on_an_anchor_that_grows_at_trend() {
        let w = next_wage(100.0, 1.01, 101.0, 0.3);
        assert!((w - 101.0).abs() < 1e-12, "{w}");
    }

    #[test]
    fn the_wage_closes_the_share_flexibility_of_the_log_gap() {
        let w = next_wage(100.0, 1.0, 90.0, 0.25);
        assert!((w.ln() - (100f64.ln() + 0.25 * (0.9f64).ln())).abs() < 1e-12);
        assert!((next_wage(100.0, 1.0, 90.0, 1.0) - 90.0).abs() < 1e-9);
        assert_eq!(next_wage(100.0, 1.0, 90.0, 0.0), 100.0);
    }

    #[test]
    fn clearing_wage_employs_the_labour_force() {
        let w = clearing_wage(0.4, 100.0, 0.95);
        // Labour demand (1 − α) Y / w equals what is employable.
        assert!(((0.6 * 100.0 / w) - 0.95).abs() < 1e-12);
    }

    #[test]
    fn trend_growth_alone_leaves_hours_unchanged() {
        assert_eq!(substitution(110.0, 110.0, 0.3, 0.3, 0.25), 1.0);
        let cut = substitution(100.0, 100.0, 0.3, 0.2, 0.25);
        assert!((cut - (0.7f64 / 0.8).powf(0.25)).abs() < 1e-12);
    }

    #[test]
    fn the_real_rate_follows_inflation_within_bounds() {
        assert_eq!(real_rate(0.015, INFLATION_TARGET), 0.015);
        assert!((real_rate(0.015, 0.04) - 0.025).abs() < 1e-15);
        assert_eq!(real_rate(0.0, -0.5), 0.0);
        assert_eq!(real_rate(0.05, 5.0), MAX_REAL_RATE);
    }

    #[test]
    fn inflation_is_on_target_in_equilibrium() {
        assert_eq!(inflation(0.0, 100.0, 0.04, 0.04), INFLATION_TARGET);
        assert!(inflation(5.0, 100.0, 0.04, 0.04) > 0.06);
        assert!(inflation(0.0, 100.0, 0.10, 0.04) < INFLATION_TARGET);
    }
}
