//! Running a scenario: calibrate, then solve the scenario and its status-quo baseline year by
//! year, in lockstep (the costs of the Basic Income compare the two household by household).

use super::accounts::Accounts;
use super::costs::{self, BaselineYear, Rates, ScenarioYear};
use super::economy::Economy;
use super::error::ModelError;
use super::flows::{advance, Flows, State};
use super::outcome::{Outcome, Path, YearRules};
use super::record::Recorder;
use super::year::Solver;
use crate::catalog::output as o;
use crate::scenario::Scenario;
use ndarray::Array2;
use std::sync::Arc;

/// What a side keeps of each year besides its output series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// The books and the distribution snapshots too (what the app shows of the scenario).
    Everything,
    /// The distribution snapshots but not the books (the baseline: the app compares its
    /// Lorenz curves and deciles, and shows the books of the scenario alone).
    Snapshots,
    /// The series alone (Monte Carlo draws): no books, no Lorenz curves or deciles.
    Series,
}

/// One side of the lockstep: an economy, its stocks, solver and recorder.
struct Side<'a> {
    economy: &'a Economy,
    state: State,
    solver: Solver,
    recorder: Recorder,
    path: Path,
    keep: Keep,
}

impl<'a> Side<'a> {
    fn new(economy: &'a Economy, keep: Keep) -> Self {
        let n = economy.skill.len();
        Self {
            economy,
            state: State::initial(economy),
            solver: Solver::default(),
            recorder: Recorder::new(n),
            path: Path::new(economy.years),
            keep,
        }
    }

    /// Solves year `t`, books it (unless only the series are kept), and records its outputs.
    fn step(&mut self, t: usize) -> Result<Flows, ModelError> {
        let flows = self.solver.solve(self.economy, t, &self.state)?;
        let before = (self.state.debt, self.state.foreign_assets);
        advance(
            &mut self.state,
            self.economy,
            &flows,
            &self.solver.households,
        );
        let households = &self.solver.households;
        if self.keep == Keep::Everything {
            self.path
                .accounts
                .push(Accounts::new(&flows, households, before, &self.state));
        }
        let values = self
            .recorder
            .outputs(self.economy, t, &flows, households, &self.state);
        self.path
            .series
            .column_mut(t)
            .assign(&ndarray::ArrayView1::from(&values[..]));
        if self.keep != Keep::Series {
            let rules = self.year_rules(t, &flows);
            let snapshot = self
                .recorder
                .snapshot(households, self.solver.groups(), rules);
            self.path.snapshots.push(snapshot);
        }
        self.path.passes.push(flows.passes);
        Ok(flows)
    }

    /// The rules, prices and returns of year `t` (just solved, with `flows`).
    fn year_rules(&self, t: usize, flows: &Flows) -> YearRules {
        let e = self.economy;
        let wealth = flows.wealth_base;
        YearRules {
            benefits: self.solver.rules,
            schedule: self.solver.year_schedule(),
            shift: flows.tax_shift,
            vat: e.vat[t],
            wealth_tax: e.wealth_tax[t],
            price_level: flows.price_level,
            pay_growth: if e.labour.wage0 > 0.0 {
                flows.wage / e.labour.wage0
            } else {
                1.0
            },
            return_on_wealth: if wealth > 0.0 {
                (flows.market_profit + flows.interest + flows.foreign_interest) / wealth
            } else {
                0.0
            },
        }
    }

    /// What the costs read of year `t` (just stepped, with `flows`) when this side is the
    /// baseline.
    fn as_baseline(&self, t: usize, flows: &Flows) -> BaselineYear {
        BaselineYear::capture(
            flows,
            &self.solver.households,
            self.solver.groups(),
            self.solver.rules,
            Rates::of(self.economy, t, flows.tax_shift),
        )
    }

    /// Sets the net, budget and dynamic costs of year `t` (just stepped, with `flows`)
    /// against the baseline's year `base` (and the one `before` it).
    fn set_costs(
        &mut self,
        t: usize,
        flows: &Flows,
        base: &BaselineYear,
        before: Option<&BaselineYear>,
    ) {
        let year = ScenarioYear {
            flows,
            rules: &self.solver.rules,
            rates: Rates::of(self.economy, t, flows.tax_shift),
            gdp: self.path.series[[o::GDP, t]],
        };
        let c = costs::costs(self.economy, t, &year, base, before);
        let series = &mut self.path.series;
        series[[o::BI_NET_COST, t]] = c.net;
        series[[o::BI_BUDGET_COST, t]] = c.budget;
        series[[o::BI_DYNAMIC_COST, t]] = c.dynamic;
    }
}

