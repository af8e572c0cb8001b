"""Predict mode on the lessons (AppTest): nothing gives an answer away before its reveal.

"Nowhere" is checked on the whole element tree: every element's protobuf
(text, tables, metrics, code, LaTeX, widget values), every plotly spec with its
base64 arrays decoded to numbers, and every SVG image, for random slider
values, in the number formats the pages use.
"""

from __future__ import annotations

import json
import math
import random
import re

import numpy as np
import pytest
from google.protobuf import text_format

from components.core import checkpoints as cp
from components.core.resnet import train_resnet
from components.core.resnet_weights import load_random
from components.numbers import format_number
from components.ui.i18n import t
from components.ui.user_text import literal
from tests.support import assert_no_exception, decode_array, plotly_specs, run_page, svg_images

LANGS = ["ko", "en"]


# --- searching the whole element tree --------------------------------------------

def _decoded(value):
    """A plotly spec with every ``{"dtype", "bdata"}`` array turned into plain numbers."""
    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value:
            return decode_array(value)
        return {k: _decoded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    return value


def _numbers(value):
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        yield float(value)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _numbers(v)
    elif isinstance(value, list):
        for v in value:
            yield from _numbers(v)


def tree_text(at) -> str:
    """Everything the page sent, as text: all element protos, decoded charts, SVGs."""
    parts: list[str] = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(text_format.MessageToString(proto, as_utf8=True))
        children = getattr(node, "children", None) or {}
        for child in (children.values() if isinstance(children, dict) else children):
            walk(child)

    walk(at._tree)
    parts += [json.dumps(_decoded(spec), ensure_ascii=False) for spec in plotly_specs(at)]
    parts += svg_images(at)
    return "\n".join(parts)


def number_forms(x: float) -> set[str]:
    """The ways a page could print ``x``: its formatter at several precisions, repr, float32."""
    forms = {format_number(x, d) for d in range(3, 9)}
    forms |= {repr(float(x)), str(np.float32(x)), f"{x:.2f}", f"{x:.3f}", f"{x:g}"}
    forms |= {f.replace("-", "−") for f in forms}
    return forms


def shows_number(at, x: float) -> list[str]:
    """The forms of ``x`` found in the tree (as a whole number, not inside a longer one)."""
    text = tree_text(at)
    found = [form for form in number_forms(x)
             if re.search(rf"(?<![\d.]){re.escape(form)}(?!\d)", text)]
    for spec in plotly_specs(at):
        if any(math.isclose(n, x, rel_tol=1e-6) for n in _numbers(_decoded(spec))):
            found.append("a plotly array")
    return found


def distinctive(x: float) -> bool:
    """An answer whose printed form cannot be confused with the page's other numbers."""
    digits = re.sub(r"\D", "", format_number(x))
    return len(digits.lstrip("0")) >= 3 and not float(x).is_integer()


def _grid(rng, low, high, step):
    return round(rng.randrange(int(round((high - low) / step)) + 1) * step + low, 10)


def _result_text(at) -> str:
    return "\n".join(str(e.value) for kind in ("success", "error") for e in getattr(at, kind))


def _guess_for(answer: float, right: bool) -> float:
    """A right guess (0.4 % off) or a clearly wrong one (no slip, 30 % off)."""
    return round(answer * 1.004, 6) if right else round(answer * 1.3 + 7, 6)


def _check_judged(at, checkpoint_label: str, answer: float, guess: float, right: bool, lang: str):
    shown = _result_text(at)
    assert format_number(answer) in shown
    assert literal(format_number(guess, 8)) in shown
    assert checkpoint_label in shown
    if right:
        assert len(at.success) == 1 and "✓" in at.success[0].value
        assert not at.error
    else:
        assert len(at.error) == 1 and "✗" in at.error[0].value
        assert not at.success


# --- gradients ---------------------------------------------------------------------

def _gradients_values(rng):
    while True:
        a = (_grid(rng, -3, 3, 0.1), _grid(rng, -3, 3, 0.1))
        b = (_grid(rng, -6, 6, 0.1), _grid(rng, -6, 6, 0.1))
        v = (_grid(rng, -1, 1, 0.05), _grid(rng, -1, 1, 0.05))
        answer = cp.a1_grad(a, b, v).value
        if distinctive(answer):
            return a, b, v, answer


def _gradients_query(a, b, v):
    return {"a1": str(a[0]), "a2": str(a[1]), "b1": str(b[0]), "b2": str(b[1]),
            "v1": str(v[0]), "v2": str(v[1]), "predict": "1"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("seed,right", [(1, True), (2, False), (3, True), (4, False)])
def test_gradients_hides_a_grad_until_revealed(lang, seed, right):
    a, b, v, answer = _gradients_values(random.Random(seed))
    at = run_page("gradients", _gradients_query(a, b, v), lang=lang)
    assert_no_exception(at)
    assert shows_number(at, answer) == []
    assert not plotly_specs(at) and not svg_images(at) and not at.code
    assert any(t("predict.hidden", lang, labels="`a.grad[0]`") == e.value for e in at.info)
    assert t("predict.tolerance", lang) in [c.value for c in at.caption]

    guess = _guess_for(answer, right)
    at.number_input(key="guess_a1_grad").set_value(guess)
    at.button(key="reveal_a1_grad").click().run()
    assert_no_exception(at)
    _check_judged(at, "`a.grad[0]`", answer, guess, right, lang)
    assert "a plotly array" in shows_number(at, answer)  # the search does find it now
    # The lesson is back, with the same number autograd drew.
    bars = [tr for s in plotly_specs(at) for tr in s["data"] if tr["type"] == "bar"]
    assert decode_array(bars[0]["y"])[0] == answer
    assert svg_images(at) and at.code
    assert at.number_input(key="guess_a1_grad").disabled
    assert at.query_params["predict"] == "1"
    score = t("predict.score", lang, right=int(right), revealed=1, asked=1)
    assert score in [m.value for m in at.markdown]


def test_moving_a_slider_asks_again():
    at = run_page("gradients", {"predict": "1"}, lang="en")
    at.number_input(key="guess_a1_grad").set_value(36)
    at.button(key="reveal_a1_grad").click().run()
    assert "✓" in at.success[0].value and plotly_specs(at)
    # v₂ does not change a.grad[0]: the reveal stays.
    at.slider(key="v2").set_value(0.5).run()
    assert at.success and plotly_specs(at)
    # a₁ does: asked again, from an empty guess, everything hidden again.
    at.slider(key="a1").set_value(2.5).run()
    assert_no_exception(at)
    assert not at.success and not at.error and not plotly_specs(at)
    assert at.number_input(key="guess_a1_grad").value is None
    assert not at.number_input(key="guess_a1_grad").disabled
    assert shows_number(at, 56.25) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("bad", [None, math.nan, math.inf, -math.inf])
def test_bad_guess_is_one_line_and_not_an_answer(lang, bad):
    at = run_page("gradients", {"predict": "1"}, lang=lang)
    if bad is not None:
        at.number_input(key="guess_a1_grad").set_value(bad)
    at.button(key="reveal_a1_grad").click().run()
    assert_no_exception(at)
    # Streamlit's number input turns NaN and ±inf into "no value" before the page
    # sees them (text cannot be typed into it at all), so all of them read as empty;
    # ``reveal`` itself rejects raw text, NaN and ±inf (tests/test_predict_state.py).
    assert [w.value for w in at.warning] == [t("predict.problem.empty", lang)]
    assert not at.success and not at.error and not plotly_specs(at)
    # A real guess afterwards clears the message and is judged.
    at.number_input(key="guess_a1_grad").set_value(35.9)
    at.button(key="reveal_a1_grad").click().run()
    assert not at.warning and "✓" in at.success[0].value


@pytest.mark.parametrize("page", ["gradients", "accumulation", "optimizer", "resnet"])
def test_without_predict_nothing_is_hidden(page):
    query = {"size": "32", "steps": "1", "pretrained": "0"} if page == "resnet" else {}
    at = run_page(page, query, lang="en")
    assert_no_exception(at)
    assert at.toggle(key="predict").value is False
    assert at.query_params["predict"] == "0"
    assert not [w for w in at.number_input if w.key and w.key.startswith("guess_")]
    assert not [w for w in at.radio if w.key and w.key.startswith("guess_")]
    assert not any(t("predict.summary_title", "en") == s.value for s in at.header)
    assert not any("Hidden until you reveal" in e.value for e in at.info)
    assert plotly_specs(at) and at.code


def test_the_toggle_turns_predict_mode_on_and_writes_the_url():
    at = run_page("gradients", lang="en")
    at.toggle(key="predict").set_value(True).run()
    assert at.query_params["predict"] == "1"
    assert at.number_input(key="guess_a1_grad").value is None
    assert not plotly_specs(at)


# --- accumulation --------------------------------------------------------------------

def _accumulation_values(rng):
    while True:
        a = (_grid(rng, -3, 3, 0.1), _grid(rng, -3, 3, 0.1))
        b = (_grid(rng, -6, 6, 0.1), _grid(rng, -6, 6, 0.1))
        calls, zero = rng.randint(2, 10), rng.random() < 0.5
        graph = rng.choice(("rebuild", "retain"))
        answer = cp.a1_grad_calls(a, b, calls, zero, graph).value
        if distinctive(answer):
            return a, b, calls, zero, graph, answer


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("seed,right", [(5, True), (6, False), (7, False)])
def test_accumulation_hides_a_grad_after_calls_until_revealed(lang, seed, right):
    a, b, calls, zero, graph, answer = _accumulation_values(random.Random(seed))
    query = {"a1": str(a[0]), "a2": str(a[1]), "b1": str(b[0]), "b2": str(b[1]),
             "calls": str(calls), "zero": "1" if zero else "0", "graph": graph, "predict": "1"}
    at = run_page("accumulation", query, lang=lang)
    assert_no_exception(at)
    assert shows_number(at, answer) == []
    assert not plotly_specs(at) and not at.code

    guess = _guess_for(answer, right)
    at.number_input(key="guess_a1_grad_calls").set_value(guess)
    at.button(key="reveal_a1_grad_calls").click().run()
    assert_no_exception(at)
    _check_judged(at, "`a.grad[0]`", answer, guess, right, lang)
    assert "a plotly array" in shows_number(at, answer)  # the search does find it now
    history = next(s for s in plotly_specs(at) if s["data"])
    assert history  # the history chart is back
    assert f"**[{format_number(answer)}, " in "\n".join(m.value for m in at.markdown)
    # The freed-graph part waits for its own question.
    assert not any("RuntimeError" in c.value for c in at.code)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("choice", ["error", "adds", "same", "zero"])
def test_second_backward_choice(lang, choice):
    at = run_page("accumulation", {"predict": "1"}, lang=lang)
    at.number_input(key="guess_a1_grad_calls").set_value(108)
    at.button(key="reveal_a1_grad_calls").click().run()
    assert not any("RuntimeError" in c.value for c in at.code)
    at.radio(key="guess_second_backward").set_value(choice)
    at.button(key="reveal_second_backward").click().run()
    assert_no_exception(at)
    right = choice == "error"
    option = t(f"accumulation.predict.second_backward.option.{choice}", lang)
    answer = t("accumulation.predict.second_backward.option.error", lang)
    result = (at.success if right else at.error)[-1].value
    assert option in result and f"**{answer}**" in result
    assert result.startswith("✓" if right else "✗")
    text = "\n".join(m.value for m in at.markdown)
    if not right:
        assert t(f"accumulation.predict.second_backward.wrong.{choice}", lang) in text
    assert any("RuntimeError" in c.value for c in at.code)
    assert t("predict.score", lang, right=1 + right, revealed=2, asked=2) in text


# --- optimizer -------------------------------------------------------------------------

def _optimizer_values(rng):
    while True:
        objective = rng.choice(("q", "valley", "rosenbrock"))
        a = (_grid(rng, -3, 3, 0.1), _grid(rng, -3, 3, 0.1))
        b = (_grid(rng, -6, 6, 0.1), _grid(rng, -6, 6, 0.1))
        lr = rng.choice((0.001, 0.003, 0.01, 0.03, 0.1))
        momentum = _grid(rng, 0, 0.99, 0.01)
        answer = cp.a1_after_step(objective, a, b, lr, momentum).value
        if distinctive(answer) and not cp.is_close_guess(answer, a[0]):
            return objective, a, b, lr, momentum, answer


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("seed,right", [(8, True), (9, False), (10, True), (11, False)])
def test_optimizer_hides_the_first_step_until_revealed(lang, seed, right):
    objective, a, b, lr, momentum, answer = _optimizer_values(random.Random(seed))
    query = {"objective": objective, "a1": str(a[0]), "a2": str(a[1]), "b1": str(b[0]),
             "b2": str(b[1]), "lr": str(lr), "momentum": str(momentum), "predict": "1"}
    at = run_page("optimizer", query, lang=lang)
    assert_no_exception(at)
    assert shows_number(at, answer) == []
    assert not plotly_specs(at) and not at.metric and not at.code

    guess = _guess_for(answer, right)
    at.number_input(key="guess_a1_after_step").set_value(guess)
    at.button(key="reveal_a1_after_step").click().run()
    assert_no_exception(at)
    _check_judged(at, "a₁", answer, guess, right, lang)
    assert not plotly_specs(at), "the first step also answers the momentum question"
    at.radio(key="guess_momentum_first_loss").set_value("lower")
    at.button(key="reveal_momentum_first_loss").click().run()
    assert_no_exception(at)
    assert plotly_specs(at) and at.metric and at.code
    assert shows_number(at, answer)  # the search does find it now
    assert t("optimizer.predict.momentum_first_loss.wrong.lower", lang) in \
        "\n".join(m.value for m in at.markdown)
    assert at.query_params["predict"] == "1"


# --- resnet ----------------------------------------------------------------------------

def test_resnet_asks_layer_then_loss(monkeypatch, tmp_path):
    from tests.resnet_helpers import go_offline

    go_offline(monkeypatch, tmp_path)
    query = {"size": "32", "steps": "1", "pretrained": "0", "seed": "3", "lr": "0.1",
             "predict": "1"}
    expected = train_resnet(load_random(), 0.1, 0.9, 1, 3, 32)
    layer = cp.largest_grad_layer(expected).value
    direction = cp.loss_after_step(expected).value
    at = run_page("resnet", query, lang="en")
    assert_no_exception(at)
    assert not plotly_specs(at) and not at.metric
    wrong_layer = next(g for g in ("fc", "conv1") if g != layer)
    at.radio(key="guess_largest_grad_layer").set_value(wrong_layer)
    at.button(key="reveal_largest_grad_layer").click().run()
    assert_no_exception(at)
    assert "✗" in at.error[0].value and f"`{layer}`" in at.error[0].value
    assert any(s.get("data") for s in plotly_specs(at))  # the gradient chart
    # The step's metrics wait for the second question, asked beside the lr slider.
    labels = [m.label for m in at.metric]
    assert t("resnet.metric_before", "en") not in labels
    at.radio(key="guess_loss_after_step").set_value(direction)
    at.button(key="reveal_loss_after_step").click().run()
    assert_no_exception(at)
    assert "✓" in at.success[0].value
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("resnet.metric_after_one", "en")] == format_number(expected.losses[1])
    text = "\n".join(m.value for m in at.markdown)
    assert t("predict.score", "en", right=1, revealed=2, asked=2) in text
    # A new learning rate asks the loss question again, not the layer question.
    at.select_slider(key="lr").set_value(0.01).run()
    assert_no_exception(at)
    assert at.radio(key="guess_loss_after_step").value is None
    assert at.radio(key="guess_largest_grad_layer").value == wrong_layer
    assert t("resnet.metric_after_one", "en") not in [m.label for m in at.metric]


def test_switching_language_keeps_the_reveal():
    at = run_page("gradients", {"predict": "1"}, lang="ko")
    at.number_input(key="guess_a1_grad").set_value(40)
    at.button(key="reveal_a1_grad").click().run()
    assert at.error[0].value.startswith("✗") and "**36**" in at.error[0].value
    at.radio(key="lang").set_value("en").run()
    assert_no_exception(at)
    assert at.error[0].value.startswith("✗ Not quite") and "40" in at.error[0].value
    assert plotly_specs(at)


@pytest.mark.parametrize("guess,right", [(0, True), (0.01, True), (-0.01, True), (0.02, False)])
def test_an_answer_of_zero_uses_the_absolute_tolerance(guess, right):
    at = run_page("gradients", {"predict": "1", "a1": "0", "v1": "0.35"}, lang="en")
    at.number_input(key="guess_a1_grad").set_value(guess)
    at.button(key="reveal_a1_grad").click().run()
    assert_no_exception(at)
    assert bool(at.success) is right and bool(at.error) is not right
    assert "±0.01" in (at.success or at.error)[0].value
