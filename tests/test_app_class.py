"""AppTest of the instructor page /class, on SQLite and on a real PostgreSQL server."""

import re
import threading

import pytest

from components.storage.class_store import new_student_id
from tests.hostile import code_spans
from tests.support import all_text, assert_no_exception, decode_array, plotly_specs, run_page


def _bar_total(at, index=0):
    spec = plotly_specs(at)[index]
    return sum(sum(decode_array(tr["y"])) for tr in spec["data"] if tr["type"] == "bar")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_start_a_class_puts_code_and_key_in_the_url_and_shows_the_key_once(store, lang,
                                                                           monkeypatch):
    # AppTest has no browser address: the operator's public address makes the link.
    monkeypatch.setenv("AUTOGRAD_LAB_PUBLIC_URL", "https://lab.example.org")
    at = run_page("class", lang=lang)
    assert_no_exception(at)
    assert not plotly_specs(at) and not at.get("image")
    at.button(key="start_class").click().run()
    assert_no_exception(at)
    code, key = at.query_params["class"], at.query_params["key"]
    assert store.check_key(code, key)
    text = all_text(at)
    assert key in text and code in text
    # The join link
    assert f"https://lab.example.org/gradients?class={code}&predict=1&lang={lang}" in text
    assert len(at.get("image")) == 1  # the QR code
    # The key is shown once: the next run of the same page no longer prints it.
    at.run()
    assert_no_exception(at)
    assert key not in all_text(at) and code in all_text(at)
    assert at.query_params["key"] == key


def test_the_instructor_sees_counts_and_spread_and_reveals(store):
    new = store.create_class()
    for guess in (36.0, 36.2, 12.0):
        assert store.submit_answer(new.code, "a1_grad", new_student_id(), guess, 36.0).saved
    at = run_page("class", {"class": new.code, "key": new.key}, lang="en")
    assert_no_exception(at)
    assert "Answers: **3**" in all_text(at)
    assert _bar_total(at) == 3
    # The answer line stays off until the instructor asks for it (projector).
    assert not plotly_specs(at)[0]["layout"].get("shapes")
    at.toggle(key="class_show_answer").set_value(True).run()
    assert plotly_specs(at)[0]["layout"]["shapes"][0]["x0"] == 36.0
    assert not store.is_revealed(new.code, "a1_grad")
    at.button(key="class_reveal_a1_grad").click().run()
    assert_no_exception(at)
    assert store.is_revealed(new.code, "a1_grad")
    assert "class_reveal_a1_grad" not in [b.key for b in at.button]
    assert "Revealed" in [s.value for s in at.success]


def test_sixty_students_at_the_same_moment_all_reach_the_instructor(store):
    new = store.create_class()
    barrier = threading.Barrier(60)
    statuses = []

    def answer(guess):
        writer = store  # one store per process, as in the app
        barrier.wait(timeout=30)
        statuses.append(writer.submit_answer(new.code, "a1_grad", new_student_id(),
                                             guess, 36.0).status)

    threads = [threading.Thread(target=answer, args=(float(i % 7) * 6,)) for i in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert statuses == ["saved"] * 60
    at = run_page("class", {"class": new.code, "key": new.key}, lang="ko")
    assert_no_exception(at)
    assert "답한 학생: **60명**" in all_text(at)
    assert _bar_total(at) == 60


def test_a_wrong_key_looks_exactly_like_no_key(store):
    one, other = store.create_class(), store.create_class()
    store.submit_answer(one.code, "a1_grad", new_student_id(), 30.0, 36.0)
    pages = {
        "no key": run_page("class", {"class": one.code}, lang="en"),
        "wrong key": run_page("class", {"class": one.code, "key": other.key}, lang="en"),
        "flipped key": run_page("class", {"class": one.code,
                                          "key": one.key[::-1] if one.key[::-1] != one.key
                                          else "A" * 32}, lang="en"),
    }
    texts = {name: all_text(at) for name, at in pages.items()}
    for name, at in pages.items():
        assert_no_exception(at)
        assert not plotly_specs(at), name
        assert not at.get("image"), name
        assert at.button(key="start_class"), name
        assert "class_reveal_a1_grad" not in [b.key for b in at.button], name
        assert texts[name] == texts["no key"], name
    # An unknown (well-formed) code looks the same too: nothing tells a class exists.
    unknown = "ACDEFG" if one.code != "ACDEFG" and other.code != "ACDEFG" else "HJKMNP"
    at = run_page("class", {"class": unknown, "key": one.key}, lang="en")
    assert all_text(at) == texts["no key"].replace(one.code, unknown)
    assert not store.is_revealed(one.code, "a1_grad")


@pytest.mark.parametrize("query", [
    {"class": "'; DROP TABLE classes; --"},
    {"class": "<img src=x onerror=alert(1)>", "key": "[x](javascript:alert(1))"},
    {"class": "$\\frac{1}{0}$", "key": "short"},
    {"class": "ACDEF0", "key": "x" * 5000},
    {"class": "\u202eACDEFG", "key": "**bold**"},
])
def test_bad_parameters_get_one_line_each_and_no_crash(store, query):
    at = run_page("class", query, lang="en")
    assert_no_exception(at)
    assert len(at.warning) == 1
    lines = at.warning[0].value.split("  \n")
    assert len(lines) == len(query)
    assert all("not in the expected format" in line for line in lines)
    for line in lines:
        # The raw value is shown only inside code spans (components/ui/user_text.literal):
        # outside them no markup character is left to interpret.
        spans, outside = code_spans(line)
        assert len(spans) == 2, line  # the parameter's name and its raw value
        assert re.search(r"(?<!\\)[<>\[\]()$*`]", outside) is None, outside
    assert at.button(key="start_class")
    assert store.table_counts()["classes"] == 0  # nothing was created or touched
    assert "class" not in at.query_params and "key" not in at.query_params


def test_the_page_says_so_when_the_database_cannot_be_opened(monkeypatch, tmp_path):
    # A directory where the SQLite file should be: SQLite cannot open it.
    monkeypatch.setenv("AUTOGRAD_LAB_DB", f"sqlite:///{tmp_path}")
    at = run_page("class", lang="en")
    assert_no_exception(at)
    # One line (it says the page tries again by itself), nothing else.
    assert not at.error and len(at.warning) == 1 and "database" in at.warning[0].value
    assert "tries again" in at.warning[0].value


def test_the_qr_code_decodes_to_the_join_link():
    import io

    import zxingcpp
    from PIL import Image

    from components.ui.class_panels import qr_png

    url = "http://203.0.113.5:8501/gradients?class=ACDEFG&predict=1&lang=ko"
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr_png(url))))
    assert [code.text for code in found] == [url]


