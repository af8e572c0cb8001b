"""Explanation panels: the localized tables and label sets pages show."""

from __future__ import annotations

import functools

import streamlit as st

from components.numbers import format_number, format_vector
from components.ui.i18n import CATALOGS, t
from components.ui.layout import check_mark


def labels_for(prefix: str, lang: str) -> dict[str, str]:
    """All texts under ``prefix.`` as a dict keyed by the rest of the key.

    A fresh dict each call (callers add to it); the scan of the catalogue
    happens once per prefix and language.
    """
    return dict(_labels(prefix, lang))


# The catalogues never change while the app runs, so a process-wide cache of
# each prefix's texts is safe; scanning ~1300 keys cost every rerun ~1 ms per call.
@functools.lru_cache(maxsize=256)
def _labels(prefix: str, lang: str) -> tuple[tuple[str, str], ...]:
    start = prefix + "."
    return tuple((k[len(start):], v) for k, v in CATALOGS[lang].items() if k.startswith(start))


def go_deeper(topic: str, lang: str, key: str, lazy: bool = False):
    """A closed "Go deeper: <topic>" expander: what a first reading can skip
    waits there, so a lesson stays short before anything is opened (issue #27).

    ``lazy``: opening or closing it reruns the page, so the caller can build
    its content only while ``.open`` (for a costly section: issue #26).
    """
    return st.expander(t("common.deeper", lang, topic=topic), icon=":material/school:", key=key,
                       on_change="rerun" if lazy else "ignore")


def gradient_table(result, which: str, lang: str) -> str:
    """Markdown table of one tensor's gradient: autograd, hand, check, finite diff."""
    grads = result.a_grad if which == "a" else result.b_grad
    hand = result.a_grad_analytic if which == "a" else result.b_grad_analytic
    close = result.a_close if which == "a" else result.b_close
    fd = result.a_grad_fd if which == "a" else result.b_grad_fd
    inputs = result.a if which == "a" else result.b
    hand_formula = "9a²·v" if which == "a" else "−2b·v"
    header = (
        f"| {t('gradients.col_element', lang)} | {which} | v | "
        f"{which}.grad ({t('gradients.col_autograd', lang)}) | "
        f"{hand_formula} ({t('gradients.col_hand', lang)}) | {t('gradients.col_check', lang)} | "
        f"{t('gradients.col_fd', lang)} |"
    )
    rows = [header, "|:-:|--:|--:|--:|--:|:-:|--:|"]
    for i in range(len(grads)):
        word = t("common.match" if close[i] else "common.mismatch", lang)
        rows.append(
            f"| {which}{'₁₂'[i]} | {format_number(inputs[i])} | {format_number(result.v[i])} | "
            f"**{format_number(grads[i])}** | {format_number(hand[i])} | "
            f"{check_mark(close[i])} {word} | {format_number(fd[i])} |"
        )
    return "\n".join(rows)


def sum_versus_ones_table(comparison, lang: str) -> str:
    """Two rows: a.grad and b.grad from Q.sum().backward() and from ones."""
    rows = [f"| {t('gradients.col_call', lang)} | a.grad | b.grad |", "|:--|--:|--:|"]
    rows.append(f"| `{t('gradients.sum_row_sum', lang)}` | {format_vector(comparison.a_grad_sum)} | "
                f"{format_vector(comparison.b_grad_sum)} |")
    rows.append(f"| `{t('gradients.sum_row_ones', lang)}` | {format_vector(comparison.a_grad_ones)} | "
                f"{format_vector(comparison.b_grad_ones)} |")
    return "\n".join(rows)
