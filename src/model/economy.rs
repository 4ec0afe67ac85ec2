//! The calibrated economy of one run: every household constant and every exogenous path,
//! computed once from a [`Scenario`] and its region before the years are solved.
//!
//! Units: per adult, per year, in the region's currency at base-year market prices. Year 0
//! is the calibration year ([`crate::catalog::BASE_YEAR`]); policies act from year 1 on, so
//! year 0 reproduces the region's data in every scenario.

use super::error::ModelError;
use super::jobs::Rationing;
use super::phases;
use super::population::{self, WealthShares};
use crate::catalog::{param as p, BASE_YEAR, MARKET_KM, MARKET_RECYCLING};
use crate::scenario::Scenario;

/// Highest income tax rate the balanced rule may set: beyond it a scenario is infeasible.
pub const MAX_TAX_RATE: f64 = 0.95;
/// Lowest share of tasks done by machines (some tasks always need capital).
const ALPHA_MIN: f64 = 0.05;
/// Highest share of tasks done by machines.
const ALPHA_MAX: f64 = 0.99;
/// Share of existing cash benefits paid equally to all (pensions and child benefits reach
/// most adults whatever their earnings); the rest is means-tested, falling linearly from the
/// least to the most skilled. Half and half puts base-year relative poverty near the data
/// (models/README.md, "Benefits").
const TRANSFER_FLAT_PART: f64 = 0.5;

/// How the government closes its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FiscalRule {
    /// The income tax rate is solved each year so public debt grows only with potential
    /// output (the deficit is that growth times the debt; zero without growth).
    Balanced,
    /// Tax rates are fixed; deficits add to debt.
    Debt,
}

/// The commons sector's technology in one year (from the phase in force).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CommonsTech {
    /// Peer-produced share of the consumption basket, `p_t`.
    pub share: f64,
    /// Unit cost relative to the market price, `κ_t`.
    pub unit_cost: f64,
    /// Materials bought from the market per unit of revenue, `μ`.
    pub materials: f64,
    /// Share of commons value added paid for work.
    pub labour_share: f64,
    /// Commons capital per unit of revenue.
    pub capital_output: f64,
    /// Recycled share of the commons' materials.
    pub recycling: f64,
    /// Freight distance of commons goods, km.
    pub transport_km: f64,
    /// Commons capital owned equally by all adults (true) or like market equity (false).
    pub equal_ownership: bool,
    /// Phase number in force (−1 = market only).
    pub phase: f64,
}

impl CommonsTech {
    fn none() -> Self {
        Self {
            share: 0.0,
            unit_cost: 1.0,
            materials: 0.0,
            labour_share: 0.0,
            capital_output: 0.0,
            recycling: MARKET_RECYCLING,
            transport_km: MARKET_KM,
            equal_ownership: true,
            phase: -1.0,
        }
    }
}

/// Everything that does not depend on the within-year solution, for years 0..=T.
#[derive(Debug, Clone, PartialEq)]
pub struct Economy {
    /// Calendar year of year 0.
    pub base_year: i32,
    /// Number of years, T + 1.
    pub years: usize,

    // Households (ascending skill; equal weights).
    /// Skill `z_i`, mean 1.
    pub skill: Vec<f64>,
    /// Marginal propensity to consume out of liquid income, `c_y,i`.
    pub mpc: Vec<f64>,
    /// Propensity to consume out of financial wealth, `c_a,i` (calibrated so that every
    /// household's wealth grows at the same rate in the base year: see `wealth_propensities`).
    pub wealth_mpc: Vec<f64>,
    /// Share of existing cash benefits each household receives, mean 1.
    pub transfer_weight: Vec<f64>,
    /// Initial financial wealth (shares and bonds) `f_i,0`.
    pub wealth0: Vec<f64>,
    /// Income effect of the Basic Income on hours, `η`.
    pub hours_eta: f64,

