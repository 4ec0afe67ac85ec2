//! Parsing and validation of `models/*.toml`, shared by `src/build.rs` (which turns the data
//! into static tables) and the engine tests (which prove that a bad file is rejected with a
//! message naming the file and the key). Not part of the library: the browser carries no TOML
//! parser.

use serde::Deserialize;
use std::collections::BTreeMap;

/// A closed vocabulary of `models/*.toml`: the words a field may hold, each with what it
/// means. `build.rs` generates a Rust enum from each (the variant is the word in CamelCase, its
/// doc comment the meaning), so a word is declared here once and the compiler sees every use.
pub struct Vocabulary {
    /// The generated enum's name.
    pub name: &'static str,
    /// The enum's doc comment.
    pub doc: &'static str,
    /// `(word, meaning)`, in the enum's order.
    pub words: &'static [(&'static str, &'static str)],
}

impl Vocabulary {
    /// The words, for messages and checks.
    pub fn ids(&self) -> Vec<&'static str> {
        self.words.iter().map(|(w, _)| *w).collect()
    }
}

/// Units a parameter or an output may carry; each has one formatting function in the app.
pub const UNITS: Vocabulary = Vocabulary {
    name: "Unit",
    doc: "The unit of a parameter or an output. Each has exactly one formatting function \
          ([`crate::catalog::units`]), so numbers never appear without their unit.",
    words: &[
        (
            "currency_month",
            "Money per adult per month, in the region's currency at base-year prices.",
        ),
        (
            "currency_year",
            "Money per adult per year, in the region's currency at base-year prices.",
        ),
        (
            "pct_tasks_year",
            "Percent of labour's task share per year (automation and reinstatement).",
        ),
        ("pp", "Percentage points."),
        ("percent", "Percent."),
        ("percent_year", "Percent per year."),
        ("percent_gdp", "Percent of GDP."),
        ("year", "A calendar year."),
        ("years", "A number of years."),
        ("ratio", "A pure number."),
        ("count", "A count."),
        ("multiplier", "A multiplier (×)."),
        ("choice", "One of named options."),
        ("index", "An index, 100 = base year."),
        ("gini", "A Gini coefficient between 0 and 1."),
        ("tonnes_year", "Tonnes per adult per year."),
        ("gj_year", "Gigajoules per person a year (energy)."),
        ("tkm_year", "Tonne-kilometres per person a year (freight)."),
        ("phase", "A production phase number."),
    ],
};
/// What a parameter is: part of a reform, a description of the world, or how the model runs.
pub const ROLES: Vocabulary = Vocabulary {
    name: "Role",
    doc: "What a parameter is (`role` in `models/parameters.toml`).",
    words: &[
        (
            "policy",
            "Part of a reform: the status-quo baseline holds it at today's value.",
        ),
        (
            "assumption",
            "A description of the world: baseline and reform share it.",
        ),
        (
            "setting",
            "How the model runs (horizon, number of groups): shared too.",
        ),
    ],
};
/// How a parameter is entered.
pub const KINDS: Vocabulary = Vocabulary {
    name: "ParamKind",
    doc: "How a parameter is entered (`kind` in `models/parameters.toml`).",
    words: &[
        ("number", "A number on a slider."),
        (
            "choice",
            "One of [`ParamSpec::options`], stored as its index.",
        ),
        ("year_or_off", "A year, or 0 for \"off\"."),
    ],
};
/// How a region figure is known (calibration.md's tags).
pub const FIGURE_KINDS: Vocabulary = Vocabulary {
    name: "FigureKind",
    doc: "How a region figure is known (calibration.md's tags).",
    words: &[
        ("seen", "Read in the named source."),
        ("recall", "From the literature, not re-read."),
        ("derived", "Computed from other figures."),
        ("assumption", "A reasoned assumption."),
    ],
};
pub const EVIDENCE_KINDS: &[&str] = &["evidence", "assumption"];
/// Every figure a region file must give, in this order (the generated `RegionFigures`).
pub const REGION_FIGURES: &[&str] = &[
    "adults",
    "gdp_per_adult",
    "usd_per_currency",
    "wealth_to_gdp",
    "wealth_bottom50",
    "wealth_middle40",
    "wealth_top10",
    "wealth_top1",
    "labour_share",
    "depreciation",
    "consumption_to_gdp",
    "earnings_gini",
    "disposable_gini",
    "tax_to_gdp",
    "consumption_tax",
    "debt_to_gdp",
    "transfers_to_gdp",
    "gov_consumption_to_gdp",
    "unemployment",
    "unemployment_floor",
    "ub_replacement",
    "imports_to_gdp",
    "exports_to_gdp",
    "current_account_to_gdp",
    "automation_rate",
    "children_share",
    "children_share_2050",
    "children_share_2075",
    "children_share_2100",
    "elderly_share",
    "elderly_share_2050",
    "elderly_share_2075",
    "elderly_share_2100",
    "adults_single",
    "adults_couple",
    "adults_couple_children",
    "adults_single_parent",
    "pensioners_alone",
    "employment_rate",
    "participation_65",
    "pensions_to_gdp",
    "pension_coverage",
    "family_to_gdp",
    "assistance_to_gdp",
    "assistance_taper",
    "tax_threshold_1",
    "tax_threshold_2",
    "tax_rate_1",
    "tax_rate_2",
    "tax_rate_3",
    "poverty_abs_target",
    "poverty_rel_target",
    "ppp_factor",
    "nonwork_gradient",
    "wealth_earnings_rank",
    "benefit_incidence",
    "pension_flat_share",
    "poverty_rel_line",
    "poverty_line_from_median",
    "skill_gini",
    "survey_to_accounts",
    "target_concept",
    "capital_in_surveys",
    "poverty_line",
    "basic_needs",
    "material_footprint",
    "material_budget",
    "circularity_rate",
    "energy_per_person",
    "freight_per_person",
    "material_outlook",
    "basket_food",
    "basket_clothing",
    "basket_durables",
    "basket_energy",
    "basket_housing",
    "basket_services",
    "bi_max",
    "bi_step",
    "bi_default",
];
/// Region figures that may be negative (balances).
pub const SIGNED_FIGURES: &[&str] = &["current_account_to_gdp", "benefit_incidence"];
pub const REGION_IDS: &[&str] = &["us", "uk", "fi", "ng", "world"];
pub const PHASE_FIGURES: &[&str] = &[
    "unit_cost",
    "materials",
    "labour_share",
    "transport_km",
    "capital_output",
    "recycling",
    "hours",
    "energy",
];
/// The categories of the consumption basket, in order (`[[category]]` in `models/phases.toml`;
/// each phase's `ceiling.<id>` and each region's `basket_<id>`).
pub const CATEGORY_IDS: &[&str] = &[
    "food", "clothing", "durables", "energy", "housing", "services",
];

