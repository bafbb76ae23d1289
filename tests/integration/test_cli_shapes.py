"""One JSON shape per object on the command line (issue 9 item 6): a generation looks the
same from `text --json` and `templates run --json` (both from engine/serialize.py),
`templates diff` has --json, and `history delete` takes the files with the rows."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow


def test_text_and_template_run_give_one_shape(cli):
    plain = json.loads(cli("text", "--seed", "3", "--max-tokens", "8", "--json", "Say hi.").stdout)
    templated = json.loads(cli("templates", "run", "Instagram caption", "--var", "brand=Northwind",
                               "--var", "topic=New tent", "--var", "key_points=Light", "--seed", "3",
                               "--max-tokens", "8", "--json").stdout)
    assert set(plain) == set(templated)
    assert plain["template"] is None and plain["citations"] == [] and plain["prompt"] == "Say hi."
    assert templated["template"] == "Instagram caption" and "Northwind" in templated["prompt"]
    for answer in (plain, templated):
        assert answer["text"] and answer["completion_tokens"] <= 8 and answer["tokens_per_second"] is not None

    cli("history", "delete", str(plain["id"]), "--json")
    assert [r["id"] for r in json.loads(cli("history", "list", "--json").stdout)] == [templated["id"]]


def test_templates_diff_json(cli):
    unchanged = json.loads(cli("templates", "diff", "Instagram caption", "1", "--json").stdout)
    assert unchanged == {"name": "Instagram caption", "old": 1, "new": None, "changed": False, "diff": ""}
    assert cli("templates", "diff", "Instagram caption", "1").stdout.strip() == "No differences."
