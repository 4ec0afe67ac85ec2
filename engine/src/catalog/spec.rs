//! The shapes of the catalog's entries. The entries themselves are generated from
//! `models/*.toml` by `src/build.rs`.

/// The unit of a parameter or an output. Each has exactly one formatting function
/// ([`crate::catalog::units`]), so numbers never appear without their unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Money per adult per month, in the region's currency at base-year prices.
    CurrencyMonth,
    /// Money per adult per year, in the region's currency at base-year prices.
    CurrencyYear,
    /// Percent of labour's task share per year (automation and reinstatement).
    PctTasksYear,
    /// Percentage points.
    Pp,
    /// Percent.
    Percent,
    /// Percent per year.
    PercentYear,
    /// Percent of GDP.
    PercentGdp,
    /// A calendar year.
    Year,
    /// A number of years.
    Years,
    /// A pure number.
    Ratio,
    /// A count.
    Count,
    /// A multiplier (×).
    Multiplier,
    /// One of named options.
    Choice,
    /// An index, 100 = base year.
    Index,
    /// A Gini coefficient between 0 and 1.
    Gini,
    /// Tonnes per adult per year.
    TonnesYear,
    /// Gigajoules per person a year (energy).
    GjYear,
    /// Tonne-kilometres per person a year (freight).
    TkmYear,
    /// A production phase number.
    Phase,
}

/// How a parameter is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A number on a slider.
    Number,
    /// One of [`ParamSpec::options`], stored as its index.
    Choice,
    /// A year, or 0 for "off".
    YearOrOff,
}

/// What a parameter is (`role` in `models/parameters.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Part of a reform: the status-quo baseline holds it at today's value.
    Policy,
    /// A description of the world: baseline and reform share it.
    Assumption,
    /// How the model runs (horizon, number of groups): shared too.
    Setting,
}

/// The control group a parameter sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// The three levers always in view: Basic Income, automation, peer production.
    Main,
    /// The Basic Income's design: children, people over 65, indexing, claw-back.
    BasicIncome,
    /// The phase timeline.
    Phases,
    /// Fiscal rule and tax mix.
    Financing,
    /// Behavioural assumptions.
    Behaviour,
    /// Technology assumptions.
    Technology,
}

/// The chart an output is drawn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// Incomes, poverty, needs met.
    Livelihood,
    /// Tax rate needed, debt, Basic Income cost.
    Taxation,
    /// Wealth shares, Gini, labour share.
    Capital,
    /// Revenue and spending by instrument.
    Fiscal,
    /// Material use and freight.
    Resources,
    /// Not on a chart (CSV and cards only).
    None,
}

/// The distribution of an uncertain parameter in the Monte Carlo.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Distribution {
    /// Uniform on `[low, high]`.
    Uniform { low: f64, high: f64 },
    /// Triangular with its peak at `mode`.
    Triangular { low: f64, mode: f64, high: f64 },
    /// Normal truncated to `[low, high]`.
    Normal {
        mean: f64,
        sd: f64,
        low: f64,
        high: f64,
    },
}

/// One parameter of the model, as declared in `models/parameters.toml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamSpec {
    pub id: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    pub kind: ParamKind,
    pub group: Group,
    /// Part of a reform (the status-quo baseline holds it at `status_quo`), an assumption
    /// about the world (shared by baseline and reform), or a setting of the run.
    pub role: Role,
    /// Today's value of a policy, when it is not the default.
    pub status_quo: Option<f64>,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub default: f64,
    pub options: &'static [&'static str],
    pub help: &'static str,
    pub source: &'static str,
    pub uncertain: Option<Distribution>,
    /// Hidden from the main controls (still settable by link and command line).
    pub advanced: bool,
    /// A region figure that replaces `max` for that region.
    pub region_max: Option<&'static str>,
    /// A region figure that replaces `step` for that region.
    pub region_step: Option<&'static str>,
    /// A region figure that replaces `default` for that region.
    pub region_default: Option<&'static str>,
    /// Factor applied to the region figures above (e.g. 100 for a share shown in percent).
    pub region_scale: f64,
}

/// One output series, as declared in `models/outputs.toml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OutputSpec {
    pub id: &'static str,
    pub label: &'static str,
    pub unit: Unit,
    /// Decimals shown to users.
    pub decimals: u8,
    pub chart: Chart,
    /// The range the model checks assert every year.
    pub bounds: [f64; 2],
    /// Whether a higher value is better for people (`Some(true)`), a lower one
    /// (`Some(false)`), or neither: a matter of judgement (`models/outputs.toml`, `better`).
    pub better: Option<bool>,
    pub description: &'static str,
}

