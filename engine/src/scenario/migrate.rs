//! Link schema versions and the migrations between them, so that a link made today opens
//! the same scenario after parameters are renamed or re-ranged.
//!
//! Version 1 is the first schema (2026-11). Version 2 (2026-12) is model v2's labour market:
//! four settings kept their keys and ranges but changed meaning, and a link that sets one
//! opens with a notice saying what changed. Version 3 (2026-12) adds people in households:
//! an older link keeps its children without a Basic Income (`bi_child` = 0). Version 4 (2026-12)
//! makes `p2p` the take-up of what the phases can make, category by category, instead of a
//! share of the whole basket (a notice says so). Version 5 (2026-12) compares every scenario with
//! the status quo, today's policies, instead of the scenario's own taxes without the Basic Income
//! and P2P (a link that changed a tax is told). When a parameter changes, bump
//! [`super::query::VERSION`] and add a [`Migration`] from the old version that renames keys,
//! rescales values or explains changed meanings; `tests/engine/links.rs` keeps frozen links
//! from every version.

use super::{Notice, NoticeKind, BASELINE_PREFIX};

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
    /// Keys whose meaning changed: (key, the value the change concerns, `*` for any, or
    /// `!v` for any but `v`, what users are told). The value is kept.
    pub changed: &'static [(&'static str, &'static str, &'static str)],
    /// Settings whose default changed (or new settings), and the value that keeps an older
    /// link's meaning, set when the link does not give one: (key, value, region id or `*`).
    pub defaults: &'static [(&'static str, &'static str, &'static str)],
    /// Keys an older link's comparison line kept from the scenario: they become the reader's
    /// own baseline (`b.`-keys), so the link opens with the comparison it had.
    pub baseline_keeps: &'static [&'static str],
}

/// Every migration this build knows, oldest first.
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: 1,
    renames: &[],
    scales: &[],
    removed: &[],
    changed: &[
        (
            "automation",
            "*",
            "This link was made before model v2 (December 2026). 'Automation rate' is now the share of the tasks people do that machines take over each year at today's pace, and it slows as fewer automatable tasks remain; wages now adjust, so automation lowers pay and the labour share more than it costs jobs. The value is kept; the results differ.",
        ),
        (
            "hours_response",
            "*",
            "This link was made before model v2 (December 2026). 'Work reduction at a poverty-line Basic Income' is now the income effect alone: hours also respond to the wage after tax. The value is kept; the results differ.",
        ),
        (
            "accelerator",
            "*",
            "This link was made before model v2 (December 2026). Firms now expect sales to grow at the trend rate, so the same investment response keeps the economy on a steady path instead of drifting. The value is kept; the results differ.",
        ),
        (
            "rule",
            "balanced",
            "This link was made before model v2 (December 2026). The balanced rule is now structural: the tax rate follows the budget at normal use of capacity, so a slump widens the deficit instead of raising taxes. The results differ.",
        ),
    ],
    defaults: &[],
    baseline_keeps: &[],
},
// Version 3 (model v2, part 2: people in households): children receive a Basic Income of
// `bi_child` % of the adult amount (default 50); links made before received none. The UK's
// default Basic Income fell from 800 to 460 GBP a month (the US default's share of GDP per
// adult, instead of a conversion at the exchange rate).
Migration {
    from: 2,
    renames: &[],
    scales: &[],
    removed: &[],
    changed: &[],
    defaults: &[("bi_child", "0", "*"), ("bi", "800", "uk")],
    baseline_keeps: &[],
},
// Version 4 (model v2, part 3: peer production by category, endogenous take-up): `p2p` was
// the share of the whole basket made by peer production by the horizon; it is now the ceiling
// on take-up of what the phases can make, and no phase makes services or most housing and
// food. `diffusion` was the steepness of a fixed curve; it is now a Bass imitation rate. The
// values are kept and their meanings told (not for p2p = 0, no peer production in both).
Migration {
    from: 3,
    renames: &[],
    scales: &[],
    removed: &[],
    changed: &[
        (
            "p2p",
            "!0",
            "This link was made before December 2026, when 'P2P production share' was the share of the whole consumption basket reached by the end. It is now public support for peer production: the most of what the production phases can make that take-up can reach, and no phase makes services, and little housing or food. Take-up now grows toward it faster when peer-produced goods are cheaper and people have time outside market work. The value is kept; the same number now means less peer production.",
        ),
        (
            "diffusion",
            "*",
            "This link was made before December 2026, when 'Speed of P2P take-up' was the steepness of a fixed S-curve. It is now the imitation coefficient of a Bass curve that also responds to costs, learning and time outside market work. The value is kept; the results differ.",
        ),
    ],
    defaults: &[],
    baseline_keeps: &[],
},
// Version 5 (issue 18: the status-quo baseline): the dashed line kept the scenario's taxes
// (only the Basic Income and P2P support were switched off); it now holds every policy at
// today's value. A link that changed a tax keeps its comparison as the reader's own baseline
// (the same taxes, no Basic Income, no P2P: the old comparison exactly), and is told. The
// Basic Income is now indexed to prices by default; older links keep a fixed amount.
Migration {
    from: 4,
    renames: &[],
    scales: &[],
    removed: &[],
    changed: &[
        ("tax_change", "!0", "This link was made before December 2026, when the dashed comparison line kept this link's income tax change. The link opens with that comparison as your own baseline; 'Compare with the status quo' shows today's policies instead, the default since then."),
        ("automation_tax", "!0", "This link was made before December 2026, when the dashed comparison line kept this link's automation tax. The link opens with that comparison as your own baseline; 'Compare with the status quo' shows today's policies instead, the default since then."),
        ("wealth_tax", "!0", "This link was made before December 2026, when the dashed comparison line kept this link's wealth tax. The link opens with that comparison as your own baseline; 'Compare with the status quo' shows today's policies instead, the default since then."),
        ("vat", "*", "This link was made before December 2026, when the dashed comparison line kept this link's consumption tax rate. The link opens with that comparison as your own baseline; 'Compare with the status quo' shows today's policies instead, the default since then."),
    ],
    defaults: &[("bi_index", "none", "*")],
    baseline_keeps: &["tax_change", "automation_tax", "wealth_tax", "vat"],
}];

