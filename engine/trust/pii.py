"""Personal data found by pattern, and masked, in every field Airlock stores or exports.

Detectors: e-mail addresses (internationalized too: ``用戶@例子.台灣``), phone numbers
(Taiwan, China and international, validated by Google's libphonenumber through
``phonenumbers``: ``0912.345.678``, ``886912345678``, ``(02)2345-6789``, ``+44 20 ...``),
Taiwan national ID and resident certificate numbers (new ``A800000014`` style and the old
two-letter ``AC01234567`` style; checksum verified, lowercase accepted), Taiwan business
IDs (統一編號: checksum verified, and only after a label such as 統編 or "VAT", because
one random 8-digit number in five passes the checksum), payment cards (Luhn, a card
prefix), IBANs (mod 97), IPv4 (leading zeros too) and IPv6 addresses, plus the terms and
regular expressions a user or the policy adds (client names, project code names).

What people type through Chinese input methods is caught too: text is matched after a
per-character NFKC fold, so full-width ``Ａ１２３４５６７８９`` and ``０９１２３４５６７８``
are found and the original characters are the ones masked.

Names of people (and street addresses) in Chinese text cannot be found by pattern; the
UI says so rather than pretend (docs/privacy.md).
"""

from __future__ import annotations

import bisect
import ipaddress
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


MODES = ("warn", "history", "exports")
"""Where PII is caught: ``warn`` before a prompt is sent, ``history`` masked before a
generation is stored (a record step), ``exports`` masked in every export."""

LABELS = {
    "email": "[email]", "phone": "[phone]", "tw_id": "[id]", "tw_business_id": "[business-id]",
    "card": "[card]", "iban": "[iban]", "ip": "[ip]", "term": "[redacted]", "pattern": "[redacted]",
}

NOT_CONTENT_PARAMS = frozenset({"model", "scheduler", "sampler", "preset", "device", "dtype", "status"})
"""Keys inside ``params`` that hold settings, not what someone typed: never masked."""


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text}


def fold(text: str) -> str:
    """NFKC per character where it keeps one character (full-width Ａ１＠ -> A1@), so
    positions in the folded text are positions in the original."""
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
            continue
        folded = unicodedata.normalize("NFKC", ch)
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


# e-mail ---------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.+-])([\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*)"
    r"@((?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+(?:[A-Za-z]{2,63}(?![A-Za-z])|[^\W\d_A-Za-z]{2,}))"
)
_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _emails(text: str) -> Iterable[Finding]:
    for m in _EMAIL.finditer(text):
        start = m.start()
        local = m.group(1)
        # "寄到abc@example.com": the Chinese before an ASCII address is prose, not its local part.
        if re.search(r"[A-Za-z0-9]", local) and _CJK.match(local):
            first_ascii = re.search(r"[A-Za-z0-9]", local)
            if first_ascii and not _CJK.search(local[first_ascii.start():]):
                start += first_ascii.start()
        yield Finding("email", start, m.end(), text[start:m.end()])


# Taiwan IDs -----------------------------------------------------------------------------

_LETTER_VALUES = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))
_TW_ID = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][1289A-Da-d]\d{8}(?![A-Za-z0-9])")
_WEIGHTS = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)


