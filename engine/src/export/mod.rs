//! Exports as plain text (pure functions, no I/O): CSV of every series, the books of a year,
//! JSON of a run, Monte Carlo bands. The command line and the app share them, so a researcher gets the same
//! numbers from both.

use crate::catalog::{units, OUTPUTS, PARAMS};
use crate::model::accounts::{FLOWS, SECTORS, STOCKS};
use crate::model::Outcome;
use crate::scenario::{value_text, Scenario};
use crate::uncertainty::{dist, Bands, MonteCarlo, PERCENTILES};

/// A number as CSV text: shortest representation that reads back exactly.
fn num(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

/// Quotes a CSV field when it needs it.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The columns of the series table and CSV: `year`, every output id, then every output id
/// with `_baseline`.
pub fn series_columns() -> Vec<String> {
    std::iter::once("year".to_string())
        .chain(OUTPUTS.iter().map(|o| o.id.to_string()))
        .chain(OUTPUTS.iter().map(|o| format!("{}_baseline", o.id)))
        .collect()
}

/// The unit of each column of [`series_columns`] in `region` (money in its currency).
pub fn series_units(region: &crate::catalog::RegionSpec) -> Vec<String> {
    let unit = |o: &crate::catalog::OutputSpec| units::unit_label(o.unit, region);
    std::iter::once("year".to_string())
        .chain(OUTPUTS.iter().map(unit))
        .chain(OUTPUTS.iter().map(unit))
        .collect()
}

/// The series table as numbers, one row per year in the order of [`series_columns`]
/// (row-major): what the CSV holds, for callers that want the numbers themselves (the Python
/// package builds its DataFrame from it in one piece).
pub fn series_table(outcome: &Outcome) -> Vec<f64> {
    let columns = 1 + 2 * OUTPUTS.len();
    let mut out = Vec::with_capacity(columns * outcome.years.len());
    for (t, year) in outcome.years.iter().enumerate() {
        out.push(f64::from(*year));
        for path in [&outcome.scenario, &outcome.baseline] {
            out.extend((0..OUTPUTS.len()).map(|i| path.series[[i, t]]));
        }
    }
    out
}

/// One row per year: `year`, every output id, then every output id with `_baseline`.
pub fn series_csv(outcome: &Outcome) -> String {
    let mut out = series_columns().join(",");
    out.push('\n');
    for (t, year) in outcome.years.iter().enumerate() {
        out.push_str(&year.to_string());
        for path in [&outcome.scenario, &outcome.baseline] {
            for i in 0..OUTPUTS.len() {
                out.push(',');
                out.push_str(&num(path.series[[i, t]]));
            }
        }
        out.push('\n');
    }
    out
}

/// A CSV table of `items` in every region: `header`, then one row per region and item.
fn per_region<T>(
    header: &str,
    items: &[T],
    row: impl Fn(&T, &crate::catalog::RegionSpec) -> Vec<String>,
) -> String {
    let mut out = format!("{header}\n");
    for region in crate::catalog::REGIONS.iter() {
        for item in items {
            out.push_str(&row(item, region).join(","));
            out.push('\n');
        }
    }
    out
}

/// Every parameter in every region, one row each: its range, default and status-quo value
/// there, unit, group, role, whether the Monte Carlo draws it (and how), source and help.
pub fn parameters_csv() -> String {
    per_region(
        "id,label,region,unit,min,max,step,default,status_quo,options,group,role,uncertain,distribution,source,help",
        &PARAMS[..],
        |p, region| {
            let r = p.range(region);
            vec![
                p.id.to_string(),
                field(p.label),
                region.id.to_string(),
                field(&units::unit_label(p.unit, region)),
                num(r.min),
                num(r.max),
                num(r.step),
                num(r.default),
                p.status_quo(region).map_or(String::new(), num),
                field(&p.options.join("|")),
                format!("{:?}", p.group).to_lowercase(),
                format!("{:?}", p.role).to_lowercase(),
                p.uncertain.is_some().to_string(),
                field(&p.uncertain.as_ref().map_or(String::new(), dist::describe)),
                field(p.source),
                field(p.help),
            ]
        },
    )
}

/// Every output in every region (units name the region's currency), one row each.
pub fn outputs_csv() -> String {
    per_region(
        "id,label,region,unit,decimals,chart,better,description",
        &OUTPUTS[..],
        |o, region| {
            vec![
                o.id.to_string(),
                field(o.label),
                region.id.to_string(),
                field(&units::unit_label(o.unit, region)),
                o.decimals.to_string(),
                crate::present::charts_drawing(o.id)
                    .next()
                    .map_or("", |c| c.id)
                    .to_string(),
                o.better
                    .map_or("", |b| if b { "higher" } else { "lower" })
                    .to_string(),
                field(o.description),
            ]
        },
    )
}

/// The books of the year at column `t`: the transactions-flow matrix, then the balance
/// sheet, each with a header row of sectors and a `sum` column (zero when the books balance).
pub fn books_csv(outcome: &Outcome, t: usize) -> String {
    let accounts = &outcome.scenario.accounts[t];
    let header = |first: &str| {
        let mut h = field(first);
        for s in SECTORS {
            h.push(',');
            h.push_str(&field(s));
        }
        h.push_str(",sum\n");
        h
    };
    let mut out = header("flow");
    for (r, (name, _)) in FLOWS.iter().enumerate() {
        out.push_str(&field(name));
        for c in 0..SECTORS.len() {
            out.push(',');
            out.push_str(&num(accounts.flows[[r, c]]));
        }
        out.push(',');
        out.push_str(&num(accounts.flows.row(r).sum()));
        out.push('\n');
    }
    out.push_str("sum");
    for c in 0..SECTORS.len() {
        out.push(',');
        out.push_str(&num(accounts.flows.column(c).sum()));
    }
    out.push_str(",\n\n");
    out.push_str(&header("stock"));
    for (r, name) in STOCKS.iter().enumerate() {
        out.push_str(&field(name));
        for c in 0..SECTORS.len() {
            out.push(',');
            out.push_str(&num(accounts.stocks[[r, c]]));
        }
        out.push(',');
        out.push_str(&num(accounts.stocks.row(r).sum()));
        out.push('\n');
    }
    out
}

/// A run as JSON: the scenario's settings, the years, and every series of scenario and
/// baseline keyed by output id.
pub fn outcome_json(scenario: &Scenario, outcome: &Outcome) -> String {
    use serde_json::{Map, Value};
    let series = |path: &crate::model::Path| {
        let mut m = Map::new();
        for (i, o) in OUTPUTS.iter().enumerate() {
            let values = path
                .get(i)
                .iter()
                .map(|v| serde_json::Number::from_f64(*v).map_or(Value::Null, Value::Number))
                .collect();
            m.insert(o.id.into(), Value::Array(values));
        }
        Value::Object(m)
    };
    let mut params = Map::new();
    params.insert("region".into(), Value::String(scenario.region().id.into()));
    for (i, p) in PARAMS.iter().enumerate() {
        params.insert(p.id.into(), Value::String(value_text(p, scenario.get(i))));
    }
    // The baseline's policies (today's, or the reader's own), so the file says what the
    // dashed series compare with.
    let base = scenario.baseline();
    let mut baseline = Map::new();
    baseline.insert(
        "kind".into(),
        Value::String(
            if scenario.has_custom_baseline() {
                "custom"
            } else {
                "status_quo"
            }
            .into(),
        ),
    );
    for (i, p) in PARAMS.iter().enumerate() {
        if p.role == crate::catalog::Role::Policy {
            baseline.insert(p.id.into(), Value::String(value_text(p, base.get(i))));
        }
    }
    let mut root = Map::new();
    root.insert("parameters".into(), Value::Object(params));
    root.insert("baseline_policies".into(), Value::Object(baseline));
    root.insert(
        "years".into(),
        Value::Array(outcome.years.iter().map(|y| Value::from(*y)).collect()),
    );
    root.insert("scenario".into(), series(&outcome.scenario));
    root.insert("baseline".into(), series(&outcome.baseline));
    Value::Object(root).to_string()
}

/// What changed in the meaning of the columns since files made by earlier versions, so that
/// a reader comparing an old file with a new one is told (models/README.md §9).
const OUTPUT_CHANGES: &str = "# since mapsim 0.2.0: bi_net_cost is the static net cost (the baseline's households under the reform's rules, before behaviour; Widerquist 2017); in 0.1.0 files it compared the two runs after all feedback. bi_budget_cost and bi_dynamic_cost are new (models/README.md section 9)\n";

/// The series CSV preceded by `#` comment lines that record what produced it: the model
/// version, the region, every parameter value with its unit and the share link, so a file
/// found years later still says which scenario it holds (read it with `comment = '#'`).
pub fn series_csv_with_header(scenario: &Scenario, link: &str, outcome: &Outcome) -> String {
    let region = scenario.region();
    let mut out = format!(
        "# mapsim {} (model and data as of this version)\n# region: {} ({}; money in {} a month per adult unless stated)\n# link: {link}\n",
        env!("CARGO_PKG_VERSION"),
        region.name,
        region.id,
        region.currency
    );
    out.push_str(OUTPUT_CHANGES);
    for (i, spec) in PARAMS.iter().enumerate() {
        out.push_str(&format!(
            "# parameter {} = {} ({})\n",
            spec.id,
            value_text(spec, scenario.get(i)),
            spec.label
        ));
    }
    out.push_str(&series_csv(outcome));
    out
}

/// Monte Carlo bands as CSV, one row per output and year: the central run, then the 5, 25,
/// 50, 75 and 95 % bands. `#` lines first say how the bands were made (draws, seed, failed
/// draws, each parameter drawn with its distribution, each held at the user's value).
pub fn bands_csv(scenario: &Scenario, outcome: &Outcome, mc: &MonteCarlo, bands: &Bands) -> String {
    let region = scenario.region();
    let mut out = format!(
        "# mapsim Monte Carlo: {} draws ({} failed and left out), seed {}\n",
        bands.draws + bands.failed,
        bands.failed,
        mc.seed()
    );
    for (index, d) in mc.varied() {
        out.push_str(&format!(
            "# drawn: {} ~ {}\n",
            PARAMS[*index].id,
            dist::describe(d)
        ));
    }
    for index in mc.held() {
        let p = &PARAMS[*index];
        out.push_str(&format!(
            "# held at the scenario's value: {} = {}\n",
            p.id,
            value_text(p, scenario.get(*index))
        ));
    }
    out.push_str("output,unit,year,central,p5,p25,p50,p75,p95\n");
    for (i, o) in OUTPUTS.iter().enumerate() {
        let unit = field(&units::unit_label(o.unit, region));
        for (t, year) in outcome.years.iter().enumerate().take(bands.years()) {
            out.push_str(&format!(
                "{},{unit},{year},{}",
                o.id,
                num(outcome.scenario.series[[i, t]])
            ));
            for level in 0..PERCENTILES.len() {
                out.push(',');
                out.push_str(&num(bands.get(level, i)[t]));
            }
            out.push('\n');
        }
    }
    out
}

/// The comparison with published studies (`models/validation.toml`) as CSV: one row per
/// entry, with the model's figure, its distance from the published one and the verdict
/// (an entry that cannot be evaluated gets its error in the verdict column).
pub fn validation_csv(
    results: &[Result<crate::validation::Evaluation, crate::validation::ValidationError>],
) -> String {
    let mut out = String::from(
        "id,title,region,unit,published,model,distance,tolerance,verdict,recorded_verdict\n",
    );
    for (entry, result) in crate::catalog::VALIDATION.iter().zip(results) {
        let recorded = if entry.hit { "hit" } else { "miss" };
        let (model, distance, verdict) = match result {
            Ok(e) => (
                format!("{}", e.model),
                format!("{}", e.distance),
                if e.hit { "hit" } else { "miss" }.to_string(),
            ),
            Err(err) => (String::new(), String::new(), field(&err.to_string())),
        };
        out.push_str(&format!(
            "{},{},{},{},{},{model},{distance},{},{verdict},{recorded}\n",
            entry.id,
            field(entry.title),
            entry.region,
            field(entry.unit),
            entry.published,
            entry.tolerance
        ));
    }
    out
}

/// A stacked reform as CSV: per headline figure (those of the app's strip), the baseline's value in `year`, what each component
/// adds in the order it was added, and the whole reform's value (the baseline plus the
/// contributions, exactly up to rounding in the last digit).
pub fn decomposition_csv(
    scenario: &Scenario,
    link: &str,
    decomposition: &crate::decompose::Decomposition,
    t: usize,
    year: i32,
) -> String {
    use crate::decompose::COMPONENTS;
    let region = scenario.region();
    let names: Vec<&str> = decomposition
        .order
        .iter()
        .map(|&k| COMPONENTS[k].name)
        .collect();
    let mut out = format!(
        "# mapsim stacked reform of {link}, {year}: each component added to the baseline in this order, each step a full model run\n"
    );
    out.push_str("output,unit,baseline");
    for name in &names {
        out.push_str(&format!(",\"+ {name}\""));
    }
    out.push_str(",reform\n");
    for id in crate::present::HEADLINES {
        let Some((i, spec)) = crate::catalog::output(id) else {
            continue;
        };
        let (base, reform) = decomposition.ends(i, t);
        out.push_str(&format!(
            "{id},\"{}\",{base}",
            units::unit_label(spec.unit, region)
        ));
        for k in 0..decomposition.order.len() {
            out.push_str(&format!(",{}", decomposition.contribution(k, i, t)));
        }
        out.push_str(&format!(",{reform}\n"));
    }
    out
}

/// Winners and losers of one year as a tidy CSV (one value a row): by decile of people ranked
/// by baseline income, the mean change per person a month in money and in real terms and each
/// as %; then the shares of people better and worse off by more than 1 % and 5 % (real terms),
/// for everyone, by person group and by household type.
pub fn winners_csv(
    scenario: &Scenario,
    link: &str,
    w: &crate::present::winners::Winners,
) -> String {
    use crate::model::HouseholdType;
    use crate::present::winners::{PERSON_GROUPS, THRESHOLDS};
    let region = scenario.region();
    let money = format!("{} a month", region.currency);
    let mut out = format!(
        "# mapsim winners and losers of {link}, {}: each person's equivalised disposable income in the scenario against the same person's in the baseline; deciles of people ranked by baseline income; real = in base-year prices (peer production and VAT included)\n",
        w.year
    );
    out.push_str("breakdown,group,measure,value,unit\n");
    for (d, c) in w.deciles.iter().enumerate() {
        let decile = d + 1;
        for (measure, value, unit) in [
            ("baseline_income", c.baseline, money.as_str()),
            ("change", c.money, money.as_str()),
            ("change_pct", c.money_pct, "%"),
            ("real_change", c.real, money.as_str()),
            ("real_change_pct", c.real_pct, "%"),
        ] {
            out.push_str(&format!("decile,{decile},{measure},{value},\"{unit}\"\n"));
        }
    }
    let mut shares = |breakdown: &str, group: &str, s: &crate::present::winners::Shares| {
        for (k, at) in THRESHOLDS.iter().enumerate() {
            let pct = (at * 100.0).round();
            out.push_str(&format!(
                "{breakdown},{group},better_off_over_{pct}_pct,{},% of people\n",
                s.better[k]
            ));
            out.push_str(&format!(
                "{breakdown},{group},worse_off_over_{pct}_pct,{},% of people\n",
                s.worse[k]
            ));
        }
    };
    shares("all", "everyone", &w.all);
    for ((id, _), s) in PERSON_GROUPS.iter().zip(&w.by_person) {
        shares("person", id, s);
    }
    for (h, s) in HouseholdType::ALL.iter().zip(&w.by_household) {
        shares("household", h.id(), s);
    }
    out
}

/// Income statements of households in one year, a month: per household, each line of its
/// statement in the baseline and the scenario, and the change (`mapsim household`).
pub fn household_csv(
    scenario: &Scenario,
    link: &str,
    year: i32,
    households: &[(
        &str,
        &str,
        crate::present::households::Statement,
        crate::present::households::Statement,
    )],
) -> String {
    let region = scenario.region();
    let mut out = format!(
        "# mapsim income statements of {link}, {year}, {} a month (taxes negative; real = in base-year prices)\n",
        region.currency
    );
    out.push_str("household,name,line,baseline,scenario,change\n");
    for (id, name, base, reform) in households {
        for ((line, _, b), (_, _, s)) in base.lines().iter().zip(reform.lines().iter()) {
            out.push_str(&format!("{id},\"{name}\",{line},{b},{s},{}\n", s - b));
        }
    }
    out
}
