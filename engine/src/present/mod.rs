//! What the app shows, decided without the browser: which series each chart draws, the
//! headline figures for a year with their change from the baseline, and plain-language
//! summaries of each chart (for screen readers and the data-table view). Pure and natively
//! tested; the UI only draws what this module decides.

use crate::catalog::{self, units, RegionSpec, Unit, OUTPUTS};
use crate::model::Outcome;

pub mod explain;
pub mod households;
pub mod phases;
pub mod validation;
pub mod winners;

pub use crate::catalog::{CardSpec, ChartSpec, Tab, CARDS, CHARTS, DEBT_RULE, HEADLINES};

/// The chart with this id.
pub fn chart(id: &str) -> Option<&'static ChartSpec> {
    CHARTS.iter().find(|c| c.id == id)
}

/// The charts that draw an output, in display order (none for outputs shown only in tables,
/// cards and CSV).
pub fn charts_drawing(output: &'static str) -> impl Iterator<Item = &'static ChartSpec> {
    CHARTS.iter().filter(move |c| c.outputs.contains(&output))
}

/// The card with this id.
fn card(id: &str) -> Option<&'static CardSpec> {
    CARDS.iter().find(|c| c.id == id)
}

/// Whether a view is a card (who gains and who pays, households) rather than a time chart.
pub fn is_card(id: &str) -> bool {
    card(id).is_some()
}

/// The id of a view an embed or a lesson step can show (a chart or a card), as a static str.
pub fn view(id: &str) -> Option<&'static str> {
    chart(id).map(|c| c.id).or_else(|| card(id).map(|c| c.id))
}

/// Every view an embed can show: the charts, then the cards.
pub fn views() -> impl Iterator<Item = &'static str> {
    CHARTS
        .iter()
        .map(|c| c.id)
        .chain(CARDS.iter().map(|c| c.id))
}

/// The title of a view an embed can show, for menus.
pub fn view_title(id: &str) -> &'static str {
    match (chart(id), card(id)) {
        (Some(c), _) => c.title,
        (None, Some(c)) => c.title,
        _ => "",
    }
}

/// The tab a view is on.
pub fn view_tab(id: &str) -> Tab {
    match (chart(id), card(id)) {
        (Some(c), _) => c.tab,
        (None, Some(c)) => c.tab,
        _ => Tab::Overview,
    }
}

/// A chart as it is shown: under the debt rule the tax rate is held and debt moves, so the
/// chart of the tax rate shows debt instead (`models/charts.toml`, `[debt_rule]`). Every
/// place that draws a chart (a tab, an embed) asks here.
pub fn shown(spec: &ChartSpec, debt_rule: bool) -> ChartSpec {
    if debt_rule && spec.id == DEBT_RULE.chart.id {
        DEBT_RULE.chart
    } else {
        *spec
    }
}

/// The taxation chart as it is shown (see [`shown`]).
pub fn tax_chart(debt_rule: bool) -> ChartSpec {
    chart(DEBT_RULE.chart.id).map_or(DEBT_RULE.chart, |spec| shown(spec, debt_rule))
}

/// The unit of a chart in words, for the line under it: "Values in % of GDP", "Values as an
/// index (base year = 100)"; empty for a unitless chart.
pub fn values_note(spec: &ChartSpec, region: &RegionSpec) -> String {
    let unit = spec.unit;
    match unit {
        Unit::Index => format!("Values as an index {}", units::unit_label(unit, region)),
        _ => {
            let label = units::unit_label(unit, region);
            if label.is_empty() {
                label
            } else {
                format!("Values in {label}")
            }
        }
    }
}

/// Whether the value axis of a chart starts at zero: yes for shares, money and tonnes; no
/// for an index around 100 (capacity use), whose movements would be flattened against it.
pub fn from_zero(spec: &ChartSpec) -> bool {
    spec.unit != Unit::Index
}

/// Whether a higher value of an output is better for people (for colouring changes); `None`
/// where it is a matter of judgement. Declared with each output (`models/outputs.toml`,
/// `better`).
pub fn higher_is_better(id: &str) -> Option<bool> {
    catalog::output(id).and_then(|(_, o)| o.better)
}

/// What the dashed line is, in a legend: the status quo, or the reader's own baseline.
pub fn baseline_legend(custom: bool) -> &'static str {
    if custom {
        "dashed: your baseline"
    } else {
        "dashed: status quo (today's policies)"
    }
}

/// The baseline in a few words, for "vs …" and column headers.
pub fn baseline_short(custom: bool) -> &'static str {
    if custom {
        "your baseline"
    } else {
        "status quo"
    }
}

