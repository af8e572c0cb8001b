"""Look up user-facing text: one catalogue per language (text_ko.py, text_en.py)."""

from __future__ import annotations

from components.plural import fill
from components.ui import text_en, text_ko

LANGUAGES = ("ko", "en")
CATALOGS: dict[str, dict[str, str]] = {"ko": text_ko.TEXT, "en": text_en.TEXT}


def t(key: str, lang: str, **values) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in.

    A key missing from a catalogue is a bug the tests catch; at run time it
    shows the key itself rather than breaking the page.
    """
    catalog = CATALOGS.get(lang, CATALOGS["ko"])
    text = catalog.get(key)
    if text is None:
        return key
    return fill(text, **values) if values else text
