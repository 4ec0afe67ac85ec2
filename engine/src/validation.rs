//! How the model compares with published studies it was not calibrated to
//! (`models/validation.toml`): each entry names a scenario, the run it is compared against,
//! an output and a measure; evaluating it runs the model and gives the distance from the
//! published figure. A miss is shown as a miss: the recorded verdicts are tested, so a change
//! that turns a hit into a miss (or back) is seen and argued.

use crate::catalog::{self, Measure, ValidationEntry, BASE_YEAR, VALIDATION};
use crate::model::{run, ModelError};
use crate::scenario::{query, Scenario};

/// What the model says for one entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    pub entry: &'static ValidationEntry,
    /// The model's figure, in the entry's unit.
    pub model: f64,
    /// Model minus published.
    pub distance: f64,
    /// Whether the distance is within the entry's tolerance.
    pub hit: bool,
}

/// Why an entry could not be evaluated.
#[derive(Debug, Clone, PartialEq)]
pub enum ValidationError {
    /// A link of the entry opened with notices (it would not run the scenario it names).
    Link { entry: &'static str, notice: String },
    /// The model stopped with an error.
    Model {
        entry: &'static str,
        error: ModelError,
    },
    /// The year, output or region is not in the run.
    Missing { entry: &'static str, what: String },
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Link { entry, notice } => write!(f, "{entry}: its link has a notice: {notice}"),
            Self::Model { entry, error } => write!(f, "{entry}: {error}"),
            Self::Missing { entry, what } => write!(f, "{entry}: {what} is missing"),
        }
    }
}

fn scenario(entry: &'static ValidationEntry, text: &str) -> Result<Scenario, ValidationError> {
    // A comparison's link holds a scenario only (no view keys).
    let (decoded, notices) = query::decode(text);
    if let Some(n) = notices.first() {
        return Err(ValidationError::Link {
            entry: entry.id,
            notice: n.message.clone(),
        });
    }
    Ok(decoded)
}

/// Evaluates one entry: runs its scenario (and the run it is compared against) and reads the
/// measure.
pub fn evaluate(entry: &'static ValidationEntry) -> Result<Evaluation, ValidationError> {
    let missing = |what: &str| ValidationError::Missing {
        entry: entry.id,
        what: what.to_string(),
    };
    let model_error = |error| ValidationError::Model {
        entry: entry.id,
        error,
    };
    let outcome = run(&scenario(entry, entry.link)?).map_err(model_error)?;
    let comparison = match entry.against {
        Some(text) => run(&scenario(entry, text)?).map_err(model_error)?.scenario,
        None => (*outcome.baseline).clone(),
    };
    let main = &outcome.scenario;
    let index = |year: i32| {
        usize::try_from(year - BASE_YEAR)
            .ok()
            .filter(|t| *t < main.series.ncols() && *t < comparison.series.ncols())
            .ok_or_else(|| missing(&format!("year {year}")))
    };
    let output = |id: &str| {
        catalog::output(id)
            .map(|(i, _)| i)
            .ok_or_else(|| missing(&format!("output {id}")))
    };
    let t = index(entry.year)?;
    let out = output(entry.output)?;
    let (s, b) = (main.series[[out, t]], comparison.series[[out, t]]);
    let pct = |s: f64, b: f64| 100.0 * (s / b - 1.0);
    let model = match entry.measure {
        Measure::ChangePct => pct(s, b),
        Measure::Change => s - b,
        Measure::BaselineSlope => {
            let end = entry.year_end.ok_or_else(|| missing("year_end"))?;
            let e = index(end)?;
            (comparison.series[[out, e]] - b) / f64::from(end - entry.year)
        }
        Measure::Ratio => {
            let per = output(entry.per.ok_or_else(|| missing("per"))?)?;
            (s - b) / pct(main.series[[per, t]], comparison.series[[per, t]])
        }
        Measure::SharePct => 100.0 * s / b,
    };
    let distance = model - entry.published;
    Ok(Evaluation {
        entry,
        model,
        distance,
        hit: distance.abs() <= entry.tolerance,
    })
}

/// Every entry of `models/validation.toml`, evaluated.
pub fn evaluate_all() -> Vec<Result<Evaluation, ValidationError>> {
    VALIDATION.iter().map(evaluate).collect()
}
