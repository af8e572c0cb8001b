"""The lesson plan on screen: the instructor's panel on a lesson page (add this view,
"3 / 7", previous / next) and the plan's section on /class (reorder, remove, present an
item, export as a link list, reuse a pasted list).

Only a verified instructor (this session holds the class's key, checked with the
store) sees either. The key goes to the store through callbacks only: never into
visible text or a link (the session carries it from page to page).
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from components.storage.class_plans import (
    MAX_PLAN_ITEMS,
    ClassPlans,
    Extended,
    View,
    checked_view,
    view_controls,
)
from components.storage.class_store import UNAVAILABLE, ClassStore
from components.storage.process_store import class_store
from components.ui.class_follow import instructor_on_lesson
from components.ui.controls import PageState
from components.ui.i18n import t
from components.ui.plan_links import (
    MAX_LINES,
    MAX_PASTE_CHARS,
    Pasted,
    export_links,
    parse_links,
)
from components.ui.schema import PRESENT, format_value, parse
from components.ui.user_text import literal

# Session keys (not widgets): a line to show once after a click, and a lesson to switch to.
MESSAGE_KEY = "_plan_message"
GOTO_KEY = "_plan_goto"
PASTE_KEY = "class_plan_paste"
# At most this many line numbers in the "skipped" line; the rest are counted.
_SHOWN_LINES = 8


def current_view(state: PageState) -> View:
    """The view this page shows: its lesson and every one of its controls' values."""
    values = {c.name: format_value(c, state[c.name]) for c in view_controls(state.page)}
    return checked_view(state.page, values)[0]


def _say(key: str, **values) -> None:
    st.session_state[MESSAGE_KEY] = (key, values)


def _show_message(lang: str) -> None:
    said = st.session_state.pop(MESSAGE_KEY, None)
    if said:
        key, values = said
        st.caption(t(key, lang, **values))


# --- the instructor's panel on a lesson page --------------------------------
def _add(code: str, key: str, view: View) -> None:
    try:
        added = ClassPlans(class_store()).add(code, key, view)
    except UNAVAILABLE:
        _say("plan.db_error")
        return
    if added.status in ("added", "exists"):
        _say(f"plan.{added.status}", position=added.position + 1)
    elif added.status == "full":
        _say("plan.full", count=MAX_PLAN_ITEMS)


def _step(code: str, key: str, page: str, delta: int, here: int | None) -> None:
    """Previous / next: the same lesson takes the item's values now (before the run
    draws its widgets); another lesson is opened by the next run (``_go_if_asked``)."""
    try:
        plan = ClassPlans(class_store()).step(code, key, delta, here)
    except UNAVAILABLE:
        _say("plan.db_error")
        return
    if plan is None or plan.current is None:
        return
    target = plan.items[plan.current]
    if target.page != page:
        st.session_state[GOTO_KEY] = target
        return
    values = target.as_dict()
    for control in view_controls(page):
        st.session_state[control.name] = parse(control, values.get(control.name)).value


def _go_if_asked(state: PageState) -> None:
    """Open the lesson a click on previous / next asked for, with its values in the URL
    (the URL wins on arriving at a page). The class, the key, the language and presenter
    view are the session's own and go with it (they are carried): never in a link."""
    target = st.session_state.pop(GOTO_KEY, None)
    if not isinstance(target, View) or target.page == state.page:
        return
    try:
        st.switch_page(f"pages/{target.page}.py", query_params=target.as_dict())
    except StreamlitPageNotFoundError:  # a page run on its own (no navigation): say where
        st.caption(t(f"nav.{target.page}", state.lang))


