// The Models page (#/models) and a model's page (#/models/NAME): the registry as the management
// API shows it, each version with its training metrics, lineage, provenance and signature, and the
// aliases, which an admin token may move from here.

import { api, cell, datasetHref, el, facts, modelHref, num, plural, runHref, table, when } from "../lib.js";
import { aliasesView } from "./model-aliases.js";

export const css = true;

/** A message shown once on the next render of a model's page (after an alias moved). */
let flash = null;

function aliasText(aliases) {
  const entries = Object.entries(aliases || {});
  if (entries.length === 0) return el("span", { class: "muted" }, "none");
  return el("ul", { class: "plain" }, entries.map(([a, v]) => el("li", {}, a + " → v" + v)));
}

function tagText(tags) {
  const entries = Object.entries(tags || {});
  if (entries.length === 0) return el("span", { class: "muted" }, "none");
  return el("ul", { class: "plain" }, entries.map(([k, v]) => el("li", {}, v === "" ? k : k + " = " + v)));
}

function latest(model) {
  const versions = model.versions || [];
  return versions.reduce((best, v) => (best === null || v.version > best.version ? v : best), null);
}

function servedText(served) {
  if (!served) return el("span", { class: "muted" }, "not served");
  const version = served.version === null || served.version === undefined ? "" : " v" + served.version;
  return served.state + version + " (" + served.ref + ")";
}

function metricText(m) {
  return m ? m.name + " " + num(m.value) : null;
}

/** The champion's headline metric ("auc 0.9123 (v1)"), or a word saying why there is none. */
function championMetric(model) {
  const v = (model.aliases || {}).champion;
  if (v === undefined) return el("span", { class: "muted" }, "no champion");
  const version = (model.versions || []).find((x) => x.version === v);
  if (!version || !version.headline_metric) return el("span", { class: "muted" }, "v" + v + ": no metric");
  return metricText(version.headline_metric) + " (v" + v + ")";
}

function modelsPage(models) {
  if (models.length === 0) {
    return [
      el("h1", {}, "Models"),
      el("p", {}, "The registry has no models yet. Train one with 'slipway train' or bring one in with 'slipway models import'."),
    ];
  }
  const rows = models.map((m) => {
    const last = latest(m);
    const formats = [...new Set((m.versions || []).map((v) => v.format))].join(", ");
    return el(
      "tr",
      { "data-testid": "model-row", "data-model": m.name },
      cell("Name", el("a", { href: modelHref(m.name), "data-testid": "model-name" }, m.name)),
      cell("Versions", (m.versions || []).map((v) => "v" + v.version).join(", ")),
      cell("Aliases", el("span", { "data-testid": "model-aliases" }, aliasText(m.aliases))),
      cell("Champion metric", el("span", { "data-testid": "model-champion-metric" }, championMetric(m))),
      cell("Tags", tagText(m.tags)),
      cell("Format", formats || "—"),
      cell("Created", last ? when(last.created) : "—"),
      cell("Serving", servedText(m.served)),
    );
  });
  return [
    el("h1", {}, "Models"),
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        { class: "stack", "data-testid": "models-table" },
        el("caption", {}, plural(models.length, "model")),
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            ["Name", "Versions", "Aliases", "Champion metric", "Tags", "Format", "Created (latest)", "Serving"].map((h) =>
              el("th", { scope: "col" }, h),
            ),
          ),
        ),
        el("tbody", {}, rows),
      ),
    ),
  ];
}

function columns(caption, specs, testid) {
  if (!specs || specs.length === 0) return el("p", { class: "muted" }, caption + ": none recorded.");
  return table(
    caption,
    ["Name", "Type", "Width", "Labels"],
    specs.map((s) => [s.name, s.datatype, String(s.width), (s.labels || []).join(", ") || "—"]),
    testid,
  );
}

function pairList(map) {
  const entries = Object.entries(map || {});
  if (entries.length === 0) return el("span", { class: "muted" }, "none");
  return el("ul", { class: "plain" }, entries.map(([k, v]) => el("li", {}, k + " = " + v)));
}

function metricsView(v) {
  const entries = Object.entries(v.metrics || {});
  if (entries.length === 0) {
    return el("p", { class: "muted", "data-testid": "version-metrics", "data-version": v.version }, "No training metrics (imported models have none).");
  }
  return table(
    "Training metrics of v" + v.version + " (on held-out rows)",
    ["Metric", "Value"],
    entries.map(([k, value]) =>
      el(
        "tr",
        { class: v.headline_metric && v.headline_metric.name === k ? "highlight" : null },
        el("td", {}, k),
        el("td", { class: "num" }, num(value)),
      ),
    ),
    "version-metrics",
    { "data-version": v.version },
  );
}

function lineageView(v) {
  const l = v.lineage || {};
  if (l.source === "trained") {
    const parts = [];
    if (l.run_id) parts.push(["Run", el("a", { href: runHref(l.run_id), "data-testid": "lineage-run" }, l.run_id)]);
    if (l.dataset_name) {
      const label = l.dataset_version ? l.dataset_name + " @ " + l.dataset_version : l.dataset_name;
      parts.push(["Dataset", el("a", { href: datasetHref(l.dataset_name, l.dataset_version), "data-testid": "lineage-dataset" }, label)]);
    }
    return facts([["Made by", "training in Slipway"], ...parts]);
  }
  if (l.source === "imported") {
    return facts([
      ["Made by", "import of a file trained elsewhere"],
      ["File", l.file_name],
      ["File sha256", el("code", {}, l.sha256)],
    ]);
  }
  return el("p", { class: "muted" }, "Where this version came from is not recorded.");
}

