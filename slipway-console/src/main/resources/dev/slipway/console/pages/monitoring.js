// The Monitoring page (#/monitoring) and a model's monitoring (#/monitoring/NAME/PERIOD/WINDOW):
// drift per column against the training data, drift over time, the distributions behind it, the
// predictions (against the training data scored by the model), realized performance once labels
// arrive, outliers, data quality and the alerts,
// all read from the monitoring API (/api/v1/models/NAME/monitoring/...).

import { ApiError, api, cell, el, facts, modelHref, notice, num, plural, table, when } from "../lib.js";
import { histogram, lineChart } from "../charts.js";

export const css = true;

const PERIODS = [
  { id: "24h", label: "Last 24 hours", hours: 24 },
  { id: "7d", label: "Last 7 days", hours: 24 * 7 },
  { id: "30d", label: "Last 30 days", hours: 24 * 30 },
  { id: "all", label: "All of the log" },
];
const WINDOWS = [
  { id: "auto", label: "Automatic" },
  { id: "1h", label: "1 hour" },
  { id: "1d", label: "1 day" },
  { id: "7d", label: "7 days" },
  { id: "500rows", label: "500 rows" },
  { id: "10000rows", label: "10,000 rows" },
];
const DEFAULT_PERIOD = "all";
const DEFAULT_WINDOW = "auto";

const pct = (v) => (Number.isFinite(v) ? num(v * 100, 3) + "%" : "—");

function monitoringHref(name, period, window, reference = "") {
  const base = "#/monitoring/" + encodeURIComponent(name) + "/" + period + "/" + window;
  return reference ? base + "/" + encodeURIComponent(reference) : base;
}

/** The query of the chosen period: `from` for the last N hours, nothing for the whole log. */
function rangeQuery(period) {
  const p = PERIODS.find((x) => x.id === period);
  if (!p || !p.hours) return "";
  return "from=" + encodeURIComponent(new Date(Date.now() - p.hours * 3600e3).toISOString());
}

function path(name, what, ...params) {
  const q = params.filter(Boolean).join("&");
  return "/api/v1/models/" + encodeURIComponent(name) + "/monitoring/" + what + (q ? "?" + q : "");
}

/** At most eight windows of rows for a small log, days otherwise: a series that is neither one point nor thousands. */
function autoWindow(rows, period) {
  if (rows <= 100000) {
    const nice = [100, 250, 500, 1000, 2500, 5000, 10000, 25000];
    return nice.find((n) => n * 8 >= rows) + "rows";
  }
  return period === "24h" ? "1h" : "1d";
}

/** Labels of windows: their first row ("row 501") for windows of rows, their start time otherwise. */
function windowLabels(windows, spec) {
  if (/^\d+rows$/.test(spec)) {
    let first = 1;
    return windows.map((w) => {
      const label = "row " + num(first);
      first += w.rows;
      return label;
    });
  }
  const sameDay = windows.length > 0 && windows.every((w) => w.start.slice(0, 10) === windows[0].start.slice(0, 10));
  return windows.map((w) => {
    const d = new Date(w.start);
    return sameDay
      ? d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
      : d.toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  });
}

/** A window spec in words: "200 rows", "1 hour", "7 days". */
function windowText(spec) {
  const m = /^(\d+)(rows|m|h|d|w|mo)$/.exec(spec);
  if (!m) return spec;
  const n = Number(m[1]);
  const unit = { rows: "row", m: "minute", h: "hour", d: "day", w: "week", mo: "month" }[m[2]];
  return plural(n, unit);
}

function stateWord(drifted) {
  return el(
    "span",
    { class: drifted ? "state-bad" : "state-good", "data-testid": "drift-state" },
    drifted ? "Drift" : "No drift",
  );
}

