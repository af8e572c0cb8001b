"""Hostile URL values on every page: shown only as literal text.

Generic over the app: every page (home and ``components.ui.pages.LESSONS``)
and every control of ``components.ui.schema.controls_for(page)`` plus
``lang``, so lessons and controls added later are covered without a change
here. Each page gets every payload of tests/hostile.py, several parameters at
once (one run per group), and ``lang`` gets one payload on every page.
"""

import math

import pytest

from components.ui.pages import HOME, LESSONS
from components.ui.schema import LANG, controls_for, parse
from components.ui.user_text import literal
from tests.hostile import PAYLOADS, literal_problems
from tests.support import assert_no_exception, run_page

PAGES = [HOME[0], *(slug for slug, _ in LESSONS)]
NAMES = list(PAYLOADS)


def payload_groups(page: str) -> list[dict[str, str]]:
    """Queries that together put every payload on the page, each parameter a different one.

    The home page has no control of its own, so its payloads go to ``lang``.
    """
    params = [c.name for c in controls_for(page)] or [LANG.name]
    runs = math.ceil(len(NAMES) / len(params))
    return [{name: NAMES[(run * len(params) + i) % len(NAMES)] for i, name in enumerate(params)}
            for run in range(runs)]


def _check(page: str, query: dict[str, str], lang: str | None) -> None:
    at = run_page(page, {name: PAYLOADS[key] for name, key in query.items()}, lang=lang)
    assert_no_exception(at)
    problems = literal_problems(at, [PAYLOADS[key] for key in query.values()])
    assert not problems, "\n".join(problems)
    # Not vacuous: every schema control that refuses the value repeats it, literally.
    warnings = "\n".join(w.value for w in at.warning)
    controls = {c.name: c for c in (LANG, *controls_for(page))}
    for name, key in query.items():
        parsed = parse(controls[name], PAYLOADS[key])
        if parsed.problem and parsed.raw:
            assert literal(parsed.raw) in warnings, (name, key)


@pytest.mark.parametrize("page", PAGES)
def test_every_payload_on_the_page_stays_literal(page):
    for number, query in enumerate(payload_groups(page)):
        _check(page, query, lang=None if LANG.name in query else ("en", "ko")[number % 2])


@pytest.mark.parametrize("page", PAGES)
def test_payload_in_the_language_parameter_stays_literal(page):
    _check(page, {LANG.name: "backtick_then_link"}, lang=None)


def test_groups_cover_every_payload_and_every_parameter():
    for page in PAGES:
        groups = payload_groups(page)
        assert {key for query in groups for key in query.values()} == set(NAMES), page
        params = {c.name for c in controls_for(page)} or {LANG.name}
        assert all(set(query) == params for query in groups), page
