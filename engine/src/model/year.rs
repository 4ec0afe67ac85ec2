//! Solving one year (models/README.md §6).
//!
//! Before the year's consumption is known, its labour market is set ([`labour`]): this
//! year's real wage (last year's, moving toward its anchor), the technique it calls for
//! (output per efficiency hour `w / (1 − α)`), the hours people offer, the floor on
//! unemployment, and so the highest output capital and the labour force allow.
//!
//! Given net consumption spending `C`, demand is known in closed form (market sales, the
//! commons, investment, purchases, exports less imports); output is demand up to the
//! ceiling (in an open economy the rest is imported); so are wages, profits, unemployment
//! and its benefits, and under the balanced rule the income tax rate. One pass over the
//! households then gives the spending they choose at those incomes, `C'(C)`. `C'` is
//! piecewise affine in `C` with slope below one: [`roots::find`] solves `C'(C) = C`, mostly
//! with steps estimated from sums ([`households::estimate`]) and one pass at the
//! solution. A closed economy whose demand ends above its ceiling is rationed by prices:
//! households buy what can be produced and save the rest.

use super::economy::{BiIndex, CommonsTech, Economy, FiscalRule, MAX_DEBT_GDP, MAX_TAX_RATE};
use super::error::ModelError;
use super::flows::{Flows, HouseholdFlows, State};
use super::households::{self, HouseholdWeights, Pass, Terms, Weights, YearInput};
use super::jobs::{Layoffs, Rationing};
use super::labour;
use super::roots::{self, Trial};
use super::take_up;
use super::taxben::{BenefitAmounts, Benefits, Circumstances, Schedule};

pub use super::roots::{MAX_PASSES, MAX_PASSES_BRACKETED};

/// How close to a band threshold (a fraction of it) last year's income must be for a group
/// to be watched this year: incomes rarely move by more in a year.
const WATCH: f64 = 0.03;

/// Relative tolerance on consumption.
const TOLERANCE: f64 = 1e-12;

/// What a year's labour market and capacity are, set before its consumption is solved
/// (per adult, a year).
#[derive(Debug, Default, Clone, Copy)]
struct Setup {
    /// Real wage per efficiency hour.
    wage: f64,
    /// Market output per efficiency hour employed: `w / (1 − α)`.
    output_per_hour: f64,
    /// Efficiency hours offered, mean over households.
    labour_supply: f64,
    /// Hours offered, sum over households.
    hours_total: f64,
    /// Highest market output.
    ceiling: f64,
    /// Market output at normal use of capital.
    normal_output: f64,
    /// Real interest rate.
    interest_rate: f64,
    /// Unemployment benefits at the equilibrium unemployment rate (the structural rule's).
    structural_benefits: f64,
    /// The income tax schedule.
    schedule: Schedule,
    /// Basic Income, pensions, child benefit, assistance and other benefits paid, per adult.
    basic_income: f64,
    pensions: f64,
    family: f64,
    assistance: f64,
    other_benefits: f64,
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
    /// The year's labour market and capacity.
    setup: Setup,
    /// Rationing by hours offered (a head count), for the unemployment floor.
    headcount: Rationing,
    /// Each group's inputs to the year.
    inputs: Vec<YearInput>,
    /// The kinked groups' schedule tax and band in the current estimate.
    kinked_tax: Vec<(u32, f64, u8)>,
    /// Groups likely to cross a kink this year (near a band threshold last year, or just
    /// turned 65), marked before the year's first estimate.
    watch: Vec<bool>,
    /// Market output at normal use of capital this year.
    capital_normal: f64,
    /// The commons technology of this year, after take-up and learning.
    commons: CommonsTech,
    /// The benefit rules of the last solved year, with the Basic Income as indexed (what the
    /// costs of the Basic Income compare).
    pub rules: Benefits,
}

/// Sums over the households that set a year's weights. Each runs in household order from
/// the value its own pass started at, so one pass gives the same bits as six.
struct YearSums {
    /// Σ hours offered.
    hours: f64,
    /// Σ efficiency hours offered, and of their non-negative parts.
    labour: f64,
    labour_positive: f64,
    /// Whether any household offers efficiency hours.
    anyone_works: bool,
    /// Σ financial wealth, and of its non-negative parts.
    financial: f64,
    financial_positive: f64,
    /// Σ of the non-negative parts of commons shares.
    commons_positive: f64,
    /// Σ Basic Income, pensions, child benefit, assistance and other benefits.
    basic_income: f64,
    pensions: f64,
    family: f64,
    assistance: f64,
    other_benefits: f64,
}

