// Where things are on the grid: minutes counted from the day's first instant (data-day-start), rooms by column,
// and a preview of a session at a place it has not been saved to yet.
import { dateTimeFormat } from "./announce.js";

export function timetable() { return document.getElementById("timetable"); }

export function scale(grid) {
  return parseFloat(getComputedStyle(grid).getPropertyValue("--px")) || 2.4;
}

export function step(grid) { return parseInt(grid.dataset.snap, 10); }

export function snap(minutes, by) { return Math.round(minutes / by) * by; }

function dayStart(grid) { return new Date(grid.dataset.dayStart).getTime(); }

// An item without an end ("18:30 Reception") is drawn one step long (as the server lays it out) and keeps
// no end when it moves; giving it a length (resizing) gives it an end.
export function placement(grid, slot) {
  const start = (new Date(slot.dataset.starts).getTime() - dayStart(grid)) / 60000;
  const open = slot.dataset.ends === "";
  return {
    start,
    end: open ? start + step(grid) : (new Date(slot.dataset.ends).getTime() - dayStart(grid)) / 60000,
    roomId: slot.dataset.roomId,
    open,
  };
}

export function isNested(slot) { return slot.parentElement.classList.contains("slot-children"); }

// A place moved to fit within the hours the grid shows, so a preview never stretches the grid.
export function withinDay(grid, place) {
  const first = parseInt(grid.dataset.firstMinute, 10);
  const last = parseInt(grid.dataset.lastMinute, 10);
  const length = Math.min(place.end - place.start, last - first);
  const start = Math.min(Math.max(place.start, first), last - length);
  return { ...place, start, end: start + length };
}

export function columns(grid) { return [...grid.querySelectorAll(".room-column")]; }

// Rooms follow the page's direction: in a right-to-left page the next room is the one to the left.
export function rightToLeft(grid) { return getComputedStyle(grid).direction === "rtl"; }

export function column(grid, roomId) {
  return columns(grid).find((candidate) => candidate.dataset.roomId === roomId) || null;
}

// The minute of the day under a point of the screen, wherever the page and the grid are scrolled.
export function minuteAt(grid, clientY) {
  const track = grid.querySelector(".room-track").getBoundingClientRect();
  return (clientY - track.top) / scale(grid) + parseInt(grid.dataset.firstMinute, 10);
}

export function columnAt(grid, clientX) {
  return columns(grid).find((candidate) => {
    const box = candidate.getBoundingClientRect();
    return clientX >= box.left && clientX < box.right;
  }) || null;
}

export function clock(grid, instant) {
  return dateTimeFormat(grid.dataset.zone, { timeStyle: "short" }).format(instant);
}

function clockAt(grid, minutes) { return clock(grid, new Date(dayStart(grid) + minutes * 60000)); }

export function describe(grid, slot, place) {
  const room = column(grid, place.roomId);
  return {
    title: slot.dataset.title,
    time: place.open ? clockAt(grid, place.start) : `${clockAt(grid, place.start)}–${clockAt(grid, place.end)}`,
    room: room ? room.dataset.roomName : "",
  };
}

export function samePlace(a, b) {
  return a.start === b.start && a.end === b.end && a.roomId === b.roomId && a.open === b.open;
}

export function preview(grid, slot, place) {
  place = withinDay(grid, place);
  const saved = placement(grid, slot);
  if (!("height" in slot.dataset)) {
    slot.dataset.height = slot.style.getPropertyValue("--height");
    slot.dataset.time = slot.querySelector(".slot-time").textContent;
  }
  const from = column(grid, saved.roomId);
  const to = column(grid, place.roomId);
  const dx = from && to ? to.getBoundingClientRect().left - from.getBoundingClientRect().left : 0;
  slot.style.transform = `translate(${dx}px, ${(place.start - saved.start) * scale(grid)}px)`;
  slot.style.setProperty("--height", String(place.end - place.start));
  slot.querySelector(".slot-time").textContent = describe(grid, slot, place).time;
  slot.classList.add("moving");
}

export function clearPreview(slot) {
  slot.style.transform = "";
  if ("height" in slot.dataset) {
    slot.style.setProperty("--height", slot.dataset.height);
    slot.querySelector(".slot-time").textContent = slot.dataset.time;
    delete slot.dataset.height;
    delete slot.dataset.time;
  }
  slot.classList.remove("moving");
}

export function changesTo(grid, slot, place) {
  const start = new Date(dayStart(grid) + place.start * 60000);
  const end = new Date(dayStart(grid) + place.end * 60000);
  const changes = { starts_at: start.toISOString(), ends_at: place.open ? null : end.toISOString() };
  if (place.roomId !== slot.dataset.roomId) {
    changes.room_id = place.roomId === "" ? null : parseInt(place.roomId, 10);
  }
  return changes;
}
