"""Class mode, the instructor's page: start a class, share its link, watch the answers, reveal,
and read the report after class.

Students join any lesson with ``?class=<code>&predict=1`` (the QR code carries
it). Everything about an existing class needs the instructor key in the URL.
"""

import streamlit as st

from components.ui.class_follow import present_links
from components.ui.class_panels import (
    database_down,
    instructor_class,
    join_panel,
    key_once,
    lesson_choice,
    live_answers,
    start_section,
)
from components.ui.class_plan import plan_section
from components.ui.class_report import report_section
from components.ui.class_session import class_store
from components.ui.i18n import t
from components.ui.layout import is_presenting, start_page

state = start_page("class")
lang = state.lang
presenting = is_presenting(state)
if not presenting:  # on the projector the join code and its QR code come first
    st.markdown(t("class.intro", lang))

try:
    store = class_store()
    store.purge_if_due()
    verified = instructor_class(state, store)
except Exception:  # noqa: BLE001 - any database failure: one line, not a traceback
    database_down(lang)  # and the page carries on by itself once the database answers
    st.stop()
if verified is None:
    start_section(state, store)
    st.stop()

code, key = verified
key_once(code, key, lang, presenting)
# The join panel above the lesson choice that its link depends on.
join_slot = st.container()
lesson = lesson_choice(lang)
with join_slot:
    join_panel(code, lesson, lang, presenting)
present_links(code, lang)  # the room follows the lesson opened with one of them
live_answers(store, code, key, lesson, lang)
if not presenting:  # arranging the plan is the instructor's, not the room's
    plan_section(store, code, key, lang)
report_section(store, code, key, lang, presenting)
