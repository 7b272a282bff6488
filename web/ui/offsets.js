// offsets: the checker's UTF-8 byte offsets mapped to JavaScript string indices and lines.

// utf8Positions returns pos where pos[i] is the UTF-8 byte offset of s[0:i]; the
// checker reports byte offsets, JavaScript strings count UTF-16 code units.
export function utf8Positions(s) {
  const n = s.length;
  const pos = new Uint32Array(n + 1);
  let b = 0;
  for (let i = 0; i < n; i++) {
    pos[i] = b;
    const c = s.charCodeAt(i);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      pos[i + 1] = b; // the low surrogate starts where its pair does
      b += 4;
      i++;
    } else b += 3;
  }
  pos[n] = b;
  return pos;
}

// indexOfByte returns the first string index whose byte offset is >= b.
export function indexOfByte(pos, b) {
  let lo = 0, hi = pos.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pos[mid] < b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function lineStarts(s) {
  const out = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

// lineOf returns the 0-based line of string index i.
export function lineOf(view, i) {
  const ls = view.lines;
  let lo = 0, hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
