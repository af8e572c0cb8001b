"""Follow the projector at scale (issue #28 §4): N students following the instructor.

    python bench/bench_follow.py                  # 40 then 100 students, 60 s per mode
    python bench/bench_follow.py --quick          # 5 students, 15 s (smoke run)
    python bench/bench_follow.py --students 40 --duration 90

Method: one real ``streamlit run dashboard.py`` on loopback and a class in its
database. The instructor is a websocket session (``bench/common.py``) on
② with the class's key in presenter view; every ``--every`` seconds it moves
a₁ between two values (each move publishes the view: one small write). Each
student is a websocket session on ② in the class (predict mode, languages
alternating) that does what a browser does with ``st.fragment(run_every=...)``:
it reruns every fragment the server announced with ``auto_rerun`` on that
fragment's interval (the follow poll every 1 s: one primary-key read; predict
mode's reveal wait every 2 s). A student's page is *updated* when a run it
received ends with the instructor's new a₁ in its address; the latency of a
move is from the instructor's rerun request to that moment, per student, and
for the move as a whole to the last student (goal: p95 ≤ 3 s).

Two modes, same students, same instructor moves: ``following`` (the default
``follow`` on) and ``not following`` (``follow=0``: the page draws no follow
poll; the reveal-wait poll stays, as it would without this feature). The
difference of the server's CPU time per second and of its reruns per second is
the extra load of following. The client runs on the same machine.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import tempfile
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from common import (
    StreamlitSession,
    cpu_seconds,
    fmt_ms,
    lesson_specs,
    percentile,
    print_machine,
    print_table,
    rss_mb,
    server,
)

from components.storage.class_store import ClassStore  # noqa: E402  (common puts the root on the path)

TARGET_P95 = 3.0
TIMEOUT = 30.0
VALUES = (1.0, -1.0)  # a₁ alternates between these (both on ②'s grid)


class _Watched:
    """The session's websocket, with the fragment timers the server asks for noted
    on the way (``auto_rerun``). Fragment ids are stable for a page, so a full
    rerun of the same page announces the same timers again."""

    def __init__(self, ws, timers: dict):
        self._ws, self._timers = ws, timers

    async def send(self, data):
        return await self._ws.send(data)

    async def recv(self):
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        data = await self._ws.recv()
        msg = ForwardMsg()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type")
        if kind == "auto_rerun":
            self._timers[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
        elif kind == "stop_auto_rerun":
            self._timers.pop(msg.stop_auto_rerun.fragment_id, None)
        return data

    async def close(self):
        return await self._ws.close()


@dataclass
class FollowingSession(StreamlitSession):
    """A browser tab that also runs the page's ``st.fragment(run_every=...)`` timers."""

    timers: dict = field(default_factory=dict)  # fragment id -> interval (s)

    async def connect(self) -> None:
        await super().connect()
        self.ws = _Watched(self.ws, self.timers)

    async def open(self, spec, query: str = ""):
        self.timers.clear()  # a page of its own: its own timers
        return await super().open(spec, query)

    async def tick(self, fragment_id: str):
        """One timer firing: rerun that fragment, as the frontend does."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        state.fragment_id = fragment_id
        state.is_auto_rerun = True
        state.cached_message_hashes.extend(sorted(self.cached_hashes))
        for _kind, _element, widget in self.widgets.values():
            if widget is not None:
                state.widget_states.widgets.append(widget)
        return await self._run(back)


def a1_of(query_string: str) -> float | None:
    raw = parse_qs(query_string).get("a1")
    try:
        return float(raw[0]) if raw else None
    except ValueError:
        return None


@dataclass
class Outcome:
    moves: list = field(default_factory=list)    # (value, monotonic time the move was sent)
    seen: list = field(default_factory=list)     # (student, value, monotonic time seen)
    opens: list = field(default_factory=list)    # seconds each student's page took to open
    runs: int = 0                                # runs the students' timers caused
    errors: list = field(default_factory=list)
    cpu: float = math.nan
    wall: float = math.nan
    rss: float = math.nan


async def student(index: int, ws_url: str, spec, query: str, until: dict,
                  outcome: Outcome) -> None:
    """One student: open the page, then run its fragment timers until ``until["stop"]``."""
    session = FollowingSession(ws_url, timeout=TIMEOUT)
    try:
        await session.connect()
        opened = await session.open(spec, query)
        if opened.error:
            outcome.errors.append(f"open: {opened.error}")
            return
        shown = a1_of(opened.query_string)
        outcome.opens.append(opened.seconds)
        due = {fid: time.monotonic() + interval for fid, interval in session.timers.items()}
        while time.monotonic() < until["stop"]:
            for fid, interval in session.timers.items():
                due.setdefault(fid, time.monotonic() + interval)
            due = {fid: at for fid, at in due.items() if fid in session.timers}
            if not due:
                await asyncio.sleep(0.2)
                continue
            fid, at = min(due.items(), key=lambda item: item[1])
            await asyncio.sleep(max(0.0, at - time.monotonic()))
            result = await session.tick(fid)
            due[fid] = time.monotonic() + session.timers.get(fid, 1.0)
            outcome.runs += 1
            if result.error:
                outcome.errors.append(result.error)
                if "timeout" in result.error or "Closed" in result.error:
                    break
                continue
            now_shown = a1_of(result.query_string)
            if now_shown != shown:
                shown = now_shown
                outcome.seen.append((index, shown, time.monotonic()))
    except Exception as exc:  # noqa: BLE001 - a disconnect is an error of the run, not a crash
        outcome.errors.append(f"{type(exc).__name__}: {exc}"[:200])
    finally:
        await session.close()


async def instructor(ws_url: str, spec, query: str, every: float, stop_at: float,
                     outcome: Outcome) -> None:
    session = StreamlitSession(ws_url, timeout=TIMEOUT)
    await session.connect()
    try:
        opened = await session.open(spec, query)
        if opened.error:
            outcome.errors.append(f"instructor open: {opened.error}")
            return
        step = 0
        while time.monotonic() + every < stop_at:
            await asyncio.sleep(every)
            value = VALUES[step % 2]
            step += 1
            outcome.moves.append((value, time.monotonic()))
            result = await session.move("a1", value)
            if result.error:
                outcome.errors.append(f"instructor move: {result.error}")
    finally:
        await session.close()


async def run_mode(ws_url: str, pid: int, code: str, key: str, students: int, follow: bool,
                   duration: float, every: float) -> Outcome:
    spec = next(s for s in lesson_specs(include_home=False) if s.slug == "gradients")
    outcome = Outcome()
    teacher_query = f"class={code}&key={key}&present=1&lang=ko&a1={VALUES[1]}"
    # The instructor publishes first, so every student finds a view (and, not
    # following, its toggle off) when the page opens.
    await instructor(ws_url, spec, teacher_query, 0.0, 0.0, outcome)
    until = {"stop": math.inf}  # set once every student's page is open
    tasks = []
    for i in range(students):
        lang = ("ko", "en")[i % 2]
        query = f"class={code}&predict=1&lang={lang}" + ("" if follow else "&follow=0")
        tasks.append(asyncio.create_task(student(i, ws_url, spec, query, until, outcome)))
        await asyncio.sleep(0.1)  # a class opening the link over a few seconds
    deadline = time.monotonic() + 180
    while len(outcome.opens) + len(outcome.errors) < students and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    await asyncio.sleep(2.0)  # every timer running
    stop_at = until["stop"] = time.monotonic() + duration
    cpu0, wall0, runs0 = cpu_seconds(pid), time.monotonic(), outcome.runs
    await instructor(ws_url, spec, teacher_query, every, stop_at, outcome)
    outcome.wall = time.monotonic() - wall0
    outcome.cpu = (cpu_seconds(pid) - cpu0) / outcome.wall
    outcome.runs -= runs0
    outcome.rss = rss_mb(pid)
    done, pending = await asyncio.wait(tasks, timeout=TIMEOUT + 10)
    for task in pending:
        task.cancel()
        outcome.errors.append("student still running at the deadline")
    return outcome


def latencies(outcome: Outcome, students: int) -> tuple[list[float], list[float], int]:
    """Per (move, student) latencies, per move the last student's, and moves not seen by all."""
    each, last, missed = [], [], 0
    moves = outcome.moves
    for i, (value, sent) in enumerate(moves):
        until = moves[i + 1][1] if i + 1 < len(moves) else math.inf
        got = {}
        for who, shown, at in outcome.seen:
            if shown == value and sent <= at < until and who not in got:
                got[who] = at - sent
        each += list(got.values())
        if len(got) == students:
            last.append(max(got.values()))
        else:
            missed += 1
    return each, last, missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="*", default=[40, 100])
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--every", type=float, default=5.0,
                        help="seconds between two instructor moves")
    parser.add_argument("--quick", action="store_true", help="5 students, 15 s")
    args = parser.parse_args()
    if args.quick:
        args.students, args.duration = [5], 15.0
    folder = tempfile.mkdtemp(prefix="bench-follow-")
    url = f"sqlite:///{folder}/classes.sqlite3"
    print_machine("bench_follow: the room follows the projector")
    rows = []
    with server(env={"AUTOGRAD_LAB_DB": url}) as srv:
        for students in args.students:
            for follow in (True, False):
                store = ClassStore(url)
                new = store.create_class()
                store.dispose()
                outcome = asyncio.run(run_mode(srv.ws_url, srv.pid, new.code, new.key, students,
                                               follow, args.duration, args.every))
                each, last, missed = latencies(outcome, students)
                follows = follow and bool(last)
                rows.append([
                    students, "following" if follow else "not following",
                    fmt_ms(percentile(outcome.opens, 95)), len(outcome.moves),
                    fmt_ms(percentile(last, 50)) if follows else "–",
                    fmt_ms(percentile(last, 95)) if follows else "–",
                    fmt_ms(percentile(each, 95)) if follow and each else "–",
                    missed if follow else "–",
                    f"{outcome.runs / outcome.wall:.1f}", f"{outcome.cpu:.2f}",
                    f"{outcome.rss:.0f}", len(outcome.errors),
                    ("✓" if percentile(last, 95) <= TARGET_P95 else "✗") if follows else "",
                ])
                for error in outcome.errors[:3]:
                    print("  error:", error)
    print_table(["students", "mode", "open p95", "moves", "last p50", "last p95", "each p95",
                 "moves missed", "poll runs/s", "server CPU s/s", "RSS MB", "errors",
                 f"p95 ≤ {TARGET_P95:.0f} s"], rows)
    print("last = from the instructor's move to the last student's page updated; "
          "each = every student's own; moves missed = moves some student never showed.")
    os.environ.pop("AUTOGRAD_LAB_DB", None)


if __name__ == "__main__":
    main()
