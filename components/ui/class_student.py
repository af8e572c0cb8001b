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
from dataclasses import replace

import streamlit as st

from components.core.checkpoints import ChoiceAnswer
from components.storage.class_store import ClassStore
from components.ui.class_session import (
    REFRESH_SECONDS,
    class_store,
    find_checkpoint,
    spread_chart,
    student_id,
)
from components.ui.controls import PageState
from components.ui.i18n import t
from components.ui.predict import Checkpoint, PredictMode, Record
from components.ui.schema import CLASS_CODE
from components.ui.user_text import literal

# Outcomes of the last send per checkpoint, kept for the message under it.
STATUS_PREFIX = "class_status_"


def _stored_number(checkpoint: Checkpoint, value) -> float:
    """What the database stores: a number as it is, a choice as its option's index."""
    if isinstance(checkpoint.answer, ChoiceAnswer):
        return float(checkpoint.answer.options.index(value))
    return float(value)


class ClassCheckpointStore:
    """Predict-mode records of one student in one class.

    A record the student revealed is sent to the class; until the instructor
    reveals that checkpoint, :meth:`load` hands predict mode the record as not
    revealed, so everything that shows the answer stays hidden.
    """

    def __init__(self, db: ClassStore, code: str, student: str):
        self.db = db
        self.code = code
        self.student = student
        self.known: dict[str, Checkpoint] = {}
        # Read once per page run: every load() of this run sees the same reveals.
        self.class_revealed = db.revealed_checkpoints(code)

    def _all(self) -> dict[str, Record]:
        return st.session_state.setdefault(f"class_records_{self.code}", {})

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
            if status not in ("saved", "revealed", "local"):
                return  # not sent (too fast, too large): the question stays open
            if status == "revealed":
                self.class_revealed = self.class_revealed | {record.checkpoint_id}
        elif not record.revealed:
            # A slider changed the answer: the question is asked afresh.
            st.session_state.pop(STATUS_PREFIX + record.checkpoint_id, None)
        self._all()[record.checkpoint_id] = record

    def _send(self, checkpoint: Checkpoint, record: Record) -> str:
        truth = _stored_number(checkpoint, checkpoint.answer.value)
        if not math.isfinite(truth):
            # No number to compare with (the optimizer diverged): judged on this page only.
            return "local"
        return self.db.submit_answer(self.code, checkpoint.id, self.student,
                                     _stored_number(checkpoint, record.guess), truth).status

    def records(self) -> list[Record]:
        return [self.load(checkpoint_id) for checkpoint_id in self._all()]


@st.fragment(run_every=REFRESH_SECONDS)
def _wait_for_reveal(db: ClassStore, code: str, checkpoint_id: str) -> None:
    """Ask the database every few seconds; when the instructor reveals, redraw the page."""
    if db.is_revealed(code, checkpoint_id):
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
            st.info(t("class.student.waiting", lang, guess=checkpoint.guess_text(sent.guess)),
                    icon=":material/hourglass_top:")
            _wait_for_reveal(store.db, store.code, checkpoint.id)
        elif checkpoint.id in store.class_revealed:
            st.info(t("class.student.revealed_unanswered", lang), icon=":material/visibility:")
        else:
            st.caption(t("class.student.send_hint", lang))
            _wait_for_reveal(store.db, store.code, checkpoint.id)

    def _spread(self, checkpoint: Checkpoint) -> None:
        summary = self.store.db.class_spread(self.store.code, checkpoint.id)
        class_checkpoint = find_checkpoint(checkpoint.id)
        if summary is None or class_checkpoint is None or not summary.count:
            return
        st.markdown(t("class.student.spread", self.lang, count=summary.count))
        spread_chart(class_checkpoint, summary, self.lang, key=f"class_spread_{checkpoint.id}")


def class_predict_mode(state: PageState) -> ClassPredictMode | None:
    """Predict mode for a student in the class named by ``class=``; None outside a class.

    An unknown or expired class, or a database that cannot be reached, gets one
    line, and the page goes on in plain predict mode.
    """
    code = state.values.get(CLASS_CODE.name)
    if not code:
        return None
    try:
        db = class_store()
        live = db.class_exists(code)
    except Exception:  # noqa: BLE001 - any database failure: one line, plain predict mode
        st.warning(t("class.student.db_error", state.lang), icon=":material/database:")
        return None
    if not live:
        st.warning(t("class.student.unknown", state.lang, code=literal(code)),
                   icon=":material/link_off:")
        return None
    store = ClassCheckpointStore(db, code, student_id())
    st.info(t("class.student.joined", state.lang, code=literal(code)), icon=":material/groups:")
    return ClassPredictMode(state.lang, store)
