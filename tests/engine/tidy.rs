//! The rules of ARCHITECTURE.md that can be checked by reading the source: the layer order
//! of the modules, no web crate in the engine, transcendental maths only in `crate::math`,
//! no `unwrap()` or `expect(…)` outside tests, and no new user-facing sentence in Rust
//! source (they go in `models/strings/en.toml`). Each rule is also run on small fixtures with
//! a planted violation, to show that it rejects it.

use std::path::Path;

/// The modules in the order data flows: each may use the ones before it, never one after.
/// The engine runs from `math` to `export`; the app's layers follow (`link`: share links with
/// their view keys; `ui`; `bin`: the app, the worker and the CLI).
const LAYERS: &[&str] = &[
    "math",
    "catalog",
    "scenario",
    "model",
    "uncertainty",
    "decompose",
    "validation",
    "present",
    "export",
    "link",
    "cli",
    "ui",
    "bin",
];

/// Crates of the browser, which only the app's UI and its two browser binaries may use.
const WEB_CRATES: &[&str] = &[
    "yew",
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "js_sys",
    "plotters",
];

/// Functions whose results may differ between platforms (libm vs the platform's maths), so
/// that native and wasm runs would no longer be bit-identical: `crate::math` wraps them.
const TRANSCENDENTAL: &[&str] = &[
    "exp", "exp2", "exp_m1", "ln", "ln_1p", "log", "log2", "log10", "powf", "sin", "cos", "tan",
    "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "cbrt", "hypot",
];

/// User-facing sentences still written in Rust source, from before the rule: the number may
/// only go down (move one to `models/strings/en.toml` and lower it).
const SENTENCES_ALLOWED: usize = 54;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    Layer,
    WebInEngine,
    Transcendental,
    Unwrap,
}

#[derive(Debug)]
struct Violation {
    rule: Rule,
    path: String,
    line: usize,
    what: String,
}

/// The layer of a source file (`engine/src/model/run.rs` → `model`), if it has one.
fn layer_of(path: &str) -> Option<usize> {
    let rest = path
        .strip_prefix("engine/src/")
        .or_else(|| path.strip_prefix("src/"))?;
    let first = rest.split('/').next()?.trim_end_matches(".rs");
    LAYERS.iter().position(|l| *l == first)
}

/// The lines of code a rule reads: not comments, and nothing after `#[cfg(test)]` (tests
/// sit at the end of a file, and may unwrap or compute what they like).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l))
}

/// A line without its string literals (so that words in messages are not read as code).
fn without_strings(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in line.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c == '"' {
            in_string = true;
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether `code` uses `name` as a path segment start (`name::`), not as part of a longer word.
fn uses_path(code: &str, name: &str) -> bool {
    let pattern = format!("{name}::");
    code.match_indices(&pattern).any(|(at, _)| {
        code[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
    })
}

/// The modules named first in each `crate::{a, b::c, …}` group of `code`, with the line each
/// group starts on (groups may span lines).
fn grouped_modules(code: &[(usize, String)]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, String)> = None; // (line, depth, text so far)
    for (line, text) in code {
        let mut rest = text.as_str();
        loop {
            if let Some((start, depth, mut body)) = open.take() {
                let mut depth = depth;
                let mut end = None;
                for (i, c) in rest.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 1 => {
                            end = Some(i);
                            break;
                        }
                        '}' => depth -= 1,
                        _ => {}
                    }
                }
                match end {
                    Some(i) => {
                        body.push_str(&rest[..i]);
                        // Top-level items only: nested groups belong to their first segment.
                        let mut level = 0;
                        let mut item = String::new();
                        let mut items = Vec::new();
                        for c in body.chars() {
                            match c {
                                '{' => level += 1,
                                '}' => level -= 1,
                                ',' if level == 0 => items.push(std::mem::take(&mut item)),
                                _ => item.push(c),
                            }
                        }
                        items.push(item);
                        for item in items {
                            let first = item.trim().split("::").next().unwrap_or("").trim();
                            if !first.is_empty() {
                                out.push((start, first.to_string()));
                            }
                        }
                        rest = &rest[i + 1..];
                    }
                    None => {
                        body.push_str(rest);
                        open = Some((start, depth, body));
                        break;
                    }
                }
            }
            match rest.find("crate::{") {
                Some(at)
                    if rest[..at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric() && c != '_') =>
                {
                    open = Some((*line, 1, String::new()));
                    rest = &rest[at + "crate::{".len()..];
                }
                _ => break,
            }
        }
    }
    out
}

