"""Localized tables for the accumulation page (markdown text, no maths)."""

from __future__ import annotations

from components.numbers import format_number, format_vector
from components.ui.i18n import t
from components.ui.layout import check_mark


def history_table(history, which: str, lang: str) -> str:
    """One row per call: ``which``.grad ("a" or "b") and the hand rule it is checked against."""
    if which == "a":
        grads, expected, close = history.a_grads, history.a_expected, history.a_close
        rule = "9a²" if history.zero else "k·9a²"
    else:
        grads, expected, close = history.b_grads, history.b_expected, history.b_close
        rule = "−2b" if history.zero else "k·(−2b)"
    rows = [f"| k | {which}.grad | {rule} | {t('accumulation.col_check', lang)} |", "|:-:|--:|--:|:-:|"]
    for k in range(1, history.calls + 1):
        rows.append(
            f"| {k} | **{format_vector(grads[k - 1])}** | {format_vector(expected[k - 1])} | "
            f"{check_mark(close[k - 1])} |"
        )
    return "\n".join(rows)


def zeroing_table(results, lang: str) -> str:
    """The three ways to reset ``.grad``: what it holds after, and when to use each."""
    code = {"zero_grad": "optim.zero_grad()", "none": "a.grad = None", "zero_": "a.grad.zero_()"}
    rows = [
        f"| {t('accumulation.col_method', lang)} | {t('accumulation.col_after_reset', lang)} | "
        f"{t('accumulation.col_after_next', lang)} | {t('accumulation.col_when', lang)} |",
        "|:--|:-:|:-:|:--|",
    ]
    for result in results:
        after = "`None`" if result.after_reset is None else format_vector(result.after_reset)
        rows.append(
            f"| `{code[result.method]}` | {after} | {format_vector(result.after_next_call)} | "
            f"{t(f'accumulation.when_{result.method}', lang)} |"
        )
    return "\n".join(rows)


def training_table(runs, lang: str) -> str:
    """Last loss, w, c and the last w.grad of each training run."""
    rows = [
        f"| {t('accumulation.col_run', lang)} | {t('accumulation.col_final_loss', lang)} | "
        f"{t('accumulation.col_w', lang)} | {t('accumulation.col_c', lang)} | "
        f"{t('accumulation.col_w_grad', lang)} |",
        "|:--|--:|--:|--:|--:|",
    ]
    for run in runs:
        name = t("accumulation.run_with" if run.zero_grad else "accumulation.run_without", lang)
        if run.diverged_at is not None:
            note = t("accumulation.diverged_cell", lang, step=run.diverged_at)
            rows.append(f"| {name} | {note} | – | – | – |")
            continue
        rows.append(
            f"| {name} | **{format_number(run.losses[-1])}** | {format_number(run.w)} | "
            f"{format_number(run.c)} | {format_number(run.w_grad)} |"
        )
    return "\n".join(rows)
