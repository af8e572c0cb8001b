"""Class mode, the student's side: predict mode whose reveals wait for the instructor.

A lesson opened with ``?class=<code>&predict=1`` asks the same checkpoints as
predict mode. Pressing reveal sends the guess to the class (with the answer
torch computed on this student's page) and shows "answer sent, waiting for the
instructor"; the student may change it and send again until the instructor
reveals the checkpoint. Then the page shows what predict mode shows after a
reveal (the answer, the guess, why) and the class's spread as a histogram.

It plugs into predict mode through its two extension points: a
:class:`CheckpointStore` (records are sent to the class database) and a
:class:`PredictMode` subclass that draws the class's status under each question.
"""

from __future__ import annotations

import math
import time
from dataclasses import replace

import streamlit as st

from components.core.checkpoints import ChoiceAnswer
from components.storage.class_store import (
    UNAVAILABLE,
    ClassStore,
    StoreUnavailable,
    new_student_id,
)
from components.ui.class_session import (
    REFRESH_SECONDS,
    STUDENT_KEY,
    class_store,
    find_checkpoint,
    spread_chart,
)
from components.ui.controls import PageState
from components.ui.i18n import t
from components.ui.predict import Checkpoint, PredictMode, Record
from components.ui.schema import CLASS_CODE, STUDENT
from components.ui.user_text import literal

# Outcomes of the last send per checkpoint, kept for the message under it.
STATUS_PREFIX = "class_status_"
# Answers the database did not take (locked, restarting, down), per class:
# checkpoint id -> (guess, truth, slip) as stored. Sent again on every page run and
# every refresh of the waiting fragment until the database answers. A resend
# is an upsert on (class, checkpoint, student): it is never counted twice.
PENDING_PREFIX = "class_pending_"
# When the next resend may be tried (time.monotonic()): a failed try may have
# waited the busy timeout already, so a page run right after it does not wait again.
RETRY_AT_PREFIX = "class_retry_at_"
RETRY_SECONDS = 1.5
# This student's answers read back from the database once per session (a
# reconnect, perhaps to another replica, starts a new session).
RESTORED_PREFIX = "class_restored_"


def _stored_number(checkpoint: Checkpoint, value) -> float:
    """What the database stores: a number as it is, a choice as its option's index."""
    if isinstance(checkpoint.answer, ChoiceAnswer):
        return float(checkpoint.answer.options.index(value))
    return float(value)


def _slip(checkpoint: Checkpoint, guess) -> str | None:
    """The misconception predict mode names for a wrong number guess (for the class report).

    A choice needs none: its wrong option is the misconception, and the stored index says it.
    """
    if isinstance(checkpoint.answer, ChoiceAnswer) or checkpoint.answer.judge(guess):
        return None
    return checkpoint.answer.slip_for(guess)


