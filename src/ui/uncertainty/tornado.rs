//! The "Uncertainty" tab: a tornado chart of what each uncertain parameter does to one output
//! in the chosen year, and the list of distributions the bands are drawn from.

use super::pool::Progress;
use crate::catalog::{self, units, OUTPUTS, PARAMS};
use crate::present::{self, CHARTS};
use crate::scenario::Scenario;
use crate::ui::charts::Run;
use crate::uncertainty::{dist, swings, MonteCarlo, DEFAULT_SEED, SWING_ENDS};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UncertaintyProps {
    pub scenario: Scenario,
    pub run: Run,
    /// The Monte Carlo of this very scenario (`use_monte_carlo` filters out the others).
    pub progress: Option<Rc<Progress>>,
    pub region: &'static str,
    /// Year column of the headline strip.
    pub year: usize,
    pub draws: usize,
    pub on_draws: Callback<usize>,
}

/// Draw counts offered: 200 and 1,000, and a link's own count if it asked for another.
fn draw_choices(current: usize) -> Vec<usize> {
    let mut choices = vec![200, 1000];
    if !choices.contains(&current) {
        choices.push(current);
        choices.sort_unstable();
    }
    choices
}

/// Outputs offered: those drawn on the time-series charts, in chart order.
fn offered() -> Vec<usize> {
    let mut ids: Vec<usize> = Vec::new();
    for chart in CHARTS.iter() {
        for id in chart.outputs {
            if let Some((i, _)) = catalog::output(id) {
                if !ids.contains(&i) {
                    ids.push(i);
                }
            }
        }
    }
    ids
}

#[function_component(UncertaintyView)]
pub fn uncertainty_view(props: &UncertaintyProps) -> Html {
    let chosen = use_state(|| catalog::output::MEDIAN_INCOME);
    let Some(region) = catalog::region(props.region) else {
        return html! {};
    };
    let Ok(outcome) = props.run.outcome.as_ref() else {
        return html! {};
    };
    let mc = MonteCarlo::new(&props.scenario, DEFAULT_SEED);
    let t = props.year.min(outcome.years.len().saturating_sub(1));
    let year = outcome.years.get(t).copied().unwrap_or_default();
    let output = &OUTPUTS[*chosen];
    let on_output = crate::ui::select_index(&chosen);
    let on_draws = {
        let cb = props.on_draws.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(n) = select.value().parse::<usize>() {
                cb.emit(n);
            }
        })
    };
    let centre = outcome
        .scenario
        .get(*chosen)
        .get(t)
        .copied()
        .unwrap_or(f64::NAN);
    let swing_runs = props.progress.as_ref().and_then(|p| p.swings.clone());
    html! {
        <section class="uncertainty" aria-labelledby="uncertainty-title">
            <h2 id="uncertainty-title">{ "How sure is the model?" }</h2>
            <p class="explain">
                { "Some of the model's parameters are not known precisely: how fast automation \
                   spreads, how much people spend, how fast productivity grows. Each is given a \
                   range from the evidence (listed below with its source). The shaded bands on the \
                   charts come from running the model many times with these parameters drawn at \
                   random from their ranges (a Monte Carlo analysis, seed " }
                { DEFAULT_SEED }{ "): the darker band holds the middle half of the runs, the \
                   lighter one 90 % of them. The sliders you moved are your choices, so they are \
                   held at your values." }
            </p>
            <div class="uncertainty-controls">
                <label>
                    { "Output " }
                    <select id="tornado-output" onchange={on_output}>
                        { for offered().into_iter().map(|i| html! {
                            <option value={i.to_string()} selected={i == *chosen}>{ OUTPUTS[i].label }</option>
                        }) }
                    </select>
                </label>
                <label>
                    { "Draws " }
                    <select id="draws" onchange={on_draws}>
                        { for draw_choices(props.draws).into_iter().map(|n| html! {
                            <option value={n.to_string()} selected={n == props.draws}>
                                { format!("{n} runs") }
                            </option>
                        }) }
                    </select>
                </label>
            </div>
            <h3>{ format!("What moves “{}” in {year}", output.label) }</h3>
            <p class="explain">
                { format!("Each bar: the change in “{}” when one parameter goes from the {:.0}th to \
                           the {:.0}th percentile of its range, all others at their values. \
                           Central value: {}. Widest first.",
                    output.label, SWING_ENDS.0 * 100.0, SWING_ENDS.1 * 100.0,
                    units::with_unit(centre, output.unit, output.decimals, region)) }
            </p>
            if let Some(runs) = swing_runs {
                { bars(&swings(&outcome.scenario.series, &runs, *chosen, t), &mc, output, region) }
            } else if mc.varied().is_empty() {
                <p>{ "Every uncertain parameter is held at your value: nothing to vary." }</p>
            } else {
                <p class="pending" id="tornado-pending">
                    { format!("Running the {} sensitivity runs…", 2 * mc.varied().len()) }
                </p>
            }
            { distributions(&mc, &props.scenario) }
        </section>
    }
}

