//! One year's households in the solver: what each brings to the year (its wealth, risk of
//! losing work, hours, benefits, propensities), the one formula for its flows given the
//! year's aggregates, a full pass over them, and the estimate of their total spending from
//! a few propensity-weighted sums taken once a year.
//!
//! A trial step needs only total spending, and before its kinks each household's spending
//! is affine in the year's aggregates: the solver's steps are estimated from those sums
//! (plus the households known to sit at a kink, one by one), and one pass over the
//! households, at the solution, checks it and writes what each household did.

use super::economy::Economy;
use super::flows::{HouseholdFlows, State};
use super::jobs::{Layoffs, Rationing};

/// What the passes of a year read of one household, side by side: one stream to read
/// instead of ten, and the products that do not depend on consumption taken once a year
/// (each exactly the product the pass would take).
#[derive(Debug, Clone, Copy, Default)]
pub struct Household {
    /// Financial wealth at the start of the year.
    pub financial: f64,
    /// Financial wealth relative to the mean (who receives profits and interest).
    pub financial_weight: f64,
    /// Share of the commons surplus: 1 under equal ownership, else the financial weight.
    pub owner: f64,
    /// Relative risk of losing work when work is rationed.
    pub risk: f64,
    /// Efficiency hours offered.
    pub labour: f64,
    /// Cash benefits received: the year's benefits × the household's transfer weight.
    pub benefit: f64,
    /// Wealth tax paid: the year's rate × financial wealth.
    pub wealth_tax: f64,
    /// Propensity to consume out of liquid income.
    pub mpc: f64,
    /// Spending out of wealth: propensity × financial wealth.
    pub from_wealth: f64,
}

/// Per-year weights that do not depend on consumption, computed once a year.
#[derive(Debug, Default)]
pub struct Weights {
    /// What each household brings to the year's passes.
    pub households: Vec<Household>,
    /// Commons shares relative to the mean (who gives back capital when the commons shrinks).
    pub commons: Vec<f64>,
    /// Efficiency hours offered relative to the mean (who earns the wage bill when all who
    /// offer work find it).
    pub labour: Vec<f64>,
    /// Who loses work when fewer efficiency hours are demanded than offered.
    pub rationing: Rationing,
    /// Mean financial wealth at the start of the year (the wealth tax base).
    pub financial_mean: f64,
    /// Σ of the non-negative efficiency hours offered this year, whether anyone offers
    /// any, and whether `labour` holds this year's weights. Only passes without rationing
    /// read those weights, and only passes where the commons shrinks read `commons`: each
    /// is divided out when a pass first needs it (most years need neither), from the sums
    /// of the year's first pass over the households.
    pub labour_positive: f64,
    pub anyone_works: bool,
    pub labour_ready: bool,
    /// Σ of the non-negative commons shares, and whether `commons` holds this year's weights.
    pub commons_positive: f64,
    pub commons_ready: bool,
    /// The year's propensity-weighted sums, for estimating a pass in O(1).
    pub spending: SpendingSums,
}

/// Sums over the households, weighted by their propensity to consume out of income, of what
/// their liquid income is made of. Before its kinks (spending at zero or at all a household
/// has), spending is affine in the pass's aggregates with these coefficients, so the solver's
/// trial passes cost a few operations instead of a pass over the households.
#[derive(Debug, Default)]
pub struct SpendingSums {
    /// Σ c_y.
    pub mpc: f64,
    /// Σ c_y × financial weight.
    pub financial: f64,
    /// Σ c_y × ownership share of the commons surplus.
    pub owner: f64,
    /// Σ c_y × (benefits − wealth tax).
    pub net_benefit: f64,
    /// Σ spending out of wealth.
    pub from_wealth: f64,
    /// Running sums (poorest skill first, `n + 1` entries) of c_y × efficiency hours, and of
    /// c_y × efficiency hours × risk: the wage bill of the groups not wholly laid off.
    pub labour: Vec<f64>,
    pub labour_risk: Vec<f64>,
    /// Σ c_y × labour weight and Σ c_y × commons weight, once those weights are filled.
    pub labour_weight: f64,
    pub commons_weight: f64,
}

