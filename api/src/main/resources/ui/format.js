// Formats answer values by the metadata the server sends with each column (format, currency, time
// grain): no metric or dimension is known here by name.

const formats = new Map();

function numberFormat(key, options) {
  if (!formats.has(key)) {
    formats.set(key, new Intl.NumberFormat(undefined, options));
  }
  return formats.get(key);
}

function numbers(column, compact) {
  const style = compact ? {notation: 'compact', maximumFractionDigits: 1} : {};
  switch (column.format) {
    case 'currency':
      return column.currency
        ? numberFormat(`c:${column.currency}:${compact}`, {style: 'currency', currency: column.currency, ...style})
        : numberFormat(`d:${compact}`, {minimumFractionDigits: compact ? 0 : 2, maximumFractionDigits: 2, ...style});
    case 'percent':
      return numberFormat(`p:${compact}`, {style: 'percent', minimumFractionDigits: compact ? 0 : 2, maximumFractionDigits: 2});
    case 'integer':
      return numberFormat(`i:${compact}`, {maximumFractionDigits: 0, ...style});
    default:
      return numberFormat(`n:${compact}`, {maximumFractionDigits: 2, ...style});
  }
}

/** A value as the column's format shows it; a missing dimension value is "(none)", a missing number "–". */
export function formatValue(value, column) {
  if (value === null || value === undefined) {
    return column.kind === 'dimension' ? '(none)' : '–';
  }
  if (column.format === 'date' || column.format === 'text' || typeof value !== 'number') {
    return column.grain ? grainLabel(String(value), column.grain) : String(value);
  }
  return numbers(column, false).format(value);
}

/** A number shortened for a chart axis (1.2M, €340K, 12%). */
export const formatCompact = (value, column) => numbers(column, true).format(value);

/** Whether a column holds numbers (aligned right). */
export const numeric = (column) => ['currency', 'percent', 'integer', 'number'].includes(column.format);

/**
 * The label of a time bucket's first day by its grain, as the server labels pivot headers:
 * 2026-08-03 (day), 2026-W32 (ISO week), 2026-08 (month), 2026-Q3 (quarter), 2026 (year).
 */
export function grainLabel(value, grain) {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!day) {
    return value;
  }
  const [, year, month] = day;
  switch (grain) {
    case 'week':
      return isoWeek(Date.UTC(Number(year), Number(month) - 1, Number(day[3])));
    case 'month':
      return `${year}-${month}`;
    case 'quarter':
      return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
    case 'year':
      return year;
    default:
      return day[0];
  }
}

function isoWeek(time) {
  const thursday = new Date(time);
  thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3); // its week's Thursday decides the year
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
