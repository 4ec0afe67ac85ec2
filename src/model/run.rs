//! Running a scenario: calibrate, then solve the scenario and its status-quo baseline year by
//! year, in lockstep (the net cost of the Basic Income compares the two household by
//! household).

use super::accounts::Accounts;
use super::economy::Economy;
use super::error::ModelError;
use super::flows::{advance, State};
use super::outcome::{Outcome, Path};
use super::record::{net_cost, Recorder};
use super::year::Solver;
use crate::catalog::output as o;
use crate::scenario::Scenario;
use ndarray::Array2;

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
    fn step(&mut self, t: usize) -> Result<(), ModelError> {
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
            let snapshot = self.recorder.snapshot(households);
            self.path.snapshots.push(snapshot);
        }
        self.path.passes.push(flows.passes);
        Ok(())
    }

    /// Sets the Basic Income's net cost of year `t` (just stepped), against the baseline
    /// households' `(benefits, taxes)`.
    fn set_net_cost(&mut self, t: usize, baseline: (&[f64], &[f64], &[f64])) {
        let gdp = self.path.series[[o::GDP, t]];
        let hh = &self.solver.households;
        self.path.series[[o::BI_NET_COST, t]] =
            net_cost((&hh.basic_income, &hh.transfers, &hh.taxes), baseline, gdp);
    }
}

/// Runs `scenario` and its status-quo baseline.
pub fn run(scenario: &Scenario) -> Result<Outcome, ModelError> {
    let (economy, calibration) = Economy::calibrate(scenario)?;
    let baseline_economy = economy.without_policy(&scenario.baseline());
    let (main, base) = lockstep(&economy, &baseline_economy, Keep::Everything, |_, _, _| {})?;
    Ok(Outcome {
        years: calendar_years(&economy),
        scenario: main,
        baseline: base,
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
    let (main, base) = lockstep(&economy, &baseline_economy, Keep::Series, |_, _, _| {})?;
    Ok((main.series, base.series))
}

/// Solves `economy` and its status-quo `baseline` year by year, in lockstep. `each_year` sees
/// the baseline's households after each year (the baseline cache keeps their transfers and
/// taxes).
fn lockstep(
    economy: &Economy,
    baseline: &Economy,
    keep: Keep,
    mut each_year: impl FnMut(&[f64], &[f64], &[f64]),
) -> Result<(Path, Path), ModelError> {
    let mut main = Side::new(economy, keep);
    let base_keep = if keep == Keep::Everything {
        Keep::Snapshots
    } else {
        keep
    };
    let mut base = Side::new(baseline, base_keep);
    for t in 0..economy.years {
        main.step(t)?;
        base.step(t)?;
        let bh = &base.solver.households;
        // A reader's own baseline may pay a Basic Income: the net cost then counts what the
        // scenario pays beyond it. Empty when the baseline pays none (the status quo).
        let b = &baseline.benefits[t];
        let bi: &[f64] = if b.bi_adult > 0.0 || b.bi_child > 0.0 || b.bi_elderly > 0.0 {
            &bh.basic_income
        } else {
            &[]
        };
        main.set_net_cost(t, (bi, &bh.transfers, &bh.taxes));
        each_year(bi, &bh.transfers, &bh.taxes);
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
    path: Path,
    /// Per year, each household's Basic Income (empty when the baseline pays none),
    /// benefits and taxes (for the Basic Income's net cost).
    basic_income: Vec<Vec<f64>>,
    transfers: Vec<Vec<f64>>,
    taxes: Vec<Vec<f64>>,
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
        .filter(|c| c.key == key && c.taxes.len() == years)
    {
        let mut main = Side::new(&economy, Keep::Everything);
        for t in 0..years {
            main.step(t)?;
            main.set_net_cost(t, (&hit.basic_income[t], &hit.transfers[t], &hit.taxes[t]));
        }
        return Ok(Outcome {
            years: calendar_years(&economy),
            scenario: main.path,
            baseline: hit.path.clone(),
            calibration,
        });
    }
    let baseline_economy = economy.without_policy(&key);
    let (mut transfers, mut taxes) = (Vec::with_capacity(years), Vec::with_capacity(years));
    let mut basic_income = Vec::with_capacity(years);
    let (main, base) = lockstep(
        &economy,
        &baseline_economy,
        Keep::Everything,
        |bi, benefits, paid| {
            basic_income.push(bi.to_vec());
            transfers.push(benefits.to_vec());
            taxes.push(paid.to_vec());
        },
    )?;
    *cache = Some(BaselineCache {
        key,
        path: base.clone(),
        basic_income,
        transfers,
        taxes,
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
