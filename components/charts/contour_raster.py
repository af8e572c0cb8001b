"""The loss map's filled contours as a small PNG, for the drag sliders' SVG figure.

The plotly map (``optimizer.contour_figure``) draws filled contours of
log₁₀(loss + floor) in 18 equal bands, in plotly's "Blues" reversed at
opacity 0.55 over white. This module paints the same bands, from the same
levels, into a palette PNG (one byte per pixel, a colour per band and one
for the band edges), so the live figure's background looks like the map
the page shows after a release. Encoded here with zlib: no imaging library.
"""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np

from components.charts.optimizer import _contour_levels

BANDS = 18
OPACITY = 0.55
EDGE_RGBA = (40, 40, 40, 0.35)  # the plotly map's contour lines
# plotly's "Blues" (as plotly.py expands the name), from its light end.
BLUES = ((0.0, (247, 251, 255)), (0.125, (222, 235, 247)), (0.25, (198, 219, 239)),
         (0.375, (158, 202, 225)), (0.5, (107, 174, 214)), (0.625, (66, 146, 198)),
         (0.75, (33, 113, 181)), (0.875, (8, 81, 156)), (1.0, (8, 48, 107)))


def _blues(position: float) -> tuple[float, float, float]:
    """The colour of "Blues" at ``position`` in [0, 1] (linear between its stops)."""
    for (p0, c0), (p1, c1) in zip(BLUES, BLUES[1:], strict=False):
        if position <= p1:
            share = 0.0 if p1 == p0 else (position - p0) / (p1 - p0)
            return tuple(a + (b - a) * share for a, b in zip(c0, c1, strict=True))
    return tuple(float(c) for c in BLUES[-1][1])


def _over_white(rgb, alpha: float) -> tuple[int, int, int]:
    return tuple(int(round(alpha * c + (1 - alpha) * 255)) for c in rgb)


def band_colours() -> list[tuple[int, int, int]]:
    """One colour per band, lowest loss first: reversed "Blues" (low = dark), on white."""
    colours = []
    for band in range(BANDS):
        position = 1.0 - (band + 0.5) / BANDS  # reversescale: the lowest band is darkest
        colours.append(_over_white(_blues(position), OPACITY))
    return colours


def edge_colour(under: tuple[int, int, int]) -> tuple[int, int, int]:
    r, g, b, alpha = EDGE_RGBA
    return tuple(int(round(alpha * c + (1 - alpha) * u)) for c, u in zip((r, g, b), under,
                                                                          strict=True))


def band_indices(fine_grid, level_grid) -> np.ndarray:
    """The band of every pixel of ``fine_grid`` (rows top-down), by ``level_grid``'s levels.

    ``level_grid`` is the 101-point grid the plotly map draws; its lowest and
    highest log-levels and its floor fix the bands, so both maps agree.
    """
    _, _, z, floor = _contour_levels(level_grid)
    low, high = float(z.min()), float(z.max())
    values = np.log10(np.asarray(fine_grid.z, dtype=float) + floor)
    bands = np.floor((values - low) / ((high - low) / BANDS))
    return np.clip(bands, 0, BANDS - 1).astype(np.uint8)[::-1]  # y grows upwards


def palette_png(indices: np.ndarray, palette: list[tuple[int, int, int]]) -> bytes:
    """A PNG of colour type 3 (palette), 8 bits per pixel."""
    height, width = indices.shape

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    rows = np.hstack([np.zeros((height, 1), dtype=np.uint8), indices.astype(np.uint8)])
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0))
            + chunk(b"PLTE", bytes(c for colour in palette for c in colour))
            + chunk(b"IDAT", zlib.compress(rows.tobytes(), 9))
            + chunk(b"IEND", b""))


def contour_png(fine_grid, level_grid) -> bytes:
    """The filled, edged contour map of ``fine_grid`` (one pixel per grid point)."""
    bands = band_indices(fine_grid, level_grid)
    colours = band_colours()
    edges = np.zeros(bands.shape, dtype=bool)
    edges[:, :-1] |= bands[:, :-1] != bands[:, 1:]
    edges[:-1, :] |= bands[:-1, :] != bands[1:, :]
    # Edge pixels take palette entries BANDS… (an edge over each band's colour).
    pixels = np.where(edges, bands + BANDS, bands).astype(np.uint8)
    return palette_png(pixels, colours + [edge_colour(c) for c in colours])


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
