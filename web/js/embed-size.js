// The embed's content height, reported whenever it changes so the parent can fit the frame to it (no inner scroll
// bar). A ResizeObserver on the root element hears every change of layout (a Result drawn, a panel opened, the
// frame made narrower); a burst of changes is measured once, 40 ms after its first, so at most 25 messages a second.
const SETTLE_MS = 40;

// onHeight(height) is called with the new height in whole CSS pixels. Returns {measure}: report now if changed.
export function watchHeight(onHeight, root = document.documentElement) {
  let last = -1;
  let timer = 0;
  const measure = () => {
    clearTimeout(timer);
    timer = 0;
    // The root's own box, not scrollHeight: scrollHeight never drops below the frame's current height.
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      onHeight(height);
    }
  };
  const schedule = () => {
    if (!timer) timer = setTimeout(measure, SETTLE_MS);
  };
  new ResizeObserver(schedule).observe(root);
  window.addEventListener('resize', schedule);
  return { measure };
}
