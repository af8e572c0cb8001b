"""AppTest: what the pages say when class mode's limits are reached (SQLite and PostgreSQL).

The limits are read from the environment when the process's store is built;
the ``store`` fixture gives each test a fresh database URL, so the page builds
a fresh store with the limits the test set.
"""

import pytest

from components.storage import class_store
from components.storage.class_store import new_student_id
from components.ui.i18n import t
from tests.support import assert_no_exception, run_page


def _warnings(at):
    return [w.value for w in at.warning]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_full_server_starts_no_class_and_says_so_in_one_line(store, monkeypatch, lang):
    monkeypatch.setenv(class_store.ENV_MAX_CLASSES, "1")
    store.create_class()
    at = run_page("class", lang=lang)
    at.button(key="start_class").click().run()
    assert_no_exception(at)
    assert _warnings(at) == [t("class.start_refused.total", lang, count=1)]
    assert "class" not in at.query_params and "key" not in at.query_params
    assert store.table_counts()["classes"] == 1


def test_one_client_starts_at_most_the_configured_classes_a_minute(store, monkeypatch):
    from components.ui import class_panels

    monkeypatch.setenv(class_store.ENV_CLASSES_PER_MINUTE, "1")
    # Two tabs of one client behind the proxy (the header itself: tests/test_clear_cache.py).
    monkeypatch.setattr(class_panels, "client_id", lambda: "address:203.0.113.7")
    first = run_page("class", lang="en")
    first.button(key="start_class").click().run()
    assert_no_exception(first)
    assert first.query_params["class"]
    assert t("class.start_refused.client", "en", count=1) not in _warnings(first)
    second = run_page("class", lang="en")
    second.button(key="start_class").click().run()
    assert_no_exception(second)
    assert t("class.start_refused.client", "en", count=1) in _warnings(second)
    assert "class" not in second.query_params
    assert store.table_counts()["classes"] == 1


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_student_beyond_the_class_size_gets_one_line_and_is_not_counted(store, monkeypatch,
                                                                           lang):
    monkeypatch.setenv(class_store.ENV_MAX_STUDENTS, "1")
    new = store.create_class()
    assert store.submit_answer(new.code, "a1_grad", new_student_id(), 36.0, 36.0).saved
    at = run_page("gradients", {"class": new.code, "predict": "1"}, lang=lang)
    at.number_input(key="guess_a1_grad").set_value(30.0).run()
    at.button(key="reveal_a1_grad").click().run()
    assert_no_exception(at)
    assert t("class.student.full", lang, count=1) in _warnings(at)
    assert store.instructor_summary(new.code, new.key, "a1_grad").count == 1
    # The question stays open on the student's page: nothing is revealed to them.
    assert not at.success
