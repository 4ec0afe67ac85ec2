//! The shapes of the catalog's entries. The entries themselves, and the enums of the closed
//! vocabularies (units, roles, kinds, groups, tabs, measures), are generated from `models/*.toml`
//! and `source.rs` by `engine/build.rs`.

use super::{FigureKind, Group, Measure, ParamKind, Role, Tab, Unit};

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
    /// The range the model checks assert every year.
    pub bounds: [f64; 2],
    /// Whether a higher value is better for people (`Some(true)`), a lower one
    /// (`Some(false)`), or neither: a matter of judgement (`models/outputs.toml`, `better`).
    pub better: Option<bool>,
    pub description: &'static str,
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
#[derive(Debug, Clone, Copy)]
pub struct RegionSpec {
    pub id: &'static str,
    pub name: &'static str,
    pub currency: &'static str,
    pub currency_symbol: &'static str,
    pub year: i32,
    pub figures: super::RegionFigures,
}

/// Regions are the catalog's static entries, one per id, so two are the same region when their
/// ids are. (Comparing every figure, as a derived `PartialEq` would, made each comparison of
/// two scenarios scan both regions: the app compares scenarios several times per input.)
impl PartialEq for RegionSpec {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
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
    /// An id of [`super::CHARTS`] or [`super::CARDS`].
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

/// One time-series chart (`models/charts.toml`): the outputs it draws, all in one unit.
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
    /// The unit of its value axis.
    pub unit: Unit,
    /// Output ids drawn, each as scenario (solid) and baseline (dashed).
    pub outputs: &'static [&'static str],
}

/// A view that is a card rather than a time chart (`models/charts.toml`), which embeds
/// (`view=`) and lesson steps can show too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardSpec {
    pub id: &'static str,
    pub title: &'static str,
    pub tab: Tab,
}

/// What the debt rule shows instead of the output it holds fixed (`models/charts.toml`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DebtRule {
    /// The output the rule holds fixed (the income tax rate).
    pub replaces: &'static str,
    /// The output that moves instead (public debt).
    pub with: &'static str,
    /// The chart that replaces the one drawing `replaces`.
    pub chart: ChartSpec,
}
