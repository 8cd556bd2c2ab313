// The parameters of the saved report open: an input per declared parameter, by its type (a date
// picker for DATE, a number for INTEGER and DECIMAL, true/false for BOOLEAN, text for STRING),
// prefilled with its default; Run runs the saved report with these values.
import {byId, fill, h} from './dom.js';
import {state, subscribe} from './state.js';
import {run, runsSaved} from './session.js';

const INPUTS = {
  DATE: {type: 'date'},
  INTEGER: {type: 'number', step: '1'},
  DECIMAL: {type: 'number', step: 'any'},
  STRING: {type: 'text'},
};

export function mountParameters() {
  subscribe((current, changed) => {
    if (changed.has('saved') || changed.has('text')) {
      render(current);
    }
  });
}

function render(current) {
  const box = byId('parameters');
  const parameters = current.saved?.parameters ?? [];
  box.hidden = !parameters.length;
  if (!parameters.length) {
    return;
  }
  const values = current.saved.values;
  const edited = !runsSaved();
  const form = h('form', {class: 'parameter-form', id: 'parameter-form', onsubmit: (event) => {
    event.preventDefault();
    run();
  }},
  h('h2', {}, edited ? 'Parameters (of the saved version: the edited text runs with its defaults)' : 'Parameters'),
  parameters.map((p) => h('label', {}, `${p.name} (${p.type.toLowerCase()})${p.required ? ' *' : ''}`, input(p, values, edited))),
  h('button', {type: 'submit', class: 'button primary small', id: 'parameters-run', disabled: edited}, 'Run'));
  fill(box, form);
}

function input(parameter, values, disabled) {
  const id = `parameter-${parameter.name}`;
  const set = (value) => {
    values[parameter.name] = value;
  };
  if (parameter.type === 'BOOLEAN') {
    return h('select', {id, name: parameter.name, disabled, onchange: (e) => set(e.target.value === '' ? '' : e.target.value === 'true')},
        h('option', {value: ''}, parameter.required ? 'choose' : 'default'),
        ['true', 'false'].map((v) => h('option', {value: v, selected: String(values[parameter.name]) === v}, v)));
  }
  return h('input', {id, name: parameter.name, ...INPUTS[parameter.type], required: parameter.required, disabled,
    value: values[parameter.name] ?? '', oninput: (e) => set(e.target.value)});
}