impl Solver {
    /// This year's wage: the base year's in year 0, else last year's moving toward its anchor.
    fn wage(e: &Economy, t: usize, s: &State) -> f64 {
        let lm = &e.labour;
        if t == 0 {
            return lm.wage0;
        }
        let employable = s.labour_offered * (1.0 - lm.equilibrium_idle) - s.commons_hours;
        let anchor = labour::anchor(
            lm,
            e.alpha[t],
            s.expected_output,
            employable.max(1e-9 * s.labour_offered.abs()),
            e.potential[t],
            s.unemployment,
        );
        labour::next_wage(s.wage, e.trend[t] / e.trend[t - 1], anchor, lm.flexibility)
    }

    /// Each group's inputs to year `t` at `wage`: whether it is 65+, its children, pension,
    /// benefits (means tests read last year's household income) and Basic Income, the tax
    /// band the year's sums assume (last year's), and the hours it offers (participation,
    /// the substitution effect of the net wage at its marginal rate, the income effect of the
    /// Basic Income), with the sums the year's weights need.
    fn set_inputs(&mut self, e: &Economy, t: usize, state: &State, wage: f64) -> YearSums {
        // The Basic Income follows what `bi_index` says, from last year's state.
        let index = match e.bi_index {
            BiIndex::None => 1.0,
            BiIndex::Prices => state.price_level,
            BiIndex::Wages if e.labour.wage0 > 0.0 => state.wage / e.labour.wage0,
            BiIndex::Wages => 1.0,
            BiIndex::Gdp => e.potential[t],
        };
        let mut rules = e.benefits[t];
        if index != 1.0 {
            rules.bi_adult *= index;
            rules.bi_child *= index;
            rules.bi_elderly *= index;
            rules.bi_threshold *= index;
        }
        self.rules = rules;
        // A claw-back is the exception: the universal Basic Income's loop carries none of it.
        if rules.bi_clawback > 0.0 {
            self.inputs_with::<true>(e, t, state, wage, rules)
        } else {
            self.inputs_with::<false>(e, t, state, wage, rules)
        }
    }

