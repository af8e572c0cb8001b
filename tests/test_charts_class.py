"""The class-spread figures: counts per bin, the answer's bin, no individual answers."""

import pytest

from components.charts.class_spread import (
    RIGHT_COLOR,
    WRONG_COLOR,
    choice_figure,
    histogram_bins,
    spread_figure,
)

LABELS = {"x": "guess", "y": "students", "right": "right", "wrong": "wrong",
          "answer": "torch: {value}"}


def _bars(fig):
    return [(tr.name, list(tr.x), list(tr.y)) for tr in fig.data if tr.type == "bar"]


@pytest.mark.parametrize("guesses,answer", [
    ([36, 36, 12, 81, 35.9, -4], 36.0), ([0.0, 0.0, 0.0], 0.0), ([1e6, -1e6], 5.0),
    ([2.5], 2.5), ([1.98, 2.0, 2.02, 3.0], 1.99),
])
def test_bins_hold_every_guess_and_centre_the_answer(guesses, answer):
    start, width, count = histogram_bins(guesses, answer)
    assert width > 0 and 1 <= count <= 16
    for value in [*guesses, answer]:
        assert start <= value <= start + count * width
    offset = (answer - start) / width
    assert offset % 1 == pytest.approx(0.5)


def test_spread_counts_right_and_wrong_guesses_per_bin():
    guesses = [36.0, 36.2, 12.0, 81.0, 12.0]
    right = [True, True, False, False, False]
    fig = spread_figure(guesses, right, 36.0, LABELS)
    (rname, centers, rights), (wname, _, wrongs) = _bars(fig)
    assert (rname, wname) == ("right", "wrong")
    assert sum(rights) == 2 and sum(wrongs) == 3
    # Both right guesses share the answer's bin; the two 12s share one bin.
    answer_bin = min(range(len(centers)), key=lambda i: abs(centers[i] - 36.0))
    assert rights[answer_bin] == 2 and max(wrongs) == 2
    assert fig.layout.shapes[0].x0 == 36.0  # the answer line
    assert "torch: 36" in fig.layout.annotations[0].text


def test_spread_without_answer_or_guesses():
    fig = spread_figure([3.0, 4.0], [False, False], None, LABELS)
    assert not fig.layout.shapes and sum(_bars(fig)[1][2]) == 2
    empty = spread_figure([], [], 36.0, LABELS)
    assert _bars(empty) == [] and empty.layout.shapes[0].x0 == 36.0


def test_choice_figure_colours_the_right_option():
    fig = choice_figure([3, 1, 0], ["adds", "same", "error"], 0, {"y": "n"})
    bar = fig.data[0]
    assert list(bar.x) == [3, 1, 0] and list(bar.y) == ["adds", "same", "error"]
    assert bar.orientation == "h"
    assert bar.marker.color[0] == RIGHT_COLOR and bar.marker.color[1] == WRONG_COLOR
    # Not by colour alone: the right option has a ✓, the wrong ones a hatch.
    assert bar.text[0] == "3 ✓" and bar.text[1] == "1"
    assert bar.marker.pattern.shape[0] == "" and bar.marker.pattern.shape[1] == "/"
