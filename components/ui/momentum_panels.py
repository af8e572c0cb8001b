"""Streamlit pieces of the optimizer lesson's theory section (Goh's momentum
analysis next to the real run): curvatures, predicted vs measured rate, the
α–μ map whose cells set lr and momentum, and the notes on its limits."""

from __future__ import annotations

import streamlit as st

from components.charts.momentum_map import map_figure, selected_cell
from components.charts.style import PRESENT_SCALE, scaled
from components.core import momentum_theory as theory
from components.core.optimizer import SGDRun
from components.numbers import format_number
from components.ui.chart_text import rate_map_text
from components.ui.i18n import t
from components.ui.layout import chart_data, equation
from components.ui.memo import shared
from components.ui.panels import labels_for
from components.ui.ready_figure import ready
from components.ui.schema import A1, A2, LR, LR_CHOICES, MOMENTUM, PRESENT, coerce, format_value

MAP_KEY = "rate_map"
FASTEST_KEY = "fastest_cell"
# "Choose a cell" form: a tap on a touch screen does not select a plotly point
# (plotly only selects on a click it has hovered first), so phones need this path.
PICK_LR_KEY, PICK_MU_KEY, PICK_GO_KEY = "map_pick_lr", "map_pick_mu", "map_pick_go"
# The map and the 50-step race start where the tutorial's sliders start.
MAP_START = (A1.default, A2.default)


@shared(maxsize=None)
def cached_curvatures() -> theory.Curvatures:
    """The valley's Hessian and eigenvalues: the same for every session."""
    return theory.valley_curvatures()


@shared(maxsize=None)
def cached_rate_map(lrs: tuple, start: tuple) -> theory.RateMap:
    """306 real SGD runs (9 lr options × 34 momenta, 200 steps): once per process."""
    return theory.rate_map(lrs, start)


@shared(maxsize=None)
def cached_short_race(start: tuple) -> theory.ShortRace:
    """Real 50-step runs at α* over a momentum grid: once per process."""
    return theory.short_race(start)


@shared(maxsize=128)
def cached_map_figure(lrs: tuple, start: tuple, lang: str, lr: float, momentum: float):
    """The map for one language and current (lr, momentum), shared by sessions.

    Building the 306-cell figure (plotly validates every trace) cost more than
    the lesson's own run; a shared figure is safe because nothing mutates it
    after this: ``st.plotly_chart`` only reads a Figure (``to_dict``).
    """
    return map_figure(cached_rate_map(lrs, start), (lr, momentum),
                      labels_for("optimizer.chart.theory", lang))



@shared(maxsize=128)
def cached_map_text(lrs: tuple, start: tuple, lang: str, lr: float, momentum: float):
    """The map's text alternative (every cell in words), built once per setting."""
    return rate_map_text(cached_rate_map(lrs, start), (lr, momentum), lang)


def rate_text(rate: float | None) -> str:
    """A rate with 4 significant digits, trailing zeros kept (0.9900, 1.147)."""
    if rate is None:
        return "–"
    return f"{rate:#.4g}".rstrip(".")


def _set_lr_momentum(lr: float, momentum: float) -> None:
    """Put a map cell into the lr and momentum controls (snapped to their grids)
    and the URL. Runs as a callback, before the sliders are drawn again."""
    for control, value in ((LR, lr), (MOMENTUM, momentum)):
        fitted = coerce(control, value).value
        st.session_state[control.name] = fitted
        st.query_params[control.name] = format_value(control, fitted)


def _on_map_select() -> None:
    event = st.session_state.get(MAP_KEY) or {}
    cell = selected_cell(event.get("selection"))
    if cell is not None:
        _set_lr_momentum(*cell)


def _curvature_block(curvatures: theory.Curvatures, lang: str) -> None:
    (h11, h12), (h21, h22) = (tuple(format_number(v) for v in row) for row in curvatures.hessian)
    low, high = (format_number(v) for v in curvatures.eigenvalues)
    st.markdown(t("optimizer.theory.intro", lang))
    # Two short formulas rather than one wide one: a phone shows each whole.
    equation(rf"H = \nabla^2 \text{{loss}} = \begin{{pmatrix}} {h11} & {h12} \\ {h21} & {h22}"
             rf"\end{{pmatrix}}", lang)
    equation(rf"\lambda_1 = {low}, \ \lambda_2 = {high}, \ "
             rf"\kappa = \lambda_2/\lambda_1 = {format_number(curvatures.condition)}", lang)
    st.caption(t("optimizer.theory.hessian_caption", lang, low=low, high=high))