#[derive(Debug, Deserialize, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Uncertain {
    pub dist: String,
    pub low: f64,
    pub high: f64,
    pub mode: Option<f64>,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Param {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub kind: String,
    pub group: String,
    pub role: String,
    /// Today's value of a policy (the status-quo baseline's); the default when absent.
    pub status_quo: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub step: Option<f64>,
    pub default: f64,
    #[serde(default)]
    pub options: Vec<String>,
    pub help: String,
    pub source: String,
    pub uncertain: Option<Uncertain>,
    #[serde(default)]
    pub advanced: bool,
    pub region_max: Option<String>,
    pub region_step: Option<String>,
    pub region_default: Option<String>,
    pub region_scale: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamFile {
    /// The control groups parameters sit in (`[[group]]`), in display order.
    pub group: Vec<ParamGroup>,
    pub param: Vec<Param>,
}

/// A control group of parameters (`[[group]]` in `models/parameters.toml`); the generated
/// `Group` enum has one variant per group.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct ParamGroup {
    pub id: String,
    /// Its heading in the controls.
    pub title: String,
    /// What its parameters are, in a sentence under the heading.
    pub about: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Output {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub format: u8,
    pub bounds: [f64; 2],
    /// "higher" or "lower": the direction that is better for people, if either.
    #[serde(default)]
    pub better: Option<String>,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputFile {
    pub output: Vec<Output>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub value: f64,
    pub unit: String,
    pub year: i32,
    pub source: String,
    pub kind: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub currency: String,
    pub currency_symbol: String,
    pub year: i32,
    pub figures: BTreeMap<String, Figure>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct PhaseFigure {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub kind: String,
    pub note: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub number: u8,
    pub id: String,
    pub name: String,
    pub place: String,
    pub ownership: String,
    /// "jobs" (employment) or "own_use" (work for the household's own use, not employment).
    pub work: String,
    pub unit_cost: PhaseFigure,
    pub materials: PhaseFigure,
    pub labour_share: PhaseFigure,
    pub transport_km: PhaseFigure,
    /// The most of each category of the basket the phase can make, by category id.
    pub ceiling: BTreeMap<String, PhaseFigure>,
    pub capital_output: PhaseFigure,
    pub recycling: PhaseFigure,
    /// Hours of work per unit of commons value added, relative to the market's per unit of
    /// output in the same year (market = 1).
    pub hours: PhaseFigure,
    /// Energy per unit of goods (at market value), relative to the market's (market = 1).
    pub energy: PhaseFigure,
}

/// A category of the consumption basket.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
    /// What the category includes, in words.
    pub covers: String,
    /// Its share of the material footprint of all final demand.
    pub material: PhaseFigure,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseFile {
    pub market_km: f64,
    pub market_recycling: f64,
    pub energy_efficiency: f64,
    pub material_efficiency: f64,
    pub category: Vec<Category>,
    pub phase: Vec<Phase>,
}

/// A failure names the file and the key, so a contributor can fix the data without Rust.
fn fail(file: &str, key: &str, why: impl std::fmt::Display) -> String {
    format!("{file}: {key}: {why}")
}

fn parse<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| format!("{file}: {e}"))
}

fn check_text(file: &str, key: &str, text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(fail(file, key, "must not be empty"));
    }
    Ok(())
}

fn check_one_of(file: &str, key: &str, value: &str, allowed: &[&str]) -> Result<(), String> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(fail(
            file,
            key,
            format!("'{value}' is not one of {}", allowed.join(", ")),
        ))
    }
}

fn check_id(file: &str, key: &str, id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && id.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    if ok {
        Ok(())
    } else {
        Err(fail(
            file,
            key,
            format!("'{id}' must be lower-case letters, digits and '_'"),
        ))
    }
}

fn check_unique<'a>(file: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), String> {
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(fail(file, id, "id appears twice"));
        }
    }
    Ok(())
}

