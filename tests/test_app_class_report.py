"""The class report on /class (components/ui/class_report.py): the table and the CSV in both
languages, for the key holder only, and nothing personal in the CSV."""

import csv
import io

import pytest
from sqlalchemy.exc import OperationalError

from components.core.checkpoints import BACKWARD_OUTCOMES
from components.storage.class_report import load_report
from components.storage.class_store import new_student_id
from components.ui import class_report
from components.ui.class_report import CSV_KEYS, asked_checkpoints, misconception_name, report_csv
from components.ui.i18n import t
from tests.support import all_text, assert_no_exception, run_page

ERROR = float(BACKWARD_OUTCOMES.index("error"))
ADDS = float(BACKWARD_OUTCOMES.index("adds"))


def _class(store):
    """A class with answers to two questions; the student ids sent, for the privacy checks."""
    new = store.create_class()
    sent = [  # (checkpoint, guess, truth, slip)
        ("a1_grad", 36.0, 36.0, None), ("a1_grad", 12.0, 36.0, "power_rule"),
        ("a1_grad", 12.0, 36.0, "power_rule"), ("a1_grad", 4.0, 36.0, "forgot_v"),
        ("a1_grad", 99.0, 36.0, None),
        ("second_backward", ERROR, ERROR, None), ("second_backward", ADDS, ERROR, None),
    ]
    students = []
    for checkpoint, guess, truth, slip in sent:
        students.append(new_student_id())
        assert store.submit_answer(new.code, checkpoint, students[-1], guess, truth, slip).saved
    return new, students


def _report_tables(at) -> list[str]:
    return [m.value for m in at.markdown if "scroll-region" in m.value
            and t("class.report.col.share", "en") in m.value]


def test_the_key_holder_sees_the_report_table_and_a_csv_download(store):
    new, _ = _class(store)
    at = run_page("class", {"class": new.code, "key": new.key}, lang="en")
    assert_no_exception(at)
    assert "Class report" in [h.value for h in at.header]
    (table,) = _report_tables(at)
    # Lesson order: ② before ③; a.grad[0]: 5 answers, 1 right, 12 twice (a named slip) first.
    assert table.index("② ") < table.index("③ ")
    assert "| 5 | 20% (1/5) | **12** (2): dropped the factor 3 of the power rule; " \
           "**4** (1): forgot the factor v (9a₁²); **99** (1): — |" in table
    # A wrong option by its label (plain text, as the live chart's axis shows it).
    assert "| 2 | 50% (1/2) | **adds the gradient again (a.grad doubles)** (1): " \
           "thinks a freed graph adds again |" in table
    (download,) = at.get("download_button")
    assert download.proto.label == "Download the report (CSV)"


@pytest.mark.parametrize("query", [{}, {"key": "wrong-key-" + "x" * 22}, {"key": ""}])
def test_without_the_key_there_is_no_report(store, query):
    new, _ = _class(store)
    at = run_page("class", {"class": new.code, **query}, lang="en")
    assert_no_exception(at)
    assert "Class report" not in all_text(at) + " ".join(h.value for h in at.header)
    assert not at.get("download_button")
    assert not _report_tables(at)


def test_presenter_view_lists_only_the_revealed_questions(store):
    new, _ = _class(store)
    assert store.reveal(new.code, new.key, "second_backward")
    at = run_page("class", {"class": new.code, "key": new.key, "present": "1"}, lang="ko")
    assert_no_exception(at)
    (table,) = [m.value for m in at.markdown if "scroll-region" in m.value
                and t("class.report.col.share", "ko") in m.value]
    assert "③ " in table and "② " not in table
    assert t("class.report.presenting", "ko") in all_text(at)


