// The results: tabs for the table, the chart and the SQL and plan; the run's status; a problem the
// server answered (a pivot too wide for the column cap, a missing exchange rate...) in words; and
// the pager, which pages by the report's own LIMIT and OFFSET.
import {byId, fill, h} from './dom.js';
import {state, subscribe, update} from './state.js';
import {editReport, explainCurrent, runsSaved} from './session.js';
import {paging, setPage} from './report-model.js';
import {pivotTable} from './pivot-table.js';
import {rowsTable} from './rows-table.js';
import {renderChart} from './chart.js';
import {renderExplain} from './explain.js';

const VIEWS = ['table', 'chart', 'explain'];
const PAGE_SIZES = [25, 50, 100, 500, 1000];

/** Hints for problems whose cure is not in the report text alone. */
const HINTS = {
  PIVOT_TOO_WIDE: 'Pivot fewer values into columns: filter the column dimension, pick a coarser time grain, or move it to the rows.',
  PIVOT_TOO_LONG: 'Narrow the report (a shorter date range, a filter) or page through it with rows per page.',
  MIXED_CURRENCIES: 'Choose a reporting currency: the accounts keep money in several.',
  MISSING_EXCHANGE_RATE: 'Choose another currency or date range: a day lacks its exchange rate.',
};

export function mountResults() {
  for (const view of VIEWS) {
    const tab = byId(`tab-${view}`);
    tab.addEventListener('click', () => update({view}));
    tab.addEventListener('keydown', (event) => {
      const step = {ArrowRight: 1, ArrowLeft: -1}[event.key];
      if (step) {
        const next = VIEWS[(VIEWS.indexOf(view) + step + VIEWS.length) % VIEWS.length];
        update({view: next});
        byId(`tab-${next}`).focus();
      }
    });
  }
  subscribe(render);
}

function render(current, changed) {
  if (changed.has('view')) {
    for (const view of VIEWS) {
      const selected = view === current.view;
      byId(`tab-${view}`).setAttribute('aria-selected', String(selected));
      byId(`tab-${view}`).tabIndex = selected ? 0 : -1;
      byId(`view-${view}`).hidden = !selected;
    }
  }
  if (changed.has('answer') || changed.has('answerProblem') || changed.has('running') || changed.has('report')) {
    renderStatus(current);
  }
  if (changed.has('answer') || changed.has('answerProblem')) {
    renderProblem(current.answerProblem);
    fill(byId('view-table'), tableOf(current));
    renderPager(current);
  }
  if ((changed.has('answer') || changed.has('view')) && current.view === 'chart') {
    renderChart(byId('view-chart'), current.answer);
  }
  if (current.view === 'explain' && (changed.has('explain') || changed.has('view'))) {
    renderExplain(byId('view-explain'), current.explain);
  }
  if (current.view === 'explain' && !current.explain && (changed.has('view') || changed.has('report'))) {
    explainCurrent(); // a typed text's explain comes with its report (session.js)
  }
}

function tableOf(current) {
  if (current.answer) {
    return current.answer.kind === 'pivot' ? pivotTable(current.answer.data) : rowsTable(current.answer.data);
  }
  if (current.answerProblem) {
    return null;
  }
  return h('div', {class: 'empty'}, h('strong', {}, 'Start a report'),
      'Click or drag dimensions into rows or columns and metrics into values, or type the report below.');
}

function renderStatus(current) {
  const meta = current.answer?.data.meta;
  byId('run-status').textContent = current.running ? 'Running…'
    : meta ? `${current.answer.data.rows.length.toLocaleString()} rows · ${Math.round(current.answer.millis)} ms`
        + (meta.cached ? ' · cached' : '') : '';
  byId('export').disabled = !current.answer;
}

function renderProblem(problem) {
  const box = byId('result-problem');
  box.hidden = !problem;
  if (problem) {
    fill(box, h('strong', {}, problem.title ?? 'The report was not answered'),
        (problem.detail ?? '').replace(/^line \d+:\d+: /, ''),
        HINTS[problem.code] ? h('div', {class: 'hint'}, HINTS[problem.code]) : null);
  }
}

function renderPager(current) {
  const pager = byId('pager');
  const answer = current.answer;
  const page = paging(current.report);
  pager.hidden = !answer || runsSaved();
  if (pager.hidden) {
    return;
  }
  const meta = answer.data.meta;
  const limit = meta.limit ?? page.limit;
  const offset = meta.offset ?? page.offset;
  const shown = answer.data.rows.length;
  const total = Number.isInteger(meta.totalRows) ? meta.totalRows : null;
  const last = offset + shown;
  const more = total !== null ? last < total : Boolean(meta.truncated) || (limit !== null && shown === limit);
  const go = (size, first) => editReport(setPage(current.report, size, first));
  const sizes = [...new Set([...PAGE_SIZES, ...(limit ? [limit] : [])])].sort((a, b) => a - b);
  fill(pager,
      h('span', {id: 'page-range'}, shown ? `Rows ${(offset + 1).toLocaleString()}–${last.toLocaleString()}` : 'No rows',
          total !== null ? ` of ${total.toLocaleString()}` : ''),
      h('span', {class: 'spacer'}),
      h('label', {}, 'Rows per page ', h('select', {id: 'page-size', disabled: page.fixed,
        onchange: (e) => go(e.target.value ? Number(e.target.value) : null, 0)},
      h('option', {value: '', selected: limit === null}, 'All'),
      sizes.map((size) => h('option', {value: size, selected: size === limit}, String(size))))),
      h('button', {type: 'button', class: 'button small', id: 'page-previous', disabled: page.fixed || !limit || offset === 0,
        onclick: () => go(limit, Math.max(0, offset - limit))}, '‹ Previous'),
      h('button', {type: 'button', class: 'button small', id: 'page-next', disabled: page.fixed || !limit || !more,
        onclick: () => go(limit, offset + limit)}, 'Next ›'));
}
