// sample: the sample report a first visit shows. The page says it is a sample and how to
// start; 载入示例 asks before it replaces a report, and can be undone.
import { h, confirmed } from './dom.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { $, state, say } = ui;

  // renderSampleNote says, above the panes, that the report shown is the sample.
  function renderSampleNote(doc) {
    const note = $('sample-note');
    if (!doc || !doc.sample) {
      note.hidden = true;
      note.replaceChildren();
      return;
    }
    note.replaceChildren(...[
      h('b', null, '这是示例报告。'),
      h('span', null, '它是一份真实的年度报告（表格中有一处标签被改动），用来演示检查结果。要检查您的报告，请直接粘贴全文，或把文件拖到页面上、点击“打开文件…”。'),
      state.beforeSample ? h('button', { type: 'button', class: 'link', id: 'sample-undo' }, '撤销，恢复原来的报告') : null,
      h('button', { type: 'button', class: 'link', id: 'sample-start' }, '清空编辑区，开始粘贴'),
    ].filter(Boolean));
    note.hidden = false;
  }

  // loadSample shows the sample; a report of the user's is replaced only on a second
  // click, and kept for 撤销.
  function loadSample() {
    if (!state.ready) return;
    const btn = $('load-sample');
    const doc = state.doc;
    const own = doc && !doc.sample && !ui.isEmpty(doc);
    if (own && !confirmed(btn, '载入示例', '确认替换当前报告？')) return;
    state.beforeSample = own ? doc : null;
    ui.setDoc(ui.sampleDoc());
    say(own ? '已载入示例报告，可以撤销' : '已载入示例报告');
  }

  function undoSample() {
    const doc = state.beforeSample;
    state.beforeSample = null;
    if (doc) ui.setDoc(Object.assign({}, doc, { loadId: undefined }));
    say('已恢复原来的报告');
  }

  // bind listens to the events of this part of the view.
  function bind() {
    $('load-sample').addEventListener('click', loadSample);
    $('sample-note').addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      if (b.id === 'sample-undo') undoSample();
      else if (b.id === 'sample-start') {
        state.beforeSample = null;
        $('input').value = '';
        ui.setDoc({ kind: 'text', text: '', name: '' });
        $('input').focus();
      }
    });
  }

  Object.assign(ui, { renderSampleNote, loadSample });
  return bind;
}
