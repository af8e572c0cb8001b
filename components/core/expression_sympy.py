"""The oracle: ∂f/∂a and ∂f/∂b by SymPy, from the same parsed tree.

The SymPy expression is built node by node from ``expression_parser``'s tree
(``sympy.parse_expr`` and ``sympify`` use ``eval`` and never see user text).
Exact numbers stay below ``MAX_EXACT_BITS`` (constant parts past it become
Floats), numeric values are only asked of SymPy where the float64 values
along the way stay normal-sized, and the whole step runs in a worker process
(``expression_workers``) with CPU, memory and wall-time limits, so a slow
case shows "SymPy ran out of time" instead of holding the page or the server.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import mpmath
import sympy

from components.core.expression_parser import (
    Binary,
    Call,
    Node,
    Num,
    Unary,
    Var,
    children,
    constant_value,
    fold,
    variables_of,
)

TIME_LIMIT = 2.0  # seconds; random trees at the parser's limits took up to 0.6 s here (first call ~0.3 s more)
# A job that has used this share of its time limit in CPU seconds is too costly
# by itself (whatever the load) and is remembered; one stopped by the wall clock
# on a busy machine is not.
CPU_SHARE = 0.75
MAX_LATEX = 1500  # characters; a longer derivative is summarised, not printed
DIGITS = 30
# Exact numbers in f stay below this many bits (numerators and denominators of
# all its rationals, summed); past it they become 30-digit Floats. 2**99 has
# 100 bits, 0.999999**99 as an exact rational 3,960.
MAX_EXACT_BITS = 1024

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


def _rational(value: float) -> sympy.Rational:
    """The exact rational a float's shortest decimal text stands for (0.1 → 1/10)."""
    return sympy.Rational(repr(float(value)))


def exact_size(expr: sympy.Expr) -> int:
    """Bits of every exact rational in ``expr`` (numerators and denominators), summed."""
    return sum(int(r.p).bit_length() + int(r.q).bit_length() for r in expr.atoms(sympy.Rational))


def _power_fits(base: sympy.Expr, exponent: sympy.Expr) -> bool:
    """True when SymPy may evaluate ``base**exponent`` exactly within ``MAX_EXACT_BITS``.

    An exact rational exponent p/q multiplies the digits of the base's exact
    numbers by about |p|/q (SymPy distributes (2·a)⁹⁹ into 2⁹⁹·a⁹⁹, and
    2**(1/2) to the 99th is 2⁴⁹·√2). Any other exponent leaves the power unevaluated.
    """
    if not exponent.is_Rational:
        return True
    return exact_size(base) * max(abs(int(exponent.p)), 1) <= MAX_EXACT_BITS \
        and int(exponent.q) <= 1000


def _bounded(expr: sympy.Expr) -> sympy.Expr:
    """``expr`` with its exact numbers turned into Floats once they pass the bound
    (exponents of a and b stay exact, so a**3 still reads a³)."""
    return expr if exact_size(expr) <= MAX_EXACT_BITS else sympy.nfloat(expr, DIGITS)


def _constant(node: Node) -> sympy.Expr:
    """A part without a or b: exact while its numbers stay small, else one Float.

    The Float is the float64 value the parser already checked (``constant_value``):
    ``(0.999999**99)**99`` as an exact rational has 3.9 million bits; as a Float it
    costs nothing and is what torch computes with anyway.
    """
    if isinstance(node, Num):
        return _CONSTANTS[node.name] if node.name else _rational(node.value)
    if isinstance(node, Binary) and node.op == "**":
        base, exponent = _constant(node.left), _constant(node.right)
        exact = base**exponent if _power_fits(base, exponent) else None
    elif isinstance(node, (Binary, Unary)):
        exact = _combine(node, *(_constant(child) for child in children(node)))
    else:  # a call: no derivative, and exact forms (sign of tan(log(9))) took seconds
        exact = None
    if exact is None or exact_size(exact) > MAX_EXACT_BITS:
        return sympy.Float(constant_value(node), DIGITS)
    return exact


def _combine(node: Node, *parts: sympy.Expr) -> sympy.Expr:
    if isinstance(node, Unary):
        return -parts[0]
    left, right = parts
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if node.op == "/":
        return left / right
    return left**right


