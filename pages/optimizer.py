"""Lesson ④: torch.optim.SGD, the learning rate and momentum, step by step."""

import streamlit as st

from components.core.optimizer import LANDSCAPES
from components.core.optimizer_snippet import optimizer_snippet
from components.numbers import format_number
from components.ui.controls import control_group, control_widget
from components.ui.i18n import t
from components.ui.layout import chart, code_panel, end_page, equation, start_page
from components.ui.momentum_panels import theory_section
from components.ui.optimizer_live import live_figures, live_sliders
from components.ui.optimizer_panels import (
    cached_comparison,
    curve_caption,
    divergence_notes,
    every_step_table,
    final_metrics,
    first_step_panel,
    map_caption,
    objective_latex,
    run_name,
    update_rule_panel,
)
from components.ui.panels import go_deeper, labels_for
from components.ui.predict import predict_mode
from components.ui.predict_questions import optimizer_checkpoints
from components.ui.shared_charts import optimizer_chart

state = start_page("optimizer")
lang = state.lang
st.markdown(t("optimizer.intro", lang))
predict = predict_mode(state)

col_objective, col_start, col_optim = st.columns([1.3, 1, 1], gap="large")
with col_objective:
    st.markdown(f"**{t('optimizer.controls_objective', lang)}**")
    objective = control_widget(state, "objective")
    equation(objective_latex(objective), lang)
    st.caption(t(f"optimizer.objective_caption.{objective}", lang))
on_landscape = objective in LANDSCAPES
with col_start:
    st.markdown(f"**{t('optimizer.controls_start', lang)}**")
    control_widget(state, "a1")
    control_widget(state, "a2")
    if on_landscape:
        # b is not a parameter here; its widgets stay hidden but keep their URL values.
        st.caption(t("optimizer.b_unused", lang, b1=format_number(state["b1"]),
                     b2=format_number(state["b2"])))
    else:
        control_widget(state, "b1")
        control_widget(state, "b2")
with col_optim:
    control_group(state, t("optimizer.controls_optim", lang), ("steps",))

# One control per value: momentum and lr each with the figure that follows its drag
# right under it (the figures wait for predict mode's reveals, below). A bold label
# like the control groups above, not a header: the figures start on the first screen.
st.markdown(f"**{t('optimizer.live_title', lang)}**")
live_places = live_sliders(state)

a = (state["a1"], state["a2"])
b = (state["b1"], state["b2"]) if not on_landscape else (0.0, 0.0)
lr, momentum, steps = state["lr"], state["momentum"], state["steps"]
comparison = cached_comparison(objective, a, b, lr, momentum, steps)
run = comparison.with_momentum
predict.ask(optimizer_checkpoints, objective, a, b, lr, momentum)
# Everything below shows the first step: in predict mode it waits for the reveals.
predict.stop_unless_revealed("a1_after_step", "momentum_first_loss")

# The drag figures first: the picture that teaches momentum is on the first screen.
live_figures(state, live_places)
st.markdown(t("optimizer.live_intro", lang, steps=steps))
st.caption(t("optimizer.live_how", lang))

st.header(t("optimizer.first_title", lang))
first_step_panel(comparison, lang)

st.header(t("optimizer.curve_title", lang, steps=steps))
# Built once per input (shared_charts): plain values, not the result, are the key.
inputs = (objective, a, b, lr, momentum, steps, lang)
figure, text = optimizer_chart("loss", *inputs)
chart(figure, key="loss_chart", text=text)
st.caption(curve_caption(comparison, lang))
final_metrics(comparison, lang)
divergence_notes(comparison, lang)

if on_landscape:
    st.header(t("optimizer.map_title", lang))
    # Full width: the map is the picture that teaches momentum.
    figure, text = optimizer_chart("map", *inputs)
    chart(figure, key="map_chart", text=text)
    st.markdown(map_caption(comparison, lang))
else:
    st.header(t("optimizer.params_title", lang))
    figure, text = optimizer_chart("params", *inputs)
    chart(figure, key="params_chart", text=text)
    st.caption(t("optimizer.params_caption", lang))

st.header(t("optimizer.rule_title", lang))
st.markdown(t("optimizer.rule_text", lang))
update_rule_panel(run, lang)

# Lazy: the table (a canvas data grid) is built and sent only while it is open.
table = st.expander(t("optimizer.table_title", lang, name=run_name(momentum, lang)),
                    key="every_step_table", on_change="rerun")
if table.open:
    with table:
        every_step_table(run, lang)

# Goh's momentum analysis beside the run (on Q and Rosenbrock: why it does not apply):
# for a second reading, closed until opened. Lazy, like the table above: built only
# while open (it was a quarter of every rerun of ④, for everyone who never opens it).
theory = go_deeper(t("optimizer.theory.title", lang), lang, key="optimizer_theory", lazy=True)
if theory.open:
    with theory:
        theory_section(objective, run, a, lang)

code_panel(optimizer_snippet(objective, a, b, lr, momentum, steps,
                             notes=labels_for("optimizer.code", lang)), lang)
predict.summary()
end_page(state)
