// The pivot table of a /pivot answer: one header row per column dimension (equal neighbouring
// headers merged), a header row of metrics, row headers labelled by the server (by grain: 2026-08,
// 2026-W32), row totals on the right, column totals and the grand total at the bottom.
import {h} from './dom.js';
import {noRows, scrolling, sortHeader, valueCell} from './table-cells.js';

export function pivotTable(pivot) {
  if (!pivot.rows.length) {
    return noRows();
  }
  const metrics = pivot.metrics;
  const width = metrics.length;
  const head = [];
  pivot.columnDimensions.forEach((dimension, level) => {
    head.push(h('tr', {},
        h('th', {scope: 'col', class: 'corner', colspan: pivot.rowDimensions.length}, dimension.label),
        spans(pivot.columns, level).map(({from, count}) => h('th', {scope: 'colgroup', class: 'column-value',
          colspan: count * width}, pivot.columnLabels[from][level])),
        level === 0 ? h('th', {scope: 'colgroup', class: 'column-value total', colspan: width,
          rowspan: pivot.columnDimensions.length}, 'Total') : null));
  });
  head.push(h('tr', {},
      pivot.rowDimensions.map((dimension) => sortHeader(dimension, {class: 'corner'})),
      pivot.columns.map(() => metrics.map((metric) => h('th', {scope: 'col', class: 'num'}, metric.label))),
      metrics.map((metric) => sortHeader(metric, {class: 'num total'}, metric.label))));

  const body = pivot.rows.map((row, r) => h('tr', {},
      row.labels.map((label, level) => h('th', {scope: 'row',
        class: r > 0 && sameUpTo(pivot.rows[r - 1].header, row.header, level) ? 'repeat' : null}, label)),
      row.cells.map((cell, c) => cell.map((value, m) => valueCell(value, metrics[m], {dataset: {column: String(c)}}))),
      row.total.map((value, m) => valueCell(value, metrics[m], {class: 'total', dataset: {total: 'row'}}))));

  const foot = h('tr', {class: 'grand'},
      h('th', {scope: 'row', colspan: pivot.rowDimensions.length}, 'Total'),
      pivot.columnTotals.map((cells, c) => cells.map((value, m) => valueCell(value, metrics[m],
          {dataset: {column: String(c), total: 'column'}}))),
      pivot.grandTotal.map((value, m) => valueCell(value, metrics[m], {class: 'total grand-total', dataset: {total: 'grand'}})));

  return scrolling(h('table', {class: 'grid pivot', id: 'result-table'},
      h('thead', {}, head), h('tbody', {}, body), h('tfoot', {}, foot)));
}

/** Runs of neighbouring columns with equal headers up to a level: [{from, count}]. */
function spans(columns, level) {
  const runs = [];
  columns.forEach((column, i) => {
    const last = runs[runs.length - 1];
    if (last && sameUpTo(columns[last.from], column, level)) {
      last.count++;
    } else {
      runs.push({from: i, count: 1});
    }
  });
  return runs;
}

const sameUpTo = (a, b, level) => a.slice(0, level + 1).every((value, i) => value === b[i]);
