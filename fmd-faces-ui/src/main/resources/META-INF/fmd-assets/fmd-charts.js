/*
 * fmd-charts.js: the dashboard's charts, drawn with Apache ECharts (echarts.min.js, served beside this file
 * from the jar's META-INF/fmd-assets/). Plain ES2017, no build step, no other library. Load echarts.min.js
 * first, then this file.
 *
 * THE CONTRACT (pages are written against it)
 *
 * Each chart on a page is
 *
 *   <div class="fmd-chart" data-chart="TYPE" data-unit="ms|requests|%" style="height:360px">
 *     <script type="application/json">{ ...data... }</script>
 *   </div>
 *
 * The JSON is written server-side with <, >, & and U+2028/U+2029 escaped (\u003c ...). On DOMContentLoaded
 * every .fmd-chart is parsed and drawn (echarts.init(el), canvas renderer); all charts follow window
 * resizes. window.fmdCharts = { render(el), renderAll(root) } draws one chart, or every chart below root
 * (default: document), again after a partial page update; drawing a chart again replaces the old one.
 * (fmdCharts.format holds the number formats, for tests.) Charts also follow their element's own size
 * changes (ResizeObserver), e.g. one drawn in a hidden tab.
 *
 * data-unit formats values: "ms" with 3 significant digits (0.123, 12.3, 1234), "requests" as whole
 * numbers with thousands separators, "%" as a share 0..1 shown as a percentage. Colours are CSS colours
 * (#rgb, #rrggbb, rgb(...), hsl(...)) or null for ECharts' palette.
 *
 * TYPE and its JSON:
 *
 * heatmap   {"xLabels":["00",...,"23"], "yLabels":["Mon 16 Nov",...], "cells":[[x,y,value],...],
 *            "valueName":"requests", "percent":false}
 *           Rows top to bottom in yLabels' order; a continuous light-to-dark blue scale from 0 to the max;
 *           "percent":true: the values are shares 0..1 shown as %. Tooltip "day, hour: N requests" (x labels
 *           that are the 24 hours read "14:00"). Also versions x endpoints: long y labels get up to 45 % of
 *           the width, longer ones end in an ellipsis in the axis and are whole in the tooltip. The chart
 *           grows taller than the page's height when rows would be under 18 px.
 * stacked   {"categories":["2026-11-19",...], "series":[{"name":"v1.2","color":"#1f77b4"|null,"data":[3,0,5,...]}],
 *            "kind":"bar"|"line"|"area", "valueName":"requests", "stack":true}
 *           Stacked bars, lines or areas ("stack":false: not stacked); legend at the top (scrolls when long);
 *           the tooltip lists each series with its value and the total; a zoom slider below when there are
 *           more than 31 categories, showing the last 31 at first.
 * boxplot   {"rows":[{"name":"OrderResource.list","color":"#...","p5":1.2,"p25":2.0,"median":3.1,"p75":4.4,
 *            "p95":9.0,"mean":3.9,"hits":1234}], "valueName":"duration"}
 *           Horizontal boxes, one row an item, in the rows' order from the top, each box in its row's colour,
 *           whiskers p5..p95, a diamond at the mean. A "log scale" switch at the top right (on at first when
 *           the values span more than two orders of magnitude). The element grows to
 *           max(its height, rows * 28 + 80) px.
 * bubble    {"xLabels":["v1","v2"], "yLabels":["alice","bob","(other)"], "cells":[[x,y,medianMs,hits],...],
 *            "valueName":"median"}
 *           A circle per cell, its diameter 6..40 px in proportion to the value (by the max), coloured by its
 *           x (version); tooltip: y label, x label, value, hits. Grows like boxplot (rows * 28 + 80).
 * sunburst  {"root":{"name":"OrderResource.list","method":"a.b.OrderResource.list","location":"OrderResource.java:42",
 *            "value":totalMs,"hits":N,"mean":ms,"sd":ms,"share":0..1,"children":[...same...]}, "valueName":"ms"}
 *           A call tree (grouped profile), the endpoint in the centre, each call around its caller, angle by
 *           time, 8 rings at most (the flame graph shows deeper calls); a click zooms into a subtree (the
 *           centre goes back up). Tooltip: method, file:line, time,
 *           share, requests, mean, standard deviation.
 * flame     The same JSON as sunburst, as a flame graph: the endpoint at the bottom, each call above its
 *           caller, width by time; a click on a box zooms into it (its width fills the chart), a click on the
 *           bottom box zooms out. The element's height becomes (depth + 1) * 20 + 8 px, at least 120 and at
 *           most 420 (deeper trees get thinner rows, named while they are 12 px high or more).
 * line      {"categories":[...], "series":[{"name":"median","color":null,"data":[...]}], "valueName":"ms",
 *            "notes":["app 1.4.0",...]}
 *           The stacked chart with kind "line" and no stacking (unless "stack":true is given). A null value
 *           leaves a gap in its line and is left out of the tooltip. "notes" (optional, also for stacked):
 *           a line per category, shown under its name in the tooltip.
 *
 * Every text that comes from data (names, labels, series names) is HTML-escaped with
 * echarts.format.encodeHTML in every tooltip; axis labels and legends are drawn on the canvas. Empty data
 * draws empty axes and throws nothing (the page shows its own empty state). A chart that fails logs to the
 * console and leaves the others alone.
 *
 * ALSO HERE: a page loading indicator. A click on a same-origin link (not "#...", not target="_blank" or
 * any other target, not download, no modifier key), or the submit of a form.fmd-form, shows after 150 ms a
 * thin animated bar fixed at the top of the window (div.fmd-progress, its style injected by this script).
 * <time class="fmd-time"> elements are formatted by the server and left alone.
 */
