"""Predict mode (``?predict=1``): a lesson asks before it shows.

A *checkpoint* is one question about the current settings: an id, the answer
real PyTorch computed, the inputs that answer depends on, and localized text.
What a student did with it is a :class:`Record` (guess, revealed, right),
kept by a :class:`CheckpointStore`. All state changes go through the pure
functions :func:`settle` and :func:`reveal`, and every read and write of
records through the store, so class mode can swap the per-session store for
a shared one without touching the pages.

A page calls, in order:

- ``predict = predict_mode(state)``: the toggle that writes ``predict`` to the URL;
- ``predict.ask(build, *args)``: the questions of ``build(*args, lang=...)`` (number input ``guess_<id>``,
  button ``reveal_<id>``);
- ``predict.stop_unless_revealed(id, ...)`` (or ``predict.hides(...)`` in a
  fragment) just before the first element that would show an answer: until
  the student reveals, nothing below it is computed into the page at all, so
  the answer is not in any element, chart, image or code block;
- ``predict.summary()`` at the end: every guess of the page, and the score.

Without predict mode every call is a no-op and the page is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.core.checkpoints import ChoiceAnswer, NumberAnswer, parse_guess, tolerance
from components.numbers import format_number
from components.ui.controls import PageState, control_widget
from components.ui.i18n import t
from components.ui.layout import check_mark, table
from components.ui.user_text import literal

RECORDS_KEY = "predict_records"
PROBLEM_PREFIX = "predict_problem_"
# Set by a reveal: a run that only redraws a fragment must rerun the page so
# the score at its end follows.
CHANGED_KEY = "predict_changed"


@dataclass(frozen=True)
class Checkpoint:
    """One question, its torch answer and the texts around it (already localized).

    ``inputs`` are the control values the answer depends on: when they change,
    the checkpoint asks again. ``slips`` maps a misconception (a number
    answer's slip name, or a wrong option of a choice) to the sentence that
    explains it; ``wrong`` is the sentence for a wrong guess no slip explains.

    ``spoils``: other checkpoints whose answer ``why`` or a slip would give
    away; until every one of them is revealed the page shows ``held_why`` and
    ``held_slips`` in their place (a reveal never answers a question still open).
    """

    id: str
    answer: NumberAnswer | ChoiceAnswer
    inputs: tuple
    label: str
    question: str
    why: str
    wrong: str
    slips: dict[str, str] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    spoils: tuple[str, ...] = ()
    held_why: str = ""
    held_slips: dict[str, str] = field(default_factory=dict)

    @property
    def is_number(self) -> bool:
        return isinstance(self.answer, NumberAnswer)

    def answer_text(self) -> str:
        """The answer as the page shows it after the reveal."""
        if self.is_number:
            return format_number(self.answer.value)
        return self.options.get(self.answer.value, self.answer.value)

    def guess_text(self, guess) -> str:
        """A student's guess, escaped for markdown (it is user input)."""
        if guess is None:
            return "–"
        if self.is_number:
            # More digits than the answer: the student sees what they typed.
            return literal(format_number(guess, 8))
        # A choice was checked against the options: its label is catalogue text.
        return self.options[guess] if guess in self.options else literal(guess)

    def misconception(self, guess) -> str:
        """The sentence for a wrong ``guess``: its slip if one matches, else the general one."""
        slip = self.answer.slip_for(guess)
        return self.slips.get(slip, self.wrong) if slip else self.wrong

    def withheld(self) -> Checkpoint:
        """This checkpoint with the texts that are safe while ``spoils`` are still hidden."""
        return replace(self, why=self.held_why or self.why,
                       slips={**self.slips, **self.held_slips}, spoils=())


@dataclass(frozen=True)
class Record:
    """What one student did with one checkpoint, for the inputs it was asked with."""

    checkpoint_id: str
    inputs: tuple
    guess: float | str | None = None
    revealed: bool = False
    right: bool | None = None


def settle(record: Record | None, checkpoint: Checkpoint) -> Record:
    """The record to use this run: a fresh one when there was none or the inputs changed."""
    if record is None or record.inputs != checkpoint.inputs:
        return Record(checkpoint.id, checkpoint.inputs)
    return record


def reveal(checkpoint: Checkpoint, raw) -> tuple[Record | None, str | None]:
    """Judge a guess: the revealed record, or None and why the guess was not accepted.

    A number guess must be finite; a choice must be one of the options. An
    unaccepted guess leaves the checkpoint unanswered.
    """
    if checkpoint.is_number:
        parsed = parse_guess(raw)
        if parsed.problem:
            return None, parsed.problem
        guess = parsed.value
    else:
        if raw is None:
            return None, "no_choice"
        if raw not in checkpoint.answer.options:
            return None, "not_choice"
        guess = raw
    right = checkpoint.answer.judge(guess)
    return Record(checkpoint.id, checkpoint.inputs, guess, True, right), None


def score(records) -> tuple[int, int]:
    """(right, revealed) over ``records``."""
    revealed = [r for r in records if r is not None and r.revealed]
    return sum(bool(r.right) for r in revealed), len(revealed)


class CheckpointStore(Protocol):
    """Where records live. This session's store is below; class mode can add a shared one."""

    def load(self, checkpoint_id: str) -> Record | None: ...

    def save(self, record: Record) -> None: ...

    def records(self) -> list[Record]: ...


class SessionStore:
    """Records of this browser session, in ``st.session_state`` (gone when the tab closes)."""

    def _all(self) -> dict[str, Record]:
        return st.session_state.setdefault(RECORDS_KEY, {})

    def load(self, checkpoint_id: str) -> Record | None:
        return self._all().get(checkpoint_id)

    def save(self, record: Record) -> None:
        self._all()[record.checkpoint_id] = record

    def records(self) -> list[Record]:
        return list(self._all().values())


def _guess_key(checkpoint_id: str) -> str:
    return f"guess_{checkpoint_id}"


def _on_reveal(store: CheckpointStore, checkpoint: Checkpoint) -> None:
    """Button callback: judge the guess now in the widget, or say why it cannot be."""
    record, problem = reveal(checkpoint, st.session_state.get(_guess_key(checkpoint.id)))
    if problem:
        st.session_state[PROBLEM_PREFIX + checkpoint.id] = problem
        return
    st.session_state.pop(PROBLEM_PREFIX + checkpoint.id, None)
    store.save(record)
    st.session_state[CHANGED_KEY] = True


def _on_guess(checkpoint_id: str) -> None:
    """A new guess replaces the message about the previous one."""
    st.session_state.pop(PROBLEM_PREFIX + checkpoint_id, None)


def _in_fragment_run() -> bool:
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


class PredictMode:
    """The checkpoints of one page run. Every method does nothing when predict mode is off."""

    # Where the guesses are kept, said under the score: this browser tab here, the
    # class's server in class mode (ClassPredictMode).
    SCORE_KEY = "predict.session_score"

    def __init__(self, lang: str, on: bool, store: CheckpointStore | None = None):
        self.lang = lang
        self.on = on
        self.store = store if store is not None else SessionStore()
        self.asked: dict[str, Checkpoint] = {}

    def _record(self, checkpoint_id: str) -> Record | None:
        checkpoint = self.asked.get(checkpoint_id)
        record = self.store.load(checkpoint_id)
        if checkpoint is None or record is None:
            return None
        return record if record.inputs == checkpoint.inputs else None

    def revealed(self, checkpoint_id: str) -> bool:
        """Whether the student revealed this checkpoint for the current settings."""
        record = self._record(checkpoint_id)
        return bool(record and record.revealed)

    def ask(self, build: Callable[..., Checkpoint | tuple[Checkpoint, ...]], *args) -> None:
        """Draw the questions ``build(*args, lang=...)`` returns: guess, reveal, and after
        the reveal the answer and why. Outside predict mode nothing is computed."""
        if not self.on:
            return
        built = build(*args, lang=self.lang)
        checkpoints = built if isinstance(built, tuple) else (built,)
        changed = st.session_state.pop(CHANGED_KEY, False)
        for checkpoint in checkpoints:
            self.asked[checkpoint.id] = checkpoint
            before = self.store.load(checkpoint.id)
            record = settle(before, checkpoint)
            if record != before:
                self.store.save(record)
                if before is not None:
                    # A slider changed the answer: ask again, from an empty guess.
                    st.session_state[_guess_key(checkpoint.id)] = None
                    st.session_state.pop(PROBLEM_PREFIX + checkpoint.id, None)
                    changed = True
        if changed and _in_fragment_run():
            st.rerun(scope="app")
        st.markdown(f"**:material/psychology_alt: {t('predict.ask_title', self.lang)}**")
        st.caption(t("predict.ask_caption", self.lang))
        for checkpoint in checkpoints:
            self._draw(checkpoint, self.store.load(checkpoint.id))

    def _draw(self, checkpoint: Checkpoint, record: Record) -> None:
        lang = self.lang
        key = _guess_key(checkpoint.id)
        if record.revealed:
            st.session_state[key] = record.guess  # the disabled input shows what was judged
        with st.container(border=True, key=f"checkpoint_{checkpoint.id}"):
            st.markdown(checkpoint.question)
            guess_col, button_col = st.columns([3, 1], vertical_alignment="bottom")
            with guess_col:
                if checkpoint.is_number:
                    st.number_input(t("predict.guess_label", lang, label=checkpoint.label),
                                    value=None, key=key, format="%g", step=1.0,
                                    placeholder=t("predict.guess_placeholder", lang),
                                    disabled=record.revealed, on_change=_on_guess,
                                    args=(checkpoint.id,))
                else:
                    options = checkpoint.answer.options
                    st.radio(t("predict.choice_label", lang, label=checkpoint.label), options,
                             index=None, key=key, format_func=checkpoint.options.get,
                             disabled=record.revealed, on_change=_on_guess,
                             args=(checkpoint.id,))
            button_col.button(t("predict.reveal", lang), key=f"reveal_{checkpoint.id}",
                              type="primary", width="stretch", disabled=record.revealed,
                              on_click=_on_reveal, args=(self.store, checkpoint))
            if checkpoint.is_number and not record.revealed:
                st.caption(t("predict.tolerance", lang))
            problem = st.session_state.get(PROBLEM_PREFIX + checkpoint.id)
            if problem and not record.revealed:
                st.warning(t(f"predict.problem.{problem}", lang), icon=":material/edit_note:")
            if record.revealed:
                self._draw_result(checkpoint, record)

    def _draw_result(self, checkpoint: Checkpoint, record: Record) -> None:
        lang = self.lang
        if not all(self.revealed(other) for other in checkpoint.spoils):
            checkpoint = checkpoint.withheld()
        values = dict(label=checkpoint.label, answer=checkpoint.answer_text(),
                      guess=checkpoint.guess_text(record.guess))
        if checkpoint.is_number:
            values["tolerance"] = format_number(tolerance(checkpoint.answer.value))
        kind = "number" if checkpoint.is_number else "choice"
        # The text starts with ✓ / ✗ itself: no icon, so the mark is read out once.
        if record.right:
            st.success(t(f"predict.right_{kind}", lang, **values))
        else:
            st.error(t(f"predict.wrong_{kind}", lang, **values))
        st.markdown(checkpoint.why)
        if not record.right:
            st.markdown(f":material/lightbulb: {checkpoint.misconception(record.guess)}")

    def hides(self, *checkpoint_ids: str) -> bool:
        """True (and a placeholder saying why) while one of these checkpoints is unrevealed."""
        if not self.on:
            return False
        pending = [i for i in checkpoint_ids if not self.revealed(i)]
        if not pending:
            return False
        labels = " · ".join(self.asked[i].label if i in self.asked else i for i in pending)
        st.info(t("predict.hidden", self.lang, labels=labels), icon=":material/visibility_off:")
        return True

    def stop_unless_revealed(self, *checkpoint_ids: str) -> None:
        """Stop the page here (after the score) while one of these checkpoints is unrevealed."""
        if self.hides(*checkpoint_ids):
            self.summary()
            st.stop()

    def summary(self) -> None:
        """This page's guesses with the answers revealed so far, and the score."""
        if not self.on or not self.asked:
            return
        lang = self.lang
        st.header(t("predict.summary_title", lang))
        rows = [f"| {t('predict.col_question', lang)} | {t('predict.col_guess', lang)} | "
                f"{t('predict.col_answer', lang)} | {t('predict.col_result', lang)} |",
                "|:--|--:|--:|:-:|"]
        records = []
        for checkpoint_id, checkpoint in self.asked.items():
            record = self._record(checkpoint_id)
            records.append(record)
            if record and record.revealed:
                rows.append(f"| {checkpoint.label} | {checkpoint.guess_text(record.guess)} | "
                            f"{checkpoint.answer_text()} | {check_mark(bool(record.right))} |")
            else:
                rows.append(f"| {checkpoint.label} | – | {t('predict.not_revealed', lang)} | |")
        table("\n".join(rows), lang)
        right, revealed = score(records)
        st.markdown(t("predict.score", lang, right=right, revealed=revealed, asked=len(records)))
        all_right, all_revealed = score(self.store.records())
        st.caption(t(self.SCORE_KEY, lang, right=all_right, revealed=all_revealed))


def predict_mode(state: PageState, store: CheckpointStore | None = None) -> PredictMode:
    """Draw the predict-mode toggle (it writes ``predict`` to the URL) and return the mode.

    With ``class=<code>`` of a live class the mode is class mode's (reveals wait
    for the instructor) and the toggle is locked on, whatever the link says;
    imported here, not at the top, because it builds on this module.
    """
    if store is None and state.values.get("class") and not _instructor(state):
        from components.ui.class_student import class_predict_mode

        in_class = class_predict_mode(state)
        if in_class is not None:
            locked_predict_toggle(state)
            return in_class
    on = bool(control_widget(state, "predict"))
    return PredictMode(state.lang, on, store)


def _instructor(state: PageState) -> bool:
    """Whether the class's instructor presents this page: not a student, so no locked
    predict mode and no answers sent (the room's phones follow it instead)."""
    from components.ui.class_follow import instructor_on_lesson

    return instructor_on_lesson(state) is not None


def locked_predict_toggle(state: PageState) -> None:
    """The toggle shown on and disabled, with the line saying why (a student in a class).

    Whatever the URL or a client sent, predict mode is on: the session value is
    set before the widget is drawn and the address bar says ``predict=1``.
    """
    st.session_state["predict"] = True
    state.values["predict"] = True
    st.query_params["predict"] = "1"
    control_widget(state, "predict", disabled=True)
    st.caption(f":material/lock: {t('class.student.predict_locked', state.lang)}")