impl Weights {
    /// Fills `households` for year `t`, once the hours offered (`labour`) and the risks are
    /// known. `financial_positive` is Σ of the non-negative parts of financial wealth.
    pub fn fill_households(
        &mut self,
        e: &Economy,
        t: usize,
        s: &State,
        labour: &[f64],
        financial_positive: f64,
    ) {
        let n = e.skill.len();
        let (financial, labour, risk) =
            (&s.financial[..n], &labour[..n], &self.rationing.risk()[..n]);
        let (transfer_weight, mpc, wealth_mpc) =
            (&e.transfer_weight[..n], &e.mpc[..n], &e.wealth_mpc[..n]);
        // As `relative_to_mean`: weights of mean 1, or all ones when the mean is not positive.
        let mean = financial_positive / n as f64;
        let relative = mean > 0.0 && mean.is_finite();
        let equal_ownership = e.commons[t].equal_ownership;
        let (transfers, wealth_tax) = (e.transfers[t], e.wealth_tax[t]);
        // Filled by index, not pushed: one length for the compiler, no capacity checks.
        self.households.resize(n, Household::default());
        let households = &mut self.households[..n];
        let sums = &mut self.spending;
        sums.labour.resize(n + 1, 0.0);
        sums.labour_risk.resize(n + 1, 0.0);
        let (labour_sums, labour_risk_sums) = (&mut sums.labour[..=n], &mut sums.labour_risk[..=n]);
        labour_sums[0] = 0.0;
        labour_risk_sums[0] = 0.0;
        let (mut sum_mpc, mut sum_financial, mut sum_owner) = (0.0, 0.0, 0.0);
        let (mut net_benefit, mut from_wealth_sum) = (0.0, 0.0);
        let (mut sum_labour, mut sum_labour_risk) = (0.0, 0.0);
        for i in 0..n {
            let f = financial[i];
            let financial_weight = if relative { f.max(0.0) / mean } else { 1.0 };
            let hh = Household {
                financial: f,
                financial_weight,
                owner: if equal_ownership {
                    1.0
                } else {
                    financial_weight
                },
                risk: risk[i],
                labour: labour[i],
                benefit: transfers * transfer_weight[i],
                wealth_tax: wealth_tax * f,
                mpc: mpc[i],
                from_wealth: wealth_mpc[i] * f,
            };
            let c = hh.mpc;
            sum_mpc += c;
            sum_financial += c * hh.financial_weight;
            sum_owner += c * hh.owner;
            net_benefit += c * (hh.benefit - hh.wealth_tax);
            from_wealth_sum += hh.from_wealth;
            sum_labour += c * hh.labour;
            sum_labour_risk += c * hh.labour * hh.risk;
            labour_sums[i + 1] = sum_labour;
            labour_risk_sums[i + 1] = sum_labour_risk;
            households[i] = hh;
        }
        sums.mpc = sum_mpc;
        sums.financial = sum_financial;
        sums.owner = sum_owner;
        sums.net_benefit = net_benefit;
        sums.from_wealth = from_wealth_sum;
    }

    /// Fills the labour weights (`labour`: efficiency hours offered) and the commons
    /// weights (`commons`: commons shares) if this pass needs them and they are not yet
    /// this year's.
    pub fn ensure(&mut self, need: (bool, bool), labour: &[f64], skill: &[f64], commons: &[f64]) {
        let (need_labour, need_commons) = need;
        if need_labour && !self.labour_ready {
            if self.anyone_works {
                relative_to_sum(labour, self.labour_positive, &mut self.labour);
            } else {
                // Nobody offers work: wages (if any) are shared by skill.
                relative_to_mean(skill, &mut self.labour);
            }
            self.spending.labour_weight = self.mpc_weighted(&self.labour);
            self.labour_ready = true;
        }
        if need_commons && !self.commons_ready {
            relative_to_sum(commons, self.commons_positive, &mut self.commons);
            self.spending.commons_weight = self.mpc_weighted(&self.commons);
            self.commons_ready = true;
        }
    }

    /// Σ c_y × `weights`.
    fn mpc_weighted(&self, weights: &[f64]) -> f64 {
        self.households
            .iter()
            .zip(weights)
            .map(|(hh, w)| hh.mpc * w)
            .sum()
    }
}

/// Weights proportional to the non-negative part of `values`, with mean 1. Households in
/// net debt receive no profits or interest; normalising after the clamp keeps the weights
/// summing to `n`, so every unit of capital income paid reaches some household.
pub fn relative_to_mean(values: &[f64], out: &mut Vec<f64>) {
    let positive = values.iter().map(|v| v.max(0.0)).sum::<f64>();
    relative_to_sum(values, positive, out);
}

/// [`relative_to_mean`] given `positive`, the sum of the non-negative parts of `values` (in
/// order, from −0.0), taken by a pass that had other sums to take.
pub fn relative_to_sum(values: &[f64], positive: f64, out: &mut Vec<f64>) {
    let n = values.len();
    out.clear();
    let mean = positive / n as f64;
    if mean > 0.0 && mean.is_finite() {
        out.extend(values.iter().map(|v| v.max(0.0) / mean));
    } else {
        out.resize(n, 1.0);
    }
}

