"""Predict mode, every pair of questions on every lesson (issue #24): while one question is
revealed and another is still hidden, nothing on the page gives the hidden one away.

"The page" is the whole AppTest element tree (every element's protobuf: text, markdown,
tables, metrics, code, LaTeX), every plotly spec with its arrays decoded, every SVG and the
drag sliders' component data. Only the hidden question's own answer options (its radio)
are left out: every option is on screen by design.

What "gives away" means, per question (:func:`telltales`):
- a number question: its answer in any of the forms the pages print numbers in
  (``format_number`` at 3–8 digits, ``repr``, float32, ``−`` for ``-``), or in a chart array;
- a choice question: the numbers that decide it (the losses after the step) and the
  sentences that state it: its own explanation, the lesson's outcome sentences, and
  every other catalogue sentence that says the same thing (listed below by key).
  A sentence counts as shown when one of its fixed parts (the text between its
  ``{placeholders}``, 12 characters or more) is on the page.

Two tests: the texts a revealed question can show (its explanation for every kind of
guess: right, each slip, each wrong option) for random settings, and the real pages with
one question revealed.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass

import pytest
from google.protobuf import text_format

from components.core import checkpoints as cp
from components.core.accumulation import freed_graph_demo
from components.core.resnet import train_resnet
from components.core.resnet_weights import load_random
from components.ui.i18n import CATALOGS, t
from components.ui.predict import Checkpoint
from components.ui.predict_questions import (
    accumulation_checkpoints,
    gradients_checkpoints,
    optimizer_checkpoints,
    resnet_layer_checkpoint,
    resnet_step_checkpoint,
)
from tests.support import assert_no_exception, plotly_specs, run_page, svg_images
from tests.test_app_predict import _decoded, _numbers, distinctive, number_forms

LANGS = ["ko", "en"]
MIN_FRAGMENT = 12

# Catalogue sentences that state a choice question's answer, besides its own
# explanation: "momentum does not change the first step" in every wording the
# lessons use (the optimizer panel, the curve caption, the first question's
# explanation and its momentum slip).
SAYS_MOMENTUM_FIRST_STEP_SAME = (
    "optimizer.first_same", "optimizer.first_plain", "optimizer.curve_parts_2",
    # Of this explanation, the parts that talk about momentum (its start, g₁ = …, is plain).
    ("optimizer.predict.a1_after_step.why", {"en": "momentum", "ko": "모멘텀"}),
    "optimizer.predict.a1_after_step.slip.momentum",
    "optimizer.predict.momentum_first_loss.why.same",
    "optimizer.predict.momentum_first_loss.wrong.lower",
    "optimizer.predict.momentum_first_loss.wrong.higher",
)
SAYS_SECOND_BACKWARD_FAILS = (
    "accumulation.predict.second_backward.why.error", "accumulation.predict.second_backward.wrong.same",
    "accumulation.predict.second_backward.wrong.zero", "accumulation.freed_text",
)
SAYS_RESNET_LOSS_MOVED = (
    "resnet.loss_one_down", "resnet.loss_one_up", "resnet.metric_after_one",
    "resnet.predict.loss_after_step.why.lower", "resnet.predict.loss_after_step.why.higher",
    "resnet.predict.loss_after_step.why.same",
)


@dataclass(frozen=True)
class Telltales:
    """What would give one question's answer away: numbers and sentence parts."""

    numbers: tuple[float, ...]
    fragments: tuple[str, ...]


def fragments(key, lang: str) -> list[str]:
    """The fixed parts of catalogue sentence ``key`` (between its placeholders); for a
    ``(key, {lang: word})`` only the parts that contain the word."""
    key, word = key if isinstance(key, tuple) else (key, None)
    parts = [p.strip() for p in re.split(r"\{[^}]*\}", CATALOGS[lang][key])]
    return [p for p in parts if len(p) >= MIN_FRAGMENT and (word is None or word[lang] in p)]


