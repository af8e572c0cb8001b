"""A viewer's ``clear_cache`` messages cannot duplicate the server's shared state (issue 25).

Real ``streamlit run`` servers on loopback, spoken to over Streamlit's own
websocket protocol (bench/common.py): one viewer sends 30 ``BackMsg.clear_cache``
messages and reopens /class after each; the server's database connections stay
as they were (open SQLite files in /proc/<pid>/fd; backends in PostgreSQL's
pg_stat_activity), and the ResNet queue still runs one computation at a time.
Also here, because it needs real request headers: the per-client limit on
starting classes follows the ``X-Forwarded-For`` hop our nginx adds.

The guard that refuses the message patches private Streamlit API: the first
test fails on a Streamlit version it was not verified on.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest
import streamlit as st

from bench.common import PageSpec, StreamlitSession, run_async
from components.ui.cache_guard import (
    CLEAR_CACHE_GUARD_VERIFIED,
    clear_cache_guard_applies,
    refuse_clear_cache,
)
from components.ui.i18n import t
from components.ui.layout import streamlit_version
from tests.support import start_server, stop_server

CLASS_PAGE = PageSpec("class", "class", None, ())
RESNET = PageSpec("resnet", "resnet", None, ())
CLEARS = 30


def test_streamlit_is_a_version_the_clear_cache_guard_was_verified_on():
    low, high = CLEAR_CACHE_GUARD_VERIFIED
    assert low <= streamlit_version() < high, (
        f"Streamlit {st.__version__} is outside {CLEAR_CACHE_GUARD_VERIFIED}: check how "
        "streamlit/runtime/app_session.py dispatches BackMsg.clear_cache, run "
        "tests/test_clear_cache.py, and if it passes widen CLEAR_CACHE_GUARD_VERIFIED "
        "in components/ui/cache_guard.py")
    assert clear_cache_guard_applies(), (
        "AppSession no longer dispatches clear_cache to _handle_clear_cache_request: "
        "components/ui/cache_guard.py must follow Streamlit's change")


@pytest.fixture
def streamlits_handler(monkeypatch):
    """Streamlit's own clear_cache handler in place, as in a fresh process (an earlier
    test of this process may have run dashboard.py, which installs the guard);
    the guard's state is restored afterwards."""
    from streamlit.runtime import caching
    from streamlit.runtime.app_session import AppSession

    from components.ui.cache_guard import is_refusing

    handler = AppSession.__dict__["_handle_clear_cache_request"]
    if is_refusing():
        def handler(self):  # what Streamlit 1.67's handler does
            caching.cache_data.clear()
            caching.cache_resource.clear()
            self._session_state.clear()
    monkeypatch.setattr(AppSession, "_handle_clear_cache_request", handler)
    return handler


def test_the_guard_stays_out_of_an_unverified_streamlit(monkeypatch, streamlits_handler):
    from streamlit.runtime.app_session import AppSession

    monkeypatch.setattr(st, "__version__", "2.0.0")
    assert not clear_cache_guard_applies()
    assert refuse_clear_cache() is False
    assert AppSession.__dict__["_handle_clear_cache_request"] is streamlits_handler


def _clear_cache_message() -> bytes:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    back = BackMsg()
    back.clear_cache = True
    return back.SerializeToString()


def _ok(result, what):
    assert result.error is None, (what, result.error)
    return result


def _open_db_files(pid: int, path: Path) -> int:
    """File descriptors of process ``pid`` open on the SQLite file or its -wal/-shm."""
    count = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            count += os.readlink(f"/proc/{pid}/fd/{fd}").startswith(str(path))
        except OSError:
            continue  # closed meanwhile
    return count