/** What to do when there is nothing to show, by the server's answer. */
function emptyState(name, error, period) {
  if (error instanceof ApiError && error.status === 404 && /no prediction log/.test(error.message)) {
    return notice(
      "No traffic logged yet for " + name + ".",
      "Send requests to /v2/models/" + name + "/infer (the server logs them), or run 'slipway quickstart' for a model with traffic and labels.",
    );
  }
  if (error instanceof ApiError && error.status === 400 && /no values in the current data|no rows/.test(error.message)) {
    return notice(
      "No requests in this period.",
      period === "all" ? error.message : "Choose a longer period, such as 'All of the log'. (" + error.message + ")",
    );
  }
  if (error instanceof ApiError && /training data is unknown/.test(error.message)) {
    return notice("Choose a reference.", error.message + " Give a dataset in the Reference field above.");
  }
  return notice("Cannot show this part.", error.message);
}

function selector(name, period, window, reference) {
  const choose = (id, label, options, value) =>
    el(
      "div",
      { class: "field" },
      el("label", { for: id }, label),
      el("select", { id, name: id }, options.map((o) => el("option", { value: o.id, selected: o.id === value }, o.label))),
    );
  const form = el(
    "form",
    { class: "mon-select", "aria-label": "Period and window", "data-testid": "period-form" },
    choose("mon-period", "Period", PERIODS, period),
    choose("mon-window", "Window", WINDOWS, window),
    el(
      "div",
      { class: "field" },
      el("label", { for: "mon-reference" }, "Reference dataset"),
      el("input", {
        id: "mon-reference",
        name: "mon-reference",
        type: "text",
        value: reference,
        placeholder: "the training data",
        autocomplete: "off",
        spellcheck: "false",
        "aria-describedby": "mon-reference-hint",
      }),
    ),
    el("button", { type: "submit" }, "Show"),
    el("p", { id: "mon-reference-hint", class: "hint" }, "Reference dataset: empty for the model's training data, or a dataset version such as adult or adult@3f2a."),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const f = form.elements;
    location.hash = monitoringHref(name, f["mon-period"].value, f["mon-window"].value, f["mon-reference"].value.trim());
  });
  return form;
}

/** A section whose content arrives later: a heading and a placeholder filled by `load`. */
function lazySection(title, testid, name, page, load) {
  const body = el("div", { class: "mon-body" }, el("p", { class: "muted" }, "Loading…"));
  const section = el("section", { class: "mon-section", "aria-label": title, "data-section": testid }, el("h2", {}, title), body);
  load()
    .then((nodes) => {
      if (page.live()) body.replaceChildren(...[nodes].flat());
    })
    .catch((e) => {
      if (page.live()) body.replaceChildren(emptyState(name, e, ""));
    });
  return section;
}

function driftTable(columns, onSelect) {
  // Drifted columns first, each group in the model's column order.
  const sorted = [...columns].sort((a, b) => Number(b.drifted) - Number(a.drifted));
  const buttons = [];
  const rows = sorted.map((c) => {
    const button = el("button", { type: "button", class: "linklike", "aria-pressed": "false", "data-column": c.column }, c.column);
    button.addEventListener("click", () => onSelect(c.column));
    buttons.push(button);
    return el(
      "tr",
      { "data-testid": "drift-row", "data-column": c.column, "data-drifted": String(c.drifted) },
      cell("Column", button),
      cell("State", stateWord(c.drifted)),
      cell("Method", c.method + " (" + c.kind + ")"),
      cell("Score", num(c.score)),
      cell("Threshold", num(c.threshold)),
      cell("Effect size", c.effect_size === null ? "—" : c.effect_size_name + " " + num(c.effect_size)),
    );
  });
  const drifted = columns.filter((c) => c.drifted).length;
  const node = el(
    "div",
    { class: "scroll" },
    el(
      "table",
      { class: "stack", "data-testid": "drift-table" },
      el("caption", {}, drifted + " of " + plural(columns.length, "column") + " drifted. Choose a column to see its drift over time and its values."),
      el("thead", {}, el("tr", {}, ["Column", "State", "Method", "Score", "Threshold", "Effect size"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows),
    ),
  );
  return { node, buttons };
}

/** A bin's label for the chart: "[0.1, 0.15)" becomes "0.1–0.15", so that labels fit under their bars. */
function binLabel(label) {
  if (label === "") return "(empty text)";
  const m = /^\[([^,]+), ([^\])]+)[)\]]$/.exec(label);
  if (!m || !Number.isFinite(Number(m[1])) || !Number.isFinite(Number(m[2]))) return label;
  return num(Number(m[1]), 3) + "–" + num(Number(m[2]), 3);
}

