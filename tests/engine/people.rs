//! Model v2, part 2: people in households reproduce each region's base-year data (the
//! calibration targets of models/regions/*.toml), and the fitting tool that chose the
//! fitted figures (`cargo test --test engine fit_calibration -- --ignored --nocapture`).

use mapsim::catalog::{output as o, RegionFigures, RegionSpec, REGIONS};
use mapsim::model::{run, simulate, Economy};
use mapsim::scenario::Scenario;

/// Year-0 figures: (Gini, relative poverty at the region's line, absolute poverty,
/// employment rate), in the units of the outputs (Gini, %, %, %). They are measured on the
/// targets' concepts (consumption per person in Nigeria and the World: `target_concept`).
fn year0(region: &'static RegionSpec, figures: &RegionFigures) -> [f64; 4] {
    let s = Scenario::for_region(region);
    let (mut e, _) = Economy::calibrate_with(&s, figures).expect("calibrates");
    e.years = 1;
    let path = simulate(&e).expect("runs");
    let relative = if figures.poverty_rel_line.value >= 0.55 {
        o::POVERTY_RATE
    } else {
        o::POVERTY_RATE_50
    };
    [
        path.series[[o::INCOME_GINI, 0]],
        path.series[[relative, 0]],
        path.series[[o::POVERTY_ABS, 0]],
        path.series[[o::EMPLOYMENT_RATE, 0]],
    ]
}

/// Distance of year-0 figures from the region's targets, each in units of its tolerance.
fn distance(f: &RegionFigures, y: &[f64; 4]) -> f64 {
    let gini = (y[0] - f.disposable_gini.value) / 0.02;
    let rel = if f.poverty_rel_line.value > 0.0 {
        (y[1] - 100.0 * f.poverty_rel_target.value) / 2.0
    } else {
        0.0
    };
    let abs = (y[2] - 100.0 * f.poverty_abs_target.value) / 2.0;
    gini * gini + rel * rel + abs * abs
}

/// The targets the model misses with every figure at its evidence or fitted value, and why
/// (models/README.md §7): a change that turns a miss into a hit, or a hit into a miss, fails
/// the test below and must be argued.
const KNOWN_MISSES: &[(&str, &str)] = &[
    // 0.335 against 0.358: with surveys seeing a tenth of the capital income (Flores 2021),
    // the survey Gini rests on earnings and benefits, and the UK's earnings dispersion is a
    // recalled full-time-only figure (ASHE ≈ 0.33) that leaves out part-time pay. Fitting
    // the skill Gini to the target would be tuning; it waits for a sourced figure.
    ("uk", "Gini"),
    // Consumption per person: Gini 0.44 against 0.351, poverty 45 % against 40.1 %. Nigeria's
    // wealth shares are an assumption (UBS publishes none) and spending out of wealth is
    // concentrated; surveys notoriously miss the consumption of the rich.
    ("ng", "Gini"),
    ("ng", "absolute poverty"),
];

/// The calibration targets hold in year 0, in every region: disposable-income Gini within
/// ±0.02, absolute and relative poverty within ±2 points, employment-to-population within ±2
/// points of the data (each target's concept and vintage are in the region file), except
/// the known misses above, which must stay misses.
#[test]
fn year0_reproduces_the_calibration_targets() {
    let mut report = String::new();
    let mut missed = Vec::new();
    for region in REGIONS.iter() {
        let f = &region.figures;
        let y = year0(region, f);
        report.push_str(&format!(
            "{}: Gini {:.3} ({:.3}), relative {:.1} ({:.1}), absolute {:.1} ({:.1}), employment {:.1} ({:.1})\n",
            region.id,
            y[0],
            f.disposable_gini.value,
            y[1],
            100.0 * f.poverty_rel_target.value,
            y[2],
            100.0 * f.poverty_abs_target.value,
            y[3],
            100.0 * f.employment_rate.value
        ));
        let checks = [
            ("Gini", (y[0] - f.disposable_gini.value).abs() <= 0.02),
            (
                "relative poverty",
                f.poverty_rel_line.value == 0.0
                    || (y[1] - 100.0 * f.poverty_rel_target.value).abs() <= 2.0,
            ),
            (
                "absolute poverty",
                (y[2] - 100.0 * f.poverty_abs_target.value).abs() <= 2.0,
            ),
            (
                "employment",
                (y[3] - 100.0 * f.employment_rate.value).abs() <= 2.0,
            ),
        ];
        for (target, ok) in checks {
            if !ok {
                missed.push((region.id, target));
            }
        }
    }
    assert_eq!(missed, KNOWN_MISSES, "\n{report}");
}

