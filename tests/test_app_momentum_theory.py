"""AppTest of the optimizer's theory section: predicted rate, status, the α–μ map."""

import json
import math
import random

import pytest

from components.core import momentum_theory as mt
from components.core.optimizer import VALLEY_FLOOR, VALLEY_WALL, run_sgd
from components.ui.i18n import t
from components.ui.momentum_panels import (
    FASTEST_KEY,
    MAP_KEY,
    MAP_START,
    PICK_GO_KEY,
    PICK_LR_KEY,
    PICK_MU_KEY,
)
from components.ui.schema import LR_CHOICES
from tests.support import all_text, assert_no_exception, decode_array, equations, run_page

CURVATURES = (4 * VALLEY_FLOOR, 4 * VALLEY_WALL)  # along (1, 1)/√2 and (1, −1)/√2, by hand


def _closed_form_rate(lr, mu):
    """Spectral radius of [[μ, λ], [−αμ, 1 − αλ]] from its characteristic polynomial."""
    worst = 0.0
    for lam in CURVATURES:
        trace = 1 + mu - lr * lam
        disc = trace * trace - 4 * mu
        if disc < 0:
            radius = math.sqrt(mu)
        else:
            radius = max(abs(trace + math.sqrt(disc)), abs(trace - math.sqrt(disc))) / 2
        worst = max(worst, radius)
    return worst


def _metrics(at):
    return {m.label: m.value for m in at.metric}


def _map_spec(at):
    for element in at.get("plotly_chart"):
        if element.proto.id.endswith(f"-{MAP_KEY}"):
            return json.loads(element.proto.spec)
    return None


def _trace(spec, name):
    return next(tr for tr in spec["data"] if tr.get("name") == name)


def _opened(at):
    """The theory is built only while its "Go deeper" expander is open: open it."""
    at.session_state["optimizer_theory"] = True
    return at.run()


def _valley(lang, **query):
    values = {"objective": "valley", **{k: str(v) for k, v in query.items()}}
    return _opened(run_page("optimizer", values, lang=lang))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_predicted_rate_is_the_formula_and_map_marks_the_url_values(lang):
    rng = random.Random(f"theory-{lang}")
    for _ in range(3):
        lr = rng.choice(LR_CHOICES)
        mu = round(rng.randint(0, 99) / 100, 2)
        at = _valley(lang, lr=lr, momentum=mu)
        assert_no_exception(at)
        metrics = _metrics(at)
        expected = _closed_form_rate(lr, mu)
        shown = metrics[t("optimizer.theory.metric_predicted", lang)]
        assert shown == f"{expected:#.4g}".rstrip("."), (lr, mu)
        assert float(shown) == pytest.approx(expected, rel=5e-4)
        # Steps to shrink 100-fold, by theory: ln 100 / −ln ρ, rounded up (∞ when ρ ≥ 1).
        steps_shown = metrics[t("optimizer.theory.metric_steps_theory", lang)]
        if expected < 1:
            assert int(steps_shown) == math.ceil(math.log(100) / -math.log(expected))
        else:
            assert steps_shown == "∞"
            assert t("optimizer.theory.steps.never", lang) in all_text(at)
        spec = _map_spec(at)
        current = _trace(spec, t("optimizer.chart.theory.current", lang))
        assert decode_array(current["x"]) == [pytest.approx(math.log10(lr))]
        assert decode_array(current["y"]) == [pytest.approx(mu)]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_tutorial_values_on_the_valley(lang):
    at = _valley(lang)
    assert_no_exception(at)
    text = all_text(at)
    assert t("optimizer.theory.title", lang) in text
    # The eigenvalues come from autograd's Hessian of the code's loss.
    assert any(r"\lambda_1 = 1, \ \lambda_2 = 40" in latex for latex in equations(at))
    metrics = _metrics(at)
    assert metrics[t("optimizer.theory.metric_predicted", lang)] == "0.9487"
    # The page's own run: lr 0.01, momentum 0.9, 50 steps from (2, 3).
    run = run_sgd("valley", (2.0, 3.0), (0.0, 0.0), 0.01, 0.9, 50)
    report = mt.rate_report(run, (2.0, 3.0), mt.valley_curvatures())
    assert report.status == "unsettled"
    measured_label = t("optimizer.theory.metric_measured", lang, first=26, last=50)
    assert metrics[measured_label] == f"{report.measurement.rate:#.4g}"
    # The sentence carries the run's numbers and the theory's over the same window.
    assert t("optimizer.theory.status.unsettled", lang, first=26, last=50,
             measured=f"{report.measurement.rate:#.4g}", predicted="0.9487",
             window=f"{report.window_theory:#.4g}") in text
    assert t("optimizer.theory.reason.swing", lang) in text
    assert metrics[t("optimizer.theory.metric_steps_theory", lang)] == "88"
    # The map: 9 lr columns × 34 momenta, the optimum star at Goh's closed form.
    spec = _map_spec(at)
    heat = spec["data"][0]
    assert len(decode_array(heat["x"])) == len(LR_CHOICES)
    assert len(decode_array(heat["y"])) == len(mt.MAP_MOMENTA) == 34
    best = mt.optimum(mt.valley_curvatures())
    star = next(tr for tr in spec["data"] if tr.get("marker", {}).get("symbol") == "star")
    assert decode_array(star["x"]) == [pytest.approx(math.log10(best.lr))]
    assert decode_array(star["y"]) == [pytest.approx(best.momentum)]
    race = mt.short_race(MAP_START)
    assert race.best_distance < race.optimum_distance
    assert t("optimizer.theory.noise", lang) in text


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_settled_and_diverging_sentences(lang):
    at = _valley(lang, lr=0.03, momentum=0.6, steps=200)
    text = all_text(at)
    assert "**" + t("optimizer.theory.status.settled", lang).split("**")[1] + "**" in text
    metrics = _metrics(at)
    run = run_sgd("valley", (2.0, 3.0), (0.0, 0.0), 0.03, 0.6, 200)
    report = mt.rate_report(run, (2.0, 3.0), mt.valley_curvatures())
    assert metrics[t("optimizer.theory.metric_steps_run", lang)] == str(report.steps_run)
    assert t("optimizer.theory.steps.run", lang, step=report.steps_run) in text

    at = _valley(lang, lr=0.1, momentum=0.5)
    assert_no_exception(at)
    text = all_text(at)
    assert t("optimizer.theory.status.diverges", lang, product="4", bound="3",
             boundary="0.075", predicted=f"{_closed_form_rate(0.1, 0.5):#.4g}") in text


