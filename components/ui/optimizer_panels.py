"""Streamlit pieces of the optimizer lesson: cached runs, metrics, the update
rule with numbers, divergence notes and the table of every step."""

from __future__ import annotations

import streamlit as st

from components.core import optimizer as core
from components.numbers import format_number
from components.ui import outcomes
from components.ui.i18n import t
from components.ui.layout import check_mark, equation, table
from components.ui.memo import shared
from components.ui.schema import A1


# cache_resource: the frozen result itself, not an unpickled copy per rerun.
@shared(maxsize=512)
def cached_comparison(objective: str, a: tuple, b: tuple, lr: float, momentum: float,
                      steps: int) -> core.MomentumComparison:
    """Both SGD runs, keyed by the plain control values (shared by all sessions)."""
    return core.compare_momentum(objective, a, b, lr, momentum, steps)


MAP_MARGIN = 0.5  # the map reaches a little past the sliders, so a start at ±3 is visible


@shared(maxsize=4)
def cached_grid(objective: str) -> core.LandscapeGrid:
    """The contour grid of a landscape over the a sliders' range: once per landscape."""
    return core.landscape_grid(objective, A1.low - MAP_MARGIN, A1.high + MAP_MARGIN)


def objective_latex(objective: str) -> str:
    """The loss formula, with the core's constants."""
    if objective == "q":
        return r"\text{loss} = \texttt{Q.sum()} = \sum_i \left(3a_i^3 - b_i^2\right)"
    if objective == "valley":
        return (rf"\text{{loss}} = {format_number(core.VALLEY_FLOOR)}\,(a_1 + a_2)^2 + "
                rf"{format_number(core.VALLEY_WALL)}\,(a_1 - a_2)^2")
    return (rf"\text{{loss}} = (1 + a_1)^2 + {format_number(core.ROSENBROCK_STEEPNESS)}\,"
            r"(a_2 - a_1^2)^2")


def run_name(momentum: float, lang: str) -> str:
    return t("optimizer.run_momentum", lang, value=format_number(momentum)) if momentum \
        else t("optimizer.run_plain", lang)


def first_step_panel(comparison: core.MomentumComparison, lang: str) -> None:
    """Loss before and after the first optim.step(), and why momentum can't change it."""
    chosen, plain = comparison.with_momentum, comparison.plain
    before = chosen.losses[0]
    after = chosen.losses[1] if chosen.finite_steps else chosen.stop_value
    col_before, col_after, col_plain = st.columns(3)
    col_before.metric(t("optimizer.metric_before", lang), format_number(before))
    col_after.metric(t("optimizer.metric_after", lang), format_number(after),
                     delta=format_number(after - before) if chosen.finite_steps else None,
                     delta_color="inverse")
    if chosen is not plain:
        plain_after = plain.losses[1] if plain.finite_steps else plain.stop_value
        col_plain.metric(t("optimizer.metric_plain", lang), format_number(plain_after))
    for sentence in outcomes.first_step(comparison):
        st.markdown(outcomes.say(sentence, lang))
    if not chosen.finite_steps:
        return
    if chosen is plain:
        st.markdown(t("optimizer.first_plain", lang))
    else:
        st.markdown(t("optimizer.first_same", lang, value=format_number(after),
                      same=check_mark(bool(comparison.first_step_identical))))


def final_metrics(comparison: core.MomentumComparison, lang: str) -> None:
    """Where each run ended: its last finite loss, or the step it blew up at."""
    runs = [comparison.with_momentum]
    if comparison.plain is not comparison.with_momentum:
        runs.append(comparison.plain)
    for column, run in zip(st.columns(len(runs) + 1), runs, strict=False):
        name = run_name(run.momentum, lang)
        if run.diverged:
            column.metric(t("optimizer.metric_stopped", lang, name=name, step=run.diverged_at),
                          format_number(run.stop_value))
        else:
            column.metric(t("optimizer.metric_final", lang, name=name, steps=run.finite_steps),
                          format_number(run.losses[-1]))


def divergence_notes(comparison: core.MomentumComparison, lang: str) -> None:
    """One red box per diverged (or diverging) run, then why, from the computed runs."""
    alarms = outcomes.divergence(comparison)
    for alarm in alarms:
        icon = ":material/trending_up:" if alarm.key == "optimizer.growing" \
            else ":material/trending_down:"
        st.error(outcomes.say(alarm, lang), icon=icon)
    reasons = outcomes.why(comparison)
    if not reasons:
        return
    if alarms:
        st.markdown("  \n".join(outcomes.say(s, lang) for s in reasons))
    else:
        st.info(outcomes.say_all(reasons, lang), icon=":material/all_inclusive:")


def map_caption(comparison: core.MomentumComparison, lang: str) -> str:
    """What the map shows for these runs, one line per finding."""
    low, high = A1.low - MAP_MARGIN, A1.high + MAP_MARGIN
    return "  \n".join(outcomes.say(s, lang)
                       for s in outcomes.map_caption(comparison, low, high))


