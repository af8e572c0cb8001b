"""A class rehearsal, end to end, the way a lecture uses the app (issue #24).

The server listens on every interface, as ``streamlit run`` on an instructor's
laptop does. The instructor opens it at 127.0.0.1 on a 1024×768 projector,
starts a class and projects ``/class`` in presenter view. Five phones
(390×844, touch) join by decoding the projected QR code, then walk through the
lessons ① to ⑤ in order by the next-lesson links: on every lesson each
student predicts and sends, and the instructor reveals.

What is checked on the way, for every point of the issue:
- the projected join QR holds this machine's LAN address and the server's port,
  and none of the instructor's own parameters (``key``, ``present``);
- the instructor key appears nowhere on the projected page, in text or in any
  QR code;
- after every navigation, every slider shows the value its URL holds;
- a student in a class cannot leave predict mode (the toggle is locked);
- no answer shows on a phone before the instructor reveals it;
- the instructor's cards state each question and the histogram's bars carry
  their counts, large enough for the back row.

This sandbox's rule: test traffic goes to loopback only. The phones therefore
open the decoded link with its host swapped for 127.0.0.1 (same port, path and
query): the QR's host is checked against the machine's addresses, not dialled.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
from urllib.parse import parse_qs, urlsplit, urlunsplit

import pytest

from components.ui.class_session import CLASS_CHECKPOINTS
from components.ui.i18n import t
from components.ui.pages import LESSONS
from components.ui.schema import controls_for, parse
from tests.support import start_server, stop_server, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("rehearsal")]

PHONES = 5
PROJECTOR = {"width": 1024, "height": 768}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LOCALES = {"ko": "ko-KR", "en": "en-US"}
# The instructor's own parameters: never in a link meant for students.
INSTRUCTOR_ONLY = {"key", "present"}


def machine_addresses() -> set[str]:
    """This machine's non-loopback IPv4 addresses (what ``hostname -I`` lists)."""
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True,
                             timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {a for a in out.split() if re.fullmatch(r"\d+\.\d+\.\d+\.\d+", a)
            and not a.startswith("127.")}


@pytest.fixture(scope="module")
def lan_server(tmp_path_factory):
    """The dashboard listening on every interface, with its own class database."""
    db = tmp_path_factory.mktemp("rehearsal-db") / "classes.sqlite3"
    proc, url = start_server(extra_args=("--server.address", "0.0.0.0"),
                             env={"AUTOGRAD_LAB_DB": f"sqlite:///{db}",
                                  "AUTOGRAD_LAB_PUBLIC_URL": ""})
    try:
        yield url
    finally:
        stop_server(proc)


def decode_qr_codes(page) -> list[str]:
    """Every QR code drawn on the page, decoded from a screenshot of each image
    (once every image has loaded; a rerun may still be swapping one in)."""
    import zxingcpp
    from PIL import Image

    found: list[str] = []
    for _ in range(10):
        wait_idle(page)
        page.wait_for_function("() => [...document.querySelectorAll("
                               "\"[data-testid='stImage'] img\")].every(i => i.complete"
                               " && i.naturalWidth > 0)", timeout=30_000)
        images = page.locator("[data-testid='stImage'] img")
        found = []
        for index in range(images.count()):
            image = images.nth(index)
            if not image.is_visible():
                continue
            # Whole on the screen, not under Streamlit's fixed header.
            image.evaluate("e => e.scrollIntoView({block: 'center'})")
            shot = Image.open(io.BytesIO(image.screenshot()))
            found += [code.text for code in zxingcpp.read_barcodes(shot)]
        if found:
            return found
        page.wait_for_timeout(500)
    return found


def slider_values(page) -> dict[str, str]:
    """Each Streamlit slider on the page: its widget key → the value of its range
    input (a number for ``st.slider``, the option's index for ``st.select_slider``)."""
    return page.evaluate("""() => {
      const out = {};
      for (const el of document.querySelectorAll("[data-testid='stSlider'] input[type=range]")) {
        const box = el.closest('[class*="st-key-"]');
        if (!box) continue;
        out[box.className.match(/st-key-(\\S+)/)[1]] = el.value;
      }
      return out;
    }""")


