"""AppTest of follow the projector (issue #28 §1): the instructor's lesson publishes
its view, a student's lesson in the class takes it; on SQLite and PostgreSQL."""

import pytest

from components.storage.class_views import PublishedView, publish_view, published_view
from components.ui.class_follow import view_values
from tests.support import all_text, assert_no_exception, run_page

OTHER_KEY = "A" * 32  # well formed, not the class's


def _texts(at) -> str:
    return all_text(at) + "\n".join(str(w.value) for w in at.toggle)


def test_the_instructors_lesson_publishes_its_view_without_the_key(store):
    new = store.create_class()
    at = run_page("gradients", {"class": new.code, "key": new.key, "a1": "-1",
                                "present": "1", "lang": "en"})
    assert_no_exception(at)
    view = published_view(store, new.code)
    assert view.page == "gradients" and view.seq == 1
    assert view.params["a1"] == "-1" and view.params["class"] == new.code
    # Never the instructor's own parameters, and the key nowhere on the page or address.
    assert not {"key", "present", "student", "follow"} & set(view.params)
    assert new.key not in str(view.params)
    assert "key" not in at.query_params and new.key not in _texts(at)
    assert f"Class **{new.code}** follows this page" in all_text(at)
    # The presenting instructor is no student: predict mode is not locked, nothing is sent.
    assert not at.toggle(key="predict").disabled
    # A move is published (one write); a rerun without a change writes nothing new.
    at.slider(key="a1").set_value(0.5).run()
    assert published_view(store, new.code).params["a1"] == "0.5"
    assert published_view(store, new.code).seq == 2
    at.run()
    assert published_view(store, new.code).seq == 2


def test_a_wrong_key_publishes_nothing_and_is_a_student(store):
    new = store.create_class()
    at = run_page("gradients", {"class": new.code, "key": OTHER_KEY, "a1": "-1"})
    assert_no_exception(at)
    assert published_view(store, new.code) is None
    assert "key" not in at.query_params and OTHER_KEY not in _texts(at)
    assert at.toggle(key="predict").disabled  # a student in the class
    assert "follow" not in [w.key for w in at.toggle]  # nothing published: nothing to follow


@pytest.mark.parametrize("lang,label", [("ko", "강사 화면 따라가기"), ("en", "Follow the projector")])
def test_a_student_takes_the_view_in_their_own_language_and_stays_in_predict_mode(
        store, lang, label):
    new = store.create_class()
    publish_view(store, new.code, "gradients",
                 {"a1": "-1", "b1": "2.5", "v1": "0.5", "lang": "ko" if lang == "en" else "en",
                  "predict": "0", "class": new.code})
    at = run_page("gradients", {"class": new.code, "predict": "1", "a1": "2"}, lang=lang)
    assert_no_exception(at)
    assert at.toggle(key="follow").value is True and at.toggle(key="follow").label == label
    for name, value in (("a1", -1.0), ("b1", 2.5), ("v1", 0.5)):
        assert at.slider(key=name).value == value
        assert float(at.query_params[name]) == value
    assert at.query_params["lang"] == lang
    assert at.toggle(key="predict").value is True and at.toggle(key="predict").disabled
    assert not at.success and not at.error  # the answer still waits for the reveal
    assert new.key not in _texts(at) and "key" not in at.query_params
    # The instructor moves: the next run (the poll's rerun) follows.
    publish_view(store, new.code, "gradients", {"a1": "1.5", "b1": "2.5", "v1": "0.5"})
    at.run()
    assert at.slider(key="a1").value == 1.5 and at.query_params["a1"] == "1.5"


def test_follow_off_stays_on_again_returns_and_a_reload_keeps_the_choice(store):
    new = store.create_class()
    publish_view(store, new.code, "gradients", {"a1": "-1"})
    at = run_page("gradients", {"class": new.code, "predict": "1"})
    assert at.slider(key="a1").value == -1.0
    at.toggle(key="follow").set_value(False).run()
    assert at.query_params["follow"] == "0"
    at.slider(key="a1").set_value(2.5).run()
    publish_view(store, new.code, "gradients", {"a1": "0.5"})
    at.run()
    assert at.slider(key="a1").value == 2.5  # exploring: the instructor's move is not taken
    # A reload of that address is still off.
    reloaded = run_page("gradients", {"class": new.code, "predict": "1", "follow": "0",
                                      "a1": "2.5"})
    assert reloaded.toggle(key="follow").value is False
    assert reloaded.slider(key="a1").value == 2.5
    # On again: back to the instructor's view at once, and the address forgets follow.
    at.toggle(key="follow").set_value(True).run()
    assert at.slider(key="a1").value == 0.5
    assert "follow" not in at.query_params


def test_hostile_published_values_are_validated_like_url_values(store):
    new = store.create_class()
    publish_view(store, new.code, "gradients",
                 {"a1": "nan", "a2": "1e999", "b1": "-99", "v1": "<script>", "key": "x",
                  "junk": "1"})
    at = run_page("gradients", {"class": new.code, "predict": "1"})
    assert_no_exception(at)
    assert at.slider(key="a1").value == 2.0   # default for NaN
    assert at.slider(key="a2").value == 3.0   # default for infinity
    assert at.slider(key="b1").value == -6.0  # clamped
    assert at.slider(key="v1").value == 1.0   # default for text
    assert "junk" not in at.query_params and "key" not in at.query_params


def test_view_values_keep_the_students_own_parameters():
    view = PublishedView("optimizer", {"lr": "0.1", "lang": "en", "predict": "0",
                                       "objective": "rosenbrock", "momentum": "5"}, 3)
    assert view_values(view) == {"lr": 0.1, "objective": "rosenbrock", "momentum": 0.99}


def test_class_offers_present_links_without_the_key(store):
    new = store.create_class()
    for present in ("0", "1"):
        at = run_page("class", {"class": new.code, "key": new.key, "present": present})
        assert_no_exception(at)
        links = [m.value for m in at.markdown if "present=1" in m.value]
        assert len(links) == 5 and all(f"class={new.code}" in link for link in links)
        assert not any(new.key in link for link in links)


def test_an_expression_is_followed_and_a_hostile_one_is_refused(store):
    """⑤'s function travels as text and goes through the whitelisting parser, never run."""
    new = store.create_class()
    publish_view(store, new.code, "expression", {"expr": "a**2 + b", "a1": "1"})
    at = run_page("expression", {"class": new.code})
    assert_no_exception(at)
    assert at.text_input(key="expr").value == "a**2 + b" and at.query_params["expr"] == "a**2 + b"
    assert at.slider(key="a1").value == 1.0
    publish_view(store, new.code, "expression", {"expr": "__import__('os').system('x')"})
    at.run()
    assert_no_exception(at)
    assert at.text_input(key="expr").value == "3*a**3 - b**2"  # the default, as for a URL