def test_a_database_error_gives_one_line(store, monkeypatch):
    new, _ = _class(store)

    def down(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(class_report, "load_report", down)
    at = run_page("class", {"class": new.code, "key": new.key}, lang="ko")
    assert_no_exception(at)
    assert t("class.db_error", "ko", seconds=class_report.REPORT_REFRESH_SECONDS) in \
        [w.value for w in at.warning]
    assert not at.get("download_button")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_csv_parses_with_the_columns_in_the_pages_language_and_nothing_personal(store, lang):
    new, students = _class(store)
    data = report_csv(load_report(store, new.code, new.key, asked_checkpoints()), lang)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the Korean as Korean
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert header == [t(f"class.report.col.{name}", lang) for name in CSV_KEYS]
    assert all(len(row) == len(header) for row in body)
    by_rank = {(row[1], row[6]): dict(zip(CSV_KEYS, row, strict=True)) for row in body}
    first = by_rank[("a1_grad", "1")]
    assert (first["answers"], first["right"], first["fraction"]) == ("5", "1", "0.2")
    assert (first["wrong_answer"], first["wrong_count"]) == ("12", "2")
    assert first["misconception"] == t("class.report.why.a1_grad.power_rule", lang)
    assert by_rank[("a1_grad", "3")]["misconception"] == "—"
    choice = by_rank[("second_backward", "1")]
    assert choice["wrong_answer"] == t("accumulation.predict.second_backward.option.adds",
                                       lang).replace("`", "")
    assert choice["lesson"] == t("nav.accumulation", lang)
    assert [row[1] for row in body] == ["a1_grad"] * 3 + ["second_backward"]
    # Counts only: no student id, no class key, no time.
    text = data.decode("utf-8-sig")
    assert not any(student in text for student in students)
    assert new.key not in text
    assert all(float(row[3]) < 100 for row in body)  # the answers column is a count


def test_a_question_nobody_got_wrong_has_one_csv_row():
    from components.storage.class_report import QuestionReport

    data = report_csv([QuestionReport("a1_after_step", 4, 4, ())], "en")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[1] == [t("nav.optimizer", "en"), "a1_after_step", "a₁", "4", "4", "1.0",
                       "", "", "", ""]


def test_a_students_page_sends_the_misconception_predict_mode_names(store):
    new = store.create_class()
    # a₁ = 2, v₁ = 0.5: a.grad[0] = 9a₁²·v₁ = 18; 36 is 9a₁², "forgot the factor v".
    for guess in (36.0, 18.0, 1000.0):
        at = run_page("gradients", {"class": new.code, "predict": "1", "a1": "2", "v1": "0.5"},
                      lang="ko")
        at.number_input(key="guess_a1_grad").set_value(guess).run()
        at.button(key="reveal_a1_grad").click().run()
        assert_no_exception(at)
    (report,) = load_report(store, new.code, new.key, asked_checkpoints())
    assert (report.count, report.right) == (3, 1)
    assert {(w.text, w.misconception) for w in report.wrong} == {("36", "forgot_v"),
                                                                  ("1000", None)}


# Wrong options whose predict-mode sentence states a number, not a misconception.
UNNAMED_OPTIONS = {("largest_grad_layer", o) for o in ("layer1", "layer2", "layer3", "layer4")} \
    | {("momentum_first_loss", "same"), ("second_backward", "error")}


def test_every_misconception_predict_mode_can_name_has_a_short_name_in_both_languages():
    from components.core import checkpoints as core
    from components.ui.class_session import CLASS_CHECKPOINTS
    from components.ui.i18n import CATALOGS

    a, b = [2.0, 3.0], [6.0, 4.0]
    numbers = [("a1_grad", core.a1_grad(a, b, [0.5, 1.0])),
               ("a1_grad_calls", core.a1_grad_calls(a, b, 3, True)),
               ("a1_grad_calls", core.a1_grad_calls(a, b, 3, False)),
               ("a1_after_step", core.a1_after_step("q", a, b, 0.01, 0.9))]
    slips = {(checkpoint, name) for checkpoint, answer in numbers for name, _ in answer.slips}
    assert len(slips) == 13  # every slip of core/checkpoints.py (momentum's two values: one)
    options = {(c.id, o) for cs in CLASS_CHECKPOINTS.values() for c in cs for o in c.options}
    for checkpoint, name in slips | (options - UNNAMED_OPTIONS):
        for lang in ("ko", "en"):
            assert f"class.report.why.{checkpoint}.{name}" in CATALOGS[lang], (checkpoint, name)
    for checkpoint, name in UNNAMED_OPTIONS:
        assert misconception_name(checkpoint, name, "ko") == "—"
