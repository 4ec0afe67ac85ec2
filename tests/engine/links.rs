//! Share links: frozen links keep opening the same scenario, migrations rename and rescale,
//! hostile links always open with notices, and encode/decode round-trips.

use super::support::{random_scenario, Rng};
use mapsim::catalog::{self, PARAMS};
use mapsim::link::{self, Embed, Link, View};
use mapsim::present::Tab;
use mapsim::scenario::migrate::{migrate, Migration};
use mapsim::scenario::query;

#[test]
fn frozen_links_open_the_same_scenario() {
    let text = include_str!("frozen_links.txt");
    let mut count = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (url, expect) = line.split_once('|').expect("link | values");
        let (decoded, notices) = link::decode(url.trim());
        // Links of an older schema may only carry the notices of a changed meaning.
        let changed: Vec<&str> = mapsim::scenario::migrate::MIGRATIONS
            .iter()
            .flat_map(|m| m.changed.iter().map(|(k, _, _)| *k))
            .collect();
        assert!(
            notices.iter().all(|n| changed.contains(&n.key.as_str())),
            "{url}: {notices:?}"
        );
        let s = &decoded.scenario;
        let mut expected: Vec<(String, f64)> = Vec::new();
        for item in expect.split(',') {
            let (k, v) = item.trim().split_once('=').expect("key=value");
            if k == "region" {
                assert_eq!(s.region().id, v, "{url}");
            } else {
                expected.push((k.to_string(), v.parse().expect("number")));
            }
        }
        // Settings a link does not give open at the region's default, or, for settings added
        // after the link's schema, at the value that keeps its meaning (the migrations').
        let version: u32 = url
            .split(['?', '&'])
            .find_map(|p| p.trim().strip_prefix("v="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(query::VERSION);
        let mut added: Vec<(String, String)> = url
            .split(['?', '&'])
            .filter_map(|p| p.trim().split_once('='))
            .filter(|(k, _)| *k == "region")
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let _ = migrate(
            &mut added,
            version,
            query::VERSION,
            mapsim::scenario::migrate::MIGRATIONS,
        );
        for (i, spec) in PARAMS.iter().enumerate() {
            let want = expected
                .iter()
                .find(|(k, _)| k == spec.id)
                .map(|(_, v)| *v)
                .or_else(|| {
                    // Read as a link value would be (an option's name, "off", a number).
                    added.iter().find(|(k, _)| k == spec.id).and_then(|(k, v)| {
                        let mut read = mapsim::scenario::Scenario::for_region(s.region());
                        read.set_text(k, v).is_none().then(|| read.get(i))
                    })
                })
                .unwrap_or_else(|| spec.range(s.region()).default);
            assert_eq!(s.get(i), want, "{url}: {}", spec.id);
        }
        count += 1;
    }
    assert!(count >= 5);
}

#[test]
fn migrations_rename_rescale_and_report_removed_keys() {
    const REGISTRY: &[Migration] = &[
        Migration {
            from: 1,
            renames: &[("basic_income", "bi")],
            scales: &[],
            removed: &[],
            changed: &[],
            defaults: &[],
            baseline_keeps: &[],
        },
        Migration {
            from: 2,
            renames: &[],
            scales: &[("p2p", 100.0)],
            removed: &[("old_knob", "it was merged into the automation rate")],
            changed: &[("rule", "balanced", "the balanced rule changed")],
            defaults: &[],
            baseline_keeps: &[],
        },
    ];
    let mut pairs = vec![
        ("basic_income".to_string(), "700".to_string()),
        ("p2p".to_string(), "0.4".to_string()),
        ("old_knob".to_string(), "3".to_string()),
        ("b.basic_income".to_string(), "300".to_string()),
        ("b.p2p".to_string(), "0.1".to_string()),
    ];
    let notices = migrate(&mut pairs, 1, 3, REGISTRY);
    // The keys of a reader's own baseline (`b.`) are renamed and rescaled like the others.
    assert_eq!(
        pairs,
        vec![
            ("bi".into(), "700".into()),
            ("p2p".into(), "40".into()),
            ("b.bi".into(), "300".into()),
            ("b.p2p".into(), "10".into())
        ]
    );
    assert_eq!(notices.len(), 1);
    assert!(notices[0].message.contains("old_knob"));
    // A changed meaning is reported only for the value it concerns, and the value is kept.
    let mut old = vec![("rule".to_string(), "balanced".to_string())];
    let notices = migrate(&mut old, 2, 3, REGISTRY);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(old[0].1, "balanced");
    let mut old = vec![("rule".to_string(), "debt".to_string())];
    assert!(migrate(&mut old, 2, 3, REGISTRY).is_empty());
    // A link already at the newest version is untouched.
    let mut current = vec![("p2p".to_string(), "0.4".to_string())];
    assert!(migrate(&mut current, 3, 3, REGISTRY).is_empty());
    assert_eq!(current[0].1, "0.4");
}

#[test]
fn hostile_links_open_with_notices_and_sane_values() {
    let cases = [
        ("?bi=9000", "bi", "4\u{2009}000"),
        ("?bi=NaN", "bi", "not a finite number"),
        ("?bi=inf", "bi", "allowed"),
        ("?bi=-5", "bi", "allowed"),
        ("?bi=abc", "bi", "not a number"),
        ("?frobnicate=1", "frobnicate", "frobnicate"),
        ("?bi=100&bi=200", "bi", "more than once"),
        ("?v=99&bi=100", "v", "version"),
        ("?region=mars", "region", "United States"),
        ("?rule=sideways", "rule", "sideways"),
        ("?tab=secret", "tab", "overview"),
        ("?year=3000", "year", "2075"),
        ("?embed=1&view=nope", "view", "nope"),
        ("?embed=1&controls=bi,nope", "controls", "nope"),
        ("?lesson=astrology", "lesson", "astrology"),
        ("?a.bi=99999", "a.bi", "Scenario A"),
        ("?lesson=automation&step=99", "step", "1 to 6"),
    ];
    for (url, key, fragment) in cases {
        let (decoded, notices) = link::decode(url);
        let notice = notices
            .iter()
            .find(|n| n.key == key)
            .unwrap_or_else(|| panic!("{url}: no notice for {key}: {notices:?}"));
        assert!(
            notice.message.contains(fragment),
            "{url}: '{}' lacks '{fragment}'",
            notice.message
        );
        for (i, spec) in PARAMS.iter().enumerate() {
            let r = spec.range(decoded.scenario.region());
            let v = decoded.scenario.get(i);
            assert!(
                v.is_finite() && v >= r.min.min(0.0) && v <= r.max,
                "{url}: {} = {v}",
                spec.id
            );
        }
    }
    let huge = format!("?{}", "bi=1&".repeat(5000));
    let (_, notices) = link::decode(&huge);
    assert!(notices.iter().any(|n| n.key == "link"));
}

/// A random string drawn from characters that matter to the codec.
fn random_text(rng: &mut Rng, len: usize) -> String {
    const ALPHABET: &[&str] = &[
        "?", "&", "=", "%", "%2", "%ZZ", "%F0%9F", "+", ",", ".", "-", "e", "E", "0", "1", "9",
        "bi", "v", "region", "p2p", "rule", "year", "tab", "embed", "view", "controls", "NaN",
        "inf", "é", "€", "\u{0}", " ", "#", "1e308", "-0", "off", "us", "fi",
    ];
    (0..len)
        .map(|_| ALPHABET[(rng.next_u64() % ALPHABET.len() as u64) as usize])
        .collect()
}

#[test]
fn a_million_random_and_mutated_links_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let base: Vec<String> = (0..64)
        .map(|_| link::encode(&random_link(&mut rng)))
        .collect();
    for i in 0..1_000_000u32 {
        let text = if i % 2 == 0 {
            let len = (rng.next_u64() % 40) as usize;
            random_text(&mut rng, len)
        } else {
            // Mutate a valid link: cut, splice or overwrite a few characters.
            let mut t: Vec<char> = base[(i as usize / 2) % base.len()].chars().collect();
            for _ in 0..1 + rng.next_u64() % 4 {
                let at = (rng.next_u64() as usize) % (t.len() + 1);
                match rng.next_u64() % 3 {
                    0 if at < t.len() => {
                        t.remove(at);
                    }
                    1 => t
                        .splice(at..at, random_text(&mut rng, 1).chars())
                        .for_each(drop),
                    _ if at < t.len() => t[at] = ['&', '=', '%', '9', 'x'][at % 5],
                    _ => {}
                }
            }
            t.into_iter().collect()
        };
        let (decoded, _) = link::decode(&text);
        for v in decoded.scenario.values() {
            assert!(v.is_finite(), "{text:?}");
        }
    }
}

