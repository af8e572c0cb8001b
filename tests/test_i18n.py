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
    text = PLURAL.sub(lambda m: "{" + m.group(1) + "}" + m.group(2) + m.group(3), text)
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


# --- Korean: one term per idea, particles that fit every value (issue 27) -----------------

# Variants that must not come back, each with the term the catalogue uses instead.
BANNED_KO = {
    "원소": "요소 (the seed's word)",
    "체크포인트": "확인 문제 (a checkpoint is a saved model to a deep-learning student)",
    "최솟점": "최저점 (a point; 최솟값 is a value)",
    "가장 낮은 점": "최저점",
    "수렴 속도": "수렴 비율 (a larger 'speed' would be slower)",
    "수렴률": "수렴 비율",
    "빠르기": "수렴 비율",
    "재설정": "초기화",
    "비우기": "초기화",
    "추측": "예측",
    "학급": "수업 (the class session; a lesson is a 단원)",
    "수업 목록": "단원 목록",
    "다음 수업": "다음 단원",
    "레슨": "단원 (the app's one word for a lesson)",
    "프레젠터": "발표 화면 (the presenter toggle's own name)",
    "계획 다시 쓰기": "지난 계획 불러오기 (다시 쓰기 reads as 'rewrite')",
    "부분 기울기": "서브그래디언트",
    "반지름": "스펙트럼 반경",
    "넘침": "오버플로",
    "넘쳐": "오버플로",
    "경사": "기울기 (.grad) or 비탈 (the landscape)",
    "대시보드": "실습실",
    "key 포함": "키",
    "softmax": "소프트맥스",
    "Tensor": "텐서 in Korean prose; `Tensor` only as code",
    "기울기 = 접선의 기울기": "`.grad` and 접선의 기울기(편미분) differ by v",
    "공개를 누르면": "‘정답 확인’ (the student's button)",
    "그거면": "written register",
    " 입니다": "no space before 입니다",
}
# One sentence-ending colon is a translated habit; `; ` is English punctuation in prose.
SEMICOLON_OK = {"optimizer.code.step", "resnet.weights.random"}  # code inside the text


def _korean_prose():
    for key, text in CATALOGS["ko"].items():
        # Code spans are code, not Korean.
        yield key, re.sub(r"`[^`]*`", "`…`", text)


def test_korean_banned_variants_do_not_return():
    for key, text in _korean_prose():
        for variant, instead in BANNED_KO.items():
            assert variant not in text, (key, variant, instead)
        if key not in SEMICOLON_OK:
            assert "; " not in text, key
    korean = "\n".join(CATALOGS["ko"].values())
    assert korean.count("연쇄 법칙(체인룰)") == 1  # glossed once, at its first use
    assert "서브그래디언트" in korean and "스펙트럼 반경" in korean and "수렴 비율" in korean


def test_the_banned_list_bites():
    # The check is not vacuous: the old sentences it was written against fail it.
    old = ("공개를 누르면 답이 강사에게 전송되고", "이 대시보드는 GPU 없이 CPU만으로 동작합니다.",
           "= **{loss}** 입니다.", "측정한 수렴 속도", "아래 링크로 레슨을 열면 프레젠터 보기로 열리고",
           "‘지난 계획 다시 쓰기’에 붙여 넣으면")
    for text in old:
        assert any(variant in text for variant in BANNED_KO), text


def test_one_word_for_a_layer():
    """A layer is 레이어 throughout; 층 on its own (not inside a word like 계층) crept in once."""
    alone = re.compile(r"(?<![가-힣])층")
    for key, text in _korean_prose():
        assert not alone.search(text), key
    assert alone.search("첫 층의 기울기가 가장 크다고 생각함")
    assert not alone.search("계층 구조")


# A particle whose form depends on the last sound of the word before it: after a
# placeholder it fits some values and not others ("6로", "0.5는"), so it is written
# 은(는), 이(가), 을(를), 과(와), (으)로 or the sentence is rephrased. Neutral words
# (의, 에, 에서, 도, 만, 부터, 까지, 보다, 만큼) and the copula (이고, 이며, 이면,
# 입니다, 이다, 이었, 이라, 이므로, 이지만) fit every value. A particle after a closing
# parenthesis or code span belongs to the word or code before it.
PARTICLE_AFTER_PLACEHOLDER = re.compile(
    r"\{\w+\}(?:\*\*)?"
    r"(?!은\(는\)|이\(가\)|을\(를\)|과\(와\)|\(으\)로)"
    r"(은|는|을|를|과|와|으로|로|가|나|라|야|아|이(?!고|며|면|다|었|라|므로|지만|어서|ㅂ|\(가\)))"
    r"(?![가-힣])|"
    r"\{\w+\}(?:\*\*)?(으로|로|은|는|을|를|과|와|가)(?=[가-힣])")


def _bad_particles(text: str) -> list[str]:
    return [m.group(0) for m in PARTICLE_AFTER_PLACEHOLDER.finditer(text)]


def test_korean_particles_after_placeholders_fit_every_value():
    for key, text in CATALOGS["ko"].items():
        assert not _bad_particles(text), (key, _bad_particles(text))


@pytest.mark.parametrize("text,bad", [
    ("거리가 {start}에서 {end}로 줄었습니다.", True),
    ("가장 가까운 {nearest}는 경계 너머에", True),
    ("α·λ₂ = {product}가 2 이상", True),
    ("{token}을 쓸 수 없습니다", True),
    ("값 {predicted}과 다릅니다", True),
    ("**{x}**는 크다", True),
    ("{value}이 음수입니다", True),
    ("{end}(으)로 줄었습니다.", False),
    ("{token}은(는) 함수입니다.", False),
    ("밑 {where}이(가) 0입니다", False),
    ("약 {h}이고, 값은 {v}입니다.", False),
    ("{low}부터 {high}까지, {d}만큼, {x}에서, {i}의 값", False),
    ("λ₁(= {low})은 곡률", False),
    ("`{layer}`이고 `{name}`는", False),
])
def test_the_particle_check_tells_safe_from_unsafe(text, bad):
    assert bool(_bad_particles(text)) is bad, text
