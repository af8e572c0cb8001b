"""A lesson plan as a link list, and a pasted list read back (hostile text)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from components.storage.class_plans import MAX_PLAN_ITEMS, checked_view
from components.ui.plan_links import MAX_LINES, MAX_PASTE_CHARS, export_links, parse_links
from components.ui.share import STUDENT_PARAMETERS

ROOT = "https://lab.example.org:8501"


def _view(page, **params):
    return checked_view(page, {k: str(v) for k, v in params.items()})[0]


VIEWS = [_view("gradients", a1=-1, v1=0.5), _view("accumulation", calls=5, zero=1),
         _view("optimizer", lr=0.1, objective="q"), _view("expression", expr="a*b + b**2"),
         _view("resnet", seed=7, size=32)]


def test_export_is_one_student_link_per_line_and_reads_back_to_the_same_plan():
    text = export_links(ROOT, VIEWS, "ACDEFG", "en")
    lines = text.splitlines()
    assert len(lines) == len(VIEWS)
    for line, view in zip(lines, VIEWS, strict=True):
        parts = urlsplit(line)
        assert f"{parts.scheme}://{parts.netloc}" == ROOT and parts.path == f"/{view.page}"
        query = parse_qs(parts.query)
        assert set(query) <= STUDENT_PARAMETERS and not {"key", "present"} & set(query)
        assert query["class"] == ["ACDEFG"] and query["lang"] == ["en"]
    pasted = parse_links(text)
    assert pasted.views == VIEWS and not pasted.skipped and not pasted.fixed


def test_a_list_from_another_server_or_path_is_reused():
    text = ("https://lab.example.org/autograd/gradients?a1=-1&v1=0.5&class=QQQQQQ\n\n"
            "   /accumulation?calls=5&zero=1   \n"
            "optimizer?lr=0.1&objective=q#top\n")
    pasted = parse_links(text)
    assert pasted.views == VIEWS[:3] and not pasted.skipped


HOSTILE = [
    "javascript:alert(1)//gradients?a1=1",
    "<script>alert(1)</script>",
    "__import__('os').system('rm -rf /')",
    "http://x/class?class=ACDEFG&key=" + "k" * 32,
    "http://x/?a1=1",
    "http://x/home?a1=1",
    "http://x/gradients?a1=1 http://x/optimizer",
    "http://x/" + "g" * 5000,
    "http://[::1/gradients",
    "ftp://x/gradients?a1=1",
    "data:text/html,<b>gradients</b>",
    "http://x/gradients?" + "&".join(f"f{i}=1" for i in range(200)),
    "\u202egradients",
]


def test_hostile_lines_are_skipped_with_their_numbers_and_nothing_runs():
    good = "http://x/gradients?a1=-1&v1=0.5"
    pasted = parse_links("\n".join([good, *HOSTILE, good]))
    assert pasted.views == [VIEWS[0]]
    assert pasted.skipped == list(range(2, 2 + len(HOSTILE)))
    assert pasted.repeated == 1


def test_bad_values_are_replaced_and_named_and_the_key_is_never_kept():
    pasted = parse_links("http://x/gradients?a1=nan&a2=1e999&b1=abc&b2=99&key="
                         + "k" * 32 + "&present=1&a1=2")
    assert pasted.fixed == ["a1", "a2", "b1", "b2"]
    values = pasted.views[0].as_dict()
    assert values["a1"] == "2" and values["b2"] == "6" and "key" not in values
    expression = parse_links("http://x/expression?expr=__import__('os')")
    assert expression.fixed == ["expr"]
    assert expression.views[0].as_dict()["expr"] == "3*a**3 - b**2"


def test_a_huge_paste_is_cut_and_a_long_list_stops_at_the_plan_limit():
    lines = [f"http://x/accumulation?calls={1 + i % 10}&lr={lr}&b1={i % 13 - 6}"
             for i, lr in enumerate([0.001, 0.01, 0.1] * 30)]
    pasted = parse_links("\n".join(lines))
    assert len(pasted.views) == MAX_PLAN_ITEMS and pasted.over == len(set(lines)) - MAX_PLAN_ITEMS
    huge = parse_links("http://x/gradients?a1=1\n" + "x" * (10 * MAX_PASTE_CHARS))
    assert huge.cut and len(huge.views) == 1 and huge.skipped == [2]
    # Many short lines: only the first MAX_LINES non-empty ones are read.
    many = parse_links("\n\n".join(f"/gradients?a1={i % 60 / 10 - 3:.1f}" for i in range(900)))
    assert many.cut and len(many.views) == MAX_PLAN_ITEMS
    assert many.repeated + many.over + len(many.views) == MAX_LINES
    assert parse_links(None).views == [] and parse_links(b"gradients").views == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_valid_views_or_nothing(text):
    pasted = parse_links(text)
    for view in pasted.views:
        assert checked_view(view.page, view.as_dict()) == (view, [])
