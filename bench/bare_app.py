"""The bare page every benchmark compares against: the least a lesson page can do.

One slider (with a key), one tiny autograd op, one plotly chart. It pays the
same fixed costs as a lesson (a Streamlit rerun, torch and plotly already
imported, a chart sent to the browser), so "page / bare" shows what a lesson
adds on top of Streamlit itself.

    streamlit run bench/bare_app.py
"""

import plotly.graph_objects as go
import streamlit as st
import torch

x_value = st.slider("x", min_value=-3.0, max_value=3.0, value=1.0, step=0.5, key="x")

x = torch.tensor(x_value, requires_grad=True)
y = x ** 2
y.backward()
slope = float(x.grad)

figure = go.Figure(go.Bar(x=["y = x²", "dy/dx"], y=[float(y), slope]))
figure.update_layout(height=300, margin=dict(t=30, b=30), yaxis_title="value")
st.plotly_chart(figure, key="bare_chart")