    /// [`Self::set_inputs`] under `rules`, with (`CLAWING`) or without a claw-back.
    #[inline(always)]
    fn inputs_with<const CLAWING: bool>(
        &mut self,
        e: &Economy,
        t: usize,
        state: &State,
        wage: f64,
        rules: Benefits,
    ) -> YearSums {
        let rules = &rules;
        let n = e.skill.len();
        let lm = &e.labour;
        let people = &e.people;
        let thresholds = e.elderly_thresholds[t];
        let children_per_household = e.children_per_household[t];
        let shift_known = match e.rule {
            FiscalRule::Debt => e.tax_shift[t],
            FiscalRule::Balanced => state.tax_shift,
        };
        let wage_on_trend = lm.wage0 * e.trend[t];
        let last_schedule = Self::schedule(e, state.wage);
        let [t1, t2] = last_schedule.thresholds;
        let near = |x: f64| {
            (x > t1 * (1.0 - WATCH) && x < t1 * (1.0 + WATCH))
                || (x > t2 * (1.0 - WATCH) && x < t2 * (1.0 + WATCH))
        };
        let schedule0 = &e.schedule0;
        let mut by_code = [f64::NAN; 72];
        let h = &mut self.households;
        self.inputs.resize(n, YearInput::default());
        self.watch.resize(n, false);
        let mut sums = YearSums {
            hours: 0.0,
            labour: -0.0,
            labour_positive: -0.0,
            anyone_works: false,
            financial: -0.0,
            financial_positive: -0.0,
            commons_positive: -0.0,
            basic_income: 0.0,
            pensions: 0.0,
            family: 0.0,
            assistance: 0.0,
            other_benefits: 0.0,
        };
        // Every array read or written per group, cut to the `n` groups, so that the loop
        // below indexes them without bounds checks.
        let (skill, band0, taper0) = (&e.skill[..n], &e.band0[..n], &e.taper0[..n]);
        let (transfer_weight, head) = (&e.transfer_weight[..n], &people.head[..n]);
        let (financial, commons) = (&state.financial[..n], &state.commons[..n]);
        let (taxable, last_band) = (&h.taxable[..n], &h.band[..n]);
        let (hours_out, labour_out) = (&mut h.hours[..n], &mut h.labour[..n]);
        let (elderly_out, children_out) = (&mut h.elderly[..n], &mut h.children[..n]);
        let (inputs, watch) = (&mut self.inputs[..n], &mut self.watch[..n]);
        // What the current household shares among its adults (set at its first adult).
        let mut household = (false, 0.0, BenefitAmounts::default(), 1.0);
        // A claw-back (a negative income tax): the share of its Basic Income the current
        // household keeps, and whether it is on the claw-back at the margin.
        let mut clawed = (1.0, false);
        for a in 0..n {
            if head[a] as usize == a {
                // A household's first adult: its adults are `a`, and `a + 1` in a couple.
                let adults = usize::from(people.adults[a]).clamp(1, n - a);
                let elderly = people.is_elderly(a, thresholds);
                let children = if people.kind[a].with_children() {
                    children_per_household
                } else {
                    0.0
                };
                let assessed = if t == 0 {
                    e.assessed0[a]
                } else if adults == 2 {
                    taxable[a] + taxable[a + 1]
                } else {
                    taxable[a]
                };
                let circumstances = Circumstances {
                    adults: adults as f64,
                    elderly: if elderly { adults as f64 } else { 0.0 },
                    children,
                    assessed_income: assessed,
                    needs: people.needs[a],
                };
                let amounts = rules.of(&circumstances);
                if CLAWING {
                    clawed = rules.clawback(&circumstances, amounts.basic_income);
                }
                household = (elderly, children, amounts, 1.0 / adults as f64);
            }
            let (elderly, children, amounts, share) = household;
            let z = skill[a];
            let band = if t == 0 { band0[a] } else { last_band[a] };
            // A group near a band threshold last year, or that has just turned 65, may change
            // band this year: the estimates evaluate it one by one from the start
            // (models/README.md §6), which spares most years a second exact pass.
            watch[a] = t > 0 && (near(taxable[a]) || elderly != elderly_out[a]);
            let code = usize::from(band.min(2))
                + 3 * usize::from(amounts.on_taper)
                + 6 * (usize::from(band0[a].min(2)) + 3 * usize::from(taper0[a]))
                + if CLAWING {
                    36 * usize::from(clawed.1)
                } else {
                    0
                };
            if by_code[code].is_nan() {
                // The substitution effect takes one of few values (band now and in the base
                // year, on the taper or not, on the claw-back or not): computed once each.
                // The taper withdraws assistance from income after tax, so the two combine as
                // 1 − (1 − tax)(1 − taper); a Basic Income's claw-back withdraws it from
                // income before tax, so its rate adds; never above 100 %.
                let marginal = |band: u8, taper: bool, shift: f64| {
                    let tax = (schedule0.line(usize::from(band)).1 + shift).clamp(0.0, 1.0);
                    let kept = if taper { 1.0 - rules.taper } else { 1.0 };
                    1.0 - (1.0 - tax) * kept
                };
                // The flat component of the base year stands for taxes that do not fall on
                // the labour margin (on profits and property): only its change since then
                // moves hours.
                let mut now = marginal(band, amounts.on_taper, shift_known - e.tax_shift[0]);
                if CLAWING && clawed.1 {
                    now = 1.0 - ((1.0 - now) - rules.bi_clawback).max(0.0);
                }
                let base = marginal(band0[a], taper0[a], 0.0);
                by_code[code] = labour::substitution(wage, wage_on_trend, now, base, lm.elasticity);
            }
            let substitution = by_code[code];
            let mut basic_income = if elderly {
                rules.bi_elderly
            } else {
                rules.bi_adult
            } + rules.bi_child * children * share;
            // The household's claw-back, shared alike by its adults.
            if CLAWING {
                basic_income *= clawed.0;
            }
            let participation = e.participation_of(a, elderly);
            let hours =
                participation * labour::hours(substitution, lm.hours_eta, basic_income, wage * z);
            let labour = z * hours;
            let pension = if elderly { rules.pension_of(z) } else { 0.0 };
            let other = rules.other * transfer_weight[a];
            inputs[a] = YearInput {
                labour,
                pension,
                benefit: (amounts.child + amounts.assistance) * share + other,
                basic_income,
                band,
            };
            sums.basic_income += basic_income;
            sums.pensions += pension;
            sums.family += amounts.child * share;
            sums.assistance += amounts.assistance * share;
            sums.other_benefits += other;
            hours_out[a] = hours;
            labour_out[a] = labour;
            elderly_out[a] = elderly;
            children_out[a] = children * share;
            sums.hours += hours;
            sums.labour += labour;
            sums.labour_positive += labour.max(0.0);
            sums.anyone_works |= labour > 0.0 || labour.is_nan();
            let f = financial[a];
            sums.financial += f;
            sums.financial_positive += f.max(0.0);
            sums.commons_positive += commons[a].max(0.0);
        }
        sums
    }

