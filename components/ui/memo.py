"""``shared``: results kept once per process, keyed by plain inputs.

A deliberate process-wide cache (the one kind of module-level state this
project allows): every session of a class asks for the same few inputs, so a
result, figure or drag-slider spec is built once and handed to all of them.

Two layers. A hit is served by ``functools.lru_cache``, which hashes the plain
tuple of arguments (well under a microsecond); ``st.cache_data`` and
``st.cache_resource`` hash every argument with Streamlit's own hasher and take
locks, about 0.2 ms per hit measured here (``bench/bench_calls.py``), and
cache_data also unpickles a fresh copy per hit; a lesson makes ten or more
such calls per rerun. A miss goes to ``st.cache_resource``, whose per-key lock
makes a class arriving at a new value together compute it once, not once per
student. Both layers hold the same object, so memory is not doubled.

Only for pure functions of hashable plain values (str, float, int, bool,
tuples of them) whose results nobody changes afterwards: frozen dataclasses,
spec dicts that are only serialized, plotly figures that are only read
(``st.plotly_chart`` serializes a copy; presenter view scales a copy).
An exception is not cached, so a failure is retried on the next rerun.
"""

from __future__ import annotations

import functools

import streamlit as st


def shared(maxsize: int | None):
    """Decorator: keep the last ``maxsize`` results of a pure function, process-wide."""
    def decorate(func):
        computed_once = st.cache_resource(max_entries=maxsize, show_spinner=False)(func)
        return functools.wraps(func)(functools.lru_cache(maxsize=maxsize)(computed_once))
    return decorate
