//! "What each part of the reform does" (Fiscal tab): the scenario's policies added to the
//! baseline one component at a time, in an order the reader can change, and a waterfall of
//! what each adds to a headline figure. Each step is a full model run (`decompose::Stacker`),
//! started once the inputs rest and run one at a time with the browser free to paint and take
//! input between them, so no task outlasts a frame by much and dragging a slider never waits.

use crate::catalog::{self, units, OUTPUTS};
use crate::decompose::{Decomposition, Stacker, COMPONENTS};
use crate::present;
use crate::scenario::Scenario;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// Quiet time after the last input before the steps run, ms.
const QUIET_MS: u32 = 150;

#[derive(Properties, PartialEq)]
pub struct ReformProps {
    pub scenario: Scenario,
    /// Year column of the headline strip.
    pub year: usize,
}

/// The result for one scenario and order.
#[derive(Debug, Clone)]
struct Stacked {
    key: (Scenario, Vec<usize>),
    result: Result<Rc<Decomposition>, String>,
}

#[function_component(ReformStack)]
pub fn reform_stack(props: &ReformProps) -> Html {
    let order = use_state(crate::decompose::default_order);
    let chosen = use_state(|| catalog::output::POVERTY_RATE);
    let stacked = use_state(|| None::<Rc<Stacked>>);
    let timer = use_mut_ref(|| None::<Timeout>);
    // Bumped by every new input (and when the tab closes): a stacked reform still running for
    // an older one stops at its next step.
    let generation = use_mut_ref(|| 0_u64);
    {
        let stacked = stacked.clone();
        use_effect_with(
            (props.scenario.clone(), (*order).clone()),
            move |(scenario, order)| {
                // Dropping a pending timeout cancels it: only the latest input runs.
                timer.borrow_mut().take();
                *generation.borrow_mut() += 1;
                let mine = *generation.borrow();
                let (scenario, order) = (scenario.clone(), order.clone());
                let current = generation.clone();
                let handle = Timeout::new(QUIET_MS, move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        let stale = || *current.borrow() != mine;
                        let mut stacker = Stacker::new(&scenario, &order);
                        let result = loop {
                            if stale() {
                                return;
                            }
                            match stacker.advance() {
                                Ok(true) => break Ok(Rc::new(stacker.finish())),
                                Ok(false) => yield_to_browser().await,
                                Err(e) => break Err(e.to_string()),
                            }
                        };
                        if !stale() {
                            stacked.set(Some(Rc::new(Stacked {
                                key: (scenario, order),
                                result,
                            })));
                        }
                    });
                });
                *timer.borrow_mut() = Some(handle);
                move || *generation.borrow_mut() += 1
            },
        );
    }
    let region = props.scenario.region();
    let current = (*stacked)
        .clone()
        .filter(|s| s.key.0 == props.scenario && s.key.1 == *order);
    let on_output = crate::ui::select_index(&chosen);
    let mover = |at: usize, up: bool| {
        let order = order.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*order).clone();
            let other = if up { at.checked_sub(1) } else { Some(at + 1) };
            if let Some(other) = other.filter(|o| *o < next.len()) {
                next.swap(at, other);
                order.set(next);
            }
        })
    };
    let output = &OUTPUTS[*chosen];
    let baseline_name = present::baseline_short(props.scenario.has_custom_baseline());
    html! {
        <section class="reform" id="reform" aria-labelledby="reform-title">
            <h2 id="reform-title">{ "What each part of the reform does" }</h2>
            <p class="explain">
                { format!("Your scenario's policies, added to the {baseline_name} one part at a \
                   time in the order below. Each step is a full run of the model under the fiscal \
                   rule, so a part's effect depends on what came before it: change the order to \
                   see by how much.") }
            </p>
            <ol class="reform-order">
                { for order.iter().enumerate().map(|(at, &k)| html! {
                    <li>
                        { COMPONENTS[k].name }
                        <button type="button" class="link" disabled={at == 0}
                            aria-label={format!("Move {} earlier", COMPONENTS[k].name)}
                            onclick={mover(at, true)}>{ "↑" }</button>
                        <button type="button" class="link" disabled={at + 1 == order.len()}
                            aria-label={format!("Move {} later", COMPONENTS[k].name)}
                            onclick={mover(at, false)}>{ "↓" }</button>
                    </li>
                }) }
            </ol>
            <label>
                { "Figure " }
                <select id="reform-output" onchange={on_output}>
                    { for present::HEADLINES.iter().filter_map(|id| catalog::output(id)).map(|(i, o)| html! {
                        <option value={i.to_string()} selected={i == *chosen}>{ o.label }</option>
                    }) }
                </select>
            </label>
            {
                match current.as_ref().map(|s| &s.result) {
                    None => html! { <p class="pending" id="reform-pending">{ "Running each step…" }</p> },
                    Some(Err(why)) => html! { <p class="notice error" id="reform-error">{ why.clone() }</p> },
                    Some(Ok(d)) => waterfall(d, *chosen, props.year, output, region, baseline_name),
                }
            }
        </section>
    }
}