fn check_uncertain(file: &str, key: &str, p: &Param, u: &Uncertain) -> Result<(), String> {
    check_one_of(file, key, &u.dist, &["uniform", "triangular", "normal"])?;
    let (min, max) = (p.min.unwrap_or(f64::MIN), p.max.unwrap_or(f64::MAX));
    if !(u.low.is_finite() && u.high.is_finite() && u.low < u.high) {
        return Err(fail(file, key, "needs finite low < high"));
    }
    if u.low < min || u.high > max {
        return Err(fail(
            file,
            key,
            format!("[{}, {}] leaves the range [{min}, {max}]", u.low, u.high),
        ));
    }
    match u.dist.as_str() {
        "triangular" => match u.mode {
            Some(m) if m >= u.low && m <= u.high => Ok(()),
            _ => Err(fail(file, key, "triangular needs low <= mode <= high")),
        },
        "normal" => match (u.mean, u.sd) {
            (Some(m), Some(s)) if s > 0.0 && m >= u.low && m <= u.high => Ok(()),
            _ => Err(fail(
                file,
                key,
                "normal needs sd > 0 and low <= mean <= high",
            )),
        },
        _ => Ok(()),
    }
}

/// Parses and validates the control groups of `models/parameters.toml`.
pub fn param_groups(file: &str, text: &str) -> Result<Vec<ParamGroup>, String> {
    let parsed: ParamFile = parse(file, text)?;
    check_unique(file, parsed.group.iter().map(|g| g.id.as_str()))?;
    if parsed.group.first().map(|g| g.id.as_str()) != Some("main") {
        return Err(fail(
            file,
            "group",
            "the first group must be 'main' (the levers always in view)",
        ));
    }
    for g in &parsed.group {
        let key = |k: &str| format!("group '{}'.{k}", g.id);
        check_id(file, &key("id"), &g.id)?;
        check_text(file, &key("title"), &g.title)?;
        check_text(file, &key("about"), &g.about)?;
    }
    Ok(parsed.group)
}

/// Parses and validates `models/parameters.toml`.
pub fn parameters(file: &str, text: &str) -> Result<Vec<Param>, String> {
    let parsed: ParamFile = parse(file, text)?;
    let groups = param_groups(file, text)?;
    let group_ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
    check_unique(file, parsed.param.iter().map(|p| p.id.as_str()))?;
    for p in &parsed.param {
        let key = |k: &str| format!("param '{}'.{k}", p.id);
        check_id(file, &key("id"), &p.id)?;
        check_text(file, &key("label"), &p.label)?;
        check_text(file, &key("help"), &p.help)?;
        check_text(file, &key("source"), &p.source)?;
        check_one_of(file, &key("unit"), &p.unit, &UNITS.ids())?;
        check_one_of(file, &key("group"), &p.group, &group_ids)?;
        check_one_of(file, &key("role"), &p.role, &ROLES.ids())?;
        if let Some(q) = p.status_quo {
            if p.role != "policy" {
                return Err(fail(
                    file,
                    &key("status_quo"),
                    "only a policy has a status quo",
                ));
            }
            let (lo, hi) = match p.kind.as_str() {
                "choice" => (0.0, p.options.len().saturating_sub(1) as f64),
                // Off (0) is a valid status quo for a year that can be off.
                "year_or_off" if q == 0.0 => (0.0, 0.0),
                _ => (p.min.unwrap_or(f64::NAN), p.max.unwrap_or(f64::NAN)),
            };
            if !(lo <= q && q <= hi) {
                return Err(fail(file, &key("status_quo"), "must be within the range"));
            }
        }
        check_one_of(file, &key("kind"), &p.kind, &KINDS.ids())?;
        if !p.default.is_finite() {
            return Err(fail(file, &key("default"), "must be finite"));
        }
        if p.kind == "choice" {
            if p.options.len() < 2 {
                return Err(fail(
                    file,
                    &key("options"),
                    "a choice needs two or more options",
                ));
            }
            for o in &p.options {
                check_id(file, &key("options"), o)?;
            }
            let d = p.default;
            if d < 0.0 || d.fract() != 0.0 || d as usize >= p.options.len() {
                return Err(fail(
                    file,
                    &key("default"),
                    "must be the index of an option",
                ));
            }
            continue;
        }
        let (min, max, step) = match (p.min, p.max, p.step) {
            (Some(a), Some(b), Some(s)) => (a, b, s),
            _ => return Err(fail(file, &key("min"), "a number needs min, max and step")),
        };
        if !(min.is_finite() && max.is_finite() && min < max) {
            return Err(fail(
                file,
                &key("max"),
                format!("needs min < max, got [{min}, {max}]"),
            ));
        }
        if !(step.is_finite() && step > 0.0 && step <= max - min) {
            return Err(fail(file, &key("step"), "must be > 0 and fit the range"));
        }
        let off = p.kind == "year_or_off" && p.default == 0.0;
        if !off && (p.default < min || p.default > max) {
            return Err(fail(
                file,
                &key("default"),
                format!("{} is outside [{min}, {max}]", p.default),
            ));
        }
        for (k, fig) in [
            ("region_max", &p.region_max),
            ("region_step", &p.region_step),
            ("region_default", &p.region_default),
        ] {
            if let Some(f) = fig {
                check_one_of(file, &key(k), f, REGION_FIGURES)?;
            }
        }
        if let Some(u) = &p.uncertain {
            check_uncertain(file, &key("uncertain"), p, u)?;
        }
    }
    Ok(parsed.param)
}

