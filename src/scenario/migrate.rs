//! Link schema versions and the migrations between them, so that a link made today opens
//! the same scenario after parameters are renamed or re-ranged.
//!
//! Version 1 is the first schema: the registry is empty. When a parameter changes, bump
//! [`super::query::VERSION`] and add a [`Migration`] from the old version that renames keys
//! and rescales values; `tests/engine/links.rs` keeps frozen links from every version.

use super::Notice;

/// What changed between version `from` and `from + 1`.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub from: u32,
    /// Keys renamed: (old, new).
    pub renames: &'static [(&'static str, &'static str)],
    /// Values multiplied: (key after renames, factor), e.g. a share moved to percent.
    pub scales: &'static [(&'static str, f64)],
    /// Keys that no longer exist, with the reason users are told.
    pub removed: &'static [(&'static str, &'static str)],
}

/// Every migration this build knows, oldest first.
pub const MIGRATIONS: &[Migration] = &[];

/// Brings `pairs` from schema `from` to schema `to` with `registry`. Returns notices for
/// removed keys (renames and rescales are silent: the scenario is the same).
pub fn migrate(
    pairs: &mut Vec<(String, String)>,
    from: u32,
    to: u32,
    registry: &[Migration],
) -> Vec<Notice> {
    let mut notices = Vec::new();
    for m in registry.iter().filter(|m| m.from >= from && m.from < to) {
        for (old, new) in m.renames {
            for pair in pairs.iter_mut().filter(|(k, _)| k == old) {
                pair.0 = new.to_string();
            }
        }
        for (key, factor) in m.scales {
            for pair in pairs.iter_mut().filter(|(k, _)| k == key) {
                if let Ok(v) = pair.1.trim().parse::<f64>() {
                    pair.1 = format!("{}", v * factor);
                }
            }
        }
        for (key, why) in m.removed {
            if pairs.iter().any(|(k, _)| k == key) {
                notices.push(Notice::other(
                    key,
                    format!("'{key}' is no longer a setting: {why}"),
                ));
                pairs.retain(|(k, _)| k != key);
            }
        }
    }
    notices
}