    // Market sector.
    /// Share of tasks done by capital, `α_t`.
    pub alpha: Vec<f64>,
    /// Output per efficiency unit of labour, `λ_t`.
    pub productivity: Vec<f64>,
    /// Desired capital-output ratio `v_t`. Constant at the base year's ratio: letting it rise
    /// with the share of automated tasks (`v_0 α_t/α_0`) was tried and produced an investment
    /// boom of a third of GDP beyond capacity (see models/README.md).
    pub capital_output: Vec<f64>,
    /// Depreciation rate `δ`.
    pub depreciation: f64,
    /// Flexible-accelerator speed `γ`.
    pub accelerator: f64,
    /// Trend growth firms expect (TFP growth).
    pub trend_growth: f64,
    /// Market capital at the end of year −1.
    pub market_capital0: f64,
    /// Market output of year −1 (the accelerator looks one year back).
    pub market_output_prev0: f64,

    // Commons sector.
    /// Commons technology by year.
    pub commons: Vec<CommonsTech>,
    /// Commons capital at the end of year −1.
    pub commons_capital0: f64,

    // Government.
    /// Fiscal rule.
    pub rule: FiscalRule,
    /// Basic Income per adult a year, by year.
    pub basic_income: Vec<f64>,
    /// Existing cash benefits per adult a year (after the Basic Income replaced part), by year.
    pub transfers: Vec<f64>,
    /// Government purchases per adult a year, by year.
    pub purchases: Vec<f64>,
    /// Income tax rate under the debt rule (and the starting guess under the balanced rule).
    pub income_tax: Vec<f64>,
    /// Consumption tax rate on the pre-tax price, by year.
    pub vat: Vec<f64>,
    /// Wealth tax rate on financial wealth, by year.
    pub wealth_tax: Vec<f64>,
    /// Automation tax rate on market capital income, by year.
    pub automation_tax: Vec<f64>,
    /// Real interest rate on government debt and deposits.
    pub interest: f64,
    /// Government debt at the end of year −1.
    pub debt0: f64,
    /// Trend capacity relative to the base year (the TFP index): public purchases, benefits
    /// and, under the balanced rule, public debt grow with it.
    pub potential: Vec<f64>,
    /// Growth of potential output in each year: under the balanced rule debt grows at this
    /// rate, so savers' bonds grow with the economy's capacity. (Tying it to realised GDP
    /// within the year makes the rule so pro-cyclical that the year has no stable solution.)
    pub potential_growth: Vec<f64>,

    // Yardsticks.
    /// Absolute poverty line, per adult a year.
    pub poverty_line: f64,
    /// Basic-needs basket, per adult a year.
    pub basic_needs: f64,
    /// Consumption tax rate of the base year (the price index is 100 then).
    pub base_vat: f64,
    /// Market output of the base year.
    pub base_market_output: f64,
    /// Material footprint of the base year, tonnes per adult a year.
    pub base_material: f64,
    /// Sustainable material budget, tonnes per adult a year.
    pub material_budget: f64,
}

/// Everything the calibration derived, for documentation and the books view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    /// GDP per adult in the base year.
    pub gdp: f64,
    /// Income tax rate that balances the base year's budget at the observed tax take.
    pub income_tax: f64,
    /// Government purchases per adult (the residual of the base-year budget).
    pub purchases: f64,
    /// Mean propensity to consume out of financial wealth, wealth-weighted.
    pub wealth_mpc: f64,
    /// Growth rate of every household's wealth in the base year.
    pub wealth_growth: f64,
    /// Factor applied to the income propensities when the wealth propensities alone could not
    /// close the base year (1 when they could).
    pub mpc_scale: f64,
}

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

impl Economy {
    /// Calibrates the economy of `scenario` to its region. `with_policy = false` gives the
    /// no-policy baseline's economy (same calibration, no Basic Income, no peer production).
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

        // Balance sheet: households own the market capital and the public debt.
        let mut debt0 = r.debt_to_gdp.value * gdp;
        let market_capital0 = (household_wealth - debt0).max(0.1 * household_wealth);
        debt0 = household_wealth - market_capital0;

