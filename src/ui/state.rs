//! The app's state and every change a user can make to it (a reducer: one `Action` per
//! intent, so the UI never edits state ad hoc).

use crate::catalog::{self, PARAMS, PRESETS};
use crate::link::{Embed, Link, SharedHousehold, View};
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
    /// The compact layout for `<iframe>`s, when the link asked for it.
    pub embed: Embed,
    /// Counts deliberate changes (region, preset, reset): each gets a history entry.
    pub milestones: u32,
    /// The guided lesson being followed and its step (0-based).
    pub lesson: Option<(&'static str, usize)>,
    /// Scenario A, pinned to compare the current scenario (B) with.
    pub compare: Option<Scenario>,
    /// Monte Carlo bands shown on the charts and in the headline strip.
    pub show_bands: bool,
    /// Monte Carlo draws.
    pub draws: usize,
    /// "A household like mine": what the reader entered, and whether links carry it. It lives
    /// here, not in the card, so that it outlives the card (tab switches, re-renders) and every
    /// edit starts from the latest entry.
    pub household: HouseholdEntry,
}

/// "A household like mine" as the reader entered it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct HouseholdEntry {
    pub entered: SharedHousehold,
    /// Links carry the household only when its reader ticks the box.
    pub shared: bool,
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
    /// Open a link (Back/Forward), with the notices its decoding raised.
    Load(Link, Vec<Notice>),
    /// Open a saved or imported scenario: like `Load`, and a history entry.
    Open(Link, Vec<Notice>),
    /// Show a notice.
    Notice(Notice),
    /// Start a guided lesson at its first step.
    Lesson(&'static str),
    /// Go to step `n` (0-based) of the current lesson and apply its scenario.
    Step(usize),
    /// Put the current step's values back after the student moved sliders.
    LessonValues,
    /// Leave the lesson (the scenario stays).
    LeaveLesson,
    /// Pin the current scenario as A, to compare the next changes (B) with it.
    Pin,
    /// Stop comparing.
    Unpin,
    /// Make the current scenario's policies the baseline (assumptions stay shared).
    UseAsBaseline,
    /// Compare with the status quo again.
    StatusQuoBaseline,
    /// Show or hide the uncertainty bands.
    ShowBands(bool),
    /// Use this many Monte Carlo draws.
    Draws(usize),
    /// The reader changed one field of "a household like mine" (applied to the latest entry,
    /// so quick edits in a row never start from a stale copy).
    EditHousehold(HouseholdEdit),
    /// Put "a household like mine" in links (`true`) or take it out.
    ShareHousehold(bool),
}

/// One field of "a household like mine", as the form validated it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HouseholdEdit {
    /// An adult's pay a month (0: first adult, 1: second).
    Pay(usize, f64),
    Adults(u8),
    Children(u8),
    Wealth(f64),
    Pensioners(bool),
}

impl HouseholdEdit {
    fn apply(self, h: &mut SharedHousehold) {
        match self {
            HouseholdEdit::Pay(adult, pay) => h.pay[adult.min(1)] = pay,
            HouseholdEdit::Adults(n) => h.adults = n,
            HouseholdEdit::Children(n) => h.children = n,
            HouseholdEdit::Wealth(w) => h.wealth = w,
            HouseholdEdit::Pensioners(on) => h.pensioners = on,
        }
    }
}

impl AppState {
    /// The state a link opens.
    pub fn from_link(link: Link, notices: Vec<Notice>) -> Self {
        let year = link
            .view
            .year
            .map(|y| (y - catalog::BASE_YEAR).max(0) as usize)
            .unwrap_or_else(|| default_year(&link.scenario));
        let mut state = Self {
            year: year.min(horizon_index(&link.scenario)),
            tab: link.view.tab.unwrap_or(Tab::Overview),
            scenario: link.scenario.clone(),
            embed: link.embed,
            notices,
            milestones: 0,
            lesson: link.lesson,
            compare: link.compare.clone(),
            show_bands: !link.view.hide_bands,
            draws: link.view.draws.unwrap_or(crate::uncertainty::DEFAULT_DRAWS),
            household: HouseholdEntry {
                entered: link.household.unwrap_or_default(),
                shared: link.household.is_some(),
            },
        };
        // A lesson link without its own values opens the step's scenario.
        if let Some((_, step)) = link.lesson {
            if link.scenario.changes().is_empty() && link.view.year.is_none() {
                state.apply_step(step);
            }
        }
        state
    }

