//! The one native integration-test binary of the engine (each `tests/*.rs` file would link
//! the crate again, which is slow on two cores).

mod accounting;
mod baseline;
mod basket;
mod bi_design;
mod calibration;
mod catalog;
mod checks;
mod cli;
mod costs;
mod decompose;
mod determinism;
mod explain;
mod households;
mod inequality;
mod jobs;
mod labour;
mod lessons;
mod links;
mod ownership;
mod people;
mod population;
mod present;
mod sim;
/// The build script's validation of `models/`, shared with the tests that feed it bad text.
#[path = "../../engine/src/catalog/source.rs"]
#[allow(dead_code)]
mod source;
mod support;
mod tidy;
mod uncertainty;
mod validation;
mod winners;
