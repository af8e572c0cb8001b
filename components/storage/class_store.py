"""Class mode's storage: the schema and every query, through SQLAlchemy only.

One URL picks the database (``AUTOGRAD_LAB_DB``). Without it, an embedded
SQLite file in ``./data/`` (WAL journal, a busy timeout, write transactions
that take the write lock up front), so a single server needs nothing more. For
several replicas the same code runs on PostgreSQL (``postgresql+psycopg://...``).

What is stored is deliberately little: a class (its join code, a SHA-256 hash
of the instructor key, its creation time), anonymous answers (a random student
id from the browser session, the checkpoint, the guess and the answer torch
computed for that student's settings, the name of the misconception predict
mode matched to a wrong number, a time) and which checkpoints were revealed.
No names, addresses or user agents. Everything older than the time to live
(24 h unless configured) is deleted.

No streamlit here: the pages call this module, and the tests run it directly on
SQLite and on a real PostgreSQL server.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import math
import os
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError, SQLAlchemyError

from components.storage.codes import (
    CODE_ALPHABET,
    CODE_LENGTH,
    KEY_BYTES,
    is_well_formed_key,
    normalise_code,
)

ENV_URL = "AUTOGRAD_LAB_DB"
ENV_TTL_HOURS = "AUTOGRAD_LAB_CLASS_TTL_HOURS"
DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DEFAULT_SQLITE = DATA_DIR / "classes.sqlite3"
DEFAULT_TTL_SECONDS = 24 * 3600.0

# 2: answers.slip (the misconception a wrong number matched, for the class report).
SCHEMA_VERSION = 2

# A checkpoint id is the app's own name (``a1_grad``), never free text.
CHECKPOINT_PATTERN = re.compile(r"[a-z0-9_]{1,40}")
STUDENT_PATTERN = re.compile(r"[0-9a-f]{32}")
# Guesses beyond this are typos or attacks; the page refuses them before they get here.
MAX_ABS_GUESS = 1e12

# Nothing waits long for the database: a locked, restarting or unreachable
# database must give a student one line within 2 s (and a retry), never a page
# that hangs for the driver's default 30 s or more.
BUSY_TIMEOUT_SECONDS = 0.5   # SQLite: how long a writer waits for another process's write lock
# SQLite: how long a writer queues behind the other writers of this process. They
# queue on a Python lock, first come first served, instead of SQLite's busy
# handler, which sleeps in growing steps: 60 answers sent in the same second all
# land within this, where the busy handler alone let some wait past a second.
WRITE_QUEUE_SECONDS = 1.5
CONNECT_TIMEOUT_SECONDS = 2  # PostgreSQL: libpq's smallest connect timeout
STATEMENT_TIMEOUT_MS = 1500  # PostgreSQL: a statement (lock waits included) running longer fails
POOL_TIMEOUT_SECONDS = 1.0   # a free pooled connection, when every one is in use


class StoreUnavailable(RuntimeError):
    """The store could not even be opened (the database was down when first asked)."""


class StoreBusy(StoreUnavailable):
    """A write waited too long behind this process's other writers (SQLite)."""


# What callers catch when the database is locked, down or too slow (SQLAlchemy
# wraps every driver error; a full pool raises its own TimeoutError, also one of
# these). The pages show one line and try again later; nothing here retries.
UNAVAILABLE = (SQLAlchemyError, OSError, StoreUnavailable)

# A session may submit this many answers per window; more is a script, not a student.
RATE_LIMIT_COUNT = 3
RATE_LIMIT_SECONDS = 1.0

# What one anonymous visitor may cost the server (docs/hosting.md, "Limits"):
# classes started per client a minute, live classes in all, students per class.
ENV_CLASSES_PER_MINUTE = "AUTOGRAD_LAB_CLASSES_PER_MINUTE"
ENV_MAX_CLASSES = "AUTOGRAD_LAB_MAX_CLASSES"
ENV_MAX_STUDENTS = "AUTOGRAD_LAB_MAX_STUDENTS"
DEFAULT_CLASSES_PER_MINUTE = 5
DEFAULT_MAX_CLASSES = 1000
DEFAULT_MAX_STUDENTS = 500
# How often the expiry timer looks for expired classes.
PURGE_EVERY_SECONDS = 600.0

