//! Saved scenarios in the browser (localStorage), and scenarios as small JSON files.
//!
//! Each saved scenario is its own storage entry (`mapsim.scenario.<name>` → JSON with the
//! name and the share link), so one corrupted or foreign entry is skipped with a notice and
//! never hides the others. Files hold the same JSON.

use crate::link::{self, Link};
use crate::scenario::{Notice, NoticeKind};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

const PREFIX: &str = "mapsim.scenario.";
/// The file format's version (its `mapsim` field).
const FILE_VERSION: u32 = 1;

/// One saved scenario: a name and its share link (query string).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub name: String,
    pub link: String,
}

#[derive(Serialize, Deserialize)]
struct File {
    mapsim: u32,
    name: String,
    link: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Every readable saved scenario, sorted by name, and a notice per unreadable entry.
pub fn list() -> (Vec<Saved>, Vec<Notice>) {
    let mut saved = Vec::new();
    let mut notices = Vec::new();
    let Some(store) = storage() else {
        return (saved, notices);
    };
    let count = store.length().unwrap_or(0);
    for i in 0..count {
        let Ok(Some(key)) = store.key(i) else {
            continue;
        };
        let Some(name) = key.strip_prefix(PREFIX) else {
            continue;
        };
        let text = store.get_item(&key).ok().flatten().unwrap_or_default();
        match serde_json::from_str::<Saved>(&text) {
            Ok(entry) if entry.name == name => saved.push(entry),
            _ => notices.push(Notice::new(
                NoticeKind::Failed,
                "saved",
                format!(
                    "The saved scenario '{}' could not be read and was skipped (it may come from another program or be damaged).",
                    name.chars().take(40).collect::<String>()
                ),
            )),
        }
    }
    saved.sort_by(|a, b| a.name.cmp(&b.name));
    (saved, notices)
}

/// Saves `link` under `name` (replacing one of the same name). Returns a problem, if any.
pub fn save(name: &str, link: &Link) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Give the scenario a name to save it.".into());
    }
    let store = storage().ok_or("This browser does not allow saving here.")?;
    let entry = Saved {
        name: name.to_string(),
        link: link::encode(link),
    };
    let text = serde_json::to_string(&entry).map_err(|e| e.to_string())?;
    store
        .set_item(&format!("{PREFIX}{name}"), &text)
        .map_err(|_| "The browser's storage is full or blocked.".to_string())
}

/// Deletes the saved scenario `name`.
pub fn delete(name: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&format!("{PREFIX}{name}"));
    }
}

/// Renames a saved scenario.
pub fn rename(from: &str, to: &str) -> Result<(), String> {
    let (all, _) = list();
    let entry = all
        .into_iter()
        .find(|s| s.name == from)
        .ok_or("That saved scenario no longer exists.")?;
    let (link, _) = link::decode(&entry.link);
    save(to, &link)?;
    if from != to.trim() {
        delete(from);
    }
    Ok(())
}

/// The JSON text of a scenario file.
pub fn file_text(name: &str, link: &Link) -> String {
    let file = File {
        mapsim: FILE_VERSION,
        name: name.to_string(),
        link: link::encode(link),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a scenario file: the link it holds and notices, or a message saying why not.
pub fn read_file(text: &str) -> Result<(Link, Vec<Notice>), String> {
    let file: File = serde_json::from_str(text).map_err(|_| {
        "This file is not a mapsim scenario (expected a small JSON file saved by mapsim)."
            .to_string()
    })?;
    if file.mapsim > FILE_VERSION {
        return Err(format!(
            "This scenario file comes from a newer mapsim (format {}); this one reads format {FILE_VERSION}.",
            file.mapsim
        ));
    }
    Ok(link::decode(&file.link))
}

/// Offers `text` as a JSON file download named `name`.
pub fn download(name: &str, text: &str) -> Result<(), String> {
    download_as(name, text, "application/json")
}

/// Offers `text` as a file download named `name` of MIME type `mime`.
pub fn download_as(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "The browser could not make the file.")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "The browser could not make the file.")?;
    download_url(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Offers the resource at `url` (a blob or data URL) as a download named `name`.
pub fn download_url(name: &str, url: &str) {
    let Ok(anchor) = gloo::utils::document().create_element("a") else {
        return;
    };
    let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
    anchor.set_href(url);
    anchor.set_download(name);
    anchor.click();
}
