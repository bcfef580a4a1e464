// What the timetable says, shown and read out through one aria-live region. Every message comes from the page
// (#timetable-messages, filled by the template), so the server's and the script's words share one catalogue.
let catalogue = null;

function messages() {
  if (!catalogue) catalogue = JSON.parse(document.getElementById("timetable-messages").textContent);
  return catalogue;
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
