// The Datasets page (#/datasets), a dataset's versions (#/datasets/NAME) and a version
// (#/datasets/NAME/V): facts, schema, the profile of every column with its histogram or top
// values, a validation of the snapshot against its own schema, and the first rows.

import { api, cell, datasetHref, el, facts, notice, num, plural, table, when } from "../lib.js";
import { barChart, histogram } from "../charts.js";

export const css = true;

const PREVIEW_ROWS = 20;

function path(name, version) {
  const base = "/api/v1/datasets/" + encodeURIComponent(name);
  return version === undefined ? base : base + "/versions/" + encodeURIComponent(version);
}

function shortHash(hash) {
  if (!hash) return "—";
  return el("code", { title: hash }, hash.slice(0, 12) + "…");
}

/** Where a version came from: its lineage (linked to the parent) or its source file. */
function origin(v) {
  const l = v.lineage;
  if (!l) return v.source;
  const params = Object.entries(l.params || {})
    .map(([k, val]) => k + "=" + val)
    .join(", ");
  return el(
    "span",
    {},
    l.operation + " of ",
    el("a", { href: datasetHref(l.parent_dataset, l.parent_version) }, l.parent_dataset + "@" + l.parent_version),
    params ? " (" + params + ")" : "",
  );
}

function datasetsPage(all) {
  if (all.length === 0) {
    return [
      el("h1", {}, "Datasets"),
      el("p", {}, "The home has no datasets yet. Import one with 'slipway data import FILE --name NAME'."),
    ];
  }
  const rows = all.map((d) =>
    el(
      "tr",
      { "data-testid": "dataset-row" },
      cell("Name", el("a", { href: datasetHref(d.name), "data-testid": "dataset-name" }, d.name)),
      cell("Latest", el("a", { href: datasetHref(d.name, d.latest.version) }, "v" + d.latest.version), " ", shortHash(d.latest.id)),
      cell("Versions", String(d.versions)),
      cell("Rows", num(d.latest.rows)),
      cell("Columns", String(d.latest.columns)),
      cell("Created", when(d.latest.created)),
    ),
  );
  return [
    el("h1", {}, "Datasets"),
    table(
      plural(all.length, "dataset"),
      ["Name", "Latest version", "Versions", "Rows", "Columns", "Created (latest)"],
      rows,
      "datasets-table",
      { class: "stack" },
    ),
  ];
}

function datasetPage(h) {
  const versions = [...h.versions].reverse();
  const rows = versions.map((v) =>
    el(
      "tr",
      { "data-testid": "version-row" },
      cell("Version", el("a", { href: datasetHref(h.name, v.version), "data-testid": "version-link" }, "v" + v.version)),
      cell("Id", el("code", {}, v.id)),
      cell("Created", when(v.created)),
      cell("Rows", num(v.rows)),
      cell("Columns", String(v.columns)),
      cell("From", origin(v)),
      cell("Content hash", shortHash(v.content_sha256)),
    ),
  );
  return [
    el("p", {}, el("a", { href: "#/datasets" }, "← All datasets")),
    el("h1", { "data-testid": "dataset-title" }, h.name),
    table(
      plural(versions.length, "version") + ", newest first",
      ["Version", "Id", "Created", "Rows", "Columns", "From", "Content hash"],
      rows,
      "versions-table",
      { class: "stack" },
    ),
  ];
}

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