function provenanceView(v) {
  const p = v.provenance;
  if (!p) {
    return el("p", { class: "muted", "data-testid": "provenance" }, v.manifest_error ? "The package's manifest could not be read: " + v.manifest_error : "No provenance recorded.");
  }
  const rows = [["Package made", when(p.created)]];
  if (p.source === "trained") {
    rows.push(
      ["Data sha256", el("code", {}, p.dataset_sha256)],
      ["Seed", String(p.seed)],
      ["Parameters", pairList(p.params)],
      ["Libraries", pairList(p.libraries)],
      ["Java runtime", p.jvm],
      ["Operating system", p.os],
    );
  } else {
    rows.push(["Source file", p.file_name], ["File sha256", el("code", {}, p.sha256)]);
  }
  if (v.runtime) rows.push(["Served by", v.runtime]);
  const dl = facts(rows);
  dl.setAttribute("data-testid", "provenance");
  dl.setAttribute("data-version", String(v.version));
  return dl;
}

function signatureView(v) {
  const s = v.signature;
  if (!s) return el("p", { class: "muted" }, "No signature recorded.");
  return el(
    "details",
    { class: "signature", "data-testid": "version-signature" },
    el("summary", {}, "Signature: " + plural(s.inputs.length, "input") + ", " + plural(s.outputs.length, "output")),
    columns("Inputs of v" + v.version, s.inputs, "inputs-table-v" + v.version),
    columns("Outputs of v" + v.version, s.outputs, "outputs-table-v" + v.version),
  );
}

function versionSection(v) {
  const id = "version-" + v.version;
  const aliases = (v.aliases || []).length ? " · " + v.aliases.join(", ") : "";
  return el(
    "section",
    { class: "version", "aria-labelledby": id, "data-testid": "version-section", "data-version": v.version },
    el("h3", { id }, "v" + v.version + aliases),
    v.description ? el("p", {}, v.description) : null,
    metricsView(v),
    el("h4", {}, "Lineage"),
    lineageView(v),
    el("h4", {}, "Provenance"),
    provenanceView(v),
    signatureView(v),
  );
}

function modelPage(m, page) {
  const versions = [...(m.versions || [])].sort((a, b) => b.version - a.version);
  const served = m.served;
  const parts = [
    el("p", {}, el("a", { href: "#/models" }, "← All models")),
    el("h1", { "data-testid": "model-title" }, m.name),
  ];
  if (flash) {
    parts.push(el("p", { class: "notice done state-good", role: "status", "data-testid": "alias-done" }, flash));
    flash = null;
  }
  if (m.description) parts.push(el("p", {}, m.description));
  parts.push(
    facts([
      ["Aliases", aliasText(m.aliases)],
      ["Tags", tagText(m.tags)],
      ["Serving", servedText(served)],
    ]),
  );
  parts.push(
    ...aliasesView(m, versions, (message) => {
      flash = message;
      page.reload();
    }),
  );
  parts.push(
    el("h2", {}, "Versions"),
    table(
      plural(versions.length, "version"),
      ["Version", "Format", "Task", "Headline metric", "Created", "Aliases", "Description"],
      versions.map((v) => [
        "v" + v.version,
        v.format,
        v.task || "—",
        metricText(v.headline_metric) || "—",
        when(v.created),
        (v.aliases || []).join(", ") || "—",
        v.description || "—",
      ]),
      "versions-table",
    ),
  );
  parts.push(el("h2", {}, "Version details"), ...versions.map(versionSection));
  if (served) {
    parts.push(
      el("h2", {}, "Served"),
      facts([
        ["State", served.state],
        ["Reference", served.ref],
        ["Version", served.version === null ? null : "v" + served.version],
        ["Format", served.format],
        ["Loaded", served.loaded_at ? when(served.loaded_at) : null],
        ["Load time", served.load_ms === undefined ? null : served.load_ms + " ms"],
        ["Queued rows", String(served.queued_rows)],
        ["Last error", served.last_error],
      ]),
      columns("Inputs of the served version, " + served.ref, served.inputs, "inputs-table"),
      columns("Outputs of the served version", served.outputs, "outputs-table"),
    );
  } else {
    parts.push(el("h2", {}, "Served"), el("p", { class: "muted" }, "This server does not serve the model; each version's signature above comes from its package."));
  }
  return parts;
}

/** Renders #/models or #/models/NAME. */
export async function render(args, page) {
  if (args.length >= 1 && args[0] !== "") {
    const name = decodeURIComponent(args[0]);
    page.title(name);
    page.status("Loading " + name + "…");
    const model = await api("/api/v1/models/" + encodeURIComponent(name));
    return modelPage(model, page);
  }
  page.title("Models");
  page.status("Loading models…");
  return modelsPage(await api("/api/v1/models"));
}