def tw_id_valid(value: str) -> bool:
    """The checksum of a Taiwanese national ID (A123456789), a new resident certificate
    (A800000014, second digit 8 or 9) or an old one (AC01234567: the second letter counts
    as its code's last digit)."""
    value = value.upper()
    if len(value) != 10 or value[0] not in _LETTER_VALUES or not value[2:].isdigit():
        return False
    code = _LETTER_VALUES[value[0]]
    second = value[1]
    if second.isdigit():
        if second not in "1289":
            return False
        middle = int(second)
    elif second in "ABCD":
        middle = _LETTER_VALUES[second] % 10
    else:
        return False
    digits = [code // 10, code % 10, middle] + [int(c) for c in value[2:]]
    return sum(d * w for d, w in zip(digits, _WEIGHTS)) % 10 == 0


_BUSINESS_ID = re.compile(
    r"(?:統一編號|統編|營利事業統一編號|公司統編|UBN|VAT(?:\s*(?:No\.?|number))?|[Tt]ax\s*ID|[Bb]usiness\s*ID)"
    r"[\s:：#號是为為]{0,4}(\d{8})(?!\d)"
)


def tw_business_id_valid(value: str) -> bool:
    """統一編號: weights 1,2,1,2,1,2,4,1, digits of each product summed; divisible by 5
    (the 2023 rule, which includes the old divisible-by-10 numbers); a 7 in the seventh
    place may count its product as 1 or 0."""
    if len(value) != 8 or not value.isdigit():
        return False
    total = 0
    for digit, weight in zip((int(c) for c in value), (1, 2, 1, 2, 1, 2, 4, 1)):
        product = digit * weight
        total += product // 10 + product % 10
    if total % 5 == 0:
        return True
    return value[6] == "7" and (total + 1) % 5 == 0


# cards, IBAN, IP -------------------------------------------------------------------------

_CARD = re.compile(r"(?<![\d-])[2-6]\d{2,3}(?:[ -]?\d){9,15}(?![\d-])")


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])")


def iban_valid(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")


def _ips(text: str) -> Iterable[Finding]:
    for m in _IPV4.finditer(text):
        if all(int(part) <= 255 for part in m.group(0).split(".")):
            yield Finding("ip", m.start(), m.end(), m.group(0))
    for m in _IPV6.finditer(text):
        candidate = m.group(0)
        if candidate.count(":") < 2 or len(candidate) < 3:
            continue
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue
        yield Finding("ip", m.start(), m.end(), candidate)


# phones ---------------------------------------------------------------------------------

PHONE_REGIONS = ("TW", "CN")
_PHONE_CANDIDATE = re.compile(r"[+(]?\d[\d ()./\-\u2010-\u2015\u2212]{5,}\d\)?")
"""Stretches that could hold a phone number (seven digits or more with separators):
libphonenumber's matcher runs on each (with a few characters around it) instead of on the
whole text, which it scans at about 80,000 characters a second per region."""
_PHONE_MARGIN = 8


def _phones(text: str) -> Iterable[Finding]:
    import phonenumbers  # 80 ms of metadata: imported at the first phone-like stretch, not at window start

    for candidate in _PHONE_CANDIDATE.finditer(text):
        if sum(ch.isdigit() for ch in candidate.group(0)) < 7:
            continue
        start = max(0, candidate.start() - _PHONE_MARGIN)
        piece = text[start:candidate.end() + _PHONE_MARGIN]
        for region in PHONE_REGIONS:
            for match in phonenumbers.PhoneNumberMatcher(piece, region, leniency=phonenumbers.Leniency.VALID):
                yield Finding("phone", start + match.start, start + match.end, match.raw_string)


# custom ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rules:
    """User-defined terms (matched whole, case-insensitive) and regular expressions."""

    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    def compiled(self) -> list[re.Pattern[str]]:
        return [compile_pattern(p) for p in self.patterns]


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A user's regular expression, checked: too long or invalid is refused with a reason."""
    if len(pattern) > 300:
        raise ValueError("a pattern may be at most 300 characters long")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"'{pattern}' is not a valid regular expression ({exc})") from exc


def _custom(text: str, folded: str, rules: Rules) -> Iterable[Finding]:
    for term in rules.terms:
        term = term.strip()
        if not term:
            continue
        for m in re.finditer(re.escape(fold(term)), folded, re.IGNORECASE):
            yield Finding("term", m.start(), m.end(), text[m.start():m.end()])
    for pattern in rules.compiled():
        for m in pattern.finditer(folded):
            if m.end() > m.start():
                yield Finding("pattern", m.start(), m.end(), text[m.start():m.end()])


# finding and masking --------------------------------------------------------------------

