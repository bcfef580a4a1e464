// The documents page's upload form, enhanced: files chosen or dropped are sent one a request, each with its
// progress bar and the server's answer (stored, or why it was refused). Without this script the form sends
// them all at once and the page answers the same way; the server decides either way (web/organise/documents.py).
"use strict";

const form = document.querySelector("form[data-upload]");

if (form && window.FormData && window.XMLHttpRequest) {
  const input = form.querySelector('input[type="file"]');
  const zone = form.querySelector("[data-drop-zone]");
  const list = form.querySelector("[data-progress]");
  const texts = form.dataset;

  const say = (template, values) => template.replace(/%\((\w+)\)s/g, (_, name) => values[name] ?? "");

  form.querySelector("[data-drop-hint]").hidden = false;
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    input.files = event.dataTransfer.files;
    input.dispatchEvent(new Event("change"));
  });

  const row = (file) => {
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.className = "upload-name";
    name.textContent = file.name;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", say(texts.progressText, { filename: file.name }));
    const message = document.createElement("span");
    message.className = "upload-message";
    item.append(name, " ", bar, " ", message);
    list.append(item);
    return { item, bar, message };
  };

  const answerOf = (request) => {
    try {
      return JSON.parse(request.responseText);
    } catch {
      return null;
    }
  };

  const send = (file, shown) => new Promise((resolve) => {
    const body = new FormData(form);
    body.delete(input.name);
    body.append(input.name, file, file.name);
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) shown.bar.value = Math.round((100 * event.loaded) / event.total);
    });
    request.addEventListener("load", () => {
      const answer = answerOf(request);
      if (answer && answer.stored.length) {
        shown.bar.value = 100;
        shown.item.classList.add("stored");
        shown.message.textContent = say(texts.storedText, { title: answer.stored[0].title });
        resolve(true);
        return;
      }
      shown.item.classList.add("refused");
      const reason = answer && (answer.refused[0]?.message || Object.values(answer.errors)[0]);
      shown.message.textContent = reason || say(texts.failedText, { filename: file.name, status: request.status });
      resolve(false);
    });
    request.addEventListener("error", () => {
      shown.item.classList.add("refused");
      shown.message.textContent = say(texts.failedText, { filename: file.name, status: texts.noAnswer });
      resolve(false);
    });
    request.send(body);
  });

  form.addEventListener("submit", async (event) => {
    const files = Array.from(input.files);
    if (!files.length) return; // the server says what is missing
    event.preventDefault();
    list.replaceChildren();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    const results = [];
    for (const file of files) results.push(await send(file, row(file)));
    button.disabled = false;
    input.value = "";
    if (results.some(Boolean)) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = window.location.pathname;
      link.textContent = texts.reloadText;
      item.append(link);
      list.append(item);
    }
  });
}
