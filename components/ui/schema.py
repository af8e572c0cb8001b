"""The one declared schema of every control: URL name, type, default, range.

Everything else is derived from it: widget creation (``ui/controls.py``),
reading and validating query parameters, and writing them back. The module is
pure Python (no streamlit) so the validation rules are unit-tested directly.
A control's URL name is also its widget key, on every page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from components.core.expression_parser import MAX_LENGTH as EXPRESSION_MAX_LENGTH
from components.core.expression_parser import parse_expression
from components.storage.codes import CODE_REGEX, KEY_REGEX

Kind = Literal["float", "int", "bool", "choice", "text"]
Widget = Literal["slider", "select_slider", "toggle", "radio", "number", "text", "none"]

# A URL value longer than this is not parsed at all: nothing legitimate is longer,
# and int("9" * 10**6) would cost real time.
MAX_RAW_LENGTH = 32


@dataclass(frozen=True)
class Control:
    """One control: its URL name (= widget key), type, default and range.

    ``options`` holds the allowed values of a ``choice`` control (strings, or
    numbers for a numeric grid such as the learning rate). ``log_grid`` makes a
    numeric choice snap to its nearest option on a log scale. A ``text``
    control has its own ``max_length`` and a ``validate`` function that raises
    ``ValueError`` for a text it refuses (the error becomes ``Parsed.detail``).
    """

    name: str
    kind: Kind
    default: Any
    widget: Widget
    low: float | None = None
    high: float | None = None
    step: float | None = None
    options: tuple = ()
    log_grid: bool = False
    max_length: int | None = None
    validate: Callable[[str], Any] | None = None
    # A ``text`` control: the whole value must match this regex (after ``upper``).
    pattern: str | None = None
    upper: bool = False
    # Whether a lesson takes this value from the lesson the student comes from
    # (README "What a lesson keeps from the previous one"): the tensors a and b
    # of the tutorial's Q and v, the language and the modes. A lesson's own
    # settings (lr, momentum, steps, ...) are not carried: ①'s ResNet steps are
    # not ④'s optimizer steps.
    carried: bool = False


@dataclass(frozen=True)
class Parsed:
    """A control value read from the URL, and what was wrong with the raw text.

    ``problem`` is None when the raw value was accepted as it is; otherwise one
    of ``empty``, ``too_long``, ``not_number``, ``not_finite``, ``clamped``,
    ``snapped``, ``not_choice``, ``not_bool``, ``not_valid`` (a text control's
    validator refused it), ``malformed`` (a text control's pattern did not match);
    ``value`` is then the sane value used instead (the default, or the raw value
    clamped / snapped to the grid). ``detail`` is a text control's validation error.
    """

    value: Any
    problem: str | None = None
    raw: str = ""
    detail: Any = None


LR_CHOICES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
SIZE_CHOICES = (32, 64, 96, 128, 160, 192, 224)

LANG = Control("lang", "choice", "ko", "radio", options=("ko", "en"), carried=True)
# Presenter view for a projector; global like the language, kept by every page.
PRESENT = Control("present", "bool", False, "toggle", carried=True)
A1 = Control("a1", "float", 2.0, "slider", -3.0, 3.0, 0.1, carried=True)
A2 = Control("a2", "float", 3.0, "slider", -3.0, 3.0, 0.1, carried=True)
B1 = Control("b1", "float", 6.0, "slider", -6.0, 6.0, 0.1, carried=True)
B2 = Control("b2", "float", 4.0, "slider", -6.0, 6.0, 0.1, carried=True)
V1 = Control("v1", "float", 1.0, "slider", -1.0, 1.0, 0.05, carried=True)
V2 = Control("v2", "float", 1.0, "slider", -1.0, 1.0, 0.05, carried=True)
CALLS = Control("calls", "int", 3, "slider", 1, 10, 1)
ZERO = Control("zero", "bool", False, "toggle")
GRAPH = Control("graph", "choice", "rebuild", "radio", options=("rebuild", "retain"))
LR = Control("lr", "choice", 0.01, "select_slider", options=LR_CHOICES, log_grid=True)
MOMENTUM = Control("momentum", "float", 0.9, "slider", 0.0, 0.99, 0.01)
STEPS = Control("steps", "int", 30, "slider", 1, 200, 1)
SEED = Control("seed", "int", 0, "number", 0, 99_999, 1)
SIZE = Control("size", "choice", 64, "select_slider", options=SIZE_CHOICES)
PRETRAINED = Control("pretrained", "bool", True, "toggle")
# The valley opens the lesson: it has a minimum, and momentum visibly helps
# there. The tutorial's Q (no minimum) stays one click away.
OBJECTIVE = Control(
    "objective", "choice", "valley", "radio", options=("q", "valley", "rosenbrock")
)
# Predict mode: every lesson asks its checkpoint questions before it shows the answers.
PREDICT = Control("predict", "bool", False, "toggle", carried=True)
# The student's own f(a, b): validated by the whitelisting parser, never run.
EXPR = Control("expr", "text", "3*a**3 - b**2", "text",
               max_length=EXPRESSION_MAX_LENGTH, validate=parse_expression)

# Which controls each page owns, in display order. A page may narrow a shared
# control (the ResNet page runs few steps); the URL name stays the same.
# Class mode's URL-only text parameters (no widget): the join code travels with
# every page; the instructor key is read on /class only.
CLASS_CODE = Control("class", "text", None, "none", pattern=CODE_REGEX, upper=True,
                     carried=True)
KEY = Control("key", "text", None, "none", pattern=KEY_REGEX, carried=True)
# A class student's random id (class_store.new_student_id, nothing personal) rides
# in the address bar, so a reconnect to another replica (a new session) is the
# same student: their answers stay theirs and are never counted twice.
STUDENT = Control("student", "text", None, "none", pattern="[0-9a-f]{32}", carried=True)
# A class student's "follow the projector" switch (components/ui/class_follow.py):
# on unless the address says ``follow=0``, so a reload keeps a student's choice.
# Not a lesson control: it is never published, shared or put in a join link.
FOLLOW = Control("follow", "bool", True, "toggle", carried=True)

PAGE_CONTROLS: dict[str, tuple[Control, ...]] = {
    "home": (),
    "gradients": (A1, A2, B1, B2, V1, V2,
                  PREDICT),
    "accumulation": (A1, A2, B1, B2, CALLS, ZERO, GRAPH, LR,
                     PREDICT),
    # 50 steps: enough for momentum to reach the landscapes' minima at lr 0.01.
    "optimizer": (OBJECTIVE, A1, A2, B1, B2, LR, MOMENTUM, replace(STEPS, default=50),
                  PREDICT),
    "resnet": (
        LR,
        MOMENTUM,
        # One step, as the lesson's title says; the slider still goes to 10.
        replace(STEPS, default=1, high=10),
        SEED,
        SIZE,
        PRETRAINED,
        PREDICT,
    ),
    "expression": (EXPR, A1, A2, B1, B2, V1, V2),
}


def controls_for(page: str) -> tuple[Control, ...]:
    """The controls of ``page`` (the language and presenter switches are global, not listed)."""
    return PAGE_CONTROLS.get(page, ())


def url_only_controls(page: str) -> tuple[Control, ...]:
    """The class-mode text parameters ``page`` reads from the URL (no widget)."""
    return (CLASS_CODE, KEY) if page == "class" else (CLASS_CODE, STUDENT)


def _snap(control: Control, number: float) -> float:
    """Put ``number`` on the control's grid (its step from ``low``)."""
    if control.step is None or control.low is None:
        return number
    steps = round((number - control.low) / control.step)
    snapped = control.low + steps * control.step
    # Round away binary noise such as 0.30000000000000004.
    return round(snapped, 10)


def _nearest_option(control: Control, number: float) -> Any:
    options = control.options
    if control.log_grid:
        if number <= 0:
            return options[0]
        return min(options, key=lambda o: abs(math.log10(o) - math.log10(number)))
    return min(options, key=lambda o: abs(o - number))


def coerce(control: Control, value: Any) -> Parsed:
    """Bring an already typed value (e.g. kept from another page) into range."""
    return parse(control, format_value(control, value) if value is not None else "")


def _parse_text(control: Control, text: str, raw: str) -> Parsed:
    """A text parameter: empty means not set; anything not matching the pattern is ignored."""
    if text == "":
        return Parsed(control.default)
    if len(text) > MAX_RAW_LENGTH:
        return Parsed(control.default, "malformed", raw[:MAX_RAW_LENGTH] + "…")
    value = text.upper() if control.upper else text
    if control.pattern is None or re.fullmatch(control.pattern, value):
        return Parsed(value)
    return Parsed(control.default, "malformed", raw)


def parse(control: Control, raw: str | None) -> Parsed:
    """Read one URL value for ``control``; never raises.

    Text, NaN, infinities and absurd lengths fall back to the default; numbers
    outside the range are clamped; numbers between grid points are snapped.
    """
    if raw is None:
        return Parsed(control.default)
    raw = str(raw)
    text = raw.strip()
    if control.kind == "text" and control.pattern is not None:
        return _parse_text(control, text, raw)
    if text == "":
        return Parsed(control.default, "empty", raw)
    limit = control.max_length or MAX_RAW_LENGTH
    if len(text) > limit:
        return Parsed(control.default, "too_long", raw[:limit] + "…")
    if control.kind == "text":
        try:
            control.validate(text)
        except ValueError as error:
            return Parsed(control.default, "not_valid", raw, detail=error)
        return Parsed(text)
    if control.kind == "bool":
        lowered = text.lower()
        if lowered in ("1", "true", "on", "yes"):
            return Parsed(True)
        if lowered in ("0", "false", "off", "no"):
            return Parsed(False)
        return Parsed(control.default, "not_bool", raw)
    if control.kind == "choice" and isinstance(control.default, str):
        if text in control.options:
            return Parsed(text)
        return Parsed(control.default, "not_choice", raw)
    try:
        number = float(text)
    except ValueError:
        return Parsed(control.default, "not_number", raw)
    if not math.isfinite(number):
        return Parsed(control.default, "not_finite", raw)
    if control.kind == "choice":
        option = _nearest_option(control, number)
        if math.isclose(option, number, rel_tol=1e-9):
            return Parsed(option)
        low, high = min(control.options), max(control.options)
        problem = "clamped" if number < low or number > high else "snapped"
        return Parsed(option, problem, raw)
    clamped = min(max(number, control.low), control.high)
    snapped = _snap(control, clamped)
    value: Any = int(round(snapped)) if control.kind == "int" else float(snapped)
    if clamped != number:
        return Parsed(value, "clamped", raw)
    if not math.isclose(snapped, number, rel_tol=0, abs_tol=1e-9):
        return Parsed(value, "snapped", raw)
    return Parsed(value)


def format_value(control: Control, value: Any) -> str:
    """The URL text of a value: short, and parsed back to the same value."""
    if control.kind == "bool":
        return "1" if value else "0"
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return str(value)
    return f"{float(value):.10g}"
