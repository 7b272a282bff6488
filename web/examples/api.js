// Example 1: the portal's own page calls the checker's JavaScript API and shows the
// result its own way. Everything runs in this page; nothing is sent anywhere.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const SEV = { error: '错误', warning: '警告', info: '提示' };

  // show writes a Result into the portal's own elements, as text only
  function show(res) {
    const dl = $('summary');
    const ol = $('findings');
    dl.replaceChildren();
    ol.replaceChildren();
    if (!res || res.error) {
      $('status').textContent = res ? '检查失败：' + res.error : '没有可检查的内容';
      return;
    }
    const s = res.summary || {};
    const rows = [['机关', res.agency || '未识别'], ['年度', res.year != null ? String(res.year) : '未识别'],
      ['模板', res.template], ['问题', '错误 ' + (s.errors || 0) + ' 处，警告 ' + (s.warnings || 0) + ' 处'],
      ['表三 本年新收（自然人）', res.cells && res.cells['t3.new.natural'] ? String(res.cells['t3.new.natural'].value) : '—']];
    if (res.input && res.input.error) rows.push(['输入', res.input.error]);
    for (const [k, v] of rows) {
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = k;
      dd.textContent = v;
      dl.append(dt, dd);
    }
    for (const f of res.findings || []) {
      const li = document.createElement('li');
      li.className = f.severity;
      li.textContent = (SEV[f.severity] || f.severity) + '：' + (f.title || f.rule) + ' — ' + f.message;
      ol.append(li);
    }
    $('status').textContent = '检查完成（' + (res.input && res.input.format) + '）';
  }

  // engine.js loads async: it announces itself with a "nianbao-engine" event
  function engine() {
    return window.nianbaoEngine ? Promise.resolve(window.nianbaoEngine)
      : new Promise((resolve) => window.addEventListener('nianbao-engine', () => resolve(window.nianbaoEngine), { once: true }));
  }

  async function main() {
    let api;
    try {
      api = await (await engine()).ready(); // the lite module: window.nianbao
    } catch (e) {
      $('status').textContent = '检查程序无法启动：' + e.message;
      return;
    }
    $('status').textContent = '检查程序已就绪（年报校验 ' + api.version + '）';
    $('check').disabled = $('sample').disabled = false;
    // text: the synchronous API of window.nianbao
    $('check').addEventListener('click', () => show(window.nianbao.check($('report').value)));
    $('sample').addEventListener('click', () => {
      $('report').value = window.nianbao.sample;
      show(window.nianbao.check(window.nianbao.sample));
    });
    // files: nianbaoEngine.check loads the full module when the lite one cannot read the format
    $('file').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      if (!file) return;
      $('status').textContent = '正在检查 ' + file.name + '……';
      show(await window.nianbaoEngine.check(new Uint8Array(await file.arrayBuffer()), { name: file.name }));
    });
  }

  // for the tests: the same calls the buttons make
  window.portalDemo = { show, ready: async () => (await engine()).ready() };
  main();
})();
