// The Slipway console: hash-routed pages over the management API under /api/v1.
// Everything that comes from the API is inserted as text, never parsed as HTML.

const TOKEN_KEY = "slipway.token";

const view = document.getElementById("view");
const status = document.getElementById("status");
const tokenState = document.getElementById("token-state");

/** Builds an element; string children become text nodes. */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function showTokenState() {
  tokenState.textContent = token() ? "Token: set for this tab" : "";
  if (token()) {
    const forget = el("button", { type: "button" }, "Forget token");
    forget.addEventListener("click", () => {
      sessionStorage.removeItem(TOKEN_KEY);
      route();
    });
    tokenState.append(" ", forget);
  }
}

/** A failed API call, with the HTTP status and the server's message. */
class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(path) {
  const headers = { Accept: "application/json" };
  const t = token();
  if (t) headers.Authorization = "Bearer " + t;
  let response;
  try {
    response = await fetch(path, { headers });
  } catch (e) {
    throw new ApiError(0, "cannot reach the server (" + e.message + "); is slipway serve still running?");
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.error === "string" ? body.error : text || response.statusText;
    throw new ApiError(response.status, message);
  }
  return body;
}

function setStatus(text) {
  status.textContent = text;
}

function show(...nodes) {
  view.replaceChildren(...nodes);
}

/** The page for a refused call: why, and a form to paste a token kept in this tab only. */
function tokenPanel(error) {
  const denied = error.status === 403;
  const input = el("input", {
    id: "token-input",
    type: "password",
    name: "token",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "slw_…",
    required: true,
  });
  const form = el(
    "form",
    { class: "token", "aria-label": "API token" },
    el("label", { for: "token-input" }, "API token"),
    input,
    el("button", { type: "submit" }, "Use token"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (value) {
      sessionStorage.setItem(TOKEN_KEY, value);
      route();
    }
  });
  const panel = el(
    "section",
    { class: "notice", role: "alert", "data-testid": "auth-required" },
    el(
      "strong",
      {},
      denied
        ? "Refused (403): this token may not read the management API."
        : "An API token is needed (401): this server requires tokens.",
    ),
    el("p", {}, "The server said: ", error.message),
    el(
      "p",
      { class: "muted" },
      "Paste a token with the predict or admin scope (create one with 'slipway tokens create'). " +
        "It is kept in this browser tab only (sessionStorage) and sent as a bearer token.",
    ),
    form,
  );
  return panel;
}

function failure(error) {
  setStatus("");
  if (error.status === 401 || error.status === 403) {
    show(tokenPanel(error));
    document.getElementById("token-input").focus();
    return;
  }
  show(
    el(
      "section",
      { class: "notice", role: "alert" },
      el("strong", {}, error.status ? "Error " + error.status : "Error"),
      el("p", {}, error.message),
    ),
  );
}

function when(iso) {
  if (!iso) return el("span", { class: "muted" }, "—");
  const d = new Date(iso);
  const text = Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
  return el("time", { datetime: iso, title: iso }, text);
}

function modelHref(name) {
  return "#/models/" + encodeURIComponent(name);
}

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

function cell(label, ...children) {
  return el("td", { "data-label": label }, ...children);
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

function facts(pairs) {
  return el(
    "dl",
    { class: "facts" },
    pairs.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v === null || v === undefined || v === "" ? "—" : v)]),
  );
}

function table(caption, headers, rows, testid) {
  return el(
    "div",
    { class: "scroll" },
    el(
      "table",
      { "data-testid": testid },
      el("caption", {}, caption),
      el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, c))))),
    ),
  );
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

function markNav(page) {
  for (const a of document.querySelectorAll("nav a[data-page]")) {
    if (a.dataset.page === page) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

let generation = 0;

async function route() {
  const current = ++generation;
  showTokenState();
  // Only "#/..." names a page; other fragments (the skip link's "#main") show the models.
  const hash = location.hash.startsWith("#/") ? location.hash : "#/models";
  const parts = hash.replace(/^#\/?/, "").split("/");
  try {
    if (parts[0] === "models" && parts.length >= 2 && parts[1] !== "") {
      const name = decodeURIComponent(parts[1]);
      markNav("models");
      setStatus("Loading " + name + "…");
      document.title = name + " · Slipway console";
      const model = await api("/api/v1/models/" + encodeURIComponent(name));
      if (current !== generation) return;
      setStatus("");
      show(...modelPage(model));
    } else if (parts[0] === "models" || parts[0] === "") {
      markNav("models");
      setStatus("Loading models…");
      document.title = "Models · Slipway console";
      const models = await api("/api/v1/models");
      if (current !== generation) return;
      setStatus("");
      show(...modelsPage(models));
    } else {
      markNav("");
      setStatus("");
      show(el("h1", {}, "Not found"), el("p", {}, "No console page " + hash + ". "), el("a", { href: "#/models" }, "Go to models"));
    }
  } catch (e) {
    if (current !== generation) return;
    failure(e instanceof ApiError ? e : new ApiError(0, String(e)));
  }
}

window.addEventListener("hashchange", () => {
  if (!location.hash.startsWith("#/")) return;
  route().then(() => document.getElementById("main").focus({ preventScroll: true }));
});
route();
