// popover: the box beside a cell, with what was read there and its findings.
import { h, fmtNum } from './dom.js';
import { SEV_LABEL } from './labels.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { ctx, $, state } = ui;

  function showCellPopover(td) {
    const id = td.dataset.cell;
    // the cell is now what is looked at: no finding stays highlighted beside it
    if (state.selected >= 0) {
      state.selected = -1;
      for (const el of ui.root.querySelectorAll('#findings .finding.current')) {
        el.classList.remove('current');
        el.querySelector('.f-go').removeAttribute('aria-current');
      }
      ui.markSelectedCells();
      ui.paintSource();
    }
    const c = ui.cellObj(id);
    const fs = (state.byCell.get(id) || []).filter((f) => !f.dismissed);
    const pop = $('popover');
    const raw = !c ? '未读到' : c.values ? c.values.map((v) => (v == null ? '空' : fmtNum(v))).join('，') + (c.unit ? ' ' + c.unit : '')
      : c.raw === '' ? (c.state === 'unread' || c.state === 'ambiguous' ? '（检查程序未能读出这一格）' : '（空白）') : c.raw;
    pop.replaceChildren(
      h('div', { class: 'pop-head' }, h('b', null, (c && c.label) || id),
        h('button', { type: 'button', class: 'link pop-close', 'aria-label': '关闭' }, '×')),
      h('p', { class: 'pop-raw' }, '原文：', raw),
      fs.length ? h('ol', { class: 'pop-list' }, fs.map((f) => h('li', { class: 's-' + (f.reader ? 'reader' : f.severity) },
        h('button', { type: 'button', class: 'pop-go', 'data-i': f.i },
          h('span', { class: 'tag t-' + (f.reader ? 'reader' : f.severity) }, f.reader ? '未能读取' : SEV_LABEL[f.severity]),
          ' ', h('b', null, f.title || f.rule)),
        h('div', { class: 'f-msg' }, f.message))))
        : clean(id));
    placePopover(td);
    pop.tabIndex = -1;
    pop.focus({ preventScroll: true }); // a keyboard user reads it next; Escape returns to the cell
    // the cell's own place in the source
    const sp = ui.spanOf(c);
    if (sp) flashSource(sp);
  }

  // clean says what a cell without findings took part in: the identities that held
  // with it (Result.held), with the report's numbers; or that none concerned it.
  function clean(id) {
    const held = ((state.result && state.result.held) || []).filter((c) => c.cells.includes(id));
    if (!held.length) return h('p', { class: 'muted' }, '此单元格没有问题（没有涉及它的勾稽关系，或相关的格未能读出）。');
    return h('div', { class: 'pop-held' },
      h('p', { class: 'muted' }, '此单元格没有问题，参与的 ' + held.length + ' 项核对均成立：'),
      h('ul', { class: 'pop-list' }, held.map((c) => h('li', { class: 's-held' }, h('b', null, '✓ ' + c.title), h('div', { class: 'f-msg' }, c.text)))));
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
    // beside the cell, right or left, level with it: above or below it would cover the
    // rows the finding relates it to; below only when neither side has room
    const spaceRight = pr.right - r.right - 14, spaceLeft = r.left - pr.left - 14;
    const beside = Math.max(spaceRight, spaceLeft) >= 220;
    const w = beside ? Math.min(360, Math.max(spaceRight, spaceLeft)) : Math.min(360, pr.width - 16);
    pop.style.width = w + 'px';
    let left, top;
    if (beside) {
      left = spaceRight >= w ? r.right - pr.left + 6 : r.left - pr.left - w - 6;
      top = Math.min(r.top - pr.top, pr.height - pop.offsetHeight - 8);
    } else {
      left = Math.max(8, Math.min(r.left - pr.left, pr.width - w - 8));
      top = r.bottom - pr.top + 6;
    }
    pop.style.left = left + 'px';
    pop.style.top = Math.max(40, top) + 'px';
  }

  function closePopover() {
    const pop = $('popover');
    if (!pop) return;
    // focus was in the pop-up: it goes back to the cell that opened it
    const back = pop.contains(ui.root.activeElement) && state.anchor && state.anchor.isConnected ? state.anchor.querySelector('button') || state.anchor : null;
    pop.hidden = true;
    state.anchor = null;
    if (back) back.focus();
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
    state.flash = ui.lineRange(sp[0]);
    ui.paintSource();
    state.flash = null;
    ui.scrollSourceToSelection();
  }

  // bind listens to the events of this part of the view.
  function bind() {
    $('tables').addEventListener('click', (e) => {
      const td = e.target.closest('td[data-cell]');
      if (td) ui.showCellPopover(td);
    });
    $('popover').addEventListener('click', (e) => {
      if (e.target.closest('.pop-close')) return ui.closePopover();
      const go = e.target.closest('.pop-go');
      if (go) ui.select(+go.dataset.i, { scrollList: true, callout: false });
    });
    $('tables').addEventListener('scroll', ui.followAnchor);
    window.addEventListener('resize', ui.followAnchor);
    ctx.events.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !(!$('popover').hidden)) return;
      e.preventDefault(); // one layer closes per Escape: the pop-up, a dialog, then a menu
      ui.closePopover();
    });
    ctx.events.addEventListener('click', (e) => {
      if (!$('popover').hidden && !e.target.closest('#popover, #tables td[data-cell], #findings, #docview')) ui.closePopover();
    });
  }

  Object.assign(ui, { showCellPopover, showCallout, placePopover, closePopover, followAnchor, flashSource });
  return bind;
}
