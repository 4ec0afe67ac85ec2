// Loads mapsim's WebAssembly. Kept out of index.html because the page's
// Content-Security-Policy forbids inline scripts. If loading fails, or the app stops with an
// error, the banner says so on the page instead of leaving it blank.

function showError(text) {
  const banner = document.getElementById('error-banner');
  if (banner && banner.hidden) {
    banner.textContent = text;
    banner.hidden = false;
  }
}

window.addEventListener('error', (event) => {
  showError('mapsim stopped because of an internal error. Reload the page to start again. ' +
    'Details: ' + (event.message || 'unknown error'));
});
window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason && event.reason.message ? event.reason.message : String(event.reason);
  showError('mapsim stopped because of an internal error. Reload the page to start again. ' +
    'Details: ' + reason);
});

import('./app.js')
  .then((app) => app.default({ module_or_path: new URL('./app_bg.wasm', import.meta.url) }))
  .catch((error) => {
    showError('mapsim could not start: ' + (error && error.message ? error.message : error) +
      '. Your browser may not support WebAssembly, or a file failed to load. ' +
      'Reload the page to try again.');
  });
