//! The timeline of the production phases a scenario puts in force: when each runs, where it
//! produces, what it can make of each category of the basket, who owns it and what its goods
//! cost, all read from `models/phases.toml` and the scenario's start years.

use crate::catalog::{param, BASE_YEAR, CATEGORIES};
use crate::model::phases::in_force;
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
/// starts within the horizon.
pub fn timeline(scenario: &Scenario) -> Vec<PhaseRow> {
    let v = |i: usize| scenario.get(i);
    let starts = [
        v(param::PHASE0),
        v(param::PHASE1),
        v(param::PHASE2),
        v(param::PHASE3),
    ];
    let last = BASE_YEAR + v(param::HORIZON) as i32;
    let equity_only = v(param::COMMONS_OWNERSHIP) != 0.0;
    let mut rows: Vec<PhaseRow> = Vec::new();
    for year in BASE_YEAR + 1..=last {
        let Some(phase) = in_force(starts, year) else {
            continue;
        };
        match rows.last_mut() {
            Some(row) if row.number == phase.number && row.to == year - 1 => row.to = year,
            _ => {
                let mut made: Vec<(f64, &str)> = CATEGORIES
                    .iter()
                    .zip(&phase.ceiling)
                    .filter(|(_, c)| c.value > 0.0)
                    .map(|(cat, c)| (c.value, cat.name))
                    .collect();
                made.sort_by(|a, b| b.0.total_cmp(&a.0));
                let makes = made
                    .iter()
                    .map(|(share, name)| format!("{} {:.0} %", name.to_lowercase(), 100.0 * share))
                    .collect::<Vec<_>>()
                    .join(", ");
                let cannot = CATEGORIES
                    .iter()
                    .zip(&phase.ceiling)
                    .filter(|(_, c)| c.value <= 0.0)
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
                    owners: if phase.equal_ownership && !equity_only {
                        "every adult, in equal shares"
                    } else {
                        "like market shares, by wealth"
                    },
                    unit_cost: 100.0 * (phase.unit_cost.value * v(param::COMMONS_COST)).min(1.0),
                });
            }
        }
    }
    rows
}
