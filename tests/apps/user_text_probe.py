"""A page that shows every hostile payload through each path of user_text.py.

Served by tests/test_browser_user_text.py, which reads what Chromium actually
renders: Streamlit's markdown in a body, a warning, a caption and a widget
label (``literal``), a plain-text element (``plain``) and plotly annotations
(``plotly_text``).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import plotly.graph_objects as go  # noqa: E402
import streamlit as st  # noqa: E402

from components.ui.user_text import literal, plain, plotly_text  # noqa: E402
from tests.hostile import PAYLOADS  # noqa: E402

st.title("user_text probe")
for number, payload in enumerate(PAYLOADS.values()):
    with st.container(key=f"markdown_{number}"):
        st.markdown(f"value {literal(payload)} end")
    with st.container(key=f"warning_{number}"):
        st.warning(f"value {literal(payload)} end")
    with st.container(key=f"caption_{number}"):
        st.caption(f"value {literal(payload)} end")
    with st.container(key=f"label_{number}"):
        st.checkbox(literal(payload), key=f"box_{number}")
    with st.container(key=f"text_{number}"):
        st.text(plain(payload))

figure = go.Figure(layout=dict(height=60 * len(PAYLOADS), xaxis=dict(visible=False),
                               yaxis=dict(visible=False, range=[-1, len(PAYLOADS)])))
for number, payload in enumerate(PAYLOADS.values()):
    figure.add_annotation(x=0, y=number, text=plotly_text(payload), showarrow=False)
with st.container(key="plotly"):
    st.plotly_chart(figure)
