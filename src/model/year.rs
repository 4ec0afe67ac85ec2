//! Solving one year: every flow of the year as a function of total consumption, and the
//! secant iteration that finds the consumption level households actually choose.
//!
//! Given net consumption spending `C`, output is demand-led and known in closed form
//! (market sales, commons revenue, investment, purchases); so are wages, profits, commons
//! surplus and, under the balanced rule, the income tax rate that balances the budget. One
//! pass over the households then gives the spending they choose at those incomes, `C'(C)`.
//! `C'` is piecewise affine in `C` with slope below one, so a secant step lands on the root
//! exactly within one affine piece: typically three or four steps a year (≤ 8 allowed).
//!
//! A trial step needs only total spending, and before its kinks each household's spending
//! is affine in the year's aggregates: the steps are estimated from a few sums taken once a
//! year (plus the households known to sit at a kink, one by one), and one pass over the
//! households, at the solution, checks it and writes what each household did. Typically
//! that is the only pass of the year over the households; when the check finds a household
//! the estimate did not know at a kink, the steps restart from there, and full passes take
//! over if estimates keep missing. The solution is the same to the solver's tolerance (the
//! estimate sums in another order, so the last bits differ from passes that add households
//! one by one).

use super::economy::{Economy, FiscalRule, MAX_TAX_RATE};
use super::error::ModelError;
use super::jobs::{Layoffs, Rationing};

/// Step budget per year for the secant iteration before the bracketed fallback (typical
/// years need 2–5 steps; most are estimated, not passes over the households).
pub const MAX_PASSES: usize = 8;
/// Trial steps estimated from the year's sums before the solver turns to full passes.
const ESTIMATED_STEPS: usize = 6;
/// Hard cap including the bracketed fallback; beyond it a typed error is returned.
pub const MAX_PASSES_BRACKETED: usize = 60;
/// Share of the gap between last year's sales and the expectation closed each year.
pub const EXPECTATION_SPEED: f64 = 0.5;
/// Relative tolerance on consumption.
const TOLERANCE: f64 = 1e-12;
/// A point `(consumption, residual)` the solver has evaluated.
type Point = (f64, f64);

/// The stocks carried from one year to the next (end of the previous year).
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Financial wealth (market shares and government bonds) of each household.
    pub financial: Vec<f64>,
    /// Commons shares (co-op shares, personal fabricators) of each household.
    pub commons: Vec<f64>,
    /// Market capital.
    pub market_capital: f64,
    /// Commons capital.
    pub commons_capital: f64,
    /// Government debt (bonds held by households).
    pub debt: f64,
    /// Market output of the previous year.
    pub market_output_prev: f64,
    /// Market sales firms expect this year (adaptive expectations of past sales): the
    /// accelerator invests toward capital for these, so one bad year does not feed on itself.
    pub expected_output: f64,
    /// Consumption of the previous year: the solver's first guess.
    pub consumption_prev: f64,
}

impl State {
    /// The stocks before year 0.
    pub fn initial(economy: &Economy) -> Self {
        let n = economy.skill.len();
        let gdp_guess = economy.base_market_output;
        Self {
            financial: economy.wealth0.clone(),
            commons: vec![0.0; n],
            market_capital: economy.market_capital0,
            commons_capital: economy.commons_capital0,
            debt: economy.debt0,
            market_output_prev: economy.market_output_prev0,
            expected_output: economy.market_output_prev0,
            consumption_prev: 0.6 * gdp_guess,
        }
    }
}

