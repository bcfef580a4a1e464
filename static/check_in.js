// The check-in desk: typing in the search box filters the list at once, and a tick is saved in
// the background and shown in place. Without JavaScript the same page works with plain forms.
(function () {
  "use strict";

  // The same folding as planner/domain/names.py: no case, no accents; hyphens, apostrophes and
  // dots join a word; any other sign separates words.
  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[-\u2010\u2011\u2012\u2013'\u2019`\u00b4.]+/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function filter() {
    const input = document.getElementById("q");
    const words = fold(input.value).split(" ").filter(Boolean);
    let shown = 0;
    for (const line of document.querySelectorAll("#door-list .door-line")) {
      const haystack = line.dataset.search;
      const match = words.every((word) => haystack.includes(word));
      line.hidden = !match;
      if (match) shown += 1;
    }
    const none = document.getElementById("door-none");
    document.getElementById("door-query").textContent = input.value;
    none.hidden = shown > 0 || document.querySelectorAll("#door-list .door-line").length === 0;
    for (const hidden of document.querySelectorAll(".door-tick input[name=q]")) hidden.value = input.value;
    const address = new URL(window.location.href);
    if (input.value) address.searchParams.set("q", input.value); else address.searchParams.delete("q");
    window.history.replaceState(null, "", address);
  }

  // The page's words, in its reader's language (templates/organise/check_in.html): %(name)s and the like
  // are filled in here.
  function wording(key, values) {
    const template = document.getElementById("door").dataset[key] || "";
    return template.replace(/%\((\w+)\)s/g, (_, name) => (values && values[name]) ?? "");
  }

  function say(message) {
    const box = document.getElementById("door-message");
    box.textContent = message;
    box.hidden = !message;
  }

  // What a tick did, read out by a screen reader (the server says it in the page's language).
  function announce(message) {
    document.getElementById("door-said").textContent = message;
  }

  function show(line, answer) {
    line.classList.toggle("checked-in", answer.checked_in);
    const name = line.querySelector(".door-name").textContent;
    const button = line.querySelector(".tick-button");
    button.setAttribute("aria-pressed", String(answer.checked_in));
    button.setAttribute("aria-label", wording(answer.checked_in ? "undoLabel" : "checkInLabel", { name }));
    button.querySelector("span").textContent = wording(answer.checked_in ? "undoText" : "checkInText");
    line.querySelector("input[name=step]").value = answer.checked_in ? "undo" : "check_in";
    line.querySelector(".door-status").textContent = !answer.checked_in ? ""
      : wording(answer.checked_in_by ? "statusBy" : "status", { time: answer.checked_in_at, who: answer.checked_in_by });
    for (const [what, count] of Object.entries(answer.counts)) {
      const figure = document.querySelector(`#door-counts [data-count="${what}"]`);
      if (figure) figure.textContent = count;
    }
    document.querySelector(".door-unexpected").hidden = answer.counts.unexpected === 0;
  }

  async function tick(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const response = await fetch(form.getAttribute("action"), {
        method: "POST", body: new FormData(form), headers: { Accept: "application/json" }, credentials: "same-origin",
      });
      const isJson = (response.headers.get("Content-Type") || "").includes("application/json");
      if (!response.ok || !isJson) {
        // A signed-out session is answered with the sign-in page: say so rather than fail obscurely.
        throw new Error(response.ok ? wording("signedOut") : wording("refused", { status: response.status }));
      }
      const answer = await response.json();
      show(form.closest(".door-line"), answer);
      say("");
      announce(answer.message);
      const input = document.getElementById("q");
      if (answer.checked_in && input.value) { input.focus(); input.select(); }
    } catch (error) {
      say(error instanceof TypeError || !error.message ? wording("offline") : error.message);
    } finally {
      button.disabled = false;
    }
  }

  function attach() {
    const input = document.getElementById("q");
    if (!input) return;
    input.addEventListener("input", filter);
    input.closest("form").addEventListener("submit", (event) => {
      // A badge's address typed by a handheld scanner goes to the server, which opens the desk at its
      // person (the same test as code_in in planner/domain/badges.py).
      if (/\/badge\/[\w-]+\.[\w-]+\/?$/.test(input.value.trim())) return;
      event.preventDefault(); filter(); input.blur();
    });
    for (const form of document.querySelectorAll(".door-tick")) form.addEventListener("submit", tick);
  }

  document.addEventListener("DOMContentLoaded", attach);
})();
