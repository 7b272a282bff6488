// The parts of CodeMirror 6 the page's editor for long texts uses (web/ui/bigtext.js),
// bundled into codemirror.iife.js as the global nianbaoCodeMirror by
// `go run ./web/build -codemirror <node_modules>` (see README.md).
export { EditorState } from '@codemirror/state';
export { EditorView, keymap, drawSelection, highlightActiveLine, lineNumbers } from '@codemirror/view';
export { history, historyKeymap, standardKeymap, selectAll } from '@codemirror/commands';
