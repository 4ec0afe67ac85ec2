//! Who gains and who pays (Distribution tab): the change of each decile's real income, the
//! shares of people better and worse off, by person group and household type, in the year
//! the headline strip shows (`present::winners`).

use super::Run;
use crate::catalog::{self, units, Unit};
use crate::model::HouseholdType;
use crate::present::winners::{winners, Shares, Winners, PERSON_GROUPS};
use crate::ui::distribution;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WinnersProps {
    pub run: Run,
    pub region: &'static str,
    /// Index of the chosen year.
    pub year: usize,
    pub layout: u32,
}

/// "62 % of people are better off…": the one sentence the card (and the headline) opens with.
pub fn summary(w: &Winners) -> String {
    let pct = |v: f64| format!("{} %", units::number(v, 0));
    format!(
        "In {}, {} of people are better off by more than 1 % in real terms and {} worse off.",
        w.year,
        pct(w.all.better[0]),
        pct(w.all.worse[0])
    )
}

#[function_component(WinnersCard)]
pub fn winners_card(props: &WinnersProps) -> Html {
    let canvas = use_node_ref();
    let problem = use_state(|| None::<String>);
    let t = match props.run.outcome.as_ref() {
        Ok(o) => props.year.min(o.years.len().saturating_sub(1)),
        Err(_) => 0,
    };
    // Keyed on the run alone, not its bands: their arrival does not recompute this.
    let result = {
        let run = props.run.clone();
        use_memo((props.run.id, t), move |(_, t)| {
            match run.outcome.as_ref() {
                Ok(o) => winners(o, *t),
                Err(_) => None,
            }
        })
    };
    {
        let (canvas, problem, result) = (canvas.clone(), problem.clone(), result.clone());
        use_effect_with((result, props.layout), move |(result, _)| {
            if let (Some(w), Some(c)) = (result.as_ref(), canvas.cast::<HtmlCanvasElement>()) {
                let change = w.deciles.map(|d| d.real_pct);
                problem.set(distribution::draw_change_by_decile(&c, &change).err());
            }
        });
    }
    let (Some(w), Some(region)) = ((*result).clone(), catalog::region(props.region)) else {
        return html! {};
    };
    let money = |v: f64| units::with_unit(v, Unit::CurrencyMonth, 0, region);
    let signed_money = |v: f64| {
        let text = money(v.abs());
        if v < 0.0 {
            format!("−{text}")
        } else {
            format!("+{text}")
        }
    };
    let pct = |v: f64| format!("{} %", units::number(v, 1));
    let signed_pct = |v: f64| {
        let text = pct(v.abs());
        if v < 0.0 {
            format!("−{text}")
        } else {
            format!("+{text}")
        }
    };
    let baseline = crate::present::baseline_short(props.run.custom_baseline);
    let row = |label: &str, s: &Shares| {
        html! {
            <tr>
                <th scope="row">{ label.to_string() }</th>
                <td class="good">{ pct(s.better[1]) }</td>
                <td class="good">{ pct(s.better[0]) }</td>
                <td class="bad">{ pct(s.worse[0]) }</td>
                <td class="bad">{ pct(s.worse[1]) }</td>
            </tr>
        }
    };
    let (first, last) = (w.deciles[0], w.deciles[9]);
    html! {
        <>
            <figure class="card" id="chart-winners">
                <figcaption>
                    <span class="family">{ "Distribution" }</span>
                    <h3>{ format!("{}, {}", crate::present::view_title("winners"), w.year) }</h3>
                </figcaption>
                <p class="lead" id="winners-summary">{ summary(&w) }</p>
                <p class="axis-unit">{ format!("Change in each person's real disposable income per equivalent adult (prices included: peer production and VAT), scenario against the {baseline}. People are ranked once, by their income in the {baseline}, so each tenth holds the same people in both.") }</p>
                <canvas ref={canvas} class="chart" role="img"
                    aria-label={format!("Change in real income by decile in {}: poorest tenth {} ({}), richest tenth {} ({}).",
                        w.year, signed_pct(first.real_pct), signed_money(first.real), signed_pct(last.real_pct), signed_money(last.real))} />
                <details class="data">
                    <summary>{ "Data table" }</summary>
                    <table id="winners-deciles">
                        <thead><tr>
                            <th scope="col">{ "Decile" }</th>
                            <th scope="col">{ format!("Income in the {baseline}") }</th>
                            <th scope="col">{ "Change" }</th>
                            <th scope="col">{ "Change (%)" }</th>
                            <th scope="col">{ "Real change" }</th>
                            <th scope="col">{ "Real change (%)" }</th>
                        </tr></thead>
                        <tbody>
                            { for w.deciles.iter().enumerate().map(|(d, c)| html! {
                                <tr>
                                    <th scope="row">{ d + 1 }</th>
                                    <td>{ money(c.baseline) }</td>
                                    <td>{ signed_money(c.money) }</td>
                                    <td>{ signed_pct(c.money_pct) }</td>
                                    <td>{ signed_money(c.real) }</td>
                                    <td>{ signed_pct(c.real_pct) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            </figure>
            <figure class="card" id="chart-winners-groups">
                <figcaption>
                    <span class="family">{ "Distribution" }</span>
                    <h3>{ format!("Better and worse off, by group, {}", w.year) }</h3>
                </figcaption>
                <p class="axis-unit">{ format!("Share of people whose real disposable income per equivalent adult is higher (or lower) than in the {baseline} by more than 5 % and by more than 1 %. Children count with their household.") }</p>
                <table class="shares" id="winners-shares">
                    <thead><tr>
                        <th scope="col">{ "People" }</th>
                        <th scope="col">{ "Gain > 5 %" }</th>
                        <th scope="col">{ "Gain > 1 %" }</th>
                        <th scope="col">{ "Lose > 1 %" }</th>
                        <th scope="col">{ "Lose > 5 %" }</th>
                    </tr></thead>
                    <tbody>
                        { row("Everyone", &w.all) }
                        { for PERSON_GROUPS.iter().zip(&w.by_person).map(|((_, label), s)| row(label, s)) }
                        { for HouseholdType::ALL.iter().zip(&w.by_household).map(|(h, s)| row(h.label(), s)) }
                    </tbody>
                </table>
            </figure>
            if let Some(text) = (*problem).clone() {
                <p class="notice" role="alert">{ format!("The winners chart could not be drawn: {text}") }</p>
            }
        </>
    }
}
