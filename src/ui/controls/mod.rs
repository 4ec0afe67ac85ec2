//! Controls generated from `models/parameters.toml`: nothing about a parameter is written
//! here, only how each kind of parameter is shown.

mod panel;
mod param;

pub use panel::{ControlPanel, PanelPart, MORE_SETTINGS};
pub use param::ParamControl;