/// Parses and validates `models/outputs.toml`.
pub fn outputs(file: &str, text: &str) -> Result<Vec<Output>, String> {
    let parsed: OutputFile = parse(file, text)?;
    check_unique(file, parsed.output.iter().map(|o| o.id.as_str()))?;
    for o in &parsed.output {
        let key = |k: &str| format!("output '{}'.{k}", o.id);
        check_id(file, &key("id"), &o.id)?;
        check_text(file, &key("label"), &o.label)?;
        check_text(file, &key("description"), &o.description)?;
        check_one_of(file, &key("unit"), &o.unit, &UNITS.ids())?;
        if let Some(better) = &o.better {
            check_one_of(file, &key("better"), better, &["higher", "lower"])?;
        }
        if o.format > 6 {
            return Err(fail(file, &key("format"), "at most 6 decimals"));
        }
        if o.bounds[0].partial_cmp(&o.bounds[1]) != Some(std::cmp::Ordering::Less) {
            return Err(fail(file, &key("bounds"), "needs low < high"));
        }
    }
    Ok(parsed.output)
}

/// Parses and validates one `models/regions/*.toml`.
pub fn region(file: &str, text: &str) -> Result<Region, String> {
    let r: Region = parse(file, text)?;
    check_one_of(file, "id", &r.id, REGION_IDS)?;
    check_text(file, "name", &r.name)?;
    check_text(file, "currency", &r.currency)?;
    check_text(file, "currency_symbol", &r.currency_symbol)?;
    for name in REGION_FIGURES {
        let key = format!("figures.{name}");
        let f = r
            .figures
            .get(*name)
            .ok_or_else(|| fail(file, &key, "missing"))?;
        let signed = SIGNED_FIGURES.contains(name);
        if !f.value.is_finite() || (f.value < 0.0 && !signed) {
            return Err(fail(file, &key, "value must be finite and >= 0"));
        }
        check_text(file, &format!("{key}.source"), &f.source)?;
        check_text(file, &format!("{key}.unit"), &f.unit)?;
        check_one_of(file, &format!("{key}.kind"), &f.kind, &FIGURE_KINDS.ids())?;
    }
    if let Some(extra) = r
        .figures
        .keys()
        .find(|k| !REGION_FIGURES.contains(&k.as_str()))
    {
        return Err(fail(file, &format!("figures.{extra}"), "unknown figure"));
    }
    let v = |k: &str| r.figures[k].value;
    let brackets = v("wealth_bottom50") + v("wealth_middle40") + v("wealth_top10");
    if (brackets - 1.0).abs() > 0.005 {
        return Err(fail(
            file,
            "figures.wealth_bottom50",
            format!("bottom 50 + middle 40 + top 10 shares sum to {brackets}, not 1"),
        ));
    }
    let basket: f64 = CATEGORY_IDS.iter().map(|c| v(&format!("basket_{c}"))).sum();
    if (basket - 1.0).abs() > 0.005 {
        return Err(fail(
            file,
            "figures.basket_food",
            format!("the basket_* shares sum to {basket}, not 1"),
        ));
    }
    if v("wealth_top1") >= v("wealth_top10") {
        return Err(fail(
            file,
            "figures.wealth_top1",
            "must be below the top 10 % share",
        ));
    }
    for k in [
        "labour_share",
        "depreciation",
        "consumption_to_gdp",
        "earnings_gini",
        "disposable_gini",
        "tax_to_gdp",
        "consumption_tax",
        "transfers_to_gdp",
        "gov_consumption_to_gdp",
        "unemployment",
        "unemployment_floor",
        "ub_replacement",
        "imports_to_gdp",
        "exports_to_gdp",
        "current_account_to_gdp",
        "automation_rate",
        "children_share",
        "children_share_2050",
        "children_share_2075",
        "children_share_2100",
        "elderly_share",
        "elderly_share_2050",
        "elderly_share_2075",
        "elderly_share_2100",
        "employment_rate",
        "participation_65",
        "pensions_to_gdp",
        "family_to_gdp",
        "assistance_to_gdp",
        "tax_rate_1",
        "tax_rate_2",
        "tax_rate_3",
        "poverty_abs_target",
        "poverty_rel_target",
        "skill_gini",
    ] {
        if v(k) >= 1.0 {
            return Err(fail(
                file,
                &format!("figures.{k}"),
                "is a share: must be < 1",
            ));
        }
    }
    // Shares that may reach 1 (everyone covered, all captured, all flat), and switches.
    for k in [
        "adults_single",
        "adults_couple",
        "adults_couple_children",
        "adults_single_parent",
        "pensioners_alone",
        "pension_coverage",
        "pension_flat_share",
        "assistance_taper",
        "wealth_earnings_rank",
        "poverty_rel_line",
        "survey_to_accounts",
        "capital_in_surveys",
        "poverty_line_from_median",
        "target_concept",
    ] {
        if v(k) > 1.0 {
            return Err(fail(
                file,
                &format!("figures.{k}"),
                "is a share or a switch: must be within [0, 1]",
            ));
        }
    }
    let kinds = v("adults_single")
        + v("adults_couple")
        + v("adults_couple_children")
        + v("adults_single_parent");
    if (kinds - 1.0).abs() > 0.005 {
        return Err(fail(
            file,
            "figures.adults_single",
            format!("the shares of working-age adults by household kind sum to {kinds}, not 1"),
        ));
    }
    if v("children_share") + v("elderly_share") >= 1.0 {
        return Err(fail(
            file,
            "figures.children_share",
            "children and people 65+ leave no working-age adults",
        ));
    }
    for k in [
        "adults",
        "gdp_per_adult",
        "usd_per_currency",
        "bi_max",
        "bi_step",
    ] {
        if v(k) <= 0.0 {
            return Err(fail(file, &format!("figures.{k}"), "must be > 0"));
        }
    }
    if v("bi_default") > v("bi_max") || v("bi_step") > v("bi_max") {
        return Err(fail(
            file,
            "figures.bi_default",
            "must be within [0, bi_max]",
        ));
    }
    Ok(r)
}

