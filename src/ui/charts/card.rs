//! One chart card. The canvas is drawn after render; the legend, the summary and the data
//! table are HTML, so screen readers and keyboard users get everything the chart shows.

use crate::catalog::{self, output as o, units};
use crate::model::{ModelError, Outcome};
use crate::present::{self, ChartSpec};
use crate::ui::chart::{self, Series, SeriesChart};
use crate::uncertainty::Bands;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// One model run, identified by a counter so that components compare runs cheaply.
#[derive(Clone)]
pub struct Run {
    pub id: u64,
    pub outcome: Rc<Result<Outcome, ModelError>>,
    /// The scenario the outcome is the run of (the inputs may have moved on since).
    pub scenario: Rc<crate::scenario::Scenario>,
    /// The pinned scenario A's run, when comparing.
    pub pinned: Option<Rc<Outcome>>,
    /// The scenario's Monte Carlo bands, when shown and computed for this scenario.
    pub bands: Option<Rc<Bands>>,
    /// The dashed line is the reader's own baseline rather than the status quo.
    pub custom_baseline: bool,
    /// Bands are switched on (they may still be computing): legends and headlines keep
    /// their place for them, so nothing shifts when they arrive.
    pub bands_on: bool,
}

impl PartialEq for Run {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.pinned.as_ref().map(Rc::as_ptr) == other.pinned.as_ref().map(Rc::as_ptr)
            && self.bands.as_ref().map(Rc::as_ptr) == other.bands.as_ref().map(Rc::as_ptr)
            && self.bands_on == other.bands_on
    }
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub spec: ChartSpec,
    pub run: Run,
    pub region: &'static str,
    /// The year the headline strip shows (marked on the chart).
    pub year: i32,
    /// Bumped when the layout changes size, to redraw at the new size.
    pub layout: u32,
    /// The chart a lesson step points at: highlighted.
    #[prop_or_default]
    pub focus: bool,
    /// The share link of the scenario (printed in exported images).
    #[prop_or_default]
    pub link: String,
    /// Opens the timeline of the phases the shading marks (none in an embed).
    #[prop_or_default]
    pub on_phases: Option<Callback<()>>,
}

#[function_component(ChartCard)]
pub fn chart_card(props: &CardProps) -> Html {
    let canvas = use_node_ref();
    let problem = use_state(|| None::<String>);
    let table_open = use_state(|| false);
    {
        let canvas = canvas.clone();
        let problem = problem.clone();
        let spec = props.spec;
        let region = props.region;
        use_effect_with(
            (props.run.clone(), props.year, props.layout),
            move |(run, year, _)| {
                if let (Ok(outcome), Some(element)) =
                    (run.outcome.as_ref(), canvas.cast::<HtmlCanvasElement>())
                {
                    let result = crate::ui::timing::measured("mapsim:draw", || {
                        draw(&element, &spec, run, outcome, region, *year)
                    });
                    problem.set(result.err());
                }
            },
        );
    }
    let Some(region) = catalog::region(props.region) else {
        return html! {};
    };
    let Ok(outcome) = props.run.outcome.as_ref() else {
        return html! {};
    };
    let spec = &props.spec;
    let values_note = present::values_note(spec, region);
    let on_png = {
        let (run, spec, year, link) = (
            props.run.clone(),
            props.spec,
            props.year,
            props.link.clone(),
        );
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(outcome) = run.outcome.as_ref() {
                match crate::ui::png::chart_png(&spec, outcome, &run, region, year, &link) {
                    Ok((url, name)) => crate::ui::saved::download_url(&name, &url),
                    Err(e) => problem.set(Some(e)),
                }
            }
        })
    };
    let summary = present::summary(spec, outcome, region);
    let on_toggle = {
        let table_open = table_open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            table_open.set(details.open());
        })
    };
    html! {
        <figure class={classes!("card", props.focus.then_some("focus"))} id={format!("chart-{}", spec.id)}
            data-bands={props.run.bands.as_ref().map(|b| b.draws.to_string())}>
            <figcaption>
                <span class="family">{ spec.family }</span>
                <h3>{ spec.title }</h3>
            </figcaption>
            <ul class="legend">
                { for spec.outputs.iter().enumerate().filter_map(|(k, id)| {
                    catalog::output(id).map(|(_, out)| html! {
                        <li><span class={classes!("swatch", format!("swatch-{}", k % chart::PALETTE.len()))}></span>
                            { out.label }</li>
                    })
                }) }
                <li><span class="swatch dashed"></span>{ present::baseline_legend(props.run.custom_baseline) }</li>
                if let Some(on_phases) = props.on_phases.clone() {
                    <li><button type="button" class="link phases-link"
                        onclick={Callback::from(move |_: MouseEvent| on_phases.emit(()))}>
                        { "shaded years: the phases in force" }</button></li>
                }
                if props.run.pinned.is_some() {
                    <li><span class="swatch dotted"></span>{ "dotted: pinned scenario A" }</li>
                }
                if props.run.bands_on {
                    <li><span class="swatch band"></span>{ band_legend(props.run.bands.as_deref()) }</li>
                }
            </ul>
            <canvas ref={canvas} class="chart" role="img"
                aria-label={format!("{}. {summary}", spec.title)} />
            <p class="axis-unit">{ values_note }</p>
            if let Some(text) = (*problem).clone() {
                <p class="notice" role="alert">{ format!("This chart could not be drawn: {text}") }</p>
            }
            <button type="button" class="link png" onclick={on_png}
                aria-label={format!("Download {} as a PNG image", spec.title)}>{ "PNG" }</button>
            <details class="data" ontoggle={on_toggle}>
                <summary>{ "Summary and data table" }</summary>
                <p>{ summary }</p>
                // Built only while open: formatting every cell on every slider input would
                // cost the UI update more than the rest of the card.
                if *table_open {
                    { table(spec, outcome, region, present::baseline_short(props.run.custom_baseline)) }
                }
            </details>
        </figure>
    }
}

