"""Every sentence true: the lessons' claims checked against real torch.

Sentences that state an outcome are chosen by ``components/ui/outcomes.py``
from the computed results; the sweeps below run the sliders' whole range and
check each choice, and the numbers it states, against the runs themselves.
Fixed sentences that state a fact about PyTorch are checked once.

Claims checked, and how:

| claim (catalogue key) | how it is checked |
|---|---|
| SGD moves against the gradient (control.lr.help) | one real step: p − lr·g |
| the page zeroes with `a.grad = None` (control.zero.help) | the core's reset leaves `.grad` None |
| step moves by lr·buf, buf can point against g (optimizer.intro) | buf·g < 0 in the default valley run |
| Q: which elements ran away (optimizer.why_q.*) | their term of Q at the stop, sweep + issue starts |
| Q: a only decreases, \\|b\\| only grows (why_q, params_caption) | every Q run of the sweep |
| Q: where a run that did not overflow is heading (q_outlook.*) | b, a over the run; still at a = b = 0 |
| first step raised the loss: lr·h > 2 (first_up*) | sampled φ'' along the step, grid of starts |
| loss values in stop sentences are words (optimizer.stop.*) | stop kind against the stop value |
| diverging runs overflow with more steps (optimizer.growing) | rerun with 1000 steps |
| valley instability lr·40 > 2(1 + μ) (why_valley) | every troubled valley run; smaller lr settles |
| where the curves part (optimizer.curve_parts*) | parts_at from the recorded parameters |
| what the map shows (optimizer.map_*) | left the box / distances / which ended closer |
| no zero_grad = SGD with momentum 1 (accumulation.training_lesson) | identical floats for every lr |
| no zero_grad never settles (outcome.without_lower) | 3000-step run keeps swinging to the start loss |
| which training run ends lower / rises (accumulation.outcome.*) | every lr × reset setting |
| zero_grad diverges, momentum 1 does not: 2 < lr·h < 4 (only_with_diverged) | Hessian of the loss |
| cross-entropy keeps falling after a right prediction, stays > 0 (resnet.loss_falls) | torch's cross_entropy |
| ResNet loss falls ever faster with momentum 0 too (loss_all_down_faster) | lr 0.01, μ 0, 10 steps |
| ResNet: overflow step, fewer steps avoid it (resnet.diverged) | every size × lr at 1 and 10 steps |
| how far the most-moved layer moved; smaller lr moves less (move_caption) | same sweep, monotone in lr |
| random weights: top five probabilities (resnet.top_random) | the sweep's softmax values |
| downsample = 1×1 Conv2d + BatchNorm2d (resnet.grads_caption) | torchvision's resnet18 modules |
| tutorial attributions ("the tutorial uses …") | the text of the seed tutorial |
| α–μ map: grey = blew up, grey ◆ = grew over the last half in a swing but ended nearer (optimizer.theory.map_text, charttext.map.*) | every cell of the page's map against a real run |
| why an unsettled run's rate is not ρ (optimizer.theory.reason.*) | the directions the run moves in; double roots; 3 starts × lr × μ |
| first_up: (1 − lr·h) multiplies the offset along the step's line, not the distance | valley from (2, 3), lr 0.1; an eigenvector start |
| where guesses are kept (predict.session_score*) | a plain and a class page |
| the student's button is ‘정답 확인’ (class.student.*) | the catalogue's button label |
| ① the loss starts negative because sum(labels) ≈ 500 (resnet.loss_unbounded) | 32 and 64 px runs, seed 0 |

The ResNet sweep runs every lr option at 32 px (1 and 10 steps) and 64 px
(1 step) by default, and every size × {1, 10} steps with
``AUTOGRAD_LAB_FULL_SWEEP=1`` (several minutes; 40 on this shared machine).
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

import pytest
import torch

from components.core import momentum_theory as mt
from components.core import optimizer as opt
from components.core.accumulation import (
    TRAIN_CURVATURE,
    first_rise,
    repeated_backward,
    training_data,
    training_run,
    zeroing_methods,
)
from components.core.resnet import train_resnet
from components.core.resnet_weights import load_random
from components.ui import outcomes
from components.ui.i18n import CATALOGS
from components.ui.schema import A1, LR_CHOICES, SIZE_CHOICES
from tests.support import all_text, assert_no_exception, run_page, unwrapped

LANGS = ("ko", "en")
MOMENTA = (0.0, 0.5, 0.9, 0.99)
MAP_LOW, MAP_HIGH = A1.low - 0.5, A1.high + 0.5
# The seed tutorial lives in ../shared/seed beside the main checkout (and a few
# levels up from a worktree); it is not part of the repository.
TUTORIAL = next((parent / "shared" / "seed" / "autograd_tutorial_ko.md"
                 for parent in Path(__file__).resolve().parents
                 if (parent / "shared" / "seed" / "autograd_tutorial_ko.md").is_file()), None)
# Formatted non-finite numbers (components.numbers): never inside a sentence.
NON_FINITE = re.compile(r"NaN|-∞|(?<![−\-])∞")


def _rendered(sentences) -> list[str]:
    """Every sentence in both languages; rendering raises on a non-finite number."""
    texts = [outcomes.say(s, lang) for s in sentences for lang in LANGS]
    for text in texts:
        assert not re.search(r"NaN|-∞| ∞", text), text
        assert "{" not in text, text
    return texts


def _keys(sentences) -> list[str]:
    return [s.key for s in sentences]


# --- the rows of issue 19, each with the fact behind it -------------------------------


def test_lr_help_says_sgd_moves_against_the_gradient():
    p = torch.tensor([1.0, -2.0], requires_grad=True)
    (p**2).sum().backward()
    g = p.grad.clone()
    torch.optim.SGD([p], lr=0.1).step()
    assert torch.allclose(p.detach(), torch.tensor([1.0, -2.0]) - 0.1 * g)
    assert "반대 방향" in CATALOGS["ko"]["control.lr.help"]
    assert "기울기 방향으로" not in CATALOGS["ko"]["control.lr.help"]
    assert "against its gradient" in CATALOGS["en"]["control.lr.help"]
    assert "along the gradient" not in CATALOGS["en"]["control.lr.help"]


def test_zero_help_names_what_the_page_really_does():
    # The reset before each call is `a.grad = None` (the tensor is dropped, not zeroed).
    history = repeated_backward((2.0, 3.0), (6.0, 4.0), 3, zero=True)
    assert history.a_grads == ((36.0, 81.0),) * 3
    none = next(r for r in zeroing_methods((2.0, 3.0), (6.0, 4.0)) if r.method == "none")
    assert none.after_reset is None
    for lang in LANGS:
        assert "`a.grad = None`" in CATALOGS[lang]["control.zero.help"]
    assert "0으로 되돌리" not in CATALOGS["ko"]["control.zero.help"]
    assert "set back to zero" not in CATALOGS["en"]["control.zero.help"]


def test_intro_the_step_follows_buf_which_can_point_uphill():
    run = opt.run_sgd("valley", (2.0, 3.0), None, 0.01, 0.9, 50)
    against = [k for k in range(2, run.finite_steps + 1)
               if sum(b * g for b, g in zip(run.buffers[k - 1], run.grads[k - 1], strict=True)) < 0]
    assert len(against) >= 5  # the buffer points partly against the gradient in these steps
    for lang in LANGS:
        assert "`buf`" in CATALOGS[lang]["optimizer.intro"]
    assert "against the gradient stored in its `.grad`" not in CATALOGS["en"]["optimizer.intro"]


@pytest.mark.parametrize("a,lr,steps", [((0.1, 0.1), 1.0, 50), ((0.3, 0.3), 0.3, 200)])
def test_why_q_names_only_the_elements_that_ran_away(a, lr, steps):
    comparison = opt.compare_momentum("q", a, (6.0, 4.0), lr, 0.0, steps)
    run = comparison.plain
    assert run.diverged
    assert opt.runaway_elements(run) == ("b[0]", "b[1]")
    assert all(0 < x < a[0] for x in run.stop_params[:2])  # a shrank towards 0
    sentences = outcomes.why(comparison)
    assert _keys(sentences) == ["optimizer.why_q", "optimizer.why_q.runaway_calm"]
    calm = dict(sentences[1].values["calm"])
    assert set(calm) == {"a[0]", "a[1]"} and calm["a[0]"] == run.stop_params[0]
    _rendered(sentences)
    assert "a heads for −∞" not in CATALOGS["en"]["optimizer.why_q"]


def test_q_outlook_stays_put_at_zero_and_creeps_with_b_zero():
    still = opt.compare_momentum("q", (0.0, 0.0), (0.0, 0.0), 0.01, 0.9, 50)
    assert set(still.with_momentum.params) == {(0.0, 0.0, 0.0, 0.0)}
    assert _keys(outcomes.why(still)) == ["optimizer.q_unbounded", "optimizer.q_outlook.still"]
    creeping = opt.compare_momentum("q", (0.3, 0.3), (0.0, 0.0), 0.01, 0.0, 200)
    run = creeping.with_momentum
    assert not run.diverged and run.losses[-1] < 1e-3 and run.losses[-1] > 0
    assert _keys(outcomes.why(creeping))[-1] == "optimizer.q_outlook.creeps"
    for lang in LANGS:  # the old "never settles" is gone
        assert "자리 잡지 못합니다" not in CATALOGS[lang]["optimizer.q_unbounded"]
        assert "never settles on this objective" not in CATALOGS[lang]["optimizer.q_unbounded"]


@pytest.mark.parametrize("objective", ["valley", "rosenbrock"])
def test_first_step_rises_only_when_lr_times_curvature_passes_2(objective):
    grid = [-3.0 + 0.6 * i for i in range(11)]
    rises = 0
    for lr in LR_CHOICES:
        for a1 in grid:
            for a2 in grid:
                comparison = opt.compare_momentum(objective, (a1, a2), None, lr, 0.0, 1)
                run = comparison.with_momentum
                sentences = outcomes.first_step(comparison)
                if not run.finite_steps:
                    assert _keys(sentences) == ["optimizer.first_diverged"]
                    continue
                if run.losses[1] > run.losses[0]:
                    rises += 1
                    assert _keys(sentences) == ["optimizer.first_up", "optimizer.first_up_numbers"]
                    assert sentences[1].values["lrh"] > 2
                    assert sentences[0].values == {"before": run.losses[0], "after": run.losses[1]}
                else:
                    assert sentences == []
        if lr <= 0.01 and objective == "valley":
            assert rises == 0  # lr·40 < 2: no start can overshoot
    assert rises > 0
    assert "경사가 너무 가팔라서" not in CATALOGS["ko"]["optimizer.first_up"]
    assert "the slope at the start is so steep" not in CATALOGS["en"]["optimizer.first_up"]


def test_training_lesson_at_small_lr_without_zeroing_never_rises_and_ends_lower():
    for lr, (with_, without) in ((1e-4, (23.13, 16.22)), (3e-4, (21.49, 5.978))):
        w, wo = training_run(lr, True), training_run(lr, False)
        assert first_rise(wo.losses) is None
        sentences = outcomes.training_lesson(w, wo)
        assert _keys(sentences) == ["accumulation.training_lesson",
                                    "accumulation.outcome.never_rose",
                                    "accumulation.outcome.without_lower"]
        assert sentences[2].values["with_"] == pytest.approx(with_, abs=0.01)
        assert sentences[2].values["without"] == pytest.approx(without, abs=0.01)
    assert "다시 커집니다" not in CATALOGS["ko"]["accumulation.training_lesson"]


def test_cross_entropy_keeps_falling_after_the_prediction_is_right_and_stays_positive():
    values = []
    for logit in (1.0, 3.0, 6.0, 12.0):
        logits = torch.zeros(1, 10)
        logits[0, 3] = logit  # class 3 is right from the start
        values.append(float(torch.nn.functional.cross_entropy(logits, torch.tensor([3]))))
    assert all(later < earlier for earlier, later in zip(values, values[1:], strict=False))
    assert all(v > 0 for v in values)
    assert "stops improving" not in CATALOGS["en"]["resnet.loss_falls"]
    assert "더 줄어들지 않습니다" not in CATALOGS["ko"]["resnet.loss_falls"]


@pytest.mark.xdist_group("claims_resnet")
def test_resnet_loss_falls_ever_faster_without_momentum_too(random_resnet):
    result = train_resnet(random_resnet, 0.01, 0.0, 10, 0, 64)
    assert _keys(outcomes.resnet_loss(result)) == ["resnet.loss_falls",
                                                   "resnet.loss_all_down_faster"]
    assert "모멘텀이 있으면" not in CATALOGS["ko"]["resnet.loss_falls"]


@pytest.mark.xdist_group("claims_resnet")
def test_top_random_states_the_measured_probabilities(resnet_runs):
    result = resnet_runs(64, 0.01, 1)  # lr 0.01, momentum 0.9, 1 step, seed 0, 64 px
    sentence = outcomes.resnet_top_random(result)
    probabilities = [p for _, p in result.top_classes]
    assert sentence.values["low"] == 100 * min(probabilities)
    assert sentence.values["high"] == 100 * max(probabilities)
    assert 0.25 < sentence.values["low"] and sentence.values["high"] < 0.5  # 3-4× uniform
    assert "근처에 머물" not in CATALOGS["ko"]["resnet.top_random"]


def test_downsample_is_a_1x1_convolution_then_a_batchnorm():
    from torchvision.models import resnet18

    model = resnet18()
    blocks = [m for name, m in model.named_modules() if name.endswith("downsample")]
    assert len(blocks) == 3
    for block in blocks:
        conv, norm = block
        assert isinstance(conv, torch.nn.Conv2d) and conv.kernel_size == (1, 1)
        assert isinstance(norm, torch.nn.BatchNorm2d)
    names = [n for n, _ in model.named_parameters() if "downsample.1" in n]
    assert names and all(n.endswith(("weight", "bias")) for n in names)
    for lang in LANGS:
        assert "BatchNorm" in CATALOGS[lang]["resnet.grads_caption"].split("`downsample`")[1]


def test_diverged_sentences_state_no_value_and_name_loss_or_parameter():
    for lang in LANGS:
        assert "{value}" not in CATALOGS[lang]["optimizer.diverged"]
        assert "{value}" not in CATALOGS[lang]["optimizer.first_diverged"]
    assert "파라미터" in CATALOGS["ko"]["optimizer.stop.params"]
    run = opt.run_sgd("q", (2.0, 3.0), (6.0, 4.0), 0.01, 0.9, 50)
    assert opt.stop_kind(run) == "loss_neg_inf" and run.stop_value == -math.inf


def test_landscape_captions_curvatures_and_minima():
    """objective_caption.*: valley curvature 40 across, 1 along; minima (0, 0) and (−1, 1)."""
    def valley(p):
        return opt.loss_of("valley", p)

    hessian = torch.autograd.functional.hessian(valley, torch.tensor([0.3, -0.7]))
    assert torch.linalg.eigvalsh(hessian).tolist() == pytest.approx([1.0, 40.0])
    assert opt.VALLEY_STEEP_CURVATURE == 40
    for objective, minimum in opt.MINIMUM.items():
        point = torch.tensor(minimum, requires_grad=True)
        loss = opt.loss_of(objective, point)
        (grad,) = torch.autograd.grad(loss, point)
        assert float(loss) == 0 and grad.abs().max() == 0
    for lang in LANGS:
        assert "40" in CATALOGS[lang]["optimizer.objective_caption.valley"]
        assert "(−1, 1)" in CATALOGS[lang]["optimizer.objective_caption.rosenbrock"]


# --- the rows of issue 27 (content), each with the fact behind it -----------------------


@pytest.fixture(scope="module")
def valley_map():
    from components.ui.momentum_panels import MAP_START

    return mt.rate_map(LR_CHOICES, MAP_START), MAP_START


def test_map_grey_cells_either_blew_up_or_swung_and_say_which(valley_map):
    from components.charts.momentum_map import map_figure
    from components.ui import chart_text
    from components.ui.panels import labels_for

    rates, start = valley_map
    swung = set()
    for j, mu in enumerate(rates.momenta):
        for i, lr in enumerate(rates.lrs):
            kind = rates.kind(j, i)
            if kind == "swing":
                swung.add((lr, mu))
                # Converging by theory, ended nearer in a real run, rate ≥ 1 over the last half.
                run = opt.run_sgd("valley", start, None, lr, mu, rates.steps)
                dists = mt.distances(run)
                assert not run.diverged and dists[-1] < dists[0]
                assert rates.predicted[j][i] < 1 <= rates.measured[j][i]
            elif kind == "blew_up":
                run = opt.run_sgd("valley", start, None, lr, mu, rates.steps)
                assert run.diverged or mt.distances(run)[-1] > mt.distances(run)[0]
    assert swung == {(0.03, 0.96), (0.0003, 0.99), (0.03, 0.99)}
    for lang in LANGS:
        labels = labels_for("optimizer.chart.theory", lang)
        fig = map_figure(rates, None, labels)
        diamonds = next(tr for tr in fig.data if tr.name == labels["swing"])
        assert {(round(10 ** x, 6), y) for x, y in zip(diamonds.x, diamonds.y, strict=True)} \
            == {(round(lr, 6), mu) for lr, mu in swung}
        text = chart_text.rate_map_text(rates, (0.01, 0.9), lang)
        diverged = CATALOGS[lang]["charttext.map.diverged"]
        for j, row in enumerate(text.rows):
            for i, cell in enumerate(row[1:]):
                assert (cell == diverged) == rates.blew_up[j][i], (lang, j, i, cell)
        blew = sum(map(sum, rates.blew_up))
        assert f"{blew}" in text.summary and f" {len(swung)}" in text.summary
        assert "◆" in CATALOGS[lang]["optimizer.theory.map_text"]
    assert "grey cells blew up" not in CATALOGS["en"]["optimizer.theory.map_text"]
    assert "회색 칸은 발산한 실행입니다" not in CATALOGS["ko"]["optimizer.theory.map_text"]


def _stays_on(run, curvatures, direction):
    """The run's offset from the minimum never leaves eigenvector ``direction``."""
    other = curvatures.eigenvectors[1 - direction]
    return all(abs(other[0] * p[0] + other[1] * p[1]) < 1e-9 for p in run.params)


