//! Typed errors of the model: a scenario the model cannot solve is reported, never drawn as
//! NaN.

use std::fmt;

/// Why a run could not be completed.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelError {
    /// No income tax rate below the ceiling balances the budget in `year` (balanced rule).
    Infeasible {
        /// Calendar year.
        year: i32,
        /// The income tax rate that would be needed, in percent (may exceed 100).
        tax_needed: f64,
    },
    /// Public debt passed [`super::economy::MAX_DEBT_GDP`] times GDP in `year` (debt rule):
    /// no one would lend that much, and a real model has no inflation to erode it.
    Unsustainable {
        /// Calendar year.
        year: i32,
        /// Public debt, % of GDP.
        debt_gdp: f64,
    },
    /// The within-year solver did not converge in its pass budget.
    NoConvergence {
        /// Calendar year.
        year: i32,
        /// Relative residual left.
        residual: f64,
    },
    /// The calibration data of the region cannot support the scenario (e.g. a bad figure).
    Calibration(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Infeasible { year, tax_needed } => {
                if tax_needed.is_finite() {
                    write!(
                        f,
                        "In {year} no income tax rate below {:.0} % can pay for this scenario \
                         (it would need {tax_needed:.0} %). Lower the Basic Income, add other taxes, \
                         or choose the debt rule.",
                        super::MAX_TAX_RATE * 100.0
                    )
                } else {
                    write!(
                        f,
                        "In {year} there is no taxable income left to pay for this scenario. \
                         Lower the Basic Income or choose the debt rule."
                    )
                }
            }
            ModelError::Unsustainable { year, debt_gdp } => write!(
                f,
                "In {year} public debt passes {debt_gdp:.0} % of GDP: the debt rule cannot finance \
                 this scenario (no one would lend that much, and the model has no inflation to \
                 erode it). Lower the Basic Income, raise taxes, or choose the balanced rule."
            ),
            ModelError::NoConvergence { year, residual } => write!(
                f,
                "The model could not settle the economy of {year} (residual {residual:.1e}); \
                 this scenario is outside what the model can compute."
            ),
            ModelError::Calibration(why) => write!(f, "Calibration problem: {why}"),
        }
    }
}

impl std::error::Error for ModelError {}
