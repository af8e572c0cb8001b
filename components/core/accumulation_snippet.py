"""Code shown on the accumulation page: runnable, with the current values.

Pure string building. ``notes`` holds the localized code comments (the page
passes ``labels_for("accumulation.code", lang)``); tests execute every piece
and compare its numbers with ``components.core.accumulation``.
"""

from __future__ import annotations

from components.core.accumulation import TRAIN_STEPS, TRAIN_X, TRUE_C, TRUE_W
from components.core.snippets import float_literal, tensor_literal


def _comment(notes: dict[str, str], key: str) -> str:
    return f"# {notes[key]}"


def freed_graph_code(notes: dict[str, str]) -> str:
    """Two backward calls through one graph: the second one raises."""
    return "\n".join([
        "Q = 3*a**3 - b**2",
        f"Q.sum().backward()   {_comment(notes, 'first_call')}",
        f"Q.sum().backward()   {_comment(notes, 'second_call')}",
    ])


def rebuild_code(notes: dict[str, str]) -> str:
    """Way 1: compute Q again, so the second call has a fresh graph."""
    return "\n".join([
        "Q = 3*a**3 - b**2",
        "Q.sum().backward()",
        _comment(notes, "rebuild"),
        "Q = 3*a**3 - b**2",
        "Q.sum().backward()",
    ])


def retain_code(notes: dict[str, str]) -> str:
    """Way 2: keep the first graph's saved values with ``retain_graph=True``."""
    return "\n".join([
        "Q = 3*a**3 - b**2",
        _comment(notes, "retain"),
        "Q.sum().backward(retain_graph=True)",
        "Q.sum().backward()",
    ])


def accumulation_snippet(a, b, calls: int, zero: bool, graph: str, lr: float,
                         notes: dict[str, str]) -> str:
    """The whole page in code: repeated backward calls, then the SGD demo."""
    # The two printed labels, in the page's language, padded so the lists line up.
    width = max(len(notes["print_with"]), len(notes["print_without"]))
    with_label, without_label = (notes[k].ljust(width) for k in ("print_with", "print_without"))
    lines = [
        "import torch",
        "",
        f"a = {tensor_literal(a, requires_grad=True)}",
        f"b = {tensor_literal(b, requires_grad=True)}",
        f"calls = {int(calls)}",
        "",
    ]
    body = "    "
    if graph == "retain":
        lines += [f"Q = 3*a**3 - b**2   {_comment(notes, 'build_once')}",
                  "for k in range(1, calls + 1):"]
    else:
        lines += ["for k in range(1, calls + 1):"]
    if zero:
        lines += [f"{body}a.grad = None   {_comment(notes, 'reset')}", f"{body}b.grad = None"]
    if graph == "retain":
        lines += [f"{body}Q.sum().backward(retain_graph=True)"]
    else:
        lines += [f"{body}Q = 3*a**3 - b**2   {_comment(notes, 'build_each')}",
                  f"{body}Q.sum().backward()"]
    lines += [f'{body}print(k, "a.grad =", a.grad, " b.grad =", b.grad)', ""]
    if zero:
        lines += [f"{_comment(notes, 'check_zero')}",
                  "print(torch.isclose(a.grad, 9*a**2), torch.isclose(b.grad, -2*b))"]
    else:
        lines += [f"{_comment(notes, 'check_accumulate')}",
                  "print(torch.isclose(a.grad, calls * 9*a**2), "
                  "torch.isclose(b.grad, calls * -2*b))"]
    x_values = ", ".join(float_literal(v) for v in TRAIN_X)
    lines += [
        "",
        "",
        _comment(notes, "train_title"),
        f"x = torch.tensor([{x_values}])",
        f"y = {float_literal(TRUE_W)}*x + {float_literal(TRUE_C)}",
        "",
        "def train(zero_grad):",
        "    w = torch.tensor(0.0, requires_grad=True)",
        "    c = torch.tensor(0.0, requires_grad=True)",
        f"    optim = torch.optim.SGD([w, c], lr={float_literal(lr)})",
        "    losses = []",
        f"    for step in range({TRAIN_STEPS}):",
        "        if zero_grad:",
        f"            optim.zero_grad()   {_comment(notes, 'zero_grad')}",
        "        loss = ((w*x + c - y)**2).sum()",
        f"        loss.backward()     {_comment(notes, 'backward')}",
        "        optim.step()",
        "        losses.append(loss.item())",
        "    return losses",
        "",
        f'print({with_label!r}, [round(v, 3) for v in train(True)])',
        f'print({without_label!r}, [round(v, 3) for v in train(False)])',
    ]
    return "\n".join(lines) + "\n"