/// The fitting tool: a grid over the fitted figures (wealth–earnings rank, how strongly not
/// working concentrates at the bottom, the incidence of other benefits); prints the best
/// point for each region. Run by hand when region data change.
#[test]
#[ignore]
fn fit_calibration() {
    for region in REGIONS.iter() {
        let mut best = (f64::INFINITY, [0.0; 4], [0.0; 4]);
        for sg in 0..=0 {
            let skill = region.figures.skill_gini.value + 0.0 * f64::from(sg);
            for rho in 0..=10 {
                let rho = f64::from(rho) / 10.0;
                for b in [0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0] {
                    for kappa in [-1.0, -0.5, 0.0, 0.5, 1.0] {
                        let mut f = region.figures;
                        f.skill_gini.value = skill;
                        f.wealth_earnings_rank.value = rho;
                        f.nonwork_gradient.value = b;
                        f.benefit_incidence.value = kappa;
                        let y = year0(region, &f);
                        let d = distance(&f, &y);
                        if d < best.0 {
                            best = (d, [skill, rho, b, kappa], y);
                        }
                    }
                }
            }
        }
        println!(
            "{}: skill Gini {:.2}, rank {:.1}, gradient {:.1}, incidence {:.1} → Gini {:.3}, relative {:.1}, absolute {:.1}, employment {:.1} (distance {:.2})",
            region.id, best.1[0], best.1[1], best.1[2], best.1[3], best.2[0], best.2[1], best.2[2], best.2[3], best.0
        );
    }
}

/// The default number of groups (600) is close to a fine grid. Each kind of household draws
/// its ages, needs and wealth ranks from its own low-discrepancy sequences, and poverty counts
/// each group's households spread ±10 % around its living standard (models/README.md §7):
/// measured over every year of every region, scenario and baseline, 600 groups differ from
/// 8,000 by at most 1.64 points on poverty rates (1.17 below half the median), 3.3 for
/// children, 3.8 for pensioners, 0.008 on the Gini and 1.5 points on unemployment (the
/// World scenario's cycles); 1,200 groups by at most 1.20, 1.8, 1.6, 0.009 and 1.6; 4,000
/// groups by 0.39, 0.69, 0.78, 0.002 and 0.9. Issue 16 asked for 0.2 points between N and
/// 2N: not reached; the default keeps a run within its instruction budget (BENCHMARKS.md).
#[test]
fn results_have_converged_in_the_number_of_groups() {
    for region in REGIONS.iter() {
        let run_with = |n: &str| {
            let mut s = Scenario::for_region(region);
            assert!(s.set_text("households", n).is_none());
            run(&s).expect("runs")
        };
        let (a, b) = (
            run(&Scenario::for_region(region)).expect("runs"),
            run_with("8000"),
        );
        for t in [0, 25, 50] {
            for (out, tol) in [
                (o::POVERTY_RATE, 1.8),
                (o::POVERTY_RATE_50, 1.3),
                (o::POVERTY_ABS, 1.6),
                (o::CHILD_POVERTY, 3.5),
                (o::PENSIONER_POVERTY, 4.0),
                (o::INCOME_GINI, 0.01),
                (o::UNEMPLOYMENT, 1.6),
            ] {
                let (x, y) = (a.scenario.series[[out, t]], b.scenario.series[[out, t]]);
                assert!(
                    (x - y).abs() <= tol,
                    "{} year {t}: output {out}: {x} with the default groups, {y} with 8,000",
                    region.id
                );
            }
        }
    }
}