/// Runs `scenario` and its status-quo baseline.
pub fn run(scenario: &Scenario) -> Result<Outcome, ModelError> {
    let (economy, calibration) = Economy::calibrate(scenario)?;
    let baseline_economy = economy.without_policy(&scenario.baseline());
    let (main, base) = lockstep(&economy, &baseline_economy, Keep::Everything, |_| {})?;
    Ok(Outcome {
        years: calendar_years(&economy),
        scenario: main,
        baseline: Arc::new(base),
        calibration,
    })
}

/// The output series of a scenario and of its status-quo baseline (rows: outputs in catalog order, columns: years),
/// without the books or distribution snapshots — for Monte Carlo draws, which need only the series.
///
/// Bit-identical to the series of [`run`] (a test checks it): the years are solved and
/// recorded by the same code; only the books and the Lorenz and decile snapshots, which no
/// series reads, are skipped.
pub fn run_series(scenario: &Scenario) -> Result<(Array2<f64>, Array2<f64>), ModelError> {
    let (economy, _) = Economy::calibrate(scenario)?;
    let baseline_economy = economy.without_policy(&scenario.baseline());
    let (main, base) = lockstep(&economy, &baseline_economy, Keep::Series, |_| {})?;
    Ok((main.series, base.series))
}

/// Solves `economy` and its status-quo `baseline` year by year, in lockstep. `each_year` sees
/// what the costs read of the baseline's year before the next is solved (the baseline cache
/// keeps it).
fn lockstep(
    economy: &Economy,
    baseline: &Economy,
    keep: Keep,
    mut each_year: impl FnMut(&BaselineYear),
) -> Result<(Path, Path), ModelError> {
    let mut main = Side::new(economy, keep);
    let base_keep = if keep == Keep::Everything {
        Keep::Snapshots
    } else {
        keep
    };
    let mut base = Side::new(baseline, base_keep);
    let mut before: Option<BaselineYear> = None;
    for t in 0..economy.years {
        let flows = main.step(t)?;
        let base_flows = base.step(t)?;
        let year = base.as_baseline(t, &base_flows);
        main.set_costs(t, &flows, &year, before.as_ref());
        each_year(&year);
        before = Some(year);
    }
    Ok((main.path, base.path))
}

fn calendar_years(economy: &Economy) -> Vec<i32> {
    (0..economy.years as i32)
        .map(|t| economy.base_year + t)
        .collect()
}

/// The status-quo baseline of a run, kept so that moving only policies (the Basic Income,
/// taxes, P2P support) reruns the scenario alone: the baseline does not depend on them.
#[derive(Debug, Clone)]
pub struct BaselineCache {
    /// The baseline scenario the cache belongs to (`Scenario::baseline`).
    key: Scenario,
    path: Arc<Path>,
    /// What the costs of the Basic Income read of each baseline year.
    years: Vec<BaselineYear>,
}

/// Like [`run`], reusing `cache` when it holds this scenario's baseline and refilling it
/// when not. The outcome is bit-identical to [`run`]'s (a test checks it).
pub fn run_cached(
    scenario: &Scenario,
    cache: &mut Option<BaselineCache>,
) -> Result<Outcome, ModelError> {
    let (economy, calibration) = Economy::calibrate(scenario)?;
    let key = scenario.baseline();
    let years = economy.years;
    if let Some(hit) = cache
        .as_ref()
        .filter(|c| c.key == key && c.years.len() == years)
    {
        let mut main = Side::new(&economy, Keep::Everything);
        for t in 0..years {
            let flows = main.step(t)?;
            let before = t.checked_sub(1).map(|b| &hit.years[b]);
            main.set_costs(t, &flows, &hit.years[t], before);
        }
        return Ok(Outcome {
            years: calendar_years(&economy),
            scenario: main.path,
            baseline: Arc::clone(&hit.path),
            calibration,
        });
    }
    let baseline_economy = economy.without_policy(&key);
    let mut kept = Vec::with_capacity(years);
    let (main, base) = lockstep(&economy, &baseline_economy, Keep::Everything, |year| {
        kept.push(year.clone())
    })?;
    let base = Arc::new(base);
    *cache = Some(BaselineCache {
        key,
        path: Arc::clone(&base),
        years: kept,
    });
    Ok(Outcome {
        years: calendar_years(&economy),
        scenario: main,
        baseline: base,
        calibration,
    })
}

/// Runs one economy alone (no baseline), e.g. Godley & Lavoie's SIM special case.
pub fn simulate(economy: &Economy) -> Result<Path, ModelError> {
    let mut side = Side::new(economy, Keep::Everything);
    for t in 0..economy.years {
        side.step(t)?;
    }
    Ok(side.path)
}
