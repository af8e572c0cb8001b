"""Lesson ⑤'s sections: presets, the three-way table, the sentences on where
autograd and calculus part ways. Numbers come from the core; text from the catalogues."""

from __future__ import annotations

import math

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.core.expression import curve_along_a, gradients_of_expression
from components.core.expression_parser import parse_expression
from components.core.expression_sympy import compare, derivatives, weighted
from components.core.expression_workers import POOL
from components.numbers import format_number, format_vector
from components.ui.i18n import t
from components.ui.user_text import literal

# Preset buttons: widget key → the values they set (f and the point it is read at).
PRESETS: dict[str, dict] = {
    "preset_tutorial": dict(expr="3*a**3 - b**2", a1=2.0, a2=3.0, b1=6.0, b2=4.0),
    "preset_sigmoid": dict(expr="sigmoid(a*b)", a1=0.5, a2=-1.0, b1=1.0, b2=2.0),
    "preset_relu": dict(expr="relu(a) - b**2", a1=0.0, a2=1.5, b1=1.0, b2=-2.0),
    "preset_sqrt": dict(expr="sqrt(a**2 + b**2)", a1=0.0, a2=3.0, b1=0.0, b2=4.0),
    "preset_log": dict(expr="log(a)", a1=-1.0, a2=2.0, b1=1.0, b2=1.0),
}

class _NotCached(Exception):
    """Carries a SymPy answer that ran out of time: returned, but not cached."""


@st.cache_data(max_entries=256, show_spinner=False)
def _oracle(expr: str, a: tuple, b: tuple, _session: str | None = None):
    # The session is not part of the key (the leading underscore): it only lets
    # this browser session's next request cancel this one in the worker pool.
    derivs = derivatives(parse_expression(expr), a, b, session=_session)
    if derivs.timed_out:  # a busy moment must not stick here; the pool remembers real timeouts
        raise _NotCached(derivs)
    return derivs


def _session_id() -> str | None:
    ctx = get_script_run_ctx(suppress_warning=True)
    return ctx.session_id if ctx is not None else None


@st.cache_data(max_entries=256, show_spinner=False)
def _autograd(expr: str, a: tuple, b: tuple, v: tuple, low: float, high: float):
    tree = parse_expression(expr)
    return gradients_of_expression(tree, a, b, v), curve_along_a(tree, a[0], b[0], low, high)


def lesson_numbers(expr: str, a: tuple, b: tuple, v: tuple, low: float, high: float):
    """autograd's result, SymPy's derivatives and the curve along a₁ for a valid ``expr``.

    Cached by the plain inputs: a rerun that changes nothing (a refused text,
    a language switch) costs no torch or SymPy work.
    """
    POOL.start()  # no-op once warm; on a cold server the workers start during torch's part
    result, curve = _autograd(expr, a, b, v, low, high)
    try:
        derivs = _oracle(expr, a, b, _session=_session_id())
    except _NotCached as late:
        derivs = late.args[0]
    return result, derivs, curve


def oracle_notice(derivs) -> str:
    """The catalogue key of the line that says why SymPy gave no answer."""
    if derivs.failed:
        return "expression.sympy_failed"
    if derivs.reason in ("busy", "cancelled"):
        return "expression.sympy_busy"
    return "expression.sympy_timeout_known" if derivs.remembered else "expression.sympy_timeout"


_MARK = {"match": "✓", "mismatch": "✗", "undefined": "–"}


def results_table(result, derivs, which: str, lang: str) -> str:
    """Markdown table for a.grad or b.grad: autograd, SymPy ∂f·v, check, finite difference.

    Five narrow columns, so it fits a phone; the point itself is in ``point_line``.
    """
    grads = result.a_grad if which == "a" else result.b_grad
    fd = result.a_grad_fd if which == "a" else result.b_grad_fd
    oracle = derivs.values_a if which == "a" else derivs.values_b
    header = (f"| {t('expression.col_element', lang)} | autograd `{which}.grad` | SymPy ∂f/∂{which}·v | "
              f"{t('expression.col_check', lang)} | {t('expression.col_fd', lang)} |")
    rows = [header, "|:-:|--:|--:|:-:|--:|"]
    for i in range(len(grads)):
        expected = weighted(oracle[i], result.v[i])
        state = compare(grads[i], expected)
        status = (derivs.status_a if which == "a" else derivs.status_b)[i]
        shown = _oracle_word(oracle[i], status, result.v[i], lang)
        rows.append(f"| {which}{'₁₂'[i]} | **{format_number(grads[i])}** | {shown} | "
                    f"{_MARK[state]} | {format_number(fd[i])} |")
    return "\n".join(rows)


