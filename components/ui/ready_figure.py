"""A plotly figure turned into its plain dict once, however often it is drawn.

``st.plotly_chart`` asks a Figure for ``to_dict()``, a deep copy of every
trace and the layout followed by a walk that packs arrays as base64, and then
writes that dict as JSON. For a figure shared by every session
(``shared_charts``, the α–μ map) the deep copy is the same work on every rerun
of every student: 30–40 % of a lesson's rerun, measured with
``bench/bench_calls.py``. ``ready`` keeps the dict on the figure and hands
Streamlit a stand-in that returns it, so Streamlit writes exactly the JSON it
wrote before, from the same dict.

Only for figures nobody changes after they are drawn (the rule for shared
figures already). Presenter view draws ``scaled`` copies, made per run.
"""

from __future__ import annotations

from plotly.basedatatypes import BaseFigure

# Where the dict is kept on the figure (an underscore name: plotly lets it through).
_PLAIN = "_autograd_lab_plain"


class _ReadyFigure(BaseFigure):
    """A Figure as far as ``st.plotly_chart`` looks (``isinstance`` and ``to_dict``).

    ``BaseFigure.__init__`` is skipped on purpose: it would validate every
    trace again, the cost this class exists to avoid.
    """

    def __init__(self, plain: dict) -> None:  # noqa: D107  (no super().__init__, see above)
        self._plain = plain

    def to_dict(self) -> dict:
        return self._plain


def ready(fig):
    """``fig`` for ``st.plotly_chart``, its ``to_dict()`` made on the first draw only.

    Not a plotly Figure (a dict, a list): returned as it is.
    """
    if not isinstance(fig, BaseFigure) or isinstance(fig, _ReadyFigure):
        return fig
    plain = fig.__dict__.get(_PLAIN)
    if plain is None:
        # Two sessions drawing a new shared figure at once both build equal
        # dicts; either may stay.
        plain = fig.to_dict()
        setattr(fig, _PLAIN, plain)
    return _ReadyFigure(plain)
