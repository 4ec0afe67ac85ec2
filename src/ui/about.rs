//! "About the model": `models/README.md` (equations, accounts, assumptions and sources),
//! rendered in the app. The file is the single source; this is a small renderer for the
//! Markdown it uses (headings, paragraphs, lists, tables, code blocks, `code`, **bold**).
//! The text is fetched from the site (Trunk copies it as `README.md`) when the view opens,
//! so its 60 KB do not weigh on the first load. Above it, the model's figures against
//! published studies it was not calibrated to (`validation`), computed while the tab is open.

use super::validation::ValidationTable;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where the built site keeps the model's documentation (see index.html).
const MODEL_README_URL: &str = "./README.md";

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the documentation could not be loaded")?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "unexpected response")?;
    if !response.ok() {
        return Err(format!(
            "the documentation could not be loaded ({})",
            response.status()
        ));
    }
    let text = response.text().map_err(|_| "unreadable documentation")?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "unreadable documentation".to_string())
}

#[function_component(About)]
pub fn about() -> Html {
    let text = use_state(|| None::<Result<String, String>>);
    {
        let text = text.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                text.set(Some(fetch_text(MODEL_README_URL).await));
            });
        });
    }
    html! {
        <>
        <ValidationTable />
        <article class="about" aria-label="About the model">
            { match &*text {
                None => html! { <p class="loading">{ "Loading the model's documentation…" }</p> },
                Some(Ok(markdown)) => render(markdown),
                Some(Err(e)) => html! {
                    <p class="notice" role="alert">
                        { format!("{e}. The same text is in models/README.md of the source code.") }
                    </p>
                },
            } }
        </article>
        </>
    }
}

enum Block {
    Heading(usize, String),
    Paragraph(String),
    List(bool, Vec<String>),
    Table(Vec<Vec<String>>),
    Code(String),
    Rule,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines = text.lines().peekable();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(paragraph.join(" ")));
            paragraph.clear();
        }
    };
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            flush(&mut paragraph, &mut out);
            let mut code = Vec::new();
            for inner in lines.by_ref() {
                if inner.trim_start().starts_with("```") {
                    break;
                }
                code.push(inner);
            }
            out.push(Block::Code(code.join("\n")));
        } else if let Some(rest) = heading(trimmed) {
            flush(&mut paragraph, &mut out);
            out.push(Block::Heading(rest.0, rest.1.to_string()));
        } else if trimmed == "---" {
            flush(&mut paragraph, &mut out);
            out.push(Block::Rule);
        } else if trimmed.starts_with('|') {
            flush(&mut paragraph, &mut out);
            let mut rows = vec![cells(trimmed)];
            while let Some(next) = lines.peek() {
                if !next.trim_start().starts_with('|') {
                    break;
                }
                let row = cells(next.trim_start());
                if !row
                    .iter()
                    .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
                {
                    rows.push(row);
                }
                lines.next();
            }
            out.push(Block::Table(rows));
        } else if let Some((ordered, item)) = list_item(trimmed) {
            flush(&mut paragraph, &mut out);
            let mut items = vec![item.to_string()];
            while let Some(next) = lines.peek() {
                let t = next.trim_start();
                if t.is_empty() {
                    break;
                }
                if let Some((_, item)) = list_item(t) {
                    items.push(item.to_string());
                } else if next.starts_with(' ') {
                    if let Some(last) = items.last_mut() {
                        last.push(' ');
                        last.push_str(t);
                    }
                } else {
                    break;
                }
                lines.next();
            }
            out.push(Block::List(ordered, items));
        } else if trimmed.is_empty() {
            flush(&mut paragraph, &mut out);
        } else {
            paragraph.push(trimmed);
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|c| *c == '#').count();
    (level > 0 && level <= 4 && line[level..].starts_with(' '))
        .then(|| (level, line[level..].trim()))
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ") {
        return Some((false, rest));
    }
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    (digits > 0 && line[digits..].starts_with(". ")).then(|| (true, &line[digits + 2..]))
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_string())
        .collect()
}

/// Inline `code` and **bold**.
fn inline(text: &str) -> Html {
    let mut nodes = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            nodes.push(html! { <code>{ part.to_string() }</code> });
            continue;
        }
        for (j, piece) in part.split("**").enumerate() {
            if j % 2 == 1 {
                nodes.push(html! { <strong>{ piece.to_string() }</strong> });
            } else if !piece.is_empty() {
                nodes.push(html! { { piece.to_string() } });
            }
        }
    }
    nodes.into_iter().collect()
}

fn render(text: &str) -> Html {
    blocks(text)
        .into_iter()
        .map(|block| match block {
            // The page's h1 is mapsim: the README's levels move down by one.
            Block::Heading(1, t) => html! { <h2>{ inline(&t) }</h2> },
            Block::Heading(2, t) => html! { <h3>{ inline(&t) }</h3> },
            Block::Heading(_, t) => html! { <h4>{ inline(&t) }</h4> },
            Block::Paragraph(t) => html! { <p>{ inline(&t) }</p> },
            Block::List(false, items) => html! {
                <ul>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul>
            },
            Block::List(true, items) => html! {
                <ol>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ol>
            },
            Block::Table(rows) => {
                let (head, body) = rows.split_first().map_or((Vec::new(), &[][..]), |(h, b)| (h.clone(), b));
                html! {
                    <div class="table-wrap">
                        <table>
                            <thead><tr>{ for head.iter().map(|c| html! { <th scope="col">{ inline(c) }</th> }) }</tr></thead>
                            <tbody>
                                { for body.iter().map(|row| html! {
                                    <tr>{ for row.iter().map(|c| html! { <td>{ inline(c) }</td> }) }</tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            }
            Block::Code(code) => html! { <pre><code>{ code }</code></pre> },
            Block::Rule => html! { <hr /> },
        })
        .collect()
}
