"""Sentences chosen from the computed results, never fixed in advance.

Which run ended lower, whether a run diverged and how, how far a layer moved,
what the map shows: each function below looks at the core's plain results and
returns ``Sentence``s, a catalogue key plus the numbers that sentence states.
Pages render them with ``say``; tests/test_claims.py sweeps the sliders and
checks every choice against the numbers next to it.

No NaN or infinity ever reaches a sentence: those cases have their own words.
Pure Python (no streamlit), so the sweeps run without a page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from components.core import optimizer as opt
from components.core.accumulation import TRAIN_CURVATURE, TrainingRun, first_rise
from components.core.resnet import FinetuneResult, TrainingResult
from components.numbers import format_number
from components.ui.i18n import t

# A landscape run whose loss grew this many times without overflowing is
# reported as diverging (a landscape's loss is ≥ 0, so growth means overshoot).
GROWTH_ALARM = 1000.0


@dataclass(frozen=True)
class Sentence:
    """One catalogue sentence and the values it states.

    ``values`` hold plain numbers (formatted on the way out), names, nested
    ``Sentence``s (a run's name, the words for how a run stopped), tuples of
    element names, or tuples of (name, number) pairs.
    """

    key: str
    values: dict = field(default_factory=dict)
    digits: int = 4  # significant digits of its numbers, as in the table beside it


def _text(value, lang: str, digits: int = 4) -> str:
    if isinstance(value, Sentence):
        return say(value, lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("a sentence must not state a non-finite number")
        return format_number(value, digits)
    if isinstance(value, tuple):
        return ", ".join(f"`{v[0]}` = {format_number(v[1], digits)}" if isinstance(v, tuple)
                         else f"`{v}`" for v in value)
    return str(value)


def say(sentence: Sentence, lang: str) -> str:
    """The sentence in ``lang`` with its values formatted for people."""
    return t(sentence.key, lang,
             **{k: _text(v, lang, sentence.digits) for k, v in sentence.values.items()})


def say_all(sentences, lang: str) -> str:
    """Several sentences as one paragraph."""
    return " ".join(say(s, lang) for s in sentences)


# --- ④ optimizer ----------------------------------------------------------------


def run_name(run: opt.SGDRun) -> Sentence:
    """"momentum 0.9" or "momentum 0 (plain SGD)"."""
    if run.momentum:
        return Sentence("optimizer.run_momentum", {"value": run.momentum})
    return Sentence("optimizer.run_plain")


def _runs(comparison: opt.MomentumComparison) -> list[opt.SGDRun]:
    if comparison.plain is comparison.with_momentum:
        return [comparison.with_momentum]
    return [comparison.with_momentum, comparison.plain]


def _start(run: opt.SGDRun) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The starting a and b of a run (b is unused on the landscapes)."""
    start = run.params[0]
    return start[:2], (start[2:] if run.objective == "q" else (0.0, 0.0))


def first_step(comparison: opt.MomentumComparison) -> list[Sentence]:
    """What the first optim.step() did: overflowed, raised the loss, and why."""
    chosen = comparison.with_momentum
    if not chosen.finite_steps:
        return [Sentence("optimizer.first_diverged",
                         {"what": Sentence(f"optimizer.stop.{opt.stop_kind(chosen)}")})]
    sentences = []
    before, after = chosen.losses[0], chosen.losses[1]
    if after > before:
        sentences.append(Sentence("optimizer.first_up", {"before": before, "after": after}))
        a, b = _start(chosen)
        curvature = opt.step_curvature(chosen.objective, a, b, chosen.lr)
        if math.isfinite(curvature) and chosen.lr * curvature > 2:
            sentences.append(Sentence("optimizer.first_up_numbers",
                                      {"h": curvature, "lrh": chosen.lr * curvature}))
    return sentences


def growing_runs(comparison: opt.MomentumComparison) -> list[opt.SGDRun]:
    """Landscape runs that did not overflow but whose loss grew ``GROWTH_ALARM``-fold."""
    if comparison.with_momentum.objective not in opt.LANDSCAPES:
        return []
    return [run for run in _runs(comparison) if not run.diverged
            and run.losses[-1] > GROWTH_ALARM * max(run.losses[0], 1e-3)]


def divergence(comparison: opt.MomentumComparison) -> list[Sentence]:
    """One alarm per diverged or diverging run (rendered as red boxes)."""
    alarms = []
    for run in _runs(comparison):
        if run.diverged:
            alarms.append(Sentence("optimizer.diverged", {
                "name": run_name(run), "step": run.diverged_at,
                "what": Sentence(f"optimizer.stop.{opt.stop_kind(run)}"),
                "done": run.finite_steps}))
    for run in growing_runs(comparison):
        alarms.append(Sentence("optimizer.growing", {
            "name": run_name(run), "start": run.losses[0], "end": run.losses[-1]}))
    return alarms


def why(comparison: opt.MomentumComparison) -> list[Sentence]:
    """Why the runs did what they did on this objective (after the alarms)."""
    objective = comparison.with_momentum.objective
    troubled = [r for r in _runs(comparison) if r.diverged] + growing_runs(comparison)
    if objective == "q":
        if troubled:
            return [Sentence("optimizer.why_q"), *(_runaway(run) for run in troubled)]
        return [Sentence("optimizer.q_unbounded"), _q_outlook(comparison.with_momentum)]
    if not troubled:
        return []
    sentences = [Sentence("optimizer.why_landscape")]
    if objective == "valley":
        for run in troubled:
            sentences.append(Sentence("optimizer.why_valley", {
                "name": run_name(run), "lrh": run.lr * opt.VALLEY_STEEP_CURVATURE,
                "limit": 2 * (1 + run.momentum)}))
    return sentences


def _runaway(run: opt.SGDRun) -> Sentence:
    """On Q: which elements blew up in this run, and where the others ended."""
    runaway = opt.runaway_elements(run)
    calm = tuple((name, value) for name, value in zip(run.names, run.stop_params, strict=True)
                 if name not in runaway and math.isfinite(value))
    values = {"name": run_name(run), "elements": runaway}
    if calm:
        return Sentence("optimizer.why_q.runaway_calm", {**values, "calm": calm})
    return Sentence("optimizer.why_q.runaway", values)


def _q_outlook(run: opt.SGDRun) -> Sentence:
    """On Q, when nothing overflowed: where this run is heading."""
    a_end, b_end = run.params[-1][:2], run.params[-1][2:]
    moving = tuple(n for n, v in zip(run.names[2:], b_end, strict=True) if v != 0) + \
        tuple(n for n, v in zip(run.names[:2], a_end, strict=True) if v < 0)
    if moving:
        return Sentence("optimizer.q_outlook.runs", {"steps": run.finite_steps,
                                                      "elements": moving})
    if all(v == 0 for v in run.params[0]):
        return Sentence("optimizer.q_outlook.still")
    return Sentence("optimizer.q_outlook.creeps", {"steps": run.finite_steps})


def curve_parts(comparison: opt.MomentumComparison) -> Sentence | None:
    """Where the momentum run's loss curve leaves plain SGD's (None at momentum 0)."""
    if comparison.plain is comparison.with_momentum:
        return None
    if comparison.parts_at is None:
        return Sentence("optimizer.curve_parts_never")
    if comparison.parts_at == 2:
        return Sentence("optimizer.curve_parts_2")
    return Sentence("optimizer.curve_parts", {"step": comparison.parts_at})


def map_caption(comparison: opt.MomentumComparison, low: float, high: float) -> list[Sentence]:
    """What the landscape map shows for these runs: where each path ended."""
    objective = comparison.with_momentum.objective
    sentences = [Sentence("optimizer.map_legend" if len(_runs(comparison)) > 1
                          else "optimizer.map_legend_one")]
    inside = {}
    for run in _runs(comparison):
        left = opt.left_box_at(run, low, high)
        if left is not None:
            sentences.append(Sentence("optimizer.map_run.left", {"name": run_name(run),
                                                                 "step": left}))
            continue
        start = opt.distance_to_minimum(objective, run.params[0])
        end = opt.distance_to_minimum(objective, run.params[-1])
        inside[run.momentum] = end
        key = "optimizer.map_run.closer" if end < start else "optimizer.map_run.farther"
        sentences.append(Sentence(key, {"name": run_name(run), "steps": run.finite_steps,
                                        "start": start, "end": end}))
    if len(inside) == 2:
        chosen, plain = comparison.with_momentum, comparison.plain
        if inside[chosen.momentum] < inside[plain.momentum]:
            sentences.append(Sentence("optimizer.map_compare.momentum",
                                      {"mu": chosen.momentum}))
        elif inside[chosen.momentum] > inside[plain.momentum]:
            sentences.append(Sentence("optimizer.map_compare.plain"))
    sentences.append(Sentence("optimizer.map_credit"))
    return sentences


# --- ③ accumulation -----------------------------------------------------------------


def training_lesson(with_zero: TrainingRun, without_zero: TrainingRun) -> list[Sentence]:
    """What the run without zero_grad did next to the one with it, at this lr."""
    sentences = [Sentence("accumulation.training_lesson")]
    both_finished = with_zero.diverged_at is None and without_zero.diverged_at is None
    if without_zero.diverged_at is None:
        rise = first_rise(without_zero.losses)
        if rise is None:
            sentences.append(Sentence("accumulation.outcome.never_rose",
                                      {"steps": len(without_zero.losses)}))
        else:
            sentences.append(Sentence("accumulation.outcome.rose", {"step": rise}))
    if both_finished:
        w, wo = with_zero.losses[-1], without_zero.losses[-1]
        if wo < w:
            sentences.append(Sentence("accumulation.outcome.without_lower",
                                      {"with_": w, "without": wo}))
        elif w < wo:
            sentences.append(Sentence("accumulation.outcome.with_lower",
                                      {"with_": w, "without": wo}))
    elif with_zero.diverged_at is not None and without_zero.diverged_at is None:
        sentences.append(Sentence("accumulation.outcome.only_with_diverged",
                                  {"lrh": with_zero.lr * TRAIN_CURVATURE}))
    return sentences


# --- ① ResNet -------------------------------------------------------------------------


def resnet_loss(result: TrainingResult) -> list[Sentence]:
    """How the loss moved over the steps, or at which step it overflowed."""
    step = result.overflow_step
    if step is not None:
        return [Sentence("resnet.diverged", {"step": step})]
    losses = result.losses
    sentences = [Sentence("resnet.loss_falls")]
    if len(losses) == 2:
        key = "resnet.loss_one_down" if losses[1] < losses[0] else "resnet.loss_one_up"
        sentences.append(Sentence(key, {"before": losses[0], "after": losses[1]}))
        return sentences
    drops = [before - after for before, after in zip(losses, losses[1:], strict=False)]
    rose = next((i + 1 for i, d in enumerate(drops) if d <= 0), None)
    if rose is not None:
        sentences.append(Sentence("resnet.loss_rose_at", {"step": rose}))
    elif all(later > earlier for earlier, later in zip(drops, drops[1:], strict=False)):
        sentences.append(Sentence("resnet.loss_all_down_faster", {"steps": len(drops)}))
    else:
        sentences.append(Sentence("resnet.loss_all_down", {"steps": len(drops)}))
    return sentences


def resnet_loss_start(result: TrainingResult) -> Sentence:
    """Why the loss starts where it does: sum(prediction) − sum(labels) before any
    step. Random labels add up to about 500, so it starts negative unless the
    outputs add up to more (pretrained weights could); either way it has no floor."""
    outputs = result.losses[0] + result.labels_sum
    key = "resnet.loss_unbounded" if result.losses[0] < 0 else "resnet.loss_unbounded_positive"
    return Sentence(key, {"outputs": outputs, "labels": result.labels_sum}, digits=4)


def resnet_move(result: TrainingResult) -> Sentence:
    """How far the layer that moved most moved, or why that cannot be measured."""
    layer = result.most_moved_layer
    if result.overflow_step is not None or layer is None:
        return Sentence("resnet.move_caption_overflow")
    return Sentence("resnet.move_caption", {"lr": result.lr, "steps": result.steps,
                                            "layer": layer,
                                            "percent": 100 * result.largest_relative_change},
                    digits=3)


def resnet_top_random(result: TrainingResult) -> Sentence:
    """Random weights: the top five probabilities against the uniform 1/1000."""
    probabilities = [p for _, p in result.top_classes]
    low, high = min(probabilities), max(probabilities)
    return Sentence("resnet.top_random", {"low": 100 * low, "high": 100 * high,
                                          "ratio_low": 1000 * low, "ratio_high": 1000 * high},
                    digits=3)


def two_digits(value: float) -> float:
    """``value`` to two significant digits (4232 → 4200): a timing ratio that
    swings from load to load is not worth more."""
    return float(f"{value:.2g}") if math.isfinite(value) and value else value


def resnet_speed(result: FinetuneResult) -> Sentence:
    """Whether freezing made backward() faster: the median of the repeats, with their range."""
    low, high = result.speedup_range
    if result.speedup > 1:
        return Sentence("resnet.finetune_speed",
                        {"speedup": two_digits(result.speedup), "repeats": result.repeats,
                         "low": two_digits(low), "high": two_digits(high)}, digits=3)
    return Sentence("resnet.finetune_no_speedup", {"speedup": result.speedup}, digits=3)