def plan_panel(state: PageState) -> None:
    """"Lesson plan" for the instructor on a lesson page: one compact row (the room sees
    the projector): the position, previous / next and "add this view"."""
    verified = instructor_on_lesson(state)
    if verified is None:
        return
    lang = state.lang
    code, key = verified
    _go_if_asked(state)
    view = current_view(state)
    try:
        plan = ClassPlans(class_store()).plan(code, key)
    except UNAVAILABLE:
        st.caption(t("plan.db_error", lang))
        return
    if plan is None:
        return
    here = plan.position_of(view)
    shown = here
    if here is None and plan.current is not None and plan.items[plan.current].page == state.page:
        shown = plan.current  # the current item with a slider moved: still that item
    # Off the plan, previous / next step from the current item (``here`` is None).
    with st.container(border=True, key="plan_panel"):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            position = (t("plan.position", lang, current=shown + 1, total=len(plan))
                        if shown is not None else t("plan.position_off", lang, total=len(plan)))
            st.markdown(f"**{t('plan.title', lang)}** · {position}")
            st.button(t("plan.previous", lang), key="plan_prev", icon=":material/arrow_back:",
                      disabled=not plan.items or shown == 0, on_click=_step,
                      args=(code, key, state.page, -1, here))
            st.button(t("plan.next", lang), key="plan_next", icon=":material/arrow_forward:",
                      disabled=not plan.items or shown == len(plan) - 1, on_click=_step,
                      args=(code, key, state.page, +1, here))
            st.button(t("plan.add", lang), key="plan_add", icon=":material/playlist_add:",
                      help=t("plan.add.help", lang), disabled=here is not None,
                      on_click=_add, args=(code, key, view))
        _show_message(lang)


# --- the plan on /class -------------------------------------------------------
def _change(action, *args) -> None:
    try:
        action(*args)
    except UNAVAILABLE:
        _say("plan.db_error")


def _fill(store: ClassStore, code: str, key: str) -> None:
    """"Add to the plan": the pasted list's views, and one line on what was left out."""
    pasted = parse_links(st.session_state.get(PASTE_KEY))
    try:
        extended = ClassPlans(store).extend(code, key, pasted.views)
    except UNAVAILABLE:
        _say("plan.db_error")
        return
    if extended is None:
        return
    # The line is worded on the next run, in the language the page is in then.
    st.session_state[MESSAGE_KEY] = ("_filled", {"pasted": pasted, "extended": extended})
    if extended.added:
        st.session_state[PASTE_KEY] = ""


def fill_line(lang: str, pasted: Pasted, extended: Extended) -> str:
    """One line: how many views went into the plan and what was left out, and why."""
    if not pasted.views and not pasted.skipped:
        parts = [t("plan.fill_none", lang)]
    else:
        parts = [t("plan.filled", lang, count=extended.added)]
    if pasted.skipped:
        lines = ", ".join(str(n) for n in pasted.skipped[:_SHOWN_LINES])
        if len(pasted.skipped) > _SHOWN_LINES:
            lines += ", …"
        parts.append(t("plan.fill_skipped", lang, count=len(pasted.skipped), lines=lines))
    if pasted.fixed:
        parts.append(t("plan.fill_fixed", lang,
                       names=", ".join(literal(name) for name in pasted.fixed)))
    if repeated := pasted.repeated + extended.repeated:
        parts.append(t("plan.fill_repeated", lang, count=repeated))
    if over := pasted.over + extended.over:
        parts.append(t("plan.fill_over", lang, count=over, limit=MAX_PLAN_ITEMS))
    if pasted.cut:
        parts.append(t("plan.fill_cut", lang, lines=MAX_LINES, chars=f"{MAX_PASTE_CHARS:,}"))
    return " ".join(parts)


def _values_text(view: View, lang: str) -> str:
    """The values that differ from the lesson's defaults, as code spans (``a1=-1``)."""
    changed = [f"{name}={value}" for (name, value), control
               in zip(view.params, view_controls(view.page), strict=True)
               if value != format_value(control, control.default)]
    return " ".join(literal(text) for text in changed) or t("plan.defaults", lang)


