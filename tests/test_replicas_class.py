"""Two replicas of the app sharing one PostgreSQL: a class spread over both.

40 simulated students (Streamlit's own websocket protocol, ``bench/common.py``)
open the gradients lesson in a class, half on each replica, and answer the
same checkpoint at the same time. The instructor, on replica 1, sees 40
answers and reveals; then every student, on either replica, sees the answer.
"""

import asyncio

import pytest

from bench.common import PageSpec, StreamlitSession, run_async
from tests.support import start_server, stop_server

# One worker runs the module (pytest-xdist): the two replicas start once.
pytestmark = [pytest.mark.postgres, pytest.mark.replicas, pytest.mark.xdist_group("replicas")]

STUDENTS = 40
GRADIENTS = PageSpec("gradients", "gradients", None, ())
CLASS_PAGE = PageSpec("class", "class", None, ())


@pytest.fixture(scope="module")
def replicas(postgres_server):
    url = postgres_server.new_database()
    servers = [start_server(env={"AUTOGRAD_LAB_DB": url}) for _ in range(2)]
    yield [base.replace("http://", "ws://") + "/_stcore/stream" for _, base in servers]
    for proc, _ in servers:
        stop_server(proc)


def _ok(result, what):
    assert result.error is None, (what, result.error)
    return result


async def _scenario(ws_urls):
    teacher = StreamlitSession(ws_urls[0], timeout=180)
    await teacher.connect()
    _ok(await teacher.open(CLASS_PAGE, "lang=en"), "instructor opens /class")
    started = _ok(await teacher.click("start_class"), "start a class")
    query = dict(part.split("=", 1) for part in started.query_string.split("&"))
    code = query["class"]

    students = [StreamlitSession(ws_urls[i % 2], timeout=180) for i in range(STUDENTS)]
    # A few at a time open their page (as a room does over some seconds) ...
    gate = asyncio.Semaphore(8)

    async def join(student):
        async with gate:
            await student.connect()
            _ok(await student.open(GRADIENTS, f"class={code}&predict=1&lang=en"), "join")
            _ok(await student.type_number("guess_a1_grad", 36.0), "type a guess")

    await asyncio.gather(*(join(s) for s in students))
    # ... and all press reveal at the same moment.
    sent = await asyncio.gather(*(s.click("reveal_a1_grad") for s in students))
    for result in sent:
        _ok(result, "send")
        assert any(text.startswith("Answer sent") for text in result.texts), result.texts

    counted = _ok(await teacher.move(None, None), "instructor refresh")
    assert "Answers: **40**" in " ".join(counted.texts)
    _ok(await teacher.click("class_reveal_a1_grad"), "reveal")

    # What a student's page does when its waiting fragment sees the reveal: rerun.
    after = await asyncio.gather(*(s.move(None, None) for s in students))
    for result in after:
        _ok(result, "after the reveal")
        joined = " ".join(result.texts)
        assert "PyTorch: `a.grad[0]` = **36**" in joined, joined[:500]
        assert "How the whole class answered: 40 answers" in joined
    for session in [teacher, *students]:
        await session.close()


def test_forty_students_on_two_replicas_answer_and_all_see_the_reveal(replicas):
    run_async(_scenario(replicas))


@pytest.fixture
def replica_pair(postgres_server):
    """Two replicas of this test's own (one of them is stopped): (processes, ws URLs, db URL)."""
    url = postgres_server.new_database()
    servers = [start_server(env={"AUTOGRAD_LAB_DB": url}) for _ in range(2)]
    yield ([proc for proc, _ in servers],
           [base.replace("http://", "ws://") + "/_stcore/stream" for _, base in servers], url)
    for proc, _ in servers:
        if proc.poll() is None:
            stop_server(proc)


RECONNECTING = 6


async def _replica_stopped(procs, ws_urls, code):
    from urllib.parse import parse_qs

    students = [StreamlitSession(ws_urls[i % 2], timeout=180) for i in range(2 * RECONNECTING)]
    for student in students:
        await student.connect()
        _ok(await student.open(GRADIENTS, f"class={code}&predict=1&lang=en"), "join")
        _ok(await student.type_number("guess_a1_grad", 36.0), "type a guess")
        sent = _ok(await student.click("reveal_a1_grad"), "send")
        assert any(text.startswith("Answer sent") for text in sent.texts), sent.texts
    on_second = students[1::2]
    # The student's random id rides in the address bar, and nothing else of theirs.
    ids = []
    for student in on_second:
        query = parse_qs(student.query_string)
        assert set(query) <= {"class", "predict", "lang", "present", "student",
                              "a1", "a2", "b1", "b2", "v1", "v2"}, query
        ids.append(query["student"][0])
    assert len(set(ids)) == RECONNECTING

    stop_server(procs[1])  # replica 2 goes away in the middle of the class
    moved = []
    for student in on_second:
        await student.close()
        # What the browser does: a new websocket (to the replica that is left, via
        # the load balancer) and a run of the page at the address it shows.
        again = StreamlitSession(ws_urls[0], timeout=180)
        await again.connect()
        result = _ok(await again.open(GRADIENTS, student.query_string), "reconnect")
        joined = " ".join(result.texts)
        assert "You are in class" in joined, joined[:300]
        # The answer sent before is theirs: shown as sent, not asked again.
        assert any(text.startswith("Answer sent") and "36" in text for text in result.texts)
        assert parse_qs(again.query_string)["student"] == parse_qs(student.query_string)["student"]
        moved.append(again)
    # Changing the answer on the new replica replaces it; it is not a second answer.
    changed = _ok(await moved[0].type_number("guess_a1_grad", 12.0), "change")
    assert changed.error is None
    resent = _ok(await moved[0].click("reveal_a1_grad"), "send again")
    assert any(text.startswith("Answer sent") and "12" in text for text in resent.texts)
    for session in [*students[0::2], *moved]:
        await session.close()


def test_students_of_a_stopped_replica_reconnect_to_the_other_and_keep_their_answers(
        replica_pair):
    from components.storage.class_store import ClassStore

    procs, ws_urls, url = replica_pair
    store = ClassStore(url)
    new = store.create_class()
    run_async(_replica_stopped(procs, ws_urls, new.code))
    summary = store.instructor_summary(new.code, new.key, "a1_grad")
    assert summary.count == 2 * RECONNECTING
    assert sorted(summary.guesses) == [12.0] + [36.0] * (2 * RECONNECTING - 1)
    store.dispose()