/// The aggregate flows of one year (per adult, a year).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Flows {
    /// Household consumption spending net of consumption tax, `C`.
    pub consumption: f64,
    /// Consumer price of the basket before tax (market = 1): `1 − p(1 − κ)`.
    pub basket_price: f64,
    /// Spending on market goods.
    pub market_consumption: f64,
    /// Spending on peer-produced goods (commons revenue).
    pub commons_revenue: f64,
    /// Materials the commons buys from the market.
    pub commons_materials: f64,
    /// Commons capital bought from the market.
    pub commons_investment: f64,
    /// Market investment.
    pub market_investment: f64,
    /// Government purchases.
    pub purchases: f64,
    /// Market output (sales).
    pub market_output: f64,
    /// Market wages.
    pub market_wages: f64,
    /// Commons pay for work.
    pub commons_wages: f64,
    /// Market depreciation.
    pub market_depreciation: f64,
    /// Commons depreciation.
    pub commons_depreciation: f64,
    /// Automation tax paid.
    pub automation_tax: f64,
    /// Market profit paid to shareholders (after depreciation and automation tax).
    pub market_profit: f64,
    /// Commons surplus attributed to its owners.
    pub commons_profit: f64,
    /// Interest on government debt.
    pub interest: f64,
    /// Income tax rate in force.
    pub income_tax_rate: f64,
    /// Income tax rate the budget needed (balanced rule), before the ceiling.
    pub income_tax_needed: f64,
    /// Income tax revenue.
    pub income_tax: f64,
    /// Wealth tax revenue.
    pub wealth_tax: f64,
    /// Consumption tax revenue.
    pub vat: f64,
    /// Basic Income paid.
    pub basic_income: f64,
    /// Other cash benefits paid.
    pub transfers: f64,
    /// Government deficit.
    pub deficit: f64,
    /// Change of commons capital (net commons investment).
    pub commons_capital_change: f64,
    /// Change of market capital (net market investment, = new equity).
    pub market_capital_change: f64,
    /// Efficiency hours offered, mean over households.
    pub labour_supply: f64,
    /// Hours offered relative to full time, mean over households.
    pub hours: f64,
    /// Passes over the households the solver made (trial steps are estimated from the
    /// year's sums: typically only the pass at the solution, which checks it, goes over them).
    pub passes: usize,
}

/// What each household did in the year (per adult, a year). Reused between years.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HouseholdFlows {
    /// Market wages received.
    pub wages: Vec<f64>,
    /// Taxable income: wages, profits, interest, commons surplus.
    pub taxable: Vec<f64>,
    /// Disposable income: after income and wealth tax, with Basic Income and benefits.
    pub disposable: Vec<f64>,
    /// Consumption spending including consumption tax.
    pub spending: Vec<f64>,
    /// Commons shares acquired (reinvested surplus and capital calls).
    pub commons_acquired: Vec<f64>,
    /// All taxes paid: income, wealth and consumption tax.
    pub taxes: Vec<f64>,
    /// Other cash benefits received.
    pub transfers: Vec<f64>,
    /// Efficiency hours offered.
    pub labour: Vec<f64>,
    /// Hours offered (share of full time).
    pub hours: Vec<f64>,
    /// Share of the offered hours the market did not employ.
    pub jobless: Vec<f64>,
}

impl HouseholdFlows {
    fn resize(&mut self, n: usize) {
        for v in [
            &mut self.wages,
            &mut self.taxable,
            &mut self.disposable,
            &mut self.spending,
            &mut self.commons_acquired,
            &mut self.taxes,
            &mut self.transfers,
            &mut self.labour,
            &mut self.hours,
            &mut self.jobless,
        ] {
            v.resize(n, 0.0);
        }
    }
}

/// What the passes of a year read of one household, side by side: one stream to read
/// instead of ten, and the products that do not depend on consumption taken once a year
/// (each exactly the product the pass would take).
#[derive(Debug, Clone, Copy, Default)]
struct Household {
    /// Financial wealth at the start of the year.
    financial: f64,
    /// Financial wealth relative to the mean (who receives profits and interest).
    financial_weight: f64,
    /// Share of the commons surplus: 1 under equal ownership, else the financial weight.
    owner: f64,
    /// Relative risk of losing work when work is rationed.
    risk: f64,
    /// Efficiency hours offered.
    labour: f64,
    /// Cash benefits received: the year's benefits × the household's transfer weight.
    benefit: f64,
    /// Wealth tax paid: the year's rate × financial wealth.
    wealth_tax: f64,
    /// Propensity to consume out of liquid income.
    mpc: f64,
    /// Spending out of wealth: propensity × financial wealth.
    from_wealth: f64,
}