def assert_sliders_follow_url(page, lesson: str) -> None:
    """Every control's slider shows the value its page's URL holds."""
    names = [c.name for c in controls_for(lesson) if c.widget in ("slider", "select_slider")]
    if names:  # the page's first run may still be drawing
        page.wait_for_selector(", ".join(f".st-key-{n} [data-testid='stSlider']" for n in names),
                               timeout=120_000)
        wait_idle(page, timeout=120_000)
    query = {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}
    shown = slider_values(page)
    checked = 0
    for control in controls_for(lesson):
        if control.widget not in ("slider", "select_slider") or control.name not in shown:
            continue
        assert control.name in query, (lesson, control.name, page.url)
        wanted = parse(control, query[control.name]).value
        if control.widget == "select_slider":
            wanted = control.options.index(wanted)
        assert float(shown[control.name]) == pytest.approx(float(wanted)), (
            lesson, control.name, shown[control.name], query[control.name])
        checked += 1
    if names:
        assert checked, f"no slider of {lesson} found on the page"


def shoot(page, name: str) -> None:
    """With ``REHEARSAL_SCREENSHOTS=<folder>``, keep a screenshot of this step (the
    whole page: the viewport grows to the page's height for the shot)."""
    folder = os.environ.get("REHEARSAL_SCREENSHOTS")
    if not folder:
        return
    os.makedirs(folder, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=stMain]')?.scrollHeight"
                           " || document.body.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 12_000)})
    page.screenshot(path=os.path.join(folder, f"{name}.png"))
    page.set_viewport_size(size)


def record_reruns(page) -> list[bool]:
    """Every rerun request ``page`` sends on its websocket, in order: True for a
    timer's (an ``st.fragment(run_every=...)``: a class page asks the database
    every second whether the projector moved), False for one a user action sent."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    sent: list[bool] = []

    def on_frame(payload) -> None:
        message = BackMsg()
        try:
            message.ParseFromString(payload if isinstance(payload, bytes) else payload.encode())
        except Exception:  # noqa: BLE001 - not a BackMsg: nothing to record
            return
        if message.WhichOneof("type") == "rerun_script":
            sent.append(message.rerun_script.is_auto_rerun)

    page.on("websocket", lambda socket: socket.on("framesent", on_frame))
    return sent


def assert_swipes_scroll(phone, lesson: str, reruns: list[bool]) -> None:
    """A thumb scrolling the page with 10 px of sideways drift, starting on a live
    figure and on a Streamlit slider's knob, moves neither (issue #24 §7)
    and sends no rerun (``reruns``: the phone's, from :func:`record_reruns`; the
    class page's own timers keep polling meanwhile, and are not the swipe's)."""
    from tests.test_browser_phone import DRAG_FIGURE, KNOB, ST_RANGE, _swipe_from

    cdp = phone.context.new_cdp_session(phone)
    url = phone.url
    drag = phone.locator(DRAG_FIGURE.format("a1"))
    if drag.count():
        a1 = phone.locator(ST_RANGE.format("a1"))
        before, start = a1.get_attribute("aria-valuetext"), len(reruns)
        assert _swipe_from(phone, cdp, DRAG_FIGURE.format("a1"), 0.5, 10, 300) > 100
        assert a1.get_attribute("aria-valuetext") == before
        assert False not in reruns[start:], f"a swipe on {lesson} reran the page"
    knob = phone.locator(ST_RANGE.format("b2"))
    before, start = knob.get_attribute("aria-valuetext"), len(reruns)
    assert _swipe_from(phone, cdp, KNOB.format("b2"), 0.5, 10, 300) > 100
    assert knob.get_attribute("aria-valuetext") == before
    assert False not in reruns[start:], f"a swipe on {lesson} reran the page"
    assert phone.url == url


# Rendered font sizes (px) of the projected page: body text and the histogram's ticks.
PROJECTED_SIZES = """() => {
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  const body = [...document.querySelectorAll('[data-testid=stMarkdownContainer] p')]
    .filter(p => p.offsetParent && p.textContent.trim()).map(size);
  const ticks = [...document.querySelectorAll('.js-plotly-plot .xtick text, .js-plotly-plot .ytick text')]
    .map(size);
  return {body: Math.min(...body), ticks: ticks.length ? Math.min(...ticks) : null};
}"""


def wait_for_text(page, needle: str, timeout: float = 60_000) -> None:
    page.wait_for_function("(s) => document.body.innerText.includes(s)", arg=needle,
                           timeout=timeout)


def choose_lesson(teacher, lesson: str, lang: str) -> None:
    """The instructor points the class at ``lesson`` (the live cards follow it)."""
    teacher.locator(".st-key-class_lesson").get_by_text(
        t(f"nav.{lesson}", lang), exact=True).click()
    wait_idle(teacher)


def send_guess(phone, checkpoint, lang: str) -> None:
    """Type (or pick) a guess for ``checkpoint`` and press reveal, which sends it."""
    box = phone.locator(f".st-key-guess_{checkpoint.id}")
    box.wait_for(timeout=120_000)
    if checkpoint.is_number:
        field = box.locator("input")
        field.click()
        field.fill("1")
        phone.keyboard.press("Enter")
    else:
        box.locator("[data-testid='stRadioOption']").first.click()
    wait_idle(phone)
    phone.locator(f".st-key-reveal_{checkpoint.id} button").click()
    # Sent: "answer sent, waiting for the instructor" under the question.
    wait_for_text(phone, t("class.student.waiting", lang, guess="\0").split("\0")[0].strip())
    wait_idle(phone)


def judged(phone, checkpoint_id: str) -> int:
    """How many right/wrong verdicts the checkpoint's box shows (0 while hidden)."""
    box = phone.locator(f".st-key-checkpoint_{checkpoint_id}")
    return (box.locator("[data-testid='stAlertContentSuccess']").count()
            + box.locator("[data-testid='stAlertContentError']").count())


