// tables: the statistics tables rebuilt cell by cell as the national template lays them out.
import { h, fmtNum } from './dom.js';
import { SEV_RANK } from './labels.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { root, $, state } = ui;

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
    // a table without problem cells still gets one Tab stop into its cells
    for (const t of box.querySelectorAll('section.tbl')) {
      if (!t.querySelector('.cellbtn:not(.clean)')) {
        const first = t.querySelector('.cellbtn');
        if (first) first.tabIndex = 0;
      }
    }
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
    else if (c.state === 'unread' || c.state === 'ambiguous') [text, kind] = ['未读出', 'unread']; // never 空: the reader failed, not the report
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
    const title = label + (c && c.raw !== undefined ? '\n原文：' + (c.raw === '' ? (kind === 'unread' ? '（未读出）' : '（空）') : c.raw) : '') +
      (fs.length ? '\n' + fs.length + ' 个问题，点击查看' : '');
    // every cell opens its pop-up; a cell with problems is a Tab stop, the others are
    // reached from it with the arrow keys (bind), not by two hundred presses of Tab
    const inner = fs.length
      ? h('button', { type: 'button', class: 'cellbtn', 'data-cell': id, 'aria-label': label + '：' + text + '，' + fs.length + ' 个问题' }, text)
      : h('button', { type: 'button', class: 'cellbtn clean', 'data-cell': id, tabindex: '-1', 'aria-label': label + '：' + text }, text);
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

  // step returns the cell button next to btn in the direction of an arrow key, or null.
  function step(btn, key) {
    const td = btn.closest('td');
    const tr = td.closest('tr');
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      let c = key === 'ArrowLeft' ? td.previousElementSibling : td.nextElementSibling;
      while (c && !c.querySelector('.cellbtn')) c = key === 'ArrowLeft' ? c.previousElementSibling : c.nextElementSibling;
      return c && c.querySelector('.cellbtn');
    }
    // up and down: the cell under the same column edge in the nearest row that has one
    const x = td.getBoundingClientRect().left + 1;
    for (let r = key === 'ArrowUp' ? tr.previousElementSibling : tr.nextElementSibling; r;
      r = key === 'ArrowUp' ? r.previousElementSibling : r.nextElementSibling) {
      for (const c of r.querySelectorAll('td')) {
        const b = c.getBoundingClientRect();
        if (b.left <= x && x < b.right) {
          const btn2 = c.querySelector('.cellbtn');
          if (btn2) return btn2;
          break;
        }
      }
    }
    return null;
  }

  // bind moves between the cells with the arrow keys.
  function bind() {
    $('tables').addEventListener('keydown', (e) => {
      if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key) || !e.target.classList.contains('cellbtn')) return;
      const next = step(e.target, e.key);
      if (!next) return;
      e.preventDefault();
      next.focus();
    });
  }

  Object.assign(ui, { renderTables, renderTable, cellTd, renderStats, cellObj, markSelectedCells });
  return bind;
}
