"""A class's links and pages in real headless Chromium (issue 24): QR codes that
reach the room, a key that is never projected, a lesson on the projector's
first screen, and every slider equal to its URL after moving between lessons.

The app listens on every interface, as for a class; the tests only ever talk to
it on 127.0.0.1. A QR code's LAN address is decoded and compared, never opened:
the same path and query are opened on loopback instead.
"""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from components.ui.controls import _option_label
from components.ui.i18n import t
from components.ui.schema import controls_for, parse
from components.ui.share import STUDENT_PARAMETERS
from tests.support import open_page, screen_tab, start_server, stop_server, wait_idle

pytestmark = pytest.mark.browser

SHARE_QR = ".st-key-share_panel [data-testid='stImage'] img"
LARGE_QR = "[role='dialog'] [data-testid='stImage'] img"
JOIN_QR = ".st-key-class_join [data-testid='stImage'] img"


@pytest.fixture(scope="module")
def room_url():
    """The dashboard listening on every interface (``--server.address 0.0.0.0``)."""
    proc, url = start_server(extra_args=("--server.address", "0.0.0.0"))
    try:
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def lan_ip():
    """This machine's LAN address as Streamlit finds it (a UDP socket's own address;
    no packet is sent)."""
    from streamlit import net_util

    address = net_util.get_internal_ip()
    assert address and not address.startswith("127."), "the test needs a LAN address"
    return address


_tab = screen_tab


def _decode(png: bytes) -> list[str]:
    import zxingcpp
    from PIL import Image

    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def _rendered_qr(tab, selector: str) -> str:
    """The text of the QR code ``selector`` as drawn on the screen."""
    image = tab.locator(selector).first
    image.scroll_into_view_if_needed()
    tab.wait_for_function(f"() => {{ const i = document.querySelector({selector!r}); "
                          "return i && i.complete && i.naturalWidth > 0; }", timeout=30_000)
    for _ in range(20):
        wait_idle(tab)
        codes = _decode(image.screenshot())
        if codes:
            break
        tab.wait_for_timeout(500)
    assert len(codes) == 1
    return codes[0]


def _served_qr(tab, selector: str) -> str:
    """The text of the QR code ``selector`` from the image the server sent."""
    src = tab.locator(selector).first.get_attribute("src")
    [text] = _decode(tab.request.get(urljoin(tab.url, src)).body())
    return text


def _check_student_link(link: str, lan_ip: str, server: str, path: str) -> dict:
    parts = urlsplit(link)
    assert parts.scheme == "http" and parts.hostname == lan_ip, link
    assert parts.port == urlsplit(server).port and parts.path == path, link
    query = parse_qs(parts.query)
    assert set(query) <= STUDENT_PARAMETERS and not {"present", "key"} & set(query), link
    return query


