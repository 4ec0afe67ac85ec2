//! The timeline of the production phases a scenario puts in force: when each runs, where it
//! produces, what it can make of each category of the basket, who owns it and what its goods
//! cost, all read from `models/phases.toml` and the scenario's start years.

use crate::catalog::{param, BASE_YEAR, CATEGORIES, PHASES};
use crate::model::paths::{basket, commons};
use crate::scenario::Scenario;

/// One phase in force over a stretch of years.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseRow {
    pub number: u8,
    pub name: &'static str,
    /// Where it produces.
    pub place: &'static str,
    /// First and last calendar year in force.
    pub from: i32,
    pub to: i32,
    /// What it can make: "clothing and other goods 85 %, …", most first; categories it cannot
    /// make are named apart.
    pub makes: String,
    pub cannot: String,
    /// Who owns its capital.
    pub owners: &'static str,
    /// Unit cost of its goods, % of the market price (after `commons_cost`).
    pub unit_cost: f64,
}

/// The phases in force in `scenario`, in order, each with its years. Empty when no phase
/// starts within the horizon. Read from the commons technology the model itself runs at full
/// take-up (`model::paths::commons`), so that what the timeline says each phase makes, who owns
/// it and what its goods cost is what the model uses.
pub fn timeline(scenario: &Scenario) -> Vec<PhaseRow> {
    let basket = basket(&scenario.region().figures);
    let years = scenario.get(param::HORIZON) as usize + 1;
    let mut rows: Vec<PhaseRow> = Vec::new();
    for (t, ct) in commons(scenario, years, &basket).iter().enumerate() {
        if ct.phase < 0.0 {
            continue;
        }
        let year = BASE_YEAR + t as i32;
        let phase = &PHASES[ct.phase as usize];
        match rows.last_mut() {
            Some(row) if row.number == phase.number && row.to == year - 1 => row.to = year,
            _ => {
                let mut made: Vec<(f64, &str)> = CATEGORIES
                    .iter()
                    .zip(ct.categories)
                    .filter(|(_, share)| *share > 0.0)
                    .map(|(cat, share)| (share, cat.name))
                    .collect();
                made.sort_by(|a, b| b.0.total_cmp(&a.0));
                let makes = made
                    .iter()
                    .map(|(share, name)| format!("{} {:.0} %", name.to_lowercase(), 100.0 * share))
                    .collect::<Vec<_>>()
                    .join(", ");
                let cannot = CATEGORIES
                    .iter()
                    .zip(ct.categories)
                    .filter(|(_, share)| *share <= 0.0)
                    .map(|(cat, _)| cat.name.to_lowercase())
                    .collect::<Vec<_>>()
                    .join(", ");
                rows.push(PhaseRow {
                    number: phase.number,
                    name: phase.name,
                    place: phase.place,
                    from: year,
                    to: year,
                    makes,
                    cannot,
                    owners: if ct.equal_ownership {
                        "every adult, in equal shares"
                    } else {
                        "like market shares, by wealth"
                    },
                    unit_cost: 100.0 * ct.unit_cost,
                });
            }
        }
    }
    rows
}
