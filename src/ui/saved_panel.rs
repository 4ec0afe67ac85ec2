//! The saved-scenarios menu: save under a name, load, rename, delete; export and import a
//! scenario as a JSON file.

use super::saved::{self, Saved};
use crate::link::Link;
use crate::scenario::{Notice, NoticeKind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavedProps {
    pub link: Link,
    pub on_load: Callback<(Link, Vec<Notice>)>,
    pub on_notice: Callback<Notice>,
}

fn report(on_notice: &Callback<Notice>, message: String) {
    on_notice.emit(Notice::new(NoticeKind::Failed, "saved", message));
}

#[function_component(SavedPanel)]
pub fn saved_panel(props: &SavedProps) -> Html {
    let entries = use_state(Vec::<Saved>::new);
    let name = use_state(String::new);
    let renaming = use_state(|| None::<(String, String)>);
    {
        let entries = entries.clone();
        let on_notice = props.on_notice.clone();
        use_effect_with((), move |_| {
            let (all, notices) = saved::list();
            entries.set(all);
            notices.into_iter().for_each(|n| on_notice.emit(n));
        });
    }
    let refresh = {
        let entries = entries.clone();
        move || entries.set(saved::list().0)
    };

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    let on_save = {
        let (name, link, on_notice, refresh) = (
            name.clone(),
            props.link.clone(),
            props.on_notice.clone(),
            refresh.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match saved::save(&name, &link) {
                Ok(()) => {
                    name.set(String::new());
                    refresh();
                }
                Err(message) => report(&on_notice, message),
            }
        })
    };
    let on_export = {
        let (link, on_notice) = (props.link.clone(), props.on_notice.clone());
        Callback::from(move |_: MouseEvent| {
            let region = link.scenario.region().id;
            let text = saved::file_text(&format!("mapsim scenario ({region})"), &link);
            if let Err(message) = saved::download(&format!("mapsim-scenario-{region}.json"), &text)
            {
                report(&on_notice, message);
            }
        })
    };
    let on_import = {
        let (on_load, on_notice) = (props.on_load.clone(), props.on_notice.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (on_load, on_notice) = (on_load.clone(), on_notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string());
                match text.map(|t| saved::read_file(&t)) {
                    Some(Ok((link, notices))) => on_load.emit((link, notices)),
                    Some(Err(message)) => report(&on_notice, message),
                    None => report(&on_notice, "The file could not be read.".into()),
                }
            });
        })
    };

    let rows = entries.iter().map(|entry| {
        let entry_name = entry.name.clone();
        let on_load = {
            let (on_load, link_text) = (props.on_load.clone(), entry.link.clone());
            Callback::from(move |_: MouseEvent| {
                on_load.emit(crate::link::decode(&link_text));
            })
        };
        let on_delete = {
            let (n, refresh) = (entry_name.clone(), refresh.clone());
            Callback::from(move |_: MouseEvent| {
                saved::delete(&n);
                refresh();
            })
        };
        let editing = renaming
            .as_ref()
            .filter(|(from, _)| *from == entry_name)
            .cloned();
        let body = if let Some((from, to)) = editing {
            let on_text = {
                let (renaming, from) = (renaming.clone(), from.clone());
                Callback::from(move |e: InputEvent| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    renaming.set(Some((from.clone(), input.value())));
                })
            };
            let on_done = {
                let (renaming, on_notice, refresh) =
                    (renaming.clone(), props.on_notice.clone(), refresh.clone());
                let (from, to) = (from.clone(), to.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    if let Err(message) = saved::rename(&from, &to) {
                        report(&on_notice, message);
                    }
                    renaming.set(None);
                    refresh();
                })
            };
            html! {
                <form class="rename" onsubmit={on_done}>
                    <label class="visually-hidden" for="rename-input">{ "New name" }</label>
                    <input id="rename-input" type="text" value={to} oninput={on_text} />
                    <button type="submit">{ "Rename" }</button>
                </form>
            }
        } else {
            let on_rename = {
                let (renaming, n) = (renaming.clone(), entry_name.clone());
                Callback::from(move |_: MouseEvent| renaming.set(Some((n.clone(), n.clone()))))
            };
            html! {
                <>
                    <span class="saved-name">{ &entry.name }</span>
                    <button type="button" onclick={on_load}
                        aria-label={format!("Load {}", entry.name)}>{ "Load" }</button>
                    <button type="button" class="link" onclick={on_rename}
                        aria-label={format!("Rename {}", entry.name)}>{ "Rename" }</button>
                    <button type="button" class="link" onclick={on_delete}
                        aria-label={format!("Delete {}", entry.name)}>{ "Delete" }</button>
                </>
            }
        };
        html! { <li key={entry.name.clone()}>{ body }</li> }
    });

    html! {
        <details class="share saved">
            <summary>{ "Saved" }</summary>
            <div class="share-body">
                <form class="save-form" onsubmit={on_save}>
                    <label for="save-name">{ "Save this scenario as" }</label>
                    <input id="save-name" type="text" value={(*name).clone()} oninput={on_name}
                        placeholder="e.g. Finland, generous BI" />
                    <button type="submit">{ "Save" }</button>
                </form>
                if entries.is_empty() {
                    <p class="share-status">{ "No saved scenarios in this browser yet." }</p>
                } else {
                    <ul class="saved-list">{ for rows }</ul>
                }
                <div class="file-row">
                    <button type="button" onclick={on_export}>{ "Export as file" }</button>
                    <label for="import-file">{ "Import a file:" }</label>
                    <input id="import-file" type="file" accept=".json,application/json"
                        onchange={on_import} />
                </div>
            </div>
        </details>
    }
}