function schemaTable(schema, profile) {
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

function profileSection(profile) {
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

function validationBody(r) {
  const verdict = r.passed
    ? el("p", { class: "state-good" }, "Passed: ", plural(r.errors, "error"), ", ", plural(r.warnings, "warning"), ".")
    : el("p", { class: "state-bad" }, "Failed: ", plural(r.errors, "error"), ", ", plural(r.warnings, "warning"), ".");
  const parts = [
    verdict,
    el("p", { class: "muted" }, "Checked " + num(r.rows) + (r.rows === 1 ? " row" : " rows") + " of " + r.checked + " against its schema. Slipway keeps no validation reports, so this check runs each time the page is opened."),
  ];
  if (r.problems.length > 0) {
    parts.push(
      table(
        plural(r.problems.length, "problem"),
        ["Severity", "Problem", "Column", "Rows", "Examples", "What to do"],
        r.problems.map((p) =>
          el(
            "tr",
            { "data-testid": "validation-problem" },
            cell("Severity", el("span", { class: "state-bad" }, p.severity === "error" ? "Error" : "Warning")),
            cell("Problem", p.kind.replaceAll("_", " ")),
            cell("Column", p.column),
            cell("Rows", num(p.count)),
            cell("Examples", (p.examples || []).join(", ") || "—"),
            cell("What to do", p.message),
          ),
        ),
        "validation-problems",
        { class: "stack" },
      ),
    );
  }
  return parts;
}

/** The validation section, filled in when the server has checked the snapshot. */
function validationSection(name, version, page) {
  const body = el("div", { "aria-live": "polite" }, el("p", { class: "muted" }, "Checking the snapshot against its schema…"));
  const section = el(
    "section",
    { "data-testid": "validation-results", "aria-labelledby": "validation-title" },
    el("h2", { id: "validation-title" }, "Validation"),
    body,
  );
  section.dataset.state = "loading";
  api(path(name, version) + "/validation").then(
    (r) => {
      if (!page.live()) return;
      body.replaceChildren(...validationBody(r));
      section.dataset.state = r.passed ? "passed" : "failed";
    },
    (e) => {
      if (!page.live()) return;
      body.replaceChildren(notice("The validation could not run.", e.message));
      section.dataset.state = "error";
    },
  );
  return section;
}

function previewTable(rows) {
  const box = table(
    "The first " + plural(rows.rows.length, "row"),
    rows.columns,
    rows.rows.map((r) => el("tr", {}, r.map((v) => el("td", {}, v === "" ? el("span", { class: "muted" }, "missing") : v)))),
    "rows-preview",
    { class: "preview" },
  );
  // The rows are wider than a phone: the box scrolls sideways, also from the keyboard.
  box.setAttribute("tabindex", "0");
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", "First rows, scrolls sideways");
  return box;
}

/** Links to the page's sections that scroll there without changing the address, which names the page. */
function onPage(links) {
  return el(
    "nav",
    { class: "on-page", "aria-label": "On this page" },
    links.map(([id, text]) => {
      const a = el("a", { href: "#" + id }, text);
      a.addEventListener("click", (event) => {
        event.preventDefault();
        const target = document.getElementById(id);
        if (!target) return;
        target.setAttribute("tabindex", "-1");
        target.scrollIntoView({ block: "start" });
        target.focus({ preventScroll: true });
      });
      return a;
    }),
  );
}

function versionPage(v, rows, page) {
  return [
    el(
      "p",
      {},
      el("a", { href: "#/datasets" }, "← All datasets"),
      " · ",
      el("a", { href: datasetHref(v.dataset) }, "Versions of " + v.dataset),
    ),
    el("h1", { "data-testid": "version-title" }, v.dataset + " v" + v.version),
    facts([
      ["Rows", num(v.rows)],
      ["Columns", String(v.columns)],
      ["Version id", el("code", {}, v.id)],
      ["Content hash", el("code", {}, v.content_sha256)],
      ["Snapshot hash", el("code", {}, v.snapshot_sha256)],
      ["Snapshot size", num(v.snapshot_bytes) + " bytes"],
      ["Source", v.source],
      ["Lineage", v.lineage ? origin(v) : el("span", { class: "muted" }, "imported, not derived")],
      ["Created", when(v.created)],
    ]),
    onPage([
      ["schema", "Schema"],
      ["profile", "Profile"],
      ["validation-title", "Validation"],
      ["preview", "First rows"],
    ]),
    el("h2", { id: "schema" }, "Schema"),
    schemaTable(v.schema, v.profile),
    ...profileSection(v.profile),
    validationSection(v.dataset, v.version, page),
    el("h2", { id: "preview" }, "First rows"),
    previewTable(rows),
  ];
}

/** Renders #/datasets, #/datasets/NAME or #/datasets/NAME/VERSION. */
export async function render(args, page) {
  const name = args.length >= 1 && args[0] !== "" ? decodeURIComponent(args[0]) : null;
  const version = args.length >= 2 && args[1] !== "" ? decodeURIComponent(args[1]) : null;
  if (name && version) {
    page.title(name + (/^[0-9]+$/.test(version) ? " v" + version : "@" + version));
    page.status("Loading " + name + " version " + version + "…");
    const [v, rows] = await Promise.all([api(path(name, version)), api(path(name, version) + "/rows?limit=" + PREVIEW_ROWS)]);
    return versionPage(v, rows, page);
  }
  if (name) {
    page.title(name);
    page.status("Loading " + name + "…");
    return datasetPage(await api(path(name)));
  }
  page.title("Datasets");
  page.status("Loading datasets…");
  return datasetsPage(await api("/api/v1/datasets"));
}