@pytest.mark.parametrize("start", [(1.0, 1.0), (1.0, -1.0), (2.0, 3.0)])
def test_unsettled_reason_follows_the_directions_the_run_moves_in(start):
    curvatures = mt.valley_curvatures()
    seen = set()
    for lr in LR_CHOICES:
        for mu in mt.MAP_MOMENTA:
            run = opt.run_sgd("valley", start, None, lr, mu, 50)
            report = mt.rate_report(run, start, curvatures)
            if report.status != "unsettled":
                continue
            reason = report.unsettled_reason()
            seen.add(reason)
            moving = report.moving()
            if reason == "swing":
                assert any(mt.oscillates(lr, mu, curvatures.eigenvalues[i]) for i in moving)
                continue
            assert not any(mt.oscillates(lr, mu, curvatures.eigenvalues[i]) for i in moving)
            if reason == "mix":
                assert len(moving) == 2
                continue
            (i,) = moving
            assert _stays_on(run, curvatures, i)
            if reason == "one_direction":
                assert report.mode_rates[i] < report.predicted
            else:  # double: equal or nearly equal real eigenvalues, error ~ k·ρᵏ
                assert reason == "double"
                assert mt.double_root_gap(lr, mu, curvatures.eigenvalues[i]) < 0.1
    # The case: along the floor, a double real root 0.9 and no swing.
    run = opt.run_sgd("valley", (1.0, 1.0), None, 0.01, 0.81, 50)
    report = mt.rate_report(run, (1.0, 1.0), curvatures)
    if start == (1.0, 1.0):
        assert report.status == "unsettled" and report.unsettled_reason() == "double"
        assert mt.double_root_gap(0.01, 0.81, curvatures.eigenvalues[0]) == pytest.approx(0, abs=1e-6)
        assert report.mode_rates[0] == pytest.approx(0.9)
        assert seen >= {"swing", "double"}
    for lang in LANGS:
        assert "k·ρᵏ" in CATALOGS[lang]["optimizer.theory.reason.double"]


