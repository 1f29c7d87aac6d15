// The Runs page (#/runs): every training run in a sortable table, to pick runs and compare them;
// a run's page (#/runs/ID): its facts, metrics with charts, parameters and provenance; and runs
// side by side (#/runs/compare/ID1,ID2,...), the lines that differ marked in words as well as colour.

import { api, cell, datasetHref, el, facts, modelHref, num, plural, runHref, table, when } from "../lib.js";
import { barChart, lineChart } from "../charts.js";
import { comparePage } from "./runs-compare.js";

export const css = true;

/** Metrics that count things rather than score a model: left out of the score charts. */
const COUNTS = new Set(["rows", "trials", "rounds"]);
const MAX_METRIC_COLUMNS = 3;
const MAX_PARAM_COLUMNS = 3;

export function seconds(ms) {
  if (ms === null || ms === undefined) return "—";
  return ms < 1000 ? ms + " ms" : num(ms / 1000, 3) + " s";
}

export function shortId(id) {
  return id && id.length > 8 ? id.slice(0, 6) + "…" : id || "—";
}

/** A start time in the table: short, in the reader's locale, the full ISO time on hover. */
function started(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return when(iso);
  return el("time", { datetime: iso, title: iso }, d.toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" }));
}

/** The run's dataset as a link to that version's page. */
export function datasetLink(d) {
  return el("a", { href: datasetHref(d.name, d.version), title: d.name + "@" + d.version }, d.name + "@" + shortId(d.version));
}

export function modelLink(model) {
  if (!model) return el("span", { class: "muted" }, "none");
  const link = el("a", { href: modelHref(model.name) }, model.name + " v" + model.version);
  if (model.registered === false) return el("span", {}, link, " ", el("span", { class: "state-none" }, "deleted since"));
  return link;
}

/** The metric columns of the table: those most runs have, in the order runs list them. */
function metricColumns(runs) {
  const count = new Map();
  for (const r of runs) {
    for (const k of Object.keys(r.metrics || {})) {
      if (!COUNTS.has(k)) count.set(k, (count.get(k) || 0) + 1);
    }
  }
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_METRIC_COLUMNS)
    .map(([k]) => k);
}

/** The parameter columns: those whose values differ between the runs listed. */
function paramColumns(runs) {
  const values = new Map();
  for (const r of runs) {
    for (const [k, v] of Object.entries(r.params || {})) {
      if (!values.has(k)) values.set(k, new Set());
      values.get(k).add(v);
    }
  }
  const varying = [...values.entries()].filter(([k, s]) => s.size > 1 || runs.some((r) => !(k in (r.params || {}))));
  const keys = varying.map(([k]) => k).sort();
  return keys.length > 0 ? keys.slice(0, MAX_PARAM_COLUMNS) : values.has("num_round") ? ["num_round"] : [];
}

function asNumber(v) {
  if (typeof v === "number") return v;
  const n = Number(v);
  return v !== null && v !== undefined && v !== "" && Number.isFinite(n) ? n : null;
}

/** Compares two sort values; absent values go last whatever the direction. */
function order(a, b, direction) {
  const missingA = a === null || a === undefined || a === "";
  const missingB = b === null || b === undefined || b === "";
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  const c = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
  return direction === "ascending" ? c : -c;
}

