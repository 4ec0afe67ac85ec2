//! Shared helpers for the engine tests: scenarios by name and a tiny deterministic RNG.

use mapsim::catalog::{self, ParamKind, REGIONS};
use mapsim::scenario::Scenario;

/// A scenario in `region` with `settings` applied as link values; `@poverty` stands for the
/// region's poverty line per month (for the Basic Income), `@half_poverty` for half of it.
pub fn scenario(region: &'static catalog::RegionSpec, settings: &[(&str, &str)]) -> Scenario {
    let mut s = Scenario::for_region(region);
    for (k, v) in settings {
        let text = if *v == "@poverty" {
            format!("{}", (region.figures.poverty_line.value / 12.0).round())
        } else if *v == "@half_poverty" {
            format!("{}", (region.figures.poverty_line.value / 24.0).round())
        } else {
            v.to_string()
        };
        if let Some(n) = s.set_text(k, &text) {
            panic!("test scenario {k}={text} in {}: {}", region.id, n.message);
        }
    }
    s
}

/// xorshift64*: reproducible random numbers without a crate.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A random valid scenario: every parameter drawn uniformly in its range (regions too),
/// with the household count kept small so property tests stay fast.
pub fn random_scenario(rng: &mut Rng) -> Scenario {
    let region = &REGIONS[(rng.next_u64() % REGIONS.len() as u64) as usize];
    let mut s = Scenario::for_region(region);
    // Parameters added later are drawn from a side stream, so that the scenarios a seed gave
    // before stay the same in everything else (and the tests that count feasible ones keep
    // meaning what they did).
    let mut later = Rng(rng.0 ^ 0x5851_F42D_4C95_7F2D);
    for (i, p) in catalog::PARAMS.iter().enumerate() {
        if LATER_PARAMS.contains(&p.id) {
            continue;
        }
        let r = p.range(region);
        let mut v = r.min + rng.unit() * (r.max - r.min);
        if p.kind == ParamKind::YearOrOff && rng.unit() < 0.5 {
            v = 0.0;
        }
        if p.id == "households" {
            v = 200.0;
        }
        if p.id == "horizon" {
            v = v.min(60.0);
        }
        s.set(i, v);
    }
    for id in LATER_PARAMS {
        let i = catalog::PARAMS
            .iter()
            .position(|p| p.id == *id)
            .expect("a parameter");
        let r = catalog::PARAMS[i].range(region);
        s.set(i, r.min + later.unit() * (r.max - r.min));
    }
    s
}

/// Parameters [`random_scenario`] draws from its side stream, in this order.
const LATER_PARAMS: &[&str] = &["commons_hours"];
