"""The trust commands through the installed `airlock` script: audit verify, locked
settings, the PII preview, redacted exports, purge and encryption."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.conftest import assert_one_line_error

pytestmark = pytest.mark.slow

SECRETS = ("amy@corp.com.tw", "A123456789", "0912-345-678", "Acme Corp", "22099131")


def seed_history(cli) -> None:
    """A generation holding PII in every field, written through the engine's History."""
    from engine.workspace import Workspace

    with Workspace.open(cli.home) as ws:
        ws.history.add({"kind": "text", "model": "smollm2-135m", "status": "done",
                        "prompt": "Mail amy@corp.com.tw about Acme Corp", "output": "Call 0912-345-678",
                        "system": "ID A123456789",
                        "params": {"variables": {"company": "Acme Corp", "vat": "統編 22099131"},
                                   "knowledge": [{"snippet": "amy@corp.com.tw"}]}})


def test_audit_verify_passes_then_names_the_tampered_entry(cli):
    seed_history(cli)
    cli("settings", "set", "retention_days", "90")
    result = json.loads(cli("audit", "verify", "--json").stdout)
    assert result["ok"] is True and result["entries"] >= 2 and result["first_bad"] is None
    events = [e["event"] for e in json.loads(cli("audit", "list", "--json").stdout)]
    assert "generation.made" in events and "settings.changed" in events
    conn = sqlite3.connect(cli.home / "airlock.db")
    conn.execute("drop trigger audit_log_no_update")
    conn.execute("update audit_log set actor = 'someone else' where id = 1")
    conn.commit()
    conn.close()
    broken = cli("audit", "verify", "--json", check_exit=1)
    assert json.loads(broken.stdout) == {"ok": False, "entries": 1, "first_bad": 1,
                                         "reason": "the entry was changed"}
    assert_one_line_error(cli("audit", "verify", check_exit=1), "broken at entry 1")


def test_audit_export_writes_csv(cli, tmp_path):
    seed_history(cli)
    out = tmp_path / "audit.csv"
    cli("audit", "export", "--out", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,at,actor,event,details" and len(lines) >= 2
    assert "amy@corp.com.tw" not in out.read_text(encoding="utf-8")  # no content by default


def test_a_locked_setting_is_refused_in_one_line(cli):
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "policy.json").write_text(json.dumps(
        {"retention_days": 30, "reason": "IT-SEC 4.2"}), encoding="utf-8")
    assert_one_line_error(cli("settings", "set", "retention_days", "forever", check_exit=2),
                          r"History retention is managed by your organization \(IT-SEC 4.2\)")
    shown = json.loads(cli("settings", "show", "--json").stdout)
    assert shown["retention_days"] == {"value": 30, "locked": True, "reason": "IT-SEC 4.2"}
    assert json.loads(cli("policy", "--json").stdout)["locked"] == ["retention_days"]


def test_pii_preview(cli):
    result = json.loads(cli("pii", "--json", "電話０９１２３４５６７８ ID a123456789").stdout)
    assert result["redacted"] == "電話[phone] ID [id]"
    assert result["counts"] == {"phone": 1, "tw_id": 1}


def test_a_redacted_export_holds_no_pii_in_any_field(cli, tmp_path):
    seed_history(cli)
    cli("settings", "set", "pii_terms", "Acme Corp")
    out = tmp_path / "history.jsonl"
    cli("history", "export", "--redact", "--out", str(out))
    text = out.read_text(encoding="utf-8")
    assert "[email]" in text and "[business-id]" in text
    for secret in SECRETS:
        assert secret not in text, secret
    plain = cli("history", "export").stdout
    assert "amy@corp.com.tw" in plain  # without --redact and without the exports mode
    cli("settings", "set", "pii_mode", "exports")
    assert "amy@corp.com.tw" not in cli("history", "export").stdout  # the mode forces it
    exports = [e for e in json.loads(cli("audit", "list", "--json", "--event", "export.written").stdout)]
    assert [e["details"]["redacted"] for e in exports] == [True, False, True]


def test_purge_everything_needs_confirmation(cli):
    seed_history(cli)
    assert_one_line_error(cli("purge", "--everything", check_exit=2), "delete everything")
    result = json.loads(cli("purge", "--everything", "--confirm", "delete everything", "--json").stdout)
    assert result["generations"] == 1
    assert json.loads(cli("history", "list", "--json").stdout) == []
    assert json.loads(cli("audit", "verify", "--json").stdout)["ok"]


def test_encryption_on_with_a_passphrase_and_a_wrong_one(cli, airlock_cmd):
    import os
    import subprocess

    seed_history(cli)
    env = {**os.environ, "AIRLOCK_HOME": "", "AIRLOCK_PASSPHRASE": "correct horse battery"}

    def run(*args, passphrase=None):
        e = dict(env)
        if passphrase is not None:
            e["AIRLOCK_PASSPHRASE"] = passphrase
        return subprocess.run([*airlock_cmd, *args, "--home", str(cli.home)], capture_output=True, text=True,
                              env=e, timeout=300)

    on = run("encryption", "on", "--json")
    assert on.returncode == 0, on.stderr
    assert json.loads(on.stdout) == {"enabled": True, "method": "passphrase"}
    listed = run("history", "list", "--json")
    assert listed.returncode == 0 and "amy@corp.com.tw" in listed.stdout
    wrong = run("history", "list", passphrase="not the passphrase")
    assert wrong.returncode == 2 and wrong.stderr.startswith("error: The database could not be unlocked")
    assert len(wrong.stderr.strip().splitlines()) == 1
    missing = run("history", "list", passphrase="")
    assert missing.returncode == 2 and "AIRLOCK_PASSPHRASE" in missing.stderr
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(cli.home / "airlock.db").execute("select count(*) from generations").fetchone()


def test_pack_imports_and_api_keys_are_audited(cli, tmp_path):
    pack = tmp_path / "pack.json"
    cli("templates", "export", "--all", "--out", str(pack))
    cli("templates", "import", str(pack), "--on-conflict", "keep-both")
    cli("api", "keys", "create", "--name", "crm-bot")
    entries = json.loads(cli("audit", "list", "--json").stdout)
    by_event = {e["event"]: e["details"] for e in entries}
    assert by_event["pack.imported"]["pack"] and "added" in by_event["pack.imported"]
    assert by_event["api_key.issued"]["name"] == "crm-bot"
    assert "key" not in by_event["api_key.issued"]  # the secret never reaches the log
    assert json.loads(cli("audit", "verify", "--json").stdout)["ok"]


def test_deleting_by_hand_is_audited_as_a_count(cli):
    seed_history(cli)
    generation = json.loads(cli("history", "list", "--json").stdout)[0]["id"]
    cli("history", "delete", str(generation))
    purged = json.loads(cli("audit", "list", "--json", "--event", "data.purged").stdout)
    assert purged[0]["details"] == {"reason": "deleted by hand", "generations": 1}
