// embed.html inside another site's iframe: a small postMessage protocol.
//
//   host -> frame  {type: 'check', id, text}                 a report as text
//                  {type: 'check', id, bytes, name}          a file (ArrayBuffer or Uint8Array;
//                                                            name picks the reader: .docx, .pdf …)
//                  … previous: {text | bytes, name}          optional: the same body's report of
//                                                            another year, to compare with
//   frame -> host  {type: 'result', id, result}              the Result (the JSON of OUTPUT.md),
//                                                            or {error} when the input is unusable
//   frame -> host  {type: 'ready', version}                  once the checker runs
//
// Only messages from the host's origin are answered, and replies go to that origin only
// (postMessage's targetOrigin, never '*'). The host names its origin in the frame's URL:
// embed.html?origin=https://portal.example.gov.cn (several: comma-separated). Without one
// the frame answers nobody. The frame shows every input it checks, like the page.
(function () {
  'use strict';

  // engine.js loads async and may arrive after this file; main.js makes the view
  // (window.nianbaoPage) once it has, and this starts after it.
  if (window.nianbaoPage) start();
  else window.addEventListener('nianbao-engine', start, { once: true });

  function start() {
    const allowed = new Set();
    for (const o of (new URLSearchParams(location.search).get('origin') || '').split(',')) {
      try {
        const origin = new URL(o.trim()).origin;
        if (origin && origin !== 'null') allowed.add(origin); // an opaque origin cannot be told apart
      } catch (e) { /* not a URL */ }
    }
    const view = window.nianbaoPage;
    const inFrame = window.parent !== window;

    // plain data: the Result crosses to another window as a structured clone
    function plain(res) {
      try {
        return structuredClone(res);
      } catch (e) {
        return JSON.parse(JSON.stringify(res));
      }
    }

    function inputOf(m) {
      if (typeof m.text === 'string') return m.text;
      if (m.bytes instanceof ArrayBuffer) return new Uint8Array(m.bytes);
      if (m.bytes instanceof Uint8Array) return m.bytes;
      return null;
    }

    // one request at a time: the view shows each input in turn
    let queue = Promise.resolve();
    window.addEventListener('message', (e) => {
      if (!inFrame || e.source !== window.parent || !allowed.has(e.origin)) return;
      const m = e.data;
      if (!m || typeof m !== 'object' || m.type !== 'check') return;
      const origin = e.origin;
      queue = queue.then(async () => {
        const input = inputOf(m);
        let result;
        if (input == null) result = { error: '消息中没有 text（文本）或 bytes（文件内容）' };
        else {
          const prev = m.previous && typeof m.previous === 'object' ? inputOf(m.previous) : null;
          const previous = prev == null ? null : { input: prev, name: typeof m.previous.name === 'string' ? m.previous.name : '' };
          try {
            result = await view.load(input, typeof m.name === 'string' ? m.name : '', previous);
          } catch (err) {
            result = { error: String(err && err.message ? err.message : err) };
          }
        }
        window.parent.postMessage({ type: 'result', id: m.id, result: result ? plain(result) : null }, origin);
      });
    });

    if (inFrame && allowed.size) {
      self.nianbaoEngine.ready('lite').then((api) => {
        for (const origin of allowed) window.parent.postMessage({ type: 'ready', version: api.version }, origin);
      }, () => {});
    }
  }
})();