        // Market sector.
        let alpha0 = (1.0 - r.labour_share.value).clamp(ALPHA_MIN, ALPHA_MAX);
        let depreciation = r.depreciation.value;
        let trend_growth = v(p::TFP_GROWTH) / 100.0;
        let capital_output0 = market_capital0 / gdp;
        // The data's unemployment rate counts people. Joblessness is rationed by skill rank
        // (jobs.rs), so the efficiency hours lost are fewer than the people: find the
        // rationing that leaves `unemployment` of adults' hours idle, then the efficiency
        // hours it removes. Productivity λ0 makes the employed hours produce GDP.
        let unemployment0 = r.unemployment.value.clamp(0.0, 0.9);
        let mut headcount = Rationing::default();
        headcount.prepare(&vec![1.0; n]);
        let layoffs0 = headcount.layoffs(unemployment0 * n as f64);
        let idle0: Vec<f64> = (0..n)
            .map(|i| layoffs0.share(i, headcount.risk_of(i)))
            .collect();
        let skill_total: f64 = skill.iter().sum();
        let idle_efficiency0 = if skill_total > 0.0 {
            skill.iter().zip(&idle0).map(|(z, u)| z * u).sum::<f64>() / skill_total
        } else {
            unemployment0
        };
        let productivity0 = gdp / (1.0 - idle_efficiency0);
        let step = (v(p::AUTOMATION) - v(p::REINSTATEMENT)) / 100.0;
        let gain = v(p::AUTOMATION_GAIN) / 100.0;
        let mut alpha = Vec::with_capacity(years);
        let mut productivity = Vec::with_capacity(years);
        let mut tfp_path = Vec::with_capacity(years);
        let (mut a, mut tfp) = (alpha0, 1.0);
        for t in 0..years {
            if t > 0 {
                let next = (a + step).clamp(ALPHA_MIN, ALPHA_MAX);
                tfp *= 1.0 + trend_growth + gain * ((next - a) * 100.0).max(0.0);
                a = next;
            }
            alpha.push(a);
            tfp_path.push(tfp);
            // Automation concentrates labour on fewer tasks: λ = λ0 A (1−α0)/(1−α).
            productivity.push(productivity0 * tfp * (1.0 - alpha0) / (1.0 - a));
        }

        // Government: the base-year budget balances at the observed tax take; purchases are
        // the residual (compared with the data in models/README.md).
        let interest = v(p::INTEREST) / 100.0;
        let transfers0 = r.transfers_to_gdp.value * gdp;
        // The base year is on a steady growth path: capital and debt grow at the trend rate,
        // so the deficit is g·D (debt keeps its share of output).
        let deficit0 = trend_growth * debt0;
        let purchases0 =
            (r.tax_to_gdp.value * gdp + deficit0 - transfers0 - interest * debt0).max(0.02 * gdp);
        let investment0 = (depreciation + trend_growth) * market_capital0;
        let consumption0 = gdp - investment0 - purchases0;
        if consumption0 <= 0.1 * gdp {
            return Err(ModelError::Calibration(
                "investment and public purchases leave no room for consumption in the base year"
                    .into(),
            ));
        }
        let base_vat = r.consumption_tax.value;
        let taxable0 = gdp - depreciation * market_capital0 + interest * debt0;
        let revenue0 = transfers0 + purchases0 + interest * debt0 - deficit0;
        let income_tax0 = ((revenue0 - base_vat * consumption0) / taxable0).clamp(0.0, 0.9);

