//! Distribution charts for the chosen year: Lorenz curves of income and wealth, and income
//! by decile, scenario against the status-quo baseline.

use super::backend::MeasuringCanvas;
use super::chart::{fit_to_screen, PALETTE};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

const INK: RGBColor = RGBColor(34, 34, 34);
const GRID: RGBColor = RGBColor(225, 225, 225);

type Root = DrawingArea<MeasuringCanvas, plotters::coord::Shift>;

/// The canvas sized for the screen and cleared: its drawing area and pixel ratio.
fn prepare(canvas: &HtmlCanvasElement) -> Result<(Root, f64), String> {
    let ratio = fit_to_screen(canvas);
    let backend = MeasuringCanvas::new(canvas).ok_or("this browser gives no 2-D canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    Ok((root, ratio))
}

/// Lorenz curves (cumulative shares at equal steps of population, 0 to 1).
pub fn draw_lorenz(canvas: &HtmlCanvasElement, curves: &[(&[f64], &[f64])]) -> Result<(), String> {
    let (root, ratio) = prepare(canvas)?;
    let px = |v: f64| (v * ratio).round() as i32;
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let font = |size: f64| ("sans-serif", size * ratio).into_font().color(&INK);
    let mut c = ChartBuilder::on(&root)
        .margin(px(10.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(50.0))
        .build_cartesian_2d(0.0..100.0, 0.0..100.0)
        .map_err(|e| err(&e))?;
    c.configure_mesh()
        .x_desc("Share of people (wealth: of adults), poorest first (%)")
        .y_desc("Share held (%)")
        .label_style(font(11.0))
        .axis_desc_style(font(11.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(1))
        .x_label_formatter(&|v: &f64| format!("{v:.0}"))
        .y_label_formatter(&|v: &f64| format!("{v:.0}"))
        .draw()
        .map_err(|e| err(&e))?;
    let stroke = (2.0 * ratio).round().max(1.0) as u32;
    c.draw_series(LineSeries::new(
        [(0.0, 0.0), (100.0, 100.0)],
        INK.mix(0.35).stroke_width(1),
    ))
    .map_err(|e| err(&e))?;
    let dash = px(5.0).max(1) as u32;
    for (k, (scenario, baseline)) in curves.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        let points = |v: &[f64]| -> Vec<(f64, f64)> {
            let n = v.len().saturating_sub(1).max(1) as f64;
            v.iter()
                .enumerate()
                .map(|(i, y)| (100.0 * i as f64 / n, 100.0 * y.clamp(-1.0, 1.0)))
                .collect()
        };
        c.draw_series(DashedLineSeries::new(
            points(baseline),
            dash,
            dash,
            colour.mix(0.75).stroke_width(stroke.max(2) - 1),
        ))
        .map_err(|e| err(&e))?;
        c.draw_series(LineSeries::new(
            points(scenario),
            colour.stroke_width(stroke),
        ))
        .map_err(|e| err(&e))?;
    }
    root.present().map_err(|e| err(&e))
}

/// A chart over the ten deciles of the income distribution.
type DecileChart<'a> =
    ChartContext<'a, MeasuringCanvas, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Axes for ten deciles (x: 1 to 10) and `y` from `low` to `high`, with their descriptions.
fn decile_axes<'a>(
    root: &'a Root,
    ratio: f64,
    (low, high): (f64, f64),
    (x_desc, y_desc): (&str, &str),
    y_area: f64,
) -> Result<DecileChart<'a>, String> {
    let px = |v: f64| (v * ratio).round() as i32;
    let font = |size: f64| ("sans-serif", size * ratio).into_font().color(&INK);
    let mut c = ChartBuilder::on(root)
        .margin(px(10.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(y_area))
        .build_cartesian_2d(-0.5..9.5, low..high)
        .map_err(|e| e.to_string())?;
    c.configure_mesh()
        .x_desc(x_desc)
        .y_desc(y_desc)
        .label_style(font(11.0))
        .axis_desc_style(font(11.0))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(1))
        .x_labels(10)
        .x_label_formatter(&|x: &f64| format!("{}", x.round() as i32 + 1))
        .y_label_formatter(&|v| crate::catalog::units::number(*v, 0))
        .disable_x_mesh()
        .draw()
        .map_err(|e| e.to_string())?;
    Ok(c)
}

/// Mean income of each decile: scenario bars beside baseline bars.
pub fn draw_deciles(
    canvas: &HtmlCanvasElement,
    scenario: &[f64; 10],
    baseline: &[f64; 10],
    y_label: &str,
) -> Result<(), String> {
    let (root, ratio) = prepare(canvas)?;
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let top = scenario
        .iter()
        .chain(baseline)
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max)
        .max(1e-9)
        * 1.08;
    let mut c = decile_axes(
        &root,
        ratio,
        (0.0, top),
        ("Income decile (1 = poorest tenth)", y_label),
        58.0,
    )?;
    let bars = |values: &[f64; 10], offset: f64, style: ShapeStyle| {
        values
            .iter()
            .enumerate()
            .map(move |(d, v)| {
                let x0 = d as f64 + offset;
                Rectangle::new([(x0, 0.0), (x0 + 0.38, v.max(0.0))], style)
                // Bars sit either side of the decile's tick.
            })
            .collect::<Vec<_>>()
    };
    c.draw_series(bars(scenario, -0.4, PALETTE[0].filled()))
        .map_err(|e| err(&e))?;
    c.draw_series(bars(baseline, 0.02, PALETTE[1].mix(0.55).filled()))
        .map_err(|e| err(&e))?;
    root.present().map_err(|e| err(&e))
}

/// The change of each decile's income, % (negative bars below the axis): who gains and who
/// pays.
pub fn draw_change_by_decile(canvas: &HtmlCanvasElement, change: &[f64; 10]) -> Result<(), String> {
    let (root, ratio) = prepare(canvas)?;
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let finite = || change.iter().copied().filter(|v| v.is_finite());
    let low = finite().fold(0.0_f64, f64::min);
    // At least one percentage point from bottom to top: with no change at all, a range of
    // zero would label every tick "0", and tiny changes would look like large ones.
    let high = finite().fold(0.0_f64, f64::max).max(low + 1.0);
    let pad = 0.08 * (high - low);
    let (low, high) = (low - if low < 0.0 { pad } else { 0.0 }, high + pad);
    let mut c = decile_axes(
        &root,
        ratio,
        (low, high),
        (
            "Income decile in the baseline (1 = poorest tenth)",
            "Change in real income (%)",
        ),
        50.0,
    )?;
    c.draw_series(LineSeries::new(
        [(-0.5, 0.0), (9.5, 0.0)],
        INK.stroke_width(1),
    ))
    .map_err(|e| err(&e))?;
    let gain = PALETTE[2 % PALETTE.len()].filled();
    let loss = PALETTE[1 % PALETTE.len()].filled();
    c.draw_series(
        change
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_finite())
            .map(|(d, v)| {
                let x0 = d as f64 - 0.35;
                Rectangle::new(
                    [(x0, 0.0), (x0 + 0.7, *v)],
                    if *v >= 0.0 { gain } else { loss },
                )
            }),
    )
    .map_err(|e| err(&e))?;
    root.present().map_err(|e| err(&e))
}