_FIRST_CONTENT_JS = """() => {
  const panel = document.querySelector('.st-key-share_panel');
  const after = [...document.querySelectorAll('[data-testid=stMain] [data-testid=stMarkdownContainer] p')]
    .filter(p => !p.closest('.st-key-share_panel, .st-key-top_bar')
            && (panel.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING));
  const r = after[0].getBoundingClientRect();
  const box = panel.getBoundingClientRect();
  return {text: after[0].innerText.slice(0, 30), top: r.top, panel: box.height};
}"""


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_presenter_lesson_starts_on_the_first_screen_and_its_qr_reaches_the_room(
        browser, room_url, lan_ip, lang):
    with _tab(browser, 1024, 768, lang) as tab:
        open_page(tab, room_url, "gradients", f"lang={lang}&present=1&a1=-1", charts=True)
        wait_idle(tab)
        first = tab.evaluate(_FIRST_CONTENT_JS)
        # The lesson's first paragraph starts on the first screen, with room for a line.
        assert first["top"] + 40 < 768, first
        assert first["panel"] < 200, first
        small = _served_qr(tab, SHARE_QR)
        query = _check_student_link(small, lan_ip, room_url, "/gradients")
        assert query["a1"] == ["-1"] and query["lang"] == [lang]
        assert tab.locator(SHARE_QR).first.bounding_box()["width"] < 150
        # The large QR code opens on demand (a dialog): at least 300 px, the same link,
        # readable from the screen, with the link as text.
        tab.locator(".st-key-share_qr_large button").first.click()
        tab.wait_for_selector(LARGE_QR, timeout=30_000)
        assert tab.locator(LARGE_QR).first.bounding_box()["width"] >= 300
        assert _rendered_qr(tab, LARGE_QR) == small
        dialog = tab.locator("[role='dialog']")
        assert small in dialog.locator("[data-testid='stCode']").inner_text().replace("\n", "")
        # The whole code is on the screen (a phone cannot read half of one).
        box = tab.locator(LARGE_QR).first.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 768, box
    # What a phone gets from it: this view, not the presenter's layout.
    parts = urlsplit(small)
    with _tab(browser, 390, 844, lang, phone=True) as phone:
        open_page(phone, room_url, parts.path.lstrip("/"), parts.query)
        assert phone.locator(".st-key-share_panel").count() == 0
        assert phone.locator(".st-key-a1 input[type='range']").first.get_attribute("value") == "-1"
        assert "present=0" in phone.url


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_class_on_the_projector_shows_the_join_qr_and_never_the_key(browser, room_url, lan_ip,
                                                                    lang):
    with _tab(browser, 1024, 768, lang) as tab:
        open_page(tab, room_url, "class", f"lang={lang}&present=1")
        tab.locator(".st-key-start_class button").click()
        tab.wait_for_function("() => location.search.includes('key=')", timeout=60_000)
        wait_idle(tab)
        tab.wait_for_selector(JOIN_QR, timeout=30_000)
        tab.wait_for_function(f"() => document.querySelector({JOIN_QR!r}).complete", timeout=30_000)
        # The whole join QR code is on the projector's first screen.
        box = tab.locator(JOIN_QR).first.bounding_box()
        assert box["width"] >= 300 and 0 <= box["y"] and box["y"] + box["height"] <= 768, box
        query = parse_qs(urlsplit(tab.url).query)
        code, key = query["class"][0], query["key"][0]
        assert key not in tab.evaluate("() => document.body.innerText")
        assert tab.locator(".st-key-share_panel").count() == 0
        assert t("class.key_not_projected", lang) in tab.evaluate("() => document.body.innerText")
        # Every QR code on the page: none carries the key; the join code reaches the room.
        images = tab.locator("[data-testid='stMain'] [data-testid='stImage'] img")
        assert images.count() == 1
        join = _rendered_qr(tab, JOIN_QR)
        assert key not in join
        assert _check_student_link(join, lan_ip, room_url, "/gradients") == {
            "class": [code], "predict": ["1"], "lang": [lang]}
        assert tab.locator(JOIN_QR).first.bounding_box()["width"] >= 300
        size = tab.evaluate("() => parseFloat(getComputedStyle(document.querySelector("
                            "'.st-key-class_join [data-testid=stMetricValue]')).fontSize)")
        assert size >= 48
        assert tab.locator(".st-key-class_join [data-testid='stMetricValue']").inner_text() == code


def test_the_share_qr_follows_a_slider_in_a_fragment(browser, room_url, lan_ip):
    """③'s lr slider lives in a fragment; in presenter view it reruns the page, so
    the share panel's QR code holds the new value."""
    with _tab(browser, 1024, 768, "en") as tab:
        open_page(tab, room_url, "accumulation", "lang=en&present=1", charts=True)
        before = _check_student_link(_served_qr(tab, SHARE_QR), lan_ip, room_url, "/accumulation")
        assert before["lr"] == ["0.01"]
        old_src = tab.locator(SHARE_QR).first.get_attribute("src")
        tab.locator(".st-key-lr input[type='range']").first.focus()
        tab.keyboard.press("ArrowRight")
        tab.wait_for_function("() => location.search.includes('lr=0.03')", timeout=30_000)
        wait_idle(tab)
        tab.wait_for_function(f"() => document.querySelector({SHARE_QR!r})?.src "
                              f"&& !document.querySelector({SHARE_QR!r}).src.endsWith("
                              f"{old_src.rsplit('/', 1)[-1]!r})", timeout=30_000)
        after = _check_student_link(_served_qr(tab, SHARE_QR), lan_ip, room_url, "/accumulation")
        assert after["lr"] == ["0.03"]


# ---- one page, one truth -------------------------------------------------------------


