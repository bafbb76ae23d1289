"""Secrets of one data home: in the OS keyring where there is one, else in a key file.

The keyring (the ``keyring`` package) is Windows Credential Manager, the macOS Keychain
or the Secret Service on a Linux desktop. A headless Linux machine has no keyring
backend at all (``keyring`` answers with its ``fail`` backend); there the audit log's
HMAC key falls back to a file in the data home (``keys/<name>.key``, mode 0600), which
protects the chain against edits by someone without that file, not against the owner of
the account. docs/privacy.md says so. The database key never takes the file path: a key
next to the database it opens would protect nothing, so without a keyring encryption
asks for a passphrase (engine/trust/encryption.py).
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

log = logging.getLogger(__name__)

SERVICE = "Airlock"
KEYRING_VARIABLE = "AIRLOCK_KEYRING"
"""Set to ``file`` to skip the OS keyring (CI machines, tests) even where one exists."""


def keyring_available() -> bool:
    """Whether a real OS keyring backend is there (not keyring's ``fail`` or ``null`` one)."""
    if os.environ.get(KEYRING_VARIABLE) == "file":
        return False
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is "no keyring", logged
        log.warning("the OS keyring cannot be used", exc_info=True)
        return False
    if isinstance(backend, fail.Keyring):
        return False
    return getattr(backend, "priority", 1) > 0


def _account(home_root: Path, name: str) -> str:
    return f"{name}:{home_root}"


def keyring_get(home_root: Path, name: str) -> str | None:
    import keyring

    return keyring.get_password(SERVICE, _account(home_root, name))


def keyring_set(home_root: Path, name: str, value: str) -> None:
    import keyring

    keyring.set_password(SERVICE, _account(home_root, name), value)


def key_file(home_root: Path, name: str) -> Path:
    return home_root / "keys" / f"{name}.key"


def _read_or_create_file(path: Path) -> str:
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    value = secrets.token_hex(32)
    partial = path.with_name(path.name + ".part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(value)
    os.replace(partial, path)
    return value


def home_secret(home_root: Path, name: str) -> tuple[bytes, str]:
    """A 32-byte secret for ``name`` in this home, created on first use.

    Returns (secret, where): where is ``keyring`` or the key file's path, for the docs
    and the Settings page to say where the key lives. A key already in a file stays in
    that file (moving it would break the chain it signed).
    """
    path = key_file(home_root, name)
    if not path.exists() and keyring_available():
        try:
            value = keyring_get(home_root, name)
            if value is None:
                value = secrets.token_hex(32)
                keyring_set(home_root, name, value)
            return bytes.fromhex(value), "keyring"
        except Exception:
            log.warning("the OS keyring refused the %s key; using a key file", name, exc_info=True)
    return bytes.fromhex(_read_or_create_file(path)), str(path)
