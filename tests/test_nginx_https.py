"""deploy/nginx-https.conf: nginx.conf with the HTTPS recipe applied, and it works.

A self-signed certificate made here with ``openssl`` stands in for Let's
Encrypt's; nginx runs unprivileged on loopback in front of a one-line Streamlit
page (tests/apps/idle_probe.py), as in tests/test_nginx_limits.py.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import ssl
import subprocess
import time

import pytest

from deploy.make_https_conf import https_conf
from deploy.try_replicas import MAIN_CONF, find_nginx
from tests.support import ROOT, free_port, served

pytestmark = [
    pytest.mark.browser,  # serves an app and starts nginx: not part of `make test-fast`
    pytest.mark.skipif(find_nginx() is None or shutil.which("openssl") is None,
                       reason="nginx or openssl not installed (make browser-deps)"),
    pytest.mark.xdist_group("nginx_https"),
]

HOST = "lab.example.edu"


def test_the_shipped_https_conf_is_nginx_conf_with_the_recipe():
    """Regenerate with `python deploy/make_https_conf.py` after changing nginx.conf."""
    shipped = (ROOT / "deploy" / "nginx-https.conf").read_text()
    assert shipped == https_conf((ROOT / "deploy" / "nginx.conf").read_text())
    assert "listen 443 ssl;" in shipped and "return 301 https://$host$request_uri;" in shipped
    assert 'Strict-Transport-Security "max-age=31536000" always' in shipped


@pytest.fixture(scope="module")
def https_proxy(tmp_path_factory):
    """nginx-https.conf on two free loopback ports (for 80 and 443), a
    self-signed certificate for lab.example.edu; yields (http port, https port,
    the certificate's path)."""
    tmp = tmp_path_factory.mktemp("nginx-https")
    cert, key = tmp / "fullchain.pem", tmp / "privkey.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    with served("tests/apps/idle_probe.py") as url:
        upstream = url.rsplit(":", 1)[1]
        plain_port, tls_port = free_port(), free_port()
        site = (ROOT / "deploy" / "nginx-https.conf").read_text()
        for old, new in ((f"/etc/letsencrypt/live/{HOST}/fullchain.pem", str(cert)),
                         (f"/etc/letsencrypt/live/{HOST}/privkey.pem", str(key)),
                         ("/var/log/nginx/access.log", str(tmp / "access.log")),
                         ("/var/www/certbot", str(tmp / "certbot")),
                         ("127.0.0.1:8501", f"127.0.0.1:{upstream}"),
                         ("127.0.0.1:8502", f"127.0.0.1:{upstream}"),
                         ("listen 80;", f"listen 127.0.0.1:{plain_port};"),
                         ("listen 443 ssl;", f"listen 127.0.0.1:{tls_port} ssl;")):
            assert old in site, old
            site = site.replace(old, new)
        (tmp / "site.conf").write_text(site)
        user = "user root;" if os.geteuid() == 0 else ""
        (tmp / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp, user=user))
        args = ["-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
        check = subprocess.run([find_nginx(), "-t", *args], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        proxy = subprocess.Popen([find_nginx(), *args])
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    http.client.HTTPConnection("127.0.0.1", plain_port, timeout=2).connect()
                    break
                except OSError:
                    assert time.monotonic() < deadline and proxy.poll() is None
                    time.sleep(0.2)
            yield plain_port, tls_port, cert
        finally:
            proxy.send_signal(signal.SIGQUIT)  # graceful stop of the nginx we started
            try:
                proxy.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proxy.kill()


def _trusting(cert) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(cert))
    context.check_hostname = False  # we connect to 127.0.0.1, the certificate names the host
    return context


def test_plain_http_only_redirects_to_https(https_proxy):
    plain_port, _, _ = https_proxy
    connection = http.client.HTTPConnection("127.0.0.1", plain_port, timeout=10)
    connection.request("GET", "/gradients?lang=ko", headers={"Host": HOST})
    reply = connection.getresponse()
    assert reply.status == 301
    assert reply.getheader("Location") == f"https://{HOST}/gradients?lang=ko"
    assert reply.getheader("Server") == "nginx"


def test_https_serves_the_app_with_hsts_and_the_security_headers(https_proxy):
    _, tls_port, cert = https_proxy
    connection = http.client.HTTPSConnection("127.0.0.1", tls_port, timeout=10,
                                             context=_trusting(cert))
    connection.request("GET", "/class?class=ABC&key=SECRET")
    reply = connection.getresponse()
    reply.read()
    assert reply.status == 200
    assert reply.getheader("Strict-Transport-Security") == "max-age=31536000"
    assert "frame-ancestors 'self'" in reply.getheader("Content-Security-Policy")
    assert reply.getheader("Server") == "nginx"
    assert connection.sock.version() in ("TLSv1.2", "TLSv1.3")
    connection.close()


def test_the_websocket_opens_over_tls(https_proxy):
    from websockets.sync.client import connect

    _, tls_port, cert = https_proxy
    base = f"127.0.0.1:{tls_port}"
    with connect(f"wss://{base}/_stcore/stream", origin=f"https://{base}",
                 ssl=_trusting(cert)) as socket:
        assert socket.ping().wait(10)  # the pong came back through nginx
