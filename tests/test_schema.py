"""The control schema: contract ranges, and validation of every kind of bad URL value."""

import math

import pytest

from components.ui.schema import (
    A1,
    B1,
    CALLS,
    LANG,
    LR,
    MOMENTUM,
    PAGE_CONTROLS,
    PRETRAINED,
    SIZE,
    V1,
    ZERO,
    Control,
    coerce,
    format_value,
    parse,
)

ALL_CONTROLS = {c.name: c for controls in PAGE_CONTROLS.values() for c in controls}


def test_contract_ranges_hold_tutorial_values():
    assert A1.low <= -3 and A1.high >= 3 and A1.step <= 0.5
    assert B1.low <= -6 and B1.high >= 6 and B1.step <= 0.5
    assert V1.low <= 0 and V1.high >= 1 and V1.step <= 0.1
    assert {0.001, 0.01, 0.1} <= set(LR.options)
    assert MOMENTUM.low == 0 and MOMENTUM.high >= 0.95 and MOMENTUM.step <= 0.05
    assert CALLS.low == 1 and CALLS.high == 10
    defaults = {c.name: c.default for c in ALL_CONTROLS.values()}
    assert (defaults["a1"], defaults["a2"], defaults["b1"], defaults["b2"]) == (2, 3, 6, 4)
    assert (defaults["v1"], defaults["v2"]) == (1, 1)
    assert defaults["calls"] == 3 and defaults["zero"] is False
    assert defaults["lr"] == 0.01 and defaults["momentum"] == 0.9
    assert defaults["size"] == 64 and defaults["pretrained"] is True
    assert LANG.default == "ko"


@pytest.mark.parametrize("control", ALL_CONTROLS.values(), ids=lambda c: c.name)
def test_default_round_trips_through_the_url(control: Control):
    text = format_value(control, control.default)
    parsed = parse(control, text)
    assert parsed.problem is None
    assert parsed.value == control.default


@pytest.mark.parametrize("control", ALL_CONTROLS.values(), ids=lambda c: c.name)
@pytest.mark.parametrize("raw", ["abc", "nan", "NaN", "inf", "-inf", "", "   ", "9" * 5000,
                                 "1e999", "0x10", "1,5", "😀"])
def test_bad_values_fall_back_with_a_problem(control: Control, raw: str):
    parsed = parse(control, raw)
    assert parsed.problem is not None, (control.name, raw)
    # The value used instead is always a legal one.
    assert coerce(control, parsed.value).problem is None


def test_missing_parameter_is_default_without_problem():
    assert parse(A1, None).value == 2.0 and parse(A1, None).problem is None


def test_out_of_range_is_clamped():
    assert parse(A1, "99") .value == 3.0 and parse(A1, "99").problem == "clamped"
    assert parse(B1, "-1e300").value == -6.0
    assert parse(CALLS, "100000").value == 10
    assert parse(SIZE, "100000").value == 224 and parse(SIZE, "100000").problem == "clamped"
    assert parse(MOMENTUM, "-0.5").value == 0.0


def test_between_grid_points_is_snapped():
    parsed = parse(A1, "2.03")
    assert parsed.value == 2.0 and parsed.problem == "snapped"
    assert parse(CALLS, "2.6").value == 3
    assert parse(V1, "0.7").value == 0.7 and parse(V1, "0.7").problem is None
    assert parse(SIZE, "70").value == 64 and parse(SIZE, "70").problem == "snapped"


def test_learning_rate_snaps_on_a_log_scale():
    assert parse(LR, "0.1").value == 0.1 and parse(LR, "0.1").problem is None
    assert parse(LR, "1e-2").value == 0.01 and parse(LR, "1e-2").problem is None
    assert parse(LR, "0.02").value == 0.03
    assert parse(LR, "0").value == min(LR.options)
    assert parse(LR, "-5").problem == "clamped"


def test_booleans_and_choices():
    assert parse(ZERO, "1").value is True and parse(ZERO, "0").value is False
    assert parse(PRETRAINED, "true").value is True
    assert parse(ZERO, "2").problem == "not_bool"
    assert parse(LANG, "en").value == "en"
    assert parse(LANG, "fr").value == "ko" and parse(LANG, "fr").problem == "not_choice"


def test_grid_values_have_no_float_noise():
    for step in range(61):
        value = parse(A1, format_value(A1, -3 + step * 0.1)).value
        assert value == round(value, 10)
        assert math.isclose(value, -3 + step * 0.1, abs_tol=1e-9)


def test_coerce_fits_a_value_from_a_wider_page():
    narrow = PAGE_CONTROLS["resnet"]
    steps = next(c for c in narrow if c.name == "steps")
    assert coerce(steps, 150).value == steps.high


def test_class_code_and_key_are_text_parameters_checked_against_their_pattern():
    from components.storage.codes import CODE_ALPHABET
    from components.ui.schema import CLASS_CODE, KEY, STUDENT, url_only_controls

    assert parse(CLASS_CODE, None).value is None and parse(CLASS_CODE, None).problem is None
    assert parse(CLASS_CODE, "").value is None and parse(CLASS_CODE, "  ").problem is None
    assert parse(CLASS_CODE, " acdefg ").value == "ACDEFG"
    assert parse(CLASS_CODE, CODE_ALPHABET[:6]).problem is None
    key = "aB3_-" + "x" * 27
    assert parse(KEY, key).value == key and parse(KEY, key).problem is None
    for control, bad in [(CLASS_CODE, "ACDEF0"), (CLASS_CODE, "ACDEF"), (CLASS_CODE, "ACDEFGH"),
                         (CLASS_CODE, "'; DROP TABLE classes;--"), (CLASS_CODE, "<b>x</b>"),
                         (KEY, key[:-1]), (KEY, key + "y"), (KEY, key[:-1] + "$"),
                         (KEY, "9" * 5000), (CLASS_CODE, "$x$")]:
        parsed = parse(control, bad)
        assert parsed.value is None and parsed.problem == "malformed", (control.name, bad)
        assert len(parsed.raw) <= 33
    assert format_value(CLASS_CODE, None) == "" and format_value(CLASS_CODE, "ACDEFG") == "ACDEFG"
    assert url_only_controls("class") == (CLASS_CODE, KEY)
    assert url_only_controls("gradients") == (CLASS_CODE, STUDENT)
    assert parse(STUDENT, "0123456789abcdef" * 2).problem is None
    assert parse(STUDENT, "0123456789ABCDEF" * 2).problem == "malformed"
