"""Both catalogues hold the same keys and placeholders; pages hard-code no prose."""

import ast
import re
import string
from pathlib import Path

import pytest

from components.plural import PLURAL, fill
from components.ui.i18n import CATALOGS, t

ROOT = Path(__file__).resolve().parents[1]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _fields(text: str) -> set[str]:
    # {n|one|other} (English plurals) counts as {n} plus the fields inside its forms.
    text = PLURAL.sub(lambda m: "{%s}%s%s" % m.groups(), text)
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_same_keys_in_both_languages():
    assert set(CATALOGS["ko"]) == set(CATALOGS["en"])


def test_same_placeholders_and_no_empty_text():
    for key, ko_text in CATALOGS["ko"].items():
        en_text = CATALOGS["en"][key]
        assert ko_text.strip() and en_text.strip(), key
        assert _fields(ko_text) == _fields(en_text), key


def test_english_catalogue_has_no_korean_except_the_language_names():
    for key, text in CATALOGS["en"].items():
        if key in ("lang.label", "lang.ko"):
            continue
        assert not HANGUL.search(text), key


def test_korean_catalogue_is_korean():
    prose = [k for k, v in CATALOGS["ko"].items() if len(v) > 40]
    assert prose
    for key in prose:
        assert HANGUL.search(CATALOGS["ko"][key]), key


def test_glossary_terms():
    korean = "\n".join(CATALOGS["ko"].values())
    assert "변화도" not in korean  # one word for gradient throughout: 기울기
    assert "학습률" in korean and "모멘텀" in korean


def test_missing_key_shows_the_key_not_a_crash():
    assert t("no.such.key", "ko") == "no.such.key"


def test_pages_hold_no_user_facing_prose():
    """Text lives in the catalogues: a page's string literals are keys or code."""
    for path in sorted((ROOT / "pages").glob("*.py")) + [ROOT / "dashboard.py"]:
        tree = ast.parse(path.read_text())
        docstring_nodes = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in docstring_nodes:
                    continue
                assert not HANGUL.search(node.value), (path.name, node.value)
                # Three words in a row is a sentence; LaTeX and f-string pieces are not.
                sentence = re.search(r"[A-Za-z]{2,}( [A-Za-z]{2,}){2,}", node.value)
                assert not sentence or "\\" in node.value, (path.name, node.value)


# --- English singular forms (issue 27) ---------------------------------------------------

# Nouns counted by a placeholder somewhere in the English catalogue (plural: singular).
COUNTED = {"steps": "step", "calls": "call", "times": "time", "answers": "answer",
           "students": "student", "guesses": "guess", "points": "point", "tensors": "tensor",
           "nodes": "node", "hours": "hour", "seconds": "second", "runs": "run",
           "threads": "thread", "numbers": "number", "levels": "level", "characters": "character",
           "parts": "part", "momenta": "momentum"}
# Placeholders before such a noun that hold no count (a ratio, a size): "4232 times faster".
NOT_COUNTS = {"speedup", "ratio_low", "ratio_high", "mu", "size", "value", "full", "frozen"}
# A placeholder, perhaps one of the words the catalogue puts between, then a counted noun.
BETWEEN = r"(?:(?:backward\(\)|backward|parameter|CPU|finite|real SGD) )?"
RAW_COUNT = re.compile(r"\{(\w+)\} " + BETWEEN + "(" + "|".join(COUNTED) + r")\b")


def _plural_keys() -> list[str]:
    return [k for k, v in CATALOGS["en"].items() if PLURAL.search(v)]


def test_every_english_count_chooses_its_singular():
    """A count placeholder before a counted noun goes through {n|one|other}."""
    for key, text in CATALOGS["en"].items():
        bare = PLURAL.sub("", text)  # what is left once every choice is taken out
        for match in RAW_COUNT.finditer(bare):
            assert match.group(1) in NOT_COUNTS, (key, match.group(0))
        assert "(s)" not in text, key
    assert len(_plural_keys()) >= 40


def test_korean_needs_no_plural_forms():
    for key, text in CATALOGS["ko"].items():
        assert not PLURAL.search(text), key


@pytest.mark.parametrize("key", _plural_keys())
def test_counts_1_and_2_read_right_in_english(key):
    text = CATALOGS["en"][key]
    counts = {m.group(1) for m in PLURAL.finditer(text)}
    singular = "|".join(COUNTED.values())
    plural = "|".join(COUNTED)
    for name in counts:
        values = {f: "X" for f in _fields(text)}
        values.update({c: 2 for c in counts})
        values[name] = 1
        one = t(key, "en", **values)
        assert "{" not in one and "|" not in one, one
        assert not re.search(rf"\b1 {BETWEEN}(?:{plural})\b", one), one
        values[name] = 2
        two = t(key, "en", **values)
        assert not re.search(rf"\b2 {BETWEEN}(?:{singular})\b", two), two
        # Already formatted numbers count too: "1" is one.
        values[name] = "1"
        assert t(key, "en", **values) == one


def test_chart_labels_filled_outside_t_choose_the_singular_too():
    end = CATALOGS["en"]["optimizer.live.chart.end"]
    assert fill(end, steps=1, loss="3") == "after 1 step: 3"
    assert fill(end, steps=2, loss="3") == "after 2 steps: 3"
    assert t("optimizer.curve_title", "en", steps=1) == "The loss over its one step"
    assert t("optimizer.curve_title", "en", steps=7) == "The loss over all 7 steps"
