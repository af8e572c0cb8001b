"""SymPy's worker processes: every job bounded in CPU time, memory and wall time.

Why processes: SymPy's exact arithmetic is Python big-integer arithmetic, which
holds the GIL, so a thread with a deadline can neither stop it nor keep the
other sessions of the server running meanwhile. A worker process can be killed,
and while it computes the server only waits on a pipe.

- Workers come from a ``forkserver``: a clean process started once (with
  ``_posixsubprocess``, safe from a server full of torch and streamlit threads;
  ``fork`` of such a process is not), which imports SymPy once and forks each
  worker from that warm state. A worker is ready in milliseconds, not the
  ~1 s of a fresh ``import sympy``, and ``WORKERS`` are kept warm. (Where
  there is no forkserver, on Windows, workers are spawned: slower to replace.)
- Each worker limits itself with ``resource.setrlimit``: address space (the
  size after start-up plus ``MEMORY_LIMIT``), CPU seconds per job (SIGXCPU
  ends it should the server fail to), no core files.
- The server kills a worker at the job's wall deadline, when the job has used
  its CPU allowance, or when the same browser session sends a new job
  (one job per session at a time). A killed worker is replaced at once.
- A job that used up its CPU allowance (or failed) is remembered by its key
  (the canonical expression), so sending it again costs nothing. One that ran
  out of wall time first (a busy machine gives it less CPU) is remembered for
  ``RETRY_AFTER`` seconds only: on a quieter machine it may well finish.
- Workers die with the server: a closed pipe ends their loop, the
  forkserver exits when the server does and takes them along (PDEATHSIG),
  and multiprocessing's exit handler terminates them on a clean exit.
"""

from __future__ import annotations

import collections
import math
import multiprocessing
import multiprocessing.spawn
import os
import signal
import threading
import time
from dataclasses import dataclass

WORKERS = 2  # the server's cores: more workers would only queue on the CPU
MEMORY_LIMIT = 512 * 2**20  # bytes of address space a worker may add after start-up
LIFETIME_CPU = 600  # CPU seconds a worker may use in all (RLIMIT_CPU's hard limit)
MAX_JOBS = 500  # then a worker retires and is replaced: SymPy's caches only grow
REMEMBERED = 1024  # expressions whose timeout or failure is remembered
RETRY_AFTER = 60.0  # seconds a timeout by the wall clock alone is remembered
STARTUP_WAIT = 30.0  # seconds a job may wait for the very first worker of a cold pool
POLL = 0.02  # seconds between looks at a running job
# Imported once in the forkserver, so every worker starts warm.
PRELOAD = ("components.core.expression_workers", "components.core.expression_sympy")
WORKER_NAME = "sympy-worker"


@dataclass(frozen=True)
class Outcome:
    """What became of one job.

    ``status``: ``ok`` (``value`` holds the result), ``timeout`` (the job used
    its CPU allowance or ran out of wall time), ``failed`` (it raised, ran out of
    memory or its worker died), ``busy`` (no worker was free before the
    deadline) or ``cancelled`` (the same session sent a newer job); ``lost``
    only inside the pool (the worker died before it took the job: try another).
    ``exhausted``: the job itself was too costly (CPU allowance used up, or
    failed): such outcomes are remembered. ``remembered``: answered from
    that memory without running anything. ``cpu``: CPU seconds the job used.
    """

    status: str
    value: object = None
    seconds: float = 0.0
    cpu: float = 0.0
    exhausted: bool = False
    remembered: bool = False


# ---- inside a worker ------------------------------------------------------------

def _cpu_used() -> float:
    return time.process_time()


def _die_with_parent() -> None:
    """Linux: SIGKILL this worker when its parent (the forkserver) ends."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _address_space() -> int:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _limit_self(memory_limit: int, lifetime_cpu: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the server's deadline is the only limit
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if memory_limit and _address_space():
            size = _address_space() + memory_limit
            resource.setrlimit(resource.RLIMIT_AS, (size, size))
        resource.setrlimit(resource.RLIMIT_CPU, (lifetime_cpu, lifetime_cpu))
    except (ValueError, OSError):  # a system that refuses a limit keeps the others
        pass


def _allow_cpu(seconds: float, lifetime_cpu: int) -> None:
    """SIGXCPU (which ends the worker) once this job passes ``seconds`` of CPU;
    RLIMIT_CPU counts whole seconds of the process's life, hence the arithmetic."""
    try:
        import resource

        soft = min(lifetime_cpu, math.ceil(_cpu_used() + seconds) + 1)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, lifetime_cpu))
    except (ImportError, ValueError, OSError):
        pass