    /// Efficiency hours idle (sum over households) when the head count of unemployed, after
    /// the commons' `commons_hours` per adult, sits at the floor.
    fn floor_idle(&mut self, e: &Economy, hours_total: f64, commons_hours: f64) -> f64 {
        let n = e.skill.len();
        let target = e.labour.floor * hours_total + commons_hours * n as f64;
        if target <= 0.0 {
            return 0.0;
        }
        self.headcount.prepare(&self.households.hours[..n]);
        let layoffs = self.headcount.layoffs(target);
        let labour = &self.households.labour[..n];
        (0..n)
            .map(|i| labour[i] * layoffs.share(i, self.headcount.risk_of(i)))
            .sum()
    }

    /// The year's income tax schedule: the base year's, with thresholds grown with the wage.
    fn schedule(e: &Economy, wage: f64) -> Schedule {
        let growth = if e.labour.wage0 > 0.0 {
            wage / e.labour.wage0
        } else {
            1.0
        };
        let mut schedule = e.schedule0;
        schedule.thresholds.iter_mut().for_each(|x| *x *= growth);
        schedule
    }

    /// Sets the year's labour market, capacity and household weights.
    fn prepare(&mut self, e: &Economy, t: usize, s: &State) {
        let n = e.skill.len();
        let lm = &e.labour;
        let wage = Self::wage(e, t, s);
        let sums = self.set_inputs(e, t, s, wage);
        let w = &mut self.weights;
        w.labour_positive = sums.labour_positive;
        w.anyone_works = sums.anyone_works;
        w.labour_ready = false;
        w.commons_positive = sums.commons_positive;
        w.commons_ready = false;
        w.rationing.prepare(&self.households.labour);
        w.financial_mean = sums.financial / n as f64;
        let schedule = Self::schedule(e, wage);
        w.fill_households(
            s,
            &self.inputs,
            &schedule,
            (&e.mpc, &e.wealth_mpc),
            (self.commons.equal_ownership, e.wealth_tax[t]),
            sums.financial_positive,
        );

        // The groups the estimates evaluate one by one: last pass's kinked, and the watched.
        if t > 0 {
            let watch = &mut self.watch;
            for &i in &self.kinked {
                if let Some(x) = watch.get_mut(i as usize) {
                    *x = true;
                }
            }
            self.kinked.clear();
            self.kinked
                .extend((0..n as u32).filter(|&i| watch[i as usize]));
        }

        let labour_supply = sums.labour / n as f64;
        let output_per_hour = wage / (1.0 - e.alpha[t]);
        // Output at normal use of capital, and no more than the hours people offer produce at
        // the equilibrium unemployment rate: potential output, which the structural rule
        // reads (a lasting fall in hours offered is not a slump).
        let capital_normal = if e.capital_output > 0.0 {
            s.market_capital / e.capital_output
        } else {
            s.market_output_prev
        };
        let labour_normal = output_per_hour
            * (labour_supply * (1.0 - lm.equilibrium_idle) - s.commons_hours).max(0.0);
        let normal_output = if lm.supply_limits {
            capital_normal.min(labour_normal)
        } else {
            capital_normal
        };
        self.capital_normal = capital_normal;
        let ceiling = if lm.supply_limits {
            let idle = self.floor_idle(e, sums.hours, s.commons_hours) / n as f64;
            let labour_limit = output_per_hour * (labour_supply - idle).max(0.0);
            (e.capacity_max * normal_output).min(labour_limit)
        } else {
            f64::INFINITY
        };
        self.setup = Setup {
            wage,
            output_per_hour,
            labour_supply,
            hours_total: sums.hours,
            ceiling,
            normal_output,
            interest_rate: if lm.supply_limits {
                labour::real_rate(e.interest, s.inflation)
            } else {
                e.interest
            },
            structural_benefits: lm.benefit_rate * wage * lm.equilibrium_idle * labour_supply,
            schedule,
            basic_income: sums.basic_income / n as f64,
            pensions: sums.pensions / n as f64,
            family: sums.family / n as f64,
            assistance: sums.assistance / n as f64,
            other_benefits: sums.other_benefits / n as f64,
        };
    }

