// settings: the 设置 menu, where the reviewer picks the deadline profile the checks use
// (the bridge's deadline profiles; the first is the national default).
import { h } from './dom.js';
import { loadJSON, saveJSON } from './storage.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { ctx, $, state, say } = ui;
  const STORE_DEADLINE = ui.STORE_INPUT && ui.STORE_INPUT + '.deadline';
  state.deadline = loadJSON(STORE_DEADLINE, '') || '';

  // renderSettings lists the deadline profiles, the chosen one checked.
  function renderSettings() {
    const list = ui.registry().deadlines;
    if (list.length && !list.some((d) => d.id === state.deadline)) state.deadline = '';
    const chosen = state.deadline || (list[0] && list[0].id);
    $('settings-items').replaceChildren(
      h('p', { class: 'menu-label', id: 'settings-deadline-label' }, '报告公布期限'),
      ...list.map((d) => h('button', {
        type: 'button', role: 'menuitemradio', class: 'menu-radio', 'data-deadline': d.id,
        'aria-checked': d.id === chosen ? 'true' : 'false',
      }, d.name)));
  }

  // chooseDeadline makes a profile the one every check uses, and checks again.
  function chooseDeadline(id) {
    const list = ui.registry().deadlines;
    state.deadline = list[0] && id === list[0].id ? '' : id;
    saveJSON(STORE_DEADLINE, state.deadline);
    renderSettings();
    const d = list.find((x) => x.id === id);
    say('公布期限已改为：' + (d ? d.name : id));
    ui.runCheck();
  }

  // bind listens to the events of this part of the view.
  function bind() {
    const menu = $('settings-menu');
    menu.addEventListener('toggle', () => {
      if (menu.open) renderSettings();
    });
    $('settings-items').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-deadline]');
      if (!b) return;
      menu.open = false;
      chooseDeadline(b.dataset.deadline);
    });
    ctx.events.addEventListener('click', (e) => {
      if (menu.open && !menu.contains(e.target)) menu.open = false;
    });
  }

  Object.assign(ui, { renderSettings, chooseDeadline });
  return bind;
}
