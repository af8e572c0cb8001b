"""The student's own f(a, b): typed text → a small whitelisted tree, never code.

Text typed by a stranger is parsed by Python's ``ast`` module (a parser only:
nothing is compiled to bytecode or run) and every node is checked against a
whitelist, then copied into this module's own tree (``Num``, ``Var``,
``Unary``, ``Binary``, ``Call``). Torch (``expression.py``) and SymPy
(``expression_sympy.py``) are only ever given that tree. Limits on length,
nesting, node count, constants and powers keep every later step fast.

Pure Python (no torch, no streamlit), so the schema can validate URL values
with it and the hostile-input tests run without a page.
"""

from __future__ import annotations

import ast
import math
import re
import unicodedata
from dataclasses import dataclass

MAX_LENGTH = 200
MAX_NODES = 100
MAX_DEPTH = 20
MAX_CONSTANT = 1e6
# A constant exponent larger than this is refused: a**100 already overflows
# float32 for |a| > 2.5, and 9**9**9**9 must never reach Python's integers.
MAX_EXPONENT = 100.0
# A constant part (no a or b) must stay a normal float when evaluated.
MAX_FOLDED = 1e300

VARIABLES = ("a", "b")
CONSTANTS = {"pi": math.pi, "e": math.e}
FUNCTIONS = ("sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu")
OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
# Decimal literals only: 0x10, 1_000, 1j and the like are Python, not maths.
_NUMBER = re.compile(r"(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")

# Operators Python knows but this grammar does not, by symbol (for the message).
_OTHER_OPERATORS = {
    ast.FloorDiv: "//", ast.Mod: "%", ast.MatMult: "@", ast.LShift: "<<", ast.RShift: ">>",
    ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&", ast.Invert: "~", ast.Not: "not",
}
# Node types with a message of their own; anything else is "construct".
_CONSTRUCTS = {
    ast.Attribute: "attribute", ast.Subscript: "subscript", ast.Lambda: "lambda",
    ast.ListComp: "comprehension", ast.SetComp: "comprehension",
    ast.DictComp: "comprehension", ast.GeneratorExp: "comprehension",
    ast.Tuple: "collection", ast.List: "collection", ast.Dict: "collection",
    ast.Set: "collection", ast.Compare: "comparison", ast.BoolOp: "comparison",
    ast.IfExp: "conditional", ast.NamedExpr: "assignment", ast.Starred: "starred",
    ast.JoinedStr: "string",
}


class ExpressionError(ValueError):
    """Why a text is not an allowed f(a, b), and where.

    ``code`` names the rule (``unknown_name``, ``attribute``, ``too_long`` …),
    ``position`` is the 1-based character column (0 when it is about the whole
    text) and ``token`` is the offending piece of the user's text (user text:
    show it only through ``ui/user_text.py``). ``limit`` is the broken limit.
    """

    def __init__(self, code: str, position: int = 0, token: str = "", limit: float = 0):
        super().__init__(f"{code} at {position}: {token!r}")
        self.code = code
        self.position = position
        self.token = token
        self.limit = limit


# ---- the tree -----------------------------------------------------------------

@dataclass(frozen=True)
class Num:
    """A numeric constant: a literal, or ``pi`` / ``e`` (``name`` keeps which)."""

    value: float
    name: str = ""


@dataclass(frozen=True)
class Var:
    """The input ``a`` or ``b``."""

    name: str


@dataclass(frozen=True)
class Unary:
    """Unary minus (``-x``)."""

    operand: Node


@dataclass(frozen=True)
class Binary:
    """``left op right`` with op one of ``+ - * / **``."""

    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Call:
    """One of ``FUNCTIONS`` applied to one argument."""

    function: str
    argument: Node


