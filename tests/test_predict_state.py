"""Predict mode's state rules (pure functions of components/ui/predict.py): reveal, reset, score."""

import math

import pytest

from components.core import checkpoints as cp
from components.ui.predict import Checkpoint, Record, reveal, score, settle
from tests.hostile import code_spans


def _number_checkpoint(inputs=(2.0, 1.0)) -> Checkpoint:
    answer = cp.a1_grad((inputs[0], 3.0), (6.0, 4.0), (inputs[1], 1.0))
    return Checkpoint(id="a1_grad", answer=answer, inputs=inputs, label="a.grad[0]",
                      question="q", why="why", wrong="generic",
                      slips={"forgot_v": "forgot v", "q_value": "value of Q"})


def _choice_checkpoint() -> Checkpoint:
    answer = cp.second_backward((2.0, 3.0), (6.0, 4.0))
    return Checkpoint(id="second_backward", answer=answer, inputs=(), label="second",
                      question="q", why="why", wrong="",
                      slips={"adds": "it would add", "same": "no", "zero": "never"},
                      options={k: k.upper() for k in cp.BACKWARD_OUTCOMES})


@pytest.mark.parametrize("raw,problem", [
    (None, "empty"), ("", "empty"), ("abc", "not_number"), ("nan", "not_finite"),
    (math.nan, "not_finite"), (math.inf, "not_finite"), (-math.inf, "not_finite"),
    ("1e999", "not_finite"), ("1" * 100, "too_long"), ("[36](javascript:alert(1))", "not_number"),
])
def test_bad_number_guesses_are_not_answers(raw, problem):
    record, found = reveal(_number_checkpoint(), raw)
    assert record is None and found == problem


def test_a_number_guess_is_judged_and_kept():
    checkpoint = _number_checkpoint()
    record, problem = reveal(checkpoint, "36.3")
    assert problem is None
    assert record == Record("a1_grad", (2.0, 1.0), 36.3, revealed=True, right=True)
    wrong, _ = reveal(checkpoint, 30)
    assert wrong.right is False and wrong.revealed


def test_choice_guesses():
    checkpoint = _choice_checkpoint()
    assert reveal(checkpoint, None) == (None, "no_choice")
    assert reveal(checkpoint, "<b>error</b>") == (None, "not_choice")
    right, _ = reveal(checkpoint, "error")
    wrong, _ = reveal(checkpoint, "adds")
    assert right.right is True and wrong.right is False
    assert checkpoint.misconception("adds") == "it would add"
    assert checkpoint.answer_text() == "ERROR" and checkpoint.guess_text("adds") == "ADDS"


def test_misconception_is_the_matching_slip_or_the_general_sentence():
    checkpoint = _number_checkpoint(inputs=(2.0, 0.5))  # answer 18; 9a² = 36; Q₁ = -12
    assert checkpoint.misconception(36) == "forgot v"
    assert checkpoint.misconception(-12) == "value of Q"
    assert checkpoint.misconception(1000) == "generic"


def test_guess_text_is_escaped_user_input():
    checkpoint = _number_checkpoint()
    spans, outside = code_spans(checkpoint.guess_text(-1.5))
    assert spans == ["-1.5"] and outside == ""  # a code span (user_text.literal), as typed
    assert checkpoint.guess_text(None) == "–"


def test_settle_resets_only_when_the_inputs_change():
    checkpoint = _number_checkpoint()
    fresh = settle(None, checkpoint)
    assert fresh == Record("a1_grad", (2.0, 1.0)) and not fresh.revealed
    revealed, _ = reveal(checkpoint, 36)
    assert settle(revealed, checkpoint) is revealed
    moved = settle(revealed, _number_checkpoint(inputs=(2.5, 1.0)))
    assert moved == Record("a1_grad", (2.5, 1.0)) and moved.guess is None


def test_score_counts_revealed_records_only():
    checkpoint = _number_checkpoint()
    right, _ = reveal(checkpoint, 36)
    wrong, _ = reveal(checkpoint, 1)
    assert score([right, wrong, Record("x", ()), None]) == (1, 2)
    assert score([]) == (0, 0)