def next_lesson(phone, lang: str, slug: str) -> None:
    label = t("top.next", lang, title=t(f"nav.{slug}", lang))
    # Under load (two test workers) ③ can take more than the default 30 s to draw its end.
    phone.get_by_role("link", name=label).last.click(timeout=120_000)
    phone.wait_for_url(re.compile(rf"/{slug}\?"), timeout=120_000)
    phone.wait_for_selector("h1", timeout=120_000)
    wait_idle(phone, timeout=120_000)


def test_a_class_rehearsal_from_the_projector_to_five_phones(browser, lan_server):
    port = urlsplit(lan_server).port
    # The instructor's language (Korean first; REHEARSAL_LANG=en plays it in English).
    lang = os.environ.get("REHEARSAL_LANG", "ko")
    other = "en" if lang == "ko" else "ko"
    with contextlib.ExitStack() as stack:
        context = stack.enter_context(contextlib.closing(
            browser.new_context(viewport=PROJECTOR, locale=LOCALES[lang])))
        teacher = context.new_page()

        # The instructor starts a class on their laptop (localhost).
        teacher.goto(f"{lan_server}/class?lang={lang}", wait_until="domcontentloaded")
        wait_idle(teacher)
        teacher.locator(".st-key-start_class button").click()
        teacher.wait_for_url(re.compile(r"key="), timeout=60_000)
        wait_idle(teacher)
        query = parse_qs(urlsplit(teacher.url).query)
        code, key = query["class"][0], query["key"][0]
        choose_lesson(teacher, "resnet", lang)

        # ... and projects it: presenter view.
        teacher.goto(f"{lan_server}/class?class={code}&key={key}&lang={lang}&present=1",
                     wait_until="domcontentloaded")
        teacher.wait_for_selector("[data-testid='stImage'] img", timeout=60_000)
        wait_idle(teacher)
        choose_lesson(teacher, "resnet", lang)
        shoot(teacher, f"projector_class_start_{lang}")
        assert key not in teacher.locator("body").inner_text()
        assert key not in teacher.content().replace(teacher.url, "")
        # The join code in large type, whole (not cut to "AQE7…").
        value = teacher.locator(".st-key-class_join [data-testid='stMetricValue']")
        assert value.inner_text().strip() == code
        assert value.evaluate("e => [e, ...e.querySelectorAll('*')].every("
                              "n => n.scrollWidth <= n.clientWidth + 1)"), "the code is cut"
        codes = decode_qr_codes(teacher)
        assert codes, "no QR code readable on the projected /class page"
        assert not [c for c in codes if key in c]
        joins = [c for c in codes if f"class={code}" in c]
        assert joins, codes
        join = urlsplit(joins[0])
        addresses = machine_addresses()
        if not addresses:
            pytest.skip("this machine has no LAN address to put in a QR code")
        assert join.hostname in addresses and join.port == port, (join, addresses)
        join_query = parse_qs(join.query)
        assert not INSTRUCTOR_ONLY & join_query.keys(), join_query
        assert join.path.endswith("/resnet")
        # The QR code is large enough to scan from the room (≥ 300 px on the projector).
        widths = teacher.locator("[data-testid='stImage'] img").evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().width)")
        assert max(widths) >= 300, widths

        # Five phones scan it (host swapped for loopback: see the module's docstring).
        link = urlunsplit((join.scheme, f"127.0.0.1:{port}", join.path, join.query, ""))
        phones, phone_reruns = [], []
        for index in range(PHONES):
            phone_lang = lang if index % 2 == 0 else other
            phone_context = stack.enter_context(contextlib.closing(
                browser.new_context(locale=LOCALES[phone_lang],
                                    **PHONE)))
            phone = phone_context.new_page()
            phone_reruns.append(record_reruns(phone))
            phone.goto(link, wait_until="domcontentloaded")
            phone.wait_for_selector("h1", timeout=180_000)
            wait_idle(phone, timeout=180_000)
            if phone_lang != lang:  # some students read the lessons in English
                phone.locator(".st-key-lang").get_by_text(t(f"lang.{other}", lang)).click()
                phone.wait_for_url(re.compile(rf"lang={other}"), timeout=60_000)
                wait_idle(phone, timeout=120_000)
            phones.append((phone, phone_lang))
            shoot(phone, f"join_{index}_{phone_lang}")
        for phone, _ in phones:
            assert f"class={code}" in phone.url and "key=" not in phone.url
            toggle = phone.locator(".st-key-predict input")
            assert toggle.is_disabled(), "a student in a class can leave predict mode"

        lessons = [slug for slug, _ in LESSONS]
        for position, lesson in enumerate(lessons):
            for phone, _ in phones:
                phone.bring_to_front()
                assert urlsplit(phone.url).path.endswith(f"/{lesson}"), phone.url
                assert f"class={code}" in phone.url and "key=" not in phone.url
                assert phone.locator("[data-testid='stException']").count() == 0
                assert_sliders_follow_url(phone, lesson)
            # Every question of the lesson in turn: the phones send, the instructor
            # reveals (a lesson in predict mode goes on only past revealed questions).
            if CLASS_CHECKPOINTS.get(lesson):
                teacher.bring_to_front()
                choose_lesson(teacher, lesson, lang)
            for checkpoint in CLASS_CHECKPOINTS.get(lesson, ()):
                for phone, phone_lang in phones:
                    phone.bring_to_front()
                    send_guess(phone, checkpoint, phone_lang)
                    assert judged(phone, checkpoint.id) == 0, "answer shown before the reveal"
                teacher.bring_to_front()
                card = f".st-key-class_card_{checkpoint.id}"
                count = t("class.answer_count", lang, count=PHONES).replace("**", "")
                teacher.wait_for_function(
                    "([card, text]) => document.querySelector(card)?.innerText.includes(text)",
                    arg=[card, count], timeout=90_000)
                assert key not in teacher.locator("body").inner_text()
                shoot(teacher, f"projector_{checkpoint.id}_answers_{lang}")
                teacher.wait_for_selector(f"{card} .js-plotly-plot .xtick text", timeout=60_000)
                sizes = teacher.evaluate(PROJECTED_SIZES)
                # Read from the back row: body text ≥ 24 px, chart ticks ≥ 18 px at 1024 px.
                assert sizes["body"] >= 24 and sizes["ticks"] >= 18, sizes
                teacher.locator(f".st-key-class_reveal_{checkpoint.id} button").click()
                teacher.locator(card).get_by_text(t("class.revealed", lang)).wait_for(
                    timeout=60_000)
                for phone, _ in phones:
                    phone.bring_to_front()
                    phone.wait_for_function(
                        """(id) => { const box = document.querySelector('.st-key-checkpoint_' + id);
                          return box && box.querySelector(
                            "[data-testid='stAlertContentSuccess'],[data-testid='stAlertContentError']"); }""",
                        arg=checkpoint.id, timeout=90_000)
                    wait_idle(phone)
                shoot(phones[0][0], f"phone_{checkpoint.id}_{lang}")
                shoot(phones[1][0], f"phone_{checkpoint.id}_{other}")
            if lesson == "gradients":  # revealed: the drag sliders are on the page now
                phones[0][0].bring_to_front()
                assert_swipes_scroll(phones[0][0], lesson, phone_reruns[0])
            if position + 1 < len(lessons):
                for phone, phone_lang in phones:
                    phone.bring_to_front()
                    next_lesson(phone, phone_lang, lessons[position + 1])
        assert teacher.locator("[data-testid='stException']").count() == 0