def to_sympy(node: Node) -> sympy.Expr:
    """The SymPy expression of a parsed tree (a, b are real symbols).

    Exact arithmetic never builds a number past ``MAX_EXACT_BITS``: a part
    without a or b becomes one Float when its exact value would be larger
    (and always when it calls a function: tan(log(9)), relu(pi)), and a part
    with a or b has its numbers turned into Floats before a power would
    multiply their digits. Python's big-integer arithmetic holds the GIL, so
    this bound, not a deadline, is what keeps the work small.
    """
    if not isinstance(node, Var) and not variables_of(node):
        return _constant(node)
    if isinstance(node, Var):
        return _SYMBOLS[node.name]
    if isinstance(node, Unary):
        return -to_sympy(node.operand)
    if isinstance(node, Call):
        return _FUNCTIONS[node.function](to_sympy(node.argument))
    left, right = to_sympy(node.left), to_sympy(node.right)
    if node.op == "**" and not _power_fits(left, right):
        left = sympy.nfloat(left, DIGITS)
    return _bounded(_combine(node, left, right))


@dataclass(frozen=True)
class Derivatives:
    """f and its partial derivatives as LaTeX, and their values at each element.

    ``values_a[i]`` is ∂f/∂a at (a_i, b_i) as a float: NaN when SymPy finds
    it undefined there (0/0, a corner), ±inf when infinite, and None when not
    a real number or not evaluated (see ``status_a[i]``: ``ok``, ``undefined``,
    ``infinite``, ``complex``, ``skipped`` — values too large to evaluate —,
    or ``timeout``). ``timed_out`` is True when SymPy gave no answer (every
    other field is then empty); ``reason`` says why: ``timeout`` (out of time),
    ``failed`` (SymPy failed; ``failed`` is then True too), ``busy`` (no worker
    was free in time) or ``cancelled`` (a newer request of the same session);
    ``remembered``: that timeout or failure is known from an earlier request,
    and SymPy was not run again.
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
    reason: str = ""
    remembered: bool = False


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
    # powsimp joins powers of one base: SymPy writes d/da a**b as b·a**b / a, which
    # is 0/0 at a = 0 although the slope b·a**(b−1) is 0 there for b > 1.
    da, db = (sympy.powsimp(sympy.diff(f, x), combine="exp") for x in (A, B))
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


def _job(tree: Node, a: tuple, b: tuple) -> Derivatives:
    """What a worker process runs (module-level, so it is sent by name)."""
    evaluable = tuple(_normal_sized(tree, a_i, b_i) for a_i, b_i in zip(a, b, strict=True))
    return _work(tree, a, b, evaluable)


def derivatives(tree: Node, a, b, time_limit: float = TIME_LIMIT, cpu_limit: float | None = None,
                session: str | None = None, pool=None) -> Derivatives:
    """∂f/∂a, ∂f/∂b by SymPy, and their values at (a_i, b_i), within ``time_limit``.

    Runs in one of the server's SymPy worker processes (``expression_workers.POOL``
    unless ``pool`` is given), killed when ``time_limit`` seconds have passed or it
    has used ``cpu_limit`` CPU seconds (``CPU_SHARE`` of the time limit by
    default). An expression that used up its CPU is remembered by its printed
    tree: asked again, the answer is "timed out" at once. ``session``: a newer
    call from the same browser session cancels this one.
    """
    from components.core.expression_parser import to_text
    from components.core.expression_workers import POOL

    pool = POOL if pool is None else pool
    cpu = time_limit * CPU_SHARE if cpu_limit is None else cpu_limit
    outcome = pool.run(_job, (tree, tuple(a), tuple(b)), key=to_text(tree), session=session,
                       wall=time_limit, cpu=cpu)
    if outcome.status == "ok" and isinstance(outcome.value, Derivatives):
        return replace(outcome.value, seconds=outcome.seconds)
    empty = tuple(None for _ in a)
    skipped = tuple("timeout" for _ in a)
    return Derivatives("", "", "", empty, empty, skipped, skipped, timed_out=True,
                       seconds=outcome.seconds, failed=outcome.status == "failed",
                       reason=outcome.status, remembered=outcome.remembered)


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
