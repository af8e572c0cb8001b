"""Widgets and URL state, both driven by the schema in ``ui/schema.py``.

Reading order on a rerun of the same page: a value already in session state
wins (the user moved a slider); otherwise the query parameter is parsed and
validated; otherwise the default. On arriving at a page (another lesson, the
browser's back button, a first visit) the URL wins; a parameter it does not
hold comes from the previous lesson when the control is ``carried`` (a, b, v,
the language and the modes), else from this lesson's own last values in this
session, else its default. Every value is then written back to the URL, so
the address bar always reproduces the view.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from components.numbers import format_number
from components.ui.expression_messages import expression_error_text
from components.ui.i18n import t
from components.ui.schema import (
    LANG,
    PRESENT,
    Control,
    Parsed,
    coerce,
    controls_for,
    format_value,
    parse,
    url_only_controls,
)
from components.ui.user_text import literal


@dataclass
class PageState:
    """The controls' values for this run, the language and any URL problems."""

    page: str
    lang: str
    values: dict[str, Any]
    controls: dict[str, Control]
    problems: list[tuple[Control, Parsed]] = field(default_factory=list)
    # A text control whose typed value was refused: (control, parsed). The
    # page keeps showing the last valid value and says what is wrong.
    typed_problems: list[tuple[Control, Parsed]] = field(default_factory=list)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


def current_language() -> str:
    """The language of this run, from the switch's state or else ``?lang=``."""
    if st.session_state.get(LANG.name) in LANG.options:
        return st.session_state[LANG.name]
    return parse(LANG, st.query_params.get(LANG.name)).value


def presenting() -> bool:
    """Whether this run shows the presenter view, from the switch's state or ``?present=``."""
    if PRESENT.name in st.session_state:
        return bool(st.session_state[PRESENT.name])
    return bool(parse(PRESENT, st.query_params.get(PRESENT.name)).value)


# Session keys of the page bookkeeping (not widgets): the page the last full
# run drew, and each lesson's own (not carried) values when it was left.
SHOWN_PAGE = "_page_shown"
PAGE_MEMORY = "_page_memory"


def _remember_left_page(page: str) -> None:
    """Arriving at ``page``: keep the previous page's own values for a later return."""
    left = st.session_state.get(SHOWN_PAGE)
    if left is None or left == page:
        return
    memory = dict(st.session_state.get(PAGE_MEMORY, {}))
    # A typed text that was refused is not remembered: its last valid value is.
    memory[left] = {c.name: st.session_state.get(_last_valid_key(c), st.session_state[c.name])
                    if c.widget == "text" else st.session_state[c.name]
                    for c in controls_for(left) if not c.carried and c.name in st.session_state}
    st.session_state[PAGE_MEMORY] = memory


def _arrival_value(control: Control, raw: str | None, remembered: dict[str, Any]) -> Parsed | None:
    """The value ``control`` starts with on arriving at a page, or None to keep the
    session's (a carried control the URL does not name)."""
    if raw is not None:
        return parse(control, raw)
    if control.carried:
        return None
    if control.name in remembered:
        return coerce(control, remembered[control.name])
    return Parsed(control.default)


def init_page_state(page: str) -> PageState:
    """Settle every control of ``page`` (and the language) before drawing.

    Must run before any of the page's widgets is created: it seeds their
    session-state keys, which is how a URL value reaches a widget.

    On arriving at a page every widget's value is written through session
    state, even one that did not change: two lessons' sliders with the same
    key and range share one widget id, and without that write the browser
    drew the new page's slider at its minimum (issue 24: ②'s a₁ = −1 showed
    as −3 on ③ while the page computed with −1).
    """
    controls = (LANG, PRESENT, *url_only_controls(page), *controls_for(page))
    arriving = st.session_state.get(SHOWN_PAGE) != page
    if arriving:
        _remember_left_page(page)
        st.session_state[SHOWN_PAGE] = page
    remembered = st.session_state.get(PAGE_MEMORY, {}).get(page, {})
    problems: list[tuple[Control, Parsed]] = []
    typed_problems: list[tuple[Control, Parsed]] = []
    last_valid: dict[str, Any] = {}
    for control in controls:
        raw = st.query_params.get(control.name)
        start = _arrival_value(control, raw, remembered) if arriving else None
        if start is None and control.name in st.session_state:
            if control.widget == "text":
                # What was typed stays in the box (to be fixed); the view keeps
                # the last valid value until the text is valid again.
                typed = parse(control, st.session_state[control.name])
                key = _last_valid_key(control)
                if typed.problem:
                    typed_problems.append((control, typed))
                    last_valid[control.name] = st.session_state.get(key, control.default)
                else:
                    st.session_state[key] = last_valid[control.name] = typed.value
                continue
            # Kept from another page whose range may be wider: fit it here.
            kept = st.session_state[control.name]
            fitted = coerce(control, kept).value
            if fitted != kept or arriving:
                st.session_state[control.name] = fitted
            continue
        if start is None:
            start = parse(control, raw)
        if start.problem and raw is not None:
            problems.append((control, start))
        st.session_state[control.name] = start.value
        if control.widget == "text":  # a shared link's function is the first valid one
            st.session_state[_last_valid_key(control)] = start.value
    values = {c.name: last_valid.get(c.name, st.session_state[c.name]) for c in controls}
    # A text parameter that is not set (no class) stays out of the address bar.
    st.query_params.from_dict({c.name: format_value(c, values[c.name]) for c in controls
                               if values[c.name] is not None})
    return PageState(
        page=page,
        lang=values[LANG.name],
        values=values,
        controls={c.name: c for c in controls},
        problems=problems,
        typed_problems=typed_problems,
    )


