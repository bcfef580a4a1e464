// Near an edge of what can be seen of the grid, a drag scrolls: the page while the grid's own edge is off screen,
// then the grid itself. The drag works out the drop from the pointer after each scroll, so it lands under it.
const EDGE = 40;
const FASTEST = 18;

function speed(distance) {
  return distance < EDGE ? Math.ceil(FASTEST * (1 - Math.max(distance, 0) / EDGE)) : 0;
}

function scrollVertically(grid, dy) {
  const box = grid.getBoundingClientRect();
  const pageFirst = dy < 0 ? box.top < 0 : box.bottom > window.innerHeight;
  if (!pageFirst) {
    const before = grid.scrollTop;
    grid.scrollTop += dy;
    if (grid.scrollTop !== before) return;
  }
  window.scrollBy(0, dy);
}

// Scroll while ``pointer`` (kept up to date by the caller) is near an edge; returns the function that stops.
export function autoScroll(grid, pointer) {
  let frame = requestAnimationFrame(tick);

  function tick() {
    const box = grid.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    const left = Math.max(box.left, 0);
    const right = Math.min(box.right, window.innerWidth);
    const dy = speed(bottom - pointer.y) - speed(pointer.y - top);
    const dx = speed(right - pointer.x) - speed(pointer.x - left);
    if (dy) scrollVertically(grid, dy);
    if (dx) grid.scrollLeft += dx;
    frame = requestAnimationFrame(tick);
  }

  return () => cancelAnimationFrame(frame);
}
