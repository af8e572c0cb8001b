"""'The code for what you see' on lesson ⑤: printed from the parsed tree.

The code is generated from the whitelisted tree, never copied from the
user's text, so only ``a``, ``b``, numbers, ``torch.<function>`` and
``math.pi`` / ``math.e`` can appear in it. Tests execute it.
"""

from __future__ import annotations

from components.core.expression_parser import Node, to_text, variables_of
from components.core.snippets import tensor_literal


def expression_code(tree: Node) -> str:
    """f as torch code: ``3 * a**3 - b**2``, ``torch.sigmoid(a * b)``, ``math.pi``."""
    return to_text(tree, call_prefix="torch.", constant_prefix="math.")


def expression_snippet(tree: Node, a, b, v, gradient_comment: str = "the gradient= argument") -> str:
    """Code that reproduces the page's Q, a.grad and b.grad for f, a, b and v.

    ``gradient_comment`` is the comment on the line of v, in the page's language.
    """
    code = expression_code(tree)
    header = "import math\n\nimport torch\n" if "math." in code else "import torch\n"
    lines = [
        header,
        f"a = {tensor_literal(a, requires_grad=True)}",
        f"b = {tensor_literal(b, requires_grad=True)}",
    ]
    if not variables_of(tree):
        # A constant f is not connected to a or b: backward() would raise. (torch.tensor,
        # not full_like: a constant past float32's range becomes inf, as on the page.)
        lines += [f"Q = torch.tensor({code}).expand_as(a)", "", 'print("Q =", Q)']
        return "\n".join(lines) + "\n"
    lines += [
        f"Q = {code}",
        f"v = {tensor_literal(v)}   # {gradient_comment}",
        "Q.backward(gradient=v)",
        "",
        'print("Q      =", Q.detach())',
        'print("a.grad =", a.grad)',
        'print("b.grad =", b.grad)',
    ]
    return "\n".join(lines) + "\n"
