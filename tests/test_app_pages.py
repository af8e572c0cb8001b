"""Every page renders without exception in both languages, alone and via the router."""

import pytest

from tests.support import ROOT, all_text, assert_no_exception, run_page

PAGES = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_alone(page, lang):
    at = run_page(page, lang=lang)
    assert_no_exception(at)
    assert at.title, "every page has a title"
    assert at.query_params["lang"] == lang


def test_bad_language_falls_back_to_korean_with_a_message():
    at = run_page("home", {"lang": "xx"})
    assert_no_exception(at)
    assert at.radio(key="lang").value == "ko"
    from components.ui.user_text import literal

    assert "`lang`" in at.warning[0].value and literal("xx") in at.warning[0].value


def test_home_links_every_lesson_and_shows_versions():
    import torch
    import torchvision

    at = run_page("home", lang="en")
    text = all_text(at)
    assert torch.__version__ in text and torchvision.__version__ in text
    assert "tIeHLnjs5U8" in text  # 3Blue1Brown's backpropagation video
    from components.ui.pages import LESSONS

    for slug, _ in LESSONS:
        assert f"./{slug}?lang=en" in text  # standalone: plain links


def test_router_registers_every_page():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert_no_exception(at)
    assert at.title[0].value == "torch.autograd, 직접 만져 보며 배우기"
    from components.ui.pages import LESSONS

    for slug, _ in LESSONS:
        at.switch_page(f"pages/{slug}.py").run()
        assert_no_exception(at)
