// batch: many files checked one by one, a sortable summary row for each.
import { h } from './dom.js';
import { renderDashboard } from './dashboard.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { ctx, root, $, state, engine, say, banner } = ui;

  const BATCH_COLS = [
    { key: 'file', label: '文件' }, { key: 'agency', label: '机关' }, { key: 'year', label: '年度', num: true },
    { key: 'template', label: '模板' }, { key: 'errors', label: '错误', num: true }, { key: 'warnings', label: '警告', num: true },
    { key: 'reader', label: '未能读取', num: true }, { key: 'cross', label: '跨年度比对' }, { key: 'note', label: '备注' },
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
    ui.openFile(file);
  }

  // openBatch checks files one by one, yielding to the page between them, and shows
  // a summary row for each.
  async function openBatch(files) {
    const run = { files, rows: [], sort: null, dir: 1, done: false };
    state.batch = run;
    ui.page.batch = { total: files.length, done: 0, finished: false };
    $('batch').hidden = false;
    ctx.frame.classList.add('batch-list');
    $('batch-back').hidden = true;
    $('batch-dashboard').hidden = true;
    renderBatch();
    ui.busy('正在检查 0/' + files.length, () => {
      run.cancelled = true;
    });
    for (let i = 0; i < files.length && !run.cancelled; i++) {
      if (state.batch !== run) return; // another batch or a single file replaced it
      progress(run, i);
      await new Promise((r) => setTimeout(r, 0)); // let the progress bar paint
      const row = await batchRow(run, i);
      if (run.cancelled) break;
      run.rows.push(row);
      renderBatch();
    }
    if (state.batch !== run) return;
    if (!run.cancelled) {
      step(run, '正在比对相邻年度的报告');
      await crossYears(run);
    }
    if (state.batch !== run) return;
    ui.busy(null);
    run.done = true;
    renderOverview(run);
    progress(run, run.rows.length);
    ui.page.batch = { total: files.length, done: run.rows.length, finished: true, cancelled: !!run.cancelled };
    if (run.cancelled) say('批量检查已取消：已检查 ' + run.rows.length + '/' + files.length + ' 个文件');
    else say('批量检查完成：共 ' + files.length + ' 个文件');
  }

  // step says what the batch does now, in its bar and in the page's busy bar.
  function step(run, what) {
    $('batch-count').textContent = what;
    ui.busyStep(what);
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
    for (const [o, n] of pairs) {
      if (state.batch !== run || run.cancelled) return;
      const older = run.rows[o], newer = run.rows[n];
      let out;
      try {
        const [a, b] = await Promise.all([run.files[o], run.files[n]].map((f) => f.arrayBuffer().then((buf) => new Uint8Array(buf))));
        out = await engine.compareYears(a, ui.options({ name: run.files[o].name }), b, ui.options({ name: run.files[n].name }));
      } catch (e) {
        if (run.cancelled) return;
        out = ui.failed(e);
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
    if (ui.page.batch) ui.page.batch.done = n;
  }

  async function batchRow(run, i) {
    const file = run.files[i];
    const of = ' ' + (i + 1) + '/' + run.files.length + '：' + file.name;
    const row = { i, file: pathOf(file), agency: '', year: null, template: '', errors: null, warnings: null, reader: null, cross: '', note: '' };
    if (!state.ready) {
      row.note = '检查程序未能启动';
      return row;
    }
    let bytes;
    try {
      step(run, '正在读取' + of);
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      row.note = '无法读取文件：' + (e && e.message ? e.message : e);
      return row;
    }
    let res;
    try {
      step(run, '正在检查' + of);
      res = await engine.check(bytes, ui.options({ name: file.name }));
    } catch (e) {
      // a single report's check in the worker was stopped, and this one with it: again
      if (e && e.cancelled && !run.cancelled && state.batch === run) return batchRow(run, i);
      row.note = ui.failed(e).error;
      return row;
    }
    return fillRow(row, res);
  }

  // fillRow puts a report's Result into its summary row.
  function fillRow(row, res) {
    row.result = res && !res.error ? res : null; // for the dashboard
    if (!res || res.error) {
      row.note = (res && res.error) || '没有检查结果';
      return row;
    }
    const sum = res.summary || {};
    row.agency = res.agency || '';
    row.year = res.year || null;
    row.template = res.template ? ui.registry().shortNames[res.template] || res.template : ''; // 2021年格式, not 2021
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

  // renderOverview draws the batch at a glance (dashboard.js) above the summary rows: how
  // many reports are clean, partial, wrong or unusable, the rules that fire most.
  function renderOverview(run) {
    const rules = new Map(((ui.api() && ui.api().rules) || []).map((r) => [r.id, r.title]));
    const entries = run.rows.map((r) => ({
      name: r.file,
      result: r.result || { input: { error: r.note || '无法读取' }, findings: [], summary: {} },
      dismissed: [],
    }));
    renderDashboard($('batch-dashboard'), entries, {
      templateName: ui.templateName,
      ruleTitle: (id) => rules.get(id) || id,
      onOpen: (i) => openBatchRow(run.rows[i].i),
    });
    $('batch-dashboard').hidden = false;
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
    const prev = row.prev != null ? await ui.docOfFile(run.files[row.prev]) : null;
    if (state.batch !== run) return;
    if (prev) state.prev = { doc: prev, batch: true };
    else if (state.prev && state.prev.batch) state.prev = null;
    ui.openFile(run.files[i]);
  }

  function showBatchList() {
    const run = state.batch;
    if (!run) return;
    ctx.frame.classList.remove('batch-item');
    ctx.frame.classList.add('batch-list');
    $('batch-back').hidden = true;
    progress(run, run.rows.length);
    const tr = root.querySelector('#batch-rows tr');
    if (tr) tr.focus();
  }

  function closeBatch() {
    if (state.batch && !state.batch.done) {
      engine.cancel(); // its checks have no one to show them to
      ui.busy(null);
    }
    state.batch = null;
    ui.page.batch = null;
    if (state.prev && state.prev.batch) {
      state.prev = null;
      ui.runCheck();
    }
    $('batch').hidden = true;
    ctx.frame.classList.remove('batch-list', 'batch-item');
  }

  function batchCSV() {
    const run = state.batch;
    if (!run) return '';
    const rows = [BATCH_COLS.map((c) => c.label), ...sortedRows().map((r) => BATCH_COLS.map((c) => r[c.key]))];
    return '\ufeff' + rows.map((r) => r.map(ui.csvCell).join(',')).join('\r\n') + '\r\n';
  }

  // bind listens to the events of this part of the view.
  function bind() {
    $('open-folder').addEventListener('click', () => $('folder-input').click());
    $('folder-input').addEventListener('change', (e) => {
      const files = [...e.target.files].filter(ui.isReport);
      e.target.value = '';
      if (files.length) ui.openBatch(files);
      else banner('所选文件夹中没有可检查的报告文件');
    });
    $('batch-back').addEventListener('click', ui.showBatchList);
    $('batch-close').addEventListener('click', ui.closeBatch);
    $('batch-csv').addEventListener('click', () => ui.download('批量检查汇总.csv', 'text/csv;charset=utf-8', ui.batchCSV()));
    $('batch-head').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-col]');
      if (b) ui.sortBatch(b.dataset.col);
    });
    $('batch-rows').addEventListener('click', (e) => {
      const tr = e.target.closest('tr[data-i]');
      if (tr) ui.openBatchRow(+tr.dataset.i);
    });
    $('batch-rows').addEventListener('keydown', (e) => {
      const tr = e.target.closest('tr[data-i]');
      if (tr && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        ui.openBatchRow(+tr.dataset.i);
      }
    });
  }

  Object.assign(ui, { BATCH_COLS, REPORT_FILE, isReport, relPaths, pathOf, filesOfEntries, openSingle, openBatch, crossYears, progress, batchRow, fillRow, sortedRows, sortBatch, renderBatch, openBatchRow, showBatchList, closeBatch, batchCSV });
  return bind;
}
