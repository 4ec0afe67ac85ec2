//! The MAP model: a yearly stock-flow consistent economy with heterogeneous households,
//! a market sector, a commons sector and a government. `models/README.md` gives the
//! equations; each file here does one part of them:
//!
//! * [`economy`]: the calibrated economy (its constants and paths), built by
//!   [`calibrate`] (the base year on a steady growth path) from the paths of [`paths`]
//!   (automation, productivity, the production phases);
//! * [`labour`]: the year's wage, hours offered, interest rate and inflation pressure;
//! * [`people`]: adults in households, with children and people 65+, year by year, and
//!   [`taxben`]: today's taxes and benefits as pure functions of a household's circumstances;
//! * [`year`]: one year's flows as a function of consumption, and the solver, with the
//!   households' side in [`households`] and the root finder in [`roots`]; [`flows`] holds
//!   what a year carries and produces;
//! * [`accounts`]: the transactions-flow matrix and balance sheet of each year;
//! * [`record`]: from a solved year to the outputs users see, and [`costs`]: the net,
//!   budget and dynamic costs of the Basic Income against the baseline;
//! * [`mod@run`]: the scenario and its status-quo baseline, in lockstep;
//! * [`inequality`], [`population`]: exact inequality measures and the households of a
//!   region; [`phases`]: the production-phase schedule; [`sim`]: Godley & Lavoie's SIM.

pub mod accounts;
pub mod calibrate;
pub mod costs;
pub mod economy;
pub mod error;
pub mod flows;
pub mod households;
pub mod inequality;
pub mod jobs;
pub mod labour;
pub mod outcome;
pub mod paths;
pub mod people;
pub mod phases;
pub mod population;
pub mod record;
pub mod resources;
pub mod roots;
pub mod run;
pub mod sim;
pub mod take_up;
pub mod taxben;
pub mod year;

pub use economy::{Calibration, Economy, FiscalRule, WageAnchor, MAX_TAX_RATE};
pub use error::ModelError;
pub use outcome::{GroupFlows, GroupStatement, HouseholdType, Outcome, Path, Snapshot, YearRules};
pub use run::{run, run_cached, run_series, simulate, BaselineCache};
