"""The shape of a class's join code and instructor key (pure Python, no database).

The URL schema (``ui/schema.py``) validates ``class=`` and ``key=`` with these
patterns and the store creates codes and keys with them, so both agree.
"""

from __future__ import annotations

import re

# Join codes: 6 characters without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B),
# easy to read from a projector and to type on a phone: 25⁶ ≈ 2.4·10⁸ codes.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
CODE_REGEX = f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}"
CODE_PATTERN = re.compile(CODE_REGEX)
# The instructor key: 24 random bytes (192 bits) as URL-safe base64, 32 characters.
KEY_BYTES = 24
KEY_LENGTH = 32
KEY_REGEX = f"[A-Za-z0-9_-]{{{KEY_LENGTH}}}"
KEY_PATTERN = re.compile(KEY_REGEX)


def normalise_code(raw: object) -> str | None:
    """A join code as typed (spaces, lower case) in canonical form, or None if malformed."""
    if not isinstance(raw, str) or len(raw) > 20:
        return None
    code = raw.strip().upper()
    return code if CODE_PATTERN.fullmatch(code) else None


def is_well_formed_key(raw: object) -> bool:
    """Whether ``raw`` has the shape of an instructor key (32 URL-safe characters)."""
    return isinstance(raw, str) and KEY_PATTERN.fullmatch(raw) is not None
