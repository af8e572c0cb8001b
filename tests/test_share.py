"""Links for the room (issue 24), the pure part: which address students can
reach, and which parameters a link for them may carry. Fake inputs only: no
server, no network."""

from __future__ import annotations

import io

import pytest

from components.ui.schema import PAGE_CONTROLS
from components.ui.share import (
    LAN,
    LOOPBACK_ONLY,
    NO_LAN,
    PAGE,
    PUBLIC,
    SERVER_ADDRESS,
    STUDENT_PARAMETERS,
    UNKNOWN,
    Root,
    is_loopback,
    page_link,
    qr_png,
    reachable_root,
    student_params,
)

LAN_IP = "192.0.2.77"  # documentation range: never contacted, only written into links
LOOPBACK_PAGE = "http://127.0.0.1:8501/gradients?lang=ko&present=1"


def test_the_allow_list_holds_lesson_values_and_nothing_of_the_instructors_session():
    # ``student`` is one browser's own class id: a shared link would make everyone
    # who opens it the same student, each answer replacing the last.
    assert {"present", "key", "student"}.isdisjoint(STUDENT_PARAMETERS)
    lesson = {c.name for controls in PAGE_CONTROLS.values() for c in controls}
    assert STUDENT_PARAMETERS == lesson | {"lang", "class"}


def test_student_params_keeps_the_allowed_ones_in_order():
    params = {"lang": "en", "present": "1", "a1": "-1", "key": "secret", "class": "ABCDEF",
              "student": "ab" * 16, "utm_source": "x", "lr": "0.1"}
    assert list(student_params(params).items()) == [("lang", "en"), ("a1", "-1"),
                                                     ("class", "ABCDEF"), ("lr", "0.1")]


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST", "127.0.0.1", "127.8.9.10", "::1",
                                  "[::1]", "app.localhost"])
def test_loopback_hosts(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["192.0.2.7", "lab.example.org", "", None, "10.0.0.1",
                                  "localhost.example.org", "fe80::1"])
def test_hosts_a_phone_may_reach(host):
    assert not is_loopback(host)


def test_a_public_address_wins_and_loses_its_query_and_slash():
    root = reachable_root(LOOPBACK_PAGE, "gradients", public_url="https://lab.example.org/ag/?x=1",
                          listen_address="127.0.0.1", lan_ip=LAN_IP)
    assert root == Root("https://lab.example.org/ag", PUBLIC)


@pytest.mark.parametrize("bad", ["ftp://lab.example.org", "lab.example.org", "http://", " "])
def test_an_unusable_public_address_is_ignored(bad):
    root = reachable_root(LOOPBACK_PAGE, "gradients", public_url=bad, lan_ip=LAN_IP, port=8765)
    assert root == Root(f"http://{LAN_IP}:8765", LAN)


@pytest.mark.parametrize(("address", "port", "expected"), [
    ("lab.example.org", 80, "http://lab.example.org"),
    ("lab.example.org", 443, "https://lab.example.org"),
    ("192.0.2.5", 8501, "http://192.0.2.5:8501"),
    ("lab.example.org/autograd/", 8080, "http://lab.example.org:8080/autograd"),
])
def test_streamlits_browser_server_address_when_the_operator_set_it(address, port, expected):
    root = reachable_root(LOOPBACK_PAGE, "gradients", server_address=address, server_port=port,
                          listen_address="127.0.0.1")
    assert root == Root(expected, SERVER_ADDRESS)


def test_a_loopback_browser_server_address_is_no_help():
    root = reachable_root(LOOPBACK_PAGE, "gradients", server_address="localhost",
                          server_port=8501, lan_ip=LAN_IP, port=8501)
    assert root == Root(f"http://{LAN_IP}:8501", LAN)


