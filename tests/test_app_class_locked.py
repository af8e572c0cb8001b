"""A student in a class cannot leave predict mode (issue #24), on SQLite and PostgreSQL."""

import pytest

from tests.support import assert_no_exception, plotly_specs, run_page


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("predict", ["1", "0", "nonsense"])
def test_a_student_in_a_class_cannot_leave_predict_mode(store, lang, predict):
    """The toggle is shown on and locked, with one line saying why; ``predict=0`` in the
    link is overridden; a client that sends "off" anyway still gets predict mode."""
    from components.ui.i18n import t

    new = store.create_class()
    at = run_page("optimizer", {"class": new.code, "predict": predict}, lang=lang)
    assert_no_exception(at)
    toggle = at.toggle(key="predict")
    assert toggle.value is True and toggle.disabled
    assert at.query_params["predict"] == "1"
    assert [c.value for c in at.caption if t("class.student.predict_locked", lang) in c.value]
    assert at.number_input(key="guess_a1_after_step").value is None
    assert not plotly_specs(at) and not at.code
    # A tampered client switches the disabled toggle off anyway (AppTest refuses to
    # click a disabled widget, so the value goes straight into the session): no effect.
    at.session_state["predict"] = False
    at.run()
    assert_no_exception(at)
    assert at.toggle(key="predict").value is True
    assert at.query_params["predict"] == "1"
    assert at.number_input(key="guess_a1_after_step") is not None
    assert not plotly_specs(at) and not at.metric and not at.code


def test_outside_a_live_class_the_toggle_stays_free(store):
    at = run_page("gradients", {"class": "ACDEFG", "predict": "1"}, lang="en")
    assert_no_exception(at)
    assert not at.toggle(key="predict").disabled
    at.toggle(key="predict").set_value(False).run()
    assert at.query_params["predict"] == "0" and plotly_specs(at)
