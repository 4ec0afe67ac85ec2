//! Notices: what was wrong with an input, and what mapsim did instead.

use crate::catalog::{units, ParamSpec, RegionSpec};

/// A problem with an input (a link, a command-line value, a saved file) that mapsim handled
/// by using a sane value instead. Shown to users; never fatal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The key the problem is about (a link key, or `link` for the whole link).
    pub key: String,
    /// A sentence for users: the problem, the value used and the allowed range.
    pub message: String,
    /// Nothing was wrong: a setting of an older link kept its value and changed its meaning
    /// (the command line prints it as a note and goes on; other notices stop it).
    pub changed_meaning: bool,
}

fn range_text(spec: &ParamSpec, region: &RegionSpec) -> String {
    let r = spec.range(region);
    format!(
        "{} to {}",
        units::with_unit(r.min, spec.unit, 2, region).replace(".00", ""),
        units::with_unit(r.max, spec.unit, 2, region).replace(".00", "")
    )
}

fn shown(spec: &ParamSpec, region: &RegionSpec, value: f64) -> String {
    if !value.is_finite() {
        return format!("{value}");
    }
    units::with_unit(value, spec.unit, 2, region)
        .replace(".00", "")
        .to_string()
}

impl Notice {
    /// A setting of an older link whose meaning changed: its value is kept, and `message`
    /// says what it means now.
    pub fn changed_meaning(key: &str, message: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            message: message.into(),
            changed_meaning: true,
        }
    }

    /// A value outside the allowed range (or not finite) was replaced by `used`.
    pub fn out_of_range(
        spec: &ParamSpec,
        region: &RegionSpec,
        given: f64,
        why: &str,
        used: f64,
    ) -> Self {
        let given = if given.is_finite() {
            shown(spec, region, given)
        } else {
            format!("{given}")
        };
        Self {
            key: spec.id.into(),
            message: format!(
                "{} {given} {why} (allowed: {}); using {}.",
                spec.label,
                range_text(spec, region),
                shown(spec, region, used)
            ),
            changed_meaning: false,
        }
    }

    /// A key that names no parameter.
    pub fn unknown_key(key: &str) -> Self {
        let shown: String = key.chars().take(40).collect();
        Self {
            key: shown.clone(),
            message: format!("'{shown}' is not a setting mapsim knows; it was ignored."),
            changed_meaning: false,
        }
    }

    /// Text that is not a number where a number was expected.
    pub fn not_a_number(spec: &ParamSpec, region: &RegionSpec, text: &str) -> Self {
        let shown: String = text.chars().take(40).collect();
        Self {
            key: spec.id.into(),
            message: format!(
                "{} '{shown}' is not a number (allowed: {}); kept the current value.",
                spec.label,
                range_text(spec, region)
            ),
            changed_meaning: false,
        }
    }

    /// A choice that is not one of the options.
    pub fn bad_option(spec: &ParamSpec, text: &str) -> Self {
        let shown: String = text.chars().take(40).collect();
        Self {
            key: spec.id.into(),
            message: format!(
                "{} '{shown}' is not one of: {}; kept the current choice.",
                spec.label,
                spec.options.join(", ")
            ),
            changed_meaning: false,
        }
    }

    /// Anything else about `key`.
    pub fn other(key: &str, message: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            message: message.into(),
            changed_meaning: false,
        }
    }
}
