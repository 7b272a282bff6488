// review and exports: the 审核意见 (core/review's, through the bridge, shown and saved by
// export.js), the JSON and CSV downloads.
import { h, fmtNum } from './dom.js';
import { renderReview as reviewDOM, copyText, saveDocx, saveMarkdown, saveText } from './export.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { ctx, $, state, engine, say } = ui;

  // reviewOf asks the bridge for the 审核意见 of the result shown, written by core/review
  // (the command line's --review too) with the reviewer's dismissals and notes: {text, model}.
  function reviewOf(format) {
    const res = state.result;
    const a = ui.api();
    if (!res || !a || !a.review) return null;
    const dismissed = state.F.filter((f) => f.dismissed).map((f) => ({ index: f.i, note: (state.dismissed[f.fp] || {}).note || '' }));
    const opts = { format, dismissed };
    if (state.doc && state.doc.name && !state.doc.sample) opts.file = state.doc.name;
    if (state.prev && state.prevResult) {
      const o = state.prevResult;
      opts.compared = (state.prev.doc.name || '另一份报告') + '（' + (o.year != null ? o.year + ' 年' : '年度未识别') + '）';
    }
    try {
      const out = a.review(res, opts);
      return out && !out.error ? out : null;
    } catch (e) {
      ui.failed(e);
      return null;
    }
  }

  function reviewMarkdown() {
    const r = reviewOf('markdown');
    return r ? r.text : '# 政府信息公开工作年度报告审核意见\n\n尚未检查报告。\n';
  }

  // renderReview shows the review as a document (export.js), for the preview and for print.
  function renderReview() {
    const r = reviewOf('markdown');
    $('review-body').replaceChildren(r ? reviewDOM(r.model, document) : h('p', { class: 'muted' }, '尚未检查报告。'));
  }

  // copyReview puts the review's plain text on the clipboard, to paste into an office system.
  async function copyReview() {
    const r = reviewOf('text');
    if (!r) return say('尚未检查报告，没有审核意见可复制');
    say((await copyText(r.text)) ? '审核意见（纯文本）已复制' : '无法复制，请改用“下载纯文本”');
  }

  // saveReview offers the review as a file: Word, Markdown or plain text.
  async function saveReview(kind) {
    const r = reviewOf(kind === 'text' ? 'text' : 'markdown');
    if (!r) return say('尚未检查报告，没有审核意见可下载');
    const name = baseName() + '-审核意见';
    try {
      if (kind === 'docx') await saveDocx(r.model, name + '.docx');
      else if (kind === 'text') saveText(r.text, name + '.txt');
      else saveMarkdown(r.text, name + '.md');
      say('已生成 ' + name);
    } catch (e) {
      ui.banner('无法生成审核意见文件：' + (e && e.message ? e.message : e));
    }
  }

  function showReview() {
    renderReview();
    ui.overlay('review', true, 'review-close');
  }

  function closeReview() {
    ui.overlay('review', false);
  }

  function baseName() {
    const r = state.result;
    let name = (r && r.agency ? r.agency : '年度报告') + (r && r.year ? r.year + '年' : '');
    if (!r || !r.agency) {
      const d = state.doc;
      if (d && d.name && !d.sample) name = d.name.replace(/\.[^.]+$/, '');
    }
    return name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || '年度报告';
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = h('a', { href: url, download: name });
    ctx.frame.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say('已生成 ' + name);
  }

  function csvCell(v) {
    let s = v == null ? '' : String(v);
    if (/^[=+@\t\r]/.test(s) || /^-[^\d.]/.test(s)) s = "'" + s; // not a spreadsheet formula
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function cellText(c) {
    if (!c) return '';
    return c.value != null ? fmtNum(c.value) : c.raw || '';
  }

  function tablesCSV() {
    const res = state.result;
    const rows = [];
    if (!res) return '';
    for (const t of res.tables || []) {
      const cols = t.columns || [];
      rows.push([t.title]);
      rows.push(['分组', '项目', ...cols.map((c) => (c.group ? c.group + '·' : '') + c.label)]);
      (t.rows || []).forEach((r, ri) => {
        const line = (t.cells && t.cells[ri]) || [];
        rows.push([r.group || '', r.label, ...cols.map((c, ci) => (line[ci] ? cellText(res.cells[line[ci]]) : ''))]);
      });
      rows.push([]);
    }
    if ((res.stats || []).length) {
      rows.push(['政府信息公开工作统计表'], ['统计指标', '单位', '本年', '历年累计']);
      for (const s of res.stats) rows.push([s.label, s.unit, ...(s.values || []).map((v) => (v == null ? '' : fmtNum(v)))]);
    }
    return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  // bind listens to the events of this part of the view.
  function bind() {
    const menu = $('export-menu');
    const item = (id, fn) => $(id).addEventListener('click', () => {
      menu.open = false;
      fn();
    });
    item('show-review', ui.showReview);
    item('print-review', () => window.print());
    if (!ctx.print) $('print-review').hidden = $('review-print').hidden = true;
    item('copy-review', copyReview);
    item('save-docx', () => saveReview('docx'));
    item('save-md', () => saveReview('markdown'));
    item('save-txt', () => saveReview('text'));
    item('save-json', () => ui.download(ui.baseName() + '-检查结果.json', 'application/json', JSON.stringify(state.result || {}, null, 2)));
    item('save-csv', () => ui.download(ui.baseName() + '-重建表格.csv', 'text/csv;charset=utf-8', ui.tablesCSV()));
    $('review-close').addEventListener('click', ui.closeReview);
    $('review-print').addEventListener('click', () => window.print());
    $('review-copy').addEventListener('click', copyReview);
    $('review-docx').addEventListener('click', () => saveReview('docx'));
    $('review-save').addEventListener('click', () => saveReview('markdown'));
    if (ctx.print) {
      window.addEventListener('beforeprint', () => {
        ui.renderReview();
        ctx.frame.classList.add('printing');
      });
      window.addEventListener('afterprint', () => ctx.frame.classList.remove('printing'));
    }
    ctx.events.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !(!$('review').hidden)) return;
      e.preventDefault(); // one layer closes per Escape: the pop-up, a dialog, then a menu
      ui.closeReview();
    });
    ctx.events.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !(menu.open)) return;
      e.preventDefault(); // one layer closes per Escape: the pop-up, a dialog, then a menu
      menu.open = false;
    });
    ctx.events.addEventListener('click', (e) => {
      if (menu.open && !menu.contains(e.target)) menu.open = false;
    });
  }

  Object.assign(ui, { reviewOf, reviewMarkdown, renderReview, copyReview, saveReview, showReview, closeReview, baseName, download, csvCell, cellText, tablesCSV });
  return bind;
}
