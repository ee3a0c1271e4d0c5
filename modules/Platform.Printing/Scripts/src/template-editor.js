// The print template editor: CodeMirror 6 with Liquid (and the HTML and CSS inside it) highlighted. The Blazor page
// (PrintTemplateEditor.razor) creates it; what is typed goes to the server a moment after typing stops, the server parses it and
// renders the preview, and the problem it finds is marked here at its line and column.
import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { liquid } from "@codemirror/lang-liquid";
import { linter, lintGutter, setDiagnostics } from "@codemirror/lint";

const editors = new WeakMap();

function spanOf(doc, line, column) {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  // A problem past the line's last character (a tag never closed) marks that last character.
  const from = Math.max(Math.min(at.from + Math.max(column - 1, 0), at.to - 1), at.from);
  return { from, to: Math.min(from + 1, at.to) };
}

function create(host, value, dotnet) {
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
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: value ?? "",
      extensions: [
        basicSetup,
        liquid(),
        linter(null),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            clearTimeout(timer);
            timer = setTimeout(flush, 400);
          }
          if (update.focusChanged && !update.view.hasFocus) flush();
        }),
      ],
    }),
  });
  editors.set(host, { view, flush });
  host.dataset.ready = "true";
}

// The server's verdict on the text: null when it parses, else where it stops.
function showProblem(host, problem) {
  const editor = editors.get(host);
  if (!editor) return;
  const doc = editor.view.state.doc;
  const marks = problem && problem.line
    ? [{ ...spanOf(doc, problem.line, problem.column || 1), severity: "error", message: problem.message }]
    : [];
  editor.view.dispatch(setDiagnostics(editor.view.state, marks));
}

function setValue(host, value) {
  const editor = editors.get(host);
  if (!editor) return;
  const current = editor.view.state.doc.toString();
  if ((value ?? "") !== current) {
    editor.view.dispatch({ changes: { from: 0, to: current.length, insert: value ?? "" } });
  }
}

function dispose(host) {
  const editor = editors.get(host);
  if (editor) {
    editor.flush();
    editor.view.destroy();
    editors.delete(host);
  }
}

export { create, showProblem, setValue, dispose };