fn random_link(rng: &mut Rng) -> Link {
    let scenario = random_scenario(rng);
    let horizon = scenario.get(catalog::param::HORIZON) as i32;
    let tab = Tab::ALL[(rng.next_u64() % Tab::ALL.len() as u64) as usize];
    let controls: Vec<&'static str> = PARAMS
        .iter()
        .filter(|_| rng.unit() < 0.2)
        .map(|p| p.id)
        .collect();
    let lesson = (rng.unit() < 0.3).then(|| {
        let l = &catalog::LESSONS[(rng.next_u64() % catalog::LESSONS.len() as u64) as usize];
        (l.id, (rng.next_u64() % l.steps.len() as u64) as usize)
    });
    let compare = (rng.unit() < 0.3).then(|| random_scenario(rng));
    let household = (rng.unit() < 0.3).then(|| {
        let adults = 1 + (rng.next_u64() % 2) as u8;
        link::SharedHousehold {
            pay: [
                (rng.next_u64() % 20_000) as f64,
                if adults == 2 {
                    (rng.next_u64() % 20_000) as f64
                } else {
                    0.0
                },
            ],
            adults,
            children: (rng.next_u64() % 11) as u8,
            wealth: (rng.next_u64() % 10_000_000) as f64,
            pensioners: rng.unit() < 0.2,
        }
    });
    Link {
        household,
        compare,
        lesson,
        view: View {
            tab: (tab != Tab::Overview).then_some(tab),
            year: (rng.unit() < 0.5)
                .then(|| catalog::BASE_YEAR + (rng.next_u64() % (horizon as u64 + 1)) as i32),
            hide_bands: rng.unit() < 0.3,
            draws: (rng.unit() < 0.3)
                .then(|| 20 + (rng.next_u64() % 4981) as usize)
                .filter(|n| *n != mapsim::uncertainty::DEFAULT_DRAWS),
        },
        embed: Embed {
            on: rng.unit() < 0.5,
            chart: (rng.unit() < 0.5).then_some("wealth"),
            controls,
        },
        scenario,
    }
}

