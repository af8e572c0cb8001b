"""The classroom frame without a browser: reset, presenter view, share link,
next-lesson links, home card order, and the presenter scale of the charts."""

from __future__ import annotations

import pytest

from components.ui.i18n import t
from components.ui.pages import LESSONS
from components.ui.schema import controls_for, format_value
from tests.support import all_text, assert_no_exception, image_alts, run_page, widget_values

SLUGS = [slug for slug, _ in LESSONS]
# One value per lesson control that differs from its default, URL-formatted.
CHANGED = {
    "a1": "-1", "a2": "0.5", "b1": "2", "b2": "-3", "v1": "0.7", "v2": "0.3", "calls": "5",
    "zero": "1", "graph": "retain", "lr": "0.1", "momentum": "0.5", "steps": "2", "seed": "7",
    "size": "32", "pretrained": "0", "objective": "rosenbrock",
}


@pytest.mark.parametrize("slug", SLUGS)
def test_tutorial_values_button_resets_controls_and_url(slug):
    query = {c.name: CHANGED[c.name] for c in controls_for(slug) if c.name in CHANGED}
    if slug == "resnet":
        query["pretrained"] = "0"  # no download attempt in the test
    at = run_page(slug, query, lang="en")
    assert_no_exception(at)
    assert at.query_params["lr" if "lr" in query else "a1"] == query["lr" if "lr" in query else "a1"]
    at.button(key="reset_defaults").click().run()
    assert_no_exception(at)
    defaults = {c.name: c.default for c in controls_for(slug)}
    shown = widget_values(at, slug, tuple(w for w in defaults
                                          if not (slug == "optimizer" and w in ("b1", "b2"))))
    assert shown == {k: v for k, v in defaults.items() if k in shown}
    for control in controls_for(slug):
        assert at.query_params[control.name] == format_value(control, control.default)
    # The language is not a lesson value: it stays.
    assert at.query_params["lang"] == "en"


def test_home_has_no_reset_button():
    at = run_page("home", lang="ko")
    assert not [b for b in at.button if b.key == "reset_defaults"]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("slug", SLUGS)
def test_every_lesson_ends_with_a_link_to_the_next(slug, lang):
    at = run_page(slug, {"pretrained": "0", "size": "32"} if slug == "resnet" else None,
                  lang=lang)
    assert_no_exception(at)
    last = at.markdown[-1].value
    index = SLUGS.index(slug)
    if index + 1 < len(SLUGS):
        nxt = SLUGS[index + 1]
        assert last == f"[{t('top.next', lang, title=t(f'nav.{nxt}', lang))}](./{nxt}?lang={lang})"
    else:
        assert last == f"[{t('top.last', lang)}](./?lang={lang})"


def test_home_cards_are_in_lesson_order():
    """Cards fill rows left to right, so stacked on a phone they read ①②③④."""
    at = run_page("home", lang="en")
    # The cards' links, after the top bar's menu (which lists home + every lesson).
    links = [m.value for m in at.markdown if m.value.startswith("[") and "](./" in m.value]
    cards = links[len(SLUGS) + 1:]
    assert [link.split("](./")[1].split("?")[0] for link in cards] == SLUGS


def test_presenter_view_shows_the_share_panel_and_keeps_present_in_the_url():
    at = run_page("gradients", {"present": "1", "a1": "-1"}, lang="en")
    assert_no_exception(at)
    assert at.toggle(key="present").value is True
    assert at.query_params["present"] == "1"
    text = all_text(at)
    assert t("share.title", "en") in text
    # AppTest has no browser, so no address: one line instead of a QR code.
    assert t("share.unreachable.unknown", "en", env="AUTOGRAD_LAB_PUBLIC_URL") in text
    assert t("share.qr_alt", "en") not in image_alts(at)
    assert not [c for c in at.code if "://" in c.value]
    # Turning it off removes the panel and writes present=0.
    at.toggle(key="present").set_value(False).run()
    assert at.query_params["present"] == "0"
    assert t("share.title", "en") not in all_text(at)


def test_bad_present_value_falls_back_with_one_line():
    at = run_page("gradients", {"present": "yes please"}, lang="en")
    assert_no_exception(at)
    assert at.toggle(key="present").value is False
    assert len(at.warning) == 1 and "`present" in at.warning[0].value


def test_presenter_scale_enlarges_every_chart_text():
    from components.charts.accumulation import history_figure
    from components.charts.style import PRESENT_SCALE, TICK_FONT, scaled
    from components.core.accumulation import repeated_backward
    from components.ui.panels import labels_for

    runs = [repeated_backward((2.0, 3.0), (6.0, 4.0), 3, zero=z, graph="rebuild")
            for z in (False, True)]
    fig = history_figure(*runs, False, labels_for("accumulation.chart.history", "en"), "a")
    original_tick = fig.layout.xaxis.tickfont.size
    big = scaled(fig, PRESENT_SCALE)
    assert big.layout.height == round(fig.layout.height * PRESENT_SCALE)
    for name in ("xaxis", "yaxis", "xaxis2", "yaxis2"):
        # Axes that left ticks to the theme now have explicit, scaled ones.
        assert big.layout[name].tickfont.size >= TICK_FONT["size"] * PRESENT_SCALE - 1e-9
    for before, after in zip(fig.layout.annotations, big.layout.annotations, strict=True):
        if before.font.size:
            assert after.font.size == pytest.approx(before.font.size * PRESENT_SCALE, abs=0.05)
    assert big.layout.template == fig.layout.template
    assert fig.layout.xaxis.tickfont.size == original_tick  # the original is left alone


def test_backward_graph_scale_keeps_the_drawing():
    from components.charts.graph_svg import backward_graph_svg
    from components.core.gradients import gradients_of_q
    from components.ui.panels import labels_for

    result = gradients_of_q((2.0, 3.0), (6.0, 4.0), (1.0, 1.0))
    labels = labels_for("gradients.graph", "ko")
    plain = backward_graph_svg(result.graph, labels)
    big = backward_graph_svg(result.graph, labels, scale=1.3)

    def attr(svg, name):
        return float(svg.split(f' {name}="', 1)[1].split('"', 1)[0])

    assert attr(big, "width") == pytest.approx(1.3 * attr(plain, "width"), abs=1)
    view = plain.split('viewBox="', 1)[1].split('"', 1)[0]
    assert f'viewBox="{view}"' in big
    assert big.split(">", 1)[1] == plain.split(">", 1)[1]
