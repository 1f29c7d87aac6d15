// The Playground (#/playground): choose a served model, then (#/playground/NAME) fill in a form
// built from the model's signature and what its training data held, and predict through the
// server's own inference endpoint (OIP), with the answer, the class probabilities, the time taken
// and the same request as curl commands.

import { api, ApiError, el, facts, modelHref, notice, num, plural, request, token } from "../lib.js";
import { barChart } from "../charts.js";

export const css = true;

const enc = encodeURIComponent;

/** The page: the model chooser, or a model's form. */
export async function render(args, page) {
  if (args.length === 0 || args[0] === "") {
    page.title("Playground");
    return chooser(await api("/api/v1/models"));
  }
  const name = decodeURIComponent(args[0]);
  page.title("Playground · " + name);
  const form = await api("/api/v1/models/" + enc(name) + "/playground");
  return playground(form, page);
}

function chooser(models) {
  const served = models.filter((m) => m.served);
  const parts = [
    el("h1", {}, "Playground"),
    el("p", {}, "Try a served model on one row: a form built from its signature and its training data, answered by the server's inference endpoint."),
  ];
  if (served.length === 0) {
    parts.push(
      notice(
        "No model is served",
        "This server serves no model yet, so there is nothing to try. Start it with 'slipway serve --models NAME@champion', or load one with POST /api/v1/models/NAME/load.",
      ),
    );
    return parts;
  }
  parts.push(
    el("h2", { id: "pg-choose" }, "Choose a model"),
    el(
      "ul",
      { class: "pg-models", "aria-labelledby": "pg-choose", "data-testid": "playground-models" },
      served.map((m) =>
        el(
          "li",
          {},
          el("a", { href: "#/playground/" + enc(m.name), "data-testid": "playground-model" }, m.name),
          " ",
          el("span", { class: "muted" }, servedText(m.served)),
        ),
      ),
    ),
  );
  const others = models.filter((m) => !m.served).map((m) => m.name);
  if (others.length > 0) {
    parts.push(el("p", { class: "muted" }, "Not served here, so not in the playground: " + others.join(", ") + "."));
  }
  return parts;
}

function servedText(served) {
  const v = served.version === null || served.version === undefined ? "" : " v" + served.version;
  return "(" + served.state + v + ", " + served.ref + ")";
}

/** The hint under a field: what training saw, in words. */
function hintText(input) {
  switch (input.kind) {
    case "number": {
      if (input.min === undefined || input.min === null) return input.integer ? "a whole number" : "a number";
      let text = "seen " + num(input.min) + " – " + num(input.max);
      if (input.p05 !== undefined && input.p05 !== null) text += "; 90% within " + num(input.p05) + " – " + num(input.p95);
      return text;
    }
    case "category":
      return input.values_capped
        ? "the " + input.values.length + " most frequent of " + input.distinct + " values seen"
        : plural(input.values.length, "value") + " seen in training";
    case "bool":
      return "true or false";
    default:
      return input.examples && input.examples.length ? "text, e.g. " + input.examples.slice(0, 3).join(", ") : "text";
  }
}

/** One form control for a scalar input, labelled, with its hint; `field` names it for tests. */
function control(input, id, field) {
  let c;
  if (input.kind === "category" || input.kind === "bool") {
    const values = input.kind === "bool" ? ["true", "false"] : input.values;
    c = el(
      "select",
      { id, name: field },
      values.map((v) => el("option", { value: v }, v)),
      el("option", { value: "" }, "(missing)"),
    );
  } else if (input.kind === "number") {
    c = el("input", { id, name: field, type: "number", step: input.integer ? "1" : "any", autocomplete: "off" });
  } else {
    c = el("input", { id, name: field, type: "text", autocomplete: "off" });
  }
  c.setAttribute("data-testid", "field");
  c.dataset.field = field;
  return c;
}

/** Sets a control to a value from the API (null: empty); a category not in the list is added. */
function setValue(c, value) {
  const text = value === null || value === undefined ? "" : String(value);
  if (c.tagName === "SELECT" && ![...c.options].some((o) => o.value === text)) {
    c.insertBefore(el("option", { value: text }, text), c.lastChild);
  }
  c.value = text;
  c.dispatchEvent(new Event("input"));
}

/** The value of a control as the input's datatype takes it; throws a message for a bad number. */
function readValue(input, c, label) {
  if (c.validity && c.validity.badInput) throw new Error(label + ": this is not a number; correct it or empty the field (missing)");
  const text = c.value.trim();
  if (text === "") return null;
  switch (input.datatype) {
    case "BYTES":
      return text;
    case "BOOL":
      return text === "true";
    default: {
      const n = Number(text);
      if (!Number.isFinite(n)) throw new Error(label + ": '" + text + "' is not a number");
      return n;
    }
  }
}

function quote(text) {
  return "'" + text.replaceAll("'", "'\\''") + "'";
}

function curl(path, body) {
  const auth = token() ? " \\\n  -H 'Authorization: Bearer $SLIPWAY_TOKEN'" : "";
  return "curl -s -X POST " + quote(location.origin + path) + " \\\n  -H 'Content-Type: application/json'" + auth + " \\\n  -d " + quote(JSON.stringify(body));
}

