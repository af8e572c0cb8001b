"""Class-mode storage on SQLite and on a real PostgreSQL server: the same tests on both."""

import math
import threading

import pytest
from sqlalchemy import inspect, select, text

from components.storage import class_store
from components.storage.class_store import (
    BUSY_TIMEOUT_SECONDS,
    SCHEMA_VERSION,
    ClassStore,
    RateLimiter,
    SchemaTooNew,
    new_student_id,
)
from components.storage.codes import CODE_ALPHABET, KEY_LENGTH, normalise_code
from tests.support import Clock


@pytest.fixture
def store_options(clock):
    """The ``store`` fixture (tests/conftest.py) with a one-day lifetime on a hand-moved clock."""
    return {"ttl_seconds": 24 * 3600, "clock": clock}


def test_schema_and_version_are_created_at_start_up(db_url):
    store = ClassStore(db_url)
    names = set(inspect(store.engine).get_table_names())
    assert {"classes", "answers", "reveals", "schema_version"} <= names
    assert store.stored_schema_version() == SCHEMA_VERSION
    # A second process (a replica) on the same database finds it ready.
    again = ClassStore(db_url)
    assert again.stored_schema_version() == SCHEMA_VERSION
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM schema_version")).scalar() == 1
    again.dispose()
    store.dispose()