def _rate_block(report: theory.RateReport, lang: str) -> None:
    lr, mu = format_number(report.lr), format_number(report.momentum)
    st.markdown(t("optimizer.theory.matrix_text", lang))
    equation(rf"\begin{{pmatrix}} \mathrm{{buf}}' \\ x' \end{{pmatrix}} = "
             rf"\begin{{pmatrix}} \mu & \lambda \\ -\alpha\mu & 1-\alpha\lambda \end{{pmatrix}}"
             rf"\begin{{pmatrix}} \mathrm{{buf}} \\ x \end{{pmatrix}}, \qquad "
             rf"\alpha = {lr},\ \mu = {mu}", lang)
    low, high = (format_number(v) for v in report.eigenvalues)
    r1, r2 = (rate_text(v) for v in report.mode_rates)
    equation(rf"\rho(\lambda_1{{=}}{low}) = {r1}, \quad \rho(\lambda_2{{=}}{high}) = {r2}"
             rf"\quad\Rightarrow\quad \rho = \max = {rate_text(report.predicted)}", lang)
    m = report.measurement
    # Two by two: four metrics side by side truncate their labels beside the sidebar.
    col_p, col_m = st.columns(2)
    col_t, col_r = st.columns(2)
    col_p.metric(t("optimizer.theory.metric_predicted", lang), rate_text(report.predicted))
    col_m.metric(t("optimizer.theory.metric_measured", lang, first=m.first, last=m.last)
                 if m.rate is not None else t("optimizer.theory.metric_measured_none", lang),
                 rate_text(m.rate))
    col_t.metric(t("optimizer.theory.metric_steps_theory", lang),
                 str(report.steps_theory) if report.steps_theory is not None else "∞")
    col_r.metric(t("optimizer.theory.metric_steps_run", lang),
                 str(report.steps_run) if report.steps_run is not None else "–")
    st.markdown(_status_sentence(report, lang))
    st.markdown(_steps_sentence(report, lang))


def _status_sentence(report: theory.RateReport, lang: str) -> str:
    m = report.measurement
    values = dict(predicted=rate_text(report.predicted), measured=rate_text(m.rate),
                  first=m.first, last=m.last, steps=report.run_steps)
    if report.status == "diverges":
        lam_max = report.eigenvalues[1]
        values.update(product=format_number(report.lr * lam_max),
                      bound=format_number(2 + 2 * report.momentum),
                      boundary=format_number(report.boundary_lr))
        parts = [t("optimizer.theory.status.diverges", lang, **values)]
        if m.rate is not None:
            parts.append(t("optimizer.theory.status.grows", lang, **values))
        if report.run_diverged:
            parts.append(t("optimizer.theory.status.overflowed", lang, steps=report.run_steps))
        return " ".join(parts)
    if report.status == "settled":
        gap = abs(m.rate / report.predicted - 1) * 100
        return t("optimizer.theory.status.settled", lang, gap=format_number(gap, 2), **values)
    if report.status == "unsettled":
        reason = "optimizer.theory.reason." + report.unsettled_reason()
        r1, r2 = (rate_text(v) for v in report.mode_rates)
        own = rate_text(report.mode_rates[report.moving()[0]]) if report.moving() else ""
        return (t("optimizer.theory.status.unsettled", lang,
                  window=rate_text(report.window_theory), **values)
                + " " + t(reason, lang, r1=r1, r2=r2, rate=own))
    return t(f"optimizer.theory.status.{report.status}", lang, **values)


def _steps_sentence(report: theory.RateReport, lang: str) -> str:
    if report.steps_theory is None:
        return t("optimizer.theory.steps.never", lang)
    theory_part = t("optimizer.theory.steps.theory", lang, steps=report.steps_theory,
                    rate=rate_text(report.predicted))
    if report.status == "at_minimum":
        return theory_part
    if report.steps_run is not None:
        return theory_part + " " + t("optimizer.theory.steps.run", lang, step=report.steps_run)
    if report.shrunk is None or report.shrunk < 1:
        return theory_part + " " + t("optimizer.theory.steps.run_grew", lang,
                                     steps=report.run_steps)
    return theory_part + " " + t("optimizer.theory.steps.run_not", lang, steps=report.run_steps,
                                 shrunk=format_number(report.shrunk, 3))


