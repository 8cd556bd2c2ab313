// The table of a /query answer: a sortable header per column, the detail rows, then the total rows
// (subtotals and the grand total) at the bottom, each labelled by its level.
import {h} from './dom.js';
import {noRows, scrolling, sortHeader, valueCell} from './table-cells.js';

export function rowsTable(answer) {
  if (!answer.rows.length) {
    return noRows();
  }
  const columns = answer.columns;
  const dimensions = columns.filter((c) => c.kind === 'dimension').length;
  const cell = (value, column, i) => (i < dimensions
    ? h('th', {scope: 'row', dataset: {value: value === null ? '' : String(value)}}, valueCell(value, column).textContent)
    : valueCell(value, column));
  const totals = answer.totals.map((total) => h('tr', {class: total.level === 'grand' ? 'grand' : 'subtotal'},
      total.values.map((value, i) => (i === 0 && dimensions > 0 && value === null
        ? h('th', {scope: 'row'}, total.level === 'grand' ? 'Total' : 'Subtotal')
        : i < dimensions ? h('th', {scope: 'row'}, value === null ? '' : valueCell(value, columns[i]).textContent)
          : valueCell(value, columns[i], {class: total.level === 'grand' ? 'grand-total' : '', dataset: {total: total.level}})))));
  return scrolling(h('table', {class: 'grid rows', id: 'result-table'},
      h('thead', {}, h('tr', {}, columns.map((column) => sortHeader(column)))),
      h('tbody', {}, answer.rows.map((row) => h('tr', {}, row.map((value, i) => cell(value, columns[i], i))))),
      totals.length ? h('tfoot', {}, totals) : null));
}
