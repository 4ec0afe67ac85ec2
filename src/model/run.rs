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
    let (economy, calibration) = Economy::calibrate(scenario)?;
    let baseline_economy = economy.without_policy(&scenario.baseline());
    let mut main = Side::new(&economy);
    let mut base = Side::new(&baseline_economy);
    for t in 0..economy.years {
        main.step(t)?;
        base.step(t)?;
        let gdp = main.path.series[[o::GDP, t]];
        let cost = net_cost(
            economy.basic_income[t],
            &main.solver.households,
            &base.solver.households,
            gdp,
        );
        main.path.series[[o::BI_NET_COST, t]] = cost;
    }
    Ok(Outcome {
        years: (0..economy.years as i32)
            .map(|t| economy.base_year + t)
            .collect(),
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
