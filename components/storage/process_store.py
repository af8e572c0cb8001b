"""The process's one class store and its expiry timer (SQLAlchemy only, no streamlit).

Kept apart from ``components/ui/class_session.py`` so that the router can start
the expiry timer on every page without importing torch and plotly (the class
checkpoints need them): ①'s first screen must not wait for torch.
"""

from __future__ import annotations

from components.process_wide import ProcessWide
from components.storage.class_store import ClassStore, ExpiryTimer, default_url

# The store (its engine, connection pool and answer rate limiter) is a
# process-wide singleton, not st.cache_resource: any viewer's clear_cache
# message would empty that cache, and every reopening of a class page then
# built one more engine whose connections stayed open (measured: 3 → 23 open
# database files after 30 clears) and a fresh rate limiter. A store replaced
# because the database URL changed (between tests) is disposed.
_STORE: ProcessWide[ClassStore] = ProcessWide(ClassStore, close=ClassStore.dispose)
_TIMER: ProcessWide[ExpiryTimer] = ProcessWide(lambda: ExpiryTimer(_current_store).start())


def class_store() -> ClassStore:
    """The store of this process, schema created on first use (and the expiry timer running)."""
    store = _STORE.get(default_url())
    start_expiry_timer()
    return store


def _current_store() -> ClassStore:
    """What the expiry timer purges: the process's store, built if no page built it yet."""
    return _STORE.current() or _STORE.get(default_url())


def start_expiry_timer() -> None:
    """Start the process's expiry timer once (every page's frame calls this: cheap)."""
    _TIMER.get()