    /// The income tax schedule of the last solved year (thresholds grown with the wage).
    pub fn year_schedule(&self) -> Schedule {
        self.setup.schedule
    }

    /// What each group brought to the last solved year (its wealth at the start of it, its
    /// share of profits, its propensities).
    pub fn groups(&self) -> &[households::Household] {
        &self.weights.households
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
        self.commons = take_up::commons_of_year(economy, t, state);
        self.prepare(economy, t, state);

        let scale = economy.base_market_output.abs().max(1e-300);
        let converged = |c: f64, g: f64| g.abs() <= TOLERANCE * c.abs().max(1e-9 * scale);
        let mut household_passes = 0;
        let mut solution = (Flows::default(), 0.0);
        let slope = self.slope;
        let found = roots::find(state.consumption_prev, slope, |c, exact| {
            if !exact {
                let (g, _, _) = self.residual(economy, t, state, c, Pass::Estimate, 1.0);
                if !converged(c, g) {
                    return (g, Trial::Step);
                }
            }
            let (g, flows, idle_hours) = self.residual(economy, t, state, c, Pass::Write, 1.0);
            household_passes += 1;
            solution = (flows, idle_hours);
            if converged(c, g) {
                (g, Trial::Solved)
            } else if exact {
                (g, Trial::Step)
            } else {
                (g, Trial::Missed)
            }
        });
        match found {
            Ok(slope) => self.slope = slope,
            Err(e) => {
                return Err(ModelError::NoConvergence {
                    year,
                    residual: e.residual,
                })
            }
        }
        let (mut flows, mut idle_hours) = solution;
        let lm = &economy.labour;
        if lm.supply_limits
            && !economy.open
            && flows.market_output > flows.output_ceiling * (1.0 + 1e-12)
        {
            (flows, idle_hours) = self.ration(economy, t, state, flows.output_ceiling);
            household_passes += 2;
        }
        if economy.rule == FiscalRule::Balanced && flows.income_tax_needed > MAX_TAX_RATE {
            return Err(ModelError::Infeasible {
                year,
                tax_needed: flows.income_tax_needed * 100.0,
            });
        }
        let gdp = flows.market_output + flows.commons_revenue - flows.commons_materials;
        let debt_after = state.debt + flows.deficit;
        if gdp > 0.0 && debt_after > MAX_DEBT_GDP * gdp {
            return Err(ModelError::Unsustainable {
                year,
                debt_gdp: 100.0 * debt_after / gdp,
            });
        }
        let setup = self.setup;
        flows.passes = household_passes;
        flows.labour_supply = setup.labour_supply;
        flows.hours = setup.hours_total / n as f64;
        flows.unemployment = if setup.hours_total > 0.0 {
            let commons = flows.commons_jobs * n as f64;
            ((idle_hours - commons) / setup.hours_total).clamp(lm.floor, 1.0)
        } else {
            0.0
        };
        flows.inflation = if lm.supply_limits {
            labour::inflation(
                flows.excess_demand,
                flows.output_ceiling,
                flows.unemployment,
                lm.equilibrium,
            )
        } else {
            labour::INFLATION_TARGET
        };
        Ok(flows)
    }