def telltales(checkpoint: Checkpoint, lang: str, extra: dict) -> Telltales:
    """Define, per question, what reveals its answer (see the module docstring)."""
    answer = checkpoint.answer
    if isinstance(answer, cp.NumberAnswer):
        return Telltales((answer.value,), ())
    keys: tuple[str, ...] = ()
    numbers: tuple[float, ...] = ()
    if checkpoint.id == "momentum_first_loss":
        # The test's settings make the answer "same" (torch's buffer starts as the gradient).
        assert answer.value == "same"
        keys, numbers = SAYS_MOMENTUM_FIRST_STEP_SAME, (answer.facts["after_momentum"],)
    elif checkpoint.id == "second_backward":
        keys = SAYS_SECOND_BACKWARD_FAILS
    elif checkpoint.id == "loss_after_step":
        keys, numbers = SAYS_RESNET_LOSS_MOVED, (answer.facts["after"],)
    elif checkpoint.id == "largest_grad_layer":
        # Its ‖grad‖ in three digits (e.g. 201) can match any number on the page: words only.
        keys = ("resnet.predict.largest_grad_layer.why",)
    found = [f for key in keys for f in fragments(key, lang)]
    found += extra.get(checkpoint.id, [])
    return Telltales(tuple(n for n in numbers if distinctive(n)), tuple(found))


def leaks(text: str, arrays: list[float], tells: Telltales) -> list[str]:
    """The telltales found in ``text`` (and, for numbers, in chart arrays)."""
    found = [f for f in tells.fragments if f in text]
    for x in tells.numbers:
        found += [form for form in number_forms(x)
                  if re.search(rf"(?<![\d.]){re.escape(form)}(?!\d)", text)]
        if any(abs(n - x) <= 1e-6 * max(abs(x), 1e-12) for n in arrays):
            found.append(f"{x} in a chart array")
    return found


def page_content(at) -> tuple[str, list[float]]:
    """The whole page as text (hidden questions' option lists left out) and every chart number."""
    parts: list[str] = []

    def walk(node):
        key = str(getattr(node, "key", None) or "")
        if getattr(node, "type", None) == "radio" and key.startswith("guess_"):
            return  # the options of a question: on screen by design
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(text_format.MessageToString(proto, as_utf8=True))
        children = getattr(node, "children", None) or {}
        for child in (children.values() if isinstance(children, dict) else children):
            walk(child)

    walk(at._tree)
    specs = [_decoded(spec) for spec in plotly_specs(at)]
    parts += [json.dumps(spec, ensure_ascii=False) for spec in specs]
    parts += svg_images(at)
    # The drag sliders' data (labels, frame texts), decoded from the component's JSON.
    # (A component without JSON data is in the protobuf text above already.)
    parts += [json.dumps(json.loads(e.proto.json), ensure_ascii=False)
              for e in at.get("bidi_component") if e.proto.json]
    return "\n".join(parts), [n for spec in specs for n in _numbers(spec)]


# --- the lessons' questions for given settings ------------------------------------------

def lesson_checkpoints(lesson: str, values: dict, lang: str) -> dict[str, Checkpoint]:
    if lesson == "gradients":
        built = gradients_checkpoints((values["a1"], values["a2"]), (values["b1"], values["b2"]),
                                      (values["v1"], values["v2"]), lang=lang)
    elif lesson == "accumulation":
        built = accumulation_checkpoints((values["a1"], values["a2"]), (values["b1"], values["b2"]),
                                         values["calls"], values["zero"], values["graph"], lang=lang)
    elif lesson == "optimizer":
        objective = values["objective"]
        b = (values["b1"], values["b2"]) if objective == "q" else (0.0, 0.0)
        built = optimizer_checkpoints(objective, (values["a1"], values["a2"]), b,
                                      values["lr"], values["momentum"], lang=lang)
    else:
        result = values["result"]
        built = (resnet_layer_checkpoint(result, values["seed"], values["size"], False, lang=lang),
                 resnet_step_checkpoint(result, values["lr"], values["seed"], values["size"], False,
                                        lang=lang))
    return {c.id: c for c in built}


def extra_telltales(lesson: str, values: dict) -> dict[str, list[str]]:
    """Telltales that come from torch rather than the catalogue: the freed-graph error."""
    if lesson != "accumulation":
        return {}
    error = freed_graph_demo((values["a1"], values["a2"]), (values["b1"], values["b2"])).error
    return {"second_backward": ["RuntimeError", error[:40]]}


