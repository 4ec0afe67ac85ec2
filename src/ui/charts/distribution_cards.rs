//! The distribution tab: Lorenz curves of income and wealth, and income by decile, for the
//! year the headline strip shows.

use super::Run;
use crate::catalog::{self, units, Unit};
use crate::ui::distribution;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DistributionProps {
    pub run: Run,
    pub region: &'static str,
    /// Index of the chosen year.
    pub year: usize,
    pub layout: u32,
}

#[function_component(DistributionCards)]
pub fn distribution_cards(props: &DistributionProps) -> Html {
    let lorenz = use_node_ref();
    let deciles = use_node_ref();
    let problem = use_state(|| None::<String>);
    {
        let (lorenz, deciles, problem) = (lorenz.clone(), deciles.clone(), problem.clone());
        let region = props.region;
        use_effect_with(
            (props.run.clone(), props.year, props.layout),
            move |(run, t, _)| {
                let Ok(outcome) = run.outcome.as_ref() else {
                    return;
                };
                let t = (*t).min(outcome.years.len().saturating_sub(1));
                let (Some(s), Some(b)) = (
                    outcome.scenario.snapshots.get(t),
                    outcome.baseline.snapshots.get(t),
                ) else {
                    return;
                };
                let unit = catalog::region(region)
                    .map(|r| units::unit_label(Unit::CurrencyMonth, r))
                    .unwrap_or_default();
                let mut result = Ok(());
                if let Some(canvas) = lorenz.cast::<HtmlCanvasElement>() {
                    result = distribution::draw_lorenz(
                        &canvas,
                        &[
                            (&s.income_lorenz[..], &b.income_lorenz[..]),
                            (&s.wealth_lorenz[..], &b.wealth_lorenz[..]),
                        ],
                    );
                }
                if let (Ok(()), Some(canvas)) = (&result, deciles.cast::<HtmlCanvasElement>()) {
                    result = distribution::draw_deciles(
                        &canvas,
                        &s.income_deciles,
                        &b.income_deciles,
                        &unit,
                    );
                }
                problem.set(result.err());
            },
        );
    }
    let Ok(outcome) = props.run.outcome.as_ref() else {
        return html! {};
    };
    let Some(region) = catalog::region(props.region) else {
        return html! {};
    };
    let t = props.year.min(outcome.years.len().saturating_sub(1));
    let year = outcome.years.get(t).copied().unwrap_or_default();
    let (Some(s), Some(b)) = (
        outcome.scenario.snapshots.get(t),
        outcome.baseline.snapshots.get(t),
    ) else {
        return html! {};
    };
    let money = |v: f64| units::with_unit(v, Unit::CurrencyMonth, 0, region);
    let share = |v: f64| format!("{} %", units::number(100.0 * v, 1));
    html! {
        <>
            <figure class="card" id="chart-lorenz">
                <figcaption>
                    <span class="family">{ "Distribution" }</span>
                    <h3>{ format!("Who holds income and wealth, {year}") }</h3>
                </figcaption>
                <ul class="legend">
                    <li><span class="swatch swatch-0"></span>{ "Income" }</li>
                    <li><span class="swatch swatch-1"></span>{ "Wealth" }</li>
                    <li><span class="swatch dashed"></span>{ crate::present::baseline_legend(props.run.custom_baseline) }</li>
                </ul>
                <canvas ref={lorenz} class="chart" role="img"
                    aria-label={format!("Lorenz curves for {year}: the poorest half of people hold {} of income ({} in the baseline); the poorest half of adults hold {} of wealth ({} in the baseline).",
                        share(s.income_lorenz[s.income_lorenz.len() / 2]), share(b.income_lorenz[b.income_lorenz.len() / 2]),
                        share(s.wealth_lorenz[s.wealth_lorenz.len() / 2]), share(b.wealth_lorenz[b.wealth_lorenz.len() / 2]))} />
                <p class="axis-unit">{ "The further a curve sags below the diagonal, the more unequal the distribution. Income: each person counts with their household's disposable income per equivalent adult (OECD-modified scale: 1 for the first adult, 0.5 for each other adult, 0.3 for each child). Wealth: per adult, as the wealth surveys publish it." }</p>
            </figure>
            <figure class="card" id="chart-deciles">
                <figcaption>
                    <span class="family">{ "Distribution" }</span>
                    <h3>{ format!("Income by decile, {year}") }</h3>
                </figcaption>
                <ul class="legend">
                    <li><span class="swatch swatch-0"></span>{ "Scenario" }</li>
                    <li><span class="swatch swatch-1"></span>{ crate::present::baseline_short(props.run.custom_baseline) }</li>
                </ul>
                <p class="axis-unit">{ "Mean real disposable income per equivalent adult a month in each tenth of people, poorest first (household income over the OECD-modified scale, so a couple with two children needs 2.1 times a single adult's income to live as well)." }</p>
                <canvas ref={deciles} class="chart" role="img"
                    aria-label={format!("Mean real equivalised disposable income per person by decile in {year}: poorest tenth {} ({} in the baseline), richest tenth {} ({} in the baseline).",
                        money(s.income_deciles[0]), money(b.income_deciles[0]), money(s.income_deciles[9]), money(b.income_deciles[9]))} />
                <details class="data">
                    <summary>{ "Data table" }</summary>
                    <table>
                        <thead><tr><th scope="col">{ "Decile" }</th><th scope="col">{ "Scenario" }</th><th scope="col">{ crate::present::baseline_short(props.run.custom_baseline) }</th></tr></thead>
                        <tbody>
                            { for (0..10).map(|d| html! {
                                <tr><th scope="row">{ d + 1 }</th><td>{ money(s.income_deciles[d]) }</td><td>{ money(b.income_deciles[d]) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            </figure>
            if let Some(text) = (*problem).clone() {
                <p class="notice" role="alert">{ format!("A distribution chart could not be drawn: {text}") }</p>
            }
        </>
    }
}
