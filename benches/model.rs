//! Native benchmarks of the model (a plain harness: no extra crates on two cores).
//!
//! `cargo bench --bench model` prints, for each case, the median and 95th percentile of
//! wall time over repeated runs, and the solver's passes over the households per year.
//! Figures are reported in BENCHMARKS.md; nothing here passes or fails on time.

use mapsim::catalog::{param, REGIONS};
use mapsim::model::{run, run_cached, run_series};
use mapsim::scenario::{query, Scenario};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn measure(name: &str, repeats: usize, mut f: impl FnMut()) {
    f(); // warm caches
    let mut times: Vec<Duration> = (0..repeats)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{name:<58} median {:>9.3} ms   p95 {:>9.3} ms   ({repeats} runs)",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3
    );
}

fn scenario(households: f64, horizon: f64) -> Scenario {
    let mut s = Scenario::for_region(&REGIONS[0]);
    s.set(param::HOUSEHOLDS, households);
    s.set(param::HORIZON, horizon);
    s
}

/// `cargo bench --bench model -- once CASE COUNT` runs one case COUNT times and nothing else,
/// for instruction counts under valgrind (`callgrind`): the difference between two counts,
/// divided by the difference of COUNT, is one run without start-up. CASE: `run` (US default,
/// scenario and baseline), `cached` (Basic Income moved, baseline reused), `series`,
/// `present` (what a slider input adds on top of the run for the Distribution tab and the
/// headline strip: winners and losers, the six typical households, a household like mine and
/// the sentences, for the year shown). An optional fourth argument sets the number of groups
/// (default: the parameter's default).
fn once(case: &str, count: usize, households: f64) {
    let s = scenario(households, 50.0);
    let mut cache = None;
    if case == "cached" {
        black_box(run_cached(&s, &mut cache).ok());
    }
    let outcome = (case == "present").then(|| run(&s).ok()).flatten();
    for k in 0..count {
        match case {
            "present" => {
                if let Some(o) = &outcome {
                    present_year(o, &s, 25);
                }
            }
            "cached" => {
                let mut moved = s.clone();
                moved.set(param::BI, 600.0 + k as f64);
                black_box(run_cached(black_box(&moved), &mut cache).ok());
            }
            "series" => {
                black_box(run_series(black_box(&s)).ok());
            }
            _ => {
                black_box(run(black_box(&s)).ok());
            }
        }
    }
}

/// What the app computes from a run for one year besides the charts: winners and losers,
/// the typical households, a household like mine and the headline sentences.
fn present_year(o: &mapsim::model::Outcome, s: &Scenario, t: usize) {
    use mapsim::present::{explain, households, winners};
    black_box(winners::winners(black_box(o), t));
    black_box(households::archetypes(black_box(o), t));
    let mine = households::Mine {
        earnings: [30_000.0, 0.0],
        adults: 1,
        children: 0.0,
        pensioners: false,
        wealth: 10_000.0,
    };
    black_box(households::mine_in(black_box(o), t, &mine));
    black_box(explain::explain(black_box(o), t, s, s.region()));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "once") {
        let case = args.get(at + 1).map_or("run", String::as_str);
        let count = args.get(at + 2).and_then(|c| c.parse().ok()).unwrap_or(1);
        let households = args
            .get(at + 3)
            .and_then(|n| n.parse().ok())
            .unwrap_or(mapsim::catalog::PARAMS[param::HOUSEHOLDS].default);
        once(case, count, households);
        return;
    }
    println!("mapsim model benchmarks (scenario + no-policy baseline per run)");
    let default_n = mapsim::catalog::PARAMS[param::HOUSEHOLDS].default;
    for (n, years, repeats) in [
        (default_n, 50.0, 200),
        (default_n, 100.0, 100),
        (1000.0, 50.0, 100),
        (10000.0, 50.0, 20),
        (10000.0, 100.0, 10),
    ] {
        let s = scenario(n, years);
        measure(&format!("run: N = {n}, {years} years"), repeats, || {
            black_box(run(black_box(&s)).ok());
        });
    }
    // What a Basic Income slider costs in the app: the baseline is reused (run_cached),
    // the status quo or a baseline of the reader's own alike.
    let s = scenario(default_n, 50.0);
    let mut own = s.clone();
    own.set(param::AUTOMATION_TAX, 10.0);
    own.use_as_baseline();
    for (base, which) in [(&s, "status quo"), (&own, "own baseline")] {
        let mut cache = None;
        let mut bi = 500.0;
        measure(
            &format!("run: N = {default_n}, 50 years, Basic Income moved ({which} cached)"),
            200,
            || {
                bi = if bi > 2000.0 { 500.0 } else { bi + 25.0 };
                let mut moved = base.clone();
                moved.set(param::BI, bi);
                black_box(run_cached(black_box(&moved), &mut cache).ok());
            },
        );
    }
    // The stacked reform of the Fiscal tab: the baseline and one run per part that changes.
    let mut package = s.clone();
    package.set(param::AUTOMATION_TAX, 20.0);
    let order = mapsim::decompose::default_order();
    measure(
        &format!("decompose: N = {default_n}, 50 years, 4 parts (automation tax package)"),
        50,
        || {
            black_box(mapsim::decompose::decompose(black_box(&package), &order).ok());
        },
    );
    // What a Monte Carlo draw costs: the series alone, no books or snapshots.
    measure(
        &format!("run_series: N = {default_n}, 50 years (series only)"),
        200,
        || {
            black_box(run_series(black_box(&s)).ok());
        },
    );
    if let Ok(outcome) = run(&s) {
        measure(
            &format!("present: N = {default_n}, winners, households, sentences for 2050"),
            200,
            || present_year(&outcome, &s, 25),
        );
        let passes = &outcome.scenario.passes;
        let mean = passes.iter().sum::<usize>() as f64 / passes.len() as f64;
        let max = passes.iter().max().copied().unwrap_or(0);
        println!("solver passes over the households per year: mean {mean:.2}, max {max}");
    }
    for region in REGIONS.iter() {
        let s = Scenario::for_region(region);
        measure(
            &format!("run: default scenario, {}", region.name),
            50,
            || {
                black_box(run(black_box(&s)).ok());
            },
        );
    }
    let link = "?v=1&region=fi&bi=800&automation=1.5&p2p=40&phase0=off&rule=debt";
    measure("decode a share link", 10000, || {
        black_box(query::decode(black_box(link)));
    });
    // The catalog itself is built at compile time (engine/build.rs validates models/*.toml and
    // writes static tables), so at run time "building" it is resolving every parameter's
    // range for a region, which each new scenario does.
    measure(
        "catalog: every parameter resolved for each region",
        10000,
        || {
            for region in REGIONS.iter() {
                black_box(Scenario::for_region(black_box(region)));
            }
        },
    );
}
