"""A class's lesson plan: an ordered list of views the instructor steps the room through.

A view is a lesson page and the values of that page's own controls (what
``share.student_params`` lets a student link carry, less the language, which is
the viewer's, the class code, which is the plan's own, and predict mode, which
a class keeps on for its students). The plan is kept
with its class (the tables join ``class_store.metadata``, so ``create_all``
makes them, and they are purged with the class) and so survives a restart.

Every read and write needs the class's instructor key. Stored values are never
trusted: each is parsed again through the schema when read back, so a row
edited by hand gives the same sane values a hostile URL would.

No streamlit here (the schema module is pure Python).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    delete,
    insert,
    select,
)

from components.storage.class_store import ClassStore, classes, metadata
from components.storage.codes import CODE_LENGTH, normalise_code
from components.ui.pages import LESSONS
from components.ui.schema import Control, controls_for, format_value, parse

# What one class's plan may cost the database: a lecture has a few dozen views at most.
MAX_PLAN_ITEMS = 50
# One view's values as JSON (the longest is ⑤'s expression, at most 200 characters).
MAX_PARAMS_CHARS = 1000
LESSON_PAGES = tuple(slug for slug, _ in LESSONS)
# Not part of a view: predict mode is the class's (always on for its students), not a slide's.
NOT_IN_A_VIEW = frozenset({"predict"})

plan_items = Table(
    "class_plan_items", metadata,
    Column("class_code", String(CODE_LENGTH),
           ForeignKey("classes.code", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False, autoincrement=False),
    Column("page", String(20), nullable=False),
    Column("params", String(MAX_PARAMS_CHARS), nullable=False),
    PrimaryKeyConstraint("class_code", "position"),
)
# Which item the instructor last stepped to (0-based), one row per class with a plan.
plan_cursors = Table(
    "class_plan_cursors", metadata,
    Column("class_code", String(CODE_LENGTH),
           ForeignKey("classes.code", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False, autoincrement=False),
)


@dataclass(frozen=True)
class View:
    """A lesson page and every one of its controls' values as URL text (schema order)."""

    page: str
    params: tuple[tuple[str, str], ...]

    def as_dict(self) -> dict[str, str]:
        return dict(self.params)


@dataclass(frozen=True)
class Plan:
    """The plan's views in order, and the item the instructor last stepped to (or None)."""

    items: tuple[View, ...]
    current: int | None

    def __len__(self) -> int:
        return len(self.items)

    def position_of(self, view: View | None) -> int | None:
        """Where ``view`` is in the plan: the current item if it is that view, else its first
        place, else None (the instructor moved away from the plan)."""
        if view is None:
            return None
        if self.current is not None and self.items[self.current] == view:
            return self.current
        return self.items.index(view) if view in self.items else None


def view_controls(page: str) -> tuple[Control, ...]:
    """The controls of ``page`` whose values make up a view, in the schema's order."""
    return tuple(c for c in controls_for(page) if c.name not in NOT_IN_A_VIEW)


def checked_view(page: str, params: Mapping[str, object]) -> tuple[View | None, list[str]]:
    """The view of ``page`` with ``params`` read through the schema, and the names of the
    values that were refused (bad text, NaN, out of range: each replaced by the schema's
    sane value). None for a page that is not a lesson. Names the page does not own are ignored.
    """
    if page not in LESSON_PAGES:
        return None, []
    refused, values = [], []
    for control in view_controls(page):
        raw = params.get(control.name)
        parsed = parse(control, None if raw is None else str(raw))
        if parsed.problem:
            refused.append(control.name)
        values.append((control.name, format_value(control, parsed.value)))
    return View(page, tuple(values)), refused


def _stored_view(page: str, params: str) -> View | None:
    """A row read back: never trusted, parsed again (None for a row no schema can read)."""
    if not isinstance(params, str) or len(params) > MAX_PARAMS_CHARS:
        return None
    try:
        values = json.loads(params)
    except ValueError:
        return None
    if not isinstance(values, dict):
        return None
    return checked_view(page, {k: v for k, v in values.items() if isinstance(v, str)})[0]


@dataclass(frozen=True)
class Added:
    """What ``add_view`` did: ``added``, ``exists`` (the view is already in the plan),
    ``full`` (``MAX_PLAN_ITEMS``), ``invalid`` or ``denied`` (no such class or a wrong key);
    ``position`` is the view's place in the plan when it is there."""

    status: str
    position: int | None = None


@dataclass(frozen=True)
class Extended:
    """What ``extend`` did: views ``added``, ``repeated`` (already in the plan, or twice in
    the list) and ``over`` (beyond ``MAX_PLAN_ITEMS``)."""

    added: int
    repeated: int
    over: int


