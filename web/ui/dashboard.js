// dashboard.js: the batch at a glance, for the head of an office: how many reports are
// clean, have warnings, have errors, were checked only in part, are not reports or could
// not be used; which
// rules fire in most reports (an SVG bar chart drawn here, no library); and a table of
// every body with colour-coded counts, each row opening its report.
//
// Contract (native ES module, no build step):
//   renderDashboard(container, entries, {templateName, ruleTitle, onOpen}) -> {counts, rules}
//       entries: [{name, result, dismissed}], result the checker's Result (OUTPUT.md),
//       dismissed the findings the reviewer set aside: [{index}] (into result.findings)
//       or [{key}] (reviewKey below; the key core/review.Key makes), or a Set of indices.
//       templateName(code) -> the template's name as people say it ("2021 年格式…";
//       default: by window.nianbao.templates, the bridge's list from Go); ruleTitle(rule) -> the rule's Chinese title (default: the
//       finding's own title); onOpen(index, entry) when a row is opened.
//       Replaces container's children; data enters the DOM as text only. Returns the
//       tiles' counts ({errors, warnings, partial, clean, notReport, unusable}) and the
//       chart's bars.
//   statusOf(entry) -> 'errors' | 'warnings' | 'partial' | 'clean' | 'notReport' | 'unusable'
//       (one each: errors before a partial read, a partial read before warnings)
//   countsOf(entry) -> {errors, warnings, infos, unread}: findings not dismissed
//   reviewKey(result, finding) -> the key of a finding (core/review.Key's)
//   cellsCSV(entries, cells?) -> the tidy dataset of every cell as CSV, one file for the
//       batch (cells: the bridge's cells(results, {format}); default the full module's,
//       window.nianbaoFull or window.nianbao); inputs that could not be used are left out
//   reviewsBundle(entries, reviewOf) -> one plain-text document, a section per report;
//       reviewOf(entry) -> the review's text (the bridge's review(…, {format: "text"}).text
//       or reviewText(model) of export.js)

import { el, installStyle } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

// The tiles, in the order they are shown, named as the command line's batch summary
// names them.
export const STATUSES = [
  { id: 'errors', label: '有错误' },
  { id: 'warnings', label: '有警告' },
  { id: 'partial', label: '只核对了部分' },
  { id: 'clean', label: '未发现问题' },
  { id: 'notReport', label: '不是年度报告' },
  { id: 'unusable', label: '无法检查' },
];
const STATUS_LABEL = Object.fromEntries(STATUSES.map((s) => [s.id, s.label]));

export function reviewKey(result, f) {
  const cells = [...(f.cells || [])].sort();
  const vals = cells.map((id) => {
    const c = result.cells && result.cells[id];
    if (!c) return '?';
    return c.value != null ? String(c.value) : 'raw:' + c.raw;
  });
  return [f.rule, cells.join(','), vals.join(','), cells.length ? '' : f.message].join('|');
}

// dismissedSet is the indices of the findings an entry set aside.
function dismissedSet(entry) {
  const d = entry.dismissed;
  if (!d) return new Set();
  if (d instanceof Set) return d;
  const out = new Set();
  const findings = entry.result.findings || [];
  const keys = new Set();
  for (const x of d) {
    if (typeof x === 'number') out.add(x);
    else if (x && x.key) keys.add(x.key);
    else if (x && typeof x.index === 'number') out.add(x.index);
  }
  if (keys.size) findings.forEach((f, i) => keys.has(reviewKey(entry.result, f)) && out.add(i));
  return out;
}

// liveFindings are an entry's findings that were not set aside.
function liveFindings(entry) {
  const gone = dismissedSet(entry);
  return (entry.result.findings || []).filter((_, i) => !gone.has(i));
}

export function countsOf(entry) {
  const n = { errors: 0, warnings: 0, infos: 0, unread: 0 };
  for (const f of liveFindings(entry)) {
    if (f.origin === 'reader') n.unread++;
    else if (f.severity === 'error') n.errors++;
    else if (f.severity === 'warning') n.warnings++;
    else n.infos++;
  }
  return n;
}

// unusable: the input could not be used at all (empty, too large, a Word file that could
// not be read): the reader's failure, never called the report's.
const unusable = (result) => !!(result.input && result.input.error);

// notReport: the checker found no table in the text, or the bytes are text in no
// encoding (random data: core sets notReport beside the input's error).
const notReport = (result) => !!(result.summary && result.summary.notReport);

// unchecked: nothing of the report was checked.
const unchecked = (result) => unusable(result) || notReport(result);

export function statusOf(entry) {
  const r = entry.result;
  if (notReport(r)) return 'notReport'; // before unusable: random bytes are both
  if (unusable(r)) return 'unusable';
  const n = countsOf(entry);
  if (n.errors > 0) return 'errors';
  if (r.summary && (r.summary.unread > 0 || r.summary.others)) return 'partial';
  if (n.warnings > 0) return 'warnings';
  return 'clean';
}