/// The year's aggregates one household pass shares out (per adult, a year).
pub struct Terms {
    pub layoffs: Layoffs,
    /// Market wage per efficiency hour worked, when work is rationed.
    pub wage_per_hour: f64,
    pub market_wages: f64,
    pub commons_wages: f64,
    pub financial_income: f64,
    pub profit_plus: f64,
    pub profit_minus: f64,
    pub rate: f64,
    pub basic_income: f64,
    pub own_part: f64,
    pub inv_part: f64,
    pub commons_capital_change: f64,
    pub vat_share: f64,
    /// Unemployment benefit per idle efficiency hour (replacement rate × wage).
    pub benefit_per_idle_hour: f64,
    /// Share of the spending households choose that they can buy (1 unless a closed economy
    /// is at its ceiling and prices ration demand).
    pub rationing: f64,
}

/// Who gets what share of the year's aggregates.
pub struct HouseholdWeights<'a> {
    pub households: &'a [Household],
    pub labour: &'a [f64],
    pub commons: &'a [f64],
}

/// How a residual finds total spending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// From the year's propensity-weighted sums, the kinked households one by one: the
    /// solver's trial steps. Exact up to rounding while no other household crosses a kink.
    Estimate,
    /// A pass over every household, keeping what each did: the check at the solution.
    Write,
}

/// One household's flows in a pass.
struct HouseholdFlow {
    idle: f64,
    wages: f64,
    unemployment_benefit: f64,
    taxable: f64,
    disposable: f64,
    acquired: f64,
    /// Spending before its kinks: c_y × liquid income + spending out of wealth.
    unclamped: f64,
    /// Spending within its kinks (zero, and all the household has).
    clamped: f64,
    /// What the household buys: `clamped`, unless prices ration demand.
    spend: f64,
}

/// The flows of household `i` given the pass's aggregates: the one place the formulas are
/// written, so that trial passes and the pass at the solution compute the same bits.
/// `RATIONED` (work is rationed) and `GROWING` (commons capital grows) are fixed for a pass,
/// so each case compiles to a loop of its own with no branch left inside. The labour and
/// commons weights are read only in the cases that use them (they are filled only then).
#[inline(always)]
fn household_flow<const RATIONED: bool, const GROWING: bool>(
    p: &Terms,
    hh: &Household,
    i: usize,
    labour_weight: &[f64],
    commons_weight: &[f64],
) -> HouseholdFlow {
    // `Layoffs::share`, as a select.
    let idle = if i < p.layoffs.full {
        1.0
    } else {
        (p.layoffs.intensity * hh.risk).clamp(0.0, 1.0)
    };
    let (wages, unemployment_benefit) = if RATIONED {
        (
            p.wage_per_hour * hh.labour * (1.0 - idle),
            p.benefit_per_idle_hour * hh.labour * idle,
        )
    } else {
        (p.market_wages * labour_weight[i], 0.0)
    };
    let taxable = wages
        + p.commons_wages
        + p.financial_income * hh.financial_weight
        + p.profit_plus * hh.owner
        - p.profit_minus * hh.financial_weight;
    let disposable = (1.0 - p.rate) * taxable + p.basic_income + hh.benefit - hh.wealth_tax
        + unemployment_benefit;
    let acquired = if GROWING {
        p.own_part * hh.owner + p.inv_part * hh.financial_weight
    } else {
        p.commons_capital_change * commons_weight[i]
    };
    let liquid = disposable - acquired;
    let unclamped = hh.mpc * liquid + hh.from_wealth;
    let clamped = unclamped.min(liquid + hh.financial).max(0.0);
    HouseholdFlow {
        idle,
        wages,
        unemployment_benefit,
        taxable,
        disposable,
        acquired,
        unclamped,
        clamped,
        spend: p.rationing * clamped,
    }
}

/// The labour and commons weights, re-cut to `n` where a case reads them (so the compiler
/// sees one length and drops the bounds checks), empty where it does not.
fn case_weights<'a, const RATIONED: bool, const GROWING: bool>(
    w: &HouseholdWeights<'a>,
    n: usize,
) -> (&'a [f64], &'a [f64]) {
    (
        if RATIONED { &[] } else { &w.labour[..n] },
        if GROWING { &[] } else { &w.commons[..n] },
    )
}

