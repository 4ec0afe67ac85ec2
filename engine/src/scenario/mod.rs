//! Scenarios: the region and every parameter value of one run, always valid.
//!
//! A [`Scenario`] can only hold values inside each parameter's range (for its region), so the
//! model never sees a value a slider could not set. Setting a bad value clamps it and returns a
//! [`Notice`] that says what was wrong, what is used instead and the allowed range.

pub mod migrate;
mod notice;
pub mod query;

pub use notice::{Notice, NoticeKind};

/// The prefix of the keys of a reader's own baseline in links (`b.bi=500`).
pub const BASELINE_PREFIX: &str = "b.";

use crate::catalog::{self, param, ParamKind, RegionSpec, Role, PARAMS, PARAM_COUNT, REGIONS};

/// The region and every parameter value of one run. Fields are private: every value went
/// through validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    region: &'static RegionSpec,
    values: [f64; PARAM_COUNT],
    /// A baseline of the reader's own: the policies its dashed line runs (only the entries
    /// of policies are read; assumptions and settings always come from `values`, so the two
    /// lines share one world). `None`: the status quo. Never holds the status quo itself
    /// (see [`Scenario::normalise_baseline`]), so equal comparisons are equal scenarios.
    custom_baseline: Option<Box<[f64; PARAM_COUNT]>>,
}

impl Default for Scenario {
    fn default() -> Self {
        Self::for_region(&REGIONS[0])
    }
}

impl Scenario {
    /// Every parameter at its default for `region`.
    pub fn for_region(region: &'static RegionSpec) -> Self {
        let mut values = [0.0; PARAM_COUNT];
        for (v, p) in values.iter_mut().zip(PARAMS.iter()) {
            *v = p.range(region).default;
        }
        Self {
            region,
            values,
            custom_baseline: None,
        }
    }