@pytest.mark.parametrize(("objective", "lang"), [("q", "ko"), ("rosenbrock", "en")])
def test_theory_says_why_it_does_not_apply(objective, lang):
    at = _opened(run_page("optimizer", {"objective": objective}, lang=lang))
    assert_no_exception(at)
    text = all_text(at)
    assert t(f"optimizer.theory.not.{objective}", lang) in text
    assert _map_spec(at) is None
    assert t("optimizer.theory.metric_predicted", lang) not in _metrics(at)


def test_fastest_cell_button_sets_lr_momentum_and_url():
    at = _valley("en")
    rates = mt.rate_map(LR_CHOICES, MAP_START)
    lr, mu, rate = mt.fastest_cell(rates)
    at.button(key=FASTEST_KEY).click().run()
    assert_no_exception(at)
    assert at.select_slider(key="lr").value == lr
    assert at.slider(key="momentum").value == pytest.approx(mu)
    assert at.query_params["lr"] == f"{lr:.10g}" and at.query_params["momentum"] == f"{mu:.10g}"
    assert _metrics(at)[t("optimizer.theory.metric_predicted", "en")] == \
        f"{_closed_form_rate(lr, mu):#.4g}"
    current = _trace(_map_spec(at), t("optimizer.chart.theory.current", "en"))
    assert decode_array(current["y"]) == [pytest.approx(mu)]
    assert rate == pytest.approx(_closed_form_rate(lr, mu), rel=0.02)


def test_choose_a_cell_form_sets_lr_momentum_and_url():
    at = _valley("ko")
    # Seeded with the map cell nearest to the current setting (lr 0.01, μ 0.9).
    assert at.select_slider(key=PICK_LR_KEY).value == 0.01
    assert at.select_slider(key=PICK_MU_KEY).value == 0.9
    at.select_slider(key=PICK_LR_KEY).set_value(0.003).run()
    at.select_slider(key=PICK_MU_KEY).set_value(0.42).run()
    assert at.select_slider(key="lr").value == 0.01  # nothing applied before the button
    at.button(key=PICK_GO_KEY).click().run()
    assert_no_exception(at)
    assert at.select_slider(key="lr").value == 0.003
    assert at.slider(key="momentum").value == pytest.approx(0.42)
    assert at.query_params["lr"] == "0.003" and at.query_params["momentum"] == "0.42"
    assert _metrics(at)[t("optimizer.theory.metric_predicted", "ko")] == \
        f"{_closed_form_rate(0.003, 0.42):#.4g}"
