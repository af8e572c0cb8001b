"""Refuse the websocket message ``clear_cache`` from viewers.

Streamlit 1.67 handles ``BackMsg.clear_cache`` from any browser
(``AppSession.handle_backmsg`` → ``_handle_clear_cache_request``), and that
empties ``st.cache_data`` and ``st.cache_resource`` for every session of the
server. ``client.toolbarMode = "viewer"`` only hides the menu item; a script
can still send the message, as often as it likes, and each time every cached
figure and table is computed again. Streamlit has no option to turn the
message off, so this replaces the private handler with one that ignores it.

Defence in depth: what must stay single (the ResNet queue, the class store
with its engine and limiters, the networks) is held in process-wide singletons
(components/process_wide.py), so even on a Streamlit where this guard does
not apply, a clear cannot duplicate them; it can only cost recomputation.

The patch is private API, so it applies only on the Streamlit versions it was
verified on, and only if the handler is still where it was.
tests/test_cache_guard.py fails when Streamlit leaves this range (check the
dispatch in ``streamlit/runtime/app_session.py``, run tests/test_clear_cache.py,
then widen the range). An operator who needs to clear the caches restarts the
server.
"""

from __future__ import annotations

import inspect
import logging

from components.ui.layout import streamlit_version

CLEAR_CACHE_GUARD_VERIFIED = ((1, 67), (2, 0))  # from (inclusive), to (exclusive)
_HANDLER = "_handle_clear_cache_request"
_MARK = "_autograd_lab_refuses_clear_cache"
_LOGGER = logging.getLogger(__name__)


def clear_cache_guard_applies() -> bool:
    """Whether this Streamlit is one the guard was verified on, dispatching as it did."""
    from streamlit.runtime.app_session import AppSession

    low, high = CLEAR_CACHE_GUARD_VERIFIED
    if not low <= streamlit_version() < high or not callable(getattr(AppSession, _HANDLER, None)):
        return False
    try:
        dispatch = inspect.getsource(AppSession.handle_backmsg)
    except (OSError, TypeError):  # no source (a frozen build): cannot verify
        return False
    return '"clear_cache"' in dispatch and f"self.{_HANDLER}()" in dispatch


def _refused(self) -> None:
    # Debug only: a script sending thousands must not fill the server's log.
    _LOGGER.debug("clear_cache message from a browser ignored (components/ui/cache_guard.py)")


setattr(_refused, _MARK, True)


def is_refusing() -> bool:
    """Whether the server ignores ``clear_cache`` messages now."""
    from streamlit.runtime.app_session import AppSession

    return getattr(getattr(AppSession, _HANDLER, None), _MARK, False)


def refuse_clear_cache() -> bool:
    """Install the guard (idempotent, cheap: the router calls it on every run).

    Returns whether ``clear_cache`` messages are now ignored.
    """
    if is_refusing():
        return True
    if not clear_cache_guard_applies():
        return False
    from streamlit.runtime.app_session import AppSession

    setattr(AppSession, _HANDLER, _refused)
    return True
