// Asking the server: a move is saved through the JSON API with the version the page showed (If-Match), so a
// stale edit is refused there, never overwritten; then the grid, the conflicts and Undo are drawn again from it.
import { announce, dateTimeFormat, fieldLabel, text } from "./announce.js";
import { changesTo, clock, describe, timetable } from "./grid.js";

const REDRAWN = ["timetable", "conflicts", "undo-form"];

function shown(grid, value) {
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) {
    const instant = new Date(value);
    const day = dateTimeFormat(grid.dataset.zone, { weekday: "short", day: "numeric", month: "short" });
    return `${day.format(instant)} ${clock(grid, instant)}`;
  }
  return value === null || value === "" ? "—" : String(value);
}

function failure(grid, status, body) {
  const error = (body && body.error) || {};
  if (status === 409 || status === 412) {
    const changes = (error.changes || [])
      .map((c) => `${fieldLabel(c.field)}: ${shown(grid, c.then)} → ${shown(grid, c.now)}`).join("; ");
    return changes ? text("stale_fields", { changes }) : text("stale");
  }
  if (error.fields) return Object.values(error.fields).join(" ");
  return error.message || text("failed", { status });
}

export async function saveSession(grid, slot, changes) {
  let response;
  try {
    response = await fetch(`${grid.dataset.api}/sessions/${slot.dataset.sessionId}`, {
      method: "PATCH",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json", Accept: "application/json",
        "If-Match": `"${slot.dataset.version}"`, "X-CSRFToken": grid.dataset.csrf,
      },
      body: JSON.stringify(changes),
    });
  } catch (networkError) {
    return { ok: false, message: text("offline") };
  }
  let body = null;
  try { body = await response.json(); } catch (notJson) { body = null; }
  return { ok: response.ok, message: response.ok ? null : failure(grid, response.status, body) };
}

// Draw the grid again from the server; focus goes back to the session that had it, so keys go on working.
export async function redraw(focusSessionId = null) {
  const response = await fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const old = timetable();
  const scroll = { top: old.scrollTop, left: old.scrollLeft };
  for (const id of REDRAWN) {
    const fresh = page.getElementById(id);
    const current = document.getElementById(id);
    if (fresh && current) current.replaceWith(document.adoptNode(fresh));
  }
  const grid = timetable();
  grid.scrollTop = scroll.top;
  grid.scrollLeft = scroll.left;
  document.dispatchEvent(new CustomEvent("timetable:drawn"));
  if (focusSessionId) {
    const slot = grid.querySelector(`.slot[data-session-id="${focusSessionId}"]`);
    if (slot) slot.focus({ preventScroll: true });
  }
}

// Save a session at a new place, say how it went, and redraw; focus stays on it if it had it.
export async function commit(grid, slot, place) {
  const focused = document.activeElement === slot;
  announce(text("saving"));
  const result = await saveSession(grid, slot, changesTo(grid, slot, place));
  if (result.ok) announce(text("saved", describe(grid, slot, place)));
  else announce(result.message, true);
  await redraw(focused ? slot.dataset.sessionId : null);
}
