//! One year's adult groups in the solver: what each brings to the year (its wealth, risk of
//! losing work, hours, pension, benefits, Basic Income, propensities, its tax band), the one
//! formula for its flows given the year's aggregates, a full pass over them, and the estimate
//! of their total spending and income tax from a few sums taken once a year.
//!
//! A trial step needs only total spending and total tax, and before its kinks each group's
//! spending and tax are affine in the year's aggregates: the solver's steps are estimated
//! from those sums, with the tax line of the band each group was in when last computed. The
//! groups known to sit at a kink (spending at zero or at all they have, or a tax band other
//! than the one the sums assume) are evaluated one by one. One exact pass over the groups,
//! at the solution, checks it and writes what each group did.

use super::flows::{HouseholdFlows, State};
use super::jobs::{Layoffs, Rationing};
use super::taxben::Schedule;

/// What the passes of a year read of one adult group, side by side: one stream to read
/// instead of many, and the products that do not depend on consumption taken once a year.
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
    /// Pension received (taxable).
    pub pension: f64,
    /// Untaxed cash benefits received: child benefit, means-tested assistance, other.
    pub benefit: f64,
    /// Basic Income received (the group's own, and its share of its children's).
    pub basic_income: f64,
    /// Wealth tax paid: the year's rate × financial wealth.
    pub wealth_tax: f64,
    /// Propensity to consume out of liquid income.
    pub mpc: f64,
    /// Spending out of wealth: propensity × financial wealth.
    pub from_wealth: f64,
    /// The tax line the year's sums assume: intercept and marginal rate of the schedule in
    /// the band the group was in when last computed, and that band.
    pub band_intercept: f64,
    pub band_rate: f64,
    pub band: u8,
}

/// What the year's solver sets for each group before filling the passes' inputs.
#[derive(Debug, Clone, Copy, Default)]
pub struct YearInput {
    pub labour: f64,
    pub pension: f64,
    pub benefit: f64,
    pub basic_income: f64,
    pub band: u8,
}

/// Per-year weights that do not depend on consumption, computed once a year.
#[derive(Debug, Default)]
pub struct Weights {
    /// What each group brings to the year's passes.
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
    /// any, and whether `labour` holds this year's weights (only passes without rationing
    /// read them), and the same for the commons weights (only passes where the commons
    /// shrinks read them).
    pub labour_positive: f64,
    pub anyone_works: bool,
    pub labour_ready: bool,
    /// Σ of the non-negative commons shares, and whether `commons` holds this year's weights.
    pub commons_positive: f64,
    pub commons_ready: bool,
    /// The year's sums, for estimating a pass in O(1).
    pub spending: SpendingSums,
}

/// A sum over the groups of a component of taxable income, three ways: weighted by the
/// propensity to consume c, by c × the assumed marginal rate m, and by m alone.
#[derive(Debug, Default, Clone, Copy)]
pub struct Weighted {
    pub c: f64,
    pub cm: f64,
    pub m: f64,
}

impl Weighted {
    fn add(&mut self, c: f64, m: f64, x: f64) {
        self.c += c * x;
        self.cm += c * m * x;
        self.m += m * x;
    }

    fn scaled(self, by: f64) -> Self {
        Self {
            c: self.c * by,
            cm: self.cm * by,
            m: self.m * by,
        }
    }

    fn plus(self, o: Self) -> Self {
        Self {
            c: self.c + o.c,
            cm: self.cm + o.cm,
            m: self.m + o.m,
        }
    }
}

