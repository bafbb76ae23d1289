"""Reading what a home stores with plain SQLite, to check that personal data is masked."""

from __future__ import annotations

import json
import sqlite3

SECRETS = ("amy@corp.com.tw", "A123456789", "0912-345-678", "Acme Corp")
PII_TEXT = "Mail amy@corp.com.tw, ID A123456789, 客戶 0912-345-678, Acme Corp"


def raw(ws, sql: str, args=()) -> str:
    """Every value the query returns, as one text, read from the database file with a
    connection of its own (plain sqlite3, not the store that wrote it)."""
    conn = sqlite3.connect(ws.home.db_path)
    try:
        return json.dumps([list(r) for r in conn.execute(sql, args).fetchall()], ensure_ascii=False)
    finally:
        conn.close()


def assert_masked(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, secret
