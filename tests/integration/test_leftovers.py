"""Small holes: half-copied models after kill -9 or SIGTERM, links out of the chosen
folder, escape codes in names, huge pack versions, a manifest with a bogus sha256."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from engine.home import Home
from engine.workspace import Workspace
from tests.conftest import assert_one_line_error


def start_import(airlock_cmd, home: Path, source: Path) -> subprocess.Popen:
    return subprocess.Popen([*airlock_cmd, "models", "import", str(source), "--name", "copy", "--home", str(home)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "AIRLOCK_HOME": ""})


def wait_for_part(home: Path, process: subprocess.Popen) -> Path:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        parts = list((home / "models").glob("*.part"))
        if parts:
            return parts[0]
        assert process.poll() is None, process.communicate()
        time.sleep(0.005)
    raise AssertionError("the copy never started")


def models_in_db(home: Path) -> list[str]:
    conn = sqlite3.connect(home / "airlock.db")
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        return [r[0] for r in conn.execute("select name from models")]
    finally:
        conn.close()


@pytest.mark.slow
def test_a_copy_left_by_kill_9_is_removed_on_the_next_start(airlock_cmd, cli, smollm2):
    cli("models", "list")
    process = start_import(airlock_cmd, cli.home, smollm2)
    part = wait_for_part(cli.home, process)
    process.kill()
    process.communicate(timeout=60)
    assert part.exists()
    cli("models", "list")
    assert not part.exists() and list((cli.home / "models").glob("*.part")) == []
    assert "copy" not in models_in_db(cli.home)


@pytest.mark.slow
def test_sigterm_during_an_import_is_one_line_and_leaves_no_copy(airlock_cmd, cli, smollm2):
    cli("models", "list")
    process = start_import(airlock_cmd, cli.home, smollm2)
    wait_for_part(cli.home, process)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: stopped by a termination signal"), err
    assert list((cli.home / "models").iterdir()) == [] and "copy" not in models_in_db(cli.home)


def test_a_knowledge_link_out_of_the_chosen_folder_is_refused(cli, tmp_path):
    secret = tmp_path / "private" / "shadow"
    secret.parent.mkdir()
    secret.write_text("root:$6$secret\n")
    chosen = tmp_path / "docs"
    chosen.mkdir()
    (chosen / "notes.txt").symlink_to(secret)
    (chosen / "real.txt").write_text("Tea sets are hand-made.\n")
    (chosen / "inside.txt").symlink_to(chosen / "real.txt")
    result = cli("knowledge", "import", str(chosen / "notes.txt"), "--collection", "c", check_exit=2)
    assert_one_line_error(result, "notes.txt is a link to .*shadow, outside the folder it is in")
    cli("knowledge", "import", str(chosen / "inside.txt"), "--collection", "c")  # a link inside is fine
    assert "secret" not in cli("knowledge", "search", "root", "--json").stdout


def test_escape_codes_and_line_breaks_in_names_are_shown_escaped(cli):
    evil = "tea\x1b[2J\x1b[31mred\nfake line\r"
    ws = Workspace(Home(cli.home).ensure())
    try:
        ws.history.add({"prompt": evil, "output": "x", "model": evil, "status": "done"})
    finally:
        ws.close()
    listed = cli("history", "list").stdout
    assert "\x1b" not in listed and "\r" not in listed
    assert listed.count("\n") == 1 and "\\x1b[2J" in listed
    error = cli("templates", "show", evil, check_exit=2)
    assert_one_line_error(error, r"\\x1b\[2J")
    assert "\x1b" not in error.stderr


def pack_zip(body: bytes, files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"airlock_pack": 1, "name": "p", "files": files}))
        archive.writestr("pack.json", body)
        for name in files:
            if name != "pack.json":
                archive.writestr(name, b"extra")
    return buffer.getvalue()


def test_packs_with_a_huge_version_or_a_bogus_manifest_sha256_are_refused(cli, tmp_path):
    exported = tmp_path / "all.json"
    cli("templates", "export", "--all", "--out", str(exported))
    pack = json.loads(exported.read_text())
    pack["templates"] = [{**pack["templates"][0], "name": "huge", "version": int("9" * 4000)}]
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps(pack))
    assert_one_line_error(cli("templates", "import", str(huge), check_exit=2), "'version' must be a whole number")
    body = exported.read_bytes()
    good = {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
    bogus = tmp_path / "bogus.zip"
    bogus.write_bytes(pack_zip(body, {"pack.json": good, "logo.png": {"sha256": "0" * 64, "size": 5}}))
    assert_one_line_error(cli("templates", "import", str(bogus), check_exit=2),
                          "logo.png does not match the sha256 in manifest.json")
    assert "huge" not in cli("templates", "list").stdout