_LOGGER = logging.getLogger(__name__)

metadata = MetaData()
schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
)
classes = Table(
    "classes", metadata,
    Column("code", String(CODE_LENGTH), primary_key=True),
    Column("key_hash", String(64), nullable=False),
    Column("created_at", Float, nullable=False, index=True),
)
answers = Table(
    "answers", metadata,
    Column("class_code", String(CODE_LENGTH),
           ForeignKey("classes.code", ondelete="CASCADE"), nullable=False),
    Column("checkpoint", String(40), nullable=False),
    Column("student", String(32), nullable=False),
    Column("guess", Float, nullable=False),
    # The answer torch computed on the student's own page (their slider values).
    Column("truth", Float, nullable=False),
    # The misconception predict mode named for a wrong number guess (``forgot_v``), else NULL.
    Column("slip", String(40), nullable=True),
    Column("answered_at", Float, nullable=False, index=True),
    # One row per student per checkpoint: a new answer replaces the old one.
    PrimaryKeyConstraint("class_code", "checkpoint", "student"),
)
reveals = Table(
    "reveals", metadata,
    Column("class_code", String(CODE_LENGTH),
           ForeignKey("classes.code", ondelete="CASCADE"), nullable=False),
    Column("checkpoint", String(40), nullable=False),
    Column("revealed_at", Float, nullable=False),
    PrimaryKeyConstraint("class_code", "checkpoint"),
)


class SchemaTooNew(RuntimeError):
    """The database was written by a newer release than this one."""


class TooManyClasses(RuntimeError):
    """A class was not started: ``reason`` is ``client`` (this client started too many
    this minute) or ``total`` (the server holds its maximum of live classes)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _env_count(name: str, default: int) -> int:
    """A positive whole number from the environment; anything else gives ``default``."""
    try:
        value = int(os.environ.get(name, "").strip())
    except ValueError:
        return default
    return value if 0 < value <= 10**7 else default


@dataclass(frozen=True)
class Limits:
    """Per-client and total bounds on class mode (environment variables, docs/hosting.md)."""

    classes_per_minute: int = DEFAULT_CLASSES_PER_MINUTE
    max_classes: int = DEFAULT_MAX_CLASSES
    max_students: int = DEFAULT_MAX_STUDENTS

    @classmethod
    def from_env(cls) -> Limits:
        return cls(_env_count(ENV_CLASSES_PER_MINUTE, DEFAULT_CLASSES_PER_MINUTE),
                   _env_count(ENV_MAX_CLASSES, DEFAULT_MAX_CLASSES),
                   _env_count(ENV_MAX_STUDENTS, DEFAULT_MAX_STUDENTS))


@dataclass(frozen=True)
class NewClass:
    """A class just created: its join code and the instructor key (shown once, never stored)."""

    code: str
    key: str


@dataclass(frozen=True)
class Submission:
    """What happened to a submitted answer.

    ``status`` is ``saved``, ``revealed`` (too late: the instructor already
    revealed it), ``rate_limited``, ``unknown_class``, ``class_full`` (a new
    student beyond ``Limits.max_students``) or ``invalid``.
    """

    status: str

    @property
    def saved(self) -> bool:
        return self.status == "saved"


@dataclass(frozen=True)
class CheckpointSummary:
    """The class's answers to one checkpoint: for the instructor, or for students after the reveal.

    ``guesses`` and ``truths`` are in no particular order and carry no student id.
    """

    checkpoint: str
    guesses: tuple[float, ...]
    truths: tuple[float, ...]
    revealed: bool

    @property
    def count(self) -> int:
        return len(self.guesses)


def default_url() -> str:
    """``AUTOGRAD_LAB_DB`` if set, else the embedded SQLite file under ``./data/``."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url
    DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE}"


