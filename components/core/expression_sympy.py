"""The oracle: ∂f/∂a and ∂f/∂b by SymPy, from the same parsed tree.

The SymPy expression is built node by node from ``expression_parser``'s tree
(``sympy.parse_expr`` and ``sympify`` use ``eval`` and never see user text).
The parser's limits keep the work small; on top of that the whole step runs
in a worker thread with a deadline, so a slow case shows "SymPy ran out of
time" instead of holding the page, and numeric values are only asked of
SymPy where the float64 values along the way stay normal-sized.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, replace

import sympy

from components.core.expression_parser import Call, Node, Num, Unary, Var, children, fold

TIME_LIMIT = 1.0  # seconds; the slowest case measured under the parser's limits took 0.3 s
MAX_LATEX = 1500  # characters; a longer derivative is summarised, not printed
DIGITS = 30

A, B = sympy.symbols("a b", real=True)
_SYMBOLS = {"a": A, "b": B}
_CONSTANTS = {"pi": sympy.pi, "e": sympy.E}
_FUNCTIONS = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "exp": sympy.exp,
    "log": sympy.log, "sqrt": sympy.sqrt, "abs": sympy.Abs, "tanh": sympy.tanh,
    "sigmoid": lambda x: 1 / (1 + sympy.exp(-x)),
    # max(x, 0): SymPy differentiates it to Heaviside(x), undefined at 0 as in calculus.
    "relu": lambda x: sympy.Max(x, 0),
}


def _rational(value: float) -> sympy.Rational:
    """The exact rational a float's shortest decimal text stands for (0.1 → 1/10)."""
    return sympy.Rational(repr(float(value)))


def to_sympy(node: Node) -> sympy.Expr:
    """The SymPy expression of a parsed tree (a, b are real symbols)."""
    if isinstance(node, Num):
        return _CONSTANTS[node.name] if node.name else _rational(node.value)
    if isinstance(node, Var):
        return _SYMBOLS[node.name]
    if isinstance(node, Unary):
        return -to_sympy(node.operand)
    if isinstance(node, Call):
        return _FUNCTIONS[node.function](to_sympy(node.argument))
    left, right = to_sympy(node.left), to_sympy(node.right)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if node.op == "/":
        return left / right
    return left**right


@dataclass(frozen=True)
class Derivatives:
    """f and its partial derivatives as LaTeX, and their values at each element.

    ``values_a[i]`` is ∂f/∂a at (a_i, b_i) as a float: NaN when SymPy finds
    it undefined there (0/0, a corner), ±inf when infinite, and None when not
    a real number or not evaluated (see ``status_a[i]``: ``ok``, ``undefined``,
    ``infinite``, ``complex``, ``skipped``). ``timed_out`` is True when the
    deadline passed (every other field is then empty).
    """

    f_latex: str
    da_latex: str
    db_latex: str
    values_a: tuple[float | None, ...]
    values_b: tuple[float | None, ...]
    status_a: tuple[str, ...]
    status_b: tuple[str, ...]
    timed_out: bool = False
    seconds: float = 0.0


def _latex(expr: sympy.Expr) -> str:
    text = sympy.latex(expr)
    return text if len(text) <= MAX_LATEX else ""


def _value_at(expr: sympy.Expr, a_value: float, b_value: float) -> tuple[float | None, str]:
    at_point = expr.subs({A: _rational(a_value), B: _rational(b_value)})
    if at_point.has(sympy.zoo, sympy.oo, -sympy.oo):
        if at_point in (sympy.oo, -sympy.oo):
            return (math.inf if at_point == sympy.oo else -math.inf), "infinite"
        return math.nan, "undefined"
    if at_point.has(sympy.nan) or at_point.has(sympy.Heaviside):
        return math.nan, "undefined"
    number = sympy.N(at_point, DIGITS)
    if number.has(sympy.nan) or number.has(sympy.zoo):
        return math.nan, "undefined"
    real, imag = number.as_real_imag()
    try:
        real_f, imag_f = float(real), float(imag)
    except (TypeError, ValueError):
        return math.nan, "undefined"
    if abs(imag_f) > 1e-12 * max(1.0, abs(real_f)):
        return None, "complex"
    if math.isinf(real_f):
        return real_f, "infinite"
    return real_f, "ok"


