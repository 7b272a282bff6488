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
// What runs where (a hybrid, chosen by measurement; 2 cores, one run, machine loaded):
//   on the page   inflating and compiling both modules (WebAssembly.compile works off the
//                 thread anyway), the lite module's Go program for the first check and for
//                 window.nianbao's synchronous API (the page's checks of inputs under
//                 200 KB, the registry, reviews): ready time and the 26 ms check+render of
//                 a report stay as they were;
//   in a worker   nianbaoEngine.check/compareYears (the page's checks of larger inputs,
//                 batches, the embedding examples' files): the page compiles a module once
//                 and posts the WebAssembly.Module to the worker, which starts its own Go
//                 program from it (worker.js). The sample checked through the worker took
//                 64-105 ms against 41-48 ms on the page (the round trip and cloning the
//                 Result), so small inputs stay on the page; a 2 M-character text took
//                 4.1 s the first time in a new worker, 1.7 and 0.8 s after (V8 tiering
//                 its code up), while the page kept painting.
//   cancel()      terminates the worker and starts a new one from the compiled modules.
// Nothing of the worker happens before a large input comes, so the ready time is the
// page's as before: make bench alternating main and this (2 runs each, medians of 7
// loads, the machine shared with another's CPU benchmarks): served first visit 1737 and
// 1136 ms before, 1331 and 1161 after; check+render of a seed 108 and 54 ms before, 39
// and 27 after (noise: the code of both is the same).
// Where no worker can start (engine.js loaded from another origin than the page's, no
// Worker) everything runs on the page as before.
//
//   nianbaoEngine.ready(kind)      -> Promise of the module's API ('lite' by default)
//   nianbaoEngine.api(kind)        -> the API if running, else null
//   nianbaoEngine.check(input, o)  -> Promise of a Result, checked in the worker: the lite
//                                     module first, the full one when the lite one says
//                                     the input needs it
//   nianbaoEngine.checkEach(input, o) -> Promise of [result…]: each report of a text holding
//                                     several (a compilation), result.part numbering them
//   nianbaoEngine.compareYears(a, oa, b, ob) -> Promise of [resultA, resultB]: two reports
//                                     checked and compared as consecutive years
//   nianbaoEngine.pairUp(list)     -> Promise of [[older, newer]…] among checked reports
//   nianbaoEngine.cancel()         stops the worker's calls (they reject with an AbortError,
//                                     e.cancelled) and starts a new worker; true if any ran
//   nianbaoEngine.busy()           -> whether the worker has calls running
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
    // a block the parser has not finished holds part of the module: the single file
    // reloaded with a Word file asks for the full module before its block is all read
    // (issue 13, point 5: inflating the cut data failed and the page stayed on its banner)
    if (el && document.readyState === 'loading' && !el.nextSibling) return null;
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

  // compiled returns the Promise of the module's WebAssembly.Module, compiling it once:
  // the page's Go program and the worker's both start from it.
  function compiled(m) {
    if (!m.compiled) {
      m.compiled = compile(m);
      m.compiled.catch(() => { m.compiled = null; }); // a later ready() tries again
    }
    return m.compiled;
  }

  async function start(m) {
    const mod = await compiled(m);
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

  // ---- the worker: checks off the page's thread ----
  // One worker at a time runs the modules the page compiled (worker.js). Its calls are
  // the bridge's, answered in order; cancel() terminates it with whatever it was doing
  // and starts a new one. Where no worker can start (an embedding page on another
  // origin than engine.js, an old browser) the calls run on the page as before.
  let worker = null; // {w, next, pending: Map id -> deferred, sent: Set of kinds}
  let workerURL = null; // the single file's worker, a Blob URL made once
  let noWorker = false;

  class Cancelled extends Error {
    constructor() {
      super('检查已取消');
      this.name = 'AbortError';
      this.cancelled = true;
    }
  }

  // workerScript is the worker's URL: the single file carries its code in an inert block
  // (wasm_exec.js and worker.js), run from a Blob; served, worker.js beside this file.
  function workerScript() {
    if (workerURL) return workerURL;
    const el = document.getElementById('nianbao-worker-src');
    if (!el) return new URL('worker.js', base).href;
    workerURL = URL.createObjectURL(new Blob([el.textContent], { type: 'text/javascript' }));
    return workerURL;
  }

  function newWorker() {
    const w = new Worker(workerScript());
    const wk = { w, next: 0, pending: new Map(), sent: new Set(), answered: false };
    w.onmessage = (e) => {
      const { id, result, error } = e.data;
      const d = wk.pending.get(id);
      if (!d) return;
      wk.answered = true;
      wk.pending.delete(id);
      if (error != null) d.reject(new Error(error));
      else d.resolve(result);
    };
    // the script did not load, or the worker died: its calls run on the page instead
    w.onerror = (e) => {
      e.preventDefault();
      if (!wk.answered) noWorker = true;
      dropWorker(wk, () => Object.assign(new Error('worker failed'), { workerFailed: true }));
    };
    return wk;
  }

  function dropWorker(wk, reason) {
    wk.w.terminate();
    if (worker === wk) worker = null;
    for (const d of wk.pending.values()) d.reject(reason());
    wk.pending.clear();
  }

  // callWorker calls a module's method in the worker, sending the compiled module first.
  async function callWorker(kind, method, args) {
    const mod = await compiled(MODULES[kind]);
    await domParsed(); // the single file's worker code is at the end of the page
    if (!worker) {
      try {
        worker = newWorker();
      } catch (e) { // a script on another origin than the page's
        noWorker = true;
        throw Object.assign(new Error('worker failed'), { workerFailed: true });
      }
    }
    const wk = worker;
    const id = ++wk.next;
    const msg = { id, kind, method, args };
    if (!wk.sent.has(kind)) {
      msg.module = mod;
      wk.sent.add(kind);
    }
    const d = deferred();
    d.call = !!method; // not a worker only warming up
    wk.pending.set(id, d);
    wk.w.postMessage(msg);
    return d;
  }

  // cancel stops whatever the worker is doing: its calls reject with an AbortError
  // (e.cancelled), and a new worker starts with the modules the old one had.
  function cancel() {
    const wk = worker;
    if (!wk) return false;
    const was = busy();
    dropWorker(wk, () => new Cancelled());
    for (const kind of wk.sent) callWorker(kind, null, []).catch(() => {});
    return was;
  }

  // busy tells whether the worker has calls running.
  function busy() {
    return !!worker && [...worker.pending.values()].some((d) => d.call);
  }

  function canWork() {
    return !noWorker && typeof Worker !== 'undefined';
  }

  const needsFull = (r) => r && r.input && r.input.module === 'full';

  // withModule calls the best module running, and again the full one if the lite one
  // says an input needs it (a Result, or one of several, with input.module 'full'):
  // in the worker when one can run, else on the page.
  async function withModule(call) {
    if (canWork()) {
      try {
        const on = (kind) => (method) => (...args) => callWorker(kind, method, args);
        const has = worker && worker.sent.has('full');
        let res = await call(on(has ? 'full' : 'lite'));
        if (!has && (Array.isArray(res) ? res.some(needsFull) : needsFull(res))) res = await call(on('full'));
        return res;
      } catch (e) {
        if (!e || !e.workerFailed) throw e;
      }
    }
    const page = (a) => (method) => (...args) => a[method](...args);
    const full = api('full');
    let res = call(page(full || await ready('lite')));
    if (!full && (Array.isArray(res) ? res.some(needsFull) : needsFull(res))) res = call(page(await ready('full')));
    return res;
  }

  // check runs a check (the bridge's check) with withModule.
  function check(input, opts) {
    return withModule((m) => m('check')(input, opts));
  }

  // checkEach checks each report a text holds (the bridge's checkEach: [result…], one
  // a report, numbered by part), with withModule.
  function checkEach(input, opts) {
    return withModule((m) => m('checkEach')(input, opts));
  }

  // compareYears checks two reports and compares them as consecutive years of one body
  // (the bridge's compareYears: [resultA, resultB]), with withModule.
  function compareYears(a, oa, b, ob) {
    return withModule((m) => m('compareYears')(a, oa, b, ob));
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
    checkEach,
    compareYears,
    pairUp,
    exited,
    cancel,
    busy,
    loading: (kind) => !!MODULES[kind || 'lite'].running && !api(kind),
    onstop: (fn) => stopListeners.push(fn),
    timing,
  };
  self.dispatchEvent(new Event('nianbao-engine'));
})();