    /// A closed economy whose demand is above its ceiling: households buy what can be
    /// produced (consumption at which market demand meets the ceiling) and save the rest of
    /// what they would have spent. Returns the flows and Σ hours × share idle.
    fn ration(&mut self, e: &Economy, t: usize, s: &State, ceiling: f64) -> (Flows, f64) {
        let c = consumption_at(e, t, s, &self.commons, ceiling);
        let (g, _, _) = self.residual(e, t, s, c, Pass::Write, 1.0);
        let desired = c + g;
        let share = if desired > 0.0 {
            (c / desired).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let (_, mut flows, idle_hours) = self.residual(e, t, s, c, Pass::Write, share);
        flows.rationed = 1.0 - share;
        let market_part = if c > 0.0 {
            flows.market_consumption / c
        } else {
            1.0
        };
        flows.excess_demand = (desired - c).max(0.0) * market_part;
        (flows, idle_hours)
    }

    /// Total spending at consumption `c`, estimated or from a pass over the households (see
    /// [`Pass`]), with households buying the share `rationing` of what they choose: returns
    /// `C'(c) − c`, the flows, and (after a pass that writes) Σ hours × share idle.
    fn residual(
        &mut self,
        e: &Economy,
        t: usize,
        s: &State,
        c: f64,
        pass: Pass,
        rationing: f64,
    ) -> (f64, Flows, f64) {
        let ct = &self.commons;
        let su = self.setup;
        let delta = e.depreciation;
        let vat_rate = e.vat[t];
        let n = e.skill.len();

        // Demand and output (closed form given c).
        let d = Demand::at(e, t, s, &self.commons, c);
        let demand = d.domestic(e, t);
        let market_output = if e.open {
            demand.min(su.ceiling)
        } else {
            demand
        };
        let excess_demand = demand - market_output;
        let imports = e.import_propensity * d.private() + excess_demand;
        let exports = e.exports[t];

        // Incomes. Labour is paid its task share of market output.
        let alpha = e.alpha[t];
        let market_wages = (1.0 - alpha) * market_output;
        let automation_tax = e.automation_tax[t] * (market_output - market_wages);
        let market_depreciation = delta * s.market_capital;
        let market_profit = market_output - market_wages - market_depreciation - automation_tax;
        let interest = su.interest_rate * s.debt;
        let foreign_interest = su.interest_rate * s.foreign_assets;
        let financial_income = market_profit + interest + foreign_interest;
        let commons_value_added = d.commons_revenue - d.commons_materials;
        let commons_wages = ct.labour_share * commons_value_added;
        let commons_profit = commons_value_added - commons_wages - d.commons_depreciation;
        // Hours: the phase's hours per unit of value added, against the market's hours per
        // unit of output this year; pay per hour is what the work earns of the value added.
        let commons_hours = if su.output_per_hour > 0.0 {
            ct.hours * commons_value_added.max(0.0) / su.output_per_hour
        } else {
            0.0
        };
        let commons_wage = if commons_hours > 0.0 {
            commons_wages / commons_hours
        } else {
            0.0
        };
        // Jobs in the commons take people out of unemployment; making goods for one's own
        // household with a personal fabricator is work but not employment (ILO, 19th ICLS
        // 2013): those who do it while jobless stay unemployed and keep their benefits.
        let commons_jobs = if ct.own_use { 0.0 } else { commons_hours };

        // Commons surplus and capital: the surplus is reinvested first; what investment needs
        // beyond it is called from savers (pro rata financial wealth), who get the shares.
        let (profit_plus, profit_minus) = (commons_profit.max(0.0), (-commons_profit).max(0.0));
        let (own_part, inv_part) = if d.commons_capital_change >= 0.0 {
            let own = profit_plus.min(d.commons_capital_change);
            (own, d.commons_capital_change - own)
        } else {
            (0.0, 0.0)
        };

        // Who works (jobs.rs): the efficiency hours not demanded are rationed with a risk
        // that falls with skill rank. The jobless who do not work in the commons receive
        // unemployment benefits.
        let offered = self.weights.rationing.offered();
        let demanded = if su.output_per_hour > 0.0 {
            n as f64 * market_output / su.output_per_hour
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
        let commons_total = commons_jobs * n as f64;
        let benefit_per_idle_hour = if rationed && jobless > 0.0 {
            e.labour.benefit_rate * su.wage * ((jobless - commons_total).max(0.0) / jobless)
        } else {
            0.0
        };
        let unemployment_benefits = benefit_per_idle_hour * jobless / n as f64;
        // Commons jobs go first to those out of market work, who are paid for them (the pay
        // of the hours they fill, per idle efficiency hour); what they cannot fill, and all
        // own-use work with personal fabricators, is everyone's alike.
        let from_idle = if rationed {
            commons_total.min(jobless)
        } else {
            0.0
        };
        let commons_pay_per_idle_hour = if from_idle > 0.0 {
            commons_wage * from_idle / jobless
        } else {
            0.0
        };
        let commons_equal_pay =
            (commons_wages - commons_pay_per_idle_hour * jobless / n as f64).max(0.0);

        // Government.
        let wealth_tax = e.wealth_tax[t] * self.weights.financial_mean;
        let vat = vat_rate * c;
        let basic_income = su.basic_income;
        let transfers = su.family + su.assistance + su.other_benefits;
        let spending =
            basic_income + su.pensions + transfers + unemployment_benefits + d.purchases + interest;
        let taxable_total =
            market_wages + commons_wages + financial_income + commons_profit + su.pensions;
        let other_revenue = wealth_tax + vat + automation_tax;

        // Households.
        let growing = d.commons_capital_change >= 0.0;
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
            commons_wages: commons_equal_pay,
            commons_pay_per_idle_hour,
            financial_income,
            profit_plus,
            profit_minus,
            own_part,
            inv_part,
            commons_capital_change: d.commons_capital_change,
            vat_share: vat_rate / (1.0 + vat_rate),
            benefit_per_idle_hour,
            rationing,
            schedule: su.schedule,
        };
        let weights = HouseholdWeights {
            households: &w.households,
            labour: &w.labour,
            commons: &w.commons,
        };
        // The flat component of the income tax: fixed under the debt rule; under the balanced
        // rule (structural), what raises the revenue the budget needs at normal output, with
        // unemployment benefits at the equilibrium rate, given the schedule's own tax.
        let shift_for = |schedule_tax: f64| -> (f64, f64) {
            match e.rule {
                FiscalRule::Debt => (e.tax_shift[t], e.tax_shift[t]),
                FiscalRule::Balanced => {
                    let (cycle, benefits) = if e.labour.supply_limits && market_output > 0.0 {
                        (su.normal_output / market_output, su.structural_benefits)
                    } else {
                        (1.0, unemployment_benefits)
                    };
                    let structural_spending =
                        basic_income + su.pensions + transfers + benefits + d.purchases + interest;
                    let allowed_deficit = e.potential_growth[t] * s.debt.max(0.0);
                    let base = taxable_total * cycle;
                    let needed = if base > 0.0 {
                        (structural_spending
                            - allowed_deficit
                            - wealth_tax
                            - (vat + automation_tax + schedule_tax) * cycle)
                            / base
                    } else {
                        f64::INFINITY
                    };
                    // The average rate may not pass the ceiling, nor go below zero (no NaN
                    // reaches a clamp: an impossible budget shows as an infeasible rate).
                    let base_rate = if taxable_total > 0.0 && schedule_tax.is_finite() {
                        schedule_tax / taxable_total
                    } else {
                        0.0
                    };
                    let (lowest, highest) = (-base_rate, MAX_TAX_RATE - base_rate);
                    let shift = if needed.is_nan() {
                        highest
                    } else {
                        needed.max(lowest).min(highest.max(lowest))
                    };
                    let needed_rate = if needed.is_nan() {
                        f64::INFINITY
                    } else {
                        base_rate + needed
                    };
                    (shift, needed_rate)
                }
            }
        };
        let (p, h, k, scratch) = (
            &terms,
            &mut self.households,
            &mut self.kinked,
            &mut self.kinked_tax,
        );
        let case = (rationed, growing);
        let (spending_sum, idle_hours, schedule_tax, (shift, needed)) = match pass {
            Pass::Estimate => {
                let est = households::estimate(p, &weights, &w.spending, k, scratch, case);
                let schedule_tax = est.schedule_tax(&w.spending) / n as f64;
                let shift = shift_for(schedule_tax);
                let spending = est.spending(p, &weights, &w.spending, scratch, shift.0, case);
                (spending, 0.0, schedule_tax, shift)
            }
            Pass::Write => {
                let schedule_tax = match case {
                    (true, true) => households::taxable_pass::<true, true>(p, &weights, h),
                    (true, false) => households::taxable_pass::<true, false>(p, &weights, h),
                    (false, true) => households::taxable_pass::<false, true>(p, &weights, h),
                    (false, false) => households::taxable_pass::<false, false>(p, &weights, h),
                } / n as f64;
                let shift = shift_for(schedule_tax);
                let x = shift.0;
                let (spending, idle) = households::households_pass(p, &weights, h, k, x);
                (spending, idle, schedule_tax, shift)
            }
        };
        let consumption_next = spending_sum / n as f64 / (1.0 + vat_rate);

        let income_tax = schedule_tax + shift * taxable_total;
        let flows = Flows {
            commons: *ct,
            consumption: c,
            basket_price: d.basket_price,
            price_level: (1.0 + vat_rate) * d.basket_price / (1.0 + e.base_vat),
            market_consumption: d.market_consumption,
            commons_revenue: d.commons_revenue,
            commons_materials: d.commons_materials,
            commons_investment: d.commons_investment,
            market_investment: d.market_investment,
            purchases: d.purchases,
            exports,
            imports,
            market_output,
            normal_output: su.normal_output,
            capital_normal: self.capital_normal,
            output_ceiling: su.ceiling,
            excess_demand,
            market_wages,
            commons_wages,
            market_depreciation,
            commons_depreciation: d.commons_depreciation,
            automation_tax,
            market_profit,
            commons_profit,
            interest,
            foreign_interest,
            interest_rate: su.interest_rate,
            income_tax_rate: if taxable_total > 0.0 {
                income_tax / taxable_total
            } else {
                0.0
            },
            tax_shift: shift,
            income_tax_needed: needed,
            income_tax,
            taxable: taxable_total,
            wealth_base: self.weights.financial_mean,
            wealth_tax,
            vat,
            basic_income,
            pensions: su.pensions,
            family: su.family,
            assistance: su.assistance,
            transfers,
            unemployment_benefits,
            deficit: spending - income_tax - other_revenue,
            current_account: exports - imports + foreign_interest,
            commons_capital_change: d.commons_capital_change,
            market_capital_change: d.market_investment - market_depreciation,
            wage: su.wage,
            output_per_hour: su.output_per_hour,
            labour_supply: 0.0,
            commons_hours,
            commons_jobs,
            hours: 0.0,
            rationed: 0.0,
            unemployment: 0.0,
            inflation: 0.0,
            passes: 0,
        };
        (consumption_next - c, flows, idle_hours)
    }
}

/// Spending on the market's and the commons' goods at consumption `c`, and the investment
/// and purchases that do not depend on it (per adult, a year).
struct Demand {
    basket_price: f64,
    market_consumption: f64,
    commons_revenue: f64,
    commons_materials: f64,
    commons_investment: f64,
    commons_depreciation: f64,
    commons_capital_change: f64,
    market_investment: f64,
    purchases: f64,
}

impl Demand {
    fn at(e: &Economy, t: usize, s: &State, ct: &CommonsTech, c: f64) -> Self {
        let delta = e.depreciation;
        let basket_price = 1.0 - ct.share * (1.0 - ct.unit_cost);
        let market_consumption = (1.0 - ct.share) * c / basket_price;
        let commons_revenue = ct.unit_cost * ct.share * c / basket_price;
        let commons_materials = ct.materials * commons_revenue;
        let commons_depreciation = delta * s.commons_capital;
        let commons_investment =
            (ct.capital_output * commons_revenue - (1.0 - delta) * s.commons_capital).max(0.0);
        // Firms grow capital at the trend rate and close part of the gap to the capital their
        // expected sales need (expectations grow at the trend rate: growth-consistent).
        let market_investment = ((delta + e.trend_growth) * s.market_capital
            + e.accelerator * (e.capital_output * s.expected_output - s.market_capital))
            .max(0.0);
        Self {
            basket_price,
            market_consumption,
            commons_revenue,
            commons_materials,
            commons_investment,
            commons_depreciation,
            commons_capital_change: commons_investment - commons_depreciation,
            market_investment,
            purchases: e.purchases[t],
        }
    }

