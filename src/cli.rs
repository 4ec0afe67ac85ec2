//! The verbs of the `mapsim` command line, as a library: the binary (`src/bin/mapsim.rs`)
//! and the Python package call the same [`parse`] and [`execute`], so a researcher gets the
//! same text from both, bit for bit.
//!
//! ```text
//! mapsim run   [--link URL_OR_QUERY] [--set key=value ...] [--format csv|json]
//!              [--runs N [--seed S]]
//! mapsim books --year Y [--link ...] [--set ...]
//! mapsim params
//! mapsim validate
//! ```

use crate::catalog::{units, PARAMS, REGIONS};
use crate::decompose;
use crate::export;
use crate::link;
use crate::model;
use crate::present::households::Mine;
use crate::scenario::{query, value_text, Notice, Scenario};
use crate::uncertainty::{self, MonteCarlo};

/// What `mapsim help` prints.
pub const USAGE: &str = "usage:
  mapsim run   [--link URL_OR_QUERY] [--set key=value ...] [--format csv|json]
               [--baseline-link URL_OR_QUERY] [--runs N [--seed S]]
  mapsim books --year YEAR [--link URL_OR_QUERY] [--set key=value ...]
  mapsim decompose --year YEAR [--order bi,financing,replaced,p2p] [--link ...] [--set ...]
               what each part of the reform adds to the headline figures (CSV)
  mapsim winners --year YEAR [--link ...] [--set ...]
               who gains and who pays: change by decile, shares better and worse off (CSV)
  mapsim explain --year YEAR [--link ...] [--set ...]
               the sentences that open the app's headline strip: what changed most, how it
               is paid for, who gains, and why
  mapsim household --year YEAR [--earnings A[,B] [--children N] [--wealth W] [--pensioners]]
               [--link ...] [--set ...]
               income statements, baseline and scenario: six typical households of the
               model's population, or, with --earnings (a year, today's money, one amount per
               adult), a household like yours (static: hours stay as entered)
  mapsim params
  mapsim validate      how the model compares with published studies (CSV)

  --link   a mapsim share link or its query string, e.g. '?v=2&region=fi&bi=800'
  --set    one parameter, e.g. --set bi=1200 --set rule=debt (see `mapsim params`)
  --baseline-link  compare with this link's policies instead of the status quo (today's
           policies); assumptions stay the scenario's, as in the app's 'Use as baseline'.
           The scenario's own link may carry a baseline too (b.-keys)
  --format csv (default) or json
  --runs   Monte Carlo draws over the uncertain parameters: prints the 5/25/50/75/95 % bands
           of every output and year (CSV) instead of the series
  --seed   the Monte Carlo seed (default 1); the same seed gives the same bands as the app
  --year   calendar year of the books (transactions-flow matrix and balance sheet), or of the
           stacked reform
  --order  the order in which decompose adds the reform's components to the baseline";

/// What the command line was asked to do.
pub struct Request {
    command: String,
    /// The scenario the verb runs.
    pub scenario: Scenario,
    /// What the links said that is worth knowing but did not stop the request (a link of an
    /// older version whose meaning changed; in a lenient call, a value that was clamped).
    pub notes: Vec<String>,
    format: String,
    year: Option<i32>,
    /// Monte Carlo draws and seed, when asked for bands.
    runs: Option<usize>,
    seed: u64,
    /// The order of a stacked reform's components (ids), when given.
    order: Option<String>,
    /// "A household like mine", when `household` was given `--earnings`.
    mine: Option<Mine>,
}

/// An amount of money, zero or more.
fn amount(name: &str, text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err(format!("{name} '{text}' is not an amount of zero or more")),
    }
}

/// A whole number option.
fn whole<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{name} '{text}' is not a whole number"))
}

/// The scenario of a share link (the reader's view keys are read and left), with what is
/// worth a note. Strict: a problem with the link (an unknown key, a value out of range) is an
/// error, in the notice's own words; lenient: the value is clamped and the notice is a note.
pub fn scenario_of_link(text: &str, strict: bool) -> Result<(Scenario, Vec<String>), String> {
    let (link, notices) = link::decode(text);
    Ok((link.scenario, notes_of(&notices, strict)?))
}

/// Makes the policies of the share link `text` the scenario's baseline; the world
/// (assumptions) stays the scenario's, so the two runs differ only in policy. Returns the
/// notes, each marked as the baseline's.
pub fn use_baseline_link(
    scenario: &mut Scenario,
    text: &str,
    strict: bool,
) -> Result<Vec<String>, String> {
    let (base, mut notes) = scenario_of_link(text, strict)?;
    notes.extend(
        scenario
            .use_baseline_of(&base)
            .into_iter()
            .map(|n| n.message),
    );
    Ok(notes
        .into_iter()
        .map(|n| format!("baseline: {n}"))
        .collect())
}

