"""Lesson ③: repeated backward() calls add up in .grad; why training zeroes them."""

import streamlit as st

from components.core.accumulation import (
    DIVERGENCE_FACTOR,
    TRAIN_STEPS,
)
from components.core.accumulation_snippet import (
    accumulation_snippet,
    freed_graph_code,
    rebuild_code,
    retain_code,
)
from components.numbers import format_number, format_vector
from components.ui.accumulation_live import calls_figure
from components.ui.accumulation_panels import history_table, training_table, zeroing_table
from components.ui.controls import control_group, control_widget
from components.ui.i18n import t
from components.ui.layout import (
    chart,
    check_mark,
    code_panel,
    columns_unless_presenting,
    end_page,
    equation,
    fragment_unless_presenting,
    is_presenting,
    start_page,
    table,
)
from components.ui.outcomes import say_all, training_lesson
from components.ui.panels import go_deeper, labels_for
from components.ui.predict import predict_mode
from components.ui.predict_questions import accumulation_checkpoints
from components.ui.shared_charts import (
    freed_graph_demo,
    graph_modes_agree,
    histories,
    history_chart,
    training_chart,
    training_runs,
    zeroing_methods,
)

state = start_page("accumulation")
lang = state.lang
notes = labels_for("accumulation.code", lang)
st.markdown(t("accumulation.intro", lang))
predict = predict_mode(state)

col_a, col_b, col_calls = st.columns(3, gap="large")
with col_a:
    control_group(state, t("accumulation.controls_a", lang), ("a1", "a2"))
with col_b:
    control_group(state, t("accumulation.controls_b", lang), ("b1", "b2"))
with col_calls:
    st.markdown(f"**{t('accumulation.controls_calls', lang)}**")
    control_widget(state, "calls")
    # One control per value: the calls figure, which follows its drag, right under it
    # (drawn once predict mode allows; in presenter view a full row under the controls).
    if not is_presenting(state):
        calls_place = st.empty()
    control_widget(state, "zero")
    control_widget(state, "graph")
if is_presenting(state):
    calls_place = st.empty()

a = (state["a1"], state["a2"])
b = (state["b1"], state["b2"])
calls, zero, graph = state["calls"], state["zero"], state["graph"]
accumulated, zeroed = histories(a, b, calls, graph)
current = zeroed if zero else accumulated
predict.ask(accumulation_checkpoints, a, b, calls, zero, graph)

st.header(t("accumulation.rule_title", lang))
rule_acc, rule_zero = st.columns(2, gap="large")
with rule_acc:
    st.markdown(f"**{t('accumulation.rule_accumulate', lang)}**")
    equation(r"\texttt{a.grad} = k \cdot 9a^2 \qquad \texttt{b.grad} = k \cdot (-2b)", lang)
with rule_zero:
    st.markdown(f"**{t('accumulation.rule_zero', lang)}**")
    equation(r"\texttt{a.grad} = 9a^2 \qquad \texttt{b.grad} = -2b", lang)

# In predict mode each part below waits for the reveal of the answer it shows.
predict.stop_unless_revealed("a1_grad_calls")
st.header(t("accumulation.history_title", lang))
# In presenter view the drag figure, the one thing that moves, gets the whole width.
chart_col, table_col = columns_unless_presenting(state, [5, 3], gap="medium")
# One figure per tensor: a slider redraws only the one it changes.
for tensor in "ab":
    figure, text = history_chart(a, b, calls, graph, zero, tensor, lang)
    chart(figure, key=f"history_{tensor}_chart", container=chart_col, text=text)
with calls_place.container():
    calls_figure(state)
with table_col:
    st.markdown(f"**{t('accumulation.table_zero' if zero else 'accumulation.table_accumulate', lang)}**")
    table(history_table(current, "a", lang), lang)
    table(history_table(current, "b", lang), lang)
    st.caption(t("accumulation.table_caption", lang))
    agree = graph_modes_agree(a, b, calls, zero)
    st.caption(t("accumulation.graph_same" if agree else "accumulation.graph_differ", lang,
                 mode=t(f"control.graph.{graph}", lang), mark=check_mark(agree)))
# The rule in words under the figure, so the figure is on the first screen.
st.markdown(t("accumulation.rule_text", lang))
st.caption(t("accumulation.history_caption", lang))
with go_deeper(t("accumulation.sum_topic", lang), lang, key="accumulation_deeper_sum"):
    st.markdown(t("accumulation.sum_note", lang))

predict.stop_unless_revealed("second_backward")
st.header(t("accumulation.freed_title", lang))
demo = freed_graph_demo(a, b)
st.markdown(t("accumulation.freed_text", lang))
st.code(freed_graph_code(notes), language="python", wrap_lines=True)
st.caption(t("accumulation.error_label", lang))
st.code(f"RuntimeError: {demo.error}", language="text", wrap_lines=True)
st.markdown(t("accumulation.after_error", lang, value=format_vector(demo.a_grad_after_error)))
st.markdown(t("accumulation.fix_intro", lang))
way_rebuild, way_retain = st.columns(2, gap="large")
for column, key, code, a_grad, b_grad in (
    (way_rebuild, "rebuild", rebuild_code(notes), demo.rebuild_a_grad, demo.rebuild_b_grad),
    (way_retain, "retain", retain_code(notes), demo.retain_a_grad, demo.retain_b_grad),
):
    with column, st.container(border=True):
        st.markdown(f"**{t(f'accumulation.{key}_title', lang)}**")
        st.code(code, language="python", wrap_lines=True)
        st.markdown(t("accumulation.fix_result", lang, a=format_vector(a_grad),
                      b=format_vector(b_grad)))
        st.caption(t(f"accumulation.{key}_text", lang))
st.markdown(t("accumulation.fix_both", lang))

st.header(t("accumulation.zeroing_title", lang))
with go_deeper(t("accumulation.zeroing_topic", lang), lang, key="accumulation_deeper_zeroing"):
    st.markdown(t("accumulation.zeroing_intro", lang))
    table(zeroing_table(zeroing_methods(a, b), lang), lang)


@fragment_unless_presenting
def training_section(state, a, b, calls, zero, graph, notes) -> None:
    """The training loop and the code panel: moving lr reruns only this part."""
    lang = state.lang
    st.header(t("accumulation.training_title", lang))
    st.markdown(t("accumulation.training_intro", lang, steps=TRAIN_STEPS))
    lr_col, _ = st.columns([1, 2])
    with lr_col:
        lr = control_widget(state, "lr")
    with_zero, without_zero = training_runs(lr, TRAIN_STEPS)
    figure, text = training_chart(lr, TRAIN_STEPS, lang)
    chart(figure, key="training_chart", text=text)
    diverged = [run for run in (with_zero, without_zero) if run.diverged_at is not None]
    if len(diverged) == 2:
        note = t("accumulation.diverged_both", lang, step_with=with_zero.diverged_at,
                 step_without=without_zero.diverged_at, factor=format_number(DIVERGENCE_FACTOR))
    elif diverged:
        run = diverged[0]
        note = t("accumulation.diverged", lang, step=run.diverged_at,
                 factor=format_number(DIVERGENCE_FACTOR),
                 run=t("accumulation.run_with" if run.zero_grad else "accumulation.run_without", lang))
    if diverged:
        st.markdown(f":orange[:material/warning: {note}]")
    table(training_table((with_zero, without_zero), lang), lang)
    st.markdown(say_all(training_lesson(with_zero, without_zero), lang))

    code_panel(accumulation_snippet(a, b, calls, zero, graph, lr, notes), lang)


training_section(state, a, b, calls, zero, graph, notes)
predict.summary()
end_page(state)
