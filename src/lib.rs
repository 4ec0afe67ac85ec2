//! # mapsim — Mutually Assured Production, as a model people can play with
//!
//! mapsim simulates how a **Basic Income** (top-down) and **peer-to-peer production**
//! (bottom-up) carry an economy through automation, phase by phase, and what that does to
//! livelihood, taxation and the concentration of capital.
//!
//! A workspace of two crates (`ARCHITECTURE.md` is the map, with the layers and the rules a
//! tidy test enforces):
//!
//! * the **engine** (`engine/`, crate `mapsim-engine`, no web crate): [`catalog`] (the
//!   parameters, outputs, phases and regions declared in `models/*.toml`, validated and turned
//!   into static tables by `engine/build.rs`), [`scenario`] (validated inputs), [`model`] (the
//!   stock-flow consistent simulation) and the layers above them, re-exported here under
//!   their usual names;
//! * this package: [`link`] (whole share links), the **app** (`--features web`: `ui`, a Yew
//!   front end drawing with plotters-canvas), the Monte Carlo worker (`--features worker`)
//!   and the **`mapsim` command line** (`src/bin/mapsim.rs`). With default features it builds
//!   no web crate, so plain `cargo test` stays native.
//!
//! Data flows one way, in layers that never use a layer above them:
//! `math → catalog → scenario → model → uncertainty → decompose → validation → present →
//! export` (the engine), then [`link`] (share links with their view keys) `→ ui → bins`.
//! The engine never imports the UI.

// The engine's layers, from their own crate, under their usual names.
pub use mapsim_engine::{
    catalog, decompose, export, math, model, present, scenario, uncertainty, validation,
};

pub mod cli;
pub mod link;

#[cfg(feature = "web")]
pub mod ui;
