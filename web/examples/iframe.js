// Example 3: the checker in an iframe, spoken to with postMessage.
// The frame is told this page's origin (?origin=) and answers only it; this page in turn
// accepts messages only from the frame's origin and window.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const frame = $('frame');
  const url = new URL('../embed.html', location.href);
  url.searchParams.set('origin', location.origin);
  const frameOrigin = url.origin;

  let seq = 0;
  const pending = new Map();
  let markReady;
  const ready = new Promise((resolve) => { markReady = resolve; });

  window.addEventListener('message', (e) => {
    if (e.origin !== frameOrigin || e.source !== frame.contentWindow) return;
    const m = e.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'ready') {
      $('status').textContent = 'iframe 已就绪（年报校验 ' + m.version + '）';
      $('send').disabled = false;
      markReady();
    } else if (m.type === 'result' && pending.has(m.id)) {
      pending.get(m.id)(m.result);
      pending.delete(m.id);
    }
  });
  frame.src = url.href;

  // check sends {type:'check', id, text} or {type:'check', id, bytes, name} and resolves
  // with the frame's {type:'result', id, result}.
  async function check(message) {
    await ready;
    const id = ++seq;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      frame.contentWindow.postMessage(Object.assign({ type: 'check', id }, message), frameOrigin);
    });
  }

  function show(res) {
    const dl = $('summary');
    dl.replaceChildren();
    if (!res || res.error) {
      $('status').textContent = res ? '检查失败：' + res.error : '没有可检查的内容（文本为空）';
      return;
    }
    const s = res.summary || {};
    for (const [k, v] of [['机关', res.agency || '未识别'], ['年度', res.year != null ? String(res.year) : '未识别'],
      ['问题', '错误 ' + (s.errors || 0) + ' 处，警告 ' + (s.warnings || 0) + ' 处']]) {
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = k;
      dd.textContent = v;
      dl.append(dt, dd);
    }
    $('status').textContent = '已收到 iframe 的检查结果';
  }

  $('send').addEventListener('click', async () => show(await check({ text: $('report').value })));
  $('file').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    const bytes = await file.arrayBuffer();
    show(await check({ bytes, name: file.name }));
  });

  window.portalDemo = { check, ready: () => ready };
})();