def _worker_main(conn, memory_limit: int, lifetime_cpu: int, max_jobs: int) -> None:
    """A worker's life: limits, then one job at a time until the pipe closes."""
    _die_with_parent()
    _limit_self(memory_limit, lifetime_cpu)
    conn.send("ready")
    jobs = 0
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the server is gone
        if message is None:
            return
        function, args, cpu_limit = message
        _allow_cpu(cpu_limit, lifetime_cpu)
        try:
            conn.send("started")
        except (OSError, ValueError):
            return
        retiring = False
        try:
            reply = ("ok", function(*args))
        except MemoryError:
            reply, retiring = ("failed", "memory"), True
        except Exception as error:  # noqa: BLE001 - any failure of the job is its answer
            reply = ("failed", type(error).__name__)
        jobs += 1
        retiring = retiring or jobs >= max_jobs or _cpu_used() > lifetime_cpu / 2
        try:
            conn.send((*reply, retiring))
        except (OSError, ValueError):
            return
        if retiring:
            return


# ---- in the server --------------------------------------------------------------

def _without_main(get_preparation_data):
    """``multiprocessing.spawn.get_preparation_data`` that leaves ``__main__`` out
    for our workers.

    multiprocessing runs the parent's ``__main__`` again in every new process
    (so functions defined there can be found). In a Streamlit server
    ``sys.modules["__main__"]`` is whichever page script is running at that
    moment, unguarded by ``if __name__ == "__main__"``: a worker would run a
    whole page. Workers need nothing from ``__main__``; other processes are untouched.
    """

    def prepared(name):
        data = get_preparation_data(name)
        if str(name).startswith(WORKER_NAME):
            data.pop("init_main_from_path", None)
            data.pop("init_main_from_name", None)
        return data

    prepared.leaves_out_main = True
    return prepared


if not getattr(multiprocessing.spawn.get_preparation_data, "leaves_out_main", False):
    multiprocessing.spawn.get_preparation_data = _without_main(
        multiprocessing.spawn.get_preparation_data)


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


