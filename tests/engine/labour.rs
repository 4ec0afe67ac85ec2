//! Model v2, part 1: the labour market, the supply side and the steady growth path reach
//! the figures issue 15 sets (each test names its tolerance).

use super::support::{random_scenario, scenario, Rng};
use mapsim::catalog::{output as o, REGIONS};
use mapsim::model::{run, ModelError, Outcome};
use mapsim::scenario::Scenario;

fn at(outcome: &Outcome, output: usize, year: i32) -> (f64, f64) {
    let t = outcome
        .years
        .iter()
        .position(|y| *y == year)
        .expect("year in the horizon");
    (
        outcome.scenario.series[[output, t]],
        outcome.baseline.series[[output, t]],
    )
}

/// With no policy, zero net task change (automation = reinstatement) and world demand at
/// trend, every ratio stays within ±0.5 pp of the base year over the whole horizon, in every
/// region and under both fiscal rules: the base year is a steady growth path.
#[test]
fn no_shock_keeps_every_ratio_flat() {
    let flat = [
        (o::UNEMPLOYMENT, "unemployment"),
        (o::LABOUR_SHARE, "labour share"),
        (o::DEBT_GDP, "debt/GDP"),
        (o::TAX_RATE, "tax rate"),
        (o::WEALTH_TOP10, "top-10 % wealth share"),
        (o::WEALTH_TOP1, "top-1 % wealth share"),
        (o::FOREIGN_ASSETS, "net foreign assets"),
        (o::CAPACITY_USE, "capacity use"),
        (o::INFLATION, "inflation"),
    ];
    for region in REGIONS.iter() {
        for rule in ["balanced", "debt"] {
            let s = scenario(
                region,
                &[
                    ("bi", "0"),
                    ("p2p", "0"),
                    ("automation", "0.35"),
                    ("reinstatement", "0.35"),
                    ("rule", rule),
                    ("population", "today"),
                ],
            );
            let outcome = run(&s).expect("runs");
            let series = &outcome.scenario.series;
            for (output, name) in flat {
                let start = series[[output, 0]];
                for (t, year) in outcome.years.iter().enumerate() {
                    let v = series[[output, t]];
                    assert!(
                        (v - start).abs() <= 0.5,
                        "{} ({rule}): {name} moves from {start} to {v} by {year}",
                        region.id
                    );
                }
            }
        }
    }
}

/// US no-policy baseline at default settings: unemployment in 2050 between 3 and 12 %, and
/// the labour share in 2050 between 50 and 57 %.
#[test]
fn us_baseline_2050_is_in_the_range_of_the_evidence() {
    let outcome = run(&Scenario::for_region(&REGIONS[0])).expect("runs");
    let (_, unemployment) = at(&outcome, o::UNEMPLOYMENT, 2050);
    let (_, labour_share) = at(&outcome, o::LABOUR_SHARE, 2050);
    assert!(
        (3.0..=12.0).contains(&unemployment),
        "US 2050 baseline unemployment {unemployment} %"
    );
    assert!(
        (50.0..=57.0).contains(&labour_share),
        "US 2050 baseline labour share {labour_share} %"
    );
}

/// Under the structural balanced rule, the no-policy baseline's income tax rate rises less
/// than 3 pp from 2025 to 2050 at default automation, in every region, with the population
/// as it is today (ageing raises the cost of pensions, which is another question).
#[test]
fn the_balanced_rule_does_not_raise_taxes_into_a_slump() {
    for region in REGIONS.iter() {
        let outcome = run(&scenario(region, &[("population", "today")])).expect("runs");
        let (_, start) = at(&outcome, o::TAX_RATE, 2025);
        let (_, end) = at(&outcome, o::TAX_RATE, 2050);
        assert!(
            end - start < 3.0,
            "{}: baseline tax rate {start} → {end} %",
            region.id
        );
    }
}

/// No scenario in the parameter box pushes unemployment below the region's frictional
/// floor: every region's default, a Basic Income at the top of its range under the debt rule
/// (the largest demand push), and random scenarios.
#[test]
fn unemployment_never_falls_below_the_frictional_floor() {
    let check = |outcome: &Outcome, label: &str, floor: f64| {
        for path in [&outcome.scenario, &outcome.baseline] {
            for (t, u) in path.get(o::UNEMPLOYMENT).iter().enumerate() {
                assert!(
                    *u >= floor - 1e-9,
                    "{label}: unemployment {u} % below the floor {floor} % in {}",
                    outcome.years[t]
                );
            }
        }
    };
    for region in REGIONS.iter() {
        let floor = 100.0 * region.figures.unemployment_floor.value;
        let max_bi = format!("{}", region.figures.bi_max.value);
        for settings in [
            vec![],
            vec![("bi", max_bi.as_str()), ("rule", "debt"), ("p2p", "90")],
            vec![("tax_change", "-20"), ("rule", "debt")],
        ] {
            match run(&scenario(region, &settings)) {
                Ok(outcome) => check(&outcome, region.id, floor),
                Err(ModelError::Infeasible { .. } | ModelError::Unsustainable { .. }) => {}
                Err(e) => panic!("{}: {e}", region.id),
            }
        }
    }
    let mut rng = Rng(0x5EED_F100);
    for k in 0..40 {
        let s = random_scenario(&mut rng);
        let floor = 100.0 * s.region().figures.unemployment_floor.value;
        if let Ok(outcome) = run(&s) {
            check(&outcome, &format!("random #{k}"), floor);
        }
    }
}

