"""SymPy's worker processes (components/core/expression_workers.py): limits,
deadlines, one job per session, remembered timeouts, replaced workers, and
workers that end with the server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from components.core.expression_parser import parse_expression
from components.core.expression_sympy import derivatives
from components.core.expression_workers import WorkerPool
from tests import worker_jobs
from tests.hostile import COSTLY_EXPRESSIONS
from tests.support import ROOT


@pytest.fixture
def pool():
    """A pool of its own (the server's POOL stays untouched), warm."""
    own = WorkerPool(size=1)
    assert own.wait_ready(60)
    yield own
    own.close()


def _wait(condition, timeout: float = 30.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_job_runs_in_another_process(pool):
    assert pool.run(worker_jobs.add, (2, 3)).value == 5
    outcome = pool.run(worker_jobs.pid, ())
    assert outcome.status == "ok" and outcome.value != os.getpid()


def test_the_wall_deadline_kills_the_job_and_its_worker(pool):
    before = pool.pids()
    start = time.monotonic()
    outcome = pool.run(worker_jobs.sleep, (30,), wall=0.3, cpu=10)
    assert time.monotonic() - start < 2
    assert outcome.status == "timeout" and not outcome.exhausted
    assert _wait(lambda: pool.pids() and pool.pids() != before)  # a fresh worker
    assert pool.run(worker_jobs.add, (1, 1)).value == 2


def test_the_cpu_allowance_stops_a_job_that_holds_the_gil(pool):
    start = time.monotonic()
    outcome = pool.run(worker_jobs.burn, (60,), wall=60, cpu=0.3)
    assert outcome.status == "timeout" and outcome.exhausted
    assert 0.3 <= outcome.cpu < 5 and time.monotonic() - start < 30


def test_a_worker_cannot_take_unbounded_memory(pool):
    outcome = pool.run(worker_jobs.hog, (2048,), wall=30, cpu=10)
    assert outcome.status == "failed"
    assert pool.run(worker_jobs.hog, (50,), wall=30, cpu=10).value == 50 * 2**20


def test_a_failing_job_is_an_answer_not_an_error(pool):
    assert pool.run(worker_jobs.fail, ()).status == "failed"
    assert pool.run(worker_jobs.add, (1, 2)).value == 3


def test_a_timed_out_expression_is_remembered(pool):
    tree = parse_expression(COSTLY_EXPRESSIONS["slow_sympy"])
    # A CPU allowance well below the wall limit: the expression itself is too costly,
    # whatever the load of the machine.
    first = derivatives(tree, (2.0, 3.0), (6.0, 4.0), time_limit=30, cpu_limit=0.5, pool=pool)
    assert first.timed_out and first.reason == "timeout" and not first.remembered
    start = time.perf_counter()
    again = derivatives(tree, (-1.0, 0.5), (2.0, 1.0), time_limit=30, cpu_limit=0.5, pool=pool)
    assert time.perf_counter() - start < 0.05
    assert again.timed_out and again.remembered and again.reason == "timeout"
    # A larger allowance is a new question; an ordinary function is not affected.
    ordinary = derivatives(parse_expression("3*a**3 - b**2"), (2.0, 3.0), (6.0, 4.0),
                           time_limit=30, cpu_limit=0.5, pool=pool)
    assert not ordinary.timed_out and ordinary.values_a == (36.0, 81.0)


def test_a_killed_worker_is_replaced(pool):
    (victim,) = pool.pids()
    os.kill(victim, signal.SIGKILL)
    outcome = pool.run(worker_jobs.pid, (), wall=30)
    assert outcome.status == "ok" and outcome.value != victim
    # Killed in the middle of a job: that job fails, the next one runs.
    (busy,) = pool.pids()
    threading.Timer(0.3, os.kill, (busy, signal.SIGKILL)).start()
    assert pool.run(worker_jobs.sleep, (20,), wall=30, cpu=10).status == "failed"
    outcome = pool.run(worker_jobs.pid, (), wall=30)
    assert outcome.status == "ok" and outcome.value not in (victim, busy)


def test_a_new_job_of_the_same_session_cancels_the_old_one():
    pool = WorkerPool(size=2)
    try:
        assert pool.wait_ready(60)
        results = {}
        old = threading.Thread(target=lambda: results.setdefault(
            "old", pool.run(worker_jobs.sleep, (20,), session="s", wall=30, cpu=10)))
        start = time.monotonic()
        old.start()
        time.sleep(0.3)
        other = threading.Thread(target=lambda: results.setdefault(
            "other", pool.run(worker_jobs.sleep, (1,), session="t", wall=30, cpu=10)))
        other.start()
        new = pool.run(worker_jobs.add, (1, 2), session="s", wall=30)
        old.join(10)
        other.join(10)
        assert results["old"].status == "cancelled" and time.monotonic() - start < 10
        assert new.status == "ok" and new.value == 3
        assert results["other"].status == "ok"  # another session's job is left alone
    finally:
        pool.close()


def test_no_free_worker_before_the_deadline_is_busy(pool):
    holder = threading.Thread(target=pool.run, args=(worker_jobs.sleep, (2,)),
                              kwargs={"wall": 30, "cpu": 10})
    holder.start()
    time.sleep(0.3)
    outcome = pool.run(worker_jobs.add, (1, 1), key="k", wall=0.3)
    holder.join()
    assert outcome.status == "busy" and not pool.remembered("k", 1.5)


_SERVER = """
import os, sys, time
sys.path.insert(0, {root!r})
from components.core.expression_workers import WorkerPool
if __name__ == "__main__":
    pool = WorkerPool(size=2)
    assert pool.wait_ready(60)
    print(" ".join(map(str, pool.pids())), flush=True)
    {ending}
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("ending", ["os.kill(os.getpid(), 9)", "sys.exit(0)"])
def test_workers_end_with_the_server(tmp_path, ending):
    script = tmp_path / "server.py"
    script.write_text(_SERVER.format(root=str(ROOT), ending=ending))
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120)
    pids = [int(p) for p in proc.stdout.split()]
    assert len(pids) == 2
    assert _wait(lambda: not any(_alive(p) for p in pids), 15), pids


def test_spawn_serves_where_there_is_no_forkserver():
    pool = WorkerPool(size=1, context="spawn")
    try:
        assert pool.wait_ready(60)
        outcome = pool.run(worker_jobs.pid, (), wall=30)
        assert outcome.status == "ok" and outcome.value != os.getpid()
    finally:
        pool.close()
