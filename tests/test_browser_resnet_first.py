"""① on a cold server: its text and controls come first, the heavy parts stream
in after a progress line. Order only (a loaded host makes any fixed time
flaky); bench/bench_coldstart.py prints the seconds on a quiet machine."""

from __future__ import annotations

import pytest

from tests.resnet_first_screen import first_screen
from tests.support import start_server, stop_server

pytestmark = pytest.mark.browser


def test_on_a_fresh_server_the_title_and_a_slider_come_before_the_first_resnet_result(browser):
    proc, url = start_server()  # fresh: no model built, no result cached
    try:
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                      has_touch=True)
        try:
            seen = first_screen(context.new_page(), url, "en")
        finally:
            context.close()
    finally:
        stop_server(proc)
    assert set(seen) == {"title", "slider", "progress", "result"}, seen
    assert seen["title"] < seen["result"] and seen["slider"] < seen["result"], seen
    assert seen["progress"] < seen["result"], seen
