//! The worker's messages as the browser carries them: a JavaScript array whose slots the
//! engine's `uncertainty::job::message` fills and reads (the layout and the encoding are
//! declared there, once). This is the only JavaScript side of it, shared by the app's pool
//! and by the worker binary, which has no UI and includes this file by its path: hence
//! `mapsim_engine::…` rather than a `crate::` path, which would differ between the two.

use js_sys::{Array, Float64Array, Int32Array, Uint8Array};
use mapsim_engine::uncertainty::job::message::Wire;
use wasm_bindgen::JsValue;

/// A message between the app and a worker, as posted.
pub struct Message(pub Array);

impl Message {
    /// An empty message, to write into.
    pub fn empty() -> Self {
        Message(Array::new())
    }

    /// The message a `MessageEvent` brought (its `data`).
    pub fn received(data: &JsValue) -> Self {
        Message(Array::from(data))
    }
}

impl Wire for Message {
    fn put_number(&mut self, at: u32, value: f64) {
        self.0.set(at, JsValue::from_f64(value));
    }
    fn put_text(&mut self, at: u32, value: &str) {
        self.0.set(at, JsValue::from_str(value));
    }
    fn put_ints(&mut self, at: u32, value: &[i32]) {
        self.0.set(at, Int32Array::from(value).into());
    }
    fn put_bytes(&mut self, at: u32, value: &[u8]) {
        self.0.set(at, Uint8Array::from(value).into());
    }
    fn put_floats(&mut self, at: u32, value: &[f64]) {
        self.0.set(at, Float64Array::from(value).into());
    }
    fn number(&self, at: u32) -> Option<f64> {
        self.0.get(at).as_f64()
    }
    fn text(&self, at: u32) -> Option<String> {
        self.0.get(at).as_string()
    }
    fn ints(&self, at: u32) -> Vec<i32> {
        Int32Array::from(self.0.get(at)).to_vec()
    }
    fn bytes(&self, at: u32) -> Vec<u8> {
        Uint8Array::from(self.0.get(at)).to_vec()
    }
    fn floats(&self, at: u32) -> Vec<f64> {
        Float64Array::from(self.0.get(at)).to_vec()
    }
}
