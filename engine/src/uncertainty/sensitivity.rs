//! One-at-a-time sensitivity: how far each uncertain parameter moves one output in one year
//! when it goes from the 5th to the 95th percentile of its distribution, the others held.

use ndarray::Array2;

/// The swing of one parameter for one output and year.
#[derive(Debug, Clone, PartialEq)]
pub struct Swing {
    /// The parameter (index into `PARAMS`).
    pub param: usize,
    /// The output with the parameter at the low end, minus the central value.
    pub low: f64,
    /// The output with the parameter at the high end, minus the central value.
    pub high: f64,
}

impl Swing {
    /// The width of the swing (the bar's length in a tornado chart).
    pub fn width(&self) -> f64 {
        (self.high - self.low).abs()
    }
}

/// The two runs of one parameter's swing.
#[derive(Debug, Clone, PartialEq)]
pub struct SwingRuns {
    /// The parameter (index into `PARAMS`).
    pub param: usize,
    /// Every output series with the parameter at the low end (`None`: the run failed).
    pub low: Option<Array2<f64>>,
    /// The same at the high end.
    pub high: Option<Array2<f64>>,
}

/// The swings of output `output` in year column `t`, widest first.
///
/// A parameter with a failed run is left out.
pub fn swings(central: &Array2<f64>, runs: &[SwingRuns], output: usize, t: usize) -> Vec<Swing> {
    let centre = central[[output, t]];
    let mut out: Vec<Swing> = runs
        .iter()
        .filter_map(|run| {
            Some(Swing {
                param: run.param,
                low: run.low.as_ref()?.get((output, t))? - centre,
                high: run.high.as_ref()?.get((output, t))? - centre,
            })
        })
        .collect();
    out.sort_by(|a, b| b.width().total_cmp(&a.width()).then(a.param.cmp(&b.param)));
    out
}
