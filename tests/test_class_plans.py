"""The lesson plan kept with a class, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import insert, inspect, select, update

from components.storage.class_plans import (
    MAX_PLAN_ITEMS,
    ClassPlans,
    Extended,
    View,
    checked_view,
    plan_items,
)
from components.storage.class_store import ClassStore


@pytest.fixture
def store_options(clock):
    return {"ttl_seconds": 24 * 3600, "clock": clock}


def view(page: str, **params) -> View:
    made, refused = checked_view(page, {k: str(v) for k, v in params.items()})
    assert made is not None and not refused, refused
    return made


TWO = view("gradients", a1=-1)
THREE = view("accumulation", calls=5, zero=1)
FOUR = view("optimizer", lr=0.1, momentum=0.5, objective="rosenbrock")


def test_a_view_holds_every_control_of_its_page_read_through_the_schema():
    assert TWO.as_dict() == {"a1": "-1", "a2": "3", "b1": "6", "b2": "4", "v1": "1",
                             "v2": "1"}  # predict mode is the class's, not a view's
    made, refused = checked_view("gradients", {"a1": "nan", "a2": "99", "b1": "x" * 5000,
                                               "key": "k" * 32, "present": "1", "zzz": "1"})
    assert refused == ["a1", "a2", "b1"]
    assert made.as_dict()["a1"] == "2" and made.as_dict()["a2"] == "3"  # default, clamped
    assert "key" not in made.as_dict() and "present" not in made.as_dict()
    for page in ("home", "class", "../gradients", "", "GRADIENTS"):
        assert checked_view(page, {}) == (None, [])


def test_add_list_reorder_remove_and_step(store):
    plans = ClassPlans(store)
    new = store.create_class()
    assert plans.plan(new.code, new.key).items == ()
    assert plans.add(new.code, new.key, TWO).status == "added"
    assert plans.add(new.code, new.key, THREE).position == 1
    assert plans.add(new.code, new.key, FOUR).status == "added"
    # The same view twice (a double click) is one item.
    assert plans.add(new.code, new.key, THREE).status == "exists"
    plan = plans.plan(new.code, new.key)
    assert plan.items == (TWO, THREE, FOUR) and plan.current == 2  # the view just added

    assert plans.move(new.code, new.key, 2, -1)  # ④ up: the current item moves with it
    plan = plans.plan(new.code, new.key)
    assert plan.items == (TWO, FOUR, THREE) and plan.current == 1
    assert not plans.move(new.code, new.key, 0, -1)  # the first cannot go up
    assert not plans.move(new.code, new.key, 2, +1)
    assert not plans.move(new.code, new.key, 0, 2)

    assert plans.step(new.code, new.key, -1).current == 0
    assert plans.step(new.code, new.key, -1).current == 0  # stays on the first
    assert plans.step(new.code, new.key, +1).items[1] == FOUR
    assert plans.step(new.code, new.key, +1).current == 2
    assert plans.step(new.code, new.key, +1).current == 2  # stays on the last
    # Stepping from the item on screen (opened by a link) rather than the stored one.
    assert plans.step(new.code, new.key, +1, here=0).current == 1
    assert plans.go_to(new.code, new.key, 2).current == 2
    assert plans.go_to(new.code, new.key, 3) is not None
    assert plans.plan(new.code, new.key).current == 2

    assert plans.remove(new.code, new.key, 0)
    plan = plans.plan(new.code, new.key)
    assert plan.items == (FOUR, THREE) and plan.current == 1  # still on ③
    assert not plans.remove(new.code, new.key, 5)
    assert plans.remove(new.code, new.key, 1) and plans.remove(new.code, new.key, 0)
    assert plans.plan(new.code, new.key) == plans.plan(new.code, new.key).__class__((), None)
    assert plans.step(new.code, new.key, +1).current is None
    with store.engine.connect() as conn:
        assert conn.execute(select(plan_items)).all() == []


def test_before_the_first_step_next_opens_the_first_item(store):
    plans = ClassPlans(store)
    new = store.create_class()
    assert plans.extend(new.code, new.key, [TWO, THREE, FOUR]).added == 3
    assert plans.plan(new.code, new.key).current is None
    # Views already in the plan (a list pasted twice) are not added again.
    assert plans.extend(new.code, new.key, [THREE, TWO, TWO]) == Extended(0, 3, 0)
    assert len(plans.plan(new.code, new.key)) == 3
    assert plans.step(new.code, new.key, +1).current == 0
    assert plans.step(new.code, new.key, +1).current == 1


def test_a_plan_has_at_most_fifty_items(store):
    plans = ClassPlans(store)
    new = store.create_class()
    views = [view("accumulation", calls=1 + i % 10, lr=lr)
             for i, lr in enumerate([0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1] * 8)]
    assert len(set(views)) == 56
    assert plans.extend(new.code, new.key, views[:45]) == Extended(45, 0, 0)
    assert plans.extend(new.code, new.key, views[40:]) == Extended(5, 5, 6)
    assert plans.add(new.code, new.key, view("gradients", a1=0)).status == "full"
    assert len(plans.plan(new.code, new.key)) == MAX_PLAN_ITEMS
    with store.engine.connect() as conn:
        assert len(conn.execute(select(plan_items)).all()) == MAX_PLAN_ITEMS


def test_a_wrong_key_changes_nothing_and_reads_nothing(store):
    plans = ClassPlans(store)
    one, two = store.create_class(), store.create_class()
    plans.add(one.code, one.key, TWO)
    plans.add(one.code, one.key, THREE)
    before = plans.plan(one.code, one.key)
    for code, key in ((one.code, two.key), (one.code, ""), (one.code, one.key[:-1]),
                      ("ACDEFG" if one.code != "ACDEFG" else "ACDEFH", one.key),
                      ("'; DROP TABLE classes; --", one.key), (None, None), (one.code, 7)):
        assert plans.plan(code, key) is None
        assert plans.add(code, key, FOUR).status == "denied"
        assert plans.extend(code, key, [FOUR]) is None
        assert not plans.move(code, key, 0, 1)
        assert not plans.remove(code, key, 0)
        assert plans.step(code, key, 1) is None
        assert plans.go_to(code, key, 1) is None
    assert plans.plan(one.code, one.key) == before
    assert plans.plan(two.code, two.key).items == ()
    assert plans.add(one.code, one.key, "gradients?a1=1").status == "invalid"


def test_the_plan_survives_a_restart(db_url, clock):
    first = ClassStore(db_url, ttl_seconds=3600, clock=clock)
    new = first.create_class()
    ClassPlans(first).extend(new.code, new.key, [TWO, THREE, FOUR])
    ClassPlans(first).step(new.code, new.key, +1)
    ClassPlans(first).step(new.code, new.key, +1)
    first.dispose()
    # A new process (a new store, a new engine) on the same database.
    again = ClassStore(db_url, ttl_seconds=3600, clock=clock)
    plan = ClassPlans(again).plan(new.code, new.key)
    assert plan.items == (TWO, THREE, FOUR) and plan.current == 1
    again.dispose()


def test_stored_values_are_read_through_the_schema_never_trusted(store):
    plans = ClassPlans(store)
    new = store.create_class()
    plans.add(new.code, new.key, TWO)
    hostile = {"a1": "1e308", "a2": "nan", "b1": "__import__('os')", "key": "k" * 32,
               "v1": ["not", "text"]}
    with store._write() as conn:
        conn.execute(update(plan_items).values(params=json.dumps(hostile)))
        conn.execute(insert(plan_items).values(class_code=new.code, position=1,
                                               page="home", params="{}"))
        conn.execute(insert(plan_items).values(class_code=new.code, position=2,
                                               page="gradients", params="[1, 2"))
        conn.execute(insert(plan_items).values(class_code=new.code, position=3,
                                               page="expression",
                                               params=json.dumps({"expr": "().__class__"})))
    plan = plans.plan(new.code, new.key)
    assert [v.page for v in plan.items] == ["gradients", "expression"]
    values = plan.items[0].as_dict()
    assert values["a1"] == "3" and values["a2"] == "3" and values["b1"] == "6"
    assert values["v1"] == "1" and "key" not in values
    assert plan.items[1].as_dict()["expr"] == "3*a**3 - b**2"  # the parser refused it


def test_a_purged_class_leaves_no_plan_rows(store, clock):
    plans = ClassPlans(store)
    old = store.create_class()
    plans.extend(old.code, old.key, [TWO, THREE])
    plans.step(old.code, old.key, +1)
    clock.now += 12 * 3600
    recent = store.create_class()
    plans.add(recent.code, recent.key, FOUR)
    clock.now += 13 * 3600
    assert plans.plan(old.code, old.key) is None  # expired: the key no longer opens it
    assert store.purge_expired() == 1
    counts = store.table_counts()
    assert counts["class_plan_items"] == 1 and counts["class_plan_cursors"] == 1
    assert plans.plan(recent.code, recent.key).items == (FOUR,)


def test_the_plan_tables_hold_nothing_personal(store):
    columns = {t: {c["name"] for c in inspect(store.engine).get_columns(t)}
               for t in ("class_plan_items", "class_plan_cursors")}
    assert columns == {"class_plan_items": {"class_code", "position", "page", "params"},
                       "class_plan_cursors": {"class_code", "position"}}
