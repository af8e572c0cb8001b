"""One value per server process, built on first use, that nothing in a session can replace.

Deliberately process-wide mutable state. Streamlit's ``st.cache_resource``
would also share a value between sessions, but any viewer can empty it: the
websocket message ``BackMsg.clear_cache`` is accepted from every browser
(Streamlit 1.67, GUIDE §6), and the next session then builds a second compute
queue beside the first (two ResNet runs at once), a second database engine
(the first one's connections stay open) or a second rate limiter (its window
forgotten). A value held here lives as long as the process: only the code
that owns it can replace it, and then it says how the old one is closed.

Pure Python (``threading`` only), so it is tested without Streamlit.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Value = TypeVar("Value")


class ProcessWide(Generic[Value]):
    """``get()`` builds the value once (under a lock) and returns the same one ever after.

    With ``key``: ``get(key)`` keeps one value for the latest key. A different
    key builds a new value and hands the old one to ``close`` (e.g. a database
    engine whose URL changed: its pooled connections are closed, not leaked).
    Without ``close`` every key keeps its own value (e.g. a model per weights
    folder), as ``st.cache_resource`` would, minus the clearing.
    """

    def __init__(self, build: Callable[..., Value], close: Callable[[Value], None] | None = None):
        self._build = build
        self._close = close
        self._lock = threading.Lock()
        self._values: dict[Hashable, Value] = {}

    def get(self, *key: Hashable) -> Value:
        with self._lock:  # held while building: two sessions never build twice
            if key in self._values:
                return self._values[key]
            value = self._build(*key)
            if self._close is not None:
                old = list(self._values.values())
                self._values.clear()
                for previous in old:
                    self._close(previous)
            self._values[key] = value
            return value

    def current(self) -> Value | None:
        """The value built last (with ``close`` the only one), or None before the first."""
        with self._lock:
            return next(reversed(self._values.values()), None)

    def peek(self, *key: Hashable) -> Value | None:
        """The value for ``key`` if it was built, without building it."""
        with self._lock:
            return self._values.get(key)

    def reset(self) -> None:
        """Close and forget every value (tests; a server never needs it)."""
        with self._lock:
            old = list(self._values.values())
            self._values.clear()
        if self._close is not None:
            for previous in old:
                self._close(previous)