/// Sums over the groups of what their taxable and liquid income are made of. Before their
/// kinks, spending and tax are affine in the pass's aggregates with these coefficients, so
/// the solver's trial passes cost a few operations instead of a pass over the groups.
#[derive(Debug, Default)]
pub struct SpendingSums {
    /// Σ 1 (for the equal commons pay), Σ financial weight, Σ ownership share, Σ pension.
    pub unit: Weighted,
    pub financial: Weighted,
    pub owner: Weighted,
    pub pension: Weighted,
    /// Σ c × (benefits + Basic Income − wealth tax − tax intercept).
    pub net_benefit: f64,
    /// Σ tax intercepts.
    pub intercept: f64,
    /// Σ spending out of wealth.
    pub from_wealth: f64,
    /// Running sums (poorest skill first, `n + 1` entries) of efficiency hours and of
    /// efficiency hours × risk: the wage bill of the groups not wholly laid off.
    pub labour: Vec<Weighted>,
    pub labour_risk: Vec<Weighted>,
    /// Σ labour weight and Σ c × commons weight, once those weights are filled.
    pub labour_weight: Weighted,
    pub commons_weight: f64,
}

impl Weights {
    /// Fills `households` for year `t` from each group's `inputs` and the schedule, once the
    /// hours offered and the risks are known. `financial_positive` is Σ of the non-negative
    /// parts of financial wealth.
    #[allow(clippy::too_many_arguments)]
    pub fn fill_households(
        &mut self,
        s: &State,
        inputs: &[YearInput],
        schedule: &Schedule,
        (mpc, wealth_mpc): (&[f64], &[f64]),
        (equal_ownership, wealth_tax): (bool, f64),
        financial_positive: f64,
    ) {
        let n = inputs.len();
        let (financial, risk) = (&s.financial[..n], &self.rationing.risk()[..n]);
        let (mpc, wealth_mpc) = (&mpc[..n], &wealth_mpc[..n]);
        // As `relative_to_mean`: weights of mean 1, or all ones when the mean is not positive.
        let mean = financial_positive / n as f64;
        let relative = mean > 0.0 && mean.is_finite();
        self.households.resize(n, Household::default());
        let households = &mut self.households[..n];
        let sums = &mut self.spending;
        sums.labour.resize(n + 1, Weighted::default());
        sums.labour_risk.resize(n + 1, Weighted::default());
        let (labour_sums, labour_risk_sums) = (&mut sums.labour[..=n], &mut sums.labour_risk[..=n]);
        labour_sums[0] = Weighted::default();
        labour_risk_sums[0] = Weighted::default();
        let (mut unit, mut fin, mut own, mut pen) = Default::default();
        let (mut net_benefit, mut intercept, mut from_wealth_sum) = (0.0, 0.0, 0.0);
        let (mut sum_labour, mut sum_labour_risk) = (Weighted::default(), Weighted::default());
        let (unit, fin, own, pen): (&mut Weighted, &mut Weighted, &mut Weighted, &mut Weighted) =
            (&mut unit, &mut fin, &mut own, &mut pen);
        for i in 0..n {
            let f = financial[i];
            let input = &inputs[i];
            let financial_weight = if relative { f.max(0.0) / mean } else { 1.0 };
            let (k, m) = schedule.line(input.band as usize);
            let hh = Household {
                financial: f,
                financial_weight,
                owner: if equal_ownership {
                    1.0
                } else {
                    financial_weight
                },
                risk: risk[i],
                labour: input.labour,
                pension: input.pension,
                benefit: input.benefit,
                basic_income: input.basic_income,
                wealth_tax: wealth_tax * f,
                mpc: mpc[i],
                from_wealth: wealth_mpc[i] * f,
                band_intercept: k,
                band_rate: m,
                band: input.band,
            };
            let c = hh.mpc;
            unit.add(c, m, 1.0);
            fin.add(c, m, hh.financial_weight);
            own.add(c, m, hh.owner);
            pen.add(c, m, hh.pension);
            net_benefit += c * (hh.benefit + hh.basic_income - hh.wealth_tax - k);
            intercept += k;
            from_wealth_sum += hh.from_wealth;
            sum_labour.add(c, m, hh.labour);
            sum_labour_risk.add(c, m, hh.labour * hh.risk);
            labour_sums[i + 1] = sum_labour;
            labour_risk_sums[i + 1] = sum_labour_risk;
            households[i] = hh;
        }
        sums.unit = *unit;
        sums.financial = *fin;
        sums.owner = *own;
        sums.pension = *pen;
        sums.net_benefit = net_benefit;
        sums.intercept = intercept;
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
            let mut w = Weighted::default();
            for (hh, x) in self.households.iter().zip(&self.labour) {
                w.add(hh.mpc, hh.band_rate, *x);
            }
            self.spending.labour_weight = w;
            self.labour_ready = true;
        }
        if need_commons && !self.commons_ready {
            relative_to_sum(commons, self.commons_positive, &mut self.commons);
            self.spending.commons_weight = self
                .households
                .iter()
                .zip(&self.commons)
                .map(|(hh, w)| hh.mpc * w)
                .sum();
            self.commons_ready = true;
        }
    }
}

