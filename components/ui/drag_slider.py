"""The figure under a slider that follows every step of its drag (st.components.v2).

Each value has one control, Streamlit's own ``st.slider`` (widget key = URL
name). Streamlit reruns a script only when a slider is released, so nothing on
the server can follow a drag: this component gets the slider's whole grid and
the figure's numbers for every grid point (computed by PyTorch on the server,
``components/charts/live_svg.py`` describes the spec); its JavaScript watches
the slider's element in the page and redraws the SVG from its live value on
every step of a drag, key or tap. The release reruns the page as for any slider.

A spec (and an asset such as ④'s map PNG) is sent once per browser session:
the session remembers the digests it sent, later runs send the digest alone,
and the browser keeps what it got by digest. A browser that lacks one asks for
it (the ``missing`` trigger) and the next run sends the session everything again.

The JS and CSS are files beside this module, read once at import.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

import streamlit as st

from components.charts.live_svg import frame_count
from components.ui.controls import PageState
from components.ui.schema import Control

_STATIC = Path(__file__).parent / "static"
DRAG_JS = (_STATIC / "drag_slider.js").read_text(encoding="utf-8")
DRAG_CSS = (_STATIC / "drag_slider.css").read_text(encoding="utf-8")
# Streamlit sends a component's script with every run: the component's own script is
# a small loader, and the figure's code (DRAG_JS) an asset sent once per session.
STUB_JS = (_STATIC / "drag_stub.js").read_text(encoding="utf-8")

_component = st.components.v2.component("autograd_lab.drag_slider", js=STUB_JS, css=DRAG_CSS)

# Session key: the digests of the specs and assets this browser session already has.
SENT_KEY = "_drag_figures_sent"


def grid_of(control: Control) -> tuple[float, ...]:
    """Every value the control's slider can take, exactly as ``schema.parse`` snaps them."""
    if control.kind == "choice":  # a select slider (the learning rate): its options
        return tuple(float(option) for option in control.options)
    count = round((control.high - control.low) / control.step)
    values = (round(control.low + k * control.step, 10) for k in range(count + 1))
    if control.kind == "int":
        return tuple(float(int(round(v))) for v in values)
    return tuple(values)


# A control's grid never changes: made once per control and process.
@functools.lru_cache(maxsize=64)
def _grid(control: Control) -> tuple[float, ...]:
    return grid_of(control)


def component_key(name: str) -> str:
    """The figure's widget key: the control's URL name stays the st.slider's."""
    return f"{name}_drag"


def digest_of(value) -> str:
    """A short content hash: the name a spec or asset has in the browser's store."""
    text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def sealed(spec: dict) -> dict:
    """``spec`` with its digest (call once where the spec is built and cached)."""
    spec["digest"] = digest_of({k: v for k, v in spec.items() if k != "digest"})
    return spec


LIB_DIGEST = digest_of(DRAG_JS)


def _sent() -> set[str]:
    return st.session_state.setdefault(SENT_KEY, set())


def _missing(name: str) -> None:
    """Callback: the browser lacks a spec or asset it was told it had (a tab whose
    store was lost). Forget what this session was sent: the next run sends it all."""
    result = st.session_state.get(component_key(name))
    if result is not None and isinstance(result.get("missing"), str):
        st.session_state[SENT_KEY] = set()


def drag_figure(state: PageState, name: str, figure: dict, hint: str = "", scale: float = 1.0,
                assets: dict[str, str] | None = None) -> None:
    """Draw ``figure`` (one frame per grid point of control ``name``) following its slider.

    ``assets``: digest → text the spec refers to by digest (an image's ``href``),
    sent once per session like the spec itself.
    """
    control = state.controls[name]
    grid = _grid(control)
    if frame_count(figure) != len(grid):
        raise ValueError(f"{name}: {frame_count(figure)} frames for {len(grid)} grid points")
    value = float(state[name])
    index = min(range(len(grid)), key=lambda k: abs(grid[k] - value))
    digest = figure.get("digest") or digest_of(figure)
    assets = {LIB_DIGEST: DRAG_JS, **(assets or {})}
    sent = _sent()
    to_send = {}
    for key, content in assets.items():
        if key not in sent:
            to_send[key] = content
    if digest not in sent:
        to_send[digest] = figure
    sent.update(to_send)
    _component(
        key=component_key(name),
        data=dict(name=name, choice=control.kind == "choice", grid=grid, index=index,
                  hint=hint, scale=scale, digest=digest, lib=LIB_DIGEST, needs=sorted(assets),
                  assets=to_send),
        on_missing_change=lambda: _missing(name),
    )
