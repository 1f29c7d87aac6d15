// Charts drawn as SVG, with no library: horizontal bars, histograms (one or two series side by
// side) and lines over time. Every chart is a <figure> whose numbers are also in a table under
// "Show the numbers", and series differ by pattern and marker shape as well as by colour, so a
// chart reads without colour and with a screen reader.

import { el, num } from "./lib.js";

const SVG = "http://www.w3.org/2000/svg";
let ids = 0;

function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function text(x, y, content, attrs = {}) {
  return svg("text", { x, y, class: "chart-text", ...attrs }, content);
}

/** The second series' fill: diagonal hatching, so the two series differ without colour. */
function hatch(id) {
  return svg(
    "pattern",
    { id, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
    svg("rect", { width: 6, height: 6, class: "series-1-bg" }),
    svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "series-1-line", "stroke-width": 3 }),
  );
}

function numbers(headers, rows) {
  return el(
    "details",
    { class: "chart-numbers" },
    el("summary", {}, "Show the numbers"),
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        {},
        el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, c))))),
      ),
    ),
  );
}

function figure(title, testid, chart, table, legend) {
  return el(
    "figure",
    { class: "chart", "data-testid": testid },
    el("figcaption", {}, title),
    legend || null,
    chart,
    table,
  );
}

function legendOf(names, kind) {
  if (names.length < 2) return null;
  return el(
    "ul",
    { class: "legend" },
    names.map((n, i) => el("li", { class: "legend-" + kind + "-" + i }, el("span", { class: "swatch", "aria-hidden": "true" }), n)),
  );
}

/**
 * Horizontal bars, one per item: [{label, value}]. Values are drawn from 0 to `max` (the largest
 * value by default); each bar carries its label and number as text.
 */
export function barChart({ title, items, testid = "bar-chart", max, format = (v) => num(v) }) {
  const top = max ?? Math.max(0, ...items.map((i) => i.value));
  const rowH = 26;
  const labelW = 150;
  const width = 560;
  const barW = width - labelW - 70;
  const height = items.length * rowH + 4;
  const g = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": title + ": " + items.map((i) => i.label + " " + format(i.value)).join(", "),
    class: "chart-svg",
  });
  items.forEach((item, k) => {
    const y = k * rowH + 2;
    const w = top > 0 ? Math.max(0, (item.value / top) * barW) : 0;
    g.append(
      text(labelW - 6, y + 17, item.label, { "text-anchor": "end" }),
      svg("rect", { x: labelW, y: y + 3, width: w.toFixed(1), height: rowH - 8, class: "series-0", "data-value": item.value }),
      text(labelW + w + 6, y + 17, format(item.value)),
    );
  });
  return figure(title, testid, g, numbers(["", "Value"], items.map((i) => [i.label, format(i.value)])));
}

/**
 * Vertical bars over bins shared by one or two series: bins are labels (["<20", "20-30", …] or
 * category names), series are [{name, values}] with one value per bin (counts or shares).
 */
export function histogram({ title, bins, series, testid = "histogram", format = (v) => num(v) }) {
  const width = 560;
  const height = 220;
  const left = 48;
  const bottom = 46;
  const plotH = height - bottom - 10;
  const plotW = width - left - 8;
  const top = Math.max(0, ...series.flatMap((s) => s.values.filter((v) => Number.isFinite(v))));
  const slot = bins.length ? plotW / bins.length : plotW;
  const barW = Math.max(1, (slot - 4) / Math.max(1, series.length));
  const pattern = "hatch-" + ++ids;
  const g = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": title + ": " + series.map((s) => s.name + " " + bins.map((b, i) => b + " " + format(s.values[i])).join(", ")).join("; "),
    class: "chart-svg",
  });
  g.append(svg("defs", {}, hatch(pattern)));
  g.append(svg("line", { x1: left, y1: 10 + plotH, x2: width - 8, y2: 10 + plotH, class: "axis" }));
  g.append(text(left - 6, 16, format(top), { "text-anchor": "end" }), text(left - 6, 10 + plotH, "0", { "text-anchor": "end" }));
  // Labels of at most 12 characters (about 6.5 px each at 11 px) get every n-th bin, so they never overlap.
  const widest = Math.min(12, Math.max(1, ...bins.map((b) => String(b).length))) * 6.5 + 6;
  const every = Math.max(1, Math.ceil(widest / slot));
  bins.forEach((b, i) => {
    series.forEach((s, j) => {
      const v = Number.isFinite(s.values[i]) ? s.values[i] : 0;
      const h = top > 0 ? (v / top) * plotH : 0;
      g.append(
        svg("rect", {
          x: (left + i * slot + 2 + j * barW).toFixed(1),
          y: (10 + plotH - h).toFixed(1),
          width: barW.toFixed(1),
          height: h.toFixed(1),
          class: "series-" + j,
          fill: j === 1 ? `url(#${pattern})` : null,
        }),
      );
    });
    if (i % every === 0) {
      const label = String(b).length > 12 ? String(b).slice(0, 11) + "…" : String(b);
      g.append(text(left + i * slot + slot / 2, height - bottom + 18, label, { "text-anchor": "middle", class: "chart-text small" }));
    }
  });
  const rows = bins.map((b, i) => [String(b), ...series.map((s) => format(s.values[i]))]);
  return figure(title, testid, g, numbers(["Bin", ...series.map((s) => s.name)], rows), legendOf(series.map((s) => s.name), "bar"));
}

