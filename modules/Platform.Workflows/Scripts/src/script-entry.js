// A script or condition of the properties panel, edited in CodeMirror with JavaScript highlighting.
// The server checks it as the rules' editor does (the same sandbox compiler the engine runs it with)
// and the problem shows at its line and column, and in words under the editor.
import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useRef, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { useService } from 'bpmn-js-properties-panel';
import { EditorView, keymap, highlightActiveLine } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { linter, lintGutter } from '@codemirror/lint';

// What each open editor has typed and not yet handed to the diagram; written before the diagram is saved.
const pending = new Set();

export function commitTyping() {
  pending.forEach((commit) => commit());
}

function positionOf(doc, line, column) {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(at.from + Math.max(column - 1, 0), at.to);
}

// shape: 'statements' (a script task), 'expression' (values, headers) or 'condition' (${…} allowed).
// fields and insert: the fields offered under "Insert a field", and the text each puts at the cursor.
export function ScriptEntry(props) {
  const { element, id, label, getValue, setValue, shape, check, fields, insert } = props;
  const translate = useService('translate');
  const host = useRef(null);
  const view = useRef(null);
  const [problem, setProblem] = useState(null);
  const value = getValue(element) || '';

  useEffect(() => {
    let timer = null;
    let sent = value;
    const commit = () => {
      clearTimeout(timer);
      const text = view.current.state.doc.toString();
      if (text !== sent) {
        sent = text;
        setValue(text.trim() === '' ? '' : text);
      }
    };
    const lint = linter(async (editor) => {
      const text = editor.state.doc.toString();
      const found = check ? await check(text, shape) : null;
      setProblem(found ? found.message : null);
      if (!found) return [];
      const from = positionOf(editor.state.doc, found.line, found.column);
      return [{ from, to: Math.min(from + 1, editor.state.doc.length), severity: 'error', message: found.message }];
    }, { delay: 300 });
    view.current = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          bracketMatching(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle),
          javascript(),
          lint,
          lintGutter(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': `script-${id}` }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              clearTimeout(timer);
              timer = setTimeout(commit, 300);
            }
            if (update.focusChanged && !update.view.hasFocus) commit();
          }),
        ],
      }),
    });
    pending.add(commit);
    return () => {
      pending.delete(commit);
      commit();
      view.current.destroy();
      view.current = null;
    };
  }, [element, id]);

  // Undo on the diagram, or another entry, changed the value: show it (unless the user is typing here).
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.hasFocus) return;
    const current = editor.state.doc.toString();
    if (current !== value) editor.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  return h('div', { class: `bio-properties-panel-entry platform-script ${problem ? 'has-error' : ''}`, 'data-entry-id': id }, [
    h('label', { class: 'bio-properties-panel-label', for: `script-${id}` }, label),
    h('div', { class: 'bio-properties-panel-input platform-script__editor', ref: host, 'data-testid': `script-editor-${id}` }),
    fields && fields.length && insert ? h('select', {
      class: 'platform-script__insert',
      'data-testid': `insert-field-${id}`,
      onChange: (event) => {
        const editor = view.current;
        if (event.target.value && editor) {
          editor.dispatch(editor.state.replaceSelection(insert(event.target.value)));
          editor.focus();
        }
        event.target.value = '';
      },
    }, [h('option', { value: '' }, translate('Insert a field…')), ...fields.map((f) => h('option', { value: f.name }, `${f.label} (${f.name})`))]) : null,
    problem ? h('div', { class: 'bio-properties-panel-error', 'data-testid': 'modeler-script-problem' }, problem) : null,
  ]);
}

export function isScriptEdited(node) {
  return !!node && !!node.querySelector('.cm-content')?.textContent.trim();
}
