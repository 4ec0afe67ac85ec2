//! Whole share links: the scenario plus what the reader was looking at (tab, year, chart),
//! for teachers' `<iframe>`s the embed settings (`embed`, `view`, `controls`), a lesson, a
//! pinned scenario A and, if its reader chose, "a household like mine".
//!
//! `?v=1&region=fi&bi=800&tab=distribution&year=2040` — readable, and untrusted: decoding
//! never fails, every problem becomes a [`Notice`] and a sane value is used.
//!
//! This layer sits above the engine's `present`: the scenario's own keys (`v`, `region`,
//! parameters, `b.`-keys) are read by [`crate::scenario::query`], which knows nothing of the
//! keys declared here ([`VIEW_KEYS`], [`COMPARE_PREFIX`], [`HOUSEHOLD_PREFIX`]).

mod household;

pub use household::SharedHousehold;

use crate::catalog::{self, BASE_YEAR};
use crate::present::{self, Tab};
use crate::scenario::query::{self, VERSION};
use crate::scenario::{Notice, Scenario};

/// The keys of a link that are not the scenario's: what the reader was looking at, embeds
/// and lessons.
pub const VIEW_KEYS: &[&str] = &[
    "embed", "view", "controls", "tab", "year", "lang", "lesson", "step", "bands", "draws",
];

/// Prefix of the keys of the pinned comparison scenario A (`a.region=fi&a.bi=800`).
pub const COMPARE_PREFIX: &str = "a.";

/// Prefix of the keys of "a household like mine" (`h.pay=2500&h.children=2`), which a link
/// carries only when its reader chose to share it.
pub const HOUSEHOLD_PREFIX: &str = "h.";

/// Whether a key belongs to this layer, not to the scenario.
fn is_view_key(key: &str) -> bool {
    VIEW_KEYS.contains(&key) || key.starts_with(COMPARE_PREFIX) || key.starts_with(HOUSEHOLD_PREFIX)
}

/// What the reader was looking at.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct View {
    pub tab: Option<Tab>,
    /// Calendar year of the headline strip.
    pub year: Option<i32>,
    /// The uncertainty bands are hidden (`bands=off`).
    pub hide_bands: bool,
    /// Monte Carlo draws, when not the default (`draws=1000`).
    pub draws: Option<usize>,
}

/// The range of Monte Carlo draws a link may ask for.
pub const DRAWS_RANGE: (usize, usize) = (20, 5000);

/// A compact layout for `<iframe>`s: one chart and a few controls.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Embed {
    pub on: bool,
    /// The chart shown (an id of `present::CHARTS`, or a card of `present::CARDS`); the
    /// income chart when absent.
    pub chart: Option<&'static str>,
    /// The parameters whose controls show (ids); the three main levers when empty.
    pub controls: Vec<&'static str>,
}

/// A decoded link.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Link {
    pub scenario: Scenario,
    pub view: View,
    pub embed: Embed,
    /// A guided lesson and its step (0-based; `step=` in links counts from 1).
    pub lesson: Option<(&'static str, usize)>,
    /// A pinned scenario A to compare with (`a.`-prefixed keys).
    pub compare: Option<Scenario>,
    /// "A household like mine", when its reader chose to share it (`h.`-prefixed keys).
    pub household: Option<SharedHousehold>,
}

/// The first 40 characters of what a link held, for notices.
fn short(text: &str) -> String {
    text.chars().take(40).collect()
}

