// The builder: shelves for rows, columns, values and filters (chips that can be dragged between
// rows and columns, moved and removed with buttons), and the report's options: date range, time
// zone, reporting currency, totals and comparison period. Every change is an edit of the report's
// JSON form (report-model.js), which the session writes as text and runs.
import {byId, fill, h, keepFocus} from './dom.js';
import {state, subscribe} from './state.js';
import {editReport} from './session.js';
import {DRAG_TYPE, labelOf} from './fields.js';
import {openFilter} from './filters.js';
import {
  DATE_RANGES, addMetric, columnDimensions, dateRange, filters, itemName, placeDimension, removeCondition,
  removeField, rowDimensions, setClause, setDateRange, setGrandTotal,
} from './report-model.js';

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function mountBuilder() {
  subscribe((current, changed) => {
    if (changed.has('report') || changed.has('fields') || changed.has('currencies')) {
      render(current);
    }
  });
}

function render(current) {
  keepFocus(() => renderBuilder(current.report));
}

function renderBuilder(report) {
  fill(byId('builder'),
      shelf('rows', 'Rows', rowDimensions(report).map((d) => dimensionChip(d, 'rows')), 'Drop or click dimensions'),
      shelf('columns', 'Columns', columnDimensions(report).map((d) => dimensionChip(d, 'columns')),
          'Drop dimensions here to pivot them into columns'),
      shelf('values', 'Values', (report.metrics ?? []).map(metricChip), 'Drop or click metrics'),
      shelf('filters', 'Filters', [...filters(report).map(filterChip),
        h('button', {type: 'button', class: 'button small', id: 'add-filter', onclick: () => openFilter(null)}, '+ Filter')]),
      options(report));
}

function shelf(name, label, chips, placeholder) {
  const accepts = name === 'values' ? 'metric' : name === 'filters' ? null : 'dimension';
  const zone = h('div', {class: 'shelf', id: `shelf-${name}`, role: 'group', 'aria-labelledby': `shelf-label-${name}`},
      chips.length || !placeholder ? chips : h('span', {class: 'placeholder'}, placeholder));
  if (accepts) {
    zone.addEventListener('dragover', (event) => {
      if (event.dataTransfer.types.includes(DRAG_TYPE)) {
        event.preventDefault();
        zone.classList.add('drop-target');
      }
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('drop-target'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('drop-target');
      const field = JSON.parse(event.dataTransfer.getData(DRAG_TYPE) || 'null');
      if (field?.kind === accepts) {
        editReport(accepts === 'metric' ? addMetric(state.report, field.name) : placeDimension(state.report, field.name, name));
      }
    });
  }
  return [h('span', {class: 'shelf-label', id: `shelf-label-${name}`}, label), zone];
}

function chip(kind, label, buttons, drag) {
  return h('span', {class: `chip ${kind}`, draggable: drag ? 'true' : null, title: label,
    ondragstart: drag && ((event) => event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(drag)))},
  h('span', {class: 'chip-text'}, label), buttons);
}

function dimensionChip(item, shelfName) {
  const name = itemName(item);
  const label = labelOf(typeof item === 'string' ? item : item.expression);
  const other = shelfName === 'rows' ? 'columns' : 'rows';
  return chip('dimension', label, [
    h('button', {type: 'button', 'aria-label': `Move ${label} to ${other}`, title: `Move to ${other}`, dataset: {focus: `move:${name}`},
      onclick: () => editReport(placeDimension(state.report, name, other))}, shelfName === 'rows' ? '→' : '←'),
    h('button', {type: 'button', 'aria-label': `Remove ${label}`, title: 'Remove', dataset: {focus: `remove:${name}`},
      onclick: () => editReport(removeField(state.report, name))}, '×'),
  ], {name, kind: 'dimension'});
}

function metricChip(item) {
  const name = itemName(item);
  const label = typeof item === 'string' ? labelOf(item) : item.as ?? item.expression;
  return chip('metric', label, h('button', {type: 'button', 'aria-label': `Remove ${label}`, title: 'Remove', dataset: {focus: `remove:${name}`},
    onclick: () => editReport(removeField(state.report, name))}, '×'));
}