def curve_caption(comparison: core.MomentumComparison, lang: str) -> str:
    """The loss chart's caption, with where the two curves part (if they do)."""
    momentum = comparison.with_momentum.momentum
    text = t("optimizer.curve_caption" if momentum else "optimizer.curve_caption_plain", lang)
    parts = outcomes.curve_parts(comparison)
    return text if parts is None else f"{text} {outcomes.say(parts, lang)}"


def _latex_number(value: float) -> str:
    text = format_number(value)
    if "e" in text:
        head, exponent = text.split("e")
        text = rf"{head}\times10^{{{int(exponent)}}}"
    return text


def _wrapped(value: float) -> str:
    text = _latex_number(value)
    return f"({text})" if text.startswith("-") else text


def update_rule_panel(run: core.SGDRun, lang: str) -> None:
    """buf ← μ·buf + g; p ← p − lr·buf with this page's numbers for the first element,
    then the same step for every element against what torch.optim.SGD did."""
    equation(r"\mathrm{buf} \leftarrow \mu\, \mathrm{buf} + g \qquad\qquad "
             r"p \leftarrow p - \mathrm{lr}\cdot \mathrm{buf}", lang)
    if not run.finite_steps:
        st.markdown(t("optimizer.rule_none", lang))
        return
    lr, mu = _latex_number(run.lr), _latex_number(run.momentum)
    first = core.step_breakdown(run, 1)
    name = run.names[0]
    if run.momentum == 0:
        st.markdown(t("optimizer.rule_plain", lang, name=name))
    else:
        st.markdown(t("optimizer.rule_step1", lang, name=name))
    g1, p1 = _latex_number(first.grad[0]), _latex_number(first.p_before[0])
    equation(rf"\mathrm{{buf}} = g = {g1} \qquad p = {p1} - {lr}\times{_wrapped(first.grad[0])} = "
             rf"{_latex_number(first.p_hand[0])}", lang)
    shown = first
    if run.momentum != 0 and run.finite_steps >= 2:
        second = core.step_breakdown(run, 2)
        st.markdown(t("optimizer.rule_step2", lang, name=name))
        v_old, g2 = _wrapped(second.v_before[0]), _wrapped(second.grad[0])
        equation(rf"\mathrm{{buf}} = {mu}\times{v_old} + {g2} = {_latex_number(second.v_hand[0])}"
                 rf"\qquad p = {_latex_number(second.p_before[0])} - {lr}\times"
                 rf"{_wrapped(second.v_hand[0])} = {_latex_number(second.p_hand[0])}", lang)
        shown = second
    st.markdown(f"**{t('optimizer.rule_table_title', lang, step=shown.step)}**")
    table(step_table(shown, lang), lang)
    st.caption(t("optimizer.rule_check_caption", lang))


def step_table(breakdown: core.StepBreakdown, lang: str) -> str:
    """Markdown table: p, g, previous buf, buf and p by hand and by torch, check."""
    header = (
        f"| {t('optimizer.col_element', lang)} | p | g = p.grad | "
        f"{t('optimizer.col_v_before', lang)} | buf ({t('optimizer.col_hand', lang)}) | "
        f"buf (optimizer.state) | p − lr·buf ({t('optimizer.col_hand', lang)}) | "
        f"p ({t('optimizer.col_torch', lang)}) | {t('optimizer.col_check', lang)} |"
    )
    rows = [header, "|:-:|--:|--:|--:|--:|--:|--:|--:|:-:|"]
    for i, name in enumerate(breakdown.names):
        word = t("common.match" if breakdown.close[i] else "common.mismatch", lang)
        rows.append(
            f"| `{name}` | {format_number(breakdown.p_before[i])} | "
            f"{format_number(breakdown.grad[i])} | {format_number(breakdown.v_before[i])} | "
            f"{format_number(breakdown.v_hand[i])} | {format_number(breakdown.v_torch[i])} | "
            f"{format_number(breakdown.p_hand[i])} | **{format_number(breakdown.p_torch[i])}** | "
            f"{check_mark(breakdown.close[i])} {word} |"
        )
    return "\n".join(rows)


def every_step_table(run: core.SGDRun, lang: str) -> None:
    """The whole record of one run: loss, parameters, gradients and buffers per step."""
    step_col, loss_col = t("optimizer.col_step", lang), t("optimizer.col_loss", lang)
    columns: dict[str, list] = {step_col: list(range(run.finite_steps + 1)),
                                loss_col: [format_number(v) for v in run.losses]}
    for i, name in enumerate(run.names):
        columns[name] = [format_number(p[i]) for p in run.params]
    for i, name in enumerate(run.names):
        columns[f"grad {name}"] = ["–"] + [format_number(g[i]) for g in run.grads]
    if run.buffers:
        for i, name in enumerate(run.names):
            columns[f"buf {name}"] = ["–"] + [format_number(v[i]) for v in run.buffers]
    # Numbers are formatted for people (strings), so align them right by hand.
    right = {name: st.column_config.TextColumn(alignment="right") for name in columns}
    st.dataframe(columns, hide_index=True, column_config=right,
                 height=min(38 + 35 * (run.finite_steps + 1), 420))
    st.caption(t("optimizer.table_caption", lang))
