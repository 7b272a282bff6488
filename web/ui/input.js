// input: the editor, pasting, opening a file, keeping the report for the next visit.
import { confirmed } from './dom.js';
import { store, forget } from './storage.js';
import { TEXT_FILE, FULL_FILE } from './labels.js';
import { limits, tooLarge, tooLong, binary as isBinary, LARGE_TEXT } from './limits.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { ctx, $, state, say, banner, STORE_INPUT, STORE_DISMISSED, STORE_PREV } = ui;

  // setDoc makes doc the current input: shows it, keeps it for the next visit, checks it.
  function setDoc(doc, opts) {
    opts = opts || {};
    state.doc = doc;
    state.selected = -1;
    ui.closePopover();
    if (doc.kind === 'text') {
      const ta = $('input');
      if (ta.value !== doc.text) ta.value = doc.text;
      ui.showSource(ui.plainView(doc.text));
    }
    if (opts.save !== false) saveDoc();
    ui.runCheck();
  }

  function saveDoc() {
    if (STORE_INPUT && state.doc && !store(STORE_INPUT, state.doc)) say('报告较大，未保存到本机，刷新页面后需要重新粘贴。');
  }

  // savePrev keeps the compared report (not one a batch chose) for the next visit.
  function savePrev() {
    if (!STORE_PREV) return;
    if (state.prev && !state.prev.batch) store(STORE_PREV, state.prev.doc);
    else forget(STORE_PREV);
  }

  function onInput() {
    const doc = state.doc && state.doc.kind === 'text' ? state.doc : { kind: 'text', name: '' };
    doc.text = $('input').value;
    doc.sample = false;
    state.doc = doc;
    state.dirty = true;
    // keep the backdrop aligned while typing, once a frame however many input events come
    if (!state.frame) {
      state.frame = requestAnimationFrame(() => {
        state.frame = 0;
        if (state.doc && state.doc.kind === 'text' && state.view && state.view.text !== state.doc.text) ui.showSource(ui.plainView(state.doc.text));
      });
    }
    // a long text is checked once typing pauses longer: each check of megabytes takes a while
    ui.scheduleCheck(state.pasted ? 0 : doc.text.length > LARGE_TEXT ? 1500 : 180);
    if (state.pasted === 'whole') {
      // a whole new report: show its start, not the end the caret is left at
      const ta = $('input');
      ta.setSelectionRange(0, 0);
      ta.scrollTop = 0;
      ui.syncScroll();
    }
    state.pasted = false;
  }

  function onPaste(e) {
    const dt = e.clipboardData;
    const ta = $('input');
    if (!dt || (e.target !== ta && e.target.closest && e.target.closest('input, textarea'))) return; // a note field
    const html = dt.getData('text/html');
    const plain = dt.getData('text/plain');
    const big = ((html.length + plain.length) * 3 > limits().maxInput && tooLarge(new Blob([html || plain]).size)) || (!html && tooLong(plain));
    if (big) {
      e.preventDefault(); // megabytes the checker would refuse stay out of the editor
      banner('无法使用粘贴的内容：' + big.replace('文件', '内容') + '。');
      return;
    }
    if (ui.inBigEditor(e.target)) return; // the long text's editor pastes it in place
    const inEditor = e.target === ta;
    const whole = !inEditor || !ta.value.trim() || (ta.selectionStart === 0 && ta.selectionEnd === ta.value.length);
    if (html && /<table[\s>]/i.test(html) && whole) {
      e.preventDefault();
      // Word, WPS and browsers put the table structure in the HTML flavour
      getSelection().removeAllRanges();
      setDoc({ kind: 'html', html, text: plain, name: '粘贴的内容.html' });
      say('已按表格结构读取粘贴的内容');
      return;
    }
    if (!plain) return;
    if (!inEditor || state.doc == null || state.doc.kind !== 'text') {
      e.preventDefault();
      setDoc({ kind: 'text', text: plain, name: '' });
      getSelection().removeAllRanges(); // a Ctrl+A outside the editor selected the page
      ta.focus();
      ta.setSelectionRange(0, 0);
      return;
    }
    if (whole) state.doc = { kind: 'text', text: ta.value, name: '' }; // a new report, not the file's
    // the browser's own paste: one input event, and Ctrl+Z still works
    state.pasted = whole ? 'whole' : true;
  }

  async function openFile(file, loadId) {
    const doc = await docOfFile(file);
    if (!doc) return;
    doc.loadId = loadId;
    setDoc(doc);
    say('已读入 ' + file.name);
  }

  // docOfFile reads a file into an input: a text file as editable text, in whatever
  // encoding it has, anything else as bytes. It says why when it cannot, and returns null.
  async function docOfFile(file) {
    if (!file) return null;
    const big = tooLarge(file.size);
    if (big) {
      banner('无法使用文件“' + file.name + '”：' + big + '。');
      return null;
    }
    if (FULL_FILE.test(file.name)) ui.loadFull().catch(() => {}); // start now, while the file is read
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      banner('无法读取文件“' + file.name + '”：' + e.message);
      return null;
    }
    banner('');
    // binary data is never decoded into the editor: the checker judges it as a file
    const binary = isBinary(bytes);
    if (!binary && (TEXT_FILE.test(file.name) || !/\.[a-z0-9]+$/i.test(file.name))) {
      const text = ui.decodeText(bytes, file.name);
      if (text != null) return { kind: 'text', text, name: file.name };
    }
    return { kind: 'file', name: file.name, bytes, binary };
  }

  function clearAll() {
    if (!confirmed($('clear-all'), '清除全部', '确认清除？')) return;
    try {
      if (STORE_DISMISSED) localStorage.removeItem(STORE_DISMISSED);
      if (STORE_PREV) localStorage.removeItem(STORE_PREV);
    } catch (e) { /* nothing stored */ }
    state.dismissed = {};
    state.prev = null;
    $('input').value = '';
    ui.setDoc({ kind: 'text', text: '', name: '' });
    banner('');
    say('已清除编辑区，并删除了本机保存的报告和忽略记录。');
    $('input').focus();
  }

  // bind listens to the events of this part of the view.
  function bind() {
    const ta = $('input');
    ta.addEventListener('input', ui.onInput);
    ta.addEventListener('scroll', ui.syncScroll);
    ta.addEventListener('click', () => {
      if (!state.view || !state.view.pos) return;
      const fs = ui.findingsAtIndex(ta.selectionStart);
      if (fs.length) ui.select(fs[0].i, { scrollSource: false, scrollList: true });
    });
    ctx.events.addEventListener('paste', ui.onPaste);
    new ResizeObserver(() => ui.syncScroll()).observe(ta);

    $('open-file').addEventListener('click', () => $('file-input').click());
    $('file-input').addEventListener('change', (e) => {
      const files = [...e.target.files];
      if (files.length > 1) ui.openBatch(files);
      else ui.openSingle(files[0]);
      e.target.value = '';
    });
    $('clear-all').addEventListener('click', clearAll);

    // drop a file anywhere on the page
    let depth = 0;
    const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    ctx.drops.addEventListener('dragenter', (e) => {
      if (!hasFiles(e)) return;
      depth++;
      $('drop-hint').hidden = false;
    });
    ctx.drops.addEventListener('dragleave', () => {
      if (--depth <= 0) {
        depth = 0;
        $('drop-hint').hidden = true;
      }
    });
    ctx.drops.addEventListener('dragover', (e) => {
      if (hasFiles(e)) e.preventDefault();
    });
    ctx.drops.addEventListener('drop', (e) => {
      depth = 0;
      $('drop-hint').hidden = true;
      if (!hasFiles(e)) return;
      e.preventDefault();
      const dt = e.dataTransfer;
      // entries must be taken while the event runs; folders are read afterwards
      const entries = [...(dt.items || [])].map((it) => (it.kind === 'file' && it.webkitGetAsEntry ? it.webkitGetAsEntry() : null));
      const files = [...dt.files];
      if (entries.some((en) => en && en.isDirectory)) {
        ui.filesOfEntries(entries.filter(Boolean)).then((all) => {
          all = all.filter(ui.isReport);
          if (all.length) ui.openBatch(all);
          else banner('拖入的文件夹中没有可检查的报告文件');
        });
      } else if (files.length > 1) ui.openBatch(files);
      else ui.openSingle(files[0]);
    });
  }

  Object.assign(ui, { setDoc, saveDoc, savePrev, onInput, onPaste, openFile, docOfFile });
  return bind;
}
