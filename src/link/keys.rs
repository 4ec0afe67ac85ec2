//! The view keys of a share link, declared once: each key's name, what it holds (its kind,
//! with the values allowed), its default, the notices a bad value gives (templates of
//! `models/strings/en.toml`) and where its value lives in a [`Link`].
//!
//! [`super::decode`] and [`super::encode`] go through [`VIEW_KEYS`] in order, with one small
//! routine per kind: a new view key is a field of [`Link`] and a row here.

use super::{short, Link, DRAWS_RANGE};
use crate::catalog::{self, fill, string, BASE_YEAR};
use crate::present::{self, Tab};
use crate::scenario::{Notice, NoticeKind};
use crate::uncertainty::DEFAULT_DRAWS;

/// A view key's value once read, whatever its kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An id of the key's set.
    Id(&'static str),
    /// A whole number: a year, a count, a step counted from 1.
    Whole(i64),
    /// Set or not.
    Flag(bool),
    /// Ids of the key's set, in the link's order, without repeats.
    Ids(Vec<&'static str>),
}

/// What a view key holds: how its text is read, the values allowed and the notices a value
/// that cannot be used gives (keys of `models/strings/en.toml`).
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// One id of a set, as `find` gives it; any other text gives `unknown` and the default.
    OneOf {
        find: fn(&str) -> Option<&'static str>,
        unknown: &'static str,
    },
    /// Ids of a set separated by commas (each found by `find`); an unknown one is left out
    /// with `unknown`, a repeated one quietly.
    IdList {
        find: fn(&str) -> Option<&'static str>,
        unknown: &'static str,
    },
    /// A calendar year the scenario simulates (`BASE_YEAR` to the end of its horizon),
    /// rounded and clamped with `outside`; text that is not a finite number gives
    /// `not_a_number` and the default.
    Year {
        outside: &'static str,
        not_a_number: &'static str,
    },
    /// A whole number from `low` to `high`, rounded and clamped with `outside`; text that is
    /// not a finite number gives `not_a_number` and the default.
    Count {
        low: i64,
        high: i64,
        outside: &'static str,
        not_a_number: &'static str,
    },
    /// A step of the link's lesson, counted from 1 (read only when the link has a lesson);
    /// anything else gives `bad` and the default.
    LessonStep { bad: &'static str },
    /// Set when the text is one of `set_by` (a link writes the first), unset otherwise: any
    /// text is a flag, so never a notice.
    Flag { set_by: &'static [&'static str] },
    /// Accepted and not used: the key is kept out of the scenario, and nothing more.
    Ignored,
}

/// One view key: a row of [`VIEW_KEYS`].
#[derive(Debug, Clone)]
pub struct ViewKey {
    /// The key in links.
    pub key: &'static str,
    /// What it holds, the values allowed and the notices of bad ones.
    pub kind: Kind,
    /// What a link without the key gets, which a link does not write; `None` when the app
    /// chooses (the year shown, the chart of an embed).
    pub default: Option<Value>,
    /// The key's value in a link (`None` when it has none).
    pub get: fn(&Link) -> Option<Value>,
    /// Stores a value read from a link.
    pub set: fn(&mut Link, Value),
}

