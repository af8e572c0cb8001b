"""The checkpoints an instructor can ask match what predict mode asks on each lesson."""

import pytest

from components.core.checkpoints import ChoiceAnswer
from components.ui import predict_questions
from components.ui.class_session import CLASS_CHECKPOINTS, find_checkpoint
from components.ui.i18n import CATALOGS
from components.ui.pages import LESSONS
from components.ui.schema import PAGE_CONTROLS


def _defaults(page):
    return {c.name: c.default for c in PAGE_CONTROLS[page]}


def _asked(page):
    """The checkpoints the lesson asks at its default values (the ResNet lesson's
    need a training run, so they are checked through the catalogue only)."""
    d = _defaults(page)
    a, b = (d.get("a1"), d.get("a2")), (d.get("b1"), d.get("b2"))
    if page == "gradients":
        return predict_questions.gradients_checkpoints(a, b, (d["v1"], d["v2"]), lang="en")
    if page == "accumulation":
        return predict_questions.accumulation_checkpoints(a, b, d["calls"], d["zero"],
                                                          d["graph"], lang="en")
    if page == "optimizer":
        return predict_questions.optimizer_checkpoints(d["objective"], a, b, d["lr"],
                                                       d["momentum"], lang="en")
    return None


# Lesson ⑤ (the student's own function) asks no checkpoint questions.
PREDICT_LESSONS = [slug for slug, _ in LESSONS if slug != "expression"]


def test_only_lessons_have_checkpoints_and_every_predict_lesson_has_some():
    assert set(CLASS_CHECKPOINTS) == set(PREDICT_LESSONS)


@pytest.mark.parametrize("page", PREDICT_LESSONS)
def test_every_lesson_has_its_checkpoints_registered_with_their_options(page):
    registered = CLASS_CHECKPOINTS[page]
    asked = _asked(page)
    if asked is not None:
        assert [c.id for c in registered] == [c.id for c in asked]
        for mine, theirs in zip(registered, asked, strict=True):
            if isinstance(theirs.answer, ChoiceAnswer):
                assert mine.options == theirs.answer.options
            else:
                assert mine.is_number
    for checkpoint in registered:
        assert find_checkpoint(checkpoint.id) is checkpoint
        for catalog in CATALOGS.values():
            assert f"{page}.predict.{checkpoint.id}.label" in catalog
            for option in checkpoint.options:
                assert f"{page}.predict.{checkpoint.id}.option.{option}" in catalog