class ClassCheckpointStore:
    """Predict-mode records of one student in one class.

    A record the student revealed is sent to the class; until the instructor
    reveals that checkpoint, :meth:`load` hands predict mode the record as not
    revealed, so everything that shows the answer stays hidden. When the
    database does not take a send, the record is kept as ``pending`` and sent
    again until it does: an answer is never silently lost.

    ``db`` None: the store could not be opened yet (it is asked again on use).
    ``offline``: the database did not answer when this page run started.
    """

    def __init__(self, db: ClassStore | None, code: str, student: str, offline: bool = False):
        self._db = db
        self.code = code
        self.student = student
        self.known: dict[str, Checkpoint] = {}
        self.offline = offline
        self.class_revealed: frozenset[str] = frozenset()
        if not offline:
            # Read once per page run: every load() of this run sees the same reveals.
            try:
                self.class_revealed = self.db.revealed_checkpoints(code)
            except UNAVAILABLE:
                self.offline = True
        if not self.offline:
            self.flush()

    @property
    def db(self) -> ClassStore:
        if self._db is None:
            try:
                self._db = class_store()
            except Exception as error:  # noqa: BLE001 - whatever failed, the database is unusable now
                raise StoreUnavailable(str(error)) from error
        return self._db

    def _all(self) -> dict[str, Record]:
        return st.session_state.setdefault(f"class_records_{self.code}", {})

    def _pending(self) -> dict[str, tuple[float, float, str | None]]:
        return st.session_state.setdefault(PENDING_PREFIX + self.code, {})

    def has_pending(self) -> bool:
        """Whether an answer of this class waits to be sent again."""
        return bool(self._pending())

    def status(self, checkpoint_id: str) -> str | None:
        """The outcome of this student's last send for the checkpoint (``saved``, ...)."""
        return st.session_state.get(STATUS_PREFIX + checkpoint_id)

    def sent(self, checkpoint_id: str) -> Record | None:
        """The judged record this student sent (their own guess), revealed or not."""
        record = self._all().get(checkpoint_id)
        return record if record is not None and record.revealed else None

    def load(self, checkpoint_id: str) -> Record | None:
        record = self._all().get(checkpoint_id)
        if record is None or not record.revealed:
            return record
        if checkpoint_id in self.class_revealed or self.status(checkpoint_id) == "local":
            return record
        return replace(record, revealed=False)  # sent; the instructor has not revealed yet

    def save(self, record: Record) -> None:
        if record.revealed and record.guess is not None:
            checkpoint = self.known.get(record.checkpoint_id)
            if checkpoint is None:
                return
            status = self._send(checkpoint, record)
            st.session_state[STATUS_PREFIX + record.checkpoint_id] = status
            if status not in ("saved", "revealed", "local", "pending"):
                return  # not sent (too fast, too large): the question stays open
            if status == "revealed":
                self.class_revealed = self.class_revealed | {record.checkpoint_id}
        elif not record.revealed:
            # A slider changed the answer: the question is asked afresh. (An answer
            # still pending for the old settings is sent all the same.)
            st.session_state.pop(STATUS_PREFIX + record.checkpoint_id, None)
        self._all()[record.checkpoint_id] = record

    def _send(self, checkpoint: Checkpoint, record: Record) -> str:
        truth = _stored_number(checkpoint, checkpoint.answer.value)
        if not math.isfinite(truth):
            # No number to compare with (the optimizer diverged): judged on this page only.
            return "local"
        numbers = (_stored_number(checkpoint, record.guess), truth,
                   _slip(checkpoint, record.guess))
        status = self._submit(checkpoint.id, numbers)
        if status == "pending":
            self._pending()[checkpoint.id] = numbers
        elif status != "rate_limited":  # this answer replaces one still pending
            self._pending().pop(checkpoint.id, None)
        return status

    def _submit(self, checkpoint_id: str, numbers: tuple[float, float, str | None]) -> str:
        """Send one answer: its outcome, or ``pending`` when the database did not take it."""
        try:
            return self.db.submit_answer(self.code, checkpoint_id, self.student, *numbers).status
        except UNAVAILABLE:
            st.session_state[RETRY_AT_PREFIX + self.code] = time.monotonic() + RETRY_SECONDS
            return "pending"

    def flush(self) -> bool:
        """Send the pending answers again; True when one of them got an outcome."""
        pending = self._pending()
        if not pending or time.monotonic() < st.session_state.get(RETRY_AT_PREFIX + self.code, 0.0):
            return False
        settled = False
        for checkpoint_id, numbers in list(pending.items()):
            status = self._submit(checkpoint_id, numbers)
            if status == "pending":
                break  # still unavailable: the rest waits for the next try
            if status == "rate_limited":
                continue  # sent too soon after the last try: stays pending
            del pending[checkpoint_id]
            settled = True
            if status == "revealed":
                self.class_revealed = self.class_revealed | {checkpoint_id}
            if STATUS_PREFIX + checkpoint_id not in st.session_state:
                continue  # a slider moved since: the page asks a new question
            st.session_state[STATUS_PREFIX + checkpoint_id] = status
            if status not in ("saved", "revealed"):  # the class ended meanwhile: ask again
                self._all().pop(checkpoint_id, None)
        return settled

    def restore(self, checkpoint: Checkpoint) -> None:
        """A new session (a reconnect, perhaps to another replica) gets back what this
        student sent for ``checkpoint`` at the same settings, once per checkpoint."""
        record = self._all().get(checkpoint.id)
        done = st.session_state.setdefault(RESTORED_PREFIX + self.code + "_done", set())
        if self.offline or checkpoint.id in done or (record is not None and record.revealed):
            return
        key = RESTORED_PREFIX + self.code
        if key not in st.session_state:
            try:
                st.session_state[key] = self.db.student_answers(self.code, self.student)
            except UNAVAILABLE:
                return  # asked again on the next run
        done.add(checkpoint.id)
        stored = st.session_state[key].get(checkpoint.id)
        if stored is None or stored[1] != _stored_number(checkpoint, checkpoint.answer.value):
            return
        guess = stored[0]
        if isinstance(checkpoint.answer, ChoiceAnswer):
            options = checkpoint.answer.options
            if not (float(guess).is_integer() and 0 <= guess < len(options)):
                return
            guess = options[int(guess)]
        self._all()[checkpoint.id] = Record(checkpoint.id, checkpoint.inputs, guess, True,
                                            checkpoint.answer.judge(guess))
        st.session_state[STATUS_PREFIX + checkpoint.id] = "saved"

    def records(self) -> list[Record]:
        return [self.load(checkpoint_id) for checkpoint_id in self._all()]


