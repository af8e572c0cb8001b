"""The one path by which text that a user controls reaches the page.

Text from a URL parameter, a typed expression, a class code or a guess is
data. Streamlit renders most elements' text as markdown (with LaTeX between
``$``, ``:color[...]`` directives, emoji shortcodes and links), so such text
must never be formatted into a markdown string as it is. Every place that shows
user text calls :func:`literal` (for text inside a markdown sentence),
:func:`plain` (for a plain-text element such as ``st.text``, ``st.code`` or a
dataframe cell) or :func:`plotly_text` (for a plotly title, label or hover).
Numbers the app computed are not user text.

Why a code span and not backslash escapes: Streamlit's markdown turns
``https://…``, ``www.…`` and ``name@host`` into live links *after* escapes are
resolved (GFM autolink literals work on the text), and rewrites ``->``, ``--``
and emoji shortcodes the same way. Inside a CommonMark code span none of that
happens: its content is shown character for character. Measured in Chromium
against Streamlit 1.67 (tests/test_browser_user_text.py).

Pure Python: no streamlit, so the rules are unit-tested directly.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Shown instead of the rest of a value that is too long to repeat.
ELLIPSIS = "…"
DEFAULT_LIMIT = 40

# Unicode categories shown as visible ``<U+XXXX>`` codes: controls (newline,
# tab, NUL), format characters (direction marks such as U+202E, which reverse
# what a reader sees; zero-width joiners), line/paragraph separators,
# surrogates, private-use and unassigned code points.
_HIDDEN_CATEGORIES = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"))

# Streamlit rewrites ``:material/`` to ``:material_`` in the whole markdown
# source before parsing, code spans included. A WORD JOINER (U+2060, invisible,
# zero width) after the colon keeps the user's characters as they are.
_MATERIAL = ":material/"
_MATERIAL_KEPT = ":\u2060material/"


def _visible(char: str) -> str:
    """A control, format or direction character as visible text (U+202E → ``<U+202E>``)."""
    return f"<U+{ord(char):04X}>"


def plain(text: object, limit: int = DEFAULT_LIMIT) -> str:
    """User text made safe to show as plain text: one line, bounded, no invisible marks.

    Newlines, tabs, NUL, Unicode direction marks (which can reverse what a
    reader sees) and other control or format characters become visible
    ``<U+XXXX>`` codes; the result is cut to ``limit`` characters.
    """
    shown = "".join(
        _visible(char) if unicodedata.category(char) in _HIDDEN_CATEGORIES else char
        for char in str(text)
    )
    if len(shown) > limit:
        shown = shown[: max(limit - 1, 0)] + ELLIPSIS
    return shown


def literal(text: object, limit: int = DEFAULT_LIMIT) -> str:
    """User text as a markdown code span: it renders as exactly these characters.

    Use it for every ``{placeholder}`` that carries user text in a catalogue
    sentence passed to ``st.markdown``, ``st.warning``, ``st.caption``, a widget
    label and the like. The fence is one backtick longer than the longest run of
    backticks in the text, so no value can close it; one space pads each side
    (CommonMark removes exactly those two), so a value may start or end with a
    backtick. The sentence around it must not leave a ``$`` unpaired, or
    KaTeX's maths could start before the span and end inside it.
    """
    shown = plain(text, limit)
    if shown == "":
        return ""
    shown = shown.replace(_MATERIAL, _MATERIAL_KEPT)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", shown)), default=0) + 1)
    if shown.strip(" ") == "":
        # All spaces: CommonMark strips nothing, so no padding either.
        return f"{fence}{shown}{fence}"
    return f"{fence} {shown} {fence}"


def plotly_text(text: object, limit: int = DEFAULT_LIMIT) -> str:
    """User text for a plotly title, axis label, annotation or hover text.

    Plotly renders a subset of HTML in those strings (``<a href>``, ``<img>``
    is dropped but ``<a>`` is live, ``<span style>``); HTML-escaping makes the
    text show as typed.
    """
    return html.escape(plain(text, limit), quote=False)
