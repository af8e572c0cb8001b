"""Import torch once for the whole session (~3 s) and serve the app for browser tests."""

import pytest
import torch  # noqa: F401  (warm import: AppTest runs would each pay for it otherwise)

from tests.support import launch_chromium, start_server


@pytest.fixture(scope="session")
def server_url():
    """The dashboard served by a real ``streamlit run`` on loopback."""
    proc, url = start_server()
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except Exception:
        proc.kill()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ko-KR")
    tab = context.new_page()
    yield tab
    context.close()