fn check(path: &str, text: &str) -> Vec<Violation> {
    let mut out = Vec::new();
    let layer = layer_of(path);
    if let Some(own) = layer {
        let code: Vec<(usize, String)> = code_lines(text)
            .map(|(n, l)| (n, without_strings(l)))
            .collect();
        for (line, name) in grouped_modules(&code) {
            if LAYERS
                .iter()
                .position(|l| *l == name)
                .is_some_and(|rank| rank > own)
            {
                out.push(Violation {
                    rule: Rule::Layer,
                    path: path.to_string(),
                    line,
                    what: format!("{} uses {name}, a layer above it", LAYERS[own]),
                });
            }
        }
    }
    let is_ui = path.starts_with("src/ui/") || path == "src/ui.rs";
    let browser_bin = matches!(path, "src/bin/app.rs" | "src/bin/worker.rs");
    let is_math = path == "engine/src/math.rs";
    let is_build = path == "engine/build.rs";
    for (line, raw) in code_lines(text) {
        let code = without_strings(raw);
        let mut flag = |rule: Rule, what: String| {
            out.push(Violation {
                rule,
                path: path.to_string(),
                line,
                what,
            })
        };
        if let Some(own) = layer {
            for (rank, name) in LAYERS.iter().enumerate() {
                if rank > own && uses_path(&code, &format!("crate::{name}")) {
                    flag(
                        Rule::Layer,
                        format!("{} uses {name}, a layer above it", LAYERS[own]),
                    );
                }
            }
        }
        if !is_ui && !browser_bin {
            for web in WEB_CRATES {
                if uses_path(&code, web) || code.contains(&format!("use {web};")) {
                    flag(Rule::WebInEngine, format!("uses the web crate {web}"));
                }
            }
        }
        if !is_math && !is_ui && !is_build {
            for f in TRANSCENDENTAL {
                if code.contains(&format!(".{f}(")) || code.contains(&format!("f64::{f}(")) {
                    flag(
                        Rule::Transcendental,
                        format!("calls {f} outside crate::math"),
                    );
                }
            }
        }
        if !is_build && (code.contains(".unwrap()") || code.contains(".expect(")) {
            flag(Rule::Unwrap, "unwrap() or expect(…) outside tests".into());
        }
    }
    out
}

/// String literals that read as a sentence to a user: a capital first, at least three words,
/// a full stop, question mark, exclamation mark or ellipsis last.
fn sentences(text: &str) -> usize {
    code_lines(text)
        .flat_map(|(_, line)| {
            line.split('"')
                .skip(1)
                .step_by(2)
                .filter(|s| {
                    s.chars().next().is_some_and(char::is_uppercase)
                        && s.split_whitespace().count() >= 3
                        && (s.ends_with('.')
                            || s.ends_with('?')
                            || s.ends_with('!')
                            || s.ends_with('…'))
                })
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .count()
}

/// Whether a file's sentences count against the ratchet: the user-facing layers.
fn shows_sentences(path: &str) -> bool {
    ["src/ui/", "src/link/", "engine/src/present/"]
        .iter()
        .any(|p| path.starts_with(p))
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path
                .strip_prefix(root)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            out.push((relative, std::fs::read_to_string(&path).unwrap_or_default()));
        }
    }
}

fn repository_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    sources(&root.join("engine/src"), root, &mut out);
    sources(&root.join("src"), root, &mut out);
    out
}

#[test]
fn the_source_keeps_the_house_rules() {
    let files = repository_sources();
    assert!(files.len() > 50, "found only {} source files", files.len());
    // The engine is its own crate: no web crate can even be named there (the compiler
    // checks it); the link layer and the UI stay in the app's package.
    assert!(files.iter().any(|(p, _)| p == "engine/src/model/run.rs"));
    assert!(files.iter().any(|(p, _)| p == "src/link/mod.rs"));
    let violations: Vec<String> = files
        .iter()
        .flat_map(|(path, text)| check(path, text))
        .map(|v| format!("{}:{}: {:?}: {}", v.path, v.line, v.rule, v.what))
        .collect();
    assert!(
        violations.is_empty(),
        "house rules (ARCHITECTURE.md) broken:\n{}",
        violations.join("\n")
    );
    let count: usize = files
        .iter()
        .filter(|(path, _)| shows_sentences(path))
        .map(|(_, text)| sentences(text))
        .sum();
    assert!(
        count <= SENTENCES_ALLOWED,
        "{count} user-facing sentences in Rust source, {SENTENCES_ALLOWED} allowed: put new ones in models/strings/en.toml (catalog::string)"
    );
}

/// The documents a newcomer reads, which must not send them outside the repository.
const DOCUMENTS: &[&str] = &[
    "README.md",
    "ARCHITECTURE.md",
    "CONTRIBUTING.md",
    "BENCHMARKS.md",
    "Cargo.toml",
    "models/README.md",
    "models/lessons/README.md",
    "models/regions/README.md",
];

