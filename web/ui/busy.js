// busy: what the page says while the worker checks (the elapsed time, or a batch's
// N/M), with the 取消 button that stops the worker. The page stays usable meanwhile.

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { $, state, engine, say } = ui;

  // busy shows label with the seconds since it started (null hides the bar); onCancel
  // runs after the worker was stopped by the 取消 button.
  function busy(label, onCancel) {
    clearInterval(state.busyTimer);
    state.busyTimer = 0;
    const bar = $('busy');
    state.onCancel = onCancel || null;
    if (label == null) {
      bar.hidden = true;
      return;
    }
    state.busyLabel = label;
    state.busySince = performance.now();
    tick();
    bar.hidden = false;
    state.busyTimer = setInterval(tick, 250);
  }

  function tick() {
    const s = Math.floor((performance.now() - state.busySince) / 1000);
    $('busy-text').textContent = state.busyLabel + (s >= 1 ? '（已用 ' + s + ' 秒）' : '') + '……';
  }

  // busyStep changes the label of the bar shown (a batch's 正在检查 3/10).
  function busyStep(label) {
    state.busyLabel = label;
    if (!$('busy').hidden) tick();
  }

  function cancelWork() {
    const then = state.onCancel;
    engine.cancel();
    busy(null);
    say('已取消检查');
    if (then) then();
  }

  function bind() {
    $('busy-cancel').addEventListener('click', cancelWork);
  }

  Object.assign(ui, { busy, busyStep, cancelWork });
  return bind;
}
