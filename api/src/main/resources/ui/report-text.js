// Writes a report's JSON form (docs/query-language.md) as its text form, one clause per line in the
// language's clause order. Expressions in the JSON form are already text and are written as they
// are; the server parses the result (explain) and answers its canonical form.

/** The text form of a report in its JSON form. */
export function reportText(report) {
  const lines = [];
  if (report.parameters?.length) {
    lines.push(`PARAMETERS (${report.parameters.map(parameter).join(', ')})`);
  }
  if (report.from) {
    lines.push(`FROM ${report.from}`);
  }
  list(lines, 'DIMENSIONS', report.dimensions, item);
  list(lines, 'METRICS', report.metrics, item);
  if (conditions(report.where).length) {
    lines.push(`WHERE ${conjunction(conditions(report.where))}`);
  }
  if (conditions(report.having).length) {
    lines.push(`HAVING ${conjunction(conditions(report.having))}`);
  }
  list(lines, 'ORDER BY', report.orderBy, sortItem);
  if (report.limit !== undefined && report.limit !== null) {
    lines.push(`LIMIT ${report.limit}`);
  }
  if (report.offset !== undefined && report.offset !== null) {
    lines.push(`OFFSET ${report.offset}`);
  }
  list(lines, 'PIVOT BY', report.pivotBy, String);
  const totals = [];
  if (report.totals?.grand) {
    totals.push('GRAND');
  }
  if (report.totals?.subtotals?.length) {
    totals.push(`SUBTOTALS (${report.totals.subtotals.join(', ')})`);
  }
  if (totals.length) {
    lines.push(`TOTALS ${totals.join(', ')}`);
  }
  if (report.compare) {
    lines.push(`COMPARE ${report.compare.toUpperCase()}`);
  }
  list(lines, 'ACCOUNTS', report.accounts, String, true);
  if (report.timezone) {
    lines.push(`TIMEZONE ${quoted(report.timezone)}`);
  }
  if (report.currency) {
    lines.push(`CURRENCY ${quoted(report.currency)}`);
  }
  return lines.join('\n');
}

/** A string literal of the language: 'it''s'. */
export const quoted = (value) => `'${String(value).replaceAll("'", "''")}'`;

/** The conditions of a WHERE or HAVING (a string or an array of strings that are ANDed). */
export const conditions = (value) => (value === undefined || value === null ? [] : [value].flat());

function list(lines, keyword, items, write, parenthesized = false) {
  if (items?.length) {
    const written = items.map(write).join(', ');
    lines.push(parenthesized ? `${keyword} (${written})` : `${keyword} ${written}`);
  }
}

const parameter = (p) => `${p.name} ${p.type}${p.default !== undefined && p.default !== null ? ` DEFAULT ${p.default}` : ''}`;

const item = (i) => (typeof i === 'string' ? i : i.as ? `${i.expression} AS ${i.as}` : i.expression);

function sortItem(i) {
  if (typeof i === 'string') {
    return i;
  }
  const direction = String(i.direction || 'ASC').toUpperCase() === 'DESC' ? ' DESC' : '';
  return `${i.expression}${direction}${i.nulls ? ` NULLS ${i.nulls.toUpperCase()}` : ''}`;
}

/** ANDs conditions; one with an OR outside parentheses and quotes gets parentheses (AND binds tighter). */
function conjunction(list) {
  return list.length === 1 ? list[0] : list.map((c) => (topLevelOr(c) ? `(${c})` : c)).join(' AND ');
}

function topLevelOr(condition) {
  let depth = 0;
  for (let i = 0; i < condition.length; i++) {
    const c = condition[i];
    if (c === "'" || c === '"') {
      i = condition.indexOf(c, i + 1);
      while (i >= 0 && condition[i + 1] === c) {
        i = condition.indexOf(c, i + 2);
      }
      if (i < 0) {
        return false;
      }
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
    } else if (depth === 0 && /^OR\b/i.test(condition.slice(i)) && (i === 0 || /\s|\)/.test(condition[i - 1]))) {
      return true;
    }
  }
  return false;
}
