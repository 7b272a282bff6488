// Exposes web/ui's modules to TestUIModules, which drives them through window.ui.
import * as exportUI from '../../ui/export.js';
import * as dashboardUI from '../../ui/dashboard.js';

window.ui = { ...exportUI, ...dashboardUI, opened: [] };
window.uiReady = true;
