//! Calibrating an economy to its region: the base year on a steady growth path at the trend
//! rate, reproducing the region's data (models/README.md §7).

use super::economy::{Calibration, Economy, FiscalRule, LabourMarket, WageAnchor, MAX_TAX_RATE};
use super::error::ModelError;
use super::jobs::Rationing;
use super::paths;
use super::population::{self, WealthShares};
use crate::catalog::{param as p, BASE_YEAR};
use crate::scenario::Scenario;

/// Share of existing cash benefits paid equally to all (pensions and child benefits reach
/// most adults whatever their earnings); the rest is means-tested, falling linearly from the
/// least to the most skilled. Half and half puts base-year relative poverty near the data
/// (models/README.md, "Benefits").
const TRANSFER_FLAT_PART: f64 = 0.5;
/// Highest capacity use relative to normal: output can run 10 % above normal use of capital
/// (US capacity utilisation peaks near 89 % against a long-run mean near 80 %; Federal
/// Reserve G.17; models/README.md §3b).
pub const CAPACITY_MAX: f64 = 1.1;

fn ranks(n: usize) -> impl Iterator<Item = f64> {
    (0..n).map(move |i| (i as f64 + 0.5) / n as f64)
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

/// The share of efficiency hours idle when the head count `rate` of adults, each offering
/// one hour, is unemployed under the rationing by skill rank (jobs.rs), and each group's idle
/// share. Fewer efficiency hours than people are idle: the least skilled lose work most.
fn idle_at(rate: f64, skill: &[f64]) -> (f64, Vec<f64>) {
    let n = skill.len();
    let mut headcount = Rationing::default();
    headcount.prepare(&vec![1.0; n]);
    let layoffs = headcount.layoffs(rate * n as f64);
    let idle: Vec<f64> = (0..n)
        .map(|i| layoffs.share(i, headcount.risk_of(i)))
        .collect();
    let skill_total: f64 = skill.iter().sum();
    let efficiency = if skill_total > 0.0 {
        skill.iter().zip(&idle).map(|(z, u)| z * u).sum::<f64>() / skill_total
    } else {
        rate
    };
    (efficiency, idle)
}

impl Economy {
    /// Calibrates the economy of `scenario` to its region.
    pub fn calibrate(scenario: &Scenario) -> Result<(Self, Calibration), ModelError> {
        let r = &scenario.region().figures;
        let v = |i: usize| scenario.get(i);
        let n = v(p::HOUSEHOLDS) as usize;
        let years = v(p::HORIZON) as usize + 1;
        let gdp = r.gdp_per_adult.value;
        if gdp.is_nan() || gdp <= 0.0 {
            return Err(ModelError::Calibration(
                "GDP per adult must be positive".into(),
            ));
        }

        // Households: skill from the earnings Gini, wealth from the bracket shares.
        let sigma = population::sigma_from_gini(r.earnings_gini.value);
        let skill = population::lognormal_bin_means(n, sigma);
        let (mpc_low, mpc_high) = (v(p::MPC_LOW), v(p::MPC_HIGH));
        let mut mpc: Vec<f64> = ranks(n)
            .map(|rank| mpc_low - (mpc_low - mpc_high) * rank)
            .collect();
        let mut transfer_weight: Vec<f64> = ranks(n)
            .map(|rank| TRANSFER_FLAT_PART + (1.0 - TRANSFER_FLAT_PART) * 2.0 * (1.0 - rank))
            .collect();
        let tw_mean = mean(&transfer_weight);
        transfer_weight.iter_mut().for_each(|w| *w /= tw_mean);
        let shares = WealthShares {
            bottom50: r.wealth_bottom50.value,
            middle40: r.wealth_middle40.value,
            top10: r.wealth_top10.value,
            top1: r.wealth_top1.value,
        };
        let household_wealth = r.wealth_to_gdp.value * gdp;
        let wealth0 = population::wealth_levels(n, &shares, household_wealth)
            .map_err(|e| ModelError::Calibration(format!("{e:?}")))?;

        // Balance sheet: households own the market capital and the public debt; net foreign
        // assets start at zero (the base year is placed on a steady path with balanced trade).
        let mut debt0 = r.debt_to_gdp.value * gdp;
        let market_capital0 = (household_wealth - debt0).max(0.1 * household_wealth);
        debt0 = household_wealth - market_capital0;

        // Market sector and automation.
        let alpha0 = (1.0 - r.labour_share.value).clamp(paths::ALPHA_MIN, paths::ALPHA_MAX);
        let depreciation = r.depreciation.value;
        let trend_growth = v(p::TFP_GROWTH) / 100.0;
        let capital_output = market_capital0 / gdp;
        let (alpha, potential) = paths::automation(alpha0, &paths::automation_of(scenario), years);
        let trend: Vec<f64> = (0..years)
            .map(|t| crate::math::pow(1.0 + trend_growth, t as f64))
            .collect();

        // Labour market. The data's unemployment rate counts people; joblessness is rationed
        // by skill rank (jobs.rs), so the efficiency hours lost are fewer than the people.
        // The base year's rate is the equilibrium rate (the base year is on a steady path);
        // the wage per efficiency hour pays labour its task share of GDP.
        let equilibrium = r.unemployment.value.clamp(0.0, 0.9);
        let floor = r.unemployment_floor.value.clamp(0.0, equilibrium);
        let (equilibrium_idle, idle0) = idle_at(equilibrium, &skill);
        let wage0 = (1.0 - alpha0) * gdp / (1.0 - equilibrium_idle);
        let benefit_rate = r.ub_replacement.value.max(0.0);
        let unemployment_benefits0 = benefit_rate * wage0 * equilibrium_idle;

        // Government: the base-year budget balances at the observed tax take; purchases are
        // the residual (compared with the data in models/README.md).
        let interest = v(p::INTEREST) / 100.0;
        let transfers_all0 = r.transfers_to_gdp.value * gdp;
        let transfers0 = (transfers_all0 - unemployment_benefits0).max(0.0);
        let benefits0 = transfers0 + unemployment_benefits0;
        // On a steady growth path capital and debt grow at the trend rate, so the deficit is
        // g·D (debt keeps its share of output).
        let deficit0 = trend_growth * debt0;
        let purchases0 =
            (r.tax_to_gdp.value * gdp + deficit0 - benefits0 - interest * debt0).max(0.02 * gdp);
        let investment0 = (depreciation + trend_growth) * market_capital0;
        // Balanced trade in the base year: exports equal imports.
        let consumption0 = gdp - investment0 - purchases0;
        if consumption0 <= 0.1 * gdp {
            return Err(ModelError::Calibration(
                "investment and public purchases leave no room for consumption in the base year"
                    .into(),
            ));
        }
        let imports0 = r.imports_to_gdp.value.max(0.0) * gdp;
        let import_propensity = (imports0 / (consumption0 + investment0)).min(0.9);
        let open = import_propensity > 0.0;
        let exports0 = import_propensity * (consumption0 + investment0);
        let base_vat = r.consumption_tax.value;
        let taxable0 = gdp - depreciation * market_capital0 + interest * debt0;
        let revenue0 = benefits0 + purchases0 + interest * debt0 - deficit0;
        let income_tax0 = ((revenue0 - base_vat * consumption0) / taxable0).clamp(0.0, 0.9);

        // Propensities to consume out of wealth: close the base year at the observed GDP with
        // every household's wealth growing at the same rate (a stationary distribution).
        let wealth_mean = mean(&wealth0);
        let capital_income0 = alpha0 * gdp - depreciation * market_capital0 + interest * debt0;
        let liquid: Vec<f64> = (0..n)
            .map(|i| {
                let fin = if wealth_mean > 0.0 {
                    capital_income0 * wealth0[i] / wealth_mean
                } else {
                    0.0
                };
                let wages = wage0 * skill[i] * (1.0 - idle0[i]);
                let benefits = benefit_rate * wage0 * skill[i] * idle0[i];
                (1.0 - income_tax0) * (wages + fin) + transfers0 * transfer_weight[i] + benefits
            })
            .collect();
        let spending_target = (1.0 + base_vat) * consumption0 * n as f64;
        let (wealth_mpc, wealth_growth, mpc_scale) =
            wealth_propensities(&mut mpc, &liquid, &wealth0, spending_target);

        // Policies act from year 1 on.
        let from_year1 = |value: f64, base: f64| -> Vec<f64> {
            (0..years)
                .map(|t| if t == 0 { base } else { value })
                .collect()
        };
        let bi_year = v(p::BI) * 12.0;
        let basic_income = from_year1(bi_year, 0.0);
        let poverty_line = r.poverty_line.value;
        let replaced = if poverty_line > 0.0 {
            (v(p::REPLACE_SHARE) / 100.0 * bi_year / poverty_line).min(1.0)
        } else {
            0.0
        };
        // Purchases and benefits grow with total factor productivity, the trend of the
        // economy's capacity (not with output per hour, which automation raises without
        // bound as α → 1).
        let transfers = (0..years)
            .map(|t| transfers0 * potential[t] * if t == 0 { 1.0 } else { 1.0 - replaced })
            .collect();
        let purchases = (0..years).map(|t| purchases0 * potential[t]).collect();
        let potential_growth: Vec<f64> = (0..years)
            .map(|t| {
                if t == 0 {
                    trend_growth
                } else {
                    potential[t] / potential[t - 1] - 1.0
                }
            })
            .collect();
        let exports = trend.iter().map(|x| exports0 * x).collect();

        let income_tax = from_year1(
            (income_tax0 + v(p::TAX_CHANGE) / 100.0).clamp(0.0, MAX_TAX_RATE),
            income_tax0,
        );
        let vat = from_year1(v(p::VAT) / 100.0, base_vat);
        let wealth_tax = from_year1(v(p::WEALTH_TAX) / 100.0, 0.0);
        let automation_tax = from_year1(v(p::AUTOMATION_TAX) / 100.0, 0.0);
        let rule = if v(p::RULE) == 0.0 {
            FiscalRule::Balanced
        } else {
            FiscalRule::Debt
        };

        // Income effect: hours fall by `hours_response` % for a worker of mean skill (z = 1) at a
        // Basic Income equal to the poverty line (base-year wage).
        let hours_eta = if poverty_line > 0.0 {
            v(p::HOURS_RESPONSE) / 100.0 * (poverty_line + wage0) / poverty_line
        } else {
            0.0
        };
        let labour = LabourMarket {
            wage0,
            anchor: if v(p::WAGE_ANCHOR) == 0.0 {
                WageAnchor::Clearing
            } else {
                WageAnchor::Tfp
            },
            flexibility: v(p::WAGE_FLEXIBILITY) / 100.0,
            equilibrium,
            equilibrium_idle,
            floor,
            benefit_rate,
            elasticity: v(p::LABOUR_ELASTICITY),
            hours_eta,
            supply_limits: true,
        };

        let commons = paths::commons(scenario, years);
        let weighted_mpc = if wealth_mean > 0.0 {
            (0..n).map(|i| wealth_mpc[i] * wealth0[i]).sum::<f64>() / (wealth_mean * n as f64)
        } else {
            0.0
        };

        let economy = Economy {
            base_year: BASE_YEAR,
            years,
            skill,
            mpc,
            wealth_mpc,
            transfer_weight,
            wealth0,
            labour,
            alpha,
            capital_output,
            capacity_max: CAPACITY_MAX,
            depreciation,
            accelerator: v(p::ACCELERATOR),
            trend_growth,
            trend,
            market_capital0,
            market_output_prev0: gdp,
            import_propensity,
            exports,
            open,
            commons,
            commons_capital0: 0.0,
            rule,
            basic_income,
            transfers,
            purchases,
            income_tax,
            vat,
            wealth_tax,
            automation_tax,
            interest,
            debt0,
            potential_growth,
            potential,
            poverty_line,
            basic_needs: r.basic_needs.value,
            base_vat,
            base_market_output: gdp,
            base_material: r.material_footprint.value,
            material_budget: r.material_budget.value,
        };
        let calibration = Calibration {
            gdp,
            income_tax: income_tax0,
            purchases: purchases0,
            wealth_mpc: weighted_mpc,
            wealth_growth,
            mpc_scale,
        };
        Ok((economy, calibration))
    }
}

/// Propensities to consume out of wealth, `c_a,i`, such that households spend
/// `spending_target` in all (the base year's observed consumption) while every household's
/// wealth grows at one common rate `g*`:
/// `c_a,i a_i = (1 − c_y,i) L_i − g* a_i`, clamped to `[0, a_i]`, with `g*` found by
/// bisection (total spending falls monotonically in `g*`).
///
/// Why not one `c_a` for all, as model.md §1 has it: with a single propensity the richest
/// households, whose wealth is 10–20 times their income, consume their fortunes, and the top
/// 10 % wealth share falls by 20 points in 50 years with no policy at all — an artefact.
/// Returns the propensities, `g*`, and the factor applied to the income propensities when
/// no `g*` can reach the target (1 otherwise).
fn wealth_propensities(
    mpc: &mut [f64],
    liquid: &[f64],
    wealth: &[f64],
    spending_target: f64,
) -> (Vec<f64>, f64, f64) {
    let n = mpc.len();
    let from_wealth = |g: f64, mpc: &[f64]| -> f64 {
        (0..n)
            .map(|i| ((1.0 - mpc[i]) * liquid[i] - g * wealth[i]).clamp(0.0, wealth[i].max(0.0)))
            .sum()
    };
    let from_income = |mpc: &[f64]| -> f64 { (0..n).map(|i| mpc[i] * liquid[i]).sum() };
    let total = |g: f64, mpc: &[f64]| from_income(mpc) + from_wealth(g, mpc);
    let mut scale = 1.0;
    let (mut lo, mut hi) = (-1.0, 1.0);
    if total(hi, mpc) > spending_target || total(lo, mpc) < spending_target {
        // Out of reach: scale the income propensities so that the middle case closes it.
        let base = from_income(mpc);
        if base > 0.0 {
            scale = ((spending_target - from_wealth(0.0, mpc)) / base).max(0.0);
            mpc.iter_mut()
                .for_each(|c| *c = (*c * scale).clamp(0.0, 1.0));
        }
    }
    // Spending out of income does not depend on g*: summed once, not at every step (the
    // same sum, so the same bits as `total`).
    let income_part = from_income(mpc);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if income_part + from_wealth(mid, mpc) > spending_target {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo < 1e-15 {
            break;
        }
    }
    let g = 0.5 * (lo + hi);
    let propensities = (0..n)
        .map(|i| {
            if wealth[i] > 0.0 {
                ((1.0 - mpc[i]) * liquid[i] - g * wealth[i]).clamp(0.0, wealth[i]) / wealth[i]
            } else {
                0.0
            }
        })
        .collect();
    (propensities, g, scale)
}