function filterChip(filter) {
  const label = filter.dimension ? `${labelOf(filter.dimension)}: ${filter.values.join(', ')}` : filter.text;
  return chip('filter', label, [
    filter.dimension ? h('button', {type: 'button', 'aria-label': `Edit filter ${label}`, title: 'Edit',
      onclick: () => openFilter(filter)}, '✎') : null,
    h('button', {type: 'button', 'aria-label': `Remove filter ${label}`, title: 'Remove', dataset: {focus: `filter:${filter.index}`},
      onclick: () => editReport(removeCondition(state.report, filter.index))}, '×'),
  ]);
}

function options(report) {
  const range = dateRange(report);
  const custom = Boolean(range?.from);
  const today = new Date().toISOString().slice(0, 10);
  const choose = (value) => {
    if (value === 'CUSTOM') {
      editReport(setDateRange(report, {from: range?.from ?? today, to: range?.to ?? today}));
    } else if (value !== 'OTHER') {
      editReport(setDateRange(report, {preset: value}));
    }
  };
  // A typed date applies when the field is left or Enter pressed: applying each keystroke would
  // redraw the field under the typing.
  const dateInput = (id, value, apply) => h('input', {type: 'date', id, value, required: true,
    onblur: (e) => {
      const typed = e.target.value;
      if (typed && typed !== value) {
        setTimeout(() => apply(typed)); // once the focus has moved on, so the redraw keeps it there
      }
    },
    onkeydown: (e) => e.key === 'Enter' && e.target.value && apply(e.target.value)});
  return h('div', {class: 'options'},
      h('label', {}, 'Date range', h('select', {id: 'date-range', onchange: (e) => choose(e.target.value)},
          DATE_RANGES.map((r) => h('option', {value: r, selected: range?.preset === r}, words(r))),
          h('option', {value: 'CUSTOM', selected: custom}, 'Custom range…'),
          range?.other ? h('option', {value: 'OTHER', selected: true}, range.other) : null)),
      custom ? [
        h('label', {}, 'From', dateInput('date-from', range.from, (from) => editReport(setDateRange(report, {from, to: range.to})))),
        h('label', {}, 'To', dateInput('date-to', range.to, (to) => editReport(setDateRange(report, {from: range.from, to})))),
      ] : null,
      h('label', {}, 'Time zone', h('select', {id: 'timezone', class: 'timezone',
        onchange: (e) => editReport(setClause(report, 'timezone', e.target.value))},
      h('option', {value: ''}, 'UTC (default)'),
      [...new Set([report.timezone, ...ZONES].filter(Boolean))].map((z) => h('option', {value: z, selected: z === report.timezone}, z)))),
      h('label', {}, 'Currency', h('select', {id: 'currency',
        onchange: (e) => editReport(setClause(report, 'currency', e.target.value))},
      h('option', {value: ''}, 'Accounts’ own'),
      [...new Set([report.currency, ...state.currencies].filter(Boolean))]
          .map((c) => h('option', {value: c, selected: c === report.currency}, c)))),
      report.pivotBy?.length ? null : h('label', {}, h('input', {type: 'checkbox', id: 'totals',
        checked: Boolean(report.totals?.grand), onchange: (e) => editReport(setGrandTotal(report, e.target.checked))}),
      'Totals'),
      h('label', {}, 'Compare', h('select', {id: 'compare',
        onchange: (e) => editReport(setClause(report, 'compare', e.target.value))},
      [['', 'No comparison'], ['PREVIOUS_PERIOD', 'Previous period'], ['SAME_PERIOD_LAST_YEAR', 'Same period last year']]
          .map(([value, text]) => h('option', {value, selected: (report.compare ?? '').toUpperCase() === value}, text)))));
}

const words = (range) => range.charAt(0) + range.slice(1).toLowerCase().replaceAll('_', ' ');
