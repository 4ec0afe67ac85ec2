//! The embed layout for teachers' `<iframe>`s (`?embed=1&view=…&controls=…`): one chart,
//! a few controls, and a link that opens the same scenario in the full app.

use super::charts::{ChartCard, Run, WinnersCard};
use super::controls::ParamControl;
use super::households::HouseholdsCard;
use super::state::{HouseholdEdit, HouseholdEntry};
use super::url;
use crate::catalog;
use crate::link::{Embed, Link};
use crate::present;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub link: Link,
    pub run: Option<Run>,
    pub year: i32,
    pub layout: u32,
    pub on_set: Callback<(usize, f64)>,
    pub on_reset: Callback<usize>,
    /// "A household like yours", for `view=households`.
    pub household: HouseholdEntry,
    pub on_edit_household: Callback<HouseholdEdit>,
    /// A lesson step's chart, which takes precedence over `view=`.
    #[prop_or_default]
    pub focus: Option<&'static str>,
}

#[function_component(EmbedView)]
pub fn embed_view(props: &EmbedProps) -> Html {
    let embed = &props.link.embed;
    let chart_id = props.focus.or(embed.chart).unwrap_or("income");
    let debt_rule = props.link.scenario.get(catalog::param::RULE) != 0.0;
    let spec = present::shown(
        present::chart(chart_id).unwrap_or(&present::CHARTS[0]),
        debt_rule,
    );
    let region = props.link.scenario.region();
    // The cards take the year as a column of the run.
    let year_index = (props.year - catalog::BASE_YEAR).max(0) as usize;
    // Without `controls=`, the main levers (the `main` group of `models/parameters.toml`).
    let controls: Vec<&'static str> = if embed.controls.is_empty() {
        catalog::PARAMS
            .iter()
            .filter(|p| p.group == catalog::Group::Main && !p.advanced)
            .map(|p| p.id)
            .collect()
    } else {
        embed.controls.clone()
    };
    let mut full = props.link.clone();
    full.embed = Embed::default();
    full.view.tab = None;
    let open = url::address(&full);
    html! {
        <div class={classes!("embed", present::is_card(chart_id).then_some("stacked"))}>
            <div class="embed-controls">
                { for controls.iter().filter_map(|id| catalog::param(id)).map(|(index, spec)| html! {
                    <ParamControl key={spec.id} {index} value={props.link.scenario.get(index)}
                        region={region.id} on_set={props.on_set.clone()} on_reset={props.on_reset.clone()} />
                }) }
            </div>
            <div class="embed-chart">
                if let Some(run) = props.run.clone() {
                    if chart_id == "winners" {
                        <WinnersCard {run} region={region.id} year={year_index} layout={props.layout} />
                    } else if chart_id == "households" {
                        <HouseholdsCard {run} region={region.id} year={year_index}
                            entry={props.household} on_edit={props.on_edit_household.clone()} />
                    } else {
                        <ChartCard {spec} {run} region={region.id} year={props.year} layout={props.layout} />
                    }
                } else {
                    <p class="loading">{ "Computing the scenario…" }</p>
                }
                <a class="open-full" href={open} target="_blank" rel="noopener">
                    { "Open in mapsim ↗" }
                </a>
            </div>
        </div>
    }
}