def private_sqlite_file(path: Path) -> None:
    """Make ``path``'s folder 0700 and the file 0600 (created empty if missing).

    The database holds instructor-key hashes and answers: other users of the
    machine have no business reading it. SQLite creates its ``-wal`` and
    ``-shm`` files with the main file's permissions, so they follow.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    _restrict(path.parent, 0o700)  # mkdir's mode is masked by the umask, and skipped if it exists
    _create_private(path)
    _restrict(path, 0o600)  # a file from an older release was created 0644


def _create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it is missing (never wider, even for a moment)."""
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass


def _restrict(path: Path, mode: int) -> None:
    try:
        path.chmod(mode)
    except OSError:  # not ours (a mounted volume): the operator decides, class mode still works
        _LOGGER.warning("could not make %s mode %o", path, mode)


def default_ttl_seconds() -> float:
    """The time to live of a class: ``AUTOGRAD_LAB_CLASS_TTL_HOURS`` (a positive number) or 24 h."""
    raw = os.environ.get(ENV_TTL_HOURS, "").strip()
    try:
        hours = float(raw)
    except ValueError:
        return DEFAULT_TTL_SECONDS
    return hours * 3600.0 if math.isfinite(hours) and hours > 0 else DEFAULT_TTL_SECONDS


def hash_key(key: str) -> str:
    """SHA-256 of the key, hex: the only form of the key the database ever holds.

    A plain hash is enough: the key has 192 random bits, nothing to brute-force.
    """
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_student_id() -> str:
    """A random, meaningless student id (128 bits) for one browser session."""
    return secrets.token_hex(16)