/// Weights proportional to the non-negative part of `values`, with mean 1. Groups in net
/// debt receive no profits or interest; normalising after the clamp keeps the weights
/// summing to `n`, so every unit of capital income paid reaches some group.
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

/// The year's aggregates one pass shares out (per adult, a year), before the income tax.
pub struct Terms {
    pub layoffs: Layoffs,
    /// Market wage per efficiency hour worked, when work is rationed.
    pub wage_per_hour: f64,
    pub market_wages: f64,
    /// Commons pay every adult receives alike (all of it with personal fabricators, whose
    /// goods each household makes for itself; with commons jobs, the part the jobless could
    /// not fill), and the pay per idle efficiency hour for commons jobs, which go first to
    /// those out of market work.
    pub commons_wages: f64,
    pub commons_pay_per_idle_hour: f64,
    pub financial_income: f64,
    pub profit_plus: f64,
    pub profit_minus: f64,
    pub own_part: f64,
    pub inv_part: f64,
    pub commons_capital_change: f64,
    pub vat_share: f64,
    /// Unemployment benefit per idle efficiency hour (replacement rate × wage).
    pub benefit_per_idle_hour: f64,
    /// Share of the spending groups choose that they can buy (1 unless a closed economy is
    /// at its ceiling and prices ration demand).
    pub rationing: f64,
    /// The year's income tax schedule.
    pub schedule: Schedule,
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
    /// From the year's sums, the kinked groups one by one: the solver's trial steps. Exact
    /// up to rounding while no other group crosses a kink.
    Estimate,
    /// A pass over every group, keeping what each did: the check at the solution.
    Write,
}

/// One group's income before the income tax.
#[derive(Clone, Copy)]
struct Gross {
    idle: f64,
    wages: f64,
    commons_pay: f64,
    unemployment_benefit: f64,
    taxable: f64,
    acquired: f64,
}

/// One group's flows after the income tax.
struct Net {
    disposable: f64,
    tax: f64,
    /// Spending before its kinks, with the tax line the sums assume: c_y × liquid income +
    /// spending out of wealth.
    assumed: f64,
    /// Spending within its kinks (zero, and all the group has), with the exact tax.
    clamped: f64,
    /// What the group buys: `clamped`, unless prices ration demand.
    spend: f64,
}

/// The income of group `i` before the income tax, given the pass's aggregates: the one place
/// the formulas are written, so that trial passes and the pass at the solution compute the
/// same bits. `RATIONED` (work is rationed) and `GROWING` (commons capital grows) are fixed
/// for a pass, so each case compiles to a loop of its own.
#[inline(always)]
fn gross<const RATIONED: bool, const GROWING: bool>(
    p: &Terms,
    hh: &Household,
    i: usize,
    labour_weight: &[f64],
    commons_weight: &[f64],
) -> Gross {
    // `Layoffs::share`, as a select.
    let idle = if i < p.layoffs.full {
        1.0
    } else {
        (p.layoffs.intensity * hh.risk).clamp(0.0, 1.0)
    };
    // Efficiency hours idle: unemployment benefit and commons jobs are paid per idle hour.
    let idle_hours = hh.labour * idle;
    let (wages, unemployment_benefit, commons_pay) = if RATIONED {
        (
            p.wage_per_hour * (hh.labour - idle_hours),
            p.benefit_per_idle_hour * idle_hours,
            p.commons_wages + p.commons_pay_per_idle_hour * idle_hours,
        )
    } else {
        (p.market_wages * labour_weight[i], 0.0, p.commons_wages)
    };
    let taxable =
        wages + commons_pay + p.financial_income * hh.financial_weight + p.profit_plus * hh.owner
            - p.profit_minus * hh.financial_weight
            + hh.pension;
    let acquired = if GROWING {
        p.own_part * hh.owner + p.inv_part * hh.financial_weight
    } else {
        p.commons_capital_change * commons_weight[i]
    };
    Gross {
        idle,
        wages,
        commons_pay,
        unemployment_benefit,
        taxable,
        acquired,
    }
}

