"""The report after class: for each question asked, how many answered, the share
right, the most common wrong answers and the misconception each maps to.

Counts only: the query reads no student id and no time, and nothing here could
tell one student from another. A number is right by predict mode's own rule
(:func:`is_close_guess`) against the answer torch gave on that student's page
(students' sliders may differ); a choice is right when it is the stored option.

No streamlit: the aggregation is plain functions over plain rows, the tests run
it directly, and the page only localizes what comes out.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from components.core.checkpoints import is_close_guess
from components.numbers import format_number
from components.storage.class_store import ClassStore, answers

# The most common wrong answers listed per question (the long tail says little).
TOP_WRONG = 3


@dataclass(frozen=True)
class Answer:
    """One stored answer without its student: the guess, the answer torch gave on that
    student's page, and the misconception predict mode matched there (numbers only)."""

    guess: float
    truth: float
    slip: str | None = None


@dataclass(frozen=True)
class WrongAnswer:
    """A group of equal wrong answers.

    ``text``: a number as predict mode shows it (``format_number``), or a
    choice's option key. ``misconception``: a number's slip name or the wrong
    option's key (predict mode's sentence for it), None when it names none.
    """

    text: str
    count: int
    misconception: str | None
    is_option: bool = False


@dataclass(frozen=True)
class QuestionReport:
    """One question of the class: the counts and its most common wrong answers."""

    checkpoint: str
    count: int
    right: int
    wrong: tuple[WrongAnswer, ...]

    @property
    def share_right(self) -> float:
        return self.right / self.count if self.count else 0.0


def _option_key(guess: float, options: Sequence[str]) -> str | None:
    """The option a stored choice index names (None for anything else)."""
    if math.isfinite(guess) and float(guess).is_integer() and 0 <= guess < len(options):
        return options[int(guess)]
    return None


def question_report(checkpoint: str, rows: Iterable[Answer], options: Sequence[str] = (),
                    top: int = TOP_WRONG) -> QuestionReport:
    """Aggregate one checkpoint's answers. ``options``: a choice's option keys (a stored
    choice is its option's index); empty for a number question.

    Wrong numbers are grouped as predict mode displays them (so 12 and 12.00001 are
    one answer) and by the misconception matched on each page: the same number
    can be one slip at one student's settings and none at another's.
    """
    count = right = 0
    groups: Counter[tuple[str, str | None, bool]] = Counter()
    for row in rows:
        count += 1
        if options:
            ok = row.guess == row.truth
        else:
            ok = is_close_guess(row.guess, row.truth)
        if ok:
            right += 1
            continue
        key = _option_key(row.guess, options) if options else None
        if key is not None:
            groups[(key, key, True)] += 1  # a wrong option: the option names the misconception
        else:
            groups[(format_number(row.guess), None if options else row.slip, False)] += 1
    ordered = sorted(groups.items(), key=lambda item: (-item[1], item[0][0], item[0][1] or ""))
    wrong = tuple(WrongAnswer(text, n, slip, is_option)
                  for (text, slip, is_option), n in ordered[:top])
    return QuestionReport(checkpoint, count, right, wrong)


def class_report(rows: Mapping[str, Sequence[Answer]],
                 asked: Sequence[tuple[str, Sequence[str]]],
                 top: int = TOP_WRONG) -> list[QuestionReport]:
    """One report per question of ``asked`` ((checkpoint id, option keys), in lesson
    order) that has at least one answer; ids not in ``asked`` are left out."""
    return [question_report(checkpoint, rows[checkpoint], options, top)
            for checkpoint, options in asked if rows.get(checkpoint)]


def answers_by_checkpoint(store: ClassStore, code: str,
                          key: str) -> dict[str, list[Answer]] | None:
    """Every answer of class ``code`` by checkpoint, for the key holder only (None
    otherwise). Read-only; the student and time columns are never selected."""
    if not store.check_key(code, key):
        return None
    with store.engine.connect() as conn:
        rows = conn.execute(select(answers.c.checkpoint, answers.c.guess, answers.c.truth,
                                   answers.c.slip)
                            .where(answers.c.class_code == code)).all()
    found: dict[str, list[Answer]] = {}
    for row in rows:
        found.setdefault(row.checkpoint, []).append(Answer(row.guess, row.truth, row.slip))
    return found


def load_report(store: ClassStore, code: str, key: str,
                asked: Sequence[tuple[str, Sequence[str]]]) -> list[QuestionReport] | None:
    """The class's report (None without the right key). Database errors propagate:
    the page turns them into one line."""
    rows = answers_by_checkpoint(store, code, key)
    return None if rows is None else class_report(rows, asked)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file as UTF-8 with a byte order mark, so that Excel opens Korean text
    as Korean; the csv module quotes whatever needs it."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")
