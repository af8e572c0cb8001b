"""Lesson ⑤'s sentences checked against real torch and SymPy (issue 27, section 1).

| claim (catalogue key) | how it is checked |
|---|---|
| a variable exponent on a base ≤ 0 (expression.event.pow_log, pow_log_zero, pow_log_zero_jump) | f = a**b over the sliders' whole grid of a and b: the part of b.grad each sentence names (NaN / 0 / 0 or −∞), one sentence per base ≤ 0 |
| SymPy's ∂f/∂a of a**b at a = 0 | b·0^(b−1) = 0 for every b > 1 of the grid, not "undefined" |
| what a – in the table means (expression.oracle_text, expression.dash.*) | each – explained by the sentence of its kind, and no sentence without its kind: autograd NaN beside a SymPy value (sqrt(a**4) at 0), no real value (sqrt(a²+b²) at 0), no answer (a timeout) |
| "differ by more than float32 rounding (✗ above)" (expression.rounding) | chosen only with a ✗ in the tables; a timeout gets expression.unchecked |
| f does not use a / b (expression.unused) | the name is the tensor's, and torch leaves that tensor's `.grad` None |
"""

from __future__ import annotations

import math

import pytest
import torch

from components.core.expression import evaluate, gradients_of_expression
from components.core.expression_parser import parse_expression
from components.core.expression_sympy import compare, derivatives, weighted
from components.ui.expression_panels import dash_reasons, oracle_text, summary_key
from components.ui.i18n import t
from components.ui.schema import A1, B1
from tests.support import all_text, assert_no_exception, run_page


def _grid(control) -> list[float]:
    steps = round((control.high - control.low) / control.step)
    return [round(control.low + k * control.step, 10) for k in range(steps + 1)]


# ---- a variable exponent on a base ≤ 0 ------------------------------------------

# What each sentence says the exponent's part of the gradient is, given the
# exponent p: pow_log NaN; pow_log_zero 0 (p > 0); pow_log_zero_jump 0 at p = 0, −∞ below.
_POW_LOG_CLAIMS = {
    "pow_log": lambda grad, p: math.isnan(grad),
    "pow_log_zero": lambda grad, p: p > 0 and grad == 0.0,
    "pow_log_zero_jump": lambda grad, p: (p == 0 and grad == 0.0) or (p < 0 and grad == -math.inf),
}


def test_pow_log_sentences_hold_over_the_sliders_grid():
    pairs = [(a, b) for a in _grid(A1) for b in _grid(B1)]
    a = torch.tensor([p[0] for p in pairs], requires_grad=True)
    b = torch.tensor([p[1] for p in pairs], requires_grad=True)
    events = []
    q = evaluate(parse_expression("a**b"), a, b, events)
    q.backward(torch.ones_like(q))
    chosen: dict[int, list[str]] = {}
    for event in events:
        if event.kind.startswith("pow_log"):
            chosen.setdefault(event.element, []).append(event.kind)
    for i, (a_i, b_i) in enumerate(pairs):
        kinds = chosen.get(i, [])
        if a_i > 0:
            assert not kinds, (a_i, b_i, kinds)
            continue
        assert len(kinds) == 1, (a_i, b_i, kinds)  # exactly one sentence per base ≤ 0
        grad = float(b.grad[i])  # the exponent is b itself: b.grad is that part
        assert _POW_LOG_CLAIMS[kinds[0]](grad, b_i), (a_i, b_i, kinds[0], grad)
    assert {k for ks in chosen.values() for k in ks} == set(_POW_LOG_CLAIMS)


def test_sympy_gives_the_slope_of_a_power_at_a_zero_base():
    # d/da a**b = b·a**(b−1): 0 at a = 0 for b > 1 (SymPy's own form b·a**b/a is 0/0 there).
    exponents = [b for b in _grid(B1) if b > 1]
    tree = parse_expression("a**b")
    for pair in zip(exponents[::2], exponents[1::2], strict=False):
        derivs = derivatives(tree, (0.0, 0.0), pair, time_limit=30)
        assert derivs.status_a == ("ok", "ok") and derivs.values_a == (0.0, 0.0), pair


def test_the_page_reads_a_zero_base_to_a_variable_power_as_calculus_does():
    at = run_page("expression", {"expr": "a**b", "a1": "0", "a2": "0", "b1": "2", "b2": "0.5"},
                  lang="en")
    assert_no_exception(at)
    text = all_text(at)
    assert "exactly 0 with a positive exponent" in text
    assert "not positive" not in text and "NaN (not a number) or ±∞" not in text


