// the source pane: the report's text with every finding's and cell's place highlighted.
import { h } from './dom.js';
import { utf8Positions, indexOfByte, lineStarts, lineOf } from './offsets.js';
import { FORMAT_NAMES } from './labels.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { $, state } = ui;

  // spanOf maps a cell's or finding's offsets to [start, end) in the shown text.
  function spanOf(obj) {
    const v = state.view;
    if (!v || !obj) return null;
    const at = obj[v.key];
    if (!at || at.length < 2 || at[1] < at[0]) return null;
    if (at[0] === 0 && at[1] === 0 && v.key === 'at' && obj.raw === '') return null; // cell never read
    return [indexOfByte(v.pos, at[0]), indexOfByte(v.pos, at[1])];
  }

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
    else if (doc.binary && !(res && ((res.tables || []).length || (res.stats || []).length))) v = { text: '', key: 'at', editable: false, note: '这个文件不是文本，未显示其内容' };
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
        const c = ui.cellObj(id);
        if (c) add(c, (id === f.total && !f.reader ? 'total-' : 'cell-') + sev, f.i);
      }
    }
    const sel = state.F[state.selected];
    if (state.flash) out.push(Object.assign({ cls: 'line', fi: -1 }, state.flash));
    else if (sel) {
      add(sel, 'sel', sel.i);
      for (const id of sel.cells || []) add(ui.cellObj(id), 'sel', sel.i);
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
      const sp = spanOf(ui.cellObj(id));
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
    if (v.editable && ui.wantsBig(state.doc, v.text)) {
      // megabytes laid out again at every keystroke froze the tab: a text this long is
      // edited plain in CodeMirror (bigtext.js), its findings listed but not painted in it
      target.replaceChildren();
      $('source-note').textContent = v.text.length + ' 字（文本较长，编辑区内不标出问题位置）';
      if (state.doc && state.doc.kind === 'text') ui.showBig(state.doc);
      return;
    }
    if (v.editable) ui.hideBig();
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
      const spans = [spanOf(f), ...(f.cells || []).map((id) => spanOf(ui.cellObj(id)))];
      if (spans.some((sp) => sp && sp[0] <= i && i < sp[1])) out.push(f);
    }
    return out;
  }

  // bind listens to the events of this part of the view.
  function bind() {
    $('docview').addEventListener('click', (e) => {
      const m = e.target.closest('mark[data-f]');
      if (m && m.dataset.f) ui.select(+m.dataset.f.split(',')[0], { scrollSource: false, scrollList: true });
    });
    $('to-text').addEventListener('click', () => {
      ui.setDoc({ kind: 'text', text: state.view.text, name: '' });
      $('input').focus();
    });
  }

  Object.assign(ui, { spanOf, plainView, viewFor, showSource, sourceRanges, lineRange, firstSpan, MARK_ORDER, paintSource, syncScroll, scrollSourceToSelection, findingsAtIndex });
  return bind;
}