/// Every view key, in the order links are read and written (a lesson before its step).
pub const VIEW_KEYS: &[ViewKey] = &[
    ViewKey {
        key: "tab",
        kind: Kind::OneOf {
            find: |text| Tab::from_id(text).map(Tab::id),
            unknown: "link_tab_unknown",
        },
        default: Some(Value::Id("overview")),
        get: |link| link.view.tab.map(|tab| Value::Id(tab.id())),
        set: |link, value| {
            if let Value::Id(id) = value {
                link.view.tab = Tab::from_id(id);
            }
        },
    },
    ViewKey {
        key: "year",
        kind: Kind::Year {
            outside: "link_year_outside",
            not_a_number: "link_year_not_a_number",
        },
        default: None,
        get: |link| link.view.year.map(|year| Value::Whole(year.into())),
        set: |link, value| {
            if let Value::Whole(year) = value {
                link.view.year = i32::try_from(year).ok();
            }
        },
    },
    ViewKey {
        key: "bands",
        // The flag is `hide_bands`: `bands=off` hides them.
        kind: Kind::Flag {
            set_by: &["off", "0", "no", "false"],
        },
        default: Some(Value::Flag(false)),
        get: |link| Some(Value::Flag(link.view.hide_bands)),
        set: |link, value| link.view.hide_bands = value == Value::Flag(true),
    },
    ViewKey {
        key: "draws",
        kind: Kind::Count {
            low: DRAWS_RANGE.0 as i64,
            high: DRAWS_RANGE.1 as i64,
            outside: "link_draws_outside",
            not_a_number: "link_draws_not_a_number",
        },
        default: Some(Value::Whole(DEFAULT_DRAWS as i64)),
        get: |link| link.view.draws.map(|n| Value::Whole(n as i64)),
        set: |link, value| {
            if let Value::Whole(n) = value {
                link.view.draws = usize::try_from(n).ok().filter(|n| *n != DEFAULT_DRAWS);
            }
        },
    },
    ViewKey {
        key: "embed",
        kind: Kind::Flag {
            set_by: &["1", "true", "yes"],
        },
        default: Some(Value::Flag(false)),
        get: |link| Some(Value::Flag(link.embed.on)),
        set: |link, value| link.embed.on = value == Value::Flag(true),
    },
    ViewKey {
        key: "view",
        kind: Kind::OneOf {
            find: present::view,
            unknown: "link_view_unknown",
        },
        default: None,
        get: |link| link.embed.chart.map(Value::Id),
        set: |link, value| {
            if let Value::Id(id) = value {
                link.embed.chart = Some(id);
            }
        },
    },
    ViewKey {
        key: "controls",
        kind: Kind::IdList {
            find: |id| catalog::param(id).map(|(_, spec)| spec.id),
            unknown: "link_controls_unknown",
        },
        // The three main levers.
        default: Some(Value::Ids(Vec::new())),
        get: |link| Some(Value::Ids(link.embed.controls.clone())),
        set: |link, value| {
            if let Value::Ids(ids) = value {
                link.embed.controls = ids;
            }
        },
    },
    ViewKey {
        key: "lesson",
        kind: Kind::OneOf {
            find: |id| catalog::lesson(id).map(|lesson| lesson.id),
            unknown: "link_lesson_unknown",
        },
        default: None,
        get: |link| link.lesson.map(|(id, _)| Value::Id(id)),
        set: |link, value| {
            if let Value::Id(id) = value {
                link.lesson = Some((id, 0));
            }
        },
    },
    ViewKey {
        key: "step",
        kind: Kind::LessonStep {
            bad: "link_step_bad",
        },
        default: Some(Value::Whole(1)),
        get: |link| link.lesson.map(|(_, step)| Value::Whole(step as i64 + 1)),
        set: |link, value| {
            if let (Value::Whole(n), Some((_, step))) = (value, &mut link.lesson) {
                *step = usize::try_from(n - 1).unwrap_or(0);
            }
        },
    },
    ViewKey {
        key: "lang",
        kind: Kind::Ignored,
        default: None,
        get: |_| None,
        set: |_, _| {},
    },
];

/// What a value that cannot be used is, for its notice: out of range if it is a finite
/// number at all, else not a number.
pub(super) fn unusable_number(text: &str) -> NoticeKind {
    if text.parse::<f64>().is_ok_and(f64::is_finite) {
        NoticeKind::OutOfRange
    } else {
        NoticeKind::NotANumber
    }
}

/// `text` as a whole number from `low` to `high`, rounded and clamped, and whether that
/// changed it; `None` when it is not a finite number.
fn clamped(text: &str, low: i64, high: i64) -> Option<(i64, bool)> {
    let x = text.parse::<f64>().ok().filter(|x| x.is_finite())?;
    let used = (x.round() as i64).clamp(low, high);
    Some((used, used as f64 != x))
}

impl ViewKey {
    /// Reads this key's text (trimmed) into `link`, with a notice for each value that cannot
    /// be used. Keys read before it are in `link` already (the scenario, a step's lesson).
    pub(super) fn read(&self, text: &str, link: &mut Link, notices: &mut Vec<Notice>) {
        if let Some(value) = self.value_of(text, link, notices) {
            (self.set)(link, value);
        }
    }

