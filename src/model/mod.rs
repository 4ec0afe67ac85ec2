//! The MAP model: a yearly stock-flow consistent economy with heterogeneous households,
//! a market sector, a commons sector and a government. See `models/README.md`.

pub mod inequality;
pub mod population;
pub mod sim;