def _last_valid_key(control: Control) -> str:
    return f"_{control.name}_last_valid"


def problem_message(control: Control, parsed: Parsed, lang: str) -> str:
    """One short line: which parameter, what was wrong, what is used instead.

    The raw URL text is user text: ``literal`` makes it a code span that no
    value can close, so a crafted link or image shows as typed.
    """
    value = format_value(control, parsed.value)
    return t(
        f"url.{parsed.problem}",
        lang,
        name=control.name,
        raw=literal(parsed.raw),
        # A text default such as 3*a**3 - b**2 would turn into emphasis.
        value=literal(value) if control.kind == "text" else value,
        reason=expression_error_text(parsed.detail, lang) if parsed.detail else "",
    )


def _decimals(step: float) -> int:
    return max(0, -int(math.floor(math.log10(step)))) if step < 1 else 0


def _option_label(control: Control, lang: str):
    if isinstance(control.default, str):
        return lambda option: t(f"control.{control.name}.{option}", lang)
    if control.name == "size":
        return lambda option: f"{option}×{option}"
    return format_number


def _write_to_url(control: Control) -> None:
    """Widget callback: put the new value in the address bar at once.

    ``init_page_state`` writes every value back on a whole-page run; a widget
    inside an ``st.fragment`` reruns only its fragment, so it writes its own.
    """
    value = st.session_state[control.name]
    if control.kind == "text" and parse(control, value).problem:
        return  # a refused text never reaches the address bar
    st.query_params[control.name] = format_value(control, value)


def control_widget(state: PageState, name: str, container=None, disabled: bool = False) -> Any:
    """Draw the widget of control ``name`` (key = URL name) and return its value.

    ``disabled``: shown but locked (class mode keeps predict mode on).
    """
    control = state.controls[name]
    where = container if container is not None else st
    label = t(f"control.{name}", state.lang)
    help_text = t(f"control.{name}.help", state.lang)
    common = dict(key=name, help=help_text, persist_state="session",
                  on_change=_write_to_url, args=(control,), disabled=disabled)
    if control.widget == "slider":
        if control.kind == "int":
            return where.slider(label, min_value=int(control.low), max_value=int(control.high),
                                step=int(control.step), **common)
        return where.slider(label, min_value=float(control.low), max_value=float(control.high),
                            step=float(control.step),
                            format=f"%.{_decimals(control.step)}f", **common)
    if control.widget == "select_slider":
        return where.select_slider(label, options=control.options,
                                   format_func=_option_label(control, state.lang), **common)
    if control.widget == "toggle":
        return where.toggle(label, **common)
    if control.widget == "radio":
        return where.radio(label, options=control.options, horizontal=True,
                           format_func=_option_label(control, state.lang), **common)
    if control.widget == "text":
        return where.text_input(label, max_chars=control.max_length, **common)
    if control.widget == "number":
        return where.number_input(label, min_value=int(control.low), max_value=int(control.high),
                                  step=int(control.step), **common)
    raise ValueError(f"unknown widget kind {control.widget!r}")


def reset_to_defaults(page: str) -> None:
    """Callback of the "tutorial values" button: every control of ``page`` back
    to its default (language and presenter view stay as they are).

    Runs before the next script run, so the widgets are drawn with these values
    and ``init_page_state`` writes them to the URL.
    """
    for control in controls_for(page):
        st.session_state[control.name] = control.default


def set_values(**values: Any) -> None:
    """Callback for preset buttons: set controls before the next run draws them."""
    for name, value in values.items():
        st.session_state[name] = value


def control_group(state: PageState, title: str, names: tuple[str, ...]) -> None:
    """A bold heading and the widgets of ``names`` under it (one column of controls)."""
    st.markdown(f"**{title}**")
    for name in names:
        control_widget(state, name)