    /// A link without a household (Back, Forward, a saved scenario) leaves what the reader
    /// entered in the form; it only stops being shared.
    fn keep_household(&mut self, before: HouseholdEntry) {
        if !self.household.shared {
            self.household.entered = before.entered;
        }
    }

    /// The current lesson step's scenario, tab and year.
    fn apply_step(&mut self, step: usize) {
        let Some(lesson) = self.lesson.and_then(|(id, _)| catalog::lesson(id)) else {
            return;
        };
        let step = step.min(lesson.steps.len().saturating_sub(1));
        let spec = &lesson.steps[step];
        let (scenario, notices) = self.scenario.from_preset(&spec.scenario);
        self.scenario = scenario;
        self.notices.extend(notices);
        self.lesson = Some((lesson.id, step));
        self.tab = crate::present::view_tab(spec.chart);
        self.year = default_year(&self.scenario);
    }

    /// The chart the current step of the lesson being followed is about, if any: the
    /// embed and the full page bring it forward.
    pub fn lesson_chart(&self) -> Option<&'static str> {
        self.lesson
            .and_then(|(id, step)| catalog::lesson(id).and_then(|l| l.steps.get(step)))
            .map(|s| s.chart)
    }

    /// The link of this state (what the address bar and Share show).
    pub fn link(&self) -> Link {
        let year = (self.year != default_year(&self.scenario))
            .then_some(catalog::BASE_YEAR + self.year as i32);
        Link {
            scenario: self.scenario.clone(),
            view: View {
                tab: (self.tab != Tab::Overview).then_some(self.tab),
                year,
                hide_bands: !self.show_bands,
                draws: Some(self.draws).filter(|n| *n != crate::uncertainty::DEFAULT_DRAWS),
            },
            embed: self.embed.clone(),
            lesson: self.lesson,
            compare: self.compare.clone(),
            household: self.household.shared.then_some(self.household.entered),
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
                    next.milestones += 1;
                }
            }
            Action::Preset(id) => {
                if let Some(preset) = PRESETS.iter().find(|p| p.id == id) {
                    let (scenario, notices) = next.scenario.from_preset(preset);
                    next.scenario = scenario;
                    next.notices.extend(notices);
                    next.year = default_year(&next.scenario);
                    next.milestones += 1;
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
                next.milestones += 1;
            }
            Action::Year(t) => next.year = t.min(horizon_index(&next.scenario)),
            Action::Tab(tab) => next.tab = tab,
            Action::Dismiss(index) => {
                if index < next.notices.len() {
                    next.notices.remove(index);
                }
            }
            Action::Load(link, notices) => {
                let (milestones, household) = (next.milestones, next.household);
                next = AppState::from_link(link, notices);
                next.milestones = milestones;
                next.keep_household(household);
            }
            Action::Open(mut link, notices) => {
                let (milestones, household) = (next.milestones + 1, next.household);
                link.embed = next.embed.clone();
                next = AppState::from_link(link, notices);
                next.milestones = milestones;
                next.keep_household(household);
            }
            Action::Notice(notice) => next.notices.push(notice),
            Action::Lesson(id) => {
                if let Some(lesson) = catalog::lesson(id) {
                    next.lesson = Some((lesson.id, 0));
                    next.apply_step(0);
                    next.milestones += 1;
                }
            }
            Action::Step(n) => {
                next.apply_step(n);
                next.milestones += 1;
            }
            Action::LessonValues => {
                if let Some((_, step)) = next.lesson {
                    next.apply_step(step);
                }
            }
            Action::LeaveLesson => {
                next.lesson = None;
                next.milestones += 1;
            }
            Action::Pin => {
                next.compare = Some(next.scenario.clone());
                next.milestones += 1;
            }
            Action::Unpin => {
                next.compare = None;
                next.milestones += 1;
            }
            Action::UseAsBaseline => {
                next.scenario.use_as_baseline();
                next.milestones += 1;
            }
            Action::StatusQuoBaseline => {
                next.scenario.clear_baseline();
                next.milestones += 1;
            }
            Action::ShowBands(on) => next.show_bands = on,
            Action::EditHousehold(edit) => edit.apply(&mut next.household.entered),
            Action::ShareHousehold(on) => next.household.shared = on,
            Action::Draws(n) => {
                let (low, high) = crate::link::DRAWS_RANGE;
                next.draws = n.clamp(low, high);
            }
        }
        Rc::new(next)
    }
}
