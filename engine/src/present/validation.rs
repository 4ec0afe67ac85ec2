//! The rows of "How the model compares with published studies" (About tab): each entry of
//! `models/validation.toml` with its published figure and, once evaluated, the model's
//! figure, the distance and the verdict, every number with the entry's unit. Pure: the UI
//! decides when to evaluate (lazily, between inputs) and draws what this module says.

use crate::catalog::{units, ValidationEntry};
use crate::validation::{Evaluation, ValidationError};

/// Decimals of every figure in the table: the published figures are given to two.
const DECIMALS: u8 = 2;

/// A figure of the table: the number (signed where it is a distance) and the entry's unit,
/// kept apart so that the table can keep the number on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// "12.56", "−0.40", "+1.20", "± 3.10".
    pub number: String,
    /// The entry's unit, e.g. "% of GDP".
    pub unit: &'static str,
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.number, self.unit)
    }
}

/// The model's side of a row, once its entry has been evaluated.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Not evaluated yet (the table fills in between inputs).
    Pending,
    /// The model ran: its figure, the distance and the verdict.
    Evaluated {
        /// The model's figure, with the unit.
        model: Figure,
        /// Model minus published, signed, with the unit.
        distance: Figure,
        /// Whether the distance is within the tolerance.
        hit: bool,
        /// The recorded verdict differs from this one (the model changed since it was argued).
        flipped: bool,
    },
    /// The entry could not be evaluated: why.
    Failed(String),
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The entry's id (`models/validation.toml`).
    pub id: &'static str,
    /// The study's result, in a title.
    pub title: &'static str,
    /// The study, with its figure.
    pub source: &'static str,
    /// What in the model stands for it.
    pub analogue: &'static str,
    /// Why the two may differ, and how the tolerance was set.
    pub note: &'static str,
    /// The published figure, with the unit.
    pub published: Figure,
    /// The largest distance that counts as a hit, with the unit ("± 3.10 % of GDP").
    pub tolerance: Figure,
    /// The model's side.
    pub outcome: Outcome,
}

/// `value` with two decimals and the entry's unit, e.g. "12.56 % of GDP".
pub fn figure(value: f64, unit: &'static str) -> Figure {
    Figure {
        number: units::number(value, DECIMALS),
        unit,
    }
}

/// A signed figure: "+1.20 % of GDP", "−0.40 points a year"; no sign when it rounds to zero.
pub fn signed(value: f64, unit: &'static str) -> Figure {
    let shown = units::number(value.abs(), DECIMALS);
    let zero = shown.chars().all(|c| matches!(c, '0' | '.'));
    let sign = match (zero, value > 0.0) {
        (true, _) => "",
        (false, true) => "+",
        (false, false) => "−",
    };
    Figure {
        number: format!("{sign}{shown}"),
        unit,
    }
}

/// A tolerance: "± 3.10 % of GDP".
pub fn tolerance(value: f64, unit: &'static str) -> Figure {
    Figure {
        number: format!("± {}", units::number(value, DECIMALS)),
        unit,
    }
}

/// The verdict in words: "Hit" or "Miss".
pub fn verdict(hit: bool) -> &'static str {
    if hit {
        "Hit"
    } else {
        "Miss"
    }
}

/// The row of `entry`: before its evaluation (`result` is `None`) or after.
pub fn row(
    entry: &'static ValidationEntry,
    result: Option<&Result<Evaluation, ValidationError>>,
) -> Row {
    let outcome = match result {
        None => Outcome::Pending,
        Some(Ok(e)) => Outcome::Evaluated {
            model: figure(e.model, entry.unit),
            distance: signed(e.distance, entry.unit),
            hit: e.hit,
            flipped: e.hit != entry.hit,
        },
        Some(Err(error)) => Outcome::Failed(error.to_string()),
    };
    Row {
        id: entry.id,
        title: entry.title,
        source: entry.source,
        analogue: entry.analogue,
        note: entry.note,
        published: figure(entry.published, entry.unit),
        tolerance: tolerance(entry.tolerance, entry.unit),
        outcome,
    }
}

/// A line under the table once every entry is evaluated: "4 of 5 within tolerance, 1 miss."
pub fn tally(results: &[Result<Evaluation, ValidationError>]) -> String {
    let hits = results
        .iter()
        .filter(|r| matches!(r, Ok(e) if e.hit))
        .count();
    let misses = results
        .iter()
        .filter(|r| matches!(r, Ok(e) if !e.hit))
        .count();
    let failed = results.len() - hits - misses;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut text = format!(
        "{hits} of {} within tolerance, {}",
        results.len(),
        plural(misses, "miss", "misses")
    );
    if failed > 0 {
        text.push_str(&format!(
            ", {} could not be evaluated",
            plural(failed, "entry", "entries")
        ));
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::VALIDATION;

    #[test]
    fn figures_keep_the_unit_and_sign() {
        let text = |f: Figure| f.to_string();
        assert_eq!(text(figure(12.56, "% of GDP")), "12.56 % of GDP");
        assert_eq!(text(signed(-0.404, "points a year")), "−0.40 points a year");
        assert_eq!(text(signed(1.2, "% of GDP")), "+1.20 % of GDP");
        // Rounds to zero: no sign.
        assert_eq!(text(signed(-0.001, "% of GDP")), "0.00 % of GDP");
        assert_eq!(
            text(tolerance(0.5, "points a year")),
            "± 0.50 points a year"
        );
    }

    #[test]
    fn a_miss_reads_as_a_miss_and_an_error_as_an_error() {
        let entry = &VALIDATION[0];
        let miss = Evaluation {
            entry,
            model: entry.published + 2.0 * entry.tolerance,
            distance: 2.0 * entry.tolerance,
            hit: false,
        };
        let row = row(entry, Some(&Ok(miss)));
        match &row.outcome {
            Outcome::Evaluated { hit, flipped, .. } => {
                assert!(!hit);
                assert_eq!(*flipped, entry.hit);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(verdict(false), "Miss");
        let failed = super::row(
            entry,
            Some(&Err(ValidationError::Missing {
                entry: entry.id,
                what: "year 2200".into(),
            })),
        );
        assert!(matches!(&failed.outcome, Outcome::Failed(t) if t.contains("year 2200")));
        assert_eq!(super::row(entry, None).outcome, Outcome::Pending);
        assert_eq!(row.published.unit, entry.unit);
        assert!(row.tolerance.to_string().starts_with("± "));
        assert_eq!(tally(&[Ok(miss)]), "0 of 1 within tolerance, 1 miss.");
    }
}
