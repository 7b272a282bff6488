// parts: a text holding several reports (a compilation, a crawled listing, reports pasted
// together), each checked on its own (the bridge's checkEach) and shown one at a time over
// the one text: the summary offers 逐份检查, then steps through 第 k/N 份.
import { h } from './dom.js';
import { lineOf } from './offsets.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { $, state, engine, say } = ui;

  // current is the parts of the report shown, or null: they belong to the input they
  // were checked from, and a new check of another input leaves them behind.
  const current = () => (state.parts && state.parts.doc === state.doc ? state.parts : null);

  // partsBar is the summary's line about the text's reports: 逐份检查 when the check read
  // the first and others follow, 第 k/N 份 with its steps once each is checked.
  function partsBar(res) {
    const p = current();
    if (p && res === p.results[p.k]) {
      const name = (r) => (r.agency || '未识别机关') + (r.year != null ? ' ' + r.year + '年' : '');
      return h('span', { class: 'parts', id: 'parts-bar', role: 'group', 'aria-label': '文本中的各份报告' },
        '第 ' + (p.k + 1) + '/' + p.results.length + ' 份：' + name(res),
        h('button', { type: 'button', class: 'link', id: 'parts-prev', disabled: p.k === 0 ? '' : null }, '上一份'),
        h('button', { type: 'button', class: 'link', id: 'parts-next', disabled: p.k + 1 >= p.results.length ? '' : null }, '下一份'));
    }
    if (res && res.summary && res.summary.others) {
      return h('button', { type: 'button', class: 'link', id: 'parts-each', title: '把文本中的每一份报告分别检查，逐份查看' }, '逐份检查');
    }
    return null;
  }

  // checkEach checks each report of the shown input and shows the first.
  async function checkEach() {
    const doc = state.doc;
    if (!doc) return;
    let results;
    try {
      const [input, opts] = ui.checkInput(doc);
      results = await engine.checkEach(input, ui.options(Object.assign({ held: true }, opts)));
    } catch (e) {
      if (e && e.cancelled) return;
      results = ui.failed(e);
    }
    if (state.doc !== doc) return; // another input since
    if (!Array.isArray(results) || !results.length || results[0].error) {
      ui.banner('逐份检查失败：' + ((results && results.error) || (results && results[0] && results[0].error) || '没有结果'));
      return;
    }
    state.parts = { doc, results, k: 0 };
    showPart(0);
    say('文本中共有 ' + results.length + ' 份报告，已逐份检查；正在显示第 1 份');
  }

  // showPart shows the k-th report's result over the whole text.
  function showPart(k) {
    const p = current();
    if (!p || k < 0 || k >= p.results.length) return;
    p.k = k;
    ui.showResult(p.results[k], p.doc);
    reveal(p.results[k]);
    const focus = $(k + 1 >= p.results.length ? 'parts-prev' : 'parts-next');
    if (focus) focus.focus();
  }

  // reveal scrolls the source pane to where a report's tables start: the first of its
  // cells read, by the line it stands on.
  function reveal(res) {
    let first = null;
    for (const c of Object.values(res.cells || {})) {
      const span = c.at && c.at[1] > c.at[0] ? ui.spanOf(c) : null;
      if (span && (first == null || span[0] < first)) first = span[0];
    }
    const v = state.view;
    if (first == null || !v) return;
    const line = lineOf(v, first);
    const box = v.editable ? $('input') : $('docview');
    const lh = parseFloat(getComputedStyle(box).lineHeight) || 20;
    box.scrollTop = Math.max(0, line * lh - box.clientHeight / 3);
    if (v.editable) ui.syncScroll();
  }

  function bind() {
    $('summary').addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      if (b.id === 'parts-each') checkEach();
      else if (b.id === 'parts-prev') showPart(current().k - 1);
      else if (b.id === 'parts-next') showPart(current().k + 1);
    });
  }

  Object.assign(ui, { partsBar, checkEach, showPart });
  return bind;
}