def test_a_newer_schema_is_refused(db_url):
    store = ClassStore(db_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE schema_version SET version = :v"), {"v": SCHEMA_VERSION + 1})
    store.dispose()
    with pytest.raises(SchemaTooNew):
        ClassStore(db_url)


def test_nothing_personal_is_stored(store):
    columns = {t: {c["name"] for c in inspect(store.engine).get_columns(t)}
               for t in ("classes", "answers", "reveals")}
    assert columns == {
        "classes": {"code", "key_hash", "created_at"},
        "answers": {"class_code", "checkpoint", "student", "guess", "truth", "slip", "answered_at"},
        "reveals": {"class_code", "checkpoint", "revealed_at"},
    }


def test_create_class_gives_a_readable_code_and_a_long_key_stored_only_as_hash(store):
    made = [store.create_class() for _ in range(5)]
    for new in made:
        assert len(new.code) == 6 and set(new.code) <= set(CODE_ALPHABET)
        assert not set(new.code) & set("0O1IL")
        assert len(new.key) == KEY_LENGTH  # 24 random bytes = 192 bits
        assert store.class_exists(new.code)
    assert len({m.code for m in made}) == 5 and len({m.key for m in made}) == 5
    with store.engine.connect() as conn:
        dump = " ".join(str(v) for row in conn.execute(text("SELECT * FROM classes")) for v in row)
    assert all(m.key not in dump for m in made)
    assert all(class_store.hash_key(m.key) in dump for m in made)


def test_key_checks(store):
    one, two = store.create_class(), store.create_class()
    assert store.check_key(one.code, one.key)
    assert not store.check_key(one.code, two.key)  # another class's key
    assert not store.check_key(one.code, one.key[:-1] + ("A" if one.key[-1] != "A" else "B"))
    assert not store.check_key(one.code, one.key[:-1])  # wrong length
    assert not store.check_key(one.code, "")
    assert not store.check_key("ACDEFG" if one.code != "ACDEFG" else "ACDEFH", one.key)
    # Everything an instructor sees needs the key; a wrong key returns what no key does.
    student = new_student_id()
    assert store.submit_answer(one.code, "a1_grad", student, 30.0, 36.0).saved
    assert store.answer_counts(one.code, one.key) == {"a1_grad": 1}
    assert store.answer_counts(one.code, two.key) is None
    assert store.instructor_summary(one.code, two.key, "a1_grad") is None
    assert not store.reveal(one.code, two.key, "a1_grad")
    assert not store.is_revealed(one.code, "a1_grad")
    assert store.reveal(one.code, one.key, "a1_grad")
    assert store.is_revealed(one.code, "a1_grad")
    assert not store.is_revealed(two.code, "a1_grad")


def test_the_last_answer_counts_and_students_see_only_their_own(store):
    new = store.create_class()
    alice, bob = new_student_id(), new_student_id()
    assert store.submit_answer(new.code, "a1_grad", alice, 12.0, 36.0).saved
    assert store.submit_answer(new.code, "a1_grad", bob, 36.0, 36.0).saved
    assert store.submit_answer(new.code, "a1_grad", alice, 18.0, 36.0).saved
    assert store.student_answer(new.code, "a1_grad", alice) == 18.0
    assert store.student_answer(new.code, "a1_grad", bob) == 36.0
    summary = store.instructor_summary(new.code, new.key, "a1_grad")
    assert summary.count == 2 and sorted(summary.guesses) == [18.0, 36.0]
    assert summary.truths == (36.0, 36.0) and not summary.revealed
    # Before the reveal a student gets no spread at all; afterwards guesses only.
    assert store.class_spread(new.code, "a1_grad") is None
    store.reveal(new.code, new.key, "a1_grad")
    spread = store.class_spread(new.code, "a1_grad")
    assert spread.revealed and sorted(spread.guesses) == [18.0, 36.0]
    # After the reveal the answer is frozen.
    assert store.submit_answer(new.code, "a1_grad", alice, 36.0, 36.0).status == "revealed"
    assert store.student_answer(new.code, "a1_grad", alice) == 18.0


@pytest.mark.parametrize("students", [60])
def test_students_answering_at_the_same_moment_are_all_counted(store, students):
    new = store.create_class()
    ids = [new_student_id() for _ in range(students)]
    barrier = threading.Barrier(students)
    results, errors = [None] * students, []

    def answer(index):
        try:
            barrier.wait(timeout=30)
            results[index] = store.submit_answer(new.code, "a1_grad", ids[index],
                                                 float(index), 36.0).status
        except Exception as error:  # noqa: BLE001 - every failure is collected and shown
            errors.append(repr(error))

    threads = [threading.Thread(target=answer, args=(i,)) for i in range(students)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert results == ["saved"] * students
    summary = store.instructor_summary(new.code, new.key, "a1_grad")
    assert summary.count == students
    assert sorted(summary.guesses) == [float(i) for i in range(students)]
    assert store.answer_counts(new.code, new.key) == {"a1_grad": students}


def test_one_session_cannot_submit_more_than_a_few_answers_a_second(db_url):
    ticks = Clock(100.0)
    store = ClassStore(db_url, limiter=RateLimiter(3, 1.0, clock=ticks))
    new = store.create_class()
    me, other = new_student_id(), new_student_id()
    statuses = [store.submit_answer(new.code, "a1_grad", me, float(i), 36.0).status
                for i in range(5)]
    assert statuses == ["saved", "saved", "saved", "rate_limited", "rate_limited"]
    assert store.student_answer(new.code, "a1_grad", me) == 2.0  # the refused ones did nothing
    assert store.submit_answer(new.code, "a1_grad", other, 1.0, 36.0).saved  # others unaffected
    ticks.now += 1.01
    assert store.submit_answer(new.code, "a1_grad", me, 9.0, 36.0).saved
    store.dispose()


def test_classes_and_answers_expire_after_the_time_to_live(store, clock):
    old = store.create_class()
    store.submit_answer(old.code, "a1_grad", new_student_id(), 1.0, 36.0)
    store.reveal(old.code, old.key, "a1_grad")
    clock.now += 23 * 3600
    recent = store.create_class()
    store.submit_answer(recent.code, "a1_grad", new_student_id(), 2.0, 36.0)
    assert store.class_exists(old.code)
    clock.now += 1.5 * 3600  # the old class is now 24.5 h old, the recent one 1.5 h
    assert not store.class_exists(old.code)
    assert not store.check_key(old.code, old.key)
    assert store.submit_answer(old.code, "a1_grad", new_student_id(), 3.0, 36.0).status \
        == "unknown_class"
    assert store.purge_expired() == 1
    assert store.table_counts() == {"classes": 1, "answers": 1, "reveals": 0,
                                    "class_plan_items": 0, "class_plan_cursors": 0, "class_views": 0}
    assert store.class_exists(recent.code)


def test_time_to_live_is_configurable(monkeypatch, db_url, clock):
    monkeypatch.setenv(class_store.ENV_TTL_HOURS, "2")
    store = ClassStore(db_url, clock=clock)
    assert store.ttl_seconds == 2 * 3600
    new = store.create_class()
    clock.now += 2 * 3600 + 1
    assert not store.class_exists(new.code)
    store.dispose()
    for bad in ("abc", "nan", "-1", "0", "inf"):
        monkeypatch.setenv(class_store.ENV_TTL_HOURS, bad)
        assert class_store.default_ttl_seconds() == 24 * 3600


HOSTILE = ["'; DROP TABLE classes; --", "ABCDEF' OR '1'='1", "<script>x</script>",
           "$\\frac{1}{0}$", "[x](javascript:alert(1))", "ÄÖÜ한글", "\x00\n\u202e", "A" * 10_000,
           "", " "]


def test_hostile_input_is_refused_and_changes_nothing(store):
    new = store.create_class()
    me = new_student_id()
    for bad in HOSTILE:
        assert not store.class_exists(bad)
        assert not store.check_key(new.code, bad)
        assert not store.check_key(bad, new.key)
        assert store.submit_answer(bad, "a1_grad", me, 1.0, 36.0).status == "invalid"
        assert store.submit_answer(new.code, bad, me, 1.0, 36.0).status == "invalid"
        assert store.submit_answer(new.code, "a1_grad", bad, 1.0, 36.0).status == "invalid"
        assert not store.reveal(new.code, new.key, bad)
    for guess in (math.nan, math.inf, -math.inf, 1e300, "36", None):
        assert store.submit_answer(new.code, "a1_grad", me, guess, 36.0).status == "invalid"
    assert store.table_counts() == {"classes": 1, "answers": 0, "reveals": 0,
                                    "class_plan_items": 0, "class_plan_cursors": 0, "class_views": 0}
    with store.engine.connect() as conn:
        assert conn.execute(select(class_store.classes.c.code)).scalars().all() == [new.code]


def test_normalise_code_accepts_what_students_type():
    assert normalise_code(" acdefg ") == "ACDEFG"
    assert normalise_code("ACDEF0") is None  # 0 is a look-alike, never in a code
    assert normalise_code("ACDEF") is None and normalise_code("ACDEFGH") is None
    assert normalise_code(None) is None and normalise_code(123456) is None


def test_default_url_is_an_sqlite_file_in_the_data_folder(monkeypatch):
    monkeypatch.delenv(class_store.ENV_URL, raising=False)
    url = class_store.default_url()
    assert url.startswith("sqlite:///") and url.endswith("data/classes.sqlite3")
    monkeypatch.setenv(class_store.ENV_URL, "postgresql+psycopg://u@h/db")
    assert class_store.default_url() == "postgresql+psycopg://u@h/db"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    store = ClassStore(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_SECONDS * 1000
    store.dispose()
