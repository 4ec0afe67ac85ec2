//! The app's state and every change a user can make to it (a reducer: one `Action` per
//! intent, so the UI never edits state ad hoc).

use crate::catalog::{self, PARAMS, PRESETS, REGIONS};
use crate::present::Tab;
use crate::scenario::{Notice, Scenario};
use std::rc::Rc;
use yew::Reducible;

/// Everything the user has chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub scenario: Scenario,
    /// Problems with the user's input, shown until dismissed.
    pub notices: Vec<Notice>,
    /// The year the headline strip shows, as an index into the outcome's years.
    pub year: usize,
    pub tab: Tab,
}

/// One user intent.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set parameter `index` to a value (clamped to its range).
    Set(usize, f64),
    /// Switch region: the scenario's changes are kept where the new region allows them.
    Region(&'static str),
    /// Apply a named preset.
    Preset(&'static str),
    /// Parameter `index` back to its default.
    Reset(usize),
    /// Every parameter back to its default.
    ResetAll,
    /// Show another year in the headline strip.
    Year(usize),
    Tab(Tab),
    /// Hide notice `index`.
    Dismiss(usize),
}

impl AppState {
    /// The default scenario of the first region (United States).
    pub fn initial() -> Self {
        let scenario = Scenario::for_region(&REGIONS[0]);
        Self {
            year: default_year(&scenario),
            scenario,
            notices: Vec::new(),
            tab: Tab::Overview,
        }
    }
}

fn horizon_index(scenario: &Scenario) -> usize {
    scenario.get(catalog::param::HORIZON).max(0.0) as usize
}

/// The year the headline strip opens on: 25 years ahead (2050), or the horizon if nearer.
/// A generation ahead is far enough for the phases to matter and near enough to mean
/// something to readers.
fn default_year(scenario: &Scenario) -> usize {
    horizon_index(scenario).min(25)
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(index, value) => {
                let at_end = next.year >= horizon_index(&next.scenario);
                if let Some(notice) = next.scenario.set(index, value) {
                    next.notices.push(notice);
                }
                let end = horizon_index(&next.scenario);
                next.year = if at_end { end } else { next.year.min(end) };
            }
            Action::Region(id) => {
                if let Some(region) = catalog::region(id) {
                    next.scenario = next.scenario.in_region(region);
                }
            }
            Action::Preset(id) => {
                if let Some(preset) = PRESETS.iter().find(|p| p.id == id) {
                    let (scenario, notices) = next.scenario.from_preset(preset);
                    next.scenario = scenario;
                    next.notices.extend(notices);
                    next.year = default_year(&next.scenario);
                }
            }
            Action::Reset(index) => {
                if let Some(spec) = PARAMS.get(index) {
                    let default = spec.range(next.scenario.region()).default;
                    let _ = next.scenario.set(index, default);
                }
            }
            Action::ResetAll => {
                next.scenario = Scenario::for_region(next.scenario.region());
                next.notices.clear();
                next.year = default_year(&next.scenario);
            }
            Action::Year(t) => next.year = t.min(horizon_index(&next.scenario)),
            Action::Tab(tab) => next.tab = tab,
            Action::Dismiss(index) => {
                if index < next.notices.len() {
                    next.notices.remove(index);
                }
            }
        }
        Rc::new(next)
    }
}
