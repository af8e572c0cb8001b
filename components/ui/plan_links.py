"""A lesson plan as a link list and back (pure Python: no streamlit, no database).

Export: one student link per line (``share.page_link``: a lesson's own values,
the language and the class, never the key). Reuse: a pasted list is hostile
text. It is bounded before anything else, every line is split as a URL (never
evaluated), and only a lesson page's schema-valid values are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from components.storage.class_plans import MAX_PLAN_ITEMS, View, checked_view
from components.ui.share import page_link

# A pasted list longer than this is cut here: 50 links of ~150 characters fit easily.
MAX_PASTE_CHARS = 20_000
# Lines longer than this are not links this app made.
MAX_LINE_CHARS = 1_000
# Non-empty lines read: a plan holds 50 views, so a longer list is not one of ours
# (and each line costs a schema check: this bounds the work, ~20 ms).
MAX_LINES = 200
# Query fields read per line (a view has at most nine, plus lang and class).
MAX_FIELDS = 30


def export_links(root: str, views: Sequence[View], code: str | None, lang: str) -> str:
    """The plan as student links, one per line, under ``root`` (in ``code``'s class)."""
    extra = {"lang": lang, **({"class": code} if code else {})}
    return "\n".join(page_link(root, view.page, {**view.as_dict(), **extra}) for view in views)


@dataclass
class Pasted:
    """What a pasted list gave: the views (in order, no repeats) and what was left out.

    ``skipped``: line numbers (1-based) that were not a link to a lesson; ``fixed``:
    value names replaced by the schema's sane value; ``repeated``: views already listed
    above; ``over``: links beyond ``MAX_PLAN_ITEMS``; ``cut``: the text had more than
    ``MAX_PASTE_CHARS`` characters or ``MAX_LINES`` non-empty lines, and its end was not read.
    """

    views: list[View] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    repeated: int = 0
    over: int = 0
    cut: bool = False


def _page_of(path: str) -> str:
    """The lesson slug a link's path ends with (``/base/gradients`` → ``gradients``)."""
    return path.rstrip("/").rsplit("/", 1)[-1]


def parse_links(text: object) -> Pasted:
    """The views of a pasted link list (see :class:`Pasted`); never raises."""
    result = Pasted()
    if not isinstance(text, str):
        return result
    if len(text) > MAX_PASTE_CHARS:
        text, result.cut = text[:MAX_PASTE_CHARS], True
    read = 0
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if read == MAX_LINES:
            result.cut = True
            break
        read += 1
        view = _view_of_line(line, result)
        if view is None:
            result.skipped.append(number)
        elif view in result.views:
            result.repeated += 1
        elif len(result.views) >= MAX_PLAN_ITEMS:
            result.over += 1
        else:
            result.views.append(view)
    return result


def _view_of_line(line: str, result: Pasted) -> View | None:
    if len(line) > MAX_LINE_CHARS or any(c.isspace() for c in line):
        return None
    try:
        parts = urlsplit(line)
        fields = parse_qsl(parts.query, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:  # a malformed address or too many fields
        return None
    if parts.scheme not in ("http", "https", ""):
        return None
    params: dict[str, str] = {}
    for name, value in fields:
        params.setdefault(name, value)  # the first value counts, as on the page
    view, refused = checked_view(_page_of(parts.path), params)
    if view is not None:
        # Only values the link did hold and the schema refused (a missing one is the default).
        result.fixed += [name for name in refused if name in params and name not in result.fixed]
    return view
