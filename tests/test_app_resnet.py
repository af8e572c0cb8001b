"""AppTest of the ResNet18 lesson: controls by key, URL state, weights, isolation.

Every test runs offline with its own empty torch hub cache (``go_offline``),
so the results do not depend on the machine's network or cache. Small inputs
(32×32, one or two steps) keep the suite fast where the size does not matter.
"""

from __future__ import annotations

import pytest
import torch

from components.core.resnet import train_resnet
from components.core.resnet_weights import imagenet_categories, load_pristine, load_random
from components.ui import outcomes
from components.ui.i18n import t
from tests.resnet_helpers import go_offline, write_weights_file
from tests.support import (
    all_text,
    assert_no_exception,
    decode_array,
    plotly_specs,
    run_page,
    widget_values,
)

QUICK = {"size": "32", "steps": "1", "pretrained": "0"}


@pytest.fixture(autouse=True)
def offline(monkeypatch, tmp_path):
    calls: list[str] = []
    path = go_offline(monkeypatch, tmp_path, calls)
    return path, calls


@pytest.fixture(scope="module")
def random_pristine():
    return load_random()


def _training_code(at) -> str:
    """The page's "code for what you see" (the training snippet, not the freezing one)."""
    return next(c.value for c in at.code if "optim.step()" in c.value)


def _losses(at) -> list[float]:
    spec = next(s for s in plotly_specs(at)
                if s["data"] and s["data"][0].get("mode") == "lines+markers+text")
    return decode_array(spec["data"][0]["y"])




@pytest.mark.parametrize("lang", ["ko", "en"])
def test_tutorial_defaults_offline(lang, random_pristine, offline):
    at = run_page("resnet", lang=lang)
    assert_no_exception(at)
    # One optim.step(), as the lesson's title says.
    assert widget_values(at, "resnet") == {"lr": 0.01, "momentum": 0.9, "steps": 1, "seed": 0, "size": 64,
                           "pretrained": True, "predict": False}
    expected = train_resnet(random_pristine, 0.01, 0.9, 1, 0, 64)
    assert len(expected.losses) == 2
    assert _losses(at) == pytest.approx(list(expected.losses), rel=1e-5)
    text = all_text(at)
    assert at.title[0].value == t("resnet.title", lang)
    # The one-line fallback note, with the real reason, and the names flagged as meaningless.
    assert [i.value for i in at.info if "offline (test)" in i.value] == [at.info[0].value]
    # Before any loss is shown: the tutorial's loss has no lower bound.
    assert at.info[1].value == outcomes.say(outcomes.resnet_loss_start(expected), lang)
    assert not at.warning
    assert outcomes.say(outcomes.resnet_top_random(expected), lang) in text
    assert "`(1, 1000)`" in text and "AddmmBackward0" in text
    assert "CrossEntropyLoss" in text
    assert imagenet_categories()[expected.top_classes[0][0]] in text
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("resnet.metric_before", lang)] == _fmt(expected.losses[0])
    # One step: "after one step" is the final loss; no repeated "after all steps".
    assert metrics[t("resnet.metric_after_one", lang)] == _fmt(expected.losses[-1])
    assert len([m for m in at.metric if m.label != t("resnet.metric_speedup", lang)]) == 2
    assert "torch.rand(1, 3, 64, 64)" in _training_code(at)
    assert at.query_params["size"] == "64" and at.query_params["pretrained"] == "1"


def _fmt(value):
    from components.numbers import format_number

    return format_number(value)


def test_query_parameters_set_the_controls(random_pristine):
    at = run_page("resnet", {"lr": "0.001", "momentum": "0.5", "steps": "2", "seed": "7",
                             "size": "32", "pretrained": "0"}, lang="en")
    assert_no_exception(at)
    assert not at.warning
    assert widget_values(at, "resnet") == {"lr": 0.001, "momentum": 0.5, "steps": 2, "seed": 7, "size": 32,
                           "pretrained": False, "predict": False}
    expected = train_resnet(random_pristine, 0.001, 0.5, 2, 7, 32)
    assert _losses(at) == pytest.approx(list(expected.losses), rel=1e-5)
    text = all_text(at)
    assert "torch.manual_seed(0); model = resnet18()" in text  # the random-weights caption
    assert "Expected more than 1 value per channel" in text  # why 32×32 runs in eval mode
    code = _training_code(at)
    assert "lr=0.001, momentum=0.5" in code and "range(2)" in code and "model.eval()" in code