/// Parses and validates `models/phases.toml`: phases 0..=3 in order, figures within ranges.
pub fn phases(file: &str, text: &str) -> Result<PhaseFile, String> {
    let parsed: PhaseFile = parse(file, text)?;
    let ids: Vec<&str> = parsed.category.iter().map(|c| c.id.as_str()).collect();
    if ids != CATEGORY_IDS {
        return Err(fail(
            file,
            "category",
            format!("needs the categories {CATEGORY_IDS:?} in that order"),
        ));
    }
    let material: f64 = parsed.category.iter().map(|c| c.material.value).sum();
    if material > 1.0 + 1e-9 {
        return Err(fail(
            file,
            "category",
            "material shares add up to more than 1",
        ));
    }
    for c in &parsed.category {
        check_text(file, &format!("category {}.name", c.id), &c.name)?;
        check_text(file, &format!("category {}.covers", c.id), &c.covers)?;
        let key = format!("category {}.material", c.id);
        check_one_of(
            file,
            &format!("{key}.kind"),
            &c.material.kind,
            EVIDENCE_KINDS,
        )?;
        check_text(file, &format!("{key}.note"), &c.material.note)?;
        let m = &c.material;
        if !(0.0 <= m.low && m.low <= m.value && m.value <= m.high && m.high <= 1.0) {
            return Err(fail(file, &key, "needs 0 <= low <= value <= high <= 1"));
        }
    }
    if parsed.phase.len() != 4 {
        return Err(fail(
            file,
            "phase",
            "needs exactly the phases 0, 1, 2 and 3",
        ));
    }
    for (i, p) in parsed.phase.iter().enumerate() {
        let key = |k: &str| format!("phase {}.{k}", p.number);
        if p.number as usize != i {
            return Err(fail(
                file,
                &key("number"),
                "phases must be numbered 0, 1, 2, 3 in order",
            ));
        }
        check_id(file, &key("id"), &p.id)?;
        check_text(file, &key("name"), &p.name)?;
        check_one_of(file, &key("ownership"), &p.ownership, &["equity", "equal"])?;
        check_one_of(file, &key("work"), &p.work, &["jobs", "own_use"])?;
        let mut figs = vec![
            ("unit_cost".to_string(), &p.unit_cost),
            ("materials".to_string(), &p.materials),
            ("labour_share".to_string(), &p.labour_share),
            ("transport_km".to_string(), &p.transport_km),
            ("capital_output".to_string(), &p.capital_output),
            ("recycling".to_string(), &p.recycling),
            ("hours".to_string(), &p.hours),
            ("energy".to_string(), &p.energy),
        ];
        for id in CATEGORY_IDS {
            let Some(f) = p.ceiling.get(*id) else {
                return Err(fail(file, &key(&format!("ceiling.{id}")), "is missing"));
            };
            figs.push((format!("ceiling.{id}"), f));
        }
        if let Some(extra) = p
            .ceiling
            .keys()
            .find(|k| !CATEGORY_IDS.contains(&k.as_str()))
        {
            return Err(fail(
                file,
                &key(&format!("ceiling.{extra}")),
                "is not a category of the basket",
            ));
        }
        for (k, f) in figs {
            let k = k.as_str();
            check_one_of(file, &key(&format!("{k}.kind")), &f.kind, EVIDENCE_KINDS)?;
            check_text(file, &key(&format!("{k}.note")), &f.note)?;
            if !(f.low <= f.value && f.value <= f.high) {
                return Err(fail(file, &key(k), "needs low <= value <= high"));
            }
            let share = !matches!(k, "transport_km" | "capital_output" | "hours" | "energy");
            if f.low < 0.0 || (share && f.high > 1.0) {
                return Err(fail(file, &key(k), "out of its natural range"));
            }
        }
        if p.unit_cost.value <= 0.0 {
            return Err(fail(file, &key("unit_cost"), "must be > 0"));
        }
    }
    Ok(parsed)
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Invariant {
    pub id: String,
    pub sets: Vec<String>,
    pub predicate: String,
    pub outputs: Vec<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Direction {
    pub id: String,
    pub why: String,
    pub base: BTreeMap<String, String>,
    pub change: BTreeMap<String, String>,
    pub output: String,
    pub year: toml::Value,
    pub expect: String,
    pub margin: f64,
    /// Regions where the check applies (all when absent).
    pub regions: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckFile {
    pub invariant: Vec<Invariant>,
    pub direction: Vec<Direction>,
}

pub const SETS: &[&str] = &["default", "all_min", "all_max", "each_min", "each_max"];

/// Parses and validates `models/checks.toml` against the parameters and outputs.
pub fn checks(
    file: &str,
    text: &str,
    params: &[Param],
    outputs: &[Output],
) -> Result<CheckFile, String> {
    let parsed: CheckFile = parse(file, text)?;
    check_unique(
        file,
        parsed
            .invariant
            .iter()
            .map(|c| c.id.as_str())
            .chain(parsed.direction.iter().map(|c| c.id.as_str())),
    )?;
    let known_output = |id: &str| id == "*" || outputs.iter().any(|o| o.id == id);
    for c in &parsed.invariant {
        let key = |k: &str| format!("invariant '{}'.{k}", c.id);
        for s in &c.sets {
            check_one_of(file, &key("sets"), s, SETS)?;
        }
        check_one_of(
            file,
            &key("predicate"),
            &c.predicate,
            &["finite", "within_bounds"],
        )?;
        if let Some(bad) = c.outputs.iter().find(|o| !known_output(o)) {
            return Err(fail(
                file,
                &key("outputs"),
                format!("unknown output '{bad}'"),
            ));
        }
    }
    for c in &parsed.direction {
        let key = |k: &str| format!("direction '{}'.{k}", c.id);
        check_text(file, &key("why"), &c.why)?;
        for (k, _) in c.base.iter().chain(c.change.iter()) {
            if !params.iter().any(|p| &p.id == k) {
                return Err(fail(file, &key("base"), format!("unknown parameter '{k}'")));
            }
        }
        if !outputs.iter().any(|o| o.id == c.output) {
            return Err(fail(
                file,
                &key("output"),
                format!("unknown output '{}'", c.output),
            ));
        }
        check_one_of(file, &key("expect"), &c.expect, &["lower", "higher"])?;
        for r in c.regions.iter().flatten() {
            check_one_of(file, &key("regions"), r, REGION_IDS)?;
        }
        match &c.year {
            toml::Value::String(s) if s == "end" => {}
            toml::Value::Integer(y) if *y >= 0 => {}
            _ => {
                return Err(fail(
                    file,
                    &key("year"),
                    "must be \"end\" or a number of years",
                ))
            }
        }
        if c.margin.is_nan() || c.margin < 0.0 {
            return Err(fail(file, &key("margin"), "must be >= 0"));
        }
    }
    Ok(parsed)
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: String,
    pub name: String,
    pub description: String,
    pub region: Option<String>,
    pub settings: BTreeMap<String, String>,
}

/// Parses and validates one `models/scenarios/*.toml`: keys must be parameters, values must
/// read as the parameter's kind (a number, an option, `off`, or `@poverty` for the Basic
/// Income at the region's poverty line).
pub fn preset(file: &str, text: &str, params: &[Param]) -> Result<Preset, String> {
    let p: Preset = parse(file, text)?;
    check_id(file, "id", &p.id)?;
    check_text(file, "name", &p.name)?;
    check_text(file, "description", &p.description)?;
    if let Some(r) = &p.region {
        check_one_of(file, "region", r, REGION_IDS)?;
    }
    for (key, value) in &p.settings {
        check_setting(file, &format!("settings.{key}"), key, value, params)?;
    }
    Ok(p)
}

/// Checks one scenario setting (`key = "value"` as in a link): the key must be a parameter
/// and the value must read as its kind (a number in range, an option, `off`, or `@poverty`).
fn check_setting(
    file: &str,
    at: &str,
    key: &str,
    value: &str,
    params: &[Param],
) -> Result<(), String> {
    let spec = params
        .iter()
        .find(|q| q.id == key)
        .ok_or_else(|| fail(file, at, "not a parameter"))?;
    let ok = match spec.kind.as_str() {
        "choice" => spec.options.iter().any(|o| o == value),
        "year_or_off" if value == "off" => true,
        _ if value == "@poverty" || value == "@half_poverty" => spec.unit == "currency_month",
        _ => match value.parse::<f64>() {
            Ok(v) => {
                let (min, max) = (spec.min.unwrap_or(f64::MIN), spec.max.unwrap_or(f64::MAX));
                // Currency ranges are regional: only the sign is checked here.
                (v >= min && v <= max) || (spec.unit == "currency_month" && v >= 0.0)
            }
            Err(_) => false,
        },
    };
    if ok {
        Ok(())
    } else {
        Err(fail(file, at, format!("'{value}' is not a valid value")))
    }
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct LessonStep {
    pub title: String,
    pub text: String,
    pub region: Option<String>,
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
    pub chart: String,
    pub question: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    pub audience: String,
    pub duration: String,
    pub goals: Vec<String>,
    pub sources: Vec<String>,
    pub step: Vec<LessonStep>,
}

/// The line (1-based) of `key` in the `n`-th `[[step]]` table of `text`, for error messages.
fn step_line(text: &str, n: usize, key: &str) -> usize {
    let mut seen = 0;
    let mut in_step = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("[[step]]") {
            in_step = seen == n;
            seen += 1;
            if in_step && key.is_empty() {
                return i + 1;
            }
            continue;
        }
        let assigns = |prefix: &str| {
            t.contains(&format!("{prefix}{key} =")) || t.contains(&format!("{prefix}{key}="))
        };
        if in_step
            && (t.starts_with(&format!("{key} "))
                || t.starts_with(&format!("{key}="))
                || assigns("{ ")
                || assigns("{")
                || assigns(", ")
                || assigns(","))
        {
            return i + 1;
        }
    }
    0
}

/// Parses and validates one `models/lessons/*.toml`. Errors name the file and the line:
/// TOML syntax errors carry their own line; a bad value points at its step's line.
///
/// `views` are the charts and cards a step may focus (`ChartFile::view_ids`).
pub fn lesson(file: &str, text: &str, params: &[Param], views: &[&str]) -> Result<Lesson, String> {
    let l: Lesson = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].lines().count().max(1))
            .unwrap_or(0);
        format!("{file}: line {line}: {}", e.message())
    })?;
    let at_line = |n: usize, key: &str, why: String| -> String {
        format!(
            "{file}: line {}: step {}.{key}: {why}",
            step_line(text, n, key),
            n + 1
        )
    };
    check_id(file, "id", &l.id)?;
    check_text(file, "title", &l.title)?;
    check_text(file, "audience", &l.audience)?;
    check_text(file, "duration", &l.duration)?;
    if l.goals.is_empty() || l.sources.is_empty() {
        return Err(fail(file, "goals", "a lesson needs goals and sources"));
    }
    if l.step.is_empty() {
        return Err(fail(file, "step", "a lesson needs at least one step"));
    }
    for (n, step) in l.step.iter().enumerate() {
        for (key, value) in [
            ("title", &step.title),
            ("text", &step.text),
            ("question", &step.question),
        ] {
            if value.trim().is_empty() {
                return Err(at_line(n, key, "must not be empty".into()));
            }
        }
        if let Some(r) = &step.region {
            if !REGION_IDS.contains(&r.as_str()) {
                return Err(at_line(
                    n,
                    "region",
                    format!("'{r}' is not one of {REGION_IDS:?}"),
                ));
            }
        }
        if !views.contains(&step.chart.as_str()) {
            return Err(at_line(
                n,
                "chart",
                format!("'{}' is not one of {views:?}", step.chart),
            ));
        }
        for (key, value) in &step.settings {
            check_setting(file, key, key, value, params).map_err(|e| {
                at_line(
                    n,
                    key,
                    e.rsplit(": ").next().unwrap_or_default().to_string(),
                )
            })?;
        }
    }
    Ok(l)
}

