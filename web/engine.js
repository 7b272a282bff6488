// The checker's engine: runs the WebAssembly modules and hands out their APIs.
//
// There are two modules, each its own Go program with its own `new Go()`:
//   lite  (web/nianbao.wasm)       UTF-8/16 text and HTML; started as soon as the page runs,
//                                  its API at window.nianbao (nianbao.full === false)
//   full  (web/nianbao-full.wasm)  adds Markdown, Word, OFD, PDF, GBK/Big5 text and the
//                                  goldmark renderer;
//                                  started only when needed, its API at window.nianbaoFull
// The full module is told its global's name through its environment (NIANBAO_GLOBAL),
// so the two never share a name, whatever order they start in.
//
// The page's policy (connect-src 'none') forbids fetching a .wasm: a module's bytes come
// from a script that sets a global (nianbao.wasm.js, nianbao-full.wasm.js, gzip in base64,
// in the same directory as this file) or, in the single file, from an inert data block.
//
// The page should ask for the lite module's script early (<script async
// src="nianbao.wasm.js"> in <head>); the engine loads a module's script itself when the
// page does not (the full one, on demand). Load this file early too (async, in <head>),
// and wasm_exec.js with it; it dispatches "nianbao-engine" on window once nianbaoEngine
// exists. Measured on 2 cores, inflating and compiling in a worker was slower than on the
// page: the worker's start-up and the second thread cost more than they saved.
//
//   nianbaoEngine.ready(kind)      -> Promise of the module's API ('lite' by default)
//   nianbaoEngine.api(kind)        -> the API if running, else null
//   nianbaoEngine.check(input, o)  -> Promise of a Result: the lite module first, the full
//                                     one when the lite one says the input needs it
//   nianbaoEngine.compareYears(a, oa, b, ob) -> Promise of [resultA, resultB]: two reports
//                                     checked and compared as consecutive years
//   nianbaoEngine.pairUp(list)     -> Promise of [[older, newer]…] among checked reports
//   nianbaoEngine.onstop(fn)       -> fn(kind) when a Go program stopped (it is restarted
//                                     on the next ready())
//   nianbaoEngine.timing           -> {lite: {start, arrived, decoded, inflated, compiled,
//                                     instantiated, ready}, full: …} (ms since the page opened)
(function () {
  'use strict';

  function base64ToBytes(b64) {
    b64 = b64.trim();
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  // inflate un-gzips with the browser's own DecompressionStream, written and read
  // directly: much faster than through a Blob or a Response (no copies to the browser
  // process, no extra stream hops). The gzip trailer gives the size to allocate.
  async function inflate(gz) {
    if (typeof DecompressionStream === 'undefined') throw new Error('浏览器版本过旧');
    const n = gz.length;
    const size = (gz[n - 4] | (gz[n - 3] << 8) | (gz[n - 2] << 16) | (gz[n - 1] << 24)) >>> 0;
    const ds = new DecompressionStream('gzip');
    const w = ds.writable.getWriter();
    w.write(gz).catch(() => {});
    w.close().catch(() => {});
    const r = ds.readable.getReader();
    let out = new Uint8Array(size);
    let at = 0;
    for (;;) {
      const { done, value } = await r.read();
      if (done) break;
      if (at + value.length > out.length) { // a module over 4 GB, or a bad trailer
        const bigger = new Uint8Array(Math.max(out.length * 2, at + value.length));
        bigger.set(out.subarray(0, at));
        out = bigger;
      }
      out.set(value, at);
      at += value.length;
    }
    return at === out.length ? out : out.subarray(0, at);
  }

  if (self.nianbaoEngine) return;

  const here = document.currentScript && document.currentScript.src;
  const base = here ? new URL('.', here).href : document.baseURI;

  const MODULES = {
    lite: { kind: 'lite', global: 'nianbao', data: 'NIANBAO_WASM', block: 'nianbao-wasm', file: 'nianbao.wasm.js' },
    full: { kind: 'full', global: 'nianbaoFull', data: 'NIANBAO_WASM_FULL', block: 'nianbao-full-wasm', file: 'nianbao-full.wasm.js' },
  };
  for (const m of Object.values(MODULES)) {
    m.compiled = null; // Promise of the WebAssembly.Module, kept to restart after a crash
    m.running = null; // Promise of the API while the Go program runs
    m.api = null;
    m.go = null;
    m.arrived = null; // resolves when the module's script has run
  }
  const timing = { lite: {}, full: {} };
  const stopListeners = [];

  // the module scripts call this once their global is set
  self.nianbaoWasmLoaded = (kind) => {
    const m = MODULES[kind];
    if (m && m.arrived) m.arrived.resolve();
  };

  function deferred() {
    let resolve, reject;
    const p = new Promise((a, b) => {
      resolve = a;
      reject = b;
    });
    p.resolve = resolve;
    p.reject = reject;
    return p;
  }

  function domParsed() {
    return document.readyState !== 'loading' ? Promise.resolve()
      : new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
  }

  // take returns the module's base64 text if the page already has it, and lets it go.
  function take(m) {
    let b64 = self[m.data];
    if (typeof b64 === 'string') {
      self[m.data] = null; // megabytes the page need not keep
      return b64;
    }
    const el = document.getElementById(m.block);
    if (el) {
      b64 = el.textContent;
      el.remove(); // editing slows down beside megabytes of text in the document
      return b64;
    }
    return null;
  }

  // source waits for the module's bytes: its global, its data block, or its script,
  // loading the script from the page's directory if the page does not.
  async function source(m) {
    let b64 = take(m);
    if (b64) return b64;
    m.arrived = m.arrived || deferred();
    const tag = scriptTag(m);
    if (!tag) {
      await domParsed(); // the single file's data block may come later in the page
      b64 = take(m);
      if (b64) return b64;
      const s = document.createElement('script');
      s.src = new URL(m.file, base).href;
      s.async = true;
      s.onerror = () => m.arrived.reject(new Error('无法载入 ' + m.file + '。开发时请先运行 make wasm'));
      document.head.append(s);
    } else {
      tag.addEventListener('error', () => m.arrived.reject(new Error('无法载入 ' + m.file + '。开发时请先运行 make wasm')));
    }
    await m.arrived;
    b64 = take(m);
    if (!b64) throw new Error('检查模块 ' + m.file + ' 是空的');
    return b64;
  }

  // compile gets the module's bytes, inflates and compiles them; the engine keeps the
  // result to restart after a crash.
  async function compile(m) {
    const t = timing[m.kind];
    t.start = performance.now();
    const b64 = take(m) || await source(m);
    t.arrived = performance.now();
    const gz = base64ToBytes(b64);
    t.decoded = performance.now();
    const wasm = await inflate(gz);
    t.inflated = performance.now();
    const mod = await WebAssembly.compile(wasm);
    t.compiled = performance.now();
    return mod;
  }

  function scriptTag(m) {
    return [...document.scripts].find((s) => s.src && new URL(s.src).pathname.endsWith('/' + m.file));
  }

  // goReady waits for wasm_exec.js (Go), loaded beside this file.
  async function goReady() {
    if (typeof Go === 'undefined') await domParsed();
    if (typeof Go === 'undefined') throw new Error('找不到 wasm_exec.js');
  }

  async function start(m) {
    if (!m.compiled) {
      m.compiled = compile(m);
      m.compiled.catch(() => { m.compiled = null; }); // a later ready() tries again
    }
    const mod = await m.compiled;
    await goReady();
    const t = timing[m.kind];
    const go = new Go();
    go.env = Object.assign({}, go.env, { NIANBAO_GLOBAL: m.global });
    const started = new Promise((resolve) => {
      self[m.global + 'Ready'] = resolve;
    });
    const inst = await WebAssembly.instantiate(mod, go.importObject);
    t.instantiated = performance.now();
    go.run(inst).then(() => stopped(m, go), () => stopped(m, go));
    await started;
    m.go = go;
    m.api = self[m.global];
    t.ready = performance.now();
    return m.api;
  }

  // stopped forgets a Go program that exited; the next ready() starts it again.
  function stopped(m, go) {
    if (m.go !== go) return;
    m.go = null;
    m.api = null;
    m.running = null;
    for (const fn of stopListeners) fn(m.kind);
  }

  function ready(kind) {
    const m = MODULES[kind || 'lite'];
    if (!m) return Promise.reject(new Error('unknown module ' + kind));
    if (!m.running) {
      m.running = start(m);
      m.running.catch(() => { m.running = null; });
    }
    return m.running;
  }

  function api(kind) {
    const m = MODULES[kind || 'lite'];
    return m && m.go && !m.go.exited ? m.api : null;
  }

  function exited(kind) {
    const m = MODULES[kind];
    if (m.go && m.go.exited) stopped(m, m.go);
  }

  // withModule calls the best module running, and again the full one if the lite one
  // says an input needs it (a Result, or one of several, with input.module 'full').
  async function withModule(call) {
    const full = api('full');
    let res = call(full || await ready('lite'));
    const needsFull = (r) => r && r.input && r.input.module === 'full';
    if (!full && (Array.isArray(res) ? res.some(needsFull) : needsFull(res))) res = call(await ready('full'));
    return res;
  }

  // check runs a check (the bridge's check) with withModule.
  function check(input, opts) {
    return withModule((a) => a.check(input, opts));
  }

  // compareYears checks two reports and compares them as consecutive years of one body
  // (the bridge's compareYears: [resultA, resultB]), with withModule.
  function compareYears(a, oa, b, ob) {
    return withModule((m) => m.compareYears(a, oa, b, ob));
  }

  // pairUp finds the pairs of consecutive years among checked reports (the bridge's pairUp).
  async function pairUp(list) {
    return (api('full') || await ready('lite')).pairUp(list);
  }

  // the lite module starts at once: the page needs it for its first check
  ready('lite').catch(() => {});

  self.nianbaoEngine = {
    ready,
    api,
    check,
    compareYears,
    pairUp,
    exited,
    loading: (kind) => !!MODULES[kind || 'lite'].running && !api(kind),
    onstop: (fn) => stopListeners.push(fn),
    timing,
  };
  self.dispatchEvent(new Event('nianbao-engine'));
})();
