//! Inequality measures against closed forms (calibration.md, "Oracle values").

use mapsim::model::inequality::{below_fraction, summarize, Ranking, Summary};
use mapsim::model::population::lognormal_bin_means;
use statrs::distribution::{ContinuousCDF, Normal};

fn phi() -> Normal {
    Normal::standard()
}

/// Bin means of Pareto(a) with minimum 1 in `n` equal quantile bins.
fn pareto_bins(n: usize, a: f64) -> Vec<f64> {
    let p = 1.0 - 1.0 / a;
    (0..n)
        .map(|j| {
            let (u0, u1) = (j as f64 / n as f64, (j + 1) as f64 / n as f64);
            a / (a - 1.0) * n as f64 * ((1.0 - u0).powf(p) - (1.0 - u1).max(0.0).powf(p))
        })
        .collect()
}

#[test]
fn gini_of_one_to_five_is_four_fifteenths() {
    let s = Summary::from_sorted(vec![1.0, 2.0, 3.0, 4.0, 5.0]);
    assert!((s.gini - 4.0 / 15.0).abs() < 1e-15, "{}", s.gini);
    assert_eq!(s.median, 3.0);
    assert!((s.mean - 3.0).abs() < 1e-15);
}

#[test]
fn pareto_bin_means_give_the_exact_gini_and_top_share() {
    // Tolerance 1e-3: the exact bin means leave only the discretisation of the Lorenz curve.
    let s = Summary::from_sorted(pareto_bins(1000, 1.5));
    assert!((s.gini - 0.5).abs() < 1e-3, "Gini {}", s.gini);
    let top1 = 0.01_f64.powf(1.0 - 1.0 / 1.5);
    assert!(
        (s.top_share(0.01) - top1).abs() < 1e-9,
        "top 1 % {}",
        s.top_share(0.01)
    );
}

#[test]
fn lognormal_bin_means_give_the_closed_form_gini_and_top_shares() {
    for sigma in [0.5, 0.9, 1.4] {
        let s = Summary::from_sorted(lognormal_bin_means(1000, sigma));
        let gini = 2.0 * phi().cdf(sigma / 2f64.sqrt()) - 1.0;
        assert!(
            (s.gini - gini).abs() < 1e-3,
            "σ {sigma}: Gini {} vs {gini}",
            s.gini
        );
        for p in [0.1, 0.01] {
            let want = 1.0 - phi().cdf(phi().inverse_cdf(1.0 - p) - sigma);
            // Exact at bin edges (1e-9), because each bin holds its exact mean.
            assert!((s.top_share(p) - want).abs() < 1e-9, "σ {sigma}: top {p}");
        }
        assert!((s.mean - 1.0).abs() < 1e-12, "mean {}", s.mean);
    }
}

#[test]
fn ranking_repairs_an_order_to_the_full_sort() {
    let mut values: Vec<f64> = (0..500).map(|i| ((i * 7919) % 500) as f64).collect();
    let mut ranking = Ranking::new(values.len());
    for round in 0..5 {
        // Perturb a little (nearly sorted path) and, in round 3, a lot (fallback path).
        for (i, v) in values.iter_mut().enumerate() {
            *v += if round == 3 {
                ((i * 31) % 97) as f64 * 10.0
            } else {
                (i % 3) as f64
            };
        }
        let s = summarize(&values, &mut ranking);
        let mut sorted = values.clone();
        sorted.sort_by(|a, b| a.total_cmp(b));
        assert_eq!(s.sorted(), &sorted[..], "round {round}");
        let order = ranking.order();
        assert!(order
            .windows(2)
            .all(|w| values[w[0] as usize] <= values[w[1] as usize]));
    }
}

#[test]
fn headcount_lorenz_and_palma_behave() {
    let s = Summary::from_sorted((1..=100).map(f64::from).collect());
    // Tolerance 1e-12: linear interpolation between groups is exact arithmetic here.
    assert_eq!(s.share_below(0.5), 0.0);
    assert_eq!(s.share_below(1000.0), 1.0);
    assert!(
        (s.share_below(50.5) - 0.5).abs() < 1e-12,
        "{}",
        s.share_below(50.5)
    );
    let lorenz = s.lorenz(20);
    assert_eq!(lorenz.len(), 21);
    assert!(lorenz[0].abs() < 1e-15 && (lorenz[20] - 1.0).abs() < 1e-12);
    assert!(lorenz.windows(2).all(|w| w[1] >= w[0]));
    let palma = s.top_share(0.1) / s.lorenz_at(0.4);
    assert!((s.palma() - palma).abs() < 1e-12);
    assert!((s.deciles[0] - 5.5).abs() < 1e-12 && (s.deciles[9] - 95.5).abs() < 1e-12);
    let empty = Summary::from_sorted(Vec::new());
    assert_eq!(
        (empty.gini, empty.median, empty.share_below(1.0)),
        (0.0, 0.0, 0.0)
    );
}

/// Poverty with each group spread ±`spread` around its value: a group cut in the middle by
/// the line counts half; groups beyond the spread count wholly or not at all; no spread is
/// the plain count; the headcount never falls as the line rises.
#[test]
fn spread_headcount_counts_the_part_of_each_group_below_the_line() {
    assert!((below_fraction(1.0, 1.0, 0.1) - 0.5).abs() < 1e-12);
    assert_eq!(below_fraction(1.0, 0.9, 0.1), 0.0);
    assert_eq!(below_fraction(1.0, 1.1, 0.1), 1.0);
    assert!((below_fraction(1.0, 1.05, 0.1) - 0.75).abs() < 1e-12);
    assert_eq!(below_fraction(0.0, 0.5, 0.1), 1.0);
    assert_eq!(below_fraction(2.0, 1.0, 0.0), 0.0);
    let s = Summary::from_sorted((1..=100).map(f64::from).collect());
    // Line 50.5 with no spread: the groups 1..=50 below.
    assert!((s.share_below_spread(50.5, 0.0) - 0.5).abs() < 1e-12);
    // With a spread of 10 %, groups 46..=56 are cut by the line; the linear tails nearly
    // cancel around it (within a group's width).
    let spread = s.share_below_spread(50.5, 0.1);
    assert!((spread - 0.5).abs() < 0.01, "{spread}");
    let mut last = 0.0;
    for line in (0..=240).map(|k| f64::from(k) * 0.5) {
        let share = s.share_below_spread(line, 0.1);
        assert!(
            share >= last && (0.0..=1.0).contains(&share),
            "{line}: {share}"
        );
        last = share;
    }
    assert_eq!(s.share_below_spread(200.0, 0.1), 1.0);
    assert_eq!(
        Summary::from_sorted(Vec::new()).share_below_spread(1.0, 0.1),
        0.0
    );
}
