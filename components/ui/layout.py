"""The frame every page shares: CSS, top bar (lessons, language, reset),
title, URL problems, presenter view with its share panel, charts, code panel
and the link to the next lesson."""

from __future__ import annotations

import functools
from html import escape
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from components.charts.graph_svg import backward_graph_description, backward_graph_svg
from components.charts.style import PRESENT_SCALE, scaled
from components.ui.chart_text import ChartText, markdown_escaped
from components.ui.class_follow import capture_url, follow_panel
from components.ui.class_plan import plan_panel
from components.ui.controls import (
    PageState,
    control_widget,
    init_page_state,
    problem_message,
    reset_to_defaults,
)
from components.ui.i18n import t
from components.ui.pages import HOME, LESSONS
from components.ui.ready_figure import ready
from components.ui.room_link import share_panel
from components.ui.schema import LANG, PRESENT, controls_for
from components.ui.touch_guard import touch_guard
from components.ui.user_text import plain

# Read once at import: static files, never built from user text.
_STATIC = Path(__file__).parent / "static"
APP_CSS = (_STATIC / "app.css").read_text(encoding="utf-8")
PRESENT_CSS = (_STATIC / "present.css").read_text(encoding="utf-8")
# A "<" would let the text end the style element early (or make Streamlit drop it).
assert "<" not in APP_CSS + PRESENT_CSS, "CSS files must not contain '<'"
# A chart summary is two or three sentences; a long option list in /class stays readable.
_SUMMARY_LIMIT = 2000

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
    capture_url(page)  # before the address is rewritten: an instructor key, a student's follow
    state = init_page_state(page)
    presenting = is_presenting(state)
    st.html(f"<style>{APP_CSS}{PRESENT_CSS if presenting else ''}</style>")
    touch_guard()
    _top_bar(state)
    with st.sidebar:
        st.caption(t("common.cpu_note", state.lang))
    st.title(t(f"{page}.title", state.lang))
    if state.problems:
        st.warning("  \n".join(problem_message(c, p, state.lang) for c, p in state.problems),
                   icon=":material/link_off:")
    # Follow the projector: the instructor's lesson publishes, a student's follows.
    follow_panel(state)
    # The instructor's lesson plan (nothing for anyone without the key), on the
    # projector's first screen: above the share panel.
    plan_panel(state)
    # /class has its own join panel; its "share this view" would carry the key.
    if presenting and page != "class":
        share_panel(state)
    return state


def is_presenting(state: PageState) -> bool:
    """Whether this run draws the presenter view (``?present=1``)."""
    return bool(state.values.get(PRESENT.name))


def _top_bar(state: PageState) -> None:
    """Lessons, language and reset on the page itself: on a phone the sidebar
    hides behind a small button, and in presenter view it is folded away."""
    lang = state.lang
    with st.container(horizontal=True, vertical_alignment="center", key="top_bar"):
        with st.popover(t("top.lessons", lang), icon=":material/menu:"):
            for slug, icon in (HOME, *LESSONS):
                lesson_link(slug, t(f"nav.{slug}", lang), icon, lang)
            control_widget(state, PRESENT.name)
        st.radio(
            t("lang.label", lang),
            options=LANG.options,
            format_func=lambda code: t(f"lang.{code}", lang),
            horizontal=True,
            key=LANG.name,
            persist_state="session",
            label_visibility="collapsed",
        )
        if controls_for(state.page):
            st.button(t("top.reset", lang), key="reset_defaults", icon=":material/restart_alt:",
                      help=t("top.reset_help", lang), on_click=reset_to_defaults,
                      args=(state.page,))


def columns_unless_presenting(state: PageState, spec, gap: str = "large"):
    """``st.columns(spec)``, or full-width rows in presenter view, where a
    figure beside its text would be too small to read from the back."""
    if is_presenting(state):
        return [st.container() for _ in spec]
    return st.columns(spec, gap=gap)


def chart(fig, key: str, container=None, text: ChartText | None = None) -> None:
    """Draw a plotly figure: larger type in presenter view, no floating toolbar.

    Plotly's hover toolbar sat on top of legends and panel titles; zooming by
    dragging and resetting by double-click still work without it. ``text``
    (issue #18): its summary becomes the chart's accessible name and its data
    a table in a collapsed expander right after the chart.
    """
    if st.session_state.get(PRESENT.name):
        fig = scaled(fig, PRESENT_SCALE)
    where = container if container is not None else st
    where.plotly_chart(ready(fig), key=key, config={"displayModeBar": False},
                       alt=text.summary if text is not None else None)
    if text is not None:
        chart_data(text, f"{key}_data", where)


