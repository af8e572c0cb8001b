"""The 'share this view' link and its QR code (pure Python: no streamlit).

The app does not know the host name students use to reach it: the link is
built from the address the presenter's browser reports plus the page's
current query parameters, so the QR code opens exactly what is projected.
"""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno


def share_link(base_url: str, params: dict[str, str]) -> str:
    """``base_url`` (scheme, host, path; any query or fragment dropped) with ``params``.

    Values are percent-encoded, so the link is one opaque string whatever a
    parameter holds.
    """
    scheme, netloc, path, _, _ = urlsplit(base_url)
    # A class student's id is this browser's own: a shared link would make everyone
    # who opens it the same student, each answer replacing the last.
    shared = {name: value for name, value in params.items() if name != "student"}
    return urlunsplit((scheme, netloc, path, urlencode(shared), ""))


def qr_png(link: str, scale: int = 6) -> bytes:
    """The QR code of ``link`` as PNG bytes, made locally (no network).

    Error correction M survives a projector's glare and a phone held at an
    angle; a 4-module quiet zone is what phone scanners expect. PNG, not SVG:
    every browser shows it at its pixel size and it scales without blur.
    """
    buffer = io.BytesIO()
    segno.make_qr(link, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