function runsPage(runs) {
  const heading = el("h1", {}, "Runs");
  if (runs.length === 0) {
    return [heading, el("p", {}, "No training runs yet. Train a model with 'slipway train --data NAME --target COLUMN'.")];
  }
  const metrics = metricColumns(runs);
  const params = paramColumns(runs);
  const columns = [
    { key: "id", label: "Run", value: (r) => r.id },
    { key: "kind", label: "Kind", value: (r) => r.kind },
    { key: "dataset", label: "Dataset", value: (r) => r.dataset.name + "@" + r.dataset.version },
    { key: "target", label: "Target, task", value: (r) => r.target + " " + r.task + " " + r.algorithm },
    { key: "started", label: "Started", value: (r) => r.started },
    { key: "duration", label: "Duration", value: (r) => r.duration_ms },
    ...params.map((p) => ({ key: "param:" + p, label: p, value: (r) => asNumber(r.params?.[p]) ?? r.params?.[p] ?? null, num: true })),
    ...metrics.map((m) => ({ key: "metric:" + m, label: m, value: (r) => r.metrics?.[m] ?? null, num: true })),
  ];
  const selected = new Set();
  const state = { key: "started", direction: "descending" };

  const count = el("span", { class: "muted", "aria-live": "polite", "data-testid": "selected-count" }, "Select two or more runs to compare.");
  const compare = el("button", { type: "button", "data-testid": "compare-button", disabled: true }, "Compare selected");
  compare.addEventListener("click", () => {
    if (selected.size < 2) return;
    const ids = runs.filter((r) => selected.has(r.id)).map((r) => r.id);
    location.hash = "#/runs/compare/" + ids.map(encodeURIComponent).join(",");
  });
  function selectionChanged() {
    compare.disabled = selected.size < 2;
    count.textContent =
      selected.size === 0 ? "Select two or more runs to compare." : plural(selected.size, "run") + " selected" + (selected.size < 2 ? "; select one more to compare." : ".");
  }

  function row(r) {
    const box = el("input", { type: "checkbox", "aria-label": "Select run " + r.id, "data-testid": "run-select", value: r.id });
    box.checked = selected.has(r.id);
    box.addEventListener("change", () => {
      if (box.checked) selected.add(r.id);
      else selected.delete(r.id);
      selectionChanged();
    });
    const kind = r.kind === "tune" && r.trial_count ? el("span", {}, r.kind, el("br"), el("span", { class: "muted" }, plural(r.trial_count, "trial"))) : r.kind;
    return el(
      "tr",
      { "data-testid": "run-row", "data-run": r.id },
      cell("Compare", box),
      cell("Run", el("a", { href: runHref(r.id), "data-testid": "run-id", class: "run-id" }, el("code", {}, r.id))),
      cell("Kind", kind),
      cell("Dataset", datasetLink(r.dataset)),
      cell("Target, task", el("span", {}, r.target, el("br"), el("span", { class: "muted" }, r.task + ", " + r.algorithm))),
      cell("Started", started(r.started)),
      cell("Duration", seconds(r.duration_ms)),
      ...params.map((p) => cell(p, r.params?.[p] ?? "—")),
      ...metrics.map((m) => {
        const td = cell(m, num(r.metrics?.[m]));
        td.classList.add("num");
        td.dataset.metric = m;
        return td;
      }),
    );
  }

  const body = el("tbody", {});
  const headers = columns.map((c) => {
    const button = el("button", { type: "button", class: "sort", "data-testid": "sort-" + c.key }, c.label);
    const th = el("th", { scope: "col", "data-sort-key": c.key, "aria-sort": "none" }, button);
    button.addEventListener("click", () => sortBy(c.key));
    return th;
  });
  const sortSelect = el(
    "select",
    { id: "runs-sort", "data-testid": "sort-select" },
    columns.flatMap((c) => [
      el("option", { value: c.key + "|ascending" }, c.label + " ↑"),
      el("option", { value: c.key + "|descending" }, c.label + " ↓"),
    ]),
  );
  sortSelect.addEventListener("change", () => {
    const [key, direction] = sortSelect.value.split("|");
    sortBy(key, direction);
  });

  function sortBy(key, direction) {
    if (direction) {
      state.direction = direction;
    } else if (state.key === key) {
      state.direction = state.direction === "ascending" ? "descending" : "ascending";
    } else {
      // Scores and times read best newest-first or largest-first; text A to Z.
      const column = columns.find((c) => c.key === key);
      state.direction = column.num || key === "started" || key === "duration" ? "descending" : "ascending";
    }
    state.key = key;
    draw();
  }

  function draw() {
    const column = columns.find((c) => c.key === state.key);
    const sorted = [...runs].sort((a, b) => order(column.value(a), column.value(b), state.direction) || order(a.started, b.started, "descending"));
    body.replaceChildren(...sorted.map(row));
    headers.forEach((th, i) => {
      th.setAttribute("aria-sort", columns[i].key === state.key ? state.direction : "none");
      th.querySelector("button").title =
        columns[i].key === state.key ? "Sorted " + state.direction + "; press to reverse" : "Sort by " + columns[i].label;
    });
    sortSelect.value = state.key + "|" + state.direction;
    sortNote.textContent = "Sorted by " + column.label + ", " + state.direction + ".";
  }

  const sortNote = el("span", { class: "visually-hidden", "aria-live": "polite" });
  const tableEl = el(
    "table",
    { class: "stack runs", "data-testid": "runs-table" },
    el("caption", {}, plural(runs.length, "run"), ", newest first unless sorted otherwise.", sortNote),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, el("span", { class: "visually-hidden" }, "Compare")), headers)),
    body,
  );
  draw();
  return [
    heading,
    el(
      "div",
      { class: "runs-toolbar" },
      compare,
      count,
      el("span", { class: "runs-sort" }, el("label", { for: "runs-sort" }, "Sort by "), sortSelect),
    ),
    el("div", { class: "scroll" }, tableEl),
  ];
}