def _present_link(view: View, lang: str, key: str) -> None:
    """"Present": this tab opens the item's lesson in presenter view. The session holds
    the class and the key, so the link carries neither (only the view and ``present``)."""
    query = {**view.as_dict(), PRESENT.name: "1"}
    with st.container(key=key, width="content"):  # a link has no widget key: its box has
        try:
            st.page_link(f"pages/{view.page}.py", label=t("plan.open", lang),
                         icon=":material/co_present:", help=t("plan.open.help", lang),
                         query_params=query)
        except StreamlitPageNotFoundError:  # /class run on its own (no navigation)
            st.markdown(f"[{t('plan.open', lang)}](./{view.page}?{urlencode(query)})")


def plan_section(store: ClassStore, code: str, key: str, lang: str) -> None:
    """The plan on /class for the key holder: its items, export and reuse."""
    # The /class page's own address helpers (they import the class checkpoints, so
    # torch: never at the import of this module, which every lesson page loads).
    from components.ui.class_panels import base_url
    from components.ui.room_link import student_root

    plans = ClassPlans(store)
    st.header(t("plan.class_title", lang))
    st.caption(t("plan.class_caption", lang))
    said = st.session_state.get(MESSAGE_KEY)
    if said and said[0] == "_filled":
        st.session_state.pop(MESSAGE_KEY)
        st.info(fill_line(lang, **said[1]), icon=":material/playlist_add_check:")
    else:
        _show_message(lang)
    try:
        plan = plans.plan(code, key)
    except UNAVAILABLE:
        st.warning(t("plan.db_error", lang), icon=":material/cloud_off:")
        return
    if plan is None:
        return
    base = base_url()
    if not plan.items:
        st.caption(t("plan.class_empty", lang))
    listed = st.container(border=True, key="class_plan_list") if plan.items else st.container()
    for i, view in enumerate(plan.items):
        with listed, st.container(key=f"class_plan_item_{i}"):
            text, buttons = st.columns([1, 1], vertical_alignment="center")
            current = f" · **{t('plan.current', lang)}**" if i == plan.current else ""
            text.markdown(f"**{i + 1}.** {t(f'nav.{view.page}', lang)} · "
                          f"{_values_text(view, lang)}{current}")
            # The buttons in one column at the right, aligned from item to item.
            with buttons.container(horizontal=True, horizontal_alignment="right",
                                   vertical_alignment="center", gap="small"):
                st.button(t("plan.up", lang), key=f"class_plan_up_{i}", disabled=i == 0,
                          icon=":material/arrow_upward:", on_click=_change,
                          args=(plans.move, code, key, i, -1))
                st.button(t("plan.down", lang), key=f"class_plan_down_{i}",
                          disabled=i == len(plan) - 1, icon=":material/arrow_downward:",
                          on_click=_change, args=(plans.move, code, key, i, +1))
                st.button(t("plan.remove", lang), key=f"class_plan_remove_{i}",
                          icon=":material/delete:", on_click=_change,
                          args=(plans.remove, code, key, i))
                _present_link(view, lang, key=f"class_plan_open_{i}")
    if plan.items:
        root = student_root("class")
        links = export_links(root.url or base, plan.items, code, lang)
        with st.expander(t("plan.export_title", lang), icon=":material/link:"):
            st.caption(t("plan.export_caption", lang))
            st.code(links, language=None, wrap_lines=True)
            st.download_button(t("plan.download", lang), links.encode("utf-8") + b"\n",
                               file_name=f"autograd-lab-plan-{code}.txt", mime="text/plain",
                               key="class_plan_export", icon=":material/download:",
                               on_click="ignore")
    with st.expander(t("plan.reuse_title", lang), icon=":material/content_paste:",
                     expanded=not plan.items):
        st.text_area(t("plan.paste", lang), key=PASTE_KEY, max_chars=MAX_PASTE_CHARS,
                     height=120, help=t("plan.paste.help", lang))
        st.button(t("plan.fill", lang), key="class_plan_fill", icon=":material/playlist_add:",
                  on_click=_fill, args=(store, code, key))
