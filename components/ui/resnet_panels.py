"""Localized tables and notes of the ResNet page (streamlit only where it draws)."""

from __future__ import annotations

import math

import streamlit as st
import torch

from components.core.resnet import (
    GROUPS,
    FinetuneResult,
    TrainingResult,
    layer_group,
    random_inputs,
)
from components.core.resnet_weights import WeightsStatus
from components.numbers import format_number
from components.ui.i18n import t
from components.ui.layout import check_mark


def count(value: int) -> str:
    """A whole number with thousands separators: ``11,689,512``."""
    return f"{int(value):,}"


def loss_delta(change: float) -> str | None:
    """A metric's delta text, or None (no arrow) when the change is not a number."""
    return format_number(change) if math.isfinite(change) else None


def input_picture(seed: int, size: int, lang: str, container=None) -> None:
    """The image the network gets, ``data`` itself (floats in [0, 1) shown as
    8-bit RGB): the student sees that it is noise."""
    data, _ = random_inputs(seed, size)
    pixels = (data[0].permute(1, 2, 0) * 255).to(torch.uint8).numpy()
    where = container if container is not None else st
    # As wide as its column (a quarter of the text beside it), never wider.
    where.image(pixels, width="stretch", clamp=True,
                caption=t("resnet.input_caption", lang, size=size),
                alt=t("resnet.input_alt", lang, size=size))


def weights_note(status: WeightsStatus, lang: str) -> None:
    """One visible line: which weights this run starts from, and why."""
    if status.pretrained_in_use:
        st.success(t(f"resnet.weights.{status.source}", lang, path=status.cache_path),
                   icon=":material/verified:")
    elif status.pretrained_requested:
        st.info(t("resnet.weights.fallback", lang, reason=status.reason),
                icon=":material/cloud_off:")
    else:
        st.caption(t("resnet.weights.random", lang))


def top_classes_table(result: TrainingResult, categories, lang: str) -> str:
    """Rank, ImageNet class, index and softmax probability of the top scores."""
    rows = [f"| # | {t('resnet.col_class', lang)} | {t('resnet.col_index', lang)} | "
            f"{t('resnet.col_probability', lang)} |", "|:-:|:--|--:|--:|"]
    for rank, (index, probability) in enumerate(result.top_classes, start=1):
        rows.append(f"| {rank} | {categories[index]} | {index} | "
                    f"{format_number(100 * probability, 3)} % |")
    return "\n".join(rows)


def parameter_table(result: TrainingResult, lang: str) -> str:
    """All parameter tensors: shape, size, ‖W‖, ‖grad‖, ‖ΔW‖, ‖buf‖."""
    header = ("parameter", "shape", "numel", "weight", "grad", "change", "buffer")
    rows = ["| " + " | ".join(t(f"resnet.col_{h}", lang) for h in header) + " |",
            "|:--|:--|--:|--:|--:|--:|--:|"]
    for p in result.parameters:
        shape = "×".join(str(n) for n in p.shape)
        rows.append(f"| `{p.name}` | {shape} | {count(p.numel)} | {format_number(p.weight_norm)} | "
                    f"**{format_number(p.grad_norm)}** | {format_number(p.change_norm)} | "
                    f"{format_number(p.buffer_norm)} |")
    return "\n".join(rows)


def last_layer_table(result: TrainingResult, lang: str) -> str:
    """fc's gradients as autograd found them, next to what ∂loss/∂prediction = 1 implies."""
    norms = {p.name: p.grad_norm for p in result.parameters}
    root = math.sqrt(1000)
    rows = [f"| {t('resnet.col_tensor', lang)} | {t('resnet.col_by_hand', lang)} | "
            f"{t('resnet.col_expected_norm', lang)} | {t('resnet.col_autograd_norm', lang)} | "
            f"{t('resnet.col_check', lang)} |", "|:--|:--|--:|--:|:-:|"]
    rows.append(f"| `fc.bias.grad` | {t('resnet.hand_bias', lang)} | √1000 = {format_number(root)} | "
                f"**{format_number(norms['fc.bias'])}** | {check_mark(result.fc_bias_grad_all_ones)} |")
    rows.append(f"| `fc.weight.grad` | {t('resnet.hand_weight', lang)} | "
                f"√1000 × {format_number(result.feature_norm)} = "
                f"{format_number(root * result.feature_norm)} | "
                f"**{format_number(norms['fc.weight'])}** | "
                f"{check_mark(result.fc_weight_grad_is_features)} |")
    return "\n".join(rows)


def steps_table(result: TrainingResult, lang: str) -> str:
    """Per ``optim.step()``: the loss it started from, ‖grad‖, ‖ΔW‖ and the rule check."""
    header = ("step", "loss_before", "grad_total", "update_total", "rule")
    rows = ["| " + " | ".join(t(f"resnet.col_{h}", lang) for h in header) + " |",
            "|:-:|--:|--:|--:|:-:|"]
    for number, record in enumerate(result.step_records, start=1):
        ok = record.update_rule_ok and record.buffer_rule_ok is not False
        rows.append(f"| {number} | {format_number(record.loss_before)} | "
                    f"{format_number(record.grad_norm)} | {format_number(record.update_norm)} | "
                    f"{check_mark(ok)} |")
    return "\n".join(rows)


def rules_hold(result: TrainingResult) -> bool:
    """Every step followed SGD's update (and momentum) rule for every tensor."""
    return all(r.update_rule_ok and r.buffer_rule_ok is not False for r in result.step_records)


def grad_presence_table(result: FinetuneResult, lang: str) -> str:
    """Per layer: how many tensors got a ``.grad`` and how many stayed None."""
    rows = [f"| {t('resnet.col_layer', lang)} | {t('resnet.col_with_grad', lang)} | "
            f"{t('resnet.col_none', lang)} |", "|:--|--:|--:|"]
    for group in GROUPS:
        with_grad = sum(layer_group(n) == group for n in result.with_grad)
        without = sum(layer_group(n) == group for n in result.without_grad)
        mark = " ✓" if with_grad else ""
        rows.append(f"| `{group}` | {with_grad}{mark} | {without} |")
    return "\n".join(rows)


def no_grad_table(result: FinetuneResult, lang: str) -> str:
    """The same forward pass with and without ``torch.no_grad()``."""
    rows = [f"| {t('resnet.col_call', lang)} | `requires_grad` | `grad_fn` | "
            f"{t('resnet.col_forward_ms', lang)} |", "|:--|:-:|:--|--:|"]
    rows.append(f"| `prediction = model(data)` | `{result.forward_requires_grad}` | "
                f"`{result.forward_grad_fn}` | {format_number(result.forward_ms, 3)} ms |")
    rows.append(f"| `with torch.no_grad(): prediction = model(data)` | "
                f"`{result.no_grad_requires_grad}` | `{result.no_grad_grad_fn}` | "
                f"{format_number(result.no_grad_forward_ms, 3)} ms |")
    return "\n".join(rows)
