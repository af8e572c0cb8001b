"""Widgets and URL state, both driven by the schema in ``ui/schema.py``.

Reading order on every run: a value already in session state wins (the user
moved a slider, or came from another page); otherwise the query parameter is
parsed and validated; otherwise the default. Every value is then written
back to the URL, so the address bar always reproduces the view.
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


def init_page_state(page: str) -> PageState:
    """Settle every control of ``page`` (and the language) before drawing.

    Must run before any of the page's widgets is created: it seeds their
    session-state keys, which is how a URL value reaches a widget.
    """
    controls = (LANG, PRESENT, *url_only_controls(page), *controls_for(page))
    problems: list[tuple[Control, Parsed]] = []
    typed_problems: list[tuple[Control, Parsed]] = []
    last_valid: dict[str, Any] = {}
    for control in controls:
        if control.widget == "text" and control.name in st.session_state:
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
        if control.name in st.session_state:
            # Kept from another page whose range may be wider: fit it here.
            kept = st.session_state[control.name]
            fitted = coerce(control, kept).value
            if fitted != kept:
                st.session_state[control.name] = fitted
            continue
        parsed = parse(control, st.query_params.get(control.name))
        if parsed.problem:
            problems.append((control, parsed))
        st.session_state[control.name] = parsed.value
        if control.widget == "text":  # a shared link's function is the first valid one
            st.session_state[_last_valid_key(control)] = parsed.value
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
