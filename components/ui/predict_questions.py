"""The lessons' checkpoints: each answer from ``core/checkpoints.py``, each text from the catalogues.

Catalogue keys of checkpoint ``<id>`` on page ``<page>`` (all filled with the
same numbers): ``<page>.predict.<id>.label`` (what is guessed), ``.question``,
``.why`` (or ``.why.<answer>`` for a choice), ``.wrong`` (a wrong guess no
slip explains), ``.slip.<name>`` (a number's misconceptions) and
``.option.<key>`` / ``.wrong.<key>`` (a choice's options and why each wrong
one is wrong).
"""

from __future__ import annotations

from components.core import checkpoints as answers
from components.core.resnet import TrainingResult
from components.numbers import format_number
from components.ui.i18n import t
from components.ui.predict import Checkpoint


def _fmt(value) -> str:
    return value if isinstance(value, str) else format_number(value)


def _checkpoint(page: str, checkpoint_id: str, answer, inputs: tuple, lang: str,
                why_variant: str | None = None, **values) -> Checkpoint:
    """Fill every text of one checkpoint with ``values`` and the answer's own facts.

    The explanation is ``.why.<why_variant>``; by default ``.why`` for a
    number and ``.why.<answer>`` for a choice ("" forces plain ``.why``).
    """
    prefix = f"{page}.predict.{checkpoint_id}"
    values = {**{k: _fmt(v) for k, v in answer.facts.items()}, **values}
    if isinstance(answer, answers.NumberAnswer):
        values["answer"] = format_number(answer.value)
        why = t(f"{prefix}.why" + (f".{why_variant}" if why_variant else ""), lang, **values)
        slips = {name: t(f"{prefix}.slip.{name}", lang, **values) for name, _ in answer.slips}
        wrong = t(f"{prefix}.wrong", lang, **values)
        options = {}
    else:
        options = {key: t(f"{prefix}.option.{key}", lang) for key in answer.options}
        values["answer"] = options[answer.value]
        variant = answer.value if why_variant is None else why_variant
        why = t(f"{prefix}.why" + (f".{variant}" if variant else ""), lang, **values)
        slips = {key: t(f"{prefix}.wrong.{key}", lang, **values)
                 for key in answer.options if key != answer.value}
        wrong = ""  # every wrong option has its own sentence
    return Checkpoint(
        id=checkpoint_id, answer=answer, inputs=inputs,
        label=t(f"{prefix}.label", lang),
        question=t(f"{prefix}.question", lang, **values),
        why=why, wrong=wrong, slips=slips, options=options,
    )


def gradients_checkpoints(a, b, v, lang: str) -> tuple[Checkpoint, ...]:
    """``a1_grad``: a.grad[0] after Q.backward(gradient=v)."""
    answer = answers.a1_grad(a, b, v)
    return (_checkpoint("gradients", "a1_grad", answer, (a[0], v[0]), lang,
                        b1=format_number(b[0])),)


def accumulation_checkpoints(a, b, calls: int, zero: bool, graph: str,
                             lang: str) -> tuple[Checkpoint, ...]:
    """``a1_grad_calls`` (a number) and ``second_backward`` (a choice)."""
    calls_answer = answers.a1_grad_calls(a, b, calls, zero, graph)
    reset = t("predict.on" if zero else "predict.off", lang)
    freed = answers.second_backward(a, b)
    return (
        _checkpoint("accumulation", "a1_grad_calls", calls_answer, (a[0], calls, zero), lang,
                    why_variant="reset" if zero else "add", reset=reset),
        # The answer does not depend on any slider: asked once per session.
        _checkpoint("accumulation", "second_backward", freed, (), lang),
    )


def optimizer_checkpoints(objective: str, a, b, lr: float, momentum: float,
                          lang: str) -> tuple[Checkpoint, ...]:
    """``a1_after_step`` (a number) and ``momentum_first_loss`` (a choice)."""
    # What the first step depends on: on Q, a₁'s gradient 9a₁² needs only a₁.
    first_step = (objective, a[0]) if objective == "q" else (objective, tuple(a))
    start = (objective, tuple(a), tuple(b) if objective == "q" else ())
    name = t(f"control.objective.{objective}", lang)
    step = answers.a1_after_step(objective, a, b, lr, momentum)
    first = answers.momentum_first_loss(objective, a, b, lr)
    return (
        # Momentum is left out of the inputs: it cannot change the first step.
        _checkpoint("optimizer", "a1_after_step", step, (*first_step, lr), lang,
                    objective=name, momentum=format_number(momentum)),
        _checkpoint("optimizer", "momentum_first_loss", first, (*start, lr), lang,
                    lr=format_number(lr), objective=name, momentum=format_number(answers.TUTORIAL_MOMENTUM)),
    )


def resnet_layer_checkpoint(result: TrainingResult, seed: int, size: int, pretrained: bool,
                            lang: str) -> Checkpoint:
    """``largest_grad_layer``: which layer holds the largest ‖.grad‖ after one backward.

    ``pretrained``: whether the run really started from pretrained weights.
    """
    answer = answers.largest_grad_layer(result)
    weights = "pretrained" if pretrained else "random"
    return _checkpoint("resnet", "largest_grad_layer", answer, (seed, size, weights), lang,
                       why_variant="", seed=str(seed), size=str(size),
                       weights=t(f"resnet.predict.weights.{weights}", lang))


def resnet_step_checkpoint(result: TrainingResult, lr: float, seed: int, size: int,
                           pretrained: bool, lang: str) -> Checkpoint:
    """``loss_after_step``: does the loss go down after the first optim.step()?"""
    answer = answers.loss_after_step(result)
    weights = "pretrained" if pretrained else "random"
    return _checkpoint("resnet", "loss_after_step", answer, (seed, size, weights, lr), lang,
                       lr=format_number(lr))
