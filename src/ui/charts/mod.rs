//! Chart cards: a canvas chart with its title, legend, text summary and data table.

mod card;

pub use card::{ChartCard, Run};