Node = Num | Var | Unary | Binary | Call


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-trees of ``node``."""
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, Call):
        return (node.argument,)
    return ()


def count_nodes(node: Node) -> int:
    """Number of nodes in the tree."""
    return 1 + sum(count_nodes(child) for child in children(node))


def tree_depth(node: Node) -> int:
    """Longest path from the root to a leaf, in nodes."""
    return 1 + max((tree_depth(child) for child in children(node)), default=0)


def variables_of(node: Node) -> set[str]:
    """Which of ``a``, ``b`` the tree uses."""
    if isinstance(node, Var):
        return {node.name}
    return set().union(*(variables_of(child) for child in children(node)))


# ---- checks on the raw text ---------------------------------------------------

def _check_characters(text: str) -> None:
    for index, char in enumerate(text):
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn") \
                and char not in " \t":
            raise ExpressionError("control_char", index + 1, f"U+{ord(char):04X}")
        if ord(char) > 127:
            # Look-alike letters (Cyrillic а for Latin a) would name a different
            # variable that merely looks right; only ASCII is accepted.
            name = unicodedata.name(char, "")
            raise ExpressionError("non_ascii", index + 1, f"{char} (U+{ord(char):04X} {name})")


def _check_nesting(text: str) -> None:
    # Counted on the text first: Python's own parser gives up with a cryptic
    # message (or RecursionError) long before 400 nested parentheses.
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
            if depth > MAX_DEPTH:
                raise ExpressionError("too_deep", index + 1, char, MAX_DEPTH)
        elif char in ")]}":
            depth -= 1


# ---- ast → tree ---------------------------------------------------------------

class _Converter:
    """Copies a whitelisted ``ast`` tree into ``Node``s, refusing everything else."""

    def __init__(self, text: str, offset: int):
        self.text = text
        self.offset = offset  # leading spaces stripped before parsing
        self.nodes = 0

    def _where(self, node: ast.AST) -> int:
        return getattr(node, "col_offset", -1) + 1 + self.offset

    def _segment(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.text, node) or ""

    def _count(self, node: ast.AST, depth: int) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ExpressionError("too_many_nodes", self._where(node), "", MAX_NODES)
        if depth > MAX_DEPTH:
            raise ExpressionError("too_deep", self._where(node), "", MAX_DEPTH)

    def convert(self, node: ast.AST, depth: int = 1) -> Node:
        self._count(node, depth)
        if isinstance(node, ast.Constant):
            return self._constant(node)
        if isinstance(node, ast.Name):
            if node.id in VARIABLES:
                return Var(node.id)
            if node.id in CONSTANTS:
                return Num(CONSTANTS[node.id], node.id)
            if node.id in FUNCTIONS:
                raise ExpressionError("function_without_call", self._where(node), node.id)
            raise ExpressionError("unknown_name", self._where(node), node.id)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                return Unary(self.convert(node.operand, depth + 1))
            if isinstance(node.op, ast.UAdd):
                return self.convert(node.operand, depth)
            raise ExpressionError("operator", self._where(node),
                                  _OTHER_OPERATORS.get(type(node.op), "?"))
        if isinstance(node, ast.BinOp):
            op = OPERATORS.get(type(node.op))
            if op is None:
                raise ExpressionError("operator", self._where(node.right) - 1,
                                      _OTHER_OPERATORS.get(type(node.op), "?"))
            left = self.convert(node.left, depth + 1)
            right = self.convert(node.right, depth + 1)
            if op == "**":
                _check_power(left, right, self._where(node.right))
            return Binary(op, left, right)
        if isinstance(node, ast.Call):
            return self._call(node, depth)
        raise self._refusal(node)

    def _refusal(self, node: ast.AST) -> ExpressionError:
        if isinstance(node, ast.Attribute):
            # Name the attribute (.__globals__, .system) and point at its dot.
            dot = node.end_col_offset - len(node.attr) + self.offset
            return ExpressionError("attribute", dot, f".{node.attr}"[:30])
        code = _CONSTRUCTS.get(type(node), "construct")
        return ExpressionError(code, self._where(node), self._segment(node)[:20])

    def _constant(self, node: ast.Constant) -> Num:
        value = node.value
        segment = self._segment(node)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            code = "string" if isinstance(value, (str, bytes)) else "constant"
            raise ExpressionError(code, self._where(node), segment[:20])
        if not _NUMBER.fullmatch(segment):
            raise ExpressionError("number_format", self._where(node), segment[:20])
        # Compare as float (at most 200 digits here: cheap); never do
        # arithmetic on Python ints.
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number) or abs(number) > MAX_CONSTANT:
            raise ExpressionError("constant_range", self._where(node), segment[:20], MAX_CONSTANT)
        return Num(number)

    def _call(self, node: ast.Call, depth: int) -> Call:
        if not isinstance(node.func, ast.Name):
            if type(node.func) in _CONSTRUCTS:
                raise self._refusal(node.func)
            raise ExpressionError("call_target", self._where(node.func),
                                  self._segment(node.func)[:20])
        name = node.func.id
        if name not in FUNCTIONS:
            raise ExpressionError("unknown_function", self._where(node), name)
        if node.keywords:
            keyword = node.keywords[0]
            raise ExpressionError("keyword", self._where(keyword), keyword.arg or "**")
        if any(isinstance(arg, ast.Starred) for arg in node.args):
            raise ExpressionError("starred", self._where(node), name)
        if len(node.args) != 1:
            raise ExpressionError("arity", self._where(node), name, len(node.args))
        return Call(name, self.convert(node.args[0], depth + 1))


def constant_value(node: Node) -> float | None:
    """The float value of a sub-tree without ``a`` or ``b``; None if it has them.

    Raises ``ExpressionError("constant_overflow")`` when the value is not a
    normal float (e.g. ``exp(exp(9))``, ``0**-1``, ``log(0)``): such a
    constant is a typo or an attack, and would make SymPy's exact arithmetic slow.
    """
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Var):
        return None
    values = [constant_value(child) for child in children(node)]
    if any(v is None for v in values):
        return None
    try:
        result = fold(node, values)
    except (OverflowError, ValueError, ZeroDivisionError):
        result = math.nan
    if not math.isfinite(result) or abs(result) > MAX_FOLDED:
        raise ExpressionError("constant_overflow", 0, "")
    return result


def fold(node: Node, values: list[float]) -> float:
    """The float value of ``node`` given its children's float ``values``.

    May raise OverflowError, ValueError (math domain) or ZeroDivisionError.
    """
    if isinstance(node, Unary):
        return -values[0]
    if isinstance(node, Binary):
        x, y = values
        if node.op == "+":
            return x + y
        if node.op == "-":
            return x - y
        if node.op == "*":
            return x * y
        if node.op == "/":
            return x / y
        if x < 0 and not float(y).is_integer():
            return math.nan
        return math.pow(x, y)  # floats only: bounded time, OverflowError if huge
    x = values[0]
    if node.function == "sigmoid":
        return 1 / (1 + math.exp(-x)) if x > -700 else 0.0
    if node.function == "relu":
        return max(x, 0.0)
    if node.function == "abs":
        return abs(x)
    return getattr(math, node.function)(x)


def _check_power(base: Node, exponent: Node, position: int) -> None:
    """Refuse powers that could blow up: a constant exponent is bounded, and a
    constant base**exponent must be a normal float."""
    value = constant_value(exponent)
    if value is not None and abs(value) > MAX_EXPONENT:
        raise ExpressionError("exponent_too_large", position, f"{value:.6g}", MAX_EXPONENT)
    if value is not None and constant_value(base) is not None:
        constant_value(Binary("**", base, exponent))


def parse_expression(text: str) -> Node:
    """Parse ``text`` into a ``Node`` tree, or raise ``ExpressionError``.

    Never runs the text and never raises anything else, whatever it is given.
    """
    if not isinstance(text, str):
        raise ExpressionError("empty")
    _check_characters(text)
    _check_nesting(text)
    stripped = text.strip()
    if not stripped:
        raise ExpressionError("empty")
    if len(text) > MAX_LENGTH:
        raise ExpressionError("too_long", MAX_LENGTH + 1, "", MAX_LENGTH)
    try:
        # The parser only: no bytecode is produced and nothing is run.
        module = ast.parse(stripped, mode="eval")
    except SyntaxError as error:
        offset = (error.offset or 0) + (len(text) - len(text.lstrip()))
        raise ExpressionError("syntax", offset, "") from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError("syntax", 0, "") from None
    converter = _Converter(stripped, len(text) - len(text.lstrip()))
    try:
        tree = converter.convert(module.body)
    except RecursionError:
        raise ExpressionError("too_deep", 0, "", MAX_DEPTH) from None
    constant_value(tree)  # a constant f must itself be a normal float
    return tree


# ---- printing the tree (never the user's text) --------------------------------

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "unary": 3, "**": 4}


def _number_text(value: float) -> str:
    return repr(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


def to_text(node: Node, call_prefix: str = "", constant_prefix: str = "") -> str:
    """The tree as Python text, with minimal parentheses.

    ``call_prefix="torch."`` turns it into torch code for the code panel
    (``torch.sin(a)``); printed from the tree, so only whitelisted names appear.
    """

    def show(n: Node, parent: int = 0) -> str:
        if isinstance(n, Num):
            if n.name:
                return constant_prefix + n.name
            text = _number_text(n.value)
            return f"({text})" if n.value < 0 else text
        if isinstance(n, Var):
            return n.name
        if isinstance(n, Call):
            argument = show(n.argument)
            if call_prefix and constant_value(n.argument) is not None:
                argument = f"{call_prefix}tensor({argument})"  # torch.sin needs a Tensor
            return f"{call_prefix}{n.function}({argument})"
        if isinstance(n, Unary):
            mine = _PRECEDENCE["unary"]
            text = "-" + show(n.operand, mine)
            return f"({text})" if parent >= mine else text
        mine = _PRECEDENCE[n.op]
        if n.op == "**":
            # Right-associative, and binds tighter than a unary minus on its left.
            text = f"{show(n.left, mine + 1)}**{show(n.right, mine)}"
            return f"({text})" if parent > mine else text
        text = f"{show(n.left, mine)} {n.op} {show(n.right, mine + 1)}"
        # The right operand gets mine + 1: a - (b - c) keeps its parentheses.
        return f"({text})" if parent > mine else text

    return show(node)
