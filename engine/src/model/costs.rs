//! What a Basic Income costs, four ways (models/README.md §9, "Four costs"). The gross cost
//! (what is paid out) is an output of the scenario alone (`record.rs`); the other three compare
//! the scenario's year with its baseline's:
//!
//! * the **net cost** (Widerquist 2017): the baseline's households, with the incomes they
//!   earned before anyone changed how much they work, put under the reform's rules (its Basic
//!   Income, benefits, tax rates): the sum, household by household, of what those who gain
//!   receive net of what they pay. Static: no behaviour, no macro feedback;
//! * the **budget cost**: the change in the primary balance at the baseline's tax rates when
//!   the same households change their hours in response to the Basic Income (and spend their
//!   change of income), at the baseline's wages and prices: the revenue a rule must raise;
//! * the **dynamic cost**: the change in the primary balance at the baseline's tax rates in the
//!   scenario's own run, with every feedback of the model.
//!
//! The baseline's side of a year is kept as a [`BaselineYear`], so that the cache of a status-quo
//! (or reader's own) baseline carries what the costs need and moving a policy reruns the
//! scenario alone.

use super::economy::Economy;
use super::flows::{Flows, HouseholdFlows};
use super::households::Household;
use super::labour;
use super::taxben::{Benefits, Circumstances};

/// What the costs read of the baseline's groups in a year, one vector per quantity (copied
/// from the solver's own vectors in one go).
#[derive(Debug, Clone, Default, PartialEq)]
struct BaseGroups {
    /// Taxable income (pay, pensions, capital income), the year's.
    taxable: Vec<f64>,
    /// Market wages and unemployment benefits: what moves with hours.
    wages: Vec<f64>,
    unemployment: Vec<f64>,
    /// Spending including consumption tax.
    spending: Vec<f64>,
    /// Financial wealth at the start of the year, and relative to the mean (the share of
    /// profits the group receives).
    financial: Vec<f64>,
    financial_weight: Vec<f64>,
    /// The band of the income tax schedule the taxable income fell in.
    band: Vec<u8>,
    elderly: Vec<bool>,
}

impl BaseGroups {
    fn len(&self) -> usize {
        self.taxable.len()
    }
}

/// The rates a side taxes at in a year.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rates {
    /// The flat component of the income tax on top of the schedule.
    pub shift: f64,
    /// Consumption, wealth and automation tax rates.
    pub vat: f64,
    pub wealth: f64,
    pub automation: f64,
}

impl Rates {
    /// The rates of `economy` in year `t`, with the year's income tax shift `shift`.
    pub fn of(economy: &Economy, t: usize, shift: f64) -> Self {
        Self {
            shift,
            vat: economy.vat[t],
            wealth: economy.wealth_tax[t],
            automation: economy.automation_tax[t],
        }
    }
}

/// What the costs of year `t` read of the baseline's year (kept per year by the baseline
/// cache).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BaselineYear {
    /// The benefit rules of the year, with the Basic Income as indexed.
    rules: Benefits,
    rates: Rates,
    /// Real wage per efficiency hour.
    wage: f64,
    /// Market output less market wages, per adult: the automation tax's base.
    profit_base: f64,
    /// Primary balance (revenue − primary spending), per adult.
    primary_balance: f64,
    groups: BaseGroups,
}

impl BaselineYear {
    /// The baseline's year just solved: `flows`, its households, their start-of-year weights
    /// (`groups`) and the rules and rates it ran under.
    pub fn capture(
        flows: &Flows,
        households: &HouseholdFlows,
        groups: &[Household],
        rules: Benefits,
        rates: Rates,
    ) -> Self {
        let n = households.taxable.len().min(groups.len());
        let hh = households;
        let groups = BaseGroups {
            taxable: hh.taxable[..n].to_vec(),
            wages: hh.wages[..n].to_vec(),
            unemployment: hh.unemployment_benefits[..n].to_vec(),
            spending: hh.spending[..n].to_vec(),
            financial: groups[..n].iter().map(|g| g.financial).collect(),
            financial_weight: groups[..n].iter().map(|g| g.financial_weight).collect(),
            band: hh.band[..n].to_vec(),
            elderly: hh.elderly[..n].to_vec(),
        };
        Self {
            rules,
            rates,
            wage: flows.wage,
            profit_base: flows.market_output - flows.market_wages,
            primary_balance: primary_balance(flows, &rates, &rates),
            groups,
        }
    }
}