function distributionChart(dist, referenceName, testid) {
  const counted = dist.n_ref > 0 ? num(dist.n_ref) + " reference, " + num(dist.n_cur) + " current" : num(dist.n_cur) + " current, no reference";
  const series = [];
  if (dist.n_ref > 0) series.push({ name: referenceName, values: dist.bins.map((b) => b.reference / dist.n_ref) });
  series.push({ name: "Current (the log)", values: dist.bins.map((b) => (dist.n_cur > 0 ? b.current / dist.n_cur : 0)) });
  return histogram({
    title: dist.column + ": share of values (" + counted + ")",
    bins: dist.bins.map((b) => binLabel(b.label)),
    series,
    testid,
    format: pct,
  });
}

function driftOverTime(column, windowed, spec) {
  const windows = windowed.windows || [];
  if (windows.length === 0) return el("p", { class: "muted" }, "No window: the period holds no rows.");
  const overall = windowed.data.columns.find((c) => c.column === column);
  const values = windows.map((w) => {
    const c = w.data && w.data.columns.find((x) => x.column === column);
    return c ? c.score : null;
  });
  const pValue = overall && ["ks", "chisquare", "z"].includes(overall.method);
  const chart = lineChart({
    title: column + ": " + (overall ? overall.method : "drift") + " score per window of " + windowText(spec),
    x: windowLabels(windows, spec),
    series: [{ name: "Score", values }],
    threshold: overall ? overall.threshold : undefined,
    format: (v) => num(v, 3),
    testid: "drift-over-time",
  });
  const drifted = windows.filter((w) => w.data && (w.data.columns.find((x) => x.column === column) || {}).drifted).length;
  return [
    chart,
    el(
      "p",
      { class: "muted" },
      (pValue ? "A p-value: the column drifts below the dashed threshold. " : "A distance: the column drifts at or above the dashed threshold. ") +
        "Drifted in " + drifted + " of " + plural(windows.length, "window") + ".",
    ),
  ];
}

function shareOverTime(windowed, spec) {
  const windows = windowed.windows || [];
  if (windows.length < 2) return null;
  return lineChart({
    title: "Share of drifted columns per window of " + windowText(spec),
    x: windowLabels(windows, spec),
    series: [{ name: "Drifted share", values: windows.map((w) => (w.data ? w.data.share : null)) }],
    threshold: windowed.data.threshold,
    yMin: 0,
    yMax: 1,
    format: pct,
    testid: "drift-share-over-time",
  });
}

function predictionsView(p, referenceName) {
  const cols = p.columns || [];
  if (cols.length === 0) return el("p", { class: "muted" }, p.note || "The log has no prediction columns.");
  // Two probability columns of a binary model mirror each other: the second (the positive class) says it all.
  const probs = cols.filter((c) => c.column.startsWith("probabilities_"));
  const shown = cols.filter((c) => !(probs.length === 2 && c === probs[0]));
  const scored = p.reference_predictions;
  const name = scored ? "Training data scored by v" + scored.model_version : referenceName;
  const charts = shown.map((c, i) => distributionChart(c, name, i === 0 ? "prediction-distribution" : "prediction-distribution-" + c.column));
  let text = null;
  if (scored) {
    text = el(
      "p",
      { class: "muted", "data-testid": "prediction-reference" },
      "The model's outputs in the period against its predictions on the training data " + scored.dataset + ", scored once by version " +
        scored.model_version + " (" + scored.choice + ").",
    );
  } else if (p.note) {
    text = el("p", { class: "muted", "data-testid": "prediction-reference" }, "The model's outputs in the period; the reference has no predictions to compare them with: " + p.note);
  }
  return [el("div", { class: "mon-pair" }, charts), text];
}