/// How a region figure is known (calibration.md's tags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// Read in the named source.
    Seen,
    /// From the literature, not re-read.
    Recall,
    /// Computed from other figures.
    Derived,
    /// A reasoned assumption.
    Assumption,
}

/// A calibration figure with its provenance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub unit: &'static str,
    pub year: i32,
    pub source: &'static str,
    pub kind: FigureKind,
    pub note: &'static str,
}

/// One figure of the phase table with its uncertainty range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhaseFigure {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    /// Measured (true) or assumed (false).
    pub evidence: bool,
    pub note: &'static str,
}

/// The number of categories of the consumption basket.
pub const CATEGORY_COUNT: usize = 6;

/// A category of the consumption basket, as declared in `models/phases.toml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CategorySpec {
    pub id: &'static str,
    pub name: &'static str,
    /// What the category includes, in words.
    pub covers: &'static str,
    /// Its share of the material footprint of all final demand (the rest, investment and
    /// government, is made by the market).
    pub material: PhaseFigure,
}

/// One production phase, as declared in `models/phases.toml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhaseSpec {
    pub number: u8,
    pub id: &'static str,
    pub name: &'static str,
    pub place: &'static str,
    /// Commons capital owned in equal shares (co-ops, personal fabricators) rather than like
    /// market equity.
    pub equal_ownership: bool,
    /// Its work is for the household's own use (personal fabricators): work, but not
    /// employment by the ILO definition (19th ICLS, 2013).
    pub own_use: bool,
    pub unit_cost: PhaseFigure,
    pub materials: PhaseFigure,
    pub labour_share: PhaseFigure,
    pub transport_km: PhaseFigure,
    /// The most of each category of the basket (in the order of `CATEGORIES`) the phase can
    /// make.
    pub ceiling: [PhaseFigure; CATEGORY_COUNT],
    pub capital_output: PhaseFigure,
    pub recycling: PhaseFigure,
    /// Hours of work per unit of commons value added, relative to the market's hours per unit
    /// of output in the same year (market = 1): the commons uses the technology of its time.
    pub hours: PhaseFigure,
    /// Energy per unit of goods at market value, relative to the market's (market = 1).
    pub energy: PhaseFigure,
}

/// A calibrated region, as declared in `models/regions/*.toml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionSpec {
    pub id: &'static str,
    pub name: &'static str,
    pub currency: &'static str,
    pub currency_symbol: &'static str,
    pub year: i32,
    pub figures: super::RegionFigures,
}

/// A named scenario (preset), as declared in `models/scenarios/*.toml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Preset {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// The region the preset is about, if it is about one (else it applies in any region).
    pub region: Option<&'static str>,
    /// Parameter values as link text; `@poverty` is the region's poverty line per month.
    pub settings: &'static [(&'static str, &'static str)],
}

/// One step of a guided lesson: a scenario (its `name` is the step's title and its
/// `description` the step's text), the chart to look at, and a question for the class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LessonStep {
    pub scenario: Preset,
    /// An id of `present::CHARTS`.
    pub chart: &'static str,
    pub question: &'static str,
}

/// A guided lesson, as declared in `models/lessons/*.toml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lesson {
    pub id: &'static str,
    pub title: &'static str,
    pub audience: &'static str,
    pub duration: &'static str,
    pub goals: &'static [&'static str],
    pub sources: &'static [&'static str],
    pub steps: &'static [LessonStep],
}

/// How a validation entry reads the model (`models/validation.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// % change of the output, scenario against the comparison run, in the year.
    ChangePct,
    /// Change of the output in its own unit, scenario against the comparison run.
    Change,
    /// Change of the baseline's output per year between `year` and `year_end`.
    BaselineSlope,
    /// Change of the output (its unit) per 1 % change of `per`, scenario against the
    /// comparison run.
    Ratio,
    /// The scenario's output as % of the comparison run's (e.g. what a negative income tax
    /// pays out as % of the Basic Income it is the twin of).
    SharePct,
}

/// A published result the model was not calibrated to, with the verdict recorded when the
/// entry was last argued (`models/validation.toml`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidationEntry {
    pub id: &'static str,
    pub title: &'static str,
    pub source: &'static str,
    pub analogue: &'static str,
    pub region: &'static str,
    pub link: &'static str,
    pub against: Option<&'static str>,
    pub output: &'static str,
    pub per: Option<&'static str>,
    pub measure: Measure,
    pub year: i32,
    pub year_end: Option<i32>,
    pub published: f64,
    pub tolerance: f64,
    /// Unit of the published figure and of the distance.
    pub unit: &'static str,
    /// The recorded verdict: a hit (within tolerance) or a miss.
    pub hit: bool,
    pub note: &'static str,
}