class RateLimiter:
    """At most ``count`` events per ``seconds`` for each id (a sliding window, thread-safe).

    Kept in the process: a student's session lives on one server process, so
    every answer of that session passes through the same limiter.
    """

    def __init__(self, count: int = RATE_LIMIT_COUNT, seconds: float = RATE_LIMIT_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.count = count
        self.seconds = seconds
        self._clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, ident: str) -> bool:
        """Record an event for ``ident`` and say whether it is within the limit."""
        now = self._clock()
        with self._lock:
            window = self._events.setdefault(ident, deque())
            while window and window[0] <= now - self.seconds:
                window.popleft()
            if len(window) >= self.count:
                return False
            window.append(now)
            # Forget ids that went quiet, so the dict does not grow for ever.
            if len(self._events) > 10_000:
                self._events = {k: w for k, w in self._events.items()
                                if w and w[-1] > now - self.seconds}
            return True


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Every new SQLite connection: wait for locks, WAL journal, foreign keys on.

    ``isolation_level = None`` stops the driver from opening transactions on its
    own; ``_sqlite_begin`` opens them instead (see there why).
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # The busy timeout first: switching to WAL itself needs a lock.
    cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(connection) -> None:
    """Open write transactions with BEGIN IMMEDIATE.

    A deferred transaction that reads and then writes must upgrade its lock; in
    WAL mode that fails at once with "database is locked" when another writer
    committed in between, and the busy timeout does not help. Taking the write
    lock up front makes writers queue (for up to the busy timeout) instead.
    """
    if connection.get_execution_options().get("write"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the connection settings class mode relies on."""
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and Path(database) == DEFAULT_SQLITE:
            private_sqlite_file(DEFAULT_SQLITE)  # our own folder: 0700, the file 0600
        elif database and database != ":memory:" and not database.startswith("file:"):
            # SQLite would create a missing file with the umask's 0644. A folder
            # that is missing or not writable: SQLite's own error says so.
            with contextlib.suppress(OSError):
                _create_private(Path(database))
        engine = create_engine(url, connect_args={"check_same_thread": False,
                                                  "timeout": BUSY_TIMEOUT_SECONDS},
                               pool_size=8, max_overflow=32, pool_timeout=POOL_TIMEOUT_SECONDS)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # pool_pre_ping: a connection the server dropped (a restart) is replaced, not used.
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_SECONDS,
                    "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"}
    return create_engine(url, pool_size=5, max_overflow=20, pool_timeout=POOL_TIMEOUT_SECONDS,
                         pool_pre_ping=True, connect_args=connect_args)


class ClassStore:
    """Every read and write of class mode. Thread-safe; one instance per process.

    ``clock`` gives the wall-clock time in seconds (tests move it to check expiry).
    """

    def __init__(self, url: str | None = None, ttl_seconds: float | None = None,
                 clock: Callable[[], float] = time.time,
                 limiter: RateLimiter | None = None, limits: Limits | None = None):
        self.url = url or default_url()
        self.ttl_seconds = ttl_seconds if ttl_seconds is not None else default_ttl_seconds()
        self._clock = clock
        self.limiter = limiter or RateLimiter()
        self.limits = limits or Limits.from_env()
        # Classes started per client (a minute's sliding window, on the store's clock).
        self.class_limiter = RateLimiter(self.limits.classes_per_minute, 60.0, clock=clock)
        self.engine = make_engine(self.url)
        # SQLite takes one writer at a time: this process's writers queue here.
        self._write_queue = threading.Lock() if self.engine.dialect.name == "sqlite" else None
        self._last_purge = -math.inf
        self.create_schema()

    # --- schema -------------------------------------------------------------
    def create_schema(self) -> None:
        """Create the tables if missing and record (or check) the schema version.

        Two replicas starting together may race to create the same tables; the
        loser's error is harmless, so it tries once more and finds them there.
        """
        # The lesson plan's tables live in their own module and join ``metadata`` when imported.
        from components.storage import class_plans  # noqa: F401

        for attempt in range(3):
            try:
                metadata.create_all(self.engine, checkfirst=True)
                break
            except (IntegrityError, ProgrammingError, OperationalError):
                if attempt == 2:
                    raise
                time.sleep(0.2)
        with self._write() as conn:
            found = conn.execute(select(func.max(schema_version.c.version))).scalar()
            if found is None:
                conn.execute(insert(schema_version).values(version=SCHEMA_VERSION))
            elif found > SCHEMA_VERSION:
                raise SchemaTooNew(f"database schema {found} is newer than {SCHEMA_VERSION}")
            elif found < SCHEMA_VERSION:
                _migrate(conn, found)
                conn.execute(schema_version.update().values(version=SCHEMA_VERSION))

    def stored_schema_version(self) -> int | None:
        """The schema version recorded in the database."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(schema_version.c.version))).scalar()

    def _write(self):
        """A write transaction (BEGIN IMMEDIATE on SQLite, behind this process's writers)."""
        return _WriteTransaction(self.engine, self._write_queue)

    # --- classes ------------------------------------------------------------
    def create_class(self, client: str | None = None) -> NewClass:
        """A new class with a fresh join code and instructor key; old classes are purged.

        ``client`` (its address behind the proxy, or its session) may start
        ``Limits.classes_per_minute`` classes a minute; the server holds at most
        ``Limits.max_classes`` live classes. Beyond either: ``TooManyClasses``.
        """
        if client is not None and not self.class_limiter.allow(client):
            raise TooManyClasses("client")
        self.purge_expired()
        key = secrets.token_urlsafe(KEY_BYTES)
        for _ in range(20):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            try:
                with self._write() as conn:
                    self._check_room_for_a_class(conn)
                    conn.execute(insert(classes).values(
                        code=code, key_hash=hash_key(key), created_at=self._clock()))
                return NewClass(code, key)
            except IntegrityError:
                continue  # the code is taken: draw another
        raise RuntimeError("no free join code after 20 draws")

    def _check_room_for_a_class(self, conn) -> None:
        """In the class's write transaction: refuse beyond ``Limits.max_classes`` live classes.

        On SQLite the write lock makes count-then-insert exact; on PostgreSQL
        replicas starting classes in the same instant may pass the bound by a
        few, which is all the bound needs (it keeps a flood from growing).
        """
        live = conn.execute(select(func.count()).select_from(classes)
                            .where(classes.c.created_at > self._cutoff())).scalar()
        if live >= self.limits.max_classes:
            raise TooManyClasses("total")

    def _cutoff(self) -> float:
        return self._clock() - self.ttl_seconds

    def class_exists(self, code: str) -> bool:
        """Whether ``code`` names a live (not expired) class."""
        if normalise_code(code) != code:
            return False
        with self.engine.connect() as conn:
            found = conn.execute(select(classes.c.created_at).where(classes.c.code == code)).first()
        return found is not None and found.created_at > self._cutoff()

    def check_key(self, code: str, key: str) -> bool:
        """Whether ``key`` is the instructor key of the live class ``code``.

        The hashes are compared in constant time, and an unknown class is
        compared against a dummy hash, so the time taken says nothing.
        """
        stored = None
        if normalise_code(code) == code:
            with self.engine.connect() as conn:
                row = conn.execute(select(classes.c.key_hash, classes.c.created_at)
                                   .where(classes.c.code == code)).first()
            if row is not None and row.created_at > self._cutoff():
                stored = row.key_hash
        offered = hash_key(key) if is_well_formed_key(key) else "x" * 64
        expected = stored if stored is not None else "0" * 64
        return hmac.compare_digest(offered, expected) and stored is not None

    # --- answers ------------------------------------------------------------
    def submit_answer(self, code: str, checkpoint: str, student: str, guess: float,
                      truth: float, slip: str | None = None) -> Submission:
        """Store (or replace) ``student``'s guess for ``checkpoint``, unless it was revealed.

        ``truth`` is the answer torch gave on the student's page, ``slip`` the
        misconception predict mode matched to a wrong guess there. At most
        ``RATE_LIMIT_COUNT`` submissions per second per student are accepted.
        """
        if (normalise_code(code) != code or not CHECKPOINT_PATTERN.fullmatch(checkpoint or "")
                or not STUDENT_PATTERN.fullmatch(student or "")
                or not (slip is None or CHECKPOINT_PATTERN.fullmatch(slip))):
            return Submission("invalid")
        if not all(isinstance(x, (int, float)) and math.isfinite(x) and abs(x) <= MAX_ABS_GUESS
                   for x in (guess, truth)):
            return Submission("invalid")
        if not self.limiter.allow(student):
            return Submission("rate_limited")
        now = self._clock()
        with self._write() as conn:
            created = conn.execute(select(classes.c.created_at)
                                   .where(classes.c.code == code)).scalar()
            if created is None or created <= now - self.ttl_seconds:
                return Submission("unknown_class")
            revealed = conn.execute(select(reveals.c.checkpoint).where(
                reveals.c.class_code == code, reveals.c.checkpoint == checkpoint)).first()
            if revealed is not None:
                return Submission("revealed")
            if self._class_is_full(conn, code, student):
                return Submission("class_full")
            values = dict(class_code=code, checkpoint=checkpoint, student=student,
                          guess=float(guess), truth=float(truth), slip=slip, answered_at=now)
            conn.execute(_upsert(self.engine, values))
        return Submission("saved")

    def _class_is_full(self, conn, code: str, student: str) -> bool:
        """Whether ``student`` would be one more than ``Limits.max_students`` in ``code``.

        A student counts once they have answered; their later answers are never refused.
        """
        known = conn.execute(select(answers.c.student).where(
            answers.c.class_code == code, answers.c.student == student).limit(1)).first()
        if known is not None:
            return False
        students = conn.execute(select(func.count(func.distinct(answers.c.student)))
                                .where(answers.c.class_code == code)).scalar()
        return students >= self.limits.max_students

    def student_answer(self, code: str, checkpoint: str, student: str) -> float | None:
        """The guess ``student`` last submitted for ``checkpoint`` (their own, nobody else's)."""
        with self.engine.connect() as conn:
            return conn.execute(select(answers.c.guess).where(
                answers.c.class_code == code, answers.c.checkpoint == checkpoint,
                answers.c.student == student)).scalar()

    def student_answers(self, code: str, student: str) -> dict[str, tuple[float, float]]:
        """Every (guess, truth) ``student`` sent in class ``code``, by checkpoint.

        What a student's new session (a reconnect, another replica) reads back:
        their own answers only, found by the random id their page carries.
        """
        if not STUDENT_PATTERN.fullmatch(student or ""):
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(answers.c.checkpoint, answers.c.guess, answers.c.truth)
                                .where(answers.c.class_code == code,
                                       answers.c.student == student)).all()
        return {row.checkpoint: (row.guess, row.truth) for row in rows}

    def answer_counts(self, code: str, key: str) -> dict[str, int] | None:
        """Answers per checkpoint, for the instructor only (None without the right key)."""
        if not self.check_key(code, key):
            return None
        with self.engine.connect() as conn:
            rows = conn.execute(select(answers.c.checkpoint, func.count())
                                .where(answers.c.class_code == code)
                                .group_by(answers.c.checkpoint)).all()
        return {checkpoint: count for checkpoint, count in rows}

    def _summary(self, code: str, checkpoint: str) -> CheckpointSummary:
        with self.engine.connect() as conn:
            rows = conn.execute(select(answers.c.guess, answers.c.truth).where(
                answers.c.class_code == code, answers.c.checkpoint == checkpoint)).all()
            revealed = conn.execute(select(reveals.c.checkpoint).where(
                reveals.c.class_code == code, reveals.c.checkpoint == checkpoint)).first()
        return CheckpointSummary(checkpoint, tuple(r.guess for r in rows),
                                 tuple(r.truth for r in rows), revealed is not None)

    def instructor_summary(self, code: str, key: str, checkpoint: str) -> CheckpointSummary | None:
        """The class's guesses for ``checkpoint`` at any time, with the right key only."""
        if not self.check_key(code, key):
            return None
        return self._summary(code, checkpoint)

    def class_spread(self, code: str, checkpoint: str) -> CheckpointSummary | None:
        """The class's guesses for a student, and only once ``checkpoint`` is revealed."""
        if not self.class_exists(code):
            return None
        summary = self._summary(code, checkpoint)
        return summary if summary.revealed else None

    # --- reveals ------------------------------------------------------------
    def reveal(self, code: str, key: str, checkpoint: str) -> bool:
        """Reveal ``checkpoint`` to the class (idempotent); False without the right key."""
        if not CHECKPOINT_PATTERN.fullmatch(checkpoint or "") or not self.check_key(code, key):
            return False
        try:
            with self._write() as conn:
                conn.execute(insert(reveals).values(class_code=code, checkpoint=checkpoint,
                                                    revealed_at=self._clock()))
        except IntegrityError:
            pass  # already revealed
        return True

    def is_revealed(self, code: str, checkpoint: str) -> bool:
        """Whether the instructor revealed ``checkpoint`` in class ``code``."""
        return checkpoint in self.revealed_checkpoints(code)

    def revealed_checkpoints(self, code: str) -> frozenset[str]:
        """Every checkpoint revealed so far in class ``code``."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(reveals.c.checkpoint)
                                .where(reveals.c.class_code == code)).scalars().all()
        return frozenset(rows)

    # --- expiry -------------------------------------------------------------
    def purge_expired(self) -> int:
        """Delete classes (with their answers and reveals) and answers older than the TTL.

        Returns the number of classes deleted. Foreign keys cascade on both
        backends; the explicit deletes below make it independent of that.
        """
        cutoff = self._cutoff()
        with self._write() as conn:
            old = select(classes.c.code).where(classes.c.created_at <= cutoff)
            conn.execute(delete(answers).where(answers.c.class_code.in_(old)))
            conn.execute(delete(answers).where(answers.c.answered_at <= cutoff))
            conn.execute(delete(reveals).where(reveals.c.class_code.in_(old)))
            for table in (*_plan_tables(), class_views.class_views):
                conn.execute(delete(table).where(table.c.class_code.in_(old)))
            gone = conn.execute(delete(classes).where(classes.c.created_at <= cutoff)).rowcount
        self._last_purge = self._clock()
        return gone

    def purge_if_due(self, every_seconds: float = 600.0) -> None:
        """Purge at most every ``every_seconds`` (cheap to call on every page run)."""
        if self._clock() - self._last_purge >= every_seconds:
            self.purge_expired()

    def purge_quietly(self, every_seconds: float = PURGE_EVERY_SECONDS) -> None:
        """``purge_if_due`` for a timer: a database error is logged, never raised."""
        try:
            self.purge_if_due(every_seconds)
        except Exception:  # noqa: BLE001 - the timer must outlive a database hiccup
            _LOGGER.warning("expired classes not purged this time", exc_info=True)

    def table_counts(self) -> dict[str, int]:
        """Rows per table (for tests and for an operator's curiosity)."""
        with self.engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                    for t in (classes, answers, reveals, *_plan_tables(),
                              class_views.class_views)}

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _plan_tables() -> tuple[Table, ...]:
    """The lesson plan's tables (``class_plans`` imports this module, so it is imported late)."""
    from components.storage.class_plans import plan_cursors, plan_items

    return plan_items, plan_cursors


