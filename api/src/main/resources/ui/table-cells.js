// What the pivot table and the row table share: value cells formatted by their column's metadata,
// headers that sort the report when clicked, and sticky header rows and row-header columns.
import {h} from './dom.js';
import {state} from './state.js';
import {editReport} from './session.js';
import {formatValue, numeric} from './format.js';
import {sortBy, sorting} from './report-model.js';

/** A value cell: formatted for people, its raw value in data-value (for copying and for tests). */
export function valueCell(value, column, extra = {}) {
  return h('td', {class: [numeric(column) ? 'num' : '', value === null ? 'null' : '', extra.class ?? ''].join(' ').trim(),
    dataset: {value: value === null ? '' : String(value), metric: column.name, ...extra.dataset}},
  formatValue(value, column));
}

/**
 * A header that sorts the report by its column: ascending first, then descending. Only output
 * columns of the report itself sort (not a comparison's added columns).
 */
export function sortHeader(column, attributes = {}, label = column.label) {
  const current = sorting(state.report);
  const active = current?.name === column.name;
  const sortable = reportColumns().has(column.name);
  const ariaSort = active ? (current.descending ? 'descending' : 'ascending') : null;
  return h('th', {scope: 'col', class: numeric(column) ? 'num' : null, 'aria-sort': ariaSort, ...attributes},
      sortable ? h('button', {type: 'button', class: 'sort', title: `Sort by ${label}`,
        onclick: () => editReport(sortBy(state.report, column.name, active && !current.descending))},
      label, h('span', {class: 'arrow', 'aria-hidden': 'true'}, active ? (current.descending ? '▼' : '▲') : ''))
        : label);
}

function reportColumns() {
  const items = [...(state.report.dimensions ?? []), ...(state.report.metrics ?? [])];
  return new Set(items.map((item) => (typeof item === 'string' ? item : item.as ?? item.expression)));
}

/** A table in its scrolling box, with sticky offsets set once it is in the page. */
export function scrolling(table) {
  const box = h('div', {class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Result table'}, table);
  requestAnimationFrame(() => stick(table));
  return box;
}

/** Stacks the header rows under each other and the row-header columns beside each other while scrolling. */
function stick(table) {
  let top = 0;
  for (const row of table.tHead?.rows ?? []) {
    for (const cell of row.cells) {
      cell.style.top = `${top}px`;
    }
    top += row.getBoundingClientRect().height;
  }
  const first = table.tBodies[0]?.rows[0];
  if (!first) {
    return;
  }
  const lefts = [];
  let left = 0;
  for (const cell of first.cells) {
    if (cell.tagName !== 'TH') {
      break;
    }
    lefts.push(left);
    left += cell.getBoundingClientRect().width;
  }
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.cells].slice(0, lefts.length).forEach((cell, i) => {
      cell.style.left = `${lefts[i]}px`;
    });
  }
}

/** The empty state of an answer without rows. */
export const noRows = () => h('div', {class: 'empty', id: 'empty-state'},
    h('strong', {}, 'No data for this report'),
    'Nothing matched in these accounts: widen the date range or remove a filter.');
