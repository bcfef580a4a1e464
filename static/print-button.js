// The programme's Print button opens the browser's print dialog. Without this script it stays hidden:
// the browser's own Print command does the same.
(() => {
  "use strict";
  for (const button of document.querySelectorAll("button.print")) {
    button.addEventListener("click", () => window.print());
    button.hidden = false;
  }
})();
