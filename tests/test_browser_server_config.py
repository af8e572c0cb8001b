"""The served app with .streamlit/config.toml: the settings for a public class server.

Checked on a real ``streamlit run`` (the settings act in the server, not in
AppTest): cross-origin websockets refused, no CORS wildcard, no error details
for students, uploads capped.
"""

import sys
import urllib.request

import pytest

from tests.support import ROOT, served, wait_idle

# One worker runs the module (pytest-xdist): its probe app starts once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser_server_config")]


def _open_websocket(url: str, origin: str) -> int | str:
    """101 when the server accepts the app's websocket from ``origin``, else the
    HTTP status it refused with (or what went wrong, for the assertion message).

    The sync client: Playwright's sync API keeps an event loop running on this
    thread once a browser test has run, so asyncio.run() is not available here.
    """
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    try:
        # Generous: the shared test server may still be busy with earlier tests' pages.
        with connect(url.replace("http", "ws", 1) + "/_stcore/stream", origin=origin,
                     subprotocols=["streamlit"], open_timeout=120):
            return 101
    except InvalidStatus as refused:
        return refused.response.status_code
    except Exception as error:  # reported by the assertion
        return repr(error)


def test_websocket_from_another_site_is_refused(server_url):
    # enableCORS = true: a page on another site cannot drive a student's session.
    assert _open_websocket(server_url, "http://ev.il") == 403
    assert _open_websocket(server_url, server_url) == 101


def test_no_cors_wildcard(server_url):
    request = urllib.request.Request(f"{server_url}/_stcore/health",
                                     headers={"Origin": "http://ev.il"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        assert reply.headers.get("Access-Control-Allow-Origin") is None


def test_config_file_settings():
    if sys.version_info < (3, 11):
        pytest.skip("tomllib needs Python 3.11")
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableCORS"] is True
    assert config["server"]["maxUploadSize"] <= 1
    assert config["client"]["showErrorDetails"] == "none"


@pytest.fixture(scope="module")
def error_url():
    with served("tests/apps/error_probe.py") as url:
        yield url


def test_students_see_no_error_details(browser, error_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(error_url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stException']", timeout=120_000)
    wait_idle(page)
    shown = page.locator("[data-testid='stException']").inner_text()
    context.close()
    assert "error" in shown.lower()  # the student is told something went wrong
    for detail in ("secret-detail", "ValueError", "/srv/", "Traceback", ".py"):
        assert detail not in shown, (detail, shown)
