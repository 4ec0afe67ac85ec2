//! Notices: what was wrong with an input, and what mapsim did instead.

use crate::catalog::{units, ParamSpec, RegionSpec};

/// What a notice is about, for code that acts on it (the command line, tests): the
/// message is for people, the kind for branching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    /// A number outside the allowed range (or not finite, or not whole where a whole one is
    /// needed): the nearest allowed value, or the default, was used.
    OutOfRange,
    /// Text where a number was expected: the value was kept or the default used.
    NotANumber,
    /// A value that is none of the allowed ones (an option, a region, a tab, a chart, a
    /// lesson, a control): the default was used, or the value was left out.
    UnknownValue,
    /// A key that names no setting (or no longer does): it was ignored.
    UnknownKey,
    /// The link as a whole: too long, of an unknown schema version, or giving a key twice.
    BadLink,
    /// A valid value that cannot apply where it was given (an assumption or another region's
    /// policy in the reader's own baseline): it was left out.
    NotApplicable,
    /// Nothing was wrong: a setting of an older link kept its value and changed its meaning.
    ChangedMeaning,
    /// Something the reader asked the app to do failed (saving, exporting, reading a saved
    /// scenario).
    Failed,
}

impl NoticeKind {
    /// Whether the notice reports a problem with the input. A changed meaning does not: the
    /// command line prints it as a note and goes on, where other notices stop it.
    pub fn is_problem(self) -> bool {
        self != NoticeKind::ChangedMeaning
    }
}

/// A problem with an input (a link, a command-line value, a saved file) that mapsim handled
/// by using a sane value instead. Shown to users; never fatal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What the notice is about.
    pub kind: NoticeKind,
    /// The key the problem is about (a link key, or `link` for the whole link).
    pub key: String,
    /// A sentence for users: the problem, the value used and the allowed range.
    pub message: String,
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
    /// A notice of `kind` about `key`, saying `message`.
    pub fn new(kind: NoticeKind, key: &str, message: impl Into<String>) -> Self {
        Self {
            kind,
            key: key.into(),
            message: message.into(),
        }
    }

    /// A setting of an older link whose meaning changed: its value is kept, and `message`
    /// says what it means now.
    pub fn changed_meaning(key: &str, message: impl Into<String>) -> Self {
        Self::new(NoticeKind::ChangedMeaning, key, message)
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
        Self::new(
            NoticeKind::OutOfRange,
            spec.id,
            format!(
                "{} {given} {why} (allowed: {}); using {}.",
                spec.label,
                range_text(spec, region),
                shown(spec, region, used)
            ),
        )
    }

    /// A key that names no parameter.
    pub fn unknown_key(key: &str) -> Self {
        let shown: String = key.chars().take(40).collect();
        Self::new(
            NoticeKind::UnknownKey,
            &shown,
            format!("'{shown}' is not a setting mapsim knows; it was ignored."),
        )
    }

    /// Text that is not a number where a number was expected.
    pub fn not_a_number(spec: &ParamSpec, region: &RegionSpec, text: &str) -> Self {
        let shown: String = text.chars().take(40).collect();
        Self::new(
            NoticeKind::NotANumber,
            spec.id,
            format!(
                "{} '{shown}' is not a number (allowed: {}); kept the current value.",
                spec.label,
                range_text(spec, region)
            ),
        )
    }

    /// A choice that is not one of the options.
    pub fn bad_option(spec: &ParamSpec, text: &str) -> Self {
        let shown: String = text.chars().take(40).collect();
        Self::new(
            NoticeKind::UnknownValue,
            spec.id,
            format!(
                "{} '{shown}' is not one of: {}; kept the current choice.",
                spec.label,
                spec.options.join(", ")
            ),
        )
    }
}
