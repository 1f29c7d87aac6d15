// Runs side by side (#/runs/compare/ID1,ID2,...), for the Runs page: every field, parameter and
// metric in one table, the lines whose values differ highlighted and marked "differs" in words,
// and a bar chart per metric.

import { el, num, plural, runHref } from "../lib.js";
import { barChart } from "../charts.js";

/** Metrics that count things rather than score a model: no chart. */
const COUNTS = new Set(["rows", "trials", "rounds"]);

const SECTIONS = [
  ["run", "Run"],
  ["param", "Parameters"],
  ["metric", "Metrics"],
];

function valueText(section, value) {
  if (value === "" || value === null || value === undefined) return el("span", { class: "muted" }, "—");
  if (section === "metric") {
    const n = Number(value);
    return Number.isFinite(n) ? num(n) : value;
  }
  return value;
}

function line(l) {
  const name = el("th", { scope: "row" }, l.name);
  if (l.differs) name.append(" ", el("span", { class: "differs-mark" }, "differs"));
  return el(
    "tr",
    { class: l.differs ? "highlight" : null, "data-testid": l.differs ? "compare-row-differs" : "compare-row", "data-line": l.section + ":" + l.name },
    name,
    l.values.map((v) => el("td", { class: l.section === "metric" ? "num" : null }, valueText(l.section, v))),
  );
}

/** One bar chart per metric, a bar per run; runs without the metric are left out of its chart. */
function metricCharts(c) {
  const ids = c.runs.map((r) => r.id);
  return Object.entries(c.metrics || {})
    .filter(([metric]) => !COUNTS.has(metric))
    .map(([metric, values]) => {
      const items = values.map((v, i) => ({ label: ids[i], value: v })).filter((i) => typeof i.value === "number");
      if (items.length === 0) return null;
      return barChart({ title: metric, items, testid: "compare-chart" });
    })
    .filter(Boolean);
}

/** The page for the API's comparison {runs, lines, differing, metrics}. */
export function comparePage(c) {
  const ids = c.runs.map((r) => r.id);
  const lines = c.lines;
  const onlyDiffering = el("input", { type: "checkbox", id: "only-differing", "data-testid": "only-differing" });
  const head = el(
    "thead",
    {},
    el(
      "tr",
      {},
      el("th", { scope: "col" }, "Line"),
      c.runs.map((r) => el("th", { scope: "col" }, el("a", { href: runHref(r.id) }, el("code", {}, r.id)), el("br"), el("span", { class: "muted" }, r.kind))),
    ),
  );
  const bodies = SECTIONS.map(([section, title]) => {
    const rows = lines.filter((l) => l.section === section);
    if (rows.length === 0) return null;
    return el(
      "tbody",
      { "data-section": section },
      el("tr", { class: "section" }, el("th", { scope: "colgroup", colspan: String(ids.length + 1) }, title)),
      rows.map(line),
    );
  });
  const compareTable = el(
    "table",
    { class: "compare", "data-testid": "compare-table" },
    el("caption", { class: "visually-hidden" }, "Runs side by side"),
    head,
    bodies,
  );
  onlyDiffering.addEventListener("change", () => {
    compareTable.classList.toggle("only-differing", onlyDiffering.checked);
  });
  const charts = metricCharts(c);
  return [
    el("p", {}, el("a", { href: "#/runs" }, "← All runs")),
    el("h1", { "data-testid": "compare-title" }, "Compare " + plural(ids.length, "run")),
    el("p", { "data-testid": "compare-summary" }, plural(c.differing, "line") + " of " + lines.length + " differ; they are highlighted and marked “differs”."),
    el("p", { class: "compare-tools" }, onlyDiffering, " ", el("label", { for: "only-differing" }, "Show only the lines that differ")),
    el("div", { class: "scroll" }, compareTable),
    el("h2", {}, "Metrics"),
    charts.length > 0 ? el("div", { class: "compare-charts" }, charts) : el("p", { class: "muted" }, "The runs recorded no metrics."),
  ];
}
