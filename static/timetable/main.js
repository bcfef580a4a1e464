// The timetable editor's wiring: each behaviour lives in its own module; this file makes the grid operable
// (each session one tab stop, its link reached with Enter) and switches them on. Without it the grid is plain
// links to each session's form.
import { attachDrag } from "./drag.js";
import { timetable } from "./grid.js";
import { attachKeyboard } from "./keyboard.js";
import { attachUndo } from "./undo.js";

function enhance() {
  const table = timetable();
  if (!table) return;
  table.classList.add("interactive");
  for (const slot of table.querySelectorAll(".slot")) {
    slot.tabIndex = 0;
    const link = slot.querySelector(":scope > .slot-title a");
    if (link) link.tabIndex = -1;
  }
}

enhance();
document.addEventListener("timetable:drawn", enhance);
attachDrag();
attachKeyboard();
attachUndo();
