// limits: what the page refuses before decoding anything, so that a huge or binary file
// is never turned into megabytes of text in the editor. The numbers, words and binary
// test are core's, from the bridge (nianbao.limits) once the lite module runs; until
// then FALLBACK stands in, a copy a browser test holds equal to the bridge's.

// FALLBACK is core.MaxInput, core.MaxText, source.BinaryScan and their messages, for a
// paste or a file that comes before the checker is up.
export const FALLBACK = {
  maxInput: 64 << 20,
  maxText: 8 << 20,
  binaryScan: 64 << 10,
  binary: '不是文本文件（含有二进制数据）',
  tooLarge: (n) => '文件过大（' + mb(n) + ' MB），上限为 64 MB；请只粘贴报告正文',
  tooLong: (n) => '文字内容过长（' + mb(n) + ' MB），上限为 8 MB：一份年度报告的文字通常不到 200 KB，请确认没有粘贴多份报告或其他内容',
  looksBinary,
};

// mb is Go's %.1f of n / 2^20: a tie (64.25) rounds to even, where toFixed rounds up.
function mb(n) {
  const t = (n * 10) / (1 << 20); // exact: n is a whole number of bytes
  let r = Math.floor(t);
  if (t - r > 0.5 || (t - r === 0.5 && r % 2 === 1)) r++;
  return (r / 10).toFixed(1);
}

// limits returns the bridge's limits when the lite module runs, else FALLBACK.
export function limits() {
  const a = self.nianbao;
  return (a && a.limits) || FALLBACK;
}

// WORKER_MIN is the input size (characters, or bytes of a file) past which the page checks
// in its worker rather than on its own thread: the sample report checked in 41-48 ms on
// the page and 64-105 ms through the worker (the round trip and cloning its Result).
export const WORKER_MIN = 200 << 10;

// LARGE_TEXT is the text length (characters) past which the editor stops painting the
// findings behind the text and checks only after a longer pause in typing: laying out
// megabytes twice at every keystroke is what froze the tab.
export const LARGE_TEXT = 1 << 20;

// tooLong says why a pasted text is refused before it reaches the editor (the words of
// core's read.size), or returns '' when it is not.
export function tooLong(text) {
  const l = limits();
  if (text.length * 3 <= l.maxText) return '';
  const n = new TextEncoder().encode(text).length;
  return n <= l.maxText ? '' : l.tooLong(n);
}

// tooLarge says why an input of n bytes is refused, or returns '' when it is not.
export function tooLarge(n) {
  const l = limits();
  return n <= l.maxInput ? '' : l.tooLarge(n);
}

// binary tells data that is no text (core/source's test), unless it says it is UTF-16.
export function binary(bytes) {
  return limits().looksBinary(bytes) && !hasUTF16Mark(bytes);
}

// looksBinary is core/source's LooksBinary: NUL bytes or many control characters in the
// first 64 KiB. Text in UTF-16 has NULs too; hasUTF16Mark tells it apart when it says so.
function looksBinary(bytes) {
  const n = Math.min(bytes.length, FALLBACK.binaryScan);
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 0) return true;
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) ctl++;
  }
  return ctl > Math.floor(n / 20) + 2;
}

// hasUTF16Mark reports a UTF-16 byte order mark.
export function hasUTF16Mark(b) {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}
