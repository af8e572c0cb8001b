"""Issue #27 §3: what goes deeper waits behind a closed "Go deeper" expander,
nothing deleted; and in predict mode it stays hidden until its reveal."""

from __future__ import annotations

from components.ui.i18n import t
from tests.support import assert_no_exception, run_page


def deeper(at, topic_key: str, lang: str = "en"):
    """The "Go deeper: <topic>" expander (exactly one)."""
    label = t("common.deeper", lang, topic=t(topic_key, lang))
    found = [e for e in at.expander if e.label == label]
    assert len(found) == 1, [e.label for e in at.expander]
    return found[0]


def texts(block) -> str:
    return "\n".join(e.value for kind in ("header", "markdown", "caption")
                     for e in getattr(block, kind))


def test_optimizer_theory_waits_behind_go_deeper():
    at = run_page("optimizer", {"objective": "valley"}, lang="en")
    assert_no_exception(at)
    # Closed, it is built only when opened (issue #26: a quarter of every rerun of ④).
    assert not deeper(at, "optimizer.theory.title").children
    at.session_state["optimizer_theory"] = True
    at.run()
    assert_no_exception(at)
    box = deeper(at, "optimizer.theory.title")
    assert t("optimizer.theory.title", "en") in [h.value for h in box.header]
    # The Hessian, the α–μ map and its touch form are all inside.
    assert t("optimizer.theory.map_title", "en") in texts(box)
    assert box.get("plotly_chart"), "the α–μ map is inside the expander"
    assert {s.label for s in box.select_slider} == {t("optimizer.theory.pick_lr", "en"),
                                                     t("optimizer.theory.pick_mu", "en")}
    # Nothing of it outside: the page shows its header once, in the expander.
    assert [h.value for h in at.header].count(t("optimizer.theory.title", "en")) == 1


def test_gradients_sum_note_behind_go_deeper():
    at = run_page("gradients", lang="en")
    assert_no_exception(at)
    box = deeper(at, "gradients.sum_title")
    assert any(t(k, "en") in texts(box) for k in ("gradients.sum_same", "gradients.sum_differ"))


def test_accumulation_side_notes_behind_go_deeper():
    at = run_page("accumulation", lang="en")
    assert_no_exception(at)
    assert t("accumulation.sum_note", "en") in texts(deeper(at, "accumulation.sum_topic"))
    assert t("accumulation.zeroing_intro", "en") in texts(
        deeper(at, "accumulation.zeroing_topic"))
    assert "ones_like" not in t("accumulation.intro", "en")


def test_resnet_side_notes_behind_go_deeper():
    at = run_page("resnet", {"pretrained": "0", "size": "32"}, lang="en")
    assert_no_exception(at)
    sliders = texts(deeper(at, "resnet.controls_hint_topic"))
    assert t("resnet.controls_hint", "en") in sliders and t("resnet.shared_note", "en") in sliders
    assert t("resnet.loss_hand", "en") in texts(deeper(at, "resnet.loss_hand_topic"))
    assert t("resnet.grads_caption", "en") in texts(deeper(at, "resnet.grads_caption_topic"))
    assert t("resnet.top_title", "en") in texts(deeper(at, "resnet.top_topic"))
    assert t("resnet.finetune_presence", "en") in texts(deeper(at, "resnet.finetune_presence_topic"))


def test_predict_mode_still_hides_what_moved_into_an_expander():
    # ④ before its reveals: the drag figure, the first step and the theory all wait.
    at = run_page("optimizer", {"objective": "valley", "predict": "1"}, lang="en")
    assert_no_exception(at)
    labels = [e.label for e in at.expander]
    assert t("common.deeper", "en", topic=t("optimizer.theory.title", "en")) not in labels
    assert not at.get("plotly_chart")
    # ②: the derivation by hand is shown (a guess is made from it), the bars are not.
    at = run_page("gradients", {"predict": "1"}, lang="en")
    assert_no_exception(at)
    assert t("gradients.hand_title", "en") in [h.value for h in at.header]
    assert t("gradients.bars_title", "en") not in [h.value for h in at.header]
    assert t("common.deeper", "en", topic=t("gradients.sum_title", "en")) not in [
        e.label for e in at.expander]


def test_gradients_bars_come_before_the_derivation_outside_predict_mode():
    at = run_page("gradients", lang="en")
    headers = [h.value for h in at.header]
    assert headers.index(t("gradients.bars_title", "en")) < headers.index(
        t("gradients.hand_title", "en"))
