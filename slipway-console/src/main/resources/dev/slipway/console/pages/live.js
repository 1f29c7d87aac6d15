// The Live page (#/live): this server's own numbers as they move, from GET /api/v1/metrics/live,
// refreshed every few seconds while the page is shown: per model requests, requests per second,
// latency p50/p99, errors by kind, batch sizes and queue depth, with charts of the last minutes.

import { ApiError, api, el, facts, modelHref, num, plural } from "../lib.js";
import { lineChart } from "../charts.js";

export const css = true;

/** How often the page asks the server, in milliseconds. */
const EVERY = 3000;

/** How many readings the charts keep (EVERY × HISTORY = 5 minutes). */
const HISTORY = 100;

function ms(value) {
  return value === null || value === undefined ? "—" : num(value, 3) + " ms";
}

function duration(seconds) {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = [];
  if (d) parts.push(d + " d");
  if (d || h) parts.push(h + " h");
  if (d || h || m) parts.push(m + " min");
  parts.push((s % 60) + " s");
  return parts.join(" ");
}

function errorsText(errors) {
  const entries = Object.entries(errors || {});
  if (entries.length === 0) return el("span", { class: "state-good" }, "none");
  return el("span", { class: "state-bad" }, entries.map(([k, n]) => k + " " + num(n)).join(", "));
}

/** The window's errors, and those since the start when they differ. */
function errorsCell(m) {
  const now = errorsText(m.errors_in_window);
  const all = Object.keys(m.errors_total || {}).length;
  if (!all || JSON.stringify(m.errors_total) === JSON.stringify(m.errors_in_window)) return now;
  return el("span", {}, now, el("br"), el("span", { class: "muted" }, "since start: "), errorsText(m.errors_total));
}

function batchText(b) {
  if (!b || !b.calls_in_window) return el("span", { class: "muted" }, "no calls");
  const max = b.max_recent === null || b.max_recent === undefined ? "" : ", max " + num(b.max_recent);
  return "mean " + num(b.mean, 3) + max + " (" + plural(b.calls_in_window, "call") + ")";
}

function stateText(m) {
  if (!m.served) return el("span", { class: "state-none" }, "not served");
  const word = m.state === "ready" ? "state-good" : "state-bad";
  return el("span", { class: word }, m.state + (m.version ? " v" + m.version : ""));
}

function td(label, value, attrs = {}) {
  return el("td", { "data-label": label, ...attrs }, value);
}

function row(m) {
  return el(
    "tr",
    { "data-testid": "live-row", "data-model": m.name },
    td("Model", el("a", { href: modelHref(m.name) }, m.name)),
    td("State", stateText(m)),
    td("Requests", num(m.requests_total), { class: "num", "data-testid": "live-requests", "data-value": m.requests_total }),
    td("Req/s", num(m.requests_per_second, 3), { class: "num", "data-testid": "live-rps", "data-value": m.requests_per_second }),
    td("p50", ms(m.latency_ms.p50), { class: "num", "data-testid": "live-p50" }),
    td("p99", ms(m.latency_ms.p99), { class: "num", "data-testid": "live-p99" }),
    td("Errors", errorsCell(m), { "data-testid": "live-errors" }),
    td("Rows per batch", batchText(m.batch_rows)),
    td("Queued rows", num(m.queued_rows), { class: "num" }),
  );
}

function modelsTable(live) {
  const headers = ["Model", "State", "Requests", "Req/s", "p50", "p99", "Errors", "Rows per batch", "Queued rows"];
  return el(
    "div",
    { class: "scroll" },
    el(
      "table",
      { class: "stack live", "data-testid": "live-table" },
      el("caption", {}, plural(live.models.length, "model") + "; requests since the server started; rates, latencies, errors and batches over the last " + num(live.window_seconds, 3) + " s"),
      el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, live.models.map(row)),
    ),
  );
}

function totals(live) {
  const t = live.totals;
  return facts([
    ["Up for", el("span", { "data-testid": "live-uptime" }, duration(live.uptime_seconds))],
    ["Requests", num(t.requests_total) + " in all, " + num(t.requests_per_second, 3) + " per second now"],
    ["Latency (all models)", "p50 " + ms(t.latency_ms.p50) + ", p99 " + ms(t.latency_ms.p99)],
    ["Errors in the window", errorsText(t.errors_in_window)],
    ["Queued rows", num(t.queued_rows)],
  ]);
}

