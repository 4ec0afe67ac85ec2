//! Build script: reads `models/*.toml`, validates every entry (a bad file fails the build with
//! a message naming the file and the key) and writes static Rust tables to `OUT_DIR`, so the
//! browser carries no TOML parser and no data can be wrong at run time.

#[path = "src/catalog/source.rs"]
#[allow(dead_code)]
mod source;

use std::fmt::Write as _;
use std::path::Path;

/// Reads a file of `models/` (paths are from the repository's root, where `main` moves).
fn read(path: &str) -> String {
    // Cargo reads these paths from the engine's own folder.
    println!("cargo:rerun-if-changed=../{path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| fail(format!("{path}: cannot read: {e}")))
}

fn fail(message: String) -> ! {
    // `panic!` in a build script prints the message as the build error.
    panic!("\n\nmodels/ data error: {message}\n\n")
}

fn ok<T>(result: Result<T, String>) -> T {
    result.unwrap_or_else(|e| fail(e))
}

/// A Rust constant name for an id: `bi_net_cost` → `BI_NET_COST`.
fn konst(id: &str) -> String {
    id.to_ascii_uppercase()
}

fn opt_str(v: &Option<String>) -> String {
    match v {
        Some(s) => format!("Some({s:?})"),
        None => "None".into(),
    }
}

fn params_code(out: &mut String, params: &[source::Param]) {
    let _ = writeln!(
        out,
        "/// How many parameters there are.\npub const PARAM_COUNT: usize = {};",
        params.len()
    );
    let _ = writeln!(
        out,
        "/// Every parameter, in the order of `models/parameters.toml`."
    );
    let _ = writeln!(out, "pub static PARAMS: [ParamSpec; PARAM_COUNT] = [");
    for p in params {
        let uncertain = match &p.uncertain {
            None => "None".to_string(),
            Some(u) => match u.dist.as_str() {
                "uniform" => format!(
                    "Some(Distribution::Uniform {{ low: {:?}, high: {:?} }})",
                    u.low, u.high
                ),
                "triangular" => format!(
                    "Some(Distribution::Triangular {{ low: {:?}, mode: {:?}, high: {:?} }})",
                    u.low,
                    u.mode.unwrap_or_default(),
                    u.high
                ),
                _ => format!(
                    "Some(Distribution::Normal {{ mean: {:?}, sd: {:?}, low: {:?}, high: {:?} }})",
                    u.mean.unwrap_or_default(),
                    u.sd.unwrap_or_default(),
                    u.low,
                    u.high
                ),
            },
        };
        let (min, max, step) = if p.kind == "choice" {
            (0.0, (p.options.len() - 1) as f64, 1.0)
        } else {
            (
                p.min.unwrap_or(0.0),
                p.max.unwrap_or(0.0),
                p.step.unwrap_or(1.0),
            )
        };
        let _ = writeln!(
            out,
            "    ParamSpec {{ id: {:?}, label: {:?}, unit: Unit::{}, kind: ParamKind::{}, group: Group::{}, role: Role::{}, status_quo: {:?}, \
             min: {:?}, max: {:?}, step: {:?}, default: {:?}, options: &{:?}, help: {:?}, source: {:?}, \
             uncertain: {uncertain}, advanced: {}, region_max: {}, region_step: {}, region_default: {}, region_scale: {:?} }},",
            p.id,
            p.label,
            camel(&p.unit),
            camel(&p.kind),
            camel(&p.group),
            camel(&p.role),
            p.status_quo,
            min,
            max,
            step,
            p.default,
            p.options,
            p.help,
            p.source,
            p.advanced,
            opt_str(&p.region_max),
            opt_str(&p.region_step),
            opt_str(&p.region_default),
            p.region_scale.unwrap_or(1.0),
        );
    }
    let _ = writeln!(out, "];\n");
    let _ = writeln!(
        out,
        "/// Indices of the parameters in [`PARAMS`], by id.\npub mod param {{"
    );
    for (i, p) in params.iter().enumerate() {
        let _ = writeln!(
            out,
            "    /// `{}`: {}\n    pub const {}: usize = {i};",
            p.id,
            p.label,
            konst(&p.id)
        );
    }
    let _ = writeln!(out, "}}\n");
}

fn outputs_code(out: &mut String, outputs: &[source::Output]) {
    let _ = writeln!(
        out,
        "/// How many output series there are.\npub const OUTPUT_COUNT: usize = {};",
        outputs.len()
    );
    let _ = writeln!(
        out,
        "/// Every output series, in the order of `models/outputs.toml`."
    );
    let _ = writeln!(out, "pub static OUTPUTS: [OutputSpec; OUTPUT_COUNT] = [");
    for o in outputs {
        let _ = writeln!(
            out,
            "    OutputSpec {{ id: {:?}, label: {:?}, unit: Unit::{}, decimals: {}, bounds: [{:?}, {:?}], better: {:?}, description: {:?} }},",
            o.id, o.label, camel(&o.unit), o.format, o.bounds[0], o.bounds[1],
            o.better.as_deref().map(|b| b == "higher"), o.description
        );
    }
    let _ = writeln!(out, "];\n");
    let _ = writeln!(
        out,
        "/// Indices of the outputs in [`OUTPUTS`], by id.\npub mod output {{"
    );
    for (i, o) in outputs.iter().enumerate() {
        let _ = writeln!(
            out,
            "    /// `{}`: {}\n    pub const {}: usize = {i};",
            o.id,
            o.label,
            konst(&o.id)
        );
    }
    let _ = writeln!(out, "}}\n");
}

fn phase_figure(f: &source::PhaseFigure) -> String {
    format!(
        "PhaseFigure {{ value: {:?}, low: {:?}, high: {:?}, evidence: {}, note: {:?} }}",
        f.value,
        f.low,
        f.high,
        f.kind == "evidence",
        f.note
    )
}

fn phases_code(out: &mut String, phases: &source::PhaseFile) {
    let _ = writeln!(
        out,
        "/// Average freight distance of market goods, km.\npub const MARKET_KM: f64 = {:?};",
        phases.market_km
    );
    let _ = writeln!(out, "/// Recycled share of the market sector's materials.\npub const MARKET_RECYCLING: f64 = {:?};", phases.market_recycling);
    let _ = writeln!(out, "/// Yearly fall of energy per unit of goods (relative decoupling).\npub const ENERGY_EFFICIENCY: f64 = {:?};", phases.energy_efficiency);
    let _ = writeln!(out, "/// Yearly fall of material per unit of goods (relative decoupling).\npub const MATERIAL_EFFICIENCY: f64 = {:?};", phases.material_efficiency);
    let _ = writeln!(out, "/// The categories of the consumption basket (`models/phases.toml`).\npub static CATEGORIES: [CategorySpec; CATEGORY_COUNT] = [");
    for c in &phases.category {
        let _ = writeln!(
            out,
            "    CategorySpec {{ id: {:?}, name: {:?}, covers: {:?}, material: {} }},",
            c.id,
            c.name,
            c.covers,
            phase_figure(&c.material)
        );
    }
    let _ = writeln!(out, "];\n");
    let _ = writeln!(out, "/// The production phases 0..=3 of `models/phases.toml`.\npub static PHASES: [PhaseSpec; 4] = [");
    for p in &phases.phase {
        let _ = writeln!(
            out,
            "    PhaseSpec {{ number: {}, id: {:?}, name: {:?}, place: {:?}, equal_ownership: {}, own_use: {}, unit_cost: {}, materials: {}, labour_share: {}, transport_km: {}, ceiling: {}, capital_output: {}, recycling: {}, hours: {}, energy: {} }},",
            p.number, p.id, p.name, p.place, p.ownership == "equal", p.work == "own_use",
            phase_figure(&p.unit_cost), phase_figure(&p.materials), phase_figure(&p.labour_share),
            phase_figure(&p.transport_km),
            {
                let cells: Vec<String> = source::CATEGORY_IDS
                    .iter()
                    .map(|id| phase_figure(&p.ceiling[*id]))
                    .collect();
                format!("[{}]", cells.join(", "))
            },
            phase_figure(&p.capital_output),
            phase_figure(&p.recycling),
            phase_figure(&p.hours),
            phase_figure(&p.energy)
        );
    }
    let _ = writeln!(out, "];\n");
}

fn regions_code(out: &mut String, regions: &[source::Region]) {
    let _ = writeln!(
        out,
        "/// The figures every region file gives, each with unit, year and source."
    );
    let _ = writeln!(
        out,
        "#[derive(Debug, Clone, Copy, PartialEq)]\npub struct RegionFigures {{"
    );
    for name in source::REGION_FIGURES {
        let _ = writeln!(
            out,
            "    /// `figures.{name}` of the region file.\n    pub {name}: Figure,"
        );
    }
    let _ = writeln!(out, "}}\n");
    let _ = writeln!(out, "impl RegionFigures {{\n    /// A figure by its key in the region file.\n    pub fn get(&self, key: &str) -> Option<&Figure> {{\n        match key {{");
    for name in source::REGION_FIGURES {
        let _ = writeln!(out, "            {name:?} => Some(&self.{name}),");
    }
    let _ = writeln!(out, "            _ => None,\n        }}\n    }}\n}}\n");
    let _ = writeln!(
        out,
        "/// Every region, in link order (us, uk, fi, ng, world)."
    );
    let _ = writeln!(
        out,
        "pub static REGIONS: [RegionSpec; {}] = [",
        regions.len()
    );
    for r in regions {
        let _ = writeln!(
            out,
            "    RegionSpec {{ id: {:?}, name: {:?}, currency: {:?}, currency_symbol: {:?}, year: {}, figures: RegionFigures {{",
            r.id, r.name, r.currency, r.currency_symbol, r.year
        );
        for name in source::REGION_FIGURES {
            let f = &r.figures[*name];
            let kind = camel(&f.kind);
            let _ = writeln!(
                out,
                "        {name}: Figure {{ value: {:?}, unit: {:?}, year: {}, source: {:?}, kind: FigureKind::{kind}, note: {:?} }},",
                f.value, f.unit, f.year, f.source, f.note
            );
        }
        let _ = writeln!(out, "    }} }},");
    }
    let _ = writeln!(out, "];\n");
}

fn pairs(map: &std::collections::BTreeMap<String, String>) -> String {
    let items: Vec<String> = map.iter().map(|(k, v)| format!("({k:?}, {v:?})")).collect();
    format!("&[{}]", items.join(", "))
}

fn checks_code(out: &mut String, checks: &source::CheckFile) {
    let _ = writeln!(
        out,
        "/// Model checks of `models/checks.toml`.\npub mod checks {{"
    );
    let _ = writeln!(
        out,
        "    /// Every run of the scenario sets must pass `predicate` on `outputs`."
    );
    let _ = writeln!(out, "    #[derive(Debug, Clone, Copy)]\n    pub struct Invariant {{ pub id: &'static str, pub sets: &'static [&'static str], pub predicate: &'static str, pub outputs: &'static [&'static str] }}");
    let _ = writeln!(
        out,
        "    /// `output` must move as `expect` says when `change` is applied on top of `base`."
    );
    let _ = writeln!(out, "    #[derive(Debug, Clone, Copy)]\n    pub struct Direction {{ pub id: &'static str, pub why: &'static str, pub base: &'static [(&'static str, &'static str)], pub change: &'static [(&'static str, &'static str)], pub output: &'static str, pub years_after_base: Option<usize>, pub lower: bool, pub margin: f64, pub regions: &'static [&'static str] }}");
    let _ = writeln!(
        out,
        "    /// The invariants.\n    pub static INVARIANTS: &[Invariant] = &["
    );
    for c in &checks.invariant {
        let _ = writeln!(
            out,
            "        Invariant {{ id: {:?}, sets: &{:?}, predicate: {:?}, outputs: &{:?} }},",
            c.id, c.sets, c.predicate, c.outputs
        );
    }
    let _ = writeln!(
        out,
        "    ];\n    /// The directions.\n    pub static DIRECTIONS: &[Direction] = &["
    );
    for c in &checks.direction {
        let years = match &c.year {
            toml::Value::Integer(y) => format!("Some({y})"),
            _ => "None".into(),
        };
        let _ = writeln!(
            out,
            "        Direction {{ id: {:?}, why: {:?}, base: {}, change: {}, output: {:?}, years_after_base: {years}, lower: {}, margin: {:?}, regions: &{:?} }},",
            c.id, c.why, pairs(&c.base), pairs(&c.change), c.output, c.expect == "lower", c.margin,
            c.regions.clone().unwrap_or_default()
        );
    }
    let _ = writeln!(out, "    ];\n}}\n");
}

fn presets_code(out: &mut String, presets: &[source::Preset]) {
    let _ = writeln!(
        out,
        "/// Named scenarios of `models/scenarios/*.toml`, sorted by file name."
    );
    let _ = writeln!(out, "pub static PRESETS: &[Preset] = &[");
    for p in presets {
        let _ = writeln!(
            out,
            "    Preset {{ id: {:?}, name: {:?}, description: {:?}, region: {}, settings: {} }},",
            p.id,
            p.name,
            p.description,
            opt_str(&p.region),
            pairs(&p.settings)
        );
    }
    let _ = writeln!(out, "];\n");
}

fn lessons_code(out: &mut String, lessons: &[source::Lesson]) {
    let _ = writeln!(
        out,
        "/// Guided lessons of `models/lessons/*.toml`, sorted by file name."
    );
    let _ = writeln!(out, "pub static LESSONS: &[Lesson] = &[");
    for l in lessons {
        let _ = writeln!(
            out,
            "    Lesson {{ id: {:?}, title: {:?}, audience: {:?}, duration: {:?}, goals: &{:?}, sources: &{:?}, steps: &[",
            l.id, l.title, l.audience, l.duration, l.goals, l.sources
        );
        for (n, s) in l.step.iter().enumerate() {
            let _ = writeln!(
                out,
                "        LessonStep {{ scenario: Preset {{ id: {:?}, name: {:?}, description: {:?}, region: {}, settings: {} }}, chart: {:?}, question: {:?} }},",
                format!("{}_{}", l.id, n + 1),
                s.title,
                s.text,
                opt_str(&s.region),
                pairs(&s.settings),
                s.chart,
                s.question
            );
        }
        let _ = writeln!(out, "    ] }},");
    }
    let _ = writeln!(out, "];\n");
}

fn camel(id: &str) -> String {
    id.split('_')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn validation_code(out: &mut String, file: &source::ValidationFile) {
    let _ = writeln!(
        out,
        "/// Published results the model is compared with (`models/validation.toml`).\npub static VALIDATION: &[ValidationEntry] = &["
    );
    for e in &file.entry {
        let measure = camel(&e.measure);
        let _ = writeln!(
            out,
            "    ValidationEntry {{ id: {:?}, title: {:?}, source: {:?}, analogue: {:?}, region: {:?}, link: {:?}, against: {}, output: {:?}, per: {}, measure: Measure::{measure}, year: {}, year_end: {:?}, published: {:?}, tolerance: {:?}, unit: {:?}, hit: {}, note: {:?} }},",
            e.id, e.title, e.source, e.analogue, e.region, e.link, opt_str(&e.against), e.output,
            opt_str(&e.per), e.year, e.year_end, e.published, e.tolerance, e.unit, e.verdict == "hit", e.note
        );
    }
    let _ = writeln!(out, "];\n");
}

/// A closed vocabulary as a Rust enum: one variant per word (in CamelCase) with its meaning as
/// the doc comment, `ALL` in declaration order, and `id` / `from_id` for the word itself.
/// `extra` adds `(method name, doc, one text per word)` accessors (a tab's label).
fn enum_code(
    out: &mut String,
    name: &str,
    doc: &str,
    words: &[(&str, &str)],
    extra: &[(&str, &str, Vec<&str>)],
) {
    let _ = writeln!(
        out,
        "/// {doc}\n#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum {name} {{"
    );
    for (word, meaning) in words {
        let _ = writeln!(out, "    /// {meaning}\n    {},", camel(word));
    }
    let _ = writeln!(out, "}}\n\nimpl {name} {{");
    let all: Vec<String> = words
        .iter()
        .map(|(w, _)| format!("{name}::{}", camel(w)))
        .collect();
    let _ = writeln!(
        out,
        "    /// Every {name}, in declaration order.\n    pub const ALL: [{name}; {}] = [{}];",
        words.len(),
        all.join(", ")
    );
    let ids: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
    let mut methods = vec![(
        "id",
        "Its word in `models/` (and in links, where links name it).",
        ids,
    )];
    methods.extend(extra.iter().cloned());
    for (method, method_doc, texts) in methods {
        let _ = writeln!(out, "    /// {method_doc}\n    pub fn {method}(self) -> &'static str {{\n        match self {{");
        for ((word, _), text) in words.iter().zip(texts) {
            let _ = writeln!(out, "            {name}::{} => {text:?},", camel(word));
        }
        let _ = writeln!(out, "        }}\n    }}");
    }
    let _ = writeln!(
        out,
        "    /// The {name} whose word is `id`.\n    pub fn from_id(id: &str) -> Option<{name}> {{\n        {name}::ALL.into_iter().find(|v| v.id() == id)\n    }}\n}}\n"
    );
}

fn vocabulary_code(out: &mut String, v: &source::Vocabulary) {
    enum_code(out, v.name, v.doc, v.words, &[]);
}

fn groups_code(out: &mut String, groups: &[source::ParamGroup]) {
    let words: Vec<(&str, &str)> = groups
        .iter()
        .map(|g| (g.id.as_str(), g.title.as_str()))
        .collect();
    let titles = groups.iter().map(|g| g.title.as_str()).collect();
    let abouts = groups.iter().map(|g| g.about.as_str()).collect();
    enum_code(
        out,
        "Group",
        "The control group a parameter sits in (`[[group]]` in `models/parameters.toml`).",
        &words,
        &[
            ("title", "Its heading in the controls.", titles),
            ("about", "What its parameters are, in a sentence.", abouts),
        ],
    );
}

fn chart_spec(c: &source::ChartDecl, title: &str, outputs: &[String]) -> String {
    format!(
        "ChartSpec {{ id: {:?}, title: {:?}, family: {:?}, tab: Tab::{}, unit: Unit::{}, outputs: &{:?} }}",
        c.id,
        title,
        c.family,
        camel(&c.tab),
        camel(&c.unit),
        outputs
    )
}

fn charts_code(out: &mut String, file: &source::ChartFile) {
    let words: Vec<(&str, &str)> = file
        .tab
        .iter()
        .map(|t| (t.id.as_str(), t.label.as_str()))
        .collect();
    let labels = file.tab.iter().map(|t| t.label.as_str()).collect();
    enum_code(
        out,
        "Tab",
        "The tabs of the app (`[[tab]]` in `models/charts.toml`).",
        &words,
        &[("label", "Its name on screen.", labels)],
    );
    let _ = writeln!(out, "/// The time-series charts, in display order (`models/charts.toml`).\npub const CHARTS: &[ChartSpec] = &[");
    for c in &file.chart {
        let _ = writeln!(out, "    {},", chart_spec(c, &c.title, &c.outputs));
    }
    let _ = writeln!(out, "];\n");
    let _ = writeln!(out, "/// The views that are cards, not time charts (`models/charts.toml`).\npub const CARDS: &[CardSpec] = &[");
    for c in &file.card {
        let _ = writeln!(
            out,
            "    CardSpec {{ id: {:?}, title: {:?}, tab: Tab::{} }},",
            c.id,
            c.title,
            camel(&c.tab)
        );
    }
    let _ = writeln!(out, "];\n");
    let _ = writeln!(
        out,
        "/// The outputs of the headline strip, in order.\npub const HEADLINES: &[&str] = &{:?};\n",
        file.headlines
    );
    let rule = &file.debt_rule;
    let replaced = file
        .chart
        .iter()
        .find(|c| c.outputs == [rule.replaces.clone()])
        .unwrap_or_else(|| fail("models/charts.toml: debt_rule: no chart to replace".into()));
    let _ = writeln!(
        out,
        "/// What the debt rule shows instead of the output it holds fixed.\npub const DEBT_RULE: DebtRule = DebtRule {{ replaces: {:?}, with: {:?}, chart: {} }};\n",
        rule.replaces,
        rule.with,
        chart_spec(replaced, &rule.title, std::slice::from_ref(&rule.with))
    );
}

fn main() {
    println!("cargo:rerun-if-changed=src/catalog/source.rs");
    println!("cargo:rerun-if-changed=../models");
    // The data sits in the repository's `models/`, beside the engine's folder: read every
    // path from the repository's root, so that messages name files as a reader finds them.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::env::set_current_dir(&root).unwrap_or_else(|e| fail(format!("{}: {e}", root.display())));
    let params = ok(source::parameters(
        "models/parameters.toml",
        &read("models/parameters.toml"),
    ));
    let groups = ok(source::param_groups(
        "models/parameters.toml",
        &read("models/parameters.toml"),
    ));
    let outputs = ok(source::outputs(
        "models/outputs.toml",
        &read("models/outputs.toml"),
    ));
    let charts = ok(source::charts(
        "models/charts.toml",
        &read("models/charts.toml"),
        &outputs,
    ));
    let phases = ok(source::phases(
        "models/phases.toml",
        &read("models/phases.toml"),
    ));
    let regions: Vec<source::Region> = source::REGION_IDS
        .iter()
        .map(|id| {
            let path = format!("models/regions/{id}.toml");
            let region = ok(source::region(&path, &read(&path)));
            if region.id != *id {
                fail(format!(
                    "{path}: id: '{}' does not match the file name",
                    region.id
                ));
            }
            region
        })
        .collect();

    let checks = ok(source::checks(
        "models/checks.toml",
        &read("models/checks.toml"),
        &params,
        &outputs,
    ));

    let mut preset_files: Vec<String> = std::fs::read_dir("models/scenarios")
        .unwrap_or_else(|e| fail(format!("models/scenarios: {e}")))
        .filter_map(|e| e.ok().map(|e| e.path().display().to_string()))
        .filter(|p| p.ends_with(".toml"))
        .collect();
    preset_files.sort();
    let presets: Vec<source::Preset> = preset_files
        .iter()
        .map(|path| ok(source::preset(path, &read(path), &params)))
        .collect();
    if let Some(dup) = presets
        .iter()
        .enumerate()
        .find(|(i, p)| presets[..*i].iter().any(|q| q.id == p.id))
    {
        fail(format!("models/scenarios: id '{}' appears twice", dup.1.id));
    }

    let mut lesson_files: Vec<String> = std::fs::read_dir("models/lessons")
        .unwrap_or_else(|e| fail(format!("models/lessons: {e}")))
        .filter_map(|e| e.ok().map(|e| e.path().display().to_string()))
        .filter(|p| p.ends_with(".toml"))
        .collect();
    lesson_files.sort();
    let lessons: Vec<source::Lesson> = lesson_files
        .iter()
        .map(|path| {
            ok(source::lesson(
                path,
                &read(path),
                &params,
                &charts.view_ids(),
            ))
        })
        .collect();
    if let Some(dup) = lessons
        .iter()
        .enumerate()
        .find(|(i, l)| lessons[..*i].iter().any(|q| q.id == l.id))
    {
        fail(format!("models/lessons: id '{}' appears twice", dup.1.id));
    }

    let validation = ok(source::validation(
        "models/validation.toml",
        &read("models/validation.toml"),
        &outputs,
    ));

    let strings = ok(source::strings(
        "models/strings/en.toml",
        &read("models/strings/en.toml"),
    ));

    let mut out =
        String::from("// Generated by engine/build.rs from models/*.toml. Do not edit.\n\n");
    for vocabulary in [
        &source::UNITS,
        &source::ROLES,
        &source::KINDS,
        &source::FIGURE_KINDS,
        &source::MEASURES,
    ] {
        vocabulary_code(&mut out, vocabulary);
    }
    groups_code(&mut out, &groups);
    charts_code(&mut out, &charts);
    params_code(&mut out, &params);
    outputs_code(&mut out, &outputs);
    phases_code(&mut out, &phases);
    regions_code(&mut out, &regions);
    checks_code(&mut out, &checks);
    presets_code(&mut out, &presets);
    lessons_code(&mut out, &lessons);
    validation_code(&mut out, &validation);
    let _ = writeln!(
        out,
        "/// The sentence templates of models/strings/en.toml, sorted by key.\npub const STRINGS: &[(&str, &str)] = &["
    );
    for (key, value) in &strings {
        let _ = writeln!(out, "    ({key:?}, {value:?}),");
    }
    let _ = writeln!(out, "];\n");
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set".into()));
    let path = Path::new(&dir).join("catalog.rs");
    std::fs::write(&path, out).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
}
