//! Running a scenario: calibrate, then solve the scenario and its no-policy baseline year by
//! year, in lockstep (the net cost of the Basic Income compares the two household by
//! household).

use super::accounts::Accounts;
use super::economy::Economy;
use super::error::ModelError;
use super::outcome::{Outcome, Path};
use super::record::{net_cost, Recorder};
use super::year::{advance, Solver, State};
use crate::catalog::output as o;
use crate::scenario::Scenario;

/// One side of the lockstep: an economy, its stocks, solver and recorder.
struct Side<'a> {
    economy: &'a Economy,
    state: State,
    solver: Solver,
    recorder: Recorder,
    path: Path,
}

impl<'a> Side<'a> {
    fn new(economy: &'a Economy) -> Self {
        let n = economy.skill.len();
        Self {
            economy,
            state: State::initial(economy),
            solver: Solver::default(),
            recorder: Recorder::new(n),
            path: Path::new(economy.years),
        }
    }

    /// Solves year `t`, books it, and records its outputs.
    fn step(&mut self, t: usize) -> Result<(), ModelError> {
        let flows = self.solver.solve(self.economy, t, &self.state)?;
        let debt_before = self.state.debt;
        advance(&mut self.state, &flows, &self.solver.households);
        self.path.accounts.push(Accounts::new(
            &flows,
            &self.solver.households,
            debt_before,
            &self.state,
        ));
        let (values, snapshot) = self.recorder.record(
            self.economy,
            t,
            &flows,
            &self.solver.households,
            &self.state,
        );
        self.path
            .series
            .column_mut(t)
            .assign(&ndarray::ArrayView1::from(&values[..]));
        self.path.snapshots.push(snapshot);
        self.path.passes.push(flows.passes);
        Ok(())
    }
}

/// Runs `scenario` and its no-policy baseline.
pub fn run(scenario: &Scenario) -> Result<Outcome, ModelError> {
    run_cached(scenario, &mut None)
}

/// The no-policy baseline of a run, kept so that moving only the policy levers (Basic
/// Income, P2P share) reruns the scenario alone: the baseline does not depend on them.
#[derive(Debug, Clone)]
pub struct BaselineCache {
    /// The baseline scenario the cache belongs to (`Scenario::baseline`).
    key: Scenario,
    path: Path,
    /// Per year, each household's benefits and taxes (for the Basic Income's net cost).
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
    let mut main = Side::new(&economy);
    let years = economy.years;
    if let Some(hit) = cache
        .as_ref()
        .filter(|c| c.key == key && c.taxes.len() == years)
    {
        for t in 0..years {
            main.step(t)?;
            let gdp = main.path.series[[o::GDP, t]];
            let hh = &main.solver.households;
            main.path.series[[o::BI_NET_COST, t]] = net_cost(
                economy.basic_income[t],
                (&hh.transfers, &hh.taxes),
                (&hit.transfers[t], &hit.taxes[t]),
                gdp,
            );
        }
        return Ok(Outcome {
            years: (0..years as i32).map(|t| economy.base_year + t).collect(),
            scenario: main.path,
            baseline: hit.path.clone(),
            calibration,
        });
    }
    let baseline_economy = economy.without_policy(&key);
    let mut base = Side::new(&baseline_economy);
    let (mut transfers, mut taxes) = (Vec::with_capacity(years), Vec::with_capacity(years));
    for t in 0..years {
        main.step(t)?;
        base.step(t)?;
        let gdp = main.path.series[[o::GDP, t]];
        let (hh, bh) = (&main.solver.households, &base.solver.households);
        main.path.series[[o::BI_NET_COST, t]] = net_cost(
            economy.basic_income[t],
            (&hh.transfers, &hh.taxes),
            (&bh.transfers, &bh.taxes),
            gdp,
        );
        transfers.push(bh.transfers.clone());
        taxes.push(bh.taxes.clone());
    }
    *cache = Some(BaselineCache {
        key,
        path: base.path.clone(),
        transfers,
        taxes,
    });
    Ok(Outcome {
        years: (0..years as i32).map(|t| economy.base_year + t).collect(),
        scenario: main.path,
        baseline: base.path,
        calibration,
    })
}

/// Runs one economy alone (no baseline), e.g. Godley & Lavoie's SIM special case.
pub fn simulate(economy: &Economy) -> Result<Path, ModelError> {
    let mut side = Side::new(economy);
    for t in 0..economy.years {
        side.step(t)?;
    }
    Ok(side.path)
}