def test_first_up_multiplies_the_offset_along_the_steps_line_not_the_distance():
    # Valley from (2, 3), lr 0.1: the numbers.
    a, lr = (2.0, 3.0), 0.1
    h = opt.step_curvature("valley", a, None, lr)
    assert h == pytest.approx(39.4, abs=0.05)
    p = torch.tensor(a, dtype=torch.float64, requires_grad=True)
    g = torch.autograd.grad(opt.loss_of("valley", p), p)[0].detach()
    u = -g / g.norm()
    line = [float(opt.loss_of("valley", p.detach() + s * u)) for s in (0.0, 1.0, 2.0)]
    # A parabola through three points: its lowest point along the line.
    curv = line[0] - 2 * line[1] + line[2]
    lowest = 1.0 - (line[2] - line[0]) / (2 * curv)
    step = lr * float(g.norm())
    assert (step - lowest) / (0.0 - lowest) == pytest.approx(1 - lr * h, rel=1e-6)
    after = p.detach() - lr * g
    ratio = float(after.norm()) / float(p.detach().norm())
    assert ratio == pytest.approx(1.06, abs=0.01) and abs(1 - lr * h) > 2.9
    # Along an eigenvector the two factors agree.
    q = torch.tensor((1.0, -1.0), dtype=torch.float64, requires_grad=True)
    gq = torch.autograd.grad(opt.loss_of("valley", q), q)[0]
    hq = opt.step_curvature("valley", (1.0, -1.0), None, lr)
    q = q.detach()
    assert float((q - lr * gq).norm() / q.norm()) == pytest.approx(abs(1 - lr * hq))
    assert "multiplies the distance to the bottom" not in CATALOGS["en"]["optimizer.first_up"]
    assert "바닥까지의 거리를 (1 − lr·h)배" not in CATALOGS["ko"]["optimizer.first_up"]
    assert "line" in CATALOGS["en"]["optimizer.first_up"]
    assert "직선" in CATALOGS["ko"]["optimizer.first_up"]


