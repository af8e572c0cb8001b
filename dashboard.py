"""Router: page config, the language of the titles, and the lessons' navigation."""

import streamlit as st

from components.ui.controls import current_language
from components.ui.i18n import t
from components.ui.pages import HOME, LESSONS

lang = current_language()
st.set_page_config(page_title=t("app.title", lang), page_icon=":material/school:",
                   layout="wide")

home_slug, home_icon = HOME
pages = [st.Page(f"pages/{home_slug}.py", title=t(f"nav.{home_slug}", lang),
                 icon=home_icon, default=True)]
pages += [st.Page(f"pages/{slug}.py", title=t(f"nav.{slug}", lang), icon=icon,
                  url_path=slug) for slug, icon in LESSONS]
st.navigation(pages).run()
