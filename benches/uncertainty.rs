//! Native benchmarks of the Monte Carlo (plain harness): 200 and 1,000 draws of the default
//! scenario, one core, and the percentile bands computed from them. Figures go to
//! BENCHMARKS.md; nothing passes or fails on time.

use mapsim::scenario::Scenario;
use mapsim::uncertainty::{Bands, MonteCarlo, Task};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let scenario = Scenario::default();
    let mc = MonteCarlo::new(&scenario, 1);
    for draws in [200usize, 1000] {
        let start = Instant::now();
        let results: Vec<_> = (0..draws as u64)
            .map(|n| mc.run(Task::Draw(n)).ok())
            .collect();
        let runs = start.elapsed();
        let start = Instant::now();
        let bands = black_box(Bands::from_draws(&results));
        let percentiles = start.elapsed();
        println!(
            "Monte Carlo, {draws:>4} draws (N = {}, 50 years, one core): {:>8.0} ms  \
             ({:.2} ms a draw); bands from them {:>6.2} ms; {} failed",
            mapsim::catalog::PARAMS[mapsim::catalog::param::HOUSEHOLDS].default,
            runs.as_secs_f64() * 1e3,
            runs.as_secs_f64() * 1e3 / draws as f64,
            percentiles.as_secs_f64() * 1e3,
            bands.map_or(draws, |b| b.failed)
        );
    }
    let start = Instant::now();
    let swings: Vec<_> = mc.swing_tasks().map(|t| mc.run(t).ok()).collect();
    println!(
        "Sensitivity swings ({} runs): {:.0} ms",
        swings.len(),
        start.elapsed().as_secs_f64() * 1e3
    );
}
