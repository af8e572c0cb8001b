"""One page, one truth (issue 24): after moving between lessons every control
shows the value its page's URL holds, and the page computes with that value.

A page switch under ``dashboard.py`` goes through ``AppTest.switch_page``; the
browser clears the query string on an in-app link, so the tests do too. What
the browser draws on the first run of a page is what the widget's proto sends
(``set_value`` and its value): the bug was a slider sent without its value,
drawn at its minimum while the page computed with another number.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.ui.pages import LESSONS
from components.ui.schema import PAGE_CONTROLS, controls_for, format_value, parse
from tests.support import APPTEST_TIMEOUT, ROOT, assert_no_exception

SLUGS = [slug for slug, _ in LESSONS]
_KINDS = {"slider": "slider", "select_slider": "select_slider", "toggle": "toggle",
          "radio": "radio", "number": "number_input", "text": "text_input"}
# ResNet never tries a download in a test, and stays small.
RESNET_FIXED = {"pretrained": False, "size": 32}
# Forty runs of five lessons on a shared 2-core host: a run of ④ or ① can take
# well over AppTest's usual 60 s when the machine is busy.
WALK_TIMEOUT = 300


def every_ordered_pair(nodes: list[str]) -> list[str]:
    """A walk from ``nodes[0]`` back to it that takes every ordered pair (a, b),
    a ≠ b, exactly once (an Euler circuit of the complete directed graph)."""
    left = {a: [b for b in nodes if b != a] for a in nodes}
    stack, walk = [nodes[0]], []
    while stack:
        here = stack[-1]
        if left[here]:
            stack.append(left[here].pop(0))
        else:
            walk.append(stack.pop())
    return walk[::-1]


def _widget(at: AppTest, control):
    found = [w for w in at.get(_KINDS[control.widget]) if getattr(w, "key", None) == control.name]
    return found[0] if found else None


def drawn_value(widget, control):
    """The value the browser draws for ``widget`` on this run, from what the
    server sent (None when it sent no value: the browser would draw its default)."""
    proto = widget.proto
    if not proto.set_value:
        return None
    if control.widget in ("select_slider", "radio"):
        raw = proto.raw_value if isinstance(proto.raw_value, str) else proto.raw_value[0]
        return control.options[list(proto.options).index(raw)]
    if control.widget == "slider":
        value = proto.value[0]
        return int(value) if control.kind == "int" else value
    return proto.value


def _switch(at: AppTest, slug: str, query: dict[str, str] | None = None) -> None:
    """An in-app link to ``slug``: the browser opens it without a query string
    (``query`` stands for the address the back button returns to)."""
    at.query_params.clear()
    for name, value in (query or {}).items():
        at.query_params[name] = value
    at.switch_page(f"pages/{slug}.py").run()
    assert_no_exception(at)


def _check_page(at: AppTest, slug: str, expected: dict) -> None:
    """Every control drawn on ``slug`` shows its expected value, and so do the URL
    and the page's own session value (what it computes with)."""
    for control in controls_for(slug):
        url_value = parse(control, at.query_params[control.name]).value
        assert url_value == expected[control.name], (slug, control.name, "URL")
        assert at.session_state[control.name] == expected[control.name], (slug, control.name)
        widget = _widget(at, control)
        if widget is not None:  # ④ hides b₁, b₂ on its landscapes
            assert drawn_value(widget, control) == expected[control.name], \
                (slug, control.name, "drawn")


def _new_values(slug: str, visit: int) -> dict:
    """Values for ``slug``'s controls that differ from the defaults and from one
    visit to the next (a lesson's own settings and the carried a, b, v)."""
    values = {}
    for control in controls_for(slug):
        if control.name in RESNET_FIXED or control.name == "predict":
            continue
        if control.widget in ("slider", "number"):
            step = control.step * (visit + 1)
            value = control.low + step if control.low + step <= control.high else control.high
            value = round(value, 10)
            values[control.name] = int(value) if control.kind == "int" else value
        elif control.widget in ("select_slider", "radio"):
            others = [o for o in control.options if o != control.default]
            values[control.name] = others[visit % len(others)]
        elif control.widget == "toggle":
            values[control.name] = not control.default
        elif control.widget == "text":
            values[control.name] = ("a*b - b**2", "2*a**2 + b")[visit % 2]
    return values


# A control that decides which other widgets the page draws (④ hides b₁, b₂ on
# its landscapes): set in a run of its own, before the others.
LAYOUT_CONTROLS = ("objective",)