def _map_block(rates: theory.RateMap, lr: float, momentum: float, lang: str) -> None:
    st.markdown(t("optimizer.theory.map_text", lang, steps=rates.steps,
                  cells=len(rates.lrs) * len(rates.momenta), count=len(rates.momenta),
                  a1=format_number(rates.start[0]), a2=format_number(rates.start[1])))
    figure = cached_map_figure(rates.lrs, rates.start, lang, lr, momentum)
    if st.session_state.get(PRESENT.name):  # as layout.chart: read from the back row
        figure = scaled(figure, PRESENT_SCALE)
    text = cached_map_text(rates.lrs, rates.start, lang, lr, momentum)
    st.plotly_chart(ready(figure), key=MAP_KEY, on_select=_on_map_select, selection_mode="points",
                    config={"displayModeBar": False, "responsive": True}, alt=text.summary)
    chart_data(text, f"{MAP_KEY}_data")
    best = rates.optimum
    nearest = coerce(LR, best.lr).value
    beyond = nearest >= theory.boundary_lr(best.momentum, rates.curvatures)
    st.caption(t("optimizer.theory.map_caption", lang, lr=format_number(best.lr),
                 mu=format_number(best.momentum), rate=rate_text(best.rate)) + " "
               + t("optimizer.theory.map_nearest_" + ("diverges" if beyond else "converges"),
                   lang, nearest=format_number(nearest), mu=format_number(best.momentum)))
    _pick_form(rates, lr, momentum, lang)
    fastest = theory.fastest_cell(rates)
    if fastest is not None:
        f_lr, f_mu, f_rate = fastest
        st.button(t("optimizer.theory.fastest_button", lang, lr=format_number(f_lr),
                    mu=format_number(f_mu), rate=rate_text(f_rate)),
                  key=FASTEST_KEY, on_click=_set_lr_momentum, args=(f_lr, f_mu),
                  icon=":material/bolt:")


def _pick_form(rates: theory.RateMap, lr: float, momentum: float, lang: str) -> None:
    """Two pickers over the map's own grid and a button that applies them."""
    # Seed the pickers once with the cell nearest to the current setting; after
    # that they keep what the student chose (setting state before drawing is allowed).
    st.session_state.setdefault(PICK_LR_KEY, coerce(LR, lr).value)
    st.session_state.setdefault(PICK_MU_KEY, min(rates.momenta, key=lambda m: abs(m - momentum)))
    with st.expander(t("optimizer.theory.pick_title", lang), icon=":material/touch_app:"):
        col_lr, col_mu = st.columns(2)
        pick_lr = col_lr.select_slider(t("optimizer.theory.pick_lr", lang), options=rates.lrs,
                                       format_func=format_number, key=PICK_LR_KEY)
        pick_mu = col_mu.select_slider(t("optimizer.theory.pick_mu", lang), options=rates.momenta,
                                       format_func=format_number, key=PICK_MU_KEY)
        st.button(t("optimizer.theory.pick_go", lang, lr=format_number(pick_lr),
                    mu=format_number(pick_mu)),
                  key=PICK_GO_KEY, on_click=_set_lr_momentum, args=(pick_lr, pick_mu))


def _limits_block(race: theory.ShortRace, lang: str) -> None:
    st.markdown(t("optimizer.theory.limits_title", lang))
    if race.best_distance < race.optimum_distance:
        st.markdown(t("optimizer.theory.race", lang, steps=race.steps,
                      a1=format_number(MAP_START[0]), a2=format_number(MAP_START[1]),
                      lr=format_number(race.optimum.lr), mu_star=format_number(race.optimum.momentum),
                      d_star=format_number(race.optimum_distance, 3),
                      mu=format_number(race.best_momentum), d=format_number(race.best_distance, 3),
                      rate=rate_text(race.best_rate), rate_star=rate_text(race.optimum.rate)))
    else:
        st.markdown(t("optimizer.theory.race_optimum_wins", lang, steps=race.steps,
                      d_star=format_number(race.optimum_distance, 3)))
    st.markdown(t("optimizer.theory.noise", lang))


def theory_section(objective: str, run: SGDRun, start: tuple, lang: str) -> None:
    """The whole theory section for ``objective``; on Q and Rosenbrock one
    sentence saying why the quadratic theory does not apply there."""
    st.header(t("optimizer.theory.title", lang))
    if objective != theory.OBJECTIVE:
        st.markdown(t(f"optimizer.theory.not.{objective}", lang))
        return
    curvatures = cached_curvatures()
    _curvature_block(curvatures, lang)
    _rate_block(theory.rate_report(run, start, curvatures), lang)
    with st.spinner(t("optimizer.theory.map_spinner", lang)):
        rates = cached_rate_map(tuple(LR_CHOICES), MAP_START)
        race = cached_short_race(MAP_START)
    st.markdown(f"**{t('optimizer.theory.map_title', lang)}**")
    _map_block(rates, run.lr, run.momentum, lang)
    _limits_block(race, lang)
