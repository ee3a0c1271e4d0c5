// The designer's code editor: CodeMirror 6 with JavaScript highlighting. The Blazor component
// (CodeEditor.razor) creates one per field; the server checks the script as the user types and
// the problem shows inline, at its line and column.
import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { javascript } from "@codemirror/lang-javascript";
import { linter, lintGutter, forceLinting } from "@codemirror/lint";

const editors = new WeakMap();

function positionOf(doc, line, column) {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(at.from + Math.max(column - 1, 0), at.to);
}

function create(host, value, readOnly, dotnet) {
  let timer = null;
  let sent = value ?? "";
  const flush = () => {
    clearTimeout(timer);
    const text = view.state.doc.toString();
    if (text !== sent) {
      sent = text;
      dotnet.invokeMethodAsync("Changed", text);
    }
  };
  const check = linter(async (editor) => {
    const problem = await dotnet.invokeMethodAsync("Check", editor.state.doc.toString());
    if (!problem) return [];
    const from = positionOf(editor.state.doc, problem.line, problem.column);
    const to = Math.min(from + 1, editor.state.doc.length);
    return [{ from, to: Math.max(to, from), severity: "error", message: problem.message }];
  }, { delay: 400 });
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: value ?? "",
      extensions: [
        basicSetup,
        javascript(),
        check,
        lintGutter(),
        EditorState.readOnly.of(!!readOnly),
        EditorView.lineWrapping,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            clearTimeout(timer);
            timer = setTimeout(flush, 300);
          }
          if (update.focusChanged && !update.view.hasFocus) flush();
        }),
      ],
    }),
  });
  editors.set(host, { view, flush });
  host.dataset.ready = "true";
}

function setValue(host, value) {
  const editor = editors.get(host);
  if (!editor) return;
  const current = editor.view.state.doc.toString();
  if ((value ?? "") !== current) {
    editor.view.dispatch({ changes: { from: 0, to: current.length, insert: value ?? "" } });
  }
}

function recheck(host) {
  const editor = editors.get(host);
  if (editor) forceLinting(editor.view);
}

function dispose(host) {
  const editor = editors.get(host);
  if (editor) {
    editor.flush();
    editor.view.destroy();
    editors.delete(host);
  }
}

window.platformCodeEditor = { create, setValue, recheck, dispose };
