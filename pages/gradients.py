"""Lesson ②: Q = 3a³ − b², a.grad and b.grad against the hand derivatives."""

import streamlit as st

from components.core.snippets import gradients_snippet
from components.ui.controls import set_values
from components.ui.gradients_live import live_figures, slots_under_sliders
from components.ui.i18n import t
from components.ui.layout import (
    backward_graph,
    chart,
    code_panel,
    columns_unless_presenting,
    end_page,
    equation,
    start_page,
    table,
)
from components.ui.panels import go_deeper, gradient_table, labels_for, sum_versus_ones_table
from components.ui.predict import predict_mode
from components.ui.predict_questions import gradients_checkpoints
from components.ui.shared_charts import (
    gradient_bars,
    gradients_result,
    sum_versus_ones,
    vector_backward_error,
)

state = start_page("gradients")
lang = state.lang
st.markdown(t("gradients.intro", lang))
predict = predict_mode(state)

col_a, col_b, col_v = st.columns(3, gap="large")
# One control per value: each slider's live figure sits right under it.
places = slots_under_sliders(state, (
    (col_a, t("gradients.controls_a", lang), ("a1", "a2")),
    (col_b, t("gradients.controls_b", lang), ("b1", "b2")),
    (col_v, t("gradients.controls_v", lang), ("v1", "v2"))))
with col_v:
    st.button(t("gradients.preset_ones", lang), key="preset_ones", width="stretch",
              help=t("gradients.preset_ones_help", lang),
              on_click=set_values, kwargs=dict(v1=1.0, v2=1.0))
    st.button(t("gradients.preset_tutorial", lang), key="preset_tutorial", width="stretch",
              help=t("gradients.preset_tutorial_help", lang),
              on_click=set_values, kwargs=dict(v1=0.7, v2=0.3))

a = (state["a1"], state["a2"])
b = (state["b1"], state["b2"])
v = (state["v1"], state["v2"])
result = gradients_result(a, b, v)
predict.ask(gradients_checkpoints, a, b, v)


def hand_derivation() -> None:
    st.header(t("gradients.hand_title", lang))
    equation(r"Q = 3a^3 - b^2 \qquad \frac{\partial Q}{\partial a} = 9a^2 \qquad "
             r"\frac{\partial Q}{\partial b} = -2b", lang)
    equation(r"\texttt{a.grad} = 9a^2 \cdot v \qquad \texttt{b.grad} = -2b \cdot v", lang)
    st.markdown(t("gradients.hand_text", lang))


# In predict mode the derivation comes first: it is what a guess is made from.
# Otherwise the bars come first, so a figure is on the first screen.
if predict.on:
    hand_derivation()
# Everything below shows a.grad: in predict mode it waits for the reveal.
predict.stop_unless_revealed("a1_grad")
live_figures(state, places)
st.caption(t("gradients.live_intro", lang) + " " + t("gradients.tangent_caption", lang))
st.header(t("gradients.bars_title", lang))
# One figure per tensor and per element: a slider redraws only the ones it changes.
for tensor, column in zip("ab", st.columns(2, gap="large"), strict=True):
    figure, text = gradient_bars(a, b, v, tensor, lang)
    chart(figure, key=f"bars_{tensor}_chart", container=column, text=text)
st.caption(t("gradients.bars_caption", lang))

if not predict.on:
    hand_derivation()
st.header(t("gradients.results_title", lang))
table(gradient_table(result, "a", lang), lang)
table(gradient_table(result, "b", lang), lang)
st.caption(t("gradients.check_caption", lang,
             exact_a=list(result.a_exact), exact_b=list(result.b_exact)))

st.header(t("gradients.graph_title", lang))
graph_col, graph_text = columns_unless_presenting(state, [3, 2])
backward_graph(result.graph, labels_for("gradients.graph", lang), state, graph_col)
graph_text.markdown(t("gradients.graph_caption", lang))

st.header(t("gradients.why_title", lang))
st.markdown(t("gradients.why_text", lang))
st.caption(t("gradients.why_error_label", lang))
st.code(f"RuntimeError: {vector_backward_error(a, b)}", language="text", wrap_lines=True)
st.markdown(t("gradients.why_vjp", lang))
# A side note: Q.sum() against ones_like, for a second reading.
with go_deeper(t("gradients.sum_title", lang), lang, key="gradients_deeper_sum"):
    comparison = sum_versus_ones(a, b)
    table(sum_versus_ones_table(comparison, lang), lang)
    st.markdown(t("gradients.sum_same" if comparison.identical else "gradients.sum_differ", lang))

code_panel(gradients_snippet(a, b, v, notes=labels_for("gradients.code", lang)), lang)
predict.summary()
end_page(state)