def _postgres_backends(url: str) -> int:
    """Connections to this database from anyone but the caller."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()")).scalar()
    finally:
        engine.dispose()


@pytest.fixture
def class_server(db_url, tmp_path):
    """A served app on a fresh class database; yields (pid, websocket URL, connection counter)."""
    proc, base = start_server(env={"AUTOGRAD_LAB_DB": db_url})
    if db_url.startswith("sqlite"):
        path = Path(db_url.removeprefix("sqlite:///"))
        count = lambda: _open_db_files(proc.pid, path)  # noqa: E731
    else:
        count = lambda: _postgres_backends(db_url)  # noqa: E731
    try:
        yield proc.pid, base.replace("http://", "ws://") + "/_stcore/stream", count
    finally:
        stop_server(proc)


async def _clears_and_reopenings(ws_url: str, count) -> tuple[int, int, str]:
    teacher = StreamlitSession(ws_url, timeout=180)
    viewer = StreamlitSession(ws_url, timeout=180)
    await teacher.connect()
    await viewer.connect()
    _ok(await teacher.open(CLASS_PAGE, "lang=en"), "instructor opens /class")
    _ok(await teacher.click("start_class"), "start a class")
    _ok(await viewer.open(CLASS_PAGE, "lang=en"), "viewer opens /class")
    _ok(await viewer.open(CLASS_PAGE, "lang=en"), "viewer reopens /class")
    before = count()
    for _ in range(CLEARS):
        await viewer.ws.send(_clear_cache_message())
        # Messages of one websocket are handled in order: this run comes after the clear.
        _ok(await viewer.open(CLASS_PAGE, "lang=en"), "viewer reopens /class after a clear")
    after = count()
    # The instructor's class is still there, and the instructor still sees it.
    refreshed = _ok(await teacher.move(None, None), "instructor refresh")
    for session in (teacher, viewer):
        await session.close()
    return before, after, " ".join(refreshed.texts)


def test_thirty_clear_cache_messages_leave_the_database_connections_as_they_were(class_server):
    _pid, ws_url, count = class_server
    before, after, instructor_page = run_async(_clears_and_reopenings(ws_url, count))
    print(f"database connections of the server: {before} before, {after} after {CLEARS} clears")
    assert before > 0
    assert after == before
    assert "Answers: **0**" in instructor_page  # the live answers, for the key holder only


# ------------------------------------------------------------- ResNet queue

async def _watch(session: StreamlitSession, query: str, until, timeout: float) -> list[str]:
    """Open the ResNet page with ``query`` and read the run's messages until
    ``until(texts, kinds)`` holds or the run ends; returns the texts seen."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    back = BackMsg()
    back.rerun_script.query_string = query
    back.rerun_script.page_name = RESNET.url_path
    await session.ws.send(back.SerializeToString())
    texts: list[str] = []
    kinds: set[str] = set()
    deadline = time.monotonic() + timeout
    while not until(texts, kinds):
        data = await asyncio.wait_for(session.ws.recv(), max(0.01, deadline - time.monotonic()))
        msg = ForwardMsg()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type")
        if kind == "script_finished":
            kinds.add("finished")
            break
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            etype = element.WhichOneof("type")
            kinds.add(etype)
            if etype in ("markdown", "alert"):
                texts.append(getattr(element, etype).body)
            elif etype == "exception":
                raise AssertionError(element.exception.message)
    return texts


