// Starts mapsim's Monte Carlo worker (a module worker): loads its WebAssembly, whose start
// function then answers the app's batches. Kept as a file because the page's
// Content-Security-Policy forbids inline and generated scripts.
import init from './worker.js';

init({ module_or_path: new URL('./worker_bg.wasm', import.meta.url) }).catch((error) => {
  // The app sees the failure through the worker's error event and tells the reader.
  setTimeout(() => { throw error; });
});
