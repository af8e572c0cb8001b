"""Write deploy/nginx-https.conf: deploy/nginx.conf with the HTTPS recipe applied.

    python deploy/make_https_conf.py          # after any change to nginx.conf

The recipe (docs/hosting.md §11): the site moves to ``listen 443 ssl`` with a
certificate, port 80 only redirects to it, and HSTS joins the security
headers. Everything else is nginx.conf's, line for line, so the two files
cannot drift apart: tests/test_nginx_https.py fails when the shipped file is
not what this script writes, and runs it behind a real nginx with a
self-signed certificate.
"""

from __future__ import annotations

import sys
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
HEADER_END = "# resume; any other replica would start the page over.\n"

HTTPS_HEADER = """# deploy/nginx.conf for HTTPS: the same site on port 443 with a certificate,
# and port 80 answering only with a redirect to it (docs/hosting.md §11).
#
# Replace every lab.example.edu below with the server's name, get a
# certificate for it (Let's Encrypt: `sudo certbot certonly --webroot -w
# /var/www/certbot -d lab.example.edu`; or the institution's certificate and
# key at the two ssl_certificate paths), then drop this file into
# /etc/nginx/conf.d/ INSTEAD of nginx.conf and `nginx -t && nginx -s reload`.
# Everything else (replicas, limits, logs without the key, security headers)
# is nginx.conf's, line for line: tests/test_nginx_https.py keeps them equal.
"""

PLAIN_SERVER = """server {
    listen 80;
    server_name _;
"""

HTTPS_SERVERS = """# Port 80 answers only with a redirect to HTTPS (and, for certbot's renewals,
# its challenge files). A link typed as http:// still works, once redirected.
server {
    listen 80;
    server_name lab.example.edu;
    server_tokens off;
    access_log /var/log/nginx/access.log autograd_lab;

    location /.well-known/acme-challenge/ {
        root /var/www/certbot;
    }
    location / {
        return 301 https://$host$request_uri;
    }
}

server {
    listen 443 ssl;
    server_name lab.example.edu;

    # Let's Encrypt's files (certbot renews them; reload nginx afterwards,
    # which certbot's deploy hook or its nginx plugin does), or the
    # institution's certificate (the full chain) and its key.
    ssl_certificate     /etc/letsencrypt/live/lab.example.edu/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/lab.example.edu/privkey.pem;
    # TLS 1.2 and 1.3 only; nginx's default ciphers for them are sound.
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_session_cache shared:autograd_lab_tls:10m;
    ssl_session_timeout 1d;
"""

HSTS_AFTER = """    add_header Permissions-Policy "camera=(), microphone=(), geolocation=(), payment=(), usb=()" always;
"""

HSTS = """    # HTTPS only, for a year, from the browser's first visit on: no one on the
    # room's Wi-Fi can read or change the pages or the key in transit. Only
    # this host (no includeSubDomains: other hosts of the institution may
    # still need plain HTTP). Add it once HTTPS works: browsers remember it.
    add_header Strict-Transport-Security "max-age=31536000" always;
"""


def https_conf(plain: str) -> str:
    """The HTTPS recipe applied to deploy/nginx.conf's text."""
    head, rest = plain.split(HEADER_END, 1)
    assert rest.count(PLAIN_SERVER) == 1 and rest.count(HSTS_AFTER) == 1
    rest = rest.replace(PLAIN_SERVER, HTTPS_SERVERS).replace(HSTS_AFTER, HSTS_AFTER + HSTS)
    return HTTPS_HEADER + rest


def main() -> int:
    target = DEPLOY / "nginx-https.conf"
    target.write_text(https_conf((DEPLOY / "nginx.conf").read_text()))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
