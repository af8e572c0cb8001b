"""Class mode's database faults in headless Chromium: what a student and an instructor
see, and that the pages carry on by themselves (their fragments refresh every 2 s)."""

import contextlib
import sqlite3
import time

import pytest

from components.storage.class_store import ClassStore
from tests.support import open_page, served, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser_class_faults")]

SHOTS = None  # set to a folder to keep the screenshots of the two lines


@contextlib.contextmanager
def _tab(browser, **options):
    context = browser.new_context(locale="en-US", **options)
    try:
        yield context.new_page()
    finally:
        context.close()


def _shot(tab, name):
    if SHOTS:
        tab.screenshot(path=f"{SHOTS}/{name}.png", full_page=False)


def test_a_locked_database_gives_one_line_and_the_answer_arrives_by_itself(browser, tmp_path):
    path = tmp_path / "classes.sqlite3"
    url = f"sqlite:///{path}"
    store = ClassStore(url)
    new = store.create_class()
    with served(env={"AUTOGRAD_LAB_DB": url}) as base, \
            _tab(browser, viewport={"width": 390, "height": 844}, is_mobile=True,
                 has_touch=True) as tab:
        open_page(tab, base, "gradients", f"class={new.code}&predict=1&lang=en")
        box = tab.locator(".st-key-guess_a1_grad input")
        box.click()
        box.fill("36")
        tab.keyboard.press("Enter")
        wait_idle(tab)
        locker = sqlite3.connect(path, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        try:
            start = time.perf_counter()
            tab.locator(".st-key-reveal_a1_grad button").click()
            line = tab.get_by_text("Not sent yet")
            line.wait_for(timeout=30_000)
            shown = time.perf_counter() - start
            line.scroll_into_view_if_needed()
            _shot(tab, "student_pending_en")
            # Two refreshes later: still the one line, no error, nothing counted.
            time.sleep(4.5)
            assert tab.get_by_text("Not sent yet").count() == 1
            assert tab.locator("[data-testid='stException']").count() == 0
            assert store.instructor_summary(new.code, new.key, "a1_grad").count == 0
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        released = time.perf_counter()
        # Nobody touches the page: its refresh sends the kept answer.
        tab.get_by_text("Answer sent").wait_for(timeout=20_000)
        arrived = time.perf_counter() - released
        assert tab.get_by_text("Not sent yet").count() == 0
        assert tab.locator("[data-testid='stException']").count() == 0
    print(f"\nbrowser: the line {shown:.2f} s after the click; "
          f"sent {arrived:.2f} s after the lock was released")
    assert shown < 3.0, shown  # the busy timeout (1 s) plus the page's own rerun
    summary = store.instructor_summary(new.code, new.key, "a1_grad")
    assert summary.count == 1 and summary.guesses == (36.0,)
    store.dispose()


def test_the_instructor_page_waits_for_a_missing_database_and_carries_on(browser, tmp_path):
    folder = tmp_path / "not-yet"  # SQLite cannot open a file in a folder that is missing
    url = f"sqlite:///{folder / 'classes.sqlite3'}"
    with served(env={"AUTOGRAD_LAB_DB": url}) as base, \
            _tab(browser, viewport={"width": 1024, "height": 768}) as tab:
        open_page(tab, base, "class", "lang=en")
        tab.get_by_text("not answering").wait_for(timeout=30_000)
        _shot(tab, "instructor_db_down_en")
        assert tab.locator("[data-testid='stException']").count() == 0
        assert tab.locator(".st-key-start_class button").count() == 0
        folder.mkdir()
        # No reload: the page's refresh finds the database and draws the page.
        tab.locator(".st-key-start_class button").wait_for(timeout=20_000)
        assert tab.get_by_text("not answering").count() == 0
