"""Jobs for the SymPy worker-pool tests, importable by name in a worker process
(a worker receives a function by its module and name, never as code)."""

from __future__ import annotations

import os
import time


def add(x: float, y: float) -> float:
    return x + y


def pid() -> int:
    return os.getpid()


def sleep(seconds: float) -> float:
    """Waits without using CPU: only the wall clock can stop it."""
    time.sleep(seconds)
    return seconds


def burn(seconds: float) -> int:
    """Uses CPU (big-integer powers, which hold the GIL) for about ``seconds``."""
    end = time.process_time() + seconds
    n = 0
    while time.process_time() < end:
        n += (3**20000).bit_length()
    return n


def hog(megabytes: int) -> int:
    """Asks for ``megabytes`` of memory at once."""
    return len(bytearray(megabytes * 2**20))


def fail() -> None:
    raise ValueError("no")
