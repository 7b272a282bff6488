// year against year: the report of another year to compare with, and the bar saying what the comparison found.
import { h } from './dom.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { ctx, $, state, say } = ui;

  // comparePrev sets the report of another year to compare the current one with (null
  // to stop comparing) and checks again.
  function comparePrev(doc, fromBatch) {
    state.prev = doc ? { doc, batch: !!fromBatch } : null;
    state.prevResult = null;
    ui.savePrev();
    if (doc && !fromBatch) say('已选择比对报告 ' + (doc.name || ''));
    ui.runCheck();
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
  // While one is open the rest of the view is inert: focus stays in the dialog, no Tab
  // stop behind it; closing it returns focus where it was.
  function overlay(id, show, focus) {
    const layer = $(id);
    if (show && layer.hidden) state.focusBefore = ui.root.activeElement;
    layer.hidden = !show;
    ctx.frame.classList.toggle('reviewing', show);
    for (const el of ctx.frame.children) {
      if (el !== layer && el.getAttribute('role') !== 'status') el.inert = show;
    }
    if (show && focus) $(focus).focus();
    if (!show && state.focusBefore) {
      const back = state.focusBefore;
      state.focusBefore = null;
      const menu = back.closest && back.closest('details.menu'); // opened from a menu, closed since
      if (back.isConnected) (menu && !menu.open ? menu.querySelector('summary') : back).focus();
    }
  }

  // swapCompare makes the comparison's report the one shown, and the shown one the
  // report it is compared with.
  function swapCompare() {
    const prev = state.prev;
    const doc = state.doc;
    if (!prev || !doc) return;
    state.prev = { doc, batch: prev.batch };
    ui.savePrev();
    const next = Object.assign({}, prev.doc);
    delete next.loadId;
    ui.setDoc(next);
  }

  // decodeText turns a text file into a string for the editor, in whatever encoding the
  // checker recognises (GB18030, Big5, UTF-16 …), so that it stays editable.
  function decodeText(bytes, name) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (e) { /* not UTF-8 */ }
    if (!state.ready) return null;
    const res = ui.check(bytes, { name });
    const enc = res && res.input && res.input.encoding;
    if (!enc) return null;
    try {
      return new TextDecoder(enc).decode(bytes);
    } catch (e) {
      return null;
    }
  }

  // bind listens to the events of this part of the view.
  function bind() {
    const cmenu = $('compare-menu');
    $('compare-file').addEventListener('click', () => {
      cmenu.open = false;
      $('compare-input').click();
    });
    $('compare-paste').addEventListener('click', () => {
      cmenu.open = false;
      ui.openComparePaste();
    });
    $('compare-cancel').addEventListener('click', ui.closeComparePaste);
    $('compare-go').addEventListener('click', () => {
      const d = state.comparePasted;
      const text = $('compare-text').value;
      ui.closeComparePaste();
      if (!text.trim()) return;
      // the clipboard's HTML flavour keeps the tables of a web page or a Word file
      ui.comparePrev(d && d.text === text ? { kind: 'html', html: d.html, text, name: '粘贴的报告' } : { kind: 'text', text, name: '粘贴的报告' });
    });
    $('compare-text').addEventListener('paste', (e) => {
      const html = e.clipboardData && e.clipboardData.getData('text/html');
      const plain = e.clipboardData && e.clipboardData.getData('text/plain');
      state.comparePasted = html && /<table[\s>]/i.test(html) && plain ? { html, text: plain } : null;
    });
    $('compare-input').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      e.target.value = '';
      const doc = await ui.docOfFile(file);
      if (doc) ui.comparePrev(doc);
    });
    $('compare-bar').addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      if (b.id === 'compare-change') $('compare-input').click();
      else if (b.id === 'compare-off') ui.comparePrev(null);
      else if (b.id === 'compare-swap' || b.id === 'compare-view') ui.swapCompare();
    });
    ctx.events.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !(!$('compare-dialog').hidden)) return;
      e.preventDefault(); // one layer closes per Escape: the pop-up, a dialog, then a menu
      ui.closeComparePaste();
    });
    ctx.events.addEventListener('click', (e) => {
      if (cmenu.open && !cmenu.contains(e.target)) cmenu.open = false;
    });
  }

  Object.assign(ui, { comparePrev, renderCompare, givenDoc, openComparePaste, closeComparePaste, overlay, swapCompare, decodeText });
  return bind;
}