/** The score metrics as bars: one chart, each metric on its own scale of 0 to its value's ceiling. */
function metricBars(metrics, testid) {
  const items = Object.entries(metrics || {})
    .filter(([k, v]) => !COUNTS.has(k) && typeof v === "number")
    .map(([k, v]) => ({ label: k, value: v }));
  if (items.length === 0) return null;
  const max = Math.max(1, ...items.map((i) => i.value));
  return barChart({ title: "Final metrics", items, testid, max });
}

function historyChart(history) {
  if (!history) return null;
  return lineChart({
    title:
      "Cross-validated " + history.metric + " per " + history.x_label + (history.lower_is_better ? " (lower is better)" : " (higher is better)"),
    x: history.x.map((x) => history.x_label + " " + x),
    series: history.series,
    testid: "history-chart",
  });
}

function calibrationChart(evaluation) {
  const bins = (evaluation && evaluation.calibration) || [];
  const used = bins.filter((b) => b.count > 0);
  if (used.length < 2) return null;
  return lineChart({
    title: "Calibration on the held-out rows: predicted probability against observed share",
    x: used.map((b) => num(b.lower, 2) + "–" + num(b.upper, 2)),
    series: [
      { name: "mean predicted", values: used.map((b) => b.mean_predicted) },
      { name: "observed positive share", values: used.map((b) => b.fraction_positive) },
    ],
    testid: "calibration-chart",
    yMin: 0,
    yMax: 1,
  });
}

function confusion(evaluation) {
  if (!evaluation || !evaluation.confusion || !evaluation.classes) return [];
  const classes = evaluation.classes;
  return [
    el("h3", {}, "Confusion matrix"),
    table(
      "Rows: actual class; columns: predicted class (" + num(evaluation.rows) + " held-out rows)",
      ["Actual \\ predicted", ...classes],
      evaluation.confusion.map((counts, i) => [classes[i], ...counts.map((c) => num(c))]),
      "confusion-table",
    ),
  ];
}

function perClass(evaluation) {
  if (!evaluation || !evaluation.per_class) return [];
  return [
    el("h3", {}, "Per class"),
    table(
      "Scores of each class",
      ["Class", "Precision", "Recall", "F1", "Support"],
      evaluation.per_class.map((c) => [c.name, num(c.precision), num(c.recall), num(c.f1), num(c.support)]),
      "per-class-table",
    ),
  ];
}

function trialsSection(run) {
  const trials = run.trials || [];
  if (trials.length === 0) return [];
  const names = new Set();
  trials.forEach((t) => Object.keys(t.metrics || {}).forEach((k) => names.add(k)));
  const metrics = [...names];
  const params = paramColumns(trials);
  return [
    el("h2", {}, "Trials"),
    el("p", {}, el("a", { href: "#/runs/compare/" + trials.map((t) => encodeURIComponent(t.id)).join(","), "data-testid": "compare-trials" }, "Compare the trials side by side")),
    table(
      plural(trials.length, "trial") + ", in the order they ran",
      ["Trial", "Run", ...params, ...metrics],
      trials.map((t, i) => [
        String(i + 1),
        el("a", { href: runHref(t.id) }, el("code", {}, t.id)),
        ...params.map((p) => t.params?.[p] ?? "—"),
        ...metrics.map((m) => num(t.metrics?.[m])),
      ]),
      "trials-table",
    ),
  ];
}