def test_session_score_says_where_guesses_are_kept_by_mode():
    from components.ui.class_session import class_store

    local = run_page("gradients", {"predict": "1", "a1": "2", "v1": "1"}, lang="en")
    local.number_input(key="guess_a1_grad").set_value(36.0).run()
    local.button(key="reveal_a1_grad").click().run()
    assert_no_exception(local)
    captions = [c.value for c in local.caption]
    assert any("only in this browser tab" in c for c in captions)
    new = class_store().create_class()
    for lang, kept in (("en", "stored on the class's server"), ("ko", "수업 서버에 저장")):
        at = run_page("gradients", {"class": new.code, "predict": "1", "a1": "2", "v1": "1"},
                      lang=lang)
        at.number_input(key="guess_a1_grad").set_value(30.0).run()
        at.button(key="reveal_a1_grad").click().run()
        assert_no_exception(at)
        captions = [c.value for c in at.caption]
        assert any(kept in c for c in captions), captions
        assert not any("only in this browser tab" in c or "이 브라우저 탭에만" in c for c in captions)


def test_student_hints_name_the_students_button():
    button = CATALOGS["ko"]["predict.reveal"]
    for key in ("class.student.joined", "class.student.send_hint",
                "class.student.revealed_unanswered"):
        text = CATALOGS["ko"][key]
        assert f"‘{button}’을 누르면" in text, key
        assert "공개를 누르면" not in text, key