async def _a_run_after_the_clears_waits(ws_url: str) -> list[str]:
    # Fresh tabs each: a tab that already ran the page keeps its widgets' values
    # and would ignore the URL's settings.
    warm, first, second, viewer = (StreamlitSession(ws_url, timeout=240) for _ in range(4))
    for session in (warm, first, second, viewer):
        await session.connect()
    # The network is built, and the fine-tuning comparison at 224 px is in the
    # result cache: the runs below are one training computation each, so the
    # first one never asks the queue again after the clears.
    _ok(await warm.open(RESNET, "size=224&steps=1&pretrained=0&seed=101&lang=en"), "warm-up")
    # A slow run (224 px, 10 steps). The caption under the controls is the last
    # thing the page draws before it asks the queue for a slot.
    hint = t("resnet.controls_hint", "en")
    texts = await _watch(first, "size=224&steps=10&pretrained=0&seed=101&lang=en",
                         lambda texts, kinds: hint in texts, timeout=240)
    assert hint in texts, texts
    # The viewer's own request waits behind it: the first run holds the slot now.
    queued = t("resnet.queued", "en", ahead=1)
    texts = await _watch(viewer, "size=224&steps=8&pretrained=0&seed=101&lang=en",
                         lambda texts, kinds: queued in texts or "finished" in kinds,
                         timeout=240)
    assert queued in texts, texts
    for _ in range(CLEARS):
        await viewer.ws.send(_clear_cache_message())
    # The viewer moves on (its waiting request leaves the line); the clears are handled.
    _ok(await viewer.open(CLASS_PAGE, "lang=en"), "the viewer opens /class")
    # Another tab asks for another computation: it still waits behind the first one.
    texts = await _watch(second, "size=224&steps=9&pretrained=0&seed=101&lang=en",
                         lambda texts, kinds: queued in texts or "finished" in kinds,
                         timeout=240)
    for session in (warm, first, second, viewer):
        await session.close()
    return texts


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("clear-cache") / "classes.sqlite3"
    # One torch thread: the first run stays slow enough to be watched, and the
    # test leaves the other engineers' cores alone.
    proc, base = start_server(env={"AUTOGRAD_LAB_DB": f"sqlite:///{db}",
                                   "OMP_NUM_THREADS": "1"})
    try:
        yield base.replace("http://", "ws://") + "/_stcore/stream"
    finally:
        stop_server(proc)


def test_after_thirty_clears_a_new_resnet_run_still_waits_for_the_running_one(app_server):
    texts = run_async(_a_run_after_the_clears_waits(app_server))
    assert t("resnet.queued", "en", ahead=1) in texts, texts


# ------------------------------------------------- classes started per client

async def _start_class_as(ws_url: str, forwarded_for: str) -> tuple[str, str]:
    """A fresh tab behind a proxy that sent ``X-Forwarded-For``: open /class, press start.

    Returns (query string after the click, the page's texts).
    """
    import websockets

    session = StreamlitSession(ws_url, timeout=180)
    session.ws = await websockets.connect(
        ws_url, subprotocols=["streamlit"], max_size=None, ping_interval=None,
        additional_headers={"X-Forwarded-For": forwarded_for})
    try:
        _ok(await session.open(CLASS_PAGE, "lang=en"), "open /class")
        result = _ok(await session.click("start_class"), "start a class")
        return result.query_string, " ".join(result.texts)
    finally:
        await session.close()


async def _per_client(ws_url: str) -> list[tuple[str, str]]:
    # Addresses from the documentation ranges (RFC 5737): header text only, no traffic.
    outcomes = []
    for i in range(6):  # the first hops are whatever the client wrote: ignored
        outcomes.append(await _start_class_as(ws_url, f"192.0.2.{i}, 203.0.113.7"))
    # A client that writes the limited address first is still itself (the last hop).
    outcomes.append(await _start_class_as(ws_url, "203.0.113.7, 198.51.100.2"))
    return outcomes


def test_a_client_behind_the_proxy_starts_at_most_five_classes_a_minute(app_server):
    outcomes = run_async(_per_client(app_server))
    started = ["class=" in query for query, _ in outcomes]
    assert started == [True] * 5 + [False, True], outcomes
    refused_text = outcomes[5][1]
    assert t("class.start_refused.client", "en", count=5) in refused_text


def test_the_router_refuses_clear_cache_and_starts_the_expiry_timer(monkeypatch, tmp_path,
                                                                    streamlits_handler):
    """Every page goes through dashboard.py: both happen whichever page is opened first."""
    from streamlit.runtime.app_session import AppSession
    from streamlit.testing.v1 import AppTest

    from components.process_wide import ProcessWide
    from components.storage import process_store
    from components.ui.cache_guard import is_refusing
    from tests.support import APPTEST_TIMEOUT, ROOT

    started = []
    monkeypatch.setattr(process_store, "_TIMER", ProcessWide(lambda: started.append(1)))
    monkeypatch.setenv("AUTOGRAD_LAB_DB", f"sqlite:///{tmp_path / 'classes.sqlite3'}")
    assert not is_refusing()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT).run()
    assert not at.exception
    assert is_refusing()
    assert AppSession.__dict__["_handle_clear_cache_request"] is not streamlits_handler
    assert started == [1]
