// The builder's edits of a report in its JSON form (docs/query-language.md). Every function takes a
// report and returns a new one; none changes its argument. The builder recognises the date range
// and the IN filters it writes itself in their canonical text (what explain answers); any other
// condition is kept as it is and shown as text.
import {conditions, quoted} from './report-text.js';

/** The relative date ranges of the language, as the date range select offers them. */
export const DATE_RANGES = ['TODAY', 'YESTERDAY', 'LAST_7_DAYS', 'LAST_14_DAYS', 'LAST_28_DAYS', 'LAST_30_DAYS',
  'LAST_90_DAYS', 'THIS_WEEK', 'LAST_WEEK', 'THIS_MONTH', 'LAST_MONTH', 'THIS_QUARTER', 'LAST_QUARTER',
  'THIS_YEAR', 'LAST_YEAR'];

/** A new report: nothing chosen yet over the last 30 days, a page of 100 rows. */
export const starterReport = () => ({where: ['date DURING LAST_30_DAYS'], limit: 100});

const DURING = /^date DURING ([A-Z0-9_]+)$/i;
const BETWEEN = /^date BETWEEN DATE '(\d{4}-\d{2}-\d{2})' AND DATE '(\d{4}-\d{2}-\d{2})'$/i;
const ANY_DATE_RANGE = /^date\s*(DURING|BETWEEN|>=|>|<=|<|=)/i;
const IN_LIST = /^([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*) IN \((.*)\)$/i;

/** The output name of a DIMENSIONS or METRICS item: its alias, else its expression. */
export const itemName = (item) => (typeof item === 'string' ? item : item.as ?? item.expression);
const expressionOf = (item) => (typeof item === 'string' ? item : item.expression);

/** The row dimensions: the dimensions not pivoted into columns. */
export function rowDimensions(report) {
  const pivot = new Set(report.pivotBy ?? []);
  return (report.dimensions ?? []).filter((d) => !pivot.has(itemName(d)) && !pivot.has(expressionOf(d)));
}

/** The column dimensions (PIVOT BY), as DIMENSIONS items. */
export function columnDimensions(report) {
  const dimensions = report.dimensions ?? [];
  return (report.pivotBy ?? []).map((p) => dimensions.find((d) => itemName(d) === p || expressionOf(d) === p) ?? p);
}

/** Puts a dimension into rows or columns (moving it when it is in the other), at the end. */
export function placeDimension(report, name, shelf) {
  const without = withoutField(report, name, false);
  const item = (report.dimensions ?? []).find((d) => itemName(d) === name) ?? name;
  const rows = rowDimensions(without);
  const columns = columnDimensions(without);
  (shelf === 'columns' ? columns : rows).push(item);
  return tidy({...without, dimensions: [...rows, ...columns], pivotBy: columns.map(itemName)});
}

/** Adds a metric to the values (once). */
export function addMetric(report, name) {
  const metrics = report.metrics ?? [];
  return metrics.some((m) => itemName(m) === name) ? report : {...report, metrics: [...metrics, name]};
}

/** Removes a dimension or metric, with the sorting and subtotals that name it. */
export const removeField = (report, name) => withoutField(report, name, true);

function withoutField(report, name, everywhere) {
  const keep = (item) => itemName(item) !== name;
  const next = {...report, dimensions: (report.dimensions ?? []).filter(keep),
    pivotBy: (report.pivotBy ?? []).filter((p) => p !== name)};
  if (everywhere) {
    next.metrics = (report.metrics ?? []).filter(keep);
    next.orderBy = (report.orderBy ?? []).filter((o) => (typeof o === 'string' ? o : o.expression) !== name);
    if (report.totals?.subtotals) {
      next.totals = {...report.totals, subtotals: report.totals.subtotals.filter((s) => s !== name)};
    }
  }
  return tidy(next);
}

/** Drops empty clauses, so the text stays as short as the report. */
function tidy(report) {
  const next = {...report};
  for (const key of ['dimensions', 'metrics', 'pivotBy', 'orderBy', 'where']) {
    if (Array.isArray(next[key]) && next[key].length === 0) {
      delete next[key];
    }
  }
  if (next.totals && !next.totals.grand && !next.totals.subtotals?.length) {
    delete next.totals;
  }
  if (next.totals?.subtotals?.length === 0) {
    next.totals = {grand: next.totals.grand};
  }
  return next;
}

/**
 * The report's date range: {preset} for DURING, {from, to} for BETWEEN two dates, {other} for a
 * date condition the builder does not write, or null.
 */
export function dateRange(report) {
  for (const condition of conditions(report.where)) {
    let match;
    if ((match = DURING.exec(condition))) {
      return {preset: match[1].toUpperCase()};
    }
    if ((match = BETWEEN.exec(condition))) {
      return {from: match[1], to: match[2]};
    }
    if (ANY_DATE_RANGE.test(condition)) {
      return {other: condition};
    }
  }
  return null;
}

/** Replaces the date range (the first date condition) by a preset or two dates. */
export function setDateRange(report, range) {
  const condition = range.preset ? `date DURING ${range.preset}` : `date BETWEEN DATE ${quoted(range.from)} AND DATE ${quoted(range.to)}`;
  const where = conditions(report.where);
  const at = where.findIndex((c) => ANY_DATE_RANGE.test(c));
  return {...report, where: at < 0 ? [condition, ...where] : where.map((c, i) => (i === at ? condition : c)), offset: undefined};
}

/**
 * The filters: every WHERE condition but the date range, each {index, text} and, for those of the
 * form `dimension IN (values)`, the dimension and the values.
 */
export function filters(report) {
  const where = conditions(report.where);
  const range = where.findIndex((c) => ANY_DATE_RANGE.test(c));
  return where.map((text, index) => ({index, text, ...inList(text)})).filter((f) => f.index !== range);
}

function inList(text) {
  const match = IN_LIST.exec(text);
  const values = match && literals(match[2]);
  return values ? {dimension: match[1], values} : {};
}

/** The values of a list of literals ('a', 'it''s', 42, 1.5), or null when it holds anything else. */
function literals(text) {
  const values = [];
  const literal = /\s*(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?))\s*(,|$)/y;
  let match;
  while (literal.lastIndex < text.length && (match = literal.exec(text))) {
    values.push(match[1] !== undefined ? match[1].replaceAll("''", "'") : Number(match[2]));
    if (match[3] === '') {
      return values;
    }
  }
  return null;
}

