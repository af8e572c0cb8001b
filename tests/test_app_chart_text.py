"""Every chart on the lesson pages carries its text alternative (issue #18, AppTest):
the chart's accessible name (``alt``) is a summary whose numbers are the
figure's own data, read back from the spec sent to the browser, in both
languages; the same summary and a table sit in a collapsed expander after it;
moving a slider changes them; predict mode hides them with the chart."""

from __future__ import annotations

import json
import math

import pytest

from components.numbers import format_number
from components.ui.i18n import t
from tests.support import assert_no_exception, decode_array, run_page

LANGS = ("ko", "en")


def _charts(at) -> dict[str, tuple[dict, str]]:
    """{chart key: (its plotly spec, its alt)}: the key is the end of the element id."""
    charts = {}
    for element in at.get("plotly_chart"):
        key = element.proto.id.rsplit("-", 1)[-1]
        charts[key] = (json.loads(element.proto.spec), element.proto.alt)
    return charts


def _expanders(at, lang) -> list:
    prefix = t("charttext.expander", lang, name="")
    return [e for e in at.expander if e.label.startswith(prefix)]


def _ys(trace) -> list[str]:
    return [format_number(v) for v in decode_array(trace["y"]) if v is not None]


def _check_expanders(at, lang, charts):
    """One collapsed 'Chart data' expander per chart, holding its summary, and a
    table once it is opened (built only then)."""
    expanders = _expanders(at, lang)
    assert len(expanders) == len(charts)
    alts = [alt for _, alt in charts.values()]
    for expander, alt in zip(expanders, alts, strict=True):
        assert not expander.proto.expanded
        shown = expander.markdown[0].value.replace("\\", "")
        assert shown == alt
        assert not expander.table  # lazy while closed
    for key in charts:
        at.session_state[f"{key}_data"] = True
    at.run()
    assert_no_exception(at)
    for expander in _expanders(at, lang):
        assert expander.table, "every chart here has data rows"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query", [{"calls": "2"}, {"calls": "7", "a1": "1.5", "lr": "0.3"}])
def test_accumulation_summaries_are_the_charts_numbers(lang, query):
    at = run_page("accumulation", query, lang=lang)
    assert_no_exception(at)
    charts = _charts(at)
    assert set(charts) == {"history_a_chart", "history_b_chart", "training_chart"}
    for key in ("history_a_chart", "history_b_chart"):
        spec, alt = charts[key]
        for trace in spec["data"]:  # [0], [1] accumulating, then reset
            assert ", ".join(_ys(trace)) in alt
        assert f"1…{query['calls']}" in alt
    spec, alt = charts["training_chart"]
    lines = [tr for tr in spec["data"] if tr.get("mode") == "lines+markers"]
    assert len(lines) == 2
    for trace in lines:
        assert _ys(trace)[0] in alt  # the starting loss of each run
    marks = [tr for tr in spec["data"] if tr.get("mode") == "markers+text"]
    for mark in marks:  # a run that blew up: the ✕'s step is in the summary
        assert str(int(decode_array(mark["x"])[0])) in alt
    _check_expanders(at, lang, charts)


def test_accumulation_summary_follows_the_slider():
    at = run_page("accumulation", {"calls": "3"}, lang="en")
    before = _charts(at)["history_a_chart"][1]
    assert "36, 72, 108;" in before
    at.slider(key="calls").set_value(5).run()
    after = _charts(at)["history_a_chart"][1]
    assert "36, 72, 108, 144, 180;" in after and after != before
    assert _expanders(at, "en")[0].markdown[0].value.replace("\\", "") == after


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query", [{}, {"a1": "-1.5", "b2": "-3", "v1": "0.3"}])
def test_gradients_summaries_are_the_charts_numbers(lang, query):
    at = run_page("gradients", query, lang=lang)
    assert_no_exception(at)
    charts = _charts(at)
    # The tangents are the drag sliders' SVG figures (tests/test_live_gradients.py
    # checks their per-frame text alternative).
    assert set(charts) == {"bars_a_chart", "bars_b_chart"}
    for key in ("bars_a_chart", "bars_b_chart"):
        spec, alt = charts[key]
        bars, hand = spec["data"]
        assert ", ".join(_ys(bars)) in alt and ", ".join(_ys(hand)) in alt
    _check_expanders(at, lang, charts)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query", [{}, {"objective": "q", "lr": "0.1", "momentum": "0.5",
                                        "steps": "40"}])
