"""PII detectors, each with what it must catch (as people really type it) and what it
must leave alone (look-alikes, checksum-invalid numbers)."""

from __future__ import annotations

import pytest

from engine.trust import pii
from engine.trust.pii import Rules, find, redact, redact_record


def kinds(text: str, rules: Rules | None = None) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find(text, rules)]


def test_the_old_module_still_redacts():
    from engine.privacy import luhn_valid, redact as old_redact, tw_id_valid

    text = ("Mail amy.lin@corp.com.tw, call 0912-345-678 or (02) 2345-6789 or +886 2 2345 6789. "
            "ID A123456789, card 4111 1111 1111 1111, host 10.1.2.3.")
    assert old_redact(text) == ("Mail [email], call [phone] or [phone] or [phone]. "
                                "ID [id], card [card], host [ip].")
    assert tw_id_valid("A123456789") and luhn_valid("4111111111111111")


@pytest.mark.parametrize("text, expected", [
    ("amy.lin@corp.com.tw", "amy.lin@corp.com.tw"),
    ("寄到abc@example.com謝謝", "abc@example.com"),
    ("用戶@例子.台灣", "用戶@例子.台灣"),
    ("ｂｏｂ＠ｅｘａｍｐｌｅ．ｃｏｍ", "ｂｏｂ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
])
def test_emails(text, expected):
    assert kinds(text) == [("email", expected)]


@pytest.mark.parametrize("text", ["see @handle", "a@b", "user@localhost", "x@y.1", "price 3@5.00"])
def test_email_look_alikes(text):
    assert [k for k, _ in kinds(text) if k == "email"] == []


@pytest.mark.parametrize("text, expected", [
    ("call 0912-345-678 now", "0912-345-678"),
    ("call 0912.345.678 now", "0912.345.678"),
    ("call 886912345678 now", "886912345678"),
    ("手機０９１２３４５６７８謝謝", "０９１２３４５６７８"),
    ("office (02)2345-6789", "(02)2345-6789"),
    ("+886 912 345 678", "+886 912 345 678"),
    ("北京 138 0013 8000", "138 0013 8000"),
    ("London +44 20 7946 0958", "+44 20 7946 0958"),
])
def test_phones(text, expected):
    assert kinds(text) == [("phone", expected)]


@pytest.mark.parametrize("text", ["order 20241201 shipped", "version 2024-12-01", "100 units at 3.5",
                                  "ISBN 978-3-16-148410-0"])
def test_phone_look_alikes(text):
    assert [k for k, _ in kinds(text) if k == "phone"] == []


@pytest.mark.parametrize("value", [
    "A123456789",       # national ID
    "a123456789",       # typed in lowercase
    "Ａ１２３４５６７８９",  # full-width, from a Chinese input method
    "A800000005",       # new resident certificate (second digit 8)
    "AC01234567",       # old two-letter resident certificate
    "ac01234503",
])
def test_taiwan_ids(value):
    assert kinds(f"身分證 {value} 請保密") == [("tw_id", value)]


@pytest.mark.parametrize("value", ["A123456788", "A323456789", "AC01234568", "AE01234567", "SKU A223456789"])
def test_checksum_invalid_ids_stay(value):
    assert kinds(value) == [] and redact(value) == value


def test_business_id_needs_its_label_and_checksum():
    assert kinds("統一編號：22099131") == [("tw_business_id", "22099131")]
    assert kinds("統編 04595257") == [("tw_business_id", "04595257")]
    assert kinds("VAT 10458575") == [("tw_business_id", "10458575")]
    assert kinds("統編 12345678") == []           # checksum fails
    assert kinds("order 22099131 shipped") == []  # no label: one 8-digit number in five passes


def test_cards_by_luhn():
    assert kinds("card 4111 1111 1111 1111") == [("card", "4111 1111 1111 1111")]
    assert kinds("card 5500-0000-0000-0004") == [("card", "5500-0000-0000-0004")]
    assert kinds("card 4111 1111 1111 1112") == []      # Luhn fails
    assert kinds("order 1234567890123") == []


def test_ibans_by_mod_97():
    assert kinds("IBAN GB82 WEST 1234 5698 7654 32") == [("iban", "GB82 WEST 1234 5698 7654 32")]
    assert kinds("DE89370400440532013000") == [("iban", "DE89370400440532013000")]
    assert kinds("GB83 WEST 1234 5698 7654 32") == []


def test_ip_addresses():
    assert kinds("host 10.1.2.3.") == [("ip", "10.1.2.3")]
    assert kinds("host 010.001.002.003") == [("ip", "010.001.002.003")]
    assert kinds("link fe80::1 up") == [("ip", "fe80::1")]
    assert kinds("v 1.2.3 and 300.1.1.1 and 12:30:45") == []


def test_user_terms_and_patterns():
    rules = Rules(terms=("Acme Corp", "藍鯨計畫"), patterns=(r"PRJ-\d{4}",))
    text = "ACME corp 的藍鯨計畫 (PRJ-0042) 下週開始"
    assert redact(text, rules) == "[redacted] 的[redacted] ([redacted]) 下週開始"
    assert redact(text) == text


def test_bad_user_patterns_are_refused():
    with pytest.raises(ValueError, match="not a valid regular expression"):
        pii.compile_pattern("(unclosed")


def test_a_record_is_masked_in_every_field():
    record = {
        "prompt": "Write to amy@corp.com.tw", "output": "Call 0912-345-678", "system": "ID A123456789",
        "error": "card 4111 1111 1111 1111 refused",
        "params": {"template": "crm-mail", "variables": {"name": "Amy", "mail": "amy@corp.com.tw"},
                   "knowledge": [{"snippet": "客戶電話 0912345678"}], "negative": "10.1.2.3",
                   "scheduler": "Euler a", "temperature": 0.7},
    }
    masked = redact_record(record)
    assert masked["prompt"] == "Write to [email]" and masked["output"] == "Call [phone]"
    assert masked["system"] == "ID [id]" and masked["error"] == "card [card] refused"
    assert masked["params"]["variables"] == {"name": "Amy", "mail": "[email]"}
    assert masked["params"]["knowledge"] == [{"snippet": "客戶電話 [phone]"}]
    assert masked["params"]["negative"] == "[ip]"
    assert masked["params"]["scheduler"] == "Euler a" and masked["params"]["temperature"] == 0.7
    assert record["params"]["variables"]["mail"] == "amy@corp.com.tw"  # the original is untouched


def test_positions_point_into_the_original_text():
    text = "電話０９１２３４５６７８，信箱 ａ@ｂ.ｃｏｍ"
    for f in find(text):
        assert text[f.start:f.end] == f.text
    assert pii.summary(find(text)) == {"phone": 1, "email": 1}


def test_many_findings_come_back_in_order_without_overlaps():
    """Long texts (a knowledge document in history mode) hold thousands of findings."""
    from engine.trust import pii

    line = "卡號 4111 1111 1111 1111，電話 0912-345-678，ID A123456789，amy@corp.com.tw\n"
    findings = pii.find(line * 400)
    assert [f.kind for f in findings[:4]] == ["card", "phone", "tw_id", "email"] and len(findings) == 1600
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:]))
    assert pii.redact(line * 400) == "卡號 [card]，電話 [phone]，ID [id]，[email]\n" * 400
