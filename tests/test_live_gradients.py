"""Lesson ②'s live figures: every frame the browser draws is the page's own number.

The live figure of a slider holds one frame per grid point. For every grid
point of all six sliders, the frame must equal what the page computes when
the slider is released there (``gradients_of_q`` for the table and bars,
``q_curve`` for the tangent), and the page sent after that release must draw
the same frame.
"""


import pytest
import torch

from components.charts import gradients as plotly_gradients
from components.charts import live_svg
from components.charts.live_svg import frame_count, nice_ticks
from components.core.gradients import gradient_sweep, gradients_of_q, q_curve
from components.numbers import format_number
from components.ui.controls import PageState
from components.ui.drag_slider import LIB_DIGEST, component_key, grid_of
from components.ui.gradients_live import live_figure, live_labels
from components.ui.schema import A1, A2, B1, B2, V1, V2, controls_for
from tests.support import assert_no_exception, drag_components, drag_payloads, run_page

SLIDERS = {c.name: c for c in (A1, A2, B1, B2, V1, V2)}
# Not the tutorial's values: v ≠ 1 and negative entries, so a mix-up shows.
POINT = dict(a1=-1.3, a2=0.7, b1=2.5, b2=-4.0, v1=0.35, v2=-0.6)


def _state(values: dict, lang: str = "en") -> PageState:
    controls = {c.name: c for c in controls_for("gradients")}
    return PageState(page="gradients", lang=lang, values={**values, "present": False},
                     controls=controls)


def _payloads(at) -> dict[str, dict]:
    """The live figures' data on the page, by control name (``figure``: the spec
    this run sent, or None when the session had it already)."""
    return drag_payloads(at)


@pytest.mark.parametrize("name", list(SLIDERS))
def test_every_frame_equals_the_page_at_that_grid_point(name):
    grid = grid_of(SLIDERS[name])
    spec = live_figure(_state(POINT), name)
    frames = spec["frames"]
    assert frame_count(spec) == len(grid) and frames["value"] == list(grid)
    i = int(name[1]) - 1
    for k, x in enumerate(grid):
        values = {**POINT, name: x}
        a, b, v = ((values[f"{t}1"], values[f"{t}2"]) for t in "abv")
        page = gradients_of_q(a, b, v)  # what the table and the bars show after release
        for tensor in ("ab" if name[0] == "v" else name[0]):
            grads = page.a_grad if tensor == "a" else page.b_grad
            hand = page.a_grad_analytic if tensor == "a" else page.b_grad_analytic
            assert frames[f"{tensor}_grad"][k] == grads[i]
            assert frames[f"{tensor}_hand"][k] == hand[i]
            assert frames[f"{tensor}_grad_text"][k] == format_number(grads[i])
        if name[0] in "ab":
            low, high = (A1.low, A1.high) if name[0] == "a" else (B1.low, B1.high)
            curve = q_curve(a[i], b[i], name[0], low, high)  # the tangent after release
            assert (frames["x0"][k], frames["y0"][k]) == (curve.x0, curve.y0)
            half = (high - low) * 0.15
            (tx0, tx1) = (curve.x0 - half, curve.x0 + half)
            (ty0, ty1) = (curve.y0 - curve.slope * half, curve.y0 + curve.slope * half)
            assert frames["tx0"][k] == pytest.approx(tx0, abs=1e-12)
            assert frames["ty0"][k] == pytest.approx(ty0, abs=1e-12)
            assert frames["tx1"][k] == pytest.approx(tx1, abs=1e-12)
            assert frames["ty1"][k] == pytest.approx(ty1, abs=1e-12)
            assert frames["slope_text"][k] == f"slope {format_number(curve.slope)}"


def test_the_whole_grid_is_one_backward_call(monkeypatch):
    calls = []
    original = torch.autograd.backward
    monkeypatch.setattr(torch.autograd, "backward",
                        lambda *args, **kw: calls.append(1) or original(*args, **kw))
    sweep = gradient_sweep((2.0, 3.0), (6.0, 4.0), (1.0, 1.0), "a1", grid_of(A1))
    assert len(calls) == 1 and len(sweep.grid) == 61
    # 9a² at a = -3, 0, 3: the closed form, from that one call.
    assert [sweep.a_grad[k][0] for k in (0, 30, 60)] == [81.0, 0.0, 81.0]


