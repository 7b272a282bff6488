// 年报校验 page: paste or drop a report, see the rebuilt tables and every finding in place.
// A plain script with no build step. User data only ever enters the DOM as text nodes
// (textContent, createTextNode); the one HTML string, goldmark's review preview, is
// rebuilt element by element from a whitelist.
//
// The view is built by createView(ctx) into a document or a shadow root, so the same
// code serves three places:
//   index.html (<body data-nianbao="page">)   the page; window.nianbaoPage
//   embed.html (<body data-nianbao="frame">)  the page inside another site's iframe
//   <nianbao-checker>                         a custom element: the view in a shadow root,
//                                             its styles isolated from the host page's
// It needs engine.js (the checker's WebAssembly) loaded before it.
(function () {
  'use strict';

  const here = document.currentScript && document.currentScript.src;
  const BASE = here ? new URL('.', here).href : document.baseURI; // style.css for the element

  const MAX_STORED = 4 << 20; // characters; larger inputs are not kept across reloads
  const SEV_LABEL = { error: '错误', warning: '警告', info: '提示' };
  const SEV_RANK = { error: 0, warning: 1, info: 2 };
  const GROUPS = ['表三收支平衡', '明细合计', '横向合计', '表四', '表二', '统计表', '单元格', '正文', '结构', '跨年度', '读取问题'];
  const TEMPLATE_NAMES = {
    '2021': '2021 年格式（国办公开办函〔2021〕30号）',
    '2019': '2019 年试行格式（国办公开办函〔2019〕60号）',
    stats: '2008—2018 年统计表',
    unknown: '未能识别模板',
  };
  const FORMAT_NAMES = { text: '纯文本', markdown: 'Markdown', html: '网页（HTML）', docx: 'Word 文档（.docx）', doc: 'Word 97-2003 文档（.doc）', pdf: 'PDF', ofd: 'OFD 版式文档' };
  const TEXT_FILE = /\.(txt|text|md|markdown|csv)$/i;
  const FULL_FILE = /\.(md|markdown|docx|doc|wps|pdf|ofd)$/i; // formats only the full module reads
  const LOADING_FULL = '正在加载完整检查模块…';

  // createView builds the view into ctx.frame and runs it. ctx:
  //   root    the Document or ShadowRoot holding the view (ids are looked up in it)
  //   frame   the element the view is built into (document.body for the page)
  //   events  where keyboard, paste and click events are listened to (document, or the shadow root)
  //   drops   where files may be dropped (window, or the shadow root)
  //   store   {input, dismissed}: localStorage keys to keep the report across visits, or null
  //   sample  load the sample report when there is no input
  //   print   the view may print (only a whole page can)
  //   onresult  called with every Result shown
  // It returns the view's small API (nianbaoPage on the page).
  function createView(ctx) {
    const root = ctx.root;
    const $ = (id) => root.getElementById(id);
    const STORE_INPUT = ctx.store && ctx.store.input;
    const STORE_DISMISSED = ctx.store && ctx.store.dismissed;

    const state = {
      ready: false,
      doc: null, // {kind:'text', text, name} | {kind:'html', html, text, name} | {kind:'file', name, bytes}
      prev: null, // the same body's report of another year to compare with: {doc, batch}
      prevResult: null, // its Result from the last comparison
      result: null,
      view: null, // what the source pane shows: {text, key, pos, lines, editable}
      F: [], // the result's findings, with index, fingerprint and dismissal
      byCell: new Map(), // cell id -> findings naming it
      selected: -1,
      dismissed: loadJSON(STORE_DISMISSED, {}),
      testOptions: null,
      timer: 0,
      timing: {},
      loads: 0, // inputs given through load(), and who waits for their results
      waiting: new Map(),
    };

    // ---------- small helpers ----------

    // h builds an element; string children become text nodes, never markup.
    function h(tag, attrs, ...kids) {
      const el = document.createElement(tag);
      if (attrs) {
        for (const [k, v] of Object.entries(attrs)) {
          if (v == null || v === false) continue;
          if (k === 'class') el.className = v;
          else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
          else el.setAttribute(k, v === true ? '' : String(v));
        }
      }
      for (const kid of kids.flat(Infinity)) {
        if (kid != null && kid !== false) el.append(kid instanceof Node ? kid : String(kid));
      }
      return el;
    }

    function loadJSON(key, fallback) {
      if (!key) return fallback;
      try {
        const s = localStorage.getItem(key);
        return s ? JSON.parse(s) : fallback;
      } catch (e) {
        return fallback;
      }
    }

    function saveJSON(key, value) {
      if (!key) return true; // an embedded view keeps nothing unless asked to
      try {
        localStorage.setItem(key, JSON.stringify(value));
        return true;
      } catch (e) {
        return false; // private mode or quota: the page works without it
      }
    }

    function say(msg) {
      $('status').textContent = msg;
    }

    function banner(msg, kind) {
      const b = $('banner');
      b.replaceChildren();
      if (!msg) {
        b.hidden = true;
        return;
      }
      b.className = 'banner ' + (kind || 'error');
      b.append(h('span', null, msg), h('button', { type: 'button', class: 'link', onclick: () => banner('') }, '关闭'));
      b.hidden = false;
    }

    // cyrb53: a short stable hash for dismissal fingerprints.
    function hash(str) {
      let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
      for (let i = 0; i < str.length; i++) {
        const c = str.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
      h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
      return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
    }

    function bytesToBase64(bytes) {
      if (bytes.toBase64) return bytes.toBase64();
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      return btoa(s);
    }

    function base64ToBytes(b64) {
      b64 = b64.trim();
      if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);
      const bin = atob(b64);
      const out = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      return out;
    }

    function fmtNum(v) {
      return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
    }

    function fmtBytes(n) {
      if (n < 1024) return n + ' 字节';
      if (n < 1 << 20) return (n / 1024).toFixed(1) + ' KB';
      return (n / (1 << 20)).toFixed(1) + ' MB';
    }

    // ---------- byte offsets <-> string indices ----------

    // utf8Positions returns pos where pos[i] is the UTF-8 byte offset of s[0:i]; the
    // checker reports byte offsets, JavaScript strings count UTF-16 code units.
    function utf8Positions(s) {
      const n = s.length;
      const pos = new Uint32Array(n + 1);
      let b = 0;
      for (let i = 0; i < n; i++) {
        pos[i] = b;
        const c = s.charCodeAt(i);
        if (c < 0x80) b += 1;
        else if (c < 0x800) b += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          pos[i + 1] = b; // the low surrogate starts where its pair does
          b += 4;
          i++;
        } else b += 3;
      }
      pos[n] = b;
      return pos;
    }

    // indexOfByte returns the first string index whose byte offset is >= b.
    function indexOfByte(pos, b) {
      let lo = 0, hi = pos.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pos[mid] < b) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }

    function lineStarts(s) {
      const out = [0];
      for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) out.push(i + 1);
      return out;
    }

    // lineOf returns the 0-based line of string index i.
    function lineOf(view, i) {
      const ls = view.lines;
      let lo = 0, hi = ls.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ls[mid] <= i) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }

    // spanOf maps a cell's or finding's offsets to [start, end) in the shown text.
    function spanOf(obj) {
      const v = state.view;
      if (!v || !obj) return null;
      const at = obj[v.key];
      if (!at || at.length < 2 || at[1] < at[0]) return null;
      if (at[0] === 0 && at[1] === 0 && v.key === 'at' && obj.raw === '') return null; // cell never read
      return [indexOfByte(v.pos, at[0]), indexOfByte(v.pos, at[1])];
    }

    // ---------- the checker ----------

    // The engine (engine.js) runs two WebAssembly modules: the lite one, started at load,
    // reads text and HTML; the full one (Markdown, Word, PDF, the goldmark renderer) is
    // started only when an input or the review preview needs it.
    const engine = self.nianbaoEngine;

    // api is the module checks go to: the full one once it runs, else the lite one.
    function api() {
      return engine.api('full') || engine.api('lite');
    }

    async function startEngine() {
      try {
        await engine.ready('lite');
        state.ready = true;
        const t = engine.timing.lite;
        Object.assign(state.timing, { start: t.start, arrived: t.arrived, decoded: t.decoded, compiled: t.compiled, instantiated: t.instantiated, ready: t.ready });
        page.ready = true;
        page.version = api().version;
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
          page.full = true;
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
        state.ready = page.ready = !!api();
        banner('检查程序多次意外停止。您的报告仍在编辑区，请刷新页面后重试。');
        return;
      }
      banner('检查程序意外停止，已自动重新启动。您的报告仍在编辑区。', 'warning');
      if (kind === 'lite') {
        state.ready = page.ready = false;
        startEngine();
      } // the full module starts again when an input needs it
    });

    function afterEngineReady() {
      if (!state.doc && ctx.sample) setDoc(sampleDoc(), { save: false });
      else runCheck();
    }

    function sampleDoc() {
      const a = api();
      return { kind: 'text', text: a ? a.sample : '', name: '示例报告.txt', sample: true };
    }

    // check calls the bridge; it returns a Result or {error}, never throws.
    function check(input, opts) {
      try {
        return api().check(input, Object.assign({}, opts, state.testOptions));
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
        const out = api().compareYears(pi, Object.assign({}, po, state.testOptions), di, Object.assign({}, dopts, state.testOptions));
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
      const doc = state.doc;
      if (state.dirty) {
        state.dirty = false; // typed text is kept for the next visit once typing pauses
        saveDoc();
      }
      if (!state.ready) {
        if (doc && doc.kind === 'text') showSource(plainView(doc.text));
        return;
      }
      if (isEmpty(doc)) {
        showResult(null, doc);
        shown(null, doc);
        state.timing.checks = (state.timing.checks || 0) + 1;
        page.timing = Object.assign({}, state.timing);
        return;
      }
      const t0 = performance.now();
      const comparing = state.prev && !isEmpty(state.prev.doc);
      state.prevResult = null;
      const res = comparing ? compare(state.prev.doc, doc) : check(...checkInput(doc));
      const t1 = performance.now();
      const needsFull = [res, state.prevResult].some((r) => r && r.input && r.input.module === 'full');
      if (needsFull && !engine.api('full')) {
        // the lite module does not read this format: check again once the full one runs
        waitForFull(doc);
        loadFull().then(() => {
          if (state.doc === doc) runCheck();
        }, () => {
          if (state.doc === doc) showResult(res, doc);
        });
        return;
      }
      if (doc.kind === 'html' && res && !res.error && (!res.input || res.input.format !== 'html') && doc.text) {
        // the HTML could not be read as such: use the clipboard's plain text instead
        setDoc({ kind: 'text', text: doc.text, name: '' });
        return;
      }
      showResult(res, doc);
      shown(res, doc);
      state.timing.check = t1 - t0;
      state.timing.render = performance.now() - t1;
      state.timing.checks = (state.timing.checks || 0) + 1;
      page.timing = Object.assign({}, state.timing);
    }

    // waitForFull shows the input while the full module loads: the text stays in the editor,
    // a file's name stays in the source pane, nothing of the previous result is left.
    function waitForFull(doc) {
      closePopover();
      state.result = null;
      state.F = [];
      state.byCell = new Map();
      if (doc.kind === 'text') showSource(plainView(doc.text));
      else showSource({ text: '', key: 'at', editable: false, note: LOADING_FULL, pos: new Uint32Array(1), lines: [0] });
      $('summary').replaceChildren(h('span', { class: 'muted loading-full' }, LOADING_FULL));
      $('tables').replaceChildren(h('p', { class: 'empty' }, LOADING_FULL));
      $('findings').replaceChildren(h('p', { class: 'empty' }, LOADING_FULL));
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

    // ---------- input ----------

    // setDoc makes doc the current input: shows it, keeps it for the next visit, checks it.
    function setDoc(doc, opts) {
      opts = opts || {};
      state.doc = doc;
      state.selected = -1;
      closePopover();
      if (doc.kind === 'text') {
        const ta = $('input');
        if (ta.value !== doc.text) ta.value = doc.text;
        showSource(plainView(doc.text));
      }
      if (opts.save !== false) saveDoc();
      runCheck();
    }

    // the other year's report a comparison uses is kept beside the report
    const STORE_PREV = STORE_INPUT && STORE_INPUT + '.previous';

    function saveDoc() {
      if (STORE_INPUT && state.doc && !store(STORE_INPUT, state.doc)) say('报告较大，未保存到本机，刷新页面后需要重新粘贴。');
    }

    // savePrev keeps the compared report (not one a batch chose) for the next visit.
    function savePrev() {
      if (!STORE_PREV) return;
      if (state.prev && !state.prev.batch) store(STORE_PREV, state.prev.doc);
      else forget(STORE_PREV);
    }

    // store keeps an input in local storage under key; false when it is too large.
    function store(key, d) {
      let stored;
      if (d.kind === 'text') stored = { kind: 'text', text: d.text, name: d.name || '' };
      else if (d.kind === 'html') stored = { kind: 'html', html: d.html, text: d.text || '', name: d.name || '' };
      else stored = { kind: 'file', name: d.name, b64: bytesToBase64(d.bytes) };
      const size = (stored.text || '').length + (stored.html || '').length + (stored.b64 || '').length;
      if (size > MAX_STORED || !saveJSON(key, stored)) {
        forget(key);
        return false;
      }
      return true;
    }

    function forget(key) {
      try {
        localStorage.removeItem(key);
      } catch (e) { /* nothing stored */ }
    }

    function restoreDoc(key) {
      const s = loadJSON(key, null);
      if (!s || typeof s !== 'object') return null;
      try {
        if (s.kind === 'text' && typeof s.text === 'string') return { kind: 'text', text: s.text, name: s.name || '' };
        if (s.kind === 'html' && typeof s.html === 'string') return { kind: 'html', html: s.html, text: s.text || '', name: s.name || '' };
        if (s.kind === 'file' && typeof s.b64 === 'string') return { kind: 'file', name: s.name || '', bytes: base64ToBytes(s.b64) };
      } catch (e) { /* a damaged entry is dropped */ }
      return null;
    }

    function onInput() {
      const doc = state.doc && state.doc.kind === 'text' ? state.doc : { kind: 'text', name: '' };
      doc.text = $('input').value;
      doc.sample = false;
      state.doc = doc;
      state.dirty = true;
      // keep the backdrop aligned while typing, once a frame however many input events come
      if (!state.frame) {
        state.frame = requestAnimationFrame(() => {
          state.frame = 0;
          if (state.doc && state.doc.kind === 'text' && state.view && state.view.text !== state.doc.text) showSource(plainView(state.doc.text));
        });
      }
      scheduleCheck(state.pasted ? 0 : 180);
      state.pasted = false;
    }

    function onPaste(e) {
      const dt = e.clipboardData;
      const ta = $('input');
      if (!dt || (e.target !== ta && e.target.closest && e.target.closest('input, textarea'))) return; // a note field
      const html = dt.getData('text/html');
      const plain = dt.getData('text/plain');
      const inEditor = e.target === ta;
      const whole = !inEditor || !ta.value.trim() || (ta.selectionStart === 0 && ta.selectionEnd === ta.value.length);
      if (html && /<table[\s>]/i.test(html) && whole) {
        e.preventDefault();
        // Word, WPS and browsers put the table structure in the HTML flavour
        getSelection().removeAllRanges();
        setDoc({ kind: 'html', html, text: plain, name: '粘贴的内容.html' });
        say('已按表格结构读取粘贴的内容');
        return;
      }
      if (!plain) return;
      if (!inEditor || state.doc == null || state.doc.kind !== 'text') {
        e.preventDefault();
        setDoc({ kind: 'text', text: plain, name: '' });
        getSelection().removeAllRanges(); // a Ctrl+A outside the editor selected the page
        ta.focus();
        ta.setSelectionRange(0, 0);
        return;
      }
      if (whole) state.doc = { kind: 'text', text: ta.value, name: '' }; // a new report, not the file's
      // the browser's own paste: one input event, and Ctrl+Z still works
      state.pasted = true;
    }

    async function openFile(file, loadId) {
      const doc = await docOfFile(file);
      if (!doc) return;
      doc.loadId = loadId;
      setDoc(doc);
      say('已读入 ' + file.name);
    }

    // docOfFile reads a file into an input: a text file as editable text, in whatever
    // encoding it has, anything else as bytes. It says why when it cannot, and returns null.
    async function docOfFile(file) {
      if (!file) return null;
      if (FULL_FILE.test(file.name)) loadFull().catch(() => {}); // start now, while the file is read
      let bytes;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch (e) {
        banner('无法读取文件“' + file.name + '”：' + e.message);
        return null;
      }
      banner('');
      if (TEXT_FILE.test(file.name) || !/\.[a-z0-9]+$/i.test(file.name)) {
        const text = decodeText(bytes, file.name);
        if (text != null) return { kind: 'text', text, name: file.name };
      }
      return { kind: 'file', name: file.name, bytes };
    }

    // ---------- year against year ----------

    // comparePrev sets the report of another year to compare the current one with (null
    // to stop comparing) and checks again.
    function comparePrev(doc, fromBatch) {
      state.prev = doc ? { doc, batch: !!fromBatch } : null;
      state.prevResult = null;
      savePrev();
      if (doc && !fromBatch) say('已选择比对报告 ' + (doc.name || ''));
      runCheck();
    }

    // renderCompare shows what the comparison found, or hides the bar when there is none.
    function renderCompare(res) {
      const bar = $('compare-bar');
      const prev = state.prev;
      if (!prev) {
        bar.hidden = true;
        bar.replaceChildren();
        return;
      }
      const other = state.prevResult;
      const yearOf = (r) => (r && r.year != null ? r.year + '年' : '年度未识别');
      const cross = ((res && res.findings) || []).filter((f) => f.rule.startsWith('crossyear.'));
      const note = cross.find((f) => f.rule === 'crossyear.pair');
      const problems = cross.filter((f) => f.rule !== 'crossyear.pair');
      const reversed = res && other && res.year != null && other.year != null && other.year > res.year;
      let status;
      if (!res || res.error || !other) status = h('span', { class: 'muted' }, '等待检查');
      else if (note) status = h('span', { class: 'cmp-note' }, note.message);
      else if (reversed) {
        status = h('span', { class: 'cmp-note' }, '比对报告（' + yearOf(other) + '）晚于当前报告（' + yearOf(res) + '），跨年度问题记在较新的报告上 ',
          h('button', { type: 'button', class: 'link', id: 'compare-swap' }, '改为检查较新的报告'));
      } else if (problems.length) status = h('b', { class: 'cmp-bad' }, '发现 ' + problems.length + ' 处跨年度问题，见“跨年度”一组');
      else status = h('span', { class: 'cmp-ok' }, '上年结转、现行有效件数、历年累计、内容雷同均未发现问题');
      bar.replaceChildren(
        h('span', { class: 'k' }, '跨年度比对'),
        h('span', { class: 'cmp-file', title: '比对的报告' }, (prev.doc.name || '粘贴的报告') + '（' + yearOf(other) + (other && other.agency ? ' · ' + other.agency : '') + '）'),
        status,
        h('span', { class: 'cmp-actions' },
          reversed ? null : h('button', { type: 'button', class: 'link', id: 'compare-view', title: '显示比对的报告，当前报告改作比对对象' }, '查看该报告'),
          h('button', { type: 'button', class: 'link', id: 'compare-change' }, '更换…'),
          h('button', { type: 'button', class: 'link', id: 'compare-off' }, '取消比对')));
      bar.hidden = false;
    }

    // givenDoc is an input given through the API: text, or the bytes of a file named name.
    function givenDoc(input, name) {
      return typeof input === 'string' ? { kind: 'text', text: input, name: name || '' } : { kind: 'file', bytes: input, name: name || '' };
    }

    // openComparePaste asks for the other year's report as pasted text.
    function openComparePaste() {
      state.comparePasted = null;
      $('compare-text').value = state.prev && state.prev.doc.kind !== 'file' ? state.prev.doc.text || '' : '';
      overlay('compare-dialog', true, 'compare-text');
    }

    function closeComparePaste() {
      overlay('compare-dialog', false);
    }

    // overlay shows (with focus in it) or hides one of the view's dialogs over the
    // dimmed view: the review, the other year's report to paste.
    function overlay(id, show, focus) {
      $(id).hidden = !show;
      ctx.frame.classList.toggle('reviewing', show);
      if (show && focus) $(focus).focus();
    }

    // swapCompare makes the comparison's report the one shown, and the shown one the
    // report it is compared with.
    function swapCompare() {
      const prev = state.prev;
      const doc = state.doc;
      if (!prev || !doc) return;
      state.prev = { doc, batch: prev.batch };
      savePrev();
      const next = Object.assign({}, prev.doc);
      delete next.loadId;
      setDoc(next);
    }

    // decodeText turns a text file into a string for the editor, in whatever encoding the
    // checker recognises (GB18030, Big5, UTF-16 …), so that it stays editable.
    function decodeText(bytes, name) {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch (e) { /* not UTF-8 */ }
      if (!state.ready) return null;
      const res = check(bytes, { name });
      const enc = res && res.input && res.input.encoding;
      if (!enc) return null;
      try {
        return new TextDecoder(enc).decode(bytes);
      } catch (e) {
        return null;
      }
    }

    // ---------- the source pane ----------

    function plainView(text) {
      return { text, key: 'at', pos: null, lines: null, editable: true };
    }

    // viewFor picks the text the source pane shows for a result and how offsets map into it.
    function viewFor(doc, res) {
      const inp = (res && res.input) || {};
      let v;
      if (inp.text) v = { text: inp.text, key: 'view', editable: false, note: '从' + (FORMAT_NAMES[inp.format] || '文件') + '读出的文本' };
      else if (doc.kind === 'text') v = { text: doc.text, key: 'at', editable: true };
      else if (doc.kind === 'html') v = { text: doc.html, key: 'at', editable: false, note: '网页源代码（检查程序未能按网页读取）' };
      else if (['docx', 'doc', 'pdf', 'ofd'].includes(inp.format) || /\.(docx|doc|wps|pdf|ofd)$/i.test(doc.name)) {
        v = { text: '', key: 'at', editable: false, note: '检查程序未能给出这个文件的文本' };
      } else {
        let text = '';
        try {
          text = new TextDecoder(inp.encoding || 'utf-8').decode(doc.bytes);
        } catch (e) {
          text = new TextDecoder().decode(doc.bytes);
        }
        v = { text, key: 'at', editable: false, note: '文件原文' };
      }
      v.pos = utf8Positions(v.text);
      v.lines = lineStarts(v.text);
      return v;
    }

    function showSource(view) {
      state.view = view;
      const editable = view.editable;
      $('editor').hidden = !editable;
      $('docview-wrap').hidden = editable;
      $('docbar').hidden = editable;
      if (!editable) {
        const d = state.doc || {};
        $('docbar-text').textContent = (d.name ? d.name + ' · ' : '') + (view.note || '只读');
        $('to-text').hidden = !view.text;
      }
      $('source-note').textContent = view.text ? view.text.length + ' 字' : '粘贴或拖入报告';
      paintSource();
    }

    // ranges lists what to highlight in the source: findings' spans, their cells, the selection.
    function sourceRanges() {
      const out = [];
      const add = (obj, cls, fi) => {
        const sp = spanOf(obj);
        if (sp && sp[1] > sp[0]) out.push({ s: sp[0], e: sp[1], cls, fi });
      };
      for (const f of state.F) {
        if (f.dismissed) continue;
        const sev = f.reader ? 'reader' : f.severity;
        add(f, 'f-' + sev, f.i);
        for (const id of f.cells || []) {
          const c = cellObj(id);
          if (c) add(c, (id === f.total && !f.reader ? 'total-' : 'cell-') + sev, f.i);
        }
      }
      const sel = state.F[state.selected];
      if (state.flash) out.push(Object.assign({ cls: 'line', fi: -1 }, state.flash));
      else if (sel) {
        add(sel, 'sel', sel.i);
        for (const id of sel.cells || []) add(cellObj(id), 'sel', sel.i);
        const first = firstSpan(sel);
        if (first) out.push(Object.assign({ cls: 'line', fi: sel.i }, lineRange(first[0])));
      }
      return out;
    }

    // lineRange is the line of the shown text holding string index i.
    function lineRange(i) {
      const v = state.view;
      const ln = lineOf(v, i);
      const end = ln + 1 < v.lines.length ? v.lines[ln + 1] - 1 : v.text.length;
      return { s: v.lines[ln], e: Math.max(end, v.lines[ln] + 1) };
    }

    function firstSpan(f) {
      let best = spanOf(f);
      for (const id of f.cells || []) {
        const sp = spanOf(cellObj(id));
        if (sp && (!best || (id === f.total && !f.reader))) best = sp;
        if (sp && id === f.total) break;
      }
      return best;
    }

    const MARK_ORDER = ['total-error', 'cell-error', 'f-error', 'total-warning', 'cell-warning', 'f-warning',
      'total-info', 'cell-info', 'f-info', 'total-reader', 'cell-reader', 'f-reader'];

    // paintSource rebuilds the highlighted text: the editor's backdrop or the read-only view.
    function paintSource() {
      const v = state.view;
      const target = v.editable ? $('backdrop') : $('docview');
      const frag = document.createDocumentFragment();
      const text = v.text;
      const ranges = state.result && v.pos ? sourceRanges() : [];
      if (!ranges.length) {
        frag.append(text);
      } else {
        const cuts = new Set([0, text.length]);
        for (const r of ranges) {
          cuts.add(Math.min(r.s, text.length));
          cuts.add(Math.min(r.e, text.length));
        }
        const points = [...cuts].sort((a, b) => a - b);
        for (let k = 0; k + 1 < points.length; k++) {
          const a = points[k], b = points[k + 1];
          if (a === b) continue;
          const piece = text.slice(a, b);
          const on = ranges.filter((r) => r.s <= a && r.e >= b);
          if (!on.length) {
            frag.append(piece);
            continue;
          }
          const names = new Set(on.map((r) => r.cls));
          const kind = MARK_ORDER.find((m) => names.has(m));
          const cls = ['hl'];
          if (kind) cls.push(kind);
          if (names.has('sel')) cls.push('sel');
          if (names.has('line')) cls.push('line');
          const fis = [...new Set(on.filter((r) => r.fi >= 0 && r.cls !== 'line').map((r) => r.fi))];
          frag.append(h('mark', { class: cls.join(' '), 'data-f': fis.join(',') }, piece));
        }
      }
      if (v.editable) frag.append(' '); // a trailing newline needs a line box, as in the textarea
      target.replaceChildren(frag);
      if (v.editable) syncScroll();
    }

    function syncScroll() {
      const ta = $('input'), bd = $('backdrop');
      bd.scrollTop = ta.scrollTop;
      bd.scrollLeft = ta.scrollLeft;
    }

    function scrollSourceToSelection() {
      const v = state.view;
      const box = v.editable ? $('backdrop') : $('docview');
      const el = box.querySelector('mark.line') || box.querySelector('mark.sel');
      if (!el) return;
      const top = Math.max(0, el.offsetTop - box.clientHeight / 3);
      if (v.editable) {
        $('input').scrollTop = top;
        syncScroll();
      } else box.scrollTop = top;
    }

    // findingsAtIndex lists the findings highlighted at string index i of the source.
    function findingsAtIndex(i) {
      const out = [];
      for (const f of state.F) {
        if (f.dismissed) continue;
        const spans = [spanOf(f), ...(f.cells || []).map((id) => spanOf(cellObj(id)))];
        if (spans.some((sp) => sp && sp[0] <= i && i < sp[1])) out.push(f);
      }
      return out;
    }

    // ---------- results ----------

    function enrich(res) {
      const F = (res.findings || []).map((f, i) => {
        const fp = fingerprint(f, res);
        const cells = f.cells && f.cells.length ? f.cells : statsRowsOf(f, res);
        return Object.assign({}, f, { i, fp, cells, reader: f.origin === 'reader', dismissed: !!state.dismissed[fp] });
      });
      const byCell = new Map();
      for (const f of F) {
        for (const id of f.cells || []) {
          if (!byCell.has(id)) byCell.set(id, []);
          byCell.get(id).push(f);
        }
      }
      return { F, byCell };
    }

    // statsRowsOf names the statistics-table rows ("stats.<index>") a finding without
    // cells points at: those whose text holds the finding's position.
    function statsRowsOf(f, res) {
      const at = f.at;
      if (!at || !res.stats) return [];
      const out = [];
      res.stats.forEach((s, i) => {
        if (s.at && s.at[0] <= at[0] && at[1] <= s.at[1]) out.push('stats.' + i);
      });
      return out;
    }

    // fingerprint identifies a finding across visits: its rule, cells and their values.
    function fingerprint(f, res) {
      const cells = (f.cells || []).slice().sort();
      const vals = cells.map((id) => {
        const c = res.cells && res.cells[id];
        return c ? (c.value != null ? String(c.value) : 'raw:' + c.raw) : '?';
      });
      return hash([f.rule, cells.join(','), vals.join(','), cells.length ? '' : f.message].join('|'));
    }

    function showResult(res, doc) {
      closePopover();
      state.result = res && !res.error ? res : null;
      page.lastResult = res;
      if (res && res.error && !res.findings) {
        // the bridge failed (a recovered panic): keep the text, say what happened
        banner('检查失败：' + res.error + '。您的报告仍在编辑区，修改后会重新检查。');
        showNoResult(doc, '检查失败，暂无表格。', '检查失败，暂无结果。');
        return;
      }
      if ($('banner').classList.contains('error') && !(res && res.input && res.input.error)) banner('');
      if (!res) {
        showNoResult(doc, '粘贴报告后，这里按国家模板逐格显示表二、表三、表四（或统计表）。', '还没有检查结果。');
        return;
      }
      const e = enrich(res);
      state.F = e.F;
      state.byCell = e.byCell;
      if (state.selected >= state.F.length) state.selected = -1;
      showSource(viewFor(doc, res));
      renderSummary(res);
      renderCompare(res);
      renderTables(res);
      renderFindings();
      if (res.input && res.input.error) banner('无法使用这份输入：' + res.input.error, 'error');
      say(summaryText());
    }

    // showNoResult empties the view but for the text, saying why in the two panes.
    function showNoResult(doc, tablesNote, findingsNote) {
      state.F = [];
      state.byCell = new Map();
      if (doc && doc.kind === 'text') showSource(plainView(doc.text));
      renderSummary(null);
      renderCompare(null);
      $('tables').replaceChildren(h('p', { class: 'empty' }, tablesNote));
      $('findings').replaceChildren(h('p', { class: 'empty' }, findingsNote));
    }

    function counts() {
      const c = { error: 0, warning: 0, info: 0, reader: 0, dismissed: 0 };
      for (const f of state.F) {
        if (f.dismissed) c.dismissed++;
        else if (f.reader) c.reader++;
        else c[f.severity] = (c[f.severity] || 0) + 1;
      }
      return c;
    }

    function summaryText() {
      const c = counts();
      return '检查完成：错误 ' + c.error + ' 处，警告 ' + c.warning + ' 处，提示 ' + c.info + ' 处，未能读取 ' + c.reader + ' 处';
    }

    function renderSummary(res) {
      const box = $('summary');
      if (!res) {
        box.replaceChildren(h('span', { class: 'muted' }, state.ready ? '等待输入' : '正在加载检查程序……'));
        return;
      }
      const c = counts();
      const inp = res.input || {};
      const fmt = [FORMAT_NAMES[inp.format] || inp.format, inp.encoding && inp.encoding.toUpperCase(), inp.bytes != null && fmtBytes(inp.bytes)]
        .filter(Boolean).join(' · ');
      const badge = (cls, label, n) => h('span', { class: 'badge ' + cls + (n ? '' : ' zero') }, label + ' ', h('b', null, String(n)));
      box.replaceChildren(...[
        h('span', { class: 'kv' }, h('span', { class: 'k' }, '机关'), h('span', { class: 'v', id: 'sum-agency' }, res.agency || '未识别')),
        h('span', { class: 'kv' }, h('span', { class: 'k' }, '年度'), h('span', { class: 'v', id: 'sum-year' }, res.year != null ? String(res.year) : '未识别')),
        h('span', { class: 'kv' }, h('span', { class: 'k' }, '模板'), h('span', { class: 'v', id: 'sum-template' }, TEMPLATE_NAMES[res.template] || res.template)),
        h('span', { class: 'badges' },
          badge('b-error', '错误', c.error), badge('b-warning', '警告', c.warning), badge('b-info', '提示', c.info),
          badge('b-reader', '未能读取', c.reader), c.dismissed ? badge('b-dismissed', '已忽略', c.dismissed) : null),
        h('span', { class: 'kv input-info', title: '读入的格式、编码和大小' }, fmt, inp.traditional ? ' · 繁体已转为简体检查' : ''),
        (res.variant || []).length ? h('span', { class: 'variants' }, '与模板的差异：', res.variant.join('；')) : null,
      ].filter(Boolean));
    }

    // ---------- tables ----------

    function renderTables(res) {
      const box = $('tables');
      const parts = [];
      for (const t of res.tables || []) parts.push(renderTable(res, t));
      if ((res.stats || []).length) parts.push(renderStats(res));
      if (!parts.length) {
        parts.push(h('p', { class: 'empty' }, res.input && res.input.error ? '无法读取这份输入。'
          : '没有找到模板中的表格。请确认粘贴的是完整的年度报告（包括表二、表三、表四）。'));
      }
      box.replaceChildren(...parts);
    }

    function renderTable(res, t) {
      const cols = t.columns || [];
      const rows = t.rows || [];
      const grouped = rows.some((r) => r.group);
      const colGrouped = cols.some((c) => c.group);
      const head = [];
      const corner = h('th', { class: 'corner', rowspan: colGrouped ? 2 : 1, colspan: grouped ? 2 : 1, scope: 'col' }, '项目');
      const top = h('tr', null, corner);
      const second = h('tr');
      for (let i = 0; i < cols.length;) {
        const c = cols[i];
        if (!c.group) {
          top.append(h('th', { rowspan: colGrouped ? 2 : 1, scope: 'col' }, c.label));
          i++;
          continue;
        }
        let n = 0;
        while (i + n < cols.length && cols[i + n].group === c.group) {
          second.append(h('th', { scope: 'col' }, cols[i + n].label));
          n++;
        }
        top.append(h('th', { colspan: n, scope: 'colgroup' }, c.group));
        i += n;
      }
      head.push(top);
      if (colGrouped) head.push(second);
      const body = [];
      rows.forEach((r, ri) => {
        const tr = h('tr');
        if (grouped) {
          if (!r.group) tr.append(h('th', { colspan: 2, scope: 'row', class: 'rowlabel' }, r.label));
          else {
            if (ri === 0 || rows[ri - 1].group !== r.group) {
              let span = 1;
              while (ri + span < rows.length && rows[ri + span].group === r.group) span++;
              tr.append(h('th', { rowspan: span, scope: 'rowgroup', class: 'rowgroup' }, r.group));
            }
            tr.append(h('th', { scope: 'row', class: 'rowlabel' }, r.label));
          }
        } else tr.append(h('th', { scope: 'row', class: 'rowlabel' }, r.label));
        const line = (t.cells && t.cells[ri]) || [];
        cols.forEach((c, ci) => tr.append(cellTd(res, line[ci] || '')));
        body.push(tr);
      });
      return h('section', { class: 'tbl', id: 'tbl-' + t.id },
        h('h3', null, t.title),
        h('div', { class: 'tbl-scroll' }, h('table', { class: 'grid t-' + t.id },
          h('thead', null, head), h('tbody', null, body))));
    }

    // cellTd renders one cell: blank stays visibly blank, never 0.
    function cellTd(res, id) {
      if (!id) return h('td', { class: 'na' });
      const c = res.cells ? res.cells[id] : null;
      let text, kind;
      if (!c) [text, kind] = ['未读到', 'missing'];
      else if (c.value != null) [text, kind] = [fmtNum(c.value), 'num'];
      else if (!c.raw || !c.raw.trim()) [text, kind] = ['空', 'blank'];
      else if (/^[-—–－\/／\\~～]+$/.test(c.raw.trim())) [text, kind] = [c.raw.trim(), 'dash'];
      else [text, kind] = [c.raw, 'unreadable'];
      const fs = (state.byCell.get(id) || []).filter((f) => !f.dismissed);
      const cls = ['cell', kind];
      const report = fs.filter((f) => !f.reader);
      if (report.length) {
        const sev = report.reduce((a, f) => (SEV_RANK[f.severity] < SEV_RANK[a] ? f.severity : a), 'info');
        cls.push('sev-' + sev);
        if (report.some((f) => f.total === id && f.severity === sev)) cls.push('is-total');
      } else if (fs.length) cls.push('sev-reader');
      if (state.F[state.selected] && (state.F[state.selected].cells || []).includes(id)) cls.push('selected');
      const label = (c && c.label) || id;
      const title = label + (c && c.raw !== undefined ? '\n原文：' + (c.raw === '' ? '（空）' : c.raw) : '') +
        (fs.length ? '\n' + fs.length + ' 个问题，点击查看' : '');
      const inner = fs.length
        ? h('button', { type: 'button', class: 'cellbtn', 'data-cell': id, 'aria-label': label + '：' + text + '，' + fs.length + ' 个问题' }, text)
        : h('span', { 'data-cell': id }, text);
      return h('td', { class: cls.join(' '), 'data-cell': id, title }, inner);
    }

    function renderStats(res) {
      const stats = res.stats || [];
      const two = stats.some((s) => (s.values || []).length > 1);
      const head = h('tr', null, h('th', { scope: 'col' }, '统计指标'), h('th', { scope: 'col' }, '单位'),
        h('th', { scope: 'col' }, two ? '本年' : '统计数'), two ? h('th', { scope: 'col' }, '历年累计') : null);
      const body = stats.map((s, i) => {
        const vals = s.values || [];
        const tds = [];
        for (let k = 0; k < (two ? 2 : 1); k++) {
          const v = vals[k];
          const id = 'stats.' + i;
          const fs = (state.byCell.get(id) || []).filter((f) => !f.dismissed);
          const cls = ['cell', v == null ? (s.header ? 'na' : 'blank') : 'num'];
          const report = fs.filter((f) => !f.reader);
          if (report.length) cls.push('sev-' + report.reduce((a, f) => (SEV_RANK[f.severity] < SEV_RANK[a] ? f.severity : a), 'info'));
          else if (fs.length) cls.push('sev-reader');
          if (state.F[state.selected] && state.F[state.selected].cells.includes(id)) cls.push('selected');
          const text = v == null ? (s.header ? '' : '空') : fmtNum(v);
          tds.push(h('td', { class: cls.join(' '), 'data-cell': id, 'data-stat': i },
            fs.length ? h('button', { type: 'button', class: 'cellbtn', 'data-cell': id }, text) : text));
        }
        return h('tr', { class: s.header ? 'stat-header' : '' },
          h('th', { scope: 'row', class: 'rowlabel lvl-' + Math.min(s.level || 0, 4) }, s.label),
          h('td', { class: 'unit' }, s.unit || ''), tds);
      });
      return h('section', { class: 'tbl', id: 'tbl-stats' }, h('h3', null, '政府信息公开工作统计表'),
        h('div', { class: 'tbl-scroll' }, h('table', { class: 'grid t-stats' }, h('thead', null, head), h('tbody', null, body))));
    }

    // statsCells gives stats rows the ids findings use for them ("stats.<index>").
    function cellObj(id) {
      const res = state.result;
      if (!res) return null;
      if (res.cells && res.cells[id]) return res.cells[id];
      const m = /^stats\.(\d+)/.exec(id);
      if (m && res.stats && res.stats[+m[1]]) return res.stats[+m[1]];
      return null;
    }

    function markSelectedCells() {
      for (const el of root.querySelectorAll('#tables td.selected')) el.classList.remove('selected', 'flash');
      const f = state.F[state.selected];
      if (!f) return null;
      let focus = null;
      for (const id of f.cells || []) {
        const td = root.querySelector('#tables td[data-cell="' + CSS.escape(id) + '"]');
        if (!td) continue;
        td.classList.add('selected');
        void td.offsetWidth; // restart the flash animation
        td.classList.add('flash');
        if (!focus || id === f.total) focus = td;
      }
      return focus;
    }

    // ---------- findings ----------

    function renderFindings() {
      const box = $('findings');
      const live = state.F.filter((f) => !f.dismissed);
      const report = live.filter((f) => !f.reader);
      const reader = live.filter((f) => f.reader);
      const dismissed = state.F.filter((f) => f.dismissed);
      const parts = [];
      const groups = new Map();
      for (const f of report) {
        const g = f.group || '结构';
        if (!groups.has(g)) groups.set(g, []);
        groups.get(g).push(f);
      }
      const worst = (list) => Math.min(...list.map((f) => SEV_RANK[f.severity] ?? 2));
      const order = [...groups.keys()].sort((a, b) => worst(groups.get(a)) - worst(groups.get(b)) ||
        rankGroup(a) - rankGroup(b));
      const res = state.result;
      if (!report.length) {
        const read = res && res.template !== 'unknown' && ((res.tables || []).length || (res.stats || []).length);
        parts.push(read ? h('p', { class: 'allgood' }, state.F.length ? '没有发现报告本身的问题。' : '没有发现问题：所有勾稽关系都成立。')
          : h('p', { class: 'empty' }, '没有读到模板中的表格，无法核对勾稽关系。'));
      }
      for (const g of order) {
        const list = groups.get(g).slice().sort((a, b) => SEV_RANK[a.severity] - SEV_RANK[b.severity] || a.i - b.i);
        parts.push(findingGroup(g, list, 'group'));
      }
      if (reader.length) {
        parts.push(findingGroup('未能读取', reader, 'reader',
          '以下内容检查程序未能可靠读取，不代表报告有错，请人工核对原文。'));
      }
      if (dismissed.length) {
        parts.push(h('details', { class: 'fgroup dismissed' },
          h('summary', null, '已忽略 ', h('span', { class: 'count' }, String(dismissed.length))),
          h('ol', { class: 'flist' }, dismissed.map(findingItem))));
      }
      box.replaceChildren(...parts);
    }

    function rankGroup(g) {
      const i = GROUPS.indexOf(g);
      return i < 0 ? GROUPS.length : i;
    }

    function findingGroup(name, list, kind, note) {
      const n = { error: 0, warning: 0, info: 0 };
      for (const f of list) n[f.severity] = (n[f.severity] || 0) + 1;
      const tally = kind === 'reader' ? [h('span', { class: 'count c-reader' }, list.length + ' 处')]
        : ['error', 'warning', 'info'].filter((s) => n[s]).map((s) => h('span', { class: 'count c-' + s }, SEV_LABEL[s] + ' ' + n[s]));
      return h('section', { class: 'fgroup ' + kind, 'data-group': name },
        h('h3', null, h('span', { class: 'gname' }, name), tally),
        note ? h('p', { class: 'gnote' }, note) : null,
        h('ol', { class: 'flist' }, list.map(findingItem)));
    }

    function where(f) {
      const parts = [];
      const lead = (f.total && cellObj(f.total)) || cellObj((f.cells || [])[0]);
      if (lead && lead.label) parts.push(lead.label);
      const sp = firstSpan(f);
      if (sp && state.view) parts.push('第 ' + (lineOf(state.view, sp[0]) + 1) + ' 行');
      return parts.join(' · ');
    }

    function findingItem(f) {
      const sev = f.reader ? 'reader' : f.severity;
      const tag = f.reader ? '未能读取' : SEV_LABEL[f.severity] || f.severity;
      const note = f.dismissed && state.dismissed[f.fp];
      const li = h('li', { class: 'finding s-' + sev + (f.i === state.selected ? ' current' : ''), id: 'f-' + f.i, 'data-i': f.i },
        h('button', { type: 'button', class: 'f-go', 'data-i': f.i, 'aria-current': f.i === state.selected ? 'true' : null },
          h('span', { class: 'f-head' }, h('span', { class: 'tag t-' + sev }, tag), h('span', { class: 'f-title' }, f.title || f.rule),
            h('span', { class: 'f-where' }, where(f))),
          h('span', { class: 'f-msg' }, f.message)),
        note ? h('p', { class: 'f-note' }, '忽略说明：' + (note.note || '（无）')) : null,
        h('div', { class: 'f-actions' },
          f.dismissed
            ? h('button', { type: 'button', class: 'link', 'data-restore': f.i }, '恢复')
            : h('button', { type: 'button', class: 'link', 'data-dismiss': f.i, title: '确认这不是问题，加一条说明后不再显示' }, '忽略…')));
      return li;
    }

    // select makes finding i current: marks it in the list, the tables and the source.
    function select(i, opts) {
      opts = opts || {};
      const f = state.F[i];
      if (!f) return;
      state.selected = i;
      for (const el of root.querySelectorAll('#findings .finding.current')) {
        el.classList.remove('current');
        el.querySelector('.f-go').removeAttribute('aria-current');
      }
      const li = $('f-' + i);
      if (li) {
        li.classList.add('current');
        li.querySelector('.f-go').setAttribute('aria-current', 'true');
        if (opts.scrollList) li.scrollIntoView({ block: 'nearest' });
      }
      paintSource();
      if (opts.scrollSource !== false) scrollSourceToSelection();
      const td = markSelectedCells();
      if (td) {
        td.scrollIntoView({ block: 'center', inline: 'nearest' });
        if (opts.callout !== false) showCallout(td, f);
      } else closePopover();
      say((f.reader ? '未能读取' : SEV_LABEL[f.severity]) + '：' + (f.title || f.rule) + '。' + f.message);
    }

    function step(delta) {
      const order = [...root.querySelectorAll('#findings .fgroup:not(.dismissed) .f-go')].map((b) => +b.dataset.i);
      if (!order.length) return;
      const at = order.indexOf(state.selected);
      const next = order[(at + delta + order.length) % order.length];
      select(next, { scrollList: true });
      const btn = root.querySelector('#f-' + next + ' .f-go');
      if (btn && root.activeElement && root.activeElement.closest('#findings')) btn.focus();
    }

    function startDismiss(i) {
      const li = $('f-' + i);
      if (!li || li.querySelector('.dismiss-form')) return;
      const input = h('input', { type: 'text', class: 'note-input', maxlength: 500, placeholder: '例如：已电话核实，原表如此', 'aria-label': '忽略的说明' });
      const form = h('div', { class: 'dismiss-form' },
        h('label', null, '忽略说明（可选）', input),
        h('button', { type: 'button', class: 'primary', onclick: () => dismiss(i, input.value) }, '确定忽略'),
        h('button', { type: 'button', onclick: () => { form.remove(); li.querySelector('[data-dismiss]').focus(); } }, '取消'));
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') dismiss(i, input.value);
        if (e.key === 'Escape') {
          e.stopPropagation();
          form.remove();
          li.querySelector('[data-dismiss]').focus();
        }
      });
      li.append(form);
      input.focus();
    }

    function dismiss(i, note) {
      const f = state.F[i];
      if (!f) return;
      state.dismissed[f.fp] = { note: note.trim(), time: new Date().toISOString(), rule: f.rule, title: f.title, message: f.message };
      saveJSON(STORE_DISMISSED, state.dismissed);
      rerender();
      say('已忽略：' + (f.title || f.rule));
    }

    function restore(i) {
      const f = state.F[i];
      if (!f) return;
      delete state.dismissed[f.fp];
      saveJSON(STORE_DISMISSED, state.dismissed);
      rerender();
      say('已恢复：' + (f.title || f.rule));
    }

    function rerender() {
      if (state.result) showResult(state.result, state.doc);
    }

    // ---------- popover beside a cell ----------

    function showCellPopover(td) {
      const id = td.dataset.cell;
      const c = cellObj(id);
      const fs = (state.byCell.get(id) || []).filter((f) => !f.dismissed);
      const pop = $('popover');
      const raw = !c ? '未读到' : c.values ? c.values.map((v) => (v == null ? '空' : fmtNum(v))).join('，') + (c.unit ? ' ' + c.unit : '')
        : c.raw === '' ? '（空白）' : c.raw;
      pop.replaceChildren(
        h('div', { class: 'pop-head' }, h('b', null, (c && c.label) || id),
          h('button', { type: 'button', class: 'link pop-close', 'aria-label': '关闭' }, '×')),
        h('p', { class: 'pop-raw' }, '原文：', raw),
        fs.length ? h('ol', { class: 'pop-list' }, fs.map((f) => h('li', { class: 's-' + (f.reader ? 'reader' : f.severity) },
          h('button', { type: 'button', class: 'pop-go', 'data-i': f.i },
            h('span', { class: 'tag t-' + (f.reader ? 'reader' : f.severity) }, f.reader ? '未能读取' : SEV_LABEL[f.severity]),
            ' ', h('b', null, f.title || f.rule)),
          h('div', { class: 'f-msg' }, f.message))))
          : h('p', { class: 'muted' }, '此单元格没有问题。'));
      placePopover(td);
      // the cell's own place in the source
      const sp = spanOf(c);
      if (sp) flashSource(sp);
    }

    // showCallout explains the selected finding beside its cell.
    function showCallout(td, f) {
      const pop = $('popover');
      pop.replaceChildren(
        h('div', { class: 'pop-head' }, h('span', { class: 'tag t-' + (f.reader ? 'reader' : f.severity) }, f.reader ? '未能读取' : SEV_LABEL[f.severity]),
          ' ', h('b', null, f.title || f.rule), h('button', { type: 'button', class: 'link pop-close', 'aria-label': '关闭' }, '×')),
        h('div', { class: 'f-msg' }, f.message));
      placePopover(td);
    }

    // placePopover shows the popover beside a cell, and keeps it there while the tables scroll.
    function placePopover(td) {
      const pop = $('popover');
      const pane = $('tables-pane');
      state.anchor = td;
      pop.hidden = false;
      const pr = pane.getBoundingClientRect();
      const r = td.getBoundingClientRect();
      const w = Math.min(360, pr.width - 16);
      pop.style.width = w + 'px';
      let left = r.left - pr.left;
      left = Math.max(8, Math.min(left, pr.width - w - 8));
      let top = r.bottom - pr.top + 6;
      if (top + pop.offsetHeight > pr.height - 8 && r.top - pr.top - pop.offsetHeight - 6 > 40) top = r.top - pr.top - pop.offsetHeight - 6;
      pop.style.left = left + 'px';
      pop.style.top = Math.max(40, top) + 'px';
    }

    function closePopover() {
      const pop = $('popover');
      if (pop) pop.hidden = true;
      state.anchor = null;
    }

    function followAnchor() {
      const td = state.anchor;
      if (!td || $('popover').hidden) return;
      const box = $('tables').getBoundingClientRect();
      const r = td.getBoundingClientRect();
      if (!td.isConnected || r.bottom < box.top || r.top > box.bottom) closePopover();
      else placePopover(td);
    }

    // flashSource marks the line of a cell's value and scrolls the source to it.
    function flashSource(sp) {
      if (!state.view || !state.view.lines) return;
      state.flash = lineRange(sp[0]);
      paintSource();
      state.flash = null;
      scrollSourceToSelection();
    }


    // ---------- review, exports ----------

    // mdEscape keeps report text from forming Markdown: every ASCII punctuation is literal.
    function mdEscape(s) {
      return String(s).replace(/[\\`*_{}\[\]()#+\-.!|<>~&"'=:;$%@^?,\/]/g, (c) => '\\' + c);
    }

    function mdMessage(s) {
      return String(s).split('\n').map(mdEscape).join('\\\n   ');
    }

    function reviewMarkdown() {
      const res = state.result;
      const out = [];
      const today = new Date();
      const date = today.getFullYear() + '年' + (today.getMonth() + 1) + '月' + today.getDate() + '日';
      out.push('# 政府信息公开工作年度报告审核意见', '');
      if (!res) {
        out.push('尚未检查报告。');
        return out.join('\n');
      }
      const c = counts();
      out.push('- 报告单位：' + mdEscape(res.agency || '未识别'));
      out.push('- 报告年度：' + (res.year != null ? res.year + ' 年' : '未识别'));
      if (state.doc && state.doc.name && !state.doc.sample) out.push('- 文件：' + mdEscape(state.doc.name));
      out.push('- 模板：' + mdEscape(TEMPLATE_NAMES[res.template] || res.template));
      if (state.prev && state.prevResult) {
        const o = state.prevResult;
        out.push('- 跨年度比对：' + mdEscape((state.prev.doc.name || '另一份报告') + '（' + (o.year != null ? o.year + ' 年' : '年度未识别') + '）'));
      }
      out.push('- 审核日期：' + date);
      out.push('- 检查工具：年报校验 ' + mdEscape(api() ? api().version : ''), '');
      if (c.error) out.push('经逐格核对，报告中有 **' + c.error + '** 处需要更正的错误' + (c.warning ? '，另有 ' + c.warning + ' 处需要核实' : '') + '，详见下文。', '');
      else if (c.warning) out.push('经逐格核对，未发现必须更正的错误，有 ' + c.warning + ' 处需要核实，详见下文。', '');
      else out.push('经逐格核对，未发现表格勾稽关系和格式方面的问题。', '');
      const live = state.F.filter((f) => !f.dismissed);
      const sections = [
        ['需要更正的问题', live.filter((f) => !f.reader && f.severity === 'error')],
        ['需要核实的问题', live.filter((f) => !f.reader && f.severity === 'warning')],
        ['提示', live.filter((f) => !f.reader && f.severity !== 'error' && f.severity !== 'warning')],
        ['未能自动读取的内容（请人工核对原文，不属于报告错误）', live.filter((f) => f.reader)],
      ];
      const numerals = ['一', '二', '三', '四', '五', '六'];
      let k = 0;
      for (const [title, list] of sections) {
        if (!list.length) continue;
        out.push('## ' + numerals[k++] + '、' + title, '');
        const groups = new Map();
        for (const f of list) {
          const g = f.reader ? '' : f.group || '结构';
          if (!groups.has(g)) groups.set(g, []);
          groups.get(g).push(f);
        }
        for (const g of [...groups.keys()].sort((a, b) => rankGroup(a) - rankGroup(b))) {
          if (g) out.push('### ' + mdEscape(g), '');
          groups.get(g).forEach((f, n) => {
            const loc = where(f);
            out.push((n + 1) + '. **' + mdEscape(f.title || f.rule) + '**' + (loc ? '（' + mdEscape(loc) + '）' : '') + '：' + mdMessage(f.message));
          });
          out.push('');
        }
      }
      const dismissed = state.F.filter((f) => f.dismissed);
      if (dismissed.length) {
        out.push('## ' + numerals[k++] + '、经人工核实不作为问题的事项', '');
        dismissed.forEach((f, n) => {
          const note = state.dismissed[f.fp] || {};
          out.push((n + 1) + '. **' + mdEscape(f.title || f.rule) + '**：' + mdMessage(f.message) + '\\\n   说明：' + mdEscape(note.note || '（无）'));
        });
        out.push('');
      }
      out.push('---', '', '本意见由“年报校验”逐格核对生成，数字均取自报告原文，请结合原文复核。');
      return out.join('\n');
    }

    const ALLOWED = new Set(['H1', 'H2', 'H3', 'H4', 'P', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'CODE', 'PRE', 'BLOCKQUOTE',
      'HR', 'BR', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'DEL']);

    // safeCopy rebuilds parsed HTML with whitelisted elements and no attributes.
    function safeCopy(node, into) {
      for (const n of node.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) into.append(n.textContent);
        else if (n.nodeType === Node.ELEMENT_NODE) {
          if (ALLOWED.has(n.tagName)) {
            const el = document.createElement(n.tagName.toLowerCase());
            if (n.tagName === 'OL' && /^\d+$/.test(n.getAttribute('start') || '')) el.setAttribute('start', n.getAttribute('start'));
            safeCopy(n, el);
            into.append(el);
          } else safeCopy(n, into);
        }
      }
    }

    // renderReview renders the review through goldmark in the full module, which it starts
    // if need be (printing meanwhile prints the Markdown as it is).
    function renderReview(printing) {
      const md = reviewMarkdown();
      const body = $('review-body');
      const full = engine.api('full');
      const html = full ? full.markdown(md) : null;
      if (typeof html === 'string') {
        const doc = new DOMParser().parseFromString(html, 'text/html'); // inert: nothing loads or runs
        const frag = document.createDocumentFragment();
        safeCopy(doc.body, frag);
        body.replaceChildren(frag);
      } else if (full || printing) {
        body.replaceChildren(h('pre', null, md)); // the Markdown as it is
      } else {
        body.replaceChildren(h('p', { class: 'muted loading-full' }, LOADING_FULL));
        loadFull().then(() => {
          if (!$('review').hidden) renderReview();
        }, () => body.replaceChildren(h('pre', null, md)));
      }
      return md;
    }

    function showReview() {
      renderReview();
      overlay('review', true, 'review-close');
    }

    function closeReview() {
      overlay('review', false);
    }

    function baseName() {
      const r = state.result;
      let name = (r && r.agency ? r.agency : '年度报告') + (r && r.year ? r.year + '年' : '');
      if (!r || !r.agency) {
        const d = state.doc;
        if (d && d.name && !d.sample) name = d.name.replace(/\.[^.]+$/, '');
      }
      return name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || '年度报告';
    }

    function download(name, type, content) {
      const url = URL.createObjectURL(new Blob([content], { type }));
      const a = h('a', { href: url, download: name });
      ctx.frame.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      say('已生成 ' + name);
    }

    function csvCell(v) {
      let s = v == null ? '' : String(v);
      if (/^[=+@\t\r]/.test(s) || /^-[^\d.]/.test(s)) s = "'" + s; // not a spreadsheet formula
      return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }

    function cellText(c) {
      if (!c) return '';
      return c.value != null ? fmtNum(c.value) : c.raw || '';
    }

    function tablesCSV() {
      const res = state.result;
      const rows = [];
      if (!res) return '';
      for (const t of res.tables || []) {
        const cols = t.columns || [];
        rows.push([t.title]);
        rows.push(['分组', '项目', ...cols.map((c) => (c.group ? c.group + '·' : '') + c.label)]);
        (t.rows || []).forEach((r, ri) => {
          const line = (t.cells && t.cells[ri]) || [];
          rows.push([r.group || '', r.label, ...cols.map((c, ci) => (line[ci] ? cellText(res.cells[line[ci]]) : ''))]);
        });
        rows.push([]);
      }
      if ((res.stats || []).length) {
        rows.push(['政府信息公开工作统计表'], ['统计指标', '单位', '本年', '历年累计']);
        for (const s of res.stats) rows.push([s.label, s.unit, ...(s.values || []).map((v) => (v == null ? '' : fmtNum(v)))]);
      }
      return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
    }

    // ---------- batch: many files, one summary ----------

    const BATCH_COLS = [
      { key: 'file', label: '文件' }, { key: 'agency', label: '机关' }, { key: 'year', label: '年度', num: true },
      { key: 'template', label: '模板' }, { key: 'errors', label: '错误', num: true }, { key: 'warnings', label: '警告', num: true },
      { key: 'reader', label: '读取问题', num: true }, { key: 'cross', label: '跨年度比对' }, { key: 'note', label: '备注' },
    ];
    const REPORT_FILE = /\.(txt|text|html?|docx|doc|wps|md|markdown|pdf|ofd)$/i;
    const isReport = (f) => REPORT_FILE.test(f.name) && !/^[.~]/.test(f.name);

    // relPaths keeps the path within a dropped folder of each file read from it (such
    // files, unlike a chosen folder's, have no webkitRelativePath).
    const relPaths = new WeakMap();
    const pathOf = (f) => relPaths.get(f) || f.webkitRelativePath || f.name;

    // filesOfEntries reads dropped folders (FileSystemEntry) into their files.
    async function filesOfEntries(entries) {
      const out = [];
      const walk = async (en, path) => {
        if (en.isFile) {
          try {
            const f = await new Promise((a, b) => en.file(a, b));
            relPaths.set(f, path + f.name);
            out.push(f);
          } catch (e) { /* an unreadable entry is skipped */ }
        } else if (en.isDirectory) {
          const reader = en.createReader();
          for (;;) {
            const batch = await new Promise((a) => reader.readEntries(a, () => a([])));
            if (!batch.length) break;
            for (const c of batch) await walk(c, path + en.name + '/');
          }
        }
      };
      for (const en of entries) await walk(en, '');
      return out;
    }

    // openSingle opens one file as before, leaving any batch summary.
    function openSingle(file) {
      if (!file) return;
      if (state.batch) closeBatch();
      openFile(file);
    }

    // openBatch checks files one by one, yielding to the page between them, and shows
    // a summary row for each.
    async function openBatch(files) {
      const run = { files, rows: [], sort: null, dir: 1, done: false };
      state.batch = run;
      page.batch = { total: files.length, done: 0, finished: false };
      $('batch').hidden = false;
      ctx.frame.classList.add('batch-list');
      $('batch-back').hidden = true;
      renderBatch();
      for (let i = 0; i < files.length; i++) {
        if (state.batch !== run) return; // another batch or a single file replaced it
        progress(run, i);
        await new Promise((r) => setTimeout(r, 0)); // let the progress bar paint
        run.rows.push(await batchRow(files[i], i));
        renderBatch();
      }
      if (state.batch !== run) return;
      await crossYears(run);
      if (state.batch !== run) return;
      run.done = true;
      progress(run, files.length);
      page.batch = { total: files.length, done: files.length, finished: true };
      say('批量检查完成：共 ' + files.length + ' 个文件');
    }

    // crossYears compares the reports of one body for consecutive years in the batch:
    // the newer one's row counts the cross-year findings, and opening it shows them.
    async function crossYears(run) {
      let pairs;
      try {
        pairs = await engine.pairUp(run.rows.map((r) => ({ year: r.year, agency: r.agency, input: { error: r.errors == null ? r.note || '无法读取' : '' } })));
      } catch (e) {
        return; // the batch stands without the comparison
      }
      if (!Array.isArray(pairs) || !pairs.length) return;
      $('batch-count').textContent = '正在比对相邻年度的报告…';
      for (const [o, n] of pairs) {
        if (state.batch !== run) return;
        const older = run.rows[o], newer = run.rows[n];
        let out;
        try {
          const [a, b] = await Promise.all([run.files[o], run.files[n]].map((f) => f.arrayBuffer().then((buf) => new Uint8Array(buf))));
          out = await engine.compareYears(a, { name: run.files[o].name }, b, { name: run.files[n].name });
        } catch (e) {
          out = failed(e);
        }
        if (!Array.isArray(out) || !out[1] || out[1].error) {
          newer.cross = '与 ' + older.file + ' 比对失败';
          continue;
        }
        fillRow(newer, out[1]);
        const found = (out[1].findings || []).filter((f) => f.rule.startsWith('crossyear.') && f.rule !== 'crossyear.pair').length;
        newer.prev = o;
        newer.cross = '上年 ' + older.file + '：' + (found ? found + ' 处问题' : '未发现问题');
        if (!older.cross) older.cross = '下年 ' + newer.file;
        renderBatch();
        await new Promise((r) => setTimeout(r, 0));
      }
    }

    function progress(run, n) {
      $('batch-progress').max = run.files.length;
      $('batch-progress').value = n;
      $('batch-count').textContent = '已检查 ' + n + '/' + run.files.length;
      if (page.batch) page.batch.done = n;
    }

    async function batchRow(file, i) {
      const row = { i, file: pathOf(file), agency: '', year: null, template: '', errors: null, warnings: null, reader: null, cross: '', note: '' };
      if (!state.ready) {
        row.note = '检查程序未能启动';
        return row;
      }
      let bytes;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch (e) {
        row.note = '无法读取文件：' + (e && e.message ? e.message : e);
        return row;
      }
      let res;
      try {
        res = await engine.check(bytes, Object.assign({ name: file.name }, state.testOptions));
      } catch (e) {
        row.note = failed(e).error;
        return row;
      }
      return fillRow(row, res);
    }

    // fillRow puts a report's Result into its summary row.
    function fillRow(row, res) {
      if (!res || res.error) {
        row.note = (res && res.error) || '没有检查结果';
        return row;
      }
      const sum = res.summary || {};
      row.agency = res.agency || '';
      row.year = res.year || null;
      row.template = res.template ? (res.template === 'unknown' ? '未能识别' : res.template) : '';
      const inErr = res.input && res.input.error;
      if (inErr) row.note = inErr;
      else {
        row.errors = sum.errors || 0;
        row.warnings = sum.warnings || 0;
        row.reader = sum.reader || 0;
        if (res.template === 'unknown') row.note = '未能识别模板';
        else if (!res.agency) row.note = '未识别出机关名称，未做跨年度比对';
        else if (res.year == null) row.note = '未识别出报告年度，未做跨年度比对';
      }
      return row;
    }

    function sortedRows() {
      const run = state.batch;
      const rows = run.rows.slice();
      const col = BATCH_COLS.find((c) => c.key === run.sort);
      if (!col) return rows;
      rows.sort((a, b) => {
        const x = a[col.key], y = b[col.key];
        const ex = x == null || x === '', ey = y == null || y === '';
        if (ex || ey) return ex === ey ? a.i - b.i : ex ? 1 : -1; // blanks last, either way
        const d = col.num ? x - y : String(x).localeCompare(String(y), 'zh-CN');
        return d * run.dir || a.i - b.i;
      });
      return rows;
    }

    function sortBatch(key) {
      const run = state.batch;
      if (!run) return;
      if (run.sort === key) run.dir = -run.dir;
      else {
        run.sort = key;
        run.dir = BATCH_COLS.find((c) => c.key === key).num ? -1 : 1; // most errors first
      }
      renderBatch();
      const b = root.querySelector('#batch-head button[data-col="' + key + '"]');
      if (b) b.focus();
    }

    function renderBatch() {
      const run = state.batch;
      if (!run) return;
      $('batch-head').replaceChildren(...BATCH_COLS.map((c) => {
        const sorted = run.sort === c.key;
        return h('th', { scope: 'col', 'aria-sort': sorted ? (run.dir > 0 ? 'ascending' : 'descending') : null, class: c.num ? 'num' : null },
          h('button', { type: 'button', class: 'sort', 'data-col': c.key, title: '按' + c.label + '排序' },
            c.label, sorted ? (run.dir > 0 ? ' ▲' : ' ▼') : ''));
      }));
      $('batch-rows').replaceChildren(...sortedRows().map((r) => h('tr', { 'data-i': r.i, tabindex: '0', class: r.note && r.errors == null ? 'bad' : null, title: '打开这份报告' },
        BATCH_COLS.map((c) => h('td', { class: (c.num ? 'num ' : '') + 'c-' + c.key }, r[c.key] == null ? '' : String(r[c.key]))))));
      $('batch-csv').disabled = !run.rows.length;
    }

    // openBatchRow opens one report of the batch as a single file is opened, compared
    // with last year's when the batch has it.
    async function openBatchRow(i) {
      const run = state.batch;
      if (!run || !run.files[i]) return;
      ctx.frame.classList.remove('batch-list');
      ctx.frame.classList.add('batch-item');
      $('batch-back').hidden = false;
      const row = run.rows[i];
      $('batch-count').textContent = row.file;
      const prev = row.prev != null ? await docOfFile(run.files[row.prev]) : null;
      if (state.batch !== run) return;
      if (prev) state.prev = { doc: prev, batch: true };
      else if (state.prev && state.prev.batch) state.prev = null;
      openFile(run.files[i]);
    }

    function showBatchList() {
      const run = state.batch;
      if (!run) return;
      ctx.frame.classList.remove('batch-item');
      ctx.frame.classList.add('batch-list');
      $('batch-back').hidden = true;
      progress(run, run.done ? run.files.length : run.rows.length);
      const tr = root.querySelector('#batch-rows tr');
      if (tr) tr.focus();
    }

    function closeBatch() {
      state.batch = null;
      page.batch = null;
      if (state.prev && state.prev.batch) {
        state.prev = null;
        runCheck();
      }
      $('batch').hidden = true;
      ctx.frame.classList.remove('batch-list', 'batch-item');
    }

    function batchCSV() {
      const run = state.batch;
      if (!run) return '';
      const rows = [BATCH_COLS.map((c) => c.label), ...sortedRows().map((r) => BATCH_COLS.map((c) => r[c.key]))];
      return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
    }

    // ---------- the view's markup ----------

    // buildView returns the view's elements, the same for the page and the custom element.
    function buildView() {
      const btn = (id, label, attrs) => h('button', Object.assign({ type: 'button', id }, attrs), label);
      const item = (id, label) => btn(id, label, { role: 'menuitem' });
      const paneHead = (id, title, note) => h('div', { class: 'pane-head' }, h('h2', { id }, title), note);
      return [
        h('header', { class: 'bar' },
          h('div', { class: 'brand' }, h('h1', null, '年报校验'),
            h('span', { class: 'tagline' }, '政府信息公开工作年度报告 · 表格重建与勾稽检查（本机离线运行，数据不外传）')),
          h('nav', { class: 'actions', 'aria-label': '操作' },
            btn('open-file', '打开文件…', { title: '打开 .txt、.html、.docx、.doc、.pdf、.ofd、.md 文件（也可直接拖入页面）' }),
            h('input', { type: 'file', id: 'file-input', hidden: true, multiple: true, accept: '.txt,.text,.html,.htm,.docx,.doc,.wps,.md,.markdown,.pdf,.ofd,text/plain,text/html' }),
            btn('open-folder', '选择文件夹', { title: '检查一个文件夹中的全部报告' }),
            h('input', { type: 'file', id: 'folder-input', hidden: true, multiple: true, webkitdirectory: true }),
            h('details', { class: 'menu', id: 'compare-menu', title: '与同一机关上一年度（或下一年度）的报告比对：上年结转、现行有效件数、历年累计、内容雷同' },
              h('summary', null, '跨年度比对'),
              h('div', { class: 'menu-items', role: 'menu' },
                item('compare-file', '选择另一年度的报告文件…'), item('compare-paste', '粘贴另一年度的报告…'))),
            h('input', { type: 'file', id: 'compare-input', hidden: true, accept: '.txt,.text,.html,.htm,.docx,.doc,.wps,.md,.markdown,.pdf,.ofd,text/plain,text/html' }),
            btn('load-sample', '载入示例'),
            h('details', { class: 'menu', id: 'export-menu' }, h('summary', null, '导出'),
              h('div', { class: 'menu-items', role: 'menu' },
                item('show-review', '预览审核意见'), item('print-review', '打印审核意见'),
                item('save-md', '下载审核意见（Markdown）'), item('save-json', '下载检查结果（JSON）'),
                item('save-csv', '下载重建表格（CSV）'))),
            btn('clear-all', '清除全部', { title: '清空编辑区，并删除本机浏览器中保存的报告和忽略记录' }))),
        h('section', { id: 'summary', class: 'summary', 'aria-label': '检查摘要' }, h('span', { class: 'muted' }, '正在加载检查程序……')),
        h('div', { id: 'compare-bar', class: 'compare-bar', role: 'status', hidden: true }),
        h('div', { id: 'banner', class: 'banner', role: 'alert', hidden: true }),
        h('section', { id: 'batch', class: 'batch', hidden: true, 'aria-labelledby': 'batch-title' },
          h('div', { class: 'batch-bar' },
            h('h2', { id: 'batch-title' }, '批量检查'),
            h('progress', { id: 'batch-progress', max: '1', value: '0' }),
            h('span', { id: 'batch-count', class: 'muted' }),
            btn('batch-back', '返回汇总', { hidden: true }),
            btn('batch-csv', '导出汇总 CSV'),
            btn('batch-close', '关闭汇总')),
          h('div', { class: 'batch-body', id: 'batch-body' },
            h('table', { class: 'batch-table', id: 'batch-table' },
              h('thead', null, h('tr', { id: 'batch-head' })),
              h('tbody', { id: 'batch-rows' })))),
        h('main', { class: 'panes' },
          h('section', { class: 'pane', id: 'source-pane', 'aria-labelledby': 'source-title' },
            paneHead('source-title', '报告原文', h('span', { class: 'pane-note', id: 'source-note' }, '粘贴或拖入报告')),
            h('div', { class: 'docbar', id: 'docbar', hidden: true }, h('span', { id: 'docbar-text' }), btn('to-text', '改为可编辑文本')),
            h('div', { class: 'source', id: 'editor' },
              h('div', { class: 'backdrop src-text', id: 'backdrop', 'aria-hidden': 'true' }),
              h('textarea', { class: 'src-text', id: 'input', spellcheck: 'false', autocomplete: 'off', 'aria-label': '报告全文',
                placeholder: '在此粘贴政府信息公开工作年度报告全文（可直接从 Word、WPS 或网页复制），\n或把 .txt、.html、.docx、.doc、.pdf、.ofd、.md 文件拖到页面上。\n\n检查完全在本机浏览器中进行，报告内容不会发送到任何地方。' })),
            h('div', { class: 'source', id: 'docview-wrap', hidden: true },
              h('div', { class: 'docview src-text', id: 'docview', tabindex: '0', role: 'document', 'aria-label': '读入的报告文本（只读）' }))),
          h('section', { class: 'pane', id: 'tables-pane', 'aria-labelledby': 'tables-title' },
            paneHead('tables-title', '按模板重建的表格', h('span', { class: 'pane-note legend', 'aria-hidden': 'true' },
              h('span', { class: 'lg lg-total' }, '总计不符'), h('span', { class: 'lg lg-part' }, '相关单元格'),
              h('span', { class: 'lg lg-warn' }, '警告'), h('span', { class: 'lg lg-blank' }, '空'), h('span', { class: 'lg lg-reader' }, '未能读取'))),
            h('div', { class: 'pane-body', id: 'tables' }),
            h('div', { class: 'popover', id: 'popover', role: 'dialog', 'aria-label': '单元格的问题', hidden: true })),
          h('section', { class: 'pane', id: 'findings-pane', 'aria-labelledby': 'findings-title' },
            paneHead('findings-title', '问题', h('span', { class: 'pane-note', id: 'findings-note', title: 'F8 / Shift+F8：下一个 / 上一个问题' }, 'F8 下一个')),
            h('div', { class: 'pane-body', id: 'findings' }))),
        h('section', { id: 'review', class: 'review', hidden: true, 'aria-labelledby': 'review-title' },
          h('div', { class: 'review-bar' }, h('h2', { id: 'review-title' }, '审核意见预览'),
            btn('review-print', '打印'), btn('review-save', '下载 Markdown'), btn('review-close', '关闭')),
          h('article', { class: 'review-body', id: 'review-body' })),
        h('section', { id: 'compare-dialog', class: 'review compare-dialog', hidden: true, role: 'dialog', 'aria-labelledby': 'compare-title' },
          h('div', { class: 'review-bar' }, h('h2', { id: 'compare-title' }, '粘贴另一年度的报告'),
            btn('compare-go', '比对'), btn('compare-cancel', '取消')),
          h('textarea', { id: 'compare-text', class: 'compare-text', spellcheck: 'false', 'aria-label': '另一年度的报告全文',
            placeholder: '在此粘贴同一机关上一年度（或下一年度）的报告全文，然后点击“比对”。' })),
        h('div', { class: 'drop-hint', id: 'drop-hint', hidden: true }, '松开鼠标，检查这个文件'),
        h('div', { class: 'sr-only', id: 'status', role: 'status', 'aria-live': 'polite' }),
      ];
    }

    // ---------- wiring ----------

    function clearAll() {
      const btn = $('clear-all');
      if (!btn.dataset.armed) {
        btn.dataset.armed = '1';
        btn.textContent = '确认清除？';
        setTimeout(() => {
          delete btn.dataset.armed;
          btn.textContent = '清除全部';
        }, 4000);
        return;
      }
      delete btn.dataset.armed;
      btn.textContent = '清除全部';
      try {
        if (STORE_DISMISSED) localStorage.removeItem(STORE_DISMISSED);
        if (STORE_PREV) localStorage.removeItem(STORE_PREV);
      } catch (e) { /* nothing stored */ }
      state.dismissed = {};
      state.prev = null;
      $('input').value = '';
      setDoc({ kind: 'text', text: '', name: '' });
      banner('');
      say('已清除编辑区，并删除了本机保存的报告和忽略记录。');
      $('input').focus();
    }

    function bind() {
      const ta = $('input');
      ta.addEventListener('input', onInput);
      ta.addEventListener('scroll', syncScroll);
      ta.addEventListener('click', () => {
        if (!state.view || !state.view.pos) return;
        const fs = findingsAtIndex(ta.selectionStart);
        if (fs.length) select(fs[0].i, { scrollSource: false, scrollList: true });
      });
      ctx.events.addEventListener('paste', onPaste);
      new ResizeObserver(() => syncScroll()).observe(ta);

      $('docview').addEventListener('click', (e) => {
        const m = e.target.closest('mark[data-f]');
        if (m && m.dataset.f) select(+m.dataset.f.split(',')[0], { scrollSource: false, scrollList: true });
      });
      $('to-text').addEventListener('click', () => {
        setDoc({ kind: 'text', text: state.view.text, name: '' });
        $('input').focus();
      });

      $('open-file').addEventListener('click', () => $('file-input').click());
      $('file-input').addEventListener('change', (e) => {
        const files = [...e.target.files];
        if (files.length > 1) openBatch(files);
        else openSingle(files[0]);
        e.target.value = '';
      });
      $('open-folder').addEventListener('click', () => $('folder-input').click());
      $('folder-input').addEventListener('change', (e) => {
        const files = [...e.target.files].filter(isReport);
        e.target.value = '';
        if (files.length) openBatch(files);
        else banner('所选文件夹中没有可检查的报告文件');
      });
      const cmenu = $('compare-menu');
      $('compare-file').addEventListener('click', () => {
        cmenu.open = false;
        $('compare-input').click();
      });
      $('compare-paste').addEventListener('click', () => {
        cmenu.open = false;
        openComparePaste();
      });
      $('compare-cancel').addEventListener('click', closeComparePaste);
      $('compare-go').addEventListener('click', () => {
        const d = state.comparePasted;
        const text = $('compare-text').value;
        closeComparePaste();
        if (!text.trim()) return;
        // the clipboard's HTML flavour keeps the tables of a web page or a Word file
        comparePrev(d && d.text === text ? { kind: 'html', html: d.html, text, name: '粘贴的报告' } : { kind: 'text', text, name: '粘贴的报告' });
      });
      $('compare-text').addEventListener('paste', (e) => {
        const html = e.clipboardData && e.clipboardData.getData('text/html');
        const plain = e.clipboardData && e.clipboardData.getData('text/plain');
        state.comparePasted = html && /<table[\s>]/i.test(html) && plain ? { html, text: plain } : null;
      });
      $('compare-input').addEventListener('change', async (e) => {
        const file = e.target.files[0];
        e.target.value = '';
        const doc = await docOfFile(file);
        if (doc) comparePrev(doc);
      });
      $('compare-bar').addEventListener('click', (e) => {
        const b = e.target.closest('button');
        if (!b) return;
        if (b.id === 'compare-change') $('compare-input').click();
        else if (b.id === 'compare-off') comparePrev(null);
        else if (b.id === 'compare-swap' || b.id === 'compare-view') swapCompare();
      });
      $('batch-back').addEventListener('click', showBatchList);
      $('batch-close').addEventListener('click', closeBatch);
      $('batch-csv').addEventListener('click', () => download('批量检查汇总.csv', 'text/csv;charset=utf-8', batchCSV()));
      $('batch-head').addEventListener('click', (e) => {
        const b = e.target.closest('button[data-col]');
        if (b) sortBatch(b.dataset.col);
      });
      $('batch-rows').addEventListener('click', (e) => {
        const tr = e.target.closest('tr[data-i]');
        if (tr) openBatchRow(+tr.dataset.i);
      });
      $('batch-rows').addEventListener('keydown', (e) => {
        const tr = e.target.closest('tr[data-i]');
        if (tr && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          openBatchRow(+tr.dataset.i);
        }
      });
      $('load-sample').addEventListener('click', () => {
        if (state.ready) setDoc(sampleDoc());
      });
      $('clear-all').addEventListener('click', clearAll);

      $('findings').addEventListener('click', (e) => {
        const go = e.target.closest('.f-go');
        if (go) return select(+go.dataset.i);
        const d = e.target.closest('[data-dismiss]');
        if (d) return startDismiss(+d.dataset.dismiss);
        const r = e.target.closest('[data-restore]');
        if (r) return restore(+r.dataset.restore);
      });
      $('findings').addEventListener('keydown', (e) => {
        if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && e.target.classList.contains('f-go')) {
          const all = [...root.querySelectorAll('#findings .f-go')];
          const next = all[all.indexOf(e.target) + (e.key === 'ArrowDown' ? 1 : -1)];
          if (next) {
            next.focus();
            e.preventDefault();
          }
        }
      });

      $('tables').addEventListener('click', (e) => {
        const td = e.target.closest('td[data-cell]');
        if (td) showCellPopover(td);
      });
      $('popover').addEventListener('click', (e) => {
        if (e.target.closest('.pop-close')) return closePopover();
        const go = e.target.closest('.pop-go');
        if (go) select(+go.dataset.i, { scrollList: true, callout: false });
      });
      $('tables').addEventListener('scroll', followAnchor);
      window.addEventListener('resize', followAnchor);

      const menu = $('export-menu');
      const item = (id, fn) => $(id).addEventListener('click', () => {
        menu.open = false;
        fn();
      });
      item('show-review', showReview);
      item('print-review', () => window.print());
      if (!ctx.print) $('print-review').hidden = $('review-print').hidden = true;
      item('save-md', () => download(baseName() + '-审核意见.md', 'text/markdown;charset=utf-8', reviewMarkdown()));
      item('save-json', () => download(baseName() + '-检查结果.json', 'application/json', JSON.stringify(state.result || {}, null, 2)));
      item('save-csv', () => download(baseName() + '-重建表格.csv', 'text/csv;charset=utf-8', tablesCSV()));
      $('review-close').addEventListener('click', closeReview);
      $('review-print').addEventListener('click', () => window.print());
      $('review-save').addEventListener('click', () => download(baseName() + '-审核意见.md', 'text/markdown;charset=utf-8', reviewMarkdown()));
      // the review needs the full module (goldmark): start it when the menu opens
      menu.addEventListener('toggle', () => {
        if (menu.open && state.ready) loadFull().catch(() => {});
      });
      if (ctx.print) {
        window.addEventListener('beforeprint', () => {
          renderReview(true);
          ctx.frame.classList.add('printing');
        });
        window.addEventListener('afterprint', () => ctx.frame.classList.remove('printing'));
      }

      ctx.events.addEventListener('keydown', (e) => {
        if (e.key === 'F8') {
          e.preventDefault();
          step(e.shiftKey ? -1 : 1);
        } else if (e.key === 'Escape') {
          if (!$('popover').hidden) closePopover();
          else if (!$('compare-dialog').hidden) closeComparePaste();
          else if (!$('review').hidden) closeReview();
          else if (menu.open) menu.open = false;
        }
      });
      ctx.events.addEventListener('click', (e) => {
        if (menu.open && !menu.contains(e.target)) menu.open = false;
        if (cmenu.open && !cmenu.contains(e.target)) cmenu.open = false;
        if (!$('popover').hidden && !e.target.closest('#popover, #tables td[data-cell], #findings, #docview')) closePopover();
      });

      // drop a file anywhere on the page
      let depth = 0;
      const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
      ctx.drops.addEventListener('dragenter', (e) => {
        if (!hasFiles(e)) return;
        depth++;
        $('drop-hint').hidden = false;
      });
      ctx.drops.addEventListener('dragleave', () => {
        if (--depth <= 0) {
          depth = 0;
          $('drop-hint').hidden = true;
        }
      });
      ctx.drops.addEventListener('dragover', (e) => {
        if (hasFiles(e)) e.preventDefault();
      });
      ctx.drops.addEventListener('drop', (e) => {
        depth = 0;
        $('drop-hint').hidden = true;
        if (!hasFiles(e)) return;
        e.preventDefault();
        const dt = e.dataTransfer;
        // entries must be taken while the event runs; folders are read afterwards
        const entries = [...(dt.items || [])].map((it) => (it.kind === 'file' && it.webkitGetAsEntry ? it.webkitGetAsEntry() : null));
        const files = [...dt.files];
        if (entries.some((en) => en && en.isDirectory)) {
          filesOfEntries(entries.filter(Boolean)).then((all) => {
            all = all.filter(isReport);
            if (all.length) openBatch(all);
            else banner('拖入的文件夹中没有可检查的报告文件');
          });
        } else if (files.length > 1) openBatch(files);
        else openSingle(files[0]);
      });
    }

    // page is the small surface tests and tools may use; nothing here is needed by users.
    const page = {
      ready: false,
      full: false, // whether the full module has been started (Markdown, Word, PDF, goldmark)
      version: '',
      timing: {},
      lastResult: null,
      // setTestOptions adds options to every check (e.g. {__panic: true}, honoured by the bridge).
      setTestOptions(o) {
        state.testOptions = o || null;
      },
      recheck: () => runCheck(),
      select: (i) => select(i),
      review: () => reviewMarkdown(),
      csv: () => tablesCSV(),
      batch: null, // {total, done, finished} while a batch summary is shown
      batchCSV: () => batchCSV(),
      open: (name, bytes) => openFile(new File([bytes], name)),
      // compareWith sets the report of another year to compare with (null: stop comparing).
      compareWith: (input, name) => comparePrev(input == null ? null : givenDoc(input, name)),
      // load shows and checks an input (text goes into the editor, bytes are a file named
      // name); it returns a Promise of the Result shown for it. previous, when given, is
      // the report of another year to compare it with ({input, name}), or null for none.
      load(input, name, previous) {
        const id = ++state.loads;
        const shown = new Promise((resolve) => state.waiting.set(id, resolve));
        if (previous !== undefined) {
          state.prev = previous && previous.input != null ? { doc: givenDoc(previous.input, previous.name), batch: false } : null;
          savePrev();
        }
        if (typeof input === 'string') setDoc({ kind: 'text', text: input, name: name || '', loadId: id });
        else openFile(new File([input], name || ''), id);
        return shown;
      },
      // show renders a given Result over text, for testing the page without the checker.
      show(res, text) {
        state.doc = { kind: 'text', text, name: '' };
        $('input').value = text;
        showResult(res, state.doc);
      },
    };

    ctx.frame.prepend(...buildView());
    bind();
    const saved = restoreDoc(STORE_INPUT);
    const prevSaved = restoreDoc(STORE_PREV);
    if (prevSaved) state.prev = { doc: prevSaved, batch: false };
    if (saved) {
      state.doc = saved;
      if (saved.kind === 'text') {
        $('input').value = saved.text;
        showSource(plainView(saved.text));
      }
    } else showSource(plainView(''));
    renderSummary(null);
    // the engine started the lite module when it loaded; the first check runs once it is up
    state.timing.app = performance.now();
    startEngine();
    return page;
  }

  // ---------- the page, and the custom element ----------

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
})();