class ExpiryTimer:
    """A daemon thread that deletes expired classes every ``every_seconds``, whatever page is open.

    The page promises deletion after the time to live; a purge that waited for
    someone to open /class kept that promise only on busy days. ``store()``
    gives the store to purge when the timer wakes (the process's current one),
    so the timer never holds on to a store that was replaced. Replicas each run
    their own timer: a purge is idempotent, the other replica finds nothing left.
    A database error is logged and tried again at the next wake-up.
    """

    def __init__(self, store: Callable[[], ClassStore],
                 every_seconds: float = PURGE_EVERY_SECONDS, check_seconds: float | None = None):
        self._store = store
        self.every_seconds = every_seconds
        # Wake up more often than a purge is due, so a fake clock in the tests
        # (and a store replaced meanwhile) is noticed without waiting 10 minutes.
        self.check_seconds = check_seconds if check_seconds is not None else every_seconds / 10
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="class-expiry", daemon=True)

    def start(self) -> ExpiryTimer:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self._store().purge_quietly(self.every_seconds)
            except Exception:  # noqa: BLE001 - no store yet (database down): try again later
                _LOGGER.warning("class database unavailable for the expiry timer", exc_info=True)
            self._stop.wait(self.check_seconds)


class _WriteTransaction:
    """``with store._write() as conn:`` — one committed (or rolled back) write transaction."""

    def __init__(self, engine: Engine, queue: threading.Lock | None = None):
        self._engine = engine
        self._queue = queue

    def __enter__(self):
        if self._queue is not None and not self._queue.acquire(timeout=WRITE_QUEUE_SECONDS):
            raise StoreBusy("too many writers queued for the class database")
        try:
            self._conn = self._engine.connect().execution_options(write=True)
            self._tx = self._conn.begin()
        except BaseException:
            if self._queue is not None:
                self._queue.release()
            raise
        return self._conn

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self._tx.commit()
            else:
                self._tx.rollback()
        finally:
            try:
                self._conn.close()
            finally:
                if self._queue is not None:
                    self._queue.release()
        return False


