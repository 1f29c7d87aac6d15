// The alias controls of a model's page (pages/models.js): each alias can be moved to another
// version, and a new alias set, through a confirmation naming the alias and both versions. The
// change is a PUT /api/v1/models/NAME/aliases/ALIAS with the tab's token; a refusal (401/403) is
// shown beside the control with a form for a token with the admin scope.

import { ApiError, cell, el, num, plural, request, setToken } from "../lib.js";

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
function aliasEditor(box, { model, alias, from, versions, done, focusBack }) {
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
      done(from === null ? "Set " + alias + " → v" + to + "." : "Moved " + alias + " from v" + from + " to v" + to + ".");
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
        el("option", { value: v.version }, "v" + v.version + (v.headline_metric ? " — " + v.headline_metric.name + " " + num(v.headline_metric.value) : "") + (v.aliases.length ? " (" + v.aliases.join(", ") + ")" : "")),
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

/**
 * The aliases of model `m` with a "Move alias" control each, and a form to set a new alias;
 * `done(message)` is called once the server has made a change.
 */
export function aliasesView(m, versions, done) {
  const aliases = Object.entries(m.aliases || {});
  const rows = aliases.map(([alias, version]) => {
    const box = el("div", { class: "alias-editor" });
    const move = el("button", { type: "button", "data-testid": "alias-move", "aria-label": "Move alias " + alias }, "Move alias");
    move.addEventListener("click", () => aliasEditor(box, { model: m.name, alias, from: version, versions, done, focusBack: move }).chooseStep());
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
  parts.push(newAliasForm(m, versions, done));
  return parts;
}

function newAliasForm(m, versions, done) {
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
    aliasEditor(box, { model: m.name, alias, from: existing === undefined ? null : existing, versions, done, focusBack: set }).confirmStep(Number(select.value));
  });
  return el("section", { class: "alias-set", "aria-label": "Set alias" }, el("h3", {}, "Set alias"), form, box);
}