/// One published result the model is compared with (`models/validation.toml`).
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct ValidationEntry {
    pub id: String,
    pub title: String,
    pub source: String,
    /// What in the model stands for the published figure, and why.
    pub analogue: String,
    pub region: String,
    /// The scenario, as a share link's query.
    pub link: String,
    /// The run it is compared against (a link); absent: the scenario's own baseline.
    pub against: Option<String>,
    pub output: String,
    /// For `ratio`: the output whose % change divides the change of `output`.
    pub per: Option<String>,
    pub measure: String,
    pub year: i32,
    /// For `baseline_slope`: the last year.
    pub year_end: Option<i32>,
    pub published: f64,
    /// Largest distance that counts as a hit, in the measure's unit (or a direction).
    pub tolerance: f64,
    pub unit: String,
    pub verdict: String,
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidationFile {
    pub entry: Vec<ValidationEntry>,
}

/// The measures a validation entry may use.
pub const MEASURES: Vocabulary = Vocabulary {
    name: "Measure",
    doc: "How a validation entry reads the model (`models/validation.toml`).",
    words: &[
        ("change_pct", "% change of the output, scenario against the comparison run, in the year."),
        ("change", "Change of the output in its own unit, scenario against the comparison run."),
        ("baseline_slope", "Change of the baseline's output per year between `year` and `year_end`."),
        ("ratio", "Change of the output (its unit) per 1 % change of `per`, scenario against the comparison run."),
        ("share_pct", "The scenario's output as % of the comparison run's (e.g. what a negative income tax pays out as % of the Basic Income it is the twin of)."),
    ],
};

/// Parses and validates `models/validation.toml` against the outputs.
pub fn validation(file: &str, text: &str, outputs: &[Output]) -> Result<ValidationFile, String> {
    let parsed: ValidationFile = parse(file, text)?;
    check_unique(file, parsed.entry.iter().map(|e| e.id.as_str()))?;
    for e in &parsed.entry {
        let key = |k: &str| format!("entry '{}'.{k}", e.id);
        for (k, v) in [
            ("title", &e.title),
            ("source", &e.source),
            ("analogue", &e.analogue),
            ("link", &e.link),
            ("unit", &e.unit),
            ("note", &e.note),
        ] {
            check_text(file, &key(k), v)?;
        }
        check_one_of(file, &key("region"), &e.region, REGION_IDS)?;
        check_one_of(file, &key("measure"), &e.measure, &MEASURES.ids())?;
        check_one_of(file, &key("verdict"), &e.verdict, &["hit", "miss"])?;
        for (k, id) in [("output", Some(&e.output)), ("per", e.per.as_ref())] {
            if let Some(id) = id {
                if !outputs.iter().any(|o| &o.id == id) {
                    return Err(fail(file, &key(k), format!("unknown output '{id}'")));
                }
            }
        }
        if e.measure == "ratio" && e.per.is_none() {
            return Err(fail(file, &key("per"), "a ratio needs 'per'"));
        }
        if e.measure == "baseline_slope" && e.year_end.is_none_or(|y| y <= e.year) {
            return Err(fail(file, &key("year_end"), "must come after 'year'"));
        }
        if !(e.published.is_finite() && e.tolerance.is_finite() && e.tolerance > 0.0) {
            return Err(fail(file, &key("tolerance"), "must be finite and > 0"));
        }
    }
    Ok(parsed)
}

/// The sentence templates of `models/strings/<lang>.toml`: keys and texts, sorted by key.
pub fn strings(file: &str, text: &str) -> Result<Vec<(String, String)>, String> {
    let table: BTreeMap<String, String> = parse(file, text)?;
    for (key, value) in &table {
        check_id(file, key, key)?;
        check_text(file, key, value)?;
        // Braces come in pairs around a name.
        let mut open = false;
        for c in value.chars() {
            match (c, open) {
                ('{', false) => open = true,
                ('}', true) => open = false,
                ('{', true) | ('}', false) => {
                    return Err(fail(file, key, "braces must enclose a name: {name}"))
                }
                _ => {}
            }
        }
        if open {
            return Err(fail(file, key, "a '{' is not closed"));
        }
    }
    Ok(table.into_iter().collect())
}

/// A tab of the app (`[[tab]]` in `models/charts.toml`); the generated `Tab` enum has one
/// variant per tab.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct TabDecl {
    pub id: String,
    pub label: String,
}

