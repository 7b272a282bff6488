// results: a Result made ready to show (findings with fingerprints), the summary line.
import { h, hash, fmtBytes } from './dom.js';
import { FORMAT_NAMES } from './labels.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { $, state, say, banner } = ui;

  function enrich(res, doc) {
    const report = reportKey(res, doc);
    const F = (res.findings || []).map((f, i) => {
      const fp = fingerprint(f, res, report);
      const cells = f.cells && f.cells.length ? f.cells : statsRowsOf(f, res);
      return Object.assign({}, f, { i, fp, cells, reader: f.origin === 'reader', dismissed: !!state.dismissed[fp] });
    });
    const byCell = new Map();
    for (const f of F) {
      for (const id of f.cells || []) {
        if (!byCell.has(id)) byCell.set(id, []);
        byCell.get(id).push(f);
      }
    }
    return { F, byCell };
  }

  // statsRowsOf names the statistics-table rows ("stats.<index>") a finding without
  // cells points at: those whose text holds the finding's position.
  function statsRowsOf(f, res) {
    const at = f.at;
    if (!at || !res.stats) return [];
    const out = [];
    res.stats.forEach((s, i) => {
      if (s.at && s.at[0] <= at[0] && at[1] <= s.at[1]) out.push('stats.' + i);
    });
    return out;
  }

  // reportKey names the report a dismissal belongs to, so that it never applies to another
  // body's report: its agency and year when both are read, else the file (name and content).
  function reportKey(res, doc) {
    if (res.agency && res.year != null) return res.agency + '/' + res.year;
    const d = doc || {};
    let body = d.text || d.html || '';
    if (d.kind === 'file') body = d.bytes.length + ':' + String.fromCharCode.apply(null, d.bytes.subarray(0, 4096));
    return 'file:' + (d.name || '') + ':' + hash(body);
  }

  // fingerprint identifies a finding across visits: its report, rule, cells and their values.
  function fingerprint(f, res, report) {
    const cells = (f.cells || []).slice().sort();
    const vals = cells.map((id) => {
      const c = res.cells && res.cells[id];
      return c ? (c.value != null ? String(c.value) : 'raw:' + c.raw) : '?';
    });
    return hash([report, f.rule, cells.join(','), vals.join(','), cells.length ? '' : f.message].join('|'));
  }

  function showResult(res, doc) {
    ui.closePopover();
    ui.renderSampleNote(doc);
    state.result = res && !res.error ? res : null;
    ui.page.lastResult = res;
    if (res && res.error && !res.findings) {
      // the bridge failed (a recovered panic): keep the text, say what happened
      banner('检查失败：' + res.error + '。您的报告仍在编辑区，修改后会重新检查。');
      showNoResult(doc, '检查失败，暂无表格。', '检查失败，暂无结果。');
      return;
    }
    if ($('banner').classList.contains('error') && !(res && res.input && res.input.error)) banner('');
    if (!res) {
      showNoResult(doc, '粘贴报告后，这里按国家模板逐格显示表二、表三、表四（或统计表）。', '还没有检查结果。');
      return;
    }
    const e = enrich(res, doc);
    state.F = e.F;
    state.byCell = e.byCell;
    if (state.selected >= state.F.length) state.selected = -1;
    ui.showSource(ui.viewFor(doc, res));
    renderSummary(res);
    ui.renderCompare(res);
    ui.renderTables(res);
    ui.renderFindings();
    if (res.input && res.input.error) banner('无法使用这份输入：' + res.input.error, 'error');
    say(summaryText());
  }

  // showNoResult empties the view but for the text, saying why in the two panes.
  function showNoResult(doc, tablesNote, findingsNote) {
    state.F = [];
    state.byCell = new Map();
    if (doc && doc.kind === 'text') ui.showSource(ui.plainView(doc.text));
    renderSummary(null);
    ui.renderCompare(null);
    $('tables').replaceChildren(h('p', { class: 'empty' }, tablesNote));
    $('findings').replaceChildren(h('p', { class: 'empty' }, findingsNote));
  }

  function counts() {
    const c = { error: 0, warning: 0, info: 0, reader: 0, dismissed: 0 };
    for (const f of state.F) {
      if (f.dismissed) c.dismissed++;
      else if (f.reader) c.reader++;
      else c[f.severity] = (c[f.severity] || 0) + 1;
    }
    return c;
  }

  function summaryText() {
    const c = counts();
    return '检查完成：错误 ' + c.error + ' 处，警告 ' + c.warning + ' 处，提示 ' + c.info + ' 处，未能读取 ' + c.reader + ' 处';
  }

  // verdict says first when the check could not judge the whole report: the text is not a
  // report, or cells of its tables were not read (Result.summary).
  function verdict(res) {
    const sum = res.summary || {};
    if (sum.notReport) return h('span', { class: 'verdict v-notreport', id: 'sum-verdict', title: '没有找到模板中的表格或统计表' }, '不是年度报告');
    const parts = [];
    if (sum.unread > 0) parts.push(sum.unread + ' 个单元格未读出');
    if (sum.others) parts.push('文本中还有其他报告，只检查了第一份');
    if (parts.length) {
      return h('span', { class: 'verdict v-partial', id: 'sum-verdict', title: '未读出的单元格、未检查的报告没有核对，不代表报告有错' },
        '检查不完整：' + parts.join('；'));
    }
    return null;
  }

  function renderSummary(res) {
    const box = $('summary');
    if (!res) {
      box.replaceChildren(h('span', { class: 'muted' }, state.ready ? '等待输入' : '正在加载检查程序……'));
      return;
    }
    const c = counts();
    const inp = res.input || {};
    const fmt = [FORMAT_NAMES[inp.format] || inp.format, inp.encoding && inp.encoding.toUpperCase(), inp.bytes != null && fmtBytes(inp.bytes)]
      .filter(Boolean).join(' · ');
    const badge = (cls, label, n) => h('span', { class: 'badge ' + cls + (n ? '' : ' zero') }, label + ' ', h('b', null, String(n)));
    box.replaceChildren(...[
      verdict(res),
      ui.partsBar(res),
      h('span', { class: 'kv' }, h('span', { class: 'k' }, '机关'), h('span', { class: 'v', id: 'sum-agency' }, res.agency || '未识别')),
      h('span', { class: 'kv' }, h('span', { class: 'k' }, '年度'), h('span', { class: 'v', id: 'sum-year' }, res.year != null ? String(res.year) : '未识别')),
      h('span', { class: 'kv' }, h('span', { class: 'k' }, '模板'), h('span', { class: 'v', id: 'sum-template' }, ui.templateName(res.template))),
      h('span', { class: 'badges' },
        badge('b-error', '错误', c.error), badge('b-warning', '警告', c.warning), badge('b-info', '提示', c.info),
        badge('b-reader', '未能读取', c.reader), c.dismissed ? badge('b-dismissed', '已忽略', c.dismissed) : null),
      h('span', { class: 'kv input-info', title: '读入的格式、编码和大小' }, fmt, inp.traditional ? ' · 繁体已转为简体检查' : ''),
      (res.variant || []).length ? h('span', { class: 'variants' }, '与模板的差异：', res.variant.join('；')) : null,
    ].filter(Boolean));
  }

  Object.assign(ui, { enrich, statsRowsOf, reportKey, fingerprint, showResult, showNoResult, counts, summaryText, renderSummary });
}
