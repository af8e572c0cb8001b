"""When the parts of ① first appear in the browser (shared by the browser test
and bench/bench_coldstart.py): the title, a slider, the progress line and the
first ResNet result, in milliseconds since the navigation started."""

from __future__ import annotations

from components.ui.i18n import t

# Installed before the page's own scripts: notes the first moment each part is in the DOM.
_WATCH_JS = """(marks) => {
  window.__firstSeen = {};
  const check = () => {
    const text = document.body ? document.body.innerText : '';
    for (const [name, [selector, words]] of Object.entries(marks)) {
      if (window.__firstSeen[name] !== undefined) continue;
      const found = Array.from(document.querySelectorAll(selector))
        .some(e => e.getBoundingClientRect().height > 0 && (!words || e.innerText.includes(words)));
      if (found) window.__firstSeen[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true,
                                                 characterData: true});
}"""


def marks(lang: str) -> dict[str, tuple[str, str]]:
    """Each part: a CSS selector and, if the selector alone is not enough, words it shows."""
    progress = t("resnet.progress.model", lang).split("…")[0][:12]
    return {
        "title": ("h1", t("resnet.title", lang)[:6]),
        "slider": ("[data-testid=stSlider]", ""),
        "progress": ("[data-testid=stMain] details, [data-testid=stMain] summary", progress),
        "result": ("h2", t("resnet.forward_title", lang)[:6]),
    }


def first_screen(page, base_url: str, lang: str = "en", timeout: float = 300_000) -> dict:
    """Open ① and return when each part first appeared (ms), once the result is there."""
    page.add_init_script(f"({_WATCH_JS})({__import__('json').dumps(marks(lang))})")
    page.goto(f"{base_url}/resnet?lang={lang}", wait_until="domcontentloaded")
    page.wait_for_function("() => window.__firstSeen && window.__firstSeen.result !== undefined",
                           timeout=timeout)
    return page.evaluate("window.__firstSeen")
