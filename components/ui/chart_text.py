"""Text alternatives of the charts (issue #18): a one- or two-sentence summary
a screen reader reads as the chart's name, and every value as a table.

Each builder takes the same plain data its figure builder draws (the core's
dataclasses of floats) and returns a ``ChartText``; ``layout.chart`` puts the
summary on the chart (its accessible name) and the table in a collapsed
expander right after it. Pure functions: the tests compare their numbers with
the figures' own data.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from components.charts.class_spread import bin_counts, histogram_bins
from components.numbers import format_number
from components.ui.i18n import t

MISSING = "–"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#+!|~$])")


def _stop_kind(run) -> str:
    # Imported here, not at the top: layout imports this module, and torch
    # (under core.optimizer) must not hold up a page's title (issue #24).
    from components.core import optimizer as opt

    return opt.stop_kind(run)


@dataclass(frozen=True)
class ChartText:
    """``label``: the expander's title; ``summary``: what the chart shows, with
    its key numbers; ``columns`` and ``rows``: every value, formatted for people."""

    label: str
    summary: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def table(self) -> dict[str, list[str]]:
        """The rows as ``{column: values}`` (the shape ``st.table`` takes)."""
        return {column: [row[i] for row in self.rows] for i, column in enumerate(self.columns)}


def markdown_escaped(text: str) -> str:
    """``text`` with every markdown (and ``$`` math) character backslash-escaped,
    so a summary such as ``optim.zero_grad()`` renders exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _text(name: str, summary: str, columns, rows, lang: str) -> ChartText:
    return ChartText(t("charttext.expander", lang, name=name), summary, tuple(columns),
                     tuple(tuple(row) for row in rows))


def _n(value) -> str:
    return format_number(value)


def _series(values) -> str:
    return ", ".join(_n(v) for v in values)


def _finite(values) -> list[float]:
    return [v for v in values if v is not None and math.isfinite(v)]


def _cell(values, index: int) -> str:
    return _n(values[index]) if index < len(values) else MISSING


# ── ③ accumulation ──────────────────────────────────────────────────────────

def history_text(accumulated, zeroed, tensor: str, lang: str) -> ChartText:
    """``tensor``.grad after every call, accumulating and reset (history_figure)."""
    def grads(run):
        return run.a_grads if tensor == "a" else run.b_grads

    acc, zero = grads(accumulated), grads(zeroed)
    summary = t("charttext.history.summary", lang, tensor=tensor, calls=len(acc),
                acc0=_series(g[0] for g in acc), acc1=_series(g[1] for g in acc),
                zero0=_series(g[0] for g in zero), zero1=_series(g[1] for g in zero))
    columns = [t("charttext.history.call", lang)] + [
        t(f"charttext.history.col_{run}", lang, tensor=tensor, i=i)
        for run in ("acc", "zero") for i in (0, 1)]
    rows = [[str(k + 1), _n(acc[k][0]), _n(acc[k][1]), _n(zero[k][0]), _n(zero[k][1])]
            for k in range(len(acc))]
    return _text(t("charttext.history.name", lang, tensor=tensor), summary, columns, rows, lang)


def _training_phrase(run, lang: str) -> str:
    losses = run.losses
    if run.diverged_at is not None:
        return t("charttext.training.diverged", lang, step=run.diverged_at,
                 last=_n(losses[-1]) if losses else MISSING)
    return t("charttext.training.ends", lang, first=_n(losses[0]), last=_n(losses[-1]),
             steps=len(losses), low=_n(min(losses)))


def training_text(with_zero, without_zero, steps: int, lang: str) -> ChartText:
    """Loss per SGD step with and without ``optim.zero_grad()`` (training_figure)."""
    summary = t("charttext.training.summary", lang, lr=_n(with_zero.lr),
                with_=_training_phrase(with_zero, lang),
                without=_training_phrase(without_zero, lang))
    columns = [t("charttext.training.step", lang), t("accumulation.chart.training.title_with", lang),
               t("accumulation.chart.training.title_without", lang)]
    rows = [[str(k + 1), _cell(with_zero.losses, k), _cell(without_zero.losses, k)]
            for k in range(steps)]
    return _text(t("charttext.training.name", lang), summary, columns, rows, lang)


# ── ④ optimizer ─────────────────────────────────────────────────────────────

def _run_name(run, lang: str) -> str:
    if run.momentum == 0:
        return t("charttext.run_plain", lang)
    return t("charttext.run_momentum", lang, value=_n(run.momentum))


def _runs(comparison) -> list:
    chosen, plain = comparison.with_momentum, comparison.plain
    return [chosen] if chosen is plain else [chosen, plain]


