// limits: what the page refuses before decoding anything, with the command line's limits
// and words (core.MaxInput, core/source's ErrBinary), so that a huge or binary file is
// never turned into megabytes of text in the editor.

// MAX_INPUT is core.MaxInput: the largest input the checker reads, in bytes.
export const MAX_INPUT = 64 << 20;

// MAX_TEXT is core.MaxText: the most text, in UTF-8 bytes, the checker reads.
export const MAX_TEXT = 8 << 20;

// LARGE_TEXT is the text length (characters) past which the editor stops painting the
// findings behind the text and checks only after a longer pause in typing: laying out
// megabytes twice at every keystroke is what froze the tab.
export const LARGE_TEXT = 1 << 20;

// tooLong says why a pasted text is refused before it reaches the editor (the words of
// core's read.size), or returns '' when it is not.
export function tooLong(text) {
  if (text.length * 3 <= MAX_TEXT) return '';
  const n = new TextEncoder().encode(text).length;
  if (n <= MAX_TEXT) return '';
  return '文字内容过长（' + (n / (1 << 20)).toFixed(1) + ' MB），上限为 ' + (MAX_TEXT >> 20) + ' MB：一份年度报告的文字通常不到 200 KB，请确认没有粘贴多份报告或其他内容';
}

// tooLarge says why an input of n bytes is refused, or returns '' when it is not.
export function tooLarge(n) {
  if (n <= MAX_INPUT) return '';
  return '文件过大（' + (n / (1 << 20)).toFixed(1) + ' MB），上限为 ' + (MAX_INPUT >> 20) + ' MB';
}

// looksBinary is core/source's test: NUL bytes or many control characters in the first
// 64 KiB. Text in UTF-16 has NULs too; hasUTF16Mark tells it apart when it says so.
export function looksBinary(bytes) {
  const n = Math.min(bytes.length, 65536);
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
