// The field list: the model's dimensions grouped by entity (the time dimension by grain) and its
// metrics grouped by dataset, with labels and descriptions, searchable. A click puts a dimension
// into the rows and a metric into the values; "+ col" puts a dimension into the columns; fields
// can also be dragged onto the builder's shelves.
import {byId, fill, h, keepFocus} from './dom.js';
import {state, subscribe} from './state.js';
import {editReport} from './session.js';
import {addMetric, itemName, placeDimension} from './report-model.js';

export const DRAG_TYPE = 'application/x-quarry-field';

/** The fields of the model: {name, label, description, kind, group}, in the model's order. */
export function fieldsOf(model) {
  const fields = [];
  for (const dimension of model.dimensions) {
    if (dimension.grains?.length) {
      for (const grain of dimension.grains) {
        fields.push({name: `${dimension.name}.${grain}`, label: `${dimension.label} (${grain})`,
          description: dimension.description, kind: 'dimension', group: dimension.label, time: true});
      }
    } else {
      const entity = dimension.name.split('.')[0];
      fields.push({...pick(dimension), kind: 'dimension', group: words(entity)});
    }
  }
  const datasets = new Map(model.datasets.map((d) => [d.name, d.description]));
  for (const metric of model.metrics) {
    fields.push({...pick(metric), kind: 'metric', group: metric.dataset ? `${words(metric.dataset)} metrics` : 'Derived metrics',
      groupDescription: metric.dataset ? datasets.get(metric.dataset) : 'Computed from other metrics'});
  }
  return fields;
}

const pick = ({name, label, description}) => ({name, label, description});
const words = (name) => name.charAt(0).toUpperCase() + name.slice(1).replaceAll('_', ' ');

/** The label of a field name (date.month -> "Date (month)"), or the name itself. */
export function labelOf(name) {
  return state.fields?.find((f) => f.name === name)?.label ?? name;
}

export function mountFields() {
  byId('field-search').addEventListener('input', () => render(state));
  subscribe((current, changed) => {
    if (changed.has('fields') || changed.has('report')) {
      render(current);
    }
  });
}

function render(current) {
  keepFocus(() => renderList(current));
}

function renderList(current) {
  const search = byId('field-search').value.trim().toLowerCase();
  const used = new Set([...(current.report.dimensions ?? []), ...(current.report.metrics ?? [])].map(itemName));
  const matching = current.fields.filter((f) => !search || [f.name, f.label, f.description ?? '', f.group]
      .some((text) => text.toLowerCase().includes(search)));
  const groups = group(matching);
  fill(byId('field-list'), matching.length ? [...groups].map(([name, fields]) => [
    h('h2', {title: fields[0].groupDescription}, name),
    h('ul', {}, fields.map((f) => item(f, used.has(f.name)))),
  ]) : h('p', {class: 'muted'}, 'No field matches.'));
}

function group(fields) {
  const groups = new Map();
  for (const field of fields) {
    groups.set(field.group, [...(groups.get(field.group) ?? []), field]);
  }
  return groups;
}

function item(field, used) {
  const add = () => editReport(field.kind === 'metric' ? addMetric(state.report, field.name)
    : placeDimension(state.report, field.name, 'rows'));
  return h('li', {},
      h('button', {type: 'button', class: `field ${field.kind}`, draggable: 'true', 'aria-pressed': String(used),
        title: field.description ? `${field.name}: ${field.description}` : field.name,
        dataset: {field: field.name, focus: `field:${field.name}`},
        'aria-label': `${field.label}: add to ${field.kind === 'metric' ? 'values' : 'rows'}`,
        onclick: add,
        ondragstart: (event) => {
          event.dataTransfer.setData(DRAG_TYPE, JSON.stringify({name: field.name, kind: field.kind}));
          event.dataTransfer.effectAllowed = 'copyMove';
        }},
      h('span', {class: 'label'}, field.label),
      h('span', {class: 'description'}, field.description ?? field.name)),
      field.kind === 'dimension' ? h('button', {type: 'button', class: 'to-columns', title: 'Add to columns',
        dataset: {focus: `columns:${field.name}`},
        'aria-label': `${field.label}: add to columns`,
        onclick: () => editReport(placeDimension(state.report, field.name, 'columns'))}, '+ col') : null);
}