const MARKERS = [
  (x, y) => svg("circle", { cx: x, cy: y, r: 3.5 }),
  (x, y) => svg("rect", { x: x - 3.5, y: y - 3.5, width: 7, height: 7 }),
  (x, y) => svg("path", { d: `M${x} ${y - 4.5}L${x + 4.5} ${y + 3.5}L${x - 4.5} ${y + 3.5}Z` }),
  (x, y) => svg("path", { d: `M${x} ${y - 4.5}L${x + 4.5} ${y}L${x} ${y + 4.5}L${x - 4.5} ${y}Z` }),
];

/**
 * Lines over shared x labels (windows, iterations): series are [{name, values}], a value may be
 * null for a gap. `threshold` draws a dashed horizontal line (a drift threshold, say), named
 * `thresholdLabel` on the chart ("threshold" unless told, e.g. "at training").
 */
export function lineChart({
  title,
  x,
  series,
  testid = "line-chart",
  format = (v) => num(v),
  threshold,
  thresholdLabel = "threshold",
  yMin,
  yMax,
}) {
  const width = 560;
  const height = 220;
  const left = 52;
  const bottom = 40;
  const plotH = height - bottom - 10;
  const plotW = width - left - 12;
  const values = series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  if (Number.isFinite(threshold)) values.push(threshold);
  let lo = yMin ?? Math.min(...values);
  let hi = yMax ?? Math.max(...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 1;
  }
  if (hi === lo) {
    hi = lo + 1;
  }
  const px = (i) => left + (x.length <= 1 ? plotW / 2 : (i / (x.length - 1)) * plotW);
  const py = (v) => 10 + plotH - ((v - lo) / (hi - lo)) * plotH;
  const g = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": title + ": " + series.map((s) => s.name + " " + s.values.map((v, i) => x[i] + " " + format(v)).join(", ")).join("; "),
    class: "chart-svg",
  });
  g.append(
    svg("line", { x1: left, y1: 10 + plotH, x2: width - 12, y2: 10 + plotH, class: "axis" }),
    svg("line", { x1: left, y1: 10, x2: left, y2: 10 + plotH, class: "axis" }),
    text(left - 6, 16, format(hi), { "text-anchor": "end" }),
    text(left - 6, 10 + plotH, format(lo), { "text-anchor": "end" }),
  );
  if (Number.isFinite(threshold)) {
    g.append(svg("line", { x1: left, y1: py(threshold), x2: width - 12, y2: py(threshold), class: "threshold" }));
    g.append(text(width - 14, py(threshold) - 4, thresholdLabel + " " + format(threshold), { "text-anchor": "end", class: "chart-text small" }));
  }
  // Every n-th label, n chosen so that labels (at most 14 characters, about 6.5 px each) never
  // overlap; the last one is always shown, and the regular one before it is left out when too close.
  const short = (label) => (String(label).length > 14 ? String(label).slice(0, 13) + "…" : String(label));
  const widest = Math.max(1, ...x.map((l) => short(l).length)) * 6.5 + 8;
  const step = x.length > 1 ? plotW / (x.length - 1) : plotW;
  // The first and last labels are aligned with the chart's edges, so their neighbours keep 1.5 widths away.
  const every = Math.max(1, Math.ceil((1.5 * widest) / step));
  const last = x.length - 1;
  x.forEach((label, i) => {
    const regular = i % every === 0 && (i === last || (last - i) * step >= 1.5 * widest);
    if (regular || i === last) {
      // The first and last labels keep inside the chart: they align with its edges.
      const anchor = x.length > 1 && i === 0 ? "start" : x.length > 1 && i === last ? "end" : "middle";
      g.append(text(px(i), height - bottom + 18, short(label), { "text-anchor": anchor, class: "chart-text small" }));
    }
  });
  series.forEach((s, j) => {
    // A gap (a null value) starts a new segment.
    let d = "";
    let pen = "M";
    s.values.forEach((v, i) => {
      if (!Number.isFinite(v)) {
        pen = "M";
        return;
      }
      d += pen + px(i).toFixed(1) + " " + py(v).toFixed(1);
      pen = "L";
    });
    const line = svg("g", { class: "line-" + (j % 4) });
    line.append(svg("path", { d, class: "line", fill: "none" }));
    s.values.forEach((v, i) => {
      if (Number.isFinite(v)) line.append(MARKERS[j % MARKERS.length](px(i), py(v)));
    });
    g.append(line);
  });
  const rows = x.map((label, i) => [String(label), ...series.map((s) => format(s.values[i]))]);
  return figure(title, testid, g, numbers(["", ...series.map((s) => s.name)], rows), legendOf(series.map((s) => s.name), "line"));
}
