//! The exogenous paths of a run: the share of tasks machines do (automation that slows as
//! it nears the ceiling of automatable tasks), productivity, and the peer-production phases.

use super::economy::CommonsTech;
use super::phases;
use crate::catalog::{param as p, RegionFigures, BASE_YEAR, CATEGORY_COUNT};
use crate::scenario::Scenario;

/// Lowest share of tasks done by machines (some tasks always need capital).
pub const ALPHA_MIN: f64 = 0.05;
/// Highest share of tasks done by machines.
pub const ALPHA_MAX: f64 = 0.99;

/// The task model's automation settings, all as fractions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Automation {
    /// Share of labour's tasks displaced in the first year (`automation` / 100): the pace
    /// today.
    pub displacement: f64,
    /// Share of labour's tasks reinstated each year (`reinstatement` / 100).
    pub reinstatement: f64,
    /// Share of the tasks people do in the base year that machines can ever do
    /// (`automation_ceiling` / 100).
    pub ceiling: f64,
    /// Extra TFP growth per percentage point of tasks automated on net.
    pub gain: f64,
    /// Trend TFP growth.
    pub trend_growth: f64,
}

/// The share of tasks machines do, `α_t`, and the TFP index `A_t` for years `0..years`.
///
/// Labour's task share Γ = 1 − α falls by the tasks displaced and rises by the tasks
/// reinstated (Acemoglu & Restrepo 2019). Displacement runs at today's pace on the tasks
/// still automatable: `d_t = displacement · (Γ_{t−1} − Γ_min) / ceiling`, with
/// `Γ_min = Γ_0 (1 − ceiling)` the tasks no machine can do, so it equals
/// `displacement · Γ_0` in the first year and fades as Γ nears Γ_min. With displacement equal
/// to reinstatement, Γ stays at Γ_0 exactly.
pub fn automation(alpha0: f64, a: &Automation, years: usize) -> (Vec<f64>, Vec<f64>) {
    let labour0 = 1.0 - alpha0;
    let floor = labour0 * (1.0 - a.ceiling);
    let (mut alpha, mut tfp_path) = (Vec::with_capacity(years), Vec::with_capacity(years));
    let (mut labour, mut tfp) = (labour0, 1.0);
    for t in 0..years {
        if t > 0 {
            let displaced = if a.ceiling > 0.0 {
                a.displacement * (labour - floor).max(0.0) / a.ceiling
            } else {
                0.0
            };
            let next = (labour - displaced + a.reinstatement * labour)
                .clamp(1.0 - ALPHA_MAX, 1.0 - ALPHA_MIN);
            tfp *= 1.0 + a.trend_growth + a.gain * ((labour - next) * 100.0).max(0.0);
            labour = next;
        }
        alpha.push(1.0 - labour);
        tfp_path.push(tfp);
    }
    (alpha, tfp_path)
}

/// The automation settings of a scenario.
pub fn automation_of(scenario: &Scenario) -> Automation {
    let v = |i: usize| scenario.get(i);
    Automation {
        displacement: v(p::AUTOMATION) / 100.0,
        reinstatement: v(p::REINSTATEMENT) / 100.0,
        ceiling: v(p::AUTOMATION_CEILING) / 100.0,
        gain: v(p::AUTOMATION_GAIN) / 100.0,
        trend_growth: v(p::TFP_GROWTH) / 100.0,
    }
}

/// The basket's categories (models/phases.toml order): the region's spending shares,
/// normalised to 1 (the region files hold them to ±0.005).
pub fn basket(r: &RegionFigures) -> [f64; CATEGORY_COUNT] {
    let mut basket = [
        r.basket_food.value,
        r.basket_clothing.value,
        r.basket_durables.value,
        r.basket_energy.value,
        r.basket_housing.value,
        r.basket_services.value,
    ];
    let total: f64 = basket.iter().map(|b| b.max(0.0)).sum();
    basket
        .iter_mut()
        .for_each(|b| *b = if total > 0.0 { b.max(0.0) / total } else { 0.0 });
    basket
}

/// The commons technology for every year of a scenario at full take-up: the phase in force
/// sets the technology and what it can make of each category of the basket (`ceiling.<category>`
/// in models/phases.toml). Each year's take-up (take_up.rs) scales the categories' shares; the
/// basket's peer-produced share is then `p_t = Σ_k b_k s_k` with `s_k = take-up × ceiling_k`,
/// so it can never pass what the phases can make.
pub fn commons(
    scenario: &Scenario,
    years: usize,
    basket: &[f64; CATEGORY_COUNT],
) -> Vec<CommonsTech> {
    let v = |i: usize| scenario.get(i);
    let starts = [v(p::PHASE0), v(p::PHASE1), v(p::PHASE2), v(p::PHASE3)];
    let cost_scale = v(p::COMMONS_COST);
    let hours_scale = v(p::COMMONS_HOURS).max(0.0);
    // 0: each phase's own rule; 1: every phase owned like market equity (the ownership
    // channel switched off).
    let phase_ownership = v(p::COMMONS_OWNERSHIP) == 0.0;
    (0..years)
        .map(|t| {
            let year = BASE_YEAR + t as i32;
            match (t, phases::in_force(starts, year)) {
                (0, _) | (_, None) => CommonsTech::none(),
                (_, Some(ph)) => {
                    let mut categories = [0.0; CATEGORY_COUNT];
                    for (s, ceiling) in categories.iter_mut().zip(&ph.ceiling) {
                        *s = ceiling.value.clamp(0.0, 1.0);
                    }
                    CommonsTech {
                        share: basket.iter().zip(&categories).map(|(b, s)| b * s).sum(),
                        categories,
                        take_up: 1.0,
                        unit_cost: (ph.unit_cost.value * cost_scale).min(1.0),
                        materials: ph.materials.value,
                        labour_share: ph.labour_share.value,
                        capital_output: ph.capital_output.value,
                        recycling: ph.recycling.value,
                        transport_km: ph.transport_km.value,
                        hours: ph.hours.value * hours_scale,
                        energy: ph.energy.value,
                        equal_ownership: ph.equal_ownership && phase_ownership,
                        own_use: ph.own_use,
                        phase: ph.number as f64,
                    }
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(displacement: f64, reinstatement: f64, ceiling: f64) -> Automation {
        Automation {
            displacement,
            reinstatement,
            ceiling,
            gain: 0.0,
            trend_growth: 0.0,
        }
    }

    #[test]
    fn equal_displacement_and_reinstatement_keep_the_task_share() {
        let (alpha, _) = automation(0.4, &settings(0.007, 0.007, 0.46), 100);
        assert!(alpha.iter().all(|a| (a - 0.4).abs() < 1e-15), "{alpha:?}");
    }

    #[test]
    fn first_year_runs_at_todays_pace_then_slows() {
        let (alpha, _) = automation(0.4, &settings(0.01, 0.0, 0.5), 200);
        // Year 1: 1 % of labour's 0.6 displaced.
        assert!((alpha[1] - (0.4 + 0.006)).abs() < 1e-15);
        let steps: Vec<f64> = alpha.windows(2).map(|w| w[1] - w[0]).collect();
        assert!(steps.windows(2).all(|s| s[1] <= s[0] + 1e-18));
        // Never beyond the ceiling: labour keeps at least half its base-year tasks.
        assert!(alpha.iter().all(|a| *a <= 0.4 + 0.5 * 0.6 + 1e-12));
        assert!(alpha[199] > 0.4 + 0.9 * 0.3, "{}", alpha[199]);
    }
}