def _loss_phrase(run, lang: str) -> str:
    name = _run_name(run, lang)
    if run.diverged:
        # How it ended in words (never "∞" or "NaN" in a sentence: outcomes.py's rule).
        return t("charttext.loss.stopped", lang, name=name, step=run.diverged_at,
                 what=t(f"charttext.stop.{_stop_kind(run)}", lang),
                 last=_n(run.losses[-1]))
    losses = list(run.losses)
    lowest = min(range(len(losses)), key=losses.__getitem__)
    return t("charttext.loss.ends", lang, name=name, first=_n(losses[0]), last=_n(losses[-1]),
             steps=len(losses) - 1, low=_n(losses[lowest]), low_step=lowest)


def loss_text(comparison, lang: str) -> ChartText:
    """The loss after every ``optim.step()`` of both runs (loss_figure)."""
    runs = _runs(comparison)
    summary = t("charttext.loss.summary", lang,
                runs="; ".join(_loss_phrase(run, lang) for run in runs))
    if comparison.parts_at is not None:
        summary += " " + t("charttext.loss.parts", lang, step=comparison.parts_at)
    columns = [t("charttext.step", lang)] + [
        t("charttext.loss.col", lang, name=_run_name(run, lang)) for run in runs]
    longest = max(len(run.losses) for run in runs)
    rows = [[str(k)] + [_cell(run.losses, k) for run in runs] for k in range(longest)]
    return _text(t("charttext.loss.name", lang), summary, columns, rows, lang)


def _point(values) -> str:
    return "(" + ", ".join(_n(v) for v in values) + ")"


def _path_summary(runs, minimum, lang: str) -> str:
    """Where both runs start and end on the map, and where its minimum is."""
    ends = "; ".join(
        t("charttext.path.ends", lang, name=_run_name(run, lang), steps=len(run.params) - 1,
          point=_point(run.params[-1]), loss=_n(run.losses[-1]))
        + (" " + t("charttext.path.diverged", lang) if run.diverged else "")
        for run in runs)
    return t("charttext.path.summary", lang, start=_point(runs[0].params[0]),
             minimum=_point(minimum), ends=ends)


def path_text(comparison, minimum, lang: str) -> ChartText:
    """Both runs' paths over the landscape (contour_figure)."""
    runs = _runs(comparison)
    summary = _path_summary(runs, minimum, lang)
    columns = [t("charttext.step", lang)] + [
        f"{_run_name(run, lang)}: {name}" for run in runs for name in ("a₁", "a₂")]
    longest = max(len(run.params) for run in runs)
    rows = [[str(k)] + [_n(run.params[k][i]) if k < len(run.params) else MISSING
                        for run in runs for i in (0, 1)] for k in range(longest)]
    return _text(t("charttext.path.name", lang), summary, columns, rows, lang)


def live_summary(comparison, minimum, lang: str) -> str:
    """A drag slider frame of lesson ④ in words: the losses, and on a map the ends."""
    runs = _runs(comparison)
    text = t("charttext.loss.summary", lang,
             runs="; ".join(_loss_phrase(run, lang) for run in runs))
    if minimum is None:
        return text
    return text + " " + _path_summary(runs, minimum, lang)


def params_text(comparison, lang: str) -> ChartText:
    """a and b after every step of both runs (parameters_figure)."""
    runs = _runs(comparison)
    names = comparison.with_momentum.names
    ends = "; ".join(
        t("charttext.params.ends", lang, name=_run_name(run, lang), steps=len(run.params) - 1,
          values=", ".join(f"{n} = {_n(v)}" for n, v in zip(names, run.params[-1], strict=True)))
        + (" " + t("charttext.path.diverged", lang) if run.diverged else "")
        for run in runs)
    summary = t("charttext.params.summary", lang, start=", ".join(
        f"{n} = {_n(v)}" for n, v in zip(names, runs[0].params[0], strict=True)), ends=ends)
    columns = [t("charttext.step", lang)] + [
        f"{_run_name(run, lang)}: {name}" for run in runs for name in names]
    longest = max(len(run.params) for run in runs)
    rows = [[str(k)] + [_n(run.params[k][i]) if k < len(run.params) else MISSING
                        for run in runs for i in range(len(names))] for k in range(longest)]
    return _text(t("charttext.params.name", lang), summary, columns, rows, lang)