def shown_after_reveal(checkpoint: Checkpoint) -> list[str]:
    """Every text the page can show around a revealed checkpoint, for any guess."""
    texts = [checkpoint.question, checkpoint.why, checkpoint.wrong, *checkpoint.slips.values()]
    texts.append(t("predict.right_number" if checkpoint.is_number else "predict.right_choice",
                   "en", label=checkpoint.label, answer=checkpoint.answer_text(), guess="",
                   tolerance=""))
    return texts


def _grid(rng, low, high, step):
    return round(rng.randrange(int(round((high - low) / step)) + 1) * step + low, 10)


def _random_values(lesson: str, rng) -> dict:
    values = dict(a1=_grid(rng, -3, 3, 0.1), a2=_grid(rng, -3, 3, 0.1),
                  b1=_grid(rng, -6, 6, 0.1), b2=_grid(rng, -6, 6, 0.1),
                  v1=_grid(rng, -1, 1, 0.05), v2=_grid(rng, -1, 1, 0.05))
    if lesson == "accumulation":
        values.update(calls=rng.randint(1, 10), zero=rng.random() < 0.5,
                      graph=rng.choice(("rebuild", "retain")))
    if lesson == "optimizer":
        values.update(objective=rng.choice(("q", "valley", "rosenbrock")),
                      lr=rng.choice((0.001, 0.003, 0.01, 0.03)), momentum=_grid(rng, 0, 0.99, 0.01))
    return values


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("lesson", ["gradients", "accumulation", "optimizer"])
@pytest.mark.parametrize("seed", range(6))
def test_no_explanation_answers_another_open_question(lesson, lang, seed):
    """For random settings: whatever the guess, the texts around a revealed question (as the
    page shows them while the other is open) hold nothing that answers the other one."""
    rng = random.Random(seed * 31 + len(lesson))
    while True:
        values = _random_values(lesson, rng)
        checkpoints = lesson_checkpoints(lesson, values, lang)
        if lesson == "optimizer" and checkpoints["momentum_first_loss"].answer.value != "same":
            continue  # a run that overflows at once: no first step to compare
        if all(not c.is_number or distinctive(c.answer.value) for c in checkpoints.values()):
            break
    extra = extra_telltales(lesson, values)
    if lesson == "gradients":
        assert list(checkpoints) == ["a1_grad"]  # one question: no pair to check
    for first in checkpoints.values():
        for other in checkpoints.values():
            if other is first:
                continue
            tells = telltales(other, lang, extra)
            # What the page shows while `other` is open (the held texts where there are some).
            shown = first.withheld() if other.id in getattr(first, "spoils", ()) else first
            found = leaks("\n".join(shown_after_reveal(shown)), [], tells)
            assert found == [], (first.id, other.id, found)


def test_the_held_texts_exist_and_the_full_ones_are_the_leaks():
    """The two leaks found in the lessons: ④'s explanation of a₁ says momentum does not
    change the first step; ③'s second-backward explanation quotes 9a₁² (the other answer
    when .grad is reset between calls)."""
    for lang in LANGS:
        optimizer = lesson_checkpoints("optimizer", dict(objective="valley", a1=2.3, a2=1.4, b1=0.0,
                                                         b2=0.0, lr=0.01, momentum=0.9), lang)
        step, first_loss = optimizer["a1_after_step"], optimizer["momentum_first_loss"]
        tells = telltales(first_loss, lang, {})
        assert step.spoils == ("momentum_first_loss",)
        assert leaks(step.why, [], tells) and not leaks(step.withheld().why, [], tells)
        momentum_slip = step.slips["momentum"]
        assert leaks(momentum_slip, [], tells)
        assert not leaks(step.withheld().slips["momentum"], [], tells)
        values = dict(a1=2.3, a2=-1.7, b1=1.5, b2=-2.5, calls=4, zero=True, graph="rebuild")
        accumulation = lesson_checkpoints("accumulation", values, lang)
        second, calls = accumulation["second_backward"], accumulation["a1_grad_calls"]
        tells = telltales(calls, lang, {})
        assert leaks(second.why, [], tells)  # 9 × 2.3² = 47.61, the answer with the reset on
        assert not leaks(second.withheld().why, [], tells)