function performanceView(perf, spec, name) {
  if (!perf.labelled) {
    return el(
      "p",
      { class: "empty" },
      "No labels yet, so realized performance is unknown. Post the true outcomes keyed by request id to POST /api/v1/models/" +
        name + "/labels, or run 'slipway monitor labels FILE --model " + name + "'.",
    );
  }
  const metrics = Object.keys(perf.metrics || {});
  const preferred = ["auc", "accuracy", "rmse"].find((m) => metrics.includes(m)) || metrics[0];
  const holder = el("div", {});
  const draw = (metric) => {
    const baseline = (perf.comparison || []).find((c) => c.metric === metric);
    holder.replaceChildren(
      lineChart({
        title: metric + " per window of " + windowText(spec) + (baseline ? " (dashed line: at training, " + num(baseline.training, 3) + ")" : ""),
        x: windowLabels(perf.windows, spec),
        series: [{ name: metric, values: perf.windows.map((w) => (w.labelled > 0 ? w.metrics[metric] : null)) }],
        threshold: baseline ? baseline.training : undefined,
        thresholdLabel: "at training",
        format: (v) => num(v, 3),
        testid: "performance-chart",
      }),
    );
  };
  const select = el("select", { id: "mon-metric" }, metrics.map((m) => el("option", { value: m, selected: m === preferred }, m)));
  select.addEventListener("change", () => draw(select.value));
  draw(preferred);
  const comparison = (perf.comparison || []).map((c) =>
    el(
      "tr",
      {},
      cell("Metric", c.metric),
      cell("Training", num(c.training)),
      cell("Realized", num(c.realized)),
      cell("Change", num(c.change)),
      cell("State", el("span", { class: c.worse ? "state-bad" : "state-good" }, c.worse ? "Worse than training" : "As at training or better")),
    ),
  );
  return [
    el("p", {}, num(perf.labelled) + " labelled rows (task " + perf.task + ")."),
    el("div", { class: "field" }, el("label", { for: "mon-metric" }, "Metric"), select),
    holder,
    comparison.length
      ? el(
          "div",
          { class: "scroll" },
          el(
            "table",
            { class: "stack", "data-testid": "performance-table" },
            el("caption", {}, "Realized over the period against the metrics recorded at training"),
            el("thead", {}, el("tr", {}, ["Metric", "Training", "Realized", "Change", "State"].map((h) => el("th", { scope: "col" }, h)))),
            el("tbody", {}, comparison),
          ),
        )
      : null,
  ];
}

function outliersView(o) {
  const features = Object.entries(o.outside_by_feature || {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return [
    facts([
      ["Rows scored", num(o.rows)],
      ["Outlier rows", num(o.outlier_rows) + " (" + pct(o.outlier_share) + ")"],
      ["Mean score", num(o.mean_score)],
      ["Most often outside", features.slice(0, 5).map(([f, n]) => f + " (" + num(n) + ")").join(", ") || "none"],
    ]),
    el("p", { class: "muted" }, "Outlier rows have a value outside the reference: below its 1% quantile, above its 99%, or a category it never had."),
  ];
}

function qualityView(q) {
  const listed = (q.columns || []).filter((c) => c.nulls + c.out_of_range + c.unseen_categories + c.type_violations > 0);
  const invalid = listed.filter((c) => c.out_of_range + c.unseen_categories + c.type_violations > 0);
  const summary = el(
    "p",
    {},
    invalid.length
      ? el("span", { class: "state-bad" }, plural(invalid.length, "column") + " with values the reference never had")
      : el("span", { class: "state-good" }, "No value outside what the reference had"),
    " in " + num(q.rows) + " rows, against " + q.against + (listed.length > invalid.length ? "; missing values below." : "."),
  );
  if (!listed.length) return summary;
  return [
    summary,
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        { class: "stack", "data-testid": "quality-table" },
        el("caption", {}, "Columns with missing, out-of-range, unseen or mistyped values"),
        el("thead", {}, el("tr", {}, ["Column", "Missing", "Out of range", "Unseen categories", "Wrong type"].map((h) => el("th", { scope: "col" }, h)))),
        el(
          "tbody",
          {},
          listed.map((c) =>
            el(
              "tr",
              {},
              cell("Column", c.column),
              cell("Missing", num(c.nulls) + " (" + pct(c.null_rate) + ")"),
              cell("Out of range", num(c.out_of_range)),
              cell("Unseen categories", num(c.unseen_categories)),
              cell("Wrong type", num(c.type_violations)),
            ),
          ),
        ),
      ),
    ),
  ];
}