def test_optimizer_summaries_are_the_charts_numbers(lang, query):
    at = run_page("optimizer", query, lang=lang)
    at.session_state["optimizer_theory"] = True  # the α–μ map is built only while open
    at.run()
    assert_no_exception(at)
    charts = _charts(at)
    spec, alt = charts["loss_chart"]
    runs = [tr for tr in spec["data"] if tr.get("name") and tr.get("customdata")]
    assert len(runs) == 2
    for trace in runs:
        assert trace["name"] in alt
        assert trace["customdata"][-1] in alt  # the last loss drawn
    for note in spec["layout"].get("annotations", []):
        if note.get("showarrow"):  # "step 6: loss -∞, stopped" beside the ✕
            step = note["text"].split(":")[0].split()[-1]
            assert step in alt
    if query.get("objective") == "q":
        spec, alt = charts["params_chart"]
        for trace in spec["data"]:
            if trace.get("customdata"):
                element = trace["name"].split(" · ")[0]
                assert f"{element} = {trace['customdata'][-1]}" in alt
    else:
        spec, alt = charts["map_chart"]
        for trace in spec["data"]:
            if trace.get("customdata") and trace.get("mode") == "lines+markers":
                x, y = decode_array(trace["x"]), decode_array(trace["y"])
                assert f"({format_number(x[-1])}, {format_number(y[-1])})" in alt
        spec, alt = charts["rate_map"]
        star = next(tr for tr in spec["data"] if tr.get("marker", {}).get("symbol") == "star")
        assert format_number(10 ** decode_array(star["x"])[0]) in alt
        assert format_number(decode_array(star["y"])[0]) in alt
    _check_expanders(at, lang, charts)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query", [{}, {"expr": "1/a", "a1": "0"}])
def test_expression_summary_is_the_curve(lang, query):
    at = run_page("expression", query, lang=lang)
    assert_no_exception(at)
    spec, alt = _charts(at)["curve_chart"]
    curve = spec["data"][0]
    finite = [v for v in decode_array(curve["y"]) if v is not None and math.isfinite(v)]
    assert format_number(min(finite)) in alt and format_number(max(finite)) in alt
    slopes = [a["text"].split()[-1] for a in spec["layout"].get("annotations", [])]
    if slopes:
        assert slopes[0] in alt
    else:  # no tangent where f has no value: the summary says so
        assert t("charttext.curve.no_point", lang, x0="0") in alt
    _check_expanders(at, lang, _charts(at))


@pytest.mark.parametrize("lang", LANGS)
def test_resnet_summaries_are_the_charts_numbers(lang):
    at = run_page("resnet", {"steps": "3", "pretrained": "0"}, lang=lang)
    assert_no_exception(at)
    charts = _charts(at)
    assert set(charts) == {"grads_chart", "loss_chart", "move_chart", "time_chart"}
    spec, alt = charts["loss_chart"]
    labels = spec["data"][0]["text"]
    assert labels[0] in alt and labels[-1] in alt
    spec, alt = charts["grads_chart"]
    drawn = {n: v for tr in spec["data"] for n, v in zip(tr["y"], tr["text"], strict=True)}
    name, value = max(drawn.items(), key=lambda item: float(item[1]))
    assert f"{name} {value}" in alt
    spec, alt = charts["time_chart"]
    for text in spec["data"][0]["text"]:
        assert text in alt  # "41.5 ms"
    _check_expanders(at, lang, charts)


def test_predict_mode_hides_the_summaries_with_the_charts():
    at = run_page("accumulation", {"predict": "1", "calls": "4", "a1": "1.5"}, lang="en")
    assert_no_exception(at)
    assert not _charts(at) and not _expanders(at, "en")
    at.number_input(key="guess_a1_grad_calls").set_value(1.0)
    at.button(key="reveal_a1_grad_calls").click().run()
    assert_no_exception(at)
    charts = _charts(at)
    assert "20.25, 40.5, 60.75, 81" in charts["history_a_chart"][1]  # 9·1.5² per call
    assert len(_expanders(at, "en")) == len(charts)


def test_class_histogram_summary_hides_the_answer_until_shown(tmp_path, monkeypatch):
    from components.storage.class_store import ClassStore, new_student_id

    url = f"sqlite:///{tmp_path / 'classes.sqlite3'}"
    monkeypatch.setenv("AUTOGRAD_LAB_DB", url)
    store = ClassStore(url)
    try:
        new = store.create_class()
        for guess in (36.0, 36.2, 12.0):
            assert store.submit_answer(new.code, "a1_grad", new_student_id(), guess, 36.0).saved
        at = run_page("class", {"class": new.code, "key": new.key}, lang="en")
        assert_no_exception(at)
        spec, alt = next(iter(_charts(at).values()))
        counts = [int(c) for tr in spec["data"] for c in decode_array(tr["y"]) if c]
        assert "3 guesses from 12 to 36.2" in alt and str(max(counts)) in alt
        assert "answer" not in alt  # the projected screen does not give it away
        at.toggle(key="class_show_answer").set_value(True).run()
        spec, alt = next(iter(_charts(at).values()))
        assert "PyTorch's answer is 36: 2 right, 1 wrong." in alt
        _check_expanders(at, "en", _charts(at))
    finally:
        store.dispose()
