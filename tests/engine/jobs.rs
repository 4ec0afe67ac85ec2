//! Job rationing: the hours laid off add up to the hours not demanded, the least skilled
//! lose most, and the shares move continuously with demand.

use mapsim::model::jobs::{Layoffs, Rationing};
use mapsim::model::population::lognormal_bin_means;

fn idle(r: &Rationing, layoffs: &Layoffs, n: usize) -> Vec<f64> {
    (0..n).map(|i| layoffs.share(i, r.risk_of(i))).collect()
}

#[test]
fn layoffs_remove_exactly_the_hours_not_demanded() {
    let hours = lognormal_bin_means(1000, 0.8);
    let mut r = Rationing::default();
    r.prepare(&hours);
    for fraction in [0.0, 0.01, 0.036, 0.2, 0.5, 0.8, 0.99] {
        let jobless = fraction * r.offered();
        let l = r.layoffs(jobless);
        let shares = idle(&r, &l, hours.len());
        let removed: f64 = hours.iter().zip(&shares).map(|(h, u)| h * u).sum();
        // Tolerance 1e-9 relative: a closed form per bracket.
        assert!(
            (removed - jobless).abs() <= 1e-9 * r.offered(),
            "{fraction}: {removed} vs {jobless}"
        );
        assert!(
            shares.windows(2).all(|w| w[0] >= w[1] - 1e-15),
            "{fraction}: not falling with skill"
        );
        assert!(shares.iter().all(|u| (0.0..=1.0).contains(u)));
    }
    assert_eq!(r.layoffs(2.0 * r.offered()).share(999, r.risk_of(999)), 1.0);
    assert_eq!(r.layoffs(f64::NAN), Layoffs::NONE);
}

#[test]
fn shares_move_continuously_with_demand() {
    let hours = lognormal_bin_means(500, 1.0);
    let mut r = Rationing::default();
    r.prepare(&hours);
    let mut last = idle(&r, &r.layoffs(0.0), 500);
    for step in 1..=2000 {
        let jobless = r.offered() * step as f64 / 2000.0;
        let now = idle(&r, &r.layoffs(jobless), 500);
        let jump = now
            .iter()
            .zip(&last)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        // A step of 1/2000 of the hours moves no group's share by more than 5 %.
        assert!(jump < 0.05, "step {step}: jump {jump}");
        last = now;
    }
}