def rate_map_text(rates, current: tuple[float, float], lang: str) -> ChartText:
    """The measured rate of every (lr, momentum) cell of the α–μ map (map_figure)."""
    cells = len(rates.lrs) * len(rates.momenta)
    kinds = [[rates.kind(j, i) for i in range(len(rates.lrs))] for j in range(len(rates.momenta))]
    blew = sum(row.count("blew_up") for row in kinds)
    swung = sum(row.count("swing") for row in kinds)
    best = rates.optimum
    summary = t("charttext.map.summary", lang, cells=cells, steps=rates.steps, diverged=blew,
                swing=swung,
                lr=_n(best.lr), mu=_n(best.momentum), rate=_n(best.rate),
                cur_lr=_n(current[0]), cur_mu=_n(current[1]))
    columns = ["μ \\ lr"] + [_n(lr) for lr in rates.lrs]
    diverged = t("charttext.map.diverged", lang)
    rows = []
    for j, mu in enumerate(rates.momenta):
        row = [_n(mu)]
        for i in range(len(rates.lrs)):
            measured = rates.measured[j][i]
            kind = kinds[j][i]
            if kind == "blew_up":
                row.append(diverged)
            elif kind == "swing":
                row.append(t("charttext.map.swing", lang, measured=_n(measured)))
            elif kind == "unmeasured":
                row.append(MISSING)
            else:
                row.append(_n(measured))
        rows.append(row)
    return _text(t("charttext.map.name", lang), summary, columns, rows, lang)


# ── ② gradients ─────────────────────────────────────────────────────────────

def bars_text(result, tensor: str, lang: str) -> ChartText:
    """``tensor``.grad from autograd and by hand (gradient_bars_figure)."""
    grads, hand = ((result.a_grad, result.a_grad_analytic) if tensor == "a"
                   else (result.b_grad, result.b_grad_analytic))
    formula = "9a²·v" if tensor == "a" else "−2b·v"
    summary = t("charttext.bars.summary", lang, tensor=tensor, grads=_series(grads),
                formula=formula, hand=_series(hand))
    columns = [t("charttext.bars.element", lang), t("charttext.bars.autograd", lang),
               t("charttext.bars.hand", lang, formula=formula)]
    rows = [[f"{tensor}.grad[{i}]", _n(g), _n(h)]
            for i, (g, h) in enumerate(zip(grads, hand, strict=True))]
    return _text(f"{tensor}.grad", summary, columns, rows, lang)


# ── ⑤ expression ────────────────────────────────────────────────────────────

def expression_curve_text(curve, lang: str) -> ChartText:
    """f(a₁, b₁) over a₁ and autograd's tangent (curve_figure)."""
    finite = _finite(curve.ys)
    gaps = sum(1 for y in curve.ys if y is None)
    if math.isfinite(curve.y0) and math.isfinite(curve.slope):
        point = t("charttext.curve.point", lang, x0=_n(curve.x0), y0=_n(curve.y0),
                  slope=_n(curve.slope))
    else:
        point = t("charttext.curve.no_point", lang, x0=_n(curve.x0))
    summary = t("charttext.curve.summary", lang, low=_n(min(curve.xs)), high=_n(max(curve.xs)),
                point=point)
    if finite:
        summary += " " + t("charttext.curve.range", lang, low=_n(min(finite)), high=_n(max(finite)))
    if gaps:
        summary += " " + t("charttext.curve.gaps", lang, count=gaps)
    rows = [[_n(x), _n(y) if y is not None else MISSING]
            for x, y in zip(curve.xs, curve.ys, strict=True)]
    return _text(t("charttext.curve.name", lang), summary, ["a₁", "f(a₁, b₁)"], rows, lang)


# ── ① ResNet ────────────────────────────────────────────────────────────────

def _extreme_phrase(items, key: str, lang: str, unit: str = "") -> str:
    """"largest NAME VALUE, smallest NAME VALUE" over the finite values of ``items``."""
    finite = [(name, value) for name, value in items if value is not None and math.isfinite(value)]
    if not finite:
        return t("charttext.none_finite", lang)
    high = max(finite, key=lambda item: item[1])
    low = min(finite, key=lambda item: item[1])
    return t(key, lang, high_name=high[0], high=_n(high[1]) + unit, low_name=low[0],
             low=_n(low[1]) + unit)


def grad_norms_text(parameters, lang: str) -> ChartText:
    """‖p.grad‖ of every parameter tensor (gradient_norms_figure)."""
    extremes = _extreme_phrase([(p.name, p.grad_norm) for p in parameters],
                               "charttext.extremes", lang)
    summary = t("charttext.grads.summary", lang, count=len(parameters), extremes=extremes)
    columns = [t("charttext.grads.parameter", lang), t("charttext.grads.group", lang), "‖grad‖"]
    rows = [[p.name, p.group, _n(p.grad_norm)] for p in parameters]
    return _text(t("charttext.grads.name", lang), summary, columns, rows, lang)


def resnet_loss_text(losses, lang: str) -> ChartText:
    """The loss before any step and after each ``optim.step()`` (loss_curve_figure)."""
    finite = _finite(losses)
    if len(finite) < len(losses):
        first_bad = next(k for k, v in enumerate(losses) if not math.isfinite(v))
        summary = t("charttext.resnet_loss.overflow", lang, first=_n(losses[0]), step=first_bad)
    else:
        lowest = min(range(len(losses)), key=losses.__getitem__)
        summary = t("charttext.resnet_loss.summary", lang, first=_n(losses[0]),
                    last=_n(losses[-1]), steps=len(losses) - 1, low=_n(losses[lowest]),
                    low_step=lowest)
    columns = [t("charttext.resnet_loss.steps", lang), t("charttext.loss_word", lang)]
    rows = [[str(k), _n(v)] for k, v in enumerate(losses)]
    return _text(t("charttext.loss.name", lang), summary, columns, rows, lang)