/// Notices as notes, or the first that is a problem as an error when `strict`. A changed
/// meaning is not a problem with a link: the app opens such a link with the notice.
fn notes_of(notices: &[Notice], strict: bool) -> Result<Vec<String>, String> {
    if let (true, Some(n)) = (strict, notices.iter().find(|n| n.kind.is_problem())) {
        return Err(n.message.clone());
    }
    Ok(notices.iter().map(|n| n.message.clone()).collect())
}

/// Reads a command line (without the program's name), strictly: any problem with a link is
/// an error.
pub fn parse(args: &[String]) -> Result<Request, String> {
    parse_with(args, true)
}

/// Reads a command line; `strict: false` clamps bad link values and notes them instead.
pub fn parse_with(args: &[String], strict: bool) -> Result<Request, String> {
    // `mapsim winners --help` asks for the usage, like `mapsim --help`.
    if args.iter().skip(1).any(|a| a == "--help" || a == "-h") {
        return parse_with(&["help".to_string()], strict);
    }
    let command = args.first().cloned().ok_or("no command given")?;
    if ![
        "run",
        "books",
        "decompose",
        "winners",
        "explain",
        "household",
        "params",
        "validate",
        "help",
        "--help",
        "-h",
    ]
    .contains(&command.as_str())
    {
        return Err(format!("unknown command '{command}'"));
    }
    let mut scenario = Scenario::default();
    let mut sets = Vec::new();
    let mut baseline_link = None;
    let mut order = None;
    let mut mine = Mine {
        earnings: [0.0, 0.0],
        adults: 1,
        children: 0.0,
        pensioners: false,
        wealth: 0.0,
    };
    let mut earnings_given = false;
    let (mut format, mut year) = ("csv".to_string(), None);
    let (mut runs, mut seed) = (None, uncertainty::DEFAULT_SEED);
    let mut notes = Vec::new();
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--link" => {
                let (s, link_notes) = scenario_of_link(&value("--link")?, strict)
                    .map_err(|e| format!("in --link: {e}"))?;
                notes.extend(link_notes);
                scenario = s;
            }
            "--baseline-link" => baseline_link = Some(value("--baseline-link")?),
            "--set" => sets.push(value("--set")?),
            "--order" => order = Some(value("--order")?),
            "--format" => format = value("--format")?,
            "--year" => {
                let text = value("--year")?;
                year = Some(
                    text.parse()
                        .map_err(|_| format!("--year '{text}' is not a year"))?,
                );
            }
            "--runs" => {
                let n: usize = whole("--runs", &value("--runs")?)?;
                if !(1..=100_000).contains(&n) {
                    return Err(format!("--runs {n} is not between 1 and 100000"));
                }
                runs = Some(n);
            }
            "--seed" => seed = whole("--seed", &value("--seed")?)?,
            "--earnings" => {
                let text = value("--earnings")?;
                let parts: Vec<&str> = text.split(',').map(str::trim).collect();
                if parts.is_empty() || parts.len() > 2 {
                    return Err(format!("--earnings '{text}' is one or two amounts a year"));
                }
                for (k, part) in parts.iter().enumerate() {
                    mine.earnings[k] = amount("--earnings", part)?;
                }
                mine.adults = parts.len() as u8;
                earnings_given = true;
            }
            "--adults" => {
                let n: u8 = whole("--adults", &value("--adults")?)?;
                if !crate::present::households::ADULTS.contains(&n) {
                    return Err(format!("--adults {n} is not 1 or 2"));
                }
                mine.adults = n;
            }
            "--children" => {
                let n: u8 = whole("--children", &value("--children")?)?;
                if n > crate::present::households::MAX_CHILDREN {
                    return Err(format!("--children {n} is more than 10"));
                }
                mine.children = f64::from(n);
            }
            "--wealth" => mine.wealth = amount("--wealth", &value("--wealth")?)?,
            "--pensioners" => mine.pensioners = true,
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    for set in sets {
        let (key, text) = set
            .split_once('=')
            .ok_or_else(|| format!("--set '{set}' is not key=value"))?;
        if key == "region" {
            let region = crate::catalog::region(text)
                .ok_or_else(|| format!("region '{text}' is not one of us, uk, fi, ng, world"))?;
            scenario = scenario.in_region(region);
        } else if let Some(notice) = scenario.set_text(key, text) {
            notes.extend(notes_of(&[notice], strict)?);
        }
    }
    // The baseline's policies come from its link; the world (assumptions) stays the
    // scenario's, so that the two runs differ only in policy.
    if let Some(text) = baseline_link {
        let base_notes = use_baseline_link(&mut scenario, &text, strict)
            .map_err(|e| format!("in --baseline-link: {e}"))?;
        notes.extend(base_notes);
    }
    if format != "csv" && format != "json" {
        return Err(format!("--format '{format}' is not csv or json"));
    }
    if runs.is_some() && format == "json" {
        return Err("--runs prints its bands as CSV; leave out --format json".into());
    }
    Ok(Request {
        command,
        scenario,
        notes,
        format,
        year,
        runs,
        seed,
        order,
        mine: earnings_given.then_some(mine),
    })
}

