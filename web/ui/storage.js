// storage: the report and dismissals kept in this browser (localStorage) across visits.
import { bytesToBase64, base64ToBytes } from './dom.js';
import { MAX_STORED } from './labels.js';

export function loadJSON(key, fallback) {
  if (!key) return fallback;
  try {
    const s = localStorage.getItem(key);
    return s ? JSON.parse(s) : fallback;
  } catch (e) {
    return fallback;
  }
}

export function saveJSON(key, value) {
  if (!key) return true; // an embedded view keeps nothing unless asked to
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch (e) {
    return false; // private mode or quota: the page works without it
  }
}

// store keeps an input in local storage under key; false when it is too large.
export function store(key, d) {
  let stored;
  if (d.kind === 'text') stored = { kind: 'text', text: d.text, name: d.name || '' };
  else if (d.kind === 'html') stored = { kind: 'html', html: d.html, text: d.text || '', name: d.name || '' };
  else stored = { kind: 'file', name: d.name, b64: bytesToBase64(d.bytes) };
  const size = (stored.text || '').length + (stored.html || '').length + (stored.b64 || '').length;
  if (size > MAX_STORED || !saveJSON(key, stored)) {
    forget(key);
    return false;
  }
  return true;
}

export function forget(key) {
  try {
    localStorage.removeItem(key);
  } catch (e) { /* nothing stored */ }
}

export function restoreDoc(key) {
  const s = loadJSON(key, null);
  if (!s || typeof s !== 'object') return null;
  try {
    if (s.kind === 'text' && typeof s.text === 'string') return { kind: 'text', text: s.text, name: s.name || '' };
    if (s.kind === 'html' && typeof s.html === 'string') return { kind: 'html', html: s.html, text: s.text || '', name: s.name || '' };
    if (s.kind === 'file' && typeof s.b64 === 'string') return { kind: 'file', name: s.name || '', bytes: base64ToBytes(s.b64) };
  } catch (e) { /* a damaged entry is dropped */ }
  return null;
}