def _slider_values(tab, slug: str) -> dict:
    """Each slider's value on the screen (st.slider, select slider and drag slider), by key."""
    shown = {}
    for control in controls_for(slug):
        if control.widget not in ("slider", "select_slider"):
            continue
        for key in (control.name, f"{control.name}_drag"):
            handle = tab.locator(f".st-key-{key} input[type='range']")
            if handle.count() == 0:
                continue
            text = handle.first.get_attribute("aria-valuetext")
            shown[key] = (control, text if text is not None
                          else handle.first.get_attribute("value"))
    return shown


def _assert_sliders_match_url(tab, slug: str, lang: str, expected: dict | None = None) -> None:
    query = {name: values[0] for name, values in parse_qs(urlsplit(tab.url).query).items()}
    shown = _slider_values(tab, slug)
    assert shown, slug
    for key, (control, text) in shown.items():
        url_value = parse(control, query[control.name]).value
        if control.widget == "select_slider":
            # The label the select slider draws (e.g. 0.01, 32×32).
            assert text == _option_label(control, lang)(url_value), (slug, key, text, url_value)
        else:
            assert float(text) == pytest.approx(url_value), (slug, key, text, url_value)
        if expected and control.name in expected:
            assert url_value == expected[control.name], (slug, control.name)


def _arrive(tab, path: str) -> None:
    tab.wait_for_url(f"**/{path}?**", timeout=60_000)
    wait_idle(tab, timeout=120_000)
    tab.wait_for_timeout(500)  # a drag slider mounts after the run
    wait_idle(tab, timeout=120_000)


def test_sliders_equal_their_url_after_next_lesson_sidebar_and_back(page, server_url):
    """② a₁=−1, a₂=0.5, b₁=1, b₂=−2 → next lesson → ③ → sidebar → ④ → back → ③."""
    lang = "ko"
    carried = {"a1": -1.0, "a2": 0.5, "b1": 1.0, "b2": -2.0}
    open_page(page, server_url, "gradients",
              f"lang={lang}&a1=-1&a2=0.5&b1=1&b2=-2&v1=0.7", charts=True)
    _assert_sliders_match_url(page, "gradients", lang, carried)

    link = page.get_by_role("link", name=t("top.next", lang, title=t("nav.accumulation", lang)))
    link.scroll_into_view_if_needed()
    link.click()
    _arrive(page, "accumulation")
    _assert_sliders_match_url(page, "accumulation", lang, carried)
    page.locator(".st-key-lr input[type='range']").first.focus()
    page.keyboard.press("ArrowRight")  # ③'s own lr: 0.01 → 0.03
    page.wait_for_function("() => location.search.includes('lr=0.03')", timeout=30_000)
    wait_idle(page)

    page.locator("[data-testid='stSidebarNav'] a[href$='/optimizer']").click()
    _arrive(page, "optimizer")
    # ④ takes a, not ③'s lr: its own 0.01, momentum 0.9 and 50 steps.
    _assert_sliders_match_url(page, "optimizer", lang,
                              {"a1": -1.0, "a2": 0.5, "lr": 0.01, "momentum": 0.9, "steps": 50})

    # Streamlit keeps two history entries per page switch (the page, then the query
    # string this app writes), so the way back to ③ is one or two presses.
    for _ in range(3):
        page.go_back(wait_until="commit")
        wait_idle(page, timeout=120_000)
        page.wait_for_timeout(1000)
        if "/accumulation?" in page.url:
            break
    _arrive(page, "accumulation")
    # Back lands on one of ③'s two history entries: before lr moved (0.01) or after
    # (0.03); either way the sliders show that entry's URL and a, b are carried.
    _assert_sliders_match_url(page, "accumulation", lang, carried)
    assert parse_qs(urlsplit(page.url).query)["lr"][0] in ("0.01", "0.03")


def test_resnet_steps_do_not_reach_the_optimizer(browser, server_url):
    """① with 4 steps at lr 0.1 → sidebar → ④ shows ④'s own values, in English."""
    with _tab(browser, 1400, 1000, "en") as tab:
        open_page(tab, server_url, "resnet", "lang=en&steps=4&lr=0.1&pretrained=0&size=32",
                  timeout=240_000)
        _assert_sliders_match_url(tab, "resnet", "en", {"steps": 4, "lr": 0.1})
        tab.locator("[data-testid='stSidebarNav'] a[href$='/optimizer']").click()
        _arrive(tab, "optimizer")
        _assert_sliders_match_url(tab, "optimizer", "en",
                                  {"steps": 50, "momentum": 0.9, "lr": 0.01})
