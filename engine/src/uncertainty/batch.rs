//! The message the Web Worker answers: a batch of tasks of one scenario, as flat numbers.
//!
//! Kept in the engine (no browser types) so the worker's answer is tested natively: the
//! worker only moves these vectors in and out of JavaScript arrays.

use super::{MonteCarlo, Task};
use crate::catalog::OUTPUT_COUNT;
use crate::scenario::query;

impl Task {
    /// The task as one integer for a message: draws are `n ≥ 0`, swings negative.
    pub fn code(self) -> i32 {
        match self {
            Task::Draw(n) => n.min(i32::MAX as u64) as i32,
            Task::Swing { slot, high } => -1 - (2 * slot as i32 + i32::from(high)),
        }
    }

    /// The task a [`Task::code`] stands for.
    pub fn from_code(code: i32) -> Self {
        if code >= 0 {
            Task::Draw(code as u64)
        } else {
            let k = (-1 - code) as usize;
            Task::Swing {
                slot: k / 2,
                high: k % 2 == 1,
            }
        }
    }
}

/// The results of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchResult {
    /// Per task, whether it ran (an infeasible scenario does not).
    pub ran: Vec<bool>,
    /// Per task that ran, in order, its series: `OUTPUT_COUNT` rows of `years` values.
    pub values: Vec<f64>,
    /// Years per series.
    pub years: usize,
}

/// Runs the tasks `codes` of the scenario in `link` with `seed`.
pub fn run_batch(link: &str, seed: u64, codes: &[i32]) -> BatchResult {
    let (scenario, _) = query::decode(link);
    let mc = MonteCarlo::new(&scenario, seed);
    let mut result = BatchResult {
        ran: Vec::with_capacity(codes.len()),
        values: Vec::new(),
        years: 0,
    };
    for &code in codes {
        match mc.run(Task::from_code(code)) {
            Ok(series) => {
                result.years = series.ncols();
                result.values.extend(series.iter());
                result.ran.push(true);
            }
            Err(_) => result.ran.push(false),
        }
    }
    result
}

impl BatchResult {
    /// The series of each task, `None` where it did not run.
    pub fn series(&self) -> Vec<Option<ndarray::Array2<f64>>> {
        let size = OUTPUT_COUNT * self.years;
        let mut chunks = self.values.chunks_exact(size.max(1));
        self.ran
            .iter()
            .map(|&ran| {
                if !ran {
                    return None;
                }
                let chunk = chunks.next()?;
                ndarray::Array2::from_shape_vec((OUTPUT_COUNT, self.years), chunk.to_vec()).ok()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_codes_round_trip() {
        for task in [
            Task::Draw(0),
            Task::Draw(999),
            Task::Swing {
                slot: 0,
                high: false,
            },
            Task::Swing {
                slot: 0,
                high: true,
            },
            Task::Swing {
                slot: 9,
                high: true,
            },
        ] {
            assert_eq!(Task::from_code(task.code()), task);
        }
    }
}
