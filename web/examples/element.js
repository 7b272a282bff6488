// Example 2: the portal places <nianbao-checker> (defined by ../app.js) and listens to it.
(function () {
  'use strict';
  const el = document.querySelector('nianbao-checker');
  el.addEventListener('nianbao-result', (e) => {
    const res = e.detail;
    const s = (res && res.summary) || {};
    document.getElementById('status').textContent = res && !res.error
      ? '门户收到检查结果：' + (res.agency || '未识别机关') + '，错误 ' + (s.errors || 0) + ' 处，警告 ' + (s.warnings || 0) + ' 处。'
      : '门户收到的检查结果为空。';
  });
})();
