// The page's state and its listeners. Views read it and re-render when it changes; only the
// controller (session.js) and the dialogs change it, through update().

export const state = {
  fields: [], //           the model's dimensions (by grain) and metrics, as the field list shows them
  currencies: [], //       the currencies of the caller's accounts (values of account.currency)
  report: {}, //           the report in its JSON form: what the builder shows
  text: '', //             the report's text: what the editor shows
  textProblem: null, //    the server's problem with the text (located), or null
  answer: null, //         {kind: 'pivot' | 'rows', data} of the last run, or null
  answerProblem: null, //  the last run's problem, or null
  running: false,
  explain: null, //        the explain answer of the current text, or null until asked for
  saved: null, //          the saved report open: {id, name, description, account, version, parameters, text}
  conflict: null, //       a 409 on save: the problem
  view: 'table',
};

const listeners = new Set();

/** Calls listener(state, changed keys) after every update. */
export function subscribe(listener) {
  listeners.add(listener);
}

/** Changes the state and tells every listener which keys changed. */
export function update(changes) {
  Object.assign(state, changes);
  const keys = new Set(Object.keys(changes));
  for (const listener of listeners) {
    listener(state, keys);
  }
}
