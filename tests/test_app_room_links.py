"""Links that reach the room and a key that is never projected (issue 24), the
streamlit side: the share panel of a lesson in presenter view and the join
panel of /class, with the address inputs faked (no browser, no network)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit import config

from components.ui import room_link
from components.ui.i18n import t
from components.ui.share import STUDENT_PARAMETERS
from tests.support import all_text, assert_no_exception, image_alts, run_page

ENV = "AUTOGRAD_LAB_PUBLIC_URL"
LAN_IP = "192.0.2.77"  # documentation range: written into links, never contacted


def _links(at) -> list[str]:
    return [c.value for c in at.code if "://" in c.value]


def _open_large_qr(at) -> None:
    at.button(key="share_qr_large").click().run()
    assert_no_exception(at)


@pytest.fixture
def loopback_presenter(monkeypatch):
    """The presenter's browser at 127.0.0.1, this machine's LAN address faked."""
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setattr(room_link, "page_address", lambda: "http://127.0.0.1:8501/gradients")
    monkeypatch.setattr(room_link.net_util, "get_internal_ip", lambda: LAN_IP)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_loopback_presenter_shares_the_lan_address_without_present(loopback_presenter, lang):
    at = run_page("gradients", {"present": "1", "a1": "-1", "key": "k" * 22}, lang=lang)
    assert_no_exception(at)
    # A small QR code on the page; the large one and the link open on demand.
    assert image_alts(at).count(t("share.qr_alt", lang)) == 1
    assert not _links(at)
    _open_large_qr(at)
    [link] = _links(at)
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("http", f"{LAN_IP}:8501", "/gradients")
    query = parse_qs(parts.query)
    assert set(query) <= STUDENT_PARAMETERS and "present" not in query and "key" not in query
    assert query["a1"] == ["-1"] and query["lang"] == [lang]
    assert image_alts(at).count(t("share.qr_alt", lang)) == 2
    assert at.query_params["present"] == "1"  # the presenter's own view stays presented


def test_a_server_on_loopback_only_says_so_instead_of_a_qr_code(loopback_presenter):
    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    try:
        at = run_page("gradients", {"present": "1"}, lang="en")
    finally:
        config.set_option("server.address", before)
    assert_no_exception(at)
    assert t("share.unreachable.loopback_only", "en", env=ENV) in all_text(at)
    assert t("share.qr_alt", "en") not in image_alts(at)
    assert not _links(at)


def test_the_public_address_wins(loopback_presenter, monkeypatch):
    monkeypatch.setenv(ENV, "https://lab.example.org/autograd/")
    at = run_page("optimizer", {"present": "1", "lr": "0.1"}, lang="ko")
    assert_no_exception(at)
    _open_large_qr(at)
    [link] = _links(at)
    assert link.startswith("https://lab.example.org/autograd/optimizer?lang=ko&")
    assert "lr=0.1" in link and "present" not in link


def _start_class(at):
    at.button(key="start_class").click().run()
    assert_no_exception(at)
    return at.query_params["class"], at.query_params["key"]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_class_in_presenter_view_never_shows_the_key(store, loopback_presenter, monkeypatch,
                                                     lang):
    monkeypatch.setattr(room_link, "page_address", lambda: "http://127.0.0.1:8501/class")
    at = run_page("class", {"present": "1"}, lang=lang)
    code, key = _start_class(at)
    text = all_text(at)
    assert key not in text
    # No "share this view" panel on /class: it would carry the key.
    assert t("share.title", lang) not in text
    assert t("class.key_not_projected", lang) in text
    [join] = _links(at)
    assert join == f"http://{LAN_IP}:8501/gradients?class={code}&predict=1&lang={lang}"
    assert image_alts(at) == [t("class.qr_alt", lang)]
    assert code in text  # the join code, in large type (a metric)
    assert [m.value for m in at.metric] == [code]
    # Off the projector, the instructor link with the key appears once, with its warning.
    at.toggle(key="present").set_value(False).run()
    assert_no_exception(at)
    assert key in all_text(at) and t("class.key_warning", lang) in all_text(at)
    at.run()
    assert key not in all_text(at)


def test_class_without_a_reachable_address_says_so_in_one_line(store, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    at = run_page("class", lang="en")
    code, key = _start_class(at)
    text = all_text(at)
    assert t("share.unreachable.unknown", "en", env=ENV) in text
    assert t("class.qr_alt", "en") not in image_alts(at)
    assert [m.value for m in at.metric] == [code]  # the code still shows
    assert key in text  # right after "start a class", off the projector: the key, once
