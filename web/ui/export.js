// export.js: the 审核意见 (review) as the reviewer sends it: on screen and on paper, as
// plain text, as Markdown and as a Word document.
//
// Contract (native ES module, no build step):
//   renderReview(model, doc = document) -> HTMLElement
//       The review model (core/review's Review as the bridge returns it: {title, facts,
//       verdict, sections: [{title, note, groups: [{name, items}]}], closing}) as a DOM
//       subtree, <article class="nb-review">, built with createElement and textContent
//       only. Installs, once per document, the print rules: while an .nb-review is
//       displayed (not inside [hidden], [inert], [aria-hidden="true"] or a closed
//       <dialog>), Ctrl+P prints that review alone, unclipped.
//   reviewText(model) -> string      the plain text, the same as Go's Review.Text()
//   copyText(text) -> Promise<bool>  to the clipboard; falls back to execCommand('copy')
//   saveDocx(model, fileName) -> Promise<Blob>   a .docx built with the docx library
//       (web/vendor/docx, v9.15.2, MIT), loaded only on first use: a global `docx`
//       if one is there, else the inert <script type="text/plain" id="nb-docx-src">
//       that a single-file build can carry (run as an inline script; its hash must be
//       in the CSP), else web/vendor/docx/docx.iife.js by a <script src> (script-src 'self').
//   saveMarkdown(text, fileName) -> Blob, saveText(text, fileName) -> Blob
//       the file offered as a download; the Blob is returned for tests and previews.
// Nothing here makes a network request: the library is the page's own file.

import { el, installStyle } from './dom.js';
import { loadVendor } from './vendor.js';

const SECTION_DISMISSED = '经人工核实不作为问题的事项';
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

// numeral numbers sections (一、) and groups (（一）) as an official document does.
const numeral = (i) => (i < NUMERALS.length ? NUMERALS[i] : String(i + 1));

// noteOf is an item's 说明 line: always shown for a dismissed finding, "（无）" when the
// reviewer gave no reason.
function noteOf(item, section) {
  if (!item.note && section.title !== SECTION_DISMISSED) return null;
  return item.note && item.note.trim() ? item.note : '（无）';
}

// itemLead is an item's first words: its title and, when it has one, its place.
const itemLead = (item) => item.title + (item.place ? '（' + item.place + '）' : '');

// eachSection walks the sections with their headings as every rendering numbers them.
function eachSection(model, fn) {
  (model.sections || []).forEach((s, k) => fn(s, numeral(k) + '、' + s.title));
}

// ---- plain text ----

export function reviewText(model) {
  const out = [model.title, ''];
  for (const f of model.facts || []) out.push(f.name + '：' + f.value);
  out.push('');
  for (const p of model.verdict || []) out.push(p, '');
  eachSection(model, (s, heading) => {
    out.push(heading);
    if (s.note) out.push(s.note);
    (s.groups || []).forEach((g, gi) => {
      if (g.name) out.push('（' + numeral(gi) + '）' + g.name);
      (g.items || []).forEach((it, n) => {
        const lead = n + 1 + '. ';
        const indent = ' '.repeat(lead.length);
        out.push(lead + itemLead(it) + '：' + it.message.split('\n').join('\n' + indent));
        const note = noteOf(it, s);
        if (note !== null) out.push(indent + '说明：' + note.split('\n').join('\n' + indent));
      });
    });
    out.push('');
  });
  out.push(model.closing);
  return out.join('\n') + '\n';
}

// ---- on screen and on paper ----

