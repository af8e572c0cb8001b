"""Links for the room, the streamlit side: gather the address inputs for
``share.reachable_root`` and draw the presenter's compact share panel.

Which address and which parameters is decided in ``share.py`` (pure, unit-tested);
this module only reads the settings, the page's address and the LAN address.
"""

from __future__ import annotations

import os

import streamlit as st
from streamlit import config, net_util

from components.ui.controls import PageState
from components.ui.i18n import t
from components.ui.share import Root, page_link, qr_png, reachable_root
from components.ui.user_text import plain

# The operator's public address of the app (e.g. https://lab.example.org/autograd),
# used for every student link when set.
PUBLIC_URL_ENV = "AUTOGRAD_LAB_PUBLIC_URL"
# Longest link the share panel prints (a URL holds ~20 short parameters).
_LINK_LIMIT = 600
# The share panel's QR code: small on the lesson, large in its popover (at least
# 300 px, what a phone reads from the back of a room on a projector).
SMALL_QR_PX = 96
LARGE_QR_PX = 360


def page_path(page: str) -> str:
    """The URL path of ``page`` (the home page is the root)."""
    return "" if page == "home" else page


def _manual_option(name: str):
    """A Streamlit option only when the operator set it (its defaults name localhost)."""
    return config.get_option(name) if config.is_manually_set(name) else None


def _lan_ip(listen_address: str | None) -> str | None:
    """This machine's LAN address, as Streamlit prints it for its Network URL.

    ``get_internal_ip`` opens a UDP socket towards a public address to learn
    the outgoing interface; no packet is sent, and Streamlit caches the answer
    in its own module for the life of the process (it does the same at start-up).
    Not asked at all when the answer could not be used.
    """
    if listen_address and listen_address not in ("0.0.0.0", "::"):
        return None
    return net_util.get_internal_ip()


def page_address() -> str | None:
    """The address of this page in the presenter's browser (None without a browser)."""
    return st.context.url


def student_root(page: str) -> Root:
    """The app's root address that students can reach from this page, or why none."""
    listen = config.get_option("server.address") or None
    return reachable_root(
        page_address(), page_path(page),
        public_url=os.environ.get(PUBLIC_URL_ENV) or None,
        server_address=_manual_option("browser.serverAddress"),
        server_port=_manual_option("browser.serverPort"),
        listen_address=listen,
        port=int(config.get_option("server.port")),
        base_path=config.get_option("server.baseUrlPath"),
        lan_ip=_lan_ip(listen),
    )


def unreachable_line(root: Root, lang: str) -> str:
    """The one line that replaces a QR code that could not work."""
    return t(f"share.unreachable.{root.reason}", lang, env=PUBLIC_URL_ENV)


def student_link(state: PageState) -> tuple[Root, str | None]:
    """The link to this view for students (None when no address can work)."""
    root = student_root(state.page)
    if root.url is None:
        return root, None
    return root, page_link(root.url, page_path(state.page), st.query_params.to_dict())


def share_panel(state: PageState) -> None:
    """'Share this view' in presenter view, compact: a small QR code, one line,
    and a button that opens the QR code large enough for the back row, with the link.

    The link holds this view's lesson values only (``share.STUDENT_PARAMETERS``):
    never ``present`` or an instructor's ``key``.
    """
    lang = state.lang
    root, link = student_link(state)
    with st.container(border=True, key="share_panel"):
        if link is None:
            st.markdown(f"**{t('share.title', lang)}** · {unreachable_line(root, lang)}")
            return
        png = qr_png(link)
        # One row: the small code, one sentence, and a button that opens the large
        # code with the link as text, so the lesson starts on the projector's first
        # screen. A dialog, not a popover: it sits in the middle of the screen, where
        # the whole code fits at 768 px (a popover under the button was cut off).
        with st.container(horizontal=True, vertical_alignment="center", gap="medium",
                          wrap=False):
            st.image(png, width=SMALL_QR_PX, alt=t("share.qr_alt", lang))
            st.markdown(f"**{t('share.title', lang)}** · {t('share.text', lang)}")
            if st.button(t("share.enlarge", lang), icon=":material/qr_code_2:",
                         key="share_qr_large"):
                st.dialog(t("share.title", lang), width="medium")(_large_qr)(png, link, lang)


def _large_qr(png: bytes, link: str, lang: str) -> None:
    """The dialog's body: the QR code large enough for the back row, and the link."""
    with st.container(horizontal_alignment="center"):
        st.image(png, width=LARGE_QR_PX, alt=t("share.qr_alt", lang))
    # A plain-text element: the link is never read as markdown.
    st.code(plain(link, _LINK_LIMIT), language=None, wrap_lines=True)
