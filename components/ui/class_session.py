"""Class mode's streamlit glue: the process's one store, a session's student id,
the checkpoints an instructor can ask about, and the spread chart both sides draw.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.charts.class_spread import choice_figure, spread_figure
from components.charts.style import PRESENT_SCALE, scaled
from components.core.checkpoints import BACKWARD_OUTCOMES, LOSS_DIRECTIONS, is_close_guess
from components.core.resnet import GROUPS
from components.storage.class_store import CheckpointSummary
from components.storage.process_store import class_store, start_expiry_timer  # noqa: F401
from components.ui.chart_text import choice_text, spread_text
from components.ui.controls import presenting
from components.ui.i18n import CATALOGS, t
from components.ui.layout import chart_data

STUDENT_KEY = "class_student"
# How often the instructor's counts and a waiting student's page ask the database.
REFRESH_SECONDS = 2


@dataclass(frozen=True)
class ClassCheckpoint:
    """A checkpoint an instructor can ask the class: its lesson, id, and options (choices).

    A choice answer is stored as the index of the option in ``options``.
    """

    page: str
    id: str
    options: tuple[str, ...] = ()

    @property
    def is_number(self) -> bool:
        return not self.options

    def label(self, lang: str) -> str:
        return t(f"{self.page}.predict.{self.id}.label", lang)

    def question(self, lang: str) -> str:
        """The question in words, without any one student's numbers (the room view's card)."""
        key = f"{self.page}.predict.{self.id}.question"
        return t(f"{key}_class" if f"{key}_class" in CATALOGS[lang] else key, lang)

    def option_label(self, option: str, lang: str) -> str:
        """The option's catalogue text as plain text (a chart axis shows no markdown)."""
        return t(f"{self.page}.predict.{self.id}.option.{option}", lang).replace("`", "")


# The checkpoints predict mode asks on each lesson (components/ui/predict_questions.py).
CLASS_CHECKPOINTS: dict[str, tuple[ClassCheckpoint, ...]] = {
    "resnet": (ClassCheckpoint("resnet", "largest_grad_layer", tuple(GROUPS)),
               ClassCheckpoint("resnet", "loss_after_step", LOSS_DIRECTIONS)),
    "gradients": (ClassCheckpoint("gradients", "a1_grad"),),
    "accumulation": (ClassCheckpoint("accumulation", "a1_grad_calls"),
                     ClassCheckpoint("accumulation", "second_backward", BACKWARD_OUTCOMES)),
    "optimizer": (ClassCheckpoint("optimizer", "a1_after_step"),
                  ClassCheckpoint("optimizer", "momentum_first_loss", LOSS_DIRECTIONS)),
}


def find_checkpoint(checkpoint_id: str) -> ClassCheckpoint | None:
    """The class checkpoint with this id, on whichever lesson asks it."""
    for checkpoints in CLASS_CHECKPOINTS.values():
        for checkpoint in checkpoints:
            if checkpoint.id == checkpoint_id:
                return checkpoint
    return None


def client_id() -> str:
    """Who starts a class, for the per-client limit.

    Behind our nginx, the last ``X-Forwarded-For`` hop: the address nginx itself
    saw (``$proxy_add_x_forwarded_for`` appends it; hops before it are whatever
    the client wrote, so they are ignored). Without a proxy, the connection's
    address; on localhost, where Streamlit hides it, this browser session.
    """
    forwarded = st.context.headers.get("X-Forwarded-For") or ""
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if hops:
        return f"address:{hops[-1]}"
    if st.context.ip_address:
        return f"address:{st.context.ip_address}"
    ctx = get_script_run_ctx(suppress_warning=True)
    return f"session:{ctx.session_id if ctx is not None else 'none'}"


def student_id() -> str:
    """This browser session's random student id (nothing else identifies a student)."""
    from components.storage.class_store import new_student_id

    if STUDENT_KEY not in st.session_state:
        st.session_state[STUDENT_KEY] = new_student_id()
    return st.session_state[STUDENT_KEY]


def main_answer(summary: CheckpointSummary) -> float | None:
    """The torch answer most students were asked about (their slider values may differ)."""
    if not summary.truths:
        return None
    return Counter(summary.truths).most_common(1)[0][0]


def other_settings_count(summary: CheckpointSummary) -> int:
    """How many answers were given at slider values whose answer differs from the main one."""
    main = main_answer(summary)
    return sum(1 for truth in summary.truths if truth != main)


def spread_chart(checkpoint: ClassCheckpoint, summary: CheckpointSummary, lang: str,
                 key: str, show_answer: bool = True) -> None:
    """The class's guesses for one checkpoint as a histogram (no individual answers).

    ``show_answer`` False draws the spread alone: no answer line, no right/wrong colours.
    """
    main = main_answer(summary)
    if checkpoint.is_number:
        right = [is_close_guess(g, truth) for g, truth in zip(summary.guesses, summary.truths, strict=True)]
        labels = {"x": t("class.chart_x", lang), "y": t("class.chart_y", lang),
                  "right": t("class.chart_right", lang), "wrong": t("class.chart_wrong", lang),
                  "guesses": t("class.chart_guesses", lang),
                  "answer": t("class.chart_answer", lang)}
        shown_right, shown_answer = (right, main) if show_answer else (None, None)
        figure = spread_figure(list(summary.guesses), shown_right, shown_answer, labels)
        text = spread_text(list(summary.guesses), shown_right, shown_answer, lang)
    else:
        counts = [0] * len(checkpoint.options)
        for guess in summary.guesses:
            if float(guess).is_integer() and 0 <= guess < len(counts):
                counts[int(guess)] += 1
        right_index = (int(main) if show_answer and main is not None and math.isfinite(main)
                       else None)
        options = [checkpoint.option_label(o, lang) for o in checkpoint.options]
        figure = choice_figure(counts, options, right_index, {"y": t("class.chart_y", lang)})
        text = choice_text(counts, options, right_index, lang)
    if presenting():
        # The projected room view: ticks and count labels 1.3× (18 px and more).
        figure = scaled(figure, PRESENT_SCALE)
    st.plotly_chart(figure, key=key, config={"displayModeBar": False, "responsive": True},
                    alt=text.summary)
    chart_data(text, f"{key}_data")
    others = other_settings_count(summary)
    if others and show_answer:
        st.caption(t("class.other_settings", lang, count=others))