/// Brings `pairs` from schema `from` to schema `to` with `registry`. Returns notices for
/// removed keys and changed meanings (renames and rescales are silent: the scenario is the
/// same).
pub fn migrate(
    pairs: &mut Vec<(String, String)>,
    from: u32,
    to: u32,
    registry: &[Migration],
) -> Vec<Notice> {
    let mut notices = Vec::new();
    for m in registry.iter().filter(|m| m.from >= from && m.from < to) {
        // A key of the reader's own baseline (`b.`-key) is renamed and rescaled like its
        // parameter.
        let bare = |k: &str| k.strip_prefix(BASELINE_PREFIX).unwrap_or(k).to_string();
        for (old, new) in m.renames {
            for pair in pairs.iter_mut().filter(|(k, _)| bare(k) == *old) {
                pair.0 = pair.0.replacen(old, new, 1);
            }
        }
        for (key, factor) in m.scales {
            for pair in pairs.iter_mut().filter(|(k, _)| bare(k) == *key) {
                if let Ok(v) = pair.1.trim().parse::<f64>() {
                    pair.1 = format!("{}", v * factor);
                }
            }
        }
        for (key, why) in m.removed {
            if pairs.iter().any(|(k, _)| k == key) {
                notices.push(Notice::new(
                    NoticeKind::UnknownKey,
                    key,
                    format!("'{key}' is no longer a setting: {why}"),
                ));
                pairs.retain(|(k, _)| k != key);
            }
        }
        let region = pairs
            .iter()
            .rev()
            .find(|(k, _)| k == "region")
            .map_or("us".to_string(), |(_, v)| v.trim().to_string());
        for (key, value, only) in m.defaults {
            let applies = *only == "*" || *only == region;
            if applies && !pairs.iter().any(|(k, _)| k == key) {
                pairs.push((key.to_string(), value.to_string()));
            }
        }
        for key in m.baseline_keeps {
            let baseline_key = format!("{BASELINE_PREFIX}{key}");
            let kept = pairs
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone());
            if let Some(value) = kept {
                if !pairs.iter().any(|(k, _)| *k == baseline_key) {
                    pairs.push((baseline_key, value));
                }
            }
        }
        for (key, value, why) in m.changed {
            let concerned = pairs.iter().any(|(k, v)| {
                let v = v.trim();
                k == key
                    && match value.strip_prefix('!') {
                        Some(except) => v != except,
                        None => *value == "*" || v == *value,
                    }
            });
            if concerned {
                notices.push(Notice::changed_meaning(key, *why));
            }
        }
    }
    notices
}
