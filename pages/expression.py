"""Lesson ⑤: autograd on the student's own f(a, b), checked by SymPy and finite differences."""

import math

import streamlit as st

from components.core.expression_parser import parse_expression
from components.core.expression_snippet import expression_snippet
from components.numbers import format_number
from components.ui.controls import control_group, control_widget, set_values
from components.ui.expression_messages import expression_error_text
from components.ui.expression_panels import (
    PRESETS,
    event_sentences,
    lesson_numbers,
    oracle_notice,
    oracle_text,
    point_line,
    results_table,
    summary_key,
    unused_names,
)
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
from components.ui.panels import labels_for
from components.ui.schema import A1
from components.ui.shared_charts import expression_curve_chart
from components.ui.user_text import literal

state = start_page("expression")
lang = state.lang
st.markdown(t("expression.intro", lang))

control_widget(state, "expr")
for _control, parsed in state.typed_problems:
    st.error(expression_error_text(parsed.detail, lang) if parsed.detail
             else t(f"expression.typed.{parsed.problem}", lang), icon=":material/block:")
    st.caption(t("expression.kept", lang, expr=literal(state["expr"], limit=200)))
st.caption(t("expression.grammar", lang))

st.markdown(f"**{t('expression.presets', lang)}**")
for (key, values), column in zip(PRESETS.items(), st.columns(len(PRESETS)), strict=True):
    column.button(t(f"expression.{key}", lang), key=key, width="stretch",
                  help=t(f"expression.{key}_help", lang), on_click=set_values, kwargs=values)

col_a, col_b, col_v = st.columns(3, gap="large")
with col_a:
    control_group(state, t("expression.controls_a", lang), ("a1", "a2"))
with col_b:
    control_group(state, t("expression.controls_b", lang), ("b1", "b2"))
with col_v:
    control_group(state, t("expression.controls_v", lang), ("v1", "v2"))

tree = parse_expression(state["expr"])  # the schema accepted it: never raises here
a = (state["a1"], state["a2"])
b = (state["b1"], state["b2"])
v = (state["v1"], state["v2"])
result, derivs, curve = lesson_numbers(state["expr"], a, b, v, A1.low, A1.high)

# The curve first: a picture on the first screen, then the numbers behind it.
st.header(t("expression.curve_title", lang))
figure, text = expression_curve_chart(curve, lang)  # built once per curve
chart(figure, key="curve_chart", text=text)
if math.isfinite(curve.slope) and math.isfinite(curve.y0):
    st.caption(t("expression.curve_caption", lang, slope=format_number(curve.slope),
                 a1=format_number(a[0]), b1=format_number(b[0]), v1=format_number(v[0]),
                 grad=format_number(result.a_grad[0])))
else:
    st.caption(t("expression.curve_caption_none", lang, a1=format_number(a[0]),
                 slope=format_number(curve.slope if math.isfinite(curve.y0) else curve.y0)))
if any(y is None for y in curve.ys):
    st.caption(t("expression.curve_gaps", lang))

st.header(t("expression.oracle_title", lang))
if derivs.timed_out:
    st.warning(t(oracle_notice(derivs), lang), icon=":material/timer_off:")
elif derivs.f_latex and derivs.da_latex and derivs.db_latex:
    equation(rf"f(a, b) = {derivs.f_latex}", lang)
    equation(rf"\frac{{\partial f}}{{\partial a}} = {derivs.da_latex} \qquad "
             rf"\frac{{\partial f}}{{\partial b}} = {derivs.db_latex}", lang)
else:
    st.info(t("expression.latex_too_long", lang))
st.markdown(oracle_text(result, derivs, lang))
st.markdown(point_line(result, lang))
table(results_table(result, derivs, "a", lang), lang)
table(results_table(result, derivs, "b", lang), lang)
if unused_names(result):
    st.caption(t("expression.unused", lang, names=", ".join(unused_names(result))))

st.header(t("expression.events_title", lang))
sentences = event_sentences(result, derivs, lang)
if sentences:
    st.markdown("\n".join(f"- {s}" for s in sentences))
elif summary_key(result, derivs) == "expression.smooth":
    st.success(t("expression.smooth", lang), icon=":material/check_circle:")
else:
    st.info(t(summary_key(result, derivs), lang), icon=":material/info:")

st.header(t("expression.graph_title", lang))
if result.graph is None:
    st.markdown(t("expression.graph_none", lang))
else:
    graph_col, graph_text = columns_unless_presenting(state, [3, 2])
    backward_graph(result.graph, labels_for("expression.graph", lang), state, graph_col)
    graph_text.markdown(t("expression.graph_caption", lang))

code_panel(expression_snippet(tree, a, b, v, t("expression.code_gradient_comment", lang)), lang)
end_page(state)
