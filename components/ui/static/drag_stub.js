// The drag figure's component script, kept tiny because Streamlit sends a
// component's script with every run of every element: the figure's own code
// (drag_slider.js, ~20 KB) travels once per browser session as an asset, is
// kept by digest for the tab and imported once from a blob: URL.
//
// An asset shared by several figures (that code, ④'s map) comes with the
// first of them; a figure mounted before that one waits for it a moment
// before it asks Python to send it again.
const WAIT_MS = 3000;
const STORED = "autograd-lab-stored";

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  if (!window.__autogradLabFigures) window.__autogradLabFigures = new Map();
  if (!window.__autogradLabModules) window.__autogradLabModules = new Map();
  const store = window.__autogradLabFigures;
  const modules = window.__autogradLabModules;
  const fresh = Object.entries(data.assets || {});
  for (const [digest, value] of fresh) store.set(digest, value);
  if (fresh.length) window.dispatchEvent(new Event(STORED));
  let cleanup = null;
  let gone = false;
  let waiting = null;
  const stop = () => {
    if (!waiting) return;
    window.removeEventListener(STORED, waiting.listener);
    clearTimeout(waiting.timer);
    waiting = null;
  };
  const start = () => {
    const have = (d) => store.has(d) || (d === data.lib && modules.has(d));
    const lacking = [data.lib, data.digest, ...(data.needs || [])].filter((d) => !have(d));
    if (lacking.length) {
      if (!waiting) {
        const listener = () => { if (!gone) start(); };
        const timer = setTimeout(() => {
          stop();
          if (gone) return;
          // Still not here: this tab lacks it (a fresh window). One figure asks (the
          // next run then sends the session everything again); the others wait for it.
          const missing = lacking.find((d) => !have(d));
          if (!missing) { start(); return; }
          const recently = Date.now() - (window.__autogradLabAsked || 0) < WAIT_MS;
          if (!recently && parentElement.__asked !== missing) {
            parentElement.__asked = missing;
            window.__autogradLabAsked = Date.now();
            setTriggerValue("missing", missing);
          } else if (recently) {
            start();
          }
        }, WAIT_MS);
        window.addEventListener(STORED, listener);
        waiting = { listener, timer };
      }
      return;
    }
    stop();
    let loading = modules.get(data.lib);
    if (!loading) {
      const url = URL.createObjectURL(new Blob([store.get(data.lib)], { type: "text/javascript" }));
      loading = import(url).then((lib) => { URL.revokeObjectURL(url); return lib; });
      modules.set(data.lib, loading);
    }
    loading.then((lib) => { if (!gone) cleanup = lib.default(component); });
  };
  start();
  return () => {
    gone = true;
    stop();
    if (cleanup) cleanup();
  };
}
