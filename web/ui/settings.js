// settings: the 设置 menu, where the reviewer picks the deadline profile the checks use
// (the bridge's deadline profiles; the first is the national default).
import { h } from './dom.js';
import { loadJSON, saveJSON } from './storage.js';

// install adds this part's functions to the view (ui) and returns its event binding.
export function install(ui) {
  const { ctx, $, state, say } = ui;
  const STORE_DEADLINE = ui.STORE_INPUT && ui.STORE_INPUT + '.deadline';
  state.deadline = loadJSON(STORE_DEADLINE, '') || '';

  // renderSettings lists the deadline profiles, the chosen one checked, and custom dates
  // (a spec such as 部门=1-15,政府=3-31 that the bridge checks like the command line's).
  function renderSettings() {
    const list = ui.registry().deadlines;
    const custom = state.deadline && !list.some((d) => d.id === state.deadline);
    const chosen = state.deadline || (list[0] && list[0].id);
    const spec = h('input', { type: 'text', id: 'settings-spec', class: 'menu-input', value: custom ? state.deadline : '',
      placeholder: '部门=1-15,政府=3-31,乡镇=1-31', 'aria-label': '自定义公布期限' });
    spec.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && spec.value.trim()) {
        $('settings-menu').open = false;
        chooseDeadline(spec.value.trim());
      }
    });
    $('settings-items').replaceChildren(
      h('p', { class: 'menu-label', id: 'settings-deadline-label' }, '报告公布期限'),
      ...list.map((d) => h('button', {
        type: 'button', role: 'menuitemradio', class: 'menu-radio', 'data-deadline': d.id,
        'aria-checked': d.id === chosen ? 'true' : 'false',
      }, d.name)),
      h('button', { type: 'button', role: 'menuitemradio', class: 'menu-radio', id: 'settings-custom', 'aria-checked': custom ? 'true' : 'false' }, '自定义日期…'),
      h('label', { class: 'menu-label', hidden: !custom, id: 'settings-spec-row' }, '按回车应用：', spec));
  }

  // chooseDeadline makes a profile the one every check uses, and checks again.
  function chooseDeadline(id) {
    const list = ui.registry().deadlines;
    const bad = ui.api() && ui.api().check('', { deadline: id }); // the bridge parses it as the command line does
    if (bad && bad.error && !bad.findings) {
      ui.banner('无法使用这个公布期限：' + bad.error);
      return;
    }
    state.deadline = list[0] && id === list[0].id ? '' : id;
    saveJSON(STORE_DEADLINE, state.deadline);
    renderSettings();
    const d = list.find((x) => x.id === id);
    say('公布期限已改为：' + (d ? d.name : '自定义 ' + id));
    ui.runCheck();
  }

  // bind listens to the events of this part of the view.
  function bind() {
    const menu = $('settings-menu');
    menu.addEventListener('toggle', () => {
      if (menu.open) renderSettings();
    });
    $('settings-items').addEventListener('click', (e) => {
      if (e.target.closest('#settings-custom')) {
        $('settings-spec-row').hidden = false;
        $('settings-spec').focus();
        return;
      }
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
