//! "The phases in force": a timeline of the production phases the scenario puts in force,
//! with where each produces, what it can make of each category of the basket, who owns it
//! and what its goods cost (decided in `present::phases`; drawn here). The phase shading of
//! every chart links to it.

use crate::present::phases::{timeline, PhaseRow};
use crate::scenario::Scenario;
use yew::prelude::*;

/// The element id charts link to.
pub const ANCHOR: &str = "phases";

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub scenario: Scenario,
}

#[function_component(PhaseTimeline)]
pub fn phase_timeline(props: &TimelineProps) -> Html {
    let rows = timeline(&props.scenario);
    let (first, last) = match (rows.first(), rows.last()) {
        (Some(a), Some(b)) => (a.from, b.to),
        _ => {
            return html! {
                <section class="card phases" id={ANCHOR}>
                    <h3>{ "The phases in force" }</h3>
                    <p>{ "No production phase starts within the horizon: everything is bought from market firms." }</p>
                </section>
            };
        }
    };
    let span = f64::from((last - first + 1).max(1));
    html! {
        <section class="card phases" id={ANCHOR} aria-labelledby="phases-title">
            <h3 id="phases-title">{ "The phases in force" }</h3>
            <p class="phases-note">{ "Each phase makes only part of the basket: the share of each category it can make at full take-up (models/phases.toml). How much it actually makes is the take-up of the year (which grows toward the support for P2P) times that." }</p>
            // An SVG bar, not styled boxes: the page's Content-Security-Policy allows no
            // inline styles, and attributes of SVG shapes are not styles.
            <svg class="phase-bar" aria-hidden="true" focusable="false">
                { for rows.iter().map(|r| {
                    // Percentages of the bar's width, so the labels keep their shape.
                    let x = 100.0 * f64::from(r.from - first) / span;
                    let width = 100.0 * f64::from(r.to - r.from + 1) / span;
                    html! {
                        <g>
                            <rect class={format!("phase-{}", r.number)} x={format!("{x:.2}%")} y="0"
                                width={format!("{width:.2}%")} height="28" />
                            <text x={format!("{:.2}%", x + 0.6)} y="19">
                                { format!("{} {} · {}–{}", r.number, r.name, r.from, r.to) }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ "Phase" }</th>
                            <th scope="col">{ "Years" }</th>
                            <th scope="col">{ "Where" }</th>
                            <th scope="col">{ "What it can make" }</th>
                            <th scope="col">{ "What it cannot" }</th>
                            <th scope="col">{ "Owned by" }</th>
                            <th scope="col">{ "Unit cost" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(row) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn row(r: &PhaseRow) -> Html {
    html! {
        <tr>
            <th scope="row">{ format!("{} {}", r.number, r.name) }</th>
            <td>{ format!("{}–{}", r.from, r.to) }</td>
            <td>{ r.place }</td>
            <td>{ &r.makes }</td>
            <td>{ &r.cannot }</td>
            <td>{ r.owners }</td>
            <td>{ format!("{:.0} % of the market price", r.unit_cost) }</td>
        </tr>
    }
}