fn params_table() -> String {
    let region = &REGIONS[0];
    let mut out = String::from("id,label,unit,min,max,step,default,group,role,status_quo\n");
    for p in PARAMS.iter() {
        let r = p.range(region);
        let unit = units::unit_label(p.unit, region);
        let range = if p.options.is_empty() {
            format!("{},{},{}", r.min, r.max, r.step)
        } else {
            format!("{},,", p.options.join("|"))
        };
        out.push_str(&format!(
            "{},\"{}\",{},{range},{},{:?},{:?},{}\n",
            p.id,
            p.label,
            if unit.is_empty() { "-".into() } else { unit },
            value_text(p, r.default),
            p.group,
            p.role,
            p.status_quo(region)
                .map_or(String::new(), |q| value_text(p, q))
        ));
    }
    out.push_str("# currency parameters (bi) are shown for the United States; other regions use their own currency and range.\n");
    out
}

/// Runs what was asked and returns the text the command line prints.
pub fn execute(request: &Request) -> Result<String, String> {
    match request.command.as_str() {
        "params" => Ok(params_table()),
        "validate" => Ok(export::validation_csv(&crate::validation::evaluate_all())),
        "help" | "--help" | "-h" => Ok(format!("{USAGE}\n")),
        command => {
            let outcome = model::run(&request.scenario).map_err(|e| e.to_string())?;
            if let (Some(draws), "run") = (request.runs, command) {
                let mc = MonteCarlo::new(&request.scenario, request.seed);
                let bands = mc
                    .bands(draws)
                    .ok_or("no Monte Carlo draw could run (every one was infeasible)")?;
                return Ok(export::bands_csv(&request.scenario, &outcome, &mc, &bands));
            }
            if command == "run" {
                return Ok(if request.format == "json" {
                    export::outcome_json(&request.scenario, &outcome) + "\n"
                } else {
                    export::series_csv(&outcome)
                });
            }
            let year = request
                .year
                .ok_or_else(|| format!("{command} needs --year YEAR"))?;
            let t = outcome
                .years
                .iter()
                .position(|y| *y == year)
                .ok_or_else(|| {
                    format!(
                        "--year {year} is outside the run ({}–{})",
                        outcome.years[0],
                        outcome.years[outcome.years.len() - 1]
                    )
                })?;
            if command == "decompose" {
                let order = match &request.order {
                    Some(text) => {
                        let ids: Vec<&str> = text.split(',').map(str::trim).collect();
                        decompose::order_of(&ids).map_err(|e| format!("--order: {e}"))?
                    }
                    None => decompose::default_order(),
                };
                let stacked =
                    decompose::decompose(&request.scenario, &order).map_err(|e| e.to_string())?;
                let link = format!("?{}", query::encode(&request.scenario));
                return Ok(export::decomposition_csv(
                    &request.scenario,
                    &link,
                    &stacked,
                    t,
                    year,
                ));
            }
            if command == "household" {
                let link = format!("?{}", query::encode(&request.scenario));
                return match &request.mine {
                    Some(mine) => {
                        let (b, s) = crate::present::households::mine_in(&outcome, t, mine)
                            .ok_or("this run keeps no household detail")?;
                        Ok(export::household_csv(
                            &request.scenario,
                            &link,
                            year,
                            &[("mine", "A household like yours", b, s)],
                        ))
                    }
                    None => {
                        let all = crate::present::households::archetypes(&outcome, t);
                        let rows: Vec<_> = all
                            .iter()
                            .map(|a| (a.id, a.name, a.baseline, a.scenario))
                            .collect();
                        Ok(export::household_csv(&request.scenario, &link, year, &rows))
                    }
                };
            }
            if command == "explain" {
                let text = crate::present::explain::explain(
                    &outcome,
                    t,
                    &request.scenario,
                    request.scenario.region(),
                );
                return Ok(format!("{text}\n"));
            }
            if command == "winners" {
                let w = crate::present::winners::winners(&outcome, t)
                    .ok_or("this run keeps no household detail")?;
                let link = format!("?{}", query::encode(&request.scenario));
                return Ok(export::winners_csv(&request.scenario, &link, &w));
            }
            Ok(export::books_csv(&outcome, t))
        }
    }
}
