//! Honest uncertainty: Monte Carlo over the parameters marked `uncertain` in
//! `models/parameters.toml`, and a one-at-a-time sensitivity (tornado) analysis.
//!
//! Every run here is a *task* with a number, and a task's result depends on its number and
//! the seed only. So the draws can be split into any batches, over any number of Web Workers
//! or none, and still give bit-identical bands: the worker and the command line share this
//! code.
//!
//! A parameter the user moved away from its default is **held** at the user's value: the
//! user chose it, so the bands show the uncertainty of the rest.

pub mod bands;
pub mod batch;
pub mod dist;
pub mod job;
pub mod rng;
pub mod sensitivity;

pub use bands::{Bands, BandsBuilder, PERCENTILES};
pub use sensitivity::{swings, Swing, SwingRuns};

use crate::catalog::{Distribution, PARAMS};
use crate::model::{self, ModelError};
use crate::scenario::Scenario;
use ndarray::Array2;

/// The seed the app and the command line use unless told otherwise.
pub const DEFAULT_SEED: u64 = 1;
/// Draws the app runs by default.
pub const DEFAULT_DRAWS: usize = 200;
/// Cumulative probabilities of the low and high ends of a sensitivity swing.
pub const SWING_ENDS: (f64, f64) = (0.05, 0.95);

/// One unit of Monte Carlo work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// Draw number `n`: every varied parameter sampled from its distribution.
    Draw(u64),
    /// The varied parameter at position `slot` (in [`MonteCarlo::varied`]) set to the low
    /// (`high == false`) or high end of its distribution, the others at their values.
    Swing { slot: usize, high: bool },
}

/// The Monte Carlo of one scenario.
#[derive(Debug, Clone)]
pub struct MonteCarlo {
    base: Scenario,
    seed: u64,
    /// Parameter index and distribution of each parameter drawn.
    varied: Vec<(usize, Distribution)>,
    /// Uncertain parameters held at the user's value.
    held: Vec<usize>,
}

impl MonteCarlo {
    /// The Monte Carlo of `base`: every uncertain parameter at its default varies, those
    /// the user moved are held.
    pub fn new(base: &Scenario, seed: u64) -> Self {
        let region = base.region();
        let (mut varied, mut held) = (Vec::new(), Vec::new());
        for (index, spec) in PARAMS.iter().enumerate() {
            let Some(dist) = spec.uncertainty(region) else {
                continue;
            };
            if base.get(index) == spec.range(region).default {
                varied.push((index, dist));
            } else {
                held.push(index);
            }
        }
        Self {
            base: base.clone(),
            seed,
            varied,
            held,
        }
    }

    /// Like [`MonteCarlo::new`] with every parameter held: each draw is the central run.
    pub fn holding_all(base: &Scenario, seed: u64) -> Self {
        let mut mc = Self::new(base, seed);
        mc.held.extend(mc.varied.drain(..).map(|(i, _)| i));
        mc.held.sort_unstable();
        mc
    }

    /// The parameters drawn (index into [`PARAMS`], distribution).
    pub fn varied(&self) -> &[(usize, Distribution)] {
        &self.varied
    }

    /// The uncertain parameters held at the user's value (indices into [`PARAMS`]).
    pub fn held(&self) -> &[usize] {
        &self.held
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The scenario a task runs.
    pub fn scenario(&self, task: Task) -> Scenario {
        let mut s = self.base.clone();
        match task {
            Task::Draw(n) => {
                for &(index, dist) in &self.varied {
                    let u = rng::uniform(self.seed, n, rng::stream_of(PARAMS[index].id));
                    s.set(index, dist::quantile(&dist, u));
                }
            }
            Task::Swing { slot, high } => {
                if let Some(&(index, dist)) = self.varied.get(slot) {
                    let p = if high { SWING_ENDS.1 } else { SWING_ENDS.0 };
                    s.set(index, dist::quantile(&dist, p));
                }
            }
        }
        s
    }

    /// The output series of a task's scenario (rows: outputs, columns: years). Uses
    /// [`model::run_series`], which skips the books and distribution snapshots the bands do
    /// not need (same series, bit for bit).
    pub fn run(&self, task: Task) -> Result<Array2<f64>, ModelError> {
        model::run_series(&self.scenario(task)).map(|(scenario, _baseline)| scenario)
    }

    /// Runs draws `0..draws` one after the other and returns their bands (`None` if every
    /// draw failed). The app spreads the same tasks over Web Workers instead.
    pub fn bands(&self, draws: usize) -> Option<Bands> {
        let results: Vec<Option<Array2<f64>>> = (0..draws as u64)
            .map(|n| self.run(Task::Draw(n)).ok())
            .collect();
        Bands::from_draws(&results)
    }

    /// The sensitivity tasks, low then high end of each varied parameter.
    pub fn swing_tasks(&self) -> impl Iterator<Item = Task> {
        (0..self.varied.len()).flat_map(|slot| [false, true].map(|high| Task::Swing { slot, high }))
    }
}
