"""Class mode end to end in headless Chromium: an instructor and two students,
each in their own browser context (own cookies, own Streamlit session)."""

import contextlib
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support import open_page, served, wait_idle

# One worker runs the module (pytest-xdist): its own served app starts once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser_class")]


@pytest.fixture(scope="module")
def class_db(tmp_path_factory):
    """The URL of the served app's own class database (a test can fill it directly)."""
    return f"sqlite:///{tmp_path_factory.mktemp('classdb') / 'classes.sqlite3'}"


@pytest.fixture(scope="module")
def class_server(class_db):
    """The dashboard with its own empty class database."""
    with served(env={"AUTOGRAD_LAB_DB": class_db}) as url:
        yield url


@contextlib.contextmanager
def _tab(browser, **options):
    """A tab in its own browser context (own cookies, own session), closed afterwards."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US",
                                  **options)
    try:
        yield context.new_page()
    finally:
        context.close()


def _send_guess(page, guess: str) -> None:
    box = page.locator(".st-key-guess_a1_grad input")
    box.click()
    box.fill(guess)
    page.keyboard.press("Enter")
    wait_idle(page)
    page.locator(".st-key-reveal_a1_grad button").click()
    page.wait_for_selector("text=Answer sent", timeout=60_000)


def test_instructor_and_two_students_from_start_to_reveal(browser, class_server):
    with contextlib.ExitStack() as tabs:
        teacher = tabs.enter_context(_tab(browser))
        open_page(teacher, class_server, "class", "lang=en")
        teacher.locator(".st-key-start_class button").click()
        # The join code (this server listens on 127.0.0.1 only, so instead of a QR code
        # phones could not open, one line says so: tests/test_browser_room.py).
        teacher.wait_for_selector(".st-key-class_join [data-testid='stMetricValue']",
                                  timeout=60_000)
        wait_idle(teacher)
        query = parse_qs(urlsplit(teacher.url).query)
        code, key = query["class"][0], query["key"][0]
        assert len(code) == 6 and len(key) == 32
        assert teacher.locator(f"text={key}").count() >= 1  # shown once, right now
        assert teacher.locator("[data-testid='stImage'] img").count() == 0
        assert "127.0.0.1" in teacher.locator(".st-key-class_join").inner_text()

        students = []
        for guess in ("30", "36"):
            student = tabs.enter_context(_tab(browser, is_mobile=True, has_touch=True))
            student.bring_to_front()
            open_page(student, class_server, "gradients",
                      f"class={code}&predict=1&lang=en")
            assert student.locator("text=You are in class").count() == 1
            _send_guess(student, guess)
            # Waiting: the answer is nowhere on the page yet.
            assert student.locator("[data-testid='stAlertContentSuccess']").count() == 0
            assert student.locator(".js-plotly-plot").count() == 0
            students.append(student)

        # The instructor's page counts both answers by itself (fragment refresh).
        # Playwright waits on animation frames, which Chromium pauses in a tab that
        # is not in front: bring each page forward before waiting on it.
        teacher.bring_to_front()
        teacher.wait_for_selector("text=Answers: 2", timeout=45_000)
        teacher.locator(".st-key-class_reveal_a1_grad button").click()
        teacher.wait_for_selector(".st-key-class_card_a1_grad >> text=Revealed", timeout=30_000)

        # Each student sees the answer without touching the page, and the class's spread.
        for student, right in zip(students, (False, True), strict=True):
            kind = "Success" if right else "Error"
            student.bring_to_front()
            student.wait_for_selector(f"[data-testid='stAlertContent{kind}']", timeout=45_000)
            wait_idle(student)
            alert = student.locator(f"[data-testid='stAlertContent{kind}']").first.inner_text()
            assert "36" in alert
            student.wait_for_selector("text=How the whole class answered: 2 answers",
                                      timeout=30_000)
            # The histogram's plotly chart mounts after its caption: wait for it (under
            # load it came a moment later, and a count taken at once was 0).
            student.wait_for_selector(".js-plotly-plot", timeout=30_000)
            assert student.locator(".js-plotly-plot").count() >= 1
            assert f"class={code}" in student.url and "predict=1" in student.url
            assert student.locator("[data-testid='stException']").count() == 0
        assert teacher.locator("[data-testid='stException']").count() == 0


def test_a_wrong_key_shows_nothing_of_the_class(browser, class_server):
    with _tab(browser) as page:
        open_page(page, class_server, "class", "lang=en")
        page.locator(".st-key-start_class button").click()
        # The join panel (a loopback-only server shows its one line, not a QR code).
        page.wait_for_selector(".st-key-class_join", timeout=60_000)
        wait_idle(page)
        code = parse_qs(urlsplit(page.url).query)["class"][0]
        # Someone else with the join code and a made-up key of the right length.
        with _tab(browser) as stranger:
            open_page(stranger, class_server, "class", f"lang=en&class={code}&key={'A' * 32}")
            assert stranger.locator("text=open the instructor link").count() == 1
            assert stranger.get_by_text(code).count() == 0  # not even the code is repeated
            assert stranger.locator(".js-plotly-plot").count() == 0


# Font size, text and box of every tick label and count label of one plotly chart.
_CHART_TEXT_JS = """chart => {
    const box = chart.querySelector('.main-svg').getBoundingClientRect();
    const read = selector => [...chart.querySelectorAll(selector)].map(el => {
        const r = el.getBoundingClientRect();
        return {text: el.textContent, size: parseFloat(getComputedStyle(el).fontSize),
                inside: r.width > 0 && r.height > 0 && r.left >= box.left - 1 &&
                        r.right <= box.right + 1 && r.top >= box.top - 1 &&
                        r.bottom <= box.bottom + 1,
                opacity: parseFloat(getComputedStyle(el).opacity)};
    });
    return {ticks: read('.xtick text, .ytick text'), counts: read('.scatterlayer .textpoint text')};
}"""


@pytest.mark.parametrize("present,min_tick", [("1", 18), ("0", 14)])
def test_the_projected_histogram_is_large_and_its_bars_carry_their_counts(
        browser, class_server, class_db, present, min_tick):
    """Issue #24: at 1024 px in presenter view the histogram's ticks are 18 px or more,
    and every bar's count is drawn, readable and inside the figure."""
    from components.storage.class_store import ClassStore, new_student_id

    store = ClassStore(class_db)
    try:
        new = store.create_class()
        for guess in [36.0] * 6 + [30.0] * 5 + [12.0]:
            assert store.submit_answer(new.code, "a1_grad", new_student_id(), guess, 36.0).saved
    finally:
        store.dispose()
    context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="en-US")
    try:
        page = context.new_page()
        open_page(page, class_server, "class",
                  f"lang=en&present={present}&class={new.code}&key={new.key}")
        selector = ".st-key-class_card_a1_grad .js-plotly-plot"
        page.wait_for_selector(f"{selector} .scatterlayer .textpoint text", timeout=60_000)
        found = page.locator(selector).first.evaluate(_CHART_TEXT_JS)
        assert found["ticks"] and all(t["size"] >= min_tick for t in found["ticks"]), found["ticks"]
        counts = found["counts"]
        assert sorted(int(c["text"]) for c in counts) == [1, 5, 6]
        for label in counts:
            assert label["inside"] and label["opacity"] > 0.5, label
            assert label["size"] >= min_tick, label
    finally:
        context.close()