/// A reference to a document outside the repository (the design notes it grew from).
fn points_outside(text: &str) -> bool {
    text.contains("../shared/")
}

#[test]
fn the_documents_point_only_inside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let outside: Vec<String> = DOCUMENTS
        .iter()
        .map(|d| {
            (
                d.to_string(),
                std::fs::read_to_string(root.join(d)).unwrap_or_default(),
            )
        })
        .chain(repository_sources())
        .filter(|(_, text)| points_outside(text))
        .map(|(path, _)| path)
        .collect();
    assert!(
        outside.is_empty(),
        "documents outside the repository referred to in: {outside:?}"
    );
    for doc in ["ARCHITECTURE.md", "CONTRIBUTING.md"] {
        assert!(root.join(doc).exists(), "{doc} is missing");
    }
}

#[test]
fn each_rule_rejects_a_planted_violation() {
    let rules = |path: &str, text: &str| -> Vec<Rule> {
        check(path, text).iter().map(|v| v.rule).collect()
    };
    // The engine reaching up: the model using the presentation layer, the scenario the link.
    assert_eq!(
        rules("engine/src/model/x.rs", "use crate::present::winners;"),
        [Rule::Layer]
    );
    assert_eq!(
        rules(
            "engine/src/scenario/x.rs",
            "let l = crate::link::decode(t);"
        ),
        [Rule::Layer]
    );
    assert_eq!(
        rules(
            "engine/src/catalog/x.rs",
            "use crate::{math, model::Outcome, ui};"
        ),
        [Rule::Layer, Rule::Layer]
    );
    assert_eq!(
        rules(
            "engine/src/scenario/x.rs",
            "use crate::{\n    catalog,\n    present::{self, Tab},\n};"
        ),
        [Rule::Layer]
    );
    assert_eq!(
        rules(
            "engine/src/catalog/x.rs",
            "fn f() -> crate::model::Outcome { todo!() }"
        ),
        [Rule::Layer]
    );
    // Downwards is fine, and so is the same layer.
    assert!(rules(
        "engine/src/present/x.rs",
        "use crate::model::Outcome; use crate::present::Tab;"
    )
    .is_empty());
    // A web crate in the engine or in the share link's layer (the CLI links it natively).
    assert_eq!(
        rules("engine/src/model/x.rs", "use web_sys::Window;"),
        [Rule::WebInEngine]
    );
    assert_eq!(
        rules("src/link/x.rs", "let w = gloo::utils::window();"),
        [Rule::WebInEngine]
    );
    assert!(rules("src/ui/x.rs", "use yew::prelude::*;").is_empty());
    // Platform maths outside crate::math.
    assert_eq!(
        rules("engine/src/model/x.rs", "let g = (1.0 + r).powf(t);"),
        [Rule::Transcendental]
    );
    assert_eq!(
        rules("engine/src/present/x.rs", "let y = f64::exp(x);"),
        [Rule::Transcendental]
    );
    assert!(rules(
        "engine/src/math.rs",
        "pub fn exp(x: f64) -> f64 { libm::exp(x) }"
    )
    .is_empty());
    assert!(rules(
        "engine/src/model/x.rs",
        "let y = math::exp(x); let s = x.sqrt();"
    )
    .is_empty());
    // A panic on a user's path; a test may unwrap, and a message may say the word.
    assert_eq!(
        rules("src/ui/x.rs", "let v: f64 = text.parse().unwrap();"),
        [Rule::Unwrap]
    );
    assert_eq!(
        rules(
            "engine/src/export/x.rs",
            "let x = it.next().expect(\"one\");"
        ),
        [Rule::Unwrap]
    );
    assert!(rules(
        "engine/src/model/x.rs",
        "let v = a.unwrap_or(0.0);\n#[cfg(test)]\nmod tests { fn t() { f().unwrap(); } }"
    )
    .is_empty());
    assert!(rules("src/ui/x.rs", "let m = \"never .unwrap() here\";").is_empty());
    // Comments are not code.
    assert!(rules(
        "engine/src/model/x.rs",
        "// see crate::ui::App, which calls .unwrap()"
    )
    .is_empty());
    // A new sentence in Rust source counts against the ratchet; labels and ids do not.
    assert_eq!(
        sentences("let m = \"The link was too long; the rest was ignored.\";"),
        1
    );
    assert_eq!(
        sentences("let id = \"bi_costs\"; let label = \"Basic Income\";"),
        0
    );
    assert!(shows_sentences("src/ui/app.rs") && !shows_sentences("engine/src/model/run.rs"));
    assert!(
        points_outside("see ../shared/design/architecture.md")
            && !points_outside("see ARCHITECTURE.md")
    );
}
