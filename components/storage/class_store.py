"""Class mode's storage: the schema and every query, through SQLAlchemy only.

One URL picks the database (``AUTOGRAD_LAB_DB``). Without it, an embedded
SQLite file in ``./data/`` (WAL journal, a busy timeout, write transactions
that take the write lock up front), so a single server needs nothing more. For
several replicas the same code runs on PostgreSQL (``postgresql+psycopg://...``).

What is stored is deliberately little: a class (its join code, a SHA-256 hash
of the instructor key, its creation time), anonymous answers (a random student
id from the browser session, the checkpoint, the guess and the answer torch
computed for that student's settings, a time) and which checkpoints were
revealed. No names, addresses or user agents. Everything older than the
time to live (24 h unless configured) is deleted.

No streamlit here: the pages call this module, and the tests run it directly on
SQLite and on a real PostgreSQL server.
"""

from __future__ import annotations

import hashlib
import hmac
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
    select,
)
from sqlalchemy.engine import Engine
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

SCHEMA_VERSION = 1

# A checkpoint id is the app's own name (``a1_grad``), never free text.
CHECKPOINT_PATTERN = re.compile(r"[a-z0-9_]{1,40}")
STUDENT_PATTERN = re.compile(r"[0-9a-f]{32}")
# Guesses beyond this are typos or attacks; the page refuses them before they get here.
MAX_ABS_GUESS = 1e12

# Nothing waits long for the database: a locked, restarting or unreachable
# database must give a student one line within 2 s (and a retry), never a page
# that hangs for the driver's default 30 s or more.
BUSY_TIMEOUT_SECONDS = 1.0   # SQLite: how long a writer queues for the write lock
CONNECT_TIMEOUT_SECONDS = 2  # PostgreSQL: libpq's smallest connect timeout
STATEMENT_TIMEOUT_MS = 1500  # PostgreSQL: a statement (lock waits included) running longer fails
POOL_TIMEOUT_SECONDS = 1.0   # a free pooled connection, when every one is in use


class StoreUnavailable(RuntimeError):
    """The store could not even be opened (the database was down when first asked)."""


# What callers catch when the database is locked, down or too slow (SQLAlchemy
# wraps every driver error; a full pool raises its own TimeoutError, also one of
# these). The pages show one line and try again later; nothing here retries.
UNAVAILABLE = (SQLAlchemyError, OSError, StoreUnavailable)

# A session may submit this many answers per window; more is a script, not a student.
RATE_LIMIT_COUNT = 3
RATE_LIMIT_SECONDS = 1.0

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


@dataclass(frozen=True)
class NewClass:
    """A class just created: its join code and the instructor key (shown once, never stored)."""

    code: str
    key: str


@dataclass(frozen=True)
class Submission:
    """What happened to a submitted answer.

    ``status`` is ``saved``, ``revealed`` (too late: the instructor already
    revealed it), ``rate_limited``, ``unknown_class`` or ``invalid``.
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
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE}"


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
                 limiter: RateLimiter | None = None):
        self.url = url or default_url()
        self.ttl_seconds = ttl_seconds if ttl_seconds is not None else default_ttl_seconds()
        self._clock = clock
        self.limiter = limiter or RateLimiter()
        self.engine = make_engine(self.url)
        self._last_purge = -math.inf
        self.create_schema()

    # --- schema -------------------------------------------------------------
    def create_schema(self) -> None:
        """Create the tables if missing and record (or check) the schema version.

        Two replicas starting together may race to create the same tables; the
        loser's error is harmless, so it tries once more and finds them there.
        """
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
            # found < SCHEMA_VERSION: a later release migrates here, then records its version.

    def stored_schema_version(self) -> int | None:
        """The schema version recorded in the database."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(schema_version.c.version))).scalar()

    def _write(self):
        """A write transaction (BEGIN IMMEDIATE on SQLite)."""
        return _WriteTransaction(self.engine)

    # --- classes ------------------------------------------------------------
    def create_class(self) -> NewClass:
        """A new class with a fresh join code and instructor key; old classes are purged."""
        self.purge_expired()
        key = secrets.token_urlsafe(KEY_BYTES)
        for _ in range(20):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            try:
                with self._write() as conn:
                    conn.execute(insert(classes).values(
                        code=code, key_hash=hash_key(key), created_at=self._clock()))
                return NewClass(code, key)
            except IntegrityError:
                continue  # the code is taken: draw another
        raise RuntimeError("no free join code after 20 draws")

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
                      truth: float) -> Submission:
        """Store (or replace) ``student``'s guess for ``checkpoint``, unless it was revealed.

        ``truth`` is the answer torch gave on the student's page. At most
        ``RATE_LIMIT_COUNT`` submissions per second per student are accepted.
        """
        if (normalise_code(code) != code or not CHECKPOINT_PATTERN.fullmatch(checkpoint or "")
                or not STUDENT_PATTERN.fullmatch(student or "")):
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
            values = dict(class_code=code, checkpoint=checkpoint, student=student,
                          guess=float(guess), truth=float(truth), answered_at=now)
            conn.execute(_upsert(self.engine, values))
        return Submission("saved")

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
            gone = conn.execute(delete(classes).where(classes.c.created_at <= cutoff)).rowcount
        self._last_purge = self._clock()
        return gone

    def purge_if_due(self, every_seconds: float = 600.0) -> None:
        """Purge at most every ``every_seconds`` (cheap to call on every page run)."""
        if self._clock() - self._last_purge >= every_seconds:
            self.purge_expired()

    def table_counts(self) -> dict[str, int]:
        """Rows per table (for tests and for an operator's curiosity)."""
        with self.engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                    for t in (classes, answers, reveals)}

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


class _WriteTransaction:
    """``with store._write() as conn:`` — one committed (or rolled back) write transaction."""

    def __init__(self, engine: Engine):
        self._engine = engine

    def __enter__(self):
        self._conn = self._engine.connect().execution_options(write=True)
        self._tx = self._conn.begin()
        return self._conn

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self._tx.commit()
            else:
                self._tx.rollback()
        finally:
            self._conn.close()
        return False


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
              "answered_at": statement.excluded.answered_at},
    )
