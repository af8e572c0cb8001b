"""Follow the projector (issue #28 §1): the instructor's lesson page publishes its
view, and the students' pages in the class follow it.

The instructor: a lesson page in a class (``class=<code>``) whose session holds
the class's key, verified with ``store.check_key``. The key reaches the session
either from /class (its "present" links carry no key: the session already holds
it) or from a lesson URL with ``key=`` (read before the page settles its
controls, then kept out of the address bar, which a projector shows to the
room). On every run whose view differs from the last one published, the lesson
and its student-safe parameters (``share.student_params``: never key, present
or student) are written to the class (one small write).

A student: a lesson page with ``class=<code>`` and no verified key. Once the
instructor has published, a toggle (widget key ``follow``, on by default; the
address holds ``follow=0`` while it is off, so a reload keeps the choice) and a
fragment that reads the published view every second (one primary-key read)
and reruns the page when it changed. The page run then takes the lesson and
the values, validated through the schema like URL values, in the student's own
language, with predict mode still locked (the answers wait for the reveal).
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

import streamlit as st
from streamlit.errors import StreamlitAPIException, StreamlitPageNotFoundError
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.storage.class_store import UNAVAILABLE
from components.storage.class_views import PublishedView, publish_view, published_view
from components.storage.process_store import class_store
from components.ui.controls import SHOWN_PAGE, PageState
from components.ui.i18n import t
from components.ui.pages import LESSONS
from components.ui.schema import (
    CLASS_CODE,
    FOLLOW,
    KEY,
    LANG,
    PREDICT,
    STUDENT,
    controls_for,
    format_value,
    parse,
)
from components.ui.share import student_params

LESSON_SLUGS = frozenset(slug for slug, _ in LESSONS)
# A following student's page asks the database this often (one small read), so
# the page follows the instructor's move within about 2 s.
POLL_SECONDS = 1.0
# The instructor's page looks at its own address this often, for a change made
# inside a fragment (which does not rerun the page frame); no database work
# unless the view changed.
PUBLISH_POLL_SECONDS = 1.0
# How long a verified key is trusted before it is checked again (a class expires).
VERIFY_SECONDS = 30.0

# Session keys (bookkeeping, not widgets).
VERIFIED = "_follow_verified"    # (code, key, time.monotonic() of the check)
PUBLISHED = "_follow_published"  # (code, page, params) last written
APPLIED = "_follow_applied"      # (code, seq) of the view this page last took
RESYNC = "_follow_resync"        # set when the toggle is switched on: take the view now
# Parameters a student keeps whatever the instructor's page says: their own
# language, their class, their random id; predict mode stays locked on in a class.
_STUDENT_OWN = frozenset({LANG.name, CLASS_CODE.name, STUDENT.name, PREDICT.name})


def capture_url(page: str) -> None:
    """Before ``init_page_state`` (which rewrites the address bar): keep a lesson
    URL's ``key`` in the session (never written back to the address) and, on
    arriving at a page, the student's ``follow`` choice from the address."""
    if page not in LESSON_SLUGS:
        return
    raw_key = st.query_params.get(KEY.name)
    if raw_key is not None:
        parsed = parse(KEY, raw_key)
        if parsed.value is not None:
            st.session_state[KEY.name] = parsed.value
    if st.session_state.get(SHOWN_PAGE) != page:
        raw = st.query_params.get(FOLLOW.name)
        if raw is not None:
            st.session_state[FOLLOW.name] = parse(FOLLOW, raw).value
        elif FOLLOW.name not in st.session_state:
            st.session_state[FOLLOW.name] = FOLLOW.default


def instructor_on_lesson(state: PageState) -> tuple[str, str] | None:
    """(code, key) when this is a lesson page of a live class whose key this
    session holds (checked with the store), else None.

    A check is kept for ``VERIFY_SECONDS``; a database that does not answer
    keeps the last check, and without one the page is not the instructor's.
    """
    code = state.values.get(CLASS_CODE.name)
    key = st.session_state.get(KEY.name)
    if state.page not in LESSON_SLUGS or not code or not isinstance(key, str):
        return None
    cached = st.session_state.get(VERIFIED)
    fresh = cached is not None and cached[:2] == (code, key)
    if fresh and time.monotonic() - cached[2] < VERIFY_SECONDS:
        return code, key
    try:
        ok = class_store().check_key(code, key)
    except Exception:  # noqa: BLE001 - database down: the last check holds, else a student
        return (code, key) if fresh else None
    if not ok:
        st.session_state.pop(VERIFIED, None)
        return None
    st.session_state[VERIFIED] = (code, key, time.monotonic())
    return code, key


def current_view() -> dict[str, str]:
    """What this page publishes: its address's student-safe parameters (the URL is the truth)."""
    return student_params(st.query_params.to_dict())


def _publish(code: str, page: str) -> bool:
    """Write the view when it differs from the last one written; False when the database failed."""
    params = current_view()
    if st.session_state.get(PUBLISHED) == (code, page, params):
        return True
    try:
        publish_view(class_store(), code, page, params)
    except UNAVAILABLE:
        return False
    st.session_state[PUBLISHED] = (code, page, params)
    return True


