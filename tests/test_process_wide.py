"""Process-wide singletons: built once, never replaced by Streamlit's cache clearing,
and a replaced database engine is closed (issue 25, item 2).

The end-to-end check, a viewer sending ``clear_cache`` over a real websocket,
is tests/test_clear_cache.py.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import streamlit as st

from components.process_wide import ProcessWide


def test_a_value_is_built_once_even_when_many_threads_ask_together():
    builds = []

    def build():
        builds.append(1)
        time.sleep(0.05)
        return object()

    holder = ProcessWide(build)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(holder.get())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert len({id(value) for value in seen}) == 1


def test_a_new_key_closes_the_value_it_replaces():
    closed = []
    holder = ProcessWide(lambda url: f"engine for {url}", close=closed.append)
    first = holder.get("sqlite:///a")
    assert holder.get("sqlite:///a") is first and closed == []
    second = holder.get("sqlite:///b")
    assert closed == [first] and holder.current() is second
    holder.reset()
    assert closed == [first, second] and holder.current() is None


def test_without_close_every_key_keeps_its_value():
    holder = ProcessWide(lambda folder: [folder])
    a, b = holder.get("/hub/a"), holder.get("/hub/b")
    assert holder.get("/hub/a") is a and holder.get("/hub/b") is b
    assert holder.peek("/hub/c") is None


def test_clearing_streamlits_caches_leaves_the_queue_results_and_class_store(tmp_path,
                                                                            monkeypatch):
    """What ``clear_cache`` runs (``st.cache_resource.clear()``) replaces none of them."""
    from components.ui import class_session, resnet_cache

    monkeypatch.setenv("AUTOGRAD_LAB_DB", f"sqlite:///{tmp_path / 'classes.sqlite3'}")
    queue, results = resnet_cache._compute_queue(), resnet_cache._result_cache()
    store = class_session.class_store()
    limiter = store.limiter
    st.cache_resource.clear()
    st.cache_data.clear()
    assert resnet_cache._compute_queue() is queue
    assert resnet_cache._result_cache() is results
    assert class_session.class_store() is store and store.limiter is limiter


def test_the_networks_are_built_once_per_process(monkeypatch):
    from components.ui import resnet_cache

    built = []
    monkeypatch.setattr(resnet_cache, "_RANDOM",
                        ProcessWide(lambda: built.append(1) or object()))
    model = resnet_cache._random_resnet()
    st.cache_resource.clear()
    assert resnet_cache._random_resnet() is model and built == [1]


def _open_files(path: Path) -> int:
    """File descriptors of this process open on ``path`` (or its -wal/-shm files)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        count += target.startswith(str(path))
    return count


def test_a_store_replaced_by_another_database_url_is_disposed(tmp_path, monkeypatch):
    from components.storage import process_store
    from components.ui import class_session

    # No expiry timer here: a purge in flight at the switch would hold a connection.
    monkeypatch.setattr(process_store, "_TIMER", ProcessWide(lambda: None))
    first_db, second_db = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    monkeypatch.setenv("AUTOGRAD_LAB_DB", f"sqlite:///{first_db}")
    first = class_session.class_store()
    first.create_class()
    assert _open_files(first_db) > 0
    monkeypatch.setenv("AUTOGRAD_LAB_DB", f"sqlite:///{second_db}")
    second = class_session.class_store()
    assert second is not first and second.url.endswith("second.sqlite3")
    second.create_class()
    assert _open_files(first_db) == 0  # the old engine's pooled connections are closed
    assert _open_files(second_db) > 0
