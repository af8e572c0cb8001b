"""Colour science for the colour-vision tests: sRGB → CIELAB, simulated colour
vision deficiencies and the CIEDE2000 colour difference. numpy and math only.

Sources (checked by tests/test_charts_colour_vision.py against published values):
- sRGB: IEC 61966-2-1 transfer function and its linear-RGB → XYZ (D65) matrix.
- CIELAB: CIE 15:2004, reference white D65 (Xn, Yn, Zn) = (0.95047, 1, 1.08883).
- Colour vision deficiency: Machado, Oliveira & Fernandes (2009), "A
  Physiologically-based Model for Simulation of Color Vision Deficiency",
  IEEE TVCG 15(6), doi:10.1109/TVCG.2009.113; their matrices for severity 1.0,
  applied to *linear* RGB (as the authors do), then clipped to [0, 1].
- CIEDE2000: Sharma, Wu & Dalal (2005), "The CIEDE2000 Color-Difference
  Formula: Implementation Notes, Supplementary Test Data, and Mathematical
  Observations", Color Res. Appl. 30(1), eqs. (1)–(22); kL = kC = kH = 1.
"""

from __future__ import annotations

import math

import numpy as np

# Machado et al. (2009), severity 1.0 (dichromacy), rows map linear (R, G, B).
MACHADO_2009 = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
VISIONS = ("normal", *MACHADO_2009)

_SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                         [0.2126729, 0.7151522, 0.0721750],
                         [0.0193339, 0.1191920, 0.9503041]])
_WHITE_D65 = np.array([0.95047, 1.0, 1.08883])


def parse_colour(text: str) -> np.ndarray:
    """``#rrggbb``, ``#rgb``, ``rgb(r, g, b)`` or ``rgba(r, g, b, a)`` → sRGB in [0, 1]."""
    text = text.strip().lower()
    if text.startswith("#"):
        digits = text[1:]
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        if len(digits) != 6:
            raise ValueError(f"not a colour: {text!r}")
        return np.array([int(digits[i:i + 2], 16) for i in (0, 2, 4)]) / 255.0
    if text.startswith(("rgb(", "rgba(")):
        parts = [float(p) for p in text[text.index("(") + 1:text.rindex(")")].split(",")]
        return np.array(parts[:3]) / 255.0
    raise ValueError(f"not a colour: {text!r}")


def srgb_to_linear(srgb: np.ndarray) -> np.ndarray:
    srgb = np.asarray(srgb, dtype=float)
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def simulate(srgb: np.ndarray, vision: str) -> np.ndarray:
    """The sRGB colour a viewer with ``vision`` sees (Machado 2009, severity 1)."""
    if vision == "normal":
        return np.asarray(srgb, dtype=float)
    linear = np.clip(MACHADO_2009[vision] @ srgb_to_linear(srgb), 0.0, 1.0)
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)


def srgb_to_lab(srgb: np.ndarray) -> np.ndarray:
    """sRGB in [0, 1] → CIELAB (D65)."""
    xyz = _SRGB_TO_XYZ @ srgb_to_linear(srgb) / _WHITE_D65
    eps, kappa = 216 / 24389, 24389 / 27
    f = np.where(xyz > eps, np.cbrt(xyz), (kappa * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def ciede2000(lab1, lab2) -> float:
    """CIEDE2000 ΔE between two CIELAB colours (Sharma et al. 2005, eqs. 1–22)."""
    L1, a1, b1 = (float(v) for v in lab1)
    L2, a2, b2 = (float(v) for v in lab2)
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    d_lp, d_cp = L2 - L1, c2p - c1p
    if c1p * c2p == 0:
        d_hp = 0.0
    elif abs(h2p - h1p) <= 180:
        d_hp = h2p - h1p
    elif h2p - h1p > 180:
        d_hp = h2p - h1p - 360
    else:
        d_hp = h2p - h1p + 360
    d_big_hp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(d_hp / 2))
    l_bar, c_barp = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_barp = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_barp = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_barp = (h1p + h2p + 360) / 2
    else:
        h_barp = (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_barp - 30)) + 0.24 * math.cos(math.radians(2 * h_barp))
         + 0.32 * math.cos(math.radians(3 * h_barp + 6))
         - 0.20 * math.cos(math.radians(4 * h_barp - 63)))
    d_theta = 30 * math.exp(-(((h_barp - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_barp**7 / (c_barp**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * c_barp
    s_h = 1 + 0.015 * c_barp * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((d_lp / s_l) ** 2 + (d_cp / s_c) ** 2 + (d_big_hp / s_h) ** 2
                     + r_t * (d_cp / s_c) * (d_big_hp / s_h))


def distance(colour1: str, colour2: str, vision: str) -> float:
    """ΔE2000 between two chart colours as a viewer with ``vision`` sees them."""
    return ciede2000(srgb_to_lab(simulate(parse_colour(colour1), vision)),
                     srgb_to_lab(simulate(parse_colour(colour2), vision)))
