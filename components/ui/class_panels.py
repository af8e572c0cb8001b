"""The instructor's page sections: start a class, the join link and QR code, and the
live answers per checkpoint with a "reveal to the class" button.

Nothing of an existing class is drawn unless the URL's key matches it: the page
calls :func:`instructor_class` first and only passes a verified (code, key) on.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.numbers import format_number
from components.storage.class_store import UNAVAILABLE, ClassStore, TooManyClasses
from components.ui.class_session import (
    CLASS_CHECKPOINTS,
    REFRESH_SECONDS,
    ClassCheckpoint,
    class_store,
    client_id,
    spread_chart,
)
from components.ui.controls import PageState
from components.ui.i18n import t
from components.ui.pages import LESSONS
from components.ui.room_link import student_root, unreachable_line
from components.ui.schema import CLASS_CODE, KEY
from components.ui.share import Root, page_link
from components.ui.share import qr_png as share_qr_png

NEW_KEY = "class_new_key"
# Set by a button callback whose write the database did not take: one line on the next run.
FAILED_KEY = "class_db_failed"
REFUSED_KEY = "class_start_refused"
LESSON_KEY = "class_lesson"
# When the page cannot know its own address (AppTest), links point here.
FALLBACK_BASE = "http://localhost:8501"


def instructor_class(state: PageState, store: ClassStore) -> tuple[str, str] | None:
    """(code, key) when the URL's class and key match a live class, else None.

    No key, a wrong key and an unknown class all give None: the page then looks
    the same whichever of them it was.
    """
    code, key = state[CLASS_CODE.name], state[KEY.name]
    if code and key and store.check_key(code, key):
        return code, key
    return None


def database_down(lang: str) -> None:
    """One line while the database does not answer; the page redraws itself once it does."""
    st.warning(t("class.db_error", lang, seconds=REFRESH_SECONDS), icon=":material/cloud_off:")
    _retry_database()


@st.fragment(run_every=REFRESH_SECONDS)
def _retry_database() -> None:
    """Every few seconds: when the database answers again, rerun the whole page."""
    ctx = get_script_run_ctx()
    if not (ctx and ctx.fragment_ids_this_run):
        return  # drawn by the run that just failed: the first try is the next refresh
    try:
        class_store().stored_schema_version()
    except Exception:  # noqa: BLE001 - still down (or not even openable): the line stays
        return
    st.rerun(scope="app")


def _start_class(store: ClassStore, client: str) -> None:
    """Button callback: a new class; its code and key go into this session and the URL."""
    try:
        new = store.create_class(client)
    except TooManyClasses as refused:  # the page says why, in one line
        st.session_state[REFUSED_KEY] = refused.reason
        return
    except UNAVAILABLE:
        st.session_state[FAILED_KEY] = "class.db_error"
        return
    st.session_state[CLASS_CODE.name] = new.code
    st.session_state[KEY.name] = new.key
    st.session_state[NEW_KEY] = new.key


def start_section(state: PageState, store: ClassStore) -> None:
    """What everyone without a verified key sees: how class mode works, and "start a class"."""
    lang = state.lang
    if st.session_state.pop(FAILED_KEY, None):
        st.warning(t("class.db_error", lang, seconds=REFRESH_SECONDS), icon=":material/cloud_off:")
    if state[CLASS_CODE.name]:
        # Same line for no key, a wrong key and an unknown class.
        st.info(t("class.need_key", lang), icon=":material/key:")
    st.markdown(t("class.how", lang))
    refused = st.session_state.pop(REFUSED_KEY, None)
    if refused is not None:
        limit = (store.limits.classes_per_minute if refused == "client"
                 else store.limits.max_classes)
        st.warning(t(f"class.start_refused.{refused}", lang, count=limit),
                   icon=":material/hourglass_top:")
    st.button(t("class.start", lang), key="start_class", type="primary",
              on_click=_start_class, args=(store, client_id()), icon=":material/groups:")
    st.caption(t("class.privacy", lang, hours=format_number(store.ttl_seconds / 3600)))


def key_once(code: str, key: str, lang: str, presenting: bool = False) -> None:
    """Right after "start a class": the key and the instructor link, shown this once.

    Never in presenter view, where it would be projected: there one line says
    where to find it, and the link waits until presenter view is off.
    """
    if st.session_state.get(NEW_KEY) != key:
        return
    if presenting:
        st.caption(f":material/visibility_off: {t('class.key_not_projected', lang)}")
        return
    del st.session_state[NEW_KEY]
    st.warning(t("class.key_warning", lang), icon=":material/warning:")
    st.code(instructor_url(code, key, lang), language=None, wrap_lines=True)


def base_url() -> str:
    """The app's address as the instructor's browser sees it, without the page
    path and query (the instructor link is for the instructor's own browser)."""
    url = st.context.url or ""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return FALLBACK_BASE
    path = parts.path.rstrip("/")
    if path.endswith("/class"):
        path = path[: -len("/class")]
    return f"{parts.scheme}://{parts.netloc}{path}"


def join_url(root: Root, code: str, lesson: str, lang: str) -> str | None:
    """The link students open: the lesson in predict mode, in this class, at an
    address they can reach (None when there is none)."""
    if root.url is None:
        return None
    return page_link(root.url, lesson, {"class": code, "predict": "1", "lang": lang})


def instructor_url(code: str, key: str, lang: str) -> str:
    """The instructor's own link back to this page (it carries the key)."""
    return f"{base_url()}/class?" + urlencode({"class": code, "key": key, "lang": lang})


def qr_png(url: str) -> bytes:
    """A QR code of ``url`` as PNG, made locally (segno), large enough for a projector."""
    return share_qr_png(url, scale=8)


def lesson_choice(lang: str) -> str:
    """Which lesson the class is working on (the join link opens it)."""
    slugs = [slug for slug, _ in LESSONS if slug in CLASS_CHECKPOINTS]
    if st.session_state.get(LESSON_KEY) not in slugs:
        st.session_state[LESSON_KEY] = "gradients"
    return st.radio(t("class.lesson", lang), slugs, key=LESSON_KEY, horizontal=True,
                    format_func=lambda slug: t(f"nav.{slug}", lang))


# The join QR code on the projector: at least 300 px, what a phone reads from
# the back of a room (issue 24).
JOIN_QR_PX = 340


def join_panel(code: str, lesson: str, lang: str, presenting: bool = False) -> None:
    """The code in large type, the join link and its QR code; when no address
    students can reach is known, one line says so instead of a QR code that
    could not work."""
    root = student_root("class")
    url = join_url(root, code, lesson, lang)
    with st.container(key="class_join"):
        text_col, qr_col = st.columns([1, 1] if presenting else [3, 2], gap="large")
    with text_col:
        # Large enough to read from the back row; the code matched its pattern.
        st.metric(t("class.code_label", lang), code)
        if url is None:
            st.warning(unreachable_line(root, lang), icon=":material/wifi_off:")
        else:
            st.markdown(t("class.join_how", lang))
            st.code(url, language=None, wrap_lines=True)
    if url is not None:
        with qr_col:
            st.image(qr_png(url), caption=t("class.qr_caption", lang),
                     width=JOIN_QR_PX if presenting else "stretch",
                     alt=t("class.qr_alt", lang))


def _reveal(store: ClassStore, code: str, key: str, checkpoint_id: str) -> None:
    try:
        store.reveal(code, key, checkpoint_id)
    except UNAVAILABLE:
        st.session_state[FAILED_KEY] = "class.reveal_failed"


def _checkpoint_card(store: ClassStore, code: str, key: str, checkpoint: ClassCheckpoint,
                     lang: str, show_answer: bool, summary) -> None:
    if summary is None:  # the class expired while the page was open
        st.info(t("class.need_key", lang), icon=":material/key:")
        return
    with st.container(border=True, key=f"class_card_{checkpoint.id}"):
        head, button = st.columns([3, 1], vertical_alignment="center")
        # The question in words: a label such as a.grad[0] alone does not say what was asked.
        head.markdown(f"**{checkpoint.question(lang)}**  \n"
                      + t("class.answer_count", lang, count=summary.count))
        if summary.revealed:
            button.success(t("class.revealed", lang), icon=":material/visibility:")
        else:
            button.button(t("class.reveal", lang), key=f"class_reveal_{checkpoint.id}",
                          type="primary", width="stretch", on_click=_reveal,
                          args=(store, code, key, checkpoint.id))
        if summary.count:
            # Before the reveal the answer shows only if the instructor asked for it.
            spread_chart(checkpoint, summary, lang, key=f"class_chart_{checkpoint.id}",
                         show_answer=show_answer or summary.revealed)
        else:
            st.caption(t("class.no_answers", lang))


@st.fragment(run_every=REFRESH_SECONDS)
def live_answers(store: ClassStore, code: str, key: str, lesson: str, lang: str) -> None:
    """Answers per checkpoint of ``lesson``, redrawn every few seconds without a click."""
    st.header(t("class.live_title", lang))
    st.caption(t("class.live_caption", lang, seconds=REFRESH_SECONDS))
    # Off by default: the instructor's screen is often the projector.
    show_answer = st.toggle(t("class.show_answer", lang), key="class_show_answer",
                            help=t("class.show_answer.help", lang))
    failed = st.session_state.pop(FAILED_KEY, None)
    try:
        summaries = [store.instructor_summary(code, key, checkpoint.id)
                     for checkpoint in CLASS_CHECKPOINTS[lesson]]
    except UNAVAILABLE:
        # One line; this fragment asks again at its next refresh and carries on by itself.
        st.warning(t("class.db_error", lang, seconds=REFRESH_SECONDS), icon=":material/cloud_off:")
        return
    if failed:
        st.warning(t(failed, lang, seconds=REFRESH_SECONDS), icon=":material/cloud_off:")
    for checkpoint, summary in zip(CLASS_CHECKPOINTS[lesson], summaries, strict=True):
        _checkpoint_card(store, code, key, checkpoint, lang, show_answer, summary)
