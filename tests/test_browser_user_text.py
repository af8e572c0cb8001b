"""Hostile text in headless Chromium: shown as typed, no link, image or request outside.

Two views: a probe page that shows every payload through each path of
``components/ui/user_text.py`` (what Streamlit's real markdown renderer makes
of ``literal``), and every page of the dashboard opened with the payloads in
its URL (home and ``components.ui.pages.LESSONS``, every control of
``controls_for(page)`` plus ``lang``).
"""

import re
from urllib.parse import quote, urlsplit

import pytest

from components.ui.pages import HOME, LESSONS
from components.ui.schema import LANG, controls_for
from components.ui.user_text import plain
from tests.hostile import PAYLOADS
from tests.support import ROOT, served, wait_idle

# One worker runs the module (pytest-xdist): its probe app starts once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser_user_text")]

NAMES = list(PAYLOADS)

# Links the project wrote itself (the lessons cite a video, the docs): allowed as <a>.
AUTHORED_LINKS = sorted({
    url for folder in ("pages", "components") for path in (ROOT / folder).rglob("*.py")
    for url in re.findall(r"https?://[A-Za-z0-9][^\s\"'<>)\]`]*", path.read_text())
})

# In the page: every element that can fetch or navigate, and the attribute that says where.
OUTSIDE_JS = """
([origin, authored]) => {
  const found = [];
  const attrs = {a: 'href', img: 'src', iframe: 'src', script: 'src', link: 'href',
                 source: 'src', video: 'src', audio: 'src', object: 'data', embed: 'src',
                 form: 'action', image: 'href', use: 'href'};
  for (const [tag, attr] of Object.entries(attrs)) {
    for (const el of document.querySelectorAll(tag)) {
      const value = el.getAttribute(attr) || el.getAttribute('xlink:href');
      if (!value) continue;
      const url = new URL(value, document.baseURI);
      if (['data:', 'blob:'].includes(url.protocol) && tag !== 'a') continue;
      if (tag === 'a' && authored.includes(value)) continue;
      if (url.origin !== origin) found.push(tag + ' ' + attr + '=' + value);
    }
  }
  for (const el of document.querySelectorAll('iframe, object, embed, frame')) {
    found.push('embedded ' + el.tagName);
  }
  // Attributes that fetch, navigate, style or run code never carry user text.
  const active = /^(on|href$|src$|srcset$|action$|formaction$|data$|poster$|background$|style$|xlink:href$)/;
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (active.test(a.name) && /ev\\.il|pwn/.test(a.value)) {
        found.push(el.tagName + ' ' + a.name + '=' + a.value);
      }
    }
  }
  return found;
}
"""

# Text nodes that carry a marker and are not inside a code span, a plain-text element or the URL.
MARKER_TEXT_JS = """
() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!/ev\\.il|pwn/.test(node.nodeValue)) continue;
    const el = node.parentElement;
    if (el.closest('code, [data-testid="stText"], [data-testid="stCode"]')) continue;
    found.push(el.tagName + ': ' + node.nodeValue);
  }
  for (const el of document.querySelectorAll('.katex, script:not([src])')) {
    if (/ev\\.il|pwn/.test(el.textContent)) found.push('interpreted ' + el.className);
  }
  return found;
}
"""


def watch_requests(context, origin: str) -> list[str]:
    """Abort and record every request to a host other than the app's."""
    outside = []

    def route(route):
        if urlsplit(route.request.url)._replace(path="", query="", fragment="").geturl() == origin:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    context.on("websocket", lambda ws: None if ws.url.split("/")[2] == origin.split("/")[2]
               else outside.append(ws.url))
    return outside


@pytest.fixture(scope="module")
def probe_url():
    with served("tests/apps/user_text_probe.py") as url:
        yield url


def test_streamlit_renders_literal_text_exactly(browser, probe_url):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    outside = watch_requests(context, probe_url)
    page = context.new_page()
    page.goto(probe_url, wait_until="domcontentloaded")
    page.wait_for_selector(".st-key-plotly .js-plotly-plot", timeout=120_000)
    wait_idle(page)
    wrong = []
    for number, (name, payload) in enumerate(PAYLOADS.items()):
        sentence = f"value {plain(payload)} end"
        for kind, expected in (("markdown", sentence), ("warning", sentence),
                               ("caption", sentence), ("label", plain(payload)),
                               ("text", plain(payload))):
            box = page.locator(f".st-key-{kind}_{number}")
            where = {"text": "[data-testid='stText']",
                     "caption": "[data-testid='stCaptionContainer']"}.get(
                         kind, "[data-testid='stMarkdownContainer']")
            shown = box.locator(where).first.evaluate("e => e.textContent")
            if shown.replace("\u2060", "") != expected:
                wrong.append(f"{name} in {kind}: {shown!r} != {expected!r}")
            tags = box.locator(where).first.evaluate(
                "e => [...e.querySelectorAll('a, img, iframe, script, .katex, strong, em, del,"
                " h1, h2, span[class*=material], span[data-stale]')].map(x => x.tagName)")
            if tags:
                wrong.append(f"{name} in {kind}: interpreted as {tags}")
    annotations = page.locator(".st-key-plotly .annotation-text").evaluate_all(
        "els => els.map(e => e.textContent)")
    if annotations != [plain(p) for p in PAYLOADS.values()]:
        wrong.append(f"plotly annotations {annotations!r}")
    wrong += page.evaluate(OUTSIDE_JS, [probe_url, AUTHORED_LINKS])
    context.close()
    assert not wrong, "\n".join(wrong)
    assert not outside, outside


def hostile_query(page: str, offset: int) -> dict[str, str]:
    """A different payload in every parameter of the page (``lang`` included).

    The last parameter always gets the issue's own link (a backtick, then a
    markdown link), so every page is tried with it.
    """
    params = [LANG.name, *(c.name for c in controls_for(page))]
    keys = [NAMES[(offset + i) % len(NAMES)] for i in range(len(params))]
    if "backtick_then_link" not in keys:
        keys[-1] = "backtick_then_link"
    return {name: PAYLOADS[key] for name, key in zip(params, keys, strict=True)}


@pytest.mark.parametrize("number, slug", list(enumerate([HOME[0], *(s for s, _ in LESSONS)])))
def test_hostile_links_reach_nothing_outside_the_app(browser, server_url, number, slug):
    # Offsets spread the pages over the corpus: with today's 33 parameters every
    # payload is on some page.
    query = hostile_query(slug, offset=number * 7)
    path = "" if slug == HOME[0] else slug
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside = watch_requests(context, server_url)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    address = f"{server_url}/{path}?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in query.items())
    page.goto(address, wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=120_000)
    wait_idle(page, timeout=120_000)
    # The warning's markdown body can paint a moment after the run ends (seen on
    # lesson ⑤, whose page runs a little longer): wait for its text, not just the box.
    page.wait_for_function(
        "() => { const e = document.querySelector(\"[data-testid='stAlertContentWarning'] "
        "[data-testid='stMarkdownContainer']\"); return e && e.textContent.includes('URL'); }",
        timeout=60_000)
    warning = page.locator("[data-testid='stAlertContentWarning']").first
    shown = warning.evaluate("e => e.textContent").replace("\u2060", "")
    injected = page.evaluate(OUTSIDE_JS, [server_url, AUTHORED_LINKS]) + page.evaluate(MARKER_TEXT_JS)
    context.close()
    assert not injected, injected
    assert not outside, outside
    assert not errors, errors
    # Not vacuous: the warning repeats each refused value as typed.
    for name, value in query.items():
        assert plain(value) in shown, (name, value, shown)
