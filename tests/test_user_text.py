"""components/ui/user_text.py: user text is shown as typed, never interpreted.

These tests check the markdown that ``literal`` writes against CommonMark's
code-span rules; tests/test_browser_user_text.py checks what Streamlit's own
renderer shows in Chromium.
"""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.ui.i18n import CATALOGS
from components.ui.schema import MAX_RAW_LENGTH
from components.ui.user_text import DEFAULT_LIMIT, ELLIPSIS, literal, plain, plotly_text
from tests.hostile import MARKERS, PAYLOADS, code_spans, shown_in_span

# Any text, including backticks, spaces, newlines and direction marks.
any_text = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("` \n\\$:"),
                   max_size=60)


def test_corpus_fits_a_url_value_and_carries_a_marker():
    for name, payload in PAYLOADS.items():
        assert len(payload.strip()) <= MAX_RAW_LENGTH, name
        assert any(marker in payload for marker in MARKERS), name


def test_markers_are_in_no_catalogue_sentence():
    for lang, catalog in CATALOGS.items():
        for key, sentence in catalog.items():
            assert not any(m in sentence for m in MARKERS), (lang, key)


@pytest.mark.parametrize("name", PAYLOADS)
def test_literal_is_one_code_span_showing_the_plain_text(name):
    payload = PAYLOADS[name]
    spans, outside = code_spans(literal(payload))
    assert outside == ""
    assert [shown_in_span(s) for s in spans] == [plain(payload)]


@given(any_text)
def test_literal_round_trips_any_text(text):
    spans, outside = code_spans(literal(text))
    if plain(text) == "":
        assert spans == [] and outside == ""
    else:
        assert outside == ""
        assert [shown_in_span(s) for s in spans] == [plain(text)]


@given(any_text, any_text)
def test_two_values_in_one_sentence_stay_apart(first, second):
    sentence = f"a = {literal(first)}, b = {literal(second)}."
    spans, outside = code_spans(sentence)
    assert [shown_in_span(s) for s in spans] == [p for p in (plain(first), plain(second)) if p]
    assert outside.replace(" ", "") == "a=,b=."


def test_fence_is_longer_than_any_backtick_run():
    assert literal("x") == "` x `"
    assert literal("`") == "`` ` ``"
    assert literal("a``b`") == "``` a``b` ```"
    assert literal("   ") == "`   `"  # all spaces: CommonMark strips nothing
    assert literal("") == ""


def test_material_icon_syntax_is_kept_as_typed():
    # Streamlit rewrites ":material/" everywhere in the source, code spans too.
    assert ":material/" not in literal(":material/home:")
    assert shown_in_span(code_spans(literal(":material/home:"))[0][0]) == ":material/home:"


@pytest.mark.parametrize("mark", ["\u202e", "\u2066", "\u200f", "\u200b", "\n", "\r", "\t", "\x00",
                                  "\u2028", "\ufeff"])
def test_plain_shows_invisible_and_direction_characters_as_codes(mark):
    shown = plain(f"ab{mark}cd")
    assert mark not in shown
    assert shown == f"ab<U+{ord(mark):04X}>cd"


@given(any_text)
def test_plain_is_one_bounded_line_without_invisible_characters(text):
    shown = plain(text)
    assert len(shown) <= DEFAULT_LIMIT
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in shown)


def test_plain_keeps_ordinary_text_and_cuts_long_text():
    assert plain("기울기 a.grad = 36") == "기울기 a.grad = 36"
    assert plain("x" * 100, limit=10) == "x" * 9 + ELLIPSIS


@pytest.mark.parametrize("name", PAYLOADS)
def test_plotly_text_has_no_live_html(name):
    shown = plotly_text(PAYLOADS[name])
    assert "<" not in shown and ">" not in shown
    # Every & starts an entity that html.unescape turns back into the plain text.
    import html

    assert html.unescape(shown) == plain(PAYLOADS[name])


def test_catalogue_sentences_pair_their_dollar_signs():
    # literal() relies on it: an unpaired $ before a code span could open
    # KaTeX maths that ends inside the user's text.
    for lang, catalog in CATALOGS.items():
        for key, sentence in catalog.items():
            _, outside = code_spans(sentence)
            assert len(re.findall(r"(?<!\\)\$", outside)) % 2 == 0, (lang, key)
