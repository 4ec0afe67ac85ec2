//! The catalog: parameters, outputs, phases and regions declared in `models/*.toml`,
//! validated and turned into static tables at build time by `src/build.rs`. Nothing about a
//! parameter is written twice: sliders, links, help, CSV headers and docs read these tables.

mod spec;
pub mod units;

pub use spec::*;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// The first calendar year the model simulates is `BASE_YEAR + 1`; year 0 is the calibration.
pub const BASE_YEAR: i32 = 2025;

/// The parameter with this id (a link key).
pub fn param(id: &str) -> Option<(usize, &'static ParamSpec)> {
    PARAMS.iter().enumerate().find(|(_, p)| p.id == id)
}

/// The output with this id.
pub fn output(id: &str) -> Option<(usize, &'static OutputSpec)> {
    OUTPUTS.iter().enumerate().find(|(_, o)| o.id == id)
}

/// The lesson with this id (`models/lessons/<id>.toml`).
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

/// The sentence template `key` of `models/strings/en.toml` (empty if there is none: a test
/// checks that every key the code asks for exists).
pub fn string(key: &str) -> &'static str {
    STRINGS
        .binary_search_by(|(k, _)| k.cmp(&key))
        .map_or("", |i| STRINGS[i].1)
}

/// `template` with each `{name}` replaced by its value in `values` (names not given stay).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The region with this id (`us`, `uk`, `fi`, `ng`, `world`).
pub fn region(id: &str) -> Option<&'static RegionSpec> {
    REGIONS.iter().find(|r| r.id == id)
}

/// The range and default of a parameter in a region: the Basic Income's range is in the
/// region's currency and the consumption tax default is the region's own rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub default: f64,
}

impl ParamSpec {
    /// This parameter's range and default in `region`.
    pub fn range(&self, region: &RegionSpec) -> Range {
        let from = |key: Option<&str>, fallback: f64| {
            key.and_then(|k| region.figures.get(k))
                .map(|f| f.value * self.region_scale)
                .unwrap_or(fallback)
        };
        Range {
            min: self.min,
            max: from(self.region_max, self.max),
            step: from(self.region_step, self.step),
            default: from(self.region_default, self.default),
        }
    }

    /// Whether the parameter's range or default is the region's own (the Basic Income, in
    /// the region's currency; the consumption tax): its value does not carry across regions.
    pub fn is_regional(&self) -> bool {
        self.region_max.is_some() || self.region_default.is_some()
    }

    /// Today's value of a policy in `region` (what the status-quo baseline runs); `None` for
    /// assumptions and settings, which the baseline shares with the scenario.
    pub fn status_quo(&self, region: &RegionSpec) -> Option<f64> {
        (self.role == Role::Policy).then(|| self.status_quo.unwrap_or(self.range(region).default))
    }

    /// The Monte Carlo distribution of this parameter in `region`. A parameter whose default
    /// differs by region (automation) declares its distribution for the default written in
    /// `parameters.toml` (the United States'), and it scales with each region's default.
    pub fn uncertainty(&self, region: &RegionSpec) -> Option<Distribution> {
        let dist = self.uncertain?;
        if self.region_default.is_none() || self.default == 0.0 {
            return Some(dist);
        }
        let factor = self.range(region).default / self.default;
        Some(match dist {
            Distribution::Uniform { low, high } => Distribution::Uniform {
                low: low * factor,
                high: high * factor,
            },
            Distribution::Triangular { low, mode, high } => Distribution::Triangular {
                low: low * factor,
                mode: mode * factor,
                high: high * factor,
            },
            Distribution::Normal {
                mean,
                sd,
                low,
                high,
            } => Distribution::Normal {
                mean: mean * factor,
                sd: sd * factor,
                low: low * factor,
                high: high * factor,
            },
        })
    }
}
