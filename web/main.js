// 年报校验 page: paste or drop a report, see the rebuilt tables and every finding in place.
// Native ES modules with no build step (make dist bundles them into one file with esbuild).
// User data only ever enters the DOM as text nodes (textContent, createTextNode); the one
// HTML string, goldmark's review preview, is rebuilt element by element from a whitelist.
//
// main.js composes the view (ui/view.js) for three places:
//   index.html (<body data-nianbao="page">)   the page; window.nianbaoPage
//   embed.html (<body data-nianbao="frame">)  the page inside another site's iframe
//   <nianbao-checker>                         a custom element: the view in a shadow root,
//                                             its styles isolated from the host page's
// It needs engine.js (the checker's WebAssembly) loaded beside it.
import { createView } from './ui/view.js';

// style.css for the element, beside this file (in the single file, the page's own)
const BASE = new URL('.', import.meta.url).href;

// the page itself (index.html), or the page in another site's iframe (embed.html)
// onEngine runs fn once engine.js has run (it loads async, in any order with this file)
function onEngine(fn) {
  if (self.nianbaoEngine) fn();
  else window.addEventListener('nianbao-engine', () => fn(), { once: true });
}

const mode = document.body && document.body.dataset.nianbao;
if (mode === 'page' || mode === 'frame') onEngine(() => {
  window.nianbaoPage = createView({
    root: document, frame: document.body, events: document, drops: window, print: true,
    // in an iframe the report is the host's: nothing is kept, no sample is shown
    store: mode === 'page' ? { input: 'nianbao.input.v1', dismissed: 'nianbao.dismissed.v1' } : null,
    sample: mode === 'page',
  });
});

// <nianbao-checker>: the whole view in a shadow root, so that the host page's styles do
// not reach it and its styles do not leak out. Attributes: sample (show the sample
// report), persist (keep the report and dismissals in this browser). It dispatches
// "nianbao-result" (detail: the Result) after every check; check(input, name, previous)
// shows and checks an input, compared with previous ({input, name}: the same body's
// report of another year) when given, and returns a Promise of its Result.
if (self.customElements && !customElements.get('nianbao-checker')) {
  customElements.define('nianbao-checker', class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return; // moved in the document: the view stays as it is
      const shadow = this.attachShadow({ mode: 'open' });
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = new URL('style.css', BASE).href;
      const frame = document.createElement('div');
      frame.className = 'nianbao-root';
      shadow.append(css, frame);
      this.mounted = new Promise((resolve) => onEngine(() => {
        this.view = createView({
          root: shadow, frame, events: shadow, drops: shadow, print: false,
          store: this.hasAttribute('persist') ? { input: 'nianbao.element.input.v1', dismissed: 'nianbao.element.dismissed.v1' } : null,
          sample: this.hasAttribute('sample'),
          onresult: (res) => this.dispatchEvent(new CustomEvent('nianbao-result', { detail: res })),
        });
        resolve();
      }));
    }

    get result() {
      return this.view ? this.view.lastResult : null;
    }

    // check(input, name, previous): previous ({input, name}) is the same body's report
    // of another year to compare with; without it nothing is compared.
    check(input, name, previous) {
      if (!this.mounted) return Promise.reject(new Error('nianbao-checker is not in the document'));
      return this.mounted.then(() => this.view.load(input, name, previous || null));
    }
  });
}