    /// Private spending on market goods: consumption, investment, the commons' materials.
    fn private(&self) -> f64 {
        self.market_consumption
            + self.market_investment
            + self.commons_investment
            + self.commons_materials
    }

    /// Demand for domestic market output: private spending less its import content, public
    /// purchases and exports.
    fn domestic(&self, e: &Economy, t: usize) -> f64 {
        (1.0 - e.import_propensity) * self.private() + self.purchases + e.exports[t]
    }
}

/// The consumption at which demand for market output equals `ceiling` (demand rises with
/// consumption, piecewise affinely: secant steps on it, bracketed).
fn consumption_at(e: &Economy, t: usize, s: &State, ct: &CommonsTech, ceiling: f64) -> f64 {
    let demand = |c: f64| Demand::at(e, t, s, ct, c).domestic(e, t) - ceiling;
    let (mut lo, mut hi) = (0.0, e.base_market_output.max(1e-300));
    if demand(lo) >= 0.0 {
        return 0.0;
    }
    while demand(hi) < 0.0 && hi < 1e300 {
        hi *= 2.0;
    }
    for _ in 0..200 {
        let (dl, dh) = (demand(lo), demand(hi));
        let mut c = lo - dl * (hi - lo) / (dh - dl);
        if !(c > lo && c < hi) {
            c = 0.5 * (lo + hi);
        }
        let dc = demand(c);
        if dc.abs() <= 1e-14 * ceiling.abs() {
            return c;
        }
        if dc < 0.0 {
            lo = c;
        } else {
            hi = c;
        }
        if hi - lo <= 1e-15 * hi {
            break;
        }
    }
    lo
}