@pytest.mark.xdist_group("claims_resnet")
@pytest.mark.parametrize("size", [32, 64])
def test_resnet_loss_is_negative_from_the_labels_sum_before_any_step(resnet_runs, size):
    result = resnet_runs(size, LR_CHOICES[0], 1)
    outputs = result.losses[0] + result.labels_sum
    assert 450 < result.labels_sum < 550  # 1000 × U(0, 1): about 500
    assert abs(outputs) < 0.1 * result.labels_sum  # the outputs do not outweigh it
    sentence = outcomes.resnet_loss_start(result)
    assert sentence.key == "resnet.loss_unbounded" and result.losses[0] < 0
    assert sentence.values["outputs"] == pytest.approx(outputs)
    for text in _rendered([sentence]):
        assert "500" in text
    if size == 64:  # the numbers: 64 px, seed 0
        assert result.losses[0] == pytest.approx(-486.7, abs=0.1)
        assert result.labels_sum == pytest.approx(506, abs=0.5)
        assert outputs == pytest.approx(19.3, abs=0.1)
    assert "That is why the losses on this page are negative" not in \
        CATALOGS["en"]["resnet.loss_unbounded"]


# --- ③ accumulation: every lr option × reset setting ----------------------------------


def _train_hessian_max() -> float:
    x, y = training_data()

    def loss(params):
        return ((params[0] * x + params[1] - y) ** 2).sum()

    hessian = torch.autograd.functional.hessian(loss, torch.zeros(2))
    return float(torch.linalg.eigvalsh(hessian).max())


@pytest.mark.parametrize("lr", LR_CHOICES)
def test_accumulation_training_sentences_follow_the_runs(lr):
    w, wo = training_run(lr, True), training_run(lr, False)
    # Without zero_grad the loop is SGD with momentum 1, float for float.
    x, y = training_data()
    p = [torch.tensor(0.0, requires_grad=True), torch.tensor(0.0, requires_grad=True)]
    optim = torch.optim.SGD(p, lr=lr, momentum=1.0)
    for k in range(len(wo.losses)):
        optim.zero_grad()
        loss = ((p[0] * x + p[1] - y) ** 2).sum()
        assert loss.item() == wo.losses[k]
        loss.backward()
        optim.step()
    sentences = outcomes.training_lesson(w, wo)
    keys = _keys(sentences)
    assert keys[0] == "accumulation.training_lesson"
    if wo.diverged_at is None:
        rise = first_rise(wo.losses)
        if rise is None:
            assert "accumulation.outcome.never_rose" in keys
            assert all(b <= a for a, b in zip(wo.losses, wo.losses[1:], strict=False))
        else:
            said = next(s for s in sentences if s.key == "accumulation.outcome.rose")
            assert said.values["step"] == rise and wo.losses[rise - 1] > wo.losses[rise - 2]
    if w.diverged_at is None and wo.diverged_at is None:
        lower = "without" if wo.losses[-1] < w.losses[-1] else "with"
        said = sentences[-1]
        assert said.key == f"accumulation.outcome.{lower}_lower"
        assert (said.values["with_"], said.values["without"]) == (w.losses[-1], wo.losses[-1])
        if lower == "without":  # the claim that momentum 1 never settles
            long = _momentum_one_losses(lr, 3000)
            assert max(long[-500:]) > 0.5 * long[0]
    if w.diverged_at is not None and wo.diverged_at is None:
        said = sentences[-1]
        assert said.key == "accumulation.outcome.only_with_diverged"
        assert TRAIN_CURVATURE == pytest.approx(_train_hessian_max())
        assert 2 < said.values["lrh"] == lr * TRAIN_CURVATURE < 4
    if wo.diverged_at is not None:
        assert not any(k.startswith("accumulation.outcome.") for k in keys[1:]
                       if k != "accumulation.outcome.only_with_diverged")
    _rendered(sentences)


