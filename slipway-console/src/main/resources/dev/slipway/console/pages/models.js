// The Models page (#/models) and a model's page (#/models/NAME): the registry as the management
// API shows it.

import { api, cell, el, facts, modelHref, table, when } from "../lib.js";

function aliasText(aliases) {
  const entries = Object.entries(aliases || {});
  if (entries.length === 0) return el("span", { class: "muted" }, "none");
  return el("ul", { class: "plain" }, entries.map(([a, v]) => el("li", {}, a + " → v" + v)));
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
      { "data-testid": "model-row" },
      cell("Name", el("a", { href: modelHref(m.name), "data-testid": "model-name" }, m.name)),
      cell(
        "Versions",
        (m.versions || [])
          .map((v) => "v" + v.version)
          .join(", "),
      ),
      cell("Aliases", aliasText(m.aliases)),
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
        el("caption", {}, models.length === 1 ? "1 model" : models.length + " models"),
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            ["Name", "Versions", "Aliases", "Format", "Created (latest)", "Serving"].map((h) =>
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
  if (!specs || specs.length === 0) return el("p", { class: "muted" }, caption + ": not known until the model is served.");
  return table(
    caption,
    ["Name", "Type", "Width", "Labels"],
    specs.map((s) => [s.name, s.datatype, String(s.width), (s.labels || []).join(", ") || "—"]),
    testid,
  );
}

/** Shows an optional object of name → value (training metrics, lineage) when the API gives one. */
function keyValues(title, value) {
  if (!value || typeof value !== "object" || Object.keys(value).length === 0) return [];
  return [
    el("h2", {}, title),
    facts(Object.entries(value).map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)])),
  ];
}

function modelPage(m) {
  const versions = [...(m.versions || [])].sort((a, b) => b.version - a.version);
  const served = m.served;
  const parts = [
    el("p", {}, el("a", { href: "#/models" }, "← All models")),
    el("h1", { "data-testid": "model-title" }, m.name),
  ];
  if (m.description) parts.push(el("p", {}, m.description));
  parts.push(
    facts([
      ["Aliases", aliasText(m.aliases)],
      ["Tags", Object.entries(m.tags || {}).map(([k, v]) => k + "=" + v).join(", ")],
      ["Serving", servedText(served)],
    ]),
  );
  parts.push(
    el("h2", {}, "Versions"),
    table(
      versions.length === 1 ? "1 version" : versions.length + " versions",
      ["Version", "Format", "Task", "Created", "Aliases", "Description"],
      versions.map((v) => [
        "v" + v.version,
        v.format,
        v.task || "—",
        when(v.created),
        (v.aliases || []).join(", ") || "—",
        v.description || "—",
      ]),
      "versions-table",
    ),
  );
  for (const v of versions) {
    parts.push(...keyValues("Training metrics of v" + v.version, v.metrics));
    parts.push(...keyValues("Lineage of v" + v.version, v.lineage));
  }
  parts.push(el("h2", {}, "Signature"));
  if (served) {
    parts.push(
      el("p", { class: "muted" }, "Of the served version, " + served.ref + "."),
      columns("Inputs", served.inputs, "inputs-table"),
      columns("Outputs", served.outputs, "outputs-table"),
    );
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
    );
  } else {
    parts.push(el("p", { class: "muted" }, "This server does not serve the model, so its signature is not shown."));
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
    return modelPage(model);
  }
  page.title("Models");
  page.status("Loading models…");
  return modelsPage(await api("/api/v1/models"));
}
