// Undo my last change: the server decides what that is (its history) and whether it may still be undone; the page
// only asks, says the answer and redraws. So it works after a reload and from another tab.
import { announce, text } from "./announce.js";
import { redraw } from "./server.js";

async function undo(event) {
  const form = event.target;
  if (form.id !== "undo-form") return;
  event.preventDefault();
  announce(text("undoing"));
  let response;
  try {
    response = await fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin", headers: { Accept: "application/json" },
    });
  } catch (networkError) {
    announce(text("offline"), true);
    return;
  }
  let body = null;
  try { body = await response.json(); } catch (notJson) { body = null; }
  announce(body && body.message ? body.message : text("failed", { status: response.status }), !response.ok);
  await redraw();
}

export function attachUndo() {
  document.addEventListener("submit", undo);
}