    /// The value this key's text holds, or `None` (with a notice if it was bad) to keep
    /// the default.
    fn value_of(&self, text: &str, link: &Link, notices: &mut Vec<Notice>) -> Option<Value> {
        match self.kind {
            Kind::OneOf { find, unknown } => {
                let id = find(text);
                if id.is_none() {
                    notices.push(self.notice(NoticeKind::UnknownValue, unknown, text, &[]));
                }
                id.map(Value::Id)
            }
            Kind::IdList { find, unknown } => {
                let mut ids = Vec::new();
                for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    match find(item) {
                        Some(id) if !ids.contains(&id) => ids.push(id),
                        Some(_) => {}
                        None => {
                            notices.push(self.notice(NoticeKind::UnknownValue, unknown, item, &[]))
                        }
                    }
                }
                Some(Value::Ids(ids))
            }
            Kind::Year {
                outside,
                not_a_number,
            } => {
                let horizon = link.scenario.get(catalog::param::HORIZON) as i64;
                let range = (i64::from(BASE_YEAR), i64::from(BASE_YEAR) + horizon);
                self.number(text, range, (outside, not_a_number), notices)
            }
            Kind::Count {
                low,
                high,
                outside,
                not_a_number,
            } => self.number(text, (low, high), (outside, not_a_number), notices),
            Kind::LessonStep { bad } => {
                let (id, _) = link.lesson?;
                let steps = catalog::lesson(id).map_or(0, |lesson| lesson.steps.len());
                match text.parse::<usize>() {
                    Ok(n) if (1..=steps).contains(&n) => Some(Value::Whole(n as i64)),
                    _ => {
                        let range = [("low", 1), ("high", steps as i64)];
                        notices.push(self.notice(unusable_number(text), bad, text, &range));
                        None
                    }
                }
            }
            Kind::Flag { set_by } => Some(Value::Flag(set_by.contains(&text))),
            Kind::Ignored => None,
        }
    }

    /// A whole number from `low` to `high`, clamped with the notice `outside`, or none with
    /// the notice `not_a_number`.
    fn number(
        &self,
        text: &str,
        (low, high): (i64, i64),
        (outside, not_a_number): (&str, &str),
        notices: &mut Vec<Notice>,
    ) -> Option<Value> {
        let Some((used, moved)) = clamped(text, low, high) else {
            let range = [("low", low), ("high", high)];
            notices.push(self.notice(NoticeKind::NotANumber, not_a_number, text, &range));
            return None;
        };
        if moved {
            let numbers = [("low", low), ("high", high), ("used", used)];
            notices.push(self.notice(NoticeKind::OutOfRange, outside, text, &numbers));
        }
        Some(Value::Whole(used))
    }

    /// The notice `template` about `text` for this key, filled with `numbers` (the allowed
    /// range, the value used) and the key's default.
    fn notice(
        &self,
        kind: NoticeKind,
        template: &str,
        text: &str,
        numbers: &[(&str, i64)],
    ) -> Notice {
        let mut names: Vec<(&str, String)> =
            numbers.iter().map(|(n, x)| (*n, x.to_string())).collect();
        match &self.default {
            Some(Value::Id(id)) => names.push(("default", id.to_string())),
            Some(Value::Whole(n)) => names.push(("default", n.to_string())),
            _ => {}
        }
        // What the link held goes in last, so that braces in it are never filled.
        names.push(("value", short(text)));
        let names: Vec<(&str, &str)> = names.iter().map(|(n, v)| (*n, v.as_str())).collect();
        Notice::new(kind, self.key, fill(string(template), &names))
    }

    /// This key's text in `link`, if a link writes it (it has a value, not the default).
    pub(super) fn text(&self, link: &Link) -> Option<String> {
        let value = (self.get)(link).filter(|v| Some(v) != self.default.as_ref())?;
        match (value, self.kind) {
            (Value::Id(id), _) => Some(id.to_string()),
            (Value::Whole(n), _) => Some(n.to_string()),
            (Value::Flag(true), Kind::Flag { set_by }) => set_by.first().map(|w| w.to_string()),
            (Value::Flag(_), _) => None,
            (Value::Ids(ids), _) => Some(ids.join(",")),
        }
    }
}
