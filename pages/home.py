"""Home: what autograd is for, the lessons in order, and what is running."""

import streamlit as st

from components.ui.i18n import t
from components.ui.layout import lesson_link, start_page
from components.ui.pages import LESSONS
from components.ui.versions import running_versions

VIDEO_URL = "https://www.youtube.com/watch?v=tIeHLnjs5U8"

state = start_page("home")
lang = state.lang
st.markdown(t("home.intro", lang))
st.markdown(f"- {t('home.forward', lang)}\n- {t('home.backward', lang)}")
st.markdown(t("home.how", lang))

st.header(t("home.lessons", lang))
# Two cards a row (the lessons fit one projector screen), filled row by row so
# that on a phone, where columns stack, the cards stay in lesson order.
for row in range(0, len(LESSONS), 2):
    cards = st.columns(2, gap="medium")
    for card, (slug, icon) in zip(cards, LESSONS[row:row + 2], strict=False):
        with card.container(border=True, height="stretch"):
            lesson_link(slug, t(f"nav.{slug}", lang), icon, lang)
            st.markdown(t(f"home.lesson.{slug}", lang))

st.info(t("home.cpu", lang), icon=":material/memory:")
st.markdown(t("home.video", lang, url=VIDEO_URL))
st.caption(t("home.versions", lang, **running_versions()))
st.caption(t("home.source", lang))
