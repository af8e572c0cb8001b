"""AppTest of the accumulation lesson: widgets by key, URL state, both languages."""

import math

import pytest

from tests.support import all_text, assert_no_exception, decode_array, plotly_specs, run_page

RUN = {"y": "accumulated", "y2": "zeroed"}  # left / right panel of each figure


def _history_specs(at) -> list[dict]:
    """The a.grad and b.grad figures (one per tensor, a first)."""
    specs = [s for s in plotly_specs(at)
             if s["data"][0].get("hovertemplate", "").startswith("k=")]
    assert len(specs) == 2
    return specs


def _history(at):
    """{(tensor, run, element): values} from the a.grad/b.grad figures, and those figures."""
    specs = _history_specs(at)
    lines = {}
    for tensor, spec in zip("ab", specs, strict=True):
        first_name = spec["data"][0]["name"]
        for trace in spec["data"]:
            element = 0 if trace["name"] == first_name else 1
            lines[(tensor, RUN[trace.get("yaxis", "y")], element)] = decode_array(trace["y"])
    return lines, specs


def _training(at):
    history = _history_specs(at)
    spec = next(s for s in plotly_specs(at) if s not in history)
    curves = [tr for tr in spec["data"] if tr.get("mode") == "lines+markers"]
    crosses = [tr for tr in spec["data"] if tr.get("marker", {}).get("symbol") == "x"]
    return [decode_array(c["y"]) for c in curves], crosses


def _highlighted_column(specs) -> str:
    """Which column holds the highlight box in both figures: "left" or "right"."""
    columns = {frozenset(s["xref"] for s in spec["layout"].get("shapes", [])
                         if s["type"] == "rect") for spec in specs}
    assert len(columns) == 1, "both figures highlight the same run"
    return {frozenset({"x domain"}): "left", frozenset({"x2 domain"}): "right"}[columns.pop()]


def _snippet(at) -> str:
    return at.code[-1].value


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_tutorial_defaults(lang):
    at = run_page("accumulation", lang=lang)
    assert_no_exception(at)
    assert not at.warning
    assert [at.slider(key=k).value for k in ("a1", "a2", "b1", "b2", "calls")] == \
        [2.0, 3.0, 6.0, 4.0, 3]
    assert at.toggle(key="zero").value is False
    assert at.radio(key="graph").value == "rebuild"
    assert at.select_slider(key="lr").value == 0.01
    lines, specs = _history(at)
    assert lines[("a", "accumulated", 0)] == [36.0, 72.0, 108.0]
    assert lines[("a", "accumulated", 1)] == [81.0, 162.0, 243.0]
    assert lines[("a", "zeroed", 1)] == [81.0, 81.0, 81.0]
    assert lines[("b", "accumulated", 0)] == [-12.0, -24.0, -36.0]
    assert _highlighted_column(specs) == "left"  # the accumulating run
    text = all_text(at)
    assert "**[108, 243]**" in text and "**[-36, -24]**" in text
    assert "✓" in text and "✗" not in text
    assert "backward through the graph a second time" in text
    assert "[72, 162]" in text  # both ways around the error, really run
    curves, crosses = _training(at)
    assert len(curves) == 2 and not crosses
    assert len(curves[0]) == len(curves[1]) == 20 and curves[0][0] == 24.0
    assert "retain_graph=True" not in _snippet(at) and "lr=0.01" in _snippet(at)


def test_calls_and_zero_move_the_chart_the_table_and_the_url():
    at = run_page("accumulation", lang="en")
    at.slider(key="calls").set_value(6).run()
    assert_no_exception(at)
    lines, specs = _history(at)
    assert lines[("a", "accumulated", 0)] == [36.0 * k for k in range(1, 7)]
    assert "**[216, 486]**" in all_text(at)
    at.toggle(key="zero").set_value(True).run()
    assert_no_exception(at)
    lines, specs = _history(at)
    # Both runs stay on the chart; the highlight moves to the zeroed one.
    assert lines[("a", "accumulated", 0)][-1] == 216.0
    assert lines[("a", "zeroed", 0)] == [36.0] * 6
    assert _highlighted_column(specs) == "right"
    text = all_text(at)
    assert "**[216, 486]**" not in text and text.count("**[36, 81]**") == 6
    assert "a.grad = None" in _snippet(at)
    assert at.query_params["calls"] == "6" and at.query_params["zero"] == "1"


def test_a_slider_moves_the_lines():
    at = run_page("accumulation")
    at.slider(key="a1").set_value(-1.0).run()
    at.slider(key="b2").set_value(-2.5).run()
    assert_no_exception(at)
    lines, _ = _history(at)
    assert lines[("a", "accumulated", 0)] == [9.0, 18.0, 27.0]
    assert lines[("b", "zeroed", 1)] == [5.0, 5.0, 5.0]
    assert at.query_params["a1"] == "-1" and at.query_params["b2"] == "-2.5"


