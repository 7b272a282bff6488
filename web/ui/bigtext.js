// bigtext: the editor for a text over LARGE_TEXT characters. Chromium lays out a
// <textarea>'s whole text at every keystroke: 1-4 s in a 5 MB report. CodeMirror 6
// (web/vendor/codemirror) draws only the lines in view, so such a text is edited there,
// plain (its findings listed, not painted in it). Loaded only when a long text appears;
// the textarea keeps the text until CodeMirror takes it over, whatever was typed meanwhile.
import { loadVendor } from './vendor.js';
import { LARGE_TEXT } from './limits.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { $, state } = ui;
  const big = { view: null, doc: null, loading: null }; // doc: the input CodeMirror edits

  function loadCodeMirror() {
    return loadVendor('nianbaoCodeMirror', 'nb-codemirror-src', new URL('../vendor/codemirror/codemirror.iife.js', import.meta.url).href, (cm) => cm.EditorView);
  }

  // wantsBig tells whether the editable text of doc goes to CodeMirror: a long text, or
  // one CodeMirror already edits (it stays there while it is edited shorter).
  function wantsBig(doc, text) {
    return text.length > LARGE_TEXT || (!!big.view && big.doc === doc);
  }

  // showBig puts doc's text into CodeMirror and shows it in the textarea's place; until
  // the library has loaded, the textarea stays (plain, nothing painted behind it).
  function showBig(doc) {
    if (big.view && big.doc === doc) return show(true);
    big.loading = big.loading || loadCodeMirror();
    big.loading.then((cm) => {
      if (state.doc !== doc || doc.kind !== 'text' || !state.view || !state.view.editable) return; // another input came first
      const text = $('input').value; // what was typed meanwhile too
      if (!big.view) big.view = create(cm, text);
      else big.view.setState(fresh(cm, text));
      big.doc = doc;
      show(true);
    }, (e) => ui.banner('长文本编辑器未能载入（' + e.message + '），仍可在原编辑区编辑。', 'warning'));
  }

  function fresh(cm, text) {
    const { EditorState, EditorView, keymap, history, historyKeymap, standardKeymap, drawSelection } = cm;
    return EditorState.create({
      doc: text,
      extensions: [history(), drawSelection(), keymap.of([...historyKeymap, ...standardKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': '报告全文', spellcheck: 'false' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) edited();
        })],
    });
  }

  function create(cm, text) {
    const parent = $('bigedit');
    return new cm.EditorView({ state: fresh(cm, text), parent });
  }

  // edited marks the text changed; the textarea and the input take it when checked.
  function edited() {
    state.bigDirty = true;
    state.dirty = true;
    ui.scheduleCheck(1500);
  }

  // syncBig copies CodeMirror's text into the input and the textarea, once before a check
  // rather than at every keystroke (a copy of megabytes).
  function syncBig() {
    if (!state.bigDirty || !big.view || state.doc !== big.doc) return;
    state.bigDirty = false;
    const text = big.view.state.doc.toString();
    big.doc.text = text;
    big.doc.sample = false;
    $('input').value = text;
  }

  // hideBig gives the editing back to the textarea (a new input, or a short one).
  function hideBig() {
    if (big.view && !$('bigedit').hidden) show(false);
  }

  function show(on) {
    $('bigedit').hidden = !on;
    $('input').hidden = on;
    $('backdrop').hidden = on;
  }

  function inBigEditor(node) {
    return !!big.view && !$('bigedit').hidden && big.view.dom.contains(node);
  }

  Object.assign(ui, { wantsBig, showBig, hideBig, syncBig, inBigEditor });
}
