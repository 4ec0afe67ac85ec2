//! Share links: frozen links keep opening the same scenario, migrations rename and rescale,
//! hostile links always open with notices, and encode/decode round-trips.

use super::support::{random_scenario, Rng};
use mapsim::catalog::{self, PARAMS};
use mapsim::link::{self, Embed, Kind, Link, View};
use mapsim::present::Tab;
use mapsim::scenario::migrate::{migrate, Migration};
use mapsim::scenario::query;
use mapsim::scenario::NoticeKind;

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

/// Every view key is a row of the key table, once: a link writes no other key outside the
/// scenario's and the `a.`/`h.` prefixes, each row is written by some link, a view key never
/// reaches the scenario, and a link at its defaults writes none.
#[test]
fn the_key_table_declares_every_view_key() {
    let names: Vec<&str> = link::VIEW_KEYS.iter().map(|k| k.key).collect();
    for (i, name) in names.iter().enumerate() {
        assert!(!names[..i].contains(name), "{name} is declared twice");
        // Not the scenario's: the scenario alone calls it unknown, a whole link does not.
        let text = format!("?{name}=1");
        assert!(
            query::decode(&text)
                .1
                .iter()
                .any(|n| n.kind == NoticeKind::UnknownKey),
            "{name} is a scenario key"
        );
        assert!(
            link::decode(&text)
                .1
                .iter()
                .all(|n| n.kind != NoticeKind::UnknownKey),
            "{name} reached the scenario"
        );
    }
    let defaults = Link::default();
    for row in link::VIEW_KEYS {
        let value = (row.get)(&defaults);
        assert!(
            value.is_none() || value == row.default,
            "{}: a default link holds {value:?}, the table says {:?}",
            row.key,
            row.default
        );
    }
    assert_eq!(
        link::encode(&defaults),
        query::encode(&defaults.scenario),
        "a link at its defaults writes no view key"
    );
    let mut rng = Rng(7);
    let mut written = std::collections::BTreeSet::new();
    for _ in 0..2000 {
        let l = random_link(&mut rng);
        let scenario_keys: Vec<String> = query::encode(&l.scenario)
            .split('&')
            .filter_map(|p| p.split_once('=').map(|(k, _)| k.to_string()))
            .collect();
        for pair in link::encode(&l).split('&') {
            let (key, _) = pair.split_once('=').expect("key=value");
            if scenario_keys.iter().any(|k| k == key)
                || key.starts_with(link::COMPARE_PREFIX)
                || key.starts_with(link::HOUSEHOLD_PREFIX)
            {
                continue;
            }
            assert!(names.contains(&key), "{key} is written but not declared");
            written.insert(key.to_string());
        }
    }
    for row in link::VIEW_KEYS {
        let ignored = matches!(row.kind, Kind::Ignored);
        assert_eq!(
            written.contains(row.key),
            !ignored,
            "{}: written by links {}",
            row.key,
            written.contains(row.key)
        );
    }
}

/// The notices of the key table come from models/strings/en.toml.
#[test]
fn every_view_key_notice_template_exists() {
    for row in link::VIEW_KEYS {
        let templates: Vec<&str> = match row.kind {
            Kind::OneOf { unknown, .. } | Kind::IdList { unknown, .. } => vec![unknown],
            Kind::Year {
                outside,
                not_a_number,
            }
            | Kind::Count {
                outside,
                not_a_number,
                ..
            } => vec![outside, not_a_number],
            Kind::LessonStep { bad } => vec![bad],
            Kind::Flag { .. } | Kind::Ignored => vec![],
        };
        for t in templates {
            assert!(
                !catalog::string(t).is_empty(),
                "{}: no template '{t}'",
                row.key
            );
        }
    }
}

/// Each kind of view key, given a value it cannot use, gives a notice of the right kind (a
/// flag or an ignored key never does), and keeps the default.
#[test]
fn each_kind_of_view_key_gives_the_right_notice() {
    use NoticeKind::*;
    let mut kinds_seen = std::collections::HashSet::new();
    for row in link::VIEW_KEYS {
        let cases: &[(&str, Option<NoticeKind>)] = match row.kind {
            Kind::OneOf { .. } => &[("nonsense", Some(UnknownValue))],
            Kind::IdList { .. } => &[("bi,nonsense", Some(UnknownValue))],
            Kind::Year { .. } => &[("3000", Some(OutOfRange)), ("soon", Some(NotANumber))],
            Kind::Count { .. } => &[
                ("99999999", Some(OutOfRange)),
                ("-1", Some(OutOfRange)),
                ("lots", Some(NotANumber)),
            ],
            Kind::LessonStep { .. } => &[
                ("99", Some(OutOfRange)),
                ("0", Some(OutOfRange)),
                ("two", Some(NotANumber)),
            ],
            Kind::Flag { .. } => &[("maybe", None)],
            Kind::Ignored => &[("klingon", None)],
        };
        kinds_seen.insert(std::mem::discriminant(&row.kind));
        // A step is read only with a lesson.
        let lesson = if matches!(row.kind, Kind::LessonStep { .. }) {
            "lesson=automation&"
        } else {
            ""
        };
        for (bad, kind) in cases {
            let url = format!("?v=5&{lesson}{}={bad}", row.key);
            let (decoded, notices) = link::decode(&url);
            let got: Vec<NoticeKind> = notices.iter().map(|n| n.kind).collect();
            assert_eq!(got, kind.iter().copied().collect::<Vec<_>>(), "{url}");
            assert!(
                notices.iter().all(|n| n.key == row.key),
                "{url}: {notices:?}"
            );
            // Out of range is clamped; anything else keeps the default.
            let value = (row.get)(&decoded);
            if *kind != Some(OutOfRange) || matches!(row.kind, Kind::LessonStep { .. }) {
                assert!(
                    value.is_none()
                        || value == row.default
                        || value == Some(link::Value::Ids(vec!["bi"])),
                    "{url}: {value:?}"
                );
            }
        }
    }
    assert_eq!(kinds_seen.len(), 7, "a kind has no row");
}