/** How a notification was delivered: "no webhook", or the status with its attempts and detail. */
function delivery(d) {
  if (!d) return "—";
  if (d.status === "none") return "log only (no webhook)";
  return d.status + " (" + plural(d.attempts, "attempt") + ")" + (d.detail ? ": " + d.detail : "");
}

function alertsView(a, name) {
  const alerts = a.alerts || [];
  if (alerts.length === 0) {
    return el(
      "p",
      { class: "empty", "data-testid": "alerts-empty" },
      "No alert for " + name + " so far. Alerts come from rules: start the server with 'slipway serve --alert-rules alerts.yaml', or run 'slipway monitor check --rules alerts.yaml --model " + name + "'.",
    );
  }
  // The newest notification of each rule is its current state.
  const latest = new Map();
  for (const x of alerts) if (!latest.has(x.rule)) latest.set(x.rule, x);
  const state = (x) => el("span", { class: x.state === "firing" ? "state-bad" : "state-good" }, x.state === "firing" ? "Firing" : "Resolved");
  return [
    el(
      "ul",
      { class: "plain mon-rules" },
      [...latest.values()].map((x) => el("li", {}, state(x), " ", el("strong", {}, x.rule), " (" + x.severity + "): " + x.condition)),
    ),
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        { class: "stack", "data-testid": "alerts-table" },
        el("caption", {}, "History, newest first (" + plural(alerts.length, "notification") + ")"),
        el("thead", {}, el("tr", {}, ["Time", "Rule", "State", "Severity", "Observed", "Bound", "Message", "Delivery"].map((h) => el("th", { scope: "col" }, h)))),
        el(
          "tbody",
          {},
          alerts.map((x) =>
            el(
              "tr",
              { "data-testid": "alert-row" },
              cell("Time", when(x.time)),
              cell("Rule", x.rule),
              cell("State", state(x)),
              cell("Severity", x.severity),
              cell("Observed", num(x.observed)),
              cell("Bound", num(x.bound)),
              cell("Message", x.message),
              cell("Delivery", delivery(x.delivery)),
            ),
          ),
        ),
      ),
    ),
  ];
}

