//! Chart cards: a canvas chart with its title, legend, text summary and data table.

mod card;
mod distribution_cards;
mod winners_card;

pub(crate) use card::series_of;
pub use card::{ChartCard, Run};
pub use distribution_cards::DistributionCards;
pub use winners_card::WinnersCard;
