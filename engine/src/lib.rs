//! # mapsim's engine
//!
//! Everything mapsim computes, without a browser: the [`catalog`] of parameters, outputs,
//! phases, regions, presets and lessons declared in the repository's `models/*.toml`
//! (validated and turned into static tables by `build.rs`), validated [`scenario`]s with
//! their own link codec, the stock-flow consistent [`model`], Monte Carlo [`uncertainty`],
//! stacked reforms ([`decompose`]), comparisons with published studies ([`validation`]), what
//! the app shows ([`present`]) and the exports ([`export`]).
//!
//! The modules are layers, each using only the ones before it:
//! `math → catalog → scenario → model → uncertainty → decompose → validation → present →
//! export`. The app (`mapsim`, with share links and the UI), the Monte Carlo worker, the CLI
//! and the Python package sit above. No web crate is a dependency: the compiler keeps the
//! engine free of the UI. See `ARCHITECTURE.md` in the repository.

pub mod catalog;
pub mod decompose;
pub mod export;
pub mod math;
pub mod model;
pub mod present;
pub mod scenario;
pub mod uncertainty;
pub mod validation;
