"""Hosting: the private-flag workaround of components/ui/layout.py stays honest.

The end-to-end check (a fresh server's first request to a lesson goes through
``dashboard.py``) is tests/test_browser.py; these fail fast, without a browser,
when a Streamlit upgrade changes the ground the workaround stands on.
"""

from __future__ import annotations

import streamlit as st

from components.ui.layout import (
    PAGES_FLAG_VERIFIED,
    pages_folder_flag_applies,
    streamlit_version,
)
from tests.support import ROOT


def test_streamlit_is_a_version_the_pages_folder_workaround_was_verified_on():
    low, high = PAGES_FLAG_VERIFIED
    assert low <= streamlit_version() < high, (
        f"Streamlit {st.__version__} is outside {PAGES_FLAG_VERIFIED}: run "
        "tests/test_browser.py::test_first_request_of_a_fresh_server_to_a_lesson_uses_the_router "
        "and, if it passes, widen PAGES_FLAG_VERIFIED in components/ui/layout.py")
    assert pages_folder_flag_applies()


def test_a_fresh_server_still_starts_in_the_legacy_pages_mode():
    """If this fails, Streamlit no longer needs the flip: remove the workaround."""
    from streamlit.runtime.pages_manager import PagesManager

    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = None  # as in a freshly started server
        PagesManager(str(ROOT / "dashboard.py"))
        assert PagesManager.uses_pages_directory is True, (
            "Streamlit no longer enters its pages/ mode at start-up: "
            "_leave_pages_folder_mode in components/ui/layout.py can go")
    finally:
        PagesManager.uses_pages_directory = saved


def test_the_version_parser_reads_release_and_pre_release_strings(monkeypatch):
    for text, expected in (("1.67.0", (1, 67)), ("1.70.0rc1", (1, 70)), ("2.0", (2, 0)),
                           ("1.8", (1, 8))):
        monkeypatch.setattr(st, "__version__", text)
        assert streamlit_version() == expected


def _compose_nginx_conf() -> str:
    """deploy/nginx.conf as the compose file's nginx service rewrites it at start-up."""
    import re
    import subprocess

    compose = (ROOT / "deploy" / "docker-compose.yml").read_text()
    expressions = re.findall(r"-e '([^']+)'", compose)
    assert len(expressions) == 2, expressions
    return subprocess.run(["sed", *[arg for e in expressions for arg in ("-e", e)],
                           str(ROOT / "deploy" / "nginx.conf")],
                          capture_output=True, text=True, check=True).stdout


def test_compose_points_nginx_at_every_replica_and_the_replicas_at_postgres():
    import re

    conf = _compose_nginx_conf()
    upstream = re.search(r"upstream autograd_lab \{(.*?)\}", conf, flags=re.S).group(1)
    servers = re.findall(r"^\s*server (\S+)", upstream, flags=re.M)
    assert servers == ["app:8501"]  # Docker's DNS name of all replicas
    compose = (ROOT / "deploy" / "docker-compose.yml").read_text()
    url = re.search(r'AUTOGRAD_LAB_DB: "([^"]+)"', compose).group(1)
    assert url.startswith("postgresql+psycopg://lab:") and url.endswith("@db:5432/autograd_lab")
    assert "POSTGRES_USER: lab" in compose and "POSTGRES_DB: autograd_lab" in compose