/// Σ over households of spending, estimated from the year's propensity-weighted sums: the
/// unclamped spending of every household is affine in the pass's aggregates, and the
/// households known to sit at a kink (`kinked`) are evaluated one by one. Exact up to
/// rounding as long as no other household crosses a kink; the solver checks its solution
/// with a full pass.
pub fn estimated_spending(
    p: &Terms,
    w: &HouseholdWeights,
    sums: &SpendingSums,
    kinked: &[u32],
    (rationed, growing): (bool, bool),
) -> f64 {
    let n = w.households.len();
    let (wage_bill, benefit_bill) = if rationed {
        // Groups below `full` lose all their hours; the others the share intensity × risk.
        let full = p.layoffs.full.min(n);
        let hours = sums.labour[n] - sums.labour[full];
        let at_risk = sums.labour_risk[n] - sums.labour_risk[full];
        let idle = sums.labour[full] + p.layoffs.intensity * at_risk;
        (
            p.wage_per_hour * (hours - p.layoffs.intensity * at_risk),
            p.benefit_per_idle_hour * idle,
        )
    } else {
        (p.market_wages * sums.labour_weight, 0.0)
    };
    let taxable = wage_bill
        + p.commons_wages * sums.mpc
        + (p.financial_income - p.profit_minus) * sums.financial
        + p.profit_plus * sums.owner;
    let acquired = if growing {
        p.own_part * sums.owner + p.inv_part * sums.financial
    } else {
        p.commons_capital_change * sums.commons_weight
    };
    let unclamped =
        (1.0 - p.rate) * taxable + p.basic_income * sums.mpc + sums.net_benefit + benefit_bill
            - acquired
            + sums.from_wealth;
    let correction = match (rationed, growing) {
        (true, true) => kink_correction::<true, true>(p, w, kinked),
        (true, false) => kink_correction::<true, false>(p, w, kinked),
        (false, true) => kink_correction::<false, true>(p, w, kinked),
        (false, false) => kink_correction::<false, false>(p, w, kinked),
    };
    unclamped + correction
}

/// Σ over the `kinked` households of their spending less their unclamped spending.
fn kink_correction<const RATIONED: bool, const GROWING: bool>(
    p: &Terms,
    w: &HouseholdWeights,
    kinked: &[u32],
) -> f64 {
    let n = w.households.len();
    let (labour_weight, commons_weight) = case_weights::<RATIONED, GROWING>(w, n);
    kinked
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| i < n)
        .map(|i| {
            let x = household_flow::<RATIONED, GROWING>(
                p,
                &w.households[i],
                i,
                labour_weight,
                commons_weight,
            );
            x.clamped - x.unclamped
        })
        .sum()
}

/// Every household's flows, written to `h`; returns Σ spending and Σ hours offered × the
/// share idle (both in household order), and lists in `kinked` the households whose
/// spending sits at a kink.
pub fn households_pass<const RATIONED: bool, const GROWING: bool>(
    p: &Terms,
    w: &HouseholdWeights,
    h: &mut HouseholdFlows,
    kinked: &mut Vec<u32>,
) -> (f64, f64) {
    let n = w.households.len();
    let households = &w.households[..n];
    let (labour_weight, commons_weight) = case_weights::<RATIONED, GROWING>(w, n);
    let jobless_out = &mut h.jobless[..n];
    let wages_out = &mut h.wages[..n];
    let taxable_out = &mut h.taxable[..n];
    let disposable_out = &mut h.disposable[..n];
    let spending_out = &mut h.spending[..n];
    let acquired_out = &mut h.commons_acquired[..n];
    let transfers_out = &mut h.transfers[..n];
    let benefits_out = &mut h.unemployment_benefits[..n];
    let taxes_out = &mut h.taxes[..n];
    let hours = &h.hours[..n];
    let mut sum = 0.0;
    let mut idle_hours = 0.0;
    kinked.clear();
    for (i, hh) in households.iter().enumerate() {
        let x = household_flow::<RATIONED, GROWING>(p, hh, i, labour_weight, commons_weight);
        sum += x.spend;
        idle_hours += hours[i] * x.idle;
        if x.clamped != x.unclamped {
            kinked.push(i as u32);
        }
        jobless_out[i] = x.idle;
        wages_out[i] = x.wages;
        taxable_out[i] = x.taxable;
        disposable_out[i] = x.disposable;
        spending_out[i] = x.spend;
        acquired_out[i] = x.acquired;
        transfers_out[i] = hh.benefit + x.unemployment_benefit;
        benefits_out[i] = x.unemployment_benefit;
        taxes_out[i] = p.rate * x.taxable + hh.wealth_tax + p.vat_share * x.spend;
    }
    (sum, idle_hours)
}