@pytest.mark.parametrize("name,raw,expected", [
    ("size", "100000", 224), ("size", "abc", 64), ("lr", "nan", 0.01), ("lr", "5", 1.0),
    ("steps", "inf", 1), ("seed", "", 0), ("momentum", "-1e308", 0.0), ("seed", "9" * 40, 0),
])
def test_bad_parameters_fall_back_with_one_line(name, raw, expected):
    query = {**QUICK, name: raw}
    at = run_page("resnet", query, lang="en")
    assert_no_exception(at)
    assert len(at.warning) == 1 and f"`{name}" in at.warning[0].value
    value = {**widget_values(at, "resnet")}[name]
    assert value == expected
    if name == "size":
        # It really ran at the clamped size, never at 100000.
        assert f"torch.rand(1, 3, {expected}, {expected})" in _training_code(at)
        assert f"{expected}×{expected}" in all_text(at)


def test_moving_controls_recomputes_and_writes_the_url(random_pristine):
    at = run_page("resnet", QUICK, lang="en")
    before = _losses(at)
    at.select_slider(key="lr").set_value(0.001).run()
    at.slider(key="steps").set_value(2).run()
    assert_no_exception(at)
    expected = train_resnet(random_pristine, 0.001, 0.9, 2, 0, 32)
    after = _losses(at)
    assert after[0] == pytest.approx(before[0], rel=1e-6)  # same start, different steps
    assert len(after) == 3 and after[1] != pytest.approx(before[1], rel=1e-3)
    assert after == pytest.approx(list(expected.losses), rel=1e-5)
    assert at.query_params["lr"] == "0.001" and at.query_params["steps"] == "2"


def test_switching_language_keeps_every_value():
    at = run_page("resnet", {**QUICK, "lr": "0.003", "seed": "42"})
    assert t("resnet.forward_title", "ko") in all_text(at)
    at.radio(key="lang").set_value("en").run()
    assert_no_exception(at)
    assert t("resnet.forward_title", "en") in all_text(at)
    assert widget_values(at, "resnet")["lr"] == 0.003 and widget_values(at, "resnet")["seed"] == 42
    assert at.query_params["lang"] == "en" and at.query_params["seed"] == "42"


def test_cached_weights_file_is_used_offline(offline):
    path, calls = offline
    written = write_weights_file(path, seed=5)
    at = run_page("resnet", {"size": "64", "steps": "1"}, lang="en")
    assert_no_exception(at)
    assert calls == []
    assert len(at.success) == 1 and path in at.success[0].value
    # No fallback note: the only info box is the reminder that the loss has no floor.
    assert len(at.info) == 1
    assert at.info[0].value.startswith(t("resnet.loss_unbounded", "en").split("{")[0]) \
        or at.info[0].value.startswith(t("resnet.loss_unbounded_positive", "en").split("{")[0])
    text = all_text(at)
    assert t("resnet.top_pretrained", "en") in text
    pristine = load_pristine(True)
    assert torch.equal(pristine.model.state_dict()["conv1.weight"], written["conv1.weight"])
    expected = train_resnet(pristine, 0.01, 0.9, 1, 0, 64)
    assert _losses(at) == pytest.approx(list(expected.losses), rel=1e-5)
    assert "resnet18(weights=ResNet18_Weights.DEFAULT)" in _training_code(at)


def test_the_failure_is_remembered_for_the_process(offline):
    _, calls = offline
    first = run_page("resnet", QUICK | {"pretrained": "1"}, lang="en")
    second = run_page("resnet", QUICK | {"pretrained": "1", "seed": "3"}, lang="en")
    assert_no_exception(first) and assert_no_exception(second)
    assert len(calls) == 1  # the second session did not try the network again
    assert "offline (test)" in second.info[0].value


def test_two_sessions_do_not_affect_each_other_or_the_pristine_weights(random_pristine):
    from components.ui.resnet_cache import pristine_resnet

    query = {"size": "64", "steps": "1", "pretrained": "0"}
    fast = run_page("resnet", {**query, "lr": "0.1"}, lang="en")
    slow = run_page("resnet", {**query, "lr": "0.001"}, lang="ko")
    fast_losses, slow_losses = _losses(fast), _losses(slow)
    assert fast_losses == pytest.approx(list(train_resnet(random_pristine, 0.1, 0.9, 1, 0, 64).losses),
                                        rel=1e-5)
    assert slow_losses == pytest.approx(list(train_resnet(random_pristine, 0.001, 0.9, 1, 0, 64).losses),
                                        rel=1e-5)
    fast.slider(key="momentum").set_value(0.5).run()
    slow.run()
    assert _losses(slow) == slow_losses  # the other session's rerun changed nothing here
    shared = pristine_resnet(False).model.state_dict()
    fresh = random_pristine.model.state_dict()
    assert all(torch.equal(shared[k], fresh[k]) for k in fresh)
    assert not any(p.requires_grad for p in pristine_resnet(False).model.parameters())


