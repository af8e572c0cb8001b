"""What one client may cost class mode, the expiry timer, and the SQLite file's permissions.

Store-level tests run on SQLite and on the real PostgreSQL server the suite
starts (the ``db_url`` fixture); the pages' side is in tests/test_app_class_limits.py
and, over a real websocket with an ``X-Forwarded-For`` header, tests/test_clear_cache.py.
"""

from __future__ import annotations

import os
import stat
import time

import pytest

from components.storage import class_store
from components.storage.class_store import (
    ClassStore,
    ExpiryTimer,
    Limits,
    TooManyClasses,
    new_student_id,
)


def _store(db_url, clock, **limits) -> ClassStore:
    return ClassStore(db_url, ttl_seconds=24 * 3600, clock=clock, limits=Limits(**limits))


def test_a_client_may_start_five_classes_a_minute(db_url, clock):
    store = _store(db_url, clock)
    try:
        for _ in range(5):
            store.create_class("address:203.0.113.7")
        with pytest.raises(TooManyClasses) as refused:
            store.create_class("address:203.0.113.7")
        assert refused.value.reason == "client"
        # Another client is not held back by the first one ...
        store.create_class("address:198.51.100.2")
        # ... and a minute later the first one may start classes again.
        clock.now += 61
        store.create_class("address:203.0.113.7")
        assert store.table_counts()["classes"] == 7
    finally:
        store.dispose()


def test_the_server_holds_at_most_max_classes_live_classes(db_url, clock):
    store = _store(db_url, clock, max_classes=3)
    try:
        for client in range(3):
            store.create_class(f"address:client-{client}")
        with pytest.raises(TooManyClasses) as refused:
            store.create_class("address:someone-new")
        assert refused.value.reason == "total"
        assert store.table_counts()["classes"] == 3
        # Expired classes do not count (and are purged when a class starts).
        clock.now += 24 * 3600 + 1
        store.create_class("address:someone-new")
        assert store.table_counts()["classes"] == 1
    finally:
        store.dispose()


def test_a_class_takes_at_most_max_students_and_keeps_their_later_answers(db_url, clock):
    store = _store(db_url, clock, max_students=3)
    try:
        code = store.create_class().code
        students = [new_student_id() for _ in range(4)]
        for student in students[:3]:
            assert store.submit_answer(code, "a1_grad", student, 1.0, 2.0).saved
        assert store.submit_answer(code, "a1_grad", students[3], 1.0, 2.0).status == "class_full"
        # Students already in the class go on answering, other checkpoints too.
        clock.now += 2  # past the per-session answer rate limit
        assert store.submit_answer(code, "a1_grad", students[0], 5.0, 2.0).saved
        assert store.submit_answer(code, "loss_after_step", students[1], 0.0, 1.0).saved
        assert store.table_counts()["answers"] == 4
        # The bound is per class: another class takes the fourth student.
        other = store.create_class().code
        assert store.submit_answer(other, "a1_grad", students[3], 1.0, 2.0).saved
    finally:
        store.dispose()


def test_limits_come_from_the_environment_and_bad_values_keep_the_defaults(monkeypatch):
    assert Limits.from_env() == Limits(5, 1000, 500)
    monkeypatch.setenv(class_store.ENV_CLASSES_PER_MINUTE, "2")
    monkeypatch.setenv(class_store.ENV_MAX_CLASSES, "40")
    monkeypatch.setenv(class_store.ENV_MAX_STUDENTS, "90")
    assert Limits.from_env() == Limits(2, 40, 90)
    for bad in ("0", "-3", "many", "1e9", "", "99999999999"):
        monkeypatch.setenv(class_store.ENV_MAX_STUDENTS, bad)
        assert Limits.from_env().max_students == 500