# --- the real pages ------------------------------------------------------------------------

PAGES = {
    "gradients": dict(a1=2.3, a2=-1.7, b1=1.5, b2=-2.5, v1=0.35, v2=0.8),
    # The reset on: the calls question's answer is 9a₁², a.grad after the first call.
    "accumulation": dict(a1=2.3, a2=-1.7, b1=1.5, b2=-2.5, calls=4, zero=True, graph="rebuild"),
    "optimizer": dict(objective="valley", a1=2.9, a2=2.3, b1=6.0, b2=4.0, lr=0.01,
                      momentum=0.9, steps=30),
    "resnet": dict(seed=3, size=32, lr=0.1, steps=1),
}


def _query(values: dict) -> dict[str, str]:
    query = {k: ("1" if v is True else "0" if v is False else str(v)) for k, v in values.items()
             if k != "result"}
    if "size" in values:
        query["pretrained"] = "0"
    return {**query, "predict": "1"}


def _reveal(at, checkpoint: Checkpoint) -> None:
    """Reveal with the guess that shows the most text: a wrong one (a held-back slip first)."""
    if checkpoint.is_number:
        slips = dict(checkpoint.answer.slips)
        name = next((n for n in slips if n in checkpoint.held_slips), next(iter(slips), None))
        guess = slips[name] if name else checkpoint.answer.value * 1.3 + 7
        at.number_input(key=f"guess_{checkpoint.id}").set_value(guess)
    else:
        wrong = next(o for o in checkpoint.answer.options if o != checkpoint.answer.value)
        at.radio(key=f"guess_{checkpoint.id}").set_value(wrong)
    at.button(key=f"reveal_{checkpoint.id}").click().run()
    assert_no_exception(at)
    assert any(checkpoint.answer_text() in e.value for e in at.error), checkpoint.id


PAIRS = [(lesson, first, other) for lesson, first, other in (
    ("accumulation", "a1_grad_calls", "second_backward"),
    ("accumulation", "second_backward", "a1_grad_calls"),
    ("optimizer", "a1_after_step", "momentum_first_loss"),
    ("optimizer", "momentum_first_loss", "a1_after_step"),
    ("resnet", "largest_grad_layer", "loss_after_step"),
    ("resnet", "loss_after_step", "largest_grad_layer"),
)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("lesson,first,other", PAIRS)
def test_a_revealed_question_shows_nothing_of_another_open_one(lesson, first, other, lang,
                                                              monkeypatch, tmp_path):
    """One question revealed (a wrong guess: the most text), the other still open: the
    page, charts, code and drag sliders included, holds none of the other's telltales;
    after the other's reveal the same search finds them (it can fail)."""
    values = dict(PAGES[lesson])
    if lesson == "resnet":
        from tests.resnet_helpers import go_offline

        go_offline(monkeypatch, tmp_path)
        values["result"] = train_resnet(load_random(), values["lr"], 0.9, values["steps"],
                                        values["seed"], values["size"])
    checkpoints = lesson_checkpoints(lesson, values, lang)
    extra = extra_telltales(lesson, values)
    tells = telltales(checkpoints[other], lang, extra)
    assert tells.numbers or tells.fragments
    assert all(distinctive(c.answer.value) for c in checkpoints.values() if c.is_number)
    at = run_page(lesson, _query(values), lang=lang)
    assert_no_exception(at)
    assert leaks(*page_content(at), tells) == []  # nothing revealed yet
    if not _has_button(at, first):
        # ①'s step question is asked below the layer question's reveal: this order
        # cannot happen (the question is not on the page until the other is revealed).
        assert (lesson, first) == ("resnet", "loss_after_step")
        return
    _reveal(at, checkpoints[first])
    assert leaks(*page_content(at), tells) == [], f"{first} revealed, {other} open"
    _reveal(at, checkpoints[other])
    assert leaks(*page_content(at), tells), "the search finds the answer once it is revealed"


def _has_button(at, key_id: str) -> bool:
    return any(b.key == f"reveal_{key_id}" for b in at.button)
