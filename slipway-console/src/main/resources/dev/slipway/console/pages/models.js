// The Models page (#/models) and a model's page (#/models/NAME): the registry as the management
// API shows it, each version with its training metrics, lineage, provenance and signature, and the
// aliases, which an admin token may move from here.

import { ApiError, cell, datasetHref, el, facts, modelHref, num, plural, request, api, runHref, setToken, table, when } from "../lib.js";

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

/** The message for a refused change, with the fix. */
function refusal(error) {
  if (error.status === 401) {
    return "Refused (401): this server needs an API token, and changing aliases needs a token with the admin scope. The server said: " + error.message;
  }
  if (error.status === 403) {
    return "Refused (403): this needs a token with the admin scope. The server said: " + error.message;
  }
  return (error.status ? "Error " + error.status + ": " : "Error: ") + error.message;
}

/**
 * The steps of one alias change, drawn into `box`: choose a version, confirm naming the alias and
 * both versions, then call the API; a refusal stays next to the control with a token form.
 */
function aliasEditor(box, { model, alias, from, versions, page, focusBack }) {
  const choices = versions.filter((v) => v.version !== from);
  const close = () => {
    box.replaceChildren();
    if (focusBack) focusBack.focus();
  };
  const cancelButton = () => {
    const b = el("button", { type: "button", "data-testid": "alias-cancel" }, "Cancel");
    b.addEventListener("click", close);
    return b;
  };

  async function send(to, errorBox) {
    errorBox.replaceChildren(el("p", { role: "status" }, "Moving " + alias + " to v" + to + "…"));
    try {
      await request("PUT", "/api/v1/models/" + encodeURIComponent(model) + "/aliases/" + encodeURIComponent(alias), { version: to });
      flash = from === null ? "Set " + alias + " → v" + to + "." : "Moved " + alias + " from v" + from + " to v" + to + ".";
      page.reload();
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, String(e));
      showError(errorBox, error, () => send(to, errorBox));
    }
  }

  function showError(errorBox, error, retry) {
    const parts = [el("p", {}, refusal(error))];
    if (error.status === 401 || error.status === 403) {
      const inputId = "alias-token-" + alias;
      const input = el("input", { id: inputId, type: "password", autocomplete: "off", spellcheck: "false", placeholder: "slw_…", "data-testid": "alias-token", required: true });
      const form = el(
        "form",
        { class: "token", "aria-label": "Admin token" },
        el("label", { for: inputId }, "Admin token"),
        input,
        el("button", { type: "submit", "data-testid": "alias-token-use" }, "Use token and retry"),
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const value = input.value.trim();
        if (!value) return;
        setToken(value);
        retry();
      });
      parts.push(el("p", { class: "muted" }, "A token is kept in this browser tab only. Create an admin token with 'slipway tokens create --scope admin'."), form);
    }
    errorBox.replaceChildren(el("div", { class: "notice alias-error", role: "alert", "data-testid": "alias-error" }, parts));
  }

  function confirmStep(to) {
    const errorBox = el("div", {});
    const confirm = el("button", { type: "button", class: "primary", "data-testid": "alias-confirm" }, "Confirm");
    const question =
      from === null
        ? "Set the new alias " + alias + " of " + model + " to v" + to + "?"
        : "Move " + alias + " of " + model + " from v" + from + " to v" + to + "? Requests for " + model + "@" + alias + " are answered by v" + to + " at once.";
    confirm.addEventListener("click", () => {
      confirm.disabled = true;
      send(to, errorBox).finally(() => {
        confirm.disabled = false;
      });
    });
    box.replaceChildren(
      el(
        "div",
        { class: "alias-step", role: "group", "aria-label": "Confirm the alias change", "data-testid": "alias-confirmation" },
        el("p", { "data-testid": "alias-question" }, question),
        el("div", { class: "buttons" }, confirm, cancelButton()),
        errorBox,
      ),
    );
    confirm.focus();
  }

  function chooseStep() {
    if (choices.length === 0) {
      box.replaceChildren(el("p", { class: "muted" }, "There is no other version to move " + alias + " to."), cancelButton());
      return;
    }
    const selectId = "alias-version-" + alias;
    const select = el(
      "select",
      { id: selectId, "data-testid": "alias-version" },
      choices.map((v) =>
        el("option", { value: v.version }, "v" + v.version + (v.headline_metric ? " — " + metricText(v.headline_metric) : "") + (v.aliases.length ? " (" + v.aliases.join(", ") + ")" : "")),
      ),
    );
    const next = el("button", { type: "button", "data-testid": "alias-next" }, "Next");
    next.addEventListener("click", () => confirmStep(Number(select.value)));
    box.replaceChildren(
      el(
        "div",
        { class: "alias-step" },
        el("label", { for: selectId }, from === null ? "Point " + alias + " to" : "Move " + alias + " (now v" + from + ") to"),
        select,
        el("div", { class: "buttons" }, next, cancelButton()),
      ),
    );
    select.focus();
  }

  return { chooseStep, confirmStep };
}