// ruleCounts counts, per rule of the report's own (not the reader's), the reports in
// which it fires, most first.
function ruleCounts(entries, ruleTitle) {
  const by = new Map();
  const rank = { error: 0, warning: 1, info: 2 };
  for (const e of entries) {
    if (unchecked(e.result)) continue;
    const seen = new Set();
    for (const f of liveFindings(e)) {
      if (f.origin === 'reader' || seen.has(f.rule)) continue;
      seen.add(f.rule);
      const b = by.get(f.rule) || { rule: f.rule, title: ruleTitle(f.rule) || f.title || f.rule, severity: f.severity, reports: 0 };
      if ((rank[f.severity] ?? 3) < (rank[b.severity] ?? 3)) b.severity = f.severity;
      b.reports++;
      by.set(f.rule, b);
    }
  }
  return [...by.values()].sort((a, b) => b.reports - a.reports || a.rule.localeCompare(b.rule));
}


function svg(doc, tag, attrs) {
  const e = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

const STYLE_ID = 'nb-dashboard-style';
const CSS = `
.nb-dash { --nb-error: #b42318; --nb-warning: #8a5a00; --nb-info: #175cd3; --nb-clean: #067647; --nb-partial: #6941c6; --nb-notreport: #475467; --nb-unusable: #344054; font-size: 15px; }
.nb-dash-tiles { display: flex; flex-wrap: wrap; gap: .6em; margin: 0 0 1em; padding: 0; list-style: none; }
.nb-dash-tile { flex: 1 1 9em; border-radius: 6px; padding: .6em .8em; color: #fff; }
.nb-dash-tile b { display: block; font-size: 2em; line-height: 1.1; }
.nb-dash [data-status="errors"] { --nb-status: var(--nb-error); }
.nb-dash [data-status="warnings"] { --nb-status: var(--nb-warning); }
.nb-dash [data-status="partial"] { --nb-status: var(--nb-partial); }
.nb-dash [data-status="clean"] { --nb-status: var(--nb-clean); }
.nb-dash [data-status="notReport"] { --nb-status: var(--nb-notreport); }
.nb-dash [data-status="unusable"] { --nb-status: var(--nb-unusable); }
.nb-dash-tile, .nb-dash-status { background: var(--nb-status); }
.nb-dash-chart text { font-size: 13px; fill: #1d2939; }
.nb-dash-chart rect[data-severity="error"] { fill: var(--nb-error); }
.nb-dash-chart rect[data-severity="warning"] { fill: var(--nb-warning); }
.nb-dash-chart rect[data-severity="info"] { fill: var(--nb-info); }
.nb-dash-table { border-collapse: collapse; width: 100%; }
.nb-dash-table th, .nb-dash-table td { border-bottom: 1px solid #d0d5dd; padding: .3em .5em; text-align: left; }
.nb-dash-table .nb-n { text-align: right; font-variant-numeric: tabular-nums; }
.nb-dash-table td.nb-n[data-kind="errors"][data-some] { color: var(--nb-error); font-weight: bold; }
.nb-dash-table td.nb-n[data-kind="warnings"][data-some] { color: var(--nb-warning); font-weight: bold; }
.nb-dash-table td.nb-n[data-kind="unread"][data-some] { color: var(--nb-partial); font-weight: bold; }
.nb-dash-table td.nb-n:not([data-some]) { color: #667085; }
.nb-dash-status { display: inline-block; border-radius: 3px; padding: 0 .4em; color: #fff; white-space: nowrap; }
.nb-dash-open { font: inherit; background: none; border: 0; padding: 0; color: #175cd3; text-decoration: underline; cursor: pointer; text-align: left; }
`;


function tiles(doc, counts) {
  const ul = el(doc, 'ul', null, 'nb-dash-tiles');
  ul.setAttribute('aria-label', '报告总体情况');
  for (const s of STATUSES) {
    const li = ul.appendChild(el(doc, 'li', null, 'nb-dash-tile'));
    li.dataset.status = s.id;
    li.appendChild(el(doc, 'b', String(counts[s.id])));
    li.appendChild(el(doc, 'span', s.label + '（份）'));
  }
  return ul;
}

// chart draws the rules that fire in most reports as horizontal bars.
function chart(doc, bars) {
  const rowH = 24, labelW = 230, barW = 360, countW = 60;
  const max = Math.max(1, ...bars.map((b) => b.reports));
  const s = svg(doc, 'svg', { class: 'nb-dash-chart', role: 'img', width: labelW + barW + countW, height: Math.max(rowH, bars.length * rowH), viewBox: `0 0 ${labelW + barW + countW} ${Math.max(rowH, bars.length * rowH)}` });
  const title = svg(doc, 'title');
  title.textContent = '各规则涉及的报告数：' + bars.map((b) => b.title + ' ' + b.reports + ' 份').join('，');
  s.appendChild(title);
  bars.forEach((b, i) => {
    const y = i * rowH;
    const g = s.appendChild(svg(doc, 'g', { class: 'nb-dash-bar', 'data-rule': b.rule, 'data-reports': b.reports }));
    const label = g.appendChild(svg(doc, 'text', { x: labelW - 8, y: y + rowH / 2 + 5, 'text-anchor': 'end' }));
    label.textContent = b.title;
    g.appendChild(svg(doc, 'rect', { x: labelW, y: y + 4, height: rowH - 8, width: Math.max(2, Math.round((b.reports / max) * barW)), 'data-severity': b.severity }));
    const n = g.appendChild(svg(doc, 'text', { x: labelW + Math.round((b.reports / max) * barW) + 6, y: y + rowH / 2 + 5 }));
    n.textContent = b.reports + ' 份';
  });
  return s;
}

const COLUMNS = ['文件', '机关', '年度', '模板', '错误', '警告', '未能读取', '结论'];
const COUNTS = new Set(['错误', '警告', '未能读取']); // right-aligned, like their numbers

function table(doc, entries, templateName, onOpen) {
  const t = el(doc, 'table', null, 'nb-dash-table');
  t.appendChild(el(doc, 'caption', '各份报告（点击文件名查看）'));
  const head = t.appendChild(doc.createElement('thead')).appendChild(doc.createElement('tr'));
  COLUMNS.forEach((c) => {
    const th = head.appendChild(el(doc, 'th', c, COUNTS.has(c) ? 'nb-n' : null));
    th.scope = 'col';
  });
  const body = t.appendChild(doc.createElement('tbody'));
  entries.forEach((e, i) => {
    const r = e.result;
    const n = countsOf(e);
    const status = statusOf(e);
    const tr = body.appendChild(doc.createElement('tr'));
    tr.dataset.status = status;
    const name = tr.appendChild(doc.createElement('td'));
    const open = name.appendChild(el(doc, 'button', e.name, 'nb-dash-open'));
    open.type = 'button';
    open.addEventListener('click', () => onOpen && onOpen(i, e));
    tr.appendChild(el(doc, 'td', unchecked(r) ? '—' : r.agency || '未识别'));
    tr.appendChild(el(doc, 'td', unchecked(r) ? '—' : r.year != null ? String(r.year) : '未识别'));
    tr.appendChild(el(doc, 'td', unchecked(r) ? '—' : templateName(r.template)));
    for (const [kind, v] of [['errors', n.errors], ['warnings', n.warnings], ['unread', n.unread]]) {
      const td = tr.appendChild(el(doc, 'td', String(v), 'nb-n'));
      td.dataset.kind = kind;
      if (v > 0) td.dataset.some = '';
    }
    const st = tr.appendChild(doc.createElement('td')).appendChild(el(doc, 'span', STATUS_LABEL[status], 'nb-dash-status'));
    st.dataset.status = status;
  });
  return t;
}

// bridgeTemplateName names a template by the bridge's list (window.nianbao.templates),
// the registry in Go; the code itself only when no module is loaded.
function bridgeTemplateName(code) {
  const list = (globalThis.nianbao && globalThis.nianbao.templates) || [];
  const t = list.find((x) => x.id === code);
  return t ? t.name : code;
}

export function renderDashboard(container, entries, opts = {}) {
  const doc = container.ownerDocument;
  installStyle(doc, STYLE_ID, CSS);
  const templateName = opts.templateName || bridgeTemplateName;
  const ruleTitle = opts.ruleTitle || (() => '');
  const counts = Object.fromEntries(STATUSES.map((s) => [s.id, 0]));
  for (const e of entries) counts[statusOf(e)]++;
  const bars = ruleCounts(entries, ruleTitle).slice(0, 10);

  const root = el(doc, 'div', null, 'nb-dash');
  root.appendChild(el(doc, 'h2', `共 ${entries.length} 份`));
  root.appendChild(tiles(doc, counts));
  if (bars.length) {
    root.appendChild(el(doc, 'h3', '出现最多的问题（涉及报告数）'));
    root.appendChild(chart(doc, bars));
  }
  root.appendChild(table(doc, entries, templateName, opts.onOpen));
  container.replaceChildren(root);
  return { counts, rules: bars.map((b) => ({ rule: b.rule, title: b.title, reports: b.reports })) };
}

// ---- the batch's files ----

// defaultCells is the full module's cells(), the one that writes the dataset.
function defaultCells() {
  const api = globalThis.nianbaoFull && globalThis.nianbaoFull.cells ? globalThis.nianbaoFull : globalThis.nianbao;
  if (!api || !api.cells) throw new Error('需要完整检查模块（cells）');
  return api.cells;
}

// cellsCSV keeps the byte order mark Excel needs: Go writes one, but wasm_exec.js's
// TextDecoder drops a leading one when the string crosses into JavaScript.
export function cellsCSV(entries, cells = defaultCells()) {
  const csv = cells(entries.filter((e) => !unusable(e.result)).map((e) => e.result), { format: 'csv' });
  return typeof csv === 'string' && !csv.startsWith('\ufeff') ? '\ufeff' + csv : csv;
}

export function reviewsBundle(entries, reviewOf) {
  const rule = '='.repeat(40);
  const parts = entries.map((e, i) => `${rule}\n${i + 1}. ${e.name}\n${rule}\n\n${reviewOf(e).replace(/\s+$/, '')}\n`);
  return `审核意见汇编（共 ${entries.length} 份）\n\n` + parts.join('\n');
}
