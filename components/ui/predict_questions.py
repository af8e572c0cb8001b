"""The lessons' checkpoints: each answer from ``core/checkpoints.py``, each text from the catalogues.

Catalogue keys of checkpoint ``<id>`` on page ``<page>`` (all filled with the
same numbers): ``<page>.predict.<id>.label`` (what is guessed), ``.question``
(``.question_class``: the same question without one student's numbers, for the
instructor's room view; a question without numbers serves as it is),
``.why`` (or ``.why.<answer>`` for a choice), ``.wrong`` (a wrong guess no
slip explains), ``.slip.<name>`` (a number's misconceptions) and
``.option.<key>`` / ``.wrong.<key>`` (a choice's options and why each wrong
one is wrong).
"""

from __future__ import annotations

from components.core import checkpoints as answers
from components.core.resnet import TrainingResult
from components.numbers import format_number
from components.ui.i18n import CATALOGS, t
from components.ui.predict import Checkpoint


def _fmt(value) -> str:
    return value if isinstance(value, str) else format_number(value)


def _held(key: str, lang: str, **values) -> str:
    """The ``<key>.held`` text (safe while another question is open), or "" if there is none."""
    return t(f"{key}.held", lang, **values) if f"{key}.held" in CATALOGS[lang] else ""


def _checkpoint(page: str, checkpoint_id: str, answer, inputs: tuple, lang: str,
                why_variant: str | None = None, spoils: tuple[str, ...] = (),
                **values) -> Checkpoint:
    """Fill every text of one checkpoint with ``values`` and the answer's own facts.

    The explanation is ``.why.<why_variant>``; by default ``.why`` for a
    number and ``.why.<answer>`` for a choice ("" forces plain ``.why``).
    ``spoils``: the checkpoints whose answer these texts give away; each text
    that does has a ``<key>.held`` variant, shown until those are revealed.
    """
    prefix = f"{page}.predict.{checkpoint_id}"
    values = {**{k: _fmt(v) for k, v in answer.facts.items()}, **values}
    if isinstance(answer, answers.NumberAnswer):
        values["answer"] = format_number(answer.value)
        why_key = f"{prefix}.why" + (f".{why_variant}" if why_variant else "")
        slip_keys = {name: f"{prefix}.slip.{name}" for name, _ in answer.slips}
        wrong = t(f"{prefix}.wrong", lang, **values)
        options = {}
    else:
        options = {key: t(f"{prefix}.option.{key}", lang) for key in answer.options}
        values["answer"] = options[answer.value]
        variant = answer.value if why_variant is None else why_variant
        why_key = f"{prefix}.why" + (f".{variant}" if variant else "")
        slip_keys = {key: f"{prefix}.wrong.{key}" for key in answer.options if key != answer.value}
        wrong = ""  # every wrong option has its own sentence
    slips = {name: t(key, lang, **values) for name, key in slip_keys.items()}
    held_slips = {name: _held(key, lang, **values) for name, key in slip_keys.items()}
    return Checkpoint(
        id=checkpoint_id, answer=answer, inputs=inputs,
        label=t(f"{prefix}.label", lang),
        question=t(f"{prefix}.question", lang, **values),
        why=t(why_key, lang, **values), wrong=wrong, slips=slips, options=options,
        spoils=spoils, held_why=_held(why_key, lang, **values) if spoils else "",
        held_slips={name: text for name, text in held_slips.items() if text} if spoils else {},
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
        # The answer does not depend on any slider: asked once per session. Its
        # explanation quotes a.grad after the first call, which can be the other answer.
        _checkpoint("accumulation", "second_backward", freed, (), lang,
                    spoils=("a1_grad_calls",)),
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
        # Momentum is left out of the inputs: it cannot change the first step. Saying
        # so in the explanation answers the next question: held until that reveal.
        _checkpoint("optimizer", "a1_after_step", step, (*first_step, lr), lang,
                    spoils=("momentum_first_loss",),
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