def _text_labels(spec):
    """The count labels drawn on a histogram: (x, text) of its text-only trace."""
    labels = [tr for tr in spec["data"] if tr["type"] == "scatter" and tr.get("mode") == "text"]
    assert len(labels) == 1, "one trace of count labels"
    return list(zip(decode_array(labels[0]["x"]), labels[0]["text"], strict=True)), labels[0]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_card_states_its_question_and_the_bars_carry_their_counts(store, lang):
    """Issue #24: the card says what was asked, in words; 36 students and 30 students
    are told apart by the numbers on the bars (and in the chart's text alternative)."""
    from components.ui.class_session import CLASS_CHECKPOINTS
    from components.ui.i18n import t

    new = store.create_class()
    guesses = [36.0] * 6 + [30.0] * 5 + [12.0]
    for guess in guesses:
        assert store.submit_answer(new.code, "a1_grad", new_student_id(), guess, 36.0).saved
    for option in (2, 2, 0):  # second_backward: "error" twice, "adds" once
        store.submit_answer(new.code, "second_backward", new_student_id(), float(option), 2.0)
    at = run_page("class", {"class": new.code, "key": new.key}, lang=lang)
    assert_no_exception(at)
    question = t("gradients.predict.a1_grad.question_class", lang)
    assert "a.grad[0]" in question and question in all_text(at)
    spec = plotly_specs(at)[0]
    labels, trace = _text_labels(spec)
    bars = [tr for tr in spec["data"] if tr["type"] == "bar"]
    heights = {}
    for bar in bars:
        for x, y in zip(decode_array(bar["x"]), decode_array(bar["y"]), strict=True):
            heights[x] = heights.get(x, 0) + y
    # Every bar that has students carries its count, right above it; empty bins none.
    assert sorted((x, int(text)) for x, text in labels) == \
        sorted((x, h) for x, h in heights.items() if h)
    assert sorted(int(text) for _, text in labels) == [1, 5, 6]
    assert trace["textfont"]["size"] >= 14 and trace.get("cliponaxis") is False
    assert max(spec["layout"]["yaxis"]["range"]) > 6  # room above the tallest bar's label
    # The text alternative names each bar's count too.
    alt = at.get("plotly_chart")[0].proto.alt
    for count in ("6", "5", "1"):
        assert re.search(rf": {count}\b", alt), alt
    # Every lesson's cards: the question in words, not only its short label.
    for lesson, checkpoints in CLASS_CHECKPOINTS.items():
        at.radio(key="class_lesson").set_value(lesson).run()
        assert_no_exception(at)
        text = all_text(at)
        for checkpoint in checkpoints:
            assert checkpoint.question(lang) in text
            assert "{" not in checkpoint.question(lang)
    # The choice histogram (③'s second backward) has its counts on its bars as before.
    at.radio(key="class_lesson").set_value("accumulation").run()
    choice = [s for s in plotly_specs(at) if s["data"][0].get("orientation") == "h"][0]
    assert choice["data"][0]["text"] == ["1", "0", "2", "0"]


def test_presenter_view_enlarges_the_histogram(store):
    new = store.create_class()
    for guess in (36.0, 36.0, 30.0):
        store.submit_answer(new.code, "a1_grad", new_student_id(), guess, 36.0)
    normal = plotly_specs(run_page("class", {"class": new.code, "key": new.key}, lang="en"))[0]
    at = run_page("class", {"class": new.code, "key": new.key, "present": "1"}, lang="en")
    assert_no_exception(at)
    big = plotly_specs(at)[0]
    for axis in ("xaxis", "yaxis"):
        assert big["layout"][axis]["tickfont"]["size"] >= 18
        assert big["layout"][axis]["tickfont"]["size"] > normal["layout"][axis]["tickfont"]["size"]
    assert _text_labels(big)[1]["textfont"]["size"] >= 18
    assert big["layout"]["height"] > normal["layout"]["height"]
