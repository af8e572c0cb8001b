"""Stepping through a lesson plan in presenter view, in real headless Chromium at
1024 × 768: next / previous land on the item's lesson with its slider values on the
screen and in the URL, and the projected page never shows the key."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from components.storage.class_plans import ClassPlans, checked_view
from components.storage.class_store import ClassStore
from components.ui.i18n import t
from tests.support import open_page, screen_tab, wait_idle
from tests.test_browser_room import _arrive, _assert_sliders_match_url

pytestmark = pytest.mark.browser


def _view(page, **params):
    return checked_view(page, {k: str(v) for k, v in params.items()})[0]


PLAN = [_view("gradients", a1=-1, v1=0.5), _view("accumulation", a1=1.5, calls=7, lr=0.1),
        _view("gradients", a1=2.5, b2=-3)]


def _query(tab) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(tab.url).query).items()}


def _button(tab, key: str):
    """The button with widget key ``key`` (a button with help is drawn twice, once hidden)."""
    return tab.locator(f".st-key-{key} [data-testid^='stBaseButton']:visible").first


def _position(tab) -> str:
    return tab.locator(".st-key-plan_panel [data-testid='stMarkdownContainer']").first.inner_text()


def _press(tab, key: str, path: str, expected: dict[str, str], position: str) -> None:
    """Press previous / next and wait for the item's lesson, values and position."""
    _button(tab, key).click()
    checks = " && ".join(f"location.search.includes('{name}={value}')"
                         for name, value in expected.items())
    tab.wait_for_function(f"() => location.pathname.endsWith('/{path}') && {checks}",
                          timeout=120_000)
    _arrive(tab, path)
    tab.wait_for_function("([sel, want]) => document.querySelector(sel)?.innerText"
                          ".endsWith(want)",
                          arg=[".st-key-plan_panel [data-testid='stMarkdownContainer']", position],
                          timeout=60_000)


def test_next_and_previous_step_the_projector_through_the_plan(browser, server_url,
                                                               class_database):
    store = ClassStore(class_database)
    try:
        new = store.create_class()
        ClassPlans(store).extend(new.code, new.key, PLAN)
    finally:
        store.dispose()
    lang = "ko"
    with screen_tab(browser, 1024, 768, lang) as tab:
        open_page(tab, server_url, "gradients",
                  f"lang={lang}&present=1&class={new.code}&key={new.key}", timeout=240_000)
        panel = tab.locator(".st-key-plan_panel")
        panel.wait_for(timeout=60_000)
        # Compact on the projector: one row (every button at the same height), on the
        # first screen.
        box = panel.bounding_box()
        assert box["height"] < 140 and box["y"] + box["height"] < 768, box
        tops = {round(_button(tab, key).bounding_box()["y"])
                for key in ("plan_prev", "plan_next", "plan_add")}
        assert len(tops) == 1, tops
        assert _position(tab).endswith(t("plan.position_off", lang, total=3))

        _press(tab, "plan_next", "gradients", {"a1": "-1", "v1": "0.5"}, "1 / 3")
        _assert_sliders_match_url(tab, "gradients", lang, {"a1": -1.0, "v1": 0.5})

        _press(tab, "plan_next", "accumulation", {"a1": "1.5", "calls": "7", "lr": "0.1"},
               "2 / 3")
        _assert_sliders_match_url(tab, "accumulation", lang,
                                  {"a1": 1.5, "calls": 7, "lr": 0.1})
        query = _query(tab)
        assert query["present"] == "1" and query["class"] == new.code

        _press(tab, "plan_next", "gradients", {"a1": "2.5", "b2": "-3"}, "3 / 3")
        _assert_sliders_match_url(tab, "gradients", lang, {"a1": 2.5, "b2": -3.0, "v1": 1.0})

        _press(tab, "plan_prev", "accumulation", {"a1": "1.5", "calls": "7"}, "2 / 3")
        _assert_sliders_match_url(tab, "accumulation", lang, {"a1": 1.5, "calls": 7, "lr": 0.1})
        wait_idle(tab)
        # The key is in the instructor's address bar only, never on the projected page.
        assert new.key not in tab.locator("[data-testid='stApp']").inner_text()
