// The pgforce dashboard: reads the admin API every two seconds and shows it. Plain script, no build
// step. Everything the API returns is put on the page as text (textContent), never as markup.
"use strict";

const POLL_MS = 2000;
const TOKEN_KEY = "pgforce-admin-token";
const $ = (id) => document.getElementById(id);

/** The admin API refused the token (or none was given): the page asks for one. */
class TokenNeeded extends Error {}

async function api(method, path) {
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) {
    headers.Authorization = "Bearer " + token;
  }
  const response = await fetch("/api/v1" + path, { method, headers });
  if (response.status === 401) {
    throw new TokenNeeded(token ? "That token was refused." : "");
  }
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.message || response.status + " " + response.statusText);
  }
  return body;
}

/** A new element with text content and attributes; children are elements or text. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") {
      node.textContent = value;
    } else if (key === "onclick") {
      node.addEventListener("click", value);
    } else {
      node.setAttribute(key, value);
    }
  }
  for (const child of children) {
    node.append(child);
  }
  return node;
}

const number = (n) => (n === null || n === undefined ? "—" : n.toLocaleString("en-US"));
const seconds = (s) => (s === null || s === undefined ? "—" : s < 10 ? s.toFixed(1) + " s" : Math.round(s) + " s");

function ago(s) {
  if (s === null || s === undefined) return "never";
  if (s < 90) return Math.round(s) + " s ago";
  if (s < 5400) return Math.round(s / 60) + " min ago";
  return Math.round(s / 3600) + " h ago";
}

const ERROR_STATES = ["SYSTEM_ERROR", "BAD_CONFIG", "BULK_LOAD_ERROR"];

/** The state, and for an error state the reason under it; other details show on hover. */
function stateCell(m) {
  const badge = el("span", { "data-state": m.state, class: "state", text: m.state });
  const cell = el("td", {}, badge);
  if (m.detail && ERROR_STATES.includes(m.state)) {
    cell.append(el("span", { class: "detail", text: m.detail }));
  } else if (m.detail) {
    badge.title = m.detail;
  }
  return cell;
}

function loadCell(load) {
  if (!load.active) {
    return el("td", { class: "quiet", text: load.expected > 0 ? "done" : "—" });
  }
  const percent = load.percent === null ? 0 : load.percent;
  return el(
    "td",
    {},
    el("progress", { max: "100", value: String(percent) }),
    " " + Math.floor(percent) + "% (" + number(load.rows) + " / " + number(load.expected) + ")"
  );
}

function actionsCell(m) {
  const paused = m.target === "PAUSED";
  const act = (action, label, confirmText) =>
    el("button", {
      type: "button",
      "data-action": action,
      text: label,
      onclick: () => {
        if (!confirmText || window.confirm(confirmText)) {
          run("POST", "/mappings/" + encodeURIComponent(m.object_name) + "/" + action);
        }
      },
    });
  return el(
    "td",
    {},
    paused ? act("resume", "Resume") : act("pause", "Pause"),
    act("poll", "Poll now"),
    act("reload", "Reload", "Reload " + m.object_name + "? Its table is emptied and loaded again from Salesforce.")
  );
}

function mappingRow(m) {
  const failed = m.counts.failed;
  return el(
    "tr",
    { "data-object": m.object_name },
    el(
      "td",
      { class: "object" },
      m.object_name,
      m.accelerated ? el("span", { class: "quiet", title: "accelerated: Change Data Capture", text: " · CDC" }) : ""
    ),
    el("td", { text: m.access }),
    stateCell(m),
    el("td", { class: "target", "data-state": m.target === "PAUSED" ? "PAUSED" : "", text: m.target }),
    el("td", { class: "num", text: number(m.counts.postgres_rows) }),
    el("td", { class: "num", text: number(m.counts.salesforce_rows) }),
    el("td", { class: "num", text: number(m.counts.pending) }),
    el("td", { class: "num" + (failed > 0 ? " failed" : ""), text: number(failed) }),
    el("td", { text: ago(m.seconds_since_poll) }),
    el("td", { text: seconds(m.lag_seconds.inbound) + " / " + seconds(m.lag_seconds.outbound) }),
    loadCell(m.load),
    actionsCell(m)
  );
}

function errorRow(e) {
  return el(
    "tr",
    { "data-error": String(e.id) },
    el("td", { class: "num", text: String(e.id) }),
    el("td", { text: e.object_name }),
    el("td", { text: e.action }),
    el("td", { text: e.sfid || "row " + e.record_id }),
    el("td", { class: "message", text: e.message || "" }),
    el("td", { text: new Date(e.at).toLocaleString() }),
    el("td", {}, el("button", { type: "button", text: "Retry", onclick: () => run("POST", "/errors/" + e.id + "/retry") }))
  );
}

function renderConnection(c) {
  const badge = $("connection-state");
  badge.textContent = c.state;
  badge.dataset.state = c.state;
  badge.title = c.detail || "";
  $("organization").textContent = "org " + c.organization_id;
  const usage = c.api_usage;
  $("api-usage").textContent = usage ? "API " + number(usage.used) + " / " + number(usage.max) + " today" : "";
  $("updated").textContent = "updated " + new Date().toLocaleTimeString();
}

function renderRows(tbody, rows, emptyNote) {
  tbody.replaceChildren(...rows);
  emptyNote.hidden = rows.length > 0;
}

function showProblem(text) {
  $("problem").textContent = text;
  $("problem").hidden = !text;
}

async function refresh() {
  try {
    const [connection, mappings, errors] = await Promise.all([
      api("GET", "/connection"),
      api("GET", "/mappings"),
      api("GET", "/errors?limit=20"),
    ]);
    $("token-form").hidden = true;
    renderConnection(connection);
    renderRows(document.querySelector("#mappings tbody"), mappings.mappings.map(mappingRow), $("no-mappings"));
    renderRows(document.querySelector("#errors tbody"), errors.errors.map(errorRow), $("no-errors"));
    showProblem("");
  } catch (e) {
    handle(e);
  }
}

async function run(method, path) {
  try {
    await api(method, path);
  } catch (e) {
    handle(e);
  }
  await refresh();
}

function handle(e) {
  if (e instanceof TokenNeeded) {
    $("token-form").hidden = false;
    $("token-message").textContent = e.message;
  } else {
    showProblem("pgforce does not answer as expected: " + e.message);
  }
}

$("token-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $("token").value);
  refresh();
});

refresh();
setInterval(refresh, POLL_MS);
