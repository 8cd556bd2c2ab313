// The report text: always visible and editable. Typing sends it to the server after a pause
// (session.editText); the server's problem is marked at its line and column, with its message,
// the tokens it expected and its suggestions (a click puts one in place).
import {byId, fill, h} from './dom.js';
import {state, subscribe} from './state.js';
import {editText} from './session.js';

let textarea;
let backdrop;

export function mountEditor() {
  textarea = h('textarea', {id: 'report-text', spellcheck: 'false', autocomplete: 'off', rows: 6,
    'aria-describedby': 'text-error text-status', oninput: () => editText(textarea.value),
    onkeydown: (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        editText(textarea.value, {now: true});
      }
    },
    onscroll: () => {
      backdrop.scrollTop = textarea.scrollTop;
    }});
  backdrop = h('div', {class: 'backdrop', 'aria-hidden': 'true'});
  fill(byId('editor'), backdrop, textarea);
  byId('run').addEventListener('click', () => editText(textarea.value, {now: true}));
  subscribe(render);
}

function render(current, changed) {
  if (changed.has('text') && textarea.value !== current.text) {
    textarea.value = current.text;
  }
  if (changed.has('text') || changed.has('textProblem')) {
    renderProblem(current.textProblem);
  }
  if (changed.has('text') || changed.has('report') || changed.has('textProblem')) {
    byId('text-status').textContent = current.textProblem ? 'error'
      : current.saved && current.text !== current.saved.text ? 'edited' : '';
  }
}

/** Where a problem points in the text: [start, end) of the token at its line and column, or null. */
function location(text, problem) {
  if (!problem?.line || !problem.column) {
    return null;
  }
  const lines = text.split('\n');
  if (problem.line > lines.length) {
    return null;
  }
  const lineStart = lines.slice(0, problem.line - 1).reduce((sum, line) => sum + line.length + 1, 0);
  const start = Math.min(lineStart + [...lines[problem.line - 1]].slice(0, problem.column - 1).join('').length,
      lineStart + lines[problem.line - 1].length);
  const word = /^[\p{L}\p{N}_.:"']*/u.exec(text.slice(start))[0];
  return {start, end: start + Math.max(word.length, 1), line: lines[problem.line - 1]};
}

function renderProblem(problem) {
  const box = byId('text-error');
  const text = state.text;
  const at = location(text, problem);
  byId('editor').classList.toggle('invalid', Boolean(problem));
  document.querySelector('.results').classList.toggle('stale', Boolean(problem));
  fill(backdrop, at ? [text.slice(0, at.start), h('mark', {}, text.slice(at.start, at.end)), text.slice(at.end)] : text);
  if (!problem) {
    box.hidden = true;
    fill(box);
    return;
  }
  box.hidden = false;
  const detail = (problem.detail ?? problem.title ?? '').replace(/^line \d+:\d+: /, '');
  fill(box,
      at ? h('button', {type: 'button', class: 'button link where', onclick: () => select(at)},
          `Line ${problem.line}, column ${problem.column}`) : null,
      h('span', {class: 'message'}, detail),
      problem.code ? h('span', {class: 'muted'}, ` (${problem.code})`) : null,
      at ? h('div', {class: 'snippet'}, at.line, '\n', ' '.repeat(Math.max(problem.column - 1, 0)), '^') : null,
      problem.expected?.length ? h('div', {class: 'suggestions'}, 'Expected: ', problem.expected.join(', ')) : null,
      problem.suggestions?.length ? h('div', {class: 'suggestions'}, 'Did you mean',
          problem.suggestions.map((s) => h('button', {type: 'button', class: 'button small suggestion',
            onclick: () => replace(at, s)}, s))) : null);
}

function select(at) {
  textarea.focus();
  textarea.setSelectionRange(at.start, at.end);
}

/** Puts a suggestion in place of the token the problem points at, and reads the text again. */
function replace(at, suggestion) {
  if (!at) {
    return;
  }
  const text = state.text;
  const quote = text[at.start] === '"' || text[at.start] === "'" ? text[at.start] : '';
  const next = text.slice(0, at.start) + quote + suggestion + quote + text.slice(at.end);
  textarea.value = next;
  editText(next, {now: true});
  textarea.focus();
}
