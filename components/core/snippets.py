"""'The code for what you see': runnable PyTorch snippets with the current values.

Pure string building; tests execute every snippet and compare its numbers
with the page's.
"""

from __future__ import annotations


def float_literal(value: float) -> str:
    """A float literal torch reads as float32 (``2.0``, not ``2``)."""
    return repr(float(value))


def tensor_literal(values, requires_grad: bool = False) -> str:
    body = ", ".join(float_literal(v) for v in values)
    suffix = ", requires_grad=True" if requires_grad else ""
    return f"torch.tensor([{body}]{suffix})"


def gradients_snippet(a, b, v, *, notes: dict[str, str]) -> str:
    """Code that reproduces the gradients page for a, b and the gradient v.

    ``notes``: the code comments in the page's language (``gradients.code.*``).
    """
    return f"""import torch

a = {tensor_literal(a, requires_grad=True)}
b = {tensor_literal(b, requires_grad=True)}
Q = 3*a**3 - b**2
v = {tensor_literal(v)}   # {notes["v"]}
Q.backward(gradient=v)

print("Q      =", Q.detach())
print("a.grad =", a.grad)   # 9*a**2 * v
print("b.grad =", b.grad)   # -2*b * v
# {notes["check"]}
print(torch.isclose(9*a**2 * v, a.grad))
print(torch.isclose(-2*b * v, b.grad))
"""
