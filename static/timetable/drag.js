// Dragging with a mouse, pen or finger: a press becomes a drag only after the pointer travels a few pixels (less
// is a click, which opens the session). A finger must first rest on the session a moment: a swipe over the
// timetable scrolls it, as on every phone. The drop is worked out from where the pointer is over the grid, after
// every move and every scroll (the wheel's or the edges'), so it lands where it is seen. Escape puts it back.
import { announce, text } from "./announce.js";
import { autoScroll } from "./autoscroll.js";
import * as grid from "./grid.js";
import { commit } from "./server.js";

const THRESHOLD = 5;
const HOLD_MS = 400;

let swallowClick = false;

function swallowTheClickOfThisPress() {
  swallowClick = true;
  setTimeout(() => { swallowClick = false; }, 0);
}

function press(event) {
  if (event.button !== 0 || !event.isPrimary) return;
  const slot = event.target.closest("#timetable .slot");
  if (!slot) return;
  const table = grid.timetable();
  const resizing = event.target.classList.contains("resize-handle");
  const nested = grid.isNested(slot);
  const saved = grid.placement(table, slot);
  const by = grid.step(table);
  const pointer = { x: event.clientX, y: event.clientY };
  const grabbed = grid.minuteAt(table, event.clientY) - (resizing ? saved.end : saved.start);
  let place = saved;
  let dragging = false;
  let stopScrolling = null;

  function follow() {
    const minute = grid.minuteAt(table, pointer.y) - grabbed;
    if (resizing) {
      const last = parseInt(table.dataset.lastMinute, 10);
      place = { ...saved, open: false, end: Math.min(Math.max(grid.snap(minute, by), saved.start + by), Math.max(last, saved.end)) };
    } else {
      const start = grid.snap(minute, by);
      const over = nested ? null : grid.columnAt(table, pointer.x);
      place = { start, end: start + saved.end - saved.start, roomId: over ? over.dataset.roomId : saved.roomId,
                open: saved.open };
    }
    place = grid.withinDay(table, place);
    grid.preview(table, slot, place);
  }

  function begin() {
    dragging = true;
    slot.classList.add("dragging");
    try { slot.setPointerCapture(event.pointerId); } catch (released) { /* the press already ended */ }
    stopScrolling = autoScroll(table, pointer);
    document.addEventListener("scroll", follow, true);
  }

  const byFinger = event.pointerType === "touch";
  const held = byFinger ? setTimeout(() => { begin(); follow(); }, HOLD_MS) : null;

  function move(moved) {
    if (moved.pointerId !== event.pointerId) return;
    pointer.x = moved.clientX;
    pointer.y = moved.clientY;
    if (!dragging) {
      if (Math.hypot(moved.clientX - event.clientX, moved.clientY - event.clientY) < THRESHOLD) return;
      if (byFinger) {
        stop();  // a swipe: the page scrolls
        return;
      }
      begin();
    }
    moved.preventDefault();
    follow();
  }

  // Once a finger has picked the session up, moving it must not scroll the page as well, nor the long press
  // open the phone's menu for the link under it.
  function holdThePage(touch) {
    if (dragging) touch.preventDefault();
  }

  function stop() {
    clearTimeout(held);
    document.removeEventListener("touchmove", holdThePage);
    document.removeEventListener("contextmenu", holdThePage);
    document.removeEventListener("pointermove", move);
    document.removeEventListener("pointerup", release);
    document.removeEventListener("pointercancel", cancel);
    document.removeEventListener("keydown", escape, true);
    document.removeEventListener("scroll", follow, true);
    if (stopScrolling) stopScrolling();
    slot.classList.remove("dragging");
  }

  function cancel() {
    stop();
    grid.clearPreview(slot);
    if (dragging) announce(text("cancelled", grid.describe(table, slot, saved)));
  }

  function escape(key) {
    if (key.key !== "Escape" || !dragging) return;
    key.preventDefault();
    key.stopPropagation();
    cancel();
    // The button is still down: its release must not count as a click that opens the session.
    document.addEventListener("pointerup", swallowTheClickOfThisPress, { once: true, capture: true });
  }

  async function release(released) {
    if (released.pointerId !== event.pointerId) return;
    stop();
    if (!dragging) return;
    swallowTheClickOfThisPress();
    if (grid.samePlace(place, saved)) {
      grid.clearPreview(slot);
      return;
    }
    await commit(table, slot, place);
  }

  if (byFinger) {
    document.addEventListener("touchmove", holdThePage, { passive: false });
    document.addEventListener("contextmenu", holdThePage);
  }
  document.addEventListener("pointermove", move);
  document.addEventListener("pointerup", release);
  document.addEventListener("pointercancel", cancel);
  document.addEventListener("keydown", escape, true);
}

// A click anywhere on a session opens it, as its title's link does.
function open(event) {
  if (swallowClick) {
    event.preventDefault();
    event.stopPropagation();
    return;
  }
  const slot = event.target.closest("#timetable .slot");
  if (!slot || event.target.closest("a")) return;
  const link = slot.querySelector(":scope > .slot-title a");
  if (link) link.click();
}

export function attachDrag() {
  document.addEventListener("pointerdown", press);
  document.addEventListener("click", open, true);
}
