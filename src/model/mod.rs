//! The MAP model: a yearly stock-flow consistent economy with heterogeneous households,
//! a market sector, a commons sector and a government. `models/README.md` gives the
//! equations; each file here does one part of them:
//!
//! * [`economy`]: calibration to a region, and every path that does not depend on the
//!   year's solution (automation, productivity, phases, policies);
//! * [`year`]: one year's flows as a function of consumption, and the solver;
//! * [`accounts`]: the transactions-flow matrix and balance sheet of each year;
//! * [`record`]: from a solved year to the outputs users see;
//! * [`mod@run`]: the scenario and its no-policy baseline, in lockstep;
//! * [`inequality`], [`population`]: exact inequality measures and the households of a
//!   region; [`phases`]: the production-phase schedule; [`sim`]: Godley & Lavoie's SIM.

pub mod accounts;
pub mod economy;
pub mod error;
pub mod inequality;
pub mod jobs;
pub mod outcome;
pub mod phases;
pub mod population;
pub mod record;
pub mod run;
pub mod sim;
pub mod year;

pub use economy::{Calibration, Economy, FiscalRule, MAX_TAX_RATE};
pub use error::ModelError;
pub use outcome::{Outcome, Path, Snapshot};
pub use run::{run, run_cached, run_series, simulate, BaselineCache};
