// the checker: runs checks through the engine and shows their results when they come.
import { h } from './dom.js';
import { LOADING_FULL } from './labels.js';
import { WORKER_MIN } from './limits.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { ctx, $, state, engine, say, banner } = ui;

  // The engine (engine.js) runs two WebAssembly modules: the lite one, started at load,
  // reads text and HTML; the full one (Markdown, Word, PDF, the goldmark renderer) is
  // started only when an input or the review preview needs it.

  // api is the module checks go to: the full one once it runs, else the lite one.
  function api() {
    return engine.api('full') || engine.api('lite');
  }

  // registry is what the checker's registry tells the page: the groups of findings in
  // their order, the templates' names, the deadline profiles (the bridge's, not copies).
  function registry() {
    const a = api();
    const list = (a && a.templates) || [];
    const templates = Object.fromEntries(list.map((t) => [t.id, t.name]));
    const shortNames = Object.fromEntries(list.map((t) => [t.id, t.short]));
    return { groups: (a && a.groups) || [], templates, shortNames, deadlines: (a && a.deadlines) || [] };
  }

  function templateName(id) {
    return registry().templates[id] || id;
  }

  async function startEngine() {
    try {
      await engine.ready('lite');
      state.ready = true;
      const t = engine.timing.lite;
      Object.assign(state.timing, { start: t.start, arrived: t.arrived, decoded: t.decoded, compiled: t.compiled, instantiated: t.instantiated, ready: t.ready });
      ui.page.ready = true;
      ui.page.version = api().version;
      afterEngineReady();
    } catch (e) {
      banner('检查程序无法启动：' + (e && e.message ? e.message : e) + '。请使用较新版本的浏览器（需支持 WebAssembly）。');
      $('summary').replaceChildren(h('span', { class: 'muted' }, '检查程序未能启动'));
    }
  }

  // loadFull starts the full module, saying so while it loads.
  function loadFull() {
    const full = engine.api('full');
    if (full) return Promise.resolve(full);
    if (!state.loadingFull) {
      state.loadingFull = engine.ready('full').then((a) => {
        state.loadingFull = null;
        ui.page.full = true;
        return a;
      }, (e) => {
        state.loadingFull = null;
        banner('完整检查模块无法启动：' + (e && e.message ? e.message : e) + '。Word、PDF、Markdown 文件和 GBK、Big5 编码的文本可先另存为 UTF-8 文本或复制后粘贴。');
        throw e;
      });
      say(LOADING_FULL);
    }
    return state.loadingFull;
  }

  // a Go program that stopped is started again; the text stays
  engine.onstop((kind) => {
    if ((state.restarts = (state.restarts || 0) + 1) > 3) {
      state.ready = ui.page.ready = !!api();
      banner('检查程序多次意外停止。您的报告仍在编辑区，请刷新页面后重试。');
      return;
    }
    banner('检查程序意外停止，已自动重新启动。您的报告仍在编辑区。', 'warning');
    if (kind === 'lite') {
      state.ready = ui.page.ready = false;
      startEngine();
    } // the full module starts again when an input needs it
  });

  function afterEngineReady() {
    if (!state.doc && ctx.sample) ui.setDoc(sampleDoc(), { save: false });
    else runCheck();
  }

  function sampleDoc() {
    const a = api();
    return { kind: 'text', text: a ? a.sample : '', name: '示例报告.txt', sample: true };
  }

  // options adds what the reviewer chose (the deadline profile) and the tests' options.
  function options(opts) {
    return Object.assign({}, opts, state.deadline ? { deadline: state.deadline } : null, state.testOptions);
  }

  // check calls the bridge; it returns a Result or {error}, never throws.
  function check(input, opts) {
    try {
      // one report's view: also the identities that held, for the cells' pop-ups
      return api().check(input, options(Object.assign({ held: true }, opts)));
    } catch (e) {
      return failed(e);
    }
  }

  // failed is the error to show when a call into the checker threw: its Go program
  // may have stopped, and the engine starts it again on the next call.
  function failed(e) {
    engine.exited('full');
    engine.exited('lite');
    return { error: '检查程序出错：' + (e && e.message ? e.message : e) };
  }

  function checkInput(doc) {
    if (doc.kind === 'text') return [doc.text, { name: doc.name || '' }];
    if (doc.kind === 'html') return [doc.html, { name: doc.name || '粘贴内容.html', format: 'html' }];
    return [doc.bytes, { name: doc.name || '' }];
  }

  // compare checks the report together with the other year's (state.prev.doc) and
  // returns the report's Result; cross-year findings go to the newer of the two.
  function compare(prev, doc) {
    const [pi, po] = checkInput(prev);
    const [di, dopts] = checkInput(doc);
    try {
      const out = api().compareYears(pi, options(po), di, options(dopts));
      if (!Array.isArray(out)) return out; // {error}
      state.prevResult = out[0];
      return out[1];
    } catch (e) {
      return failed(e);
    }
  }

  function isEmpty(doc) {
    return !doc || (doc.kind === 'text' && !doc.text.trim()) || (doc.kind === 'file' && !doc.bytes.length);
  }

  function runCheck() {
    clearTimeout(state.timer);
    state.timer = 0;
    ui.syncBig(); // the long text's editor hands its text over once, here
    const doc = state.doc;
    if (state.dirty) {
      state.dirty = false; // typed text is kept for the next visit once typing pauses
      ui.saveDoc();
    }
    if (!state.ready) {
      if (doc && doc.kind === 'text') ui.showSource(ui.plainView(doc.text));
      return;
    }
    if (isEmpty(doc)) {
      ui.showResult(null, doc);
      shown(null, doc);
      state.timing.checks = (state.timing.checks || 0) + 1;
      ui.page.timing = Object.assign({}, state.timing);
      return;
    }
    const comparing = state.prev && !isEmpty(state.prev.doc);
    state.prevResult = null;
    if (large(doc) || (comparing && large(state.prev.doc))) {
      checkInWorker(doc, comparing ? state.prev.doc : null);
      return;
    }
    if (state.workerCheck) {
      engine.cancel(); // a large check of the text since cut short: its result is stale
      ui.busy(null);
    }
    state.runs = (state.runs || 0) + 1;
    const t0 = performance.now();
    const res = comparing ? compare(state.prev.doc, doc) : check(...checkInput(doc));
    const t1 = performance.now();
    const needsFull = [res, state.prevResult].some((r) => r && r.input && r.input.module === 'full');
    if (needsFull && !engine.api('full')) {
      // the lite module does not read this format: check again once the full one runs
      waitForFull(doc);
      loadFull().then(() => {
        if (state.doc === doc) runCheck();
      }, () => {
        if (state.doc === doc) ui.showResult(res, doc);
      });
      return;
    }
    finish(res, doc, t1 - t0);
  }

  // finish shows a check's Result (the check took ms) and tells whoever waits for it.
  function finish(res, doc, ms) {
    if (doc.kind === 'html' && res && !res.error && (!res.input || res.input.format !== 'html') && doc.text) {
      // the HTML could not be read as such: use the clipboard's plain text instead
      ui.setDoc({ kind: 'text', text: doc.text, name: '' });
      return;
    }
    const t1 = performance.now();
    ui.showResult(res, doc);
    state.shownDoc = doc;
    shown(res, doc);
    state.timing.check = ms;
    state.timing.render = performance.now() - t1;
    state.timing.checks = (state.timing.checks || 0) + 1;
    ui.page.timing = Object.assign({}, state.timing);
  }

  // large tells an input checked in the worker: on the page a check of it would hold the
  // page for a noticeable time (a 200 KB report takes about 50 ms, ten times the sample).
  function large(doc) {
    if (!doc) return false;
    const n = doc.kind === 'text' ? doc.text.length : doc.kind === 'html' ? doc.html.length : doc.bytes.length;
    return n > WORKER_MIN;
  }

  // checkInWorker checks a large input (and the other year's, prev) in the worker: the
  // page stays usable, says how long it has been checking, and 取消 stops it.
  async function checkInWorker(doc, prev) {
    if (state.workerCheck) engine.cancel(); // an older check of this input: its result is stale
    const run = (state.runs = (state.runs || 0) + 1);
    state.workerCheck = run;
    const current = () => run === state.runs && state.doc === doc;
    if (state.shownDoc !== doc) pending(doc, '正在检查……');
    ui.busy(doc.kind === 'file' ? '正在读取并检查 ' + doc.name : '正在检查', () => {
      state.workerCheck = 0;
      if (current()) pending(doc, '检查已取消。修改报告或重新打开文件即可再次检查。');
    });
    const t0 = performance.now();
    let res;
    try {
      const [di, dopts] = checkInput(doc);
      if (prev) {
        const [pi, po] = checkInput(prev);
        const out = await engine.compareYears(pi, options(po), di, options(dopts));
        if (Array.isArray(out) && current()) state.prevResult = out[0];
        res = Array.isArray(out) ? out[1] : out;
      } else res = await engine.check(di, options(Object.assign({ held: true }, dopts)));
    } catch (e) {
      if (e && e.cancelled) return; // 取消 said so; a newer check replaced this one
      res = { error: '检查程序出错：' + (e && e.message ? e.message : e) };
    }
    if (!current()) return;
    state.workerCheck = 0;
    ui.busy(null);
    finish(res, doc, performance.now() - t0);
  }

  // waitForFull shows the input while the full module loads.
  function waitForFull(doc) {
    pending(doc, LOADING_FULL, 'loading-full');
  }

  // pending shows the input with note instead of a result: the text stays in the editor,
  // a file's name stays in the source pane, nothing of the previous result is left.
  function pending(doc, note, cls) {
    ui.closePopover();
    state.result = null;
    state.shownDoc = null;
    state.F = [];
    state.byCell = new Map();
    if (doc.kind === 'text') ui.showSource(ui.plainView(doc.text));
    else ui.showSource({ text: '', key: 'at', editable: false, note, pos: new Uint32Array(1), lines: [0] });
    $('summary').replaceChildren(h('span', { class: 'muted' + (cls ? ' ' + cls : '') }, note));
    $('tables').replaceChildren(h('p', { class: 'empty' }, note));
    $('findings').replaceChildren(h('p', { class: 'empty' }, note));
  }

  // shown tells whoever waits for a result: the host page's listeners, load()'s callers.
  function shown(res, doc) {
    if (ctx.onresult) ctx.onresult(res);
    const id = doc && doc.loadId;
    if (id && state.waiting.has(id)) {
      state.waiting.get(id)(res);
      state.waiting.delete(id);
    }
  }

  function scheduleCheck(delay) {
    clearTimeout(state.timer);
    state.timer = setTimeout(runCheck, delay);
  }

  Object.assign(ui, { api, options, registry, templateName, startEngine, loadFull, afterEngineReady, sampleDoc, check, failed, checkInput, compare, isEmpty, runCheck, waitForFull, pending, shown, scheduleCheck, checkInWorker });
}