/// Per-year weights that do not depend on consumption, computed once a year.
#[derive(Debug, Default)]
struct Weights {
    /// What each household brings to the year's passes.
    households: Vec<Household>,
    /// Commons shares relative to the mean (who gives back capital when the commons shrinks).
    commons: Vec<f64>,
    /// Efficiency hours offered relative to the mean (who earns the wage bill when all who
    /// offer work find it).
    labour: Vec<f64>,
    /// Who loses work when fewer efficiency hours are demanded than offered.
    rationing: Rationing,
    /// Mean financial wealth at the start of the year (the wealth tax base).
    financial_mean: f64,
    /// Σ of the non-negative efficiency hours offered this year, whether anyone offers
    /// any, and whether `labour` holds this year's weights. Only passes without rationing
    /// read those weights, and only passes where the commons shrinks read `commons`: each
    /// is divided out when a pass first needs it (most years need neither), from the sums
    /// of the year's first pass over the households.
    labour_positive: f64,
    anyone_works: bool,
    labour_ready: bool,
    /// Σ of the non-negative commons shares, and whether `commons` holds this year's weights.
    commons_positive: f64,
    commons_ready: bool,
    /// The year's propensity-weighted sums, for estimating a pass in O(1).
    spending: SpendingSums,
}

/// Sums over the households, weighted by their propensity to consume out of income, of what
/// their liquid income is made of. Before its kinks (spending at zero or at all a household
/// has), spending is affine in the pass's aggregates with these coefficients, so the solver's
/// trial passes cost a few operations instead of a pass over the households.
#[derive(Debug, Default)]
struct SpendingSums {
    /// Σ c_y.
    mpc: f64,
    /// Σ c_y × financial weight.
    financial: f64,
    /// Σ c_y × ownership share of the commons surplus.
    owner: f64,
    /// Σ c_y × (benefits − wealth tax).
    net_benefit: f64,
    /// Σ spending out of wealth.
    from_wealth: f64,
    /// Running sums (poorest skill first, `n + 1` entries) of c_y × efficiency hours, and of
    /// c_y × efficiency hours × risk: the wage bill of the groups not wholly laid off.
    labour: Vec<f64>,
    labour_risk: Vec<f64>,
    /// Σ c_y × labour weight and Σ c_y × commons weight, once those weights are filled.
    labour_weight: f64,
    commons_weight: f64,
}

