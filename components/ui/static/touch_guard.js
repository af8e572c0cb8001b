// Phones: a swipe that starts on a Streamlit slider's knob scrolls the page and
// leaves the value alone, unless it is a deliberate horizontal drag.
//
// st.slider is React Aria's slider: pointerdown on the knob starts a move, and
// every pointermove that reaches the document moves the value by its sideways
// delta. app.css gives the knob `touch-action: pan-y`, so the browser scrolls
// a vertical swipe and then cancels the pointer; but the pointermoves it sends
// before that (the few pixels before it decides to scroll, and any sideways
// drift of the thumb) still moved the value (18 px of drift: b₂ 4.0 → 4.1).
// Here, in the capture phase on window (before React Aria's listener on the
// document), a touch that starts on a slider holds back its pointermoves until
// the gesture is decided: horizontal (|dx| > LOCK_PX and |dx| > |dy|) lets them
// through, and the first one that passes carries the whole distance (React Aria
// measures from the last move it saw); vertical keeps them back to the end.
const LOCK_PX = 10;

function install(win) {
  const doc = win.document;
  let gesture = null; // {id, x, y, mode: "undecided" | "horizontal" | "vertical"}
  const onDown = (event) => {
    gesture = null;
    if (event.pointerType !== "touch" || !event.isPrimary) return;
    if (!event.target.closest || !event.target.closest('[data-testid="stSlider"]')) return;
    gesture = { id: event.pointerId, x: event.clientX, y: event.clientY, mode: "undecided" };
  };
  const onMove = (event) => {
    if (!gesture || event.pointerId !== gesture.id) return;
    if (gesture.mode === "undecided") {
      const dx = Math.abs(event.clientX - gesture.x);
      const dy = Math.abs(event.clientY - gesture.y);
      if (dx > LOCK_PX && dx > dy) gesture.mode = "horizontal";
      else if (dy > LOCK_PX && dy >= dx) gesture.mode = "vertical";
    }
    if (gesture.mode !== "horizontal") event.stopImmediatePropagation();
  };
  const onEnd = (event) => {
    if (gesture && event.pointerId === gesture.id) gesture = null;
  };
  win.addEventListener("pointerdown", onDown, true);
  win.addEventListener("pointermove", onMove, true);
  win.addEventListener("pointerup", onEnd, true);
  win.addEventListener("pointercancel", onEnd, true);
}

export default function (component) {
  // Once per browser tab: the page's own window outlives Streamlit's page changes.
  const win = component.parentElement.ownerDocument.defaultView;
  if (!win || win.autogradLabTouchGuard) return;
  win.autogradLabTouchGuard = true;
  install(win);
}
