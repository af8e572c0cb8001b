"""Follow the projector's store (components/storage/class_views.py) on SQLite and PostgreSQL."""

import json

import pytest
from sqlalchemy import inspect, text

from components.storage.class_store import ClassStore
from components.storage.class_views import (
    MAX_JSON_LENGTH,
    PublishedView,
    publish_view,
    published_view,
)


@pytest.fixture
def store_options(clock):
    return {"ttl_seconds": 24 * 3600, "clock": clock}


def test_the_table_is_created_with_the_others_and_holds_nothing_personal(store):
    columns = {c["name"] for c in inspect(store.engine).get_columns("class_views")}
    assert columns == {"class_code", "page", "params", "seq", "updated_at"}
    assert store.table_counts()["class_views"] == 0


def test_publish_then_read_back_and_the_number_grows_only_on_a_change(store):
    new = store.create_class()
    assert published_view(store, new.code) is None  # nothing published yet
    view = {"a1": "-1", "lang": "en", "class": new.code}
    assert publish_view(store, new.code, "gradients", view) == 1
    assert published_view(store, new.code) == PublishedView("gradients", view, 1)
    # The same view again: no new number (followers do not move).
    assert publish_view(store, new.code, "gradients", dict(view)) == 1
    assert publish_view(store, new.code, "gradients", {**view, "a1": "0.5"}) == 2
    assert publish_view(store, new.code, "accumulation", {"calls": "5"}) == 3
    assert published_view(store, new.code) == PublishedView("accumulation", {"calls": "5"}, 3)
    assert store.table_counts()["class_views"] == 1  # one row per class


def test_classes_do_not_see_each_other(store):
    one, two = store.create_class(), store.create_class()
    publish_view(store, one.code, "gradients", {"a1": "1"})
    assert published_view(store, two.code) is None
    publish_view(store, two.code, "optimizer", {"lr": "0.1"})
    assert published_view(store, one.code).page == "gradients"
    assert published_view(store, two.code).page == "optimizer"


@pytest.mark.parametrize("page,params", [
    ("gradients", {"a1": 1.0}),                      # not text
    ("gradients", {"A1; DROP": "1"}),               # a name outside the pattern
    ("gradients", {"expr": "x" * 401}),              # a value too long
    ("gradients", {f"p{i}": "1" for i in range(41)}),  # too many
    ("../class", {"a1": "1"}),                       # a page that is no slug
    ("", {"a1": "1"}),
    ("gradients", ["a1", "1"]),                      # not a dict
])
def test_malformed_views_are_refused_not_stored(store, page, params):
    new = store.create_class()
    assert publish_view(store, new.code, page, params) is None
    assert published_view(store, new.code) is None


def test_unknown_malformed_and_expired_classes_publish_nothing(store, clock):
    assert publish_view(store, "ABCDEF", "gradients", {"a1": "1"}) is None
    assert publish_view(store, "x' OR 1=1 --", "gradients", {"a1": "1"}) is None
    assert published_view(store, "x' OR 1=1 --") is None
    new = store.create_class()
    publish_view(store, new.code, "gradients", {"a1": "1"})
    clock.now += 24 * 3600 + 1
    assert published_view(store, new.code) is None  # expired, not yet purged
    assert publish_view(store, new.code, "gradients", {"a1": "2"}) is None


def test_the_view_is_purged_with_its_class(store, clock):
    old = store.create_class()
    publish_view(store, old.code, "gradients", {"a1": "1"})
    clock.now += 12 * 3600
    young = store.create_class()
    publish_view(store, young.code, "resnet", {"lr": "0.1"})
    clock.now += 12 * 3600 + 1
    assert store.purge_expired() == 1
    assert store.table_counts()["class_views"] == 1
    assert published_view(store, young.code).page == "resnet"


def test_a_tampered_row_reads_as_nothing(store):
    """What the database returns is not trusted: a row written behind the app's
    back (bad JSON, a huge or odd value) is ignored, never handed to the page."""
    new = store.create_class()
    publish_view(store, new.code, "gradients", {"a1": "1"})
    for params in ("{not json", json.dumps({"a1": 1}), json.dumps(["a1"]),
                   json.dumps({"a1": "1" * (MAX_JSON_LENGTH + 1)})):
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE class_views SET params = :p"), {"p": params})
        assert published_view(store, new.code) is None
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE class_views SET params = '{}', page = 'Bad/Page'"))
    assert published_view(store, new.code) is None


def test_a_second_process_reads_what_the_first_published(db_url):
    """A replica (another ClassStore on the same database) sees the same view."""
    first, second = ClassStore(db_url), ClassStore(db_url)
    try:
        new = first.create_class()
        publish_view(first, new.code, "optimizer", {"momentum": "0.5"})
        assert published_view(second, new.code) == PublishedView(
            "optimizer", {"momentum": "0.5"}, 1)
    finally:
        first.dispose()
        second.dispose()
