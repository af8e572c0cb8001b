"""A fair queue for heavy computations, one place per owner, and a result cache.

Pure Python (``threading`` only), so it is tested without Streamlit or torch.

Why a queue and not just a semaphore: a ResNet run at 224 px needs a few
hundred MB while it runs (bench/bench_resnet_memory.py), so the server runs
only ``slots`` of them at once. The others wait in arrival order, and each
owner (one browser tab) holds at most one place:

- a new request from an owner whose previous request still waits takes that
  request's place in the line, and the previous one leaves with ``Replaced``;
- a request that leaves the line early (its tab moved a slider again, or
  closed) keeps its place for ``keep_place_s`` seconds, so the tab's next
  request does not go to the back of the line;
- a page that needs two computations gets them one after the other: when a
  fresh request finishes, the owner's next request within ``keep_place_s``
  takes the same place (once), instead of queueing behind the whole class.
  A reload after that goes to the back, so no tab can hold the front.

``on_wait(position)`` is called while a request waits (``position`` = how many
requests are ahead of it, running ones included), at least every ``poll``
seconds. The Streamlit side uses it to show the position, and because drawing
is where Streamlit interrupts a script whose tab asked for a rerun, a stale
request leaves the line as soon as its tab has moved on.
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import itertools
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


class QueueTimeout(RuntimeError):
    """No slot became free within the request's time limit."""


class Replaced(RuntimeError):
    """A newer request of the same owner took this request's place in the line."""


@dataclass(eq=False)
class _Ticket:
    owner: str
    order: int
    follow_ups: int  # how many later requests may still take this place
    replaced: bool = False


@dataclass
class ComputeQueue:
    """At most ``slots`` computations at once; the rest wait in line, one place per owner."""

    slots: int
    keep_place_s: float = 10.0
    _cond: threading.Condition = field(default_factory=threading.Condition, repr=False)
    _waiting: list[_Ticket] = field(default_factory=list, repr=False)
    _running: int = 0
    _orders: Iterator[int] = field(default_factory=itertools.count, repr=False)
    # owner -> (place in line, when it left, follow-ups left): a place kept
    # for the owner's next request.
    _left: dict[str, tuple[int, float, int]] = field(default_factory=dict, repr=False)

    @property
    def running(self) -> int:
        """How many computations hold a slot now."""
        with self._cond:
            return self._running

    def waiting_owners(self) -> list[str]:
        """The owners of the waiting requests, first in line first."""
        with self._cond:
            return [ticket.owner for ticket in self._waiting]

    @contextmanager
    def slot(self, owner: str, timeout: float,
             on_wait: Callable[[int], None] | None = None, poll: float = 0.5):
        """Wait for a free slot in line order, hold it for the ``with`` body.

        Raises ``Replaced`` when a newer request of ``owner`` arrives first,
        ``QueueTimeout`` after ``timeout`` seconds in line; an exception from
        ``on_wait`` also takes the request out of the line.
        """
        ticket = self._enqueue(owner)
        try:
            self._wait_turn(ticket, time.monotonic() + timeout, on_wait, poll)
        except BaseException:
            self._leave(ticket)
            raise
        try:
            yield
        finally:
            with self._cond:
                self._running -= 1
                if ticket.follow_ups > 0:
                    self._left[owner] = (ticket.order, time.monotonic(), ticket.follow_ups - 1)
                self._cond.notify_all()

    def _enqueue(self, owner: str) -> _Ticket:
        now = time.monotonic()
        with self._cond:
            self._left = {o: kept for o, kept in self._left.items()
                          if now - kept[1] <= self.keep_place_s}
            order, follow_ups = next(self._orders), 1
            kept = self._left.pop(owner, None)
            if kept is not None:
                order, _, follow_ups = kept
            for previous in self._waiting:
                if previous.owner == owner:
                    previous.replaced = True
                    self._waiting.remove(previous)
                    order, follow_ups = min(order, previous.order), previous.follow_ups
                    break
            ticket = _Ticket(owner, order, follow_ups)
            bisect.insort(self._waiting, ticket, key=lambda t: t.order)
            self._cond.notify_all()
            return ticket

    def _try_start(self, ticket: _Ticket) -> bool:
        """Under the lock: take a slot if this ticket's turn has come."""
        if ticket.replaced:
            raise Replaced(ticket.owner)
        free = self.slots - self._running
        if free > 0 and self._waiting.index(ticket) < free:
            self._waiting.remove(ticket)
            self._running += 1
            # The next in line may also fit (several free slots).
            self._cond.notify_all()
            return True
        return False

    def _wait_turn(self, ticket: _Ticket, deadline: float,
                   on_wait: Callable[[int], None] | None, poll: float) -> None:
        while True:
            with self._cond:
                if self._try_start(ticket):
                    return
                ahead = self._running + self._waiting.index(ticket)
            if time.monotonic() >= deadline:
                raise QueueTimeout(ticket.owner)
            if on_wait is not None:
                on_wait(ahead)  # outside the lock: it may draw, or raise
            with self._cond:
                if self._try_start(ticket):
                    return
                self._cond.wait(max(0.0, min(poll, deadline - time.monotonic())))

    def _leave(self, ticket: _Ticket) -> None:
        with self._cond:
            if ticket in self._waiting:
                self._waiting.remove(ticket)
            if not ticket.replaced:
                self._left[ticket.owner] = (ticket.order, time.monotonic(), ticket.follow_ups)
            self._cond.notify_all()


@dataclass
class ResultCache:
    """Results by their plain inputs, least recently used dropped first.

    ``get_or_compute(key, compute)`` computes a missing key once even when
    several threads ask for it together: the others wait for that result.
    """

    max_entries: int = 256
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _values: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _key_locks: dict = field(default_factory=dict, repr=False)

    def get(self, key: Hashable) -> tuple[bool, Any]:
        """``(True, value)`` when ``key`` is cached, else ``(False, None)``."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return True, self._values[key]
            return False, None

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value, or ``compute()`` stored under ``key``."""
        found, value = self.get(key)
        if found:
            return value
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            found, value = self.get(key)  # computed by another thread meanwhile?
            if found:
                return value
            value = compute()
            with self._lock:
                self._values[key] = value
                self._values.move_to_end(key)
                while len(self._values) > self.max_entries:
                    self._values.popitem(last=False)
                self._key_locks.pop(key, None)
            return value

    def __len__(self) -> int:
        with self._lock:
            return len(self._values)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, looked up once; None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim  # symbols of the running process (libc)
    except (OSError, AttributeError):  # musl has no malloc_trim
        return None


def release_free_heap() -> bool:
    """Hand memory that glibc's malloc keeps after ``free()`` back to the OS.

    After a large computation glibc keeps the freed blocks in its heaps for
    reuse, so the process's RSS stays near its peak (measured: +350–500 MB
    after one ResNet run at 224 px). ``malloc_trim(0)`` returns them. Only
    glibc has it: on macOS, Windows or musl this does nothing and returns False.
    """
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
