"""Lesson ③'s calls figure: every frame is the real run for that number of calls."""


import pytest

from components.core.accumulation import repeated_backward
from components.numbers import format_number, format_vector
from components.ui.accumulation_live import live_history
from components.ui.controls import PageState
from components.ui.schema import controls_for
from tests.support import assert_no_exception, drag_components, drag_payloads, run_page

POINT = dict(a1=-1.5, a2=0.5, b1=2.0, b2=-6.0)


def _state(zero: bool, graph: str) -> PageState:
    controls = {c.name: c for c in controls_for("accumulation")}
    return PageState(page="accumulation", lang="en", controls=controls,
                     values={**POINT, "zero": zero, "graph": graph, "calls": 3,
                             "present": False})


@pytest.mark.parametrize("zero, graph", [(False, "rebuild"), (True, "retain")])
def test_every_frame_is_the_run_the_page_makes_after_release(zero, graph):
    frames = live_history(_state(zero, graph))["frames"]
    a, b = (POINT["a1"], POINT["a2"]), (POINT["b1"], POINT["b2"])
    assert frames["value"] == [float(k) for k in range(1, 11)]
    for k in range(1, 11):
        run = repeated_backward(a, b, k, zero, graph)
        for tensor, grads in (("a", run.a_grads), ("b", run.b_grads)):
            for i in range(2):
                assert frames[f"{tensor}{i}_points"][k - 1] == \
                    [[call, g[i]] for call, g in enumerate(grads, start=1)]
                assert frames[f"{tensor}{i}_text"][k - 1] == format_number(grads[-1][i])


def test_release_draws_the_same_frame_and_the_table_shows_it():
    query = {name: f"{value:g}" for name, value in POINT.items()}
    at = run_page("accumulation", {**query, "calls": "2"}, lang="en")
    assert_no_exception(at)
    before = drag_payloads(at)["calls"]
    assert before["index"] == 1
    at = run_page("accumulation", {**query, "calls": "7"}, lang="en")
    after = drag_payloads(at)["calls"]
    assert after["index"] == 6 and after["figure"] == before["figure"]
    last = [p[1] for p in (before["figure"]["frames"]["a0_points"][6][-1],
                           before["figure"]["frames"]["a1_points"][6][-1])]
    assert f"**{format_vector(last)}**" in "\n".join(m.value for m in at.markdown)


def test_predict_mode_sends_no_frames_before_the_reveal():
    at = run_page("accumulation", {"predict": "1"}, lang="ko")
    assert_no_exception(at)
    assert not drag_components(at)


def test_every_frame_has_a_text_alternative_with_every_drawn_value():
    """The SVG's aria-label (frames["alt"]) names each call's a.grad and b.grad."""
    frames = live_history(_state(False, "rebuild"))["frames"]
    a, b = (POINT["a1"], POINT["a2"]), (POINT["b1"], POINT["b2"])
    for k in range(1, 11):
        alt = frames["alt"][k - 1]
        run = repeated_backward(a, b, k, False, "rebuild")
        for grads in (run.a_grads, run.b_grads):
            for g in grads:
                assert " / ".join(format_number(v) for v in g) in alt
        assert f"{k} backward() {'call' if k == 1 else 'calls'} —" in alt  # singular at 1
