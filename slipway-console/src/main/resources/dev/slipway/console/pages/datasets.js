// The Datasets page (#/datasets), a dataset's versions (#/datasets/NAME) and a version
// (#/datasets/NAME/V): facts, schema, the profile of every column with its histogram or top
// values, a validation of the snapshot against its own schema, and the first rows.

import { api, cell, datasetHref, el, facts, notice, num, plural, table, when } from "../lib.js";
import { profileSection, schemaTable } from "./dataset-profile.js";

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