async function modelPage(name, period, windowChoice, reference, page) {
  const range = [rangeQuery(period), reference ? "reference=" + encodeURIComponent(reference) : ""].filter(Boolean).join("&");
  let drift;
  try {
    drift = await api(path(name, "drift", range));
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) throw e;
    return el("div", { class: "mon-page" }, header(name, period, windowChoice, reference), emptyState(name, e, period));
  }
  const spec = windowChoice === "auto" ? autoWindow(drift.current_rows, period) : windowChoice;
  const columns = drift.data.columns;
  const windowed = api(path(name, "drift", range, "window=" + spec));

  // The chosen column: its drift over time and its values against the reference.
  const detailTitle = el("h2", { id: "mon-column-h", "aria-live": "polite" }, "");
  const overTime = el("div", { class: "mon-chart" });
  const values = el("div", { class: "mon-chart" });
  const detail = el("section", { class: "mon-section", "aria-labelledby": "mon-column-h" }, detailTitle, el("div", { class: "mon-pair" }, overTime, values));
  const { node: tableNode, buttons } = driftTable(columns, (c) => select(c));
  const referenceName = reference ? "Reference (" + reference + ")" : "Reference (training data)";

  function select(column) {
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.column === column));
    detailTitle.textContent = "Column " + column;
    overTime.replaceChildren(el("p", { class: "muted" }, "Loading drift over time…"));
    values.replaceChildren(el("p", { class: "muted" }, "Loading the distributions…"));
    windowed
      .then((w) => page.live() && overTime.replaceChildren(...[driftOverTime(column, w, spec)].flat()))
      .catch((e) => page.live() && overTime.replaceChildren(emptyState(name, e, period)));
    api(path(name, "distributions", range, "columns=" + encodeURIComponent(column)))
      .then((d) => page.live() && values.replaceChildren(distributionChart(d.columns[0], referenceName, "distribution")))
      .catch((e) => page.live() && values.replaceChildren(emptyState(name, e, period)));
  }
  const first = columns.find((c) => c.drifted) || columns[0];
  if (first) select(first.column);

  const share = el("div", {});
  windowed.then((w) => page.live() && share.replaceChildren(shareOverTime(w, spec) || "")).catch(() => {});

  const verdict = drift.data.drifted;
  return el(
    "div",
    { class: "mon-page" },
    header(name, period, windowChoice, reference),
    facts([
      ["Reference", drift.reference],
      ["Current", drift.current + " — " + num(drift.current_rows) + (drift.current_rows === 1 ? " row" : " rows")],
      ["Window", windowText(spec) + (windowChoice === "auto" ? " (automatic)" : "")],
      [
        "Dataset",
        el(
          "span",
          { class: verdict ? "state-bad" : "state-good", "data-testid": "dataset-drift" },
          (verdict ? "Drift" : "No drift") +
            " (" + drift.data.drifted_columns + " of " + drift.data.columns_compared + " columns drifted: " + pct(drift.data.share) +
            "; the dataset drifts when " + pct(drift.data.threshold) + " do)",
        ),
      ],
    ]),
    el("section", { class: "mon-section", "aria-label": "Drift by column" }, el("h2", {}, "Drift by column"), tableNode, share),
    detail,
    lazySection("Predictions", "predictions", name, page, async () => predictionsView(await api(path(name, "predictions", range)), referenceName)),
    lazySection("Realized performance", "performance", name, page, async () => performanceView(await api(path(name, "performance", rangeQuery(period), "window=" + spec)), spec, name)),
    el(
      "div",
      { class: "mon-pair" },
      lazySection("Outliers", "outliers", name, page, async () => outliersView(await api(path(name, "outliers", range, "top=0")))),
      lazySection("Data quality", "quality", name, page, async () => qualityView(await api(path(name, "quality", range)))),
    ),
    lazySection("Alerts", "alerts", name, page, async () => alertsView(await api(path(name, "alerts", "limit=100")), name)),
  );
}

function header(name, period, windowChoice, reference) {
  return el(
    "div",
    {},
    el("p", {}, el("a", { href: "#/monitoring" }, "← All models"), " · ", el("a", { href: modelHref(name) }, "Model page")),
    el("h1", { "data-testid": "monitoring-title" }, "Monitoring " + name),
    selector(name, period, windowChoice, reference),
  );
}

function modelsList(models) {
  if (models.length === 0) {
    return [
      el("h1", {}, "Monitoring"),
      el("p", { class: "empty" }, "No model yet. Run 'slipway quickstart' for a served model with traffic and labels, or train one with 'slipway train'."),
    ];
  }
  return [
    el("h1", {}, "Monitoring"),
    el("p", {}, "Choose a model to see the drift of its inputs, its predictions, its realized performance and its alerts, from what the server logged."),
    table(
      plural(models.length, "model"),
      ["Model", "Serving", "Versions"],
      models.map((m) => [
        el("a", { href: monitoringHref(m.name, DEFAULT_PERIOD, DEFAULT_WINDOW), "data-testid": "monitoring-model" }, m.name),
        m.served ? m.served.state + " (" + m.served.ref + ")" : el("span", { class: "muted" }, "not served here"),
        (m.versions || []).map((v) => "v" + v.version).join(", ") || "—",
      ]),
      "monitoring-models",
    ),
  ];
}

/** Renders #/monitoring or #/monitoring/NAME[/PERIOD[/WINDOW]]. */
export async function render(args, page) {
  if (args.length >= 1 && args[0] !== "") {
    const name = decodeURIComponent(args[0]);
    const period = PERIODS.some((p) => p.id === args[1]) ? args[1] : DEFAULT_PERIOD;
    const window = WINDOWS.some((w) => w.id === args[2]) ? args[2] : DEFAULT_WINDOW;
    const reference = args[3] ? decodeURIComponent(args[3]) : "";
    page.title("Monitoring " + name);
    page.status("Computing the drift of " + name + "…");
    return [await modelPage(name, period, window, reference, page)];
  }
  page.title("Monitoring");
  page.status("Loading models…");
  return modelsList(await api("/api/v1/models"));
}
