"""AppTest of lesson ⑤ (your own function): presets, bad input, URL round trip, both languages."""

import time

import pytest

from components.ui.expression_panels import PRESETS
from tests.hostile import code_spans
from tests.support import (
    all_text,
    assert_no_exception,
    decode_array,
    equations,
    plotly_specs,
    run_page,
    svg_images,
    unwrapped,
)


def _tables(at) -> str:
    return "\n".join(unwrapped(str(m.value)) for m in at.markdown
                     if unwrapped(str(m.value)).startswith("|"))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_default_is_the_tutorials_q(lang):
    at = run_page("expression", lang=lang)
    assert_no_exception(at)
    assert at.text_input(key="expr").value == "3*a**3 - b**2"
    tables = _tables(at)
    assert "**36**" in tables and "**81**" in tables and "**-12**" in tables
    assert "✗" not in tables and tables.count("✓") == 4
    latex = "\n".join(equations(at))
    assert "9 a^{2}" in latex and "- 2 b" in latex
    assert at.success  # the "autograd is exactly calculus here" line
    assert "AccumulateGrad" in svg_images(at)[0]
    curve = plotly_specs(at)[0]["data"]
    assert decode_array(curve[1]["y"])  # the tangent is drawn
    assert at.query_params["expr"] == "3*a**3 - b**2"


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("key", list(PRESETS))
def test_presets_set_function_and_point(key, lang):
    at = run_page("expression", lang=lang)
    at.button(key=key).click().run()
    assert_no_exception(at)
    preset = PRESETS[key]
    assert at.text_input(key="expr").value == preset["expr"]
    assert at.slider(key="a1").value == preset["a1"]
    assert at.query_params["expr"] == preset["expr"]
    events = [str(m.value) for m in at.markdown if str(m.value).startswith("- ")]
    if "NaN" in _tables(at) or "∞" in _tables(at):  # never shown without its explanation
        assert events and ("NaN" in events[0] or "∞" in events[0])


def test_relu_preset_explains_the_corner():
    at = run_page("expression", lang="en")
    at.button(key="preset_relu").click().run()
    text = all_text(at)
    assert "relu receives exactly 0" in text
    assert "autograd a.grad = 0" in text and "SymPy ∂f/∂a·v = 0.5" in text
    assert "finite differences 0.5" in text


def test_sqrt_preset_explains_nan():
    at = run_page("expression", lang="ko")
    at.button(key="preset_sqrt").click().run()
    text = all_text(at)
    assert "sqrt에 정확히 0이 들어갑니다" in text
    assert "a.grad = NaN" in text
    assert "0.6" in _tables(at)  # the 3-4-5 element is ordinary


def test_log_preset_explains_the_negative_number():
    at = run_page("expression", lang="en")
    at.button(key="preset_log").click().run()
    text = all_text(at)
    assert "log receives -1" in text and "f = NaN" in text
    assert "autograd a.grad = -1" in text


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_typed_bad_input_keeps_the_previous_function(lang):
    at = run_page("expression", lang=lang)
    at.text_input(key="expr").input("sigmoid(a*b)").run()
    assert at.query_params["expr"] == "sigmoid(a*b)"
    start = time.perf_counter()
    at.text_input(key="expr").input("__import__('os').system('x')").run()
    assert time.perf_counter() - start < 5  # AppTest overhead included; the parser takes < 1 ms
    assert_no_exception(at)
    assert len(at.error) == 1
    assert ".system" in at.error[0].value.replace("\\", "")
    # The view and the URL keep the last valid function; the box keeps the text to fix.
    assert at.query_params["expr"] == "sigmoid(a*b)"
    assert at.text_input(key="expr").value == "__import__('os').system('x')"
    latex = "\n".join(equations(at))
    assert r"\sigma\left(a b\right)" in latex


@pytest.mark.parametrize("bad, words", [
    ("open('/etc/passwd')", "open"),
    ("a.__class__", "__class__"),
    ("sin(a, b)", "sin"),
    ("\u0430 + b", "CYRILLIC"),
    ("9**9**9**9", "100"),
])
def test_each_bad_input_gets_its_own_line(bad, words):
    at = run_page("expression", lang="en")
    at.text_input(key="expr").input(bad).run()
    assert_no_exception(at)
    assert len(at.error) == 1 and words in at.error[0].value.replace("\\", "")


def test_url_round_trip():
    at = run_page("expression", {"expr": "tanh(a) + b/2", "a1": "0.5", "b2": "-1"}, lang="en")
    assert_no_exception(at)
    assert not at.warning
    assert at.text_input(key="expr").value == "tanh(a) + b/2"
    assert at.query_params["expr"] == "tanh(a) + b/2"
    assert at.query_params["a1"] == "0.5" and at.query_params["b2"] == "-1"
    assert "**0.7864**" in _tables(at)  # 1 - tanh(0.5)**2


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("bad", ["__import__('os')", "a" * 300, "a\x00", "$x$ [link](http://e.vil)",
                                 "(" * 400 + "a" + ")" * 400])
def test_bad_expr_in_a_link_falls_back_with_one_line(bad, lang):
    at = run_page("expression", {"expr": bad}, lang=lang)
    assert_no_exception(at)
    assert len(at.warning) == 1 and "expr" in at.warning[0].value
    assert at.text_input(key="expr").value == "3*a**3 - b**2"
    assert at.query_params["expr"] == "3*a**3 - b**2"
    # The raw value is shown only inside code spans, never as a link.
    spans, outside = code_spans(at.warning[0].value)
    assert "](http" not in outside
    assert "".join(spans)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_refusal_has_its_own_sentence(lang):
    from components.core.expression_parser import ExpressionError, parse_expression
    from components.ui.expression_messages import expression_error_text
    from components.ui.i18n import t
    from tests.test_core_expression_parser import HOSTILE

    codes = set()
    for text, code, _ in HOSTILE:
        with pytest.raises(ExpressionError) as refused:
            parse_expression(text)
        line = expression_error_text(refused.value, lang)
        assert not line.startswith("expression.error."), code  # a catalogue sentence
        assert "\n" not in line and len(line) < 300
        codes.add(code)
    # Each reason has words of its own, not one shared "invalid input".
    templates = {t(f"expression.error.{code}", lang) for code in codes}
    assert len(codes) >= 25 and len(templates) == len(codes)


def test_bad_text_after_a_shared_link_keeps_the_links_function():
    at = run_page("expression", {"expr": "tanh(a)"}, lang="en")
    at.text_input(key="expr").input("a +* b").run()
    assert_no_exception(at)
    assert len(at.error) == 1 and "character" in at.error[0].value
    assert at.query_params["expr"] == "tanh(a)"
    assert any("tanh" in x for x in equations(at))