def _set_values(at: AppTest, slug: str, values: dict) -> set[str]:
    """Move the widgets to ``values``; returns the names that were really set
    (a widget the page does not draw cannot be moved)."""
    moved = set()
    for phase in (LAYOUT_CONTROLS, None):
        for control in controls_for(slug):
            if control.name not in values or (control.name in LAYOUT_CONTROLS) != bool(phase):
                continue
            widget = _widget(at, control)
            if widget is None:
                continue
            if control.widget == "text":
                widget.input(values[control.name])
            else:
                widget.set_value(values[control.name])
            moved.add(control.name)
        at.run()
        assert_no_exception(at)
    return moved


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_ordered_pair_of_lessons_shows_what_the_url_holds(lang):
    """Walk every ordered pair of lessons with non-default values: a lesson shows
    the previous one's a, b, v (carried) and its own settings from its last visit
    (or its defaults), never the previous lesson's lr, momentum or steps."""
    walk = every_ordered_pair(SLUGS)
    assert len(walk) == len(SLUGS) * (len(SLUGS) - 1) + 1
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=WALK_TIMEOUT)
    at.query_params.update({"lang": lang, "pretrained": "0", "size": "32"})
    at.switch_page(f"pages/{walk[0]}.py").run()
    assert_no_exception(at)
    defaults = {c.name: c.default for page in PAGE_CONTROLS.values() for c in page if c.carried}
    carried = dict(defaults)
    own: dict[str, dict] = {slug: {} for slug in SLUGS}
    own["resnet"].update(RESNET_FIXED)
    for visit, slug in enumerate(walk):
        if visit:
            _switch(at, slug)
        expected = {c.name: carried[c.name] if c.carried else own[slug].get(c.name, c.default)
                    for c in controls_for(slug)}
        _check_page(at, slug, expected)
        assert at.query_params["lang"] == lang
        if visit + 1 < len(walk):
            values = _new_values(slug, visit)
            for name in _set_values(at, slug, values):
                value = values[name]
                if name in carried:
                    carried[name] = value
                else:
                    own[slug][name] = value


def test_the_issue_examples_in_both_directions():
    """② a₁=−1, a₂=0.5, b₁=1, b₂=−2 → ③ draws those values (not −3, −6);
    ① 4 steps at lr 0.1 → ④ opens with ④'s own momentum 0.9 and 50 steps."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params.update({"lang": "en", "a1": "-1", "a2": "0.5", "b1": "1", "b2": "-2"})
    at.switch_page("pages/gradients.py").run()
    _switch(at, "accumulation")
    expected = {"a1": -1.0, "a2": 0.5, "b1": 1.0, "b2": -2.0}
    for name, value in expected.items():
        control = next(c for c in controls_for("accumulation") if c.name == name)
        assert drawn_value(_widget(at, control), control) == value
        assert at.query_params[name] == format_value(control, value)

    at.query_params.clear()
    at.query_params.update({"lang": "en", "steps": "4", "lr": "0.1", "pretrained": "0",
                            "size": "32"})
    at.switch_page("pages/resnet.py").run()
    assert_no_exception(at)
    _switch(at, "optimizer")
    shown = {c.name: drawn_value(_widget(at, c), c) for c in controls_for("optimizer")
             if c.name in ("steps", "momentum", "lr")}
    assert shown == {"steps": 50, "momentum": 0.9, "lr": 0.01}
    assert (at.query_params["steps"], at.query_params["momentum"]) == ("50", "0.9")


def test_the_back_button_address_wins_over_the_previous_lesson():
    """Back from ③ to ② returns to ②'s address: its values, not ③'s."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    old = {"lang": "ko", "a1": "-1", "a2": "0.5", "b1": "1", "b2": "-2", "v1": "0.3"}
    at.query_params.update(old)
    at.switch_page("pages/gradients.py").run()
    _switch(at, "accumulation")
    at.slider(key="a1").set_value(2.5).run()
    at.select_slider(key="lr").set_value(0.1).run()
    _switch(at, "gradients", old)
    for name in ("a1", "a2", "b1", "b2", "v1"):
        control = next(c for c in controls_for("gradients") if c.name == name)
        assert drawn_value(_widget(at, control), control) == float(old[name])
        assert at.query_params[name] == old[name]
    # Forward again by a link: ③ keeps its own lr from before, and takes ②'s a.
    _switch(at, "accumulation")
    assert at.query_params["lr"] == "0.1" and at.query_params["a1"] == "-1"
    lr = next(c for c in controls_for("accumulation") if c.name == "lr")
    assert drawn_value(at.select_slider(key="lr"), lr) == 0.1
