"""The ResNet computation queue and result cache (components/compute_queue.py).

Threads and events, no Streamlit and no timing asserts: each test waits for
the queue to reach a state (``waiting_owners``) before acting.
"""

from __future__ import annotations

import sys
import threading
import time

import pytest

from components.compute_queue import (
    ComputeQueue,
    QueueTimeout,
    Replaced,
    ResultCache,
    release_free_heap,
)

LONG = 30.0  # seconds; only a broken queue ever waits this long


def wait_until(condition, limit: float = LONG) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "the queue never reached the expected state"
        time.sleep(0.005)


class Request(threading.Thread):
    """One request in its own thread: waits for a slot, records what happened."""

    def __init__(self, queue: ComputeQueue, owner: str, log: list, on_wait=None,
                 timeout: float = LONG, hold: threading.Event | None = None):
        super().__init__(daemon=True)
        self.queue, self.owner, self.log = queue, owner, log
        self.on_wait, self.timeout, self.hold = on_wait, timeout, hold
        self.outcome: str | None = None

    def run(self) -> None:
        try:
            with self.queue.slot(self.owner, self.timeout, self.on_wait, poll=0.01):
                self.log.append(self.owner)
                if self.hold is not None:  # keep the slot until the test says so
                    self.hold.wait(LONG)
                self.outcome = "ran"
        except Replaced:
            self.outcome = "replaced"
        except QueueTimeout:
            self.outcome = "timeout"
        except LookupError:
            self.outcome = "left"


def queued(queue: ComputeQueue, owner: str, log: list, **kwargs) -> Request:
    """Start a request and return once it waits in line (not for a replacing one)."""
    before = queue.waiting_owners().count(owner)
    request = Request(queue, owner, log, **kwargs)
    request.start()
    wait_until(lambda: queue.waiting_owners().count(owner) > before
               or request.outcome is not None)
    return request


def test_a_second_request_from_one_session_replaces_the_first():
    queue, log = ComputeQueue(slots=1), []
    with queue.slot("teacher", LONG):  # the only slot is busy
        first = queued(queue, "tab", log)
        assert queue.waiting_owners() == ["tab"]
        second = Request(queue, "tab", log)
        second.start()
        first.join(LONG)
        assert first.outcome == "replaced"
        assert queue.waiting_owners() == ["tab"]  # one place, not two
    second.join(LONG)
    assert second.outcome == "ran"
    assert log == ["tab"]  # the replaced request never computed


def test_the_replacing_request_keeps_the_place_in_line():
    queue, log = ComputeQueue(slots=1), []
    with queue.slot("teacher", LONG):
        first = queued(queue, "tab", log)
        other = queued(queue, "other", log)
        second = Request(queue, "tab", log)
        second.start()
        first.join(LONG)
        assert first.outcome == "replaced"
        assert queue.waiting_owners() == ["tab", "other"]
    for request in (second, other):
        request.join(LONG)
    assert log == ["tab", "other"]


def test_requests_run_in_arrival_order():
    queue, log = ComputeQueue(slots=1), []
    with queue.slot("teacher", LONG):
        requests = [queued(queue, f"student{i}", log) for i in range(4)]
        assert queue.waiting_owners() == [f"student{i}" for i in range(4)]
    for request in requests:
        request.join(LONG)
    assert log == [f"student{i}" for i in range(4)]


def test_never_more_than_the_slots_run_at_once():
    queue = ComputeQueue(slots=2)
    lock, running, peak = threading.Lock(), [0], [0]

    def work(owner: str) -> None:
        with queue.slot(owner, LONG):
            with lock:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
            time.sleep(0.02)  # overlap, if the queue allowed it
            with lock:
                running[0] -= 1

    threads = [threading.Thread(target=work, args=(f"s{i}",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(LONG)
    assert peak[0] == 2 and queue.running == 0 and queue.waiting_owners() == []


def test_a_request_that_leaves_early_keeps_its_place_for_its_next_request():
    """Streamlit interrupts a waiting script when its tab reruns: ``on_wait`` raises."""
    queue, log = ComputeQueue(slots=1), []
    interrupt = threading.Event()

    def on_wait(_ahead: int) -> None:
        if interrupt.is_set():
            raise LookupError("the tab moved a slider")

    with queue.slot("teacher", LONG):
        stale = queued(queue, "tab", log, on_wait=on_wait)
        other = queued(queue, "other", log)
        interrupt.set()
        stale.join(LONG)
        assert stale.outcome == "left" and queue.waiting_owners() == ["other"]
        again = queued(queue, "tab", log)
        assert queue.waiting_owners() == ["tab", "other"]
    for request in (again, other):
        request.join(LONG)
    assert log == ["tab", "other"]


def test_a_pages_second_computation_follows_its_first_but_a_reload_queues():
    """Training then finetuning on one page: the second keeps the first's place, once."""
    queue, log = ComputeQueue(slots=1), []
    release = threading.Event()
    with queue.slot("tab", LONG):  # the tab's first computation (training) runs
        first = queued(queue, "s0", log, hold=release)
        second = queued(queue, "s1", log, hold=release)
    wait_until(lambda: queue.waiting_owners() == ["s1"])  # s0 took the free slot
    follow_up = queued(queue, "tab", log)
    assert queue.waiting_owners() == ["tab", "s1"]  # the tab's finetuning, not behind s1
    release.set()
    for request in (first, follow_up, second):
        request.join(LONG)
    assert log == ["s0", "tab", "s1"]
    with queue.slot("teacher", LONG):
        other = queued(queue, "s2", log)
        reload = queued(queue, "tab", log)
        assert queue.waiting_owners() == ["s2", "tab"]  # a reload: the back of the line
    for request in (other, reload):
        request.join(LONG)


def test_on_wait_reports_how_many_are_ahead():
    queue, log, seen = ComputeQueue(slots=1), [], []
    with queue.slot("teacher", LONG):
        first = queued(queue, "a", log)
        second = queued(queue, "b", log, on_wait=seen.append)
        wait_until(lambda: bool(seen))
        assert seen[0] == 2  # the running request and "a"
    for request in (first, second):
        request.join(LONG)
    assert log == ["a", "b"]


def test_a_request_gives_up_after_its_time_limit():
    queue, log = ComputeQueue(slots=1), []
    with queue.slot("teacher", LONG):
        late = Request(queue, "late", log, timeout=0.05)
        late.start()
        late.join(LONG)
    assert late.outcome == "timeout" and log == []
    assert queue.waiting_owners() == [] and queue.running == 0


def test_the_result_cache_computes_a_key_once_for_concurrent_callers():
    cache, calls, results = ResultCache(max_entries=4), [], []
    gate = threading.Event()

    def compute():
        calls.append(1)
        gate.wait(LONG)
        return "value"

    threads = [threading.Thread(target=lambda: results.append(cache.get_or_compute("k", compute)))
               for _ in range(5)]
    for thread in threads:
        thread.start()
    wait_until(lambda: bool(calls))
    gate.set()
    for thread in threads:
        thread.join(LONG)
    assert calls == [1] and results == ["value"] * 5


def test_the_result_cache_drops_the_least_recently_used():
    cache = ResultCache(max_entries=2)
    cache.get_or_compute("a", lambda: 1)
    cache.get_or_compute("b", lambda: 2)
    assert cache.get("a") == (True, 1)  # "a" is now the most recent
    cache.get_or_compute("c", lambda: 3)
    assert cache.get("b") == (False, None) and cache.get("a") == (True, 1) and len(cache) == 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_the_heap_is_trimmed_on_glibc():
    import platform

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("not glibc")
    assert release_free_heap() is True