/// Decodes a link or query string. Never fails.
pub fn decode(text: &str) -> (Link, Vec<Notice>) {
    let mut notices = Vec::new();
    let mut pairs = query::pairs(text, &mut notices);
    let scenario = query::scenario_of(&mut pairs, &mut notices, &is_view_key);
    let last = |key: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim().to_string())
    };
    let mut view = View::default();
    if let Some(tab) = last("tab") {
        view.tab = Tab::from_id(&tab);
        if view.tab.is_none() {
            notices.push(Notice::other(
                "tab",
                format!("There is no view '{}'; showing the overview.", short(&tab)),
            ));
        }
    }
    if let Some(year) = last("year") {
        let horizon = scenario.get(catalog::param::HORIZON) as i32;
        match year.parse::<f64>() {
            Ok(y) if y.is_finite() => {
                let used = (y.round() as i32).clamp(BASE_YEAR, BASE_YEAR + horizon);
                if used as f64 != y {
                    notices.push(Notice::other(
                        "year",
                        format!(
                            "Year {} is outside {BASE_YEAR}–{}; showing {used}.",
                            short(&year),
                            BASE_YEAR + horizon
                        ),
                    ));
                }
                view.year = Some(used);
            }
            _ => notices.push(Notice::other(
                "year",
                format!(
                    "Year '{}' is not a year; showing the default year.",
                    short(&year)
                ),
            )),
        }
    }
    if let Some(bands) = last("bands") {
        view.hide_bands = matches!(bands.as_str(), "off" | "0" | "no" | "false");
    }
    if let Some(draws) = last("draws") {
        let (low, high) = DRAWS_RANGE;
        match draws.parse::<f64>() {
            Ok(n) if n.is_finite() => {
                let used = (n.round().clamp(low as f64, high as f64)) as usize;
                if used as f64 != n {
                    notices.push(Notice::other(
                        "draws",
                        format!(
                            "{} Monte Carlo draws is outside {low}–{high}; using {used}.",
                            short(&draws)
                        ),
                    ));
                }
                view.draws = Some(used).filter(|n| *n != crate::uncertainty::DEFAULT_DRAWS);
            }
            _ => notices.push(Notice::other(
                "draws",
                format!(
                    "'{}' is not a number of draws; using {}.",
                    short(&draws),
                    crate::uncertainty::DEFAULT_DRAWS
                ),
            )),
        }
    }
    let mut embed = Embed {
        on: matches!(
            last("embed").as_deref(),
            Some("1") | Some("true") | Some("yes")
        ),
        ..Embed::default()
    };
    if let Some(chart) = last("view") {
        embed.chart = present::view(&chart);
        if embed.chart.is_none() {
            notices.push(Notice::other(
                "view",
                format!(
                    "There is no chart '{}'; showing median income.",
                    short(&chart)
                ),
            ));
        }
    }
    if let Some(list) = last("controls") {
        for id in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match catalog::param(id) {
                Some((_, spec)) if !embed.controls.contains(&spec.id) => {
                    embed.controls.push(spec.id)
                }
                Some(_) => {}
                None => notices.push(Notice::other(
                    "controls",
                    format!("There is no control '{}'; it was left out.", short(id)),
                )),
            }
        }
    }
    let mut lesson = None;
    if let Some(id) = last("lesson") {
        match catalog::lesson(&id) {
            None => notices.push(Notice::other(
                "lesson",
                format!(
                    "There is no lesson '{}'; opening the simulator.",
                    short(&id)
                ),
            )),
            Some(l) => {
                let steps = l.steps.len();
                let step = match last("step") {
                    None => 1,
                    Some(text) => match text.parse::<usize>() {
                        Ok(n) if (1..=steps).contains(&n) => n,
                        _ => {
                            notices.push(Notice::other(
                                "step",
                                format!(
                                    "Step '{}' is not a step of this lesson (1 to {steps}); opening step 1.",
                                    short(&text)
                                ),
                            ));
                            1
                        }
                    },
                };
                lesson = Some((l.id, step - 1));
            }
        }
    }
    let compare_pairs: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix(COMPARE_PREFIX)
                .map(|k| format!("{}={}", encode_text(k), encode_text(v)))
        })
        .collect();
    let compare = (!compare_pairs.is_empty()).then(|| {
        let (a, a_notices) = query::decode(&compare_pairs.join("&"));
        notices.extend(a_notices.into_iter().map(|mut n| {
            n.key = format!("{}{}", COMPARE_PREFIX, n.key);
            n.message = format!("Scenario A: {}", n.message);
            n
        }));
        a
    });
    let household = household::household_of(&pairs, &mut notices);
    (
        Link {
            scenario,
            view,
            embed,
            lesson,
            compare,
            household,
        },
        notices,
    )
}

/// Percent-encodes the characters that would break a query string.
fn encode_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'&' | b'=' | b'%' | b'+' | b'#' | b' ' | b'?' => out.push_str(&format!("%{b:02X}")),
            _ => out.push(b as char),
        }
    }
    // Non-ASCII bytes were pushed one by one as chars: rebuild them losslessly.
    if text.is_ascii() {
        out
    } else {
        text.chars()
            .map(|c| {
                if c.is_ascii() {
                    encode_text(&c.to_string())
                } else {
                    c.to_string()
                }
            })
            .collect()
    }
}

/// Encodes a link as a readable query string (without `?`).
pub fn encode(link: &Link) -> String {
    let mut out = query::encode(&link.scenario);
    if let Some(tab) = link.view.tab.filter(|t| *t != Tab::Overview) {
        out.push_str("&tab=");
        out.push_str(tab.id());
    }
    if let Some(year) = link.view.year {
        out.push_str(&format!("&year={year}"));
    }
    if link.view.hide_bands {
        out.push_str("&bands=off");
    }
    if let Some(draws) = link.view.draws {
        out.push_str(&format!("&draws={draws}"));
    }
    if link.embed.on {
        out.push_str("&embed=1");
    }
    if let Some(chart) = link.embed.chart {
        out.push_str("&view=");
        out.push_str(chart);
    }
    if let Some(a) = &link.compare {
        for pair in query::encode(a).split('&').filter(|p| !p.starts_with("v=")) {
            out.push('&');
            out.push_str(COMPARE_PREFIX);
            out.push_str(pair);
        }
    }
    if let Some((id, step)) = link.lesson {
        out.push_str(&format!("&lesson={id}&step={}", step + 1));
    }
    if !link.embed.controls.is_empty() {
        out.push_str("&controls=");
        out.push_str(&link.embed.controls.join(","));
    }
    if let Some(h) = &link.household {
        let p = HOUSEHOLD_PREFIX;
        out.push_str(&format!("&{p}pay={}", h.pay[0]));
        if h.adults == 2 {
            out.push_str(&format!("&{p}adults=2&{p}pay2={}", h.pay[1]));
        }
        if h.children > 0 {
            out.push_str(&format!("&{p}children={}", h.children));
        }
        out.push_str(&format!("&{p}wealth={}", h.wealth));
        if h.pensioners {
            out.push_str(&format!("&{p}over65=1"));
        }
    }
    debug_assert!(out.starts_with(&format!("v={VERSION}")));
    out
}
