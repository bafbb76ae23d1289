"""API keys (hashed, shown once, revocable) and the server settings' security rules."""

from __future__ import annotations

from dataclasses import replace

import pytest

from engine.api.admission import Admission, QueueFull
from engine.api.config import ServerConfig
from engine.api.keys import ApiKeys, parse_scopes
from engine.errors import BadInput
from engine.store.db import open_db
from tests.helpers.tls import self_signed


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "airlock.db")
    yield database
    database.conn.close()


def test_key_is_stored_hashed_checked_and_revoked(db):
    keys = ApiKeys(db)
    key, secret = keys.create("crm", ("text",))
    assert secret.startswith("ak-") and len(secret) > 40
    stored = db.execute("select * from api_keys").fetchall()
    assert secret not in repr(stored) and key.prefix == secret[:10]
    assert keys.check(secret).name == "crm" and keys.check(secret).scopes == ("text",)
    assert keys.check(secret + "x") is None and keys.check(None) is None and keys.check("") is None
    with pytest.raises(BadInput, match="already a key named 'crm'"):
        keys.create("crm")
    keys.revoke("crm")
    assert keys.check(secret) is None and not keys.find("crm").active
    with pytest.raises(BadInput, match="no API key named"):
        keys.revoke("erp")


def test_scopes_and_names_are_checked(db):
    assert parse_scopes("text, image") == ("text", "image") and parse_scopes(None) == ("text", "image")
    with pytest.raises(BadInput, match="Unknown scope 'audio'"):
        parse_scopes("text,audio")
    with pytest.raises(BadInput, match="key name"):
        ApiKeys(db).create("has space")


def test_server_config_is_safe_by_default(tmp_path):
    assert ServerConfig().check(lan_allowed=False).host == "127.0.0.1"
    lan = ServerConfig(host="192.0.2.10")
    with pytest.raises(BadInput, match="policy does not allow"):
        lan.check(lan_allowed=False)
    with pytest.raises(BadInput, match="needs TLS"):
        lan.check(lan_allowed=True)
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    cert.write_text("x"), key.write_text("x")
    tls = ServerConfig(host="192.0.2.10", tls_cert=str(cert), tls_key=str(key))
    with pytest.raises(BadInput, match="Host allowlist"):
        tls.check(lan_allowed=True)
    fake = ServerConfig(host="192.0.2.10", tls_cert=str(cert), tls_key=str(key), allowed_hosts=("ai.corp.local",))
    with pytest.raises(BadInput, match="certificate and key cannot be used together"):
        fake.check(lan_allowed=True)  # refused here, not as a traceback when the server starts
    real_cert, real_key = self_signed(tmp_path / "tls")
    ok = replace(fake, tls_cert=str(real_cert), tls_key=str(real_key))
    assert ok.check(lan_allowed=True).url == "https://192.0.2.10:8765"
    assert ok.public_url == "https://ai.corp.local:8765"  # what clients call, not the bound address
    with pytest.raises(BadInput, match="without a port"):
        replace(ok, allowed_hosts=("ai.corp.local:8765",)).check(lan_allowed=True)
    with pytest.raises(BadInput, match="CORS origin"):
        ServerConfig(cors_origins=("*",)).check(lan_allowed=False)


def test_admission_refuses_beyond_the_queue():
    admission = Admission(concurrency=1, queue_limit=1)
    admission.reserve()
    admission.reserve()
    with pytest.raises(QueueFull) as refused:
        admission.reserve()
    assert refused.value.retry_after >= 1
    with admission.slot() as waited:
        assert waited < 1
    admission.reserve()  # a place freed up