@pytest.mark.parametrize(("url", "page", "expected"), [
    ("http://192.0.2.9:8501/gradients?present=1", "gradients", "http://192.0.2.9:8501"),
    ("https://lab.example.org/ag/class?key=k", "class", "https://lab.example.org/ag"),
    ("https://lab.example.org/", "", "https://lab.example.org"),
    ("http://lab.local:9000/optimizer/", "optimizer", "http://lab.local:9000"),
])
def test_a_presenter_on_a_reachable_address_shares_that_address(url, page, expected):
    # Even with a LAN address at hand: the presenter's host is what the room uses.
    assert reachable_root(url, page, lan_ip=LAN_IP) == Root(expected, PAGE)


@pytest.mark.parametrize("url", [LOOPBACK_PAGE, "http://localhost:8501/gradients",
                                 "http://[::1]:8501/gradients"])
def test_a_loopback_presenter_gets_the_lan_address_and_the_servers_port(url):
    root = reachable_root(url, "gradients", listen_address=None, port=8765, lan_ip=LAN_IP)
    assert root == Root(f"http://{LAN_IP}:8765", LAN)
    root = reachable_root(url, "gradients", listen_address="0.0.0.0", port=8765, lan_ip=LAN_IP,
                          base_path="/lab/")
    assert root == Root(f"http://{LAN_IP}:8765/lab", LAN)


def test_an_ipv6_lan_address_is_bracketed():
    root = reachable_root(LOOPBACK_PAGE, "gradients", listen_address="::", port=8501,
                          lan_ip="2001:db8::7")
    assert root == Root("http://[2001:db8::7]:8501", LAN)


@pytest.mark.parametrize("listen", ["127.0.0.1", "localhost", "::1"])
def test_a_server_listening_on_loopback_only_cannot_be_reached(listen):
    root = reachable_root(LOOPBACK_PAGE, "gradients", listen_address=listen, lan_ip=LAN_IP)
    assert root == Root(None, LOOPBACK_ONLY)


def test_a_server_bound_to_one_address_is_reached_there():
    root = reachable_root(LOOPBACK_PAGE, "gradients", listen_address="192.0.2.3", port=8600,
                          lan_ip=LAN_IP)
    assert root == Root("http://192.0.2.3:8600", LAN)


@pytest.mark.parametrize("lan", [None, "", "127.0.0.1"])
def test_no_lan_address(lan):
    # Streamlit's get_internal_ip answers 127.0.0.1 when it finds no route.
    assert reachable_root(LOOPBACK_PAGE, "gradients", lan_ip=lan) == Root(None, NO_LAN)


@pytest.mark.parametrize("url", [None, "", "not a url", "file:///etc/passwd"])
def test_an_unknown_page_address(url):
    assert reachable_root(url, "gradients", lan_ip=LAN_IP) == Root(None, UNKNOWN)


def test_page_link_carries_only_the_students_parameters():
    link = page_link("http://192.0.2.77:8501", "gradients",
                     {"lang": "ko", "present": "1", "a1": "-1", "key": "k" * 20,
                      "class": "ABCDEF", "note": "a b&c"})
    assert link == "http://192.0.2.77:8501/gradients?lang=ko&a1=-1&class=ABCDEF"
    assert page_link("https://lab.example.org", "", {"lang": "en"}) == \
        "https://lab.example.org/?lang=en"


def test_the_link_round_trips_through_its_qr_code():
    import zxingcpp
    from PIL import Image

    link = page_link("http://192.0.2.77:8501", "expression",
                     {"lang": "ko", "expr": "3*a**3 - b**2", "present": "1"})
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr_png(link))))
    assert [c.text for c in codes] == [link]
    assert "present" not in link and "expr=3%2Aa%2A%2A3+-+b%2A%2A2" in link


def test_qr_code_made_once_per_link(monkeypatch):
    # Issue 26: presenter view and /class redraw the same link's code on every rerun.
    import segno

    made = []
    original = segno.make_qr

    def counted(*args, **kwargs):
        made.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(segno, "make_qr", counted)
    link = "http://127.0.0.1:8501/gradients?a1=1.5&made_once=1"
    first = qr_png(link)
    assert qr_png(link) == first
    assert made == [link]
    assert qr_png(link + "&other=1") != first and len(made) == 2
