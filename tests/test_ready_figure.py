"""``ready``: a figure's plain dict made once, and Streamlit writing the same JSON from it."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import plotly.io
import pytest
from plotly.basedatatypes import BaseFigure
from streamlit.testing.v1 import AppTest

from components.ui.ready_figure import ready


def _figure() -> go.Figure:
    x = np.linspace(0.0, 1.0, 50)
    fig = go.Figure(go.Scatter(x=x, y=x ** 2, name="x²", customdata=[f"{v:.2f}" for v in x]))
    fig.add_trace(go.Bar(x=["a", "b"], y=[1.5, -2.0]))
    fig.update_layout(height=300, title="t")
    return fig


def test_streamlit_writes_the_same_json_from_a_ready_figure():
    fig = _figure()
    # What st.plotly_chart does with a Figure: to_dict(), then JSON without validation.
    expected = plotly.io.to_json(fig.to_dict(), validate=False)
    for _ in range(2):  # the first draw makes the dict, the second reuses it
        assert plotly.io.to_json(ready(fig).to_dict(), validate=False) == expected
    assert isinstance(ready(fig), BaseFigure)


def test_the_dict_is_made_once_per_figure(monkeypatch):
    fig = _figure()
    made = []
    original = go.Figure.to_dict

    def counted(self):
        made.append(self)
        return original(self)

    monkeypatch.setattr(go.Figure, "to_dict", counted)
    first = ready(fig).to_dict()
    assert ready(fig).to_dict() is first
    assert ready(ready(fig)).to_dict() is first
    assert made == [fig]
    other = _figure()
    ready(other)
    assert made == [fig, other]  # another figure, its own dict


@pytest.mark.parametrize("value", [{"data": []}, [{"type": "bar"}], None])
def test_anything_else_passes_through(value):
    assert ready(value) is value


def test_the_chart_on_the_page_is_the_same():
    def app():
        import plotly.graph_objects as go
        import streamlit as st

        from components.ui.ready_figure import ready

        fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2], name="s"))
        fig.update_layout(height=250)
        st.plotly_chart(fig, key="plain")
        st.plotly_chart(ready(fig), key="ready")
        st.plotly_chart(ready(fig), key="again", on_select="rerun", selection_mode="points")

    at = AppTest.from_function(app, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    specs = [chart.proto.spec for chart in at.get("plotly_chart")]
    assert len(specs) == 3 and specs[0] == specs[1] == specs[2]