(function () {
  'use strict';

  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  const TEXT = '#1f2933';
  const MUTED = '#52606d';
  const LINE = '#cbd2d9';
  const SPLIT = '#e4e7eb';
  /* ECharts 5's own palette, for colours the server leaves null (boxplot and bubble colour by hand). */
  const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];
  /* Sequential, light to dark blue (ColorBrewer "Blues"). */
  const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
  const LABEL_FONT_SIZE = 12;
  const ZOOM_AFTER = 31;
  const charts = new Map(); // element -> {chart, relayout}

  /* ---------- formatting ---------- */

  const esc = (s) => echarts.format.encodeHTML(s == null ? '' : String(s));
  const num = (v) => (typeof v === 'number' && isFinite(v) ? v : (v == null || v === '' ? NaN : Number(v)));
  const arr = (a) => (Array.isArray(a) ? a : []);
  const lang = () => document.documentElement.lang || undefined;

  let grouping;
  function thousands(v) {
    if (!grouping) {
      try { grouping = new Intl.NumberFormat(lang(), { maximumFractionDigits: 0 }); }
      catch (e) { grouping = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }); }
    }
    return grouping.format(v);
  }

  /* 3 significant digits, whole numbers from 100 on: 0.123, 12.3, 1234. */
  function ms(v) {
    v = num(v);
    if (!isFinite(v)) return '–';
    const a = Math.abs(v);
    if (a >= 100) return String(Math.round(v));
    if (a === 0) return '0';
    return String(Number(v.toPrecision(3)));
  }

  function percent(v) {
    v = num(v);
    if (!isFinite(v)) return '–';
    const p = v * 100;
    const a = Math.abs(p);
    return (a === 0 || a >= 10 ? String(Math.round(p)) : String(Number(p.toPrecision(2)))) + ' %';
  }

  /* How values of one chart read: fmt for axes, text for tooltips (with the unit). */
  function valueFormat(el, data) {
    const unit = (el.getAttribute('data-unit') || '').trim();
    const name = data && data.valueName ? String(data.valueName) : '';
    if (data && data.percent === true || unit === '%') {
      return { fmt: percent, text: percent, axis: percent, isPercent: true };
    }
    if (unit === 'ms') {
      return { fmt: ms, text: (v) => ms(v) + ' ms', axis: (v) => ms(v) + ' ms' };
    }
    const suffix = name || unit;
    const whole = (v) => (isFinite(num(v)) ? thousands(num(v)) : '–');
    return { fmt: whole, text: (v) => whole(v) + (suffix ? ' ' + suffix : ''), axis: compact, isCount: true };
  }

  function compact(v) {
    const a = Math.abs(v);
    if (a >= 1e9) return Number((v / 1e9).toPrecision(3)) + 'G';
    if (a >= 1e6) return Number((v / 1e6).toPrecision(3)) + 'M';
    return thousands(v);
  }

  /* Only plain CSS colours reach the page: a colour is a user setting, and ends up in tooltip HTML. */
  function safeColor(c) {
    if (typeof c !== 'string') return null;
    c = c.trim();
    if (/^#[0-9a-fA-F]{3,8}$/.test(c)) return c;
    if (/^(rgb|rgba|hsl|hsla)\([0-9.,%\s]+\)$/.test(c)) return c;
    if (/^[a-zA-Z]{3,20}$/.test(c)) return c;
    return null;
  }

  function tint(c, alpha) {
    const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c);
    if (!m) return c;
    let h = m[1];
    if (h.length === 3) h = h.replace(/./g, '$&$&');
    const n = parseInt(h, 16);
    return 'rgba(' + (n >> 16 & 255) + ',' + (n >> 8 & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function marker(color) {
    return '<span style="display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;' +
      'vertical-align:-1px;background:' + (safeColor(color) || '#999') + '"></span>';
  }

  function row(color, label, value) {
    return '<div style="display:flex;justify-content:space-between;gap:16px;line-height:1.6">' +
      '<span style="min-width:0;overflow-wrap:anywhere">' + (color ? marker(color) : '') + esc(label) + '</span>' +
      '<b style="white-space:nowrap;font-variant-numeric:tabular-nums">' + esc(value) + '</b></div>';
  }

  function title(text) {
    return '<div style="font-weight:600;margin-bottom:4px;overflow-wrap:anywhere">' + esc(text) + '</div>';
  }

  const note = (text) => '<div style="color:' + MUTED + ';font-size:11px;margin-top:4px">' + esc(text) + '</div>';

  /* ---------- layout of long category labels ---------- */

  let measureCtx;
  function textWidth(s) {
    if (!measureCtx) {
      measureCtx = document.createElement('canvas').getContext('2d');
      measureCtx.font = LABEL_FONT_SIZE + 'px ' + FONT;
    }
    return measureCtx.measureText(String(s)).width;
  }

  /* The left margin that shows the longest label whole, at most 45 % of the chart's width. */
  function labelSpace(labels, width) {
    let longest = 0;
    for (const l of labels) longest = Math.max(longest, textWidth(l == null ? '' : l));
    const max = Math.max(60, Math.floor(width * 0.45));
    const labelWidth = Math.min(Math.ceil(longest) + 2, max - 20);
    return { left: labelWidth + 20, labelWidth: Math.max(labelWidth, 10) };
  }

  function categoryAxis(labels, extra) {
    return Object.assign({
      type: 'category',
      data: labels.map((l) => (l == null ? '' : String(l))),
      axisLine: { lineStyle: { color: LINE } },
      axisTick: { show: false },
      axisLabel: { color: TEXT, fontSize: LABEL_FONT_SIZE },
      splitLine: { show: false },
    }, extra || {});
  }

  function valueAxis(extra) {
    return Object.assign({
      type: 'value',
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: MUTED, fontSize: 11 },
      splitLine: { lineStyle: { color: SPLIT } },
    }, extra || {});
  }

  /* A y axis of long names: labels truncated with an ellipsis at the measured width. */
  function nameAxis(labels, space, extra) {
    return categoryAxis(labels, Object.assign({
      inverse: true,
      axisLabel: {
        color: TEXT, fontSize: LABEL_FONT_SIZE, interval: 0,
        width: space.labelWidth, overflow: 'truncate', ellipsis: '…',
      },
    }, extra || {}));
  }

  function base(extra) {
    return Object.assign({
      animationDuration: 300,
      animationDurationUpdate: 300,
      textStyle: { fontFamily: FONT, color: TEXT },
      tooltip: {
        className: 'fmd-tooltip',
        confine: true,
        backgroundColor: '#fff',
        borderColor: LINE,
        borderWidth: 1,
        padding: [8, 10],
        textStyle: { color: TEXT, fontFamily: FONT, fontSize: 12 },
        extraCssText: 'box-shadow:0 2px 8px rgba(31,41,51,.15);max-width:420px;white-space:normal;',
      },
    }, extra || {});
  }

  /* ---------- heatmap ---------- */

  function heatmap(el, data, width) {
    const xs = arr(data.xLabels).map(String);
    const ys = arr(data.yLabels).map(String);
    const f = valueFormat(el, data);
    const cells = arr(data.cells).filter((c) => Array.isArray(c) && c.length >= 3)
      .map((c) => [c[0], c[1], num(c[2])]);
    let max = 0;
    for (const c of cells) if (isFinite(c[2])) max = Math.max(max, c[2]);
    if (max <= 0) max = f.isPercent ? 1 : 1;
    const hours = xs.length === 24 && xs.every((x) => /^\d{1,2}$/.test(x));
    const xText = (x) => (hours ? x.padStart(2, '0') + ':00' : x);
    const space = labelSpace(ys, width);
    const cellWide = (width - space.left - 90) / Math.max(1, xs.length);
    const cellHigh = (el.clientHeight - 48) / Math.max(1, ys.length);
    /* values in the cells when there are few columns and the cells have room for them */
    const labels = xs.length <= 12 && cellWide >= 40 && cellHigh >= 16;
    return base({
      tooltip: Object.assign(base().tooltip, {
        trigger: 'item',
        formatter: (p) => heatmapTip(p, xs, ys, xText, f),
      }),
      grid: { left: space.left, right: 90, top: 12, bottom: 36 },
      xAxis: categoryAxis(xs, {
        position: 'bottom',
        axisLabel: {
          color: TEXT, fontSize: LABEL_FONT_SIZE, interval: cellWide < 22 ? 'auto' : 0,
          width: Math.max(cellWide - 6, 18), overflow: 'truncate', ellipsis: '…',
        },
        splitArea: { show: false },
      }),
      yAxis: nameAxis(ys, space),
      visualMap: {
        type: 'continuous',
        show: cells.length > 0,
        min: 0,
        max: max,
        calculable: false,
        orient: 'vertical',
        right: 8,
        top: 'middle',
        itemWidth: 12,
        itemHeight: 140,
        inRange: { color: BLUES },
        text: [f.fmt(max), f.fmt(0)],
        textGap: 6,
        textStyle: { color: MUTED, fontSize: 11 },
        formatter: (v) => f.fmt(v),
      },
      series: [{
        type: 'heatmap',
        data: labels ? cells.map((c) => ({
          value: c,
          label: { color: c[2] > max * 0.55 ? '#fff' : TEXT },
        })) : cells,
        label: { show: labels, fontSize: 11, formatter: (p) => f.fmt(p.value[2]) },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: TEXT, borderWidth: 1 } },
        progressive: 0,
      }],
    });
  }

  function heatmapTip(p, xs, ys, xText, f) {
    const v = p.value || [];
    const x = xs[v[0]] == null ? v[0] : xs[v[0]];
    const y = ys[v[1]] == null ? v[1] : ys[v[1]];
    return '<div style="overflow-wrap:anywhere">' + esc(y) + ', ' + esc(xText(String(x))) + ': <b>' +
      esc(f.text(v[2])) + '</b></div>';
  }

  /* ---------- stacked bars, lines, areas; and line ---------- */

  function stacked(el, data, width, asLine) {
    const cats = arr(data.categories).map((c) => (c == null ? '' : String(c)));
    const kind = asLine ? 'line' : (data.kind === 'line' || data.kind === 'area' ? data.kind : 'bar');
    const stack = asLine ? data.stack === true : data.stack !== false;
    const f = valueFormat(el, data);
    const list = arr(data.series).filter((s) => s && typeof s === 'object');
    const zoom = cats.length > ZOOM_AFTER;
    const symbols = cats.length <= 62;
    const series = list.map((s, i) => {
      const color = safeColor(s.color) || PALETTE[i % PALETTE.length];
      const out = {
        name: s.name == null ? '' : String(s.name),
        type: kind === 'bar' ? 'bar' : 'line',
        data: arr(s.data).map((v) => (v == null ? null : num(v))),
        itemStyle: { color: color },
        emphasis: { focus: 'series' },
      };
      if (stack) out.stack = 'all';
      if (kind === 'bar') {
        out.barMaxWidth = 36;
      } else {
        out.showSymbol = symbols;
        out.symbolSize = 5;
        out.lineStyle = { width: 2, color: color };
        if (kind === 'area') out.areaStyle = { opacity: stack ? 0.75 : 0.25, color: color };
        if (kind === 'area') out.lineStyle.width = 1;
      }
      return out;
    });
    const colors = series.map((s) => s.itemStyle.color);
    const showLegend = series.length > 1 || (series.length === 1 && series[0].name !== '');
    return base({
      color: colors.length ? colors : PALETTE,
      tooltip: Object.assign(base().tooltip, {
        trigger: 'axis',
        axisPointer: { type: kind === 'bar' ? 'shadow' : 'line', lineStyle: { color: LINE } },
        formatter: (ps) => seriesTip(ps, colors, f, stack && series.length > 1, arr(data.notes)),
      }),
      legend: {
        show: showLegend,
        type: 'scroll',
        top: 4,
        left: 8,
        right: 8,
        icon: 'roundRect',
        itemWidth: 12,
        itemHeight: 10,
        textStyle: { color: TEXT, fontSize: 12 },
        formatter: (name) => (name.length > 40 ? name.slice(0, 39) + '…' : name),
        pageTextStyle: { color: MUTED },
      },
      grid: { left: 12, right: 20, top: showLegend ? 44 : 16, bottom: zoom ? 64 : 12, containLabel: true },
      xAxis: categoryAxis(cats, {
        boundaryGap: kind === 'bar',
        axisTick: { show: true, alignWithLabel: true, lineStyle: { color: LINE } },
        axisLabel: { color: TEXT, fontSize: LABEL_FONT_SIZE, hideOverlap: true },
      }),
      yAxis: valueAxis({
        max: f.isPercent && stack ? 1 : null,
        minInterval: f.isCount ? 1 : null,
        axisLabel: { color: MUTED, fontSize: 11, formatter: (v) => f.axis(v) },
      }),
      dataZoom: zoom ? [{
        type: 'slider',
        bottom: 12,
        height: 22,
        startValue: cats.length - ZOOM_AFTER,
        endValue: cats.length - 1,
        minValueSpan: 6,
        brushSelect: false,
        borderColor: LINE,
        textStyle: { color: MUTED, fontSize: 11 },
        labelFormatter: (i) => (cats[i] == null ? '' : cats[i]),
      }] : [],
      series: series,
    });
  }

  function seriesTip(ps, colors, f, total, notes) {
    ps = Array.isArray(ps) ? ps : [ps];
    if (!ps.length) return '';
    let html = title(ps[0].axisValueLabel != null ? ps[0].axisValueLabel : ps[0].name);
    const noted = notes && notes[ps[0].dataIndex];
    if (noted != null && noted !== '') html += note(noted);
    let sum = 0;
    let shown = 0;
    const many = ps.length > 12;
    for (const p of ps) {
      const v = Array.isArray(p.value) ? p.value[1] : p.value;
      if (v == null || v === '-') continue; // no value here: a gap in its line
      const n = num(v);
      if (isFinite(n)) sum += n;
      if (many && !(n > 0)) continue; // a long list keeps the series that have something
      html += row(colors[p.seriesIndex], p.seriesName, f.text(v));
      shown++;
    }
    if (many && shown < ps.length) html += note((ps.length - shown) + ' more with nothing');
    if (total) html += '<div style="border-top:1px solid ' + SPLIT + ';margin-top:4px;padding-top:2px">' +
      row(null, 'total', f.text(sum)) + '</div>';
    return html;
  }

  /* ---------- box plots ---------- */

  function boxplot(el, data, width, state) {
    const rows = arr(data.rows).filter((r) => r && typeof r === 'object');
    const names = rows.map((r) => (r.name == null ? '' : String(r.name)));
    const f = valueFormat(el, Object.assign({}, data, { percent: false }));
    const unitMs = (el.getAttribute('data-unit') || 'ms').trim() === 'ms';
    const fmt = unitMs ? ms : f.fmt;
    const text = unitMs ? (v) => ms(v) + ' ms' : f.text;
    const colors = rows.map((r, i) => safeColor(r.color) || PALETTE[i % PALETTE.length]);
    let lo = Infinity;
    let hi = 0;
    for (const r of rows) {
      for (const k of ['p5', 'p25', 'median', 'p75', 'p95', 'mean']) {
        const v = num(r[k]);
        if (v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      }
    }
    if (state.log == null) state.log = isFinite(lo) && hi / lo > 100;
    const log = state.log && isFinite(lo);
    const floor = isFinite(lo) ? lo / 2 : 0.001;
    const at = (v) => {
      v = num(v);
      if (!isFinite(v)) return null;
      return log ? Math.max(v, floor) : v;
    };
    const space = labelSpace(names, width);
    const boxes = rows.map((r, i) => ({
      name: names[i],
      value: [at(r.p5), at(r.p25), at(r.median), at(r.p75), at(r.p95)],
      itemStyle: { color: tint(colors[i], 0.28), borderColor: colors[i], borderWidth: 1.5 },
      emphasis: { itemStyle: { color: tint(colors[i], 0.45), borderColor: colors[i], borderWidth: 2 } },
    }));
    const means = rows.map((r, i) => ({
      name: names[i],
      value: [at(r.mean), i],
      itemStyle: { color: '#fff', borderColor: colors[i], borderWidth: 1.5 },
    })).filter((m) => m.value[0] != null);
    /* the boxes' data index is the row; a mean's row is its y value */
    const tip = (p) => {
      const i = p.seriesIndex === 0 ? p.dataIndex : (p.value || [])[1];
      return rows[i] ? boxTip(rows[i], colors[i], text) : '';
    };
    const axisName = (data.valueName ? String(data.valueName) : 'duration') + (unitMs ? ' (ms)' : '');
    return base({
      tooltip: Object.assign(base().tooltip, { trigger: 'item', formatter: tip }),
      grid: { left: space.left, right: 24, top: 36, bottom: 40 },
      xAxis: valueAxis({
        type: log ? 'log' : 'value',
        logBase: 10,
        min: log ? Math.pow(10, Math.floor(Math.log10(floor))) : 0,
        scale: false,
        name: axisName + (log ? ', log scale' : ''),
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: { color: MUTED, fontSize: 11 },
        axisLine: { show: true, lineStyle: { color: LINE } },
        axisLabel: { color: MUTED, fontSize: 11, formatter: (v) => fmt(v) },
        splitLine: { lineStyle: { color: SPLIT } },
      }),
      yAxis: nameAxis(names, space, { splitArea: { show: false } }),
      graphic: rows.length ? [logSwitch(log, () => {
        state.log = !log;
        setTimeout(state.redraw, 0);
      })] : [],
      series: [{
        type: 'boxplot',
        data: boxes,
        boxWidth: [6, 16],
        layout: 'horizontal',
      }, {
        type: 'scatter',
        data: means,
        symbol: 'diamond',
        symbolSize: 9,
        z: 3,
      }],
    });
  }

  function boxTip(r, color, text) {
    let html = title(r.name == null ? '' : r.name);
    html += row(null, 'hits', isFinite(num(r.hits)) ? thousands(num(r.hits)) : '–');
    html += row(null, '95th percentile', text(r.p95));
    html += row(null, '75th percentile', text(r.p75));
    html += row(color, 'median', text(r.median));
    html += row(null, 'mean ◇', text(r.mean));
    html += row(null, '25th percentile', text(r.p25));
    html += row(null, '5th percentile', text(r.p5));
    return html + note('box: 25th–75th percentile; whiskers: 5th–95th percentile');
  }

  /* A two-state switch drawn on the canvas, top right: "log scale". */
  function logSwitch(on, toggle) {
    return {
      type: 'group',
      id: 'fmd-log',
      right: 24,
      top: 6,
      onclick: toggle,
      children: [{
        type: 'rect',
        shape: { x: 0, y: 0, width: 86, height: 22, r: 11 },
        style: { fill: on ? '#2171b5' : '#fff', stroke: on ? '#2171b5' : LINE, lineWidth: 1 },
        cursor: 'pointer',
      }, {
        type: 'text',
        x: 43,
        y: 11,
        style: {
          text: (on ? '✓ ' : '') + 'log scale',
          fill: on ? '#fff' : TEXT,
          font: '12px ' + FONT,
          align: 'center',
          verticalAlign: 'middle',
        },
        cursor: 'pointer',
      }],
    };
  }

  /* ---------- bubbles ---------- */

  function bubble(el, data, width) {
    const xs = arr(data.xLabels).map(String);
    const ys = arr(data.yLabels).map(String);
    const unit = (el.getAttribute('data-unit') || 'ms').trim();
    const text = unit === 'ms' ? (v) => ms(v) + ' ms' : valueFormat(el, data).text;
    const valueName = data.valueName ? String(data.valueName) : 'median';
    const cells = arr(data.cells).filter((c) => Array.isArray(c) && c.length >= 3);
    let max = 0;
    for (const c of cells) if (num(c[2]) > 0) max = Math.max(max, num(c[2]));
    const size = (v) => (max > 0 && num(v) > 0 ? 6 + 34 * num(v) / max : 6);
    const colors = xs.map((x, i) => PALETTE[i % PALETTE.length]);
    const space = labelSpace(ys, width);
    const colWide = (width - space.left - 24) / Math.max(1, xs.length);
    return base({
      tooltip: Object.assign(base().tooltip, {
        trigger: 'item',
        formatter: (p) => {
          const v = p.value || [];
          return title(ys[v[1]]) + row(colors[v[0]], 'version', xs[v[0]]) +
            row(null, valueName, text(v[2])) +
            row(null, 'hits', isFinite(num(v[3])) ? thousands(num(v[3])) : '–');
        },
      }),
      grid: { left: space.left, right: 24, top: 28, bottom: 36 },
      xAxis: categoryAxis(xs, {
        boundaryGap: true,
        axisLabel: {
          color: TEXT, fontSize: LABEL_FONT_SIZE, interval: 0,
          width: Math.max(colWide - 6, 30), overflow: 'truncate', ellipsis: '…',
        },
        splitLine: { show: true, lineStyle: { color: SPLIT } },
      }),
      yAxis: nameAxis(ys, space, { boundaryGap: true, splitLine: { show: true, lineStyle: { color: SPLIT } } }),
      series: [{
        type: 'scatter',
        data: cells.map((c) => ({
          value: [c[0], c[1], num(c[2]), num(c[3])],
          symbolSize: size(c[2]),
          itemStyle: { color: tint(colors[c[0]] || PALETTE[0], 0.75), borderColor: colors[c[0]] || PALETTE[0] },
        })),
        emphasis: { scale: 1.1 },
      }],
    });
  }

  /* ---------- call trees: sunburst and flame graph ---------- */

  /* A warm colour per method (flame-graph style), stable across pages: hue 0..55 from a hash of the name. */
  function warm(name) {
    let h = 0;
    for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
    const u = (h >>> 0) % 1000 / 1000;
    return 'hsl(' + Math.round(55 * u) + ',' + Math.round(75 + 15 * u) + '%,' + Math.round(58 + 10 * u) + '%)';
  }

  function profileTip(node) {
    return title(node.method || node.name) + note(node.location || '') +
      row(null, 'time', ms(node.value) + ' ms') + row(null, 'share', percent(node.share)) +
      row(null, 'requests', thousands(num(node.hits))) + row(null, 'mean', ms(node.mean) + ' ms') +
      row(null, 'std dev', ms(node.sd) + ' ms');
  }

  const treeOf = (data) => (data && data.root && typeof data.root === 'object' ? data.root : null);

  function profileDepth(node) {
    let deepest = 0;
    for (const child of arr(node && node.children)) deepest = Math.max(deepest, 1 + profileDepth(child));
    return deepest;
  }

  const SUNBURST_RINGS = 8;

  function sunburst(el, data) {
    const root = treeOf(data);
    const node = (n, depth) => ({
      name: String(n.name),
      value: Math.max(0, num(n.value) || 0),
      fmd: { method: n.method, location: n.location, value: n.value, share: n.share, hits: n.hits, mean: n.mean, sd: n.sd },
      itemStyle: { color: depth === 0 ? '#9aa5b1' : warm(String(n.name)) },
      /* rings deeper than SUNBURST_RINGS would be too thin to see: the flame graph shows those */
      children: depth + 1 < SUNBURST_RINGS ? arr(n.children).map((c) => node(c, depth + 1)) : [],
    });
    return base({
      tooltip: Object.assign(base().tooltip, {
        trigger: 'item',
        formatter: (p) => (p.data && p.data.fmd ? profileTip(Object.assign({ name: p.name }, p.data.fmd)) : ''),
      }),
      series: [{
        type: 'sunburst',
        radius: ['0%', '95%'],
        sort: null,
        nodeClick: 'rootToNode',
        data: root ? [node(root, 0)] : [],
        label: { rotate: 'radial', minAngle: 10, fontSize: 11, color: TEXT, overflow: 'truncate', width: 90 },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { focus: 'ancestor' },
        levels: [{}, { r0: '0%', r: '16%', label: { rotate: 0 } }],
      }],
    });
  }

  /* Flat boxes of a flame graph: [depth, start ms, end ms, name, node]; children start where their parent starts. */
  function flameBoxes(root) {
    const boxes = [];
    const walk = (n, depth, start) => {
      const value = Math.max(0, num(n.value) || 0);
      boxes.push([depth, start, start + value, String(n.name), n]);
      let at = start;
      for (const c of arr(n.children)) {
        walk(c, depth + 1, at);
        at += Math.max(0, num(c.value) || 0);
      }
    };
    if (root) walk(root, 0, 0);
    return boxes;
  }

  function flame(el, data, width, state) {
    const root = treeOf(data);
    const boxes = flameBoxes(root);
    const levels = profileDepth(root) + 1;
    const total = boxes.length ? boxes[0][2] : 1;
    const zoom = state.zoom || [0, total];
    return base({
      tooltip: Object.assign(base().tooltip, {
        trigger: 'item',
        formatter: (p) => (p.data && p.data.node ? profileTip(p.data.node) : ''),
      }),
      grid: { left: 4, right: 4, top: 4, bottom: 4 },
      xAxis: { type: 'value', min: zoom[0], max: zoom[1], show: false },
      /* rows of 20 px whatever the height; the space left stays empty above the flames */
      yAxis: { type: 'value', min: 0, max: Math.max(levels, Math.floor((el.clientHeight - 8) / 20)), show: false },
      series: [{
        type: 'custom',
        clip: true,
        data: boxes.map((b) => ({ value: [b[0], b[1], b[2], b[3]], node: b[4], name: b[3] })),
        encode: { x: [1, 2], y: 0 },
        renderItem: (params, api) => {
          const depth = api.value(0);
          const from = api.coord([api.value(1), depth]);
          const to = api.coord([api.value(2), depth + 1]);
          const box = echarts.graphic.clipRectByRect(
            { x: from[0], y: to[1] + 1, width: Math.max(0, to[0] - from[0] - 1), height: Math.max(1, from[1] - to[1] - 2) },
            { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
          if (!box) return null;
          const name = String(api.value(3));
          const outside = api.value(2) <= zoom[0] || api.value(1) >= zoom[1];
          if (outside) return null;
          return {
            type: 'rect',
            shape: Object.assign(box, { r: 2 }),
            style: { fill: depth === 0 ? '#9aa5b1' : warm(name) },
            textContent: { style: { text: box.width > 30 && box.height >= 12 ? name : '', fontSize: 11, fill: TEXT, overflow: 'truncate', width: box.width - 6 } },
            textConfig: { position: 'insideLeft' },
          };
        },
      }],
    });
  }

  function flameEvents(chart, data, state) {
    chart.on('click', (p) => {
      if (!p.value) return;
      const boxes = flameBoxes(treeOf(data));
      const total = boxes.length ? boxes[0][2] : 1;
      state.zoom = p.value[0] === 0 ? null : [p.value[1], p.value[2]];
      if (state.zoom && state.zoom[1] <= state.zoom[0]) state.zoom = null;
      chart.setOption({ xAxis: { min: state.zoom ? state.zoom[0] : 0, max: state.zoom ? state.zoom[1] : total } });
      state.redraw();
    });
  }

  /* ---------- drawing ---------- */

  const TYPES = {
    heatmap: { build: heatmap, rowHeight: 18, extra: 48, labels: (d) => arr(d.yLabels) },
    stacked: { build: (el, d, w) => stacked(el, d, w, false) },
    line: { build: (el, d, w) => stacked(el, d, w, true) },
    boxplot: { build: boxplot, rowHeight: 28, extra: 80, labels: (d) => arr(d.rows) },
    bubble: { build: bubble, rowHeight: 28, extra: 80, labels: (d) => arr(d.yLabels) },
    sunburst: { build: sunburst },
    flame: {
      build: flame, events: flameEvents, rowHeight: 20, extra: 8, fit: [120, 420],
      labels: (d) => new Array(profileDepth(treeOf(d)) + 1),
    },
  };

  function readData(script) {
    if (!script) return {};
    const text = script.textContent.trim();
    if (!text) return {};
    const data = JSON.parse(text);
    return data && typeof data === 'object' ? data : {};
  }

  function render(el) {
    if (!el || typeof echarts === 'undefined') return null;
    /* held before dispose and init, which empty the element; it goes back in after, for a later render(el) */
    const script = el.querySelector('script[type="application/json"]');
    const kind = (el.getAttribute('data-chart') || '').trim();
    const type = TYPES[kind];
    if (!type) {
      console.warn('fmd-charts: unknown data-chart "' + kind + '"');
      return null;
    }
    const data = readData(script);
    const old = charts.get(el) || { chart: echarts.getInstanceByDom(el) };
    if (old.chart) {
      old.chart.dispose();
      charts.delete(el);
    }
    if (type.rowHeight) {
      /* grow to fit the rows before init, so that every name has its line */
      const rows = type.labels(data).length;
      const want = rows * type.rowHeight + type.extra;
      const height = el.clientHeight || parseFloat(getComputedStyle(el).height) || 0;
      if (type.fit) el.style.height = Math.min(Math.max(want, type.fit[0]), type.fit[1]) + 'px';
      else if (height < want) el.style.height = want + 'px';
    }
    const state = {};
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    if (script && !script.isConnected) el.appendChild(script);
    const draw = () => {
      const width = el.clientWidth || 800;
      chart.setOption(type.build(el, data, width, state), true);
    };
    state.redraw = () => {
      if (!chart.isDisposed()) draw();
    };
    draw();
    if (type.events) type.events(chart, data, state);
    /* the space for long labels depends on the width: those charts are laid out again when it changes */
    charts.set(el, { chart: chart, draw: type.rowHeight ? draw : null, width: el.clientWidth });
    if (observer) observer.observe(el);
    return chart;
  }

  function renderAll(root) {
    const scope = root || document;
    const list = [];
    if (scope.matches && scope.matches('.fmd-chart')) list.push(scope);
    list.push(...scope.querySelectorAll('.fmd-chart'));
    const done = [];
    for (const el of list) {
      try {
        const chart = render(el);
        if (chart) done.push(chart);
      } catch (e) {
        console.error('fmd-charts: cannot draw', el, e);
      }
    }
    return done;
  }

  let pending = 0;
  /* window resizes, and charts that were hidden (a tab) when drawn */
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => resizeAll()) : null;
  function resizeAll() {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      for (const [el, c] of charts) {
        if (!el.isConnected) {
          if (observer) observer.unobserve(el);
          c.chart.dispose();
          charts.delete(el);
          continue;
        }
        try {
          const width = el.clientWidth;
          c.chart.resize();
          if (width && width !== c.width) {
            c.width = width;
            if (c.draw) c.draw();
          }
        } catch (e) {
          console.error('fmd-charts: cannot resize', el, e);
        }
      }
    });
  }

  /* ---------- page loading indicator ---------- */

  const STYLE = '.fmd-progress{position:fixed;top:0;left:0;right:0;height:3px;z-index:2147483647;' +
    'overflow:hidden;pointer-events:none;background:rgba(33,113,181,.18)}' +
    '.fmd-progress::before{content:"";position:absolute;top:0;bottom:0;left:-35%;width:35%;background:#2171b5;' +
    'border-radius:0 2px 2px 0;animation:fmd-progress 1.1s cubic-bezier(.4,0,.2,1) infinite}' +
    '@keyframes fmd-progress{0%{left:-35%}100%{left:100%}}' +
    '@media (prefers-reduced-motion:reduce){.fmd-progress::before{animation-duration:3s}}';

  let progressTimer = 0;
  let progressStop = 0;

  function showProgress() {
    if (!document.getElementById('fmd-progress-style')) {
      const style = document.createElement('style');
      style.id = 'fmd-progress-style';
      style.textContent = STYLE;
      document.head.appendChild(style);
    }
    let bar = document.querySelector('.fmd-progress');
    if (!bar) {
      bar = document.createElement('div');
      bar.className = 'fmd-progress';
      bar.setAttribute('role', 'progressbar');
      bar.setAttribute('aria-label', 'Loading');
      document.body.appendChild(bar);
    }
    clearTimeout(progressStop);
    /* a link that answered with a download leaves the page where it is: give up after a while */
    progressStop = setTimeout(hideProgress, 20000);
  }

  function hideProgress() {
    clearTimeout(progressTimer);
    clearTimeout(progressStop);
    progressTimer = 0;
    const bar = document.querySelector('.fmd-progress');
    if (bar) bar.remove();
  }

  function soon(event) {
    clearTimeout(progressTimer);
    progressTimer = setTimeout(() => {
      if (!event.defaultPrevented) showProgress();
    }, 150);
  }

  function leavesPage(a, event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
    const target = (a.getAttribute('target') || '').trim().toLowerCase();
    if (target && target !== '_self') return false;
    if (a.hasAttribute('download')) return false;
    const href = a.getAttribute('href');
    if (href == null || href === '' || href.charAt(0) === '#') return false;
    let url;
    try { url = new URL(a.href, location.href); } catch (e) { return false; }
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:') return false;
    if (url.origin !== location.origin) return false;
    /* only the fragment changes: no load */
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return false;
    return true;
  }

  function onClick(event) {
    const a = event.target && event.target.closest ? event.target.closest('a') : null;
    if (a && leavesPage(a, event)) soon(event);
  }

  function onSubmit(event) {
    const form = event.target;
    if (form && form.classList && form.classList.contains('fmd-form')) soon(event);
  }

  /* ---------- start ---------- */

  function start() {
    renderAll(document);
  }

  window.fmdCharts = {
    render: render,
    renderAll: renderAll,
    /* for tests: the number formats */
    format: { ms: ms, percent: percent, thousands: thousands },
  };

  document.addEventListener('click', onClick);
  document.addEventListener('submit', onSubmit);
  window.addEventListener('pageshow', hideProgress);
  window.addEventListener('resize', resizeAll);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