    /// The region this scenario runs in.
    pub fn region(&self) -> &'static RegionSpec {
        self.region
    }

    /// The value of the parameter with index `index` (see [`mod@catalog::param`]).
    pub fn get(&self, index: usize) -> f64 {
        self.values[index]
    }

    /// All values, in catalog order.
    pub fn values(&self) -> &[f64; PARAM_COUNT] {
        &self.values
    }

    /// The value of the parameter `id`, if there is one.
    pub fn value(&self, id: &str) -> Option<f64> {
        catalog::param(id).map(|(i, _)| self.values[i])
    }

    /// Sets parameter `index` to `value`, clamped into its range for this region and rounded
    /// where it must be whole. Returns a notice if the value had to change.
    pub fn set(&mut self, index: usize, value: f64) -> Option<Notice> {
        let spec = &PARAMS[index];
        let range = spec.range(self.region);
        let (used, problem) = if !value.is_finite() {
            (range.default, Some("is not a finite number"))
        } else if spec.kind == ParamKind::YearOrOff && value == 0.0 {
            (0.0, None)
        } else if value < range.min {
            (range.min, Some("is below the minimum"))
        } else if value > range.max {
            (range.max, Some("is above the maximum"))
        } else {
            (value, None)
        };
        let used = match spec.kind {
            ParamKind::Choice => used.round(),
            ParamKind::YearOrOff => used.round(),
            ParamKind::Number if spec.id == "households" => (used / 100.0).round() * 100.0,
            ParamKind::Number if spec.unit == catalog::Unit::Year => used.round(),
            ParamKind::Number => used,
        };
        self.values[index] = used;
        problem.map(|why| Notice::out_of_range(spec, self.region, value, why, used))
    }

    /// Sets a parameter from text (a link value or `--set key=value`): numbers, `off` for an
    /// optional year, an option name for a choice. Unknown keys and unreadable values leave the
    /// scenario unchanged and return a notice.
    pub fn set_text(&mut self, key: &str, text: &str) -> Option<Notice> {
        let Some((index, spec)) = param(key) else {
            return Some(Notice::unknown_key(key));
        };
        let text = text.trim();
        let value = match spec.kind {
            ParamKind::Choice => match spec.options.iter().position(|o| *o == text) {
                Some(i) => i as f64,
                None => return Some(Notice::bad_option(spec, text)),
            },
            ParamKind::YearOrOff if text.eq_ignore_ascii_case("off") => 0.0,
            _ => match text.parse::<f64>() {
                Ok(v) => v,
                Err(_) => return Some(Notice::not_a_number(spec, self.region, text)),
            },
        };
        self.set(index, value)
    }

    /// The same settings in another region: parameters whose range depends on the region
    /// (the Basic Income, in the region's currency) move to that region's default.
    pub fn in_region(&self, region: &'static RegionSpec) -> Self {
        let mut next = Self::for_region(region);
        for (i, spec) in PARAMS.iter().enumerate() {
            if !spec.is_regional() {
                next.values[i] = self.values[i];
            }
        }
        // A baseline of the reader's own comes along the same way: its regional policies
        // return to today's, as the scenario's own go to the new region's defaults (so the
        // notices saying so are not needed here).
        if self.has_custom_baseline() {
            let _ = next.use_baseline_of(&self.baseline());
        }
        next
    }

    /// The preset applied to the defaults of its region (or of this scenario's region when
    /// the preset names none). Returns notices for values the region could not take.
    pub fn from_preset(&self, preset: &catalog::Preset) -> (Self, Vec<Notice>) {
        let region = preset
            .region
            .and_then(catalog::region)
            .unwrap_or(self.region);
        let mut next = Self::for_region(region);
        let mut notices = Vec::new();
        for (key, text) in preset.settings {
            let text = if *text == "@poverty" {
                format!("{}", (region.figures.poverty_line.value / 12.0).round())
            } else {
                text.to_string()
            };
            notices.extend(next.set_text(key, &text));
        }
        (next, notices)
    }

    /// The baseline of this scenario: every policy at today's value (no Basic Income, no
    /// support for peer production, today's taxes and benefits), or at the reader's own
    /// baseline's when there is one; every assumption and setting the same (the same world:
    /// automation, behaviour, fiscal rule). Until December 2026 the baseline kept the
    /// scenario's taxes, so it compared two reforms.
    pub fn baseline(&self) -> Self {
        let mut base = Self {
            region: self.region,
            values: self.values,
            custom_baseline: None,
        };
        for (i, spec) in PARAMS.iter().enumerate() {
            if let Some(today) = spec.status_quo(self.region) {
                base.values[i] = self.custom_baseline.as_ref().map_or(today, |c| c[i]);
            }
        }
        base
    }

    /// Whether the baseline is the reader's own rather than the status quo.
    pub fn has_custom_baseline(&self) -> bool {
        self.custom_baseline.is_some()
    }

    /// Makes this scenario's policies the baseline ("Use as baseline"): the scenario then
    /// equals its baseline until a policy moves.
    pub fn use_as_baseline(&mut self) {
        self.custom_baseline = Some(Box::new(self.values));
        self.normalise_baseline();
    }

    /// Makes the policies of `other` the baseline (`mapsim run --baseline-link`). A policy
    /// whose range depends on the region (the Basic Income, in its currency) keeps today's
    /// value when `other` is in another region; the notices say which.
    pub fn use_baseline_of(&mut self, other: &Scenario) -> Vec<Notice> {
        let mut custom = self.baseline().values;
        let mut notices = Vec::new();
        for (i, spec) in PARAMS.iter().enumerate() {
            if spec.role != Role::Policy {
                continue;
            }
            if spec.is_regional() && other.region.id != self.region.id {
                if other.values[i] != spec.status_quo(other.region).unwrap_or(other.values[i]) {
                    notices.push(Notice::new(
                        NoticeKind::NotApplicable,
                        &format!("{BASELINE_PREFIX}{}", spec.id),
                        format!(
                            "The baseline's '{}' is for another region ({}); today's value is used.",
                            spec.label, other.region.name
                        ),
                    ));
                }
                continue;
            }
            custom[i] = other.values[i];
        }
        self.custom_baseline = Some(Box::new(custom));
        self.normalise_baseline();
        notices
    }

    /// Back to the status-quo baseline.
    pub fn clear_baseline(&mut self) {
        self.custom_baseline = None;
    }

    /// Sets one policy of the reader's own baseline from text (a `b.`-key of a link). An
    /// assumption or setting is not the baseline's to set: both lines share it.
    pub fn set_baseline_text(&mut self, key: &str, text: &str) -> Option<Notice> {
        let prefixed = format!("{BASELINE_PREFIX}{key}");
        let Some((index, spec)) = param(key) else {
            return Some(Notice::unknown_key(&prefixed));
        };
        if spec.role != Role::Policy {
            return Some(Notice::new(
                NoticeKind::NotApplicable,
                &prefixed,
                format!(
                    "'{}' describes the world, which the baseline shares with the scenario: the baseline's value was left out.",
                    spec.label
                ),
            ));
        }
        let mut base = self.baseline();
        let notice = base.set_text(key, text).map(|mut n| {
            n.key = prefixed;
            n.message = format!("Baseline: {}", n.message);
            n
        });
        let mut custom = self
            .custom_baseline
            .take()
            .unwrap_or_else(|| Box::new(base.values));
        custom[index] = base.values[index];
        self.custom_baseline = Some(custom);
        self.normalise_baseline();
        notice
    }

    /// The baseline's policies that differ from today's, as `(id, text)` pairs (`b.`-keys).
    pub fn baseline_changes(&self) -> Vec<(&'static str, String)> {
        let Some(custom) = &self.custom_baseline else {
            return Vec::new();
        };
        PARAMS
            .iter()
            .enumerate()
            .filter_map(|(i, spec)| {
                let today = spec.status_quo(self.region)?;
                (custom[i] != today).then(|| (spec.id, value_text(spec, custom[i])))
            })
            .collect()
    }

    /// A custom baseline equal to the status quo is no custom baseline.
    fn normalise_baseline(&mut self) {
        let same = self.custom_baseline.as_ref().is_some_and(|c| {
            PARAMS
                .iter()
                .enumerate()
                .all(|(i, spec)| spec.status_quo(self.region).is_none_or(|q| c[i] == q))
        });
        if same {
            self.custom_baseline = None;
        }
    }

    /// The parameters that differ from their defaults, as `(id, text)` pairs (for links and
    /// CSV headers).
    pub fn changes(&self) -> Vec<(&'static str, String)> {
        let defaults = Self::for_region(self.region);
        PARAMS
            .iter()
            .enumerate()
            .filter(|(i, _)| self.values[*i] != defaults.values[*i])
            .map(|(i, spec)| (spec.id, value_text(spec, self.values[i])))
            .collect()
    }
}

/// A parameter value as text, the inverse of [`Scenario::set_text`].
pub fn value_text(spec: &catalog::ParamSpec, value: f64) -> String {
    match spec.kind {
        ParamKind::Choice => spec
            .options
            .get(value as usize)
            .copied()
            .unwrap_or_default()
            .to_string(),
        ParamKind::YearOrOff if value == 0.0 => "off".into(),
        _ => {
            // Shortest text that reads back to the same f64.
            format!("{value}")
        }
    }
}
