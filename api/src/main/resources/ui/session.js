// Keeps the report's JSON form (the builder), its text (the editor) and its answer in step:
// a builder edit writes the text and runs it; a text edit is read by the server (explain), whose
// JSON form the builder then shows, and runs; a saved report with parameters runs through its
// own endpoint with the values of its parameter inputs.
import {api} from './api.js';
import {state, update} from './state.js';
import {reportText} from './report-text.js';
import {isEmpty, isPivot} from './report-model.js';

const TEXT_KEY = 'quarry.text';
const TEXT_PAUSE_MS = 700;

let textTimer = null;
let reading = null;
let running = null;
let runs = 0;

/** A builder edit: the text follows at once and the report runs. */
export function editReport(report) {
  clearTimeout(textTimer);
  reading?.abort();
  update({report, text: reportText(report), textProblem: null, explain: null});
  remember();
  run();
}

/**
 * A text edit: after a pause in typing (at once with now), the server reads it; its JSON form
 * becomes the builder's report and the report runs. With canonical, the editor then shows the
 * server's canonical text (for a text that was not typed here).
 */
export function editText(text, {now = false, canonical = false} = {}) {
  clearTimeout(textTimer);
  update({text, explain: null});
  remember();
  textTimer = setTimeout(() => readText(canonical), now ? 0 : TEXT_PAUSE_MS);
}

async function readText(canonical) {
  const text = state.text;
  reading?.abort();
  if (!text.trim()) {
    update({report: {}, textProblem: null});
    run();
    return;
  }
  reading = new AbortController();
  try {
    const explain = await api.explain(text, reading.signal);
    if (text === state.text) {
      update({report: explain.report, explain, textProblem: null, ...(canonical ? {text: explain.text.trimEnd()} : {})});
      remember();
      run();
    }
  } catch (error) {
    if (error.name !== 'AbortError' && text === state.text) {
      update({textProblem: problemOf(error), running: false});
      document.body.dataset.state = 'invalid';
    }
  }
}

/** Opens a saved report: its JSON form and text as stored, without asking the server to read it again. */
export function openSaved(saved, version) {
  clearTimeout(textTimer);
  reading?.abort();
  const values = Object.fromEntries(saved.parameters.filter((p) => p.default !== undefined)
      .map((p) => [p.name, literalValue(p)]));
  const text = (saved.text ?? reportText(saved.definition)).trimEnd();
  update({
    saved: {id: saved.id, name: saved.name, description: saved.description ?? '', account: saved.account, version,
      parameters: saved.parameters, text, values},
    conflict: null, report: saved.definition, text, textProblem: null, explain: null,
  });
  remember();
  run();
}

/** A parameter's default as an input value: DATE '2026-01-01' -> 2026-01-01, 'x' -> x. */
function literalValue(parameter) {
  const text = parameter.default;
  const date = /^DATE '(.*)'$/i.exec(text);
  if (date) {
    return date[1];
  }
  if (/^'.*'$/s.test(text)) {
    return text.slice(1, -1).replaceAll("''", "'");
  }
  return parameter.type === 'BOOLEAN' ? text.toUpperCase() === 'TRUE' : text;
}

/** Whether runs go through the open saved report's run endpoint: unchanged, with parameters. */
export const runsSaved = () => Boolean(state.saved?.parameters.length && state.text === state.saved.text);

/** The parameter values of a saved run, typed as the API takes them. */
export function parameterValues() {
  const values = {};
  for (const parameter of state.saved?.parameters ?? []) {
    const value = state.saved.values[parameter.name];
    if (value === undefined || value === '') {
      continue;
    }
    values[parameter.name] = parameter.type === 'INTEGER' || parameter.type === 'DECIMAL' ? Number(value) : value;
  }
  return values;
}

/** Runs the current report (the last run still going is cancelled). */
export async function run() {
  running?.abort();
  if (isEmpty(state.report)) {
    update({answer: null, answerProblem: null, running: false});
    finished();
    return;
  }
  running = new AbortController();
  update({running: true});
  document.body.dataset.state = 'running';
  const started = performance.now();
  try {
    const data = runsSaved()
      ? await api.savedRun(state.saved.id, parameterValues(), running.signal)
      : await api.run(state.text, isPivot(state.report), running.signal);
    const kind = Array.isArray(data.rowDimensions) ? 'pivot' : 'rows';
    update({answer: {kind, data, millis: performance.now() - started}, answerProblem: null, running: false});
    if (runs === 0) {
      performance.mark('quarry:first-render');
    }
    finished();
  } catch (error) {
    if (error.name !== 'AbortError') {
      const problem = problemOf(error);
      update({answer: null, answerProblem: problem, running: false,
        ...(problem.line && !runsSaved() ? {textProblem: problem} : {})});
      finished();
    }
  }
}

/** Tells anyone watching the page (the browser tests, too) that a run ended. */
function finished() {
  runs++;
  document.body.dataset.runs = String(runs);
  document.body.dataset.state = state.answerProblem ? 'failed' : 'ready';
}

/** The explain answer of the current text, asked for when the SQL view is shown. */
export async function explainCurrent() {
  if (state.explain || isEmpty(state.report)) {
    return;
  }
  const text = state.text;
  try {
    const explain = await api.explain(text);
    if (text === state.text) {
      update({explain});
    }
  } catch (error) {
    update({explain: {problem: problemOf(error)}});
  }
}

/** The report text kept for this browser tab, if any. */
export const rememberedText = () => sessionStorage.getItem(TEXT_KEY);

function remember() {
  sessionStorage.setItem(TEXT_KEY, state.text);
}

/** A thrown error as a problem: the server's, or one made from a network failure. */
export function problemOf(error) {
  return error.problem ?? {title: 'The server could not be reached', detail: error.message};
}
