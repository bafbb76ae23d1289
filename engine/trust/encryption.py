"""Encryption at rest: the database through SQLCipher, with its key in the OS keyring or
derived from a passphrase.

State lives in ``encryption.json`` in the data home (no secret in it: the method, the
passphrase's salt, and whether a migration is under way). Keys:

- ``keyring``: 32 random bytes in the OS keyring (Windows Credential Manager, macOS
  Keychain, Secret Service). Nothing to type; the account's login protects it.
- ``passphrase``: scrypt(passphrase, salt) -> 32 bytes. The path for machines with no
  keyring (headless Linux): the desktop app asks for it, the CLI reads
  ``AIRLOCK_PASSPHRASE``. A lost passphrase cannot be recovered.

Turning encryption on copies the plain database into a new encrypted file with
SQLCipher's ``sqlcipher_export``, checks every table's row count in the copy, then
swaps the copy in with one atomic rename. ``encryption.json`` says ``migrating`` until
the swap is done, so an interrupted migration is finished on the next open: if the swap
happened the encrypted file is kept, otherwise the export starts again from the plain
database, which was never changed. Nothing is lost at any point.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.errors import AirlockError, BadInput
from engine.home import Home
from engine.trust import keys

log = logging.getLogger(__name__)

STATE_FILE = "encryption.json"
PASSPHRASE_VARIABLE = "AIRLOCK_PASSPHRASE"
KEY_NAME = "database"
METHODS = ("keyring", "passphrase")
MIN_PASSPHRASE = 8


class NeedsPassphrase(AirlockError):
    """The database is encrypted with a passphrase and none was given."""

    exit_code = 2


@dataclass(frozen=True)
class EncryptionState:
    enabled: bool
    method: str | None = None
    salt: str | None = None
    migrating: bool = False
    check: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"enabled": self.enabled, "method": self.method, "migrating": self.migrating}


def state_path(home: Home) -> Path:
    return home.root / STATE_FILE


def read_state(home: Home) -> EncryptionState:
    path = state_path(home)
    if not path.exists():
        return EncryptionState(enabled=False)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return EncryptionState(enabled=True, method=data["method"], salt=data.get("salt"),
                               migrating=data.get("state") == "migrating", check=data.get("check"))
    except (ValueError, KeyError, OSError) as exc:
        raise AirlockError(f"{path} is damaged ({exc}); restore it from a backup to open the database.") from exc


def key_check(key: bytes) -> str:
    """A value that tells a right key from a wrong one without revealing it."""
    return hmac.new(key, b"airlock key check", hashlib.sha256).hexdigest()


def _write_state(home: Home, method: str, salt: str | None, state: str, key: bytes) -> None:
    path = state_path(home)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps({"version": 1, "method": method, "salt": salt, "state": state,
                                   "check": key_check(key)}, indent=2), encoding="utf-8")
    os.replace(partial, path)


def derive_key(passphrase: str, salt_hex: str) -> bytes:
    """scrypt, n=2^15, r=8: about 0.1 s and 32 MB, once per open."""
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=bytes.fromhex(salt_hex), n=2**15, r=8, p=1,
                          maxmem=64 * 1024 * 1024, dklen=32)


def _passphrase(given: str | None) -> str | None:
    return given if given is not None else os.environ.get(PASSPHRASE_VARIABLE) or None


WRONG_KEY = ("The database could not be unlocked: the passphrase is wrong, or the key in the keyring "
             "is not this database's.")


def key_for(home: Home, state: EncryptionState, passphrase: str | None = None) -> bytes:
    """The key of an encrypted home; raises a one-line error when it cannot be had or is wrong."""
    key = _key_for(home, state, passphrase)
    if state.check and not hmac.compare_digest(key_check(key), state.check):
        raise BadInput(WRONG_KEY)
    return key


def _key_for(home: Home, state: EncryptionState, passphrase: str | None) -> bytes:
    if state.method == "keyring":
        if not keys.keyring_available():
            raise AirlockError("This database's key is kept in the OS keyring, which is not available now; "
                               "open Airlock from your desktop session.")
        value = keys.keyring_get(home.root, KEY_NAME)
        if not value:
            raise AirlockError("This database's key is missing from the OS keyring, so it cannot be opened.")
        return bytes.fromhex(value)
    phrase = _passphrase(passphrase)
    if not phrase:
        raise NeedsPassphrase("This database is encrypted with a passphrase: enter it, or set "
                              f"{PASSPHRASE_VARIABLE} for the command line.")
    return derive_key(phrase, state.salt or "")


def database_key(home: Home, *, required: bool = False, passphrase: str | None = None) -> bytes | None:
    """The key to open this home's database with (None: it is plain).

    Finishes an interrupted migration first. When ``required`` (the policy) and the
    database is still plain, it is encrypted now, with the keyring where there is one
    or a passphrase that was given."""
    state = read_state(home)
    if not state.enabled:
        if not required:
            return None
        phrase = _passphrase(passphrase)
        method = "keyring" if keys.keyring_available() and not phrase else "passphrase"
        if method == "passphrase" and not phrase:
            raise NeedsPassphrase("Your organization requires an encrypted database and this machine has no "
                                  "keyring: choose a passphrase in the app, or set "
                                  f"{PASSPHRASE_VARIABLE} for the command line.")
        return enable(home, method=method, passphrase=phrase)
    key = key_for(home, state, passphrase)
    if state.migrating:
        _migrate(home, key)
        _write_state(home, state.method or "keyring", state.salt, "encrypted", key)
    return key


def enable(home: Home, *, method: str, passphrase: str | None = None) -> bytes:
    """Encrypt this home's database now (it must not be open elsewhere); returns the key."""
    key = request(home, method=method, passphrase=passphrase)
    _migrate(home, key)
    _write_state(home, method, read_state(home).salt, "encrypted", key)
    return key


