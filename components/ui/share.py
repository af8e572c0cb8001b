"""Links for the room: which address students can reach, which parameters a
link for them may carry, and its QR code (pure Python: no streamlit).

The page's own address is often useless to a phone: an instructor who runs
``streamlit run`` on a laptop opens ``http://127.0.0.1:8501``. The address is
chosen here from plain inputs (the operator's settings, the presenter's page
address, the server's listening address and the machine's LAN address), so
every case is unit-tested without a server; ``room_link.py`` gathers them.
"""

from __future__ import annotations

import functools
import io
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

from components.ui.schema import PAGE_CONTROLS

# The one rule for what a link meant for students may carry: a lesson's own
# controls, the language and the class's join code. Everything else stays out:
# ``present`` (a phone would get the projector's layout), ``key`` (whoever
# holds it sees every answer and can reveal) and any parameter added later
# until someone decides here that students should have it.
STUDENT_PARAMETERS = frozenset(
    {"lang", "class"} | {control.name for page in PAGE_CONTROLS.values() for control in page}
)

# Why a root address was chosen, or why there is none (``Root.reason``).
PUBLIC = "public"              # AUTOGRAD_LAB_PUBLIC_URL
SERVER_ADDRESS = "server_address"  # Streamlit's browser.serverAddress, set by the operator
PAGE = "page"                  # the presenter's own address is not loopback: students use it too
LAN = "lan"                    # loopback presenter: this machine's LAN address and port
LOOPBACK_ONLY = "loopback_only"  # the server listens on loopback only: no LAN link can work
NO_LAN = "no_lan"              # no LAN address found
UNKNOWN = "unknown"            # the run does not know its own address (no browser)


@dataclass(frozen=True)
class Root:
    """The app's root address for students (``None`` when none can work) and why."""

    url: str | None
    reason: str


def student_params(params: Mapping[str, str]) -> dict[str, str]:
    """``params`` without anything that is not in :data:`STUDENT_PARAMETERS` (order kept)."""
    return {name: value for name, value in params.items() if name in STUDENT_PARAMETERS}


def is_loopback(host: str | None) -> bool:
    """Whether ``host`` names this machine only: localhost, 127.0.0.0/8 or ::1."""
    if not host:
        return False
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _listens_everywhere(listen_address: str | None) -> bool:
    return not listen_address or listen_address in ("0.0.0.0", "::")


def _host_port(host: str, port: int | None, scheme: str = "http") -> str:
    if ":" in host and not host.startswith("["):  # an IPv6 address
        host = f"[{host}]"
    default = 443 if scheme == "https" else 80
    return host if port in (None, default) else f"{host}:{port}"


def _clean_root(url: str) -> str | None:
    """An http(s) URL without query, fragment and trailing slash, or None."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def _base_path(path: str | None) -> str:
    path = (path or "").strip("/")
    return f"/{path}" if path else ""


def app_root_of(page_url: str, page_path: str) -> str | None:
    """The app's root from the address of one of its pages (``page_path`` is the
    page's URL path, ``""`` for the home page), or None for a useless address."""
    parts = urlsplit(page_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    path = parts.path.rstrip("/")
    if page_path and path.endswith(f"/{page_path}"):
        path = path[: -len(page_path) - 1]
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def reachable_root(page_url: str | None, page_path: str, *, public_url: str | None = None,
                   server_address: str | None = None, server_port: int | None = None,
                   listen_address: str | None = None, port: int = 8501,
                   base_path: str | None = None, lan_ip: str | None = None) -> Root:
    """The root address students can open, in this order of preference.

    ``public_url``: the operator's AUTOGRAD_LAB_PUBLIC_URL. ``server_address``
    and ``server_port``: Streamlit's ``browser.serverAddress``/``serverPort``,
    passed only when the operator set them. ``page_url``: the presenter's
    address (``st.context.url``); a non-loopback one is what students use too.
    On a loopback presenter: the LAN address of this machine (``lan_ip``, what
    Streamlit prints as its Network URL) with the server's ``port`` and
    ``base_path``, provided the server listens there (``listen_address``,
    Streamlit's ``server.address``; unset means every interface).
    """
    if public_url and (root := _clean_root(public_url)):
        return Root(root, PUBLIC)
    if server_address and not is_loopback(server_address.split("/")[0].split(":")[0]):
        host, _, path = server_address.strip().strip("/").partition("/")
        scheme = "https" if server_port == 443 else "http"
        root = f"{scheme}://{_host_port(host, server_port, scheme)}{_base_path(path)}"
        return Root(root, SERVER_ADDRESS)
    if not page_url:
        return Root(None, UNKNOWN)
    root = app_root_of(page_url, page_path)
    if root is None:
        return Root(None, UNKNOWN)
    if not is_loopback(urlsplit(root).hostname):
        return Root(root, PAGE)
    if is_loopback(listen_address):
        return Root(None, LOOPBACK_ONLY)
    if not _listens_everywhere(listen_address):
        # Bound to one address of its own: that is the one phones can reach.
        return Root(f"http://{_host_port(listen_address, port)}{_base_path(base_path)}", LAN)
    if not lan_ip or is_loopback(lan_ip):
        return Root(None, NO_LAN)
    return Root(f"http://{_host_port(lan_ip, port)}{_base_path(base_path)}", LAN)


def page_link(root: str, page_path: str, params: Mapping[str, str]) -> str:
    """The link to ``page_path`` under ``root`` with the students' share of ``params``.

    Values are percent-encoded, so the link is one opaque string whatever a
    parameter holds.
    """
    path = f"/{page_path}" if page_path else "/"
    return f"{root}{path}?{urlencode(student_params(params))}"


# Process-wide, like the figure caches: presenter view and /class redraw the same
# link's code on every rerun; a few links per class, bytes nobody changes.
@functools.lru_cache(maxsize=64)
def qr_png(link: str, scale: int = 6) -> bytes:
    """The QR code of ``link`` as PNG bytes, made locally (no network), once per link.

    Error correction M survives a projector's glare and a phone held at an
    angle; a 4-module quiet zone is what phone scanners expect. PNG, not SVG:
    every browser shows it at its pixel size and it scales without blur.
    """
    buffer = io.BytesIO()
    segno.make_qr(link, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
