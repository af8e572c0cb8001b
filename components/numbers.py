"""Number formatting for people: ``36``, ``-12``, ``36.36``, ``1.23e+05``.

Pure Python so the maths, the charts and the pages format numbers one way.
"""

from __future__ import annotations

import math


def format_number(value: float, digits: int = 4) -> str:
    """Show ``value`` with at most ``digits`` significant digits, no float noise.

    ``36.36090087890625`` becomes ``36.36``; ``-7.999999523`` becomes ``-8``;
    very large or tiny magnitudes switch to scientific notation.
    """
    if value is None:
        return "–"
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= 1e6 or magnitude < 1e-4:
        mantissa = f"{value:.{max(digits - 1, 0)}e}"
        head, exponent = mantissa.split("e")
        if "." in head:
            head = head.rstrip("0").rstrip(".")
        return f"{head}e{int(exponent):+d}"
    decimals = max(digits - 1 - int(math.floor(math.log10(magnitude))), 0)
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_vector(values, digits: int = 4) -> str:
    """``[36, 81]`` style, as a student would write the tensor by hand."""
    return "[" + ", ".join(format_number(v, digits) for v in values) + "]"
