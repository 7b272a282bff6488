// review and exports: the 审核意见, the JSON and CSV downloads.
import { h, fmtNum } from './dom.js';
import { LOADING_FULL } from './labels.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { ctx, $, state, engine, say } = ui;

  // mdEscape keeps report text from forming Markdown: every ASCII punctuation is literal.
  function mdEscape(s) {
    return String(s).replace(/[\\`*_{}\[\]()#+\-.!|<>~&"'=:;$%@^?,\/]/g, (c) => '\\' + c);
  }

  function mdMessage(s) {
    return String(s).split('\n').map(mdEscape).join('\\\n   ');
  }

  function reviewMarkdown() {
    const res = state.result;
    const out = [];
    const today = new Date();
    const date = today.getFullYear() + '年' + (today.getMonth() + 1) + '月' + today.getDate() + '日';
    out.push('# 政府信息公开工作年度报告审核意见', '');
    if (!res) {
      out.push('尚未检查报告。');
      return out.join('\n');
    }
    const c = ui.counts();
    out.push('- 报告单位：' + mdEscape(res.agency || '未识别'));
    out.push('- 报告年度：' + (res.year != null ? res.year + ' 年' : '未识别'));
    if (state.doc && state.doc.name && !state.doc.sample) out.push('- 文件：' + mdEscape(state.doc.name));
    out.push('- 模板：' + mdEscape(ui.templateName(res.template)));
    if (state.prev && state.prevResult) {
      const o = state.prevResult;
      out.push('- 跨年度比对：' + mdEscape((state.prev.doc.name || '另一份报告') + '（' + (o.year != null ? o.year + ' 年' : '年度未识别') + '）'));
    }
    out.push('- 审核日期：' + date);
    out.push('- 检查工具：年报校验 ' + mdEscape(ui.api() ? ui.api().version : ''), '');
    if (c.error) out.push('经逐格核对，报告中有 **' + c.error + '** 处需要更正的错误' + (c.warning ? '，另有 ' + c.warning + ' 处需要核实' : '') + '，详见下文。', '');
    else if (c.warning) out.push('经逐格核对，未发现必须更正的错误，有 ' + c.warning + ' 处需要核实，详见下文。', '');
    else out.push('经逐格核对，未发现表格勾稽关系和格式方面的问题。', '');
    const live = state.F.filter((f) => !f.dismissed);
    const sections = [
      ['需要更正的问题', live.filter((f) => !f.reader && f.severity === 'error')],
      ['需要核实的问题', live.filter((f) => !f.reader && f.severity === 'warning')],
      ['提示', live.filter((f) => !f.reader && f.severity !== 'error' && f.severity !== 'warning')],
      ['未能自动读取的内容（请人工核对原文，不属于报告错误）', live.filter((f) => f.reader)],
    ];
    const numerals = ['一', '二', '三', '四', '五', '六'];
    let k = 0;
    for (const [title, list] of sections) {
      if (!list.length) continue;
      out.push('## ' + numerals[k++] + '、' + title, '');
      const groups = new Map();
      for (const f of list) {
        const g = f.reader ? '' : f.group || '结构';
        if (!groups.has(g)) groups.set(g, []);
        groups.get(g).push(f);
      }
      for (const g of [...groups.keys()].sort((a, b) => ui.rankGroup(a) - ui.rankGroup(b))) {
        if (g) out.push('### ' + mdEscape(g), '');
        groups.get(g).forEach((f, n) => {
          const loc = ui.where(f);
          out.push((n + 1) + '. **' + mdEscape(f.title || f.rule) + '**' + (loc ? '（' + mdEscape(loc) + '）' : '') + '：' + mdMessage(f.message));
        });
        out.push('');
      }
    }
    const dismissed = state.F.filter((f) => f.dismissed);
    if (dismissed.length) {
      out.push('## ' + numerals[k++] + '、经人工核实不作为问题的事项', '');
      dismissed.forEach((f, n) => {
        const note = state.dismissed[f.fp] || {};
        out.push((n + 1) + '. **' + mdEscape(f.title || f.rule) + '**：' + mdMessage(f.message) + '\\\n   说明：' + mdEscape(note.note || '（无）'));
      });
      out.push('');
    }
    out.push('---', '', '本意见由“年报校验”逐格核对生成，数字均取自报告原文，请结合原文复核。');
    return out.join('\n');
  }

  const ALLOWED = new Set(['H1', 'H2', 'H3', 'H4', 'P', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'CODE', 'PRE', 'BLOCKQUOTE',
    'HR', 'BR', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'DEL']);

  // safeCopy rebuilds parsed HTML with whitelisted elements and no attributes.
  function safeCopy(node, into) {
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) into.append(n.textContent);
      else if (n.nodeType === Node.ELEMENT_NODE) {
        if (ALLOWED.has(n.tagName)) {
          const el = document.createElement(n.tagName.toLowerCase());
          if (n.tagName === 'OL' && /^\d+$/.test(n.getAttribute('start') || '')) el.setAttribute('start', n.getAttribute('start'));
          safeCopy(n, el);
          into.append(el);
        } else safeCopy(n, into);
      }
    }
  }

  // renderReview renders the review through goldmark in the full module, which it starts
  // if need be (printing meanwhile prints the Markdown as it is).
  function renderReview(printing) {
    const md = reviewMarkdown();
    const body = $('review-body');
    const full = engine.api('full');
    const html = full ? full.markdown(md) : null;
    if (typeof html === 'string') {
      const doc = new DOMParser().parseFromString(html, 'text/html'); // inert: nothing loads or runs
      const frag = document.createDocumentFragment();
      safeCopy(doc.body, frag);
      body.replaceChildren(frag);
    } else if (full || printing) {
      body.replaceChildren(h('pre', null, md)); // the Markdown as it is
    } else {
      body.replaceChildren(h('p', { class: 'muted loading-full' }, LOADING_FULL));
      ui.loadFull().then(() => {
        if (!$('review').hidden) renderReview();
      }, () => body.replaceChildren(h('pre', null, md)));
    }
    return md;
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
    item('save-md', () => ui.download(ui.baseName() + '-审核意见.md', 'text/markdown;charset=utf-8', ui.reviewMarkdown()));
    item('save-json', () => ui.download(ui.baseName() + '-检查结果.json', 'application/json', JSON.stringify(state.result || {}, null, 2)));
    item('save-csv', () => ui.download(ui.baseName() + '-重建表格.csv', 'text/csv;charset=utf-8', ui.tablesCSV()));
    $('review-close').addEventListener('click', ui.closeReview);
    $('review-print').addEventListener('click', () => window.print());
    $('review-save').addEventListener('click', () => ui.download(ui.baseName() + '-审核意见.md', 'text/markdown;charset=utf-8', ui.reviewMarkdown()));
    // the review needs the full module (goldmark): start it when the menu opens
    menu.addEventListener('toggle', () => {
      if (menu.open && state.ready) ui.loadFull().catch(() => {});
    });
    if (ctx.print) {
      window.addEventListener('beforeprint', () => {
        ui.renderReview(true);
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

  Object.assign(ui, { mdEscape, mdMessage, reviewMarkdown, ALLOWED, safeCopy, renderReview, showReview, closeReview, baseName, download, csvCell, cellText, tablesCSV });
  return bind;
}
