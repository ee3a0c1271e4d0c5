// Report charts drawn with Apache ECharts. The page sends a small description (chart type, categories, series with each
// point's drill-down filter, target, number format); clicking a bar, slice or point asks the page to open the records behind it.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, FunnelChart, GaugeChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, ToolboxComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, FunnelChart, GaugeChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent,
  MarkLineComponent, ToolboxComponent, CanvasRenderer]);

const charts = new Map();
let next = 1;

function formatter(format, culture) {
  const number = new Intl.NumberFormat(culture, { maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(culture, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(culture, { style: 'percent', maximumFractionDigits: 1 });
  return value => {
    if (value === null || value === undefined || Number.isNaN(value)) return '';
    if (format === 'percent') return percent.format(value);
    if (format === 'money') return money.format(value);
    return number.format(value);
  };
}

function point(value, drill, name) {
  return { value: value === null ? null : Number(value), drill, name };
}

function options(spec) {
  const format = formatter(spec.format, spec.culture);
  const tooltip = { trigger: spec.type === 'pie' || spec.type === 'funnel' || spec.type === 'scatter' ? 'item' : 'axis', valueFormatter: format };
  const legend = { top: 0, type: 'scroll' };
  const first = spec.series[0] || { name: '', values: [], drills: [] };
  switch (spec.type) {
    case 'pie':
      return { tooltip, legend, series: [{ type: 'pie', name: first.name, radius: ['35%', '70%'], top: 30,
        data: spec.categories.map((c, i) => point(first.values[i], first.drills[i], c)), label: { formatter: '{b}: {d}%' } }] };
    case 'funnel':
      return { tooltip, legend, series: [{ type: 'funnel', name: first.name, top: 40, bottom: 10, sort: 'none', gap: 2,
        data: spec.categories.map((c, i) => point(first.values[i], first.drills[i], c)), label: { position: 'inside', formatter: p => `${p.name}: ${format(p.value)}` } }] };
    case 'gauge': {
      const value = spec.total === null ? 0 : Number(spec.total);
      const max = spec.target ? Number(spec.target) : Math.max(1, value * 1.25);
      return { series: [{ type: 'gauge', min: 0, max, progress: { show: true, width: 14 }, axisLine: { lineStyle: { width: 14 } },
        detail: { formatter: v => format(v), fontSize: 20, offsetCenter: [0, '70%'] }, axisLabel: { formatter: v => format(v) },
        title: { offsetCenter: [0, '95%'] }, data: [{ value, name: first.name, drill: spec.drill }] }] };
    }
    case 'scatter': {
      const y = spec.series[1] || first;
      return { tooltip: { trigger: 'item', formatter: p => `${p.name}<br/>${first.name}: ${format(p.value[0])}<br/>${y.name}: ${format(p.value[1])}` },
        xAxis: { type: 'value', name: first.name, axisLabel: { formatter: format } }, yAxis: { type: 'value', name: y.name, axisLabel: { formatter: format } },
        grid: { left: 60, right: 30, top: 40, bottom: 40, containLabel: true },
        series: [{ type: 'scatter', symbolSize: 12, data: spec.categories.map((c, i) => ({ name: c, value: [Number(first.values[i]), Number(y.values[i])], drill: first.drills[i] })) }] };
    }
    default: {
      const stacked = spec.type === 'stackedBar';
      const kind = spec.type === 'line' || spec.type === 'area' ? 'line' : 'bar';
      const series = spec.series.map(s => ({
        type: kind, name: s.name, stack: stacked ? 'total' : undefined, areaStyle: spec.type === 'area' ? {} : undefined, smooth: kind === 'line',
        emphasis: { focus: 'series' }, data: s.values.map((v, i) => point(v, s.drills[i])),
      }));
      if (spec.target && series.length > 0) {
        series[0].markLine = { symbol: 'none', data: [{ yAxis: Number(spec.target), name: spec.texts.target }], label: { formatter: p => `${spec.texts.target} ${format(p.value)}` } };
      }
      return { tooltip, legend, grid: { left: 20, right: 30, top: 40, bottom: 20, containLabel: true },
        xAxis: { type: 'category', data: spec.categories, axisLabel: { hideOverlap: true } }, yAxis: { type: 'value', axisLabel: { formatter: format } }, series };
    }
  }
}

/** Draws a chart in the element; answers its key. Clicking a point calls the page's Drill(filter). */
export function draw(element, spec, page) {
  const chart = echarts.init(element, null, { renderer: 'canvas', locale: spec.culture && spec.culture.startsWith('zh') ? 'ZH' : 'EN' });
  chart.setOption(options(spec));
  chart.on('click', params => {
    const drill = params.data && params.data.drill;
    if (drill && page) page.invokeMethodAsync('DrillAsync', drill);
  });
  const resize = new ResizeObserver(() => chart.resize());
  resize.observe(element);
  const key = next++;
  charts.set(key, { chart, resize, element });
  element.dataset.chartReady = 'true';
  element.dataset.points = points(spec);
  return key;
}

/** How many figures the chart shows: tests and people reading the page's markup can tell a chart drawn from an empty one. */
function points(spec) {
  return String(spec.series.reduce((n, s) => n + s.values.length, 0));
}

/** Replaces a chart's figures and kind (a dashboard's filter changed, a refresh, a change in the report builder). */
export function update(key, spec) {
  const entry = charts.get(key);
  if (entry) {
    entry.chart.setOption(options(spec), true);
    entry.element.dataset.points = points(spec);
  }
}

/** The chart as a PNG data URL on white, at twice the screen's resolution (for printing). */
export function png(key) {
  const entry = charts.get(key);
  return entry ? entry.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) : null;
}

/** Saves the chart as a PNG file in the browser (the picture never travels to the server and back). */
export function savePng(key, name) {
  const url = png(key);
  if (url) download(url, name);
}

/** Starts a download of a data URL or a URL under a file name. */
export function download(url, name) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

export function dispose(key) {
  const entry = charts.get(key);
  if (entry) {
    entry.resize.disconnect();
    entry.chart.dispose();
    charts.delete(key);
  }
}
