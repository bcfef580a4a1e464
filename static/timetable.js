// The timetable editor: drag a session to move it (time and room), drag its lower edge to
// change its length. Each change is saved at once through the JSON API, then the grid and
// the conflict list are redrawn from the server. The last moves can be undone.
(function () {
  "use strict";

  const UNDO_KEY = "planner-timetable-undo";
  const CLICK_TOLERANCE = 4;
  let suppressClick = false;

  function grid() { return document.getElementById("timetable"); }

  function pxPerMinute(timetable) {
    return parseFloat(getComputedStyle(timetable).getPropertyValue("--px")) || 2.4;
  }

  function undoStack() {
    try { return JSON.parse(sessionStorage.getItem(UNDO_KEY) || "[]"); } catch (e) { return []; }
  }

  function saveUndo(stack) {
    sessionStorage.setItem(UNDO_KEY, JSON.stringify(stack.slice(-20)));
    updateUndoButton();
  }

  function updateUndoButton() {
    const button = document.getElementById("undo");
    const timetable = grid();
    if (!button || !timetable) return;
    const mine = undoStack().filter((entry) => entry.api === timetable.dataset.api);
    button.disabled = mine.length === 0;
  }

  function say(message, isError) {
    const status = document.getElementById("timetable-status");
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  async function redraw() {
    const response = await fetch(window.location.href, { headers: { Accept: "text/html" } });
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const id of ["timetable", "conflicts"]) {
      const fresh = page.getElementById(id);
      if (fresh) document.getElementById(id).replaceWith(fresh);
    }
    attach();
  }

  function describeFailure(status, body) {
    const error = (body && body.error) || {};
    if (status === 409 || status === 412) {
      const changes = (error.changes || []).map((c) => `${c.field}: ${c.then} → ${c.now}`).join("; ");
      return `Someone else changed this session meanwhile${changes ? " (" + changes + ")" : ""}. The timetable now shows their version.`;
    }
    if (error.fields) {
      return Object.entries(error.fields).map(([field, text]) => `${field}: ${text}`).join(" ");
    }
    return error.message || `The change was not saved (${status}).`;
  }

  async function patchSession(timetable, sessionId, version, changes) {
    const response = await fetch(`${timetable.dataset.api}/sessions/${sessionId}`, {
      method: "PATCH",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "If-Match": `"${version}"`,
        "X-CSRFToken": timetable.dataset.csrf,
      },
      body: JSON.stringify(changes),
    });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    return { ok: response.ok, status: response.status, body };
  }

  function snapMinutes(minutes, snap) {
    return Math.round(minutes / snap) * snap;
  }

  function columnUnder(x, y) {
    for (const element of document.elementsFromPoint(x, y)) {
      if (element.classList && element.classList.contains("room-column")) return element;
    }
    return null;
  }

  function startDrag(event) {
    if (event.button !== 0) return;
    const slot = event.target.closest(".slot");
    const timetable = grid();
    if (!slot || !timetable || !timetable.contains(slot)) return;
    const resizing = event.target.classList.contains("resize-handle");
    const nested = slot.parentElement.classList.contains("slot-children");
    const scale = pxPerMinute(timetable);
    const snap = parseInt(timetable.dataset.snap, 10);
    const origin = { x: event.clientX, y: event.clientY };
    const startsAt = new Date(slot.dataset.starts);
    const endsAt = new Date(slot.dataset.ends);
    const dayStart = new Date(timetable.dataset.dayStart);
    const startMinute = (startsAt - dayStart) / 60000;
    const endMinute = (endsAt - dayStart) / 60000;
    let moved = false;
    let deltaMinutes = 0;

    event.stopPropagation();
    slot.setPointerCapture(event.pointerId);

    function onMove(moveEvent) {
      const dx = moveEvent.clientX - origin.x;
      const dy = moveEvent.clientY - origin.y;
      if (!moved && Math.hypot(dx, dy) < CLICK_TOLERANCE) return;
      moved = true;
      slot.classList.add("dragging");
      if (resizing) {
        const newEnd = snapMinutes(endMinute + dy / scale, snap);
        deltaMinutes = Math.max(newEnd, startMinute + snap) - endMinute;
        slot.style.setProperty("--height", (endMinute + deltaMinutes - startMinute).toString());
      } else {
        deltaMinutes = snapMinutes(startMinute + dy / scale, snap) - startMinute;
        slot.style.transform = `translate(${nested ? 0 : dx}px, ${deltaMinutes * scale}px)`;
      }
    }

    async function onUp(upEvent) {
      slot.removeEventListener("pointermove", onMove);
      slot.removeEventListener("pointerup", onUp);
      slot.classList.remove("dragging");
      if (!moved) return;
      upEvent.preventDefault();
      suppressClick = true;
      setTimeout(() => { suppressClick = false; }, 0);
      const changes = {
        starts_at: new Date(startsAt.getTime() + (resizing ? 0 : deltaMinutes * 60000)).toISOString(),
        ends_at: new Date(endsAt.getTime() + deltaMinutes * 60000).toISOString(),
      };
      const before = { starts_at: startsAt.toISOString(), ends_at: endsAt.toISOString() };
      if (!resizing && !nested) {
        const column = columnUnder(upEvent.clientX, upEvent.clientY);
        if (column) {
          const roomId = column.dataset.roomId === "" ? null : parseInt(column.dataset.roomId, 10);
          const currentRoom = slot.dataset.roomId === "" ? null : parseInt(slot.dataset.roomId, 10);
          if (roomId !== currentRoom) {
            changes.room_id = roomId;
            before.room_id = currentRoom;
          }
        }
      }
      if (changes.starts_at === before.starts_at && changes.ends_at === before.ends_at && !("room_id" in changes)) {
        slot.style.transform = "";
        return;
      }
      say("Saving…");
      const result = await patchSession(timetable, slot.dataset.sessionId, slot.dataset.version, changes);
      if (result.ok) {
        const stack = undoStack();
        stack.push({ api: timetable.dataset.api, sessionId: slot.dataset.sessionId, before });
        saveUndo(stack);
        say(`Saved: ${result.body.title}.`);
      } else {
        say(describeFailure(result.status, result.body), true);
      }
      await redraw();
    }

    slot.addEventListener("pointermove", onMove);
    slot.addEventListener("pointerup", onUp);
  }

  function preventClickAfterDrag(event) {
    if (suppressClick) event.preventDefault();
  }

  async function undo() {
    const timetable = grid();
    const stack = undoStack();
    const index = stack.map((entry) => entry.api).lastIndexOf(timetable.dataset.api);
    if (index < 0) return;
    const [entry] = stack.splice(index, 1);
    const slot = timetable.querySelector(`.slot[data-session-id="${entry.sessionId}"]`);
    let version = slot ? slot.dataset.version : null;
    if (!version) {
      const current = await fetch(`${timetable.dataset.api}/sessions/${entry.sessionId}`, { credentials: "same-origin" });
      version = current.ok ? (await current.json()).version : null;
    }
    say("Undoing…");
    const result = await patchSession(timetable, entry.sessionId, version, entry.before);
    saveUndo(stack);
    say(result.ok ? `Undone: ${result.body.title} is back.` : describeFailure(result.status, result.body), !result.ok);
    await redraw();
  }

  function attach() {
    const timetable = grid();
    if (!timetable) return;
    timetable.addEventListener("pointerdown", startDrag);
    timetable.addEventListener("click", preventClickAfterDrag, true);
    timetable.classList.add("interactive");
    updateUndoButton();
  }

  document.addEventListener("DOMContentLoaded", () => {
    attach();
    const button = document.getElementById("undo");
    if (button) button.addEventListener("click", undo);
  });
})();
