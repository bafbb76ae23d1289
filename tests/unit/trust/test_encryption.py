"""Encryption at rest through SQLCipher: unreadable without the key, one clear message for
a wrong one, and a migration from a plain database that survives being interrupted."""

from __future__ import annotations

import hashlib
import sqlite3

import keyring
import pytest
from keyring.backend import KeyringBackend

from engine.errors import AirlockError, BadInput
from engine.store.db import open_db
from engine.trust import encryption
from engine.trust.policy import POLICY_VARIABLE
from engine.workspace import Workspace

sqlcipher3 = pytest.importorskip("sqlcipher3")

PASSPHRASE = "correct horse battery staple"
SECRET = "quarterly-forecast-7731"


@pytest.fixture(autouse=True)
def no_passphrase_variable(monkeypatch):
    monkeypatch.delenv(encryption.PASSPHRASE_VARIABLE, raising=False)


def plain_home(home, rows: int = 50) -> None:
    with Workspace(home) as ws:
        for i in range(rows):
            ws.history.add({"kind": "text", "prompt": f"{SECRET} #{i}", "output": "ok", "status": "done"})


def count_rows(home, key: bytes) -> int:
    db = open_db(home.db_path, key=key)
    try:
        return db.execute("select count(*) from generations").fetchone()[0]
    finally:
        db.conn.close()


def test_an_encrypted_database_is_unreadable_without_its_key(home):
    plain_home(home)
    key = encryption.enable(home, method="passphrase", passphrase=PASSPHRASE)
    assert count_rows(home, key) == 50
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(home.db_path).execute("select count(*) from generations").fetchone()
    with pytest.raises(AirlockError, match="could not be unlocked"):
        open_db(home.db_path, key=b"\x01" * 32)
    for path in home.root.glob("airlock.db*"):
        assert SECRET.encode() not in path.read_bytes(), path
    assert not home.db_path.with_name("airlock.db.encrypting").exists()


def test_a_wrong_passphrase_is_one_clear_message(home):
    plain_home(home, rows=1)
    encryption.enable(home, method="passphrase", passphrase=PASSPHRASE)
    with pytest.raises(BadInput, match="passphrase is wrong"):
        Workspace(home, passphrase="Tr0ub4dor&3")
    with pytest.raises(encryption.NeedsPassphrase, match="AIRLOCK_PASSPHRASE"):
        Workspace(home)
    with Workspace(home, passphrase=PASSPHRASE) as ws:
        assert ws.history.count() == 1 and ws.audit_log.verify().ok


def test_an_interrupted_export_starts_again_from_the_untouched_plain_database(home):
    plain_home(home)
    before = hashlib.sha256(home.db_path.read_bytes()).hexdigest()
    encryption.request(home, method="passphrase", passphrase=PASSPHRASE)  # state: migrating
    home.db_path.with_name("airlock.db.encrypting").write_bytes(b"half a copy from a killed run")
    assert hashlib.sha256(home.db_path.read_bytes()).hexdigest() == before  # nothing changed yet
    with Workspace(home, passphrase=PASSPHRASE) as ws:  # the next open resumes
        assert ws.history.count() == 50 and len(ws.history.search(SECRET)) == 50
    assert encryption.read_state(home).migrating is False
    assert not home.db_path.with_name("airlock.db.encrypting").exists()


def test_an_interruption_after_the_swap_keeps_the_encrypted_copy(home):
    plain_home(home)
    key = encryption.enable(home, method="passphrase", passphrase=PASSPHRASE)
    state = encryption.read_state(home)
    encryption._write_state(home, state.method, state.salt, "migrating", key)  # as if killed before the mark
    with Workspace(home, passphrase=PASSPHRASE) as ws:
        assert ws.history.count() == 50
    assert encryption.read_state(home).migrating is False


def test_the_policy_can_require_encryption(home, tmp_path, monkeypatch):
    plain_home(home, rows=3)
    policy = tmp_path / "policy.json"
    policy.write_text('{"encryption_required": true, "reason": "Laptop standard"}', encoding="utf-8")
    monkeypatch.setenv(POLICY_VARIABLE, str(policy))
    with pytest.raises(encryption.NeedsPassphrase, match="requires an encrypted database"):
        Workspace(home)
    with Workspace(home, passphrase=PASSPHRASE) as ws:  # encrypted on this open
        assert ws.history.count() == 3
    assert encryption.read_state(home).enabled
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(home.db_path).execute("select count(*) from generations").fetchone()


def test_a_short_passphrase_is_refused(home):
    with pytest.raises(BadInput, match="at least 8"):
        encryption.request(home, method="passphrase", passphrase="short")
    assert not encryption.read_state(home).enabled


class MemoryKeyring(KeyringBackend):
    """Stands in for the OS keyring (Credential Manager, Keychain, Secret Service), which
    this headless machine does not have; the code under test is Airlock's use of it."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


@pytest.fixture
def os_keyring(monkeypatch):
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("AIRLOCK_KEYRING", raising=False)
    yield backend
    keyring.set_keyring(previous)


def test_a_keyring_key_needs_nothing_typed(home, os_keyring):
    plain_home(home, rows=2)
    encryption.enable(home, method="keyring")
    assert len(os_keyring.items) == 2  # the audit HMAC key and the database key
    with Workspace(home) as ws:
        assert ws.history.count() == 2 and ws.audit_log.verify().ok
        assert ws.audit_log.key_location == "keyring"
    os_keyring.items.clear()
    with pytest.raises(AirlockError, match="missing from the OS keyring"):
        Workspace(home)


def test_without_a_keyring_the_keyring_method_says_what_to_do(home):
    with pytest.raises(BadInput, match="no OS keyring.*passphrase"):
        encryption.request(home, method="keyring")
