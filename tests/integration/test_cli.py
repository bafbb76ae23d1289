"""The `airlock` command line contract, through the installed console script."""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess

import pytest

from tests.conftest import assert_one_line_error
from tests.helpers.files import truncated_copy

pytestmark = pytest.mark.slow


def test_models_list_json_has_the_default_model(cli):
    models = json.loads(cli("models", "list", "--json").stdout)
    assert [m["name"] for m in models] == ["smollm2-135m"]
    model = models[0]
    assert model["kind"] == "text" and model["format"] == "gguf"
    assert model["size_bytes"] > 90_000_000 and len(model["sha256"]) == 64
    assert {"path", "architecture", "quantization", "context_length", "ram_estimate_bytes"} <= set(model)
    assert (cli.home / "airlock.db").exists() and (cli.home / "logs").is_dir()
    assert (cli.home / "models").is_dir() and (cli.home / "outputs").is_dir()


def test_text_json_then_history(cli):
    result = cli("text", "--seed", "5", "--max-tokens", "20", "--json", "Name three fruits.")
    answer = json.loads(result.stdout)  # exactly one JSON value on stdout
    assert set(answer) >= {"id", "model", "text", "prompt_tokens", "completion_tokens", "seconds"}
    assert answer["model"] == "smollm2-135m" and answer["text"] and answer["completion_tokens"] <= 20
    again = json.loads(cli("text", "--seed", "5", "--max-tokens", "20", "--json", "Name three fruits.").stdout)
    assert again["text"] == answer["text"]

    listed = json.loads(cli("history", "list", "--json").stdout)
    assert [r["id"] for r in listed] == [again["id"], answer["id"]]
    shown = json.loads(cli("history", "show", str(answer["id"]), "--json").stdout)
    assert shown["output"] == answer["text"] and shown["seed"] == 5
    found = json.loads(cli("history", "search", "fruits", "--json").stdout)
    assert {r["id"] for r in found} == {answer["id"], again["id"]}
    out = cli.home.parent / "export.jsonl"
    summary = json.loads(cli("history", "export", "--out", str(out), "--json").stdout)
    assert summary["records"] == 2 and len(out.read_text().splitlines()) == 2
    md = cli("history", "export", "--format", "md").stdout
    assert "Name three fruits." in md


def test_text_streams_to_the_terminal_as_tokens_arrive(airlock_cmd, tmp_path):
    process = subprocess.Popen(
        [*airlock_cmd, "text", "--home", str(tmp_path / "h"), "--seed", "3", "--max-tokens", "300",
         "Write a long story about a brave cat."], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready, "no output within 60 s"
        first = os.read(process.stdout.fileno(), 64)
        assert first and process.poll() is None, "output came only at the end"
        rest, _ = process.communicate(timeout=120)
        assert process.returncode == 0 and len(first + rest) > len(first)
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


def test_bad_input_exits_2_with_one_line(cli, tmp_path):
    pickle = tmp_path / "model.ckpt"
    pickle.write_bytes(b"\x80\x04")
    assert_one_line_error(cli("models", "import", str(pickle), check_exit=2), "pickle file")
    assert_one_line_error(cli("models", "import", str(tmp_path / "nope.gguf"), check_exit=2),
                          "does not exist")
    assert_one_line_error(cli("text", "--model", "nope", "hi", check_exit=2), "No model named 'nope'")
    assert_one_line_error(cli("history", "show", "12345", check_exit=2), "no generation 12345")
    assert_one_line_error(cli("models", "frobnicate", check_exit=2), "invalid choice")
    assert_one_line_error(cli("text", check_exit=2), "required")
    assert_one_line_error(cli("text", "--max-tokens", "x", "hi", check_exit=2), "invalid int")


def test_import_list_remove_round_trip(cli, smollm2, tmp_path):
    cut = truncated_copy(smollm2, tmp_path / "cut.gguf", smollm2.stat().st_size // 2)
    assert_one_line_error(cli("models", "import", str(cut), check_exit=2), "truncated")
    copy = tmp_path / "other.gguf"
    shutil.copyfile(smollm2, copy)
    with open(copy, "ab") as f:  # a different file (different hash), still complete
        f.write(b"\0" * 32)
    imported = json.loads(cli("models", "import", str(copy), "--name", "other", "--json").stdout)
    assert imported["name"] == "other" and imported["source"] == "copied"
    names = [m["name"] for m in json.loads(cli("models", "list", "--json").stdout)]
    assert names == ["other", "smollm2-135m"]
    assert json.loads(cli("models", "verify", "other", "--json").stdout)["ok"] is True
    cli("models", "remove", "other")
    assert not (cli.home / "models" / "other.gguf").exists()
    assert_one_line_error(cli("models", "remove", "other", check_exit=2), "No model named 'other'")


def test_failure_inside_exits_1_and_logs_the_details(cli):
    cli("models", "list")
    db = cli.home / "airlock.db"
    for extra in ("-wal", "-shm"):
        (cli.home / f"airlock.db{extra}").unlink(missing_ok=True)
    db.write_bytes(b"garbage" * 1000)
    result = cli("models", "list", check_exit=1)
    assert_one_line_error(result, "damaged or not an Airlock database")


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_a_full_generation_makes_no_network_connection_attempt(airlock_cmd, tmp_path):
    """Below Python too: strace sees every connect/sendto of every process, native code included."""
    trace = tmp_path / "trace"
    result = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace),
         *airlock_cmd, "text", "--home", str(tmp_path / "h"), "--seed", "1", "--max-tokens", "10",
         "Hello"], capture_output=True, text=True, timeout=300)
    if result.returncode != 0 and "ptrace" in result.stderr:
        pytest.skip("ptrace is not permitted here")
    assert result.returncode == 0, result.stderr
    calls = [line for line in trace.read_text().splitlines()
             if re.search(r"\b(connect|sendto|sendmsg)\(", line)]
    network = [line for line in calls if "AF_INET" in line or "AF_INET6" in line or "AF_NETLINK" in line]
    assert network == [], network
    assert not (tmp_path / "h" / "logs" / "network-blocked.log").exists()


def test_bench_text_json_shape(cli):
    report = json.loads(cli("bench", "text", "--json", "--tokens", "8", "--runs", "1").stdout)
    for side in ("raw", "engine"):
        assert report[side]["tokens_per_second"] > 0 and report[side]["first_token_s"] > 0
    assert report["ratio"]["tokens_per_second"] == pytest.approx(
        report["engine"]["tokens_per_second"] / report["raw"]["tokens_per_second"])
    assert report["same_text"] is True