/// The flows of a group after the income tax: `schedule_tax` in band `band` of the schedule,
/// plus `shift` on every unit of taxable income. In the band the sums assume, the tax is
/// taken on the assumed line itself, so a group that stays in its band is not a kink.
#[inline(always)]
fn net(p: &Terms, hh: &Household, g: &Gross, (schedule_tax, band): (f64, u8), shift: f64) -> Net {
    let assumed_tax = hh.band_intercept + (hh.band_rate + shift) * g.taxable;
    let tax = if band == hh.band && g.taxable > 0.0 {
        assumed_tax
    } else {
        schedule_tax + shift * g.taxable
    };
    let untaxed = hh.basic_income + hh.benefit - hh.wealth_tax + g.unemployment_benefit;
    let disposable = g.taxable - tax + untaxed;
    let assumed = hh.mpc * (g.taxable - assumed_tax + untaxed - g.acquired) + hh.from_wealth;
    let liquid = disposable - g.acquired;
    let unclamped = hh.mpc * liquid + hh.from_wealth;
    let clamped = unclamped.min(liquid + hh.financial).max(0.0);
    Net {
        disposable,
        tax,
        assumed,
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

/// The estimate's view of a pass: total taxable income weighted three ways, the commons
/// shares acquired weighted by c, and the kinked groups' gross incomes (for their exact
/// flows once the tax shift is known).
pub struct Estimate {
    taxable: Weighted,
    acquired: f64,
    benefit_bill: f64,
    /// Σ over kinked groups of (exact schedule tax − the tax the sums assume).
    tax_correction: f64,
}

/// Sums of the taxable income components, from the year's sums and the pass's aggregates.
pub fn estimate(
    p: &Terms,
    w: &HouseholdWeights,
    sums: &SpendingSums,
    kinked: &[u32],
    scratch: &mut Vec<(u32, f64, u8)>,
    (rationed, growing): (bool, bool),
) -> Estimate {
    let n = w.households.len();
    let (wages, benefit_bill) = if rationed {
        // Groups below `full` lose all their hours; the others the share intensity × risk.
        let full = p.layoffs.full.min(n);
        let (hours_n, hours_f) = (sums.labour[n], sums.labour[full]);
        let (risk_n, risk_f) = (sums.labour_risk[n], sums.labour_risk[full]);
        let k = p.layoffs.intensity;
        let employed = Weighted {
            c: (hours_n.c - hours_f.c) - k * (risk_n.c - risk_f.c),
            cm: (hours_n.cm - hours_f.cm) - k * (risk_n.cm - risk_f.cm),
            m: (hours_n.m - hours_f.m) - k * (risk_n.m - risk_f.m),
        };
        let idle = Weighted {
            c: hours_f.c + k * (risk_n.c - risk_f.c),
            cm: hours_f.cm + k * (risk_n.cm - risk_f.cm),
            m: hours_f.m + k * (risk_n.m - risk_f.m),
        };
        (
            employed
                .scaled(p.wage_per_hour)
                .plus(idle.scaled(p.commons_pay_per_idle_hour)),
            p.benefit_per_idle_hour * idle.c,
        )
    } else {
        (sums.labour_weight.scaled(p.market_wages), 0.0)
    };
    let taxable = wages
        .plus(sums.unit.scaled(p.commons_wages))
        .plus(sums.financial.scaled(p.financial_income - p.profit_minus))
        .plus(sums.owner.scaled(p.profit_plus))
        .plus(sums.pension);
    let acquired = if growing {
        p.own_part * sums.owner.c + p.inv_part * sums.financial.c
    } else {
        p.commons_capital_change * sums.commons_weight
    };
    let tax_correction = match (rationed, growing) {
        (true, true) => kinked_gross::<true, true>(p, w, kinked, scratch),
        (true, false) => kinked_gross::<true, false>(p, w, kinked, scratch),
        (false, true) => kinked_gross::<false, true>(p, w, kinked, scratch),
        (false, false) => kinked_gross::<false, false>(p, w, kinked, scratch),
    };
    Estimate {
        taxable,
        acquired,
        benefit_bill,
        tax_correction,
    }
}

impl Estimate {
    /// Σ schedule tax (before the shift), estimated.
    pub fn schedule_tax(&self, sums: &SpendingSums) -> f64 {
        sums.intercept + self.taxable.m + self.tax_correction
    }

    /// Σ spending at the tax shift `shift`, estimated (kinked groups exact).
    pub fn spending(
        &self,
        p: &Terms,
        w: &HouseholdWeights,
        sums: &SpendingSums,
        scratch: &[(u32, f64, u8)],
        shift: f64,
        (rationed, growing): (bool, bool),
    ) -> f64 {
        let unclamped = self.taxable.c - self.taxable.cm - shift * self.taxable.c
            + sums.net_benefit
            + self.benefit_bill
            - self.acquired
            + sums.from_wealth;
        let correction = match (rationed, growing) {
            (true, true) => kinked_spending::<true, true>(p, w, scratch, shift),
            (true, false) => kinked_spending::<true, false>(p, w, scratch, shift),
            (false, true) => kinked_spending::<false, true>(p, w, scratch, shift),
            (false, false) => kinked_spending::<false, false>(p, w, scratch, shift),
        };
        unclamped + correction
    }
}

/// For the `kinked` groups: their exact schedule tax less the tax the sums assume, summed;
/// keeps each one's schedule tax in `scratch` for [`kinked_spending`].
fn kinked_gross<const RATIONED: bool, const GROWING: bool>(
    p: &Terms,
    w: &HouseholdWeights,
    kinked: &[u32],
    scratch: &mut Vec<(u32, f64, u8)>,
) -> f64 {
    let n = w.households.len();
    let (labour_weight, commons_weight) = case_weights::<RATIONED, GROWING>(w, n);
    scratch.clear();
    let mut correction = 0.0;
    for &i in kinked {
        let i = i as usize;
        if i >= n {
            continue;
        }
        let hh = &w.households[i];
        let g = gross::<RATIONED, GROWING>(p, hh, i, labour_weight, commons_weight);
        let (tax, band) = p.schedule.tax(g.taxable);
        correction += tax - (hh.band_intercept + hh.band_rate * g.taxable);
        scratch.push((i as u32, tax, band as u8));
    }
    correction
}

/// Σ over the kinked groups (in `scratch`, with their schedule tax) of their exact spending
/// less the spending the sums assume, at the tax shift `shift`.
fn kinked_spending<const RATIONED: bool, const GROWING: bool>(
    p: &Terms,
    w: &HouseholdWeights,
    scratch: &[(u32, f64, u8)],
    shift: f64,
) -> f64 {
    let n = w.households.len();
    let (labour_weight, commons_weight) = case_weights::<RATIONED, GROWING>(w, n);
    scratch
        .iter()
        .map(|&(i, tax, band)| {
            let i = i as usize;
            let hh = &w.households[i];
            let g = gross::<RATIONED, GROWING>(p, hh, i, labour_weight, commons_weight);
            let x = net(p, hh, &g, (tax, band), shift);
            x.clamped - x.assumed
        })
        .sum()
}

/// The first sweep of an exact pass: every group's income before the income tax, schedule
/// tax and band, written to `h` (taxable, taxes, band, and the share idle, wages,
/// unemployment benefit and commons shares acquired, which the second sweep reads back
/// instead of computing them again); returns Σ schedule tax.
pub fn taxable_pass<const RATIONED: bool, const GROWING: bool>(
    p: &Terms,
    w: &HouseholdWeights,
    h: &mut HouseholdFlows,
) -> f64 {
    let n = w.households.len();
    let households = &w.households[..n];
    let (labour_weight, commons_weight) = case_weights::<RATIONED, GROWING>(w, n);
    let taxable_out = &mut h.taxable[..n];
    let tax_out = &mut h.taxes[..n];
    let band_out = &mut h.band[..n];
    let jobless_out = &mut h.jobless[..n];
    let wages_out = &mut h.wages[..n];
    let benefits_out = &mut h.unemployment_benefits[..n];
    let acquired_out = &mut h.commons_acquired[..n];
    let commons_pay_out = &mut h.commons_pay[..n];
    let mut total = 0.0;
    for (i, hh) in households.iter().enumerate() {
        let g = gross::<RATIONED, GROWING>(p, hh, i, labour_weight, commons_weight);
        let (tax, band) = p.schedule.tax(g.taxable);
        taxable_out[i] = g.taxable;
        tax_out[i] = tax;
        band_out[i] = band as u8;
        jobless_out[i] = g.idle;
        wages_out[i] = g.wages;
        benefits_out[i] = g.unemployment_benefit;
        acquired_out[i] = g.acquired;
        commons_pay_out[i] = g.commons_pay;
        total += tax;
    }
    total
}

/// The second sweep of an exact pass: every group's flows at the tax shift `shift`, from
/// what the first sweep wrote, written to `h`; returns Σ spending and Σ hours offered × the
/// share idle (both in group order), and lists in `kinked` the groups whose spending sits
/// at a kink or whose band differs from the one the sums assume.
pub fn households_pass(
    p: &Terms,
    w: &HouseholdWeights,
    h: &mut HouseholdFlows,
    kinked: &mut Vec<u32>,
    shift: f64,
) -> (f64, f64) {
    let n = w.households.len();
    let households = &w.households[..n];
    let jobless = &h.jobless[..n];
    let wages = &h.wages[..n];
    let benefits = &h.unemployment_benefits[..n];
    let acquired = &h.commons_acquired[..n];
    let commons_pay = &h.commons_pay[..n];
    let taxable = &h.taxable[..n];
    let disposable_out = &mut h.disposable[..n];
    let spending_out = &mut h.spending[..n];
    let transfers_out = &mut h.transfers[..n];
    let basic_income_out = &mut h.basic_income[..n];
    let pension_out = &mut h.pension[..n];
    let taxes_out = &mut h.taxes[..n];
    let income_tax_out = &mut h.income_tax[..n];
    let band = &h.band[..n];
    let hours = &h.hours[..n];
    let mut sum = 0.0;
    let mut idle_hours = 0.0;
    kinked.clear();
    for (i, hh) in households.iter().enumerate() {
        let g = Gross {
            idle: jobless[i],
            wages: wages[i],
            commons_pay: commons_pay[i],
            unemployment_benefit: benefits[i],
            taxable: taxable[i],
            acquired: acquired[i],
        };
        // The schedule tax and band the first sweep wrote.
        let x = net(p, hh, &g, (taxes_out[i], band[i]), shift);
        sum += x.spend;
        idle_hours += hours[i] * g.idle;
        if x.clamped != x.assumed || band[i] != hh.band {
            kinked.push(i as u32);
        }
        disposable_out[i] = x.disposable;
        spending_out[i] = x.spend;
        transfers_out[i] = hh.benefit + g.unemployment_benefit;
        pension_out[i] = hh.pension;
        basic_income_out[i] = hh.basic_income;
        income_tax_out[i] = x.tax;
        taxes_out[i] = x.tax + hh.wealth_tax + p.vat_share * x.spend;
    }
    (sum, idle_hours)
}
