"""The bare page every benchmark compares against: the least a lesson page can do.

One slider (with a key), one tiny autograd op, one plotly chart. It pays the
same fixed costs as a lesson (a Streamlit rerun, torch and plotly already
imported, a chart sent to the browser), so "page / bare" shows what a lesson
adds on top of Streamlit itself.

    streamlit run bench/bare_app.py

For bench_browser.py's "floor" rows, ``?charts=N`` adds N more charts like
the first and ``?texts=N`` adds N one-line markdown elements, all changing
with the slider: what a page pays per extra element (both 0 by default).
"""

import plotly.graph_objects as go
import streamlit as st
import torch


def _extra(name: str, most: int) -> int:
    raw = st.query_params.get(name, "0")
    return min(int(raw), most) if raw.isdigit() else 0


x_value = st.slider("x", min_value=-3.0, max_value=3.0, value=1.0, step=0.5, key="x")

x = torch.tensor(x_value, requires_grad=True)
y = x ** 2
y.backward()
slope = float(x.grad)

for k in range(1 + _extra("charts", 5)):
    figure = go.Figure(go.Bar(x=["y = x²", "dy/dx"], y=[float(y) + k, slope]))
    figure.update_layout(height=300, margin=dict(t=30, b=30), yaxis_title="value")
    st.plotly_chart(figure, key="bare_chart" if k == 0 else f"bare_chart{k}")

for k in range(_extra("texts", 100)):
    st.markdown(f"y + {k} = **{float(y) + k:g}**")
