// The chart of an answer, drawn by ECharts (from its WebJar, loaded the first time a chart is
// shown): a line chart when the rows are a time dimension, bars for categories; one series per
// pivot column (or per metric and its comparison period), for one metric at a time; legends and
// tooltips format values by the answer's metadata.
import {fill, h} from './dom.js';
import {formatCompact, formatValue} from './format.js';

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
const PALETTE = ['#1f5fa8', '#e8871e', '#2a9d8f', '#c2405a', '#7b5ea7', '#6b8e23', '#b8860b', '#4f6d7a', '#d1495b', '#00798c'];

let echarts = null;
let chart = null;
let resizing = null;
let metricChoice = null;

/** Draws the chart of an answer ({kind, data}) into a view. */
export async function renderChart(view, answer) {
  const series = answer && seriesOf(answer);
  if (!series || !series.categories.length) {
    disposeChart();
    fill(view, h('div', {class: 'empty'}, h('strong', {}, 'Nothing to chart'),
        answer ? 'The report has no rows, or no metric to draw.' : 'Run a report with a dimension and a metric.'));
    return;
  }
  const select = h('select', {id: 'chart-metric', onchange: (e) => {
    metricChoice = e.target.value;
    renderChart(view, answer);
  }}, series.metrics.map((m) => h('option', {value: m.name, selected: m.name === series.metric.name}, m.label)));
  const canvas = h('div', {class: 'chart', id: 'chart', role: 'img',
    'aria-label': `${series.line ? 'Line' : 'Bar'} chart of ${series.metric.label} by ${series.axisLabel}`});
  disposeChart();
  fill(view, h('div', {class: 'chart-bar'}, h('label', {}, 'Metric ', select),
      h('span', {}, series.line ? 'Line chart: the rows are a time dimension' : 'Bar chart by category')), canvas);
  echarts ??= await import(ECHARTS);
  if (!canvas.isConnected) {
    return;
  }
  chart = echarts.init(canvas, null, {renderer: 'canvas'});
  chart.setOption(option(series));
  resizing = new ResizeObserver(() => chart?.resize());
  resizing.observe(canvas);
  view.dataset.drawn = String(Date.now());
}

function disposeChart() {
  resizing?.disconnect();
  chart?.dispose();
  chart = null;
}

/** What to draw: categories (x), the chosen metric, and one series per pivot column or compared period. */
function seriesOf({kind, data}) {
  if (kind === 'pivot') {
    const metrics = data.metrics;
    const m = Math.max(0, metrics.findIndex((x) => x.name === metricChoice));
    const line = Boolean(data.rowDimensions[0]?.grain);
    const rows = line ? [...data.rows].sort((a, b) => compare(a.header, b.header)) : data.rows;
    return {
      line, metrics, metric: metrics[m], axisLabel: data.rowDimensions.map((d) => d.label).join(' / '),
      categories: rows.map((row) => row.labels.join(' / ')),
      series: data.columns.map((_, c) => ({name: data.columnLabels[c].join(' / '), values: rows.map((row) => row.cells[c][m])})),
    };
  }
  const dimensions = data.columns.map((c, i) => ({...c, i})).filter((c) => c.kind === 'dimension');
  const metrics = data.columns.map((c, i) => ({...c, i})).filter((c) => c.kind === 'metric');
  if (!metrics.length) {
    return null;
  }
  const metric = metrics.find((x) => x.name === metricChoice) ?? metrics[0];
  const previous = metrics.find((x) => x.name === `${metric.name}_previous`);
  const line = Boolean(dimensions[0]?.grain);
  const rows = line ? [...data.rows].sort((a, b) => compare(dimensions.map((d) => a[d.i]), dimensions.map((d) => b[d.i]))) : data.rows;
  return {
    line, metrics, metric, axisLabel: dimensions.map((d) => d.label).join(' / ') || 'total',
    categories: rows.map((row) => dimensions.map((d) => formatValue(row[d.i], d)).join(' / ') || metric.label),
    series: [metric, previous].filter(Boolean).map((m) => ({name: m.label, values: rows.map((row) => row[m.i])})),
  };
}

const compare = (a, b) => String(a).localeCompare(String(b));

function option(series) {
  const metric = series.metric;
  return {
    color: PALETTE,
    animation: false,
    aria: {enabled: true},
    grid: {left: 16, right: 24, top: 48, bottom: 16, containLabel: true},
    legend: {type: 'scroll', top: 4, textStyle: {color: '#1c2430'}},
    tooltip: {trigger: 'axis', axisPointer: {type: series.line ? 'line' : 'shadow'}, confine: true,
      formatter: (items) => tooltip(items, metric)},
    xAxis: {type: 'category', data: series.categories, boundaryGap: !series.line,
      axisLabel: {color: '#3c4654', hideOverlap: true}, axisLine: {lineStyle: {color: '#9aa4b1'}}},
    yAxis: {type: 'value', name: metric.label, nameTextStyle: {color: '#3c4654', align: 'left'},
      axisLabel: {color: '#3c4654', formatter: (value) => formatCompact(value, metric)},
      splitLine: {lineStyle: {color: '#e6e9ee'}}},
    series: series.series.map((s) => ({name: s.name, type: series.line ? 'line' : 'bar', data: s.values,
      showSymbol: series.categories.length <= 60, connectNulls: false, barMaxWidth: 36,
      emphasis: {focus: 'series'}})),
  };
}

/** The tooltip of one category: its name and each series' value, formatted (DOM, no HTML strings). */
function tooltip(items, metric) {
  const list = [items].flat();
  return h('div', {class: 'chart-tooltip'}, h('div', {class: 'title'}, list[0]?.axisValueLabel ?? ''),
      list.map((item) => {
        const swatch = h('span', {class: 'swatch'});
        swatch.style.background = item.color;
        return h('div', {class: 'line'}, swatch, h('span', {}, item.seriesName),
            h('span', {class: 'value'}, formatValue(item.value ?? null, metric)));
      }));
}
