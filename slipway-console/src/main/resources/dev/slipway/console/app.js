// The Slipway console: hash-routed pages (#/NAME/...) over the management and monitoring API
// under /api/v1. Each page is a module in pages/ that renders from the API; this file routes,
// shows the token state, and turns refused calls into a token form. A page module exports
// render(args, page) and, when it has a style sheet pages/NAME.css of its own, css = true.

import { ApiError, el, notice, setToken, token } from "./lib.js";

/** The pages, in the order of the navigation bar; each is pages/NAME.js. */
const PAGES = ["models", "runs", "datasets", "playground", "monitoring", "live"];

const view = document.getElementById("view");
const status = document.getElementById("status");
const tokenState = document.getElementById("token-state");

function showTokenState() {
  tokenState.textContent = token() ? "Token: set for this tab" : "";
  if (token()) {
    const forget = el("button", { type: "button" }, "Forget token");
    forget.addEventListener("click", () => {
      setToken(null);
      route();
    });
    tokenState.append(" ", forget);
  }
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
      setToken(value);
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

function markNav(page) {
  for (const a of document.querySelectorAll("nav a[data-page]")) {
    if (a.dataset.page === page) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

/** Adds pages/NAME.css once, for a page module that declares `export const css = true`. */
function styleFor(name) {
  const id = "style-" + name;
  if (document.getElementById(id)) return;
  document.head.append(el("link", { id, rel: "stylesheet", href: "/console/pages/" + name + ".css" }));
}

let generation = 0;
let timers = [];

function stopTimers() {
  for (const t of timers) clearInterval(t);
  timers = [];
}

/**
 * What a page may do while it is shown: set the title and the status line, refresh itself on a
 * timer (stopped when the user leaves), and render again; once the user has moved on, its calls do
 * nothing.
 */
function pageContext(current) {
  const live = () => current === generation;
  return {
    live,
    title(text) {
      if (live()) document.title = text + " · Slipway console";
    },
    status(text) {
      if (live()) setStatus(text);
    },
    every(millis, fn) {
      if (!live()) return;
      const t = setInterval(() => {
        if (!live()) {
          clearInterval(t);
          return;
        }
        fn();
      }, millis);
      timers.push(t);
    },
    reload() {
      if (live()) route();
    },
  };
}

async function route() {
  const current = ++generation;
  stopTimers();
  showTokenState();
  // Only "#/..." names a page; other fragments (the skip link's "#main") show the models.
  const hash = location.hash.startsWith("#/") ? location.hash : "#/models";
  const parts = hash.replace(/^#\/?/, "").split("/");
  const name = parts[0] === "" ? "models" : parts[0];
  const page = pageContext(current);
  if (!PAGES.includes(name)) {
    markNav("");
    setStatus("");
    show(el("h1", {}, "Not found"), el("p", {}, "No console page " + hash + ". "), el("a", { href: "#/models" }, "Go to models"));
    return;
  }
  markNav(name);
  try {
    const module = await import("./pages/" + name + ".js");
    if (module.css) styleFor(name);
    const nodes = await module.render(parts.slice(1), page);
    if (current !== generation) return;
    setStatus("");
    show(...nodes);
  } catch (e) {
    if (current !== generation) return;
    failure(e instanceof ApiError ? e : new ApiError(0, String(e && e.stack ? e.message : e)));
  }
}

window.addEventListener("hashchange", () => {
  if (!location.hash.startsWith("#/")) return;
  route().then(() => document.getElementById("main").focus({ preventScroll: true }));
});
route();