def _migrate(conn, found: int) -> None:
    """Bring a database of schema ``found`` to ``SCHEMA_VERSION``, in the version's transaction.

    PostgreSQL's IF NOT EXISTS lets two replicas migrate at once; on SQLite the
    write lock (BEGIN IMMEDIATE) already lets only one in at a time.
    """
    if found < 2:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE answers ADD COLUMN IF NOT EXISTS slip VARCHAR(40)")
        elif "slip" not in {c["name"] for c in inspect(conn).get_columns("answers")}:
            conn.exec_driver_sql("ALTER TABLE answers ADD COLUMN slip VARCHAR(40)")


def _upsert(engine: Engine, values: dict):
    """INSERT ... ON CONFLICT (class, checkpoint, student) DO UPDATE: the last answer counts."""
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif engine.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:  # only the two backends above are supported
        raise ValueError(f"unsupported database {engine.dialect.name}")
    statement = dialect_insert(answers).values(**values)
    return statement.on_conflict_do_update(
        index_elements=["class_code", "checkpoint", "student"],
        set_={"guess": statement.excluded.guess, "truth": statement.excluded.truth,
              "slip": statement.excluded.slip, "answered_at": statement.excluded.answered_at},
    )


# Follow the projector's table lives in its own module on the same ``metadata``;
# imported last (it imports this module) so that every ClassStore creates it.
from components.storage import class_views  # noqa: E402