def test_the_rewritten_nginx_conf_is_valid_nginx(tmp_path):
    import shutil
    import subprocess
    from pathlib import Path

    import pytest

    nginx = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
    if nginx is None:
        pytest.skip("nginx is not installed")
    # `app` only resolves inside Docker's network; the syntax is what is checked here.
    site = _compose_nginx_conf().replace("app:8501", "127.0.0.1:8501").replace(
        "/var/log/nginx/access.log", str(tmp_path / "access.log"))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{ access_log off; client_body_temp_path {tmp_path}/b; "
        f"proxy_temp_path {tmp_path}/p; fastcgi_temp_path {tmp_path}/f; "
        f"uwsgi_temp_path {tmp_path}/u; scgi_temp_path {tmp_path}/s; "
        f"include {tmp_path}/site.conf; }}\n")
    check = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                            "-e", str(tmp_path / "error.log")], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def _dockerfile_instructions() -> list[tuple[str, str]]:
    """The Dockerfile as (INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    import re

    text = (ROOT / "Dockerfile").read_text()
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    text = re.sub(r"\\\n", " ", text)
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line.strip() else "")
            for line in text.splitlines() if line.strip()]


def test_the_image_runs_as_a_user_who_cannot_rewrite_the_code():
    """The code is root's and read-only to the runtime user; only /app/data is its own."""
    import re

    steps = _dockerfile_instructions()
    users = [args.strip() for op, args in steps if op == "USER"]
    assert users and users[-1] not in ("root", "0", "0:0"), users
    runtime = users[-1]
    # Nothing copied into the image is handed to the runtime user...
    for op, args in steps:
        if op in ("COPY", "ADD"):
            assert "--chown" not in args and "--chmod" not in args, args
    # ...and the only folder it is given is the data folder, private to it.
    runs = " && ".join(args for op, args in steps if op == "RUN")
    chowns = re.findall(r"chown\s+(?:-\w+\s+)*(\S+)\s+(\S+)", runs)
    assert chowns == [], chowns  # no chown at all: `install -d -o` creates the one folder
    made = re.findall(r"install -d -o (\S+) -g \S+ -m (\d+) (\S+)", runs)
    assert made == [(runtime, "0700", "/app/data")], made
    # The code's permissions: writable by its owner (root) only.
    assert re.search(r"chmod -R u=rwX,go=rX /app\b", runs)
    # The code is copied before the switch to the runtime user: root owns it.
    order = [op for op, _ in steps]
    assert max(i for i, op in enumerate(order) if op == "COPY") < order.index("USER")
    # Where the app writes: its data folder (class_store.DATA_DIR) and the torch cache.
    from components.storage.class_store import DATA_DIR

    assert DATA_DIR == ROOT / "data"
    torch_home = re.search(r"TORCH_HOME=(\S+)", " ".join(a for op, a in steps if op == "ENV"))
    assert torch_home and not torch_home.group(1).startswith("/app"), torch_home


def _compose_references(text: str) -> list[tuple[str, str, str]]:
    """Every ``${NAME<modifier>word}`` of a Compose file as (NAME, modifier, word)."""
    import re

    return re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}", text)


def test_compose_refuses_to_start_without_a_database_password():
    """``${POSTGRES_PASSWORD:?message}``: Compose stops with the message when it is
    unset or empty (Compose's interpolation rules); no default password anywhere."""
    compose = (ROOT / "deploy" / "docker-compose.yml").read_text()
    body = "\n".join(line for line in compose.splitlines() if not line.lstrip().startswith("#"))
    uses = [(modifier, word) for name, modifier, word in _compose_references(body)
            if name == "POSTGRES_PASSWORD"]
    assert len(uses) == 2, uses  # the database's own setting and the replicas' URL
    for modifier, word in uses:
        assert modifier == ":?" and "POSTGRES_PASSWORD" in word, (modifier, word)
    assert "change-me" not in compose
    # The other variables keep their defaults (replicas, port, weights).
    defaults = {name: word for name, modifier, word in _compose_references(body)
                if modifier == ":-"}
    assert defaults == {"WEIGHTS": "0", "REPLICAS": "2", "PORT": "80"}, defaults


# --- The Korean instructors' documents (README.ko.md, docs/hosting.ko.md) ------------------

KOREAN_DOCS = {"README.ko.md": "README.md", "docs/hosting.ko.md": "docs/hosting.md"}


def _without_code_blocks(text: str) -> str:
    import re

    return re.sub(r"```.*?```", "", text, flags=re.S)


def _links(path: str) -> list[str]:
    """The targets of the markdown links in ``path`` (relative to the repository)."""
    import re

    return re.findall(r"\]\(([^)\s]+)\)", (ROOT / path).read_text())


