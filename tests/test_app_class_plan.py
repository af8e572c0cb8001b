"""AppTest of the lesson plan: the instructor's panel on a lesson page and the plan on
/class (reorder, remove, present, export, reuse a pasted list), in both languages."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from components.storage.class_plans import ClassPlans, checked_view
from components.ui.i18n import t
from components.ui.share import STUDENT_PARAMETERS
from tests.support import APPTEST_TIMEOUT, ROOT, all_text, assert_no_exception, run_page

PLAN_BUTTONS = {"plan_prev", "plan_next", "plan_add"}


def _view(page, **params):
    return checked_view(page, {k: str(v) for k, v in params.items()})[0]


def _buttons(at) -> set[str]:
    return {b.key for b in at.button}


def _panel_line(at) -> str:
    found = [m.value for m in at.markdown if m.value.startswith("**" + t("plan.title", "ko"))
             or m.value.startswith("**" + t("plan.title", "en"))]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_panel_is_the_verified_instructors_only(store, lang):
    one, two = store.create_class(), store.create_class()
    for query in ({}, {"class": one.code}, {"class": one.code, "key": two.key},
                  {"class": one.code, "key": "k" * 32}, {"key": one.key},
                  {"class": one.code, "key": "<script>" + "x" * 500}):
        at = run_page("gradients", query, lang=lang)
        assert_no_exception(at)
        assert not PLAN_BUTTONS & _buttons(at), query
    at = run_page("gradients", {"class": one.code, "key": one.key, "present": "1"}, lang=lang)
    assert_no_exception(at)
    assert PLAN_BUTTONS <= _buttons(at)
    assert _panel_line(at) == f"**{t('plan.title', lang)}** · " + t("plan.position_off", lang,
                                                                      total=0)
    assert one.key not in all_text(at)  # the projector never shows the key
    assert at.button(key="plan_next").disabled and at.button(key="plan_prev").disabled


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_add_this_view_then_step_back_on_the_same_lesson(store, lang):
    new = store.create_class()
    plans = ClassPlans(store)
    at = run_page("gradients", {"class": new.code, "key": new.key, "a1": "-1"}, lang=lang)
    at.button(key="plan_add").click().run()
    assert_no_exception(at)
    assert t("plan.added", lang, position=1) in [c.value for c in at.caption]
    assert at.button(key="plan_add").disabled  # this view is in the plan now
    at.slider(key="a1").set_value(1.5).run()
    at.button(key="plan_add").click().run()
    assert _panel_line(at).endswith("2 / 2")
    assert [v.as_dict()["a1"] for v in plans.plan(new.code, new.key).items] == ["-1", "1.5"]
    at.button(key="plan_prev").click().run()
    assert_no_exception(at)
    assert _panel_line(at).endswith("1 / 2")
    assert at.slider(key="a1").value == -1.0 and at.query_params["a1"] == "-1"
    assert at.button(key="plan_prev").disabled
    at.button(key="plan_next").click().run()
    assert at.slider(key="a1").value == 1.5 and at.query_params["a1"] == "1.5"
    assert plans.plan(new.code, new.key).current == 1
    # A slider moved on item 2: still item 2 of the plan, and this new view can be added.
    at.slider(key="b1").set_value(-2.0).run()
    assert _panel_line(at).endswith("2 / 2")
    assert not at.button(key="plan_add").disabled
    at.button(key="plan_prev").click().run()
    assert at.slider(key="a1").value == -1.0 and at.slider(key="b1").value == 6.0


def _router(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    for name, value in query.items():
        at.query_params[name] = value
    return at


def test_next_and_previous_open_another_lesson_with_its_values(store):
    new = store.create_class()
    ClassPlans(store).extend(new.code, new.key, [
        _view("gradients", a1=-1, v1=0.5), _view("accumulation", calls=7, zero=1),
        _view("optimizer", lr=0.1, objective="q", steps=5)])
    at = _router({"class": new.code, "key": new.key, "lang": "en", "present": "1"})
    at.switch_page("pages/gradients.py").run()
    assert_no_exception(at)
    assert _panel_line(at).endswith(t("plan.position_off", "en", total=3))
    at.button(key="plan_next").click().run()  # the first step opens item 1
    assert_no_exception(at)
    assert at.query_params["a1"] == "-1" and at.query_params["v1"] == "0.5"
    assert at.slider(key="a1").value == -1.0 and _panel_line(at).endswith("1 / 3")
    at.button(key="plan_next").click().run()
    assert_no_exception(at)
    assert at.title[0].value == t("accumulation.title", "en")
    assert at.slider(key="calls").value == 7 and at.toggle(key="zero").value
    assert at.query_params["calls"] == "7" and at.query_params["zero"] == "1"
    # The instructor's own session goes on (class, key and presenter view are carried):
    # still the instructor's panel, still presenting.
    assert at.query_params["present"] == "1" and at.query_params["class"] == new.code
    assert _panel_line(at).endswith("2 / 3")
    at.button(key="plan_next").click().run()
    assert at.title[0].value == t("optimizer.title", "en")
    assert at.query_params["lr"] == "0.1" and at.query_params["objective"] == "q"
    assert at.button(key="plan_next").disabled
    at.button(key="plan_prev").click().run()
    at.button(key="plan_prev").click().run()
    assert_no_exception(at)
    assert at.title[0].value == t("gradients.title", "en")
    assert at.slider(key="v1").value == 0.5 and at.query_params["v1"] == "0.5"
    assert new.key not in all_text(at)


def test_a_lesson_opened_from_class_keeps_the_key_and_shows_the_panel(store):
    new = store.create_class()
    at = _router({"class": new.code, "key": new.key, "lang": "ko"})
    at.switch_page("pages/class.py").run()
    assert_no_exception(at)
    at.query_params.clear()  # an in-app link: the browser drops the query string
    at.switch_page("pages/optimizer.py").run()
    assert_no_exception(at)
    assert PLAN_BUTTONS <= _buttons(at)
    at.button(key="plan_add").click().run()
    assert ClassPlans(store).plan(new.code, new.key).items[0].page == "optimizer"


def _class_page(store, new, lang):
    at = run_page("class", {"class": new.code, "key": new.key}, lang=lang)
    assert_no_exception(at)
    return at


def _item_lines(at) -> list[str]:
    return [m.value for m in at.markdown if m.value[:2] == "**" and m.value[2:3].isdigit()]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_class_lists_reorders_removes_and_presents_the_plan(store, lang, monkeypatch):
    monkeypatch.setenv("AUTOGRAD_LAB_PUBLIC_URL", "https://lab.example.org")
    new = store.create_class()
    plans = ClassPlans(store)
    two, three, four = (_view("gradients", a1=-1), _view("accumulation"),
                        _view("optimizer", lr=0.1))
    plans.extend(new.code, new.key, [two, three, four])
    at = _class_page(store, new, lang)
    lines = _item_lines(at)
    assert lines[0].startswith("**1.** " + t("nav.gradients", lang)) and "a1=-1" in lines[0]
    assert t("plan.defaults", lang) in lines[1] and "lr=0.1" in lines[2]
    assert at.button(key="class_plan_up_0").disabled
    assert at.button(key="class_plan_down_2").disabled
    assert new.key not in all_text(at)

    at.button(key="class_plan_down_0").click().run()
    assert plans.plan(new.code, new.key).items == (three, two, four)
    at.button(key="class_plan_up_2").click().run()
    assert plans.plan(new.code, new.key).items == (three, four, two)
    at.button(key="class_plan_remove_0").click().run()
    assert_no_exception(at)
    assert plans.plan(new.code, new.key).items == (four, two)
    assert len(_item_lines(at)) == 2


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_export_is_student_links_without_the_key_and_reuse_fills_a_new_class(store, lang,
                                                                            monkeypatch):
    monkeypatch.setenv("AUTOGRAD_LAB_PUBLIC_URL", "https://lab.example.org/autograd")
    old = store.create_class()
    views = [_view("gradients", a1=-1, v1=0.5), _view("expression", expr="a*b"),
             _view("resnet", seed=3, size=32)]
    ClassPlans(store).extend(old.code, old.key, views)
    at = _class_page(store, old, lang)
    exported = [c.value for c in at.code if "lab.example.org" in c.value and "\n" in c.value]
    assert len(exported) == 1
    links = exported[0].splitlines()
    assert len(links) == 3
    for link in links:
        assert link.startswith("https://lab.example.org/autograd/")
        query = parse_qs(urlsplit(link).query)
        assert set(query) <= STUDENT_PARAMETERS and query["class"] == [old.code]
    download = at.get("download_button")
    assert old.key not in all_text(at)  # nor in the "Present" links (markdown here)
    assert len(download) == 1 and old.key not in str(download[0].proto)

    new = store.create_class()
    at = _class_page(store, new, lang)
    assert t("plan.class_empty", lang) in [c.value for c in at.caption]
    at.text_area(key="class_plan_paste").set_value(exported[0]).run()
    at.button(key="class_plan_fill").click().run()
    assert_no_exception(at)
    assert ClassPlans(store).plan(new.code, new.key).items == tuple(views)
    assert [i.value for i in at.info] == [t("plan.filled", lang, count=3)]
    assert at.text_area(key="class_plan_paste").value == ""
    assert ClassPlans(store).plan(old.code, old.key).items == tuple(views)  # untouched


HOSTILE_PASTE = "\n".join([
    "https://lab.example.org/gradients?a1=-1",
    "javascript:alert(document.cookie)",
    "<img src=x onerror=alert(1)>",
    "__import__('os').system('touch /tmp/pwned')",
    "https://lab.example.org/class?class=ACDEFG&key=" + "k" * 32,
    "https://lab.example.org/gradients?a1=nan&b2=1e999",
    "https://lab.example.org/expression?expr=().__class__.__bases__",
    "https://lab.example.org/gradients?a1=-1",
    "x" * 5000,
])


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_hostile_paste_gives_one_line_and_only_valid_views(store, lang):
    new = store.create_class()
    at = _class_page(store, new, lang)
    at.text_area(key="class_plan_paste").set_value(HOSTILE_PASTE).run()
    at.button(key="class_plan_fill").click().run()
    assert_no_exception(at)
    items = ClassPlans(store).plan(new.code, new.key).items
    assert [v.page for v in items] == ["gradients", "gradients", "expression"]
    assert items[1].as_dict()["a1"] == "2" and items[1].as_dict()["b2"] == "4"
    assert items[2].as_dict()["expr"] == "3*a**3 - b**2"
    assert all("key" not in v.as_dict() for v in items)
    assert len(at.info) == 1
    line = at.info[0].value
    assert "\n" not in line and "2, 3, 4, 5, 9" in line
    assert "` a1 `" in line and "` expr `" in line
    assert t("plan.fill_repeated", lang, count=1) in line
    # Pasted again: nothing new, the line says the views were already there.
    at.text_area(key="class_plan_paste").set_value(HOSTILE_PASTE).run()
    at.button(key="class_plan_fill").click().run()
    assert len(ClassPlans(store).plan(new.code, new.key).items) == 3
    assert t("plan.filled", lang, count=0) in at.info[0].value


def test_the_plan_is_not_shown_without_the_key_or_in_presenter_view(store):
    new, other = store.create_class(), store.create_class()
    ClassPlans(store).add(new.code, new.key, _view("gradients", a1=-1))
    at = run_page("class", {"class": new.code, "key": other.key}, lang="en")
    assert_no_exception(at)
    assert not [b for b in at.button if b.key.startswith("class_plan")]
    assert not at.get("page_link") and not at.get("text_area")
    at = run_page("class", {"class": new.code, "key": new.key, "present": "1"}, lang="en")
    assert_no_exception(at)
    assert not [b for b in at.button if b.key.startswith("class_plan")]


def test_present_opens_the_item_in_presenter_view_in_this_session(store):
    new = store.create_class()
    ClassPlans(store).extend(new.code, new.key, [_view("gradients", a1=-1),
                                                 _view("optimizer", lr=0.1, objective="q")])
    at = _router({"class": new.code, "key": new.key, "lang": "en"})
    at.switch_page("pages/class.py").run()
    assert_no_exception(at)
    links = at.get("page_link")
    presents = [link.proto for link in links if link.proto.label == t("plan.open", "en")]
    assert len(presents) == 2
    query = parse_qs(presents[1].query_string)
    # The view and presenter view only: the session holds the class and the key.
    assert presents[1].page == "optimizer"
    assert query["lr"] == ["0.1"] and query["objective"] == ["q"] and query["present"] == ["1"]
    assert not {"key", "class"} & set(query)
    at.query_params.clear()
    for name, values in query.items():
        at.query_params[name] = values[0]
    at.switch_page("pages/optimizer.py").run()  # what the link does
    assert_no_exception(at)
    assert at.query_params["lr"] == "0.1" and at.query_params["present"] == "1"
    assert _panel_line(at).endswith("2 / 2")
    at.button(key="plan_prev").click().run()
    assert_no_exception(at)
    assert at.title[0].value == t("gradients.title", "en") and at.query_params["a1"] == "-1"
