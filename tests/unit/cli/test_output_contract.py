"""Every command group hands back an Output that engine/cli/output.present prints: under
``--json`` exactly one JSON value on stdout, otherwise text; errors stay one line. Run in
this process (engine.cli.main.main), so each group costs no interpreter start."""

from __future__ import annotations

import json
import shutil

import pytest

from engine.cli import main as cli_main
from engine.cli.output import Output

JSON_COMMANDS = [
    ("api", "keys", "list"),
    ("connections", "list"),
    ("audit", "verify"),
    ("audit", "list"),
    ("settings", "show"),
    ("policy",),
    ("encryption", "status"),
    ("insights",),
    ("insights", "baselines"),
    ("batch", "list"),
]


@pytest.fixture
def run(tmp_path, capsys, opened_home):
    shutil.copytree(opened_home, tmp_path / "home")  # as a first open leaves it, without the wait

    def run(*args: str) -> tuple[int, str, str]:
        status = cli_main.main([*args, "--home", str(tmp_path / "home")])
        out = capsys.readouterr()
        return status, out.out, out.err

    return run


@pytest.mark.parametrize("command", JSON_COMMANDS, ids=" ".join)
def test_json_is_one_value_and_text_is_not_json(run, command):
    status, out, err = run(*command, "--json")
    assert status == 0, err
    json.loads(out)  # one value: a second one would fail to parse
    assert out.count("\n") == 1
    status, text, _ = run(*command)
    assert status == 0 and text.strip()
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)


def test_handlers_return_an_output_instead_of_printing(workspace, capsys):
    parser = cli_main.build_parser()
    for command in JSON_COMMANDS:
        args = parser.parse_args([*command, "--json"])
        assert isinstance(cli_main.handler_for(args.command)(workspace, args), Output), command
    assert capsys.readouterr().out == ""


def test_a_new_key_is_printed_once_and_revoked_in_one_line(run):
    status, out, err = run("api", "keys", "create", "--name", "crm", "--json")
    assert status == 0 and json.loads(out)["key"]
    status, out, err = run("api", "keys", "create", "--name", "crm2")
    assert status == 0 and len(out.splitlines()) == 1 and err.startswith("note: ")
    status, out, err = run("api", "keys", "revoke", "nobody")
    assert status == 2 and out == "" and err.startswith("error: ") and len(err.splitlines()) == 1
