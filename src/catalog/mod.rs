//! The catalog: parameters, outputs, phases and regions declared in `models/*.toml`,
//! validated and turned into static tables at build time by `src/build.rs`.
