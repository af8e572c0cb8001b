"""'The code for what you see' on the ResNet page: the tutorial's code, current values.

Pure string building; a test executes the snippet and compares the losses it
prints with ``components.core.resnet.train_resnet``. ``notes`` holds the code
comments in the page's language (``labels_for("resnet.code", lang)``).
"""

from __future__ import annotations

from components.core.resnet_weights import RANDOM_INIT_SEED
from components.core.snippets import float_literal
from components.plural import fill

COMMENT_COLUMN = 44


def _line(code: str, comment: str = "") -> str:
    """``code`` with ``# comment`` aligned at ``COMMENT_COLUMN`` when it fits."""
    if not comment:
        return code
    return f"{code.ljust(COMMENT_COLUMN - 1)} # {comment}"


def resnet_snippet(lr: float, momentum: float, steps: int, seed: int, size: int,
                   pretrained_in_use: bool, train_mode: bool, *, notes: dict[str, str]) -> str:
    """Code that reproduces the page's losses for these settings.

    ``pretrained_in_use`` picks the weights line the page really used;
    ``train_mode`` is False at sizes where BatchNorm cannot train on one image.
    """
    if pretrained_in_use:
        model_lines = [_line("model = resnet18(weights=ResNet18_Weights.DEFAULT)")]
    else:
        model_lines = [_line(f"torch.manual_seed({RANDOM_INIT_SEED})", notes["random_weights"]),
                       _line("model = resnet18()")]
    if not train_mode:
        model_lines.append(_line("model.eval()", notes["eval"]))
    # Printed labels in the page's language; the step count is known here.
    step_label = notes["print_step"].replace("{k}", "{step + 1}")
    after_label = fill(notes["print_after"], steps=int(steps))
    lines = [
        "import torch",
        "from torchvision.models import resnet18, ResNet18_Weights",
        "",
        *model_lines,
        "",
        _line(f"torch.manual_seed({int(seed)})", notes["seed"]),
        _line(f"data = torch.rand(1, 3, {int(size)}, {int(size)})", notes["data"]),
        _line("labels = torch.rand(1, 1000)", notes["labels"]),
        "",
        f"optim = torch.optim.SGD(model.parameters(), lr={float_literal(lr)}, "
        f"momentum={float_literal(momentum)})",
        f"for step in range({int(steps)}):",
        _line("    optim.zero_grad()", notes["zero_grad"]),
        _line("    prediction = model(data)", notes["forward"]),
        _line("    loss = (prediction - labels).sum()", notes["loss"]),
        _line("    loss.backward()", notes["backward"]),
        _line("    optim.step()", notes["step"]),
        f'    print(f{step_label!r}, f"{{loss.item():.6g}}")',
        "",
        _line("with torch.no_grad():", notes["no_grad"]),
        "    loss = (model(data) - labels).sum()",
        f'print({after_label!r}, f"{{loss.item():.6g}}")',
    ]
    return "\n".join(lines) + "\n"


def finetune_snippet(notes: dict[str, str]) -> str:
    """The tutorial's freezing recipe, commented in the page's language."""
    return "\n".join([
        "for param in model.parameters():",
        _line("    param.requires_grad = False", notes["freeze"]),
        _line("model.fc = nn.Linear(512, 10)", notes["new_fc"]),
    ])