def chart_data(text: ChartText, key: str, container=None) -> None:
    """The chart's summary and every value it draws, in a collapsed expander.

    ``st.plotly_chart(alt=...)`` gives the chart its accessible name (the same
    summary); the table is a real HTML table a screen reader can walk. Lazy:
    the table is built and sent only while its expander is open (then it
    follows the sliders), so a slider move does not ship every chart's data.
    """
    where = container if container is not None else st
    expander = where.expander(text.label, icon=":material/table_chart:", key=key,
                              on_change="rerun")
    with expander:
        st.markdown(markdown_escaped(plain(text.summary, _SUMMARY_LIMIT)))
        if text.rows and expander.open:
            st.table(text.table(), hide_index=True)


def backward_graph(graph, labels: dict[str, str], state: PageState, container=None) -> None:
    """The backward-graph picture, with the same numbers in words as its text
    alternative (a screen reader hears the nodes, the paths and each ``.grad``)."""
    where = container if container is not None else st
    where.image(backward_graph_svg(graph, labels,
                                   scale=PRESENT_SCALE if is_presenting(state) else 1.0),
                alt=backward_graph_description(graph, labels))


def _scroll_region(markdown_text: str, label: str, lang: str, container=None) -> None:
    """Markdown that may be wider than a phone, in a box that scrolls sideways
    and that a keyboard can reach (``tabindex=0``, a named region): Safari does
    not make a scrolling box focusable by itself, so without it a keyboard user
    could never see the right-hand columns. When the content is wider than the
    box, app.css shades the edge that hides more and shows ``data-hint`` ("↔
    scroll") under it; nothing shows where everything fits.

    Only for the app's own text (catalogue words, formatted numbers, LaTeX the
    app built): raw HTML is on for the wrapper. Text with a "<" (never expected)
    is drawn without the wrapper rather than risk reading it as HTML.
    """
    where = container if container is not None else st
    if "<" in markdown_text:
        where.markdown(markdown_text)
        return
    where.markdown(f'<div class="scroll-region" role="region" tabindex="0" '
                   f'aria-label="{escape(label)}" '
                   f'data-hint="{escape(t("common.scroll_hint", lang))}">'
                   f'\n\n{markdown_text}\n\n</div>',
                   unsafe_allow_html=True)


def table(markdown_table: str, lang: str, container=None) -> None:
    """A markdown table of the app's numbers, in a keyboard-scrollable box
    named after its header row (each region's name must be unique on the page)."""
    header = markdown_table.split("\n", 1)[0]
    cells = [cell.strip().replace("`", "").replace("*", "") for cell in header.strip("|").split("|")]
    _scroll_region(markdown_table, t("common.region_table", lang, columns=", ".join(cells)),
                   lang, container)


def equation(latex: str, lang: str, container=None) -> None:
    """A display equation (like ``st.latex``) in a keyboard-scrollable box,
    named after its LaTeX source (unique on the page)."""
    _scroll_region(f"$$\n{latex}\n$$",
                   t("common.region_equation", lang, latex=" ".join(latex.split())), lang,
                   container)


def fragment_unless_presenting(func):
    """``st.fragment``, except in presenter view.

    A fragment reruns only itself, so the share panel at the top would keep
    the old link; in presenter view every change reruns the whole page.
    """
    fragment = st.fragment(func)

    @functools.wraps(func)
    def run(*args, **kwargs):
        if st.session_state.get(PRESENT.name):
            return func(*args, **kwargs)
        return fragment(*args, **kwargs)

    return run


def end_page(state: PageState) -> None:
    """The link to the next lesson (after the last one, back to the start)."""
    slugs = [slug for slug, _ in LESSONS]
    lang = state.lang
    st.divider()
    if state.page in slugs and slugs.index(state.page) + 1 < len(slugs):
        slug, icon = LESSONS[slugs.index(state.page) + 1]
        lesson_link(slug, t("top.next", lang, title=t(f"nav.{slug}", lang)), icon, lang)
    else:
        slug, icon = HOME
        lesson_link(slug, t("top.last", lang), icon, lang)


def code_panel(code: str, lang: str) -> None:
    """'The code for what you see': a copyable snippet with the current values."""
    st.header(t("common.code_title", lang))
    st.caption(t("common.code_caption", lang))
    # Long lines wrap instead of scrolling: a scrolling code box cannot take
    # keyboard focus in Safari (axe: scrollable-region-focusable).
    st.code(code, language="python", wrap_lines=True)


def check_mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def lesson_link(slug: str, label: str, icon: str, lang: str) -> None:
    """A link to a lesson: in-app navigation under dashboard.py, a plain URL
    when the page runs on its own (no ``st.navigation`` registered it)."""
    try:
        st.page_link(f"pages/{slug}.py", label=label, icon=icon)
    except StreamlitPageNotFoundError:
        target = "./" if slug == HOME[0] else f"./{slug}"
        st.markdown(f"[{label}]({target}?lang={lang})")
