// The keyboard path: a focused session moves by the grid's step with Up and Down, to the room on that side with
// Left and Right (the rooms run right to left in an Arabic page), changes length with Shift+Up and Shift+Down.
// Each step is announced; the move is saved once the keys pause (or focus leaves), as a drag is.
// Escape before that puts it back; Enter opens the session.
import { announce, text } from "./announce.js";
import * as grid from "./grid.js";
import { commit } from "./server.js";

const PAUSE_MS = 1200;
const DIRECTIONS = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -1, ArrowRight: 1 };

let pending = null;

function moved(table, slot, place, key, shift) {
  const by = grid.step(table);
  const direction = DIRECTIONS[key];
  if (key === "ArrowUp" || key === "ArrowDown") {
    if (shift) return { ...place, open: false, end: Math.max(place.end + direction * by, place.start + by) };
    return { ...place, start: place.start + direction * by, end: place.end + direction * by };
  }
  if (shift || grid.isNested(slot)) return place;
  const columns = grid.columns(table);
  const onward = grid.rightToLeft(table) ? -direction : direction;
  const next = columns[columns.findIndex((c) => c.dataset.roomId === place.roomId) + onward];
  return next ? { ...place, roomId: next.dataset.roomId } : place;
}

async function saveNow() {
  if (!pending) return;
  const { slot, saved, place, timer } = pending;
  clearTimeout(timer);
  pending = null;
  const table = grid.timetable();
  if (grid.samePlace(place, saved)) {
    grid.clearPreview(slot);
    return;
  }
  await commit(table, slot, place);
}

function putBack() {
  const { slot, saved, timer } = pending;
  clearTimeout(timer);
  pending = null;
  grid.clearPreview(slot);
  announce(text("cancelled", grid.describe(grid.timetable(), slot, saved)));
}

async function key(event) {
  const slot = event.target;
  if (!(slot instanceof HTMLElement) || !slot.matches("#timetable .slot")) return;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const table = grid.timetable();
  if (event.key === "Enter") {
    event.preventDefault();
    await saveNow();
    const link = slot.querySelector(":scope > .slot-title a");
    if (link) window.location.assign(link.href);
    return;
  }
  if (event.key === "Escape") {
    if (pending && pending.slot === slot) {
      event.preventDefault();
      putBack();
    }
    return;
  }
  if (!(event.key in DIRECTIONS)) return;
  event.preventDefault();
  if (pending && pending.slot !== slot) await saveNow();
  if (!pending) pending = { slot, saved: grid.placement(table, slot), place: grid.placement(table, slot), timer: null };
  pending.place = grid.withinDay(table, moved(table, slot, pending.place, event.key, event.shiftKey));
  grid.preview(table, slot, pending.place);
  announce(text("pending", grid.describe(table, slot, pending.place)));
  clearTimeout(pending.timer);
  pending.timer = setTimeout(saveNow, PAUSE_MS);
}

function leave(event) {
  if (pending && event.target === pending.slot && !pending.slot.contains(event.relatedTarget)) saveNow();
}

export function attachKeyboard() {
  document.addEventListener("keydown", key);
  document.addEventListener("focusout", leave);
}
