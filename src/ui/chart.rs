//! Time-series charts on a `<canvas>` with plotters.
//!
//! plotters draws in canvas pixels, so the canvas's backing store is sized to its CSS box
//! times `devicePixelRatio` and every length (fonts, margins, strokes) is scaled by the
//! same ratio: charts stay sharp on high-DPI screens and keep their layout on any. Text is
//! measured by the canvas itself (`backend`), never through the DOM.

use super::backend::MeasuringCanvas;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

/// Okabe–Ito palette (distinguishable with every common colour-vision deficiency).
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
];
const INK: RGBColor = RGBColor(34, 34, 34);
const GRID: RGBColor = RGBColor(225, 225, 225);
const PHASE_TINTS: [RGBColor; 2] = [RGBColor(238, 244, 250), RGBColor(246, 241, 232)];

/// One output: the scenario drawn solid, the status-quo baseline dashed, same colour.
pub struct Series<'a> {
    pub label: &'a str,
    pub scenario: &'a [f64],
    pub baseline: &'a [f64],
    /// The pinned scenario A (comparison mode), drawn dotted.
    pub pinned: Option<&'a [f64]>,
    /// The scenario's Monte Carlo bands (5, 25, 50, 75, 95 %), drawn as a fan: the outer
    /// 90 % lighter, the inner 50 % darker.
    pub band: Option<[&'a [f64]; 5]>,
}

/// What one chart shows.
pub struct SeriesChart<'a> {
    /// Y-axis label, with its unit.
    pub y_label: &'a str,
    pub years: &'a [i32],
    pub series: Vec<Series<'a>>,
    /// The scenario's production phase each year (below 1: none yet), shaded and labelled.
    pub phases: &'a [f64],
    /// A year to mark with a vertical line (the headline strip's year).
    pub marker: Option<i32>,
    /// Start the value axis at zero (shares, money).
    pub from_zero: bool,
}

/// Sizes the canvas's backing store to its CSS box × device pixel ratio; returns the ratio.
pub fn fit_to_screen(canvas: &HtmlCanvasElement) -> f64 {
    let ratio = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0);
    let css_width = f64::from(canvas.client_width().max(1));
    let css_height = f64::from(canvas.client_height().max(1));
    let (width, height) = (
        (css_width * ratio).round() as u32,
        (css_height * ratio).round() as u32,
    );
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    ratio
}

fn value_range(chart: &SeriesChart) -> (f64, f64) {
    let values = chart
        .series
        .iter()
        .flat_map(|s| {
            s.scenario
                .iter()
                .chain(s.baseline)
                .chain(s.pinned.unwrap_or(&[]))
                .chain(s.band.map_or(&[][..], |b| b[0]))
                .chain(s.band.map_or(&[][..], |b| b[4]))
        })
        .copied()
        .filter(|v| v.is_finite());
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if low > high {
        return (0.0, 1.0);
    }
    let (low, high) = if chart.from_zero {
        (low.min(0.0), high.max(0.0))
    } else {
        (low, high)
    };
    let pad = ((high - low) * 0.08).max(high.abs() * 0.02).max(1e-9);
    let bottom = if chart.from_zero && low >= 0.0 {
        0.0
    } else {
        low - pad
    };
    (bottom, high + pad)
}

/// Draws `chart` on `canvas`, sized for the screen.
pub fn draw(canvas: &HtmlCanvasElement, chart: &SeriesChart) -> Result<(), String> {
    let ratio = fit_to_screen(canvas);
    render(canvas, chart, ratio)
}