/// Revenue less primary spending of `flows`, per adult, with taxes at `at` instead of the
/// rates `own` the flows were computed at: the income tax is linear in its flat component
/// (`tax = schedule tax + shift × taxable`), so only the shift's change needs its base.
fn primary_balance(flows: &Flows, own: &Rates, at: &Rates) -> f64 {
    let spending = flows.basic_income
        + flows.pensions
        + flows.transfers
        + flows.unemployment_benefits
        + flows.purchases;
    let income_tax = flows.income_tax - (own.shift - at.shift) * flows.taxable;
    let wealth_tax = at.wealth * flows.wealth_base;
    let vat = at.vat * flows.consumption;
    let automation_tax = at.automation * (flows.market_output - flows.market_wages);
    income_tax + wealth_tax + vat + automation_tax - spending
}

/// The scenario's side of a year, as the costs read it.
pub struct ScenarioYear<'a> {
    pub flows: &'a Flows,
    /// The benefit rules of the year, with the Basic Income as indexed.
    pub rules: &'a Benefits,
    pub rates: Rates,
    /// GDP of the year (per adult): the costs are shares of it.
    pub gdp: f64,
}

/// The net, budget and dynamic costs of one year, % of GDP.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Costs {
    pub net: f64,
    pub budget: f64,
    pub dynamic: f64,
}

/// The net, budget and dynamic costs of year `t` of the scenario `s` against the baseline's
/// year `base` (`before`: the baseline's year before, whose incomes this year's means tests
/// read; `None` in the base year). `economy` is the scenario's: who lives with whom, skill and
/// propensities are assumptions, shared with the baseline.
pub fn costs(
    economy: &Economy,
    t: usize,
    s: &ScenarioYear,
    base: &BaselineYear,
    before: Option<&BaselineYear>,
) -> Costs {
    let n = base.groups.len();
    if s.gdp.is_nan() || s.gdp <= 0.0 || n == 0 {
        return Costs::default();
    }
    let pct = |per_adult: f64| 100.0 * per_adult / s.gdp;
    let (net, budget) = household_costs(economy, t, s, base, before);
    Costs {
        net: pct(net / n as f64),
        budget: pct(budget / n as f64),
        // The fall of the primary balance, both sides at the baseline's rates.
        dynamic: pct(base.primary_balance - primary_balance(s.flows, &s.rates, &base.rates)),
    }
}

/// Σ over households of the net cost's gain (where positive) and Σ over groups of the budget
/// cost, in currency per year (divide by the groups for per adult).
fn household_costs(
    e: &Economy,
    t: usize,
    s: &ScenarioYear,
    base: &BaselineYear,
    before: Option<&BaselineYear>,
) -> (f64, f64) {
    let n = base.groups.len().min(e.skill.len());
    let (people, lm) = (&e.people, &e.labour);
    let (rs, rb) = (s.rules, &base.rules);
    let (new, old) = (&s.rates, &base.rates);
    // The reform's rates on the baseline's bases. The automation tax falls on profits, which
    // reach households by their financial wealth (as `households::gross` pays them out).
    let vat_share = |rate: f64| rate / (1.0 + rate);
    let d_shift = new.shift - old.shift;
    let d_vat = vat_share(new.vat) - vat_share(old.vat);
    let d_wealth = new.wealth - old.wealth;
    let d_profits = (new.automation - old.automation) * base.profit_base;
    let vat_kept = vat_share(old.vat);
    let kids = e.children_per_household[t];
    let shift0 = e.tax_shift.first().copied().unwrap_or(0.0);
    // The baseline's marginal income tax rate in each band of the schedule.
    let band_rate = |b: usize| e.schedule0.line(b).1 + old.shift;
    let marginal = [band_rate(0), band_rate(1), band_rate(2)];
    // The substitution effect takes few values (band, and both sides' margins): each is
    // computed once, as the solver does.
    let mut substitution = [f64::NAN; 48];
    let b = &base.groups;
    let (taxable, wages, unemployment) = (&b.taxable[..n], &b.wages[..n], &b.unemployment[..n]);
    let (spending, financial) = (&b.spending[..n], &b.financial[..n]);
    let (financial_weight, bands, elderly) =
        (&b.financial_weight[..n], &b.band[..n], &b.elderly[..n]);
    let (head, skill, mpc) = (&people.head[..n], &e.skill[..n], &e.mpc[..n]);

    let (mut net, mut budget) = (0.0, 0.0);
    // The current household's gain so far, and what its adults share.
    let mut gain: f64 = 0.0;
    let mut household = Home::default();
    for g in 0..n {
        if head[g] as usize == g {
            net += gain.max(0.0);
            gain = 0.0;
            household = Home::of(e, g, n, elderly[g], kids, before, (rs, rb));
        }
        let h = &household;
        // Both sides' Basic Income and benefits on the same circumstances.
        let bi = |r: &Benefits, kept: f64| {
            let own = if elderly[g] { r.bi_elderly } else { r.bi_adult };
            (own + r.bi_child * h.children * h.share) * kept
        };
        let (bi_new, bi_old) = (bi(rs, h.kept.0), bi(rb, h.kept.1));
        let d_income = bi_new - bi_old + h.d_benefits;

        // Net cost: the reform's taxes on the incomes the group had.
        let d_taxes = d_shift * taxable[g]
            + d_wealth * financial[g]
            + d_vat * spending[g]
            + d_profits * financial_weight[g];
        gain += d_income - d_taxes;

        // Budget cost: hours respond to the Basic Income (its income effect, and the
        // substitution effect of the marginal rates the reform's benefits add) at the
        // baseline's wage and tax rates; pay and unemployment benefit follow hours.
        let mut ratio = if bi_new != bi_old {
            let pay = base.wage * skill[g];
            let income_old = labour::income_effect(lm.hours_eta, bi_old, pay);
            if income_old > 0.0 {
                labour::income_effect(lm.hours_eta, bi_new, pay) / income_old
            } else {
                1.0
            }
        } else {
            1.0
        };
        let band = usize::from(bands[g].min(2));
        let tax = marginal[band];
        if h.margin.0 != h.margin.1 {
            let code = band * 16 + h.margin_code();
            if substitution[code].is_nan() {
                let on_tax = (tax - shift0).clamp(0.0, 1.0);
                let kept = |(taper, claw): (bool, bool), r: &Benefits| {
                    let after_taper = (1.0 - on_tax) * if taper { 1.0 - r.taper } else { 1.0 };
                    if claw {
                        (after_taper - r.bi_clawback).max(0.0)
                    } else {
                        after_taper
                    }
                };
                let (now, was) = (kept(h.margin.0, rs), kept(h.margin.1, rb));
                substitution[code] = if was > 0.0 {
                    crate::math::pow(now / was, lm.elasticity)
                } else {
                    1.0
                };
            }
            ratio *= substitution[code];
        }
        let d_pay = (wages[g] + unemployment[g]) * (ratio - 1.0);
        let d_income_tax = tax * wages[g] * (ratio - 1.0);
        let d_disposable = d_pay - d_income_tax + d_income;
        let d_vat_paid = vat_kept * mpc[g] * d_disposable;
        budget += d_income + unemployment[g] * (ratio - 1.0) - d_income_tax - d_vat_paid;
    }
    net += gain.max(0.0);
    (net, budget)
}