# ---- what a – means -----------------------------------------------------------------

def _case(text, a, b, time_limit=30.0):
    tree = parse_expression(text)
    return gradients_of_expression(tree, a, b), derivatives(tree, a, b, time_limit=time_limit)


def _kinds_of_dashes(result, derivs) -> set[str]:
    """Classified here from the numbers alone (not by the page's helper)."""
    kinds = set()
    for grads, oracle, status in ((result.a_grad, derivs.values_a, derivs.status_a),
                                  (result.b_grad, derivs.values_b, derivs.status_b)):
        for i, grad in enumerate(grads):
            expected = weighted(oracle[i], result.v[i])
            if compare(grad, expected) != "undefined":
                continue
            if derivs.timed_out or status[i] == "skipped":
                kinds.add("not_computed")
            elif expected is None or math.isnan(expected):
                kinds.add("no_value")
            else:
                assert math.isnan(grad)
                kinds.add("autograd_nan")
    return kinds


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("text, a, b, time_limit, kinds", [
    ("sqrt(a**4)", (0.0, 1.0), (1.0, 1.0), 30.0, {"autograd_nan"}),
    ("sqrt(a**2 + b**2)", (0.0, 3.0), (0.0, 4.0), 30.0, {"no_value"}),
    ("sigmoid(a*b)", (0.5, -1.0), (1.0, 2.0), 0.0, {"not_computed"}),
    ("3*a**3 - b**2", (2.0, 3.0), (6.0, 4.0), 30.0, set()),
])
def test_every_dash_is_explained_by_its_own_sentence(text, a, b, time_limit, kinds, lang):
    result, derivs = _case(text, a, b, time_limit)
    assert _kinds_of_dashes(result, derivs) == kinds  # the case is what it claims to be
    assert set(dash_reasons(result, derivs)) == kinds
    shown = oracle_text(result, derivs, lang)
    for kind in ("no_value", "autograd_nan", "not_computed"):
        assert (t(f"expression.dash.{kind}", lang) in shown) == (kind in kinds), kind


def test_the_page_does_not_say_sympy_has_no_value_where_it_has_one():
    # sqrt(a**4) at a = 0: autograd NaN (∞ · 0), SymPy's ∂f/∂a = 4a³/(2a²) = 2a = 0.
    at = run_page("expression", {"expr": "sqrt(a**4)", "a1": "0"}, lang="en")
    assert_no_exception(at)
    text = all_text(at)
    assert "SymPy has no real value" not in text
    assert "autograd gave NaN" in text


# ---- which summary line, when no event was found ------------------------------------

@pytest.mark.parametrize("text, a, b, time_limit, key", [
    ("sigmoid(a*b)", (0.5, -1.0), (1.0, 2.0), 0.0, "expression.unchecked"),
    ("sigmoid(a*b)", (0.5, -1.0), (1.0, 2.0), 30.0, "expression.smooth"),
    # 2(a + 10000) − 20000 = 2a, but float32 keeps 10000.1 as 10000.0996: 0.1992, not 0.2.
    ("(a + 10000)**2 - 20000*a", (0.1, 0.2), (1.0, 1.0), 30.0, "expression.rounding"),
])
def test_the_summary_line_fits_the_table(text, a, b, time_limit, key):
    result, derivs = _case(text, a, b, time_limit)
    assert not result.events
    checks = [compare(g, weighted(o, v))
              for grads, oracle in ((result.a_grad, derivs.values_a), (result.b_grad, derivs.values_b))
              for g, o, v in zip(grads, oracle, result.v, strict=True)]
    chosen = summary_key(result, derivs)
    assert chosen == key
    # "differ by more than float32 rounding (✗ above)" only with a ✗ above.
    assert (chosen == "expression.rounding") == ("mismatch" in checks)
    assert (chosen == "expression.smooth") == all(c == "match" for c in checks)


# ---- f does not use a / b ------------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [("en", "f does not use a:"), ("ko", "f가 a을(를)")])
def test_unused_names_the_tensor_and_its_grad_stays_none(lang, expected):
    at = run_page("expression", {"expr": "b**2"}, lang=lang)
    assert_no_exception(at)
    caption = next(str(c.value) for c in at.caption if "None" in str(c.value))
    assert expected in caption and ".grad:" not in caption and ".grad을" not in caption
    a = torch.tensor([2.0, 3.0], requires_grad=True)
    b = torch.tensor([6.0, 4.0], requires_grad=True)
    evaluate(parse_expression("b**2"), a, b).backward(torch.ones(2))
    assert a.grad is None and b.grad is not None  # what the sentence says of a
