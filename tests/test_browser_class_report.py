"""The class report in headless Chromium: axe finds nothing serious in it, and the CSV the
browser downloads is the report (UTF-8 with BOM, headers in the page's language).

``REPORT_SHOTS=<folder>`` also saves screenshots of the report (laptop and projector,
both languages) for a human to look at.
"""

import csv
import io
import os
from pathlib import Path

import pytest

from components.core.checkpoints import BACKWARD_OUTCOMES, LOSS_DIRECTIONS
from components.ui.class_report import CSV_KEYS
from components.ui.i18n import t
from tests.support import open_page, served
from tests.test_browser_accessibility import axe_problems

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser_class_report")]

SIZES = {"laptop": (1440, 900), "projector": (1024, 768)}


@pytest.fixture(scope="module")
def class_db(tmp_path_factory):
    return f"sqlite:///{tmp_path_factory.mktemp('reportdb') / 'classes.sqlite3'}"


@pytest.fixture(scope="module")
def report_server(class_db):
    with served(env={"AUTOGRAD_LAB_DB": class_db}) as url:
        yield url


@pytest.fixture(scope="module")
def a_class(class_db):
    """A class of 24 after a lesson: every question answered, common slips among them."""
    from components.storage.class_store import ClassStore, new_student_id

    error, adds, zero = (float(BACKWARD_OUTCOMES.index(o)) for o in ("error", "adds", "zero"))
    same, lower, higher = (float(LOSS_DIRECTIONS.index(o)) for o in ("same", "lower", "higher"))
    answers = {  # checkpoint: [(guess, truth, slip, how many)]
        "a1_grad": [(36.0, 36.0, None, 15), (12.0, 36.0, "power_rule", 5), (4.0, 36.0, None, 2),
                    (-2.0, 36.0, "b_grad", 1)],
        "a1_grad_calls": [(72.0, 72.0, None, 13), (36.0, 72.0, "overwrite", 9)],
        "second_backward": [(error, error, None, 9), (adds, error, None, 11),
                            (zero, error, None, 3)],
        "a1_after_step": [(1.64, 1.64, None, 12), (2.36, 1.64, "plus_sign", 4),
                          (-0.36, 1.64, "change_only", 3)],
        "momentum_first_loss": [(same, same, None, 6), (lower, same, None, 14),
                                (higher, same, None, 2)],
    }
    store = ClassStore(class_db)
    try:
        new = store.create_class()
        for checkpoint, groups in answers.items():
            for guess, truth, slip, count in groups:
                for _ in range(count):
                    assert store.submit_answer(new.code, checkpoint, new_student_id(), guess,
                                               truth, slip).saved
        store.reveal(new.code, new.key, "a1_grad")
    finally:
        store.dispose()
    return new


def _open(browser, server, new, lang, size, present=False):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height},
                                  locale="en-US", accept_downloads=True)
    page = context.new_page()
    open_page(page, server, "class", f"lang={lang}&class={new.code}&key={new.key}"
              + ("&present=1" if present else ""))
    page.wait_for_selector(".st-key-class_report table", timeout=60_000)
    return context, page


def _shot(page, name: str) -> None:
    folder = os.environ.get("REPORT_SHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    report = page.locator(".st-key-class_report")
    report.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(Path(folder) / f"{name}.png"))


@pytest.mark.parametrize("lang,size,present", [("en", "laptop", False), ("ko", "projector", False),
                                               ("ko", "projector", True)])
def test_the_report_is_accessible_and_its_csv_downloads(browser, report_server, a_class,
                                                        lang, size, present):
    context, page = _open(browser, report_server, a_class, lang, size, present)
    try:
        problems = axe_problems(page)
        assert not problems, "\n".join(problems)
        rows = page.locator(".st-key-class_report table tbody tr")
        # Every question answered, ② to ④; projected, only the one revealed.
        assert rows.count() == (1 if present else 5)
        with page.expect_download() as download:
            page.locator(".st-key-class_report_csv button").click()
        data = Path(download.value.path()).read_bytes()
        assert download.value.suggested_filename == f"class-{a_class.code}-report-{lang}.csv"
        assert data.startswith(b"\xef\xbb\xbf")
        table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert table[0] == [t(f"class.report.col.{name}", lang) for name in CSV_KEYS]
        first = dict(zip(CSV_KEYS, table[1], strict=True))
        assert (first["checkpoint"], first["answers"], first["right"]) == ("a1_grad", "23", "15")
        _shot(page, f"class_report_{size}_{lang}{'_present' if present else ''}")
    finally:
        context.close()


@pytest.mark.skipif(not os.environ.get("REPORT_SHOTS"), reason="screenshots only")
@pytest.mark.parametrize("lang,size,present", [("ko", "laptop", False), ("en", "projector", False),
                                               ("en", "projector", True)])
def test_screenshots(browser, report_server, a_class, lang, size, present):
    context, page = _open(browser, report_server, a_class, lang, size, present)
    try:
        _shot(page, f"class_report_{size}_{lang}{'_present' if present else ''}")
    finally:
        context.close()