def point_line(result, lang: str) -> str:
    """Where f is read: a, b and the weights v, as vectors."""
    return t("expression.point", lang, a=format_vector(result.a), b=format_vector(result.b),
             v=format_vector(result.v))


def _cells(result, derivs):
    """Every table cell: (autograd .grad, SymPy ∂f·v or None, SymPy's status, its check)."""
    for grads, oracle, status in ((result.a_grad, derivs.values_a, derivs.status_a),
                                  (result.b_grad, derivs.values_b, derivs.status_b)):
        for i in range(len(grads)):
            expected = weighted(oracle[i], result.v[i])
            yield grads[i], expected, status[i], compare(grads[i], expected)


def dash_reasons(result, derivs) -> list[str]:
    """Why the tables show – (``compare`` found nothing to compare), one reason per
    kind present: ``not_computed`` (SymPy timed out or skipped the point),
    ``no_value`` (SymPy's derivative has no real value there) or
    ``autograd_nan`` (SymPy has a number, autograd gave NaN)."""
    found = set()
    for _grad, expected, status, check in _cells(result, derivs):
        if check != "undefined":
            continue
        if status in ("timeout", "skipped"):
            found.add("not_computed")
        elif expected is None or math.isnan(expected):
            found.add("no_value")
        else:
            found.add("autograd_nan")
    return [reason for reason in ("no_value", "autograd_nan", "not_computed") if reason in found]


def oracle_text(result, derivs, lang: str) -> str:
    """What the table's columns and marks mean, with a sentence for each kind of – shown."""
    return " ".join([t("expression.oracle_text", lang)] + [
        t(f"expression.dash.{reason}", lang) for reason in dash_reasons(result, derivs)])


def summary_key(result, derivs) -> str:
    """The line shown when no event was found: which comparison the numbers allow.

    ``rounding`` only when a ✗ is in the tables; without SymPy's answer the
    comparison is with finite differences alone.
    """
    if derivs.timed_out:
        return "expression.unchecked"
    checks = [check for *_, check in _cells(result, derivs)]
    if all(check == "match" for check in checks):
        return "expression.smooth"
    if "mismatch" in checks:
        return "expression.rounding"
    return "expression.partly_checked"


def unused_names(result) -> list[str]:
    """The inputs f does not use (their ``.grad`` stays None)."""
    return [name for name, used in (("a", result.uses_a), ("b", result.uses_b)) if not used]


def event_sentences(result, derivs, lang: str) -> list[str]:
    """One sentence per place where autograd and calculus part ways, then the
    numbers at that element (so a NaN or ∞ is never shown unexplained)."""
    sentences = []
    elements = []
    for event in result.events:
        sentences.append(t(f"expression.event.{event.kind}", lang,
                           i=event.element + 1, where=literal(event.where, limit=60),
                           value=format_number(event.value)))
        if event.element not in elements:
            elements.append(event.element)
    for i in elements:
        sentences.append(t(
            "expression.event_numbers", lang, i=i + 1, q=format_number(result.q[i]),
            a_grad=format_number(result.a_grad[i]), b_grad=format_number(result.b_grad[i]),
            a_sympy=_oracle_word(derivs.values_a[i], derivs.status_a[i], result.v[i], lang),
            b_sympy=_oracle_word(derivs.values_b[i], derivs.status_b[i], result.v[i], lang),
            a_fd=format_number(result.a_grad_fd[i]), b_fd=format_number(result.b_grad_fd[i])))
    return sentences


def _oracle_word(value, status: str, v: float, lang: str) -> str:
    if status in ("ok", "infinite") and value is not None and not math.isnan(value):
        return format_number(weighted(value, v))
    return t(f"expression.sympy.{status}", lang)
