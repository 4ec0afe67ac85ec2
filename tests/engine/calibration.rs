//! Each region's sampled population reproduces its earnings Gini and wealth bracket shares
//! within 0.5 percentage points, and year 0 reproduces the region's GDP.

use mapsim::catalog::{output as o, REGIONS};
use mapsim::model::{run, Economy};
use mapsim::scenario::Scenario;

/// Tolerance: 0.5 percentage points.
const PP: f64 = 0.005;

fn gini(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len() as f64;
    let total: f64 = v.iter().sum();
    let weighted: f64 = v
        .iter()
        .enumerate()
        .map(|(i, x)| (i as f64 + 1.0) * x)
        .sum();
    2.0 * weighted / (n * total) - (n + 1.0) / n
}

fn share(values: &[f64], from: f64, to: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    let (a, b) = (
        (from * n as f64).round() as usize,
        (to * n as f64).round() as usize,
    );
    v[a..b].iter().sum::<f64>() / v.iter().sum::<f64>()
}

#[test]
fn populations_reproduce_earnings_gini_and_wealth_brackets() {
    for region in REGIONS.iter() {
        let (e, _) = Economy::calibrate(&Scenario::for_region(region)).expect("calibrates");
        let f = &region.figures;
        let g = gini(&e.skill);
        assert!(
            (g - f.skill_gini.value).abs() < PP,
            "{}: skill Gini {g}",
            region.id
        );
        let checks = [
            (0.0, 0.5, f.wealth_bottom50.value),
            (0.5, 0.9, f.wealth_middle40.value),
            (0.9, 1.0, f.wealth_top10.value),
            (0.99, 1.0, f.wealth_top1.value),
        ];
        for (from, to, want) in checks {
            let got = share(&e.wealth0, from, to);
            assert!(
                (got - want).abs() < PP,
                "{}: wealth share {from}–{to} is {got}, data {want}",
                region.id
            );
        }
    }
}

#[test]
fn year_zero_reproduces_gdp_and_the_observed_tax_take() {
    for region in REGIONS.iter() {
        let outcome = run(&Scenario::for_region(region)).expect("runs");
        let gdp = outcome.scenario.get(o::GDP)[0];
        // The World is in 2021 PPP dollars.
        let want = region.figures.gdp_per_adult.value * region.figures.ppp_factor.value;
        assert!(
            (gdp / want - 1.0).abs() < 1e-9,
            "{}: GDP {gdp} vs {want}",
            region.id
        );
        let revenue =
            outcome.scenario.get(o::REVENUE_INCOME)[0] + outcome.scenario.get(o::REVENUE_VAT)[0];
        let tax = 100.0 * region.figures.tax_to_gdp.value;
        assert!(
            (revenue - tax).abs() < 1e-6,
            "{}: revenue {revenue} % vs {tax} %",
            region.id
        );
    }
}
