//! Reading a scenario from a link's query string (`?v=1&region=fi&bi=800`) or a whole URL.
//!
//! Links are untrusted: decoding never fails. Every problem becomes a [`Notice`] and the
//! nearest valid value (or the default) is used.

use super::{Notice, NoticeKind, Scenario, BASELINE_PREFIX};
use crate::catalog;

/// The link schema version this build writes.
pub const VERSION: u32 = 5;

/// The scenario's keys that are not parameters: the schema version and the region.
const RESERVED: &[&str] = &["v", "region"];

/// Longest query string read; the rest is ignored with a notice.
const MAX_LEN: usize = 4096;

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The query part of a link, split into decoded pairs, capped at [`MAX_LEN`] characters.
fn pairs_of(link: &str, notices: &mut Vec<Notice>) -> Vec<(String, String)> {
    let query = match link.split_once('?') {
        Some((_, q)) => q,
        None => link,
    };
    let query = query.split('#').next().unwrap_or_default();
    let query = if query.len() > MAX_LEN {
        notices.push(Notice::new(
            NoticeKind::BadLink,
            "link",
            format!("The link is longer than {MAX_LEN} characters; the rest was ignored."),
        ));
        let mut end = MAX_LEN;
        while !query.is_char_boundary(end) {
            end -= 1;
        }
        &query[..end]
    } else {
        query
    };
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(p), String::new()),
        })
        .collect()
}

/// The link's schema version: absent means the current one.
fn version_of(pairs: &[(String, String)], notices: &mut Vec<Notice>) -> u32 {
    match pairs.iter().rev().find(|(k, _)| k == "v") {
        None => VERSION,
        Some((_, v)) => match v.trim().parse::<u32>() {
            Ok(n) if (1..=VERSION).contains(&n) => n,
            _ => {
                notices.push(Notice::new(
                    NoticeKind::BadLink,
                    "v",
                    format!(
                        "This link has version '{}'; this mapsim reads versions 1 to {VERSION}, so some settings may differ.",
                        v.chars().take(20).collect::<String>()
                    ),
                ));
                VERSION
            }
        },
    }
}

/// Decodes a scenario's query string into a scenario and the notices it raised. Every key
/// must be the scenario's: a whole share link, with the keys of what the reader was looking
/// at, is read by `mapsim::link::decode`, in the app's layer above.
pub fn decode(link: &str) -> (Scenario, Vec<Notice>) {
    let mut notices = Vec::new();
    let mut pairs = pairs_of(link, &mut notices);
    let scenario = scenario_of(&mut pairs, &mut notices, &|_| false);
    (scenario, notices)
}

/// The scenario of decoded pairs, after migrating them to the current schema. Keys for which
/// `other_layer` is true belong to a layer above (a share link's view keys) and are skipped.
pub fn scenario_of(
    pairs: &mut Vec<(String, String)>,
    notices: &mut Vec<Notice>,
    other_layer: &dyn Fn(&str) -> bool,
) -> Scenario {
    let mut seen = std::collections::BTreeSet::new();
    for (key, _) in pairs.iter() {
        if !seen.insert(key.as_str()) {
            notices.push(Notice::new(
                NoticeKind::BadLink,
                key,
                format!(
                    "'{}' appears more than once; the last value was used.",
                    key.chars().take(40).collect::<String>()
                ),
            ));
        }
    }
    let version = version_of(pairs, notices);
    notices.extend(super::migrate::migrate(
        pairs,
        version,
        VERSION,
        super::migrate::MIGRATIONS,
    ));
    let region = match pairs.iter().rev().find(|(k, _)| k == "region") {
        None => &catalog::REGIONS[0],
        Some((_, id)) => catalog::region(id.trim()).unwrap_or_else(|| {
            notices.push(Notice::new(
                NoticeKind::UnknownValue,
                "region",
                format!(
                    "Region '{}' is not one of us, uk, fi, ng, world; using United States.",
                    id.chars().take(20).collect::<String>()
                ),
            ));
            &catalog::REGIONS[0]
        }),
    };
    let mut scenario = Scenario::for_region(region);
    // Last value wins for repeated keys: apply in order.
    for (key, value) in pairs.iter() {
        // `b.`-keys are the reader's own baseline, read below.
        if RESERVED.contains(&key.as_str()) || key.starts_with(BASELINE_PREFIX) || other_layer(key)
        {
            continue;
        }
        if let Some(n) = scenario.set_text(key, value) {
            notices.push(n);
        }
    }
    for (key, value) in pairs.iter() {
        if let Some(key) = key.strip_prefix(BASELINE_PREFIX) {
            notices.extend(scenario.set_baseline_text(key, value));
        }
    }
    scenario
}

/// Decoded pairs of a link (for the layer above, which reads its own keys from them).
pub fn pairs(link: &str, notices: &mut Vec<Notice>) -> Vec<(String, String)> {
    pairs_of(link, notices)
}

/// Encodes a scenario as a readable query string (without `?`): version, region, then every
/// parameter that differs from its default, then the reader's own baseline as `b.`-keys (its
/// policies that differ from today's).
pub fn encode(scenario: &Scenario) -> String {
    let mut out = format!("v={VERSION}&region={}", scenario.region().id);
    for (id, text) in scenario.changes() {
        out.push('&');
        out.push_str(id);
        out.push('=');
        out.push_str(&text);
    }
    for (id, text) in scenario.baseline_changes() {
        out.push('&');
        out.push_str(BASELINE_PREFIX);
        out.push_str(id);
        out.push('=');
        out.push_str(&text);
    }
    out
}