def _work(tree: Node, a, b, evaluable: tuple[bool, ...]) -> Derivatives:
    f = to_sympy(tree)
    da, db = sympy.diff(f, A), sympy.diff(f, B)
    results = {"a": ([], []), "b": ([], [])}
    for i, (a_i, b_i) in enumerate(zip(a, b, strict=True)):
        for name, expr in (("a", da), ("b", db)):
            values, status = results[name]
            if not evaluable[i]:
                values.append(None)
                status.append("skipped")
                continue
            try:
                value, state = _value_at(expr, a_i, b_i)
            except (ArithmeticError, ValueError, TypeError, RecursionError):
                # e.g. mpmath's "too many digits in integer" on exact powers
                value, state = None, "skipped"
            values.append(value)
            status.append(state)
    return Derivatives(
        f_latex=_latex(f), da_latex=_latex(da), db_latex=_latex(db),
        values_a=tuple(results["a"][0]), values_b=tuple(results["b"][0]),
        status_a=tuple(results["a"][1]), status_b=tuple(results["b"][1]),
    )


def _normal_sized(tree: Node, a_i: float, b_i: float) -> bool:
    """True when no value along the way overflows float64 or exceeds 1e100.

    Exact evaluation of exp(exp(exp(a))) would need numbers with billions of
    digits; such points get no SymPy value (torch shows inf there anyway).
    """

    def walk(node: Node) -> float:
        if isinstance(node, Num):
            return node.value
        if isinstance(node, Var):
            return a_i if node.name == "a" else b_i
        values = [walk(child) for child in children(node)]
        try:
            value = fold(node, values)
        except OverflowError:
            value = math.inf
        except (ValueError, ZeroDivisionError):  # log(0), 1/0: small for SymPy
            value = math.nan
        if not math.isnan(value) and abs(value) >= 1e100:
            raise OverflowError
        return value

    try:
        walk(tree)
    except OverflowError:
        return False
    return True


def derivatives(tree: Node, a, b, time_limit: float = TIME_LIMIT) -> Derivatives:
    """∂f/∂a, ∂f/∂b by SymPy, and their values at (a_i, b_i), within ``time_limit``.

    The worker is a daemon thread: if the deadline passes, the page goes on
    without SymPy's answer (the parser's limits make that a theoretical case).
    """
    import time

    evaluable = tuple(_normal_sized(tree, a_i, b_i) for a_i, b_i in zip(a, b, strict=True))
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = _work(tree, a, b, evaluable)
        except Exception as error:  # noqa: BLE001 - any SymPy failure is "no oracle"
            box["error"] = error

    start = time.perf_counter()
    worker = threading.Thread(target=run, name="sympy-oracle", daemon=True)
    worker.start()
    worker.join(time_limit)
    seconds = time.perf_counter() - start
    result = box.get("result")
    if worker.is_alive() or not isinstance(result, Derivatives):
        empty = tuple(None for _ in a)
        skipped = tuple("skipped" for _ in a)
        return Derivatives("", "", "", empty, empty, skipped, skipped,
                           timed_out=True, seconds=seconds)
    return replace(result, seconds=seconds)


def weighted(value: float | None, v: float) -> float | None:
    """SymPy's ∂f times the ``gradient=`` weight v, as autograd's .grad holds it."""
    if value is None:
        return None
    if v == 0 and math.isfinite(value):
        return 0.0
    return value * v


def compare(autograd: float, oracle: float | None) -> str:
    """``match``, ``mismatch`` or ``undefined`` (an oracle value is missing or NaN).

    Tolerances fit float32 autograd against an exact value; equal infinities match.
    """
    if oracle is None or math.isnan(oracle) or math.isnan(autograd):
        return "undefined"
    if math.isinf(oracle) or math.isinf(autograd):
        return "match" if oracle == autograd else "mismatch"
    return "match" if math.isclose(autograd, oracle, rel_tol=1e-4, abs_tol=1e-5) else "mismatch"
