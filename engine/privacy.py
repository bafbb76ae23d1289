"""PII redaction for exports: the identifiers a policy usually names, found by pattern.

Covers e-mail addresses, phone numbers (Taiwanese mobile and landline, international
``+`` numbers), Taiwanese national ID and resident certificate numbers (checksum
verified, so product codes that merely look alike survive), payment card numbers
(Luhn-verified) and IPv4 addresses. Names of people and street addresses cannot be found
reliably by pattern and are not claimed.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"\+\d{1,3}[\s-]?(?:\(?\d{1,4}\)?[\s-]?){2,5}\d{2,4}"  # international
    r"|09\d{2}[\s-]?\d{3}[\s-]?\d{3}"  # Taiwan mobile 0912-345-678
    r"|\(?0\d{1,2}\)?[\s-]?\d{3,4}[\s-]?\d{4}"  # Taiwan landline (02) 2345-6789
    r")(?!\w)"
)
TW_ID = re.compile(r"(?<![A-Za-z0-9])[A-Z][1289]\d{8}(?![A-Za-z0-9])")
CARD = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
IPV4 = re.compile(r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?!\.?\d)")

_LETTER_VALUES = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def tw_id_valid(value: str) -> bool:
    """The checksum of a Taiwanese national ID / new-style resident certificate number."""
    if len(value) != 10 or value[0] not in _LETTER_VALUES or not value[1:].isdigit():
        return False
    code = _LETTER_VALUES[value[0]]
    digits = [code // 10, code % 10] + [int(c) for c in value[1:]]
    weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
    return sum(d * w for d, w in zip(digits, weights)) % 10 == 0


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def redact(text: str | None) -> str | None:
    """Replace personal identifiers in ``text`` with a bracketed label."""
    if not text:
        return text
    text = EMAIL.sub("[email]", text)
    text = TW_ID.sub(lambda m: "[id]" if tw_id_valid(m.group(0)) else m.group(0), text)
    text = CARD.sub(
        lambda m: "[card]" if luhn_valid(re.sub(r"\D", "", m.group(0))) else m.group(0), text)
    text = IPV4.sub("[ip]", text)
    text = PHONE.sub("[phone]", text)
    return text
