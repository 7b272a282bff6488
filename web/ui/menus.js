// menus: the header's drop-down menus (details.menu) work from the keyboard: opening one
// puts focus on its first item, arrow keys move between items, Escape closes it and
// returns focus to its button.

// install adds nothing to the view (ui); it returns its event binding.
export function install(ui) {
  const { root } = ui;

  const itemsOf = (menu) => [...menu.querySelectorAll('[role^="menuitem"]')].filter((el) => !el.hidden);

  function bind() {
    for (const menu of root.querySelectorAll('details.menu')) {
      const summary = menu.querySelector('summary');
      summary.setAttribute('aria-haspopup', 'menu');
      menu.addEventListener('toggle', () => {
        summary.setAttribute('aria-expanded', menu.open ? 'true' : 'false');
        // the items are filled when the menu opens (设置): focus after they are
        if (menu.open && menu.dataset.keyboard) requestAnimationFrame(() => (itemsOf(menu)[0] || summary).focus());
        delete menu.dataset.keyboard;
      });
      summary.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown') menu.dataset.keyboard = '1';
        if (e.key === 'ArrowDown' && !menu.open) {
          e.preventDefault();
          menu.open = true;
        }
      });
      menu.addEventListener('keydown', (e) => {
        if (!menu.open) return;
        const items = itemsOf(menu);
        const at = items.indexOf(root.activeElement);
        let next = null;
        if (e.key === 'ArrowDown') next = items[(at + 1) % items.length];
        else if (e.key === 'ArrowUp') next = items[(at - 1 + items.length) % items.length];
        else if (e.key === 'Home') next = items[0];
        else if (e.key === 'End') next = items[items.length - 1];
        else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          menu.open = false;
          summary.focus();
          return;
        }
        if (next) {
          e.preventDefault();
          next.focus();
        }
      });
    }
  }

  return bind;
}
