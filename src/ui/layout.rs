//! The full page (any page but an embed): the scenario bar on top, then three boxes, the
//! main levers, the results (notices, the lesson, the headline strip, the tabs and their
//! panel) and the other settings. The stylesheet places the boxes side by side on a wide
//! screen and one under the other on a phone; the markup is the same.

use super::callbacks::AppCallbacks;
use super::charts::Run;
use super::controls::{ControlPanel, PanelPart, MORE_SETTINGS};
use super::headlines::Headlines;
use super::lesson_panel;
use super::notices::Notices;
use super::state::AppState;
use super::tab_panel::TabPanel;
use super::tabs::{charts_of, TabBar};
use super::top_bar::TopBar;
use super::uncertainty::{BandsStatus, Progress};
use super::url;
use crate::catalog::{self, output as o, param as p, units};
use crate::link::Link;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub state: UseReducerHandle<AppState>,
    /// The run shown, with scenario A and the bands folded in; none before the first.
    pub run: Option<Run>,
    /// Why the latest inputs could not be run, if they could not.
    pub error: Option<String>,
    /// The Monte Carlo job's progress.
    pub progress: Option<Rc<Progress>>,
    /// The window's resizes, on which charts redraw.
    pub layout: u32,
    pub on: AppCallbacks,
    /// The state's link, encoded once per render for every menu that shows it.
    pub link: Link,
}

/// The full page.
#[function_component(Layout)]
pub fn layout(props: &LayoutProps) -> Html {
    let LayoutProps { state, run, on, .. } = props;
    let custom_baseline = state.scenario.has_custom_baseline();
    let region = state.scenario.region();
    let region_id = region.id;
    let values = state.scenario.values().to_vec();
    let baseline = state.scenario.baseline().values().to_vec();
    let debt_rule = state.scenario.get(p::RULE) != 0.0;
    let bi_note = run.as_ref().and_then(|run| {
        let outcome = run.outcome.as_ref().as_ref().ok()?;
        let median = outcome.scenario.get(o::MEDIAN_INCOME).first().copied()?;
        (median > 0.0).then(|| {
            format!(
                "{} % of today's median income ({})",
                units::number(100.0 * state.scenario.get(p::BI) / median, 0),
                units::with_unit(median, catalog::Unit::CurrencyMonth, 0, region)
            )
        })
    });
    let share_link = url::absolute(&props.link);
    let share_chart = charts_of(state.tab, debt_rule)
        .first()
        .map_or("income", |c| c.id);
    let (on_set, on_reset) = (on.on_set.clone(), on.on_reset.clone());

    html! {
        <div class="app">
            <TopBar link={props.link.clone()} run={run.clone()} year={state.year} {share_chart}
                pinned={state.compare.is_some()} {custom_baseline} dispatch={state.dispatcher()} />
            <div class="layout">
                <aside class="controls levers-box" aria-label="Main levers">
                    <ControlPanel values={values.clone()} baseline={baseline.clone()} {custom_baseline}
                        region={region_id} bi_note={bi_note.clone()} on_set={on_set.clone()}
                        on_reset={on_reset.clone()} part={PanelPart::Levers} />
                </aside>
                <main class="results">
                    <Notices notices={state.notices.clone()} error={props.error.clone()}
                        on_dismiss={on.on_dismiss.clone()} />
                    { for lesson_panel::following(state.lesson, false, on) }
                    if let Some(run) = run.clone() {
                        <Headlines run={run.clone()} region={region_id} year={state.year}
                            {debt_rule} on_year={on.on_year.clone()} />
                        <BandsStatus show={state.show_bands} progress={props.progress.clone()}
                            draws={state.draws} on_show={on.on_show_bands.clone()} />
                        <TabBar current={state.tab} on_select={on.on_tab.clone()} />
                        <TabPanel state={state.clone()} {run} progress={props.progress.clone()}
                            layout={props.layout} on={on.clone()} {share_link} />
                    } else {
                        <p class="loading">{ "Computing the scenario…" }</p>
                    }
                </main>
                <aside class="controls more-box" id={MORE_SETTINGS} aria-label="More settings">
                    <ControlPanel {values} {baseline} {custom_baseline} region={region_id} {bi_note}
                        {on_set} {on_reset} part={PanelPart::Groups} />
                </aside>
            </div>
        </div>
    }
}