/// The view keys' notices say, word for word, what they said when each key was read by a
/// block of its own (end-to-end tests and readers see these sentences).
#[test]
fn view_key_notices_keep_their_words() {
    let cases = [
        (
            "?tab=secret",
            "There is no view 'secret'; showing the overview.",
        ),
        (
            "?year=3000",
            "Year 3000 is outside 2025–2075; showing 2075.",
        ),
        (
            "?year=2040.4",
            "Year 2040.4 is outside 2025–2075; showing 2040.",
        ),
        (
            "?year=soon",
            "Year 'soon' is not a year; showing the default year.",
        ),
        (
            "?draws=99999999",
            "99999999 Monte Carlo draws is outside 20–5000; using 5000.",
        ),
        ("?draws=lots", "'lots' is not a number of draws; using 200."),
        (
            "?view=nope",
            "There is no chart 'nope'; showing median income.",
        ),
        (
            "?controls=bi,nope",
            "There is no control 'nope'; it was left out.",
        ),
        (
            "?lesson=astrology",
            "There is no lesson 'astrology'; opening the simulator.",
        ),
        (
            "?lesson=automation&step=99",
            "Step '99' is not a step of this lesson (1 to 6); opening step 1.",
        ),
        // Braces in what a link held are never filled in as a template's names.
        (
            "?tab={low}{value}",
            "There is no view '{low}{value}'; showing the overview.",
        ),
        (
            "?tab=0123456789012345678901234567890123456789xyz",
            "There is no view '0123456789012345678901234567890123456789'; showing the overview.",
        ),
    ];
    for (url, message) in cases {
        let (_, notices) = link::decode(url);
        let messages: Vec<&str> = notices.iter().map(|n| n.message.as_str()).collect();
        assert_eq!(messages, [message], "{url}");
    }
}

/// Every notice carries a kind that code can act on instead of its words: the scenario's,
/// the link's, scenario A's, the shared household's and the reader's own baseline's.
#[test]
fn every_notice_has_a_kind() {
    use NoticeKind::*;
    let cases = [
        ("?bi=9000", "bi", OutOfRange),
        ("?bi=NaN", "bi", OutOfRange),
        ("?bi=abc", "bi", NotANumber),
        ("?rule=sideways", "rule", UnknownValue),
        ("?region=mars", "region", UnknownValue),
        ("?frobnicate=1", "frobnicate", UnknownKey),
        ("?bi=100&bi=200", "bi", BadLink),
        ("?v=99&bi=100", "v", BadLink),
        ("?a.bi=99999", "a.bi", OutOfRange),
        ("?a.frobnicate=1", "a.frobnicate", UnknownKey),
        (
            "?v=1&region=fi&automation=1.5",
            "automation",
            ChangedMeaning,
        ),
        ("?b.automation=2", "b.automation", NotApplicable),
        ("?b.nonsense=2", "b.nonsense", UnknownKey),
        ("?b.bi=99999", "b.bi", OutOfRange),
        ("?h.pay=-4", "h.pay", OutOfRange),
        ("?h.pay=lots", "h.pay", NotANumber),
        ("?h.adults=3", "h.adults", OutOfRange),
        ("?h.children=40", "h.children", OutOfRange),
        ("?h.children=few", "h.children", NotANumber),
        ("?h.over65=maybe", "h.over65", UnknownValue),
        ("?h.colour=blue", "h.colour", UnknownKey),
    ];
    for (url, key, kind) in cases {
        let (_, notices) = link::decode(url);
        assert!(
            notices.iter().any(|n| n.key == key && n.kind == kind),
            "{url}: no {kind:?} notice for {key}: {notices:?}"
        );
    }
    let huge = format!("?{}", "bi=1&".repeat(5000));
    let (_, notices) = link::decode(&huge);
    assert!(notices.iter().any(|n| n.key == "link" && n.kind == BadLink));
    // A removed setting is a key mapsim no longer knows.
    const REMOVED: &[Migration] = &[Migration {
        from: 1,
        renames: &[],
        scales: &[],
        removed: &[("old_knob", "it was merged into the automation rate")],
        changed: &[],
        defaults: &[],
        baseline_keeps: &[],
    }];
    let mut pairs = vec![("old_knob".to_string(), "3".to_string())];
    let notices = migrate(&mut pairs, 1, 2, REMOVED);
    assert_eq!(notices[0].kind, UnknownKey);
    // Only a changed meaning is not a problem with a link.
    assert!(!ChangedMeaning.is_problem() && OutOfRange.is_problem());
}
