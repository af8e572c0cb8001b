"""AppTest of the gradients lesson: widgets by key, URL state, both languages."""

import pytest

from tests.support import (
    all_text,
    assert_no_exception,
    decode_array,
    image_alts,
    plotly_specs,
    run_page,
    svg_images,
)


def _bars(at):
    """a.grad and b.grad as drawn: one bar figure per tensor, a first."""
    bars = [tr for s in plotly_specs(at) for tr in s["data"] if tr["type"] == "bar"]
    assert len(bars) == 2
    return decode_array(bars[0]["y"]), decode_array(bars[1]["y"])


def test_tutorial_defaults():
    at = run_page("gradients")
    assert_no_exception(at)
    assert [at.slider(key=k).value for k in ("a1", "a2", "b1", "b2", "v1", "v2")] == \
        [2.0, 3.0, 6.0, 4.0, 1.0, 1.0]
    a_grad, b_grad = _bars(at)
    assert a_grad == [36.0, 81.0] and b_grad == [-12.0, -8.0]
    text = all_text(at)
    assert "**36**" in text and "**81**" in text and "**-12**" in text
    assert "✓" in text and "✗" not in text
    assert "grad can be implicitly created only for scalar outputs" in text
    graph = svg_images(at)
    assert len(graph) == 1, "the computation graph is drawn"
    assert "AccumulateGrad" in graph[0] and "a.grad = [36, 81]" in graph[0]


def test_moving_a_slider_changes_the_gradients_and_the_url():
    at = run_page("gradients", lang="en")
    at.slider(key="a1").set_value(1.0).run()
    assert_no_exception(at)
    a_grad, _ = _bars(at)
    assert a_grad == [9.0, 81.0]
    at.slider(key="b2").set_value(-2.5).run()
    _, b_grad = _bars(at)
    assert b_grad == [-12.0, 5.0]
    assert at.query_params["a1"] == "1" and at.query_params["b2"] == "-2.5"
    assert "a.grad = [9, 81]" in svg_images(at)[0]


def test_tutorial_preset_sets_v():
    at = run_page("gradients")
    at.button(key="preset_tutorial").click().run()
    assert (at.slider(key="v1").value, at.slider(key="v2").value) == (0.7, 0.3)
    a_grad, b_grad = _bars(at)
    assert a_grad == pytest.approx([25.2, 24.3], rel=1e-6)
    assert b_grad == pytest.approx([-8.4, -2.4], rel=1e-6)
    assert at.query_params["v1"] == "0.7"
    at.button(key="preset_ones").click().run()
    assert (at.slider(key="v1").value, at.slider(key="v2").value) == (1.0, 1.0)


def test_query_parameters_set_the_controls():
    at = run_page("gradients", {"a1": "-1.5", "a2": "0.5", "b1": "2", "b2": "-6",
                                "v1": "0.7", "v2": "0.3"})
    assert_no_exception(at)
    assert not at.warning
    assert at.slider(key="a1").value == -1.5 and at.slider(key="b2").value == -6.0
    a_grad, b_grad = _bars(at)
    assert a_grad == pytest.approx([9 * 2.25 * 0.7, 9 * 0.25 * 0.3], rel=1e-6)
    assert b_grad == pytest.approx([-2 * 2 * 0.7, 12 * 0.3], rel=1e-6)


@pytest.mark.parametrize("raw,expected", [
    ("abc", 2.0), ("nan", 2.0), ("inf", 2.0), ("-inf", 2.0), ("", 2.0),
    ("1e308", 3.0), ("9" * 400, 2.0), ("2.04", 2.0),
])
def test_bad_parameters_fall_back_with_a_message(raw, expected):
    at = run_page("gradients", {"a1": raw}, lang="en")
    assert_no_exception(at)
    assert at.slider(key="a1").value == expected
    assert len(at.warning) == 1 and "a1" in at.warning[0].value
    assert at.query_params["a1"] == f"{expected:g}"


def test_switching_language_keeps_every_value():
    at = run_page("gradients", {"a1": "-2", "v2": "0.3"})
    assert "autograd의 답과 손으로 푼 답" in all_text(at)
    at.radio(key="lang").set_value("en").run()
    assert_no_exception(at)
    assert "autograd's answer against the hand derivation" in all_text(at)
    assert at.slider(key="a1").value == -2.0 and at.slider(key="v2").value == 0.3
    assert at.query_params["lang"] == "en"


def test_figures_are_right_for_every_slider_position():
    at = run_page("gradients")
    for a1 in (-3.0, -1.2, 0.0, 0.5, 3.0):
        at.slider(key="a1").set_value(a1).run()
        a_grad, _ = _bars(at)
        assert a_grad[0] == pytest.approx(9 * a1**2, rel=1e-6, abs=1e-6)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_graph_text_alternative_follows_the_sliders(lang):
    """The backward graph's alt text says, in the page's language, which nodes lead
    from Q back to a and b and carries the current a.grad and b.grad (issue #18)."""
    at = run_page("gradients", lang=lang)
    (alt,) = image_alts(at)
    assert alt and alt in svg_images(at)[0]  # the SVG's own <title> says the same
    path_a = "Q → SubBackward0 → MulBackward0 → PowBackward0 → AccumulateGrad"
    path_b = "Q → SubBackward0 → PowBackward0 → AccumulateGrad"
    assert path_a in alt and path_b in alt
    assert "a.grad = [36, 81]" in alt and "b.grad = [-12, -8]" in alt
    assert ("역전파 노드 6개" if lang == "ko" else "6 backward nodes") in alt
    assert ("거슬러" if lang == "ko" else "From Q back to a") in alt
    at.slider(key="a1").set_value(1.0).run()
    at.slider(key="v2").set_value(0.5).run()
    (moved,) = image_alts(at)
    assert "a.grad = [9, 40.5]" in moved and "b.grad = [-12, -4]" in moved
    assert "v = [1, 0.5]" in moved and "a = [1, 3]" in moved
    assert "a.grad = [36, 81]" not in moved