def _momentum_one_losses(lr: float, steps: int) -> list[float]:
    x, y = training_data()
    w = torch.tensor(0.0, requires_grad=True)
    c = torch.tensor(0.0, requires_grad=True)
    optim = torch.optim.SGD([w, c], lr=lr)
    losses = []
    for _ in range(steps):
        loss = ((w * x + c - y) ** 2).sum()
        losses.append(loss.item())
        loss.backward()  # no zero_grad: the gradients add up
        optim.step()
    return losses


@pytest.mark.parametrize("lang", LANGS)
def test_accumulation_page_shows_the_chosen_sentences(lang):
    at = run_page("accumulation", {"lr": "0.01", "zero": "0"}, lang=lang)
    for zero in (False, True):
        for lr in LR_CHOICES:
            at.toggle(key="zero").set_value(zero)
            at.select_slider(key="lr").set_value(lr).run()
            assert_no_exception(at)
            assert float(at.query_params["lr"]) == lr
            expected = outcomes.say_all(outcomes.training_lesson(training_run(lr, True),
                                                                 training_run(lr, False)), lang)
            assert expected in [m.value for m in at.markdown], (lr, zero)


# --- ④ optimizer: every objective × lr option × momentum ----------------------------


def _check_runaway(run: opt.SGDRun, sentence) -> None:
    terms = [math.inf if math.isnan(x) else abs(x) for x in opt.q_terms(run.stop_params)]
    named = sentence.values["elements"]
    assert named and set(named) <= set(run.names)
    top = max(terms)
    for name, size in zip(run.names, terms, strict=True):
        assert (name in named) == (size == math.inf if math.isinf(top)
                                   else size >= opt.RUNAWAY_SHARE * top)


def _check_q_run(run: opt.SGDRun) -> None:
    """Q: a never increases (9a² ≥ 0 and buf sums them), |b| never shrinks."""
    for before, after in zip(run.params, run.params[1:], strict=False):
        assert after[0] <= before[0] and after[1] <= before[1]
        assert abs(after[2]) >= abs(before[2]) and abs(after[3]) >= abs(before[3])
        for i in (2, 3):
            if before[i] != 0:
                assert abs(after[i]) > abs(before[i])


def _check_outlook(run: opt.SGDRun, sentence) -> None:
    if sentence.key == "optimizer.q_outlook.runs":
        for name in sentence.values["elements"]:
            i = run.names.index(name)
            values = [p[i] for p in run.params]
            if name.startswith("b"):
                assert values[-1] != 0 and abs(values[-1]) > abs(values[0])
            else:
                assert values[-1] < 0 and values[-1] <= values[0]
    elif sentence.key == "optimizer.q_outlook.creeps":
        assert all(p[2] == 0 and p[3] == 0 for p in run.params)
        assert all(0 <= x for x in run.params[-1][:2])
    else:
        assert sentence.key == "optimizer.q_outlook.still"
        assert set(run.params) == {(0.0, 0.0, 0.0, 0.0)}


def _check_map(comparison: opt.MomentumComparison, sentences) -> None:
    runs = [comparison.with_momentum] + ([] if comparison.plain is comparison.with_momentum
                                        else [comparison.plain])
    by_run = [s for s in sentences if s.key.startswith("optimizer.map_run.")]
    assert len(by_run) == len(runs)
    ends = {}
    for run, said in zip(runs, by_run, strict=True):
        outside = next((k for k, p in enumerate(run.params)
                        if not all(MAP_LOW <= x <= MAP_HIGH for x in p)), run.diverged_at)
        if outside is not None:
            assert said.key == "optimizer.map_run.left" and said.values["step"] == outside
            continue
        start = opt.distance_to_minimum(run.objective, run.params[0])
        end = opt.distance_to_minimum(run.objective, run.params[-1])
        ends[run.momentum] = end
        assert said.values["start"] == start and said.values["end"] == end
        assert said.key == ("optimizer.map_run.closer" if end < start
                            else "optimizer.map_run.farther")
    compared = [s.key for s in sentences if s.key.startswith("optimizer.map_compare.")]
    if len(ends) == 2 and ends[comparison.with_momentum.momentum] != ends[0.0]:
        winner = "momentum" if ends[comparison.with_momentum.momentum] < ends[0.0] else "plain"
        assert compared == [f"optimizer.map_compare.{winner}"]
    else:
        assert compared == []


