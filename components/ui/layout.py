"""The frame every page shares: language switch, title, URL problems, code panel."""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from components.ui.controls import PageState, init_page_state, problem_message
from components.ui.i18n import t
from components.ui.schema import LANG

# The workaround below flips a private Streamlit flag. Streamlit's documented
# way out is a page folder not named ``pages/`` (docs.streamlit.io: "As soon
# as any session of your app executes the st.navigation command, your app will
# ignore the pages/ directory"; until then a ``pages/`` folder next to the
# entrypoint puts the server in the legacy mode). ``pages/*.py`` are part of
# this project's public contract, so the flag stays, on the Streamlit versions
# it was verified on (requirements.txt: streamlit>=1.67,<2). tests/test_hosting.py
# fails when Streamlit leaves this range or no longer needs or allows the flip;
# tests/test_browser.py checks the first request of a fresh server end to end.
PAGES_FLAG_VERIFIED = ((1, 67), (2, 0))  # from (inclusive), to (exclusive)


def streamlit_version() -> tuple[int, int]:
    """Streamlit's (major, minor), e.g. ``(1, 67)``."""
    major, minor = (st.__version__.split(".") + ["0"])[:2]
    return int(major), int("".join(c for c in minor if c.isdigit()) or 0)


def pages_folder_flag_applies() -> bool:
    """Whether this Streamlit is one the workaround was verified on and has the flag."""
    from streamlit.runtime import pages_manager

    low, high = PAGES_FLAG_VERIFIED
    return (low <= streamlit_version() < high
            and hasattr(getattr(pages_manager, "PagesManager", None), "uses_pages_directory"))


def _leave_pages_folder_mode() -> None:
    """Make sure ``dashboard.py`` routes even the first request after start-up.

    Streamlit starts in its legacy mode (every file in ``pages/`` is a page and
    ``dashboard.py`` does not run) until some session calls ``st.navigation``.
    If the very first visitor opens a shared link such as ``/gradients``, the
    page would run without the router: wrong titles, no wide layout. Turn the
    legacy mode off and rerun, so that the router handles this run too. On an
    unverified Streamlit this does nothing: the page still works, only that
    first run goes without the router.
    """
    if not pages_folder_flag_applies():
        return
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def start_page(page: str) -> PageState:
    """Settle controls, draw the language switch and the page title.

    Works the same under ``dashboard.py`` and when a page runs on its own.
    """
    _leave_pages_folder_mode()
    state = init_page_state(page)
    with st.sidebar:
        st.radio(
            t("lang.label", state.lang),
            options=LANG.options,
            format_func=lambda code: t(f"lang.{code}", state.lang),
            horizontal=True,
            key=LANG.name,
            persist_state="session",
        )
        st.caption(t("common.cpu_note", state.lang))
    st.title(t(f"{page}.title", state.lang))
    if state.problems:
        st.warning("  \n".join(problem_message(c, p, state.lang) for c, p in state.problems),
                   icon=":material/link_off:")
    return state


def code_panel(code: str, lang: str) -> None:
    """'The code for what you see': a copyable snippet with the current values."""
    st.subheader(t("common.code_title", lang))
    st.caption(t("common.code_caption", lang))
    st.code(code, language="python")


def check_mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def lesson_link(slug: str, label: str, icon: str, lang: str) -> None:
    """A link to a lesson: in-app navigation under dashboard.py, a plain URL
    when the page runs on its own (no ``st.navigation`` registered it)."""
    try:
        st.page_link(f"pages/{slug}.py", label=label, icon=icon)
    except StreamlitPageNotFoundError:
        st.markdown(f"[{label}](./{slug}?lang={lang})")