def _github_anchor(heading: str) -> str:
    """GitHub's id for a heading: lower case, punctuation dropped, spaces to hyphens."""
    import re

    text = heading.strip().lower().replace("`", "")
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def test_the_korean_documents_exist_and_link_both_ways():
    for korean, english in KOREAN_DOCS.items():
        assert (ROOT / korean).exists(), korean
        name_ko, name_en = korean.rsplit("/", 1)[-1], english.rsplit("/", 1)[-1]
        # The English document points to the Korean one at its top, and back.
        top = "\n".join((ROOT / english).read_text().splitlines()[:5])
        assert f"]({name_ko})" in top, (english, top)
        top_ko = "\n".join((ROOT / korean).read_text().splitlines()[:5])
        assert f"]({name_en})" in top_ko, (korean, top_ko)
    assert "docs/hosting.ko.md" in _links("README.ko.md")
    assert "../README.ko.md" in _links("docs/hosting.ko.md")


def test_every_link_of_the_korean_documents_leads_somewhere():
    """Relative files exist, and a #section of an English document is one of its headings."""
    import re

    for korean in KOREAN_DOCS:
        folder = (ROOT / korean).parent
        for target in _links(korean):
            if target.startswith(("http://", "https://")):
                continue
            path, _, anchor = target.partition("#")
            file = (folder / path).resolve() if path else ROOT / korean
            assert file.exists(), (korean, target)
            if anchor:
                headings = re.findall(r"^#+ (.+)$", _without_code_blocks(file.read_text()),
                                      flags=re.M)
                assert anchor in {_github_anchor(h) for h in headings}, (korean, target)


def test_the_korean_documents_name_only_make_targets_variables_and_files_that_exist():
    import re

    from streamlit import config as streamlit_config

    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M))
    code = "\n".join(p.read_text() for folder in ("components", "pages")
                     for p in (ROOT / folder).rglob("*.py")) + (ROOT / "dashboard.py").read_text()
    compose = (ROOT / "deploy" / "docker-compose.yml").read_text()
    for korean in KOREAN_DOCS:
        text = (ROOT / korean).read_text()
        makes = set(re.findall(r"\bmake ([a-z][a-z-]*)", text))
        assert makes <= targets, (korean, makes - targets)
        if korean == "README.ko.md":
            assert {"run", "test"} <= makes  # the quick start
        for name in set(re.findall(r"\bAUTOGRAD_LAB_[A-Z_]+", text)):
            assert f'"{name}"' in code, (korean, name)  # read by the app under this name
        for name in set(re.findall(r"\bSTREAMLIT_([A-Z_]+)", text)):
            # Streamlit reads STREAMLIT_SERVER_PORT as server.port, and so on.
            section, _, option = name.lower().partition("_")
            camel = re.sub(r"_(\w)", lambda m: m.group(1).upper(), option)
            streamlit_config.get_option(f"{section}.{camel}")  # raises for an unknown option
        for name in set(re.findall(r"\bPOSTGRES_[A-Z_]+", text)):
            assert name in compose, (korean, name)
        # Repository files named in backticks exist.
        for path in set(re.findall(r"`((?:deploy|docs|tests|components|pages|bench|scripts)/"
                                   r"[\w./-]+|[\w-]+\.(?:py|md|txt|toml))`", text)):
            assert (ROOT / path).exists(), (korean, path)


def test_the_korean_documents_are_written_in_korean():
    """Mostly Hangul outside code: not an English page with a Korean title."""
    import re

    for korean in KOREAN_DOCS:
        prose = re.sub(r"`[^`]*`|\]\([^)]*\)", "", _without_code_blocks((ROOT / korean).read_text()))
        hangul = len(re.findall(r"[\uac00-\ud7a3]", prose))
        latin = len(re.findall(r"[A-Za-z]", prose))
        assert hangul > 2 * latin, (korean, hangul, latin)


def test_the_korean_documents_use_the_apps_words():
    """One word per idea, as in the catalogue: a lesson is a 단원, the projector view is the
    발표 화면, and the labels the README quotes are the ones on the screen."""
    from components.ui.i18n import t

    for korean in KOREAN_DOCS:
        text = (ROOT / korean).read_text()
        for variant in ("레슨", "프레젠터", "계획 다시 쓰기"):
            assert variant not in text, (korean, variant)
    readme = (ROOT / "README.ko.md").read_text()
    for key in ("plan.reuse_title", "plan.add", "plan.export_title", "follow.toggle",
                "class.report.download", "plan.open"):
        assert f"‘{t(key, 'ko')}’" in readme or f"**{t(key, 'ko')}**" in readme, key
