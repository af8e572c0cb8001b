"""Both catalogues hold the same keys and placeholders; pages hard-code no prose."""

import ast
import re
import string
from pathlib import Path

from components.ui.i18n import CATALOGS, t

ROOT = Path(__file__).resolve().parents[1]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _fields(text: str) -> set[str]:
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
