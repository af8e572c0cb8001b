"""Phones: a swipe that starts on an ``st.slider`` scrolls the page instead of
moving the value, unless it is a deliberate horizontal drag.

Streamlit's slider is not ours; a script in the page's own window (an
invisible ``st.components.v2`` component, mounted by ``layout.start_page``)
holds back the pointer moves of a touch until it is known to be horizontal.
The drag slider has the same rule in its own script (static/drag_slider.js).
The JS is a file beside this module, read once at import.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

GUARD_JS = (Path(__file__).parent / "static" / "touch_guard.js").read_text(encoding="utf-8")

_component = st.components.v2.component("autograd_lab.touch_guard", js=GUARD_JS)


def touch_guard() -> None:
    """Mount the guard (it installs itself once per browser tab; app.css hides its box)."""
    _component(key="touch_guard")
