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

import mpmath
import sympy

from components.core.expression_parser import (
    Call,
    Node,
    Num,
    Unary,
    Var,
    children,
    constant_value,
    fold,
)

TIME_LIMIT = 2.0  # seconds; random trees at the parser's limits took up to 0.6 s here (first call ~0.3 s more)
MAX_LATEX = 1500  # characters; a longer derivative is summarised, not printed
DIGITS = 30

A, B = sympy.symbols("a b", real=True)
_SYMBOLS = {"a": A, "b": B}
_CONSTANTS = {"pi": sympy.pi, "e": sympy.E}


class sigmoid(sympy.Function):  # noqa: N801 - printed as a function name
    """σ(x) = 1 / (1 + e^(−x)), kept whole so derivatives read σ(x)(1 − σ(x))."""

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0]) * (1 - sigmoid(self.args[0]))

    def _latex(self, printer, exp=None):
        power = f"^{{{exp}}}" if exp else ""
        return rf"\sigma{power}\left({printer._print(self.args[0])}\right)"


class relu(sympy.Function):  # noqa: N801 - printed as a function name
    """max(x, 0), whose slope is the step function θ(x) (θ(0) = 1/2 in SymPy).

    A function of its own rather than ``Max(x, 0)``: deciding the sign of a
    long argument inside ``Max`` took SymPy seconds.
    """

    def fdiff(self, argindex=1):
        return sympy.Heaviside(self.args[0])

    def _latex(self, printer, exp=None):
        power = f"^{{{exp}}}" if exp else ""
        return rf"\operatorname{{relu}}{power}\left({printer._print(self.args[0])}\right)"


_FUNCTIONS = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "exp": sympy.exp,
    "log": sympy.log, "sqrt": sympy.sqrt, "abs": sympy.Abs, "tanh": sympy.tanh,
    "sigmoid": sigmoid, "relu": relu,
}


# A thread cannot be stopped: one that runs past its deadline keeps its slot
# until it ends. With every slot taken, the page goes on without SymPy. The
# one piece of shared state in the core, on purpose: it protects the server.
_WORKERS = threading.BoundedSemaphore(4)


def _rational(value: float) -> sympy.Rational:
    """The exact rational a float's shortest decimal text stands for (0.1 → 1/10)."""
    return sympy.Rational(repr(float(value)))


def _has_call(node: Node) -> bool:
    return isinstance(node, Call) or any(_has_call(child) for child in children(node))


def to_sympy(node: Node) -> sympy.Expr:
    """The SymPy expression of a parsed tree (a, b are real symbols).

    A part without a or b that calls a function (tan(log(9)), relu(pi)) becomes
    one Float: it has no derivative, and SymPy's exact simplification of such
    constants (deciding the sign of tan(log(9)) for Max, say) took seconds.
    """
    if not isinstance(node, (Num, Var)) and _has_call(node):
        value = constant_value(node)
        if value is not None:
            return sympy.Float(value, DIGITS)
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
    ``infinite``, ``complex``, ``skipped`` — values too large to evaluate —,
    or ``timeout``). ``timed_out`` is True when the
    deadline passed or SymPy failed (``failed``; every other field is then empty).
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
    failed: bool = False


def _latex(expr: sympy.Expr) -> str:
    text = sympy.latex(expr)
    return text if len(text) <= MAX_LATEX else ""


_MP_FUNCTIONS = {
    sympy.sin: mpmath.sin, sympy.cos: mpmath.cos, sympy.tan: mpmath.tan,
    sympy.exp: mpmath.exp, sympy.log: mpmath.log, sympy.tanh: mpmath.tanh,
    sympy.Abs: abs, sympy.sign: mpmath.sign,
    sigmoid: lambda x: 1 / (1 + mpmath.exp(-x)),
    relu: lambda x: x if x > 0 else mpmath.mpf(0),
    # SymPy's convention θ(0) = 1/2.
    sympy.Heaviside: lambda x, *_: mpmath.mpf(1) if x > 0 else (
        mpmath.mpf(0) if x < 0 else mpmath.mpf(0.5)),
}