/** A command in a <pre> with a Copy button (the clipboard, or else the text selected for the user). */
function copyable(title, text, testid) {
  const pre = el("pre", { class: "pg-code", "data-testid": testid, tabindex: "0", "aria-label": title }, text);
  const said = el("span", { class: "muted", role: "status" });
  const copy = el("button", { type: "button", "aria-label": "Copy the " + title + " command" }, "Copy");
  copy.addEventListener("click", async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      said.textContent = "Copied.";
    } catch {
      const range = document.createRange();
      range.selectNodeContents(pre);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      pre.focus();
      said.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    }
  });
  return el("div", { class: "pg-copy" }, el("h3", {}, title), pre, el("p", {}, copy, " ", said));
}

function outputByName(response, name) {
  return (response.outputs || []).find((o) => o.name === name);
}

/** What the model answered, for the one row sent. */
/**
 * The server's own time for the last request to `path`, in milliseconds, from the Server-Timing
 * header of its answer as the browser's resource timing gives it; null when there is none.
 */
function serverTiming(path) {
  const entries = performance.getEntriesByName(new URL(path, location.origin).href, "resource");
  const last = entries[entries.length - 1];
  const total = last && last.serverTiming ? last.serverTiming.find((t) => t.name === "total") : undefined;
  // Each prediction adds an entry: keep the browser's buffer from filling up.
  performance.clearResourceTimings();
  return total ? total.duration : null;
}

function answer(form, response, millis, bodies) {
  const parts = [];
  const labelled = form.outputs.find((o) => o.labels && o.labels.length > 1);
  const main =
    outputByName(response, "label") ||
    outputByName(response, "prediction") ||
    (response.outputs || []).find((o) => !labelled || o.name !== labelled.name) ||
    (response.outputs || [])[0];
  const value = main ? main.data[0] : null;
  parts.push(
    el("h2", {}, "Prediction"),
    el(
      "p",
      { class: "pg-prediction" },
      el("span", { class: "muted" }, (main ? main.name : "output") + ": "),
      el("strong", { "data-testid": "prediction" }, typeof value === "number" ? num(value) : String(value)),
      " ",
      el("span", { class: "muted" }, "by " + response.model_name + " v" + response.model_version),
    ),
  );
  const probs = labelled ? outputByName(response, labelled.name) : null;
  if (probs) {
    const items = labelled.labels.map((label, i) => ({ label, value: Number(probs.data[i]) * 100 }));
    parts.push(
      barChart({
        title: "Class probabilities",
        items,
        testid: "probabilities",
        max: 100,
        format: (v) => (Number.isFinite(v) ? v.toFixed(1) + " %" : "—"),
      }),
    );
  }
  const other = (response.outputs || []).filter((o) => o !== main && o !== probs);
  if (other.length) parts.push(facts(other.map((o) => [o.name, JSON.stringify(o.data)])));
  const serverMs = serverTiming(form.endpoints.oip);
  parts.push(
    el(
      "p",
      { "data-testid": "latency" },
      "Answered in ",
      el("strong", {}, num(millis, 3) + " ms"),
      " (measured in this browser, network included)",
      serverMs === undefined || serverMs === null
        ? el("span", { class: "muted" }, "; this browser does not report the server's own time.")
        : "; " + num(serverMs, 3) + " ms of it in the server.",
    ),
  );
  parts.push(
    el("h2", {}, "The same request"),
    copyable("Open Inference Protocol", curl(form.endpoints.oip, bodies.oip), "curl-oip"),
    copyable("MLflow scoring protocol", curl(form.endpoints.mlflow, bodies.mlflow), "curl-mlflow"),
  );
  return parts;
}

function trainingText(data) {
  const text = "from the training data, " + data.ref + " (" + num(data.rows) + " rows)";
  return data.rows_read < data.rows ? text + "; its rows are drawn from the first " + num(data.rows_read) : text;
}