/// The Levy case (US, 1,000 USD a month to every adult, nothing replaced, no P2P, zero net
/// task change): after 8 years the debt-financed Basic Income raises GDP over its baseline,
/// and by more than the tax-financed one (Nikiforos, Steinbaum & Zezza 2017: +12.56 % and
/// about zero). The magnitudes are compared in models/validation.toml.
#[test]
fn debt_financed_basic_income_raises_gdp_more_than_tax_financed() {
    let gain = |rule: &str| {
        let s = scenario(
            &REGIONS[0],
            &[
                ("bi", "1000"),
                ("bi_child", "0"),
                ("replace_share", "0"),
                ("p2p", "0"),
                ("automation", "0.35"),
                ("rule", rule),
            ],
        );
        let outcome = run(&s).expect("runs");
        let (gdp, base) = at(&outcome, o::GDP, 2033);
        100.0 * (gdp / base - 1.0)
    };
    let (debt, tax) = (gain("debt"), gain("balanced"));
    assert!(debt > 0.0, "debt-financed GDP gain {debt} %");
    assert!(debt > tax, "debt-financed {debt} % vs tax-financed {tax} %");
}

/// A Basic Income no longer abolishes unemployment: in its first year unemployment stays at
/// or above the floor, and hours offered fall.
#[test]
fn a_basic_income_does_not_abolish_unemployment() {
    for region in REGIONS.iter() {
        // Nothing replaced: a Basic Income that replaces tapered benefits can raise hours
        // (the taper no longer applies), which is a different question.
        let half = format!("{}", (region.figures.poverty_line.value / 24.0).round());
        let outcome = run(&scenario(
            region,
            &[("bi", &half), ("bi_child", "0"), ("replace_share", "0")],
        ))
        .expect("runs");
        let (u, _) = at(&outcome, o::UNEMPLOYMENT, 2026);
        let (hours, base_hours) = at(&outcome, o::HOURS, 2026);
        assert!(
            u >= 100.0 * region.figures.unemployment_floor.value - 1e-9,
            "{}: {u} %",
            region.id
        );
        assert!(
            hours < base_hours,
            "{}: hours {hours} vs {base_hours}",
            region.id
        );
    }
}

/// Automation shows up in wages and the labour share: faster automation lowers the real wage
/// and the labour share, and under the clearing anchor raises unemployment by little, while
/// under the bargaining anchor (wages indexed to TFP) the same automation costs more jobs.
#[test]
fn automation_lowers_wages_more_than_jobs_unless_wages_follow_productivity() {
    let region = &REGIONS[0];
    let run_with = |settings: &[(&str, &str)]| {
        let mut all = vec![("bi", "0"), ("p2p", "0")];
        all.extend_from_slice(settings);
        run(&scenario(region, &all)).expect("runs")
    };
    let slow = run_with(&[("automation", "0.35")]);
    let fast = run_with(&[("automation", "1.5")]);
    let fast_tfp = run_with(&[("automation", "1.5"), ("wage_anchor", "tfp")]);
    let (w_slow, _) = at(&slow, o::REAL_WAGE, 2050);
    let (w_fast, _) = at(&fast, o::REAL_WAGE, 2050);
    let (ls_slow, _) = at(&slow, o::LABOUR_SHARE, 2050);
    let (ls_fast, _) = at(&fast, o::LABOUR_SHARE, 2050);
    let (u_slow, _) = at(&slow, o::UNEMPLOYMENT, 2050);
    let (u_fast, _) = at(&fast, o::UNEMPLOYMENT, 2050);
    let (u_tfp, _) = at(&fast_tfp, o::UNEMPLOYMENT, 2050);
    assert!(w_fast < w_slow, "real wage {w_fast} vs {w_slow}");
    assert!(
        ls_fast < ls_slow - 5.0,
        "labour share {ls_fast} vs {ls_slow}"
    );
    assert!(u_fast - u_slow < 6.0, "unemployment {u_fast} vs {u_slow}");
    assert!(
        u_tfp > u_fast + 3.0,
        "TFP-anchored {u_tfp} vs clearing {u_fast}"
    );
}