function aliasesView(m, versions, page) {
  const aliases = Object.entries(m.aliases || {});
  const rows = aliases.map(([alias, version]) => {
    const box = el("div", { class: "alias-editor" });
    const move = el("button", { type: "button", "data-testid": "alias-move", "aria-label": "Move alias " + alias }, "Move alias");
    move.addEventListener("click", () => aliasEditor(box, { model: m.name, alias, from: version, versions, page, focusBack: move }).chooseStep());
    return el(
      "tr",
      { "data-testid": "alias-row", "data-alias": alias },
      cell("Alias", el("strong", {}, alias)),
      cell("Version", el("span", { "data-testid": "alias-target" }, "v" + version)),
      cell("Change", move, box),
    );
  });
  const parts = [el("h2", {}, "Aliases")];
  if (rows.length) {
    parts.push(
      el(
        "div",
        { class: "scroll" },
        el(
          "table",
          { class: "stack aliases", "data-testid": "aliases-table" },
          el("caption", {}, plural(rows.length, "alias", "aliases") + "; moving one needs a token with the admin scope when the server requires tokens"),
          el("thead", {}, el("tr", {}, ["Alias", "Version", "Change"].map((h) => el("th", { scope: "col" }, h)))),
          el("tbody", {}, rows),
        ),
      ),
    );
  } else {
    parts.push(el("p", { class: "muted" }, "No aliases yet."));
  }
  parts.push(newAliasForm(m, versions, page));
  return parts;
}

function newAliasForm(m, versions, page) {
  const box = el("div", { class: "alias-editor" });
  const name = el("input", { id: "alias-new-name", type: "text", required: true, pattern: "[A-Za-z][A-Za-z0-9_\\-]{0,63}", title: "1 to 64 letters, digits, _ or -, starting with a letter", autocomplete: "off", spellcheck: "false", placeholder: "e.g. challenger", "data-testid": "alias-new-name" });
  const select = el(
    "select",
    { id: "alias-new-version", "data-testid": "alias-new-version" },
    versions.map((v) => el("option", { value: v.version }, "v" + v.version)),
  );
  const set = el("button", { type: "submit", "data-testid": "alias-set" }, "Set alias");
  const form = el(
    "form",
    { class: "alias-new", "aria-label": "Set an alias" },
    el("div", { class: "field" }, el("label", { for: "alias-new-name" }, "New alias"), name),
    el("div", { class: "field" }, el("label", { for: "alias-new-version" }, "Version"), select),
    set,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const alias = name.value.trim();
    if (!alias) return;
    const existing = (m.aliases || {})[alias];
    aliasEditor(box, { model: m.name, alias, from: existing === undefined ? null : existing, versions, page, focusBack: set }).confirmStep(Number(select.value));
  });
  return el("section", { class: "alias-set", "aria-label": "Set alias" }, el("h3", {}, "Set alias"), form, box);
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
  parts.push(...aliasesView(m, versions, page));
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
