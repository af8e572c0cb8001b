"""The report after class (components/storage/class_report.py): the aggregation by hand-made
cases, and the counts of answers sent through the real store on SQLite and PostgreSQL."""

import random

import pytest
from sqlalchemy import inspect, text

from components.core.checkpoints import BACKWARD_OUTCOMES, LOSS_DIRECTIONS
from components.storage.class_report import (
    Answer,
    WrongAnswer,
    answers_by_checkpoint,
    class_report,
    csv_bytes,
    load_report,
    question_report,
)
from components.storage.class_store import SCHEMA_VERSION, ClassStore, new_student_id

# (checkpoint id, option keys) in lesson order, as the page asks for them.
ASKED = (("largest_grad_layer", ("conv1", "bn1", "layer1", "layer2", "layer3", "layer4", "fc")),
         ("loss_after_step", LOSS_DIRECTIONS), ("a1_grad", ()), ("a1_grad_calls", ()),
         ("second_backward", BACKWARD_OUTCOMES), ("a1_after_step", ()),
         ("momentum_first_loss", LOSS_DIRECTIONS))


def test_share_right_uses_predict_modes_rule_against_each_answers_own_truth():
    rows = [Answer(36.0, 36.0), Answer(36.36, 36.0),   # right: within 1 %
            Answer(36.37, 36.0),                       # just outside 1 %: wrong
            Answer(18.0, 18.0),                        # right at this student's own sliders
            Answer(36.0, 18.0),                        # the class's main answer, not theirs: wrong
            Answer(0.009, 0.0), Answer(0.02, 0.0)]     # near 0 the 0.01 floor applies
    report = question_report("a1_grad", rows)
    assert (report.count, report.right) == (7, 4)
    assert report.share_right == pytest.approx(4 / 7)


def test_wrong_numbers_are_grouped_as_predict_mode_shows_them_most_common_first():
    rows = ([Answer(12.0, 36.0, "power_rule")] * 2 + [Answer(12.00001, 36.0, "power_rule")]
            + [Answer(4.0, 36.0, "forgot_v")] * 2 + [Answer(-8.0, 36.0)]
            + [Answer(100.0, 36.0)] + [Answer(36.0, 36.0)] * 5)
    report = question_report("a1_grad", rows)
    assert (report.count, report.right) == (12, 5)
    # 12 and 12.00001 both show as "12"; ties (1 each) in text order; at most three.
    assert report.wrong == (WrongAnswer("12", 3, "power_rule"), WrongAnswer("4", 2, "forgot_v"),
                            WrongAnswer("-8", 1, None))
    assert len(question_report("a1_grad", rows, top=10).wrong) == 4


def test_one_number_with_different_misconceptions_at_different_settings_stays_apart():
    # 12 is a slip at one student's settings and nothing predict mode names at another's.
    rows = [Answer(12.0, 36.0, "power_rule"), Answer(12.0, 50.0), Answer(12.0, 36.0, "power_rule")]
    assert question_report("a1_grad", rows).wrong == (WrongAnswer("12", 2, "power_rule"),
                                                      WrongAnswer("12", 1, None))


def test_a_choice_is_right_when_it_is_the_stored_option_and_a_wrong_option_names_itself():
    error, adds, zero = (float(BACKWARD_OUTCOMES.index(o)) for o in ("error", "adds", "zero"))
    rows = ([Answer(error, error)] * 3 + [Answer(adds, error)] * 2 + [Answer(zero, error)]
            + [Answer(7.0, error)])  # no such option (only a hand-made request could send it)
    report = question_report("second_backward", rows, BACKWARD_OUTCOMES)
    assert (report.count, report.right) == (7, 3)
    assert report.wrong == (WrongAnswer("adds", 2, "adds", True), WrongAnswer("7", 1, None),
                            WrongAnswer("zero", 1, "zero", True))


def test_class_report_keeps_lesson_order_and_only_questions_with_answers():
    rows = {"a1_after_step": [Answer(0.5, 0.5)], "a1_grad": [Answer(1.0, 2.0)],
            "loss_after_step": [], "not_a_checkpoint": [Answer(1.0, 1.0)]}
    report = class_report(rows, ASKED)
    assert [q.checkpoint for q in report] == ["a1_grad", "a1_after_step"]
    assert class_report({}, ASKED) == []
    assert question_report("a1_grad", []).share_right == 0.0


def test_csv_bytes_start_with_a_bom_and_quote_what_needs_it():
    data = csv_bytes(["질문", "오답"], [["a, b", 'say "x"'], [1, 0.5]])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == '질문,오답\r\n"a, b","say ""x"""\r\n1,0.5\r\n'


def _send(store, code, checkpoint, guess, truth, slip=None):
    student = new_student_id()
    assert store.submit_answer(code, checkpoint, student, guess, truth, slip).saved
    return student