def _check_comparison(comparison: opt.MomentumComparison) -> None:
    chosen, plain = comparison.with_momentum, comparison.plain
    runs = [chosen] if plain is chosen else [chosen, plain]
    objective = chosen.objective
    # The alarms: one per diverged run, with the step, the words, the count.
    alarms = outcomes.divergence(comparison)
    diverged = [a for a in alarms if a.key == "optimizer.diverged"]
    assert len(diverged) == sum(r.diverged for r in runs)
    for run, alarm in zip([r for r in runs if r.diverged], diverged, strict=True):
        assert alarm.values["step"] == run.diverged_at
        assert alarm.values["done"] == run.finite_steps == run.diverged_at - 1
        kind = alarm.values["what"].key.rsplit(".", 1)[1]
        value = run.stop_value
        assert kind == ("loss_nan" if math.isnan(value) else
                        ("loss_neg_inf" if value < 0 else "loss_pos_inf") if math.isinf(value)
                        else "params")
    growing = [a for a in alarms if a.key == "optimizer.growing"]
    expected_growing = [r for r in runs if objective in opt.LANDSCAPES and not r.diverged
                        and r.losses[-1] > outcomes.GROWTH_ALARM * max(r.losses[0], 1e-3)]
    assert len(growing) == len(expected_growing)
    for run in expected_growing:  # "with more steps float32 would overflow"
        longer = opt.run_sgd(objective, run.params[0], None, run.lr, run.momentum, 1000)
        assert longer.diverged
    # The reasons.
    troubled = [r for r in runs if r.diverged] + expected_growing
    reasons = outcomes.why(comparison)
    if objective == "q":
        for run in runs:
            _check_q_run(run)
        if troubled:
            assert reasons[0].key == "optimizer.why_q" and len(reasons) == 1 + len(troubled)
            for run, said in zip(troubled, reasons[1:], strict=True):
                _check_runaway(run, said)
        else:
            assert reasons[0].key == "optimizer.q_unbounded"
            _check_outlook(chosen, reasons[1])
    elif troubled:
        assert reasons[0].key == "optimizer.why_landscape"
        for run in troubled:  # "try a smaller learning rate" helps
            smaller = opt.run_sgd(objective, run.params[0], None, 0.0001, run.momentum, 50)
            assert not smaller.diverged and smaller.losses[-1] <= smaller.losses[0]
        if objective == "valley":
            for run, said in zip(troubled, reasons[1:], strict=True):
                assert said.values["lrh"] == run.lr * 40 > said.values["limit"] == \
                    2 * (1 + run.momentum)
    else:
        assert reasons == []
    # The first step.
    first = outcomes.first_step(comparison)
    if not chosen.finite_steps:
        assert _keys(first) == ["optimizer.first_diverged"]
    elif chosen.losses[1] > chosen.losses[0]:
        assert _keys(first) == ["optimizer.first_up", "optimizer.first_up_numbers"]
        assert first[1].values["lrh"] > 2
    else:
        assert first == []
    if chosen is not plain and comparison.first_step_identical is not None:
        assert comparison.first_step_identical  # "both runs share" the first step
    # Where the curves part.
    parts = outcomes.curve_parts(comparison)
    if plain is chosen:
        assert parts is None
    else:
        common = min(chosen.finite_steps, plain.finite_steps)
        differ = [k for k in range(1, common + 1) if chosen.params[k] != plain.params[k]]
        if not differ:
            assert parts.key == "optimizer.curve_parts_never"
        elif differ[0] == 2:
            assert parts.key == "optimizer.curve_parts_2"
        else:
            assert parts.key == "optimizer.curve_parts" and parts.values["step"] == differ[0]
    # The map.
    extra = [parts] if parts else []
    if objective in opt.LANDSCAPES:
        caption = outcomes.map_caption(comparison, MAP_LOW, MAP_HIGH)
        _check_map(comparison, caption)
        extra += caption
    _rendered(alarms + reasons + first + extra)


@pytest.mark.parametrize("momentum", MOMENTA)
@pytest.mark.parametrize("lr", LR_CHOICES)
@pytest.mark.parametrize("objective", opt.OBJECTIVES)
def test_optimizer_sentences_follow_the_runs(objective, lr, momentum):
    _check_comparison(opt.compare_momentum(objective, (2.0, 3.0), (6.0, 4.0), lr, momentum, 50))


@pytest.mark.parametrize("a,b", [((0.0, 0.0), (0.0, 0.0)), ((1.0, 0.5), (0.0, 0.0)),
                                 ((-0.5, 0.2), (0.0, 0.0)), ((0.1, 0.1), (6.0, 4.0)),
                                 ((-3.0, 3.0), (-6.0, 0.0))])
@pytest.mark.parametrize("lr", [0.0001, 0.01, 1.0])
def test_optimizer_sentences_on_q_from_other_starts(a, b, lr):
    for momentum in (0.0, 0.9):
        _check_comparison(opt.compare_momentum("q", a, b, lr, momentum, 50))


@pytest.mark.parametrize("a", [(-2.5, 1.0), (0.0, 0.0), (-1.0, 1.0), (3.0, -3.0)])
@pytest.mark.parametrize("objective", ["valley", "rosenbrock"])
def test_optimizer_sentences_on_landscapes_from_other_starts(objective, a):
    for lr in (0.001, 0.03, 0.3):
        _check_comparison(opt.compare_momentum(objective, a, None, lr, 0.9, 50))


@pytest.mark.parametrize("query,lang", [
    ({"objective": "q"}, "ko"),
    ({"objective": "q", "a1": "0.1", "a2": "0.1", "lr": "1", "momentum": "0"}, "en"),
    ({"objective": "valley", "lr": "0.1", "momentum": "0.9"}, "ko"),
    ({"objective": "valley", "lr": "0.01", "momentum": "0.9"}, "en"),
    ({"objective": "rosenbrock", "lr": "0.03", "momentum": "0.99"}, "en"),
    ({"objective": "q", "a1": "0", "a2": "0", "b1": "0", "b2": "0"}, "ko"),
])
def test_optimizer_page_shows_the_chosen_sentences(query, lang):
    # Every value explicit: the sweep must not depend on the schema's defaults.
    at = run_page("optimizer", {"steps": "50", "a1": "2", "a2": "3", "b1": "6", "b2": "4",
                                "lr": "0.01", "momentum": "0.9", **query}, lang=lang)
    assert_no_exception(at)
    text = all_text(at)
    sentences_on_page = [e.value for kind in ("markdown", "caption", "error", "info")
                         for e in getattr(at, kind) if not unwrapped(e.value).startswith("|")]
    a = (float(query.get("a1", 2)), float(query.get("a2", 3)))
    b = (float(query.get("b1", 6)), float(query.get("b2", 4)))
    objective = query["objective"]
    comparison = opt.compare_momentum(objective, a, b if objective == "q" else (0.0, 0.0),
                                      float(query.get("lr", 0.01)),
                                      float(query.get("momentum", 0.9)), 50)
    sentences = (outcomes.divergence(comparison) + outcomes.why(comparison)
                 + outcomes.first_step(comparison))
    if objective != "q":
        sentences += outcomes.map_caption(comparison, MAP_LOW, MAP_HIGH)
    for sentence in sentences:
        assert outcomes.say(sentence, lang) in text
    assert not any(NON_FINITE.search(s) for s in sentences_on_page), "a non-finite number"


