// labels: the words the page shows for the checker's codes, and the file names it tells apart.
export const MAX_STORED = 4 << 20; // characters; larger inputs are not kept across reloads
export const SEV_LABEL = { error: '错误', warning: '警告', info: '提示' };
export const SEV_RANK = { error: 0, warning: 1, info: 2 };
export const FORMAT_NAMES = { text: '纯文本', markdown: 'Markdown', html: '网页（HTML）', docx: 'Word 文档（.docx）', doc: 'Word 97-2003 文档（.doc）', pdf: 'PDF', ofd: 'OFD 版式文档' };
export const TEXT_FILE = /\.(txt|text|md|markdown|csv)$/i;
export const FULL_FILE = /\.(md|markdown|docx|doc|wps|pdf|ofd)$/i; // formats only the full module reads
export const LOADING_FULL = '正在加载完整检查模块…';
