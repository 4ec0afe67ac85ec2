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

/// The tabs of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Livelihood, taxation and capital concentration over time.
    Overview,
    /// Lorenz curves and income by decile.
    Distribution,
    /// Revenue and spending by instrument.
    Fiscal,
    /// Material use and freight.
    Resources,
    /// The transactions-flow matrix and balance sheet of the chosen year.
    Books,
    /// How sure the model is: what each uncertain parameter does to one output (tornado).
    Uncertainty,
    /// The model's documentation (`models/README.md`).
    About,
}

impl Tab {
    /// Every tab, in display order.
    pub const ALL: [Tab; 7] = [
        Tab::Overview,
        Tab::Distribution,
        Tab::Fiscal,
        Tab::Resources,
        Tab::Books,
        Tab::Uncertainty,
        Tab::About,
    ];

    /// The tab's id in links (`tab=`).
    pub fn id(self) -> &'static str {
        match self {
            Tab::Overview => "overview",
            Tab::Distribution => "distribution",
            Tab::Fiscal => "fiscal",
            Tab::Resources => "resources",
            Tab::Books => "books",
            Tab::Uncertainty => "uncertainty",
            Tab::About => "about",
        }
    }

    /// The tab with link id `id`.
    pub fn from_id(id: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// One time-series chart: the outputs it draws, all in one unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartSpec {
    /// Stable id (links and embeds use it: `view=`).
    pub id: &'static str,
    /// Title shown above the chart.
    pub title: &'static str,
    /// The family of outcomes it belongs to.
    pub family: &'static str,
    /// The tab it sits on.
    pub tab: Tab,
    /// Output ids drawn, each as scenario (solid) and baseline (dashed).
    pub outputs: &'static [&'static str],
}

/// The time-series charts, in display order.
pub const CHARTS: &[ChartSpec] = &[
    ChartSpec {
        id: "income",
        title: "Median real disposable income",
        family: "Livelihood",
        tab: Tab::Overview,
        outputs: &["median_income"],
    },
    ChartSpec {
        id: "poverty",
        title: "Poverty",
        family: "Livelihood",
        tab: Tab::Overview,
        outputs: &["poverty_rate", "poverty_rate_50", "poverty_abs"],
    },
    ChartSpec {
        id: "tax",
        title: "Income tax rate needed",
        family: "Taxation",
        tab: Tab::Overview,
        outputs: &["tax_rate"],
    },
    ChartSpec {
        id: "bi_cost",
        title: "Basic Income cost",
        family: "Taxation",
        tab: Tab::Overview,
        outputs: &["bi_gross_cost", "bi_net_cost"],
    },
    ChartSpec {
        id: "wealth",
        title: "Wealth owned by the richest, and through the commons",
        family: "Capital concentration",
        tab: Tab::Overview,
        outputs: &["wealth_top10", "wealth_top1", "commons_wealth_share"],
    },
    ChartSpec {
        id: "labour",
        title: "Labour share of income",
        family: "Capital concentration",
        tab: Tab::Overview,
        outputs: &["labour_share", "commons_share"],
    },
    ChartSpec {
        id: "bi_costs",
        title: "Four costs of the Basic Income",
        family: "Fiscal detail",
        tab: Tab::Fiscal,
        outputs: &[
            "bi_gross_cost",
            "bi_budget_cost",
            "bi_dynamic_cost",
            "bi_net_cost",
        ],
    },
    ChartSpec {
        id: "revenue",
        title: "Revenue by instrument",
        family: "Fiscal detail",
        tab: Tab::Fiscal,
        outputs: &[
            "revenue_income",
            "revenue_vat",
            "revenue_wealth",
            "revenue_automation",
        ],
    },
    ChartSpec {
        id: "spending",
        title: "Spending by item",
        family: "Fiscal detail",
        tab: Tab::Fiscal,
        outputs: &[
            "spending_bi",
            "spending_pensions",
            "spending_goods",
            "spending_interest",
        ],
    },
    ChartSpec {
        id: "benefits",
        title: "Benefits for people of working age and children",
        family: "Fiscal detail",
        tab: Tab::Fiscal,
        outputs: &[
            "spending_unemployment",
            "spending_family",
            "spending_assistance",
            "spending_transfers",
        ],
    },
    ChartSpec {
        id: "debt",
        title: "Public debt",
        family: "Fiscal detail",
        tab: Tab::Fiscal,
        outputs: &["debt_gdp"],
    },
    ChartSpec {
        id: "inflation",
        title: "Inflation pressure",
        family: "Prices and capacity",
        tab: Tab::Fiscal,
        outputs: &["inflation"],
    },
    ChartSpec {
        id: "capacity",
        title: "Capacity use",
        family: "Prices and capacity",
        tab: Tab::Fiscal,
        outputs: &["capacity_use"],
    },
    ChartSpec {
        id: "trade",
        title: "Trade and foreign assets",
        family: "Open economy",
        tab: Tab::Fiscal,
        outputs: &["current_account", "foreign_assets"],
    },
    ChartSpec {
        id: "materials",
        title: "Material use against a sustainable budget",
        family: "Resources",
        tab: Tab::Resources,
        outputs: &["material_use", "material_budget", "material_outlook"],
    },
    ChartSpec {
        id: "materials_by_category",
        title: "Material use by category of the basket",
        family: "Resources",
        tab: Tab::Resources,
        outputs: &[
            "material_housing",
            "material_food",
            "material_services",
            "material_energy",
            "material_durables",
            "material_clothing",
        ],
    },
    ChartSpec {
        id: "circularity",
        title: "Circularity: recycled share of the materials used",
        family: "Resources",
        tab: Tab::Resources,
        outputs: &["circularity", "circularity_reference"],
    },
    ChartSpec {
        id: "energy",
        title: "Energy use",
        family: "Resources",
        tab: Tab::Resources,
        outputs: &["energy_use"],
    },
    ChartSpec {
        id: "freight",
        title: "Freight transport",
        family: "Resources",
        tab: Tab::Resources,
        outputs: &["freight_tkm"],
    },
    ChartSpec {
        id: "p2p",
        title: "Peer production and the cost of living",
        family: "Resources",
        tab: Tab::Resources,
        outputs: &["p2p_take_up", "p2p_share", "price_level"],
    },
    ChartSpec {
        id: "p2p_categories",
        title: "What peer production makes, by category",
        family: "Resources",
        tab: Tab::Resources,
        outputs: &[
            "p2p_clothing",
            "p2p_durables",
            "p2p_food",
            "p2p_energy",
            "p2p_housing",
            "p2p_services",
        ],
    },
    ChartSpec {
        id: "work",
        title: "Work",
        family: "Livelihood",
        tab: Tab::Resources,
        outputs: &[
            "unemployment",
            "employment_rate",
            "commons_employment",
            "own_use_work",
        ],
    },
    ChartSpec {
        id: "poverty_age",
        title: "Poverty among children and pensioners",
        family: "Livelihood",
        tab: Tab::Distribution,
        outputs: &["child_poverty", "pensioner_poverty", "poverty_rate"],
    },
];

