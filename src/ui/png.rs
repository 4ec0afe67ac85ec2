//! PNG export of a chart at twice its screen resolution, with its title, legend and a
//! caption naming mapsim and the scenario, so the image stands on its own in a report.

use super::chart::{self, SeriesChart, PALETTE};
use super::charts::{series_of, Run};
use crate::catalog::{self, output as o, units};
use crate::model::Outcome;
use crate::present::{self, ChartSpec};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

const SCALE: f64 = 2.0;
const WIDTH: f64 = 720.0;
const CHART_HEIGHT: f64 = 420.0;
const HEADER: f64 = 78.0;
const FOOTER: f64 = 40.0;

fn canvas(width: f64, height: f64) -> Result<HtmlCanvasElement, String> {
    let c: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .map_err(|_| "no canvas")?
        .unchecked_into();
    c.set_width((width * SCALE) as u32);
    c.set_height((height * SCALE) as u32);
    Ok(c)
}

fn context(c: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    c.get_context("2d")
        .ok()
        .flatten()
        .and_then(|x| x.dyn_into().ok())
        .ok_or_else(|| "no 2-D canvas".to_string())
}

/// The chart as a PNG data URL, and a file name that says what it holds.
pub fn chart_png(
    spec: &ChartSpec,
    outcome: &Outcome,
    run: &Run,
    region: &catalog::RegionSpec,
    year: i32,
    link: &str,
) -> Result<(String, String), String> {
    let plot = canvas(WIDTH, CHART_HEIGHT)?;
    let unit = units::unit_label(spec.unit, region);
    let outputs: Vec<_> = spec
        .outputs
        .iter()
        .filter_map(|id| catalog::output(id))
        .collect();
    chart::render(
        &plot,
        &SeriesChart {
            y_label: &unit,
            years: &outcome.years,
            series: series_of(spec, outcome, run),
            phases: outcome.scenario.get(o::PHASE),
            marker: Some(year),
            from_zero: present::from_zero(spec),
        },
        SCALE,
    )?;
    let page = canvas(WIDTH, HEADER + CHART_HEIGHT + FOOTER)?;
    let ctx = context(&page)?;
    let s = |v: f64| v * SCALE;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, s(WIDTH), s(HEADER + CHART_HEIGHT + FOOTER));
    ctx.set_fill_style_str("#1d1f23");
    ctx.set_font(&format!("600 {}px sans-serif", s(18.0)));
    let _ = ctx.fill_text(spec.title, s(16.0), s(28.0));
    // Legend: one swatch per output, then the dashed baseline.
    ctx.set_font(&format!("{}px sans-serif", s(12.0)));
    let mut x = 16.0;
    let y = 56.0;
    for (k, (_, out)) in outputs.iter().enumerate() {
        let c = PALETTE[k % PALETTE.len()];
        ctx.set_stroke_style_str(&format!("rgb({},{},{})", c.0, c.1, c.2));
        ctx.set_line_width(s(3.0));
        ctx.begin_path();
        ctx.move_to(s(x), s(y - 4.0));
        ctx.line_to(s(x + 22.0), s(y - 4.0));
        ctx.stroke();
        let _ = ctx.fill_text(out.label, s(x + 28.0), s(y));
        x += 40.0
            + ctx
                .measure_text(out.label)
                .map(|m| m.width())
                .unwrap_or(100.0)
                / SCALE;
    }
    let mut notes = vec![crate::present::baseline_legend(run.custom_baseline).to_string()];
    if run.pinned.is_some() {
        notes.push("dotted: pinned scenario A".into());
    }
    if let Some(bands) = &run.bands {
        notes.push(format!("shaded: 50 % and 90 % of {} draws", bands.draws));
    }
    let _ = ctx.fill_text(&notes.join(" · "), s(x), s(y));
    let _ = ctx.draw_image_with_html_canvas_element(&plot, 0.0, s(HEADER));
    ctx.set_fill_style_str("#4a4f57");
    ctx.set_font(&format!("{}px sans-serif", s(10.0)));
    let caption = format!(
        "mapsim · {} · {} · {link}",
        region.name,
        if unit.is_empty() {
            spec.family.to_string()
        } else {
            format!("{} in {unit}", spec.family)
        }
    );
    let _ = ctx.fill_text(&caption, s(16.0), s(HEADER + CHART_HEIGHT + 24.0));
    let url = page
        .to_data_url_with_type("image/png")
        .map_err(|_| "the browser could not make the image")?;
    Ok((url, format!("mapsim-{}-{}.png", region.id, spec.id)))
}