/// One headline figure for a chosen year.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// Output id.
    pub id: &'static str,
    /// Label.
    pub label: &'static str,
    /// The value with its unit.
    pub value: String,
    /// The change from the baseline, with its unit (percentage points for percentages).
    pub change: String,
    /// Whether the change is good (true), bad (false) or neither (None) for people.
    pub good: Option<bool>,
}

/// The headline figures for the year at column `t`.
pub fn headlines(
    outcome: &Outcome,
    t: usize,
    region: &RegionSpec,
    debt_rule: bool,
    custom_baseline: bool,
) -> Vec<Headline> {
    HEADLINES
        .iter()
        .map(|id| {
            if debt_rule && *id == DEBT_RULE.replaces {
                DEBT_RULE.with
            } else {
                id
            }
        })
        .filter_map(|id| {
            let (i, spec) = catalog::output(id)?;
            let (value, base) = outcome.at(i, t);
            Some(headline(
                spec,
                value,
                base,
                region,
                baseline_short(custom_baseline),
            ))
        })
        .collect()
}

fn headline(
    spec: &'static catalog::OutputSpec,
    value: f64,
    base: f64,
    region: &RegionSpec,
    baseline: &str,
) -> Headline {
    let delta = value - base;
    let step = 10f64.powi(-(spec.decimals as i32));
    let change = if delta.abs() < step / 2.0 {
        format!("same as {baseline}")
    } else {
        format!("{} vs {baseline}", difference(spec, delta, region))
    };
    let good = higher_is_better(spec.id)
        .and_then(|better| (delta.abs() >= step / 2.0).then_some((delta > 0.0) == better));
    Headline {
        id: spec.id,
        label: spec.label,
        value: units::with_unit(value, spec.unit, spec.decimals, region),
        change,
        good,
    }
}

/// A difference of output `spec` with its sign and unit: percentage points for
/// percentages ("+2.5 pp"), the output's own unit otherwise ("−120 USD a month"); no sign
/// when it rounds to zero.
pub fn difference(spec: &catalog::OutputSpec, delta: f64, region: &RegionSpec) -> String {
    let shown = (delta.abs() * 10f64.powi(spec.decimals as i32)).round();
    let sign = if shown == 0.0 {
        ""
    } else if delta > 0.0 {
        "+"
    } else {
        "−"
    };
    let amount = match spec.unit {
        Unit::Percent | Unit::PercentGdp => {
            format!("{} pp", units::number(delta.abs(), spec.decimals))
        }
        _ => units::with_unit(delta.abs(), spec.unit, spec.decimals, region),
    };
    format!("{sign}{amount}")
}

/// A plain-language summary of a chart, for screen readers and captions: each series'
/// first and last value, and the baseline's last value.
pub fn summary(spec: &ChartSpec, outcome: &Outcome, region: &RegionSpec) -> String {
    let years = &outcome.years;
    let (first, last) = (years[0], years[years.len() - 1]);
    let parts: Vec<String> = spec
        .outputs
        .iter()
        .filter_map(|id| catalog::output(id))
        .map(|(i, o)| {
            let s = outcome.scenario.get(i);
            let b = outcome.baseline.get(i);
            let fmt = |v: f64| units::with_unit(v, o.unit, o.decimals, region);
            format!(
                "{} goes from {} in {first} to {} in {last} (baseline: {})",
                o.label,
                fmt(s[0]),
                fmt(s[s.len() - 1]),
                fmt(b[b.len() - 1])
            )
        })
        .collect();
    format!("{}: {}.", spec.title, parts.join("; "))
}

/// Every output's label and unit, for legends and table headers.
pub fn series_label(id: &str, region: &RegionSpec) -> String {
    OUTPUTS
        .iter()
        .find(|o| o.id == id)
        .map(|o| {
            let unit = units::unit_label(o.unit, region);
            if unit.is_empty() {
                o.label.to_string()
            } else if unit.starts_with('(') {
                // Already in brackets: "Capacity use (base year = 100)".
                format!("{} {unit}", o.label)
            } else {
                format!("{} ({unit})", o.label)
            }
        })
        .unwrap_or_default()
}

/// The 90 % Monte Carlo interval of output `id` in year column `t`, in words with its unit,
/// e.g. "90 % of draws: 1 510 to 1 760 USD a month".
pub fn interval90(
    id: &str,
    bands: &crate::uncertainty::Bands,
    t: usize,
    region: &RegionSpec,
) -> Option<String> {
    let (i, spec) = catalog::output(id)?;
    if t >= bands.years() {
        return None;
    }
    let (low, high) = bands.interval90(i, t);
    Some(format!(
        "90 % of draws: {} to {}",
        catalog::units::number(low, spec.decimals),
        catalog::units::with_unit(high, spec.unit, spec.decimals, region)
    ))
}
