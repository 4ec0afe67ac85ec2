//! The control panel: the three main levers always in view, then the other groups of
//! `models/parameters.toml`, each collapsible.

use super::ParamControl;
use crate::catalog::{Group, PARAMS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub values: Vec<f64>,
    /// The status-quo baseline's values (the policies it holds at today's values are marked).
    pub baseline: Vec<f64>,
    /// The baseline is the reader's own, not the status quo.
    pub custom_baseline: bool,
    pub region: &'static str,
    /// The Basic Income as % of median income, when known.
    pub bi_note: Option<String>,
    pub on_set: Callback<(usize, f64)>,
    pub on_reset: Callback<usize>,
}

const GROUPS: &[(Group, &str, &str)] = &[
    (
        Group::Phases,
        "Phases of production",
        "When each phase of peer production starts (policies), and how fast it spreads (assumptions).",
    ),
    (
        Group::Financing,
        "Financing",
        "How the government pays: the mix of taxes (policies) and the fiscal rule that closes any gap, the same in the status quo (an assumption).",
    ),
    (
        Group::Behaviour,
        "Behaviour",
        "How households spend and work: assumptions from the evidence, with ranges.",
    ),
    (
        Group::Technology,
        "Technology",
        "Automation, productivity and the cost of peer production.",
    ),
];

#[function_component(ControlPanel)]
pub fn control_panel(props: &PanelProps) -> Html {
    let control = |index: usize| {
        let spec = &PARAMS[index];
        // Marked only where the status quo differs from the scenario (a policy moved).
        let baseline = props
            .baseline
            .get(index)
            .copied()
            .filter(|b| *b != props.values[index]);
        html! {
            <ParamControl key={spec.id} {index} value={props.values[index]} {baseline}
                custom_baseline={props.custom_baseline}
                region={props.region}
                note={(spec.id == "bi").then(|| props.bi_note.clone()).flatten()}
                on_set={props.on_set.clone()} on_reset={props.on_reset.clone()} />
        }
    };
    let in_group = |group: Group| {
        PARAMS
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.group == group && !p.advanced)
            .map(|(i, _)| i)
    };
    html! {
        <div class="panel">
            <section class="levers" aria-label="Main levers">
                { for in_group(Group::Main).map(control) }
            </section>
            { for GROUPS.iter().map(|(group, title, about)| html! {
                <details class="group">
                    <summary>{ *title }</summary>
                    <p class="group-about">{ *about }</p>
                    { for in_group(*group).map(control) }
                </details>
            }) }
        </div>
    }
}