class ClassPlans:
    """The plan queries, on the process's class store (its engine and write queue)."""

    def __init__(self, store: ClassStore):
        self.store = store

    # --- helpers ----------------------------------------------------------
    def _allowed(self, code: str, key: str) -> bool:
        return (isinstance(code, str) and normalise_code(code) == code
                and isinstance(key, str) and self.store.check_key(code, key))

    def _lock_class(self, conn, code: str) -> bool:
        """In a write transaction: lock the class row (PostgreSQL; SQLite's write lock is
        already taken), so two writers of one plan take turns. False if it is gone."""
        created = conn.execute(select(classes.c.created_at).where(classes.c.code == code)
                               .with_for_update()).scalar()
        return created is not None and created > self.store._cutoff()

    @staticmethod
    def _read(conn, code: str) -> Plan:
        rows = conn.execute(select(plan_items.c.page, plan_items.c.params)
                            .where(plan_items.c.class_code == code)
                            .order_by(plan_items.c.position)
                            .limit(MAX_PLAN_ITEMS)).all()
        items = tuple(view for view in (_stored_view(r.page, r.params) for r in rows) if view)
        current = conn.execute(select(plan_cursors.c.position)
                               .where(plan_cursors.c.class_code == code)).scalar()
        if current is None or not items:
            return Plan(items, None)
        return Plan(items, min(max(int(current), 0), len(items) - 1))

    @staticmethod
    def _write(conn, code: str, items: Sequence[View], current: int | None,
               same_items: bool = False) -> None:
        """Replace the plan (at most ``MAX_PLAN_ITEMS`` views): positions are rewritten
        whole, so a move or a removal never leaves a gap or a duplicate position. A step
        (``same_items``) writes the current item only."""
        conn.execute(delete(plan_cursors).where(plan_cursors.c.class_code == code))
        items = list(items)[:MAX_PLAN_ITEMS]
        if not same_items:
            conn.execute(delete(plan_items).where(plan_items.c.class_code == code))
        if items and not same_items:
            conn.execute(insert(plan_items), [
                {"class_code": code, "position": i, "page": view.page,
                 "params": json.dumps(view.as_dict(), separators=(",", ":"))}
                for i, view in enumerate(items)])
        if items and current is not None:
            conn.execute(insert(plan_cursors).values(
                class_code=code, position=min(max(current, 0), len(items) - 1)))

    def _change(self, code: str, key: str, change) -> tuple[Plan | None, bool]:
        """Apply ``change(plan) -> (items, current) | None`` in one write transaction: the
        plan after it (None without the key) and whether it changed (None: nothing to do)."""
        if not self._allowed(code, key):
            return None, False
        with self.store._write() as conn:
            if not self._lock_class(conn, code):
                return None, False
            plan = self._read(conn, code)
            changed = change(plan)
            if changed is None:
                return plan, False
            items, current = changed
            self._write(conn, code, items, current, same_items=tuple(items) == plan.items)
            return self._read(conn, code), True

    # --- the plan ---------------------------------------------------------
    def plan(self, code: str, key: str) -> Plan | None:
        """The class's plan, for the instructor only (None without the right key)."""
        if not self._allowed(code, key):
            return None
        with self.store.engine.connect() as conn:
            return self._read(conn, code)

    def add(self, code: str, key: str, view: View | None) -> Added:
        """Append ``view`` and make it the current item (the instructor is showing it)."""
        if not isinstance(view, View):
            return Added("invalid")
        checked, _ = checked_view(view.page, view.as_dict())
        if checked is None:
            return Added("invalid")
        outcome: list[Added] = []

        def change(plan: Plan):
            if checked in plan.items:
                outcome.append(Added("exists", plan.items.index(checked)))
                return None
            if len(plan) >= MAX_PLAN_ITEMS:
                outcome.append(Added("full"))
                return None
            outcome.append(Added("added", len(plan)))
            return [*plan.items, checked], len(plan)

        if self._change(code, key, change)[0] is None:
            return Added("denied")
        return outcome[0]

    def extend(self, code: str, key: str, views: Sequence[View]) -> Extended | None:
        """Append ``views`` (a pasted link list) up to ``MAX_PLAN_ITEMS``, each view once;
        what happened (None without the key). The current item stays where it was."""
        checked = [v for v in (checked_view(view.page, view.as_dict())[0]
                               for view in views if isinstance(view, View)) if v]
        outcome: list[Extended] = []

        def change(plan: Plan):
            new = list(dict.fromkeys(v for v in checked if v not in plan.items))
            room = max(MAX_PLAN_ITEMS - len(plan), 0)
            outcome.append(Extended(min(room, len(new)), len(checked) - len(new),
                                    max(len(new) - room, 0)))
            return ([*plan.items, *new[:room]], plan.current) if new[:room] else None

        if self._change(code, key, change)[0] is None:
            return None
        return outcome[0]

    def move(self, code: str, key: str, index: int, delta: int) -> bool:
        """Move item ``index`` up (``delta`` −1) or down (+1); the current item moves with it."""
        def change(plan: Plan):
            target = index + delta
            if delta not in (-1, 1) or not (0 <= index < len(plan) and 0 <= target < len(plan)):
                return None
            items = list(plan.items)
            items[index], items[target] = items[target], items[index]
            current = plan.current
            if current in (index, target):
                current = target if current == index else index
            return items, current

        return self._change(code, key, change)[1]

    def remove(self, code: str, key: str, index: int) -> bool:
        """Remove item ``index``; the current item stays on the same view when it can."""
        def change(plan: Plan):
            if not 0 <= index < len(plan):
                return None
            items = [v for i, v in enumerate(plan.items) if i != index]
            current = plan.current
            if current is not None and current > index:
                current -= 1
            return items, (current if items else None)

        return self._change(code, key, change)[1]

    def step(self, code: str, key: str, delta: int, here: int | None = None) -> Plan | None:
        """Move the current item by ``delta`` (next +1, previous −1) from ``here`` (the item
        on screen) or else from the current item; before the first step, "next" is item 1.
        The plan after the step (its ``current`` is where to go), or None without the key."""
        def change(plan: Plan):
            if not plan.items:
                return None
            start = here if here is not None and 0 <= here < len(plan) else plan.current
            target = (0 if delta > 0 else len(plan) - 1) if start is None else start + delta
            return plan.items, min(max(target, 0), len(plan) - 1)

        return self._change(code, key, change)[0]

    def go_to(self, code: str, key: str, index: int) -> Plan | None:
        """Make item ``index`` the current one (an item opened from /class)."""
        def change(plan: Plan):
            return (plan.items, index) if 0 <= index < len(plan) else None

        return self._change(code, key, change)[0]