/// The legend entry of the fan: what the shading means, in words.
fn band_legend(bands: Option<&Bands>) -> String {
    match bands {
        Some(b) => format!(
            "shaded: where 50 % (dark) and 90 % (light) of {} model draws with uncertain parameters fall",
            b.draws
        ),
        None => "shaded: uncertainty bands (computing…)".into(),
    }
}

/// The lines (and fans) of `spec`'s outputs in a run: shared by the screen and PNG export.
pub(crate) fn series_of<'a>(
    spec: &ChartSpec,
    outcome: &'a Outcome,
    run: &'a Run,
) -> Vec<Series<'a>> {
    spec.outputs
        .iter()
        .filter_map(|id| catalog::output(id))
        .map(|(i, out)| Series {
            label: out.label,
            scenario: outcome.scenario.get(i),
            baseline: outcome.baseline.get(i),
            pinned: run.pinned.as_deref().map(|a| a.scenario.get(i)),
            band: run
                .bands
                .as_deref()
                .map(|b| [0, 1, 2, 3, 4].map(|level| b.get(level, i))),
        })
        .collect()
}

fn draw(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    run: &Run,
    outcome: &Outcome,
    region: &'static str,
    year: i32,
) -> Result<(), String> {
    let region = catalog::region(region).ok_or("unknown region")?;
    let series = series_of(spec, outcome, run);
    let unit = units::unit_label(spec.unit, region);
    chart::draw(
        canvas,
        &SeriesChart {
            y_label: &unit,
            years: &outcome.years,
            series,
            phases: outcome.scenario.get(o::PHASE),
            marker: Some(year),
            from_zero: present::from_zero(spec),
        },
    )
}

fn table(
    spec: &ChartSpec,
    outcome: &Outcome,
    region: &catalog::RegionSpec,
    baseline: &str,
) -> Html {
    let columns: Vec<_> = spec
        .outputs
        .iter()
        .filter_map(|id| catalog::output(id))
        .collect();
    let rows = (0..outcome.years.len()).filter(|t| t % 5 == 0 || *t + 1 == outcome.years.len());
    html! {
        <table>
            <thead>
                <tr>
                    <th scope="col">{ "Year" }</th>
                    { for columns.iter().map(|(_, out)| html! {
                        <>
                            <th scope="col">{ out.label }</th>
                            <th scope="col">{ format!("{} ({baseline})", out.label) }</th>
                        </>
                    }) }
                </tr>
            </thead>
            <tbody>
                { for rows.map(|t| html! {
                    <tr>
                        <th scope="row">{ outcome.years[t] }</th>
                        { for columns.iter().map(|(i, out)| {
                            let (s, b) = outcome.at(*i, t);
                            html! {
                                <>
                                    <td>{ units::with_unit(s, out.unit, out.decimals, region) }</td>
                                    <td>{ units::with_unit(b, out.unit, out.decimals, region) }</td>
                                </>
                            }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
