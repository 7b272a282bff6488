// findings: the list of findings by group, selecting one, dismissing and restoring.
import { h } from './dom.js';
import { saveJSON } from './storage.js';
import { lineOf } from './offsets.js';
import { SEV_LABEL, SEV_RANK } from './labels.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { ctx, root, $, state, say, STORE_DISMISSED } = ui;

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
    const groups = ui.registry().groups;
    const i = groups.indexOf(g);
    return i < 0 ? groups.length : i;
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
    const lead = (f.total && ui.cellObj(f.total)) || ui.cellObj((f.cells || [])[0]);
    if (lead && lead.label) parts.push(lead.label);
    const sp = ui.firstSpan(f);
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
    ui.paintSource();
    if (opts.scrollSource !== false) ui.scrollSourceToSelection();
    const td = ui.markSelectedCells();
    if (td) {
      td.scrollIntoView({ block: 'center', inline: 'nearest' });
      if (opts.callout !== false) ui.showCallout(td, f);
    } else ui.closePopover();
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
    if (state.result) ui.showResult(state.result, state.doc);
  }

  // bind listens to the events of this part of the view.
  function bind() {
    $('findings').addEventListener('click', (e) => {
      const go = e.target.closest('.f-go');
      if (go) return ui.select(+go.dataset.i);
      const d = e.target.closest('[data-dismiss]');
      if (d) return ui.startDismiss(+d.dataset.dismiss);
      const r = e.target.closest('[data-restore]');
      if (r) return ui.restore(+r.dataset.restore);
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
    ctx.events.addEventListener('keydown', (e) => {
      if (e.key !== 'F8') return;
      e.preventDefault();
      ui.step(e.shiftKey ? -1 : 1);
    });
  }

  Object.assign(ui, { renderFindings, rankGroup, findingGroup, where, findingItem, select, step, startDismiss, dismiss, restore, rerender });
  return bind;
}
