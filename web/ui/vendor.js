// vendor: a library of web/vendor loaded on first use, from wherever this page carries it.

const loading = new Map(); // global name -> Promise of the library

// parsed waits for the whole page: the single file's inert blocks are at its end, and a
// block read before the parser has finished it holds part of the library.
function parsed() {
  return document.readyState !== 'loading' ? Promise.resolve()
    : new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
}

// loadVendor returns a Promise of globalThis[name] (ready(lib) tells it is whole): already
// there; or the single file's inert <script type="text/plain" id=block> run inline
// (allowed by its hash in the CSP); or the served file at url (script-src 'self').
export function loadVendor(name, block, url, ready) {
  const lib = () => (globalThis[name] && ready(globalThis[name]) ? globalThis[name] : null);
  if (lib()) return Promise.resolve(lib());
  if (loading.has(name)) return loading.get(name);
  const p = parsed().then(() => new Promise((resolve, reject) => {
    const done = () => (lib() ? resolve(lib()) : reject(new Error(name + ' 库未能载入')));
    const script = document.createElement('script');
    const inert = document.getElementById(block);
    if (inert) {
      script.textContent = inert.textContent; // runs at once
      document.head.appendChild(script);
      done();
      return;
    }
    script.src = url;
    script.onload = done;
    script.onerror = () => reject(new Error(name + ' 库未能载入'));
    document.head.appendChild(script);
  })).catch((err) => {
    loading.delete(name); // a later use may try again
    throw err;
  });
  loading.set(name, p);
  return p;
}
