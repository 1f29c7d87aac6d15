// A dataset version's columns for the Datasets page (pages/datasets.js): the schema table, whose
// names lead to each column's profile, and the profiles themselves: statistics, and a histogram
// for numbers and times or the most frequent values for categories, text and booleans.

import { cell, el, facts, num, plural, table } from "../lib.js";
import { barChart, histogram } from "../charts.js";

function domainText(d) {
  if (!d) return "—";
  switch (d.kind) {
    case "categories":
      return plural(d.count, "category", "categories");
    case "range":
      return num(d.min) + " to " + num(d.max);
    case "time_range":
      return d.min + " to " + d.max;
    case "flags":
      return "true " + num(d.trues) + ", false " + num(d.falses);
    default:
      return "any";
  }
}

function share(part, whole) {
  if (!whole) return "";
  return " (" + num((100 * part) / whole, 3) + " %)";
}

function anchorOf(index) {
  return "column-" + index;
}

/** A link that opens and shows a column's profile without changing the page's address. */
function jump(name, index) {
  const a = el("a", { href: "#" + anchorOf(index), "data-testid": "column-link" }, name);
  a.addEventListener("click", (event) => {
    event.preventDefault();
    const target = document.getElementById(anchorOf(index));
    if (!target) return;
    target.open = true;
    target.scrollIntoView({ block: "start" });
    target.querySelector("summary").focus({ preventScroll: true });
  });
  return a;
}

export function schemaTable(schema, profile) {
  const byName = new Map(profile.columns.map((c) => [c.name, c]));
  // The data layer records no roles today; the column appears when a schema carries one.
  const roles = schema.some((f) => f.role);
  const rows = schema.map((f, i) => {
    const p = byName.get(f.name);
    return el(
      "tr",
      {},
      cell("Column", jump(f.name, i)),
      cell("Type", f.type),
      cell("Nullable", f.nullable ? "yes" : "no"),
      roles ? cell("Role", f.role || el("span", { class: "muted" }, "—")) : null,
      cell("Values seen", domainText(f.domain)),
      cell("Missing", p ? num(p.missing) + share(p.missing, profile.rows) : "—"),
      cell("Distinct", p ? num(p.distinct) : "—"),
    );
  });
  const headers = ["Column", "Type", "Nullable", ...(roles ? ["Role"] : []), "Values seen", "Missing", "Distinct"];
  return table(
    plural(schema.length, "column") + "; a name opens its profile",
    headers,
    rows,
    "schema-table",
    { class: "stack" },
  );
}

const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });

/** A bin edge, short enough for the chart's axis: 17, 20.7, 85.9K, or a day for timestamps. */
function edgeLabel(c, edge) {
  if (c.type === "timestamp") return new Date(edge * 1000).toISOString().slice(0, 10);
  return COMPACT.format(edge);
}

function numericFacts(n) {
  const q = new Map((n.quantiles || []).map((x) => [x.p, x.value]));
  const pairs = [
    ["Min", num(n.min)],
    ["Max", num(n.max)],
    ["Mean", num(n.mean)],
    ["Std. dev.", num(n.std)],
  ];
  for (const [p, label] of [
    [0.01, "1st percentile"],
    [0.25, "25th percentile"],
    [0.5, "Median"],
    [0.75, "75th percentile"],
    [0.99, "99th percentile"],
  ]) {
    if (q.has(p)) pairs.push([label, num(q.get(p))]);
  }
  if (n.non_finite) pairs.push(["NaN or infinite", num(n.non_finite)]);
  return pairs;
}

function chartOf(c) {
  if (c.histogram) {
    const e = c.histogram.edges;
    const n = c.histogram.counts.length;
    const last = c.type === "timestamp" ? edgeLabel(c, e[n]) : num(e[n]);
    const first = c.type === "timestamp" ? edgeLabel(c, e[0]) : num(e[0]);
    return histogram({
      title: "Distribution of " + c.name + ": rows per bin, " + plural(n, "bin") + " from " + first + " to " + last + ", each labelled by where it starts",
      bins: c.histogram.counts.map((_, i) => edgeLabel(c, e[i])),
      series: [{ name: "rows", values: c.histogram.counts }],
      testid: "histogram",
    });
  }
  if (c.top && c.top.length > 0) {
    const shown = c.top.reduce((s, t) => s + t.count, 0);
    const rest = c.count - shown;
    return el(
      "div",
      {},
      barChart({
        title: "Most frequent values of " + c.name + " (rows)",
        items: c.top.map((t) => ({ label: t.value, value: t.count })),
        testid: "top-values",
      }),
      rest > 0
        ? el("p", { class: "muted" }, plural(c.distinct - c.top.length, "other value") + " in " + plural(rest, "row") + ".")
        : null,
    );
  }
  return el("p", { class: "muted" }, "No values to draw.");
}

function columnProfile(c, index, rows) {
  const brief = [c.type, num(c.missing) + " missing", num(c.distinct) + " distinct"].join(" · ");
  const pairs = [
    ["Values", num(c.count)],
    ["Missing", num(c.missing) + share(c.missing, rows)],
    ["Distinct", num(c.distinct)],
  ];
  if (c.numeric) pairs.push(...numericFacts(c.numeric));
  if (c.time) pairs.push(["Earliest", c.time.min], ["Latest", c.time.max]);
  return el(
    "details",
    { class: "column-profile", id: anchorOf(index), "data-testid": "column-profile", "data-column": c.name },
    el("summary", {}, el("span", { class: "column-name" }, c.name), " ", el("span", { class: "muted" }, brief)),
    el("div", { class: "column-body" }, el("div", { class: "column-facts" }, facts(pairs)), el("div", { class: "column-chart" }, chartOf(c))),
  );
}

export function profileSection(profile) {
  const details = profile.columns.map((c, i) => columnProfile(c, i, profile.rows));
  const toggle = (open) => {
    const b = el("button", { type: "button" }, open ? "Open all" : "Close all");
    b.addEventListener("click", () => details.forEach((d) => (d.open = open)));
    return b;
  };
  return [
    el("h2", { id: "profile" }, "Profile"),
    el("p", { class: "muted" }, "Computed when the version was created. Open a column for its statistics and chart."),
    el("p", { class: "profile-tools" }, toggle(true), " ", toggle(false)),
    el("div", { class: "profiles" }, details),
  ];
}
