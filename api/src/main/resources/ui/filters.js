// The filter dialog: a dimension and its values, picked from the values endpoint (the caller's
// accounts only) with a search; the builder writes them as `dimension IN (...)`.
import {fill, h} from './dom.js';
import {api} from './api.js';
import {state} from './state.js';
import {editReport, problemOf} from './session.js';
import {setFilter} from './report-model.js';
import {closeDialog, openDialog} from './dialog.js';

const PAGE = 200;

/** Opens the dialog for a filter of the builder's ({index, dimension, values}), or a new one (null). */
export function openFilter(filter) {
  const dimensions = state.fields.filter((f) => f.kind === 'dimension' && !f.time);
  const chosen = new Set(filter?.values ?? []);
  const list = h('div', {class: 'values-list', id: 'filter-values', role: 'group', 'aria-label': 'Values'});
  const status = h('p', {class: 'muted', role: 'status'});
  const select = h('select', {id: 'filter-dimension', onchange: () => {
    chosen.clear();
    load();
  }}, dimensions.map((d) => h('option', {value: d.name, selected: d.name === filter?.dimension}, d.label)));
  const search = h('input', {type: 'search', id: 'filter-search', placeholder: 'Search values', autocomplete: 'off'});
  let timer;
  let latest = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 250);
  });

  async function load() {
    const dimension = select.value;
    const asked = ++latest;
    status.textContent = 'Loading values…';
    try {
      const answer = await api.values(dimension, search.value, PAGE);
      if (asked !== latest) {
        return; // a later search or dimension answered first
      }
      const values = [...new Set([...chosen, ...answer.values])];
      fill(list, values.length ? values.map((value) => h('label', {},
          h('input', {type: 'checkbox', checked: chosen.has(value),
            onchange: (e) => (e.target.checked ? chosen.add(value) : chosen.delete(value))}),
          value === null ? '(none)' : String(value))) : h('p', {class: 'muted'}, 'No values.'));
      status.textContent = answer.truncated ? `The first ${PAGE} matching values; search to narrow them.` : '';
      list.dataset.dimension = dimension;
    } catch (error) {
      fill(list);
      status.textContent = problemOf(error).detail ?? problemOf(error).title;
    }
  }

  const apply = () => {
    editReport(setFilter(state.report, filter?.index ?? null, select.value, [...chosen].filter((v) => v !== null)));
    closeDialog();
  };
  openDialog(filter ? 'Edit filter' : 'Add a filter', h('form', {onsubmit: (e) => {
    e.preventDefault();
    apply();
  }},
  h('label', {for: 'filter-dimension'}, 'Dimension'), select,
  h('label', {for: 'filter-search'}, 'Values'), search, list, status),
  [h('button', {type: 'button', class: 'button', onclick: closeDialog}, 'Cancel'),
    h('button', {type: 'button', class: 'button primary', id: 'filter-apply', onclick: apply}, 'Apply')]);
  load();
}