        // Propensities to consume out of wealth: close the base year at the observed GDP with
        // every household's wealth growing at the same rate (a stationary distribution).
        let wealth_mean = mean(&wealth0);
        let capital_income0 = alpha0 * gdp - depreciation * market_capital0 + interest * debt0;
        let wages0 = (1.0 - alpha0) * gdp;
        // Base-year wages under the same rationing as every later year.
        let wage_share: Vec<f64> = (0..n)
            .map(|i| skill[i] * (1.0 - idle0[i]) / (1.0 - idle_efficiency0))
            .collect();
        let liquid: Vec<f64> = (0..n)
            .map(|i| {
                let fin = if wealth_mean > 0.0 {
                    capital_income0 * wealth0[i] / wealth_mean
                } else {
                    0.0
                };
                (1.0 - income_tax0) * (wages0 * wage_share[i] + fin)
                    + transfers0 * transfer_weight[i]
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
        let capital_output = vec![capital_output0; years];
        // Purchases and benefits grow with total factor productivity, the trend of the
        // economy's capacity. Not with labour productivity λ: its automation factor
        // (1−α0)/(1−α) is labour-saving and grows without bound as α → 1, and public
        // spending indexed to it made fast automation create an explosion of demand.
        let potential = tfp_path;
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
        let wage0 = (1.0 - alpha0) * productivity0;
        let hours_eta = if poverty_line > 0.0 {
            v(p::HOURS_RESPONSE) / 100.0 * (poverty_line + wage0) / poverty_line
        } else {
            0.0
        };

        let commons = commons_path(scenario, years);
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
            hours_eta,
            alpha,
            productivity,
            capital_output,
            depreciation,
            accelerator: v(p::ACCELERATOR),
            trend_growth,
            market_capital0,
            market_output_prev0: gdp,
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

    /// Godley & Lavoie's model SIM as a special case of the MAP economy: one household,
    /// all income is wages (α = 0), no capital, no commons, no Basic Income, money (here:
    /// government debt) at zero interest, G = `g` from the second period, θ = `theta`,
    /// propensities `alpha1` (income) and `alpha2` (wealth), zero initial stocks.
    pub fn sim(periods: usize, g: f64, theta: f64, alpha1: f64, alpha2: f64) -> Self {
        let zeros = vec![0.0; periods];
        Economy {
            base_year: 1,
            years: periods,
            skill: vec![1.0],
            mpc: vec![alpha1],
            wealth_mpc: vec![alpha2],
            transfer_weight: vec![1.0],
            wealth0: vec![0.0],
            hours_eta: 0.0,
            alpha: zeros.clone(),
            productivity: vec![1.0; periods],
            capital_output: vec![0.0; periods],
            depreciation: 0.0,
            accelerator: 0.0,
            trend_growth: 0.0,
            market_capital0: 0.0,
            market_output_prev0: 0.0,
            commons: vec![CommonsTech::none(); periods],
            commons_capital0: 0.0,
            rule: FiscalRule::Debt,
            basic_income: zeros.clone(),
            transfers: zeros.clone(),
            purchases: (0..periods).map(|t| if t == 0 { 0.0 } else { g }).collect(),
            income_tax: vec![theta; periods],
            vat: zeros.clone(),
            wealth_tax: zeros.clone(),
            automation_tax: zeros,
            interest: 0.0,
            debt0: 0.0,
            potential_growth: vec![0.0; periods],
            potential: vec![1.0; periods],
            poverty_line: 0.0,
            basic_needs: 0.0,
            base_vat: 0.0,
            base_market_output: 1.0,
            base_material: 0.0,
            material_budget: 0.0,
        }
    }

    /// The same economy without the policies of the MAP proposal: no Basic Income (so no
    /// benefits replaced) and no peer production. Everything else is unchanged.
    pub fn without_policy(&self, scenario_baseline: &Scenario) -> Self {
        let mut base = self.clone();
        base.basic_income.iter_mut().for_each(|b| *b = 0.0);
        let transfers0 = self.transfers[0];
        // Same arithmetic as in `calibrate` with nothing replaced (× 1.0 is exact), so a
        // scenario without policy equals its baseline bit for bit.
        base.transfers = self.potential.iter().map(|p| transfers0 * p).collect();
        base.commons = commons_path(scenario_baseline, self.years);
        base
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

/// The commons technology for every year of a scenario: the phase in force sets the
/// technology and caps the peer-produced share, which follows logistic diffusion.
fn commons_path(scenario: &Scenario, years: usize) -> Vec<CommonsTech> {
    let v = |i: usize| scenario.get(i);
    let starts = [v(p::PHASE0), v(p::PHASE1), v(p::PHASE2), v(p::PHASE3)];
    let target = v(p::P2P) / 100.0;
    let cost_scale = v(p::COMMONS_COST);
    let speed = v(p::DIFFUSION);
    let end = (BASE_YEAR + years as i32 - 1) as f64;
    let start = phases::first_start(starts);
    (0..years)
        .map(|t| {
            let year = BASE_YEAR + t as i32;
            match (t, phases::in_force(starts, year), start) {
                (0, _, _) | (_, None, _) | (_, _, None) => CommonsTech::none(),
                (_, Some(ph), Some(start)) => CommonsTech {
                    share: phases::diffusion(target, speed, start, end, year as f64)
                        .min(ph.ceiling.value),
                    unit_cost: (ph.unit_cost.value * cost_scale).min(1.0),
                    materials: ph.materials.value,
                    labour_share: ph.labour_share.value,
                    capital_output: ph.capital_output.value,
                    recycling: ph.recycling.value,
                    transport_km: ph.transport_km.value,
                    equal_ownership: ph.equal_ownership,
                    phase: ph.number as f64,
                },
            }
        })
        .collect()
}