def test_momentum_zero_keeps_no_buffer():
    at = run_page("resnet", {**QUICK, "momentum": "0"}, lang="en")
    assert_no_exception(at)
    assert t("resnet.rule_ok_plain", "en") in all_text(at)
    move = next(s for s in plotly_specs(at)
                if any(a.get("text") == t("resnet.chart.move.no_buffer", "en")
                       for a in s["layout"].get("annotations", [])))
    assert move


def test_an_overflowing_run_says_so_and_draws():
    at = run_page("resnet", {**QUICK, "lr": "1", "steps": "2"}, lang="en")
    assert_no_exception(at)
    sentence = outcomes.resnet_loss(train_resnet(load_random(), 1.0, 0.9, 2, 0, int(QUICK["size"])))
    assert [s.key for s in sentence] == ["resnet.diverged"]
    assert any(outcomes.say(sentence[0], "en") in e.value for e in at.error)
    assert not any("NaN %" in c.value for c in at.caption)
    assert len(plotly_specs(at)) == 4


def test_finetuning_and_no_grad_sections():
    at = run_page("resnet", QUICK, lang="en")
    text = all_text(at)
    assert "| `fc` | 2 ✓ | 0 |" in text and "| `conv1` | 0 | 1 |" in text
    assert "5,130" in text
    assert "`False` | `None`" in text and "`True` | `AddmmBackward0`" in text
    assert any(m.label == t("resnet.metric_speedup", "en") and m.value.endswith("×")
               for m in at.metric)


def test_a_busy_server_says_so_instead_of_hanging(monkeypatch):
    from components.compute_queue import ComputeQueue
    from components.ui import resnet_cache

    monkeypatch.setattr(resnet_cache, "WAIT_LIMIT_S", 0.2)
    # No slot ever frees up: the request waits its time limit, then gives up.
    monkeypatch.setattr(resnet_cache, "_compute_queue", lambda: ComputeQueue(slots=0))
    at = run_page("resnet", {**QUICK, "seed": "31337"}, lang="en")
    assert_no_exception(at)
    assert at.error and t("resnet.busy", "en") in at.error[0].value


def test_at_most_one_resnet_computation_runs_at_once(monkeypatch):
    import threading
    import time
    from types import SimpleNamespace

    from components.ui import resnet_cache

    lock = threading.Lock()
    running: list[int] = []
    peak: list[int] = []

    def slow_training(*args):
        with lock:
            running.append(1)
            peak.append(len(running))
        time.sleep(0.3)
        with lock:
            running.pop()
        return args[1:]

    monkeypatch.setattr(resnet_cache, "train_resnet", slow_training)
    pristine = SimpleNamespace(status=SimpleNamespace(identity="gate-test"))
    results: list = []
    workers = [threading.Thread(target=lambda s=seed: results.append(
        resnet_cache.training_result(pristine, 0.01, 0.9, 1, s, 32))) for seed in range(5)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert len(peak) == 5  # every computation ran…
    assert max(peak) == resnet_cache.MAX_CONCURRENT_RUNS == 1  # …one at a time
    assert sorted(r[3] for r in results) == list(range(5))  # each got its own result
    # The same settings again: served from the result cache, nothing recomputed.
    resnet_cache.training_result(pristine, 0.01, 0.9, 1, 2, 32)
    assert len(peak) == 5


def test_the_instructor_can_allow_more_concurrent_runs(monkeypatch):
    from components.ui import resnet_cache

    for value, expected in (("3", 3), ("0", 1), ("99", 8), ("many", 1)):
        monkeypatch.setenv(resnet_cache.RUNS_ENV, value)
        assert resnet_cache.concurrent_runs() == expected
    monkeypatch.delenv(resnet_cache.RUNS_ENV)
    assert resnet_cache.concurrent_runs() == resnet_cache.MAX_CONCURRENT_RUNS