function runPage(run) {
  const kind =
    run.kind === "trial" && run.parent
      ? el("span", {}, "trial of tuning ", el("a", { href: runHref(run.parent) }, el("code", {}, run.parent)))
      : run.kind;
  const parts = [
    el("p", {}, el("a", { href: "#/runs" }, "← All runs")),
    el("h1", { "data-testid": "run-title" }, "Run ", el("code", {}, run.id)),
    facts([
      ["Kind", kind],
      ["Status", el("span", { class: run.status === "finished" ? "state-good" : "state-none" }, run.status)],
      ["Dataset", datasetLink(run.dataset)],
      ["Target", run.target + " (" + run.task + ")"],
      ["Algorithm", run.algorithm],
      ["Started", when(run.started)],
      ["Finished", when(run.finished)],
      ["Duration", seconds(run.duration_ms)],
      ["Model", modelLink(run.model)],
    ]),
  ];
  parts.push(el("h2", {}, "Metrics"));
  const metrics = Object.entries(run.metrics || {});
  if (metrics.length === 0) {
    parts.push(el("p", { class: "muted" }, "This run recorded no metrics."));
  } else {
    parts.push(
      el(
        "div",
        { class: "run-metrics" },
        table("Measured on the held-out rows (" + run.holdout + ")", ["Metric", "Value"], metrics.map(([k, v]) => [k, num(v)]), "metrics-table"),
        metricBars(run.metrics, "metrics-chart"),
      ),
    );
  }
  const history = historyChart(run.history);
  parts.push(el("h2", {}, "History"));
  parts.push(
    history ||
      el(
        "p",
        { class: "muted" },
        "A training records its final metrics only, not a curve per boosting round; a tuning records the score of each trial, shown here.",
      ),
  );
  if (run.evaluation) {
    parts.push(el("h2", {}, "Evaluation"), calibrationChart(run.evaluation), ...confusion(run.evaluation), ...perClass(run.evaluation));
  }
  parts.push(...trialsSection(run));
  parts.push(
    el("h2", {}, "Parameters"),
    table(plural(Object.keys(run.params || {}).length, "parameter"), ["Parameter", "Value"], Object.entries(run.params || {}), "params-table"),
  );
  const p = run.provenance || {};
  parts.push(
    el("h2", {}, "Provenance"),
    facts([
      ["Dataset", p.dataset],
      ["Version", el("code", {}, p.dataset_version || "—")],
      ["Content SHA-256", el("code", {}, p.dataset_sha256 || "—")],
      ["Held out", p.holdout],
      ["Seed", p.seed === undefined ? null : String(p.seed)],
      ["Model aliases", run.model && run.model.aliases && run.model.aliases.length ? run.model.aliases.join(", ") : null],
    ]),
  );
  const env = Object.entries(p.environment || {});
  if (env.length > 0) {
    parts.push(table("Environment", ["Component", "Version"], env, "environment-table"));
  }
  return parts;
}

/** Renders #/runs, #/runs/ID or #/runs/compare/ID1,ID2,... */
export async function render(args, page) {
  if (args[0] === "compare") {
    const ids = decodeURIComponent(args[1] || "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    page.title("Compare runs");
    page.status("Loading " + plural(ids.length, "run") + "…");
    const c = await api("/api/v1/runs/compare?ids=" + ids.map(encodeURIComponent).join(","));
    return comparePage(c);
  }
  if (args.length >= 1 && args[0] !== "") {
    const id = decodeURIComponent(args[0]);
    page.title("Run " + id);
    page.status("Loading run " + id + "…");
    return runPage(await api("/api/v1/runs/" + encodeURIComponent(id)));
  }
  page.title("Runs");
  page.status("Loading runs…");
  return runsPage(await api("/api/v1/runs"));
}