/// The waterfall as a table: the baseline, each part's step from the running total (an SVG
/// bar floating where it starts and ends), and the whole reform.
fn waterfall(
    d: &Decomposition,
    output: usize,
    year: usize,
    spec: &catalog::OutputSpec,
    region: &catalog::RegionSpec,
    baseline_name: &str,
) -> Html {
    let t = year.min(d.steps[0].ncols().saturating_sub(1));
    let calendar = catalog::BASE_YEAR + t as i32;
    let (base, reform) = d.ends(output, t);
    let levels: Vec<f64> = d.steps.iter().map(|s| s[[output, t]]).collect();
    let low = levels.iter().copied().fold(f64::INFINITY, f64::min);
    let high = levels.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // The axis starts at zero for levels that are all positive, as on the charts.
    let low = if low >= 0.0 { 0.0 } else { low };
    let span = (high - low).max(1e-12);
    let x = |v: f64| 200.0 * (v - low) / span;
    let bar = |from: f64, to: f64, class: &'static str| {
        let (a, b) = (x(from.min(to)), x(from.max(to)));
        html! {
            <svg class="step" viewBox="0 0 200 20" preserveAspectRatio="none" aria-hidden="true">
                <rect {class} x={format!("{a:.2}")} y="3" width={format!("{:.2}", (b - a).max(0.6))} height="14" />
            </svg>
        }
    };
    let good = |delta: f64| match present::higher_is_better(spec.id) {
        Some(better) if delta.abs() > 0.0 => {
            if (delta > 0.0) == better {
                "good"
            } else {
                "bad"
            }
        }
        _ => "neutral",
    };
    let value = |v: f64| units::with_unit(v, spec.unit, spec.decimals, region);
    html! {
        <table class="waterfall" id="waterfall">
            <caption>{ format!("{} in {calendar}: from the {baseline_name} to your scenario", spec.label) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Step" }</th>
                    <th scope="col">{ "Change" }</th>
                    <th scope="col">{ "Level" }</th>
                    <th scope="col" class="track-head">{ "Waterfall" }</th>
                </tr>
            </thead>
            <tbody>
                <tr class="total">
                    <th scope="row">{ format!("The {baseline_name}") }</th>
                    <td></td>
                    <td>{ value(base) }</td>
                    <td class="track">{ bar(low.max(0.0).min(base), base, "level") }</td>
                </tr>
                { for d.order.iter().enumerate().map(|(k, &c)| {
                    let delta = d.contribution(k, output, t);
                    html! {
                        <tr>
                            <th scope="row">{ format!("+ {}", COMPONENTS[c].name) }</th>
                            <td class={good(delta)}>{ present::difference(spec, delta, region) }</td>
                            <td>{ value(levels[k + 1]) }</td>
                            <td class="track">{ bar(levels[k], levels[k + 1], good(delta)) }</td>
                        </tr>
                    }
                }) }
                <tr class="total">
                    <th scope="row">{ "Your scenario" }</th>
                    <td>{ present::difference(spec, reform - base, region) }</td>
                    <td>{ value(reform) }</td>
                    <td class="track">{ bar(low.max(0.0).min(reform), reform, "level") }</td>
                </tr>
            </tbody>
        </table>
    }
}

/// Lets the browser paint and handle input (a new task) before the next model run.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if scheduled != Some(true) {
            // No timer to wait for: go on at once.
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    // The promise only resolves; there is no error to report.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
