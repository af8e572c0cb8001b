"""AppTest of the optimizer lesson: widgets by key, URL state, divergence, both languages."""

import json
import math

import pytest

from components.core.optimizer import compare_momentum
from components.numbers import format_number
from components.ui.i18n import t
from tests.support import all_text, assert_no_exception, decode_array, run_page, widget_values

# The optimizer hides b1/b2 on its landscapes; these widgets are always shown.
SHOWN_ON_LANDSCAPES = ("objective", "a1", "a2", "lr", "momentum", "steps")
DEFAULTS = {"objective": "valley", "a1": 2.0, "a2": 3.0, "b1": 6.0, "b2": 4.0, "lr": 0.01,
            "momentum": 0.9, "steps": 50}


def _chart(at, key):
    """The plotly spec of the chart with widget key ``key`` (None if absent)."""
    for element in at.get("plotly_chart"):
        if element.proto.id.endswith(f"-{key}"):
            return json.loads(element.proto.spec)
    return None


def _curve(spec, name):
    trace = next(tr for tr in spec["data"] if tr.get("name") == name and "lines" in tr["mode"])
    return decode_array(trace["y"])


def _metrics(at):
    return {m.label: m.value for m in at.metric}




def _finite(value):
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return True
    if isinstance(value, (int, float)):
        return math.isfinite(value)
    if isinstance(value, dict):
        if "bdata" in value:
            return all(math.isfinite(v) for v in decode_array(value))
        return all(_finite(v) for v in value.values())
    return all(_finite(v) for v in value)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_opens_on_the_valley_with_its_map(lang):
    """The default view teaches momentum: the valley, which has a minimum, and its map."""
    at = run_page("optimizer", lang=lang)
    assert_no_exception(at)
    assert not at.warning
    values = widget_values(at, "optimizer", SHOWN_ON_LANDSCAPES)
    assert values == {k: v for k, v in DEFAULTS.items() if k in values}
    assert at.query_params["objective"] == "valley"
    assert _chart(at, "map_chart") is not None and _chart(at, "params_chart") is None
    reference = compare_momentum("valley", (2.0, 3.0), (0.0, 0.0), 0.01, 0.9, 50)
    assert not reference.with_momentum.diverged and not at.error
    assert _metrics(at)[t("optimizer.metric_before", lang)] == \
        format_number(reference.with_momentum.losses[0])
    # The tutorial's Q is one click away.
    at.radio(key="objective").set_value("q").run()
    assert_no_exception(at)
    assert at.query_params["objective"] == "q" and _chart(at, "params_chart") is not None


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_tutorial_q_view(lang):
    at = run_page("optimizer", {"objective": "q"}, lang=lang)
    assert_no_exception(at)
    assert not at.warning
    values = widget_values(at, "optimizer", SHOWN_ON_LANDSCAPES)
    assert values == {**{k: v for k, v in DEFAULTS.items() if k in values}, "objective": "q"}
    assert at.slider(key="b1").value == 6.0 and at.slider(key="b2").value == 4.0
    reference = compare_momentum("q", (2.0, 3.0), (6.0, 4.0), 0.01, 0.9, 50)
    # Loss before and after the first optim.step(), the same with momentum 0.
    metric_values = [m.value for m in at.metric]
    assert metric_values[:3] == ["53", "-9.358", "-9.358"]
    spec = _chart(at, "loss_chart")
    name = "momentum 0.9" if lang == "en" else "모멘텀 0.9"
    # Q's losses reach -1e28 before overflowing: the axis is signed-log, sign·log10(1 + |y|).
    shown = [math.copysign(10 ** abs(y) - 1, y) for y in _curve(spec, name)]
    assert shown == pytest.approx(list(reference.with_momentum.losses), rel=1e-9)
    assert shown[:2] == [pytest.approx(53.0), pytest.approx(-9.357585906982422)]
    # The tutorial's Q with momentum 0.9 runs away: stopped, marked and explained.
    assert len(at.error) == 1
    step = reference.with_momentum.diverged_at
    assert str(step) in at.error[0].value
    assert _chart(at, "params_chart") is not None and _chart(at, "map_chart") is None
    text = all_text(at)
    assert t("optimizer.why_q", lang) in text
    assert "lr=0.01, momentum=momentum" in text and "train(momentum=0.9)" in text
    assert "✓" in text and "✗" not in text
    assert _finite(spec)
    # Every recorded step, optimizer.state[p]["momentum_buffer"] included: the
    # table is built only once its expander is opened.
    assert not at.dataframe
    at.session_state["every_step_table"] = True
    at.run()
    assert_no_exception(at)
    table = at.dataframe[0].value
    assert len(table) == reference.with_momentum.finite_steps + 1
    assert list(table["buf a[0]"][:3]) == ["–", "36", format_number(0.9 * 36 + 9 * 1.64**2)]
    assert list(table["b[1]"][:2]) == ["4", "4.08"]


