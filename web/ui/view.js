// view: createView builds the checker's view into a document or a shadow root and
// composes its parts (web/ui/*.js), each of which adds its functions to one shared
// object (ui) and binds its own events. The same view serves three places (main.js):
// the page, the page in another site's iframe and the <nianbao-checker> element.
import { buildView } from './markup.js';
import { h } from './dom.js';
import { loadJSON, restoreDoc } from './storage.js';
import * as checker from './checker.js';
import * as input from './input.js';
import * as years from './years.js';
import * as source from './source.js';
import * as results from './results.js';
import * as tables from './tables.js';
import * as findings from './findings.js';
import * as popover from './popover.js';
import * as review from './review.js';
import * as batch from './batch.js';
import * as busy from './busy.js';
import * as bigtext from './bigtext.js';
import * as settings from './settings.js';
import * as menus from './menus.js';
import * as sample from './sample.js';
import * as parts from './parts.js';

// popover binds before years and review: Escape closes the pop-up before a dialog or a menu.
const PARTS = [checker, busy, bigtext, input, source, results, tables, findings, popover, years, review, batch, settings, menus, sample, parts];

// createView builds the view into ctx.frame and runs it. ctx:
//   root    the Document or ShadowRoot holding the view (ids are looked up in it)
//   frame   the element the view is built into (document.body for the page)
//   events  where keyboard, paste and click events are listened to (document, or the shadow root)
//   drops   where files may be dropped (window, or the shadow root)
//   store   {input, dismissed}: localStorage keys to keep the report across visits, or null
//   sample  load the sample report when there is no input
//   print   the view may print (only a whole page can)
//   onresult  called with every Result shown
// It returns the view's small API (nianbaoPage on the page).
export function createView(ctx) {
  const root = ctx.root;
  const STORE_INPUT = ctx.store && ctx.store.input;
  const STORE_DISMISSED = ctx.store && ctx.store.dismissed;
  const state = {
    ready: false,
    doc: null, // {kind:'text', text, name} | {kind:'html', html, text, name} | {kind:'file', name, bytes}
    prev: null, // the same body's report of another year to compare with: {doc, batch}
    prevResult: null, // its Result from the last comparison
    result: null,
    view: null, // what the source pane shows: {text, key, pos, lines, editable}
    F: [], // the result's findings, with index, fingerprint and dismissal
    byCell: new Map(), // cell id -> findings naming it
    selected: -1,
    dismissed: loadJSON(STORE_DISMISSED, {}),
    testOptions: null,
    timer: 0,
    timing: {},
    loads: 0, // inputs given through load(), and who waits for their results
    waiting: new Map(),
  };
  const $ = (id) => root.getElementById(id);
  const ui = {
    ctx, root, state, $,
    engine: self.nianbaoEngine,
    STORE_INPUT, STORE_DISMISSED,
    // the other year's report a comparison uses is kept beside the report
    STORE_PREV: STORE_INPUT && STORE_INPUT + '.previous',
    say(msg) {
      $('status').textContent = msg;
    },
    banner(msg, kind) {
      const b = $('banner');
      b.replaceChildren();
      if (!msg) {
        b.hidden = true;
        return;
      }
      b.className = 'banner ' + (kind || 'error');
      b.append(h('span', null, msg), h('button', { type: 'button', class: 'link', onclick: () => ui.banner('') }, '关闭'));
      b.hidden = false;
    },
  };
  const { STORE_PREV } = ui;

  // page is the small surface tests and tools may use; nothing here is needed by users.
  const page = {
    ready: false,
    full: false, // whether the full module has been started (Markdown, Word, PDF, goldmark)
    version: '',
    timing: {},
    lastResult: null,
    // setTestOptions adds options to every check (e.g. {__panic: true}, honoured by the bridge).
    setTestOptions(o) {
      state.testOptions = o || null;
    },
    recheck: () => ui.runCheck(),
    select: (i) => ui.select(i),
    review: () => ui.reviewMarkdown(),
    csv: () => ui.tablesCSV(),
    batch: null, // {total, done, finished} while a batch summary is shown
    batchCSV: () => ui.batchCSV(),
    open: (name, bytes) => ui.openFile(new File([bytes], name)),
    // compareWith sets the report of another year to compare with (null: stop comparing).
    compareWith: (input, name) => ui.comparePrev(input == null ? null : ui.givenDoc(input, name)),
    // load shows and checks an input (text goes into the editor, bytes are a file named
    // name); it returns a Promise of the Result shown for it. previous, when given, is
    // the report of another year to compare it with ({input, name}), or null for none.
    load(input, name, previous) {
      const id = ++state.loads;
      const shown = new Promise((resolve) => state.waiting.set(id, resolve));
      if (previous !== undefined) {
        state.prev = previous && previous.input != null ? { doc: ui.givenDoc(previous.input, previous.name), batch: false } : null;
        ui.savePrev();
      }
      if (typeof input === 'string') ui.setDoc({ kind: 'text', text: input, name: name || '', loadId: id });
      else ui.openFile(new File([input], name || ''), id);
      return shown;
    },
    // show renders a given Result over text, for testing the page without the checker.
    show(res, text) {
      state.doc = { kind: 'text', text, name: '' };
      $('input').value = text;
      ui.showResult(res, state.doc);
    },
  };

  ui.page = page;
  const binders = PARTS.map((part) => part.install(ui));
  ctx.frame.prepend(...buildView());
  for (const bind of binders) if (bind) bind(); // parts without events of their own return nothing
  const saved = restoreDoc(STORE_INPUT);
  const prevSaved = restoreDoc(STORE_PREV);
  if (prevSaved) state.prev = { doc: prevSaved, batch: false };
  if (saved) {
    state.doc = saved;
    if (saved.kind === 'text') {
      $('input').value = saved.text;
      ui.showSource(ui.plainView(saved.text));
    }
  } else ui.showSource(ui.plainView(''));
  ui.renderSummary(null);
  // the engine started the lite module when it loaded; the first check runs once it is up
  state.timing.app = performance.now();
  ui.startEngine();
  return page;
}
