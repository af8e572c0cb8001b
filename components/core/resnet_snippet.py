"""'The code for what you see' on the ResNet page: the tutorial's code, current values.

Pure string building; a test executes the snippet and compares the losses it
prints with ``components.core.resnet.train_resnet``.
"""

from __future__ import annotations

from components.core.resnet_weights import RANDOM_INIT_SEED
from components.core.snippets import float_literal

COMMENT_COLUMN = 44


def _line(code: str, comment: str = "") -> str:
    """``code`` with ``# comment`` aligned at ``COMMENT_COLUMN`` when it fits."""
    if not comment:
        return code
    return f"{code.ljust(COMMENT_COLUMN - 1)} # {comment}"


def resnet_snippet(lr: float, momentum: float, steps: int, seed: int, size: int,
                   pretrained_in_use: bool, train_mode: bool) -> str:
    """Code that reproduces the page's losses for these settings.

    ``pretrained_in_use`` picks the weights line the page really used;
    ``train_mode`` is False at sizes where BatchNorm cannot train on one image.
    """
    if pretrained_in_use:
        model_lines = [_line("model = resnet18(weights=ResNet18_Weights.DEFAULT)")]
    else:
        model_lines = [_line(f"torch.manual_seed({RANDOM_INIT_SEED})", "the page's random weights"),
                       _line("model = resnet18()")]
    if not train_mode:
        model_lines.append(_line("model.eval()", "1x1 last feature map: no BatchNorm training"))
    lines = [
        "import torch",
        "from torchvision.models import resnet18, ResNet18_Weights",
        "",
        *model_lines,
        "",
        _line(f"torch.manual_seed({int(seed)})", "the seed of the image and the labels"),
        _line(f"data = torch.rand(1, 3, {int(size)}, {int(size)})", "one random RGB image"),
        _line("labels = torch.rand(1, 1000)", "random targets, one per class"),
        "",
        f"optim = torch.optim.SGD(model.parameters(), lr={float_literal(lr)}, "
        f"momentum={float_literal(momentum)})",
        f"for step in range({int(steps)}):",
        _line("    optim.zero_grad()", "clear the previous step's .grad"),
        _line("    prediction = model(data)", "forward pass, shape (1, 1000)"),
        _line("    loss = (prediction - labels).sum()", "the tutorial's toy loss"),
        _line("    loss.backward()", "fills .grad of every parameter"),
        _line("    optim.step()", "W <- W - lr * momentum buffer"),
        '    print(f"step {step + 1}: loss = {loss.item():.6g}")',
        "",
        _line("with torch.no_grad():", "no graph needed just to measure"),
        "    loss = (model(data) - labels).sum()",
        'print(f"after {step + 1} steps: loss = {loss.item():.6g}")',
    ]
    return "\n".join(lines) + "\n"


FINETUNE_SNIPPET = "\n".join([
    "for param in model.parameters():",
    _line("    param.requires_grad = False", "freeze every pretrained parameter"),
    _line("model.fc = nn.Linear(512, 10)", "a new last layer: requires_grad=True"),
])
