// What every console page shares: building elements, calling the API with the tab's token,
// and the small views (facts, tables, dates) the pages have in common.
// Everything that comes from the API is inserted as text, never parsed as HTML.

const TOKEN_KEY = "slipway.token";

/** Builds an element; string children become text nodes; attributes that are false or null are left out. */
export function el(tag, attrs = {}, ...children) {
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

/** The API token kept in this tab (sessionStorage), or null. */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** A failed API call, with the HTTP status (0 when the server was not reached) and the server's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * Calls the API and returns the parsed JSON body (null for an empty one); throws ApiError with the
 * server's own message otherwise. `body` is sent as JSON when given.
 */
export async function request(method, path, body) {
  const headers = { Accept: "application/json" };
  const t = token();
  if (t) headers.Authorization = "Bearer " + t;
  const init = { method, headers };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, "cannot reach the server (" + e.message + "); is slipway serve still running?");
  }
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const message = parsed && typeof parsed.error === "string" ? parsed.error : text || response.statusText;
    throw new ApiError(response.status, message);
  }
  return parsed;
}

/** GET of a JSON resource. */
export function api(path) {
  return request("GET", path);
}

/** A date and time in the reader's locale, with the ISO text as its machine-readable value. */
export function when(iso) {
  if (!iso) return el("span", { class: "muted" }, "—");
  const d = new Date(iso);
  const text = Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
  return el("time", { datetime: iso, title: iso }, text);
}

/** A number for reading: up to `digits` significant digits, integers with separators; "—" when absent. */
export function num(value, digits = 4) {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value !== "number") return String(value);
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}

export function modelHref(name) {
  return "#/models/" + encodeURIComponent(name);
}

export function runHref(id) {
  return "#/runs/" + encodeURIComponent(id);
}

export function datasetHref(name, version) {
  const base = "#/datasets/" + encodeURIComponent(name);
  return version === undefined || version === null ? base : base + "/" + encodeURIComponent(version);
}

/** A definition list of [term, value] pairs; empty values show as "—". */
export function facts(pairs) {
  return el(
    "dl",
    { class: "facts" },
    pairs.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v === null || v === undefined || v === "" ? "—" : v)]),
  );
}

/** A table with a caption and header row, in a box that scrolls sideways on narrow screens. */
export function table(caption, headers, rows, testid, attrs = {}) {
  return el(
    "div",
    { class: "scroll" },
    el(
      "table",
      { "data-testid": testid, ...attrs },
      el("caption", {}, caption),
      el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows.map((r) => (r instanceof Node ? r : el("tr", {}, r.map((c) => el("td", {}, c)))))),
    ),
  );
}

/** A table cell that keeps its column name, for the stacked phone layout (table.stack). */
export function cell(label, ...children) {
  return el("td", { "data-label": label }, ...children);
}

/** "1 model", "3 models". */
export function plural(n, one, many = one + "s") {
  return n + " " + (n === 1 ? one : many);
}

/** A notice that something could not be shown, with the server's message. */
export function notice(title, message) {
  return el("section", { class: "notice", role: "alert" }, el("strong", {}, title), message ? el("p", {}, message) : null);
}