def test_the_page_sends_six_sliders_at_their_values_and_release_redraws_the_same_frame():
    query = {name: f"{value:g}" for name, value in POINT.items()}
    at = run_page("gradients", query, lang="en")
    assert_no_exception(at)
    before = _payloads(at)
    assert sorted(before) == sorted(SLIDERS)
    for name, data in before.items():
        assert data["grid"][data["index"]] == POINT[name]
    # The figure's code travels once per session, with the first figure only.
    assert [name for name, data in before.items() if LIB_DIGEST in data["assets"]] == ["a1"]
    # Release a₁ at two grid points: the page after the rerun draws exactly the
    # frame the drag drew there, and its table shows the frame's a.grad.
    frames = before["a1"]["figure"]["frames"]
    for k in (4, 47):
        at = run_page("gradients", {**query, "a1": f"{frames['value'][k]:g}"}, lang="en")
        after = _payloads(at)["a1"]
        assert after["index"] == k
        assert after["figure"] == before["a1"]["figure"]
        table = [m.value for m in at.markdown if "a.grad (autograd)" in m.value][0]
        assert f"**{frames['a_grad_text'][k]}**" in table


def test_a_session_gets_each_spec_once_and_a_move_sends_only_the_specs_it_changed():
    query = {name: f"{value:g}" for name, value in POINT.items()}
    at = run_page("gradients", query, lang="en")
    digests = {name: data["digest"] for name, data in _payloads(at).items()}
    at.slider(key="a1").set_value(1.5).run()
    assert_no_exception(at)
    after = _payloads(at)
    # Element 1's figures of b₁ and v₁ hold a₁: new specs, sent. a₁'s own figure
    # (its value is not in it) and element 2's are the same: their digest alone.
    assert {name for name, data in after.items() if data["assets"]} == {"b1", "v1"}
    for name in ("b1", "v1"):
        assert after[name]["digest"] != digests[name]
        assert after[name]["figure"] == live_figure(_state({**POINT, "a1": 1.5}), name)
    for name in ("a1", "a2", "b2", "v2"):
        assert after[name]["digest"] == digests[name] and after[name]["figure"] is None
    assert after["a1"]["index"] == grid_of(A1).index(1.5)
    # Back where it was: that spec was sent in this session already.
    at.slider(key="a1").set_value(POINT["a1"]).run()
    assert not any(data["assets"] for data in _payloads(at).values())


def test_predict_mode_sends_no_grid_before_the_reveal():
    at = run_page("gradients", {"predict": "1"}, lang="en")
    assert_no_exception(at)
    assert not drag_components(at)
    assert at.slider(key="a1").value == 2.0  # the plain sliders stay


def test_korean_labels():
    at = run_page("gradients", {}, lang="ko")
    data = _payloads(at)["b2"]
    assert at.slider(key="b2").label == "b₂ (b[1])"  # the one control of b₂
    titles = [p["title"] for p in data["figure"]["panels"]]
    assert titles[0] == live_labels("ko")["title_b"].format(i=2) and titles[1] == "b.grad[1]"


def test_keys_and_ticks():
    assert component_key("a1") == "a1_drag"
    assert nice_ticks(-3, 3) == [-2.0, 0.0, 2.0]
    assert nice_ticks(-85, 85) == [-50.0, 0.0, 50.0]
    assert nice_ticks(0, 0) == [0]


def test_tutorial_slopes_korean_titles_and_the_page_palette():
    state = _state(dict(a1=2.0, a2=3.0, b1=6.0, b2=4.0, v1=1.0, v2=1.0), lang="ko")
    slopes = {"a1": "36", "b1": "-12", "a2": "81", "b2": "-8"}  # 9aᵢ², −2bᵢ
    for name, slope in slopes.items():
        spec = live_figure(state, name)
        k = spec["frames"]["value"].index(state[name])
        assert spec["frames"]["slope_text"][k] == f"접선의 기울기 {slope}"  # not .grad
        i = name[1]
        assert spec["panels"][0]["title"] == f"{name[0]}{i}에 대한 Q{i}"
    assert live_svg.CURVE_COLOR == plotly_gradients.AUTOGRAD_COLOR
    assert live_svg.HAND_COLOR == plotly_gradients.HAND_COLOR
    assert live_svg.TANGENT_COLOR == plotly_gradients.TANGENT_COLOR


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("name", ["a1", "b2", "v1"])
def test_every_frame_has_a_text_alternative_with_its_own_numbers(name, lang):
    """The SVG's aria-label (frames["alt"]) reads out the numbers that frame draws."""
    spec = live_figure(_state(POINT, lang), name)
    frames = spec["frames"]
    grid = grid_of(SLIDERS[name])
    assert len(frames["alt"]) == len(grid) and len(set(frames["alt"])) > len(grid) // 2
    tensors = "ab" if name[0] == "v" else name[0]
    for k, x in enumerate(grid):
        alt = frames["alt"][k]
        assert format_number(x) in alt
        for tensor in tensors:
            assert frames[f"{tensor}_grad_text"][k] in alt
            assert format_number(frames[f"{tensor}_hand"][k]) in alt
        if name[0] != "v":
            assert format_number(frames["y0"][k]) in alt
    assert ("손으로 구한 값" in frames["alt"][0]) == (lang == "ko")
