"""Hostile user text: the payload corpus and the checks that it stays literal.

Every payload is at most 32 characters (the schema's ``MAX_RAW_LENGTH``, so a
URL value is parsed and echoed, not cut) and carries a marker, ``pwn`` or the
made-up host ``ev.il``, that no catalogue sentence contains: wherever a marker
shows up on a page, user text put it there.

Used by the unit tests of ``components/ui/user_text.py``, the AppTest corpus
(every page, every URL parameter) and the browser tests.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata

from components.ui.user_text import plain

MARKERS = ("pwn", "ev.il")

PAYLOADS: dict[str, str] = {
    "markdown_image": "![](https://ev.il/p.png)",
    "markdown_link": "[Log in](https://ev.il/pwn)",
    "backtick_then_link": "x`[Log in](https://ev.il/pwn)`",
    "backtick_fences": "```pwn``` `` ` \\`",
    "autolink_url": "https://ev.il/pwn",
    "autolink_www_mail": "www.ev.il pwn@ev.il",
    "angle_autolink": "<https://ev.il/pwn>",
    "javascript_link": "[pwn](javascript:alert(1))",
    "img_tag": "<img src=https://ev.il/pwn>",
    "a_tag": "<a href=//ev.il>pwn</a>",
    "script_tag": "<script>alert('pwn')</script>",
    "iframe_tag": "<iframe src=//ev.il/pwn>",
    "latex_href": "$\\href{https://ev.il}{pwn}$",
    "display_math": "$$\\text{pwn}$$",
    "html_entities": "&lt;img&gt; &#112; pwn &amp;",
    "html_comment": "<!--pwn--> &nbsp;",
    "direction_marks": "pwn\u202egnp.exe\u2066x\u200f",
    "newlines": "1\n# pwn\n![](//ev.il/x)",
    "directives": ":red[pwn] :material/home:",
    "typography": "pwn -> <- -- :smile: **b** _i_",
    "format_braces": "{raw}{name}pwn{0}%s",
    "trailing_backslash": "pwn\\",
}


def code_spans(source: str) -> tuple[list[str], str]:
    """The code spans of a markdown string (CommonMark's rules) and the text outside them.

    A backtick run opens a span that the next run of exactly the same length
    closes; inside, backslashes are literal, line endings become spaces and one
    space is stripped from each side when both are there (and the content is
    not all spaces). Outside, a backslash escapes the next punctuation mark.
    """
    spans, outside = [], []
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source) and source[i + 1] in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~":
            outside.append(source[i : i + 2])
            i += 2
            continue
        if char != "`":
            outside.append(char)
            i += 1
            continue
        run = len(source[i:]) - len(source[i:].lstrip("`"))
        closing = None
        for match in re.finditer(r"`+", source[i + run :]):
            if len(match.group()) == run:
                closing = i + run + match.start()
                break
        if closing is None:
            outside.append("`" * run)
            i += run
            continue
        content = source[i + run : closing].replace("\r\n", " ").replace("\n", " ")
        if len(content) >= 2 and content[0] == " " and content[-1] == " " and content.strip(" "):
            content = content[1:-1]
        spans.append(content)
        i = closing + run
    return spans, "".join(outside)


def shown_in_span(content: str) -> str:
    """What a code span made by ``literal`` shows: the word joiner is invisible."""
    return content.replace("\u2060", "")


def _without_binary(text: str) -> str:
    """A drag slider's data with its binary blobs dropped: the packed float32 frames
    (``f32``) and the contour map's PNG are base64, where a marker such as "pwn" turns
    up by chance. Every other string of the data is still scanned."""
    import json
    import re

    def binary(key, value) -> bool:
        if not isinstance(value, str):
            return False
        # The map's PNG: an item's ``href``, or an asset sent once under its digest.
        if value.startswith("data:image/png;base64,"):
            value = value[len("data:image/png;base64,"):]
        elif key != "f32":
            return False
        return re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", value) is not None  # nothing but base64

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if not binary(k, v)}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    try:
        return json.dumps(strip(json.loads(text)), ensure_ascii=False)
    except ValueError:
        return text


def proto_strings(message, path: str = ""):
    """Every string in a protobuf message, with its ``Type.field`` path."""
    for field, value in message.ListFields():
        where = f"{message.DESCRIPTOR.name}.{field.name}"
        repeated = getattr(field, "is_repeated", None)
        if repeated is None:  # protobuf before 6 has only ``label``
            repeated = field.label == field.LABEL_REPEATED
        values = value if repeated else [value]
        for item in values:
            if isinstance(item, str) and where == "BidiComponent.json":
                yield where, _without_binary(item)
            elif isinstance(item, str):
                yield where, item
            elif hasattr(item, "ListFields"):
                yield from proto_strings(item, where)


def element_protos(at):
    """The protobuf of every element and block that an AppTest run drew."""
    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            yield proto
        for child in getattr(node, "children", {}).values():
            yield from walk(child)

    yield from walk(at._tree)


# Fields whose text Streamlit shows as typed (not markdown).
PLAIN_FIELDS = {"Code.code_text", "Text.body"}
PLAIN_FIELD_NAMES = {"value", "default", "placeholder", "raw_value", "id", "form_id"}


def _has_marker(text: str) -> bool:
    return any(marker in text for marker in MARKERS)


def literal_problems(at, payloads) -> list[str]:
    """Where the ``payloads`` of a run reached the page other than as literal text.

    Markdown text may carry a marker only inside a code span that shows exactly
    ``plain(payload)`` of one of them (or its cut form); LaTeX never;
    plain-text fields only without invisible control or direction characters;
    plotly text only HTML-escaped. [] when all is well.
    """
    payloads = list(payloads)
    expected = {plain(payload) for payload in payloads}
    found = []
    for proto in element_protos(at):
        for where, text in proto_strings(proto):
            if not _has_marker(text) and not any(c in text for c in "\u202e\u2066\u200f"):
                continue
            field = where.rsplit(".", 1)[-1]
            if where.startswith("PlotlyChart.spec"):
                for payload in payloads:
                    found += _plotly_problems(text, payload)
            elif where in PLAIN_FIELDS or field in PLAIN_FIELD_NAMES:
                if any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\n\t" for c in text):
                    found.append(f"{where}: invisible characters in plain text {text!r}")
            elif proto.DESCRIPTOR.name == "Markdown" and proto.element_type == proto.Type.LATEX:
                found.append(f"{where}: user text inside LaTeX {text!r}")
            else:
                spans, outside = code_spans(text)
                if _has_marker(outside) or "\u202e" in outside:
                    found.append(f"{where}: marker outside a code span in {text!r}")
                for content in spans:
                    shown = shown_in_span(content)
                    if _has_marker(shown) and shown not in expected and not (
                        shown.endswith("…") and any(e.startswith(shown[:-1]) for e in expected)
                    ):
                        found.append(f"{where}: code span shows {shown!r}, no payload's text")
    return found


def _plotly_problems(spec: str, payload: str) -> list[str]:
    strings = []

    def collect(value):
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(json.loads(spec))
    raw_needs_escaping = html.escape(payload, quote=False) != payload
    return [f"plotly text carries the raw payload: {s!r}" for s in strings
            if raw_needs_escaping and payload in s]


# ---- functions that cost the server (issue 25) ---------------------------------
# Accepted by the parser, yet built from exact rationals they would hold numbers
# with millions of digits (big-integer power and gcd hold the GIL: every session
# of the server stalled), or SymPy needs tens of seconds to differentiate them.

COSTLY_EXPRESSIONS: dict[str, str] = {
    "tower_3": "(((0.999999**99)**99)**99)*a",  # 6.2 s, every thread stalled 6 s
    "tower_4": "((((0.5**99)**99)**99)**99)+b",  # 41 s, stalls of 11.6 s
    "tower_9": "(((((((((1.000001**9)**9)**9)**9)**9)**9)**9)**9)**9)*a",
    "variable_tower": "(((a*3)**99)**99)**99",
    "root_tower": "(((sqrt(2)*a)**99)**99)**99+b",
    "right_tower": "a**99**0.5**99+0.999999**99**0.5*b",
    "slow_sympy": "tanh((((sin(((a-b)*(b)**0.5)))**99-(abs((cos(a)*sin(2)))-b))/(7)**b))",
}

_TOWER_BASES = ("0.999999", "0.5", "1.000001", "7", "2", "0.1", "1.1", "1e-300", "999999",
                "pi", "e", "a", "b", "a*3", "sqrt(2)", "(a+b)", "sin(a)", "2/3")
_TOWER_EXPONENTS = ("99", "100", "-99", "0.5", "2", "9", "1/3", "-0.5", "99.5", "2**0.5",
                    "a", "b", "(a-b)")


def power_towers():
    """Hypothesis strategy: text of nested powers and towers, as an attacker would type them.

    ``((base)**e1)**e2 …`` up to 9 levels, right-associative ``base**e1**e2``,
    and two of them joined by an operator. Many are refused by the parser
    (too large, too deep); the rest must be answered in bounded time.
    """
    from hypothesis import strategies as st

    bases = st.sampled_from(_TOWER_BASES)
    levels = st.lists(st.sampled_from(_TOWER_EXPONENTS), min_size=1, max_size=9)

    def nested(base: str, exponents: list[str]) -> str:
        text = base
        for exponent in exponents:
            text = f"({text})**{exponent}"
        return text

    def chained(base: str, exponents: list[str]) -> str:
        return "**".join([f"({base})", *exponents])

    one = st.one_of(st.builds(nested, bases, levels), st.builds(chained, bases, levels))
    joined = st.builds(lambda x, op, y: f"{x}{op}{y}", one, st.sampled_from("+-*/"), one)
    return st.one_of(one, joined)