@st.fragment(run_every=PUBLISH_POLL_SECONDS)
def _publish_poll(code: str, page: str) -> None:
    """A control inside a fragment changed the address without a page run: publish it too."""
    ctx = get_script_run_ctx()
    if ctx and ctx.fragment_ids_this_run:
        _publish(code, page)


def view_values(view: PublishedView) -> dict[str, object]:
    """The published view's control values for its page, each parsed by the schema
    (clamped, snapped or refused like a URL value); the student's own parameters
    and anything that is not a control of that page are left out."""
    values = {}
    for control in controls_for(view.page):
        if control.name in _STUDENT_OWN or control.name not in view.params:
            continue
        values[control.name] = parse(control, view.params[control.name]).value
    return values


def _read_view(code: str) -> PublishedView | None:
    try:
        view = published_view(class_store(), code)
    except UNAVAILABLE:
        return None  # the class line already says when the database is down
    return view if view is not None and view.page in LESSON_SLUGS else None


def _take_view(state: PageState, code: str, view: PublishedView) -> None:
    """Show ``view``: another lesson is switched to with its values in the address;
    on this lesson the values are set before any of its widgets is drawn."""
    st.session_state[APPLIED] = (code, view.seq)
    st.session_state.pop(RESYNC, None)
    values = view_values(view)
    controls = {c.name: c for c in controls_for(view.page)}
    if view.page != state.page:
        params = {name: value for name, value in st.query_params.to_dict().items()
                  if name in _STUDENT_OWN}
        params.update({name: format_value(controls[name], value)
                       for name, value in values.items() if value is not None})
        try:
            st.switch_page(f"pages/{view.page}.py", query_params=params)
        except StreamlitAPIException:
            return  # a page run on its own (no navigation): stay
    for name, value in values.items():
        st.session_state[name] = value
        state.values[name] = value
        if controls[name].widget == "text":  # the view's function is the last valid one
            st.session_state[f"_{name}_last_valid"] = value
        if value is not None:
            st.query_params[name] = format_value(controls[name], value)


def _on_follow_change() -> None:
    """Toggle callback: the address keeps the choice; switched on, the page takes the view now."""
    if st.session_state.get(FOLLOW.name):
        st.query_params.pop(FOLLOW.name, None)
        st.session_state[RESYNC] = True
    else:
        st.query_params[FOLLOW.name] = format_value(FOLLOW, False)


@st.fragment(run_every=POLL_SECONDS)
def _follow_poll(code: str) -> None:
    """Every second: one read of the published view; a new one reruns the page."""
    ctx = get_script_run_ctx()
    if not (ctx and ctx.fragment_ids_this_run):
        return  # drawn by the page run, which has just read the view itself
    view = _read_view(code)
    if view is not None and st.session_state.get(APPLIED) != (code, view.seq):
        st.rerun(scope="app")


def _student(state: PageState, code: str) -> None:
    view = _read_view(code)
    if view is not None:
        following = st.toggle(t("follow.toggle", state.lang), key=FOLLOW.name,
                              help=t("follow.toggle.help", state.lang),
                              on_change=_on_follow_change, persist_state="session")
        if following:
            st.caption(f":material/cast: {t('follow.following', state.lang)}")
        else:
            st.caption(f":material/explore: {t('follow.exploring', state.lang)}")
        if following and (st.session_state.get(RESYNC)
                          or st.session_state.get(APPLIED) != (code, view.seq)):
            _take_view(state, code, view)
        if not following:
            st.query_params[FOLLOW.name] = format_value(FOLLOW, False)
            return  # exploring: no poll at all (switching on reruns the page)
    _follow_poll(code)


def follow_panel(state: PageState) -> None:
    """The page frame's one call (after the controls settle, before the lesson's
    widgets): the instructor publishes, a student in a class follows."""
    code = state.values.get(CLASS_CODE.name)
    if state.page not in LESSON_SLUGS or not code:
        return
    verified = instructor_on_lesson(state)
    if verified is None:
        _student(state, code)
        return
    if _publish(code, state.page):
        st.caption(f":material/cast: {t('follow.presenting', state.lang, code=code)}")
    else:
        st.warning(t("follow.publish_failed", state.lang), icon=":material/cloud_off:")
    _publish_poll(code, state.page)


def present_links(code: str, lang: str) -> None:
    """/class: one link per lesson that opens it in presenter view for this class.

    No key in the link (it is on the projected page): the lesson finds the key
    in this browser session, where /class put it.
    """
    st.header(t("class.present_title", lang))
    st.caption(t("class.present_how", lang))
    for slug, icon in LESSONS:
        label = t("class.present_link", lang, title=t(f"nav.{slug}", lang))
        params = {CLASS_CODE.name: code, "present": "1", LANG.name: lang}
        try:
            st.page_link(f"pages/{slug}.py", label=label, icon=icon, query_params=params)
        except StreamlitPageNotFoundError:  # /class run on its own: a plain link
            st.markdown(f"[{label}](./{slug}?{urlencode(params)})")