def test_first_step_text_in_both_languages():
    at = run_page("optimizer", lang="en")
    assert "Momentum cannot change the first step" in all_text(at)
    at.radio(key="lang").set_value("ko").run()
    assert_no_exception(at)
    assert "모멘텀은 첫 단계를 바꾸지 못합니다" in all_text(at)
    assert "첫 optim.step() 후" in _metrics(at)


@pytest.mark.parametrize("objective", ["valley", "rosenbrock"])
def test_landscapes_draw_both_paths_and_momentum_wins(objective):
    at = run_page("optimizer", {"objective": objective}, lang="en")
    assert_no_exception(at)
    assert not at.error
    spec = _chart(at, "map_chart")
    paths = [tr for tr in spec["data"] if tr.get("name", "").startswith("momentum")]
    assert len(paths) == 2
    reference = compare_momentum(objective, (2.0, 3.0), (0.0, 0.0), 0.01, 0.9, 50)
    chosen = next(tr for tr in paths if tr["name"] == "momentum 0.9")
    assert decode_array(chosen["x"]) == [p[0] for p in reference.with_momentum.params]
    # The default view is chosen to show momentum's effect: far lower after 50 steps.
    assert reference.with_momentum.losses[-1] < reference.plain.losses[-1] / 10
    metrics = _metrics(at)
    assert metrics["momentum 0.9: loss after 50 steps"] == \
        format_number(reference.with_momentum.losses[-1])
    # b is not a parameter here: no b sliders, one line saying so, URL values kept.
    assert not [s for s in at.slider if s.key in ("b1", "b2")]
    assert at.query_params["b1"] == "6" and at.query_params["b2"] == "4"
    assert "b₁ = 6" in all_text(at)


def test_query_parameters_set_the_controls():
    query = {"objective": "valley", "a1": "-2.5", "a2": "1", "b1": "-3", "lr": "0.03",
             "momentum": "0.5", "steps": "80"}
    at = run_page("optimizer", query, lang="en")
    assert_no_exception(at)
    assert not at.warning
    assert widget_values(at, "optimizer", SHOWN_ON_LANDSCAPES) == {"objective": "valley", "a1": -2.5, "a2": 1.0, "lr": 0.03,
                           "momentum": 0.5, "steps": 80}
    reference = compare_momentum("valley", (-2.5, 1.0), (0, 0), 0.03, 0.5, 80)
    assert _curve(_chart(at, "loss_chart"), "momentum 0.5") == \
        pytest.approx(list(reference.with_momentum.losses))
    assert at.query_params["b1"] == "-3"  # kept although b is hidden on this landscape
    # Back to Q: the b sliders come back with the URL's values.
    at.radio(key="objective").set_value("q").run()
    assert_no_exception(at)
    assert at.slider(key="b1").value == -3.0 and at.slider(key="b2").value == 4.0


@pytest.mark.parametrize("name,raw,expected", [
    ("objective", "banana", "valley"),
    ("objective", "", "valley"),
    ("lr", "abc", 0.01),
    ("lr", "nan", 0.01),
    ("lr", "inf", 0.01),
    ("lr", "1e308", 1.0),
    ("lr", "0.02", 0.03),
    ("lr", "-1", 0.0001),
    ("momentum", "2", 0.99),
    ("momentum", "-0.5", 0.0),
    ("momentum", "-inf", 0.9),
    ("steps", "0", 1),
    ("steps", "1e9", 200),
    ("steps", "9" * 400, 50),
    ("steps", "12.4", 12),
    ("a1", "NaN", 2.0),
])
def test_bad_parameters_fall_back_with_one_line(name, raw, expected):
    at = run_page("optimizer", {name: raw}, lang="en")
    assert_no_exception(at)
    value = at.radio(key=name).value if name == "objective" else \
        at.select_slider(key=name).value if name == "lr" else at.slider(key=name).value
    assert value == expected
    assert len(at.warning) == 1 and f"`{name}" in at.warning[0].value
    assert at.warning[0].value.count("\n") == 0


