from engine.privacy import luhn_valid, redact, tw_id_valid


def test_identifiers_are_redacted():
    text = ("Mail amy.lin@corp.com.tw, call 0912-345-678 or (02) 2345-6789 or +886 2 2345 6789. "
            "ID A123456789, card 4111 1111 1111 1111, host 10.1.2.3.")
    assert redact(text) == ("Mail [email], call [phone] or [phone] or [phone]. "
                            "ID [id], card [card], host [ip].")


def test_look_alikes_survive():
    text = "SKU A223456789, order 1234567890123, version 1.2.3, 2026-11-27, 100 units"
    assert redact(text) == text


def test_checksums():
    assert tw_id_valid("A123456789") and not tw_id_valid("A123456788")
    assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")
    assert redact(None) is None and redact("") == ""
