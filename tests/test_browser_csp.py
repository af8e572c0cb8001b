"""Every page behind deploy/nginx.conf: security headers sent, zero CSP violations.

nginx runs unprivileged on loopback in front of the test server, with the very
file we ship (deploy/try_replicas.py's set-up). ``make test`` installs nginx
(browser-deps); without it these tests are skipped.
"""

import base64
import hashlib
import re
import urllib.request
from pathlib import Path

import pytest

from components.ui.pages import HOME, LESSONS
from deploy.try_replicas import find_nginx, nginx_in_front
from tests.support import ROOT, slider_handle, wait_idle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(find_nginx() is None, reason="nginx not installed (make browser-deps)"),
    # One worker runs the module (pytest-xdist): its nginx starts once.
    pytest.mark.xdist_group("browser_csp"),
]

NGINX_CONF = (ROOT / "deploy" / "nginx.conf").read_text()

# Records every CSP violation the page reports, from the first script on.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));
"""


def csp_directives(policy: str) -> dict[str, list[str]]:
    return {parts[0]: parts[1:] for parts in (d.split() for d in policy.split(";")) if parts}


@pytest.fixture(scope="module")
def proxied_url(server_url):
    port = int(server_url.rsplit(":", 1)[1])
    # One replica is enough here: both upstream entries point at it.
    with nginx_in_front([port, port]) as (base, _):
        yield base


def test_csp_hash_matches_streamlits_inline_script():
    """The one inline <script> of Streamlit's index.html is allowed by its hash."""
    import streamlit

    index = (Path(streamlit.__file__).parent / "static" / "index.html").read_text()
    scripts = re.findall(r"<script>(.*?)</script>", index, flags=re.S)
    assert scripts, "Streamlit's index.html has no inline script any more: drop the hash"
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in NGINX_CONF, (
            f"Streamlit changed its inline script; put 'sha256-{digest}' in deploy/nginx.conf")


def test_security_headers_are_sent(proxied_url):
    for path in ("/", "/gradients?lang=en", "/static/js/does-not-exist.js"):
        try:
            reply = urllib.request.urlopen(proxied_url + path, timeout=10)
        except urllib.error.HTTPError as error:  # 404: headers must be there too ("always")
            reply = error
        headers = reply.headers
        policy = csp_directives(headers["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"]
        for directive in ("script-src", "style-src", "img-src", "font-src", "connect-src"):
            sources = policy[directive]
            # Only this site (and data:/blob:) — never a wildcard or another host.
            assert "'self'" in sources and "*" not in sources, (directive, sources)
            assert all(s.startswith(("'", "data:", "blob:")) or s.endswith("127.0.0.1:" +
                       proxied_url.rsplit(":", 1)[1]) for s in sources), (directive, sources)
        assert "'unsafe-eval'" not in policy["script-src"]
        assert "'unsafe-inline'" not in policy["script-src"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("slug", [HOME[0], *(s for s, _ in LESSONS)])
def test_page_renders_behind_the_csp_without_violations(browser, proxied_url, slug):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on("console", lambda m: console.append(m.text)
            if "Content Security Policy" in m.text or "Refused to" in m.text else None)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    path = "" if slug == HOME[0] else slug
    page.goto(f"{proxied_url}/{path}?lang=en", wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=120_000)
    wait_idle(page, timeout=120_000)
    if slug != HOME[0]:
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
        if slug in ("gradients", "accumulation", "optimizer"):
            # The live figures' code is imported from a blob: URL: allowed, and drawn.
            page.wait_for_function(
                "() => [...document.querySelectorAll('*')].some(e => e.shadowRoot &&"
                " e.shadowRoot.querySelector(\".drag-slider[data-follow='ok'] svg.figure\"))",
                timeout=120_000)
        page.wait_for_timeout(500)  # fonts, KaTeX and images finish loading
    broken_images = page.evaluate(
        "() => [...document.images].filter(i => i.complete && i.naturalWidth === 0)"
        ".map(i => i.src.slice(0, 60))")
    violations = page.evaluate("() => window.__csp")
    exceptions = page.locator("[data-testid='stException']").count()
    context.close()
    assert not violations, violations
    assert not console, console
    assert not errors, errors
    assert not broken_images, broken_images
    assert exceptions == 0


def test_websocket_reruns_and_the_csp_blocks_injected_content(browser, proxied_url):
    """A slider move goes over the websocket through nginx and the page reruns;
    an image from another host and an inline script, were they ever injected,
    are blocked by the browser (the CSP is enforced, not only sent)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(RECORD_VIOLATIONS)
    # Nothing may leave the machine even if the CSP failed: abort other hosts.
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(proxied_url) else route.abort())
    page = context.new_page()
    page.goto(f"{proxied_url}/gradients?lang=en", wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=120_000)
    wait_idle(page, timeout=120_000)
    slider_handle(page, "a1").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('a1=2.1')", timeout=60_000)
    wait_idle(page, timeout=60_000)
    assert page.evaluate("() => window.__csp") == []
    page.evaluate("""() => {
      const img = document.createElement('img');
      img.src = 'https://ev.il/p.png';
      document.body.appendChild(img);
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.appendChild(script);
    }""")
    page.wait_for_function("() => window.__csp.length >= 2", timeout=10_000)
    violations = page.evaluate("() => window.__csp")
    ran = page.evaluate("() => window.__ran === true")
    context.close()
    assert any(v.startswith("img-src blocked https://ev.il/p.png") for v in violations), violations
    assert any(v.startswith("script-src-elem blocked inline") for v in violations), violations
    assert not ran
