//! Households: σ from a Gini, bin means, and wealth levels that reproduce bracket shares.

use mapsim::model::inequality::Summary;
use mapsim::model::population::{
    lognormal_bin_means, sigma_from_gini, wealth_levels, PopulationError, WealthShares,
};

const US: WealthShares = WealthShares {
    bottom50: 0.023,
    middle40: 0.242,
    top10: 0.735,
    top1: 0.342,
};

#[test]
fn sigma_inverts_the_lognormal_gini() {
    for g in [0.2, 0.35, 0.5, 0.7] {
        let s = Summary::from_sorted(lognormal_bin_means(10_000, sigma_from_gini(g)));
        // Tolerance 1e-3 (discretisation at N = 10 000).
        assert!((s.gini - g).abs() < 1e-3, "target {g}, got {}", s.gini);
    }
    assert!(sigma_from_gini(f64::NAN).is_finite());
    assert!(sigma_from_gini(1.0).is_finite());
}

#[test]
fn wealth_levels_reproduce_bracket_shares_exactly() {
    for n in [100, 300, 1000, 10_000] {
        // The slider moves in hundreds, so every bracket edge falls on a group boundary.
        let w = wealth_levels(n, &US, 500_000.0).expect("valid shares");
        assert_eq!(w.len(), n);
        assert!(w.windows(2).all(|p| p[1] >= p[0]), "n {n}: not increasing");
        let s = Summary::from_sorted(w);
        // Tolerance 1e-9: each bracket is rescaled to its share.
        assert!((s.mean - 500_000.0).abs() < 1e-9 * 500_000.0, "n {n}: mean");
        assert!((s.lorenz_at(0.5) - 0.023).abs() < 1e-9, "n {n}: bottom 50");
        assert!((s.top_share(0.1) - 0.735).abs() < 1e-9, "n {n}: top 10");
        assert!((s.top_share(0.01) - 0.342).abs() < 1e-9, "n {n}: top 1");
    }
}

#[test]
fn bad_wealth_inputs_are_errors_not_panics() {
    let bad_sum = WealthShares {
        bottom50: 0.3,
        ..US
    };
    assert!(matches!(
        wealth_levels(1000, &bad_sum, 1.0),
        Err(PopulationError::BadShares(_))
    ));
    let nan = WealthShares {
        top1: f64::NAN,
        ..US
    };
    assert!(matches!(
        wealth_levels(1000, &nan, 1.0),
        Err(PopulationError::BadShares(_))
    ));
    assert!(matches!(
        wealth_levels(50, &US, 1.0),
        Err(PopulationError::TooFewGroups(50))
    ));
    assert!(matches!(
        wealth_levels(1000, &US, f64::INFINITY),
        Err(PopulationError::BadMean(_))
    ));
}