_PRIORITY = ("term", "pattern", "email", "tw_id", "tw_business_id", "iban", "card", "ip", "phone")


def find(text: str | None, rules: Rules | None = None) -> list[Finding]:
    """Every piece of personal data in ``text``, in order, not overlapping (where two
    detectors claim the same characters, the more specific one wins: an ID before a
    phone, a card before a phone)."""
    if not text:
        return []
    folded = fold(text)
    candidates: list[Finding] = []
    candidates += _custom(text, folded, rules or Rules())
    candidates += (Finding(f.kind, f.start, f.end, text[f.start:f.end]) for f in _emails(folded))
    for m in _TW_ID.finditer(folded):
        if tw_id_valid(m.group(0)):
            candidates.append(Finding("tw_id", m.start(), m.end(), text[m.start():m.end()]))
    for m in _BUSINESS_ID.finditer(folded):
        if tw_business_id_valid(m.group(1)):
            candidates.append(Finding("tw_business_id", m.start(1), m.end(1), text[m.start(1):m.end(1)]))
    for m in _IBAN.finditer(folded):
        if iban_valid(m.group(0)):
            candidates.append(Finding("iban", m.start(), m.end(), text[m.start():m.end()]))
    for m in _CARD.finditer(folded):
        digits = re.sub(r"\D", "", m.group(0))
        if 13 <= len(digits) <= 19 and luhn_valid(digits):
            candidates.append(Finding("card", m.start(), m.end(), text[m.start():m.end()]))
    candidates += (Finding(f.kind, f.start, f.end, text[f.start:f.end]) for f in _ips(folded))
    candidates += (Finding(f.kind, f.start, f.end, text[f.start:f.end]) for f in _phones(folded))
    candidates.sort(key=lambda f: (_PRIORITY.index(f.kind), f.start, -(f.end - f.start)))
    taken: list[Finding] = []  # kept in text order, so each overlap check looks at two neighbours
    starts: list[int] = []
    for finding in candidates:
        at = bisect.bisect_right(starts, finding.start)
        if at and taken[at - 1].end > finding.start:
            continue
        if at < len(taken) and finding.end > taken[at].start:
            continue
        taken.insert(at, finding)
        starts.insert(at, finding.start)
    return taken


def redact(text: str | None, rules: Rules | None = None) -> str | None:
    """``text`` with each piece of personal data replaced by a bracketed label."""
    if not text:
        return text
    findings = find(text, rules)
    if not findings:
        return text
    parts, last = [], 0
    for f in findings:
        parts += [text[last:f.start], LABELS[f.kind]]
        last = f.end
    parts.append(text[last:])
    return "".join(parts)


def redact_value(value: Any, rules: Rules | None = None, *, skip: frozenset[str] = frozenset()) -> Any:
    """Mask every string inside ``value`` (dicts, lists, strings), keys kept; dict keys
    in ``skip`` keep their values (settings such as a scheduler name)."""
    if isinstance(value, str):
        return redact(value, rules)
    if isinstance(value, dict):
        return {k: v if k in skip else redact_value(v, rules, skip=skip) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_value(v, rules, skip=skip) for v in value]
    return value


TEXT_FIELDS = ("system", "prompt", "output", "error")


def redact_record(record: dict[str, Any], rules: Rules | None = None) -> dict[str, Any]:
    """A generation with every stored field masked: prompt, output, system prompt, error,
    and everything inside ``params`` (template variable values, knowledge snippets, an
    image's negative prompt, a batch row's inputs)."""
    record = dict(record)
    for key in TEXT_FIELDS:
        if isinstance(record.get(key), str):
            record[key] = redact(record[key], rules)
    params = record.get("params")
    if isinstance(params, dict):
        record["params"] = redact_value(params, rules, skip=NOT_CONTENT_PARAMS)
    elif isinstance(params, str) and params:
        record["params"] = redact(params, rules)
    return record


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    """How many of each kind (for a warning or the audit log: counts, never the values)."""
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    return counts