/** Keeps the open/closed state of the charts' "Show the numbers" across refreshes. */
function keepOpen(oldNode, newNode) {
  if (!oldNode) return;
  const was = oldNode.querySelector("details");
  const now = newNode.querySelector("details");
  if (was && now && was.open) now.open = true;
}

/** Renders #/live. */
export async function render(args, page) {
  page.title("Live");
  page.status("Loading the server's numbers…");
  const history = [];
  let paused = false;

  const updated = el("p", { class: "muted", "data-testid": "live-updated", "aria-live": "off" }, "");
  const pause = el("button", { type: "button", "data-testid": "live-pause", "aria-pressed": "false" }, "Pause");
  const problem = el("div", {});
  const summary = el("div", {});
  const tableBox = el("div", {});
  const charts = el("div", { class: "live-charts" });

  function remember(live) {
    const point = { at: new Date(live.at), rps: {}, p99: {} };
    for (const m of live.models) {
      point.rps[m.name] = m.requests_per_second;
      point.p99[m.name] = m.latency_ms.p99;
    }
    history.push(point);
    while (history.length > HISTORY) history.shift();
  }

  function chart(title, key, testid, format) {
    const names = [...new Set(history.flatMap((p) => Object.keys(p[key])))].sort();
    return lineChart({
      title,
      testid,
      x: history.map((p) => p.at.toLocaleTimeString()),
      series: names.map((n) => ({ name: n, values: history.map((p) => (p[key][n] === undefined ? null : p[key][n])) })),
      format,
      yMin: 0,
    });
  }

  function draw(live) {
    summary.replaceChildren(totals(live));
    tableBox.replaceChildren(modelsTable(live));
    const rps = chart("Requests per second, by model", "rps", "live-rps-chart", (v) => num(v, 3));
    const p99 = chart("Latency p99 (ms), by model", "p99", "live-p99-chart", (v) => num(v, 3));
    keepOpen(charts.children[0], rps);
    keepOpen(charts.children[1], p99);
    charts.replaceChildren(rps, p99);
    const at = new Date(live.at);
    updated.replaceChildren(
      "Last updated ",
      el("time", { datetime: live.at }, at.toLocaleTimeString()),
      " · every " + EVERY / 1000 + " s · window " + num(live.window_seconds, 3) + " s" + (paused ? " · paused" : ""),
    );
  }

  async function refresh() {
    if (paused || !page.live()) return;
    try {
      const live = await api("/api/v1/metrics/live");
      if (!page.live() || paused) return;
      remember(live);
      draw(live);
      problem.replaceChildren();
    } catch (e) {
      if (!page.live()) return;
      const error = e instanceof ApiError ? e : new ApiError(0, String(e));
      problem.replaceChildren(
        el(
          "div",
          { class: "notice", role: "alert", "data-testid": "live-error" },
          el("strong", {}, "Could not refresh" + (error.status ? " (" + error.status + ")" : "")),
          el("p", {}, error.message + " The numbers below are from the last good reading; the page keeps trying."),
        ),
      );
    }
  }

  pause.addEventListener("click", () => {
    paused = !paused;
    pause.textContent = paused ? "Resume" : "Pause";
    pause.setAttribute("aria-pressed", String(paused));
    if (paused) {
      updated.append(" · paused");
    } else {
      refresh();
    }
  });

  // The first reading: a refused call goes to the console's token form.
  const first = await api("/api/v1/metrics/live");
  remember(first);
  draw(first);
  page.every(EVERY, refresh);

  return [
    el("h1", {}, "Live"),
    el(
      "p",
      { class: "muted" },
      "This server's own meters, read every " + EVERY / 1000 + " s. Requests per second and latencies cover a window of about the last 10 seconds; latency percentiles are estimated from histogram buckets. The charts keep the last few minutes while this page is open.",
    ),
    el("div", { class: "live-controls" }, pause, updated),
    problem,
    summary,
    el("h2", {}, "Models"),
    tableBox,
    el("h2", {}, "Over the last minutes"),
    charts,
  ];
}