@st.fragment(run_every=REFRESH_SECONDS)
def _wait_for_reveal(store: ClassCheckpointStore, checkpoint_id: str) -> None:
    """Every few seconds: send what is pending, ask whether the instructor revealed,
    and redraw the page when something changed (or the database is back)."""
    if store.flush():
        st.rerun(scope="app")
    try:
        revealed = store.db.is_revealed(store.code, checkpoint_id)
    except UNAVAILABLE:
        return  # the page already says so; asked again at the next refresh
    if revealed or store.offline:
        st.rerun(scope="app")


class ClassPredictMode(PredictMode):
    """Predict mode in a class: the same questions, and the class's status under each."""

    store: ClassCheckpointStore
    SCORE_KEY = "predict.session_score_class"  # every answer sent is stored on the server

    def __init__(self, lang: str, store: ClassCheckpointStore):
        super().__init__(lang, True, store)

    def ask(self, build, *args) -> None:
        def remember(*build_args, lang):
            built = build(*build_args, lang=lang)
            for checkpoint in built if isinstance(built, tuple) else (built,):
                self.store.known[checkpoint.id] = checkpoint
                self.store.restore(checkpoint)
            return built

        super().ask(remember, *args)

    def _draw(self, checkpoint: Checkpoint, record: Record) -> None:
        super()._draw(checkpoint, record)
        self._class_status(checkpoint, record)

    def _class_status(self, checkpoint: Checkpoint, record: Record) -> None:
        lang, store = self.lang, self.store
        status = store.status(checkpoint.id)
        if status == "rate_limited":
            st.warning(t("class.student.too_fast", lang), icon=":material/timer:")
        elif status == "class_full":
            st.warning(t("class.student.full", lang, count=store.db.limits.max_students),
                       icon=":material/group_off:")
        elif status == "invalid":
            st.warning(t("class.student.invalid", lang), icon=":material/edit_note:")
        elif status == "unknown_class":
            st.warning(t("class.student.gone", lang), icon=":material/link_off:")
        elif status == "local":
            st.caption(t("class.student.local", lang))
        if record.revealed:
            if checkpoint.id in store.class_revealed:
                self._spread(checkpoint)
            return
        sent = store.sent(checkpoint.id)
        if sent is not None and sent.inputs == checkpoint.inputs:
            guess = checkpoint.guess_text(sent.guess)
            if status == "pending":
                st.warning(t("class.student.pending", lang, guess=guess, seconds=REFRESH_SECONDS),
                           icon=":material/cloud_sync:")
            else:
                st.info(t("class.student.waiting", lang, guess=guess),
                        icon=":material/hourglass_top:")
            _wait_for_reveal(store, checkpoint.id)
        elif checkpoint.id in store.class_revealed:
            st.info(t("class.student.revealed_unanswered", lang), icon=":material/visibility:")
        else:
            st.caption(t("class.student.send_hint", lang))
            _wait_for_reveal(store, checkpoint.id)

    def _spread(self, checkpoint: Checkpoint) -> None:
        try:
            summary = self.store.db.class_spread(self.store.code, checkpoint.id)
        except UNAVAILABLE:
            return  # the spread comes with a later run
        class_checkpoint = find_checkpoint(checkpoint.id)
        if summary is None or class_checkpoint is None or not summary.count:
            return
        st.markdown(t("class.student.spread", self.lang, count=summary.count))
        spread_chart(class_checkpoint, summary, self.lang, key=f"class_spread_{checkpoint.id}")


def _student_id(state: PageState) -> str:
    """This student's random id: the one the address bar carries (a reconnect, perhaps
    to another replica), else this session's, else a new one; kept in the address bar."""
    student = (state.values.get(STUDENT.name) or st.session_state.get(STUDENT_KEY)
               or new_student_id())
    st.session_state[STUDENT_KEY] = student
    st.session_state[STUDENT.name] = student  # init_page_state writes it back on every run
    st.query_params[STUDENT.name] = student
    return student


def class_predict_mode(state: PageState) -> ClassPredictMode | None:
    """Predict mode for a student in the class named by ``class=``; None outside a class.

    An unknown or expired class gets one line, and the page goes on in plain
    predict mode. A database that does not answer gets one line too, but the
    page stays in the class: answers are kept and sent when it is back.
    """
    code = state.values.get(CLASS_CODE.name)
    if not code:
        return None
    db, offline = None, False
    try:
        db = class_store()
        live = db.class_exists(code)
    except Exception:  # noqa: BLE001 - any database failure: one line, answers kept for later
        live = offline = True
    if not live:
        st.warning(t("class.student.unknown", state.lang, code=literal(code)),
                   icon=":material/link_off:")
        return None
    store = ClassCheckpointStore(db, code, _student_id(state), offline)
    if store.offline and not store.has_pending():  # else the pending answer's line says it
        st.warning(t("class.student.db_error", state.lang, seconds=REFRESH_SECONDS),
                   icon=":material/cloud_off:")
    else:
        st.info(t("class.student.joined", state.lang, code=literal(code)),
                icon=":material/groups:")
    return ClassPredictMode(state.lang, store)
