"""AppTest of a student in a class (``class=<code>&predict=1``), on SQLite and PostgreSQL."""

import pytest

from components.storage.class_store import new_student_id
from tests.hostile import code_spans
from tests.support import all_text, assert_no_exception, decode_array, plotly_specs, run_page


def _infos(at):
    return [i.value for i in at.info]


def _spread_total(at):
    """Students counted in the class-spread histogram (its bars' heights)."""
    specs = [s for s in plotly_specs(at)
             if any(tr.get("name") in ("Right", "Wrong", "맞힘", "틀림") for tr in s["data"])]
    assert len(specs) == 1
    return sum(sum(decode_array(tr["y"])) for tr in specs[0]["data"] if tr["type"] == "bar")


@pytest.mark.parametrize("lang,waiting,joined", [
    ("ko", "답을 보냈습니다", "참여 중"), ("en", "Answer sent", "You are in class"),
])
def test_send_wait_change_then_the_instructor_reveals(store, lang, waiting, joined):
    new = store.create_class()
    for guess in (36.0, 12.0):  # two classmates answered already
        store.submit_answer(new.code, "a1_grad", new_student_id(), guess, 36.0)
    at = run_page("gradients", {"class": new.code, "predict": "1", "a1": "2", "v1": "1"},
                  lang=lang)
    assert_no_exception(at)
    assert any(joined in i and new.code in i for i in _infos(at))
    at.number_input(key="guess_a1_grad").set_value(30.0).run()
    at.button(key="reveal_a1_grad").click().run()
    assert_no_exception(at)
    assert any(waiting in i and "30" in i for i in _infos(at))
    # Still hidden: no result, no table of gradients, no chart, no spread.
    assert not at.success and not at.error and not plotly_specs(at)
    assert "**36**" not in all_text(at)
    assert store.instructor_summary(new.code, new.key, "a1_grad").count == 3
    # The student changes their mind before the reveal: the last answer counts.
    at.number_input(key="guess_a1_grad").set_value(36.0).run()
    at.button(key="reveal_a1_grad").click().run()
    summary = store.instructor_summary(new.code, new.key, "a1_grad")
    assert summary.count == 3 and sorted(summary.guesses) == [12.0, 36.0, 36.0]
    assert any(waiting in i and "36" in i for i in _infos(at))
    # The instructor reveals: the next run shows the answer, the guess and the spread.
    assert store.reveal(new.code, new.key, "a1_grad")
    at.run()
    assert_no_exception(at)
    assert len(at.success) == 1 and "36" in at.success[0].value
    assert _spread_total(at) == 3
    assert not any(waiting in i for i in _infos(at))
    # After the reveal the answer cannot change any more.
    assert store.submit_answer(new.code, "a1_grad", new_student_id(), 1.0, 36.0).status \
        == "revealed"


def test_a_choice_checkpoint_is_sent_as_its_option(store):
    new = store.create_class()
    at = run_page("accumulation", {"class": new.code, "predict": "1"}, lang="en")
    assert_no_exception(at)
    at.radio(key="guess_second_backward").set_value("error").run()
    at.button(key="reveal_second_backward").click().run()
    assert_no_exception(at)
    summary = store.instructor_summary(new.code, new.key, "second_backward")
    from components.core.checkpoints import BACKWARD_OUTCOMES

    assert summary.guesses == (float(BACKWARD_OUTCOMES.index("error")),)
    assert summary.truths == (float(BACKWARD_OUTCOMES.index("error")),)  # torch raises
    assert any("Answer sent" in i for i in _infos(at))


def test_students_never_see_other_answers_before_the_reveal(store):
    new = store.create_class()
    store.submit_answer(new.code, "a1_grad", new_student_id(), 123.0, 36.0)
    at = run_page("gradients", {"class": new.code, "predict": "1"}, lang="en")
    at.number_input(key="guess_a1_grad").set_value(10.0).run()
    at.button(key="reveal_a1_grad").click().run()
    assert_no_exception(at)
    assert "123" not in all_text(at) and not plotly_specs(at)


