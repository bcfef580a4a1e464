// What the timetable says, shown and read out through one aria-live region. Every message comes from the page
// (the grid's data-messages, written by the template in the reader's language), so the server's and the script's
// words share one catalogue.
let catalogue = null;

function messages() {
  if (!catalogue) catalogue = JSON.parse(document.getElementById("timetable").dataset.messages);
  return catalogue;
}

// Times as the server writes them: the page's language (<html lang>), its own short clock; English keeps the
// 24-hour "09:00" Planner has always written.
export function dateTimeFormat(zone, options) {
  const language = document.documentElement.lang || "en";
  const english = language === "en" || language.startsWith("en-");
  return new Intl.DateTimeFormat(english ? "en-GB" : language, { timeZone: zone, ...options });
}

export function text(key, values = {}) {
  return messages()[key].replace(/%\((\w+)\)s/g, (_, name) => String(values[name] ?? ""));
}

export function fieldLabel(name) {
  return (messages().fields || {})[name] || name;
}

export function announce(message, isError = false) {
  const status = document.getElementById("timetable-status");
  status.textContent = message;
  status.classList.toggle("error", isError);
}
