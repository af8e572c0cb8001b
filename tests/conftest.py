"""Import torch once for the whole session (~3 s) and serve the app for browser tests."""

import os

import pytest
import torch  # noqa: F401  (warm import: AppTest runs would each pay for it otherwise)

from tests.support import launch_chromium, served

# Under pytest-xdist two workers, their servers and Chromium share the cores:
# torch's spinning intra-op threads then fight each other (docs/hosting.md §6
# measured up to 10× slower). One thread per process, for the workers and for
# the servers they start (which inherit the environment).
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    torch.set_num_threads(1)


@pytest.fixture(scope="session", autouse=True)
def class_database(tmp_path_factory):
    """One class database per test process (per xdist worker), not the checkout's
    ``data/classes.sqlite3``: AppTest pages and the served apps of this process
    share it; parallel workers never touch each other's. A test that needs its own
    database still sets ``AUTOGRAD_LAB_DB`` itself (the ``store`` fixture)."""
    from components.storage.class_store import ENV_URL

    if os.environ.get(ENV_URL):  # chosen by whoever runs the tests: keep it
        yield os.environ[ENV_URL]
        return
    url = f"sqlite:///{tmp_path_factory.mktemp('class-db') / 'classes.sqlite3'}"
    os.environ[ENV_URL] = url
    try:
        yield url
    finally:
        os.environ.pop(ENV_URL, None)


@pytest.fixture(scope="session")
def server_url():
    """The dashboard served by a real ``streamlit run`` on loopback."""
    with served() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ko-KR")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the whole test session (fails, never skips, if it can't start)."""
    from tests.pg_server import PostgresServer

    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty class-mode database: an SQLite file, or a new database on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'classes.sqlite3'}"
        return
    yield request.getfixturevalue("postgres_server").new_database()


@pytest.fixture
def store_options():
    """Extra ``ClassStore`` arguments for ``store``; a module overrides it (e.g. a clock)."""
    return {}


@pytest.fixture
def clock():
    """A wall clock the test moves by hand (a module's ``store_options`` may give it to the store)."""
    from tests.support import Clock

    return Clock()


@pytest.fixture
def store(db_url, monkeypatch, store_options):
    """A fresh class database that the pages open (``AUTOGRAD_LAB_DB``), and a
    ``ClassStore`` on it for the test's own checks."""
    from components.storage.class_store import ClassStore

    monkeypatch.setenv("AUTOGRAD_LAB_DB", db_url)
    store = ClassStore(db_url, **store_options)
    yield store
    store.dispose()