def request(home: Home, *, method: str, passphrase: str | None = None) -> bytes:
    """Choose the key and mark the migration as under way; the next open (or
    :func:`enable`) does it. The desktop app uses this, since its own connection holds
    the database open."""
    if read_state(home).enabled and not read_state(home).migrating:
        raise BadInput("The database is already encrypted.")
    if method not in METHODS:
        raise BadInput(f"Unknown key method '{method}' (use keyring or passphrase).")
    _require_sqlcipher()
    salt = None
    if method == "keyring":
        if not keys.keyring_available():
            raise BadInput("This machine has no OS keyring (a headless Linux system has none): "
                           "use a passphrase instead.")
        value = keys.keyring_get(home.root, KEY_NAME) or secrets.token_hex(32)
        keys.keyring_set(home.root, KEY_NAME, value)
        key = bytes.fromhex(value)
    else:
        if not passphrase or len(passphrase) < MIN_PASSPHRASE:
            raise BadInput(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.")
        salt = secrets.token_hex(16)
        key = derive_key(passphrase, salt)
    _write_state(home, method, salt, "migrating", key)
    return key


def _require_sqlcipher() -> Any:
    try:
        import sqlcipher3
    except ImportError as exc:
        raise BadInput("Encryption needs SQLCipher: install Airlock with the 'encryption' extra "
                       "(pip install 'sqlcipher3==0.6.4').") from exc
    return sqlcipher3


def _is_encrypted_with(path: Path, key: bytes) -> bool:
    sqlcipher3 = _require_sqlcipher()
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("pragma cipher_log_level = NONE")
        conn.execute(f"pragma key = \"x'{key.hex()}'\"")
        conn.execute("select count(*) from sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def _table_counts(conn: Any) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
        "and sql not like 'create virtual table%' collate nocase")]
    return {n: conn.execute(f'select count(*) from "{n}"').fetchone()[0] for n in names
            if not n.endswith(("_fts_data", "_fts_idx", "_fts_docsize", "_fts_config", "_fts_content"))}


def _migrate(home: Home, key: bytes) -> None:
    """Plain airlock.db -> encrypted, resumably (see the module docstring)."""
    db_path = home.db_path
    target = db_path.with_name(db_path.name + ".encrypting")
    if not db_path.exists():
        target.unlink(missing_ok=True)
        return  # a fresh home: the first open creates it encrypted
    if _is_encrypted_with(db_path, key):
        target.unlink(missing_ok=True)
        return  # the swap happened before the interruption
    sqlcipher3 = _require_sqlcipher()
    plain = sqlite3.connect(str(db_path))
    try:
        plain.execute("pragma wal_checkpoint(truncate)")
        expected = _table_counts(plain)
    except sqlite3.DatabaseError as exc:
        raise AirlockError("The database could not be unlocked: the passphrase is wrong or the key is not "
                           "this database's.") from exc
    finally:
        plain.close()
    target.unlink(missing_ok=True)  # a half-written copy from an interrupted run
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(db_path))
    try:
        conn.execute("pragma cipher_log_level = NONE")
        version = conn.execute("pragma user_version").fetchone()[0]
        conn.execute(f"attach database ? as encrypted key \"x'{key.hex()}'\"", [str(target)])
        conn.execute("select sqlcipher_export('encrypted')")
        conn.execute(f"pragma encrypted.user_version = {int(version)}")
        conn.execute("detach database encrypted")
    finally:
        conn.close()
    check = sqlcipher3.connect(str(target))
    try:
        check.execute("pragma cipher_log_level = NONE")
        check.execute(f"pragma key = \"x'{key.hex()}'\"")
        actual = _table_counts(check)
        integrity = check.execute("pragma integrity_check").fetchone()[0]
    finally:
        check.close()
    if actual != expected or integrity != "ok":
        target.unlink(missing_ok=True)
        raise AirlockError("Encrypting the database failed its check (the copy differs); the plain database "
                           "is unchanged. Details are in the log.")
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(target, db_path)
    log.info("database encrypted: %s tables, %s rows", len(actual), sum(actual.values()))
