"""Fill a catalogue template: ``str.format`` plus English singular/plural choices.

A template may hold ``{name|one|other}``: it becomes ``one`` when the value of
``name`` is 1 and ``other`` otherwise, so "after {steps} {steps|step|steps}"
reads "after 1 step" and "after 2 steps". Either form may itself hold plain
``{placeholders}`` (one level). Korean needs no such choice and has none.
Kept outside ``components.ui`` because the chart builders fill localized labels
too and import nothing from the UI.
"""

from __future__ import annotations

import functools
import re

_FORM = r"(?:[^|{}]|\{\w+\})*"
PLURAL = re.compile(rf"\{{(\w+)\|({_FORM})\|({_FORM})\}}")


def is_one(value) -> bool:
    """True for the count 1, given as a number or as already formatted text."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return value == 1
    return isinstance(value, str) and value.strip() in ("1", "1.0")


@functools.lru_cache(maxsize=4096)
def _has_choice(template: str) -> bool:
    # Templates come from the catalogues (a few thousand at most). Scanning a
    # long one with PLURAL cost ~70 µs, 40 times per rerun of ④, mostly to find
    # nothing; the answer per template never changes.
    return PLURAL.search(template) is not None


def choose(template: str, values: dict) -> str:
    """``template`` with every ``{name|one|other}`` resolved from ``values``."""
    if not _has_choice(template):
        return template
    return PLURAL.sub(lambda m: m.group(2) if is_one(values.get(m.group(1))) else m.group(3),
                      template)


def fill(template: str, **values) -> str:
    """Plural choices, then ``str.format``: the one way catalogue text is filled."""
    return choose(template, values).format(**values)