def test_a_student_who_did_not_answer_can_still_see_a_revealed_answer(store):
    new = store.create_class()
    store.reveal(new.code, new.key, "a1_grad")
    at = run_page("gradients", {"class": new.code, "predict": "1"}, lang="en")
    assert any("has revealed this checkpoint" in i for i in _infos(at))
    at.number_input(key="guess_a1_grad").set_value(36.0).run()
    at.button(key="reveal_a1_grad").click().run()
    assert_no_exception(at)
    assert len(at.success) == 1
    assert store.instructor_summary(new.code, new.key, "a1_grad").count == 0


@pytest.mark.parametrize("code,message", [
    ("ACDEFG", "There is no class"),  # well formed, but no such class
    ("'; DROP TABLE classes; --", "not in the expected format"),
    ("<script>alert(1)</script>", "not in the expected format"),
])
def test_an_unknown_or_malformed_class_gets_one_line_and_plain_predict_mode(store, code, message):
    at = run_page("gradients", {"class": code, "predict": "1"}, lang="en")
    assert_no_exception(at)
    assert len(at.warning) == 1 and message in at.warning[0].value
    spans, outside = code_spans(at.warning[0].value)
    assert "<script>" not in outside  # shown only inside a code span, as typed
    at.number_input(key="guess_a1_grad").set_value(36.0).run()
    at.button(key="reveal_a1_grad").click().run()
    assert len(at.success) == 1  # revealed at once, as in predict mode on one's own
    assert store.table_counts() == {"classes": 0, "answers": 0, "reveals": 0,
                                    "class_plan_items": 0, "class_plan_cursors": 0, "class_views": 0}


def test_a_huge_guess_is_refused_by_the_class_and_stays_unsent(store):
    new = store.create_class()
    at = run_page("gradients", {"class": new.code, "predict": "1"}, lang="en")
    at.number_input(key="guess_a1_grad").set_value(1e300).run()
    at.button(key="reveal_a1_grad").click().run()
    assert_no_exception(at)
    assert any("cannot be sent" in w.value for w in at.warning)
    assert store.instructor_summary(new.code, new.key, "a1_grad").count == 0
    assert not at.success and not at.error


def test_the_class_code_travels_in_the_url_and_a_link_without_predict_still_joins(store):
    new = store.create_class()
    at = run_page("gradients", {"class": new.code.lower(), "predict": "1"}, lang="en")
    assert at.query_params["class"] == new.code
    # Issue #24: a student in a class cannot leave predict mode, not even by the link.
    plain = run_page("gradients", {"class": new.code}, lang="en")
    assert_no_exception(plain)
    assert any("You are in class" in i for i in _infos(plain))
    assert not plotly_specs(plain) and plain.query_params["predict"] == "1"
    assert plain.query_params["class"] == new.code


def test_a_new_session_with_the_url_s_student_id_is_the_same_student(store):
    """A reconnect (to this or another replica) is a new session at the same address."""
    new = store.create_class()
    first = run_page("gradients", {"class": new.code, "predict": "1"}, lang="en")
    student = first.query_params["student"]
    assert len(student) == 32 and set(student) <= set("0123456789abcdef")
    first.number_input(key="guess_a1_grad").set_value(36.0).run()
    first.button(key="reveal_a1_grad").click().run()
    again = run_page("gradients", {"class": new.code, "predict": "1", "student": student},
                     lang="en")
    assert_no_exception(again)
    assert any("Answer sent" in i and "36" in i for i in _infos(again))
    assert again.query_params["student"] == student
    # Changing the answer replaces it: still one answer from this student.
    again.number_input(key="guess_a1_grad").set_value(12.0).run()
    again.button(key="reveal_a1_grad").click().run()
    summary = store.instructor_summary(new.code, new.key, "a1_grad")
    assert summary.count == 1 and summary.guesses == (12.0,)
    # Without the id (another browser): another student, asked afresh.
    other = run_page("gradients", {"class": new.code, "predict": "1"}, lang="en")
    assert other.query_params["student"] != student
    assert not any("Answer sent" in i for i in _infos(other))