#[test]
fn decode_inverts_encode_for_random_valid_links() {
    let mut rng = Rng(42);
    for _ in 0..20_000 {
        let original = random_link(&mut rng);
        let text = link::encode(&original);
        let (decoded, notices) = link::decode(&text);
        assert!(notices.is_empty(), "{text}: {notices:?}");
        assert_eq!(decoded, original, "{text}");
        assert_eq!(query::decode(&text).0, original.scenario);
    }
}

#[test]
fn band_settings_travel_in_links_and_bad_draws_get_a_notice() {
    let (link, notices) = mapsim::link::decode("?v=1&bands=off&draws=1000");
    assert!(notices.is_empty());
    assert!(link.view.hide_bands);
    assert_eq!(link.view.draws, Some(1000));
    assert!(mapsim::link::encode(&link).contains("bands=off&draws=1000"));
    let (link, notices) = mapsim::link::decode("?v=1&draws=99999999");
    assert_eq!(link.view.draws, Some(5000));
    assert!(notices[0].message.contains("outside 20–5000"));
    let (link, notices) = mapsim::link::decode("?v=1&draws=lots");
    assert_eq!(link.view.draws, None);
    assert!(notices[0].message.contains("not a number of draws"));
}

#[test]
fn version_1_links_that_set_a_changed_setting_say_so() {
    let (decoded, notices) = link::decode("?v=1&region=fi&automation=1.5&rule=balanced");
    assert!(
        notices
            .iter()
            .any(|n| n.key == "automation" && n.message.contains("model v2")),
        "{notices:?}"
    );
    assert!(notices.iter().any(|n| n.key == "rule"), "{notices:?}");
    assert_eq!(decoded.scenario.value("automation"), Some(1.5));
    let (_, notices) = link::decode("?v=2&region=fi&automation=1.5");
    assert!(notices.is_empty(), "{notices:?}");
}

#[test]
fn links_made_before_the_status_quo_baseline_that_changed_a_tax_say_so() {
    let (decoded, notices) = link::decode("?v=4&region=us&bi=900&automation_tax=20&tax_change=3");
    for key in ["automation_tax", "tax_change"] {
        assert!(
            notices
                .iter()
                .any(|n| n.key == key && n.message.contains("status quo")),
            "{key}: {notices:?}"
        );
    }
    assert_eq!(decoded.scenario.value("automation_tax"), Some(20.0));
    // A Basic Income alone was compared with no Basic Income then and now: nothing to tell.
    let (_, notices) = link::decode("?v=4&region=us&bi=900&tax_change=0");
    assert!(notices.is_empty(), "{notices:?}");
    let (_, notices) = link::decode("?v=5&region=us&automation_tax=20");
    assert!(notices.is_empty(), "{notices:?}");
}

/// "A household like mine" travels in a link only as `h.`-keys, which never touch the
/// scenario; a value that cannot be used gets a notice and the form keeps its own.
#[test]
fn a_shared_household_is_read_and_checked() {
    let (l, notices) = link::decode("?v=5&region=fi&bi=700&h.pay=3100&h.adults=2&h.pay2=900&h.children=3&h.wealth=20000&h.over65=0");
    assert!(notices.is_empty(), "{notices:?}");
    let h = l.household.expect("a household");
    assert_eq!(
        (h.pay, h.adults, h.children, h.wealth, h.pensioners),
        ([3100.0, 900.0], 2, 3, 20000.0, false)
    );
    assert_eq!(l.scenario, query::decode("?v=5&region=fi&bi=700").0);
    let (l, notices) = link::decode("?v=5&h.pay=-4&h.children=40&h.adults=3&h.colour=blue");
    assert_eq!(notices.len(), 4, "{notices:?}");
    assert!(
        notices
            .iter()
            .all(|n| n.message.starts_with("Your household:")),
        "{notices:?}"
    );
    assert_eq!(l.household, Some(link::SharedHousehold::default()));
    assert_eq!(link::decode("?v=5&region=uk").0.household, None);
}
