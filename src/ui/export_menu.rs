//! The export menu: the numbers as CSV (with a header that records the scenario), the
//! scenario and its results as JSON, the books of the chosen year as CSV, and the Monte Carlo
//! bands as CSV once they are in, the stacked reform and the winners and losers of the chosen
//! year.

use super::charts::Run;
use super::saved;
use super::url;
use crate::export;
use crate::link::Link;
use crate::scenario::{Notice, NoticeKind};
use crate::uncertainty::{MonteCarlo, DEFAULT_SEED};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub link: Link,
    pub run: Option<Run>,
    /// Index of the chosen year (for the books).
    pub year: usize,
    pub on_notice: Callback<Notice>,
}

#[function_component(ExportMenu)]
pub fn export_menu(props: &ExportProps) -> Html {
    let region = props.link.scenario.region().id;
    let make = |kind: &'static str| {
        let (link, run, year, on_notice) = (
            props.link.clone(),
            props.run.clone(),
            props.year,
            props.on_notice.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(outcome) = run.as_ref().and_then(|r| r.outcome.as_ref().as_ref().ok()) else {
                return;
            };
            let scenario = &link.scenario;
            let result = match kind {
                "csv" => saved::download_as(
                    &format!("mapsim-{region}-series.csv"),
                    &export::series_csv_with_header(scenario, &url::absolute(&link), outcome),
                    "text/csv",
                ),
                "bands" => match run.as_ref().and_then(|r| r.bands.as_deref()) {
                    Some(bands) => saved::download_as(
                        &format!("mapsim-{region}-bands.csv"),
                        &export::bands_csv(
                            scenario,
                            outcome,
                            &MonteCarlo::new(scenario, DEFAULT_SEED),
                            bands,
                        ),
                        "text/csv",
                    ),
                    None => Err("The uncertainty bands are not computed yet.".into()),
                },
                // Each part of the reform added in the default order (the CLI's `decompose`).
                "reform" => {
                    let t = year.min(outcome.years.len().saturating_sub(1));
                    let order = crate::decompose::default_order();
                    match crate::decompose::decompose(scenario, &order) {
                        Ok(d) => saved::download_as(
                            &format!("mapsim-{region}-reform-{}.csv", outcome.years[t]),
                            &export::decomposition_csv(
                                scenario,
                                &url::absolute(&link),
                                &d,
                                t,
                                outcome.years[t],
                            ),
                            "text/csv",
                        ),
                        Err(e) => Err(e.to_string()),
                    }
                }
                // Who gains and who pays in the chosen year (the CLI's `winners`).
                "winners" => {
                    let t = year.min(outcome.years.len().saturating_sub(1));
                    match crate::present::winners::winners(outcome, t) {
                        Some(w) => saved::download_as(
                            &format!("mapsim-{region}-winners-{}.csv", outcome.years[t]),
                            &export::winners_csv(scenario, &url::absolute(&link), &w),
                            "text/csv",
                        ),
                        None => Err("This run keeps no household detail.".into()),
                    }
                }
                "json" => saved::download(
                    &format!("mapsim-{region}-scenario-and-results.json"),
                    &export::outcome_json(scenario, outcome),
                ),
                _ => {
                    let t = year.min(outcome.years.len().saturating_sub(1));
                    saved::download_as(
                        &format!("mapsim-{region}-books-{}.csv", outcome.years[t]),
                        &export::books_csv(outcome, t),
                        "text/csv",
                    )
                }
            };
            if let Err(message) = result {
                on_notice.emit(Notice::new(NoticeKind::Failed, "export", message));
            }
        })
    };
    html! {
        <details class="share export" id="export-menu">
            <summary>{ "Export" }</summary>
            <div class="share-body">
                <button type="button" onclick={make("csv")} disabled={props.run.is_none()}>
                    { "Every series (CSV)" }
                </button>
                <button type="button" onclick={make("json")} disabled={props.run.is_none()}>
                    { "Scenario and results (JSON)" }
                </button>
                <button type="button" onclick={make("books")} disabled={props.run.is_none()}>
                    { "Books of the chosen year (CSV)" }
                </button>
                <button type="button" id="export-reform" onclick={make("reform")} disabled={props.run.is_none()}>
                    { "What each part of the reform does (CSV)" }
                </button>
                <button type="button" id="export-winners" onclick={make("winners")} disabled={props.run.is_none()}>
                    { "Who gains and who pays, the chosen year (CSV)" }
                </button>
                <button type="button" id="export-bands" onclick={make("bands")}
                    disabled={props.run.as_ref().is_none_or(|r| r.bands.is_none())}>
                    { "Uncertainty bands (CSV)" }
                </button>
                <p class="share-status">
                    { "The CSV starts with # lines recording the model version, region, every parameter and the link." }
                </p>
            </div>
        </details>
    }
}