/// A time-series chart (`[[chart]]`): the outputs it draws, in one unit.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct ChartDecl {
    pub id: String,
    pub title: String,
    pub family: String,
    pub tab: String,
    pub unit: String,
    pub outputs: Vec<String>,
}

/// A view that is a card, not a time chart (`[[card]]`): embeds and lessons can show it.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct CardDecl {
    pub id: String,
    pub title: String,
    pub tab: String,
}

/// What the debt rule changes on screen (`[debt_rule]`): the output it holds fixed is
/// replaced, in the headlines and on its chart, by the output that moves instead.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct DebtRuleDecl {
    pub replaces: String,
    pub with: String,
    /// The replaced chart's title.
    pub title: String,
}

/// `models/charts.toml`.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct ChartFile {
    /// The outputs of the headline strip, in order.
    pub headlines: Vec<String>,
    pub debt_rule: DebtRuleDecl,
    pub tab: Vec<TabDecl>,
    pub chart: Vec<ChartDecl>,
    pub card: Vec<CardDecl>,
}

impl ChartFile {
    /// Every view an embed or a lesson step can show: the charts, then the cards.
    pub fn view_ids(&self) -> Vec<&str> {
        let charts = self.chart.iter().map(|c| c.id.as_str());
        charts
            .chain(self.card.iter().map(|c| c.id.as_str()))
            .collect()
    }
}

