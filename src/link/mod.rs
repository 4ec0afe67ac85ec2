//! Whole share links: the scenario plus what the reader was looking at (tab, year, chart),
//! for teachers' `<iframe>`s the embed settings (`embed`, `view`, `controls`), a lesson, a
//! pinned scenario A and, if its reader chose, "a household like mine".
//!
//! `?v=1&region=fi&bi=800&tab=distribution&year=2040` — readable, and untrusted: decoding
//! never fails, every problem becomes a [`Notice`] and a sane value is used.
//!
//! This layer sits above the engine's `present`: the scenario's own keys (`v`, `region`,
//! parameters, `b.`-keys) are read by [`crate::scenario::query`], which knows nothing of the
//! keys declared here: the view keys, each a row of the key table [`VIEW_KEYS`] (`keys.rs`)
//! that [`decode`] and [`encode`] follow, and the prefixes [`COMPARE_PREFIX`] and
//! [`HOUSEHOLD_PREFIX`].

mod household;
mod keys;

pub use household::SharedHousehold;
pub use keys::{Kind, Value, ViewKey, VIEW_KEYS};

use crate::present::Tab;
use crate::scenario::query::{self, VERSION};
use crate::scenario::{Notice, Scenario};

/// Prefix of the keys of the pinned comparison scenario A (`a.region=fi&a.bi=800`).
pub const COMPARE_PREFIX: &str = "a.";

/// Prefix of the keys of "a household like mine" (`h.pay=2500&h.children=2`), which a link
/// carries only when its reader chose to share it.
pub const HOUSEHOLD_PREFIX: &str = "h.";

/// Whether a key belongs to this layer, not to the scenario.
fn is_view_key(key: &str) -> bool {
    VIEW_KEYS.iter().any(|k| k.key == key)
        || key.starts_with(COMPARE_PREFIX)
        || key.starts_with(HOUSEHOLD_PREFIX)
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
    let mut link = Link {
        scenario,
        ..Link::default()
    };
    for key in VIEW_KEYS {
        if let Some(text) = last(key.key) {
            key.read(&text, &mut link, &mut notices);
        }
    }
    let compare_pairs: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix(COMPARE_PREFIX)
                .map(|k| format!("{}={}", encode_text(k), encode_text(v)))
        })
        .collect();
    link.compare = (!compare_pairs.is_empty()).then(|| {
        let (a, a_notices) = query::decode(&compare_pairs.join("&"));
        notices.extend(a_notices.into_iter().map(|mut n| {
            n.key = format!("{}{}", COMPARE_PREFIX, n.key);
            n.message = format!("Scenario A: {}", n.message);
            n
        }));
        a
    });
    link.household = household::household_of(&pairs, &mut notices);
    (link, notices)
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
    for key in VIEW_KEYS {
        if let Some(text) = key.text(link) {
            out.push('&');
            out.push_str(key.key);
            out.push('=');
            out.push_str(&text);
        }
    }
    if let Some(a) = &link.compare {
        for pair in query::encode(a).split('&').filter(|p| !p.starts_with("v=")) {
            out.push('&');
            out.push_str(COMPARE_PREFIX);
            out.push_str(pair);
        }
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