def _wait_for(condition, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_the_expiry_timer_deletes_expired_classes_without_any_page(db_url, clock):
    store = _store(db_url, clock)
    timer = ExpiryTimer(lambda: store, every_seconds=600, check_seconds=0.02).start()
    try:
        old = store.create_class().code
        assert store.submit_answer(old, "a1_grad", new_student_id(), 1.0, 2.0).saved
        clock.now += 23 * 3600
        young = store.create_class().code
        # 23 h on the clock: the timer purged (nothing was due) but kept both.
        clock.now += 601
        assert _wait_for(lambda: store._last_purge == clock.now)
        assert store.class_exists(old) and store.class_exists(young)
        clock.now += 3600  # ``old`` is 24 h 10 min old now
        assert _wait_for(lambda: store.table_counts()["classes"] == 1)
        assert store.table_counts()["answers"] == 0
        assert store.class_exists(young)
    finally:
        timer.stop()
        store.dispose()
    assert not timer.alive


def test_the_expiry_timer_purges_at_most_once_per_interval(db_url, clock, monkeypatch):
    store = _store(db_url, clock)
    purges = []
    real_purge = store.purge_expired
    monkeypatch.setattr(store, "purge_expired", lambda: purges.append(clock.now) or real_purge())
    timer = ExpiryTimer(lambda: store, every_seconds=600, check_seconds=0.01).start()
    try:
        assert _wait_for(lambda: len(purges) == 1)  # at once when the timer starts
        time.sleep(0.3)  # some thirty wake-ups with the clock standing still
        assert len(purges) == 1
        clock.now += 600
        assert _wait_for(lambda: len(purges) == 2)
    finally:
        timer.stop()
        store.dispose()


def test_the_expiry_timer_survives_a_database_error(clock):
    calls = []

    class Broken:
        def purge_quietly(self, every_seconds):
            calls.append(every_seconds)
            raise RuntimeError("database down")

    timer = ExpiryTimer(Broken, every_seconds=600, check_seconds=0.01).start()
    try:
        assert _wait_for(lambda: len(calls) >= 3)
        assert timer.alive
    finally:
        timer.stop()


def test_purge_quietly_logs_a_database_error_instead_of_raising(tmp_path, clock, caplog):
    store = _store(f"sqlite:///{tmp_path / 'c.sqlite3'}", clock)

    def broken():
        raise class_store.OperationalError("DELETE", {}, Exception("database is locked"))

    store.purge_expired = broken
    store.purge_quietly()
    assert "expired classes not purged" in caplog.text
    store.dispose()


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_default_sqlite_file_is_0600_in_a_0700_folder(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setattr(class_store, "DATA_DIR", data)
    monkeypatch.setattr(class_store, "DEFAULT_SQLITE", data / "classes.sqlite3")
    monkeypatch.delenv(class_store.ENV_URL, raising=False)
    old_umask = os.umask(0o022)  # the usual umask: files 0644, folders 0755
    try:
        store = ClassStore()
        store.create_class()  # written: the WAL files exist too
        assert _mode(data) == 0o700
        for path in data.iterdir():
            assert _mode(path) == 0o600, path
        assert {p.name for p in data.iterdir()} >= {"classes.sqlite3"}
        store.dispose()
    finally:
        os.umask(old_umask)


def test_an_older_data_folder_and_file_are_made_private(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "classes.sqlite3").touch(mode=0o644)
    os.chmod(data, 0o755)
    os.chmod(data / "classes.sqlite3", 0o644)
    monkeypatch.setattr(class_store, "DATA_DIR", data)
    monkeypatch.setattr(class_store, "DEFAULT_SQLITE", data / "classes.sqlite3")
    monkeypatch.delenv(class_store.ENV_URL, raising=False)
    ClassStore().dispose()
    assert _mode(data) == 0o700 and _mode(data / "classes.sqlite3") == 0o600


def test_an_sqlite_file_named_by_the_url_is_created_0600(tmp_path):
    old_umask = os.umask(0o022)
    try:
        folder = tmp_path / "shared"
        folder.mkdir()
        os.chmod(folder, 0o755)
        path = folder / "elsewhere.sqlite3"
        store = ClassStore(f"sqlite:///{path}")
        store.create_class()
        assert _mode(path) == 0o600
        # The folder is the operator's (it may be shared, like /tmp): left as it was.
        assert _mode(folder) == 0o755
        store.dispose()
    finally:
        os.umask(old_umask)


def test_every_limit_variable_is_documented_for_the_operator():
    from tests.support import ROOT

    hosting = (ROOT / "docs" / "hosting.md").read_text(encoding="utf-8")
    for name in (class_store.ENV_CLASSES_PER_MINUTE, class_store.ENV_MAX_CLASSES,
                 class_store.ENV_MAX_STUDENTS):
        assert f"`{name}`" in hosting, name