# --- ① ResNet: every size × lr option at 1 and 10 steps --------------------------------

# Every lr option always; by default the sizes whose runs are cheap (32 px at 1 and
# 10 steps, 64 px at 1 step), every size × {1, 10} with AUTOGRAD_LAB_FULL_SWEEP=1.
FULL = bool(os.environ.get("AUTOGRAD_LAB_FULL_SWEEP"))
RESNET_SWEEP = [(size, steps) for size in SIZE_CHOICES for steps in (1, 10)
                if FULL or (size, steps) in ((32, 1), (32, 10), (64, 1))]


@pytest.fixture(scope="module")
def random_resnet():
    return load_random()


@pytest.fixture(scope="module")
def resnet_runs(random_resnet):
    """Every (size, lr, steps) of the sweep, computed once (random weights, seed 0)."""
    cache = {}

    def get(size, lr, steps):
        if (size, lr, steps) not in cache:
            cache[(size, lr, steps)] = train_resnet(random_resnet, lr, 0.9, steps, 0, size)
        return cache[(size, lr, steps)]

    return get


# One worker runs the whole sweep (pytest-xdist), so resnet_runs computes each run once.
@pytest.mark.xdist_group("claims_resnet")
@pytest.mark.parametrize("size,steps", RESNET_SWEEP)
def test_resnet_sentences_follow_the_runs(resnet_runs, size, steps):
    moved = []
    for lr in LR_CHOICES:
        result = resnet_runs(size, lr, steps)
        story = outcomes.resnet_loss(result)
        losses = result.losses
        overflow = next((i for i, v in enumerate(losses) if not math.isfinite(v)), None)
        if overflow is not None:
            assert _keys(story) == ["resnet.diverged"]
            assert story[0].values["step"] == overflow and math.isfinite(losses[overflow - 1])
            # "Try fewer steps": one step at the same settings stays finite.
            assert all(math.isfinite(v) for v in resnet_runs(size, lr, 1).losses)
            assert outcomes.resnet_move(result).key == "resnet.move_caption_overflow"
        else:
            drops = [a - b for a, b in zip(losses, losses[1:], strict=False)]
            if steps == 1:
                assert story[1].key == ("resnet.loss_one_down" if drops[0] > 0
                                        else "resnet.loss_one_up")
                assert story[1].values == {"before": losses[0], "after": losses[1]}
            elif any(d <= 0 for d in drops):
                assert story[1].key == "resnet.loss_rose_at"
                assert drops[story[1].values["step"] - 1] <= 0
            else:
                faster = all(b > a for a, b in zip(drops, drops[1:], strict=False))
                assert story[1].key == ("resnet.loss_all_down_faster" if faster
                                        else "resnet.loss_all_down")
            move = outcomes.resnet_move(result)
            changes = {g.group: g.change_norm / g.weight_norm for g in result.groups}
            layer = max(changes, key=changes.get)
            assert move.values["layer"] == layer
            assert move.values["percent"] == pytest.approx(100 * changes[layer])
            moved.append(move.values["percent"])
        top = outcomes.resnet_top_random(result)
        assert top.values["low"] <= top.values["high"] < 1.0  # far from a confident answer
        assert top.values["ratio_high"] == pytest.approx(10 * top.values["high"])
        _rendered(story + [outcomes.resnet_move(result), top])
    # "A smaller learning rate shrinks the bars."
    assert moved == sorted(moved)


def test_resnet_page_never_prints_nan_in_a_sentence():
    at = run_page("resnet", {"size": "32", "lr": "1", "steps": "10", "pretrained": "0"},
                  lang="ko")
    assert_no_exception(at)
    # Tables may show NaN in a cell; sentences never state one.
    sentences = [e.value for kind in ("markdown", "caption", "error", "info")
                 for e in getattr(at, kind) if not unwrapped(e.value).startswith("|")]
    assert not any(NON_FINITE.search(s) for s in sentences)
    assert any("단계를 마친 뒤의 손실" in e.value for e in at.error)
    assert any(e.value.startswith(CATALOGS["ko"]["resnet.loss_unbounded"].split("{")[0])
               for e in at.info)


# --- what the lessons attribute to the tutorial ------------------------------------------


def test_what_the_text_credits_to_the_tutorial_is_in_it():
    if TUTORIAL is None:
        pytest.skip("the seed tutorial is not beside this checkout")
    tutorial = TUTORIAL.read_text(encoding="utf-8")
    for fact in ("torch.tensor([0.7, 0.3])", "optim.zero_grad()", "lr=1e-2, momentum=0.9",
                 "torch.rand(1, 3, 64, 64)", "torch.tensor([2., 3.]", "torch.tensor([6., 4.]",
                 "a.grad = None", "Q.sum().backward()", "CrossEntropyLoss",
                 "(prediction - labels).sum()", "가 오차라고 생각해봅시다", "누적(accumulate)",
                 "Q = 3*a**3 - b**2"):
        assert fact in tutorial, fact