class _Worker:
    def __init__(self, process, conn):
        self.process = process
        self.conn = conn

    def cpu_seconds(self) -> float | None:
        """CPU seconds the worker has used (Linux /proc), None where unknown."""
        try:
            with open(f"/proc/{self.process.pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS
        except (OSError, IndexError, ValueError):
            return None

    def end(self) -> None:
        """Kill the process (if it still runs) and reap it."""
        try:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(2)
        except (OSError, ValueError, AssertionError):
            pass
        try:
            self.conn.close()
        except OSError:
            pass


class _Job:
    def __init__(self):
        self.cancelled = threading.Event()


class WorkerPool:
    """``size`` warm worker processes that run one job each at a time.

    Thread-safe; ``run`` blocks the calling thread (not the GIL) until the job
    ends. Workers start in a keeper thread on the first ``start`` or ``run``.
    """

    def __init__(self, size: int = WORKERS, context: str | None = None,
                 preload: tuple[str, ...] = PRELOAD, memory_limit: int = MEMORY_LIMIT):
        self.size = size
        if context is None:  # forkserver where there is one (Linux, macOS); else spawn
            methods = multiprocessing.get_all_start_methods()
            context = "forkserver" if "forkserver" in methods else "spawn"
        self._context = multiprocessing.get_context(context)
        self._preload = list(preload)
        self._memory_limit = memory_limit
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._live = 0  # workers starting, idle or busy
        self._ever_ready = False
        self._closed = False
        self._keeper: threading.Thread | None = None
        self._sessions: dict[str, _Job] = {}
        # key → (the CPU allowance it ran out of, math.inf if it failed; until when; status)
        self._memory: collections.OrderedDict[str, tuple[float, float, str]] = \
            collections.OrderedDict()

    # -- workers ------------------------------------------------------------------

    def start(self) -> None:
        """Start warming the workers (returns at once)."""
        with self._cond:
            if self._keeper is None and not self._closed:
                # The keeper starts every worker: one long-lived thread, so the
                # processes never belong to a script run's short-lived thread.
                self._keeper = threading.Thread(target=self._keep, name="sympy-pool-keeper",
                                                daemon=True)
                self._keeper.start()

    def _keep(self) -> None:
        while True:
            with self._cond:
                while self._live >= self.size and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                self._live += 1
            worker = self._spawn()
            with self._cond:
                if worker is None:
                    self._live -= 1
                elif self._closed:
                    worker.end()
                    self._live -= 1
                else:
                    self._idle.append(worker)
                    self._ever_ready = True
                self._cond.notify_all()
            if worker is None:
                time.sleep(1.0)  # a failed start (no memory, no processes): try again later

    def _spawn(self) -> _Worker | None:
        ours = theirs = None
        process = None
        try:
            if hasattr(self._context, "set_forkserver_preload"):
                self._context.set_forkserver_preload(self._preload)
            ours, theirs = self._context.Pipe()
            process = self._context.Process(
                target=_worker_main, name=WORKER_NAME, daemon=True,
                args=(theirs, self._memory_limit, LIFETIME_CPU, MAX_JOBS))
            process.start()
            theirs.close()
            if ours.poll(STARTUP_WAIT) and ours.recv() == "ready":
                return _Worker(process, ours)
        except (OSError, EOFError, ValueError, RuntimeError):
            pass
        if process is not None:
            _Worker(process, ours).end()
        return None

    def _checkout(self) -> _Worker | None:
        """An idle, living worker (lock held), or None."""
        while self._idle:
            worker = self._idle.pop()
            if worker.process.is_alive():
                return worker
            self._retire(worker)  # died while idle (killed from outside, or retired)
        return None

    def _retire(self, worker: _Worker) -> None:
        """Lock held: end ``worker`` (already dead, or killed in an instant) and
        let the keeper start its replacement."""
        worker.end()
        self._live -= 1
        self._cond.notify_all()

    def _give_back(self, worker: _Worker, healthy: bool) -> None:
        if not healthy:
            worker.end()  # outside the lock: kill and reap
        with self._cond:
            if healthy and not self._closed:
                self._idle.append(worker)
                self._cond.notify_all()
            else:
                self._retire(worker)

    def pids(self) -> list[int]:
        """Process ids of the idle workers (for tests and benchmarks)."""
        with self._cond:
            return [w.process.pid for w in self._idle]

    def wait_ready(self, timeout: float = STARTUP_WAIT) -> bool:
        """Start the pool and wait until all ``size`` workers are idle."""
        self.start()
        end = time.monotonic() + timeout
        with self._cond:
            while len(self._idle) < self.size:
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def close(self) -> None:
        """End every worker (the pool cannot be used again)."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            for worker in idle:
                self._retire(worker)
            self._cond.notify_all()

    # -- jobs ---------------------------------------------------------------------

    def remembered(self, key: str, cpu_limit: float) -> str | None:
        """``timeout`` or ``failed`` when a job of this ``key`` with this CPU
        allowance is known to end so; else None."""
        with self._cond:
            allowance, until, status = self._memory.get(key, (0.0, 0.0, ""))
            if allowance < cpu_limit or until < time.monotonic():
                return None
            self._memory.move_to_end(key)
            return status

    def _remember(self, key: str, allowance: float, until: float, status: str) -> None:
        with self._cond:
            self._memory[key] = (allowance, until, status)
            self._memory.move_to_end(key)
            while len(self._memory) > REMEMBERED:
                self._memory.popitem(last=False)

    def run(self, function, args: tuple, *, key: str | None = None, session: str | None = None,
            wall: float = 2.0, cpu: float = 1.5) -> Outcome:
        """Run ``function(*args)`` in a worker: at most ``wall`` seconds in all
        (waiting for a worker included) and ``cpu`` CPU seconds of the worker.

        ``function`` must be importable by name (a module-level function);
        ``key`` names the job for the memory of costly ones; ``session``: a new
        job of the same session cancels this one.
        """
        started = time.monotonic()

        def took() -> float:
            return time.monotonic() - started

        known = None if key is None else self.remembered(key, cpu)
        if known is not None:
            return Outcome(known, exhausted=True, remembered=True)
        if wall <= 0:
            return Outcome("timeout")  # no time at all: nothing to start
        self.start()
        job = _Job()
        with self._cond:
            if session is not None:
                previous = self._sessions.get(session)
                if previous is not None:
                    previous.cancelled.set()
                self._sessions[session] = job
            cold = not self._ever_ready
        # A cold start's wait is the server's start-up, not this job's time.
        wait_until = started + (max(wall, STARTUP_WAIT) if cold else wall)
        try:
            while True:
                worker = self._wait_for_worker(job, wait_until)
                if worker is None:
                    return Outcome("cancelled" if job.cancelled.is_set() else "busy",
                                   seconds=took())
                deadline = time.monotonic() + wall if cold else started + wall
                running = time.monotonic()
                outcome = self._drive(worker, job, function, args, deadline, cpu)
                if outcome.status != "lost":
                    break
                # The worker died before it took the job (killed while idle): another one.
        finally:
            with self._cond:
                self._forget(session, job)
        if key is not None and outcome.exhausted:
            self._remember(key, math.inf if outcome.status == "failed" else cpu, math.inf,
                           outcome.status)
        elif key is not None and outcome.status == "timeout" \
                and time.monotonic() - running >= wall / 2:
            # Out of wall time after running most of it: a busy machine, or a slow
            # job; either way the same request now would end the same way.
            self._remember(key, cpu, time.monotonic() + RETRY_AFTER, "timeout")
        return Outcome(outcome.status, outcome.value, took(), outcome.cpu, outcome.exhausted)

    def _wait_for_worker(self, job: _Job, until: float) -> _Worker | None:
        with self._cond:
            while True:
                worker = self._checkout()
                if worker is not None:
                    return worker
                left = until - time.monotonic()
                if left <= 0 or job.cancelled.is_set() or self._closed:
                    return None
                self._cond.wait(min(left, 0.1))

    def _forget(self, session: str | None, job: _Job) -> None:
        if session is not None and self._sessions.get(session) is job:
            del self._sessions[session]

    def _drive(self, worker: _Worker, job: _Job, function, args, deadline: float,
               cpu_limit: float) -> Outcome:
        started = time.monotonic()
        cpu_start = worker.cpu_seconds()

        def cpu_used() -> float:
            now = worker.cpu_seconds()
            if now is None or cpu_start is None:
                return time.monotonic() - started  # no /proc: wall time stands in
            return now - cpu_start

        try:
            worker.conn.send((function, args, cpu_limit))
        except (OSError, ValueError):
            self._give_back(worker, healthy=False)
            return Outcome("lost")
        taken = False  # the worker acknowledges a job before it starts on it
        while True:
            try:
                while worker.conn.poll(POLL):
                    reply = worker.conn.recv()
                    if reply == "started":
                        taken = True
                        continue
                    status, value, retiring = reply
                    used = cpu_used()
                    self._give_back(worker, healthy=not retiring)
                    return Outcome(status, value, cpu=used, exhausted=status == "failed")
            except (EOFError, OSError):
                # The worker died: its own CPU limit (SIGXCPU), or killed from outside.
                used = cpu_used() if worker.process.is_alive() else cpu_limit
                worker.process.join(1)
                code = worker.process.exitcode
                self._give_back(worker, healthy=False)
                if not taken:
                    return Outcome("lost")
                if code == -signal.SIGXCPU:
                    return Outcome("timeout", cpu=used, exhausted=True)
                return Outcome("failed", cpu=used)
            used = cpu_used()
            if job.cancelled.is_set():
                self._give_back(worker, healthy=False)
                return Outcome("cancelled", cpu=used)
            if used >= cpu_limit or time.monotonic() >= deadline:
                self._give_back(worker, healthy=False)  # killed: the only way to stop it
                return Outcome("timeout", cpu=used, exhausted=used >= cpu_limit)


# The one pool of the server process, on purpose at module level: every session
# must share these few processes, and ``st.cache_resource`` would not do, since
# any viewer can send ``clear_cache`` and a second pool (with its own workers
# and an empty memory of costly expressions) would start beside the first.
# Creating it starts nothing; the first job (or ``POOL.start()``) does.
POOL = WorkerPool()
