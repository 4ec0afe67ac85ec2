//! What the chosen tab shows under the bar: its own view (Monte Carlo and the tornado, the
//! model's description, the reforms one by one, the books), then its grid of cards and
//! charts. One component, so that the page's layout only places it.

use super::about::About;
use super::books::Books;
use super::callbacks::AppCallbacks;
use super::charts::{ChartCard, DistributionCards, Run, WinnersCard};
use super::households::HouseholdsCard;
use super::phase_timeline::PhaseTimeline;
use super::reform::ReformStack;
use super::state::AppState;
use super::tabs::charts_of;
use super::uncertainty::{Progress, UncertaintyView};
use crate::catalog::{self, param as p};
use crate::present::Tab;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TabPanelProps {
    pub state: UseReducerHandle<AppState>,
    /// The run shown, with scenario A and the bands folded in.
    pub run: Run,
    /// The Monte Carlo job's progress, for the Uncertainty tab.
    pub progress: Option<Rc<Progress>>,
    /// The window's resizes, on which charts redraw.
    pub layout: u32,
    pub on: AppCallbacks,
    /// The state's link, as a whole address, for the charts' Share.
    pub share_link: String,
}

/// The panel of the current tab.
#[function_component(TabPanel)]
pub fn tab_panel(props: &TabPanelProps) -> Html {
    let TabPanelProps {
        state,
        run,
        layout,
        on,
        ..
    } = props;
    let layout = *layout;
    let region_id = state.scenario.region().id;
    let debt_rule = state.scenario.get(p::RULE) != 0.0;
    let focus_chart = state.lesson_chart();
    // Each tab's own view, above its grid and at the head of it: a `match`, so that a tab
    // added to `models/charts.toml` does not compile until it is given its place here.
    let none = Html::default;
    let (own_view, grid_head) = match state.tab {
        Tab::Overview => (none(), none()),
        Tab::Uncertainty => (
            html! {
                <UncertaintyView scenario={state.scenario.clone()} run={run.clone()}
                    progress={props.progress.clone()} region={region_id} year={state.year}
                    draws={state.draws} on_draws={on.on_draws.clone()} />
            },
            none(),
        ),
        Tab::About => (html! { <About /> }, none()),
        Tab::Fiscal => (
            html! { <ReformStack scenario={state.scenario.clone()} year={state.year} /> },
            none(),
        ),
        Tab::Books => (
            html! { <Books run={run.clone()} region={region_id} year={state.year} /> },
            none(),
        ),
        Tab::Resources => (
            none(),
            html! { <PhaseTimeline scenario={state.scenario.clone()} /> },
        ),
        Tab::Distribution => (
            none(),
            html! {
                <>
                    <DistributionCards run={run.clone()} region={region_id}
                        year={state.year} {layout} />
                    <WinnersCard run={run.clone()} region={region_id}
                        year={state.year} {layout} />
                    <HouseholdsCard run={run.clone()}
                        region={region_id} year={state.year}
                        entry={state.household} on_edit={on.on_edit_household.clone()}
                        on_share={Some(on.on_share_household.clone())} />
                </>
            },
        ),
    };
    html! {
        <>
            { own_view }
            <div class="grid" role="tabpanel">
                { grid_head }
                { for charts_of(state.tab, debt_rule).into_iter().map(|spec| {
                    let year = catalog::BASE_YEAR + state.year as i32;
                    let focus = focus_chart == Some(spec.id);
                    html! {
                        <ChartCard key={spec.id} {spec} run={run.clone()}
                            region={region_id} {year} {layout} {focus}
                            link={props.share_link.clone()} on_phases={on.on_phases.clone()} />
                    }
                }) }
            </div>
        </>
    }
}
