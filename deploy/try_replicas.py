"""Try deploy/nginx.conf on loopback: two replicas behind nginx, sticky sessions.

    python deploy/try_replicas.py                 # ip_hash (the file as shipped)
    python deploy/try_replicas.py --mode cookie   # the sticky-cookie variant in the file
    python deploy/try_replicas.py --tabs 6

Starts two ``streamlit run dashboard.py`` replicas and an unprivileged nginx
(its own prefix in a temporary folder, ``daemon off``) whose site config is
``deploy/nginx.conf`` with only the replica ports and the listen address
changed. Then headless Chromium opens the gradients lesson through nginx in
several browser contexts (separate cookie jars, like separate students), moves
a slider (which needs the websocket through the proxy) and waits for the page
to rerun. nginx's access log (with ``$upstream_addr``) shows which replica
served each websocket. With ``ip_hash`` every loopback client lands on the
same replica; with the cookie variant each browser gets its own sticky key.

Needs nginx (``apt-get install -y nginx-light``); without it, it says so and
exits 0. Every process it starts is stopped at the end. Traffic: 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import (  # noqa: E402
    free_port,
    launch_chromium,
    slider_handle,
    start_server,
    wait_idle,
)

MAIN_CONF = """\
{user}
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    # The site's server writes its own log (deploy/nginx.conf's format, key hidden).
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


def site_conf(ports: list[int], listen: int, mode: str, log: Path | None = None) -> str:
    """deploy/nginx.conf with this run's ports, its access log at ``log`` (and
    the cookie lines enabled)."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    if log is not None:
        text = text.replace("/var/log/nginx/access.log", str(log))
    text = text.replace("127.0.0.1:8501", f"127.0.0.1:{ports[0]}")
    text = text.replace("127.0.0.1:8502", f"127.0.0.1:{ports[1]}")
    text = text.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    if mode == "cookie":
        text = text.replace("    ip_hash;\n", "    hash $autograd_lab_key consistent;\n")
        text = re.sub(r"(?m)^(\s*)# (map \$cookie_autograd_lab .*|    \"\" .*|    default \$cookie.*"
                      r"|}|add_header Set-Cookie .*)$", r"\1\2", text)
    return text


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as reply:
        return reply.status, reply.read().decode(errors="replace")


def find_nginx() -> str | None:
    """The nginx binary, or None when it is not installed."""
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                     else None)


@contextmanager
def nginx_in_front(ports: list[int], mode: str = "ip_hash",
                   edit: Callable[[str], str] | None = None):
    """deploy/nginx.conf on a free loopback port in front of the replicas on ``ports``.

    Yields ``(base_url, folder)``; nginx runs unprivileged with its prefix, logs
    (``folder/access.log``, ``folder/error.log``) and temporary files in
    ``folder``, and is stopped (and the folder removed) on exit. ``edit``, if
    given, changes the site configuration first (a test's shorter timeout).
    """
    nginx = find_nginx()
    if nginx is None:
        raise RuntimeError("nginx is not installed (apt-get install -y nginx-light)")
    tmp = Path(tempfile.mkdtemp(prefix="autograd-lab-nginx-"))
    proxy = None
    try:
        listen = free_port()
        site = site_conf(ports, listen, mode, log=tmp / "access.log")
        (tmp / "site.conf").write_text(edit(site) if edit else site)
        # As root, nginx's workers would switch to "nobody", who cannot write here.
        user = "user root;" if os.geteuid() == 0 else ""
        (tmp / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp, user=user))
        args = ["-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
        check = subprocess.run([nginx, "-t", *args], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx -t failed: {check.stderr}")
        proxy = subprocess.Popen([nginx, *args])
        base = f"http://127.0.0.1:{listen}"
        deadline = time.monotonic() + 20
        while True:
            try:
                get(f"{base}/_stcore/health")
                break
            except OSError:
                if time.monotonic() > deadline or proxy.poll() is not None:
                    raise
                time.sleep(0.2)
        yield base, tmp
    finally:
        if proxy is not None:
            proxy.send_signal(signal.SIGQUIT)  # graceful stop of the nginx we started
            try:
                proxy.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proxy.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("ip_hash", "cookie"), default="ip_hash")
    parser.add_argument("--tabs", type=int, default=4, help="browser contexts (students)")
    args = parser.parse_args()
    if find_nginx() is None:
        print("nginx is not installed (apt-get install -y nginx-light); nothing tried.")
        return 0

    replicas = []
    try:
        replicas = [start_server() for _ in range(2)]
        ports = [int(url.rsplit(":", 1)[1]) for _, url in replicas]
        with nginx_in_front(ports, args.mode) as (base, tmp):
            return _visit(base, tmp, ports, args)
    finally:
        for proc, _ in replicas:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def _visit(base: str, tmp: Path, ports: list[int], args) -> int:
    """Open the gradients lesson through nginx in several browser contexts; print the table."""
    from playwright.sync_api import sync_playwright

    status, body = get(f"{base}/_stcore/health")
    print(f"health through nginx: {status} {body!r}")
    print(f"replicas on ports {ports}, nginx at {base}, mode {args.mode}")
    results = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for i in range(args.tabs):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            started = time.monotonic()
            page.goto(f"{base}/gradients?lang=en", wait_until="domcontentloaded")
            page.wait_for_selector("h1", timeout=90_000)
            wait_idle(page, timeout=90_000)
            loaded = time.monotonic() - started
            slider_handle(page, "a1").focus()
            page.keyboard.press("ArrowRight")
            page.wait_for_function("() => location.search.includes('a1=2.1')",
                                   timeout=60_000)
            wait_idle(page, timeout=60_000)
            errors = page.locator("[data-testid='stException']").count()
            cookies = {c["name"]: c["value"] for c in context.cookies()}
            results.append((i, loaded, "a1=2.1" in page.url, errors,
                            cookies.get("autograd_lab", "")))
            context.close()
        browser.close()
    time.sleep(0.5)  # let nginx write the access log
    log = (tmp / "access.log").read_text() if (tmp / "access.log").exists() else ""
    streams = re.findall(r'"GET /_stcore/stream \S+" \d+ .* upstream=(\S+)$', log, flags=re.M)
    print()
    print("| student | page loaded | slider moved, page reran | exceptions | cookie key |")
    print("|---|---|---|---|---|")
    for i, loaded, moved, errors, key in results:
        print(f"| {i + 1} | {loaded * 1000:.0f} ms | {'yes' if moved else 'NO'} | {errors} "
              f"| {key[:8] or '—'} |")
    print()
    print("websockets per replica (nginx access log):",
          dict(Counter(streams)) or "none logged")
    ok = all(moved and errors == 0 for _, _, moved, errors, _ in results) and streams
    print("result:", "OK, pages and websockets work through nginx" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