impl Weights {
    /// Fills `households` for year `t`, once the hours offered (`labour`) and the risks are
    /// known. `financial_positive` is Σ of the non-negative parts of financial wealth.
    fn fill_households(
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
    fn ensure(&mut self, need: (bool, bool), labour: &[f64], skill: &[f64], commons: &[f64]) {
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

/// The solver's scratch space, reused across years and runs.
#[derive(Debug, Default)]
pub struct Solver {
    weights: Weights,
    /// Slope of `C'(C) − C` found last year: the first step of the next year uses it, so a
    /// year that is affine in `C` converges in two passes.
    slope: Option<f64>,
    /// What each household did in the last solved year.
    pub households: HouseholdFlows,
    /// Households whose spending sat at a kink (zero, or all they have) in the last pass
    /// that wrote: estimated passes evaluate them one by one.
    kinked: Vec<u32>,
}

/// Weights proportional to the non-negative part of `values`, with mean 1. Households in
/// net debt receive no profits or interest; normalising after the clamp keeps the weights
/// summing to `n`, so every unit of capital income paid reaches some household.
fn relative_to_mean(values: &[f64], out: &mut Vec<f64>) {
    let positive = values.iter().map(|v| v.max(0.0)).sum::<f64>();
    relative_to_sum(values, positive, out);
}

/// [`relative_to_mean`] given `positive`, the sum of the non-negative parts of `values` (in
/// order, from −0.0), taken by a pass that had other sums to take.
fn relative_to_sum(values: &[f64], positive: f64, out: &mut Vec<f64>) {
    let n = values.len();
    out.clear();
    let mean = positive / n as f64;
    if mean > 0.0 && mean.is_finite() {
        out.extend(values.iter().map(|v| v.max(0.0) / mean));
    } else {
        out.resize(n, 1.0);
    }
}

/// Sums over the households that set a year's weights. Each runs in household order from
/// the value its own pass started at, so one pass gives the same bits as six.
struct YearSums {
    /// Σ hours offered.
    hours: f64,
    /// Σ efficiency hours offered, and of their non-negative parts.
    labour: f64,
    labour_positive: f64,
    /// Whether any household offers efficiency hours (not all are ≤ 0; NaN counts as an
    /// offer, as the all-≤-0 test it replaces had it).
    anyone_works: bool,
    /// Σ financial wealth, and of its non-negative parts.
    financial: f64,
    financial_positive: f64,
    /// Σ of the non-negative parts of commons shares.
    commons_positive: f64,
}

impl Solver {
    /// Hours offered by each household in year `t` (the income effect of the Basic Income,
    /// model.md §1), with the sums the year's weights need.
    fn offer_hours(&mut self, economy: &Economy, t: usize, state: &State) -> YearSums {
        let n = economy.skill.len();
        let b = economy.basic_income[t];
        let wage = (1.0 - economy.alpha[t]) * economy.productivity[t];
        let skill = &economy.skill[..n];
        let financial = &state.financial[..n];
        let commons = &state.commons[..n];
        let hours_out = &mut self.households.hours[..n];
        let labour_out = &mut self.households.labour[..n];
        let mut sums = YearSums {
            hours: 0.0,
            labour: -0.0,
            labour_positive: -0.0,
            anyone_works: false,
            financial: -0.0,
            financial_positive: -0.0,
            commons_positive: -0.0,
        };
        for i in 0..n {
            let z = skill[i];
            let h = if b > 0.0 {
                (1.0 - economy.hours_eta * b / (b + wage * z)).max(0.0)
            } else {
                1.0
            };
            let l = z * h;
            hours_out[i] = h;
            labour_out[i] = l;
            sums.hours += h;
            sums.labour += l;
            sums.labour_positive += l.max(0.0);
            sums.anyone_works |= l > 0.0 || l.is_nan();
            sums.financial += financial[i];
            sums.financial_positive += financial[i].max(0.0);
            sums.commons_positive += commons[i].max(0.0);
        }
        sums
    }

    /// Solves year `t` of `economy` from `state` (the stocks at the end of year t − 1).
    pub fn solve(
        &mut self,
        economy: &Economy,
        t: usize,
        state: &State,
    ) -> Result<Flows, ModelError> {
        let n = economy.skill.len();
        self.households.resize(n);
        let year = economy.base_year + t as i32;

        let sums = self.offer_hours(economy, t, state);
        let w = &mut self.weights;
        w.labour_positive = sums.labour_positive;
        w.anyone_works = sums.anyone_works;
        w.labour_ready = false;
        w.commons_positive = sums.commons_positive;
        w.commons_ready = false;
        w.rationing.prepare(&self.households.labour);
        w.financial_mean = sums.financial / n as f64;
        w.fill_households(
            economy,
            t,
            state,
            &self.households.labour,
            sums.financial_positive,
        );
        let labour_supply = sums.labour / n as f64;
        let hours = sums.hours / n as f64;

        let (flows, passes) = self.find_consumption(economy, t, state, year)?;
        let mut flows = flows;
        if economy.rule == FiscalRule::Balanced && flows.income_tax_needed > MAX_TAX_RATE {
            return Err(ModelError::Infeasible {
                year,
                tax_needed: flows.income_tax_needed * 100.0,
            });
        }
        flows.passes = passes;
        flows.labour_supply = labour_supply;
        flows.hours = hours;
        Ok(flows)
    }

    /// Finds the consumption level at which households spend what the economy's incomes
    /// let them: `C'(C) = C`. `g(C) = C'(C) − C` falls in `C` (slope below zero), is affine
    /// between kinks (households whose spending hits zero or their means), so secant steps are
    /// exact within a piece. Kinks crossed at every step can stall the secant; after
    /// [`MAX_PASSES`] steps a bracketed Illinois iteration (guaranteed to converge) takes
    /// over. Returns the flows and the passes made over the households.
    fn find_consumption(
        &mut self,
        economy: &Economy,
        t: usize,
        state: &State,
        year: i32,
    ) -> Result<(Flows, usize), ModelError> {
        let scale = economy.base_market_output.abs().max(1e-300);
        let converged = |c: f64, g: f64| g.abs() <= TOLERANCE * c.abs().max(1e-9 * scale);
        let here = (economy, t, state);
        // Trial steps are estimated (see `Pass`) until a full pass confirms a solution. An
        // estimate the check proves stale (a household crossed a kink) restarts the secant
        // from the checked point, with the kinked households updated; after two misses, or
        // a few steps, the year goes on with full passes.
        let mut household_passes = 0;
        let mut misses = 0;
        let mut c0 = state.consumption_prev.max(0.0);
        let (mut g0, mut flows, first) =
            self.trial(here, c0, false, &mut household_passes, &converged);
        let mut passes = 1;
        match first {
            Trial::Solved => return Ok((flows, household_passes)),
            Trial::Missed => misses += 1,
            Trial::Step => {}
        }
        // Bracket: g(lo) > 0 > g(hi) once both sides are seen.
        let (mut lo, mut hi): (Option<Point>, Option<Point>) = (None, None);
        let note = |c: f64, g: f64, lo: &mut Option<(f64, f64)>, hi: &mut Option<(f64, f64)>| {
            if g > 0.0 && lo.is_none_or(|(x, _)| c > x) {
                *lo = Some((c, g));
            } else if g < 0.0 && hi.is_none_or(|(x, _)| c < x) {
                *hi = Some((c, g));
            }
        };
        note(c0, g0, &mut lo, &mut hi);
        let mut c1 = self.first_step(c0, g0);
        let mut illinois_side = 0i8;
        let mut exact = false;
        loop {
            if !exact && (misses >= 2 || passes >= ESTIMATED_STEPS) {
                // Points bracketed from estimates may be off: bracket afresh, exactly.
                exact = true;
                (lo, hi, illinois_side) = (None, None, 0);
            }
            let (g1, f, outcome) = self.trial(here, c1, exact, &mut household_passes, &converged);
            flows = f;
            passes += 1;
            match outcome {
                Trial::Solved => return Ok((flows, household_passes)),
                Trial::Missed => {
                    // Every estimate so far used stale kinks: start again from this point.
                    misses += 1;
                    (lo, hi, illinois_side) = (None, None, 0);
                    note(c1, g1, &mut lo, &mut hi);
                    (c0, g0) = (c1, g1);
                    c1 = self.first_step(c0, g0);
                    continue;
                }
                Trial::Step => {}
            }
            note(c1, g1, &mut lo, &mut hi);
            if passes >= MAX_PASSES_BRACKETED {
                return Err(ModelError::NoConvergence {
                    year,
                    residual: g1.abs() / c1.abs().max(1e-300),
                });
            }
            let slope = (g1 - g0) / (c1 - c0);
            if slope.is_finite() && slope < 0.0 {
                self.slope = Some(slope);
            }
            let secant = if slope.is_finite() && slope != 0.0 {
                c1 - g1 / slope
            } else {
                c1 + g1
            };
            let next = match (lo, hi) {
                (Some((a, ga)), Some((b, gb)))
                    if passes >= MAX_PASSES || !(secant > a && secant < b) =>
                {
                    // Illinois: false position, halving the weight of a side kept twice.
                    let (mut wa, mut wb) = (ga, gb);
                    if g1 > 0.0 {
                        if illinois_side == 1 {
                            wb *= 0.5;
                        }
                        illinois_side = 1;
                    } else {
                        if illinois_side == -1 {
                            wa *= 0.5;
                        }
                        illinois_side = -1;
                    }
                    (a * wb - b * wa) / (wb - wa)
                }
                (None, Some((b, _))) if secant.is_nan() || secant >= b => 0.5 * b,
                _ => secant,
            };
            c0 = c1;
            g0 = g1;
            c1 = next.max(0.0);
        }
    }

    /// The step from the first point of a secant run: along last year's slope when there is
    /// one (a year affine in `C` is then solved at once).
    fn first_step(&self, c0: f64, g0: f64) -> f64 {
        match self.slope {
            Some(s) if s < 0.0 && s.is_finite() => c0 - g0 / s,
            _ => c0 + g0,
        }
        .max(0.0)
    }

    /// One trial step at consumption `c`: estimated unless `exact`; when the estimate says
    /// `c` solves the year, a full pass checks it (and writes what each household did).
    /// Returns `C'(c) − c` (from the full pass when there was one), the flows, and what the
    /// step found.
    fn trial(
        &mut self,
        (e, t, s): (&Economy, usize, &State),
        c: f64,
        exact: bool,
        household_passes: &mut usize,
        converged: &impl Fn(f64, f64) -> bool,
    ) -> (f64, Flows, Trial) {
        if !exact {
            let (g, flows) = self.residual(e, t, s, c, Pass::Estimate);
            if !converged(c, g) {
                return (g, flows, Trial::Step);
            }
        }
        let (g, flows) = self.residual(e, t, s, c, Pass::Write);
        *household_passes += 1;
        let found = if converged(c, g) {
            Trial::Solved
        } else if exact {
            Trial::Step
        } else {
            Trial::Missed
        };
        (g, flows, found)
    }

    /// Total spending at consumption `c`, estimated or from a pass over the households (see
    /// [`Pass`]): returns `C'(c) − c` and the flows. `Pass::Write` also keeps what each
    /// household did, and which households sit at a kink.
    fn residual(&mut self, e: &Economy, t: usize, s: &State, c: f64, pass: Pass) -> (f64, Flows) {
        let ct = &e.commons[t];
        let delta = e.depreciation;
        let vat_rate = e.vat[t];

        // Demand and output (closed form given c).
        let basket_price = 1.0 - ct.share * (1.0 - ct.unit_cost);
        let market_consumption = (1.0 - ct.share) * c / basket_price;
        let commons_revenue = ct.unit_cost * ct.share * c / basket_price;
        let commons_materials = ct.materials * commons_revenue;
        let commons_depreciation = delta * s.commons_capital;
        let commons_investment =
            (ct.capital_output * commons_revenue - (1.0 - delta) * s.commons_capital).max(0.0);
        let commons_capital_change = commons_investment - commons_depreciation;
        let market_depreciation = delta * s.market_capital;
        // Firms grow capital at the trend rate and close part of the gap to the capital their
        // expected sales need. (Growth expectations that fed on realised growth made the model
        // explode, as Harrod's knife-edge predicts; growing capital with automation-boosted
        // potential output made automation create its own demand. See models/README.md.)
        let market_investment = ((delta + e.trend_growth) * s.market_capital
            + e.accelerator * (e.capital_output[t] * s.expected_output - s.market_capital))
            .max(0.0);
        let purchases = e.purchases[t];
        let market_output = market_consumption
            + market_investment
            + commons_investment
            + purchases
            + commons_materials;

        // Incomes.
        let alpha = e.alpha[t];
        let market_wages = (1.0 - alpha) * market_output;
        let automation_tax = e.automation_tax[t] * alpha * market_output;
        let market_profit = alpha * market_output - market_depreciation - automation_tax;
        let interest = e.interest * s.debt;
        let financial_income = market_profit + interest;
        let commons_value_added = commons_revenue - commons_materials;
        let commons_wages = ct.labour_share * commons_value_added;
        let commons_profit = commons_value_added - commons_wages - commons_depreciation;

        // Commons surplus and capital: the surplus is reinvested first; what investment needs
        // beyond it is called from savers (pro rata financial wealth), who get the shares.
        let (profit_plus, profit_minus) = (commons_profit.max(0.0), (-commons_profit).max(0.0));
        let (own_part, inv_part) = if commons_capital_change >= 0.0 {
            let own = profit_plus.min(commons_capital_change);
            (own, commons_capital_change - own)
        } else {
            (0.0, 0.0)
        };
        // Government.
        let n = e.skill.len();
        let wealth_tax = e.wealth_tax[t] * self.weights.financial_mean;
        let vat = vat_rate * c;
        let basic_income = e.basic_income[t];
        let transfers = e.transfers[t];
        let spending = basic_income + transfers + purchases + interest;
        let taxable_total = market_wages + commons_wages + financial_income + commons_profit;
        let other_revenue = wealth_tax + vat + automation_tax;
        let (rate, needed) = match e.rule {
            FiscalRule::Debt => (e.income_tax[t], e.income_tax[t]),
            FiscalRule::Balanced => {
                let allowed_deficit = e.potential_growth[t] * s.debt.max(0.0);
                let needed = if taxable_total > 0.0 {
                    (spending - allowed_deficit - other_revenue) / taxable_total
                } else {
                    f64::INFINITY
                };
                (needed.clamp(0.0, MAX_TAX_RATE), needed)
            }
        };

        // Households.
        // Who works (jobs.rs): the efficiency hours not demanded are rationed with a risk
        // that falls with skill rank.
        let offered = self.weights.rationing.offered();
        let demanded = if e.productivity[t] > 0.0 {
            n as f64 * market_output / e.productivity[t]
        } else {
            offered
        };
        let jobless = (offered - demanded).clamp(0.0, offered);
        let employed = offered - jobless;
        let layoffs = if employed > 1e-12 * offered {
            self.weights.rationing.layoffs(jobless)
        } else {
            Layoffs::NONE
        };
        let rationed = layoffs != Layoffs::NONE;
        let growing = commons_capital_change >= 0.0;
        self.weights.ensure(
            (!rationed, !growing),
            &self.households.labour,
            &e.skill,
            &s.commons,
        );
        let w = &self.weights;
        let terms = Terms {
            layoffs,
            wage_per_hour: if rationed {
                market_wages * n as f64 / employed
            } else {
                0.0
            },
            market_wages,
            commons_wages,
            financial_income,
            profit_plus,
            profit_minus,
            rate,
            basic_income,
            own_part,
            inv_part,
            commons_capital_change,
            vat_share: vat_rate / (1.0 + vat_rate),
        };
        let weights = HouseholdWeights {
            households: &w.households,
            labour: &w.labour,
            commons: &w.commons,
        };
        let (p, h, k) = (&terms, &mut self.households, &mut self.kinked);
        let spending_sum = match (pass, rationed, growing) {
            (Pass::Estimate, ..) => {
                estimated_spending(p, &weights, &w.spending, k, (rationed, growing))
            }
            (Pass::Write, true, true) => households_pass::<true, true>(p, &weights, h, k),
            (Pass::Write, true, false) => households_pass::<true, false>(p, &weights, h, k),
            (Pass::Write, false, true) => households_pass::<false, true>(p, &weights, h, k),
            (Pass::Write, false, false) => households_pass::<false, false>(p, &weights, h, k),
        };
        let consumption_next = spending_sum / n as f64 / (1.0 + vat_rate);

        let income_tax = rate * taxable_total;
        let flows = Flows {
            consumption: c,
            basket_price,
            market_consumption,
            commons_revenue,
            commons_materials,
            commons_investment,
            market_investment,
            purchases,
            market_output,
            market_wages,
            commons_wages,
            market_depreciation,
            commons_depreciation,
            automation_tax,
            market_profit,
            commons_profit,
            interest,
            income_tax_rate: rate,
            income_tax_needed: needed,
            income_tax,
            wealth_tax,
            vat,
            basic_income,
            transfers,
            deficit: spending - income_tax - other_revenue,
            commons_capital_change,
            market_capital_change: market_investment - market_depreciation,
            labour_supply: 0.0,
            hours: 0.0,
            passes: 0,
        };
        (consumption_next - c, flows)
    }
}

/// The year's aggregates one household pass shares out (per adult, a year).
struct Terms {
    layoffs: Layoffs,
    /// Market wage per efficiency hour worked, when work is rationed.
    wage_per_hour: f64,
    market_wages: f64,
    commons_wages: f64,
    financial_income: f64,
    profit_plus: f64,
    profit_minus: f64,
    rate: f64,
    basic_income: f64,
    own_part: f64,
    inv_part: f64,
    commons_capital_change: f64,
    vat_share: f64,
}

/// Who gets what share of the year's aggregates.
struct HouseholdWeights<'a> {
    households: &'a [Household],
    labour: &'a [f64],
    commons: &'a [f64],
}

/// What a trial step of the solver found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trial {
    /// The point solves the year (a full pass checked it and wrote the households).
    Solved,
    /// A step toward the solution: `C'(c) − c` there.
    Step,
    /// The estimate said the point solves the year; the full pass that checked it did not
    /// (a household crossed a kink the estimate did not know of). Its value replaces the
    /// estimate's, and the kinked households are updated.
    Missed,
}

/// How a residual finds total spending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
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
    taxable: f64,
    disposable: f64,
    acquired: f64,
    /// Spending before its kinks: c_y × liquid income + spending out of wealth.
    unclamped: f64,
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
    let wages = if RATIONED {
        p.wage_per_hour * hh.labour * (1.0 - idle)
    } else {
        p.market_wages * labour_weight[i]
    };
    let taxable = wages
        + p.commons_wages
        + p.financial_income * hh.financial_weight
        + p.profit_plus * hh.owner
        - p.profit_minus * hh.financial_weight;
    let disposable = (1.0 - p.rate) * taxable + p.basic_income + hh.benefit - hh.wealth_tax;
    let acquired = if GROWING {
        p.own_part * hh.owner + p.inv_part * hh.financial_weight
    } else {
        p.commons_capital_change * commons_weight[i]
    };
    let liquid = disposable - acquired;
    let unclamped = hh.mpc * liquid + hh.from_wealth;
    let spend = unclamped.min(liquid + hh.financial).max(0.0);
    HouseholdFlow {
        idle,
        wages,
        taxable,
        disposable,
        acquired,
        unclamped,
        spend,
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
fn estimated_spending(
    p: &Terms,
    w: &HouseholdWeights,
    sums: &SpendingSums,
    kinked: &[u32],
    (rationed, growing): (bool, bool),
) -> f64 {
    let n = w.households.len();
    let wage_bill = if rationed {
        // Groups below `full` lose all their hours; the others the share intensity × risk.
        let full = p.layoffs.full.min(n);
        let hours = sums.labour[n] - sums.labour[full];
        let at_risk = sums.labour_risk[n] - sums.labour_risk[full];
        p.wage_per_hour * (hours - p.layoffs.intensity * at_risk)
    } else {
        p.market_wages * sums.labour_weight
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
    let unclamped = (1.0 - p.rate) * taxable + p.basic_income * sums.mpc + sums.net_benefit
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
            x.spend - x.unclamped
        })
        .sum()
}

/// Every household's flows, written to `h`; returns Σ spending (in household order) and
/// lists in `kinked` the households whose spending sits at a kink.
fn households_pass<const RATIONED: bool, const GROWING: bool>(
    p: &Terms,
    w: &HouseholdWeights,
    h: &mut HouseholdFlows,
    kinked: &mut Vec<u32>,
) -> f64 {
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
    let taxes_out = &mut h.taxes[..n];
    let mut sum = 0.0;
    kinked.clear();
    for (i, hh) in households.iter().enumerate() {
        let x = household_flow::<RATIONED, GROWING>(p, hh, i, labour_weight, commons_weight);
        sum += x.spend;
        if x.spend != x.unclamped {
            kinked.push(i as u32);
        }
        jobless_out[i] = x.idle;
        wages_out[i] = x.wages;
        taxable_out[i] = x.taxable;
        disposable_out[i] = x.disposable;
        spending_out[i] = x.spend;
        acquired_out[i] = x.acquired;
        transfers_out[i] = hh.benefit;
        taxes_out[i] = p.rate * x.taxable + hh.wealth_tax + p.vat_share * x.spend;
    }
    sum
}

/// The stocks at the end of year t, from the stocks before it and the year's flows.
/// Redundant stocks are not accumulated twice: household financial wealth is updated from
/// household saving, and the identity `Σ f = K_m + D` is *tested*, not imposed.
pub fn advance(state: &mut State, flows: &Flows, households: &HouseholdFlows) {
    for i in 0..state.financial.len() {
        let liquid = households.disposable[i] - households.commons_acquired[i];
        state.financial[i] += liquid - households.spending[i];
        state.commons[i] += households.commons_acquired[i];
    }
    state.market_capital += flows.market_capital_change;
    state.commons_capital += flows.commons_capital_change;
    state.debt += flows.deficit;
    state.market_output_prev = flows.market_output;
    state.expected_output += EXPECTATION_SPEED * (flows.market_output - state.expected_output);
    state.consumption_prev = flows.consumption;
}
