//! Line charts on a `<canvas>` with plotters-canvas.
//!
//! plotters draws in canvas pixels, so the canvas's backing store is sized to its CSS box
//! times `devicePixelRatio` and every length (fonts, margins, strokes) is scaled by the
//! same ratio: charts stay sharp on high-DPI screens and keep their layout on any.

use super::backend::MeasuringCanvas;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

/// Okabe–Ito palette (distinguishable with every common colour-vision deficiency).
pub const SCENARIO_COLOUR: RGBColor = RGBColor(0, 114, 178);
/// The no-policy baseline's colour (Okabe–Ito vermillion), drawn dashed.
pub const BASELINE_COLOUR: RGBColor = RGBColor(213, 94, 0);
const INK: RGBColor = RGBColor(34, 34, 34);
const GRID: RGBColor = RGBColor(225, 225, 225);

/// What one line chart shows.
pub struct LineChart<'a> {
    pub title: &'a str,
    /// Y-axis label, with its unit.
    pub y_label: &'a str,
    pub years: &'a [i32],
    pub scenario: &'a [f64],
    pub baseline: &'a [f64],
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

/// Draws `chart` on `canvas`: scenario solid, baseline dashed, axes with units, legend.
pub fn draw(canvas: &HtmlCanvasElement, chart: &LineChart) -> Result<(), String> {
    let ratio = fit_to_screen(canvas);
    let px = |v: f64| (v * ratio).round() as i32;
    let backend = MeasuringCanvas::new(canvas)
        .ok_or_else(|| "this browser gives no 2-D canvas".to_string())?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;

    let first = *chart.years.first().ok_or("no years to draw")?;
    let last = *chart.years.last().ok_or("no years to draw")?;
    let finite = chart
        .scenario
        .iter()
        .chain(chart.baseline)
        .copied()
        .filter(|v| v.is_finite());
    let (low, high) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let (low, high) = if low <= high { (low, high) } else { (0.0, 1.0) };
    let bottom = if low >= 0.0 { 0.0 } else { low * 1.1 };
    let top = if high > bottom {
        high * 1.1
    } else {
        bottom + 1.0
    };

    let font = |size: f64| ("sans-serif", size * ratio).into_font().color(&INK);
    let mut c = ChartBuilder::on(&root)
        .caption(chart.title, font(15.0))
        .margin(px(10.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(64.0))
        .build_cartesian_2d(first..last.max(first + 1), bottom..top)
        .map_err(|e| e.to_string())?;
    c.configure_mesh()
        .x_desc("Year")
        .y_desc(chart.y_label)
        .label_style(font(12.0))
        .axis_desc_style(font(12.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(1))
        .x_labels(6)
        .y_labels(6)
        .y_label_formatter(&|v| crate::catalog::units::number(*v, 0))
        .draw()
        .map_err(|e| e.to_string())?;

    let stroke = (2.0 * ratio).round().max(1.0) as u32;
    let points = |values: &[f64]| -> Vec<(i32, f64)> {
        chart
            .years
            .iter()
            .zip(values)
            .filter(|(_, v)| v.is_finite())
            .map(|(x, v)| (*x, *v))
            .collect()
    };
    let dash = (6.0 * ratio) as u32;
    c.draw_series(DashedLineSeries::new(
        points(chart.baseline),
        dash,
        dash,
        BASELINE_COLOUR.stroke_width(stroke),
    ))
    .map_err(|e| e.to_string())?;
    c.draw_series(LineSeries::new(
        points(chart.scenario),
        SCENARIO_COLOUR.stroke_width(stroke),
    ))
    .map_err(|e| e.to_string())?;

    // The legend is drawn here rather than with plotters' series labels, which measure text
    // through the DOM (see `backend`).
    let (x_range, y_range) = c.plotting_area().get_pixel_range();
    let (left, top) = (x_range.start + px(12.0), y_range.start + px(10.0));
    let entries = [
        ("Scenario", SCENARIO_COLOUR, false),
        ("No-policy baseline", BASELINE_COLOUR, true),
    ];
    let legend_box = [
        (left - px(8.0), top - px(4.0)),
        (
            left + px(170.0),
            top + px(18.0) * entries.len() as i32 + px(8.0),
        ),
    ];
    root.draw(&Rectangle::new(legend_box, WHITE.mix(0.9).filled()))
        .map_err(|e| e.to_string())?;
    root.draw(&Rectangle::new(legend_box, GRID.stroke_width(1)))
        .map_err(|e| e.to_string())?;
    for (k, (label, colour, dashed)) in entries.into_iter().enumerate() {
        let y = top + px(18.0) * k as i32 + px(6.0);
        let swatch = if dashed {
            vec![
                vec![(left, y), (left + px(8.0), y)],
                vec![(left + px(14.0), y), (left + px(22.0), y)],
            ]
        } else {
            vec![vec![(left, y), (left + px(22.0), y)]]
        };
        for segment in swatch {
            root.draw(&PathElement::new(segment, colour.stroke_width(stroke)))
                .map_err(|e| e.to_string())?;
        }
        let text = font(12.0).pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(label, (left + px(30.0), y), text))
            .map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())
}