const PRINT_STYLE_ID = 'nb-review-print';
// SHOWN matches a review that is displayed; the print rules apply only then.
const SHOWN = '.nb-review:not([hidden] .nb-review):not([inert] .nb-review):not([aria-hidden="true"] .nb-review):not(dialog:not([open]) .nb-review)';
const PRINT_CSS = `
.nb-review { font-family: "FangSong", "仿宋", "STFangsong", serif; line-height: 1.7; color: #111; }
.nb-review h1 { font-family: "SimSun", "宋体", "Songti SC", serif; text-align: center; font-size: 1.5em; }
.nb-review h2, .nb-review h3 { font-family: "SimSun", "宋体", "Songti SC", serif; }
.nb-review h2 { font-size: 1.2em; margin: 1.2em 0 .4em; }
.nb-review h3 { font-size: 1.05em; margin: .8em 0 .3em; }
.nb-review .nb-review-facts { border-collapse: collapse; margin: .5em 0 1em; }
.nb-review .nb-review-facts th, .nb-review .nb-review-facts td { border: 1px solid #999; padding: .2em .6em; text-align: left; vertical-align: top; }
.nb-review .nb-review-facts th { font-weight: normal; white-space: nowrap; background: #f3f3f3; }
.nb-review ol { padding-left: 2em; }
.nb-review li { margin: .3em 0; }
.nb-review .nb-review-message { white-space: pre-line; }
.nb-review .nb-review-note { display: block; color: #333; }
.nb-review .nb-review-closing { border-top: 1px solid #999; padding-top: .6em; margin-top: 1.5em; }
@media print {
  body:has(${SHOWN}) *:not(:has(${SHOWN})):not(${SHOWN}):not(${SHOWN} *) { display: none !important; }
  body:has(${SHOWN}) *:has(${SHOWN}) {
    position: static !important; overflow: visible !important; height: auto !important; max-height: none !important;
    width: auto !important; max-width: none !important; transform: none !important; box-shadow: none !important;
    border: 0 !important; margin: 0 !important; padding: 0 !important; background: none !important;
    display: block !important;
  }
  ${SHOWN} { font-size: 12pt; }
  ${SHOWN} h2, ${SHOWN} h3 { break-after: avoid; }
  ${SHOWN} li, ${SHOWN} tr { break-inside: avoid; }
  ${SHOWN} button { display: none !important; }
}`;


export function renderReview(model, doc = document) {
  installStyle(doc, PRINT_STYLE_ID, PRINT_CSS);
  const root = el(doc, 'article', null, 'nb-review');
  root.lang = 'zh-CN';
  root.appendChild(el(doc, 'h1', model.title));

  const facts = el(doc, 'table', null, 'nb-review-facts');
  const body = facts.appendChild(doc.createElement('tbody'));
  for (const f of model.facts || []) {
    const tr = body.appendChild(doc.createElement('tr'));
    const th = tr.appendChild(el(doc, 'th', f.name));
    th.scope = 'row';
    tr.appendChild(el(doc, 'td', f.value));
  }
  root.appendChild(facts);
  for (const p of model.verdict || []) root.appendChild(el(doc, 'p', p, 'nb-review-verdict'));

  eachSection(model, (s, heading) => {
    const sec = root.appendChild(el(doc, 'section'));
    sec.appendChild(el(doc, 'h2', heading));
    if (s.note) sec.appendChild(el(doc, 'p', s.note, 'nb-review-section-note'));
    (s.groups || []).forEach((g, gi) => {
      if (g.name) sec.appendChild(el(doc, 'h3', '（' + numeral(gi) + '）' + g.name));
      const ol = sec.appendChild(doc.createElement('ol'));
      for (const it of g.items || []) {
        const li = ol.appendChild(doc.createElement('li'));
        li.dataset.rule = it.rule;
        li.dataset.severity = it.severity;
        li.appendChild(el(doc, 'strong', it.title));
        if (it.place) li.appendChild(el(doc, 'span', '（' + it.place + '）', 'nb-review-place'));
        li.appendChild(doc.createTextNode('：'));
        li.appendChild(el(doc, 'span', it.message, 'nb-review-message'));
        const note = noteOf(it, s);
        if (note !== null) li.appendChild(el(doc, 'span', '说明：' + note, 'nb-review-note'));
      }
    });
  });
  root.appendChild(el(doc, 'p', model.closing, 'nb-review-closing'));
  return root;
}

// ---- files ----

// offer hands a Blob to the browser as a download named fileName.
function offer(blob, fileName) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  return blob;
}

export function saveMarkdown(text, fileName) {
  return offer(new Blob([text], { type: 'text/markdown;charset=utf-8' }), fileName);
}

// saveText writes UTF-8 with a byte order mark, which older Windows editors and office
// systems need to tell it from GBK.
export function saveText(text, fileName) {
  return offer(new Blob(['\ufeff', text.replace(/\r?\n/g, '\r\n')], { type: 'text/plain;charset=utf-8' }), fileName);
}