/// Whether an output in `unit` may be drawn on a chart in `chart_unit`: the same unit, or an
/// index (base year = 100) on a percent chart, as both read on a 0–100 scale (the cost of
/// living beside the peer-production share).
fn unit_fits(unit: &str, chart_unit: &str) -> bool {
    unit == chart_unit || (unit == "index" && chart_unit == "percent")
}

/// Parses and validates `models/charts.toml` against the outputs.
pub fn charts(file: &str, text: &str, outputs: &[Output]) -> Result<ChartFile, String> {
    let parsed: ChartFile = parse(file, text)?;
    let output = |key: &str, id: &str| {
        outputs
            .iter()
            .find(|o| o.id == id)
            .ok_or_else(|| fail(file, key, format!("'{id}' is not an output")))
    };
    check_unique(file, parsed.tab.iter().map(|t| t.id.as_str()))?;
    check_unique(file, parsed.view_ids().into_iter())?;
    let tabs: Vec<&str> = parsed.tab.iter().map(|t| t.id.as_str()).collect();
    for t in &parsed.tab {
        check_id(file, &format!("tab '{}'.id", t.id), &t.id)?;
        check_text(file, &format!("tab '{}'.label", t.id), &t.label)?;
    }
    for c in &parsed.chart {
        let key = |k: &str| format!("chart '{}'.{k}", c.id);
        check_id(file, &key("id"), &c.id)?;
        check_text(file, &key("title"), &c.title)?;
        check_text(file, &key("family"), &c.family)?;
        check_one_of(file, &key("tab"), &c.tab, &tabs)?;
        check_one_of(file, &key("unit"), &c.unit, &UNITS.ids())?;
        if c.outputs.is_empty() {
            return Err(fail(
                file,
                &key("outputs"),
                "a chart draws at least one output",
            ));
        }
        for id in &c.outputs {
            let o = output(&key("outputs"), id)?;
            if !unit_fits(&o.unit, &c.unit) {
                return Err(fail(
                    file,
                    &key("outputs"),
                    format!("'{id}' is in {}, the chart in {}", o.unit, c.unit),
                ));
            }
        }
    }
    for c in &parsed.card {
        let key = |k: &str| format!("card '{}'.{k}", c.id);
        check_id(file, &key("id"), &c.id)?;
        check_text(file, &key("title"), &c.title)?;
        check_one_of(file, &key("tab"), &c.tab, &tabs)?;
    }
    if parsed.headlines.is_empty() {
        return Err(fail(file, "headlines", "name at least one output"));
    }
    for id in &parsed.headlines {
        output("headlines", id)?;
    }
    let rule = &parsed.debt_rule;
    output("debt_rule.replaces", &rule.replaces)?;
    output("debt_rule.with", &rule.with)?;
    check_text(file, "debt_rule.title", &rule.title)?;
    if !parsed.headlines.contains(&rule.replaces) {
        return Err(fail(file, "debt_rule.replaces", "must be a headline"));
    }
    let alone = |c: &&ChartDecl| c.outputs == [rule.replaces.clone()];
    if parsed.chart.iter().filter(alone).count() != 1 {
        return Err(fail(
            file,
            "debt_rule.replaces",
            "must be the only output of exactly one chart",
        ));
    }
    Ok(parsed)
}