def _mp(expr, point: dict):
    """Evaluate a derivative numerically with mpmath, node by node.

    Faster and more predictable than ``subs`` / ``evalf`` (which fall back to
    symbolic substitution on θ and took over a second on some inputs). A
    complex intermediate (log of a negative number) is kept complex.
    """
    if expr in point:
        return point[expr]
    if expr.is_Number:
        if expr is sympy.nan or expr is sympy.zoo:
            return mpmath.nan
        if expr.is_infinite:
            return mpmath.inf if expr.is_extended_positive else -mpmath.inf
        if expr.is_Rational:
            return mpmath.mpf(expr.p) / expr.q
        return mpmath.mpf(str(expr))
    if expr is sympy.pi:
        return +mpmath.pi
    if expr is sympy.E:
        return +mpmath.e
    args = [_mp(arg, point) for arg in expr.args]
    if expr.is_Add:
        return mpmath.fsum(args)
    if expr.is_Mul:
        return mpmath.fprod(args)
    if expr.is_Pow:
        base, exponent = args
        if base == 0 and mpmath.re(exponent) < 0:
            # 1/x² → +∞ from both sides; 1/x → ±∞ depending on the side: no value.
            even = exponent == mpmath.re(exponent) and int(mpmath.re(exponent)) % 2 == 0 \
                and mpmath.re(exponent) == int(mpmath.re(exponent))
            return mpmath.inf if even else mpmath.nan
        return mpmath.power(base, exponent)
    function = _MP_FUNCTIONS.get(expr.func)
    if function is None:
        raise ValueError(f"no numeric rule for {expr.func}")
    if expr.func in (sympy.Abs, sympy.sign, relu, sympy.Heaviside) and \
            isinstance(args[0], mpmath.mpc):
        return mpmath.nan  # corners of a complex value: no real answer
    return function(*args)


def _value_at(expr: sympy.Expr, a_value: float, b_value: float) -> tuple[float | None, str]:
    """The derivative's value at one point: a float and ``ok``, ``undefined``,
    ``infinite`` or ``complex``."""
    with mpmath.workdps(DIGITS):
        point = {A: mpmath.mpf(repr(float(a_value))), B: mpmath.mpf(repr(float(b_value)))}
        try:
            number = _mp(expr, point)
        except ZeroDivisionError:
            return math.nan, "undefined"
        if isinstance(number, mpmath.mpc):
            real, imag = number.real, number.imag
            if mpmath.isnan(real) or mpmath.isnan(imag):
                return math.nan, "undefined"
            if abs(imag) > 1e-12 * max(1, abs(real)):
                return None, "complex"
            number = real
        value = float(number)
    if math.isnan(value):
        return math.nan, "undefined"
    if math.isinf(value):
        return value, "infinite"
    return value, "ok"


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
    without SymPy's answer; at most four such workers exist at any time.
    """
    import time

    evaluable = tuple(_normal_sized(tree, a_i, b_i) for a_i, b_i in zip(a, b, strict=True))
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = _work(tree, a, b, evaluable)
        except Exception as error:  # noqa: BLE001 - any SymPy failure is "no oracle"
            box["error"] = error

    def guarded() -> None:
        try:
            run()
        finally:
            _WORKERS.release()

    start = time.perf_counter()
    if not _WORKERS.acquire(blocking=False):
        # Every slot is held by a worker past its deadline: skip SymPy rather
        # than pile up threads that would slow every student's page.
        empty = tuple(None for _ in a)
        skipped = tuple("timeout" for _ in a)
        return Derivatives("", "", "", empty, empty, skipped, skipped, timed_out=True)
    worker = threading.Thread(target=guarded, name="sympy-oracle", daemon=True)
    worker.start()
    worker.join(time_limit)
    seconds = time.perf_counter() - start
    result = box.get("result")
    if worker.is_alive() or not isinstance(result, Derivatives):
        empty = tuple(None for _ in a)
        skipped = tuple("timeout" for _ in a)
        return Derivatives("", "", "", empty, empty, skipped, skipped, timed_out=True,
                           seconds=seconds, failed="error" in box)
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
