"""The one path by which text that a user controls reaches the page.

Text from a URL parameter, a typed expression, a class code or a guess is
data. Streamlit renders most elements' text as markdown (with LaTeX between
``$``, ``:color[...]`` directives and links), so such text must never be
formatted into a markdown string as it is. Every place that shows user text
calls :func:`literal` (for text inside a markdown sentence) or draws it with a
plain-text element. Numbers the app computed are not user text.

Pure Python: no streamlit, so the escaping is unit-tested directly.
"""

from __future__ import annotations

import unicodedata

# Shown instead of the rest of a value that is too long to repeat.
ELLIPSIS = "…"
DEFAULT_LIMIT = 40

# Every ASCII punctuation character may be backslash-escaped in CommonMark;
# escaping all of them turns off links, images, emphasis, code spans, HTML,
# ``$`` maths and Streamlit's ``:directive[...]`` syntax at once.
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _visible(char: str) -> str:
    """A control, format or direction character as visible text (U+202E → ``<U+202E>``)."""
    return f"<U+{ord(char):04X}>"


def plain(text: object, limit: int = DEFAULT_LIMIT) -> str:
    """User text made safe to show as plain text: one line, bounded, no invisible marks.

    Newlines, tabs, NUL, Unicode direction marks (which can reverse what a
    reader sees) and other control or format characters become visible
    ``<U+XXXX>`` codes; the result is cut to ``limit`` characters.
    """
    out = []
    for char in str(text):
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(_visible(char))
        else:
            out.append(char)
    shown = "".join(out)
    if len(shown) > limit:
        shown = shown[: max(limit - 1, 0)] + ELLIPSIS
    return shown


def literal(text: object, limit: int = DEFAULT_LIMIT) -> str:
    """User text escaped for a markdown string: it renders as exactly these characters.

    Use it for every ``{placeholder}`` that carries user text in a catalogue
    sentence passed to ``st.markdown``, ``st.warning``, ``st.caption`` and the like.
    """
    return "".join("\\" + c if c in _ASCII_PUNCTUATION else c for c in plain(text, limit))
