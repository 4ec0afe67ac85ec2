//! Transcendental functions that give the same bits on every platform.
//!
//! `f64::exp`, `ln` and `powf` call the platform's maths library: glibc natively, a port of
//! FreeBSD's msun in wasm. Both are accurate to about one unit in the last place, but not
//! always the *same* last place, and a one-bit difference in a calibration or a Monte Carlo
//! draw grows into visibly different runs. The engine promises bit-identical results natively,
//! in the app and in its worker, so it calls these (pure-Rust libm on every target) instead.

use std::f64::consts::{PI, SQRT_2};

/// e^x.
pub fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// Natural logarithm.
pub fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// x^y.
pub fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

/// Distribution function Φ of the standard normal.
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / SQRT_2)
}

/// Quantile function Φ⁻¹ of the standard normal, for 0 < p < 1 (clamped inside).
///
/// Acklam's rational approximation (relative error < 1.2e-9), then one Halley step on
/// [`normal_cdf`], which brings it to full double precision (tested against statrs).
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const TAIL: f64 = 0.024_25;
    let p = p.clamp(1e-300, 1.0 - 1e-16);
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    let x = if p < TAIL {
        tail(libm::sqrt(-2.0 * ln(p)))
    } else if p > 1.0 - TAIL {
        -tail(libm::sqrt(-2.0 * ln(1.0 - p)))
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    };
    let error = normal_cdf(x) - p;
    let step = error * libm::sqrt(2.0 * PI) * exp(x * x / 2.0);
    x - step / (1.0 + x * step / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use statrs::distribution::{ContinuousCDF, Normal};

    #[test]
    fn the_normal_quantile_agrees_with_statrs() {
        let reference = Normal::new(0.0, 1.0).expect("standard normal");
        for k in 1..2000 {
            let p = k as f64 / 2000.0;
            let (ours, theirs) = (normal_quantile(p), reference.inverse_cdf(p));
            assert!((ours - theirs).abs() < 1e-12, "p = {p}: {ours} vs {theirs}");
        }
        for p in [1e-10, 1e-5, 0.01, 0.99, 1.0 - 1e-10] {
            let (ours, theirs) = (normal_quantile(p), reference.inverse_cdf(p));
            assert!(
                (ours - theirs).abs() < 1e-9 * theirs.abs().max(1.0),
                "p = {p}"
            );
        }
        for x in [-3.0, -1.0, 0.0, 0.5, 2.0] {
            let (ours, theirs) = (normal_cdf(x), reference.cdf(x));
            // statrs' own erfc is good to about 1e-10 relative; libm's is closer.
            assert!(
                (ours / theirs - 1.0).abs() < 1e-9,
                "x = {x}: {ours} vs {theirs}"
            );
        }
        // Φ(−3) from the tables (Abramowitz & Stegun 26.2).
        assert!((normal_cdf(-3.0) - 0.001_349_898_031_630_095).abs() < 1e-17);
    }
}
