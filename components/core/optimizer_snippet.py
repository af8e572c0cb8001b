"""'The code for what you see' on the optimizer page: a runnable SGD loop.

The loss expressions are the core's own (``components.core.optimizer``),
written out with the same constants, so the snippet prints the very floats
the page shows; a test executes it and compares. ``notes`` holds the code
comments in the page's language (``labels_for("optimizer.code", lang)``).
"""

from __future__ import annotations

from components.core import optimizer as core
from components.core.snippets import float_literal, tensor_literal


def _loss_code(objective: str, notes: dict[str, str]) -> str:
    if objective == "q":
        return ("def loss_fn(a, b):\n"
                f"    Q = 3*a**3 - b**2      # {notes['q']}\n"
                "    return Q.sum()\n")
    if objective == "valley":
        return ("def loss_fn(a):\n"
                f"    # {notes['valley']}\n"
                f"    return {float_literal(core.VALLEY_FLOOR)} * (a[0] + a[1])**2 "
                f"+ {float_literal(core.VALLEY_WALL)} * (a[0] - a[1])**2\n")
    if objective == "rosenbrock":
        return ("def loss_fn(a):\n"
                f"    # {notes['rosenbrock']}\n"
                f"    return (1 + a[0])**2 + {float_literal(core.ROSENBROCK_STEEPNESS)} "
                "* (a[1] - a[0]**2)**2\n")
    raise ValueError(f"unknown objective {objective!r}")


def optimizer_snippet(objective: str, a, b, lr: float, momentum: float, steps: int, *,
                      notes: dict[str, str]) -> str:
    """Code that reruns this page's two SGD runs (momentum and momentum 0).

    ``notes``: the code comments in the page's language, by key.
    """
    uses_b = objective == "q"
    tensors = (f"    a = {tensor_literal(a, requires_grad=True)}\n"
               + (f"    b = {tensor_literal(b, requires_grad=True)}\n" if uses_b else ""))
    params = "[a, b]" if uses_b else "[a]"
    args = "a, b" if uses_b else "a"
    names = "a, b" if uses_b else "a"
    blanks = "_, _, _" if uses_b else "_, _"
    if momentum != 0:
        runs = (f"{'losses, optim, ' + names} = train(momentum={float_literal(momentum)})\n"
                f"plain_losses, {blanks} = train(momentum=0.0)\n")
        plain = repr(notes["print_plain"])
        plain_first = f', {plain}, plain_losses[1], ")"'
        plain_last = f', {plain}, plain_losses[-1], ")"'
        buffer = f'print({notes["print_buffer"]!r}, optim.state[a]["momentum_buffer"])\n'
    else:
        runs = f"losses, optim, {names} = train(momentum=0.0)\n"
        plain_first = plain_last = ""
        buffer = f"# {notes['no_buffer']}\n"
    shown = 'print("a =", a.detach(), " b =", b.detach())\n' if uses_b else \
        'print("a =", a.detach())\n'
    loop = [
        (f"    optim = torch.optim.SGD({params}, lr={float_literal(lr)}, momentum=momentum)", ""),
        (f"    losses = [loss_fn({args}).item()]", notes["before"]),
        (f"    for step in range(1, {int(steps)} + 1):", ""),
        ("        optim.zero_grad()", ""),
        (f"        loss_fn({args}).backward()", ""),
        ("        optim.step()", notes["step"]),
        (f"        loss = loss_fn({args}).item()", notes["after"]),
        ("        if not math.isfinite(loss):", notes["overflow"]),
        (f'            print(f{notes["print_stop"]!r})', ""),
        ("            break", ""),
        ("        losses.append(loss)", ""),
        (f"    return losses, optim, {names}", ""),
    ]
    # The printed labels are the page's language too; the last step is known only
    # when the run ends (it stops at an overflow), so it is filled in by Python.
    last_label = notes["print_last"].replace("{n}", "{len(losses) - 1}")
    width = max(len(code) for code, note in loop if note) + 2
    body = "\n".join(f"{code:<{width}}# {note}" if note else code for code, note in loop)
    return f"""import math

import torch


{_loss_code(objective, notes)}

def train(momentum):
{tensors}{body}


{runs}
print({notes["print_before"]!r}, losses[0])
if len(losses) > 1:
    print({notes["print_first"]!r}, losses[1]{plain_first})
print(f{last_label!r}, losses[-1]{plain_last})
{shown}{buffer}"""
