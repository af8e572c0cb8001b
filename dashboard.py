"""Router: page config, the language of the titles, and the lessons' navigation."""

import streamlit as st

from components import heavy_imports
from components.storage.process_store import start_expiry_timer
from components.ui.cache_guard import refuse_clear_cache
from components.ui.controls import current_language, presenting
from components.ui.i18n import t
from components.ui.pages import HOME, INSTRUCTOR, LESSONS

# Before any page: no viewer can empty the server's shared caches, and expired
# classes are deleted on a timer whichever page the visitors open.
refuse_clear_cache()
start_expiry_timer()
lang = current_language()
# An emoji icon: Streamlit draws it as a data: SVG. A ":material/..." icon would
# make every visitor's browser fetch the favicon from fonts.gstatic.com, an
# outside request that deploy/nginx.conf's Content-Security-Policy also blocks.
st.set_page_config(page_title=t("app.title", lang), page_icon="🎓", layout="wide",
                   # Presenter view folds the sidebar: the projector's 1024 px go to the lesson.
                   initial_sidebar_state="collapsed" if presenting() else "auto")

home_slug, home_icon = HOME
pages = [st.Page(f"pages/{home_slug}.py", title=t(f"nav.{home_slug}", lang),
                 icon=home_icon, default=True)]
pages += [st.Page(f"pages/{slug}.py", title=t(f"nav.{slug}", lang), icon=icon,
                  url_path=slug) for slug, icon in LESSONS]
# The instructor's page comes last, outside the lessons' order.
class_slug, class_icon = INSTRUCTOR
pages.append(st.Page(f"pages/{class_slug}.py", title=t(f"nav.{class_slug}", lang),
                     icon=class_icon, url_path=class_slug))
page = st.navigation(pages)
# The heavy libraries, one thread at a time (components/heavy_imports.py), before
# the page runs; ① loads them itself once its title and controls are on screen,
# so that its first screen does not wait seconds for torch.
if page.url_path != "resnet":
    heavy_imports.load()
page.run()