def test_several_bad_parameters_give_one_line_each():
    at = run_page("optimizer", {"lr": "x", "momentum": "nan", "steps": "", "b2": "1e999"},
                  lang="ko")
    assert_no_exception(at)
    assert len(at.warning) == 1
    lines = at.warning[0].value.split("  \n")
    assert len(lines) == 4
    assert all(any(f"`{n}" in line for line in lines) for n in ("lr", "momentum", "steps", "b2"))


@pytest.mark.parametrize("query", [
    {"objective": "q", "lr": "1", "momentum": "0.99", "steps": "200"},
    {"objective": "q", "lr": "1", "momentum": "0"},
    {"objective": "valley", "lr": "1", "steps": "200"},
    {"objective": "rosenbrock", "a1": "3", "a2": "-3", "lr": "0.3"},
])
def test_divergence_is_a_lesson_not_a_crash(query):
    at = run_page("optimizer", query, lang="en")
    assert_no_exception(at)
    assert at.error, "the diverged run is reported"
    assert "diverged" in at.error[0].value
    text = all_text(at)
    assert "**Why?**" in text
    objective = query.get("objective", "q")
    assert ("no lowest point" in text) == (objective == "q")
    for key in ("loss_chart", "params_chart", "map_chart"):
        spec = _chart(at, key)
        if spec is not None:
            assert _finite(spec), key
    spec = _chart(at, "loss_chart")
    assert any(tr.get("marker", {}).get("symbol") == "x" for tr in spec["data"])


def test_a_loss_that_explodes_without_overflowing_is_called_diverging():
    # lr·curvature = 0.1·40 = 4: plain SGD overflows at step 40; with momentum 0.9
    # (stable only below 2·1.9 = 3.8) the loss grows every step but stays finite.
    at = run_page("optimizer", {"objective": "valley", "lr": "0.1"}, lang="en")
    assert_no_exception(at)
    errors = [e.value for e in at.error]
    assert len(errors) == 2
    assert "momentum 0 (plain SGD): the run diverged" in errors[0]
    assert "momentum 0.9: diverging" in errors[1] and "from 16.25 to" in errors[1]
    assert "lr·h < 2(1 + μ)" in all_text(at)


def test_momentum_zero_and_the_update_rule():
    at = run_page("optimizer", {"objective": "rosenbrock"}, lang="en")
    text = all_text(at)
    assert "\\mathrm{buf} = 0.9\\times46 + (-17.35) = 24.05" in text  # step 2 of a[0], by hand
    at.slider(key="momentum").set_value(0.0).run()
    assert_no_exception(at)
    assert at.query_params["momentum"] == "0"
    spec = _chart(at, "loss_chart")
    assert [tr["name"] for tr in spec["data"] if "lines" in tr.get("mode", "")] == \
        ["momentum 0 (plain SGD)"]
    text = all_text(at)
    assert "PyTorch keeps no buffer at all" in text
    assert "train(momentum=0.0)" in text and "plain_losses" not in text
    assert len(at.metric) == 3  # before, after, final: no second run to compare


def test_switching_language_keeps_every_value():
    at = run_page("optimizer", {"objective": "rosenbrock", "a1": "-2", "lr": "0.003",
                                "momentum": "0.95", "steps": "120"})
    assert "손실 지형 위의 두 경로" in all_text(at)
    before = widget_values(at, "optimizer", SHOWN_ON_LANDSCAPES)
    at.radio(key="lang").set_value("en").run()
    assert_no_exception(at)
    assert "The two paths on the loss landscape" in all_text(at)
    assert widget_values(at, "optimizer", SHOWN_ON_LANDSCAPES) == before
    assert at.query_params["lang"] == "en" and at.query_params["steps"] == "120"


def test_moving_sliders_updates_numbers_and_url():
    at = run_page("optimizer", {"objective": "q"}, lang="en")
    at.slider(key="a1").set_value(1.0).run()
    assert_no_exception(at)
    reference = compare_momentum("q", (1.0, 3.0), (6.0, 4.0), 0.01, 0.9, 50)
    assert _metrics(at)["Before optim.step()"] == format_number(reference.with_momentum.losses[0])
    at.select_slider(key="lr").set_value(0.001).run()
    at.slider(key="steps").set_value(7).run()
    assert at.query_params["a1"] == "1" and at.query_params["lr"] == "0.001"
    assert at.query_params["steps"] == "7"
    assert len(_curve(_chart(at, "loss_chart"), "momentum 0.9")) == 8
    # Nothing diverged, but Q still has no minimum, and the page says so.
    assert not at.error and "no lowest point" in at.info[0].value
    assert "range(1, 7 + 1)" in all_text(at)
