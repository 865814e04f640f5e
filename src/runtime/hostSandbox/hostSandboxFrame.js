// The host-code sandbox frame: loaded in a `sandbox="allow-scripts"` srcdoc iframe (opaque
// origin, no network by its CSP). It only starts and stops sandbox workers for the page:
// `spawn` brings the worker source and a MessagePort that the page's run worker holds the
// other end of; `kill` ends a worker when its guest stops. Plain script: it is not bundled.
(function () {
  'use strict';
  var workers = new Map();
  var sourceUrls = new Map();
  function urlFor(source) {
    var url = sourceUrls.get(source);
    if (!url) {
      url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      sourceUrls.set(source, url);
    }
    return url;
  }
  addEventListener('message', function (ev) {
    if (ev.source !== parent) return;
    var m = ev.data;
    if (!m || typeof m !== 'object' || typeof m.id !== 'number') return;
    if (m.type === 'spawn' && typeof m.source === 'string' && ev.ports[0]) {
      var port = ev.ports[0];
      try {
        var worker = new Worker(urlFor(m.source), { name: 'wcp-host-sandbox' });
        worker.onerror = function (e) {
          e.preventDefault();
          port.postMessage({ type: 'loadFailed', message: 'the host-code sandbox failed: ' + (e.message || 'worker error') });
        };
        workers.set(m.id, worker);
        worker.postMessage({ type: 'port' }, [port]);
      } catch (e) {
        port.postMessage({ type: 'loadFailed', message: 'the host-code sandbox could not start a worker: ' + e });
      }
    } else if (m.type === 'kill') {
      var w = workers.get(m.id);
      if (w) w.terminate();
      workers.delete(m.id);
    }
  });
  parent.postMessage({ type: 'wcp-sandbox-ready' }, '*');
})();
