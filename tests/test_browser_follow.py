"""The room follows the projector (issue #28 §1), in real headless Chromium.

The instructor at 1024×768 opens /class with the key, presents ② with its
"present" link, moves a₁, goes on to ③ and moves ``calls``; three phones
(390×844, touch; two in Korean, one in English) joined the class first. Each
phone shows the instructor's lesson with the same values, in its slider and
in its address, within 5 s of the instructor's page settling. A phone that
switches ``follow`` off stays where it is; switched on, it returns. No phone
ever holds the key (address, links, page), and the projected address bar
never shows it either. Loopback only.
"""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest

from components.storage.class_store import ClassStore, default_url
from components.ui.i18n import t
from tests.support import screen_tab, slider_handle, wait_idle

pytestmark = pytest.mark.browser

FOLLOW_SECONDS = 5.0
PHONE_LANGS = ("ko", "en", "ko")

# True when the page is the lesson ``slug`` and control ``name`` shows ``value``
# in its slider and in the address.
_SHOWS_JS = """([slug, name, value]) => {
  if (!location.pathname.endsWith('/' + slug)) return false;
  if (new URLSearchParams(location.search).get(name) !== value) return false;
  const input = document.querySelector(`.st-key-${name} input[type=range]`);
  return !!input && Number(input.value) === Number(value);
}"""


def _query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def _wait_all_show(phones, slug: str, name: str, value: str, since: float) -> list[float]:
    """Wait until every phone shows ``value``; the seconds each took after ``since``."""
    took = []
    for phone in phones:
        left = max(0.1, since + FOLLOW_SECONDS - time.monotonic())
        phone.wait_for_function(_SHOWS_JS, arg=[slug, name, value], timeout=left * 1000)
        took.append(time.monotonic() - since)
    return took


def _assert_no_key(page, key: str) -> None:
    assert key not in page.url
    assert not page.evaluate("(k) => document.documentElement.outerHTML.includes(k)", key)
    hrefs = page.evaluate("() => Array.from(document.links, a => a.href)")
    assert not any(key in href for href in hrefs)


def _move(page, name: str, key: str, presses: int) -> tuple[str, float]:
    """Press an arrow on slider ``name`` and wait for the run: the value it settled
    on, and when the first key was pressed (the clock of "within 5 s")."""
    before = _query(page).get(name)
    slider_handle(page, name).focus()
    started = time.monotonic()
    for _ in range(abs(presses)):
        page.keyboard.press(key)
    page.wait_for_function("([n, v]) => new URLSearchParams(location.search).get(n) !== v",
                           arg=[name, before], timeout=60_000)
    wait_idle(page)
    return _query(page)[name], started


def test_three_phones_follow_the_projector(browser, server_url):
    store = ClassStore(default_url())
    try:
        new = store.create_class()
    finally:
        store.dispose()
    code, key = new.code, new.key
    with screen_tab(browser, 1024, 768, "ko") as teacher, \
            screen_tab(browser, 390, 844, "ko", phone=True) as p1, \
            screen_tab(browser, 390, 844, "en", phone=True) as p2, \
            screen_tab(browser, 390, 844, "ko", phone=True) as p3:
        phones = [p1, p2, p3]
        for phone, lang in zip(phones, PHONE_LANGS, strict=True):
            phone.goto(f"{server_url}/gradients?class={code}&predict=1&lang={lang}",
                       wait_until="domcontentloaded")
        teacher.goto(f"{server_url}/class?class={code}&key={key}&lang=ko&present=1",
                     wait_until="domcontentloaded")
        label = t("class.present_link", "ko", title=t("nav.gradients", "ko"))
        teacher.get_by_role("link", name=label).click(timeout=120_000)
        teacher.wait_for_url("**/gradients?**", timeout=60_000)
        teacher.wait_for_selector(".st-key-a1 input[type=range]", timeout=120_000)
        wait_idle(teacher, timeout=120_000)
        # Presenting: the projected address bar does not show the key.
        assert "key" not in _query(teacher) and _query(teacher)["present"] == "1"
        for phone in phones:
            wait_idle(phone, timeout=120_000)

        # ② a₁: 2 → 1.5
        value, started = _move(teacher, "a1", "ArrowLeft", 5)
        assert value == "1.5"
        took = _wait_all_show(phones, "gradients", "a1", value, started)
        print("② a1 followed after", [round(s, 2) for s in took], "s")

        # ③ by the next-lesson link, then calls 3 → 5
        teacher.get_by_role("link", name=t("top.next", "ko",
                                           title=t("nav.accumulation", "ko"))).last.click()
        teacher.wait_for_url("**/accumulation?**", timeout=60_000)
        teacher.wait_for_selector(".st-key-calls input[type=range]", timeout=120_000)
        wait_idle(teacher, timeout=120_000)
        assert "key" not in _query(teacher)
        value, started = _move(teacher, "calls", "ArrowRight", 2)
        assert value == "5"
        took = _wait_all_show(phones, "accumulation", "calls", value, started)
        print("③ calls followed after", [round(s, 2) for s in took], "s")
        for phone, lang in zip(phones, PHONE_LANGS, strict=True):
            assert _query(phone)["lang"] == lang  # each phone keeps its own language
            assert _query(phone)["a1"] == "1.5"   # the tensors came along
            assert _query(phone)["predict"] == "1"

        # Phone 1 explores on its own: it stays at 5 while the others follow to 6.
        p1.locator(".st-key-follow label").first.click()
        p1.wait_for_function("() => location.search.includes('follow=0')", timeout=30_000)
        wait_idle(p1)
        value, started = _move(teacher, "calls", "ArrowRight", 1)
        assert value == "6"
        _wait_all_show(phones[1:], "accumulation", "calls", value, started)
        p1.wait_for_timeout(1500)  # more than one poll
        assert _query(p1)["calls"] == "5"
        # Back on: the projector's view at once.
        p1.locator(".st-key-follow label").first.click()
        _wait_all_show([p1], "accumulation", "calls", "6", time.monotonic())
        assert "follow" not in _query(p1)

        for tab in (*phones, teacher):
            _assert_no_key(tab, key)
            assert tab.locator("[data-testid='stException']").count() == 0