function playground(form, page) {
  const parts = [
    el("p", {}, el("a", { href: "#/playground" }, "← All models"), " · ", el("a", { href: modelHref(form.model) }, "Model page")),
    el("h1", { "data-testid": "playground-title" }, "Playground: " + form.model + " v" + form.version),
  ];
  const served = form.served;
  parts.push(
    facts([
      ["Task", form.task || "not recorded"],
      ["Classes", (form.classes || []).join(", ")],
      ["Serving", served ? served.state + (served.version ? " v" + served.version : "") : "not served here: Predict will fail"],
      ["Hints", form.training_data ? trainingText(form.training_data) : form.hints],
    ]),
  );

  const fields = [];
  const boxes = [];
  form.inputs.forEach((input, i) => {
    const width = input.width || 1;
    if (width > 1) {
      const group = [];
      for (let k = 0; k < width; k++) {
        const name = input.labels ? input.labels[k] : input.name + "[" + k + "]";
        const id = "pg-f" + i + "-" + k;
        const c = control({ ...input, width: 1 }, id, name);
        group.push(c);
        boxes.push(el("div", { class: "pg-field" }, el("label", { for: id }, name), c));
      }
      fields.push({ input, controls: group });
      return;
    }
    const id = "pg-f" + i;
    const hintId = id + "-hint";
    const c = control(input, id, input.name);
    c.setAttribute("aria-describedby", hintId);
    const hint = el("small", { id: hintId, class: "muted" }, hintText(input));
    if (input.kind === "number" && input.min !== undefined && input.min !== null) {
      const base = hintText(input);
      c.addEventListener("input", () => {
        const n = Number(c.value.trim());
        const outside = c.value.trim() !== "" && Number.isFinite(n) && (n < input.min || n > input.max);
        hint.textContent = outside ? base + " (this value is outside that range)" : base;
        hint.className = outside ? "state-bad" : "muted";
      });
    }
    fields.push({ input, controls: [c] });
    boxes.push(el("div", { class: "pg-field" }, el("label", { for: id }, input.name), c, hint));
  });

  const fill = (values) => {
    for (const { input, controls } of fields) {
      const v = values[input.name];
      if (controls.length === 1) setValue(controls[0], v);
      else controls.forEach((c, k) => setValue(c, Array.isArray(v) ? v[k] : null));
    }
  };

  const rowNote = el("p", { class: "muted", role: "status" });
  const error = el("div", { class: "pg-error", "data-testid": "playground-error", role: "alert" });
  const result = el("section", { class: "pg-result", "aria-label": "Result" });
  // Announced to screen readers once per prediction; the result itself is not a live region.
  const announce = el("p", { class: "pg-announce", role: "status" });
  const random = el("button", { type: "button", "data-testid": "random-row" }, "Random row");
  const predict = el("button", { type: "submit", class: "primary", "data-testid": "predict" }, "Predict");
  if (!form.training_data) {
    random.disabled = true;
    random.title = form.hints;
  }

  const showError = (message) => {
    error.replaceChildren(el("strong", {}, "The prediction failed"), el("p", {}, message));
  };

  random.addEventListener("click", async () => {
    error.replaceChildren();
    const seed = crypto.getRandomValues(new Uint32Array(1))[0];
    random.disabled = true;
    try {
      const row = await api("/api/v1/models/" + enc(form.model) + "/playground/random-row?seed=" + seed + "&version=" + form.version);
      if (!page.live()) return;
      fill(row.values);
      rowNote.textContent = "Row " + num(row.row) + " of the training data (seed " + seed + ").";
    } catch (e) {
      if (page.live()) error.replaceChildren(el("strong", {}, "No random row"), el("p", {}, e.message));
    } finally {
      random.disabled = false;
    }
  });

  const formEl = el(
    "form",
    { class: "pg-form", "data-testid": "playground-form", "aria-label": "Input row for " + form.model, novalidate: true },
    el("div", { class: "pg-fields" }, boxes),
    el("div", { class: "pg-actions" }, predict, random),
    announce,
    rowNote,
    error,
  );
  formEl.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.replaceChildren();
    let bodies;
    try {
      bodies = requestBodies(fields);
    } catch (e) {
      showError(e.message);
      return;
    }
    predict.disabled = true;
    predict.textContent = "Predicting…";
    const started = performance.now();
    try {
      const response = await request("POST", form.endpoints.oip, bodies.oip);
      const millis = performance.now() - started;
      if (!page.live()) return;
      result.replaceChildren(...answer(form, response, millis, bodies));
      const shown = result.querySelector("[data-testid=prediction]");
      announce.textContent = "Predicted " + (shown ? shown.textContent : "") + " in " + num(millis, 3) + " ms.";
    } catch (e) {
      if (!page.live()) return;
      announce.textContent = "";
      showError(e instanceof ApiError && e.status ? "The server answered " + e.status + ": " + e.message : e.message);
    } finally {
      predict.disabled = false;
      predict.textContent = "Predict";
    }
  });

  if (form.default_row) {
    fill(form.default_row.values);
    rowNote.textContent = "Row " + num(form.default_row.row) + " of the training data, its first complete row.";
  } else {
    rowNote.textContent = "No training row to start from (" + form.hints + "): type a row.";
  }

  parts.push(el("h2", {}, "Input row"), el("div", { class: "pg-layout" }, formEl, result));
  return parts;
}

/** The OIP and MLflow bodies for the form's row. */
function requestBodies(fields) {
  const inputs = [];
  const record = {};
  let tabular = true;
  for (const { input, controls } of fields) {
    const values = controls.map((c) => readValue(input, c, c.dataset.field));
    if (controls.length === 1) {
      inputs.push({ name: input.name, datatype: input.datatype, shape: [1], data: values });
      record[input.name] = values[0];
    } else {
      tabular = false;
      inputs.push({ name: input.name, datatype: input.datatype, shape: [1, values.length], data: values });
      record[input.name] = [values];
    }
  }
  const mlflow = tabular ? { dataframe_records: [record] } : { inputs: record };
  return { oip: { inputs }, mlflow };
}