def test_counts_equal_the_answers_sent_through_the_store(store):
    new = store.create_class()
    other = store.create_class()
    rng = random.Random(28)
    sent: dict[str, list[bool]] = {}
    for checkpoint, options in ASKED:
        for _ in range(rng.randint(0, 9)):
            if options:
                truth = float(rng.randrange(len(options)))
                guess = float(rng.randrange(len(options)))
                right = guess == truth
            else:
                truth = rng.choice([36.0, 18.0, -0.5])
                guess = rng.choice([truth, truth * 1.005, truth + 3, 12.0])
                right = abs(guess - truth) <= max(0.01 * abs(truth), 0.01)
            _send(store, new.code, checkpoint, guess, truth)
            sent.setdefault(checkpoint, []).append(right)
    _send(store, other.code, "a1_grad", 1.0, 36.0)  # another class: not in this report
    # One student sends twice: the later answer replaces the first, counted once.
    twice = _send(store, new.code, "a1_grad", 1.0, 36.0)
    assert store.submit_answer(new.code, "a1_grad", twice, 36.0, 36.0).saved
    sent.setdefault("a1_grad", []).append(True)

    report = load_report(store, new.code, new.key, ASKED)
    assert [q.checkpoint for q in report] == [c for c, _ in ASKED if c in sent]
    for question in report:
        assert question.count == len(sent[question.checkpoint])
        assert question.right == sum(sent[question.checkpoint])
        assert sum(w.count for w in question.wrong) <= question.count - question.right
    assert load_report(store, new.code, "x" * 32, ASKED) is None
    assert load_report(store, "ZZZZZZ", new.key, ASKED) is None


def test_the_misconception_is_stored_with_the_answer_and_replaced_with_it(store):
    new = store.create_class()
    student = _send(store, new.code, "a1_grad", 4.0, 36.0, "forgot_v")
    _send(store, new.code, "a1_grad", 4.0, 36.0, "forgot_v")
    rows = answers_by_checkpoint(store, new.code, new.key)
    assert rows == {"a1_grad": [Answer(4.0, 36.0, "forgot_v")] * 2}
    store.limiter.allow = lambda _student: True  # the resend below is not about rate limits
    assert store.submit_answer(new.code, "a1_grad", student, 12.0, 36.0, "power_rule").saved
    report = load_report(store, new.code, new.key, ASKED)
    assert report[0].wrong == (WrongAnswer("12", 1, "power_rule"), WrongAnswer("4", 1, "forgot_v"))
    # A slip name is the app's own word: anything else is refused, not stored.
    for hostile in ("Robert'); DROP TABLE answers;--", "A" * 41, ""):
        assert store.submit_answer(new.code, "a1_grad", new_student_id(), 1.0, 36.0,
                                   hostile).status == "invalid"


def test_a_schema_1_database_gains_the_slip_column_and_keeps_its_answers(db_url):
    old = ClassStore(db_url)
    new = old.create_class()
    _send(old, new.code, "a1_grad", 12.0, 36.0)
    with old.engine.begin() as conn:  # what release 1 left behind
        conn.execute(text("ALTER TABLE answers DROP COLUMN slip"))
        conn.execute(text("UPDATE schema_version SET version = 1"))
    old.dispose()
    store = ClassStore(db_url)
    assert "slip" in {c["name"] for c in inspect(store.engine).get_columns("answers")}
    assert store.stored_schema_version() == SCHEMA_VERSION == 2
    assert answers_by_checkpoint(store, new.code, new.key) == {"a1_grad": [Answer(12.0, 36.0)]}
    _send(store, new.code, "a1_grad", 4.0, 36.0, "forgot_v")
    # A second replica starting on the migrated database changes nothing.
    ClassStore(db_url).dispose()
    assert len(answers_by_checkpoint(store, new.code, new.key)["a1_grad"]) == 2
    store.dispose()


def test_two_replicas_migrating_a_schema_1_database_at_once_both_start(db_url):
    import threading

    old = ClassStore(db_url)
    with old.engine.begin() as conn:
        conn.execute(text("ALTER TABLE answers DROP COLUMN slip"))
        conn.execute(text("UPDATE schema_version SET version = 1"))
    old.dispose()
    barrier, started, failed = threading.Barrier(2), [], []

    def replica():
        barrier.wait()
        try:
            started.append(ClassStore(db_url))
        except Exception as error:  # noqa: BLE001 - the test reports it
            failed.append(error)

    threads = [threading.Thread(target=replica) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not failed and len(started) == 2
    store = started[0]
    assert store.stored_schema_version() == 2
    new = store.create_class()
    _send(started[1], new.code, "a1_grad", 4.0, 36.0, "forgot_v")
    assert answers_by_checkpoint(store, new.code, new.key) == {
        "a1_grad": [Answer(4.0, 36.0, "forgot_v")]}
    for replica_store in started:
        replica_store.dispose()


def test_the_korean_report_separates_wrong_answers_the_korean_way():
    # "; " between a cell's wrong answers is English punctuation: Korean uses " · ".
    from components.ui.class_report import report_markdown

    rows = [Answer(12.0, 36.0, "power_rule")] * 2 + [Answer(4.0, 36.0, "forgot_v")]
    report = class_report({"a1_grad": rows}, ASKED)
    korean = report_markdown(report, "ko")
    assert ("**12** (2명): 거듭제곱 미분에서 계수 3을 빠뜨림 · **4** (1명): v를 곱하지 않음(9a₁²)"
            in korean)
    assert "; " not in korean
    assert "power rule; **4** (1): forgot" in report_markdown(report, "en")
