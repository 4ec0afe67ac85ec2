//! The thin slice: the Basic Income slider (United States) and the median-income chart,
//! both on the real engine.

use super::chart::{self, LineChart};
use crate::catalog::{self, output as o, param as p, units};
use crate::model::{run, Outcome};
use crate::scenario::Scenario;
use web_sys::{HtmlCanvasElement, HtmlInputElement};
use yew::prelude::*;

/// The region of the slice (the full app adds a selector).
const REGION: &str = "us";

fn scenario_with(bi: f64) -> Scenario {
    let region = catalog::region(REGION).unwrap_or(&catalog::REGIONS[0]);
    let mut scenario = Scenario::for_region(region);
    // `set` clamps to the range and reports a notice; the slider never leaves the range.
    let _ = scenario.set(p::BI, bi);
    scenario
}

/// The slice's one component.
#[function_component(App)]
pub fn app() -> Html {
    let region = catalog::region(REGION).unwrap_or(&catalog::REGIONS[0]);
    let spec = &catalog::PARAMS[p::BI];
    let range = spec.range(region);
    let bi = use_state(|| range.default);
    let outcome = use_memo(*bi, |bi| run(&scenario_with(*bi)));
    let canvas = use_node_ref();
    let problem = use_state(|| None::<String>);

    {
        let canvas = canvas.clone();
        let problem = problem.clone();
        use_effect_with(outcome.clone(), move |outcome| {
            let result = match (outcome.as_ref(), canvas.cast::<HtmlCanvasElement>()) {
                (Ok(outcome), Some(element)) => draw_income(&element, outcome),
                (Err(e), _) => Err(e.to_string()),
                (Ok(_), None) => Ok(()),
            };
            problem.set(result.err());
        });
    }

    let oninput = {
        let bi = bi.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Ok(value) = input.value().parse::<f64>() {
                bi.set(value);
            }
        })
    };
    let currency = units::unit_label(spec.unit, region);
    let value_text = format!("{} {currency}", units::number(*bi, 0));
    let summary = match outcome.as_ref() {
        Ok(outcome) => income_summary(outcome, &currency),
        Err(e) => e.to_string(),
    };

    html! {
        <main class="slice">
            <header>
                <h1>{ "mapsim" }</h1>
                <p class="lede">
                    { "Mutually Assured Production: how a Basic Income and peer production carry \
                       an economy through automation. Move the slider to set the Basic Income \
                       every adult in the United States receives, and watch the median income." }
                </p>
            </header>
            <section class="control" aria-labelledby="bi-label">
                <label id="bi-label" for="bi">{ spec.label }</label>
                <input id="bi" type="range"
                    min={range.min.to_string()} max={range.max.to_string()}
                    step={range.step.to_string()} value={bi.to_string()}
                    aria-valuetext={value_text.clone()}
                    {oninput} />
                <output for="bi" aria-live="polite">{ value_text }</output>
                <p class="help">{ spec.help }</p>
            </section>
            <figure class="chart-box">
                <canvas ref={canvas} id="income-chart" class="chart" role="img"
                    aria-label="Line chart: median real disposable income, scenario and no-policy baseline" />
                <figcaption>{ summary }</figcaption>
            </figure>
            if let Some(text) = (*problem).clone() {
                <p class="notice" role="alert">{ text }</p>
            }
        </main>
    }
}

fn draw_income(canvas: &HtmlCanvasElement, outcome: &Outcome) -> Result<(), String> {
    let label = catalog::OUTPUTS[o::MEDIAN_INCOME].label;
    chart::draw(
        canvas,
        &LineChart {
            title: label,
            y_label: "USD a month (base-year prices)",
            years: &outcome.years,
            scenario: outcome.scenario.get(o::MEDIAN_INCOME),
            baseline: outcome.baseline.get(o::MEDIAN_INCOME),
        },
    )
}

fn income_summary(outcome: &Outcome, currency: &str) -> String {
    let last = outcome.years.len().saturating_sub(1);
    let (scenario, baseline) = outcome.at(o::MEDIAN_INCOME, last);
    format!(
        "In {}, the median adult has {} {currency} of real disposable income, against {} \
         without the policy (dashed line).",
        outcome.years.get(last).copied().unwrap_or_default(),
        units::number(scenario, 0),
        units::number(baseline, 0),
    )
}