/** Sets (or, with no values, removes) the IN filter at index (null: a new one). */
export function setFilter(report, index, dimension, values) {
  const where = conditions(report.where);
  const condition = values.length ? `${dimension} IN (${values.map(literal).join(', ')})` : null;
  const next = index === null ? [...where, condition] : where.map((c, i) => (i === index ? condition : c));
  return tidy({...report, where: next.filter(Boolean), offset: undefined});
}

/** Removes the WHERE condition at index. */
export const removeCondition = (report, index) =>
  tidy({...report, where: conditions(report.where).filter((_, i) => i !== index), offset: undefined});

const literal = (value) => (typeof value === 'number' ? String(value) : quoted(value));

/** The first sort key: {name, descending}, or null. */
export function sorting(report) {
  const first = report.orderBy?.[0];
  if (!first) {
    return null;
  }
  return typeof first === 'string' ? {name: first, descending: false}
      : {name: first.expression, descending: String(first.direction).toUpperCase() === 'DESC'};
}

/** Sorts by one output column, from the first page. */
export const sortBy = (report, name, descending) =>
  ({...report, orderBy: [descending ? {expression: name, direction: 'DESC'} : name], offset: undefined});

/** Sets a clause to a value, or removes it (undefined, null, '' or false). */
export function setClause(report, clause, value) {
  const next = {...report};
  if (value === undefined || value === null || value === '' || value === false) {
    delete next[clause];
  } else {
    next[clause] = value;
  }
  return next;
}

/** Turns the grand total on or off, keeping subtotals. */
export const setGrandTotal = (report, on) => tidy({...report, totals: {...report.totals, grand: on || undefined}});

/** The page: rows per page (LIMIT) and the first row (OFFSET), when both are plain numbers. */
export function paging(report) {
  const limit = typeof report.limit === 'number' ? report.limit : null;
  const offset = typeof report.offset === 'number' ? report.offset : 0;
  const fixed = typeof report.limit === 'string' || typeof report.offset === 'string';
  return {limit, offset, fixed};
}

/** Sets rows per page (null: all rows) and the first row. */
export const setPage = (report, limit, offset) =>
  ({...report, limit: limit ?? undefined, offset: limit && offset ? offset : undefined});

/** Whether the report asks for anything at all. */
export const isEmpty = (report) => !report.dimensions?.length && !report.metrics?.length;

/** Whether the report is a pivot table. */
export const isPivot = (report) => Boolean(report.pivotBy?.length);
