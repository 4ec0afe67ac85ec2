//! Uncertainty in the app: Monte Carlo bands computed by Web Workers, and the tornado view.

mod hook;
mod pool;
mod status;
mod tornado;
mod wire;
mod workers;

pub use hook::use_monte_carlo;
pub use pool::Progress;
pub use status::BandsStatus;
pub use tornado::UncertaintyView;
