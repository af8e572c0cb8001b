"""The lessons, in the tutorial's order: URL path (= file name) and icon.

``dashboard.py`` registers them with ``st.navigation``; the home page links to
them. Titles come from the text catalogues (``nav.<slug>``).
"""

from __future__ import annotations

HOME = ("home", ":material/home:")
LESSONS: tuple[tuple[str, str], ...] = (
    ("resnet", ":material/model_training:"),
    ("gradients", ":material/functions:"),
    ("accumulation", ":material/stacked_line_chart:"),
    ("optimizer", ":material/trending_down:"),
    ("expression", ":material/edit_note:"),
)
# Pages outside the lesson chain (not on the home page's list, no "next lesson").
INSTRUCTOR = ("class", ":material/co_present:")