/// The chart with this id.
pub fn chart(id: &str) -> Option<&'static ChartSpec> {
    CHARTS.iter().find(|c| c.id == id)
}

/// Views that are cards rather than time charts, which embeds (`view=`) and lesson steps can
/// show too: who gains and who pays, and what it means for households (Distribution tab).
pub const CARD_VIEWS: &[&str] = &["winners", "households"];

/// The id of a view an embed or a lesson step can show (a chart or a card), as a static str.
pub fn view(id: &str) -> Option<&'static str> {
    chart(id)
        .map(|c| c.id)
        .or_else(|| CARD_VIEWS.iter().copied().find(|v| *v == id))
}

/// The title of a view an embed can show, for menus.
pub fn view_title(id: &str) -> &'static str {
    match (chart(id), id) {
        (Some(c), _) => c.title,
        (None, "winners") => "Who gains and who pays",
        (None, "households") => "What it means for a household",
        _ => "",
    }
}

/// The tab a view is on.
pub fn view_tab(id: &str) -> Tab {
    match chart(id) {
        Some(c) => c.tab,
        None if CARD_VIEWS.contains(&id) => Tab::Distribution,
        None => Tab::Overview,
    }
}

/// The taxation chart under the debt rule shows debt, not a fixed tax rate.
pub fn tax_chart(debt_rule: bool) -> ChartSpec {
    if debt_rule {
        ChartSpec {
            id: "tax",
            title: "Public debt",
            family: "Taxation",
            tab: Tab::Overview,
            outputs: &["debt_gdp"],
        }
    } else {
        CHARTS[2]
    }
}

/// The unit of a chart: that of its first output (a chart's outputs share it, except the
/// cost-of-living index drawn with the P2P share, which both read on a 0–100 scale).
pub fn chart_unit(spec: &ChartSpec) -> Unit {
    catalog::output(spec.outputs[0]).map_or(Unit::Ratio, |(_, o)| o.unit)
}

/// The unit of a chart in words, for the line under it: "Values in % of GDP", "Values as an
/// index (base year = 100)"; empty for a unitless chart.
pub fn values_note(spec: &ChartSpec, region: &RegionSpec) -> String {
    let unit = chart_unit(spec);
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
    chart_unit(spec) != Unit::Index
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

/// The outputs in the headline strip.
pub const HEADLINES: &[&str] = &[
    "median_income",
    "poverty_rate",
    "tax_rate",
    "bi_net_cost",
    "wealth_top10",
    "labour_share",
];

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
            if debt_rule && *id == "tax_rate" {
                "debt_gdp"
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
