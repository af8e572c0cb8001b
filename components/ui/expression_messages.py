"""The parser's refusals as one localized line (the typed text goes through ``literal``)."""

from __future__ import annotations

from components.numbers import format_number
from components.ui.i18n import t
from components.ui.user_text import literal


def expression_error_text(error, lang: str) -> str:
    """What is not allowed and where, e.g. "`open` is not an allowed function (character 1)".

    ``error`` is an ``ExpressionError``; its ``token`` is a piece of user
    text, escaped here so it renders as exactly those characters.
    """
    code = getattr(error, "code", "syntax")
    return t(
        f"expression.error.{code}",
        lang,
        where=getattr(error, "position", 0),
        token=literal(getattr(error, "token", "")),
        limit=format_number(getattr(error, "limit", 0)),
    )
