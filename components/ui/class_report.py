"""The instructor's report after class on /class: a table of every question asked and
a CSV download of the same, both in the page's language.

The numbers come from :mod:`components.storage.class_report` (counts only); this
module names them: the lesson, the question, the option labels and the short
name of each misconception predict mode explains (``class.report.why.<checkpoint>.<name>``).
"""

from __future__ import annotations

import streamlit as st

from components.storage.class_report import QuestionReport, csv_bytes, load_report
from components.storage.class_store import UNAVAILABLE, ClassStore
from components.ui.class_session import CLASS_CHECKPOINTS, REFRESH_SECONDS, find_checkpoint
from components.ui.i18n import CATALOGS, t
from components.ui.layout import table

# The report is read after class, not watched: a slower refresh than the live answers.
REPORT_REFRESH_SECONDS = 5 * REFRESH_SECONDS
NONE = "—"
CSV_KEYS = ("lesson", "checkpoint", "question", "answers", "right", "fraction", "rank",
            "wrong_answer", "wrong_count", "misconception")


def asked_checkpoints() -> list[tuple[str, tuple[str, ...]]]:
    """Every class checkpoint (id, option keys) in lesson order."""
    return [(checkpoint.id, checkpoint.options)
            for checkpoints in CLASS_CHECKPOINTS.values() for checkpoint in checkpoints]


def misconception_name(checkpoint_id: str, name: str | None, lang: str) -> str:
    """The short name of a misconception predict mode explains, or "—" when it names none."""
    key = f"class.report.why.{checkpoint_id}.{name}"
    return t(key, lang) if name and key in CATALOGS[lang] else NONE


def _plain(text: str) -> str:
    """Catalogue text without code spans' backticks (a CSV cell is plain text)."""
    return text.replace("`", "")


def _question(report: QuestionReport, lang: str) -> tuple[str, str]:
    """(lesson, question label) of one report line, as catalogue markdown."""
    checkpoint = find_checkpoint(report.checkpoint)
    return t(f"nav.{checkpoint.page}", lang), checkpoint.label(lang)


def _answer_text(report: QuestionReport, wrong, lang: str) -> str:
    if wrong.is_option:
        return find_checkpoint(report.checkpoint).option_label(wrong.text, lang)
    return wrong.text  # a number as predict mode shows it, never localized


def _share(report: QuestionReport) -> str:
    return f"{round(100 * report.share_right)}% ({report.right}/{report.count})"


def report_markdown(reports: list[QuestionReport], lang: str) -> str:
    """The report as a markdown table: one row per question."""
    head = [t(f"class.report.col.{name}", lang)
            for name in ("question", "answers", "share", "wrong")]
    rows = [f"| {' | '.join(head)} |", "|:--|--:|--:|:--|"]
    for report in reports:
        lesson, label = _question(report, lang)
        # The answers in bold: the eye finds them between the misconception names.
        wrong = t("class.report.wrong_sep", lang).join(
            t("class.report.wrong_item", lang, answer=f"**{_answer_text(report, w, lang)}**",
              count=w.count,
              misconception=misconception_name(report.checkpoint, w.misconception, lang))
            for w in report.wrong) or t("class.report.none_wrong", lang)
        rows.append(f"| {lesson} · {label} | {report.count} | {_share(report)} | {wrong} |")
    return "\n".join(rows)


def report_csv(reports: list[QuestionReport], lang: str) -> bytes:
    """The report as CSV: one row per question and common wrong answer (a question
    nobody got wrong has one row with those cells empty). Headers in ``lang``;
    numbers as plain numbers; no student id or time anywhere."""
    header = [t(f"class.report.col.{name}", lang) for name in CSV_KEYS]
    rows = []
    for report in reports:
        lesson, label = _question(report, lang)
        head = [lesson, report.checkpoint, _plain(label), report.count, report.right,
                round(report.share_right, 4)]
        if not report.wrong:
            rows.append(head + ["", "", "", ""])
        for rank, wrong in enumerate(report.wrong, start=1):
            rows.append(head + [rank, _answer_text(report, wrong, lang), wrong.count,
                                _plain(misconception_name(report.checkpoint, wrong.misconception,
                                                          lang))])
    return csv_bytes(header, rows)


@st.fragment(run_every=REPORT_REFRESH_SECONDS)
def report_section(store: ClassStore, code: str, key: str, lang: str,
                   presenting: bool = False) -> None:
    """The report for the key holder. In presenter view only the questions already
    revealed to the class: the wrong answers and their names would answer the rest."""
    with st.container(key="class_report"):
        st.header(t("class.report.title", lang))
        st.caption(t("class.report.caption", lang, seconds=REPORT_REFRESH_SECONDS))
        try:
            reports = load_report(store, code, key, asked_checkpoints())
            revealed = store.revealed_checkpoints(code) if presenting else None
        except UNAVAILABLE:
            # One line; the next refresh asks again.
            st.warning(t("class.db_error", lang, seconds=REPORT_REFRESH_SECONDS),
                       icon=":material/cloud_off:")
            return
        if reports is None:  # the class expired while the page was open
            st.info(t("class.need_key", lang), icon=":material/key:")
            return
        if revealed is not None:
            reports = [report for report in reports if report.checkpoint in revealed]
            st.caption(f":material/visibility_off: {t('class.report.presenting', lang)}")
        if not reports:
            st.caption(t("class.report.empty", lang))
            return
        table(report_markdown(reports, lang), lang)
        st.download_button(t("class.report.download", lang), report_csv(reports, lang),
                           file_name=f"class-{code}-report-{lang}.csv",
                           mime="text/csv", key="class_report_csv", on_click="ignore",
                           icon=":material/download:")
