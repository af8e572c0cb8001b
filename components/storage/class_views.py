"""Follow the projector: the lesson view an instructor publishes to the class (SQLAlchemy only).

One row per class: the lesson's page, its student-safe URL parameters as JSON
(never the key: the caller passes ``share.student_params``, and this module
refuses names outside a plain pattern and any value that is not short text)
and a sequence number that grows with every change. A following student's
page reads that row once per poll (one primary-key lookup) and moves when the
number grew. What is read back is only text: the page validates every value
through the schema, exactly as it validates a URL.

The table sits in ``class_store.metadata`` (created by ``create_all`` with the
others: additive, no schema version change) and goes with its class
(``ClassStore.purge_expired`` deletes it; the foreign key cascades too).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import Column, Float, ForeignKey, Integer, String, Table, Text, select, update
from sqlalchemy.exc import IntegrityError

from components.storage.class_store import ClassStore, classes, metadata
from components.storage.codes import CODE_LENGTH, normalise_code

# A page is one of the app's own slugs; a parameter name is a control's URL name.
PAGE_PATTERN = re.compile(r"[a-z]{1,20}")
NAME_PATTERN = re.compile(r"[a-z0-9_]{1,20}")
# Twenty-odd short parameters and ⑤'s expression (at most a few hundred
# characters) fit many times over; anything bigger is refused, not stored.
MAX_PARAMS = 40
MAX_VALUE_LENGTH = 400
MAX_JSON_LENGTH = 4000

class_views = Table(
    "class_views", metadata,
    Column("class_code", String(CODE_LENGTH),
           ForeignKey("classes.code", ondelete="CASCADE"), primary_key=True),
    Column("page", String(20), nullable=False),
    Column("params", Text, nullable=False),
    # Grows by one with every published change: a follower moves when it grew.
    Column("seq", Integer, nullable=False),
    Column("updated_at", Float, nullable=False),
)


@dataclass(frozen=True)
class PublishedView:
    """The instructor's current view of a class: lesson, parameters (unvalidated text), number."""

    page: str
    params: dict[str, str]
    seq: int


def _clean_params(params: dict) -> dict[str, str] | None:
    """``params`` as a bounded dict of short strings, or None when anything is off."""
    if not isinstance(params, dict) or len(params) > MAX_PARAMS:
        return None
    clean = {}
    for name, value in params.items():
        if not (isinstance(name, str) and NAME_PATTERN.fullmatch(name)
                and isinstance(value, str) and len(value) <= MAX_VALUE_LENGTH):
            return None
        clean[name] = value
    return clean


def publish_view(store: ClassStore, code: str, page: str, params: dict[str, str]) -> int | None:
    """Store ``page`` and ``params`` as the class's view; its new sequence number.

    None when nothing was stored: an unknown or expired class, a malformed page
    or parameters. The same view published again is not written again. Callers
    pass only what a student link may carry (``share.student_params``) and only
    after ``store.check_key`` said this is the class's instructor.
    """
    clean = _clean_params(params)
    if normalise_code(code) != code or not PAGE_PATTERN.fullmatch(page or "") or clean is None:
        return None
    text = json.dumps(clean, sort_keys=True, ensure_ascii=False)
    if len(text) > MAX_JSON_LENGTH:
        return None
    now = store._clock()
    with store._write() as conn:
        created = conn.execute(select(classes.c.created_at)
                               .where(classes.c.code == code)).scalar()
        if created is None or created <= now - store.ttl_seconds:
            return None
        row = conn.execute(select(class_views.c.page, class_views.c.params, class_views.c.seq)
                           .where(class_views.c.class_code == code)).first()
        if row is None:
            try:
                conn.execute(class_views.insert().values(class_code=code, page=page, params=text,
                                                         seq=1, updated_at=now))
            except IntegrityError:  # a second tab of the instructor inserted first
                return None
            return 1
        if row.page == page and row.params == text:
            return row.seq
        conn.execute(update(class_views).where(class_views.c.class_code == code)
                     .values(page=page, params=text, seq=row.seq + 1, updated_at=now))
        return row.seq + 1


def published_view(store: ClassStore, code: str) -> PublishedView | None:
    """The class's published view, or None (nothing published, or a malformed row).

    One read by primary key: what every following student's poll costs. The
    parameters are only shape-checked here; their values go through the schema.
    """
    if normalise_code(code) != code:
        return None
    with store.engine.connect() as conn:
        # Joined with its class: an expired class not yet purged leads nowhere.
        row = conn.execute(select(class_views.c.page, class_views.c.params, class_views.c.seq)
                           .join(classes, classes.c.code == class_views.c.class_code)
                           .where(class_views.c.class_code == code,
                                  classes.c.created_at > store._cutoff())).first()
    if row is None or not PAGE_PATTERN.fullmatch(row.page or ""):
        return None
    if len(row.params or "") > MAX_JSON_LENGTH:
        return None
    try:
        params = _clean_params(json.loads(row.params))
    except ValueError:
        return None
    return PublishedView(row.page, params, int(row.seq)) if params is not None else None
