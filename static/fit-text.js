// Printed documents: each [data-fit] text takes the largest size, from data-fit-max down to data-fit-min
// points, at which it fits its box: on one line if it can at a good size, else over several lines, and at
// the very least it wraps inside a word rather than being cut off. Without JavaScript print.css's sizes,
// estimated from the text's length, stand.
(function () {
  "use strict";

  function fits(element) {
    return element.scrollWidth <= element.clientWidth + 0.5 && element.scrollHeight <= element.clientHeight + 0.5;
  }

  function sizeAt(element, points) {
    element.style.setProperty("--fitted", `${points}pt`);
  }

  // The largest size between low and high at which the text fits, or null if it fits at none.
  function largest(element, low, high) {
    sizeAt(element, high);
    if (fits(element)) return high;
    sizeAt(element, low);
    if (!fits(element)) return null;
    while (high - low > 0.25) {
      const middle = (low + high) / 2;
      sizeAt(element, middle);
      if (fits(element)) low = middle; else high = middle;
    }
    return low;
  }

  function fit(element) {
    element.classList.remove("fit-wraps", "fitted");
    const max = parseFloat(element.dataset.fitMax);
    const min = parseFloat(element.dataset.fitMin);
    element.classList.add("fit-one-line");
    let size = largest(element, Math.max(min, max * 0.6), max);
    element.classList.remove("fit-one-line");
    if (size === null) size = largest(element, min, max);
    if (size === null) {
      element.classList.add("fit-wraps");
      size = min;
    }
    // Printing lays text out a little wider than the screen (no hinting): a size that only just fits on
    // screen would wrap on paper, so keep a margin.
    sizeAt(element, Math.max(min, size * 0.96));
    element.classList.add("fitted");
  }

  function fitAll() {
    for (const element of document.querySelectorAll("[data-fit]")) fit(element);
    document.documentElement.dataset.fitted = "true";
  }

  // Sizes depend on the fonts: measure once they are loaded.
  document.addEventListener("DOMContentLoaded", () => document.fonts.ready.then(fitAll));
  window.addEventListener("beforeprint", fitAll);
})();