def movement_text(groups, lang: str) -> ChartText:
    """Per layer: ‖ΔW‖/‖W‖ and the momentum buffer (layer_movement_figure)."""
    change = _extreme_phrase([(g.group, 100.0 * g.relative_change) for g in groups],
                             "charttext.extremes", lang, unit=" %")
    if all(g.buffer_norm is None for g in groups):
        buffers = t("charttext.move.no_buffer", lang)
    else:
        buffers = _extreme_phrase([(g.group, g.buffer_norm) for g in groups],
                                  "charttext.extremes", lang)
    summary = t("charttext.move.summary", lang, change=change, buffers=buffers)
    columns = [t("charttext.grads.group", lang), "‖ΔW‖/‖W‖ (%)", "‖ΔW‖",
               t("charttext.move.buffer", lang)]
    rows = [[g.group, _n(100.0 * g.relative_change), _n(g.change_norm),
             _n(g.buffer_norm) if g.buffer_norm is not None else MISSING] for g in groups]
    return _text(t("charttext.move.name", lang), summary, columns, rows, lang)


def backward_time_text(full_ms: float, frozen_ms: float, lang: str) -> ChartText:
    """Median ``loss.backward()`` times, whole network and frozen (backward_time_figure)."""
    full, frozen = t("resnet.chart.time.full", lang), t("resnet.chart.time.frozen", lang)
    summary = t("charttext.time.summary", lang, full_name=full, full=format_number(full_ms, 3),
                frozen_name=frozen, frozen=format_number(frozen_ms, 3))
    columns = [t("charttext.time.run", lang), t("charttext.time.ms", lang)]
    rows = [[full, format_number(full_ms, 3)], [frozen, format_number(frozen_ms, 3)]]
    return _text(t("charttext.time.name", lang), summary, columns, rows, lang)


# ── /class ──────────────────────────────────────────────────────────────────

def spread_text(guesses, right, answer, lang: str) -> ChartText:
    """The class's number guesses per bin (spread_figure); ``right`` and ``answer``
    None while the answer is hidden: then the text names neither."""
    columns = [t("charttext.spread.range", lang), t("class.chart_y", lang)]
    if not guesses:
        return _text(t("charttext.spread.name", lang), t("charttext.spread.empty", lang),
                     columns, [], lang)
    start, width, count = histogram_bins(list(guesses), answer)
    counts = bin_counts(list(guesses), start, width, count)
    ranges = [f"{_n(start + i * width)} – {_n(start + (i + 1) * width)}" for i in range(count)]
    top = max(range(count), key=counts.__getitem__)
    summary = t("charttext.spread.summary", lang, count=len(guesses), low=_n(min(guesses)),
                high=_n(max(guesses)), top=ranges[top], top_count=counts[top])
    # Every bar's count, as the numbers on the bars say it.
    summary += " " + t("charttext.spread.bars", lang, bars="; ".join(
        f"{ranges[i]}: {counts[i]}" for i in range(count) if counts[i]))
    rows = [[ranges[i], str(counts[i])] for i in range(count)]
    if right is not None and answer is not None:
        rights = bin_counts([g for g, ok in zip(guesses, right, strict=True) if ok],
                            start, width, count)
        summary += " " + t("charttext.spread.answer", lang, answer=_n(answer),
                           right=sum(right), wrong=len(right) - sum(right))
        columns.append(t("class.chart_right", lang))
        columns.append(t("class.chart_wrong", lang))
        rows = [row + [str(rights[i]), str(counts[i] - rights[i])] for i, row in enumerate(rows)]
    return _text(t("charttext.spread.name", lang), summary, columns, rows, lang)


def choice_text(counts, option_labels, right_index, lang: str) -> ChartText:
    """How many students picked each option (choice_figure)."""
    picks = "; ".join(f"{label}: {c}" for label, c in zip(option_labels, counts, strict=True))
    summary = t("charttext.choice.summary", lang, total=sum(counts), picks=picks)
    if right_index is not None:
        summary += " " + t("charttext.choice.right", lang, option=option_labels[right_index])
    rows = [[label + (" ✓" if i == right_index else ""), str(c)]
            for i, (label, c) in enumerate(zip(option_labels, counts, strict=True))]
    return _text(t("charttext.choice.name", lang), summary,
                 [t("charttext.choice.option", lang), t("class.chart_y", lang)], rows, lang)
