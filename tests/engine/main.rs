//! The one native integration-test binary of the engine (each `tests/*.rs` file would link
//! the crate again, which is slow on two cores).

mod inequality;
mod population;
