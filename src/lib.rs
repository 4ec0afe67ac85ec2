//! # mapsim — Mutually Assured Production, as a model people can play with
//!
//! mapsim simulates how a **Basic Income** (top-down) and **peer-to-peer production**
//! (bottom-up) carry an economy through automation, phase by phase, and what that does to
//! livelihood, taxation and the concentration of capital.
//!
//! One package, three faces, separated by Cargo features so that the compiler enforces the
//! boundary (`ARCHITECTURE.md` is the map, with the layers and the rules a tidy test enforces):
//!
//! * the **engine** (default features, no web crate): [`catalog`] (the parameters, outputs,
//!   phases and regions declared in `models/*.toml`, validated and turned into static tables
//!   by `src/build.rs`), [`scenario`] (validated inputs) and [`model`] (the stock-flow
//!   consistent simulation). Plain `cargo test` builds only this;
//! * the **app** (`--features web`): [`ui`], a Yew front end drawing with plotters-canvas;
//! * the **`mapsim` command line** (`src/bin/mapsim.rs`), engine only, for researchers.
//!
//! Data flows one way, in layers that never use a layer above them:
//! `math → catalog → scenario → model → uncertainty → decompose → validation → present →
//! export` (the engine), then [`link`] (share links with their view keys) `→ ui → bins`.
//! The engine never imports the UI.

pub mod catalog;
pub mod decompose;
pub mod export;
pub mod link;
pub mod math;
pub mod model;
pub mod present;
pub mod scenario;
pub mod uncertainty;
pub mod validation;

#[cfg(feature = "web")]
pub mod ui;