fn bars(
    list: &[crate::uncertainty::Swing],
    mc: &MonteCarlo,
    output: &catalog::OutputSpec,
    region: &catalog::RegionSpec,
) -> Html {
    let widest = list
        .iter()
        .map(|s| s.low.abs().max(s.high.abs()))
        .fold(0.0, f64::max)
        .max(1e-12);
    let end_value = |param: usize, p: f64| {
        mc.varied()
            .iter()
            .find(|(i, _)| *i == param)
            .map(|(_, d)| shown(param, dist::quantile(d, p), region))
            .unwrap_or_default()
    };
    // SVG geometry, not inline styles: the page's Content-Security-Policy forbids `style=`.
    let bar = |delta: f64, class: &'static str| {
        let length = 100.0 * delta.abs() / widest;
        let x = if delta < 0.0 { 100.0 - length } else { 100.0 };
        html! {
            <rect {class} x={format!("{x:.2}")} y="3" width={format!("{length:.2}")} height="14" />
        }
    };
    html! {
        <table class="tornado" id="tornado">
            <thead>
                <tr>
                    <th scope="col">{ "Parameter (low → high end)" }</th>
                    <th scope="col">{ "Change at the low end" }</th>
                    <th scope="col" class="track-head">{ "Swing (blue: low end, orange: high end)" }</th>
                    <th scope="col">{ "Change at the high end" }</th>
                </tr>
            </thead>
            <tbody>
                { for list.iter().map(|s| {
                    let p = &PARAMS[s.param];
                    html! {
                        <tr>
                            <th scope="row">
                                { p.label }
                                <span class="range">{ format!(" ({} → {})",
                                    end_value(s.param, SWING_ENDS.0), end_value(s.param, SWING_ENDS.1)) }</span>
                            </th>
                            <td>{ present::difference(output, s.low, region) }</td>
                            <td class="track" aria-hidden="true">
                                <svg class="swing" viewBox="0 0 200 20" preserveAspectRatio="none">
                                    // The wider end first, so the narrower one stays visible
                                    // when both point the same way.
                                    if s.low.abs() >= s.high.abs() {
                                        { bar(s.low, "low") }
                                        { bar(s.high, "high") }
                                    } else {
                                        { bar(s.high, "high") }
                                        { bar(s.low, "low") }
                                    }
                                    <line class="axis" x1="100" y1="0" x2="100" y2="20" />
                                </svg>
                            </td>
                            <td>{ present::difference(output, s.high, region) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

fn distributions(mc: &MonteCarlo, scenario: &Scenario) -> Html {
    html! {
        <>
            <h3>{ "The uncertain parameters" }</h3>
            <table class="distributions" id="distributions">
                <thead>
                    <tr>
                        <th scope="col">{ "Parameter" }</th>
                        <th scope="col">{ "Drawn from" }</th>
                        <th scope="col">{ "Source" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for mc.varied().iter().map(|(i, d)| html! {
                        <tr>
                            <th scope="row">{ PARAMS[*i].label }</th>
                            <td>{ format!("{}{}", dist::describe(d), units_of(*i, scenario)) }</td>
                            <td>{ PARAMS[*i].source }</td>
                        </tr>
                    }) }
                    { for mc.held().iter().map(|i| html! {
                        <tr class="held">
                            <th scope="row">{ PARAMS[*i].label }</th>
                            <td>{ format!("held at your value, {}", shown(*i, scenario.get(*i), scenario.region())) }</td>
                            <td>{ PARAMS[*i].source }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}

/// A parameter value with its unit, to two decimals at most.
fn shown(index: usize, value: f64, region: &catalog::RegionSpec) -> String {
    let decimals = if PARAMS[index].step >= 1.0 { 0 } else { 2 };
    units::with_unit(value, PARAMS[index].unit, decimals, region)
}

/// The unit a parameter's distribution is stated in, in parentheses (nothing for a pure
/// number).
fn units_of(index: usize, scenario: &Scenario) -> String {
    let label = units::unit_label(PARAMS[index].unit, scenario.region());
    if label.is_empty() {
        label
    } else {
        format!(" ({label})")
    }
}