/// Draws `chart` on `canvas` as it is sized, with lengths scaled by `ratio` (an export at
/// twice the screen resolution uses 2).
pub fn render(canvas: &HtmlCanvasElement, chart: &SeriesChart, ratio: f64) -> Result<(), String> {
    let px = |v: f64| (v * ratio).round() as i32;
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let backend = MeasuringCanvas::new(canvas)
        .ok_or_else(|| "this browser gives no 2-D canvas".to_string())?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(|e| err(&e))?;

    let first = *chart.years.first().ok_or("no years to draw")?;
    let last = (*chart.years.last().ok_or("no years to draw")?).max(first + 1);
    let (bottom, top) = value_range(chart);
    let font = |size: f64| ("sans-serif", size * ratio).into_font().color(&INK);
    let mut c = ChartBuilder::on(&root)
        .margin(px(8.0))
        .margin_top(px(22.0))
        .x_label_area_size(px(36.0))
        .y_label_area_size(px(58.0))
        .build_cartesian_2d(first..last, bottom..top)
        .map_err(|e| err(&e))?;

    // Phases first, behind everything.
    let mut start = 0;
    for t in 1..=chart.years.len() {
        let current = chart.phases.get(start).copied().unwrap_or(0.0);
        if t < chart.years.len() && chart.phases.get(t).copied() == Some(current) {
            continue;
        }
        if current >= 1.0 {
            let (x0, x1) = (chart.years[start], chart.years[t - 1] + 1);
            let tint = PHASE_TINTS[(current as usize) % 2];
            c.draw_series(std::iter::once(Rectangle::new(
                [(x0, bottom), (x1.min(last), top)],
                tint.filled(),
            )))
            .map_err(|e| err(&e))?;
            if x1 - x0 >= 4 {
                let style = font(11.0).pos(Pos::new(HPos::Left, VPos::Bottom));
                c.draw_series(std::iter::once(Text::new(
                    format!("Phase {}", current as i32),
                    (x0, top),
                    style,
                )))
                .map_err(|e| err(&e))?;
            }
        }
        start = t;
    }

    c.configure_mesh()
        .x_desc("Year")
        .y_desc(chart.y_label)
        .label_style(font(11.0))
        .axis_desc_style(font(11.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(1))
        .x_labels(6)
        .y_labels(5)
        .x_label_formatter(&|y| format!("{y}"))
        .y_label_formatter(&|v| crate::catalog::units::number(*v, axis_decimals(bottom, top)))
        .draw()
        .map_err(|e| err(&e))?;

    if let Some(year) = chart.marker {
        c.draw_series(DashedLineSeries::new(
            [(year, bottom), (year, top)],
            px(3.0) as u32,
            px(3.0) as u32,
            INK.mix(0.5).stroke_width(1),
        ))
        .map_err(|e| err(&e))?;
    }

    let stroke = (2.0 * ratio).round().max(1.0) as u32;
    let dash = px(5.0).max(1) as u32;
    let points = |values: &[f64]| -> Vec<(i32, f64)> {
        chart
            .years
            .iter()
            .zip(values)
            .filter(|(_, v)| v.is_finite())
            .map(|(x, v)| (*x, *v))
            .collect()
    };
    // Fans behind every line, so no band hides another series' line.
    for (k, s) in chart.series.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        if let Some(band) = s.band {
            for ((lower, upper), alpha) in [((band[0], band[4]), 0.14), ((band[1], band[3]), 0.26)]
            {
                let mut outline = points(upper);
                outline.extend(points(lower).into_iter().rev());
                c.draw_series(std::iter::once(Polygon::new(
                    outline,
                    colour.mix(alpha).filled(),
                )))
                .map_err(|e| err(&e))?;
            }
        }
    }
    for (k, s) in chart.series.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        if let Some(pinned) = s.pinned {
            c.draw_series(DashedLineSeries::new(
                points(pinned),
                px(2.0).max(1) as u32,
                px(4.0).max(2) as u32,
                colour.mix(0.9).stroke_width(stroke),
            ))
            .map_err(|e| err(&e))?;
        }
        c.draw_series(DashedLineSeries::new(
            points(s.baseline),
            dash,
            dash,
            colour.mix(0.75).stroke_width(stroke.max(2) - 1),
        ))
        .map_err(|e| err(&e))?;
        c.draw_series(LineSeries::new(
            points(s.scenario),
            colour.stroke_width(stroke),
        ))
        .map_err(|e| err(&e))?;
    }
    root.present().map_err(|e| err(&e))
}

/// Decimals for axis labels: enough to tell ticks apart.
fn axis_decimals(bottom: f64, top: f64) -> u8 {
    let span = (top - bottom).abs();
    if span >= 20.0 {
        0
    } else if span >= 2.0 {
        1
    } else {
        2
    }
}
