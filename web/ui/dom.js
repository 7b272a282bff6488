// dom.js: the two DOM helpers web/ui's modules share. Data only ever enters as text.

// el makes an element with its text and class (either may be null).
export function el(doc, tag, text, cls) {
  const e = doc.createElement(tag);
  if (text != null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

// installStyle adds a module's style sheet to a document once (style-src allows inline
// styles; no markup is built from data).
export function installStyle(doc, id, css) {
  if (doc.getElementById(id)) return;
  const style = doc.createElement('style');
  style.id = id;
  style.textContent = css;
  (doc.head || doc.documentElement).appendChild(style);
}