def test_retain_graph_gives_the_same_numbers():
    at = run_page("accumulation", lang="en")
    before, _ = _history(at)
    at.radio(key="graph").set_value("retain").run()
    assert_no_exception(at)
    after, _ = _history(at)
    assert before == after
    assert "retain_graph=True" in _snippet(at)
    assert at.query_params["graph"] == "retain"
    assert "exactly the same numbers ✓" in all_text(at)


@pytest.mark.parametrize("lr", [0.3, 1.0])
def test_a_large_learning_rate_diverges_with_a_note_and_finite_chart(lr):
    at = run_page("accumulation", lang="en")
    at.select_slider(key="lr").set_value(lr).run()
    assert_no_exception(at)
    curves, crosses = _training(at)
    assert crosses, "the step where the loss blew up is marked"
    assert all(math.isfinite(v) for curve in curves for v in curve)
    notes = [m.value for m in at.markdown if "diverged" in m.value and ":orange[" in m.value]
    assert len(notes) == 1
    assert at.query_params["lr"] == f"{lr:g}"
    assert f"lr={lr!r}" in _snippet(at)


def test_query_parameters_set_the_controls():
    at = run_page("accumulation", {"a1": "-1.5", "a2": "0.5", "b1": "2", "b2": "-6",
                                   "calls": "7", "zero": "1", "graph": "retain", "lr": "0.1"})
    assert_no_exception(at)
    assert not at.warning
    assert at.slider(key="calls").value == 7 and at.toggle(key="zero").value is True
    assert at.radio(key="graph").value == "retain" and at.select_slider(key="lr").value == 0.1
    lines, specs = _history(at)
    assert lines[("a", "accumulated", 0)][-1] == pytest.approx(7 * 9 * 2.25)
    assert lines[("b", "zeroed", 1)] == [12.0] * 7
    assert _highlighted_column(specs) == "right"


@pytest.mark.parametrize("name,raw,expected,url", [
    ("calls", "abc", 3, "3"), ("calls", "nan", 3, "3"), ("calls", "inf", 3, "3"),
    ("calls", "", 3, "3"), ("calls", "1e308", 10, "10"), ("calls", "-4", 1, "1"),
    ("calls", "9" * 400, 3, "3"),
    ("zero", "maybe", False, "0"), ("graph", "banana", "rebuild", "rebuild"),
    ("lr", "5", 1.0, "1"), ("lr", "-1", 0.0001, "0.0001"), ("lr", "nan", 0.01, "0.01"),
    ("a1", "-inf", 2.0, "2"),
])
def test_bad_parameters_fall_back_with_one_line(name, raw, expected, url):
    at = run_page("accumulation", {name: raw}, lang="en")
    assert_no_exception(at)
    widget = {"calls": at.slider, "a1": at.slider, "zero": at.toggle, "graph": at.radio,
              "lr": at.select_slider}[name](key=name)
    assert widget.value == expected
    assert len(at.warning) == 1 and f"`{name}" in at.warning[0].value
    assert len(at.warning[0].value.splitlines()) == 1
    assert at.query_params[name] == url


def test_several_bad_parameters_give_one_line_each():
    at = run_page("accumulation", {"calls": "lots", "zero": "2", "lr": "inf"}, lang="ko")
    assert_no_exception(at)
    assert len(at.warning) == 1
    lines = at.warning[0].value.splitlines()
    assert len(lines) == 3 and all(f"`{n}" in text for n, text in zip(("calls", "zero", "lr"), lines, strict=True))


def test_switching_language_keeps_every_value():
    at = run_page("accumulation", {"calls": "5", "zero": "1", "lr": "0.1", "a2": "-2"})
    assert "기울기 누적" in at.title[0].value
    at.radio(key="lang").set_value("en").run()
    assert_no_exception(at)
    assert "Gradient accumulation" in at.title[0].value
    assert at.slider(key="calls").value == 5 and at.toggle(key="zero").value is True
    assert at.select_slider(key="lr").value == 0.1 and at.slider(key="a2").value == -2.0
    assert at.query_params["lang"] == "en" and at.query_params["calls"] == "5"
    assert "without optim.zero_grad()" in all_text(at)


def test_the_code_on_the_page_prints_what_the_page_shows(capsys):
    at = run_page("accumulation", {"a1": "1.5", "b1": "-3", "calls": "4", "graph": "retain",
                                   "lr": "0.03"})
    lines, _ = _history(at)
    namespace: dict = {}
    exec(compile(_snippet(at), "<page snippet>", "exec"), namespace)
    capsys.readouterr()
    assert namespace["a"].grad.tolist() == [lines[("a", "accumulated", i)][-1] for i in (0, 1)]
    assert namespace["b"].grad.tolist() == [lines[("b", "accumulated", i)][-1] for i in (0, 1)]
    curves, _ = _training(at)
    assert namespace["train"](True) == pytest.approx(curves[0], rel=1e-6)
    assert namespace["train"](False) == pytest.approx(curves[1], rel=1e-6)