/// What the adults of one household share in the costs' comparison.
#[derive(Debug, Default)]
struct Home {
    /// Children (of the household), and each adult's share of them.
    children: f64,
    share: f64,
    /// The change of child benefit and assistance per adult, reform − baseline.
    d_benefits: f64,
    /// The share of its Basic Income the household keeps after any claw-back, reform and
    /// baseline.
    kept: (f64, f64),
    /// Whether assistance is withdrawn at the margin and whether the claw-back is, reform and
    /// baseline.
    margin: ((bool, bool), (bool, bool)),
}

impl Home {
    /// Both sides' margins as a number below 16.
    fn margin_code(&self) -> usize {
        let ((a, b), (c, d)) = self.margin;
        usize::from(a) + 2 * usize::from(b) + 4 * usize::from(c) + 8 * usize::from(d)
    }

    /// The household whose first adult is group `head`, under the reform's and the
    /// baseline's `rules`; its means tests read the baseline's incomes of the year `before`.
    fn of(
        e: &Economy,
        head: usize,
        n: usize,
        elderly: bool,
        kids: f64,
        before: Option<&BaselineYear>,
        (new, old): (&Benefits, &Benefits),
    ) -> Self {
        let people = &e.people;
        let adults = usize::from(people.adults[head]).clamp(1, n - head);
        let children = if people.kind[head].with_children() {
            kids
        } else {
            0.0
        };
        let assessed = match before {
            Some(year) => (head..head + adults)
                .map(|g| year.groups.taxable.get(g).copied().unwrap_or(0.0))
                .sum(),
            None => e.assessed0.get(head).copied().unwrap_or(0.0),
        };
        let c = Circumstances {
            adults: adults as f64,
            elderly: if elderly { adults as f64 } else { 0.0 },
            children,
            assessed_income: assessed,
            needs: people.needs[head],
        };
        let (a_new, a_old) = (new.of(&c), old.of(&c));
        let (claw_new, claw_old) = (
            new.clawback(&c, a_new.basic_income),
            old.clawback(&c, a_old.basic_income),
        );
        let share = 1.0 / adults as f64;
        Self {
            children,
            share,
            d_benefits: ((a_new.child - a_old.child) + (a_new.assistance - a_old.assistance))
                * share,
            kept: (claw_new.0, claw_old.0),
            margin: ((a_new.on_taper, claw_new.1), (a_old.on_taper, claw_old.1)),
        }
    }
}
