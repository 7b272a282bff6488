// The checker's worker: runs the WebAssembly modules off the page's thread, so that a long
// check never freezes the page and can be cancelled (the engine terminates the worker).
//
// engine.js starts it (web/worker.js when served; in the single file, a Blob of
// wasm_exec.js and this file) and sends messages {id, kind, module, method, args}: kind is
// 'lite' or 'full', module the compiled WebAssembly.Module the first time a kind is asked
// for (the page compiles it: compiling is off-thread anyway, and one compilation serves
// the page and every worker after a cancel). It answers {id, result} or {id, error}; a
// Result is structured-cloned on its way back, the same object the page's module returns.
'use strict';
if (typeof Go === 'undefined') importScripts('wasm_exec.js');

const GLOBALS = { lite: 'nianbao', full: 'nianbaoFull' };
const modules = {}; // kind -> WebAssembly.Module
const running = {}; // kind -> Promise of {go, api} while its Go program runs

// start runs a module's Go program and waits for its API (wasm/main.go calls <global>Ready).
async function start(kind) {
  const go = new Go();
  go.env = Object.assign({}, go.env, { NIANBAO_GLOBAL: GLOBALS[kind] });
  const started = new Promise((resolve) => {
    self[GLOBALS[kind] + 'Ready'] = resolve;
  });
  const inst = await WebAssembly.instantiate(modules[kind], go.importObject);
  const stop = () => {
    delete running[kind]; // a Go program that stopped starts again on the next call
  };
  go.run(inst).then(stop, stop);
  await started;
  return { go, api: self[GLOBALS[kind]] };
}

function api(kind) {
  if (!running[kind]) {
    running[kind] = start(kind);
    running[kind].catch(() => delete running[kind]);
  }
  return running[kind];
}

self.onmessage = async (e) => {
  const { id, kind, module, method, args } = e.data;
  if (module) modules[kind] = module;
  try {
    if (!GLOBALS[kind] || !modules[kind]) throw new Error('检查模块未载入：' + kind);
    const { go, api: a } = await api(kind);
    if (!method) return self.postMessage({ id, result: null }); // only started, for later calls
    const result = a[method](...args);
    if (go.exited) delete running[kind];
    self.postMessage({ id, result });
  } catch (err) {
    self.postMessage({ id, error: String((err && err.message) || err) });
  }
};