export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch (_) {
    // denied (no focus, no permission): the selection below still works
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none';
  const focused = document.activeElement;
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch (_) {
    ok = false;
  }
  ta.remove();
  if (focused && focused.focus) focused.focus();
  return ok;
}

// loadDocx gets the docx library once, from wherever this page carries it.
export function loadDocx() {
  return loadVendor('docx', 'nb-docx-src', new URL('../vendor/docx/docx.iife.js', import.meta.url).href, (d) => d.Packer);
}

// Fonts and sizes of a Chinese official document: 宋体 headings, 仿宋 text (三号 16pt is
// the norm on paper; 四号 14pt keeps a long review readable), half-points in docx.
const FONT_BODY = '仿宋';
const FONT_HEAD = '宋体';
const SIZE_BODY = 28;

function docxRuns(D, text, opts = {}) {
  const lines = String(text).split('\n');
  return lines.map((line, i) => new D.TextRun({ text: line, break: i > 0 ? 1 : undefined, font: { ascii: opts.font || FONT_BODY, eastAsia: opts.font || FONT_BODY, hAnsi: opts.font || FONT_BODY }, ...opts.run }));
}

function docxPara(D, text, opts = {}) {
  return new D.Paragraph({ children: docxRuns(D, text, opts), ...opts.para });
}

function factsTable(D, facts) {
  const border = { style: D.BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text, width, shade) => new D.TableCell({
    borders,
    width: { size: width, type: D.WidthType.PERCENTAGE },
    shading: shade ? { type: D.ShadingType.CLEAR, fill: 'F3F3F3', color: 'auto' } : undefined,
    children: [docxPara(D, text)],
  });
  return new D.Table({
    width: { size: 100, type: D.WidthType.PERCENTAGE },
    rows: facts.map((f) => new D.TableRow({ children: [cell(f.name, 22, true), cell(f.value, 78, false)] })),
  });
}

// reviewDocument is the model as a docx Document.
function reviewDocument(D, model) {
  const head = (text, level, size) => docxPara(D, text, {
    font: FONT_HEAD,
    run: { bold: true, size },
    para: { heading: level, spacing: { before: 240, after: 120 }, alignment: level === D.HeadingLevel.TITLE ? D.AlignmentType.CENTER : undefined },
  });
  const children = [head(model.title, D.HeadingLevel.TITLE, 40)];
  children.push(factsTable(D, model.facts || []));
  for (const p of model.verdict || []) children.push(docxPara(D, p, { para: { spacing: { before: 200 }, indent: { firstLine: 560 } } }));
  eachSection(model, (s, heading) => {
    children.push(head(heading, D.HeadingLevel.HEADING_1, 32));
    if (s.note) children.push(docxPara(D, s.note));
    (s.groups || []).forEach((g, gi) => {
      if (g.name) children.push(head('（' + numeral(gi) + '）' + g.name, D.HeadingLevel.HEADING_2, SIZE_BODY));
      (g.items || []).forEach((it, n) => {
        const lead = n + 1 + '. ';
        const runs = [
          ...docxRuns(D, lead),
          ...docxRuns(D, it.title, { run: { bold: true } }),
          ...(it.place ? docxRuns(D, '（' + it.place + '）') : []),
          ...docxRuns(D, '：'),
          ...docxRuns(D, it.message),
        ];
        children.push(new D.Paragraph({ children: runs, spacing: { after: 80 }, indent: { left: 420, hanging: 420 } }));
        const note = noteOf(it, s);
        if (note !== null) children.push(docxPara(D, '说明：' + note, { para: { indent: { left: 420 } } }));
      });
    });
  });
  children.push(docxPara(D, model.closing, { para: { spacing: { before: 400 } }, run: { italics: false, color: '444444' } }));
  return new D.Document({
    creator: '年报校验',
    title: model.title,
    styles: {
      default: {
        document: { run: { size: SIZE_BODY, font: { ascii: FONT_BODY, eastAsia: FONT_BODY, hAnsi: FONT_BODY } }, paragraph: { spacing: { line: 360 } } },
      },
    },
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
  });
}

export async function saveDocx(model, fileName) {
  const D = await loadDocx();
  const blob = await D.Packer.toBlob(reviewDocument(D, model));
  return offer(blob, fileName);
}
